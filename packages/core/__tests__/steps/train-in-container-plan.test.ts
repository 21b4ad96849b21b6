/**
 * train-in-container's plan from its inputs, without running anything: the
 * spec's defaults, paths relative to the run's working folder (not the
 * process's, not the workspace), and the environment taken from the run
 * context.
 */
import { quietHost } from '../support/quiet-host.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import type { Host } from '../../src/host/types.js';
import { InputReader } from '../../src/spec/inputs.js';
import { planTrain as plan } from '../../src/steps/train-in-container/plan.js';
import { trainInContainerSpec } from '../../src/steps/train-in-container/spec.js';

/** A root with a workspace and, apart from it, the folder the step was started in. */
function folders(): { cwd: string; workspace: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'train-plan-'));
  const cwd = path.join(root, 'started-here');
  const workspace = path.join(root, 'workspace');
  for (const dir of [cwd, workspace, path.join(cwd, 'data'), path.join(cwd, 'ctx')]) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(path.join(cwd, 'train.env'), 'EPOCHS=3\nFROM_CONTEXT\n');
  return { cwd, workspace };
}


function planOf(inputs: Record<string, unknown>, host: Host) {
  return plan(new InputReader(trainInContainerSpec, jsonInputs(inputs)), host);
}

function errorOf(read: () => unknown): Error {
  try {
    read();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

test('relative paths resolve against the run context cwd; the workdir defaults to the workspace', () => {
  const { cwd, workspace } = folders();
  const planned = planOf({ runtime: 'host', command: 'true', data: 'data', outputs: 'out', mounts: 'ctx:/ctx:ro' }, quietHost({ cwd, workspace, tempDir: cwd }));
  expect(planned).toMatchObject({
    data: path.join(cwd, 'data'),
    outputs: path.join(cwd, 'out'),
    mounts: [{ source: path.join(cwd, 'ctx'), target: '/ctx', readOnly: true }],
    workdir: workspace,
  });
});

test("the spec's defaults are applied once, by the reader", () => {
  const { cwd, workspace } = folders();
  const planned = planOf({ command: '["python", "train.py"]', dockerfile: 'Dockerfile' }, quietHost({ cwd, workspace, tempDir: cwd }));
  expect(planned).toMatchObject({
    runtime: 'docker',
    command: { kind: 'argv', argv: ['python', 'train.py'] },
    image: { kind: 'build', dockerfile: path.join(cwd, 'Dockerfile'), context: cwd },
    metricsFile: 'metrics.json',
    resources: { network: 'bridge' },
  });
});

test('the environment of secrets and bare env-file names is the run context, not the process', () => {
  const { cwd, workspace } = folders();
  const secrets: string[] = [];
  const env = { FROM_CONTEXT: 'ctx-value', WANDB_API_KEY: 'tok-1f2e3d' };
  const planned = planOf({ runtime: 'host', command: 'true', 'env-file': 'train.env', env: 'EPOCHS=5\nLR=0.1', secrets: 'WANDB_API_KEY' }, quietHost({ cwd, workspace, env, tempDir: cwd }, secrets));
  expect([...planned.env]).toEqual([
    ['EPOCHS', '5'],
    ['FROM_CONTEXT', 'ctx-value'],
    ['LR', '0.1'],
    ['WANDB_API_KEY', 'tok-1f2e3d'],
  ]);
  expect(secrets).toEqual(['tok-1f2e3d']);
});

test.each([
  [{ env: 'API TOKEN pw-93c1=x' }, 'env', 'the name starting with API is not a valid variable name'],
  [{ env: { '1ST': 'pw-93c1' } }, 'env', 'a name starting with neither a letter nor _ is not a valid variable name'],
  [{ dockerfile: 'Dockerfile', runtime: 'docker', 'build-args': 'PIP TOKEN pw-93c1=x' }, 'build-args', 'the name starting with PIP is not a valid variable name'],
])('a key that is not a variable name is refused without quoting it: %p', (inputs, input, message) => {
  const { cwd, workspace } = folders();
  const error = errorOf(() => planOf({ runtime: 'host', command: 'true', ...inputs }, quietHost({ cwd, workspace, tempDir: cwd })));
  expect(error).toEqual(new InputError(input, message));
  expect(error.message).not.toContain('pw-93c1');
});

test('image and dockerfile together are refused by the relation, naming image', () => {
  const { cwd, workspace } = folders();
  const error = errorOf(() => planOf({ command: 'true', image: 'python:3.12-slim', dockerfile: 'Dockerfile' }, quietHost({ cwd, workspace, tempDir: cwd })));
  expect(error).toEqual(new InputError('image', "was given together with 'dockerfile': give 'dockerfile' or 'image', not both"));
});

test('push names a registry and a repository, read into the build', () => {
  const { cwd, workspace } = folders();
  const planned = planOf({ command: 'true', dockerfile: 'Dockerfile', push: '127.0.0.1:5000/team/train' }, quietHost({ cwd, workspace, tempDir: cwd }));
  expect(planned.image).toMatchObject({ kind: 'build', push: { registry: '127.0.0.1:5000', repository: 'team/train' } });
});

test.each([
  ['without dockerfile', { image: 'python:3.12-slim' }, "needs 'dockerfile' as well"],
  ['with runtime host', { dockerfile: 'Dockerfile', runtime: 'host' }, 'cannot be used with runtime: host, which runs the command directly and builds no image; use runtime: docker, or give no push'],
  ['with runtime podman', { dockerfile: 'Dockerfile', runtime: 'podman' }, 'is supported with runtime: docker only, not with runtime: podman; use runtime: docker, or push the image yourself and give image'],
])('push %s is refused, naming push', (_name, inputs, message) => {
  const { cwd, workspace } = folders();
  const error = errorOf(() => planOf({ command: 'true', push: 'ghcr.io/acme/train', ...inputs }, quietHost({ cwd, workspace, tempDir: cwd })));
  expect(error).toEqual(new InputError('push', message));
});
