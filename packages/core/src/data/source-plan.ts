import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { ObjectStore, StoredObject } from '../storage/types.js';
import { isPlainMd5 } from './hashing.js';
import type { Manifest } from './manifest.js';
import type { PlannedFile, Target } from './plan.js';
import { unsafeRelpath } from './safe-path.js';

export interface SourcePlanRequest {
  readonly url: string;
  readonly store: ObjectStore;
  readonly prefix: string;
  /** Absolute destination folder. */
  readonly dest: string;
  readonly filter: (relpath: string) => boolean;
  /** Newest version of each object at this time (S3 versioning). */
  readonly asOf?: Date;
  /** Exact object versions from a manifest a previous pull wrote (`version` input). */
  readonly pinned?: PinnedVersions;
}

/** Object versions pinned per key, with the md5 the pinning manifest recorded. */
export type PinnedVersions = ReadonlyMap<string, { readonly versionId?: string; readonly md5: string; readonly size: number }>;

/**
 * Plans a plain `source` sync: every object under the prefix (as it is now,
 * as it was at `as-of`, or exactly the versions a manifest pins) becomes a
 * file at its key relative to the prefix. A key that would land outside the
 * destination is refused before anything is written.
 */
export async function planSource(request: SourcePlanRequest): Promise<Target> {
  const prefix = request.prefix === '' || request.prefix.endsWith('/') ? request.prefix : `${request.prefix}/`;
  const files: PlannedFile[] = [];
  if (request.pinned) {
    for (const [key, pin] of request.pinned) {
      if (!key.startsWith(prefix)) throw new InputError('version', `pins ${key}, which is not under ${request.url}`);
      const relpath = checkedRelpath(key, prefix, 'version');
      if (!request.filter(relpath)) continue;
      files.push({ relpath, key, size: pin.size, check: { kind: 'md5', hash: pin.md5 }, ...(pin.versionId ? { versionId: pin.versionId } : {}) });
    }
  } else {
    const listing = request.asOf ? request.store.listAsOf(prefix, request.asOf) : request.store.list(prefix);
    for await (const object of listing) {
      const relpath = checkedRelpath(object.key, prefix, 'source');
      if (request.filter(relpath)) files.push(plannedObject(object, relpath));
    }
  }
  return { root: request.dest, kind: 'dir', store: request.store, files, source: request.url };
}

function plannedObject(object: StoredObject, relpath: string): PlannedFile {
  return {
    relpath,
    key: object.key,
    size: object.size,
    // A single-part upload's ETag is the md5 of its bytes: verify against it.
    check: isPlainMd5(object.etag) ? { kind: 'md5', hash: object.etag } : { kind: 'size' },
    ...(object.etag ? { etag: object.etag } : {}),
    ...(object.versionId ? { versionId: object.versionId } : {}),
  };
}

function checkedRelpath(key: string, prefix: string, input: string): string {
  const relpath = key.slice(prefix.length);
  const unsafe = unsafeRelpath(relpath);
  if (unsafe) throw new InputError(input, `object key ${JSON.stringify(key)} ${unsafe}; refusing to write it outside the destination`);
  return relpath;
}

/** Reads the `version` input: a manifest written by an earlier data-pull, pinning each key's version. */
export async function readPinnedVersions(file: string): Promise<PinnedVersions> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new InputError('version', `cannot read ${file}: ${err.code ?? err.message}`);
  });
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (err) {
    throw new InputError('version', `${file} is not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(manifest?.files)) throw new InputError('version', `${file} is not a data-pull manifest (no "files" list)`);
  const pins = new Map<string, { versionId?: string; md5: string; size: number }>();
  manifest.files.forEach((entry, index) => {
    if (typeof entry?.key !== 'string' || typeof entry.md5 !== 'string' || !/^[0-9a-f]{32}$/.test(entry.md5) || typeof entry.size !== 'number') {
      throw new InputError('version', `${file}: files[${index}] needs key, md5 and size`);
    }
    pins.set(entry.key, { md5: entry.md5, size: entry.size, ...(typeof entry.versionId === 'string' ? { versionId: entry.versionId } : {}) });
  });
  return pins;
}
