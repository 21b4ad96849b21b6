/**
 * data-pull through toxiproxy in front of versitygw: connections cut in the
 * middle of a body are retried until every file lands verified; a fault that
 * does not go away fails the step (exit 1) naming the object, and the
 * destination holds no partial file. A pull SIGKILLed mid-transfer leaves
 * only whole files visible, and the next run sweeps the temp files it left.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { BUNDLE, runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { snapshot } from './fixtures.js';
import { startFaultProxy, type FaultProxy } from './toxiproxy.js';

const OBJECTS = 12;
const SIZE = 256 * 1024;
let server: S3Server;
let proxy: FaultProxy;
const original: Record<string, string> = {};
// Objects above the size data-pull buffers in memory: they stream to a temp file, which a kill can leave.
const STREAMED = 3;
const streamed: Record<string, string> = {};

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket('faulty');
  for (let i = 0; i < OBJECTS; i++) {
    const body = randomBytes(SIZE);
    original[`f${i}.bin`] = body.toString('base64');
    await server.client.send(new PutObjectCommand({ Bucket: 'faulty', Key: `ds/f${i}.bin`, Body: body }));
  }
  for (let i = 0; i < STREAMED; i++) {
    const body = randomBytes(1024 * 1024);
    streamed[`s${i}.bin`] = body.toString('base64');
    await server.client.send(new PutObjectCommand({ Bucket: 'faulty', Key: `streamed/s${i}.bin`, Body: body }));
  }
  proxy = await startFaultProxy(server.endpoint);
}, 30_000);

afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

function pullArgs(dir: string, source = 's3://faulty/ds/'): string[] {
  return ['data-pull', '--source', source, '--path', path.join(dir, 'out'), '--cache', 'false', '--cache-dir', path.join(dir, 'cache'), '--concurrency', '4'];
}

function pull(dir: string, extra: readonly string[] = []): Promise<BundleRun> {
  return runBundle([...pullArgs(dir), ...extra], { env: { ...server.env, AWS_ENDPOINT_URL: proxy.endpoint } });
}

test('connections cut mid-body are retried until every file is in place, verified', async () => {
  // Each connection dies after 400 KB: no connection carries two whole objects.
  await proxy.addToxic({ name: 'cut', type: 'limit_data', attributes: { bytes: 400_000 } });
  try {
    const dir = tempDir('faults-retry-');
    const run = await pull(dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: String(OBJECTS), transferred: String(OBJECTS) });
    expect(snapshot(path.join(dir, 'out'))).toEqual(original);
  } finally {
    await proxy.removeToxic('cut');
  }
}, 60_000);

test('a fault that does not go away fails with exit 1 naming the object; no partial file lands', async () => {
  // Enough for the listing, never enough for a whole object.
  await proxy.addToxic({ name: 'starve', type: 'limit_data', attributes: { bytes: 60_000 } });
  try {
    const dir = tempDir('faults-hard-');
    const run = await pull(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: s3:\/\/faulty\/ds\/f\d+\.bin: /);
    const landed = existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : [];
    expect(landed).toEqual([]);
  } finally {
    await proxy.removeToxic('starve');
  }
}, 60_000);

test('a slow transfer logs progress at a steady rate, not a line per file', async () => {
  // 3 MiB at 1.5 MiB/s: about two seconds of transfer, with a progress line every 0.25 s.
  await proxy.addToxic({ name: 'slow', type: 'bandwidth', attributes: { rate: 1536 } });
  try {
    const run = await pull(tempDir('faults-slow-'), ['--progress-interval', '0.25']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('progress: '));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toMatch(/^progress: \d+\/12 files, [\d.]+ (B|KiB|MiB)\/3\.0 MiB, [\d.]+ (B|KiB|MiB)\/s( ETA \d+s)?$/);
    expect(lines.at(-1)).toMatch(/^progress: 12\/12 files, 3\.0 MiB\/3\.0 MiB/);
  } finally {
    await proxy.removeToxic('slow');
  }
}, 60_000);

test('a pull SIGKILLed mid-transfer leaves only whole, verified files; the next run sweeps its temp files and finishes', async () => {
  // 3 MiB at 512 KiB/s: the kill lands while the objects are half-written.
  await proxy.addToxic({ name: 'crawl', type: 'bandwidth', attributes: { rate: 512 } });
  const dir = tempDir('faults-kill-');
  const out = path.join(dir, 'out');
  try {
    // Killed at the first progress line with bytes in and files still to finish (on a busy machine, whenever that comes).
    const killed = await pullUntilKilled(dir, (stderr) => /^progress: [0-2]\/3 files, (?!0 B)/m.test(stderr));
    expect(killed).toBe('SIGKILL');
  } finally {
    await proxy.removeToxic('crawl');
  }
  const left = existsSync(out) ? readdirSync(out) : [];
  const temps = left.filter((name) => /^\..+\.mlops-ci-[0-9a-f]{8}\.tmp$/.test(name));
  // The kill caught downloads in flight (else this test proves nothing)...
  expect(temps.length).toBeGreaterThan(0);
  // ...and every visible file is a whole, verified object.
  for (const name of left.filter((n) => !temps.includes(n))) expect(snapshot(out)[name]).toBe(streamed[name]);

  const again = await runBundle(pullArgs(dir, 's3://faulty/streamed/'), { env: { ...server.env, AWS_ENDPOINT_URL: proxy.endpoint } });
  expect(again.code).toBe(0);
  expect(readdirSync(out).sort()).toEqual(Object.keys(streamed).sort());
  expect(snapshot(out)).toEqual(streamed);
}, 60_000);

/** Starts a pull and SIGKILLs it once its log satisfies `ready`; resolves with the signal it died of. */
function pullUntilKilled(dir: string, ready: (stderr: string) => boolean): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [BUNDLE, ...pullArgs(dir, 's3://faulty/streamed/'), '--progress-interval', '0.2'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, ...server.env, AWS_ENDPOINT_URL: proxy.endpoint },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (ready(stderr)) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
}
