/**
 * The git-tags backend in a temp repository with a bare `origin`: version and
 * stage tags created and pushed, then read back by GTO itself (PyPI `gto`, in
 * the test venv) from a fresh clone, so the names really are GTO's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runBundle, tempDir } from '../support/bundle.js';
import { outputsOf, PASSED_GATE, RF_METRICS } from './fixtures.js';

const GTO = path.join(ROOT, '.cache', 'venv', 'bin', 'gto');
const IDENTITY = ['-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid'];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], { cwd, encoding: 'utf8' });
}

/** A clone of a bare origin, with one commit pushed. */
function repoWithOrigin(): { work: string; origin: string } {
  const dir = tempDir('promote-git-');
  const origin = path.join(dir, 'origin.git');
  const work = path.join(dir, 'work');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  execFileSync('git', ['clone', '-q', origin, work], { stdio: 'ignore' });
  writeFileSync(path.join(work, 'model.pkl'), 'weights v1');
  mkdirSync(path.join(work, 'out', 'rf'), { recursive: true });
  writeFileSync(path.join(work, 'out', 'rf', 'metrics.json'), JSON.stringify(RF_METRICS));
  writeFileSync(path.join(work, 'results.json'), JSON.stringify(PASSED_GATE));
  git(work, 'add', '-A');
  git(work, 'commit', '-qm', 'model v1');
  git(work, 'push', '-q', 'origin', 'HEAD:main');
  return { work, origin };
}

function newCommit(work: string, content: string): void {
  writeFileSync(path.join(work, 'model.pkl'), content);
  git(work, 'commit', '-qam', content);
  git(work, 'push', '-q', 'origin', 'HEAD:main');
}

const promote = (work: string, ...args: string[]) =>
  runBundle(['promote-model', '--registry', 'git-tags', '--push', '--model', 'iris', ...args], { cwd: work, env: { GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.invalid' } });

test('versions and stages become GTO tags at origin; gto reads them back; rollback assigns the previous version', async () => {
  const { work, origin } = repoWithOrigin();
  const first = await promote(work, '--path', 'model.pkl', '--alias', 'prod', '--metrics', 'out/rf/metrics.json', '--gate-results', 'results.json', '--bump', 'minor');
  expect(first.stderr).not.toContain('error');
  expect(first.code).toBe(0);
  expect(outputsOf(first.stdout)).toMatchObject({ version: 'v0.1.0', 'previous-version': '' });

  newCommit(work, 'weights v2');
  const second = await promote(work, '--path', 'model.pkl', '--alias', 'prod', '--metrics', 'out/rf/metrics.json', '--gate-results', 'results.json');
  expect(outputsOf(second.stdout)).toMatchObject({ version: 'v0.1.1', 'previous-version': 'v0.1.0' });
  expect(git(origin, 'tag', '-l').split('\n').filter(Boolean).sort()).toEqual(['iris#prod#1', 'iris#prod#2', 'iris@v0.1.0', 'iris@v0.1.1']);
  // Annotated, with the lineage summary in the message.
  expect(git(origin, 'cat-file', '-t', 'iris@v0.1.1').trim()).toBe('tag');
  expect(git(origin, 'tag', '-l', '--format=%(contents)', 'iris@v0.1.1')).toMatch(/gate: passed[\s\S]*files: model\.pkl sha256:/);
  // Tags keep no files: a gate asking for the baseline version's per-row file is told so (exit 2).
  writeFileSync(path.join(work, 'm.json'), '{"accuracy": 0.9}');
  writeFileSync(path.join(work, 'c.json'), '[1, 0, 1]');
  const gate = await runBundle(
    ['evaluate-and-gate', '--metrics', 'm=m.json', '--rules', 'accuracy >= baseline.accuracy @ 95%', '--baseline', 'registry:iris@prod:git-tags', '--samples', 'm=c.json\nbaseline=registry:correct.json'],
    { cwd: work },
  );
  expect(gate.code).toBe(2);
  expect(gate.stderr).toContain("input 'samples'");
  expect(gate.stderr).toContain('keeps no model files (only tags)');

  const rollback = await promote(work, '--alias', 'prod', '--rollback');
  expect(rollback.code).toBe(0);
  expect(outputsOf(rollback.stdout)).toMatchObject({ version: 'v0.1.0', 'previous-version': 'v0.1.1' });
  expect(git(origin, 'tag', '-l', 'iris#prod#*').split('\n').filter(Boolean)).toEqual(['iris#prod#1', 'iris#prod#2', 'iris#prod#3']);

  // GTO, from a fresh clone of origin: the versions and the current stage as we wrote them.
  const clone = path.join(tempDir('promote-gto-'), 'clone');
  execFileSync('git', ['clone', '-q', origin, clone], { stdio: 'ignore' });
  const shown = JSON.parse(execFileSync(GTO, ['show', 'iris', '--json'], { cwd: clone, encoding: 'utf8' })) as { version: string; stage: Record<string, unknown> }[];
  expect(shown.map((row) => row.version).sort()).toEqual(['v0.1.0', 'v0.1.1']);
  const prod = execFileSync(GTO, ['show', 'iris#prod', '--ref'], { cwd: clone, encoding: 'utf8' }).trim();
  expect(prod).toBe('iris@v0.1.0');

  const described = await promote(work, '--describe', 'iris@prod');
  expect(described.code).toBe(0);
  expect(described.stderr).toContain('iris version v0.1.0');

  // remove-alias is GTO's deprecation of the assignment: `iris#prod!#4`, and gto shows no prod stage.
  const removed = await promote(work, '--alias', 'prod', '--remove-alias');
  expect(outputsOf(removed.stdout)).toMatchObject({ 'previous-version': 'v0.1.0' });
  expect(git(origin, 'tag', '-l', 'iris#prod!*').trim()).toBe('iris#prod!#4');
  git(clone, 'fetch', '-q', '--tags');
  const stages = JSON.parse(execFileSync(GTO, ['show', 'iris', '--json'], { cwd: clone, encoding: 'utf8' })) as { stage: unknown }[];
  expect(stages.every((row) => !row.stage)).toBe(true);
  expect((await promote(work, '--describe', 'iris@prod')).code).toBe(2);
}, 60_000);

test('a second version on a commit that already has one is refused (GTO allows one per commit), nothing pushed', async () => {
  const { work, origin } = repoWithOrigin();
  expect((await promote(work, '--path', 'model.pkl', '--require-gate', 'false')).code).toBe(0);
  const again = await promote(work, '--path', 'model.pkl', '--require-gate', 'false');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('one version of a model per commit');
  expect(git(origin, 'tag', '-l').split('\n').filter(Boolean)).toEqual(['iris@v0.0.1']);
}, 60_000);

test('git-tags outside a repository, or push without an origin, is bad input (exit 2)', async () => {
  const bare = tempDir('promote-no-git-');
  writeFileSync(path.join(bare, 'model.pkl'), 'w');
  const outside = await runBundle(['promote-model', '--registry', 'git-tags', '--model', 'iris', '--path', 'model.pkl', '--require-gate', 'false'], { cwd: bare });
  expect(outside.code).toBe(2);
  expect(outside.stderr).toContain("input 'registry': is git-tags, but");

  git(bare, 'init', '-q');
  git(bare, 'add', '-A');
  git(bare, 'commit', '-qm', 'm');
  const noOrigin = await promote(bare, '--path', 'model.pkl', '--require-gate', 'false');
  expect(noOrigin.code).toBe(2);
  expect(noOrigin.stderr).toContain("input 'push': is true, but");
  expect(git(bare, 'tag', '-l')).toBe('');
});
