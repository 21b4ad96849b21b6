import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectoryCache } from '../../src/host/directory-cache.js';
import type { Logger } from '../../src/host/types.js';

function logger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug: () => undefined, info: () => undefined, notice: () => undefined, error: () => undefined, warning: (m) => warnings.push(m) };
}

function workdir(): { root: string; data: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'dircache-'));
  const data = path.join(base, 'data');
  mkdirSync(data);
  writeFileSync(path.join(data, 'a.txt'), 'v1');
  return { root: path.join(base, 'cache'), data };
}

describe('DirectoryCache', () => {
  test('saves a folder under a key and restores it on an exact hit', async () => {
    const { root, data } = workdir();
    const cache = new DirectoryCache(root, logger());
    await cache.save([data], 'env-linux-abc');
    writeFileSync(path.join(data, 'a.txt'), 'changed');
    expect(await cache.restore([data], 'env-linux-abc')).toBe('env-linux-abc');
    expect(readFileSync(path.join(data, 'a.txt'), 'utf8')).toBe('v1');
  });

  test('a miss returns undefined; a restore prefix picks the newest match', async () => {
    const { root, data } = workdir();
    const cache = new DirectoryCache(root, logger());
    await cache.save([data], 'pip-old');
    writeFileSync(path.join(data, 'a.txt'), 'v2');
    await cache.save([data], 'pip-new');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'pip-old.tar'), old, old);
    expect(await cache.restore([data], 'env-xyz')).toBeUndefined();
    writeFileSync(path.join(data, 'a.txt'), 'local');
    expect(await cache.restore([data], 'pip-zzz', ['nothing-', 'pip-'])).toBe('pip-new');
    expect(readFileSync(path.join(data, 'a.txt'), 'utf8')).toBe('v2');
  });

  test('keys are immutable and a save leaves no temp folder behind', async () => {
    const { root, data } = workdir();
    const cache = new DirectoryCache(root, logger());
    await cache.save([data], 'k');
    writeFileSync(path.join(data, 'a.txt'), 'v2');
    await cache.save([data], 'k');
    expect(readdirSync(root)).toEqual(['k.tar']);
    await cache.restore([data], 'k');
    expect(readFileSync(path.join(data, 'a.txt'), 'utf8')).toBe('v1');
  });

  test('restoring a saved folder replaces what is there with the saved tree, keeping files it did not save', async () => {
    const { root, data } = workdir();
    mkdirSync(path.join(data, 'sub'));
    writeFileSync(path.join(data, 'sub', 'b.txt'), 'b');
    const cache = new DirectoryCache(root, logger());
    await cache.save([data, path.join(data, 'missing')], 'tree');
    writeFileSync(path.join(data, 'sub', 'b.txt'), 'changed');
    writeFileSync(path.join(data, 'extra.txt'), 'new');
    expect(await cache.restore([data, path.join(data, 'missing')], 'tree')).toBe('tree');
    expect(readFileSync(path.join(data, 'sub', 'b.txt'), 'utf8')).toBe('b');
    expect(readFileSync(path.join(data, 'extra.txt'), 'utf8')).toBe('new');
  });

  test('saving paths none of which exist saves nothing and warns nothing', async () => {
    const { root, data } = workdir();
    const log = logger();
    await new DirectoryCache(root, log).save([path.join(data, 'absent')], 'empty');
    expect(log.warnings).toEqual([]);
    expect(existsSync(path.join(root, 'empty.tar'))).toBe(false);
  });

  test('a failing save warns and does not throw (caching is optional work)', async () => {
    const { data } = workdir();
    const blocker = path.join(os.tmpdir(), `not-a-dir-${process.pid}`);
    writeFileSync(blocker, 'file where the cache root should be');
    const log = logger();
    await new DirectoryCache(blocker, log).save([data], 'k');
    expect(log.warnings[0]).toMatch(/^cache save failed for key k: /);
    expect(existsSync(path.join(blocker, 'k.tar'))).toBe(false);
  });
});
