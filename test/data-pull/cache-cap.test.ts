/**
 * cache-max-size through the bundle: pulls of three datasets into one
 * cache-dir fill it past the cap, and the pull that crosses it evicts the
 * least recently used objects (the first dataset's) down to the cap, keeping
 * everything it used itself. Earlier runs are aged by setting the objects'
 * last-use time (their mtime), as time passing would.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';

const KIB = 1024;

/**
 * Three 100 KiB files as DVC outs `<name>/f<n>.bin.dvc` of one repository
 * (`dir`), their objects on its folder remote; returns their md5s.
 */
function dataset(dir: string, name: string): string[] {
  const remote = path.join(dir, 'remote');
  mkdirSync(path.join(dir, '.dvc'), { recursive: true });
  writeFileSync(path.join(dir, '.dvc', 'config'), `[core]\n    remote = store\n['remote "store"']\n    url = ../remote\n`);
  mkdirSync(path.join(dir, name), { recursive: true });
  return [0, 1, 2].map((index) => {
    const body = randomBytes(100 * KIB);
    const md5 = createHash('md5').update(body).digest('hex');
    mkdirSync(path.join(remote, 'files', 'md5', md5.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(remote, 'files', 'md5', md5.slice(0, 2), md5.slice(2)), body);
    writeFileSync(path.join(dir, name, `f${index}.bin.dvc`), `outs:\n- md5: ${md5}\n  size: ${body.length}\n  hash: md5\n  path: f${index}.bin\n`);
    return md5;
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
  const outs = [0, 1, 2].map((index) => `${name}/f${index}.bin.dvc`).join('\n');
  return runBundle(['data-pull', '--dvc', outs, '--cache-dir', path.join(dir, 'cache'), '--cache', 'false', '--cache-max-size', maxSize], { cwd: dir });
}

test('the pull that crosses cache-max-size evicts the least recently used objects down to it, keeping its own', async () => {
  const dir = tempDir('cache-cap-');
  const cache = path.join(dir, 'cache');
  const first = dataset(dir, 'first');
  const second = dataset(dir, 'second');
  const third = dataset(dir, 'third');

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
  expect(readdirSync(path.join(dir, 'first')).filter((name) => !name.endsWith('.dvc')).sort()).toEqual(['f0.bin', 'f1.bin', 'f2.bin']);
}, 60_000);

test('a plain source pull copies downloads into cache-dir only when a cross-run cache carries it', async () => {
  const dir = tempDir('cache-keep-');
  const source = path.join(dir, 'source');
  mkdirSync(source);
  const md5s = [0, 1, 2].map((index) => {
    const body = randomBytes(100 * KIB);
    writeFileSync(path.join(source, `f${index}.bin`), body);
    return createHash('md5').update(body).digest('hex');
  });
  const sourcePull = (cacheArgs: string[]) =>
    runBundle(['data-pull', '--source', source, '--path', path.join(dir, 'out'), '--cache-dir', path.join(dir, 'cache'), ...cacheArgs]);

  // No cross-run cache: nothing would read a copy back, so none is written (as aws s3 sync or rclone keep none).
  const alone = await sourcePull(['--cache', 'false']);
  expect(alone.code).toBe(0);
  expect(cachedObjects(path.join(dir, 'cache'))).toEqual([]);

  // A cross-run cache (a shared folder) carries cache-dir to later runs: every download is kept for it.
  rmSync(path.join(dir, 'out'), { recursive: true });
  const carried = await sourcePull(['--cache', 'true', '--cache-url', path.join(dir, 'shared')]);
  expect(carried.code).toBe(0);
  expect(carried.stderr).toContain('3 files in place: 0 already right, 0 from the local cache, 3 downloaded');
  expect(cachedObjects(path.join(dir, 'cache'))).toEqual([...md5s].sort());
}, 60_000);

test('a cache-max-size that is not a size is exit 2 naming the input, and nothing is written', async () => {
  const dir = tempDir('cache-cap-bad-');
  dataset(dir, 'first');
  const run = await pull(dir, 'first', '10 gigs');
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n').filter((line) => line.startsWith('error:'))).toEqual([
    "error: input 'cache-max-size': got '10 gigs', expected a size such as 10GiB, 500MB, 750M or a number of bytes",
  ]);
  expect(existsSync(path.join(dir, 'first', 'f0.bin'))).toBe(false);
  expect(existsSync(path.join(dir, 'cache'))).toBe(false);
});

test('a long or multi-line cache-max-size is quoted only in part, without its line breaks', async () => {
  const dir = tempDir('cache-cap-hostile-');
  dataset(dir, 'first');
  // Long, but within the 4,096 characters any input may hold (longer is refused before the size is parsed).
  const run = await pull(dir, 'first', `1\n::add-mask::x${'9'.repeat(4000)}`);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toEqual([`error: input 'cache-max-size': got '1?::add-mask::x${'9'.repeat(17)}…', expected a size such as 10GiB, 500MB, 750M or a number of bytes`]);
});
