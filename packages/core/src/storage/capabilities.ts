/**
 * What each kind of store can do, as the code behind it does it today, so an
 * input that needs more than its store has (`as-of` on a folder) is refused
 * while planning, naming the input, instead of failing halfway through work.
 */
import { InputError, quote } from '../errors.js';
import { describeLocation, LOCATION_FORMS, SUPPORTED_KINDS, type Location, type LocationKind } from './location.js';

/** The abilities a caller may need from a store. */
export interface StoreCapabilities {
  /** Lists the objects under a prefix (data-pull's sync, the registry's listings). */
  readonly list: boolean;
  /** Reads a byte range of an object (parallel reads of a large one). */
  readonly rangedRead: boolean;
  /** Keeps older versions of an object and reads them (`version`, `as-of`). */
  readonly objectVersions: boolean;
  /** Writes an object only when none is there, atomically (a registry version number taken once). */
  readonly conditionalCreate: boolean;
  /** Replaces an object only when it is still the one read (a registry alias moved without a lost update). */
  readonly compareAndSwap: boolean;
}

export type StoreCapability = keyof StoreCapabilities;

/**
 * Per kind, with where the code does it: LocalStore and LocalBlobStore for a
 * folder (link() for create-only, a lock file and the content's sha256 for
 * compare-and-swap); S3Store and S3BlobStore for S3 (ListObjectsV2, Range,
 * ListObjectVersions and versionId reads, If-None-Match: *, If-Match); GCS
 * (generations, ifGenerationMatch: 0, ifGenerationMatch: <generation>); AzureStore
 * and AzureBlobStore for Azure Blob (List Blobs, ranged Get Blob, blob versions,
 * If-None-Match: *, If-Match: <etag>). Versions are the storage account's
 * setting, not the URL's: an account without them (and Azurite, which has
 * none) is refused when an as-of listing finds no version ids.
 */
export const STORE_CAPABILITIES = {
  folder: { list: true, rangedRead: true, objectVersions: false, conditionalCreate: true, compareAndSwap: true },
  s3: { list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true },
  gcs: { list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true },
  azure: { list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true },
} as const satisfies Record<LocationKind, StoreCapabilities>;

/** How a refusal names a capability: "needs a store that …". */
const WHAT_IT_DOES: Readonly<Record<StoreCapability, string>> = {
  list: 'lists its objects',
  rangedRead: 'reads byte ranges',
  objectVersions: 'keeps object versions',
  conditionalCreate: 'creates an object only when none is there',
  compareAndSwap: 'replaces an object only when it is unchanged',
};

/** How a refusal names a kind (its forms, to show one that has the capability, are location.ts's). */
const KIND_NOUNS: Readonly<Record<LocationKind, string>> = {
  folder: 'a folder',
  s3: 'an S3 prefix',
  gcs: 'a Google Cloud Storage prefix',
  azure: 'an Azure Blob Storage prefix',
};

/** Whether the store at `location` can do `capability`. */
export function hasCapability(location: Location, capability: StoreCapability): boolean {
  return STORE_CAPABILITIES[location.kind][capability];
}

/**
 * Refuses, as bad input naming `input`, a location whose store lacks
 * `capability`: e.g. `as-of` on a folder source, which keeps no versions.
 */
export function requireCapability(location: Location, capability: StoreCapability, input: string): void {
  if (hasCapability(location, capability)) return;
  const able = SUPPORTED_KINDS.filter((kind) => STORE_CAPABILITIES[kind][capability]);
  const instead = able.length === 0 ? '' : ` (${able.map((kind) => LOCATION_FORMS[kind][0]).join(', ')})`;
  throw new InputError(
    input,
    `needs a store that ${WHAT_IT_DOES[capability]}${instead}; ${quote(describeLocation(location))} is ${KIND_NOUNS[location.kind]}, which does not`,
  );
}
