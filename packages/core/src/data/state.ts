import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs-atomic.js';
import type { ObjectCache } from './object-cache.js';

/** What we know about a file we put in place: enough to trust it again without reading it. */
export interface FileState {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  /** md5 of the bytes. */
  readonly md5: string;
  /** What the plan said about it when written (cache id, or key/etag/version): a change of plan means a re-check. */
  readonly source: string;
}

interface StateDocument {
  readonly version: 1;
  readonly root: string;
  readonly files: Record<string, FileState>;
}

/**
 * The state file of one destination, kept in the cache folder (never in the
 * user's data): relpath → size, mtime, inode, md5. A file whose stat still
 * matches is known right without reading a byte — this is what makes a
 * re-pull of an unchanged dataset of 10,000 files take milliseconds.
 */
export class DestinationState {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly files: Map<string, FileState>,
  ) {}

  get(relpath: string): FileState | undefined {
    return this.files.get(relpath);
  }

  set(relpath: string, state: FileState): void {
    this.files.set(relpath, state);
    this.dirty = true;
  }

  /** Forgets files no longer planned, so the state does not grow with every version. */
  retainOnly(relpaths: ReadonlySet<string>): void {
    for (const relpath of this.files.keys()) {
      if (relpaths.has(relpath)) continue;
      this.files.delete(relpath);
      this.dirty = true;
    }
  }

  static async load(cache: ObjectCache, root: string): Promise<DestinationState> {
    const file = cache.statePath(createHash('sha256').update(root).digest('hex').slice(0, 32));
    const text = await readFile(file, 'utf8').catch(() => undefined);
    let files = new Map<string, FileState>();
    if (text !== undefined) {
      try {
        const doc = JSON.parse(text) as StateDocument;
        if (doc.version === 1 && doc.root === root) files = new Map(Object.entries(doc.files));
      } catch {
        // A damaged state file only costs a re-check of the files.
      }
    }
    return new DestinationState(file, root, files);
  }

  /** Writes the state when it changed (an unchanged re-pull writes nothing). */
  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const doc: StateDocument = { version: 1, root: this.root, files: Object.fromEntries(this.files) };
    await writeFileAtomic(this.file, JSON.stringify(doc));
  }
}
