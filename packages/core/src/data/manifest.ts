import { createHash } from 'node:crypto';
import path from 'node:path';
import { writeFileAtomic } from '../fs-atomic.js';
import type { SyncedFile } from './sync.js';
import type { Target } from './plan.js';
import { cacheIdOf } from './plan.js';

/** One line of the manifest: a file of the dataset. */
export interface ManifestFile {
  /** `/`-separated, relative to the manifest's base folder. */
  readonly path: string;
  readonly size: number;
  readonly md5: string;
  /** Where it came from: the store and key, and the S3 version when known. */
  readonly source: string;
  readonly key: string;
  readonly versionId?: string;
}

export interface Manifest {
  readonly version: 1;
  readonly base: string;
  readonly digest: string;
  readonly files: readonly ManifestFile[];
}

/**
 * The dataset as pulled: every file with size, md5 and source version, in
 * path order, and a digest of the whole (sha256 over sorted `path NUL md5`
 * lines) that does not depend on where or how the files were fetched.
 */
export function buildManifest(files: readonly SyncedFile[], base: string): Manifest {
  const relative = relativePaths(base);
  const entries = files
    .map((synced) => ({
      path: relative(synced),
      size: synced.size,
      md5: synced.md5,
      source: `${synced.target.store.description}/${synced.file.key}`,
      key: synced.file.key,
      ...(synced.file.versionId ? { versionId: synced.file.versionId } : {}),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { version: 1, base, digest: digestOf(entries), files: entries };
}

export function digestOf(entries: readonly { path: string; md5: string }[]): string {
  // One update over the joined lines: ten thousand small updates cost more than the hashing.
  return createHash('sha256')
    .update(entries.map((entry) => `${entry.path}\0${entry.md5}\n`).join(''))
    .digest('hex');
}

/**
 * A file's path relative to `base`, `/`-separated. A folder target's files
 * are its root's relative path plus their relpath: one path.relative per
 * target, not per file.
 */
function relativePaths(base: string): (synced: SyncedFile) => string {
  const roots = new Map<string, string>();
  const slashed = (native: string) => native.split(path.sep).join('/');
  return (synced) => {
    if (synced.target.kind !== 'dir') return slashed(path.relative(base, synced.path));
    let root = roots.get(synced.target.root);
    if (root === undefined) {
      root = slashed(path.relative(base, synced.target.root));
      roots.set(synced.target.root, root);
    }
    return root === '' ? synced.file.relpath : `${root}/${synced.file.relpath}`;
  };
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(manifest, null, 1)}\n`);
}

/**
 * A short, stable name of what the plan asks for (before any download), for
 * the cross-run cache key: the same dataset version gives the same key.
 */
export function planIdentity(targets: readonly Target[]): string {
  const hash = createHash('sha256');
  // Not the absolute destination: the same dataset on another runner is the same key.
  const lines = targets.flatMap((target, index) =>
    target.files.map((file) => `${index}/${file.relpath}\0${cacheIdOf(file) ?? `${file.key}|${file.size ?? ''}`}|${file.versionId ?? ''}`),
  );
  return hash.update(lines.sort().map((line) => `${line}\n`).join('')).digest('hex').slice(0, 40);
}
