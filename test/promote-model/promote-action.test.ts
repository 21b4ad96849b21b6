/**
 * The promote-model action as users run it: `uses: ./actions/promote-model`
 * (the generated action.yml and the committed dist/) after the gate action,
 * under act in host mode on a push, registering into a folder registry the
 * test then reads back. On every runtime of test/support/runtimes.ts (Node 20
 * and 24).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, tempDir } from '../support/bundle.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';
import { filesUnder, readJson } from './fixtures.js';

const workflow = (accuracy: number) => `name: promote
on: push
jobs:
  promote:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: train (stand-in)
        run: |
          mkdir -p out/rf
          echo 'weights' > out/rf/model.pkl
          echo '{"accuracy": ${accuracy}}' > out/rf/metrics.json
      - id: gate
        uses: ./actions/evaluate-and-gate
        with:
          metrics: out/rf/metrics.json
          rules: accuracy >= 0.9
          on-fail: warn
          comment: 'off'
      - id: promote
        uses: ./actions/promote-model
        with:
          model: iris
          path: out/rf/model.pkl
          alias: production
          registry: \${{ env.REGISTRY }}
          metrics: out/rf/metrics.json
          gate-results: \${{ steps.gate.outputs.results-file }}
      - name: use the outputs
        run: echo "promoted version=\${{ steps.promote.outputs.version }}"
`;

function repoWith(workflowText: string): string {
  const dir = tempDir('act-promote-');
  cpSync(path.join(ROOT, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'promote.yml'), workflowText);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

const payload = { ref: 'refs/heads/main', repository: { full_name: 'acme/iris', name: 'iris', owner: { login: 'acme' } } };

describe.each(RUNTIMES)('the promote-model action under act on $name', (runtime) => {
  test('after a passing gate the model is registered with its lineage and the alias moved', async () => {
    const registry = tempDir('act-registry-');
    const run = await runAct({ runtime, stepDebug: true, repoDir: repoWith(workflow(0.95)), workflow: '.github/workflows/promote.yml', event: 'push', payload, env: { REGISTRY: registry }, timeoutMs: 120_000 });
    if (run.exitCode !== 0) console.log(run.output);
    expect(run.exitCode).toBe(0);
    expect(run.output).toContain(`runs promote-model on Node ${versionOf(runtime)}`);
    expect(findStep(run, 'promote')?.outputs).toMatchObject({ version: '1', 'previous-version': '', uri: `${path.join(registry, 'iris', 'versions', '1')}/` });
    expect(run.output).toContain('promoted version=1');
    expect(run.summary).toContain('### ✅ mlops-ci promote-model — iris 1 registered');
    expect(run.summary).not.toContain('| | |');
    expect(filesUnder(path.join(registry, 'iris', 'versions'))).toEqual(['1/model.pkl', '1/version.json']);
    const lineage = readJson(path.join(registry, 'iris', 'versions', '1', 'version.json'));
    expect(lineage).toMatchObject({ metrics: { accuracy: 0.95 }, gate: { passed: true, best: 'rf' }, run: { host: 'github' }, git: { repository: 'acme/iris' } });
    expect((lineage['run'] as { url: string }).url).toMatch(/\/acme\/iris\/actions\/runs\//);
    expect(readJson(path.join(registry, 'iris', 'aliases', 'production.json'))).toMatchObject({ version: '1', host: 'github' });
  }, 150_000);

  test('after a gate that did not pass the promotion is refused and nothing is registered', async () => {
    const registry = tempDir('act-registry-');
    const run = await runAct({ runtime, repoDir: repoWith(workflow(0.8)), workflow: '.github/workflows/promote.yml', event: 'push', payload, env: { REGISTRY: registry }, timeoutMs: 120_000 });
    expect(run.exitCode).toBe(1);
    expect(run.jobResults).toEqual({ promote: 'failure' });
    expect(run.output).toContain('failed rules: rf: accuracy >= 0.9 (accuracy = 0.8)');
    expect(filesUnder(registry)).toEqual([]);
  }, 150_000);
});
