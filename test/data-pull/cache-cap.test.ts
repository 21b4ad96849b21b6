/**
 * cache-max-size through the bundle: pulls of three datasets into one
 * cache-dir fill it past the cap, and the pull that crosses it evicts the
 * least recently used objects (the first dataset's) down to the cap, keeping
 * everything it used itself. Earlier runs are aged by setting the objects'
 * last-use time (their mtime), as time passing would.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';

const KIB = 1024;

/** A folder of three 100 KiB files; returns their md5s. */
function dataset(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return [0, 1, 2].map((index) => {
    const body = randomBytes(100 * KIB);
    writeFileSync(path.join(dir, `f${index}.bin`), body);
    return createHash('md5').update(body).digest('hex');
  });
}

function cachedObjects(cacheDir: string): string[] {
  const root = path.join(cacheDir, 'objects', 'md5');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .flatMap((prefix) => readdirSync(path.join(root, prefix)).map((rest) => prefix + rest))
    .sort();
}

/** Makes every object in the cache look last used `hours` ago. */
function age(cacheDir: string, md5s: readonly string[], hours: number): void {
  const when = new Date(Date.now() - hours * 60 * 60 * 1000);
  for (const md5 of md5s) utimesSync(path.join(cacheDir, 'objects', 'md5', md5.slice(0, 2), md5.slice(2)), when, when);
}

function pull(dir: string, name: string, maxSize: string): ReturnType<typeof runBundle> {
  return runBundle(['data-pull', '--source', path.join(dir, name), '--path', path.join(dir, `out-${name}`), '--cache-dir', path.join(dir, 'cache'), '--cache', 'false', '--cache-max-size', maxSize]);
}

test('the pull that crosses cache-max-size evicts the least recently used objects down to it, keeping its own', async () => {
  const dir = tempDir('cache-cap-');
  const cache = path.join(dir, 'cache');
  const first = dataset(path.join(dir, 'first'));
  const second = dataset(path.join(dir, 'second'));
  const third = dataset(path.join(dir, 'third'));

  expect((await pull(dir, 'first', '600KiB')).code).toBe(0);
  age(cache, first, 3);
  expect((await pull(dir, 'second', '600KiB')).code).toBe(0);
  age(cache, second, 2);
  expect(cachedObjects(cache)).toEqual([...first, ...second].sort());

  const crossing = await pull(dir, 'third', '600KiB');
  expect(crossing.code).toBe(0);
  expect(crossing.stderr).toContain('cache: evicted 3 least recently used objects (300.0 KiB) to stay within cache-max-size');
  expect(cachedObjects(cache)).toEqual([...second, ...third].sort());
  // The evicted dataset is still whole where it was pulled; only its cached copies went.
  expect(readdirSync(path.join(dir, 'out-first')).sort()).toEqual(['f0.bin', 'f1.bin', 'f2.bin']);
}, 60_000);

test('a cache-max-size that is not a size is exit 2 naming the input, and nothing is written', async () => {
  const dir = tempDir('cache-cap-bad-');
  dataset(path.join(dir, 'first'));
  const run = await pull(dir, 'first', '10 gigs');
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n').filter((line) => line.startsWith('error:'))).toEqual([
    "error: input 'cache-max-size': got '10 gigs', expected a size such as 10GiB, 500MB, 750M or a number of bytes",
  ]);
  expect(existsSync(path.join(dir, 'out-first'))).toBe(false);
  expect(existsSync(path.join(dir, 'cache'))).toBe(false);
  expect(readFileSync(path.join(dir, 'first', 'f0.bin')).length).toBe(100 * KIB);
});

test('a long or multi-line cache-max-size is quoted only in part, without its line breaks', async () => {
  const dir = tempDir('cache-cap-hostile-');
  dataset(path.join(dir, 'first'));
  // Long, but within the 4,096 characters any input may hold (longer is refused before the size is parsed).
  const run = await pull(dir, 'first', `1\n::add-mask::x${'9'.repeat(4000)}`);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toEqual([`error: input 'cache-max-size': got '1?::add-mask::x${'9'.repeat(17)}…', expected a size such as 10GiB, 500MB, 750M or a number of bytes`]);
});
