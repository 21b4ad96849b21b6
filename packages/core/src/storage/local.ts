import { createReadStream } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { NotFoundError, type ObjectStore, type ReadOptions, type StoredObject } from './types.js';

/**
 * A folder as an object store (a DVC local remote, `file:///abs/dir`, a
 * mounted share). Keys are paths relative to the root with `/` separators;
 * symlinks are followed as the files they point to, as `cp` would.
 */
export class LocalStore implements ObjectStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = root;
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    // A prefix is a folder ('data/') or the start of names in it ('data/img').
    const slash = prefix.lastIndexOf('/');
    const dirKey = slash >= 0 ? prefix.slice(0, slash + 1) : '';
    for await (const object of this.walk(dirKey)) {
      if (object.key.startsWith(prefix)) yield object;
    }
  }

  // eslint-disable-next-line require-yield -- a folder has no history to travel in
  async *listAsOf(): AsyncIterable<StoredObject> {
    throw new Error(`${this.description} is a folder, not a versioned S3 bucket: 'as-of' needs S3 versioning`);
  }

  async head(key: string): Promise<StoredObject | undefined> {
    const info = await stat(this.pathOf(key)).catch(() => undefined);
    return info?.isFile() ? { key, size: info.size, lastModified: info.mtime } : undefined;
  }

  async read(key: string, options: ReadOptions = {}): Promise<Readable> {
    const file = this.pathOf(key);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new NotFoundError(`${key} does not exist in ${this.description}`);
    return createReadStream(file, options.range ? { start: options.range.start, end: options.range.end } : {});
  }

  private pathOf(key: string): string {
    return path.join(this.root, ...key.split('/'));
  }

  private async *walk(dirKey: string): AsyncIterable<StoredObject> {
    const dir = await opendir(this.pathOf(dirKey)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw err;
    });
    if (!dir) return;
    for await (const entry of dir) {
      const key = `${dirKey}${entry.name}`;
      if (entry.isDirectory()) {
        yield* this.walk(`${key}/`);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const info = await stat(this.pathOf(key)).catch(() => undefined);
        if (info?.isFile()) yield { key, size: info.size, lastModified: info.mtime };
        else if (info?.isDirectory()) yield* this.walk(`${key}/`);
      }
    }
  }
}
