import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheKeys } from '../../src/env/cache-key.js';
import type { EnvPlan } from '../../src/env/types.js';

function projectWith(lock: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cache-key-'));
  writeFileSync(path.join(dir, 'uv.lock'), lock);
  return dir;
}

function plan(dir: string, overrides: Partial<EnvPlan> = {}): EnvPlan {
  return {
    manager: 'uv',
    tool: 'uv',
    files: { projectDir: dir, lockInputs: [path.join(dir, 'uv.lock')], requirements: [], constraints: null, condaEnv: null },
    envPath: path.join(dir, '.venv'),
    interpreter: { executable: '/usr/bin/python3', version: '3.11.2', source: 'PATH' },
    extras: [],
    downloadCache: '/tmp/dl',
    ...overrides,
  };
}

const linux = { platform: 'linux', arch: 'x64', suffix: '' };

describe('cache keys', () => {
  test('name os, arch, python and manager, then the hash; the download cache restores by prefix', async () => {
    const keys = await cacheKeys(plan(projectWith('version = 1\n')), { ...linux, relocatable: true });
    expect(keys.env).toMatch(/^mlops-ci-env-linux-x64-3\.11\.2-uv-[0-9a-f]{64}$/);
    expect(keys.downloadsPrefix).toBe('mlops-ci-downloads-linux-x64-3.11.2-uv-');
    expect(keys.downloads.startsWith(keys.downloadsPrefix)).toBe(true);
  });

  test('a relocatable env shares its key across paths; one that is not gets a key per path', async () => {
    const [a, b] = [projectWith('version = 1\n'), projectWith('version = 1\n')];
    const key = async (dir: string, relocatable: boolean) => (await cacheKeys(plan(dir), { ...linux, relocatable })).env;
    expect(await key(a, true)).toBe(await key(b, true));
    expect(await key(a, false)).not.toBe(await key(b, false));
  });

  test('the lock content, the extras, the interpreter and the suffix change the key; the extras order does not', async () => {
    const dir = projectWith('version = 1\n');
    const base = (await cacheKeys(plan(dir), { ...linux, relocatable: true })).env;
    const other = projectWith('version = 1\n# changed\n');
    expect((await cacheKeys(plan(other), { ...linux, relocatable: true })).env).not.toBe(base);
    const withExtras = (await cacheKeys(plan(dir, { extras: ['a', 'b'] }), { ...linux, relocatable: true })).env;
    expect(withExtras).not.toBe(base);
    expect((await cacheKeys(plan(dir, { extras: ['b', 'a'] }), { ...linux, relocatable: true })).env).toBe(withExtras);
    const otherPython = plan(dir, { interpreter: { executable: '/opt/py/bin/python3', version: '3.11.2', source: 'tool cache' } });
    expect((await cacheKeys(otherPython, { ...linux, relocatable: true })).env).not.toBe(base);
    expect((await cacheKeys(plan(dir), { ...linux, relocatable: true, suffix: 'cu121' })).env).toBe(`${base}-cu121`);
  });

  test('conda envs carry environment.yml’s python pin', async () => {
    const dir = projectWith('x');
    const conda = plan(dir, {
      manager: 'micromamba',
      interpreter: null,
      files: { ...plan(dir).files, condaEnv: { file: 'environment.yml', name: null, channels: [], dependencies: ['python=3.10'], pip: [], python: '3.10' } },
    });
    expect((await cacheKeys(conda, { ...linux, relocatable: false })).env).toMatch(/^mlops-ci-env-linux-x64-py3\.10-micromamba-/);
  });
});
