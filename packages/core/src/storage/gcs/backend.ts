import type { StoreBackend } from '../backends.js';
import { GcsBlobStore } from './blob-store.js';
import { createGcsClient } from './client.js';
import { GcsStore } from './object-store.js';

/** Google Cloud Storage through @google-cloud/storage (and fake-gcs-server, through STORAGE_EMULATOR_HOST). */
export const gcsBackend: StoreBackend<'gcs'> = {
  readStore: (location, options) => new GcsStore(createGcsClient(options), location.bucket),
  writeStore: (location, options) => new GcsBlobStore(createGcsClient(options), location.bucket, location.prefix),
};
