import { createReadStream } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { NotFoundError, type ObjectStore, type ReadOptions, type StoredObject } from './types.js';

/**
 * An entry a folder listing refuses: a symlink below the root, or a folder
 * that is already being walked (a cycle through a bind mount).
 */
export class UnsupportedEntryError extends Error {
  override readonly name = 'UnsupportedEntryError';
  constructor(
    /** The entry's key, relative to the store's root. */
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A folder as an object store (a DVC local remote, `file:///abs/dir`, a
 * mounted share). Keys are paths relative to the root with `/` separators.
 * A root that is a symlink is followed; below it, a listing holds regular
 * files and folders only: a symlink there is refused rather than followed
 * (it could lead out of the folder, or into a loop: `x -> .` is 40 nested
 * copies, two such loops never finish), and so is a folder reached again
 * while it is being walked (a bind mount inside itself), known by device and
 * inode.
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

  private async *walk(dirKey: string, walking: ReadonlySet<string> = new Set()): AsyncIterable<StoredObject> {
    const folder = this.pathOf(dirKey);
    const dir = await opendir(folder).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw err;
    });
    if (!dir) return;
    const id = await folderId(folder);
    if (walking.has(id)) {
      await dir.close();
      throw new UnsupportedEntryError(dirKey.slice(0, -1), `${dirKey.slice(0, -1)} below ${this.description} is a folder already being walked (a bind mount inside itself?): refusing to list it twice`);
    }
    const below = new Set(walking).add(id);
    for await (const entry of dir) {
      const key = `${dirKey}${entry.name}`;
      if (entry.isSymbolicLink()) {
        throw new UnsupportedEntryError(key, `${key} is a symlink below ${this.description}; only that folder itself may be one. Replace the link with what it points to, or point at its target`);
      }
      if (entry.isDirectory()) {
        yield* this.walk(`${key}/`, below);
      } else if (entry.isFile()) {
        const info = await stat(this.pathOf(key)).catch(() => undefined);
        if (info?.isFile()) yield { key, size: info.size, lastModified: info.mtime };
      }
    }
  }
}

/** A folder's identity whatever the path it is reached by. */
async function folderId(folder: string): Promise<string> {
  const info = await stat(folder, { bigint: true });
  return `${info.dev}:${info.ino}`;
}
