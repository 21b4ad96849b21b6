import { randomUUID } from 'node:crypto';
import { constants, existsSync, mkdirSync } from 'node:fs';
import { copyFile, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A temp file older than this is a killed run's: in-flight ones are written to continually. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The local content-addressed cache (`cache-dir`): every verified object,
 * named by its hash (`md5/ab/cdef…`, `md5-dos2unix/…`, `etag/…`), plus the
 * state files. Objects enter only whole and verified, through a temp file in
 * the same folder tree and a rename, so a killed pull never leaves a bad one.
 * This folder is what the cross-run cache saves and restores.
 */
export class ObjectCache {
  private readonly madeDirs = new Set<string>();

  constructor(readonly root: string) {}

  pathOf(id: string): string {
    const [kind, name = ''] = id.split('/', 2) as [string, string?];
    return path.join(this.root, 'objects', kind, name.slice(0, 2), name.slice(2));
  }

  has(id: string): boolean {
    return existsSync(this.pathOf(id));
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
    return target;
  }

  /**
   * Adds a copy of a verified file under `id`: a reflink where the file
   * system has them, else a copy in the kernel, off the event loop. Never a
   * hard link: the destination file would share its inode, and editing that
   * file in place would destroy the one copy meant to put it right.
   */
  async keep(file: string, id: string): Promise<void> {
    const target = this.pathOf(id);
    if (existsSync(target)) return; // the same bytes, kept by a parallel transfer
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
    return readFile(this.pathOf(id)).catch(() => undefined);
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

  private tempDir(): string {
    return path.join(this.root, 'tmp');
  }

  private ensureDir(dir: string): void {
    if (this.madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.madeDirs.add(dir);
  }
}
