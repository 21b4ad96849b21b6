import path from 'node:path';
import { InputError } from '../errors.js';
import { readInputText } from '../fs-input.js';
import { UnsupportedEntryError } from '../storage/local.js';
import type { LocationKind } from '../storage/location.js';
import { BucketNotFoundError, StoreSettingsError, VersionsNotKeptError, type ObjectStore, type StoredObject } from '../storage/types.js';
import { isPlainMd5 } from './hashing.js';
import type { Manifest } from './manifest.js';
import type { PlannedFile, Target } from './plan.js';
import { unsafeRelpath } from './safe-path.js';

export interface SourcePlanRequest {
  /** The source as given, for messages and the manifest. */
  readonly url: string;
  /** What kind of store it names: an empty folder is a dataset, an empty bucket prefix a likely typo. */
  readonly kind: LocationKind;
  readonly store: ObjectStore;
  readonly prefix: string;
  /** Absolute destination folder. */
  readonly dest: string;
  readonly filter: (relpath: string) => boolean;
  /** Newest version of each object at this time (S3 versioning). */
  readonly asOf?: Date;
  /** Exact object versions from a manifest a previous pull wrote (`version` input). */
  readonly pinned?: PinnedVersions;
  /** `delete` is on: an empty plan would only remove files, so it is refused. */
  readonly deleting?: boolean;
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
  let found = 0;
  if (request.pinned) {
    for (const [key, pin] of request.pinned) {
      if (!key.startsWith(prefix)) throw new InputError('version', `pins ${key}, which is not under ${request.url}`);
      const relpath = checkedRelpath(key, prefix, 'version');
      found++;
      if (!request.filter(relpath)) continue;
      files.push({ relpath, key, size: pin.size, check: { kind: 'md5', hash: pin.md5 }, ...(pin.versionId ? { versionId: pin.versionId } : {}) });
    }
  } else {
    const listing = request.asOf ? request.store.listAsOf(prefix, request.asOf) : request.store.list(prefix);
    try {
      for await (const object of listing) {
        const relpath = checkedRelpath(object.key, prefix, 'source');
        found++;
        if (request.filter(relpath)) files.push(plannedObject(object, relpath));
      }
    } catch (err) {
      throw listingFailure(err, 'source', request.url);
    }
  }
  checkNotEmpty(request, found, files.length);
  return { root: request.dest, kind: 'dir', store: request.store, files, source: request.url };
}

/**
 * What a failed listing of `url` (given as `input`) is: a bucket or container
 * that does not exist, or an entry a folder cannot hold, is bad input naming
 * it, as are store settings that name no usable store (StoreSettingsError:
 * e.g. Azure credentials naming no account); a store without
 * versions is bad input naming `as-of`; anything else (network, credentials
 * the service refuses) stays the store's failure, returned unchanged.
 */
export function listingFailure(err: unknown, input: string, url: string): unknown {
  if (err instanceof BucketNotFoundError) return new InputError(input, `${url}: the bucket does not exist`, { cause: err });
  if (err instanceof UnsupportedEntryError) return new InputError(input, err.message, { cause: err });
  if (err instanceof VersionsNotKeptError) return new InputError('as-of', err.message, { cause: err });
  // The settings are wrong, not the service: e.g. no Azure account named, or a malformed connection string.
  if (err instanceof StoreSettingsError) return new InputError(input, err.message, { cause: err });
  return err;
}

/**
 * An empty plan that cannot be told from a mistake is a bad input. S3 has no
 * folders, so a prefix with no objects is as likely a typo as an empty
 * dataset: refused. An existing empty folder is an empty dataset (0 files),
 * except under `delete`, where it would only empty the destination.
 */
function checkNotEmpty(request: SourcePlanRequest, found: number, selected: number): void {
  if (found === 0 && !request.pinned && request.kind !== 'folder') {
    if (request.asOf) throw new InputError('as-of', `no objects under ${request.url} existed at ${request.asOf.toISOString()}`);
    throw new InputError('source', `no objects under ${request.url} (object stores have no empty folders: check the bucket and prefix)`);
  }
  if (!request.deleting || selected > 0) return;
  if (found === 0) {
    const input = request.pinned ? 'version' : 'source';
    throw new InputError(input, `${request.pinned ? 'pins' : 'has'} no files under ${request.url}; with delete that would only empty ${request.dest}: refusing`);
  }
  throw new InputError('include', `include/exclude select none of the ${found} files of ${request.url}; with delete that would only remove files from ${request.dest}: refusing`);
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
  // As every input file is read: a regular file, bounded (a FIFO is refused, not waited on).
  const text = await readInputText({ input: 'version', what: 'version manifest', file, cwd: path.dirname(file) });
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
