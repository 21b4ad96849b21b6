/**
 * Real DVC (from the test venv, provisioned by scripts/provision/python-venv.sh)
 * writes the repositories and remotes data-pull must read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/bundle.js';

export const VENV_BIN = path.join(ROOT, '.cache', 'venv', 'bin');
export const DVC = path.join(VENV_BIN, 'dvc');

/** A folder with what trips naive tools: nesting, a non-ASCII name, an empty file, CRLF text, binary bytes. */
export function writeDataset(dir: string, variant = ''): void {
  mkdirSync(path.join(dir, 'images', 'cats', 'small'), { recursive: true });
  mkdirSync(path.join(dir, 'tables'), { recursive: true });
  writeFileSync(path.join(dir, 'tables', 'iris.csv'), `sepal,petal\r\n5.1,1.4\r\n4.9,1.4\r\n${variant}`);
  writeFileSync(path.join(dir, 'tables', 'notes.txt'), `unix text\nsecond line${variant}\n`);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'images', 'cats', 'naïve-café-猫.txt'), 'non-ascii name\n');
  const binary = Buffer.alloc(70_000);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919 + variant.length) % 256;
  writeFileSync(path.join(dir, 'images', 'cats', 'small', 'cat.bin'), binary);
}

export function dvc(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
  return execFileSync(DVC, args, { cwd, env: { ...process.env, ...env, DVC_NO_ANALYTICS: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function python(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
  return execFileSync(path.join(VENV_BIN, 'python'), args, { cwd, env: { ...process.env, ...env, DVC_NO_ANALYTICS: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file under `dir` with its bytes, by `/`-separated relative path. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const relpath = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, relpath)).isDirectory()) walk(relpath);
      else files[relpath] = readFileSync(path.join(dir, relpath)).toString('base64');
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}

/** A PATH for the bundle on which no dvc can be found. */
export function pathWithoutDvc(): string {
  return (process.env['PATH'] ?? '/usr/bin:/bin')
    .split(':')
    .filter((dir) => dir !== '' && !existsSync(path.join(dir, 'dvc')))
    .join(':');
}
