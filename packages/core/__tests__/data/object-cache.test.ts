import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ObjectCache } from '../../src/data/object-cache.js';

test("a killed pull's old temp files are swept; a temp another pull is writing now is left alone", async () => {
  const cache = new ObjectCache(mkdtempSync(path.join(os.tmpdir(), 'object-cache-')));
  const left = cache.tempPath();
  const inFlight = cache.tempPath();
  writeFileSync(left, 'half an object');
  writeFileSync(inFlight, 'being written');
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(left, twoHoursAgo, twoHoursAgo);

  await cache.sweepStaleTemps();

  expect(existsSync(left)).toBe(false);
  expect(readdirSync(path.dirname(inFlight))).toEqual([path.basename(inFlight)]);
});

test('sweeping a cache that has no temp folder yet is a no-op', async () => {
  const cache = new ObjectCache(path.join(mkdtempSync(path.join(os.tmpdir(), 'object-cache-')), 'fresh'));
  await expect(cache.sweepStaleTemps()).resolves.toBeUndefined();
});

describe('the size cap (cache-max-size)', () => {
  const KIB = 1024;
  const HOUR = 60 * 60 * 1000;

  /** A cache that earlier runs filled: objects of 100 KiB, each last used `hoursAgo` ago. */
  async function filledCache(hoursAgo: readonly number[]): Promise<{ root: string; ids: string[] }> {
    const root = mkdtempSync(path.join(os.tmpdir(), 'object-cache-cap-'));
    const earlier = new ObjectCache(root);
    const ids: string[] = [];
    for (const [index, hours] of hoursAgo.entries()) {
      const id = `md5/${String(index).padStart(2, '0')}${'a'.repeat(30)}`;
      const file = path.join(root, `source-${index}`);
      writeFileSync(file, Buffer.alloc(100 * KIB, index));
      await earlier.keep(file, id);
      const when = new Date(Date.now() - hours * HOUR);
      utimesSync(earlier.pathOf(id), when, when);
      ids.push(id);
    }
    return { root, ids };
  }

  function objectsIn(cache: ObjectCache, ids: readonly string[]): string[] {
    return ids.filter((id) => existsSync(cache.pathOf(id)));
  }

  test('evicts the least recently used objects until the cache fits, keeping what this run used or needs', async () => {
    // o0 is the oldest, but this run uses it; o1 is old and this run's plan needs it.
    const { root, ids } = await filledCache([60, 50, 40, 30, 20, 10]);
    const cache = new ObjectCache(root);
    expect(cache.has(ids[0] as string)).toBe(true);

    const result = await cache.evictToCap(350 * KIB, new Set([ids[1] as string]));

    expect(objectsIn(cache, ids)).toEqual([ids[0], ids[1], ids[5]]);
    expect(result).toEqual({ evicted: 3, evictedBytes: 300 * KIB, remainingBytes: 300 * KIB });
  });

  test('an object used within the last minutes stays even over the cap: another run may be reading it', async () => {
    const { root, ids } = await filledCache([5, 0.05]);
    const cache = new ObjectCache(root);
    const result = await cache.evictToCap(0);
    expect(objectsIn(cache, ids)).toEqual([ids[1]]);
    expect(result.remainingBytes).toBe(100 * KIB);
  });

  test('a cache under its cap loses nothing', async () => {
    const { root, ids } = await filledCache([3, 2, 1]);
    const cache = new ObjectCache(root);
    expect(await cache.evictToCap(300 * KIB)).toEqual({ evicted: 0, evictedBytes: 0, remainingBytes: 300 * KIB });
    expect(objectsIn(cache, ids)).toEqual(ids);
  });
});
