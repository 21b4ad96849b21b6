/**
 * Artifacts between jobs under act: `uses: actions/upload-artifact@v4` and
 * `actions/download-artifact@v4` (runAct maps both to the test stand-ins in
 * test/support/actions) against act's real artifact server, in the shape the
 * iris workflow needs: a matrix job uploads each candidate, a later job gets
 * them all. On every runtime of test/support/runtimes.ts (Node 20 and 24).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct, type ActRun, type ActStep } from '../support/act.js';
import { tempDir } from '../support/bundle.js';
import { RUNTIMES, versionOf, type Runtime } from '../support/runtimes.js';

const MODELS = ['rf', 'gb'] as const;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const push = { ref: 'refs/heads/main', repository: { full_name: 'acme/iris' } };

/** A committed repo with the workflow and some files; returns its path. */
function repoWith(workflow: string, files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('act-artifacts-');
  dirs.push(dir);
  for (const [name, content] of Object.entries({ '.github/workflows/wf.yml': workflow, ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

function run(repoDir: string, runtime: Runtime): Promise<ActRun> {
  return runAct({ runtime, repoDir, workflow: '.github/workflows/wf.yml', event: 'push', payload: push, timeoutMs: 120_000 });
}

/** The step of one matrix entry. */
function matrixStep(result: ActRun, id: string, model: string): ActStep | undefined {
  return result.steps.find((s) => s.id === id && s.stage === 'Main' && s.matrix['model'] === model);
}

/** Each model's training output: metrics, a nested binary (one over act's 8 MiB upload block), a hidden file. */
function trainingOutputs(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const model of MODELS) {
    files[`fixtures/${model}/metrics.json`] = Buffer.from(JSON.stringify({ model, accuracy: 0.9 }));
    files[`fixtures/${model}/model/weights/${model}.bin`] = randomBytes(model === 'gb' ? 9 * 1024 * 1024 : 70_000);
    files[`fixtures/${model}/.cache-marker`] = Buffer.from('hidden: not uploaded by default\n');
  }
  return files;
}

/** `sha256sum` lines for the non-hidden files, as the workflow prints them from inside out/. */
function expectedSums(files: Record<string, Buffer>): string {
  return Object.entries(files)
    .filter(([name]) => !path.basename(name).startsWith('.'))
    .map(([name, bytes]) => [`./${name.replace(/^fixtures\//, '')}`, createHash('sha256').update(bytes).digest('hex')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, sum]) => `${sum}  ${name}`)
    .join('\n');
}

const sumsStep = (id: string, dir: string) => `      - id: ${id}
        run: |
          cd ${dir}
          { echo 'sums<<EOF'; find . -type f | LC_ALL=C sort | xargs sha256sum; echo EOF; } >> "$GITHUB_OUTPUT"
`;

const matrixWorkflow = `name: artifacts
on: push
jobs:
  train:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        model: [${MODELS.join(', ')}]
    steps:
      - uses: actions/checkout@v4
      - name: train
        run: mkdir -p out && cp -r fixtures/\${{ matrix.model }} out/
      - id: upload
        uses: actions/upload-artifact@v4
        with:
          name: model-\${{ matrix.model }}
          path: out/
          if-no-files-found: error
          retention-days: 1
  gate:
    needs: train
    runs-on: ubuntu-latest
    steps:
      - id: merged
        uses: actions/download-artifact@v4
        with:
          pattern: model-*
          path: out
          merge-multiple: true
${sumsStep('merged-sums', 'out')}
      - id: apart
        uses: actions/download-artifact@v4
        with:
          pattern: model-*
          path: apart
${sumsStep('apart-sums', 'apart')}
      - id: named
        uses: actions/download-artifact@v4
        with:
          name: model-rf
          path: named
${sumsStep('named-sums', 'named')}
      - id: node
        run: node --version
`;

const missingWorkflow = `name: missing
on: push
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - id: get
        uses: actions/download-artifact@v4
        with:
          name: model-rf
      - name: never
        run: echo never
`;

/** An upload step that may fail without failing the job (continue-on-error). */
const uploadStep = (id: string, withLines: string, continueOnError = true) => `      - id: ${id}
        uses: actions/upload-artifact@v4${continueOnError ? '\n        continue-on-error: true' : ''}
        with:
${withLines}`;

const namesWorkflow = `name: names
on: push
jobs:
  upload:
    runs-on: ubuntu-latest
    steps:
      - run: echo one > report.txt
${uploadStep('first', '          name: report\n          path: report.txt\n', false)}
${uploadStep('again', '          name: report\n          path: report.txt\n')}
${uploadStep('replace', '          name: report\n          path: report.txt\n          overwrite: true\n', false)}
${uploadStep('nothing', '          name: empty\n          path: no-such-dir/\n          if-no-files-found: error\n')}
${uploadStep('bad-input', '          name: odd\n          path: report.txt\n          if-no-files-found: maybe\n')}
`;

describe.each(RUNTIMES)('artifacts under act on $name', (runtime) => {
  test('a matrix job uploads each candidate; a job that needs it downloads them by pattern and by name, bytes intact', async () => {
    const files = trainingOutputs();
    const result = await run(repoWith(matrixWorkflow, files), runtime);
    if (result.exitCode !== 0) console.log(result.output);
    expect(result.exitCode).toBe(0);
    expect(result.jobResults).toEqual({ train: 'success', gate: 'success' });

    for (const model of MODELS) {
      const upload = matrixStep(result, 'upload', model);
      expect(upload?.result).toBe('success');
      expect(upload?.outputs['artifact-id']).toMatch(/^\d+$/);
      expect(upload?.outputs['artifact-url']).toBe(`https://github.com/acme/iris/actions/runs/1/artifacts/${upload?.outputs['artifact-id']}`);
      expect(upload?.outputs['artifact-digest']).toMatch(/^[0-9a-f]{64}$/);
    }
    // merge-multiple: both candidates side by side in out/, as each job wrote them.
    const both = expectedSums(files);
    expect(findStep(result, 'merged-sums', 'gate')?.outputs['sums']).toBe(both);
    // Without it: one folder per artifact; each holds only its own job's out/ (own workspace).
    const perArtifact = both.replace(/ {2}\.\/(rf|gb)\//g, '  ./model-$1/$1/');
    expect(findStep(result, 'apart-sums', 'gate')?.outputs['sums']).toBe(perArtifact);
    // By name: the artifact's files straight into path.
    expect(findStep(result, 'named', 'gate')?.outputs['download-path']).toMatch(/\/hostexecutor\/named$/);
    expect(findStep(result, 'named-sums', 'gate')?.outputs['sums']).toBe(both.split('\n').filter((l) => l.includes('./rf/')).join('\n'));
    // The stand-in actions ran with the node a run: step finds on PATH: the runtime's.
    expect(findStep(result, 'node', 'gate')?.log.trim()).toBe(versionOf(runtime));
  }, 180_000);

  test('downloading an artifact nobody uploaded fails the job and names the artifact', async () => {
    const result = await run(repoWith(missingWorkflow), runtime);
    expect(result.exitCode).toBe(1);
    expect(result.jobResults).toEqual({ gate: 'failure' });
    expect(findStep(result, 'get')?.result).toBe('failure');
    expect(result.output).toContain('::error::Unable to download artifact(s): Artifact not found for name: model-rf');
    expect(result.steps.find((s) => s.name === 'never')).toBeUndefined();
    // act's server has the run's folder from the start: no ~25 s of client retries.
    expect(result.durationMs).toBeLessThan(20_000);
  }, 60_000);

  test('one name per run unless overwrite; if-no-files-found: error fails the step', async () => {
    const result = await run(repoWith(namesWorkflow), runtime);
    expect(result.jobResults).toEqual({ upload: 'success' });
    expect(findStep(result, 'first')?.result).toBe('success');
    expect(findStep(result, 'again')?.result).toBe('failure');
    expect(result.output).toContain("::error::an artifact named 'report' already exists in this run");
    expect(findStep(result, 'replace')?.result).toBe('success');
    expect(result.output).toContain('::error::No files were found with the provided path: no-such-dir/');
    expect(findStep(result, 'nothing')?.result).toBe('failure');
    expect(findStep(result, 'bad-input')?.result).toBe('failure');
    expect(result.output).toContain("::error::if-no-files-found: got 'maybe', expected one of warn, error, ignore");
  }, 60_000);
});
