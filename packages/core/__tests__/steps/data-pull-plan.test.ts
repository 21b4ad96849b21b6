/**
 * data-pull's plan reads through the spec and the run context only: relative
 * paths resolve against the context's cwd (never the process's), defaults
 * that depend on the run come from the context's env and temp folder, and
 * the spec's defaults apply without the step repeating them.
 */
import { quietHost } from '../support/quiet-host.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import type { Host } from '../../src/host/types.js';
import { InputReader } from '../../src/spec/inputs.js';
import { planRequest } from '../../src/steps/data-pull/plan.js';
import { dataPullSpec } from '../../src/steps/data-pull/spec.js';


function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-pull-plan-'));
  mkdirSync(path.join(dir, 'src'));
  return dir;
}

const plan = (inputs: Record<string, unknown>, host: Host) => planRequest(new InputReader(dataPullSpec, jsonInputs(inputs)), host);

test('relative paths in inputs resolve against the run context’s cwd', async () => {
  const cwd = workspace();
  const result = await plan({ source: 'src', path: 'data', 'cache-dir': 'cache', manifest: 'm.json' }, quietHost({ cwd }));
  expect(result.mode).toEqual({ kind: 'source', url: 'src', location: { kind: 'folder', path: path.join(cwd, 'src') }, dest: path.join(cwd, 'data') });
  expect(result.cacheDir).toBe(path.join(cwd, 'cache'));
  expect(result.manifestFile).toBe(path.join(cwd, 'm.json'));
});

test('defaults that depend on the run come from the context: the tool cache in its env, its temp folder', async () => {
  const cwd = workspace();
  const result = await plan({ source: 'src', path: 'data' }, quietHost({ cwd, env: { RUNNER_TOOL_CACHE: path.join(cwd, 'tools') } }));
  expect(result.cacheDir).toBe(path.join(cwd, 'tools', 'mlops-ci', 'data-pull'));
  expect(path.dirname(result.manifestFile)).toBe(path.join(cwd, 'tmp', 'mlops-ci'));
});

test('the spec’s defaults apply: 10 s progress, path-style auto, no cross-run cache outside GitHub without cache-url', async () => {
  const result = await plan({ source: 'src', path: 'data' }, quietHost({ cwd: workspace() }));
  expect(result.progressIntervalMs).toBe(10_000);
  expect(result.store).toEqual({ maxSockets: result.concurrency });
  expect(result.deleteExtra).toBe(false);
  expect(result.crossRunCache).toBeNull();
});

test('a value-dependent rule stays with the step: as-of needs a store that keeps versions', async () => {
  const cwd = workspace();
  await expect(plan({ source: 'src', path: 'data', 'as-of': '2026-01-01T00:00:00Z' }, quietHost({ cwd }))).rejects.toThrow(
    `input 'as-of': needs a store that keeps object versions (s3://bucket/prefix/, gs://bucket/prefix/, azure://container/prefix/); '${path.join(cwd, 'src')}' is a folder, which does not`,
  );
});

test('a version manifest pinning version ids needs a store that keeps versions; md5 pins alone do not', async () => {
  const cwd = workspace();
  const manifest = (versionId?: string) => JSON.stringify({ files: [{ key: 'a.csv', md5: 'd41d8cd98f00b204e9800998ecf8427e', size: 0, ...(versionId ? { versionId } : {}) }] });
  writeFileSync(path.join(cwd, 'pinned.json'), manifest('v1'));
  await expect(plan({ source: 'src', path: 'data', version: 'pinned.json' }, quietHost({ cwd }))).rejects.toThrow("input 'version': needs a store that keeps object versions");
  writeFileSync(path.join(cwd, 'md5s.json'), manifest());
  await expect(plan({ source: 'src', path: 'data', version: 'md5s.json' }, quietHost({ cwd }))).resolves.toMatchObject({ mode: { kind: 'source' } });
});

test('a version manifest that is a named pipe is refused, not waited on', async () => {
  const cwd = workspace();
  execFileSync('mkfifo', [path.join(cwd, 'pinned.json')]);
  await expect(plan({ source: 'src', path: 'data', version: 'pinned.json' }, quietHost({ cwd }))).rejects.toMatchObject({
    input: 'version',
    message: `input 'version': cannot read version manifest '${path.join(cwd, 'pinned.json')}': it is a named pipe (FIFO), not a regular file`,
  });
});

test.each(['s3://Bad_Bucket/x', 's3://ab/x', 's3://-bucket', 's3://bucket\n/x'])('source %j: S3 refuses that bucket name, so the plan does', async (source) => {
  await expect(plan({ source, path: 'data' }, quietHost({ cwd: workspace() }))).rejects.toThrow('with a valid bucket name');
});

test.each(['s3://my-bucket', 's3://my.bucket/team/data/'])('source %j: a valid bucket name, with or without a prefix', async (source) => {
  const result = await plan({ source, path: 'data' }, quietHost({ cwd: workspace() }));
  expect(result.mode).toMatchObject({ kind: 'source', url: source });
});

test.each([
  ['endpoint', 'http://127.0.0.1:9000'],
  ['path-style', 'true'],
  ['region', 'eu-west-1'],
])('%s is for S3 only: with a gs:// source it is refused, naming it, rather than dropped', async (input, value) => {
  await expect(plan({ source: 'gs://datasets/iris', path: 'data', [input]: value }, quietHost({ cwd: workspace() }))).rejects.toThrow(
    `input '${input}': is for S3 sources; 'gs://datasets/iris' is Google Cloud Storage, whose client reads STORAGE_EMULATOR_HOST for another server`,
  );
});

test.each([
  ['endpoint', 'http://127.0.0.1:9000'],
  ['path-style', 'false'],
  ['region', 'westeurope'],
])('%s is for S3 only: with an azure:// source it is refused too, naming it', async (input, value) => {
  await expect(plan({ source: 'azure://datasets/iris', path: 'data', [input]: value }, quietHost({ cwd: workspace() }))).rejects.toThrow(
    `input '${input}': is for S3 sources; 'azure://datasets/iris' is Azure Blob Storage, whose client takes another server from the BlobEndpoint of AZURE_STORAGE_CONNECTION_STRING`,
  );
});

test('a gs:// source alone plans, no S3 setting in its store options', async () => {
  const result = await plan({ source: 'gs://datasets/iris', path: 'data' }, quietHost({ cwd: workspace() }));
  expect(result.mode).toMatchObject({ kind: 'source', location: { kind: 'gcs', bucket: 'datasets', prefix: 'iris/' } });
  expect(result.store).toEqual({ maxSockets: result.concurrency });
});
