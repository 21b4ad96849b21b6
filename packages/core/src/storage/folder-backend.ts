import { LocalBlobStore } from '../registry/local-blob-store.js';
import type { StoreBackend } from './backends.js';
import { LocalStore } from './local.js';

/** A folder on this machine (a mounted share, a DVC local remote): read as files, written with exclusive create, rename and lock files. */
export const folderBackend: StoreBackend<'folder'> = {
  readStore: (location) => new LocalStore(location.path),
  writeStore: (location, options) => new LocalBlobStore(location.path, options.log),
};
