import path from 'node:path';
import type { Readable } from 'node:stream';
import { LocalStore } from './local.js';
import type { S3StoreOptions } from './s3.js';
import type { ObjectStore, ReadOptions, StoredObject } from './types.js';

/** How to reach an S3 store (a folder needs none); the bucket comes from the URL. A type import: the SDK still loads only for s3://. */
export type StoreOptions = Omit<S3StoreOptions, 'bucket'>;

/** What inputs or a DVC remote say about a store: its options but the environment, which the run context adds when it is opened. */
export type StoreSettings = Omit<StoreOptions, 'env'>;

/**
 * The store behind a URL and the key prefix inside it:
 * `s3://bucket/prefix/` → an S3 bucket and `prefix/`;
 * `file:///abs/dir` or a path (relative to `cwd`) → that folder and ''.
 */
export function openStore(url: string, options: StoreOptions, cwd: string): { store: ObjectStore; prefix: string } {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
  if (url.startsWith('s3://')) {
    if (!s3?.[1]) throw new Error(`not an S3 URL: ${url}`);
    return { store: new LazyS3Store(s3[1], options), prefix: s3[2] ?? '' };
  }
  const folder = url.startsWith('file://') ? new URL(url).pathname : path.resolve(cwd, url);
  return { store: new LocalStore(folder), prefix: '' };
}

/**
 * An S3 store that loads the AWS SDK on first use: most of a no-change
 * re-pull from a DVC remote never talks to the remote (the .dir manifests
 * are cached), and the SDK is most of its start-up time.
 */
class LazyS3Store implements ObjectStore {
  readonly description: string;
  private inner: Promise<ObjectStore> | undefined;

  constructor(
    private readonly bucket: string,
    private readonly options: StoreOptions,
  ) {
    this.description = `s3://${bucket}`;
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    yield* (await this.store()).list(prefix);
  }

  async *listAsOf(prefix: string, asOf: Date): AsyncIterable<StoredObject> {
    yield* (await this.store()).listAsOf(prefix, asOf);
  }

  async head(key: string, versionId?: string): Promise<StoredObject | undefined> {
    return (await this.store()).head(key, versionId);
  }

  async read(key: string, options?: ReadOptions): Promise<Readable> {
    return (await this.store()).read(key, options);
  }

  private store(): Promise<ObjectStore> {
    this.inner ??= import('./s3.js').then(({ S3Store }) => new S3Store({ bucket: this.bucket, ...this.options }));
    return this.inner;
  }
}
