/**
 * Two data-pulls into one destination, as two real bundle processes: the
 * second waits for the first (saying for whom) and then finds the files in
 * place; a first pull SIGKILLed while it holds the lock does not block the
 * next one, which takes the lock over at once (its process is gone).
 * The first pull is held mid-transfer by a toxiproxy bandwidth limit, lifted
 * once the second is seen waiting: nothing here depends on timing.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lockFileOf } from '../../packages/core/src/data/destination-lock.js';
import { BUNDLE, tempDir } from '../support/bundle.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { snapshot } from './fixtures.js';
import { startFaultProxy, type FaultProxy } from './toxiproxy.js';

let server: S3Server;
let proxy: FaultProxy;
const objects: Record<string, string> = {};

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket('shared');
  for (let i = 0; i < 4; i++) {
    const body = randomBytes(1024 * 1024);
    objects[`part-${i}.bin`] = body.toString('base64');
    await server.client.send(new PutObjectCommand({ Bucket: 'shared', Key: `ds/part-${i}.bin`, Body: body }));
  }
  proxy = await startFaultProxy(server.endpoint);
}, 30_000);

afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

interface Pull {
  readonly pid: number;
  /** Resolves with the first stderr line matching `pattern`; rejects if the pull ends first. */
  line(pattern: RegExp): Promise<string>;
  kill(): void;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `data-pull` into `<dir>/out` with its own cache folder, through the proxy or straight to the server. */
function startPull(dir: string, name: string, endpoint: string): Pull {
  const args = ['data-pull', '--source', 's3://shared/ds/', '--path', path.join(dir, 'out'), '--cache', 'false', '--cache-dir', path.join(dir, `cache-${name}`), '--progress-interval', '0.2'];
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, ...server.env, AWS_ENDPOINT_URL: endpoint },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const watcher of [...watchers]) {
      const found = stderr.split('\n').find((l) => watcher.pattern.test(l));
      if (found !== undefined) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(found);
      }
    }
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    pid: child.pid as number,
    line: (pattern) =>
      Promise.race([
        new Promise<string>((resolve) => watchers.push({ pattern, resolve })),
        done.then((end) => Promise.reject(new Error(`${name} ended (${end.code ?? end.signal}) without a line matching ${pattern}:\n${end.stderr}`))),
      ]),
    kill: () => child.kill('SIGKILL'),
    done,
  };
}

/** Waits until the pull holds the destination's lock (a file appears; no fixed sleep decides anything). */
async function lockHeld(dest: string, pull: Pull): Promise<void> {
  let ended = false;
  void pull.done.then(() => (ended = true));
  while (!existsSync(lockFileOf(dest))) {
    if (ended) throw new Error(`the first pull ended before it took the lock:\n${(await pull.done).stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a second pull into the same path waits for the first, saying for whom, then finds the files in place', async () => {
  const dir = tempDir('concurrent-wait-');
  const dest = path.join(dir, 'out');
  await proxy.addToxic({ name: 'hold', type: 'bandwidth', attributes: { rate: 32 } }); // 4 MiB would take two minutes
  try {
    const first = startPull(dir, 'first', proxy.endpoint);
    await lockHeld(dest, first);
    const second = startPull(dir, 'second', server.endpoint);
    const waiting = await second.line(/is being pulled into by/);
    expect(waiting).toContain(`path ${dest} is being pulled into by another data-pull (pid ${first.pid} on `);

    await proxy.removeToxic('hold');
    const [a, b] = await Promise.all([first.done, second.done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(a.stdout)).toMatchObject({ files: '4', transferred: '4' });
    // The second pulled nothing: when it got the lock, every file was already right.
    expect(JSON.parse(b.stdout)).toMatchObject({ files: '4', transferred: '0' });
    expect(snapshot(dest)).toEqual(objects);
    expect(existsSync(lockFileOf(dest))).toBe(false);
  } finally {
    await proxy.removeToxic('hold').catch(() => undefined);
  }
}, 120_000);

test('a pull killed while it holds the lock does not block the next one, which takes the lock over at once', async () => {
  const dir = tempDir('concurrent-kill-');
  const dest = path.join(dir, 'out');
  await proxy.addToxic({ name: 'hold', type: 'bandwidth', attributes: { rate: 32 } });
  try {
    const first = startPull(dir, 'first', proxy.endpoint);
    await lockHeld(dest, first);
    first.kill();
    expect((await first.done).signal).toBe('SIGKILL');
    expect(existsSync(lockFileOf(dest))).toBe(true);
  } finally {
    await proxy.removeToxic('hold');
  }
  const next = await startPull(dir, 'next', server.endpoint).done;
  expect(next.code).toBe(0);
  expect(next.stderr).toMatch(/taking over the lock of another data-pull \(pid \d+ .*: process \d+ is gone/);
  expect(snapshot(dest)).toEqual(objects);
  expect(existsSync(lockFileOf(dest))).toBe(false);
}, 120_000);
