import type { Readable } from 'node:stream';
import { LocalStore } from './local.js';
import type { Location } from './location.js';
import type { S3StoreOptions } from './s3.js';
import type { ObjectStore, ReadOptions, StoredObject } from './types.js';

/** How to reach an S3 store (a folder needs none); the bucket comes from the URL. A type import: the SDK still loads only for s3://. */
export type StoreOptions = Omit<S3StoreOptions, 'bucket'>;

/** What inputs or a DVC remote say about a store: its options but the environment, which the run context adds when it is opened. */
export type StoreSettings = Omit<StoreOptions, 'env'>;

/**
 * The store behind a location (`parseLocation`) and the key prefix inside it:
 * an S3 bucket and its prefix, or a folder and ''.
 */
export function openStore(location: Location, options: StoreOptions): { store: ObjectStore; prefix: string } {
  switch (location.kind) {
    case 's3':
      return { store: new LazyS3Store(location.bucket, options), prefix: location.prefix };
    case 'folder':
      return { store: new LocalStore(location.path), prefix: '' };
  }
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
