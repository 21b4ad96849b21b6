import type { ContainerClient } from '@azure/storage-blob';
import type { StoreBackend, StoreOptions } from '../backends.js';
import type { AzureLocation } from '../location.js';
import { AzureBlobStore } from './blob-store.js';
import { openContainer } from './client.js';
import { AzureCredentialsError } from './credentials.js';
import { AzureStore } from './object-store.js';

/** Azure Blob Storage (and Azurite) through @azure/storage-blob; credentials as `resolveAzureAccess` finds them. */
export const azureBackend: StoreBackend<'azure'> = {
  readStore: (location, options) => new AzureStore(location.bucket, containerOf(location, options)),
  writeStore: (location, options) => new AzureBlobStore(location.bucket, location.prefix, containerOf(location, options)),
};

/** The container's client, made on first use: opening one may load @azure/identity, and a store may never be asked. */
function containerOf(location: AzureLocation, options: StoreOptions): () => Promise<ContainerClient> {
  let client: Promise<ContainerClient> | undefined;
  return () => (client ??= openContainer(location.bucket, options.azure, options.env).catch((err: unknown) => Promise.reject(named(location, err))));
}

/** A credentials problem, named by the store it was for. */
function named(location: AzureLocation, err: unknown): unknown {
  return err instanceof AzureCredentialsError ? new AzureCredentialsError(`${location.url}: ${err.message}`, { cause: err }) : err;
}
