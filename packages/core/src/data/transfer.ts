import { randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError, type ObjectStore } from '../storage/types.js';
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
      const hasher = new StreamingHasher(hashNameOf(file.check));
      if (file.size !== undefined && file.size >= RANGED_THRESHOLD) await downloadRanged(store, file, file.size, tempFile, hasher, count);
      else await pipeline(await store.read(file.key, versionOf(file)), hashingCounter(hasher, count), createWriteStream(tempFile));
      return verify(file, hasher);
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
    const hasher = new StreamingHasher(hashNameOf(file.check));
    await pipeline(createReadStream(source), hashingCounter(hasher, () => undefined), createWriteStream(temp));
    const hashed = verify(file, hasher);
    await rename(temp, dest);
    return hashed;
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * Installs an object just verified: a copy (a reflink where the file system
 * has them) and a rename. Never a hard link: two dataset files with the same
 * bytes would share one inode, and editing one would change the other.
 */
export async function installTrusted(source: string, dest: string): Promise<void> {
  const temp = tempBeside(dest);
  try {
    await copyFile(source, temp, constants.COPYFILE_FICLONE);
    await rename(temp, dest);
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
    return verify(file, hasher);
  } catch {
    return undefined;
  }
}

function verify(file: PlannedFile, hasher: StreamingHasher): Hashed {
  const { md5, hash, size } = hasher.digest();
  if (file.size !== undefined && size !== file.size) throw new VerificationError(`got ${size} bytes, expected ${file.size}`);
  if (file.check.kind !== 'size' && hash !== file.check.hash) {
    throw new VerificationError(`content does not match its recorded ${file.check.kind} (expected ${file.check.hash}, got ${hash})`);
  }
  return { md5, size };
}

async function downloadRanged(store: ObjectStore, file: PlannedFile, size: number, tempFile: string, hasher: StreamingHasher, onBytes: (n: number) => void): Promise<void> {
  // Parts stream straight to their offsets, PARTS_IN_FLIGHT at a time, so
  // memory stays flat; md5 cannot be computed out of order, so the file is
  // hashed once complete, from the page cache (md5, not the disk, is the limit).
  const parts = Math.ceil(size / PART_SIZE);
  const handle = await open(tempFile, 'w');
  try {
    await handle.truncate(size);
    let next = 0;
    const fetchParts = async (): Promise<void> => {
      while (next < parts) {
        const index = next++;
        const start = index * PART_SIZE;
        const end = Math.min(size, start + PART_SIZE) - 1;
        let position = start;
        for await (const chunk of await store.read(file.key, { ...versionOf(file), range: { start, end } })) {
          const buffer = chunk as Buffer;
          if (position + buffer.length > end + 1) throw new Error(`part ${index + 1}/${parts}: more bytes than the range asked for`);
          await handle.write(buffer, 0, buffer.length, position);
          position += buffer.length;
          onBytes(buffer.length);
        }
        if (position !== end + 1) throw new Error(`part ${index + 1}/${parts}: got ${position - start} bytes, expected ${end - start + 1}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, parts) }, fetchParts));
  } finally {
    await handle.close();
  }
  await pipeline(createReadStream(tempFile, { highWaterMark: 1024 * 1024 }), hashingSink(hasher));
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

function hashingCounter(hasher: StreamingHasher, onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hasher.update(chunk);
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

function hashNameOf(check: Check): HashName {
  return check.kind === 'md5-dos2unix' ? 'md5-dos2unix' : 'md5';
}

function versionOf(file: PlannedFile): { versionId?: string } {
  return file.versionId ? { versionId: file.versionId } : {};
}

function tempBeside(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.mlops-ci-${randomUUID().slice(0, 8)}.tmp`);
}

/** Exponential backoff with full jitter: 0.25 s, 0.5 s, 1 s... times 0.5–1.5. */
function backoffMs(attempt: number): number {
  return 250 * 2 ** (attempt - 1) * (0.5 + Math.random());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
