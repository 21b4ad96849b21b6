/**
 * The object-store registry on Cloud Storage (fake-gcs-server on 127.0.0.1):
 * first that the server really refuses generation preconditions with 412 (the
 * registry's race-freedom rests on them), then register/alias/rollback/
 * describe with a file large enough to go up resumably, then 50 concurrent
 * processes, then 50 with some SIGKILLed at random moments.
 */
import { ApiError } from '@google-cloud/storage';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle } from '../support/bundle.js';
import { startGcsServer, type GcsServer } from '../support/gcs-server.js';
import { outputsOf, project, runAndMaybeKill } from './fixtures.js';

const BUCKET = 'models';
let gcs: GcsServer;
beforeAll(async () => {
  gcs = await startGcsServer();
  await gcs.createBucket(BUCKET);
}, 60_000);
afterAll(async () => {
  await gcs?.stop();
});

async function keys(prefix: string): Promise<string[]> {
  const [files] = await gcs.client.bucket(BUCKET).getFiles({ prefix });
  return files.map((file) => file.name).sort();
}

async function json<T = Record<string, unknown>>(key: string): Promise<T> {
  const [body] = await gcs.client.bucket(BUCKET).file(key).download();
  return JSON.parse(body.toString('utf8')) as T;
}

const promote = (dir: string, prefix: string, ...args: string[]) =>
  runBundle(['promote-model', '--registry', `gs://${BUCKET}/${prefix}`, '--model', 'iris', ...args], { cwd: dir, env: gcs.env });

test('fake-gcs-server honours ifGenerationMatch: 0 and ifGenerationMatch: <generation> with 412', async () => {
  const file = gcs.client.bucket(BUCKET).file('probe/x.json');
  const save = async (ifGenerationMatch: number | string): Promise<number> => {
    try {
      await file.save('{}', { resumable: false, preconditionOpts: { ifGenerationMatch } });
      return 200;
    } catch (err) {
      if (err instanceof ApiError && typeof err.code === 'number') return err.code;
      throw err;
    }
  };
  expect(await save(0)).toBe(200);
  expect(await save(0)).toBe(412);
  const [metadata] = await file.getMetadata();
  const generation = String(metadata.generation);
  expect(await save('1')).toBe(412);
  expect(await save(generation)).toBe(200);
  // The write made a new generation: the one read before no longer matches, even for the same bytes.
  expect(await save(generation)).toBe(412);
});

test('register (a resumable upload, verified), alias, rollback and describe on Cloud Storage', async () => {
  const dir = project('promote-gcs-');
  const big = Buffer.alloc(9 * 1024 * 1024 + 123, 1);
  big.write('not all ones', 5_000_000);
  writeFileSync(path.join(dir, 'out', 'rf', 'model', 'weights.bin'), big);
  const register = () => promote(dir, 'reg', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json', '--metrics', 'out/rf/metrics.json', '--lineage', 'dataset=iris-v3');

  const first = await register();
  expect(first.stderr).not.toContain('error');
  expect(first.code).toBe(0);
  expect(outputsOf(first.stdout)).toMatchObject({ version: '1', uri: `gs://${BUCKET}/reg/iris/versions/1/`, 'previous-version': '' });
  expect(await keys('reg/iris/versions/')).toEqual(['reg/iris/versions/1/config.json', 'reg/iris/versions/1/version.json', 'reg/iris/versions/1/weights.bin']);
  const weights = gcs.client.bucket(BUCKET).file('reg/iris/versions/1/weights.bin');
  const [stored] = await weights.download();
  const sha256 = createHash('sha256').update(big).digest('hex');
  expect(createHash('sha256').update(stored).digest('hex')).toBe(sha256);
  expect((await weights.getMetadata())[0].metadata).toMatchObject({ sha256 });
  expect(await json('reg/iris/versions/1/version.json')).toMatchObject({ status: 'ready', version: '1', metrics: { accuracy: 0.95 }, extra: { dataset: 'iris-v3' } });

  expect(outputsOf((await register()).stdout)).toMatchObject({ version: '2', 'previous-version': '1' });
  const back = await promote(dir, 'reg', '--alias', 'production', '--rollback');
  expect(outputsOf(back.stdout)).toMatchObject({ version: '1', 'previous-version': '2' });
  expect(await json('reg/iris/aliases/production.json')).toMatchObject({ version: '1', previous: '2' });

  const described = await promote(dir, 'reg', '--describe', 'iris@production');
  expect(described.code).toBe(0);
  expect(described.stderr).toContain('iris version 1');
  const events = await Promise.all((await keys('reg/iris/events/')).map((key) => json<{ event: string }>(key)));
  expect(events.map((event) => event.event)).toEqual(['registered', 'alias-set', 'registered', 'alias-set', 'rolled-back']);

  const missing = await promote(dir, 'reg', '--alias', 'production', '--to-version', '7');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("input 'to-version'");
}, 120_000);

test('50 concurrent processes on Cloud Storage: versions 1..50 each exactly once, alias on one of them, 100 events', async () => {
  const dir = project('promote-gcs-race-');
  const runs = await Promise.all(Array.from({ length: 50 }, (_, writer) => promote(dir, 'race', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json', '--lineage', `writer=${writer}`)));
  for (const run of runs) expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(runs.map((run) => Number(outputsOf(run.stdout)['version'])).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

  const versionKeys = (await keys('race/iris/versions/')).filter((key) => key.endsWith('/version.json'));
  const versions = await Promise.all(versionKeys.map((key) => json<{ status: string; version: string; extra: { writer: string } }>(key)));
  expect(versions.filter((version) => version.status === 'ready')).toHaveLength(50);
  expect(new Set(versions.map((version) => version.extra.writer)).size).toBe(50);
  const alias = await json<{ version: string }>('race/iris/aliases/production.json');
  expect(versions.map((version) => version.version)).toContain(alias.version);
  const events = await Promise.all((await keys('race/iris/events/')).map((key) => json<{ event: string }>(key)));
  expect(events.filter((event) => event.event === 'registered')).toHaveLength(50);
  expect(events.filter((event) => event.event === 'alias-set')).toHaveLength(50);
  // The alias moves form one chain: each move's `previous` was the alias's value when it won.
  const previous = runs.map((run) => outputsOf(run.stdout)['previous-version']);
  expect(previous.filter((value) => value === '')).toHaveLength(1);
  expect(new Set(previous).size).toBe(50);
}, 180_000);

test('50 concurrent processes on Cloud Storage, some SIGKILLed at random moments: the registry reads back consistent', async () => {
  const dir = project('promote-gcs-kill-');
  const args = (writer: number) => ['promote-model', '--registry', `gs://${BUCKET}/kill`, '--model', 'iris', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json', '--lineage', `writer=${writer}`];
  const results = await Promise.all(Array.from({ length: 50 }, (_, writer) => runAndMaybeKill(args(writer), dir, writer % 2 === 0 ? Math.random() * 2500 : null, gcs.env)));
  expect(results.some((result) => result.killed)).toBe(true);
  for (const result of results.filter((r) => !r.killed)) expect(result.code).toBe(0);

  const readBack = async () => {
    const versionKeys = (await keys('kill/iris/versions/')).filter((key) => key.endsWith('/version.json'));
    // Every version.json parses (none visible half-written); ready ones have every file they list.
    const versions = await Promise.all(versionKeys.map((key) => json<{ status: string; version: string; files: { path: string }[] }>(key)));
    const ready = versions.filter((version) => version.status === 'ready');
    const present = new Set(await keys('kill/iris/versions/'));
    for (const version of ready) for (const file of version.files) expect(present).toContain(`kill/iris/versions/${version.version}/${file.path}`);
    const alias = await json<{ version: string }>('kill/iris/aliases/production.json').catch(() => null);
    if (alias) expect(ready.map((version) => version.version)).toContain(alias.version);
    return { ready, alias };
  };
  expect((await readBack()).ready.length).toBeGreaterThanOrEqual(results.filter((r) => !r.killed).length);

  const after = await runBundle(args(999), { cwd: dir, env: gcs.env });
  expect(after.code).toBe(0);
  expect((await readBack()).alias?.version).toBe(outputsOf(after.stdout)['version']);
}, 180_000);

test('a registry in a bucket that does not exist is a bad input (exit 2) naming registry, and nothing is registered', async () => {
  const dir = project('promote-gcs-missing-');
  const run = await runBundle(['promote-model', '--registry', 'gs://no-such-models/reg', '--model', 'iris', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json'], { cwd: dir, env: gcs.env });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'registry': gs://no-such-models/reg/: the bucket does not exist");
  expect(run.stdout).not.toContain('version');
});
