import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { loadBaseline } from '../../src/steps/evaluate-and-gate/baseline.js';

function repo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baseline-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'metrics.json'), JSON.stringify({ accuracy: 0.9, nested: { f1: 0.8 } }));
  git('add', '.');
  git('commit', '-qm', 'production metrics');
  // The working tree moves on; the baseline must come from the ref, not the file on disk.
  writeFileSync(path.join(dir, 'metrics.json'), JSON.stringify({ accuracy: 0.1 }));
  return dir;
}

describe('loadBaseline', () => {
  test('git:<ref>:<path> reads the file at that ref', async () => {
    const dir = repo();
    expect(await loadBaseline('git:main:metrics.json', dir)).toEqual({
      kind: 'found',
      source: 'git:main:metrics.json',
      metrics: { accuracy: 0.9, 'nested.f1': 0.8 },
    });
  });

  test('a file absent at the ref, or an unknown ref, is a missing baseline (the first run), not an error', async () => {
    const dir = repo();
    expect(await loadBaseline('git:main:nope.json', dir)).toMatchObject({ kind: 'missing', reason: 'nope.json does not exist at main' });
    expect(await loadBaseline('git:origin/main:metrics.json', dir)).toMatchObject({ kind: 'missing' });
  });

  test('a plain path: found, missing, or malformed (bad input)', async () => {
    const dir = repo();
    expect(await loadBaseline('metrics.json', dir)).toMatchObject({ kind: 'found', metrics: { accuracy: 0.1 } });
    expect(await loadBaseline('absent.json', dir)).toMatchObject({ kind: 'missing', reason: 'absent.json does not exist' });
    writeFileSync(path.join(dir, 'broken.json'), '{"accuracy": ');
    await expect(loadBaseline('broken.json', dir)).rejects.toThrow(/^input 'baseline': /);
  });

  test('no baseline given', async () => {
    expect(await loadBaseline('  ', '/')).toEqual({ kind: 'none' });
  });

  test.each([['git:--output=/tmp/x:metrics.json'], ['git:main']])('rejects %s as bad input (no option injection into git)', async (spec) => {
    await expect(loadBaseline(spec, repo())).rejects.toBeInstanceOf(InputError);
  });
});
