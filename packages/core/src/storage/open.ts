import type { Readable } from 'node:stream';
import { backendFor, type StoreOptions } from './backends.js';
import type { Location } from './location.js';
import { LocalStore } from './local.js';
import type { ObjectStore, ReadOptions, StoredObject } from './types.js';

export type { StoreOptions, StoreSettings } from './backends.js';

/**
 * The store to read a location (`parseLocation`) from and the key prefix
 * inside it: a bucket and its prefix, or a folder and ''.
 */
export function openStore(location: Location, options: StoreOptions): { store: ObjectStore; prefix: string } {
  if (location.kind === 'folder') return { store: new LocalStore(location.path), prefix: '' };
  const bucketUrl = location.url.slice(0, location.url.length - location.prefix.length - 1);
  return { store: new LazyStore(bucketUrl, () => backendFor(location).then((backend) => backend.readStore(options))), prefix: location.prefix };
}

/**
 * A bucket store whose SDK loads on first use: most of a no-change re-pull
 * from a DVC remote never talks to the remote (the .dir manifests are
 * cached), and a cloud SDK is most of its start-up time.
 */
class LazyStore implements ObjectStore {
  private inner: Promise<ObjectStore> | undefined;

  constructor(
    readonly description: string,
    private readonly load: () => Promise<ObjectStore>,
  ) {}

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
    this.inner ??= this.load();
    return this.inner;
  }
}
