/**
 * A baseline never disappears silently: through the real bundle, the ways a
 * gate used to pass with every baseline rule skipped — a depth-1 clone, a typo
 * in a ref — now fetch the baseline or stop with exit 2 naming `baseline`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runBundle, tempDir } from '../support/bundle.js';

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
  const skipped = '1 baseline rule skipped: no baseline: git:origin/main:not-yet.json was not found';
  expect(run.stderr).toContain(skipped);
  const report = readFileSync((JSON.parse(run.stdout) as { report: string }).report, 'utf8');
  expect(report.split('\n')[0]).toContain(`passed — best: **candidate** · ⏭️ ${skipped}`);
}, 30_000);

// ------------------------------------------------------------ registry baselines

const GTO = path.join(ROOT, '.cache', 'venv', 'bin', 'gto');

/** A project with a model and its metrics (accuracy 0.9), on the default registry (.mlops-ci/registry). */
function registryProject(): string {
  const dir = tempDir('gate-registry-');
  mkdirSync(path.join(dir, 'out', 'rf'), { recursive: true });
  writeFileSync(path.join(dir, 'out', 'rf', 'model.pkl'), 'weights');
  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));
  writeFileSync(path.join(dir, 'candidate.json'), JSON.stringify({ accuracy: 0.8 }));
  return dir;
}

const promote = (cwd: string, ...args: string[]) => runBundle(['promote-model', '--model', 'iris', ...args], { cwd });
const registryGate = (cwd: string, baseline: string) =>
  runBundle(['evaluate-and-gate', '--metrics', 'candidate=candidate.json', '--rules', 'accuracy >= baseline.accuracy', '--baseline', baseline], { cwd });

test('an alias never set on a model that has versions is exit 2 listing its aliases; a model with no version is the first run', async () => {
  const dir = registryProject();
  expect((await promote(dir, '--path', 'out/rf/model.pkl', '--metrics', 'out/rf/metrics.json', '--alias', 'production', '--require-gate', 'false')).code).toBe(0);
  expect((await promote(dir, '--alias', 'staging', '--to-version', '1')).code).toBe(0);

  const typo = await registryGate(dir, 'registry:iris@prodution');
  expect(typo.code).toBe(2);
  expect(typo.stderr).toContain("input 'baseline': iris has versions in");
  expect(typo.stderr).toContain("no alias 'prodution' (its aliases: production, staging)");
  // What to do, for a typo and for a first promotion to that alias, on one line.
  const message = typo.stderr.split('\n').find((line) => line.includes("no alias 'prodution'"))!;
  expect(message).toContain("if 'prodution' is a typo, check the spelling");
  expect(message).toContain('if iris was never promoted to prodution, gate without a baseline until it is');
  expect(message).toContain('promote-model --describe iris@prodution --allow-missing');
  expect(message).toContain('point prodution at a version with promote-model --to-version');

  const first = await registryGate(dir, 'registry:fresh@production');
  expect(first.code).toBe(0);
  expect(first.stderr).toContain('fresh has no version yet');

  const found = await registryGate(dir, 'registry:iris@production');
  expect(found.code).toBe(3);
}, 30_000);

test('a version registered without metrics cannot be a baseline: exit 2 saying what to do, not a skip', async () => {
  const dir = registryProject();
  expect((await promote(dir, '--path', 'out/rf/model.pkl', '--alias', 'production', '--require-gate', 'false')).code).toBe(0);
  const run = await registryGate(dir, 'registry:iris@production');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'baseline': iris version 1 (iris@production)");
  expect(run.stderr).toContain('has no metrics recorded');
}, 30_000);

/** A clone of a bare origin, a model committed, `gto register iris` run by GTO itself. */
function gtoRegistered(): string {
  const dir = tempDir('gate-gto-');
  const origin = path.join(dir, 'origin.git');
  const work = path.join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
  git(dir, 'clone', '-q', origin, work);
  writeFileSync(path.join(work, 'model.pkl'), 'weights');
  writeFileSync(path.join(work, 'candidate.json'), JSON.stringify({ accuracy: 0.8 }));
  git(work, 'add', '-A');
  git(work, 'commit', '-qm', 'model');
  git(work, 'push', '-q', 'origin', 'HEAD:main');
  execFileSync(GTO, ['register', 'iris', '--version', 'v0.2.0'], { cwd: work, env: { ...process.env, ...IDENTITY_ENV } });
  return work;
}

const IDENTITY_ENV = { GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.invalid', GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.invalid' };

test('a version GTO registered: describe shows its version, commit and tag time; as a baseline it is exit 2 (no metrics), not a skip', async () => {
  const work = gtoRegistered();
  const moved = await runBundle(['promote-model', '--registry', 'git-tags', '--model', 'iris', '--alias', 'production', '--to-version', 'v0.2.0'], { cwd: work, env: IDENTITY_ENV });
  expect(moved.stderr).not.toContain('error');
  expect(moved.code).toBe(0);
  expect(execFileSync(GTO, ['show', 'iris#production', '--ref'], { cwd: work, encoding: 'utf8' }).trim()).toBe('iris@v0.2.0');

  const described = await runBundle(['promote-model', '--registry', 'git-tags', '--describe', 'iris@production'], { cwd: work });
  expect(described.code).toBe(0);
  expect(described.stderr).toContain('iris version v0.2.0');
  expect(described.stderr).toContain(`commit     ${git(work, 'rev-parse', 'HEAD')}`);
  expect(described.stderr).toMatch(/registered \d{4}-\d\d-\d\dT/);
  expect(described.stderr).toContain('metrics    none recorded');

  const gated = await registryGate(work, 'registry:iris@production:git-tags');
  expect(gated.code).toBe(2);
  expect(gated.stderr).toContain("input 'baseline': iris version v0.2.0 (iris@production)");
  expect(gated.stderr).toContain('has no metrics recorded');

  const typo = await registryGate(work, 'registry:iris@prodution:git-tags');
  expect(typo.code).toBe(2);
  expect(typo.stderr).toContain("no alias 'prodution' (its aliases: production)");
}, 60_000);
