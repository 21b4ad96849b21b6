import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

  describe('with link (a built env)', () => {
    test('saves a folder tree whose files the restore hard-links, symlinks and modes kept', async () => {
      const { root, data } = workdir();
      mkdirSync(path.join(data, 'bin'));
      writeFileSync(path.join(data, 'bin', 'tool'), '#!/bin/sh\n', { mode: 0o755 });
      symlinkSync('/usr/bin/env', path.join(data, 'bin', 'python'));
      const cache = new DirectoryCache(root, logger());
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
      const cache = new DirectoryCache(root, logger());
      await cache.save([data], 'env-k', { link: true });
      rmSync(data, { recursive: true });
      expect(await cache.restore([data], 'env-k', [], { link: true })).toBe('env-k');
      expect(readFileSync(path.join(data, 'a.txt'), 'utf8')).toBe('v1');
      expect(statSync(path.join(data, 'a.txt')).mtime).toEqual(old);
      rmSync(root, { recursive: true });
    });

    test('restores over what is there, and only entries saved with link', async () => {
      const { root, data } = workdir();
      const cache = new DirectoryCache(root, logger());
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
});
