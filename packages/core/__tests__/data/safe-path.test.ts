import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DestinationGuard, joinRelpath, unsafeRelpath } from '../../src/data/safe-path.js';

test.each([
  ['a/b.txt', undefined],
  ['naïve/猫.txt', undefined],
  ['..', "climbs out with '..'"],
  ['a/../../b', "climbs out with '..'"],
  ['/etc/passwd', 'is absolute'],
  ['a//b', 'has an empty or "." segment'],
  ['./a', 'has an empty or "." segment'],
  ['', 'is empty'],
  ['a\0b', 'contains a NUL byte'],
])('relpath %j: %s', (relpath, why) => {
  expect(unsafeRelpath(relpath)).toBe(why);
});

test('a symlinked or file parent below the destination is refused; a missing one is fine', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'guard-'));
  mkdirSync(path.join(root, 'real'));
  symlinkSync(os.tmpdir(), path.join(root, 'link'));
  writeFileSync(path.join(root, 'file'), '');
  const guard = new DestinationGuard();
  expect(() => guard.check(root, 'real/a.txt')).not.toThrow();
  expect(() => guard.check(root, 'new/deeper/a.txt')).not.toThrow();
  expect(() => guard.check(root, 'link/a.txt')).toThrow(`${path.join(root, 'link')} is a symlink in the destination`);
  expect(() => guard.check(root, 'file/a.txt')).toThrow('is a file, not a folder');
});

test('a folder found safe under one destination is checked again under another, and deeper folders still are', () => {
  const first = mkdtempSync(path.join(os.tmpdir(), 'guard-first-'));
  const second = mkdtempSync(path.join(os.tmpdir(), 'guard-second-'));
  mkdirSync(path.join(first, 'd'));
  symlinkSync(os.tmpdir(), path.join(second, 'd'));
  mkdirSync(path.join(first, 'real'));
  symlinkSync(os.tmpdir(), path.join(first, 'real', 'link'));
  const guard = new DestinationGuard();
  expect(() => guard.check(first, 'd/a.txt')).not.toThrow();
  expect(() => guard.check(second, 'd/a.txt')).toThrow(`${path.join(second, 'd')} is a symlink in the destination`);
  expect(() => guard.check(first, 'real/a.txt')).not.toThrow();
  expect(() => guard.check(first, 'real/link/a.txt')).toThrow(`${path.join(first, 'real', 'link')} is a symlink in the destination`);
});

test.each(['a.txt', 'a/b/c.txt', 'naïve/猫.txt'])('joinRelpath(root, %j) is path.join of its segments', (relpath) => {
  for (const root of ['/data/out', '/']) expect(joinRelpath(root, relpath)).toBe(path.join(root, ...relpath.split('/')));
});
