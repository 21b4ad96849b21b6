/**
 * data-pull of a plain `source` from versitygw (the real S3 API): sync,
 * include/exclude, delete, time travel with `as-of`, exact versions with
 * `version`, the S3 cross-run cache, and bad inputs — through the bundle.
 */
import { createHash } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { RANGED_THRESHOLD } from '../../packages/core/src/data/transfer.js';
import { snapshot } from './fixtures.js';

let server: S3Server;

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket('plain');
  await server.createBucket('versioned', { versioning: true });
  await server.createBucket('ci-cache');
  for (const [key, body] of Object.entries({ 'ds/a.txt': 'alpha\n', 'ds/sub/b.csv': 'x,y\r\n1,2\r\n', 'ds/sub/deep/c.bin': Buffer.from([0, 1, 2, 250]), 'ds/empty': '', 'other/z.txt': 'not in ds' })) {
    await put('plain', key, body);
  }
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

async function put(bucket: string, key: string, body: string | Buffer): Promise<string | undefined> {
  return (await server.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))).VersionId;
}

function pull(args: readonly string[], cwd = tempDir('pull-cwd-')): Promise<BundleRun> {
  return runBundle(['data-pull', ...args], { cwd, env: server.env });
}

function outputsOf(run: BundleRun): Record<string, string> {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

test('syncs a prefix as-is, verified, and an unchanged re-pull transfers nothing', async () => {
  const work = tempDir('s3-sync-');
  const args = ['--source', 's3://plain/ds/', '--path', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache'), '--cache', 'false', '--manifest', path.join(work, 'm.json')];
  const first = outputsOf(await pull(args));
  expect(snapshot(path.join(work, 'out'))).toEqual({
    'a.txt': Buffer.from('alpha\n').toString('base64'),
    empty: '',
    'sub/b.csv': Buffer.from('x,y\r\n1,2\r\n').toString('base64'),
    'sub/deep/c.bin': Buffer.from([0, 1, 2, 250]).toString('base64'),
  });
  expect(first).toMatchObject({ files: '4', bytes: String(6 + 10 + 4), transferred: '4', manifest: path.join(work, 'm.json'), 'cache-hit': 'false' });
  const manifest = JSON.parse(readFileSync(path.join(work, 'm.json'), 'utf8')) as { files: { path: string; key: string; md5: string }[] };
  expect(manifest.files.map((file) => file.path)).toEqual(['a.txt', 'empty', 'sub/b.csv', 'sub/deep/c.bin']);
  expect(manifest.files[0]).toMatchObject({ key: 'ds/a.txt', md5: createHash('md5').update('alpha\n').digest('hex') });

  const again = outputsOf(await pull(args));
  expect(again).toMatchObject({ transferred: '0', digest: first['digest'] });
});

test("the log has no AWS SDK notice about Node versions (the bundle's SDK upgrade is not the user's to act on)", async () => {
  const work = tempDir('s3-quiet-');
  const run = await pull(['--source', 's3://plain/ds/', '--path', path.join(work, 'out'), '--cache', 'false']);
  expect(run.code).toBe(0);
  expect(run.stderr).not.toContain('NodeVersionSupportWarning');
});

test('include/exclude select keys; delete removes only selected files the dataset lacks', async () => {
  const work = tempDir('s3-filter-');
  const out = path.join(work, 'out');
  mkdirSync(path.join(out, 'sub'), { recursive: true });
  writeFileSync(path.join(out, 'sub', 'stale.csv'), 'old');
  writeFileSync(path.join(out, 'keep.md'), 'not selected: never deleted');
  const args = ['--source', 's3://plain/ds', '--path', out, '--include', '**/*.csv\n**/*.bin', '--exclude', 'sub/deep/**', '--cache-dir', path.join(work, 'cache'), '--cache', 'false'];
  outputsOf(await pull(args));
  expect(Object.keys(snapshot(out)).sort()).toEqual(['keep.md', 'sub/b.csv', 'sub/stale.csv']);
  // delete works only inside the workspace (here the current folder).
  outputsOf(await pull([...args, '--delete', 'true'], work));
  expect(Object.keys(snapshot(out)).sort()).toEqual(['keep.md', 'sub/b.csv']);
});

test("temp files a killed run left are swept: beside a file still to place at once, beside a file the dataset dropped under delete", async () => {
  const work = tempDir('s3-sweep-');
  const out = path.join(work, 'out');
  mkdirSync(path.join(out, 'sub'), { recursive: true });
  // As a SIGKILL leaves them (faults.test.ts kills a real pull): hidden, named after the file being written.
  writeFileSync(path.join(out, 'sub', '.b.csv.mlops-ci-0123abcd.tmp'), 'x,y\r\n1,');
  writeFileSync(path.join(out, 'sub', '.dropped.csv.mlops-ci-89abcdef.tmp'), 'half');
  writeFileSync(path.join(out, 'sub', '.notes.tmp'), 'not ours: never touched');
  const args = ['--source', 's3://plain/ds', '--path', out, '--include', 'sub/*.csv', '--cache-dir', path.join(work, 'cache'), '--cache', 'false'];
  outputsOf(await pull(args));
  expect(Object.keys(snapshot(out)).sort()).toEqual(['sub/.notes.tmp', 'sub/b.csv']);
  writeFileSync(path.join(out, 'sub', '.dropped.csv.mlops-ci-89abcdef.tmp'), 'half');
  const kept = outputsOf(await pull(args));
  expect(kept['transferred']).toBe('0');
  expect(Object.keys(snapshot(out)).sort()).toEqual(['sub/.dropped.csv.mlops-ci-89abcdef.tmp', 'sub/.notes.tmp', 'sub/b.csv']);
  outputsOf(await pull([...args, '--delete', 'true'], work));
  expect(Object.keys(snapshot(out)).sort()).toEqual(['sub/.notes.tmp', 'sub/b.csv']);
});

test('as-of pulls each object as it was then; version pins the exact versions of a manifest', async () => {
  await put('versioned', 'v/data.csv', 'first\n');
  await put('versioned', 'v/gone.txt', 'deleted later\n');
  // S3 times have one-second resolution: leave a clear second between the states.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const between = new Date(Date.now() - 1000).toISOString();
  await put('versioned', 'v/data.csv', 'second\n');
  await put('versioned', 'v/new.txt', 'added later\n');
  await server.client.send(new DeleteObjectCommand({ Bucket: 'versioned', Key: 'v/gone.txt' }));
  server.fixVersionTimes();

  const work = tempDir('s3-asof-');
  const common = ['--cache-dir', path.join(work, 'cache'), '--cache', 'false'];
  const then = outputsOf(await pull(['--source', 's3://versioned/v/', '--path', path.join(work, 'then'), '--as-of', between, '--manifest', path.join(work, 'then.json'), ...common]));
  expect(snapshot(path.join(work, 'then'))).toEqual({ 'data.csv': Buffer.from('first\n').toString('base64'), 'gone.txt': Buffer.from('deleted later\n').toString('base64') });
  const now = outputsOf(await pull(['--source', 's3://versioned/v/', '--path', path.join(work, 'now'), ...common]));
  expect(Object.keys(snapshot(path.join(work, 'now'))).sort()).toEqual(['data.csv', 'new.txt']);
  expect(now['digest']).not.toBe(then['digest']);

  // The manifest of the as-of pull pins those versions, whatever the bucket holds now.
  const pinned = outputsOf(await pull(['--source', 's3://versioned/v/', '--path', path.join(work, 'pinned'), '--version', path.join(work, 'then.json'), ...common]));
  expect(snapshot(path.join(work, 'pinned'))).toEqual(snapshot(path.join(work, 'then')));
  expect(pinned['digest']).toBe(then['digest']);
}, 30_000);

test('the cross-run cache in an S3 prefix: a fresh runner restores it and fetches nothing', async () => {
  // Two runners share the cache path (as RUNNER_TOOL_CACHE is), not the disk: the second starts empty.
  const project = tempDir('s3-cache-');
  const args = ['--source', 's3://plain/ds/', '--path', path.join(project, 'out'), '--cache-dir', path.join(project, 'cache'), '--cache-url', 's3://ci-cache/data-pull'];
  const first = outputsOf(await pull(args));
  expect(first).toMatchObject({ 'cache-hit': 'false', transferred: '4' });
  const pulled = snapshot(path.join(project, 'out'));
  rmSync(project, { recursive: true, force: true });
  const second = outputsOf(await pull(args));
  expect(second).toMatchObject({ 'cache-hit': 'true', transferred: '0', digest: first['digest'] });
  expect(snapshot(path.join(project, 'out'))).toEqual(pulled);
});

test('large objects: ranged parallel GETs verified by md5; a multipart object by size', async () => {
  const big = Buffer.alloc(RANGED_THRESHOLD + 3 * 1024 * 1024 + 17);
  for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i);
  await put('plain', 'large/single.bin', big);
  const multipart = Buffer.alloc(12 * 1024 * 1024, 'multipart');
  await new Upload({ client: server.client, params: { Bucket: 'plain', Key: 'large/multi.bin', Body: multipart }, partSize: 5 * 1024 * 1024 }).done();
  const work = tempDir('s3-large-');
  const outputs = outputsOf(await pull(['--source', 's3://plain/large/', '--path', path.join(work, 'out'), '--cache', 'false', '--cache-dir', path.join(work, 'cache'), '--manifest', path.join(work, 'm.json')]));
  expect(outputs['files']).toBe('2');
  expect(readFileSync(path.join(work, 'out', 'single.bin')).equals(big)).toBe(true);
  expect(readFileSync(path.join(work, 'out', 'multi.bin')).equals(multipart)).toBe(true);
  const manifest = JSON.parse(readFileSync(path.join(work, 'm.json'), 'utf8')) as { files: { path: string; md5: string }[] };
  expect(manifest.files.find((file) => file.path === 'multi.bin')?.md5).toBe(createHash('md5').update(multipart).digest('hex'));
  rmSync(work, { recursive: true, force: true }); // 160 MB; kept when an expectation failed, for a look
}, 60_000);

test('a prefix with no objects and a bucket that does not exist are bad inputs (exit 2) naming source; nothing is written', async () => {
  // S3 has no empty folders: an empty prefix cannot be told from a misspelled one.
  const work = tempDir('s3-missing-');
  const common = ['--cache', 'false', '--cache-dir', path.join(work, 'c'), '--manifest', path.join(work, 'm.json')];
  const prefix = await pull(['--source', 's3://plain/nothing-here/', '--path', path.join(work, 'out'), ...common], work);
  expect(prefix.code).toBe(2);
  expect(prefix.stderr).toContain("input 'source': no objects under s3://plain/nothing-here/");
  const bucket = await pull(['--source', 's3://no-such-bucket/x/', '--path', path.join(work, 'out'), ...common], work);
  expect(bucket.code).toBe(2);
  expect(bucket.stderr).toContain("input 'source': s3://no-such-bucket/x/: the bucket does not exist");
  const before = await pull(['--source', 's3://versioned/v/', '--path', path.join(work, 'out'), '--as-of', '2001-01-01T00:00:00Z', ...common], work);
  expect(before.code).toBe(2);
  expect(before.stderr).toContain("input 'as-of': no objects under s3://versioned/v/ existed at 2001-01-01T00:00:00.000Z");
  expect(readdirSync(work)).toEqual([]);
});

test.each([
  ['no source and no dvc', [], "input 'source': is required"],
  ['source and dvc', ['--source', 's3://plain/ds/', '--dvc', 'x.dvc', '--path', 'o'], "input 'dvc': was given together with 'source': give only one of 'source', 'dvc', 'delta' or 'lfs'"],
  ['a source without path', ['--source', 's3://plain/ds/'], "input 'source': needs 'path' as well"],
  ['version and as-of', ['--source', 's3://plain/ds/', '--path', 'o', '--version', 'v.json', '--as-of', '2026-01-01T00:00:00Z'], "input 'as-of': was given together with 'version'"],
  ['a version with dvc', ['--dvc', 'x.dvc', '--version', 'v.json'], "input 'version': applies to source or delta, not to dvc"],
  ['an as-of with dvc', ['--dvc', 'x.dvc', '--as-of', '2026-01-01T00:00:00Z'], "input 'as-of': applies to source or delta, not to dvc"],
  ['an unknown scheme', ['--source', 'ftp://host/x', '--path', 'o'], "input 'source': got 'ftp://host/x': unknown scheme 'ftp://'"],
  ['a bad bucket name', ['--source', 's3://A_B/x', '--path', 'o'], "input 'source': got 's3://A_B/x'"],
  ['an as-of that is no time', ['--source', 's3://plain/ds/', '--path', 'o', '--as-of', 'yesterday'], "input 'as-of': got 'yesterday'"],
  ['as-of on a folder source', ['--source', '/tmp', '--path', 'o', '--as-of', '2026-01-01T00:00:00Z'], `input 'as-of': needs a store that keeps object versions (s3://bucket/prefix/, gs://bucket/prefix/, azure://container/prefix/); '/tmp' is a folder, which does not`],
  ['a version file that is missing', ['--source', 's3://plain/ds/', '--path', 'o', '--version', 'nope.json'], "input 'version': cannot read"],
  ['concurrency 0', ['--source', 's3://plain/ds/', '--path', 'o', '--concurrency', '0'], "input 'concurrency': got 0"],
  ['a bad endpoint', ['--source', 's3://plain/ds/', '--path', 'o', '--endpoint', 'localhost:9000'], "input 'endpoint': got 'localhost:9000'"],
  ['a typo in an input name', ['--source', 's3://plain/ds/', '--path', 'o', '--delet', 'true'], "input 'delet' is not an input of data-pull"],
])('%s is a bad input: exit 2, nothing written', async (_name, args, message) => {
  const cwd = tempDir('bad-input-');
  const run = await pull(args, cwd);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
  expect(existsSync(path.join(cwd, 'o'))).toBe(false);
});
