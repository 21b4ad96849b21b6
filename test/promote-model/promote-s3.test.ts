/**
 * The object-store registry on real S3 (versitygw on 127.0.0.1): first that
 * the server really refuses conditional PUTs with 412 (the registry's whole
 * race-freedom rests on it), then register/alias/rollback with a multipart
 * model file, then 50 concurrent processes.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle } from '../support/bundle.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { outputsOf, project, runAndMaybeKill } from './fixtures.js';

const BUCKET = 'models';
let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
  await s3.createBucket(BUCKET);
}, 60_000);
afterAll(async () => {
  await s3?.stop();
});

async function statusOf(command: PutObjectCommand): Promise<number> {
  try {
    return (await s3.client.send(command)).$metadata.httpStatusCode ?? 0;
  } catch (err) {
    if (err instanceof S3ServiceException) return err.$metadata.httpStatusCode ?? 0;
    throw err;
  }
}

async function keys(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }));
    found.push(...(page.Contents ?? []).map((item) => item.Key as string));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found.sort();
}

async function json<T = Record<string, unknown>>(key: string): Promise<T> {
  const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse(await object.Body!.transformToString()) as T;
}

const promote = (dir: string, prefix: string, ...args: string[]) =>
  runBundle(['promote-model', '--registry', `s3://${BUCKET}/${prefix}`, '--model', 'iris', ...args], { cwd: dir, env: s3.env });

test('versitygw honours If-None-Match: * and If-Match: <etag> with 412', async () => {
  const put = (extra: { IfNoneMatch?: string; IfMatch?: string }) => new PutObjectCommand({ Bucket: BUCKET, Key: 'probe/x.json', Body: '{}', ...extra });
  expect(await statusOf(put({ IfNoneMatch: '*' }))).toBe(200);
  expect(await statusOf(put({ IfNoneMatch: '*' }))).toBe(412);
  const etag = (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'probe/x.json' }))).ETag as string;
  expect(await statusOf(put({ IfMatch: '"0123456789abcdef0123456789abcdef"' }))).toBe(412);
  expect(await statusOf(put({ IfMatch: etag }))).toBe(200);
  expect(await statusOf(put({ IfMatch: etag }))).toBe(200); // same body, same md5 ETag
});

test('register (a multipart file, verified), alias, rollback and describe on S3', async () => {
  const dir = project('promote-s3-');
  const big = Buffer.alloc(20 * 1024 * 1024 + 123, 1);
  big.write('not all ones', 5_000_000);
  writeFileSync(path.join(dir, 'out', 'rf', 'model', 'weights.bin'), big);
  const register = () => promote(dir, 'reg', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json', '--metrics', 'out/rf/metrics.json');

  const first = await register();
  expect(first.stderr).not.toContain('error');
  expect(first.code).toBe(0);
  expect(outputsOf(first.stdout)).toMatchObject({ version: '1', uri: `s3://${BUCKET}/reg/iris/versions/1/`, 'previous-version': '' });
  expect(await keys('reg/iris/versions/')).toEqual(['reg/iris/versions/1/config.json', 'reg/iris/versions/1/version.json', 'reg/iris/versions/1/weights.bin']);
  const stored = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'reg/iris/versions/1/weights.bin' }));
  expect(stored.ETag).toMatch(/-3"$/); // three 8 MiB parts
  expect(createHash('sha256').update(Buffer.from(await stored.Body!.transformToByteArray())).digest('hex')).toBe(createHash('sha256').update(big).digest('hex'));
  expect(await json('reg/iris/versions/1/version.json')).toMatchObject({ status: 'ready', version: '1', metrics: { accuracy: 0.95 } });

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

test('50 concurrent processes on S3: versions 1..50 each exactly once, alias on one of them, 100 events', async () => {
  const dir = project('promote-s3-race-');
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
}, 180_000);

test('50 concurrent processes on S3, some SIGKILLed at random moments: the registry reads back consistent', async () => {
  const dir = project('promote-s3-kill-');
  const args = (writer: number) => ['promote-model', '--registry', `s3://${BUCKET}/kill`, '--model', 'iris', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json', '--lineage', `writer=${writer}`];
  const results = await Promise.all(Array.from({ length: 50 }, (_, writer) => runAndMaybeKill(args(writer), dir, writer % 2 === 0 ? Math.random() * 2500 : null, s3.env)));
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

  const after = await runBundle(args(999), { cwd: dir, env: s3.env });
  expect(after.code).toBe(0);
  expect((await readBack()).alias?.version).toBe(outputsOf(after.stdout)['version']);
}, 180_000);

test('a registry in a bucket that does not exist is a bad input (exit 2) naming registry, and nothing is registered', async () => {
  const dir = project('promote-s3-missing-');
  const run = await runBundle(['promote-model', '--registry', 's3://no-such-models/reg', '--model', 'iris', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json'], { cwd: dir, env: s3.env });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'registry': s3://no-such-models/reg/: the bucket does not exist");
  expect(run.stdout).not.toContain('version');
});
