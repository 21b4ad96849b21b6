/**
 * data-pull of a `gs://` source from fake-gcs-server (the real Cloud Storage
 * JSON API): sync, include/exclude, generations for `as-of` and `version`, a
 * corrupted object caught by its md5, the cross-run cache in a bucket, a DVC
 * remote, and bad inputs — through the bundle.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startGcsServer, type GcsServer } from '../support/gcs-server.js';
import { RANGED_THRESHOLD } from '../../packages/core/src/data/transfer.js';
import { dvc, snapshot, writeDataset } from './fixtures.js';

/** Filesystem backend: objects are files a test can tamper with. */
let server: GcsServer;
/** Memory backend: the one that keeps generations (fake-gcs-server's filesystem backend refuses bucket versioning). */
let versioned: GcsServer;

const DATASET = { 'ds/a.txt': 'alpha\n', 'ds/sub/b.csv': 'x,y\r\n1,2\r\n', 'ds/sub/deep/c.bin': Buffer.from([0, 1, 2, 250]), 'ds/empty': '', 'other/z.txt': 'not in ds' };

beforeAll(async () => {
  [server, versioned] = await Promise.all([startGcsServer(), startGcsServer({ backend: 'memory' })]);
  await server.createBucket('plain');
  await server.createBucket('ci-cache');
  await server.createBucket('dvc-store');
  for (const [key, body] of Object.entries(DATASET)) await server.put('plain', key, body);
  await versioned.createBucket('versioned', { versioning: true });
  // A folder placeholder, as the Cloud Console's "Create folder" leaves: no data, never pulled. (The
  // filesystem backend keeps no such object, only a folder; the memory backend keeps it.)
  await versioned.put('versioned', 'v/', '');
}, 30_000);

afterAll(async () => {
  await Promise.all([server?.stop(), versioned?.stop()]);
});

function pull(args: readonly string[], cwd = tempDir('pull-cwd-'), on = server): Promise<BundleRun> {
  return runBundle(['data-pull', ...args], { cwd, env: on.env });
}

function outputsOf(run: BundleRun): Record<string, string> {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

test('syncs a prefix as-is, verified by md5, and an unchanged re-pull transfers nothing', async () => {
  const work = tempDir('gcs-sync-');
  const args = ['--source', 'gs://plain/ds/', '--path', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache'), '--cache', 'false', '--manifest', path.join(work, 'm.json')];
  const first = outputsOf(await pull(args));
  expect(snapshot(path.join(work, 'out'))).toEqual({
    'a.txt': Buffer.from('alpha\n').toString('base64'),
    empty: '',
    'sub/b.csv': Buffer.from('x,y\r\n1,2\r\n').toString('base64'),
    'sub/deep/c.bin': Buffer.from([0, 1, 2, 250]).toString('base64'),
  });
  expect(first).toMatchObject({ files: '4', bytes: String(6 + 10 + 4), transferred: '4', 'cache-hit': 'false' });
  const manifest = JSON.parse(readFileSync(path.join(work, 'm.json'), 'utf8')) as { files: { path: string; key: string; md5: string; versionId?: string }[] };
  expect(manifest.files.map((file) => file.path)).toEqual(['a.txt', 'empty', 'sub/b.csv', 'sub/deep/c.bin']);
  expect(manifest.files[0]).toMatchObject({ key: 'ds/a.txt', md5: createHash('md5').update('alpha\n').digest('hex') });

  const again = outputsOf(await pull(args));
  expect(again).toMatchObject({ transferred: '0', digest: first['digest'] });
});

test('include/exclude select keys', async () => {
  const work = tempDir('gcs-filter-');
  const out = path.join(work, 'out');
  outputsOf(await pull(['--source', 'gs://plain/ds', '--path', out, '--include', '**/*.csv\n**/*.bin', '--exclude', 'sub/deep/**', '--cache-dir', path.join(work, 'cache'), '--cache', 'false']));
  expect(Object.keys(snapshot(out))).toEqual(['sub/b.csv']);
});

test('keys with spaces, non-ASCII, `+`, `%`, `#` and `?` arrive under their own names', async () => {
  const names = ['with space.txt', 'naïve-café-猫.txt', 'a+b.csv', '100%.txt', 'hash#tag.txt', 'what?.txt'];
  for (const name of names) await server.put('plain', `names/${name}`, `${name}\n`);
  const work = tempDir('gcs-names-');
  outputsOf(await pull(['--source', 'gs://plain/names/', '--path', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache'), '--cache', 'false']));
  expect(snapshot(path.join(work, 'out'))).toEqual(Object.fromEntries(names.map((name) => [name, Buffer.from(`${name}\n`).toString('base64')])));
});

test('an object whose bytes changed behind its md5 is refused (exit 1), naming it; nothing lands', async () => {
  await server.put('plain', 'tampered/good.txt', 'fine\n');
  await server.put('plain', 'tampered/bad.txt', 'original\n');
  // Same size, other bytes, straight into the server's storage folder: its recorded md5 stays the original's.
  writeFileSync(path.join(server.dataDir as string, 'plain', 'tampered', 'bad.txt'), 'ORIGINAL\n');
  const work = tempDir('gcs-tampered-');
  const run = await pull(['--source', 'gs://plain/tampered/', '--path', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache'), '--cache', 'false', '--concurrency', '1']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('gs://plain/tampered/bad.txt');
  expect(run.stderr).toContain(`content does not match its recorded md5 (expected ${createHash('md5').update('original\n').digest('hex')}`);
  expect(snapshot(path.join(work, 'out'))).toEqual({});
});

test('as-of pulls each object as it was then (generations); version pins the exact generations of a manifest', async () => {
  await versioned.put('versioned', 'v/data.csv', 'first\n');
  await versioned.put('versioned', 'v/gone.txt', 'deleted later\n');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const between = new Date(Date.now() - 500).toISOString();
  await versioned.put('versioned', 'v/data.csv', 'second\n');
  await versioned.put('versioned', 'v/new.txt', 'added later\n');
  await versioned.client.bucket('versioned').file('v/gone.txt').delete();

  const work = tempDir('gcs-asof-');
  const common = ['--cache-dir', path.join(work, 'cache'), '--cache', 'false'];
  const then = outputsOf(await pull(['--source', 'gs://versioned/v/', '--path', path.join(work, 'then'), '--as-of', between, '--manifest', path.join(work, 'then.json'), ...common], undefined, versioned));
  expect(snapshot(path.join(work, 'then'))).toEqual({ 'data.csv': Buffer.from('first\n').toString('base64'), 'gone.txt': Buffer.from('deleted later\n').toString('base64') });
  const now = outputsOf(await pull(['--source', 'gs://versioned/v/', '--path', path.join(work, 'now'), ...common], undefined, versioned));
  expect(snapshot(path.join(work, 'now'))).toEqual({ 'data.csv': Buffer.from('second\n').toString('base64'), 'new.txt': Buffer.from('added later\n').toString('base64') });
  expect(now['digest']).not.toBe(then['digest']);

  // The manifest of the as-of pull names generations; they are read whatever the bucket holds now.
  const manifest = JSON.parse(readFileSync(path.join(work, 'then.json'), 'utf8')) as { files: { path: string; versionId?: string }[] };
  expect(manifest.files.every((file) => /^\d+$/.test(file.versionId ?? ''))).toBe(true);
  const pinned = outputsOf(await pull(['--source', 'gs://versioned/v/', '--path', path.join(work, 'pinned'), '--version', path.join(work, 'then.json'), ...common], undefined, versioned));
  expect(snapshot(path.join(work, 'pinned'))).toEqual(snapshot(path.join(work, 'then')));
  expect(pinned['digest']).toBe(then['digest']);

  const before = await pull(['--source', 'gs://versioned/v/', '--path', path.join(work, 'none'), '--as-of', '2001-01-01T00:00:00Z', ...common], work, versioned);
  expect(before.code).toBe(2);
  expect(before.stderr).toContain("input 'as-of': no objects under gs://versioned/v/ existed at 2001-01-01T00:00:00.000Z");
}, 30_000);

test('as-of on a bucket without versioning is a bad input (exit 2) naming as-of, never a partial pull', async () => {
  await versioned.createBucket('unversioned');
  await versioned.put('unversioned', 'u/kept.txt', 'kept\n');
  await versioned.put('unversioned', 'u/replaced.txt', 'before\n');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const between = new Date(Date.now() - 500).toISOString();
  // Without versioning the replaced generation is gone: a listing "as of" would hold only kept.txt.
  await versioned.put('unversioned', 'u/replaced.txt', 'after\n');
  const work = tempDir('gcs-unversioned-');
  const run = await pull(['--source', 'gs://unversioned/u/', '--path', path.join(work, 'out'), '--as-of', between, '--cache-dir', path.join(work, 'cache'), '--cache', 'false'], work, versioned);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'as-of': gs://unversioned has no object versioning");
  expect(filesUnder(work).filter((file) => file.startsWith('out'))).toEqual([]);
}, 30_000);

test('a large object: ranged parallel reads, verified against its md5', async () => {
  const big = Buffer.alloc(RANGED_THRESHOLD + 3 * 1024 * 1024 + 17);
  for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i);
  await server.client.bucket('plain').file('large/single.bin').save(big, { resumable: true });
  const work = tempDir('gcs-large-');
  const outputs = outputsOf(await pull(['--source', 'gs://plain/large/', '--path', path.join(work, 'out'), '--cache', 'false', '--cache-dir', path.join(work, 'cache'), '--manifest', path.join(work, 'm.json')]));
  expect(outputs['files']).toBe('1');
  expect(readFileSync(path.join(work, 'out', 'single.bin')).equals(big)).toBe(true);
  const manifest = JSON.parse(readFileSync(path.join(work, 'm.json'), 'utf8')) as { files: { md5: string }[] };
  expect(manifest.files[0]?.md5).toBe(createHash('md5').update(big).digest('hex'));
  rmSync(work, { recursive: true, force: true }); // 70 MB; kept when an expectation failed, for a look
}, 60_000);

test('the cross-run cache in a gs:// prefix: a fresh runner restores it and fetches nothing', async () => {
  const project = tempDir('gcs-cache-');
  const args = ['--source', 'gs://plain/ds/', '--path', path.join(project, 'out'), '--cache-dir', path.join(project, 'cache'), '--cache-url', 'gs://ci-cache/data-pull'];
  const first = outputsOf(await pull(args));
  expect(first).toMatchObject({ 'cache-hit': 'false', transferred: '4' });
  const [cached] = await server.client.bucket('ci-cache').getFiles({ prefix: 'data-pull/' });
  expect(cached.length).toBeGreaterThan(0);
  const pulled = snapshot(path.join(project, 'out'));
  rmSync(project, { recursive: true, force: true });
  const second = outputsOf(await pull(args));
  expect(second).toMatchObject({ 'cache-hit': 'true', transferred: '0', digest: first['digest'] });
  expect(snapshot(path.join(project, 'out'))).toEqual(pulled);
});

test("a DVC remote gs:// in .dvc/config (DVC's own layout, uploaded as it is), reached through its endpointurl, with credentialpath and projectname", async () => {
  // A real `dvc push` to gs:// needs Google's servers: DVC writes the remote's layout to a folder, uploaded key for key.
  const repo = tempDir('gcs-dvc-repo-');
  const folderRemote = tempDir('gcs-dvc-remote-');
  dvc(repo, ['init', '--no-scm', '-q']);
  writeDataset(path.join(repo, 'data'));
  dvc(repo, ['add', '-q', 'data']);
  dvc(repo, ['remote', 'add', '-d', 'folder', folderRemote]);
  dvc(repo, ['push', '-q', '-r', 'folder']);
  for (const file of filesUnder(folderRemote)) await server.put('dvc-store', `project/${file}`, readFileSync(path.join(folderRemote, file)));
  dvc(repo, ['remote', 'add', 'gcs', 'gs://dvc-store/project']);
  dvc(repo, ['remote', 'modify', 'gcs', 'projectname', 'mlops-ci-test']);
  dvc(repo, ['remote', 'modify', 'gcs', 'endpointurl', server.endpoint]);
  dvc(repo, ['remote', 'modify', '--local', 'gcs', 'credentialpath', 'no-key-needed-by-the-emulator.json']);

  const checkout = tempDir('gcs-dvc-checkout-');
  mkdirSync(path.join(checkout, '.dvc'));
  for (const file of ['.dvc/config', '.dvc/config.local', 'data.dvc']) copyFileSync(path.join(repo, file), path.join(checkout, file));
  // No STORAGE_EMULATOR_HOST: the remote's endpointurl is the only way to the server.
  const outputs = outputsOf(await runBundle(['data-pull', '--dvc', 'data.dvc', '--remote', 'gcs', '--cache', 'false', '--cache-dir', path.join(checkout, '..', `${path.basename(checkout)}-cache`)], { cwd: checkout }));
  expect(snapshot(path.join(checkout, 'data'))).toEqual(snapshot(path.join(repo, 'data')));
  expect(outputs['files']).toBe(String(Object.keys(snapshot(path.join(repo, 'data'))).length));
}, 60_000);

test('a prefix with no objects and a bucket that does not exist are bad inputs (exit 2) naming source; nothing is written', async () => {
  const work = tempDir('gcs-missing-');
  const common = ['--cache', 'false', '--cache-dir', path.join(work, 'c'), '--manifest', path.join(work, 'm.json')];
  const prefix = await pull(['--source', 'gs://plain/nothing-here/', '--path', path.join(work, 'out'), ...common], work);
  expect(prefix.code).toBe(2);
  expect(prefix.stderr).toContain("input 'source': no objects under gs://plain/nothing-here/");
  const bucket = await pull(['--source', 'gs://no-such-bucket/x/', '--path', path.join(work, 'out'), ...common], work);
  expect(bucket.code).toBe(2);
  expect(bucket.stderr).toContain("input 'source': gs://no-such-bucket/x/: the bucket does not exist");
  const badName = await pull(['--source', 'gs://Not_A_Bucket/x', '--path', path.join(work, 'out'), ...common], work);
  expect(badName.code).toBe(2);
  expect(badName.stderr).toContain("input 'source': got 'gs://Not_A_Bucket/x', expected gs://bucket/prefix/ with a valid bucket name");
  expect(readdirSync(work)).toEqual([]);
});

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const relpath = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, relpath) : [relpath];
  });
}
