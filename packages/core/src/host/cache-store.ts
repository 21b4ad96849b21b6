import path from 'node:path';
import { InputError } from '../errors.js';
import { DirectoryCache } from './directory-cache.js';
import type { CacheStore, Host } from './types.js';

/**
 * The cache a step uses: the host's own (GitHub: @actions/cache; elsewhere a
 * folder under ~/.cache/mlops-ci) unless the `cache-url` input names another
 * place — a folder (path or file://) shared by Jenkins agents, or an S3 prefix.
 * `maxBytes` caps a folder cache (default DEFAULT_CACHE_MAX_BYTES).
 */
export async function cacheStoreFor(cacheUrl: string, host: Host, input = 'cache-url', maxBytes?: number): Promise<CacheStore> {
  const url = cacheUrl.trim();
  if (url === '') return host.cache;
  if (url.startsWith('s3://')) {
    const { S3CacheStore } = await import('../storage/s3-cache.js');
    return S3CacheStore.fromUrl(url, host);
  }
  if (url.startsWith('file://')) return new DirectoryCache(new URL(url).pathname, host, maxBytes);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new InputError(input, `got '${url}', expected a folder path, file:///abs/dir or s3://bucket/prefix`);
  }
  return new DirectoryCache(path.resolve(url), host, maxBytes);
}
