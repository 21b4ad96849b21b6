import type { Readable } from 'node:stream';

/** One object (or one version of it) as a store lists it. */
export interface StoredObject {
  /** The key, `/`-separated, relative to the store's root (not to a listing prefix). */
  readonly key: string;
  readonly size: number;
  /** The ETag without quotes; a plain md5 only for single-part uploads (no `-`). */
  readonly etag?: string;
  readonly versionId?: string;
  readonly lastModified?: Date;
}

export interface ReadOptions {
  readonly versionId?: string;
  /** Inclusive byte range, for ranged parallel reads of large objects. */
  readonly range?: { readonly start: number; readonly end: number };
}

/**
 * The few things data-pull needs from an object store, so the sync engine
 * reads S3 and a folder the same way. Keys never start with `/`.
 */
export interface ObjectStore {
  /** A printable, secret-free name for messages: `s3://bucket/prefix`, `/abs/dir`. */
  readonly description: string;
  /** Every object under `prefix`, in no particular order. */
  list(prefix: string): AsyncIterable<StoredObject>;
  /**
   * The newest version of each object under `prefix` as it was at `asOf`
   * (objects deleted then are absent). Stores without versioning throw.
   */
  listAsOf(prefix: string, asOf: Date): AsyncIterable<StoredObject>;
  /** The object's metadata, or undefined when it does not exist. */
  head(key: string, versionId?: string): Promise<StoredObject | undefined>;
  /** The object's bytes (or a range of them) as a stream. Throws NotFoundError when absent. */
  read(key: string, options?: ReadOptions): Promise<Readable>;
}

/** The object does not exist: never worth a retry. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The bucket (or container) itself does not exist: bad input naming the location, never a retry. Stores throw it from `list`. */
export class BucketNotFoundError extends Error {
  override readonly name = 'BucketNotFoundError';
}

/**
 * The settings meant to reach a store name none that can be used (no account,
 * a malformed account name or connection string): bad input naming the input
 * that pointed at the store, never the service's failure. Each backend throws
 * a subclass of its own.
 */
export class StoreSettingsError extends Error {
  override readonly name: string = 'StoreSettingsError';
}

/** The store keeps no versions to answer "as of a time" with (e.g. an Azure account without blob versioning): bad input naming `as-of`, never a read of "now". */
export class VersionsNotKeptError extends Error {
  override readonly name = 'VersionsNotKeptError';
}
