/**
 * data-pull of a plain `source` from Azurite (Microsoft's Azure Blob Storage
 * emulator): sync verified by Content-MD5, include/exclude, an unchanged
 * re-pull, a corrupted blob refused, the cross-run cache in a container,
 * bad inputs, a DVC remote on azure://, and secrets kept out of every line —
 * through the bundle.
 * Azurite keeps no blob versions, so `as-of` is a clear exit 2 here; the
 * choice of versions is unit-tested (azure-versions.test.ts), reads of real
 * versions need a real account.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AccountSASPermissions, generateAccountSASQueryParameters, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzureServer, type AzureServer } from '../support/azure-server.js';
import { RANGED_THRESHOLD } from '../../packages/core/src/data/transfer.js';
import { dvc, pathWithoutDvc, snapshot, writeDataset } from './fixtures.js';

let server: AzureServer;
let plain: ContainerClient;

beforeAll(async () => {
  server = await startAzureServer();
  plain = await server.createContainer('plain');
  await server.createContainer('ci-cache');
  for (const [key, body] of Object.entries({ 'ds/a.txt': 'alpha\n', 'ds/sub/b.csv': 'x,y\r\n1,2\r\n', 'ds/sub/deep/c.bin': Buffer.from([0, 1, 2, 250]), 'ds/empty': '', 'ds/folder/': '', 'other/z.txt': 'not in ds' })) {
    await put(key, body);
  }
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function put(key: string, body: string | Buffer, container = plain): Promise<void> {
  const bytes = Buffer.from(body);
  await container.getBlockBlobClient(key).upload(bytes, bytes.length);
}

function pull(args: readonly string[], cwd = tempDir('pull-cwd-'), env: Record<string, string> = server.env): Promise<BundleRun> {
  return runBundle(['data-pull', ...args], { cwd, env });
}

function outputsOf(run: BundleRun): Record<string, string> {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

test('Azurite stores the MD5 of a blob uploaded whole: what data-pull verifies against', async () => {
  const properties = await plain.getBlobClient('ds/a.txt').getProperties();
  expect(Buffer.from(properties.contentMD5 ?? []).toString('hex')).toBe(createHash('md5').update('alpha\n').digest('hex'));
});

test('syncs a prefix as-is, verified, skipping folder placeholders, and an unchanged re-pull transfers nothing', async () => {
  const work = tempDir('azure-sync-');
  const args = ['--source', 'azure://plain/ds/', '--path', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache'), '--cache', 'false', '--manifest', path.join(work, 'm.json')];
  const first = outputsOf(await pull(args));
  expect(snapshot(path.join(work, 'out'))).toEqual({
    'a.txt': Buffer.from('alpha\n').toString('base64'),
    empty: '',
    'sub/b.csv': Buffer.from('x,y\r\n1,2\r\n').toString('base64'),
    'sub/deep/c.bin': Buffer.from([0, 1, 2, 250]).toString('base64'),
  });
  expect(first).toMatchObject({ files: '4', bytes: String(6 + 10 + 4), transferred: '4', 'cache-hit': 'false' });
  const manifest = JSON.parse(readFileSync(path.join(work, 'm.json'), 'utf8')) as { files: { path: string; key: string; md5: string }[] };
  expect(manifest.files.map((file) => file.path)).toEqual(['a.txt', 'empty', 'sub/b.csv', 'sub/deep/c.bin']);
  expect(manifest.files[0]).toMatchObject({ key: 'ds/a.txt', md5: createHash('md5').update('alpha\n').digest('hex') });

  const again = outputsOf(await pull(args));
  expect(again).toMatchObject({ transferred: '0', digest: first['digest'] });
});

test('include/exclude select keys; delete removes only selected files the dataset lacks', async () => {
  const work = tempDir('azure-filter-');
  const out = path.join(work, 'out');
  mkdirSync(path.join(out, 'sub'), { recursive: true });
  writeFileSync(path.join(out, 'sub', 'stale.csv'), 'old');
  writeFileSync(path.join(out, 'keep.md'), 'not selected: never deleted');
  const args = ['--source', 'azure://plain/ds', '--path', out, '--include', '**/*.csv\n**/*.bin', '--exclude', 'sub/deep/**', '--cache-dir', path.join(work, 'cache'), '--cache', 'false'];
  outputsOf(await pull(args));
  expect(Object.keys(snapshot(out)).sort()).toEqual(['keep.md', 'sub/b.csv', 'sub/stale.csv']);
  outputsOf(await pull([...args, '--delete', 'true'], work));
  expect(Object.keys(snapshot(out)).sort()).toEqual(['keep.md', 'sub/b.csv']);
});

test('a blob whose bytes no longer match its stored MD5 is refused; nothing lands in the destination', async () => {
  const corrupt = await server.createContainer('corrupt');
  await put('ds/good.txt', 'good\n', corrupt);
  await put('ds/bad.txt', 'the bytes as written\n', corrupt);
  // Set Blob Properties changes the stored MD5 behind the bytes, as a bit flip at rest would look.
  await corrupt.getBlobClient('ds/bad.txt').setHTTPHeaders({ blobContentMD5: createHash('md5').update('other bytes\n').digest() });
  const work = tempDir('azure-corrupt-');
  const run = await pull(['--source', 'azure://corrupt/ds/', '--path', path.join(work, 'out'), '--cache', 'false', '--cache-dir', path.join(work, 'cache')]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('azure://corrupt/ds/bad.txt: content does not match its recorded md5');
  expect(existsSync(path.join(work, 'out', 'bad.txt'))).toBe(false);
  expect(readdirSync(path.join(work, 'out')).filter((name) => name.includes('bad'))).toEqual([]);
});

test('large blobs: ranged parallel reads, verified by the MD5 of the whole blob; a blob committed from blocks without one, by size', async () => {
  const big = Buffer.alloc(RANGED_THRESHOLD + 3 * 1024 * 1024 + 17);
  for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i);
  await plain.getBlockBlobClient('large/single.bin').uploadData(big, { blockSize: 32 * 1024 * 1024, blobHTTPHeaders: { blobContentMD5: createHash('md5').update(big).digest() } });
  const blocks = Buffer.alloc(12 * 1024 * 1024, 'blocks');
  await plain.getBlockBlobClient('large/blocks.bin').uploadData(blocks, { blockSize: 4 * 1024 * 1024, maxSingleShotSize: 4 * 1024 * 1024 });
  expect((await plain.getBlobClient('large/blocks.bin').getProperties()).contentMD5).toBeUndefined();
  const work = tempDir('azure-large-');
  const outputs = outputsOf(await pull(['--source', 'azure://plain/large/', '--path', path.join(work, 'out'), '--cache', 'false', '--cache-dir', path.join(work, 'cache'), '--manifest', path.join(work, 'm.json')]));
  expect(outputs['files']).toBe('2');
  expect(readFileSync(path.join(work, 'out', 'single.bin')).equals(big)).toBe(true);
  expect(readFileSync(path.join(work, 'out', 'blocks.bin')).equals(blocks)).toBe(true);
  const manifest = JSON.parse(readFileSync(path.join(work, 'm.json'), 'utf8')) as { files: { path: string; md5: string }[] };
  expect(manifest.files.find((file) => file.path === 'blocks.bin')?.md5).toBe(createHash('md5').update(blocks).digest('hex'));
  rmSync(work, { recursive: true, force: true }); // 160 MB; kept when an expectation failed, for a look
}, 120_000);

test('the cross-run cache in a container: a fresh runner restores it and fetches nothing', async () => {
  const project = tempDir('azure-cache-');
  const args = ['--source', 'azure://plain/ds/', '--path', path.join(project, 'out'), '--cache-dir', path.join(project, 'cache'), '--cache-url', 'azure://ci-cache/data-pull'];
  const first = outputsOf(await pull(args));
  expect(first).toMatchObject({ 'cache-hit': 'false', transferred: '4' });
  const pulled = snapshot(path.join(project, 'out'));
  rmSync(project, { recursive: true, force: true });
  const second = outputsOf(await pull(args));
  expect(second).toMatchObject({ 'cache-hit': 'true', transferred: '0', digest: first['digest'] });
  expect(snapshot(path.join(project, 'out'))).toEqual(pulled);
});

test('as-of on an account without blob versions (Azurite has none) is bad input naming as-of, never a pull of now', async () => {
  const work = tempDir('azure-asof-');
  const run = await pull(['--source', 'azure://plain/ds/', '--path', path.join(work, 'out'), '--as-of', '2026-01-01T00:00:00Z', '--cache', 'false', '--cache-dir', path.join(work, 'c'), '--manifest', path.join(work, 'm.json')], work);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'as-of': azure://plain/ds/");
  expect(run.stderr).toContain('has no blob versions (it was written before versioning was on, or the account keeps none): turn on blob versioning for the storage account');
  expect(readdirSync(work)).toEqual([]);
});

test('a prefix with no blobs and a container that does not exist are bad inputs (exit 2) naming source; nothing is written', async () => {
  const work = tempDir('azure-missing-');
  const common = ['--cache', 'false', '--cache-dir', path.join(work, 'c'), '--manifest', path.join(work, 'm.json')];
  const prefix = await pull(['--source', 'azure://plain/nothing-here/', '--path', path.join(work, 'out'), ...common], work);
  expect(prefix.code).toBe(2);
  expect(prefix.stderr).toContain("input 'source': no objects under azure://plain/nothing-here/");
  const container = await pull(['--source', 'azure://no-such-container/x/', '--path', path.join(work, 'out'), ...common], work);
  expect(container.code).toBe(2);
  expect(container.stderr).toContain("input 'source': azure://no-such-container/x/: the bucket does not exist");
  expect(readdirSync(work)).toEqual([]);
});

test('a wrong account key fails naming the store, and neither the key nor the connection string is ever printed', async () => {
  const work = tempDir('azure-secret-');
  const wrongKey = Buffer.from('not the key of devstoreaccount1, but as long as one').toString('base64');
  const connection = server.connectionString().replace(AZURITE_KEY, wrongKey);
  const run = await pull(['--source', 'azure://plain/ds/', '--path', path.join(work, 'out'), '--cache', 'false', '--cache-dir', path.join(work, 'c')], work, {
    AZURE_STORAGE_CONNECTION_STRING: connection,
    MLOPS_CI_DEBUG: '1',
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('error: azure://plain/ds/: Server failed to authenticate the request');
  for (const secret of [wrongKey, connection]) {
    expect(run.stderr).not.toContain(secret);
    expect(run.stdout).not.toContain(secret);
  }
}, 60_000);

test('a SAS in the connection string reads the container; a forged one fails, its signature never printed', async () => {
  const sas = generateAccountSASQueryParameters(
    { permissions: AccountSASPermissions.parse('rl'), services: 'b', resourceTypes: 'sco', expiresOn: new Date(Date.now() + 3600_000) },
    new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
  ).toString();
  const withSas = (token: string): string => `BlobEndpoint=${server.blobEndpoint};SharedAccessSignature=${token}`;
  const work = tempDir('azure-sas-');
  const args = (out: string) => ['--source', 'azure://plain/ds/', '--path', path.join(work, out), '--cache', 'false', '--cache-dir', path.join(work, 'c')];
  expect(outputsOf(await pull(args('out'), work, { AZURE_STORAGE_CONNECTION_STRING: withSas(sas) }))).toMatchObject({ files: '4' });

  const forgedSignature = Buffer.from(createHash('sha256').update('forged').digest()).toString('base64');
  const forged = sas.replace(/(^|&)sig=[^&]+/, `$1sig=${encodeURIComponent(forgedSignature)}`);
  expect(forged).not.toBe(sas);
  const run = await pull(args('forged'), work, { AZURE_STORAGE_CONNECTION_STRING: withSas(forged), MLOPS_CI_DEBUG: '1' });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('error: azure://plain/ds/: ');
  for (const secret of [forgedSignature, encodeURIComponent(forgedSignature), forged]) expect(run.stderr + run.stdout).not.toContain(secret);
}, 60_000);

test('no account to reach at all is a bad input (exit 2) before any request, naming source and what to set', async () => {
  const work = tempDir('azure-nocreds-');
  const run = await pull(['--source', 'azure://plain/ds/', '--path', path.join(work, 'out'), '--cache', 'false', '--cache-dir', path.join(work, 'c')], work, {});
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'source': azure://plain/ds/: no Azure storage account to reach: set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT");
  expect(existsSync(path.join(work, 'out'))).toBe(false);
});

test.each([
  ['a storage account that is no account name', { AZURE_STORAGE_ACCOUNT: 'Not_An_Account', AZURE_STORAGE_KEY: Buffer.from('k').toString('base64') }, "got storage account 'Not_An_Account'"],
  ['a connection string that is none', { AZURE_STORAGE_CONNECTION_STRING: 'not a connection string' }, 'the Azure connection string is not valid'],
])('%s is a bad input (exit 2) naming source, before any request', async (_, env, message) => {
  const work = tempDir('azure-badcreds-');
  const run = await pull(['--source', 'azure://plain/ds/', '--path', path.join(work, 'out'), '--cache', 'false', '--cache-dir', path.join(work, 'c')], work, env);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`input 'source': azure://plain/ds/: ${message}`);
  expect(existsSync(path.join(work, 'out'))).toBe(false);
});

test("a DVC remote on azure://, its connection_string in config.local as DVC writes it: byte for byte, the secret never printed", async () => {
  // A real `dvc push` to Azure needs Azure: DVC pushes to a local remote, and its layout is copied into the container as is.
  const repo = tempDir('azure-dvc-repo-');
  const localRemote = tempDir('azure-dvc-remote-');
  dvc(repo, ['init', '--no-scm', '-q']);
  writeDataset(path.join(repo, 'data'));
  dvc(repo, ['add', '-q', 'data']);
  dvc(repo, ['remote', 'add', '-d', 'local', localRemote]);
  dvc(repo, ['push', '-q', '-r', 'local']);
  const store = await server.createContainer('dvc-store');
  for (const relpath of filesUnder(localRemote)) await store.getBlockBlobClient(`project/${relpath}`).uploadFile(path.join(localRemote, relpath));

  const checkout = tempDir('azure-dvc-checkout-');
  mkdirSync(path.join(checkout, '.dvc'));
  copyFileSync(path.join(repo, 'data.dvc'), path.join(checkout, 'data.dvc'));
  writeFileSync(path.join(checkout, '.dvc', 'config'), "[core]\n    remote = az\n['remote \"az\"']\n    url = azure://dvc-store/project\n");
  // What `dvc remote modify --local az connection_string …` writes: unquoted, `;` and all.
  const connection = server.connectionString();
  writeFileSync(path.join(checkout, '.dvc', 'config.local'), `['remote "az"']\n    connection_string = ${connection}\n`);
  const args = ['data-pull', '--dvc', 'data.dvc', '--cache', 'false', '--cache-dir', path.join(checkout, '..', `${path.basename(checkout)}-cache`)];
  const run = await runBundle(args, { cwd: checkout, env: { PATH: pathWithoutDvc(), MLOPS_CI_DEBUG: '1' } });
  const outputs = outputsOf(run);
  expect(snapshot(path.join(checkout, 'data'))).toEqual(snapshot(path.join(repo, 'data')));
  expect(outputs).toMatchObject({ files: '5', transferred: '5' });
  expect(run.stderr).toContain("from remote 'az'");
  for (const secret of [connection, AZURITE_KEY]) expect(run.stderr + run.stdout).not.toContain(secret);

  const again = outputsOf(await runBundle(args, { cwd: checkout, env: { PATH: pathWithoutDvc() } }));
  expect(again).toMatchObject({ transferred: '0', digest: outputs['digest'] });
}, 120_000);

/** Every file under `dir`, by `/`-separated relative path. */
function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const relpath = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, relpath)).isDirectory() ? filesUnder(dir, relpath) : [relpath];
  });
}

test.each([
  ['a container name with upper case', ['--source', 'azure://Data/x', '--path', 'o'], "input 'source': got 'azure://Data/x', expected azure://container/prefix/ with a valid container name"],
  ['a container name with a double dash', ['--source', 'azure://my--data/x', '--path', 'o'], "input 'source': got 'azure://my--data/x', expected azure://container/prefix/ with a valid container name"],
  ['an empty part in the prefix', ['--source', 'azure://data/a//b', '--path', 'o'], "input 'source': got 'azure://data/a//b': the prefix has an empty part ('//')"],
])('%s is a bad input: exit 2, nothing written', async (_name, args, message) => {
  const cwd = tempDir('bad-input-');
  const run = await pull(args, cwd);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
  expect(existsSync(path.join(cwd, 'o'))).toBe(false);
});
