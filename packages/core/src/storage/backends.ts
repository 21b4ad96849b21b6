/**
 * One backend per kind of location: the store data-pull reads (`ObjectStore`)
 * and the store the registry and the cross-run cache write (`BlobStore`).
 * A new kind of store is a location kind (location.ts), a capabilities row
 * (capabilities.ts), a module exporting a `StoreBackend` and a line in
 * BACKENDS below; data-pull, DVC remotes, the registry and `cache-url` then
 * take it with no change of their own.
 *
 * Each backend module is loaded on first use, so a run pays for one cloud
 * SDK at most, and none when it never talks to a store.
 */
import type { BlobStore } from '../registry/blob-store.js';
import type { S3StoreOptions } from './s3.js';
import type { Location, LocationKind } from './location.js';
import type { ObjectStore } from './types.js';

/**
 * How to reach a store, beyond its location: the step's environment (where
 * each SDK's own variables are read) and what inputs or a DVC remote's config
 * add. Each backend reads the fields of its kind and ignores the others. The
 * fields holding secrets come only from a DVC `config.local`; the caller
 * masks them before the store is opened.
 */
export interface StoreOptions extends Omit<S3StoreOptions, 'bucket'> {
  /** Google Cloud Storage settings of a DVC remote. Optional. */
  readonly gcs?: GcsOptions;
  /** Azure Blob Storage settings of a DVC remote. Optional. */
  readonly azure?: AzureOptions;
  /** Hears progress of long writes (uploads). Optional. */
  readonly log?: (message: string) => void;
}

/** What inputs or a DVC remote say about a store: its options but the environment, which the run context adds when it is opened. */
export type StoreSettings = Omit<StoreOptions, 'env' | 'log'>;

/** A GCS remote's `credentialpath` (a service-account key file), `projectname` and `endpointurl`; without them, Application Default Credentials, GOOGLE_CLOUD_PROJECT and STORAGE_EMULATOR_HOST. */
export interface GcsOptions {
  readonly keyFile?: string;
  readonly projectId?: string;
  /** The JSON API's host (`http://127.0.0.1:4443`), for an emulator. Optional. Defaults to Google's. */
  readonly endpoint?: string;
}

/**
 * An Azure remote's `account_name`, `connection_string`, `account_key` and
 * `sas_token`; without them, the environment's (see `resolveAzureAccess` in
 * azure/credentials.ts: AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT
 * with a key or SAS, then DefaultAzureCredential).
 */
export interface AzureOptions {
  readonly accountName?: string;
  readonly connectionString?: string;
  readonly accountKey?: string;
  readonly sasToken?: string;
}

/** The location of a kind. */
export type LocationOf<Kind extends LocationKind> = Extract<Location, { kind: Kind }>;

/** The two stores of one kind of location. */
export interface StoreBackend<Kind extends LocationKind> {
  /**
   * The store to read `location` from. A bucket kind's store holds the whole
   * bucket (keys relative to the bucket, the location's prefix put before
   * them by the caller), so a DVC remote and a `source` in one bucket share
   * it; a folder's store holds the folder.
   */
  readStore(location: LocationOf<Kind>, options: StoreOptions): ObjectStore;
  /** The store to write under `location` (keys relative to it): the registry's, the cache's. */
  writeStore(location: LocationOf<Kind>, options: StoreOptions): BlobStore;
}

/** A backend with its location bound, so callers need not tie a kind to its location. */
export interface BoundBackend {
  readStore(options: StoreOptions): ObjectStore;
  writeStore(options: StoreOptions): BlobStore;
}

/** Where each kind's backend is, loaded when first asked for. */
const BACKENDS: { readonly [Kind in LocationKind]: () => Promise<StoreBackend<Kind>> } = {
  folder: async () => (await import('./folder-backend.js')).folderBackend,
  s3: async () => (await import('./s3-backend.js')).s3Backend,
  gcs: async () => (await import('./gcs/backend.js')).gcsBackend,
  azure: async () => (await import('./azure/backend.js')).azureBackend,
};

/**
 * The backend of `location`, loaded and bound to it. TypeScript cannot tie
 * BACKENDS[kind] to the location of that kind through the map, so this
 * switch does it, once; a new kind that is not added here does not compile.
 */
export async function backendFor(location: Location): Promise<BoundBackend> {
  switch (location.kind) {
    case 'folder':
      return bind(await BACKENDS.folder(), location);
    case 's3':
      return bind(await BACKENDS.s3(), location);
    case 'gcs':
      return bind(await BACKENDS.gcs(), location);
    case 'azure':
      return bind(await BACKENDS.azure(), location);
  }
}

function bind<Kind extends LocationKind>(backend: StoreBackend<Kind>, location: LocationOf<Kind>): BoundBackend {
  return { readStore: (options) => backend.readStore(location, options), writeStore: (options) => backend.writeStore(location, options) };
}

/** The store to write under `location`: a registry's, a cache's. */
export async function openBlobStore(location: Location, options: StoreOptions): Promise<BlobStore> {
  return (await backendFor(location)).writeStore(options);
}
