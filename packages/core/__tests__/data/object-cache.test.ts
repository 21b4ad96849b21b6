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
