/**
 * The same core path with runtime: podman (Debian's podman 4.3, rootful).
 * Podman runs here once scripts/provision/docker.sh has installed catatonit
 * (its --init) and written CONTAINERS_CONF with rlimits this VM allows.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runBundle, tempDir } from '../support/bundle.js';

const IMAGE = 'mlops-ci-python:bookworm';
const CONTAINERS_CONF = path.join(ROOT, '.cache', 'docker', 'podman-containers.conf');
const env = { CONTAINERS_CONF };

function project(): string {
  const dir = tempDir('train-podman-');
  cpSync(path.join(ROOT, 'test', 'train-in-container', 'fixtures'), dir, { recursive: true });
  return dir;
}

function leftovers(): string {
  return execFileSync('podman', ['ps', '-a', '--filter', 'label=io.mlops-ci.step=train-in-container', '--format', '{{.Names}}'], { encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

test('podman: a real scikit-learn training writes model and metrics into outputs', async () => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--runtime', 'podman', '--image', IMAGE, '--command', 'python3 train.py rf', '--data', 'data', '--outputs', 'out/rf'], { cwd: dir, env });
  if (run.code !== 0) console.log(run.stderr);
  expect(run.code).toBe(0);
  const outputs = JSON.parse(run.stdout) as Record<string, string>;
  // Podman gives a local build a `localhost/…@sha256` digest no registry holds: the image ID is what pins it.
  expect(outputs['image-digest']).toBe(outputs['image-id']);
  expect(JSON.parse(readFileSync(outputs['metrics']!, 'utf8')).accuracy).toBeGreaterThan(0.8);
  expect(leftovers()).toBe('');
}, 120_000);

test('podman: a timeout stops the container and leaves none', async () => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--runtime', 'podman', '--image', IMAGE, '--command', 'echo started; sleep 600', '--timeout', '2s'], { cwd: dir, env });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('the command hit the timeout of 2 s');
  expect(leftovers()).toBe('');
}, 120_000);
