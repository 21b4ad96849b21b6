/**
 * data-pull's `delta` inputs, read while planning: one mode of three, the
 * version a whole number, as-of a time, include/exclude refused (a version
 * is pulled whole), and version/as-of refused with dvc.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import { InputReader } from '../../src/spec/inputs.js';
import { planRequest } from '../../src/steps/data-pull/plan.js';
import { dataPullSpec } from '../../src/steps/data-pull/spec.js';
import { quietHost } from '../support/quiet-host.js';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-pull-delta-plan-'));
  mkdirSync(path.join(dir, 'table', '_delta_log'), { recursive: true });
  return dir;
}

const plan = async (inputs: Record<string, unknown>, cwd = workspace()) => planRequest(new InputReader(dataPullSpec, jsonInputs(inputs)), quietHost({ cwd }));

test('delta: the table, the latest version by default, the table layout by default', async () => {
  const cwd = workspace();
  const result = await plan({ delta: 'table', path: 'out' }, cwd);
  expect(result.mode).toEqual({ kind: 'delta', url: 'table', location: { kind: 'folder', path: path.join(cwd, 'table') }, dest: path.join(cwd, 'out'), point: { kind: 'latest' }, layout: 'table' });
  // Under delete the pulled table's own log is never a file to remove.
  expect(result.filter('part-0.parquet')).toBe(true);
  expect(result.filter('_delta_log/00000000000000000000.json')).toBe(false);
});

test('delta: version is a table version, as-of a time, and the layout a choice', async () => {
  expect((await plan({ delta: 'table', path: 'out', version: '12' })).mode).toMatchObject({ point: { kind: 'version', version: 12 } });
  expect((await plan({ delta: 'table', path: 'out', version: '0', 'delta-layout': 'files' })).mode).toMatchObject({ point: { kind: 'version', version: 0 }, layout: 'files' });
  expect((await plan({ delta: 'table', path: 'out', 'as-of': '2026-05-01T00:00:00Z' })).mode).toMatchObject({ point: { kind: 'as-of', time: new Date('2026-05-01T00:00:00Z') } });
});

test.each(['-1', '1.5', 'v3', '1e3', '99999999999999999999', 'data/m.json'])('delta: version %j is refused, naming version', async (version) => {
  await expect(plan({ delta: 'table', path: 'out', version })).rejects.toThrow(/^input 'version': got .*expected a table version: a whole number, 0 or more$/);
});

test('delta: exactly one mode; version and as-of not both; path needed', async () => {
  await expect(plan({ delta: 'table', source: 'table', path: 'out' })).rejects.toThrow("input 'delta': was given together with 'source': give only one of 'source', 'dvc', 'delta' or 'lfs'");
  await expect(plan({ delta: 'table', path: 'out', version: '1', 'as-of': '2026-05-01T00:00:00Z' })).rejects.toThrow(/version.*as-of/);
  await expect(plan({ delta: 'table' })).rejects.toThrow(/path/);
});

test('delta: a missing table folder, include/exclude, and as-of that is no time are bad input', async () => {
  await expect(plan({ delta: 'nope', path: 'out' })).rejects.toThrow(/^input 'delta': nope does not exist/);
  await expect(plan({ delta: 'table', path: 'out', include: '*.parquet' })).rejects.toThrow(/^input 'include': does not apply to delta/);
  await expect(plan({ delta: 'table', path: 'out', 'as-of': 'yesterday' })).rejects.toThrow(/^input 'as-of': got 'yesterday'/);
  await expect(plan({ delta: 'ftp://host/table', path: 'out' })).rejects.toThrow(/^input 'delta': .*unknown scheme 'ftp:\/\/'/);
});

test('dvc: version and as-of pick nothing there, and are refused naming themselves', async () => {
  const cwd = workspace();
  writeFileSync(path.join(cwd, 'data.dvc'), 'outs:\n- md5: d41d8cd98f00b204e9800998ecf8427e\n  size: 0\n  path: data\n');
  await expect(plan({ dvc: 'data.dvc', version: '3' }, cwd)).rejects.toThrow(/^input 'version': applies to source or delta, not to dvc/);
  await expect(plan({ dvc: 'data.dvc', 'as-of': '2026-05-01T00:00:00Z' }, cwd)).rejects.toThrow(/^input 'as-of': applies to source or delta, not to dvc/);
});

test.each([
  ['endpoint', 'http://127.0.0.1:9000'],
  ['path-style', 'true'],
  ['region', 'eu-west-1'],
])('%s is for S3 only: with a gs:// table it is refused, naming it, rather than dropped', async (input, value) => {
  await expect(plan({ delta: 'gs://lake/sales', path: 'out', [input]: value })).rejects.toThrow(
    `input '${input}': is for S3 sources; 'gs://lake/sales' is Google Cloud Storage, whose client reads STORAGE_EMULATOR_HOST for another server`,
  );
  // The same settings are what an S3 table needs.
  expect((await plan({ delta: 's3://lake/sales', path: 'out', [input]: value })).mode).toMatchObject({ kind: 'delta', location: { kind: 's3' } });
});
