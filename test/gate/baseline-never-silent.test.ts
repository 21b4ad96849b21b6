/**
 * A baseline never disappears silently: through the real bundle, the ways a
 * gate used to pass with every baseline rule skipped — a depth-1 clone, a typo
 * in a ref — now fetch the baseline or stop with exit 2 naming `baseline`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', ...args], { cwd, encoding: 'utf8' }).trim();
}

/**
 * A bare origin whose main holds metrics.json (accuracy 0.9), and a PR
 * workspace as actions/checkout leaves it: `git clone --depth 1` of the
 * feature branch through a file:// URL (a plain path ignores depth).
 */
function prCheckout(): string {
  const dir = tempDir('gate-shallow-');
  const work = path.join(dir, 'work');
  git(dir, 'init', '-q', '-b', 'main', work);
  writeFileSync(path.join(work, 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));
  git(work, 'add', '-A');
  git(work, 'commit', '-qm', 'production metrics');
  git(work, 'checkout', '-q', '-b', 'feature');
  writeFileSync(path.join(work, 'metrics.json'), JSON.stringify({ accuracy: 0.8 }));
  git(work, 'commit', '-qam', 'a worse candidate');
  const origin = path.join(dir, 'origin.git');
  git(dir, 'clone', '-q', '--bare', work, origin);
  const clone = path.join(dir, 'clone');
  git(dir, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone);
  return clone;
}

const gate = (cwd: string, baseline: string) =>
  runBundle(['evaluate-and-gate', '--metrics', 'candidate=metrics.json', '--rules', 'accuracy >= baseline.accuracy', '--baseline', baseline], { cwd });

test('a depth-1 PR checkout fetches origin/main and gates against it: a worse candidate fails (exit 3), never a skip', async () => {
  const clone = prCheckout();
  const run = await gate(clone, 'git:origin/main:metrics.json');
  expect(run.stderr).not.toContain('skipped');
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/failed\s+accuracy >= baseline\.accuracy\s+\(accuracy = 0\.8\)/);
  expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
}, 30_000);

test.each([['git:nosuchref:metrics.json'], ['git:origin/nosuchref:metrics.json']])('a ref that exists nowhere (%s) is exit 2 naming baseline, not a pass', async (baseline) => {
  const run = await gate(prCheckout(), baseline);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'baseline': git ref");
  expect(run.stderr).toContain('does not exist in this clone nor at origin');
}, 30_000);

test('a file absent at an existing ref is still a missing baseline: the first run passes, with the skip in the headline', async () => {
  const run = await gate(prCheckout(), 'git:origin/main:not-yet.json');
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('not-yet.json does not exist at origin/main');
}, 30_000);
