/**
 * `npm run demo` on a clean copy of the repository, twice: the whole iris
 * pipeline (setup-env → data-pull → train-in-container rf + gb →
 * evaluate-and-gate → promote-model) through the committed bundle.
 *
 * The copy holds what a clone would (the files git tracks or would track under
 * dist/, examples/, scripts/ and package.json — no venv, no pulled data, no
 * registry); the caches the steps default to are fresh folders, so the first
 * run builds and transfers and the second shows the hits. Training runs in
 * Docker when the engine has mlops-ci-python:bookworm, on the host otherwise.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../support/bundle.js';
import { startS3Server } from '../support/s3-server.js';
import { seedDvcRemote } from '../e2e/iris-fixture.js';

const TIMEOUT_MS = 600_000;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let repo: string;
const scratch: string[] = [];
let env: Record<string, string>;
let first: Run;
let second: Run | undefined;
/** The first run's step outputs (the second run overwrites out/steps/). */
const runs: { firstOutputs?: { setupEnv: Record<string, string>; dataPull: Record<string, string>; promote: Record<string, string> } } = {};

/** What a clone of the repository (with the example's files as they are now) holds. */
function cleanCopy(): string {
  const top = tempDir('demo-');
  scratch.push(top);
  const dir = path.join(top, 'repo');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', 'dist', 'examples', 'scripts', 'package.json'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(path.join(ROOT, f)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  return dir;
}

function runDemo(extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(repo, 'scripts', 'demo.sh')], { cwd: repo, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const example = (...parts: string[]): string => path.join(repo, 'examples', 'iris', ...parts);
const outputs = (step: string): Record<string, string> =>
  JSON.parse(readFileSync(example('out', 'steps', `${step}.json`), 'utf8')) as Record<string, string>;
const explain = (run: Run): string => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

beforeAll(async () => {
  repo = cleanCopy();
  expect(existsSync(path.join(repo, 'dist', 'mlops-ci.js'))).toBe(true);
  expect(existsSync(example('data', 'iris.csv'))).toBe(false); // only the .dvc file and the remote
  const caches = tempDir('demo-caches-');
  const tmp = tempDir('demo-tmp-');
  scratch.push(caches, tmp);
  env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/root', // pip's own download cache and pyenv's shims live there
    TMPDIR: tmp,
    MLOPS_CI_CACHE_DIR: path.join(caches, 'cache'), // setup-env's env cache
    RUNNER_TOOL_CACHE: path.join(caches, 'tools'), // data-pull's object cache
    ...(process.env['PYENV_ROOT'] ? { PYENV_ROOT: process.env['PYENV_ROOT'] } : {}),
    ...(process.env['DOCKER_HOST'] ? { DOCKER_HOST: process.env['DOCKER_HOST'] } : {}),
  };
  first = await runDemo();
  if (first.code === 0) {
    const firstOutputs = { setupEnv: outputs('setup-env'), dataPull: outputs('data-pull'), promote: outputs('promote-model') };
    runs.firstOutputs = firstOutputs;
    second = await runDemo();
  }
}, TIMEOUT_MS);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

test('the first run builds the env, pulls the data, trains both models, passes the gate without a baseline and promotes version 1', () => {
  if (first.code !== 0) throw new Error(explain(first));
  const { setupEnv, dataPull, promote } = runs.firstOutputs!;
  expect(setupEnv['cache-hit']).toBe('false');
  expect(dataPull['transferred']).toBe('1');
  expect(dataPull['files']).toBe('1');
  expect(first.stdout).toMatch(/runtime: (docker|host)/);
  expect(first.stdout).toContain('does not exist yet (first run): gating without a baseline');
  // The headline says what was not compared, and why.
  expect(first.stdout).toContain('mlops-ci gate `mlops-ci/gate` passed — best: **rf** · ⏭️ 2 baseline rules skipped: no baseline was given');
  expect(first.stdout).toMatch(/\| `accuracy >= 0\.9` · margin \+[\d.]+ \| ✅ pass \|/); // the gate's table
  expect(promote['version']).toBe('1');
  expect(first.stdout).toContain('promoted iris version 1 (rf) to production');
});

test('the second run hits the caches and gates against the version the first run promoted', () => {
  if (!second) throw new Error('the first run failed, so the second did not run');
  if (second.code !== 0) throw new Error(explain(second));
  const setupEnv = outputs('setup-env');
  const dataPull = outputs('data-pull');
  expect(setupEnv['cache-hit']).toBe('true');
  expect(setupEnv['fingerprint']).toBe(runs.firstOutputs!.setupEnv['fingerprint']);
  expect(dataPull['transferred']).toBe('0');
  expect(dataPull['digest']).toBe(runs.firstOutputs!.dataPull['digest']);

  const gate = outputs('evaluate-and-gate');
  expect(gate['passed']).toBe('true');
  expect(gate['best']).toBe('rf');
  const results = JSON.parse(readFileSync(example('out', 'gate-results.json'), 'utf8')) as {
    best: string;
    candidates: Record<string, { passed: boolean; rules: Array<{ rule: string; verdict: string }> }>;
  };
  expect(results.best).toBe('rf');
  // The statistical rule ran against production (version 1), not skipped.
  const statistical = results.candidates['rf']!.rules.find((r) => r.rule.includes('@ 95%'));
  expect(statistical?.verdict).toBe('passed');
  expect(second.stdout).toContain('baseline: iris@production = version 1');
  expect(second.stdout).not.toContain('baseline rules skipped');
  expect(second.stdout).toContain('95% CI of Δ');

  const promote = outputs('promote-model');
  expect(promote['version']).toBe('2');
  expect(promote['previous-version']).toBe('1');
  expect(second.stdout).toContain('promoted iris version 2 (rf) to production (was version 1)');
});

test('promote-model --describe iris@production shows the version with its data digest, env fingerprint and the winner\u2019s image', () => {
  const out = execFileSync(process.execPath, [path.join(repo, 'dist', 'mlops-ci.js'), 'promote-model', '--describe', 'iris@production'], {
    cwd: example(),
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const described = JSON.parse(out) as Record<string, string>;
  expect(described['version']).toBe('2');
  const lineage = JSON.parse(readFileSync(described['lineage']!, 'utf8')) as {
    data: { digest: string };
    env: { fingerprint: string };
    image: { digest: string | null };
    gate: { passed: boolean; best: string };
    files: Array<{ path: string }>;
  };
  expect(lineage.data.digest).toBe(outputs('data-pull')['digest']);
  expect(lineage.data.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(lineage.env.fingerprint).toBe(outputs('setup-env')['fingerprint']);
  expect(lineage.env.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  expect(lineage.gate).toMatchObject({ passed: true, best: 'rf' });
  // From the record of the rf training (keyed by its outputs folder), not the last training's: the demo no longer passes it.
  expect(lineage.image.digest).toBe(outputs('train-rf')['image-digest'] || null);
  expect(lineage.files.map((f) => f.path).sort()).toEqual(['correct.json', 'metrics.json', 'model.pkl']);
});

test('with the data on an S3 server: the README\u2019s environment variables pull the same dataset from a bucket', async () => {
  if (!second || second.code !== 0) throw new Error('the local runs failed, so the S3 run did not run');
  const s3 = await startS3Server();
  try {
    const remote = await seedDvcRemote(s3, 'iris-data', 'dvc');
    rmSync(example('data', 'iris.csv'));
    const objects = tempDir('demo-s3-objects-');
    scratch.push(objects);
    const run = await runDemo({ ...s3.env, MLOPS_CI_DEMO_DVC_REMOTE: remote, RUNNER_TOOL_CACHE: objects });
    if (run.code !== 0) throw new Error(explain(run));
    expect(run.stdout).toContain(`-- data-pull (remote ${remote})`);
    const dataPull = outputs('data-pull');
    expect(dataPull['transferred']).toBe('1');
    expect(dataPull['digest']).toBe(runs.firstOutputs!.dataPull['digest']);
    expect(run.stdout).toContain('promoted iris version 3 (rf) to production (was version 2)');
    expect(run.stdout + run.stderr).not.toContain(s3.secretKey);
  } finally {
    await s3.stop();
  }
}, TIMEOUT_MS);
