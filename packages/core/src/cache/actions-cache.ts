import type { Logger } from '../host/types.js';
import type { CacheStore } from './types.js';

/** @actions/cache, loaded only when a step caches something. */
export class ActionsCache implements CacheStore {
  constructor(private readonly log: Logger) {}

  async restore(paths: string[], key: string, restoreKeys: string[] = []): Promise<string | undefined> {
    try {
      const cache = await import('@actions/cache');
      return await cache.restoreCache(paths, key, restoreKeys);
    } catch (err) {
      this.log.warning(`cache restore failed, continuing without it: ${(err as Error).message}`);
      return undefined;
    }
  }

  async save(paths: string[], key: string): Promise<void> {
    try {
      const cache = await import('@actions/cache');
      await cache.saveCache(paths, key);
    } catch (err) {
      this.log.warning(`cache save failed for key ${key}: ${(err as Error).message}`);
    }
  }
}
