import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DestinationGuard, unsafeRelpath } from '../../src/data/safe-path.js';

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
