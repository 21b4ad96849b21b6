import { randomUUID } from 'node:crypto';
import { constants, existsSync, mkdirSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { copyFile, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { planEviction, type CacheEntry } from '../cache-cap.js';

export interface EvictionResult {
  readonly evicted: number;
  readonly evictedBytes: number;
  /** Bytes of objects left: above the cap only when what this run needs (or another run is using) is larger. */
  readonly remainingBytes: number;
}

/** A temp file older than this is a killed run's: in-flight ones are written to continually. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The local content-addressed cache (`cache-dir`): every verified object,
 * named by its hash (`md5/ab/cdef…`, `md5-dos2unix/…`, `etag/…`), plus the
 * state files. Objects enter only whole and verified, through a temp file in
 * the same folder tree and a rename, so a killed pull never leaves a bad one.
 * This folder is what the cross-run cache saves and restores.
 *
 * An object's mtime is its last use (set when a run finds it, kept through
 * the cross-run cache's tar), which is what `evictToCap` orders by.
 */
export class ObjectCache {
  private readonly madeDirs = new Set<string>();
  /** Objects this run found or added: never evicted by it. */
  private readonly used = new Set<string>();
  private added = false;

  /** Whether this run added an object: only then can the cache have grown past its cap. */
  get grew(): boolean {
    return this.added;
  }

  constructor(readonly root: string) {}

  pathOf(id: string): string {
    const [kind, name = ''] = id.split('/', 2) as [string, string?];
    return path.join(this.root, 'objects', kind, name.slice(0, 2), name.slice(2));
  }

  /** Whether the cache holds `id`; a found object counts as used now (see evictToCap). */
  has(id: string): boolean {
    const found = existsSync(this.pathOf(id));
    if (found) this.markUsed(id);
    return found;
  }

  /** A fresh temp path inside the cache (same file system as the objects, so rename is atomic). */
  tempPath(): string {
    const dir = this.tempDir();
    this.ensureDir(dir);
    return path.join(dir, randomUUID());
  }

  /**
   * Removes temp files a killed pull left (they would otherwise stay, and
   * travel with every cross-run save). Only old ones: another pull on this
   * machine may be writing into the same cache right now.
   */
  async sweepStaleTemps(now = Date.now()): Promise<void> {
    const dir = this.tempDir();
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
    }
  }

  /** Moves a verified temp file into place under `id`. */
  async adopt(tempFile: string, id: string): Promise<string> {
    const target = this.pathOf(id);
    this.ensureDir(path.dirname(target));
    await rename(tempFile, target);
    this.used.add(id);
    this.added = true;
    return target;
  }

  /**
   * Adds a copy of a verified file under `id`: a reflink where the file
   * system has them, else a copy in the kernel, off the event loop. Never a
   * hard link: the destination file would share its inode, and editing that
   * file in place would destroy the one copy meant to put it right.
   */
  async keep(file: string, id: string): Promise<void> {
    if (this.has(id)) return; // the same bytes, kept by a parallel transfer
    const temp = this.tempPath();
    try {
      await copyFile(file, temp, constants.COPYFILE_FICLONE);
      await this.adopt(temp, id);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async read(id: string): Promise<Buffer | undefined> {
    const bytes = await readFile(this.pathOf(id)).catch(() => undefined);
    if (bytes !== undefined) this.markUsed(id);
    return bytes;
  }

  /**
   * Removes the least recently used objects until the cache holds at most
   * `maxBytes`, after a pull. Never one this run used or added, one `needed`
   * names (the run's plan), or one another run used in the last minutes
   * (IN_USE_GRACE_MS). Each object is one file, so a removal is one unlink: a
   * killed eviction leaves every object whole or gone, never half. Temp
   * files and state files are not counted (both are small and swept).
   */
  async evictToCap(maxBytes: number, needed: ReadonlySet<string> = new Set(), now = Date.now()): Promise<EvictionResult> {
    const objects = this.listObjects();
    const { evict, remainingBytes } = planEviction(objects, maxBytes, (object) => this.used.has(object.name) || needed.has(object.name), now);
    for (const object of evict) await rm(this.pathOf(object.name), { force: true });
    return { evicted: evict.length, evictedBytes: evict.reduce((sum, object) => sum + object.bytes, 0), remainingBytes };
  }

  /** Drops an object found corrupt, so the next read goes to the remote. */
  async evict(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  statePath(name: string): string {
    const dir = path.join(this.root, 'state');
    this.ensureDir(dir);
    return path.join(dir, `${name}.json`);
  }

  /**
   * Every object, named by its id (`<kind>/<hash>`), with its size and last
   * use. Synchronous: ten thousand stats on one thread take a fraction of
   * their cost through the thread pool, and the step waits for them anyway.
   */
  private listObjects(): CacheEntry[] {
    const objects: CacheEntry[] = [];
    const root = path.join(this.root, 'objects');
    for (const kind of namesIn(root)) {
      for (const prefix of namesIn(path.join(root, kind))) {
        for (const rest of namesIn(path.join(root, kind, prefix))) {
          const info = statSync(path.join(root, kind, prefix, rest), { throwIfNoEntry: false });
          if (info?.isFile()) objects.push({ name: `${kind}/${prefix}${rest}`, bytes: info.size, lastUsedMs: info.mtimeMs });
        }
      }
    }
    return objects;
  }

  /** Records a use: in this run (never evicted by it), and on disk as the mtime (for later runs' LRU). */
  private markUsed(id: string): void {
    if (this.used.has(id)) return;
    this.used.add(id);
    const now = new Date();
    try {
      utimesSync(this.pathOf(id), now, now);
    } catch {
      // A cache on a read-only or foreign-owned disk still serves; its order is only less exact.
    }
  }

  private tempDir(): string {
    return path.join(this.root, 'tmp');
  }

  private ensureDir(dir: string): void {
    if (this.madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.madeDirs.add(dir);
  }
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
