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

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' }).trim();
}

/**
 * A bare origin whose main has two commits (tagged v1) and a `feature` branch,
 * and a `git clone --depth 1 --branch feature` of it through a file:// URL (a
 * plain path would ignore depth), as actions/checkout leaves a PR's workspace.
 */
function shallowClone(): { origin: string; clone: string } {
  const work = repo();
  git(work, 'checkout', '-q', '--', 'metrics.json');
  git(work, 'tag', 'v1');
  git(work, 'commit', '-q', '--allow-empty', '-m', 'second commit on main');
  git(work, 'checkout', '-q', '-b', 'feature');
  writeFileSync(path.join(work, 'metrics.json'), JSON.stringify({ accuracy: 0.5 }));
  git(work, 'commit', '-qam', 'candidate');
  const origin = `${work}.git`;
  execFileSync('git', ['clone', '-q', '--bare', work, origin]);
  const clone = `${work}-clone`;
  execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone]);
  return { origin, clone };
}

describe('loadBaseline', () => {
  test('git:<ref>:<path> reads the file at that ref', async () => {
    const dir = repo();
    expect(await loadBaseline('git:main:metrics.json', { cwd: dir, env: process.env })).toEqual({
      kind: 'found',
      source: 'git:main:metrics.json',
      metrics: { accuracy: 0.9, 'nested.f1': 0.8 },
    });
  });

  test('a file absent at an existing ref is a missing baseline (the first run), not an error', async () => {
    const dir = repo();
    expect(await loadBaseline('git:main:nope.json', { cwd: dir, env: process.env })).toMatchObject({ kind: 'missing', reason: 'nope.json does not exist at main' });
  });

  test('a ref that exists neither here nor at origin is bad input naming baseline, never a skip', async () => {
    const { clone } = shallowClone();
    await expect(loadBaseline('git:nosuchref:metrics.json', { cwd: clone, env: process.env })).rejects.toThrow(/^input 'baseline': git ref 'nosuchref' does not exist/);
    await expect(loadBaseline('git:origin/nosuchref:metrics.json', { cwd: clone, env: process.env })).rejects.toThrow(/^input 'baseline': git ref 'origin\/nosuchref'/);
    // Without any origin to ask, a typo is still an error.
    await expect(loadBaseline('git:nosuchref:metrics.json', { cwd: repo(), env: process.env })).rejects.toThrow(/^input 'baseline': git ref 'nosuchref' does not exist/);
  });

  test('a depth-1 clone of a branch fetches origin/main shallowly and reads the baseline from it', async () => {
    const { clone } = shallowClone();
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(await loadBaseline('git:origin/main:metrics.json', { cwd: clone, env: process.env })).toEqual({
      kind: 'found',
      source: 'git:origin/main:metrics.json',
      metrics: { accuracy: 0.9, 'nested.f1': 0.8 },
    });
    // Still shallow: one commit of main was fetched, not its history.
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(git(clone, 'rev-list', '--count', 'FETCH_HEAD')).toBe('1');
  });

  test('a depth-1 clone: a branch name and a tag of origin are fetched too; a file absent there is missing', async () => {
    const { clone } = shallowClone();
    expect(await loadBaseline('git:v1:metrics.json', { cwd: clone, env: process.env })).toMatchObject({ kind: 'found', metrics: { accuracy: 0.9 } });
    expect(await loadBaseline('git:main:nope.json', { cwd: clone, env: process.env })).toMatchObject({ kind: 'missing', reason: 'nope.json does not exist at main' });
  });

  test('a plain path: found, missing, or malformed (bad input)', async () => {
    const dir = repo();
    expect(await loadBaseline('metrics.json', { cwd: dir, env: process.env })).toMatchObject({ kind: 'found', metrics: { accuracy: 0.1 } });
    expect(await loadBaseline('absent.json', { cwd: dir, env: process.env })).toMatchObject({ kind: 'missing', reason: 'absent.json does not exist' });
    writeFileSync(path.join(dir, 'broken.json'), '{"accuracy": ');
    await expect(loadBaseline('broken.json', { cwd: dir, env: process.env })).rejects.toThrow(/^input 'baseline': /);
  });

  test('no baseline given', async () => {
    // Blank text reaches the step as absent: the reader trims it (see spec/inputs.test.ts).
    expect(await loadBaseline(undefined, { cwd: '/', env: process.env })).toEqual({ kind: 'none' });
  });

  test.each([['git:--output=/tmp/x:metrics.json'], ['git:main']])('rejects %s as bad input (no option injection into git)', async (spec) => {
    await expect(loadBaseline(spec, { cwd: repo(), env: process.env })).rejects.toBeInstanceOf(InputError);
  });

  test.each([['registry:Iris@production'], ['registry:iris/versions/1@production'], ['registry:..@production']])(
    'a registry baseline naming a model no registry may hold (%s) is bad input naming baseline, before any registry is asked',
    async (spec) => {
      const cwd = mkdtempSync(path.join(os.tmpdir(), 'baseline-name-'));
      await expect(loadBaseline(spec, { cwd: cwd, env: process.env })).rejects.toBeInstanceOf(InputError);
      await expect(loadBaseline(spec, { cwd: cwd, env: process.env })).rejects.toThrow(/^input 'baseline': model name "[^"]+" (must|may)/);
    },
  );
});
