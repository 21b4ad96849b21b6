import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * md5 of files being written, computed in worker threads so that hashing
 * large objects neither blocks the event loop nor is limited to one core.
 * md5 is sequential, so one file is always hashed by one worker; the writer
 * tells it how far the file is written (`advance`) and the worker reads that
 * much back from the page cache and hashes it, overlapping with the download.
 *
 * The worker is an eval'd CommonJS script because the bundler (ncc) copies a
 * separate worker module as a raw asset instead of compiling it.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const jobs = new Map();
const buffer = Buffer.allocUnsafe(1 << 20);
function close(id, job) {
  jobs.delete(id);
  if (job.fd >= 0) closeSync(job.fd);
}
function hashUpTo(job, upTo) {
  while (job.hashed < upTo) {
    const n = readSync(job.fd, buffer, 0, Math.min(buffer.length, upTo - job.hashed), job.hashed);
    if (n === 0) throw new Error('the file ended at ' + job.hashed + ' bytes, ' + upTo + ' were written');
    job.hash.update(buffer.subarray(0, n));
    job.hashed += n;
  }
}
parentPort.on('message', (m) => {
  let job = jobs.get(m.id);
  if (m.abort) {
    if (job) close(m.id, job);
    return;
  }
  if (!job) {
    job = { fd: -1, hash: createHash('md5'), hashed: 0, error: undefined };
    jobs.set(m.id, job);
  }
  // The first failure is kept and reported at the end: the writer only waits for that reply.
  try {
    if (job.error === undefined) {
      if (job.fd < 0) job.fd = openSync(m.path, 'r');
      hashUpTo(job, m.upTo);
    }
  } catch (err) {
    job.error = err.message;
  }
  if (!m.end) return;
  close(m.id, job);
  parentPort.postMessage(job.error === undefined ? { id: m.id, md5: job.hash.digest('hex') } : { id: m.id, error: job.error });
});
`;

/** Starts one md5 worker thread. */
export function startHashWorker(): Worker {
  return new Worker(WORKER_SOURCE, { eval: true });
}

/** Tell the worker about written bytes in steps of at least this much (fewer messages, same overlap). */
const ADVANCE_STEP = 4 * 1024 * 1024;

interface Reply {
  readonly id: number;
  readonly md5?: string;
  readonly error?: string;
}

interface Waiter {
  readonly resolve: (md5: string) => void;
  readonly reject: (err: Error) => void;
}

/**
 * One worker and the files it hashes. Once the worker is gone (it exited:
 * out of memory, terminated, a crash) `stopped` says why, every waiter has
 * been rejected with it, and the pool no longer hands the slot out.
 */
interface PooledWorker {
  readonly worker: Worker;
  readonly waiting: Map<number, Waiter>;
  active: number;
  stopped: Error | undefined;
}

/** One file being hashed by a worker. */
export class FileMd5 {
  private told = 0;
  private ended = false;

  constructor(
    private readonly pool: HashPool,
    private readonly slot: PooledWorker,
    private readonly id: number,
    private readonly path: string,
  ) {}

  /** The first `written` bytes of the file are on disk. */
  advance(written: number): void {
    if (written - this.told < ADVANCE_STEP || this.slot.stopped) return;
    this.told = written;
    this.slot.worker.postMessage({ id: this.id, path: this.path, upTo: written });
  }

  /**
   * The md5 of the first `size` bytes (the whole file, once every write has
   * completed). Rejects when the worker stops before it answers.
   */
  digest(size: number): Promise<string> {
    this.ended = true;
    const result = new Promise<string>((resolve, reject) => {
      if (this.slot.stopped) return reject(this.slot.stopped);
      this.slot.waiting.set(this.id, { resolve, reject });
      this.slot.worker.postMessage({ id: this.id, path: this.path, upTo: size, end: true });
    });
    return result.finally(() => this.pool.release(this.slot));
  }

  /** Stops hashing (the transfer failed); idempotent. */
  abort(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.slot.stopped) this.slot.worker.postMessage({ id: this.id, abort: true });
    this.pool.release(this.slot);
  }
}

/**
 * A few md5 workers, started on first use, that never keep the process
 * alive. A worker that stops fails only the files it held (the transfer
 * retries them) and is replaced on the next file: the pool never hangs.
 */
export class HashPool {
  private readonly slots: PooledWorker[] = [];
  private nextId = 1;

  constructor(
    private readonly size = Math.max(1, Math.min(availableParallelism(), 4)),
    private readonly start: () => Worker = startHashWorker,
  ) {}

  /** Starts hashing `path`, which is being written from offset 0. */
  hashFile(path: string): FileMd5 {
    const slot = this.leastBusy();
    slot.active++;
    if (slot.active === 1) slot.worker.ref();
    return new FileMd5(this, slot, this.nextId++, path);
  }

  release(slot: PooledWorker): void {
    slot.active--;
    if (slot.active === 0) slot.worker.unref();
  }

  private leastBusy(): PooledWorker {
    if (this.slots.length < this.size) {
      const slot = this.startWorker();
      this.slots.push(slot);
      return slot;
    }
    return this.slots.reduce((best, slot) => (slot.active < best.active ? slot : best));
  }

  private startWorker(): PooledWorker {
    const worker = this.start();
    const slot: PooledWorker = { worker, waiting: new Map(), active: 0, stopped: undefined };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiter = slot.waiting.get(reply.id);
      slot.waiting.delete(reply.id);
      if (reply.md5 !== undefined) waiter?.resolve(reply.md5);
      else waiter?.reject(new Error(`hashing failed: ${reply.error ?? 'no reason given'}`));
    });
    // 'error' (an uncaught exception, ERR_WORKER_OUT_OF_MEMORY) is always followed by 'exit'; keep its reason.
    let failure: Error | undefined;
    worker.on('error', (err) => {
      failure ??= err;
    });
    worker.on('exit', (code) => this.retire(slot, new Error(`hashing failed: the md5 worker stopped (exit code ${code})${failure ? `: ${failure.message}` : ''}`)));
    return slot;
  }

  /** Takes a stopped worker out of the pool and fails what it held. */
  private retire(slot: PooledWorker, reason: Error): void {
    slot.stopped = reason;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    for (const waiter of slot.waiting.values()) waiter.reject(reason);
    slot.waiting.clear();
  }
}
