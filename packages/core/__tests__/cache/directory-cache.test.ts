import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectoryCache } from '../../src/cache/directory-cache.js';
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
    const cache = new DirectoryCache(root, logger(), process.env);
    await cache.save([data], 'env-linux-abc');
    writeFileSync(path.join(data, 'a.txt'), 'changed');
    expect(await cache.restore([data], 'env-linux-abc')).toBe('env-linux-abc');
    expect(readFileSync(path.join(data, 'a.txt'), 'utf8')).toBe('v1');
  });

  test('a miss returns undefined; a restore prefix picks the newest match', async () => {
    const { root, data } = workdir();
    const cache = new DirectoryCache(root, logger(), process.env);
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
    const cache = new DirectoryCache(root, logger(), process.env);
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
    const cache = new DirectoryCache(root, logger(), process.env);
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
    await new DirectoryCache(root, log, process.env).save([path.join(data, 'absent')], 'empty');
    expect(log.warnings).toEqual([]);
    expect(existsSync(path.join(root, 'empty.tar'))).toBe(false);
  });

  test('a failing save warns and does not throw (caching is optional work)', async () => {
    const { data } = workdir();
    const blocker = path.join(os.tmpdir(), `not-a-dir-${process.pid}`);
    writeFileSync(blocker, 'file where the cache root should be');
    const log = logger();
    await new DirectoryCache(blocker, log, process.env).save([data], 'k');
    expect(log.warnings[0]).toMatch(/^cache save failed for key k: /);
    expect(existsSync(path.join(blocker, 'k.tar'))).toBe(false);
  });

  describe('with link (a built env)', () => {
    test('saves a folder tree whose files the restore hard-links, symlinks and modes kept', async () => {
      const { root, data } = workdir();
      mkdirSync(path.join(data, 'bin'));
      writeFileSync(path.join(data, 'bin', 'tool'), '#!/bin/sh\n', { mode: 0o755 });
      symlinkSync('/usr/bin/env', path.join(data, 'bin', 'python'));
      const cache = new DirectoryCache(root, logger(), process.env);
      await cache.save([data], 'env-k', { link: true });
      expect(readdirSync(root)).toEqual(['env-k.tree']);

      rmSync(data, { recursive: true });
      expect(await cache.restore([data], 'env-k', [], { link: true })).toBe('env-k');
      const saved = path.join(root, 'env-k.tree', data.slice(1));
      expect(statSync(path.join(data, 'a.txt')).ino).toBe(statSync(path.join(saved, 'a.txt')).ino);
      expect(statSync(path.join(data, 'bin', 'tool')).mode & 0o777).toBe(0o755);
      expect(readlinkSync(path.join(data, 'bin', 'python'))).toBe('/usr/bin/env');
    });

    // /dev/shm is a tmpfs on Linux: another filesystem than the temp folder, where links cannot reach.
    const otherFilesystem = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(os.tmpdir()).dev ? test : test.skip;
    otherFilesystem('copies, keeping modification times, when the cache is on another filesystem', async () => {
      const { data } = workdir();
      const old = new Date('2020-01-02T03:04:05Z');
      utimesSync(path.join(data, 'a.txt'), old, old);
      const root = mkdtempSync(path.join('/dev/shm', 'dircache-'));
      const cache = new DirectoryCache(root, logger(), process.env);
      await cache.save([data], 'env-k', { link: true });
      rmSync(data, { recursive: true });
      expect(await cache.restore([data], 'env-k', [], { link: true })).toBe('env-k');
      expect(readFileSync(path.join(data, 'a.txt'), 'utf8')).toBe('v1');
      expect(statSync(path.join(data, 'a.txt')).mtime).toEqual(old);
      rmSync(root, { recursive: true });
    });

    test('restores over what is there, and only entries saved with link', async () => {
      const { root, data } = workdir();
      const cache = new DirectoryCache(root, logger(), process.env);
      await cache.save([data], 'plain');
      expect(await cache.restore([data], 'plain', [], { link: true })).toBeUndefined();
      await cache.save([data], 'linked', { link: true });
      rmSync(path.join(data, 'a.txt'));
      writeFileSync(path.join(data, 'a.txt'), 'rewritten'); // a new file, as pip writes: the cached one is untouched
      writeFileSync(path.join(data, 'extra.txt'), 'kept');
      expect(await cache.restore([data], 'linked', [], { link: true })).toBe('linked');
      expect(readFileSync(path.join(data, 'a.txt'), 'utf8')).toBe('v1');
      expect(readFileSync(path.join(data, 'extra.txt'), 'utf8')).toBe('kept');
    });
  });

  describe('the size cap', () => {
    const KIB = 1024;
    const HOUR = 60 * 60 * 1000;

    /** A folder of one 100 KiB file, saved under each key, every entry last used `hoursAgo` ago (as earlier runs left them). */
    async function filledCache(keys: Record<string, number>, maxBytes: number): Promise<{ root: string; data: string }> {
      const { root, data } = workdir();
      writeFileSync(path.join(data, 'a.txt'), Buffer.alloc(100 * KIB, 1));
      const earlier = new DirectoryCache(root, logger(), process.env, maxBytes);
      for (const [key, hours] of Object.entries(keys)) {
        await earlier.save([data], key);
        const when = new Date(Date.now() - hours * HOUR);
        utimesSync(path.join(root, `${key}.tar`), when, when);
      }
      return { root, data };
    }

    test('a save past the cap evicts the least recently used entries, never the one restored or saved by this run', async () => {
      const { root, data } = await filledCache({ k1: 4, k2: 3, k3: 2, k4: 1 }, 10 * 1024 * KIB);
      const log = logger();
      const cache = new DirectoryCache(root, log, process.env, 350 * KIB); // three entries fit
      expect(await cache.restore([data], 'k1')).toBe('k1'); // the oldest, but this run uses it

      await cache.save([data], 'k5');

      expect(readdirSync(root).sort()).toEqual(['k1.tar', 'k4.tar', 'k5.tar']);
      expect(log.warnings).toEqual([]);
    });

    test('a restore marks its entry used without making it the newest for a restore prefix', async () => {
      const { root, data } = await filledCache({ 'pip-old': 2, 'pip-new': 1 }, 10 * 1024 * KIB);
      const cache = new DirectoryCache(root, logger(), process.env, 10 * 1024 * KIB);
      const before = statSync(path.join(root, 'pip-old.tar'));
      expect(await cache.restore([data], 'pip-old')).toBe('pip-old');
      const after = statSync(path.join(root, 'pip-old.tar'));
      expect(after.atimeMs).toBeGreaterThan(before.atimeMs);
      expect(after.mtimeMs).toBe(before.mtimeMs);
      expect(await cache.restore([data], 'pip-zzz', ['pip-'])).toBe('pip-new');
    });

    test('an entry another run used in the last minutes is never evicted, even over the cap', async () => {
      const { root, data } = await filledCache({ recent: 0.05, old: 5 }, 10 * 1024 * KIB);
      await new DirectoryCache(root, logger(), process.env, 0).save([data], 'mine');
      expect(readdirSync(root).sort()).toEqual(['mine.tar', 'recent.tar']);
    });

    test('what a killed save or eviction left (a .tmp- name) is never restored, and is swept once old', async () => {
      const { root, data } = await filledCache({ k1: 1 }, 10 * 1024 * KIB);
      // An eviction renames an entry aside before removing it: a kill between the two leaves this.
      const aside = path.join(root, '.tmp-evict-0000.tar');
      renameSync(path.join(root, 'k1.tar'), aside);
      mkdirSync(path.join(root, '.tmp-1111.tree', 'half'), { recursive: true });
      const cache = new DirectoryCache(root, logger(), process.env, 10 * 1024 * KIB);
      expect(await cache.restore([data], 'k1', ['k'])).toBeUndefined();

      const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
      utimesSync(aside, twoHoursAgo, twoHoursAgo);
      utimesSync(path.join(root, '.tmp-1111.tree'), twoHoursAgo, twoHoursAgo);
      await cache.save([data], 'k2');
      expect(readdirSync(root)).toEqual(['k2.tar']);
    });
  });
});

