import { InputError } from '../errors.js';
import { nonFolderAncestor, placeKind } from '../fs-place.js';
import { readLocation } from '../storage/location.js';
import { DirectoryCache } from './directory-cache.js';
import type { Host } from '../host/types.js';
import type { CacheStore } from './types.js';

/**
 * The cache a step uses: the host's own (GitHub: @actions/cache; elsewhere a
 * folder under ~/.cache/mlops-ci) unless the `cache-url` input names another
 * place — a folder (path or file://) shared by Jenkins agents, or an object-store
 * prefix (s3://, gs://, azure://).
 * `maxBytes` caps a folder cache (default DEFAULT_CACHE_MAX_BYTES).
 */
export async function cacheStoreFor(cacheUrl: string, host: Host, input = 'cache-url', maxBytes?: number): Promise<CacheStore> {
  const url = cacheUrl.trim();
  if (url === '') return host.cache;
  const location = readLocation(input, url, { base: host.context.cwd });
  if (location.kind !== 'folder') {
    const { StoreCache } = await import('./store-cache.js');
    return StoreCache.at(location, host);
  }
  return directoryCache(location.path, url, host, input, maxBytes);
}

/**
 * A folder cache at `root`, made when missing. A path that exists and is not
 * a folder is bad input: every save and restore would only warn, and the
 * step would pass with a cache that never works.
 */
function directoryCache(root: string, given: string, host: Host, input: string, maxBytes: number | undefined): CacheStore {
  const kind = placeKind(root);
  if (kind === 'missing' && nonFolderAncestor(root)) throw new InputError(input, `got '${given}': a part of ${root} is a file, not a folder; give a folder for the cache (it is made when missing)`);
  if (kind === 'file' || kind === 'other') throw new InputError(input, `got '${given}': ${root} exists and is not a folder; give a folder for the cache (it is made when missing)`);
  return new DirectoryCache(root, host, host.context.env, maxBytes);
}
