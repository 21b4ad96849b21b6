/**
 * data-pull on each kind of store, in one run: cases (a) 10,000 × 4 KiB cold
 * and (d) its unchanged re-pull, on S3 (versitygw), Google Cloud Storage
 * (fake-gcs-server, filesystem backend), Azure Blob Storage (Azurite) and a
 * folder, each on 127.0.0.1 with the same objects:
 *   npx tsx bench/data-pull/backends.ts [--reps 3] [--count 10000]
 * One column per backend; the last row is each column's ratio to S3. The
 * servers are emulators, not the clouds: a column says what data-pull costs
 * over that API on this machine, emulator included, not how the cloud
 * performs. Every timing is a whole process run (start-up included).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzureServer } from '../../test/support/azure-server.js';
import { BUNDLE } from '../../test/support/bundle.js';
import { startGcsServer } from '../../test/support/gcs-server.js';
import { startS3Server } from '../../test/support/s3-server.js';
import { median } from './support.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const REPS = option('--reps', 3);
const COUNT = option('--count', 10_000);
const SIZE = 4096;
const WORK = mkdtempSync(path.join(os.tmpdir(), 'bench-backends-'));

/** One store with the dataset on it: where data-pull reads it, and the environment that reaches it. */
interface Backend {
  readonly name: string;
  readonly source: string;
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** The dataset's keys: 100 folders of COUNT/100 files, as bench/data-pull/run.ts lays them out. */
function keyOf(i: number): string {
  return `ds/d${String(i % 100).padStart(2, '0')}/f${String(i).padStart(6, '0')}.bin`;
}

/** Writes COUNT objects through `put`, 32 at a time, with a line of progress every 1,000. */
async function fill(name: string, put: (key: string, body: Buffer) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < COUNT) {
      const i = next++;
      await put(keyOf(i), randomBytes(SIZE));
      if ((i + 1) % 1000 === 0) process.stderr.write(`${name}: ${i + 1}/${COUNT} objects written\n`);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

async function s3Backend(): Promise<Backend> {
  const server = await startS3Server();
  await server.createBucket('bench');
  await fill('s3', (key, body) => server.client.send(new PutObjectCommand({ Bucket: 'bench', Key: key, Body: body })));
  return { name: 'S3 (versitygw)', source: 's3://bench/ds/', env: server.env, stop: () => server.stop() };
}

async function gcsBackend(): Promise<Backend> {
  const server = await startGcsServer({ backend: 'filesystem' });
  await server.createBucket('bench');
  await fill('gcs', (key, body) => server.put('bench', key, body));
  return { name: 'GCS (fake-gcs-server)', source: 'gs://bench/ds/', env: server.env, stop: () => server.stop() };
}

async function azureBackend(): Promise<Backend> {
  const server = await startAzureServer();
  const container = await server.createContainer('bench');
  await fill('azure', (key, body) => container.getBlockBlobClient(key).uploadData(body));
  return { name: 'Azure (Azurite)', source: 'azure://bench/ds/', env: server.env, stop: () => server.stop() };
}

async function folderBackend(): Promise<Backend> {
  const root = path.join(WORK, 'folder-store');
  await fill('folder', async (key, body) => {
    mkdirSync(path.dirname(path.join(root, key)), { recursive: true });
    writeFileSync(path.join(root, key), body);
  });
  return { name: 'folder', source: `file://${root}/ds/`, env: {}, stop: async () => undefined };
}

/** One data-pull run, timed whole; a failure stops the bench with its stderr. */
function timedPull(backend: Backend, dest: string, cacheDir: string): number {
  const argv = [BUNDLE, 'data-pull', '--source', backend.source, '--path', dest, '--cache', 'false', '--cache-dir', cacheDir];
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { cwd: WORK, env: { ...process.env, ...backend.env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`data-pull from ${backend.source} failed (${result.status}): ${result.stderr?.toString().slice(-2000)}`);
  return seconds;
}

/** (a) cold REPS times, then (d) REPS re-pulls over the last complete pull. */
function measure(backend: Backend): { cold: number[]; warm: number[] } {
  const dest = path.join(WORK, 'dest');
  const cacheDir = path.join(WORK, 'cache');
  const cold: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    rmSync(dest, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    cold.push(timedPull(backend, dest, cacheDir));
  }
  const warm = Array.from({ length: REPS }, () => timedPull(backend, dest, cacheDir));
  rmSync(dest, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  process.stderr.write(`${backend.name}: (a) ${cold.map((s) => s.toFixed(2)).join(', ')} s; (d) ${warm.map((s) => s.toFixed(2)).join(', ')} s\n`);
  return { cold, warm };
}


/** The table: a row per case, a column per backend, then the ratios to the first column. */
function table(results: ReadonlyArray<{ name: string; cold: number[]; warm: number[] }>): string {
  const cases = [
    { label: `(a) ${COUNT.toLocaleString('en')} × 4 KiB, cold`, short: '(a)', pick: (r: { cold: number[] }) => median(r.cold) },
    { label: '(d) re-pull of (a), unchanged', short: '(d)', pick: (r: { warm: number[] }) => median(r.warm) },
  ];
  const [first] = results;
  const lines = [`| case | ${results.map((r) => r.name).join(' | ')} |`, `|---|${results.map(() => '---|').join('')}`];
  for (const { label, pick } of cases) lines.push(`| ${label} | ${results.map((r) => `${pick(r).toFixed(2)} s`).join(' | ')} |`);
  for (const { short, pick } of cases) lines.push(`| ${short} vs ${first?.name} | ${results.map((r) => `${(pick(r) / pick(first as typeof r)).toFixed(2)}×`).join(' | ')} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const results: Array<{ name: string; cold: number[]; warm: number[] }> = [];
  try {
    // One server at a time: each gets the machine to itself while it is measured.
    for (const start of [s3Backend, gcsBackend, azureBackend, folderBackend]) {
      const backend = await start();
      try {
        results.push({ name: backend.name, ...measure(backend) });
      } finally {
        await backend.stop();
      }
    }
  } finally {
    rmSync(WORK, { recursive: true, force: true });
  }
  process.stdout.write(`${table(results)}\n\nmachine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}, node ${process.version}, reps ${REPS}\n`);
}

await main();
