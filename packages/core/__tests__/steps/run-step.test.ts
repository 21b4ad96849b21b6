import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { runStep } from '../../src/steps/run-step.js';
import { VERSION } from '../../src/version.js';
import type { StepEntry, StepModule, StepResult } from '../../src/steps/types.js';
import type { StepSpec } from '../../src/spec/types.js';

/**
 * runStep's contract, on the Jenkins host (its outputs and error land in
 * files): a returned result is published and recorded whatever its outcome;
 * a thrown error publishes and records nothing; an InputError is exit 2 only
 * while the inputs are read.
 */

const SPEC: StepSpec = {
  name: 'train-in-container',
  jenkinsVar: 'mlopsTrain',
  description: 'a stand-in step',
  inputs: [],
  outputs: [],
  example: {},
  branding: { icon: 'box', color: 'blue' },
};

interface Ran {
  readonly exitCode: number;
  readonly outputs: unknown;
  readonly error: { message: string; category: string; exitCode: number } | null;
  /** The records the step left in `.mlops-ci/train-in-container/`, as written. */
  readonly records: readonly { outcome: string; outputs: Record<string, string> }[];
}

async function runWith(step: Partial<StepModule<typeof SPEC, unknown>>, extraEnv: Record<string, string> = {}): Promise<Ran> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'run-step-'));
  const module: StepModule<typeof SPEC, unknown> = { plan: () => ({}), run: () => Promise.resolve({ outputs: {} }), ...step };
  const entry: StepEntry = { spec: SPEC, load: () => Promise.resolve(module) };
  const env = {
    JENKINS_URL: 'https://jenkins.example/',
    BUILD_TAG: 'jenkins-run-step-1',
    WORKSPACE: workspace,
    MLOPS_CI_OUTPUTS: path.join(workspace, 'outputs.json'),
    MLOPS_CI_ERROR_FILE: path.join(workspace, 'error.json'),
    ...extraEnv,
  };
  const exitCode = await runStep(entry, { invocation: 'cli', env, cwd: workspace });
  const json = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  const recordsDir = path.join(workspace, '.mlops-ci', 'train-in-container');
  const records = existsSync(recordsDir) ? readdirSync(recordsDir).map((name) => json(path.join(recordsDir, name)) as Ran['records'][number]) : [];
  return { exitCode, outputs: json(env.MLOPS_CI_OUTPUTS), error: json(env.MLOPS_CI_ERROR_FILE) as Ran['error'], records };
}

const OUTPUTS = { outputs: '/w/out', 'exit-code': '3', 'image-digest': 'sha256:abc' };
const returning = (result: StepResult) => ({ run: () => Promise.resolve(result) });

let stderr: jest.SpiedFunction<typeof process.stderr.write>;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());

describe('runStep', () => {
  test('store credentials in the environment are masked for every step, before it plans', async () => {
    const key = Buffer.from('an-azure-account-key-0123456789').toString('base64');
    const sas = 'sv=2024-01-01&sp=r&sig=SIGNATUREabcdef0123';
    const secrets = { AZURE_STORAGE_KEY: key, AZURE_STORAGE_SAS_TOKEN: sas, AWS_SECRET_ACCESS_KEY: 'aws-secret-0123456789', MLFLOW_TRACKING_TOKEN: 'mlflow-token-0123456789' };
    // A client that quotes its credentials in a message, as some do.
    const ran = await runWith({ plan: (_, host) => (host.info(`reaching the store with ${Object.values(secrets).join(' ')} and sig=SIGNATUREabcdef0123`), {}) }, secrets);
    expect(ran.exitCode).toBe(0);
    const printed = stderr.mock.calls.map((call) => String(call[0])).join('');
    expect(printed).toContain('reaching the store with ***');
    for (const secret of [...Object.values(secrets), 'SIGNATUREabcdef0123']) expect(printed).not.toContain(secret);
  });

  test('a success publishes its outputs and records them as ok', async () => {
    const ran = await runWith(returning({ outputs: OUTPUTS }));
    expect(ran).toMatchObject({ exitCode: 0, outputs: OUTPUTS, error: null });
    expect(ran.records).toEqual([expect.objectContaining({ outcome: 'ok', outputs: OUTPUTS })]);
  });

  test('failed work that returns its outputs: exit 1, the outputs published and recorded as failed', async () => {
    const ran = await runWith(returning({ outputs: OUTPUTS, failure: { kind: 'failed', message: 'the command exited with 3' } }));
    expect(ran).toMatchObject({ exitCode: 1, outputs: OUTPUTS, error: { message: 'the command exited with 3', category: 'failure', exitCode: 1 } });
    expect(ran.records).toEqual([expect.objectContaining({ outcome: 'failed', outputs: OUTPUTS })]);
  });

  test('a failed gate: exit 3, category gate, recorded as gate-failed', async () => {
    const ran = await runWith(returning({ outputs: OUTPUTS, failure: { kind: 'gate', message: 'accuracy fell' } }));
    expect(ran).toMatchObject({ exitCode: 3, outputs: OUTPUTS, error: { message: 'accuracy fell', category: 'gate', exitCode: 3 } });
    expect(ran.records).toEqual([expect.objectContaining({ outcome: 'gate-failed' })]);
  });

  test('a thrown error publishes nothing and records nothing', async () => {
    const ran = await runWith({ run: () => Promise.reject(new Error('the registry is down')) });
    expect(ran).toMatchObject({ exitCode: 1, outputs: {}, error: { message: 'the registry is down', category: 'failure' }, records: [] });
  });

  test('an InputError while the inputs are read: exit 2, nothing done', async () => {
    const run = jest.fn(() => Promise.resolve({ outputs: OUTPUTS }));
    const ran = await runWith({ plan: () => Promise.reject(new InputError('path', 'does not exist')), run });
    expect(ran).toMatchObject({ exitCode: 2, outputs: {}, error: { message: "input 'path': does not exist", category: 'input', exitCode: 2 }, records: [] });
    expect(run).not.toHaveBeenCalled();
  });

  test('an InputError escaping run() is exit 1: work had started, so "nothing done" cannot be promised', async () => {
    const ran = await runWith({ run: () => Promise.reject(new InputError('path', 'does not exist')) });
    expect(ran).toMatchObject({ exitCode: 1, outputs: {}, error: { category: 'failure', exitCode: 1 }, records: [] });
    expect(ran.error?.message).toMatch(/^input 'path': does not exist \(found after the step had started its work/);
  });

  test('the debug log names the Node that ran the step (the runtime is the host\u2019s choice)', async () => {
    await runWith(returning({ outputs: OUTPUTS }), { MLOPS_CI_DEBUG: '1' });
    const printed = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(printed).toContain(`[debug] runStep: mlops-ci ${VERSION} runs train-in-container on Node ${process.version}\n`);
  });
});
