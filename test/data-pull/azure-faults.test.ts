/**
 * data-pull from Azurite through toxiproxy: connections cut in the middle of
 * a blob are resumed or retried until every file lands verified; a fault
 * that does not go away fails the step (exit 1) naming the blob, and the
 * destination holds no partial file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startAzureServer, type AzureServer } from '../support/azure-server.js';
import { snapshot } from './fixtures.js';
import { startFaultProxy, type FaultProxy } from './toxiproxy.js';

let server: AzureServer;
let proxy: FaultProxy;
const cut: Record<string, string> = {};
const starved: Record<string, string> = {};

beforeAll(async () => {
  server = await startAzureServer();
  const container = await server.createContainer('faulty');
  const put = async (key: string, size: number, into: Record<string, string>): Promise<void> => {
    const body = randomBytes(size);
    into[path.basename(key)] = body.toString('base64');
    await container.getBlockBlobClient(key).upload(body, body.length);
  };
  for (let i = 0; i < 12; i++) await put(`ds/f${i}.bin`, 256 * 1024, cut);
  for (let i = 0; i < 2; i++) await put(`hard/h${i}.bin`, 1024 * 1024, starved);
  proxy = await startFaultProxy(server.blobEndpoint);
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

function pull(dir: string, source: string): Promise<BundleRun> {
  return runBundle(['data-pull', '--source', source, '--path', path.join(dir, 'out'), '--cache', 'false', '--cache-dir', path.join(dir, 'cache'), '--concurrency', '4'], {
    env: { AZURE_STORAGE_CONNECTION_STRING: server.connectionString(`${proxy.endpoint}/devstoreaccount1`) },
  });
}

test('connections cut mid-blob are resumed or retried until every file is in place, verified', async () => {
  // Each connection dies after 400 KB: no connection carries two whole blobs.
  await proxy.addToxic({ name: 'cut', type: 'limit_data', attributes: { bytes: 400_000 } });
  try {
    const dir = tempDir('azure-faults-retry-');
    const run = await pull(dir, 'azure://faulty/ds/');
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: '12', transferred: '12' });
    expect(snapshot(path.join(dir, 'out'))).toEqual(cut);
  } finally {
    await proxy.removeToxic('cut');
  }
}, 120_000);

test('a fault that does not go away fails with exit 1 naming the blob; no partial file lands', async () => {
  // Enough for the listing, never enough for a 1 MiB blob, even resumed a few times.
  await proxy.addToxic({ name: 'starve', type: 'limit_data', attributes: { bytes: 60_000 } });
  try {
    const dir = tempDir('azure-faults-hard-');
    const run = await pull(dir, 'azure://faulty/hard/');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: azure:\/\/faulty\/hard\/h\d\.bin: the connection broke off after \d+ bytes/);
    const landed = existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : [];
    expect(landed).toEqual([]);
  } finally {
    await proxy.removeToxic('starve');
  }
}, 180_000);
