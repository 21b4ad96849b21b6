import type { ObjectStore } from '../storage/types.js';
import type { HashName } from './hashing.js';

/** How a file's bytes are checked once downloaded. */
export type Check =
  /** A recorded md5 (DVC 3.x, single-part S3 ETag) or DVC 2.x md5-dos2unix. */
  | { readonly kind: HashName; readonly hash: string }
  /** Only the size: a multipart ETag, or a plain folder source. */
  | { readonly kind: 'size' };

/** One file to put in place. */
export interface PlannedFile {
  /** `/`-separated, relative to its target's root; already checked to stay inside it. */
  readonly relpath: string;
  /** The object's key in its store. */
  readonly key: string;
  readonly size?: number;
  readonly check: Check;
  /** S3 ETag (a stable name for cached content when it is not a plain md5). */
  readonly etag?: string;
  readonly versionId?: string;
  /** A check of the bytes beyond size and hash (a Delta data file's row count), run before the file is kept. */
  readonly contentCheck?: ContentCheck;
}

/** Why a file's bytes are not what its plan expects, or undefined when they are. `file` is where they are on disk. */
export type ContentCheck = (file: string) => Promise<string | undefined>;

/** A destination and what belongs in it. */
export interface Target {
  /** Absolute: a folder (`dir`) or a single file (`file`, whose one entry has relpath = its base name). */
  readonly root: string;
  readonly kind: 'dir' | 'file';
  readonly store: ObjectStore;
  readonly files: readonly PlannedFile[];
  /** What the source was, for the manifest: `s3://b/p`, `data.dvc:3`. */
  readonly source: string;
}

/**
 * The content-addressed name of a file's bytes in the local cache, when it is
 * known before downloading: by recorded hash, else by ETag and size.
 */
export function cacheIdOf(file: PlannedFile): string | undefined {
  if (file.check.kind !== 'size') return `${file.check.kind}/${file.check.hash}`;
  if (file.etag && file.size !== undefined) return `etag/${file.etag.replace(/[^0-9A-Za-z-]/g, '')}-${file.size}`;
  return undefined;
}
