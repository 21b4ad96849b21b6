import path from 'node:path';
import type { Logger } from '../host/types.js';
import type { ObjectStore } from '../storage/types.js';
import type { DvcRemote } from './dvc-config.js';
import { dvcObjectKey, parseDirManifest } from './dvc-dir.js';
import type { DvcOut } from './dvc-files.js';
import type { ObjectCache } from './object-cache.js';
import type { PlannedFile, Target } from './plan.js';
import { downloadVerified } from './transfer.js';

/** A DVC out, the remote it is read from, and where it lands. */
export interface DvcPull {
  readonly out: DvcOut;
  readonly remote: DvcRemote;
  /** Absolute destination: the out's path, or where `path` puts it. */
  readonly dest: string;
  /** Path used by include/exclude and the manifest: relative to the DVC repository. */
  readonly displayPath: string;
}

export interface DvcPlanContext {
  readonly cache: ObjectCache;
  readonly storeFor: (remote: DvcRemote) => { store: ObjectStore; prefix: string };
  readonly filter: (relpath: string) => boolean;
  readonly log: Logger;
  /** The folder paths in messages are shown relative to (the run's working folder). */
  readonly cwd: string;
}

/**
 * Turns DVC outs into targets: a file out is one object; a directory out is
 * the files its `.dir` manifest lists (fetched once, verified, and kept in
 * the local cache like any object). Keys follow the out's format: 3.x under
 * `files/md5/`, 2.x (md5-dos2unix) at the remote's root.
 */
export async function planDvc(pulls: readonly DvcPull[], context: DvcPlanContext): Promise<Target[]> {
  const targets: Target[] = [];
  for (const pull of pulls) {
    const { out } = pull;
    const { store, prefix } = context.storeFor(pull.remote);
    const legacy = out.hashName === 'md5-dos2unix';
    const objectFile = (md5: string, relpath: string, size?: number): PlannedFile => ({
      relpath,
      key: dvcObjectKey(prefix, md5, legacy),
      check: { kind: out.hashName, hash: md5 },
      ...(size !== undefined ? { size } : {}),
    });
    if (!out.isDir) {
      const files = context.filter(pull.displayPath) ? [objectFile(out.md5, path.basename(pull.dest), out.size)] : [];
      targets.push({ root: pull.dest, kind: 'file', store, files, source: out.origin });
      continue;
    }
    const entries = parseDirManifest(await readDirObject(pull, store, prefix, context), `${out.md5}.dir (${out.origin})`);
    const files = entries.filter((entry) => context.filter(`${pull.displayPath}/${entry.relpath}`)).map((entry) => objectFile(entry.md5, entry.relpath));
    targets.push({ root: pull.dest, kind: 'dir', store, files, source: out.origin });
  }
  return targets;
}

/** The `.dir` object: from the local cache when there, else from the remote (verified, then cached). */
async function readDirObject(pull: DvcPull, store: ObjectStore, prefix: string, { cache, cwd }: DvcPlanContext): Promise<Buffer> {
  const { out } = pull;
  const id = `${out.hashName}/${out.md5}.dir`;
  const cached = await cache.read(id);
  if (cached) return cached;
  const file: PlannedFile = { relpath: `${out.md5}.dir`, key: `${dvcObjectKey(prefix, out.md5, out.hashName === 'md5-dos2unix')}.dir`, check: { kind: out.hashName, hash: out.md5 } };
  const temp = cache.tempPath();
  try {
    await downloadVerified(store, file, temp, () => undefined);
  } catch (err) {
    throw new Error(`cannot read the .dir manifest of ${path.relative(cwd, out.path) || out.path} (${out.origin}) from remote '${pull.remote.name}': ${(err as Error).message}`, { cause: err });
  }
  await cache.adopt(temp, id);
  return (await cache.read(id)) as Buffer;
}
