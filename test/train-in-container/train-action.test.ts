/**
 * The train-in-container action as users run it: a workflow with
 * `uses: ./actions/train-in-container` (the generated action.yml and the
 * committed dist/), run by act in host mode, training in the real Docker
 * engine, its outputs read by the next step. On every runtime of
 * test/support/runtimes.ts (Node 20 and 24).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, tempDir } from '../support/bundle.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';

const workflow = `name: train
on: push
jobs:
  train:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: train
        uses: ./actions/train-in-container
        with:
          image: mlops-ci-python:bookworm
          command: echo "::set-output name=injected::yes"; python3 train.py gb
          data: data
          outputs: out/gb
          timeout: 5m
      - name: use the outputs
        run: |
          echo "exit=\${{ steps.train.outputs.exit-code }} metrics=\${{ steps.train.outputs.metrics }}"
          cat "\${{ steps.train.outputs.metrics }}"
`;

function repo(): string {
  const dir = tempDir('act-train-');
  cpSync(path.join(ROOT, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  cpSync(path.join(ROOT, 'test', 'train-in-container', 'fixtures'), dir, { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'train.yml'), workflow);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

describe.each(RUNTIMES)('the train-in-container action under act on $name', (runtime) => {
  test('the action trains in docker under act; outputs reach the next step; log lines cannot run workflow commands', async () => {
    const run = await runAct({ runtime, stepDebug: true, repoDir: repo(), workflow: '.github/workflows/train.yml', event: 'push', payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/iris' } }, timeoutMs: 120_000 });
    if (run.exitCode !== 0) console.log(run.output);
    expect(run.exitCode).toBe(0);
    expect(run.output).toContain(`runs train-in-container on Node ${versionOf(runtime)}`);
    const outputs = findStep(run, 'train')?.outputs ?? {};
    expect(outputs).toMatchObject({ 'exit-code': '0' });
    expect(outputs['metrics']).toMatch(/\/out\/gb\/metrics\.json$/);
    expect(outputs['image-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(outputs['injected']).toBeUndefined();
    expect(run.output).toContain('::set-output name=injected::yes');
    expect(run.output).toContain('training gb on 105 rows');
    expect(run.output).toMatch(/exit=0 metrics=\S+\/out\/gb\/metrics\.json/);
    expect(run.output).toMatch(/"accuracy": 0\.9/);
    const summary = findStep(run, 'train')?.summary ?? '';
    expect(summary).toMatch(/^### ✅ mlops-ci train-in-container — exited 0 after /);
    expect(summary).toContain(`| image digest | \`${outputs['image-digest']}\` |`);
  }, 150_000);
});
