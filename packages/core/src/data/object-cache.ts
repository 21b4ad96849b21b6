import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

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
    const dir = path.join(this.root, 'tmp');
    this.ensureDir(dir);
    return path.join(dir, randomUUID());
  }

  /** Moves a verified temp file into place under `id`. */
  async adopt(tempFile: string, id: string): Promise<string> {
    const target = this.pathOf(id);
    this.ensureDir(path.dirname(target));
    await rename(tempFile, target);
    return target;
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

  private ensureDir(dir: string): void {
    if (this.madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.madeDirs.add(dir);
  }
}
