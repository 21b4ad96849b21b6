/*
 * The cross-run cache: what a step saves at the end of one CI run and
 * restores at the start of a later one. The stores: `ActionsCache` (GitHub's
 * own, the GitHub host's), `DirectoryCache` (a folder: the other hosts' own,
 * or a `cache-url` folder), `StoreCache` (a `cache-url` object-store prefix);
 * `cacheStoreFor()` in open.ts picks one for a step.
 */

/** A saved folder, keyed like @actions/cache: exact key first, then newest match of each restore prefix. */
export interface CacheStore {
  /** Restores `paths`; returns the key that matched, or undefined on a miss. Never throws: a broken cache is a miss. */
  restore(paths: string[], key: string, restoreKeys?: string[], options?: CacheOptions): Promise<string | undefined>;
  /** Saves `paths` under `key`; a failure is a warning, not an error (optional work). */
  save(paths: string[], key: string, options?: CacheOptions): Promise<void>;
}

/** How an entry is saved and restored; a key must be saved and restored with the same options. */
export interface CacheOptions {
  /**
   * Optional. Share the files of the saved folders with the cache by hard
   * links where the store can (a directory cache on the same filesystem)
   * instead of copying them, so restoring an env writes no file content.
   * Only for folders whose files are replaced, never written in place (a
   * built Python env: pip and uv unlink and rewrite), since an in-place write
   * through any link changes the cached entry too. Stores that cannot link
   * ignore it. Defaults to false.
   */
  readonly link?: boolean;
}
