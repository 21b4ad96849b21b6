/**
 * The size cap shared by data-pull's object cache and the folder cache:
 * what a size input means, and which entries to evict, least recently used
 * first, so that the rest fit.
 */

/** The cap when none is given: room for a few datasets or built envs, on any CI disk (data-pull's `cache-max-size` default). */
export const DEFAULT_CACHE_MAX_SIZE = '10GiB';

/**
 * Entries used this recently are never evicted, whatever the cap: another
 * run on this machine may have just found one and be about to read it.
 */
export const IN_USE_GRACE_MS = 10 * 60_000;

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1000 ** 4,
  tib: 1024 ** 4,
};

/**
 * A size such as `10GiB`, `500MB`, `750M` or `1048576` in bytes: binary
 * units (KiB, MiB, GiB, TiB, and the bare K, M, G, T) or decimal ones (kB,
 * MB, GB, TB); a plain number is bytes. Undefined when the text is not a size.
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) return undefined;
  const factor = UNITS[(match[2] ?? '').toLowerCase()];
  if (factor === undefined) return undefined;
  return Math.floor(Number(match[1]) * factor);
}

/** One thing a cache holds, as eviction sees it. */
export interface CacheEntry {
  readonly name: string;
  readonly bytes: number;
  readonly lastUsedMs: number;
}

export interface EvictionPlan<T extends CacheEntry> {
  /** Least recently used first. */
  readonly evict: readonly T[];
  /** Bytes held after the evictions; above the cap only when what must stay is larger. */
  readonly remainingBytes: number;
}

/**
 * Which entries to evict so that the cache fits `maxBytes`: the least
 * recently used first, never one `mustKeep` names (this run used or needs
 * it) and never one used within IN_USE_GRACE_MS.
 */
export function planEviction<T extends CacheEntry>(entries: readonly T[], maxBytes: number, mustKeep: (entry: T) => boolean, now: number): EvictionPlan<T> {
  let remainingBytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  const evict: T[] = [];
  const candidates = entries.filter((entry) => !mustKeep(entry) && now - entry.lastUsedMs >= IN_USE_GRACE_MS).sort((a, b) => a.lastUsedMs - b.lastUsedMs || a.name.localeCompare(b.name));
  for (const entry of candidates) {
    if (remainingBytes <= maxBytes) break;
    evict.push(entry);
    remainingBytes -= entry.bytes;
  }
  return { evict, remainingBytes };
}

/** DEFAULT_CACHE_MAX_SIZE in bytes, for the caches no input sizes (setup-env's folder cache). */
export const DEFAULT_CACHE_MAX_BYTES = parseByteSize(DEFAULT_CACHE_MAX_SIZE) as number;
