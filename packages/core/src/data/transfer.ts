import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, openSync, writeFileSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError, type ObjectStore } from '../storage/types.js';
import { HashPool, type FileMd5 } from './hash-pool.js';
import { StreamingHasher, type HashName } from './hashing.js';
import type { Check, PlannedFile } from './plan.js';

/** The bytes arrived but are not the ones recorded: never retried, never kept. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';
}

/** Objects at least this big are fetched as ranged parts in parallel. */
export const RANGED_THRESHOLD = 64 * 1024 * 1024;
const PART_SIZE = 16 * 1024 * 1024;
const PARTS_IN_FLIGHT = 4;
const ATTEMPTS = 5;
/** Objects past this size are hashed in a worker thread; below it the round trip costs more than the md5. */
const WORKER_HASH_THRESHOLD = 1024 * 1024;

/** Objects up to this size (when the plan knows it) are received in memory and written with one call. */
const SMALL_OBJECT = 256 * 1024;

const HASH_POOL = new HashPool();

/** What a finished transfer or check learned about the bytes. */
export interface Hashed {
  readonly md5: string;
  readonly size: number;
}

/**
 * Streams an object into `tempFile`, hashing while writing, and checks size
 * and hash before returning. Transient faults (resets, 5xx that outlived the
 * SDK's own retries, truncated bodies) restart the object after a backoff
 * with jitter; a missing object or a hash mismatch fails at once. On failure
 * the temp file is gone.
 */
export async function downloadVerified(store: ObjectStore, file: PlannedFile, tempFile: string, onBytes: (count: number) => void): Promise<Hashed> {
  for (let attempt = 1; ; attempt++) {
    let counted = 0;
    const count = (n: number): void => {
      counted += n;
      onBytes(n);
    };
    try {
      // md5 is sequential: ranged parts arriving out of order need it from the file, so DVC 2.x objects stream whole.
      const hashed =
        file.size !== undefined && file.size >= RANGED_THRESHOLD && file.check.kind !== 'md5-dos2unix'
          ? verify(file, await downloadRanged(store, file, file.size, tempFile, count))
          : verify(file, await writeHashed(await store.read(file.key, versionOf(file)), file, tempFile, count));
      await checkContent(file, tempFile);
      return hashed;
    } catch (err) {
      onBytes(-counted); // progress counts only bytes that stay
      await rm(tempFile, { force: true });
      if (err instanceof NotFoundError || err instanceof VerificationError || attempt >= ATTEMPTS) {
        throw new Error(`${store.description}/${file.key}: ${(err as Error).message}`, { cause: err });
      }
      await sleep(backoffMs(attempt));
    }
  }
}

/** Copies a cached object to a temp file beside `dest` while hashing it, then renames it over `dest`. */
export async function installVerified(source: string, file: PlannedFile, dest: string): Promise<Hashed> {
  const temp = tempBeside(dest);
  try {
    const hashed = verify(file, await writeHashed(createReadStream(source, { highWaterMark: 1024 * 1024 }), file, temp, () => undefined));
    await checkContent(file, temp);
    await rename(temp, dest);
    return hashed;
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Hashes a file already in the destination; its hash under the plan's check, or undefined when it does not match. */
export async function matchesExisting(dest: string, file: PlannedFile): Promise<Hashed | undefined> {
  if (file.check.kind === 'size') return undefined; // nothing to compare with but the size: fetch it
  const hasher = new StreamingHasher(file.check.kind);
  try {
    await pipeline(createReadStream(dest, { highWaterMark: 1024 * 1024 }), hashingSink(hasher));
    const hashed = verify(file, hasher.digest());
    await checkContent(file, dest);
    return hashed;
  } catch {
    return undefined;
  }
}

function verify(file: PlannedFile, { md5, hash, size }: Digest): Hashed {
  if (file.size !== undefined && size !== file.size) throw new VerificationError(`got ${size} bytes, expected ${file.size}`);
  if (file.check.kind !== 'size' && hash !== file.check.hash) {
    throw new VerificationError(`content does not match its recorded ${file.check.kind} (expected ${file.check.hash}, got ${hash})`);
  }
  return { md5, size };
}

/** The plan's check beyond size and hash, on bytes already verified by both. */
async function checkContent(file: PlannedFile, onDisk: string): Promise<void> {
  const wrong = await file.contentCheck?.(onDisk);
  if (wrong !== undefined) throw new VerificationError(wrong);
}

async function downloadRanged(store: ObjectStore, file: PlannedFile, size: number, tempFile: string, onBytes: (n: number) => void): Promise<Digest> {
  // Parts stream straight to their offsets, PARTS_IN_FLIGHT at a time, so
  // memory stays flat; a worker hashes the file as its contiguous written
  // prefix grows (md5 cannot be computed out of order).
  const parts = Math.ceil(size / PART_SIZE);
  const written = new Array<number>(parts).fill(0);
  const fd = openSync(tempFile, 'w');
  const md5 = HASH_POOL.hashFile(tempFile);
  let complete = 0; // parts below this index are fully written
  const advance = (): void => {
    while (complete < parts && written[complete] === partLength(size, complete)) complete++;
    md5.advance(complete < parts ? complete * PART_SIZE + (written[complete] as number) : size);
  };
  let next = 0;
  let stopped = false; // a part failed: the others stop at their next chunk
  const fetchPart = async (index: number): Promise<void> => {
    const start = index * PART_SIZE;
    const end = start + partLength(size, index) - 1;
    for await (const chunk of await store.read(file.key, { ...versionOf(file), range: { start, end } })) {
      if (stopped) return;
      const buffer = chunk as Buffer;
      const position = start + (written[index] as number);
      if (position + buffer.length > end + 1) throw new Error(`part ${index + 1}/${parts}: more bytes than the range asked for`);
      writeAll(fd, buffer, position);
      written[index] = (written[index] as number) + buffer.length;
      onBytes(buffer.length);
      if (index === complete) advance();
    }
    if (written[index] !== end - start + 1) throw new Error(`part ${index + 1}/${parts}: got ${written[index]} bytes, expected ${end - start + 1}`);
    advance();
  };
  const fetchParts = async (): Promise<void> => {
    try {
      while (!stopped && next < parts) await fetchPart(next++);
    } catch (err) {
      stopped = true;
      throw err;
    }
  };
  // Every part settles before the descriptor closes: a write after close could land in a file that reused its number.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(PARTS_IN_FLIGHT, parts) }, fetchParts));
  closeSync(fd);
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    md5.abort();
    throw failure.reason;
  }
  const hex = await md5.digest(size);
  return { md5: hex, hash: hex, size };
}

function partLength(size: number, index: number): number {
  return Math.min(PART_SIZE, size - index * PART_SIZE);
}

/** The raw md5, the hash under the file's check, and the byte count. */
type Digest = ReturnType<StreamingHasher['digest']>;

/**
 * Writes a stream to `tempFile` (created or truncated), hashing what is
 * written: inline while the object is small or a DVC 2.x text object, else
 * in a worker that reads the written bytes back from the page cache.
 */
async function writeHashed(source: Readable, file: PlannedFile, tempFile: string, onBytes: (n: number) => void): Promise<Digest> {
  if (file.size !== undefined && file.size <= SMALL_OBJECT) return writeSmall(source, file, file.size, tempFile, onBytes);
  const fd = openSync(tempFile, 'w');
  const hash = new AdaptiveHash(file, tempFile);
  try {
    await pipeline(source, fileWriter(fd, hash, onBytes));
  } catch (err) {
    hash.abort();
    throw err;
  } finally {
    closeSync(fd);
  }
  return hash.digest();
}

/**
 * A small object: hashed as it arrives, written with one synchronous call.
 * For a few KiB a synchronous write is cheaper than the thread-pool round
 * trips of a stream (open, write, close each wake a thread), which dominate
 * pulls of many small files on a busy machine.
 */
async function writeSmall(source: Readable, file: PlannedFile, size: number, tempFile: string, onBytes: (n: number) => void): Promise<Digest> {
  const hasher = new StreamingHasher(hashNameOf(file.check));
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of source) {
    const buffer = chunk as Buffer;
    received += buffer.length;
    if (received > size) throw new VerificationError(`got more than the ${size} bytes listed`);
    hasher.update(buffer);
    chunks.push(buffer);
    onBytes(buffer.length);
  }
  writeFileSync(tempFile, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  return hasher.digest();
}

/**
 * The end of a pipeline that writes chunks in order to `fd` and reports each
 * written one. Writes are synchronous: a network chunk goes to the page cache
 * in microseconds, less than the thread-pool round trip of an async write.
 */
function fileWriter(fd: number, hash: AdaptiveHash, onBytes: (n: number) => void): Writable {
  let position = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        writeAll(fd, chunk, position);
      } catch (err) {
        done(err as Error);
        return;
      }
      position += chunk.length;
      hash.written(chunk, position);
      onBytes(chunk.length);
      done();
    },
  });
}

/** pwrite until the whole buffer is written (a write may be partial). */
function writeAll(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done, buffer.length - done, position + done);
}

/**
 * Hashes bytes as they are written: inline (StreamingHasher) until the
 * object turns out large, then — for plain md5 — hands over to a worker
 * that hashes the file from its start, so big objects never hash on the
 * event loop. DVC 2.x hashes stay inline (their text rules live here only).
 */
class AdaptiveHash {
  private inline: StreamingHasher | undefined;
  private worker: FileMd5 | undefined;
  private size = 0;

  constructor(
    private readonly file: PlannedFile,
    private readonly path: string,
  ) {
    if (this.canUseWorker() && file.size !== undefined && file.size >= WORKER_HASH_THRESHOLD) this.worker = HASH_POOL.hashFile(path);
    else this.inline = new StreamingHasher(hashNameOf(file.check));
  }

  /** `chunk` is now on disk, ending at byte `end`. */
  written(chunk: Buffer, end: number): void {
    this.size = end;
    if (this.inline && this.canUseWorker() && end >= WORKER_HASH_THRESHOLD) {
      this.inline = undefined;
      this.worker = HASH_POOL.hashFile(this.path);
    }
    if (this.inline) this.inline.update(chunk);
    else this.worker?.advance(end);
  }

  async digest(): Promise<Digest> {
    if (this.inline) return this.inline.digest();
    const md5 = await (this.worker as FileMd5).digest(this.size);
    return { md5, hash: md5, size: this.size };
  }

  abort(): void {
    this.worker?.abort();
  }

  private canUseWorker(): boolean {
    return this.file.check.kind !== 'md5-dos2unix';
  }
}

/** The end of a pipeline that only hashes (a Transform nobody reads from would stall at its buffer size). */
function hashingSink(hasher: StreamingHasher): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      hasher.update(chunk);
      done();
    },
  });
}

function hashNameOf(check: Check): HashName {
  return check.kind === 'md5-dos2unix' ? 'md5-dos2unix' : 'md5';
}

function versionOf(file: PlannedFile): { versionId?: string } {
  return file.versionId ? { versionId: file.versionId } : {};
}

/**
 * A temp file name in the same folder as `dest` (so the rename over it is
 * atomic): `.<name>.mlops-ci-<8 hex>.tmp`. A killed run can leave one; the
 * next run sweeps them (isTempBeside).
 */
export function tempBeside(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.mlops-ci-${randomUUID().slice(0, 8)}.tmp`);
}

const TEMP_BESIDE = /^\..+\.mlops-ci-[0-9a-f]{8}\.tmp$/;

/** Whether a file name is one tempBeside makes. */
export function isTempBeside(name: string): boolean {
  return TEMP_BESIDE.test(name);
}

/** Exponential backoff with full jitter: 0.25 s, 0.5 s, 1 s... times 0.5–1.5. */
function backoffMs(attempt: number): number {
  return 250 * 2 ** (attempt - 1) * (0.5 + Math.random());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
