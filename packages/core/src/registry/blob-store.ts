/**
 * What the object-store registry needs from where it keeps its files: reads
 * with an entity tag, a create-only write and a compare-and-swap write. S3
 * gives these natively (`If-None-Match: *`, `If-Match: <etag>`); the local
 * backend builds them from exclusive create, rename and a lock file.
 */

/** The object's bytes and the tag a later compare-and-swap must present. */
export interface TaggedObject {
  readonly body: Buffer;
  readonly etag: string;
}

export interface BlobStore {
  /** Printable, secret-free location: `s3://bucket/prefix`, `/abs/dir`. */
  readonly description: string;
  /** The object and its tag, or null when it does not exist. */
  get(key: string): Promise<TaggedObject | null>;
  /** Writes only when nothing is at `key`; false when something already is (S3: 412). */
  createOnly(key: string, body: Buffer | string): Promise<boolean>;
  /** Replaces `key` only if it still has `etag`; false when it changed meanwhile (S3: 412). */
  replaceIf(key: string, body: Buffer | string, etag: string): Promise<boolean>;
  /** The keys directly or indirectly under `prefix` (which ends with `/`). */
  list(prefix: string): Promise<string[]>;
  /**
   * Uploads a local file to `key` and verifies what the store holds is that file.
   * `onProgress` hears the bytes sent so far, as the store reports them.
   */
  upload(key: string, file: string, sha256: string, size: number, onProgress?: (sent: number) => void): Promise<void>;
  /** Where `key` lives, for the `uri` output: `s3://bucket/prefix/key`, `/abs/dir/key`. */
  locate(key: string): string;
  /** Removes `key`; nothing happens when it is already gone. */
  delete(key: string): Promise<void>;
  /**
   * Removes what killed writers left under `prefix` that is not an object,
   * when it was started before `before`: temp files and locks (folder),
   * incomplete multipart uploads (S3). Returns where each one was.
   */
  removeLeftovers(prefix: string, before: Date): Promise<string[]>;
}
