import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, readFile, realpath, rename, rm, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BlobStore, TaggedObject } from './blob-store.js';
import { processExists } from '../process-exists.js';

/**
 * A lock older than this is stale whoever holds it, alive or not: a critical
 * section here lasts milliseconds, and a PID that looks alive may be another
 * process that reused the number of a killed owner.
 */
const STALE_LOCK_MS = 30_000;
const LOCK_RETRY_MS = 5;

/**
 * A folder as a registry store, with S3's conditional-write guarantees:
 * - every write goes to a unique temp name first, so no reader ever sees half a file;
 * - create-only is `link(temp, key)`, which fails when the key exists (atomic on POSIX);
 * - compare-and-swap holds `<key>.lock` (exclusive create) while it compares
 *   the tag (sha256 of the content) and renames the new content into place.
 * Each lock names its owner (host, PID and a random token, so only the owner
 * releases it). A lock left by a killed process is taken over, with a line in
 * the log, when its owner process is gone (same host) or when it is older than
 * 30 s, whoever holds it (PID reuse, another host sharing the folder).
 *
 * Every path is checked to stay inside the root once symlinks are resolved:
 * a `versions` symlink planted in the registry would otherwise lead writes
 * (and reads of what looks like lineage) anywhere on the machine.
 */
export class LocalBlobStore implements BlobStore {
  readonly description: string;

  /** @param log hears when a stale lock is taken over. Optional. */
  constructor(
    private readonly root: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.description = root;
  }

  async get(key: string): Promise<TaggedObject | null> {
    try {
      const body = await readFile(await this.pathOf(key));
      return { body, etag: sha256(body) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async createOnly(key: string, body: Buffer | string): Promise<boolean> {
    const target = await this.pathOf(key);
    const staging = await this.stage(target, body);
    try {
      await link(staging, target);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      await rm(staging, { force: true });
    }
  }

  async replaceIf(key: string, body: Buffer | string, etag: string): Promise<boolean> {
    const target = await this.pathOf(key);
    const staging = await this.stage(target, body);
    try {
      return await this.withLock(target, async () => {
        const current = await this.get(key);
        if (!current || current.etag !== etag) return false;
        await rename(staging, target);
        return true;
      });
    } finally {
      await rm(staging, { force: true });
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (dir: string, keyPrefix: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const entry of entries) {
        if (isScratch(entry.name)) continue;
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${keyPrefix}${entry.name}/`);
        else keys.push(`${keyPrefix}${entry.name}`);
      }
    };
    await walk(await this.pathOf(prefix), prefix);
    return keys;
  }

  async upload(key: string, file: string, expectedSha256: string, size: number): Promise<void> {
    const target = await this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const staging = scratchName(target);
    try {
      await copyFile(file, staging);
      const copied = await hashFile(staging);
      const { size: copiedSize } = await stat(staging);
      if (copied !== expectedSha256 || copiedSize !== size) {
        throw new Error(`copy of ${file} to ${this.locate(key)} does not match its sha256 (the file changed while uploading?)`);
      }
      await rename(staging, target);
    } finally {
      await rm(staging, { force: true });
    }
  }

  async delete(key: string): Promise<void> {
    const target = await this.pathOf(key);
    await rm(target, { force: true });
    await this.removeEmptyFolders(path.dirname(target));
  }

  async removeLeftovers(prefix: string, before: Date): Promise<string[]> {
    const removed: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [];
        throw err;
      });
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (isScratch(entry.name) && (await lstat(full)).mtimeMs < before.getTime()) {
          await rm(full, { force: true });
          removed.push(full);
        }
      }
    };
    const top = await this.pathOf(prefix);
    await walk(top);
    await this.removeEmptyFolders(top);
    return removed;
  }

  /** Removes `dir` and its parents while they are empty, up to (not including) the root: a removed version leaves no empty folder. */
  private async removeEmptyFolders(dir: string): Promise<void> {
    for (let current = dir; isInside(this.root, current) && current !== this.root; current = path.dirname(current)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): its parents are not empty either
      }
    }
  }

  /** The path of `key`; a prefix (`…/`) keeps its trailing slash, as on S3. */
  locate(key: string): string {
    const where = path.join(this.root, ...key.split('/'));
    return key.endsWith('/') ? `${where}${path.sep}` : where;
  }

  /**
   * The path of `key`, checked: no empty, `.` or `..` part, and, with
   * symlinks resolved, inside the root. Throws UnsafeRegistryPath otherwise.
   */
  private async pathOf(key: string): Promise<string> {
    const parts = key.endsWith('/') ? key.slice(0, -1).split('/') : key.split('/');
    if (key !== '' && parts.some((part) => part === '' || part === '.' || part === '..')) {
      throw new UnsafeRegistryPath(`registry key '${key}' is not a plain path inside the registry ${this.root}`);
    }
    const target = path.join(this.root, ...parts);
    const [realRoot, realTarget] = await Promise.all([resolveExisting(this.root, this.root), resolveExisting(target, this.root)]);
    if (!isInside(realRoot, realTarget)) {
      const escaping = await this.firstEscapingPart(target, realRoot);
      const relative = path.relative(this.root, escaping).split(path.sep).join('/');
      throw new UnsafeRegistryPath(`registry path ${relative} leads outside the registry ${this.root} (to ${await resolveExisting(escaping, this.root)}): refusing to read or write through it`);
    }
    return target;
  }

  /** The shortest ancestor of `target` that resolves outside the root: the planted link a message should name. */
  private async firstEscapingPart(target: string, realRoot: string): Promise<string> {
    let escaping = target;
    for (let parent = path.dirname(escaping); parent !== escaping; parent = path.dirname(escaping)) {
      if (isInside(realRoot, await resolveExisting(parent, this.root))) break;
      escaping = parent;
    }
    return escaping;
  }

  /** The content at a unique temp name beside the target (same filesystem, so link/rename are atomic). */
  private async stage(target: string, body: Buffer | string): Promise<string> {
    await mkdir(path.dirname(target), { recursive: true });
    const staging = scratchName(target);
    await writeFile(staging, body);
    return staging;
  }

  private async withLock<T>(target: string, fn: () => Promise<T>): Promise<T> {
    const lock = `${target}.lock`;
    const token = `${os.hostname()} ${process.pid} ${randomUUID()}`;
    // The lock appears whole, owner included (link of a written file), so a
    // process killed while taking it never leaves an anonymous lock behind.
    const staged = await this.stage(lock, token);
    try {
      for (;;) {
        try {
          await link(staged, lock);
          // Its age counts from now, not from when it was staged (another host judges it by age).
          const now = new Date();
          await utimes(lock, now, now);
          break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          await breakIfStale(lock, this.log);
          await sleep(LOCK_RETRY_MS + Math.random() * LOCK_RETRY_MS);
        }
      }
    } finally {
      await rm(staged, { force: true });
    }
    try {
      return await fn();
    } finally {
      // Release only our own lock: a stale-lock breaker may have taken it already.
      const holder = await readFile(lock, 'utf8').catch(() => null);
      if (holder === token) await unlink(lock).catch(() => undefined);
    }
  }
}

/**
 * Removes a stale lock. It is renamed away first (atomic), and only deleted
 * when the renamed file is the one judged stale; a fresh lock taken meanwhile
 * is put back.
 */
async function breakIfStale(lock: string, log: (message: string) => void): Promise<void> {
  const text = await readFile(lock, 'utf8').catch(() => null);
  if (text === null) return;
  const info = await stat(lock).catch(() => null);
  if (!info) return;
  const holder = parseHolder(text);
  const ageMs = Date.now() - info.mtimeMs;
  const why = staleness(holder, ageMs);
  if (!why) return;
  const aside = scratchName(lock);
  try {
    await rename(lock, aside);
  } catch {
    return; // someone else broke or released it
  }
  const taken = await readFile(aside, 'utf8').catch(() => null);
  if (taken !== text) await link(aside, lock).catch(() => undefined);
  else log(`Took over the lock ${lock} of pid ${holder.pid ?? '?'} on ${holder.host || '?'}: ${why} (held ${Math.round(ageMs / 1000)} s)`);
  await rm(aside, { force: true });
}

/** Who holds a lock, as its file says: `<host> <pid> <token>`. */
interface LockHolder {
  readonly host: string;
  readonly pid: number | null;
}

function parseHolder(text: string): LockHolder {
  const [host = '', pid = ''] = text.split(' ');
  return { host, pid: /^\d+$/.test(pid) ? Number(pid) : null };
}

/**
 * Why a lock may be taken over, or null while its owner may still be in its
 * critical section: any lock older than the limit (a live PID proves nothing:
 * it may have been reused), or, on this host, one whose owner process is gone.
 */
function staleness(holder: LockHolder, ageMs: number): string | null {
  if (ageMs > STALE_LOCK_MS) return `older than ${STALE_LOCK_MS / 1000} s`;
  if (holder.host === os.hostname() && holder.pid !== null && !processExists(holder.pid)) return 'its owner process is gone';
  return null;
}


/** A registry path that would lead outside the registry (a planted symlink): corrupt data, exit 1. */
export class UnsafeRegistryPath extends Error {
  override readonly name = 'UnsafeRegistryPath';
}

/**
 * `file` with symlinks resolved as far as it exists; the parts that do not
 * exist yet are appended as they are. A dangling symlink on the way is
 * refused: what it leads to could be created later, anywhere.
 */
async function resolveExisting(file: string, root: string): Promise<string> {
  const missing: string[] = [];
  let current = file;
  for (;;) {
    const resolved = await realpathOrNull(current);
    if (resolved !== null) return path.join(resolved, ...missing.reverse());
    const info = await lstat(current).catch(() => null);
    if (info?.isSymbolicLink() && (await realpathOrNull(current)) === null) {
      throw new UnsafeRegistryPath(`registry path ${path.relative(root, current).split(path.sep).join('/')} is a symlink to nowhere in the registry ${root}: refusing to read or write through it`);
    }
    // Created by another writer since realpath looked: resolve it again.
    if (info) continue;
    if (path.dirname(current) === current) return file;
    missing.push(path.basename(current));
    current = path.dirname(current);
  }
}

/** realpath, or null when something on the way does not exist. */
async function realpathOrNull(file: string): Promise<string | null> {
  try {
    return await realpath(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

const SCRATCH = '.mlops-ci-tmp-';

function scratchName(target: string): string {
  return path.join(path.dirname(target), `${SCRATCH}${path.basename(target)}-${randomUUID()}`);
}

/** Temp files and locks are not objects: listings skip them. */
export function isScratch(name: string): boolean {
  return name.startsWith(SCRATCH) || name.endsWith('.lock');
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The digests a store checks a file by: sha256 (the registry's), md5 (Cloud Storage's, Azure's, S3's ETag). */
export type HashAlgorithm = 'sha256' | 'md5';

export interface HashFileOptions {
  /** Hears the bytes hashed so far after each chunk. Optional. */
  readonly onProgress?: (bytes: number) => void;
  /** Inclusive byte range to hash instead of the whole file (one S3 part). Optional. */
  readonly range?: { readonly start: number; readonly end: number };
}

/** The file's digests, one per algorithm, from one streamed read however many are asked for. */
export async function fileDigests<A extends HashAlgorithm>(file: string, algorithms: readonly A[], options: HashFileOptions = {}): Promise<Record<A, Buffer>> {
  const hashes = algorithms.map((algorithm) => [algorithm, createHash(algorithm)] as const);
  let bytes = 0;
  for await (const chunk of createReadStream(file, options.range ?? {})) {
    for (const [, hash] of hashes) hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    options.onProgress?.(bytes);
  }
  return Object.fromEntries(hashes.map(([algorithm, hash]) => [algorithm, hash.digest()])) as Record<A, Buffer>;
}

/** sha256 of a file as hex, streamed; `onProgress` hears the bytes hashed so far after each chunk. */
export async function hashFile(file: string, onProgress?: (bytes: number) => void): Promise<string> {
  return (await fileDigests(file, ['sha256'], onProgress ? { onProgress } : {})).sha256.toString('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
