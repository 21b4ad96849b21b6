import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { HashPool, startHashWorker } from '../../src/data/hash-pool.js';

const md5 = (data: Buffer): string => createHash('md5').update(data).digest('hex');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hash-pool-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('hashes a file while it is being written, in steps, as the writer reports them', async () => {
  const pool = new HashPool(2);
  const file = path.join(dir, 'growing.bin');
  const data = randomBytes(11 * 1024 * 1024 + 5);
  writeFileSync(file, '');
  const hashing = pool.hashFile(file);
  const step = 3 * 1024 * 1024 + 1;
  for (let at = 0; at < data.length; at += step) {
    appendFileSync(file, data.subarray(at, at + step));
    hashing.advance(Math.min(at + step, data.length));
  }
  await expect(hashing.digest(data.length)).resolves.toBe(md5(data));
});

test('several files at once on fewer workers each get their own md5', async () => {
  const pool = new HashPool(2);
  const files = [0, 1, 2].map((index) => {
    const file = path.join(dir, `parallel-${index}.bin`);
    const data = randomBytes(1024 * 1024 + index);
    writeFileSync(file, data);
    return { file, data };
  });
  const digests = await Promise.all(files.map(({ file, data }) => pool.hashFile(file).digest(data.length)));
  expect(digests).toEqual(files.map(({ data }) => md5(data)));
});

test('a file shorter than the writer reported is an error, not a wrong md5', async () => {
  const pool = new HashPool(1);
  const file = path.join(dir, 'short.bin');
  writeFileSync(file, randomBytes(1000));
  await expect(pool.hashFile(file).digest(2000)).rejects.toThrow('hashing failed: the file ended at 1000 bytes, 2000 were written');
});

test('an aborted file frees its worker for the next one', async () => {
  const pool = new HashPool(1);
  const file = path.join(dir, 'aborted.bin');
  const data = randomBytes(5 * 1024 * 1024);
  writeFileSync(file, data);
  const first = pool.hashFile(file);
  first.advance(data.length);
  first.abort();
  first.abort();
  await expect(pool.hashFile(file).digest(data.length)).resolves.toBe(md5(data));
});

describe('a worker that dies', () => {
  /** The real md5 worker, with its handle kept so the test can kill it from outside, as an OOM or a kill would. */
  function poolWithHandles(size: number): { pool: HashPool; workers: Worker[] } {
    const workers: Worker[] = [];
    const pool = new HashPool(size, () => {
      const worker = startHashWorker();
      workers.push(worker);
      return worker;
    });
    return { pool, workers };
  }

  test('rejects the file it was hashing mid-way, and the pool goes on with a new worker', async () => {
    const { pool, workers } = poolWithHandles(1);
    const file = path.join(dir, 'killed-mid-hash.bin');
    const data = randomBytes(9 * 1024 * 1024);
    writeFileSync(file, data);
    const hashing = pool.hashFile(file);
    hashing.advance(4 * 1024 * 1024); // the worker has begun
    const pending = hashing.digest(data.length);
    await workers[0]?.terminate();

    await expect(pending).rejects.toThrow(/hashing failed: the md5 worker stopped \(exit code \d+\)/);
    await expect(pool.hashFile(file).digest(data.length)).resolves.toBe(md5(data));
    expect(workers).toHaveLength(2);
  }, 20_000); // a hang guard only

  test('a file started on a worker that died before its digest was asked for is rejected at once', async () => {
    const { pool, workers } = poolWithHandles(1);
    const file = path.join(dir, 'started-then-killed.bin');
    writeFileSync(file, randomBytes(2 * 1024 * 1024));
    const hashing = pool.hashFile(file);
    await workers[0]?.terminate();
    await new Promise((resolve) => setImmediate(resolve)); // let the exit event arrive

    hashing.advance(5 * 1024 * 1024);
    await expect(hashing.digest(2 * 1024 * 1024)).rejects.toThrow(/md5 worker stopped/);
  }, 20_000);
});
