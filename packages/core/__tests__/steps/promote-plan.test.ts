/**
 * promote-model's plan: what it reads from the run context rather than the
 * process, and which checks are the spec's relations and which its own.
 */
import { quietHost } from '../support/quiet-host.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import { InputReader } from '../../src/spec/inputs.js';
import { planRequest } from '../../src/steps/promote-model/plan.js';
import { promoteModelSpec } from '../../src/steps/promote-model/spec.js';

/** The working folder and the workspace differ, and neither is the process's. */
function places(): { cwd: string; workspace: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'promote-plan-'));
  const cwd = path.join(root, 'work', 'sub');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(path.join(cwd, 'model.pkl'), 'model\n');
  return { cwd, workspace: path.join(root, 'work') };
}


const reader = (values: Record<string, unknown>): InputReader<typeof promoteModelSpec> => new InputReader(promoteModelSpec, jsonInputs(values));

describe('promote-model plan', () => {
  test('relative paths and the registry folder resolve against the run context cwd; the actor comes from its env', async () => {
    const where = places();
    const plan = await planRequest(reader({ model: 'iris', path: 'model.pkl', 'require-gate': 'false' }), quietHost({ ...where, env: { GITHUB_ACTOR: 'octocat' }, tempDir: where.workspace }));
    expect(plan.mode).toBe('register');
    if (plan.mode !== 'register') return;
    expect(plan.files).toEqual([{ path: 'model.pkl', absolutePath: path.join(where.cwd, 'model.pkl') }]);
    expect(plan.registry).toEqual({ kind: 'store', location: { kind: 'folder', path: path.join(where.cwd, '.mlops-ci/registry') } });
    expect(plan.actor).toBe('octocat');
  });

  test('defaults come from the spec, a blank value reads as absent', async () => {
    const plan = await planRequest(reader({ model: 'iris', path: 'model.pkl', 'require-gate': 'false', bump: '  ' }), quietHost({ ...places() }));
    expect(plan).toMatchObject({ bump: 'patch', push: false, gcOlderThanMs: 24 * 3_600_000 });
  });

  test('s3-endpoint with a gs:// registry is refused, naming it, rather than dropped', async () => {
    await expect(planRequest(reader({ model: 'iris', path: 'model.pkl', 'require-gate': 'false', registry: 'gs://models/reg', 's3-endpoint': 'http://127.0.0.1:9000' }), quietHost({ ...places() }))).rejects.toThrow(
      new InputError('s3-endpoint', "is for S3 registries; 'gs://models/reg/' is Google Cloud Storage, whose client reads STORAGE_EMULATOR_HOST for another server"),
    );
  });

  test('to-version needs alias: a spec relation, checked when the reader is made', () => {
    expect(() => reader({ model: 'iris', 'to-version': '3' })).toThrow(new InputError('to-version', "needs 'alias' as well"));
  });

  test('switches left at false (as GitHub passes them) do not count as given', async () => {
    const where = places();
    const off = { rollback: 'false', 'remove-alias': 'false', 'allow-missing': 'false' };
    await expect(planRequest(reader({ gc: 'true', ...off }), quietHost({ ...where, tempDir: where.workspace }))).resolves.toMatchObject({ mode: 'gc', model: null });
    expect(() => reader({ gc: 'true', ...off, rollback: 'true' })).toThrow(new InputError('gc', "was given together with 'rollback': give 'rollback' or 'gc', not both"));
    expect(() => reader({ model: 'iris', alias: 'prod', rollback: 'true', 'to-version': '3' })).toThrow(
      new InputError('to-version', "was given together with 'rollback': give only one of 'rollback', 'remove-alias' or 'to-version'"),
    );
    expect(() => reader({ model: 'iris', path: 'model.pkl', 'allow-missing': 'yes' })).toThrow(new InputError('allow-missing', "needs 'describe' as well"));
  });
});
