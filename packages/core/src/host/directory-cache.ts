import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { execCapture } from '../exec.js';
import type { CacheStore, Logger } from './types.js';

const SUFFIX = '.tar';

/**
 * A cache in a plain folder, for Jenkins agents and laptops: each key is one
 * tar archive of the saved paths (by absolute location, as @actions/cache
 * keys them). tar rather than a file-by-file copy: a 390 MB virtualenv
 * restores in under a second instead of nine. A save is written to a temp
 * name and renamed, so a killed save never leaves an entry a later restore
 * would trust.
 */
export class DirectoryCache implements CacheStore {
  constructor(
    private readonly root: string,
    private readonly log: Logger,
  ) {}

  async restore(paths: string[], key: string, restoreKeys: string[] = []): Promise<string | undefined> {
    try {
      const matched = await this.findEntry(key, restoreKeys);
      if (!matched) return undefined;
      const members = paths.map(member);
      // Only the members asked for; `--` so no member can be read as an option.
      await execCapture('tar', ['-x', '-f', this.entryFile(matched), '-C', '/', '--', ...(await this.membersIn(matched, members))]);
      return matched;
    } catch (err) {
      this.log.warning(`cache restore failed, continuing without it: ${(err as Error).message}`);
      return undefined;
    }
  }

  async save(paths: string[], key: string): Promise<void> {
    const final = this.entryFile(key);
    if (await exists(final)) return; // keys are immutable, as on GitHub
    const staging = path.join(this.root, `.tmp-${randomUUID()}${SUFFIX}`);
    try {
      await mkdir(this.root, { recursive: true });
      const present = [];
      for (const source of paths) if (await exists(source)) present.push(member(source));
      if (present.length === 0) {
        this.log.debug(`DirectoryCache.save: none of ${paths.join(', ')} exists; nothing saved for ${key}`);
        return;
      }
      await execCapture('tar', ['-c', '-f', staging, '-C', '/', '--', ...present]);
      await rename(staging, final);
    } catch (err) {
      await rm(staging, { force: true }).catch(() => undefined);
      this.log.warning(`cache save failed for key ${key}: ${(err as Error).message}`);
    }
  }

  private entryFile(key: string): string {
    return path.join(this.root, encodeURIComponent(key) + SUFFIX);
  }

  /** The requested members the archive holds (tar -x fails on a name it lacks). */
  private async membersIn(key: string, wanted: string[]): Promise<string[]> {
    const listing = await execCapture('tar', ['-t', '-f', this.entryFile(key)]);
    const tops = new Set(listing.stdout.split('\n').map((line) => line.replace(/\/$/, '')));
    return wanted.filter((name) => tops.has(name));
  }

  /** The exact key, else for each restore prefix in order the newest entry starting with it. */
  private async findEntry(key: string, restoreKeys: string[]): Promise<string | undefined> {
    if (await exists(this.entryFile(key))) return key;
    const names = (await readdir(this.root).catch(() => [] as string[]))
      .filter((name) => name.endsWith(SUFFIX) && !name.startsWith('.tmp-'))
      .map((name) => decodeURIComponent(name.slice(0, -SUFFIX.length)));
    for (const prefix of restoreKeys) {
      const candidates = names.filter((name) => name.startsWith(prefix));
      if (candidates.length === 0) continue;
      const dated = await Promise.all(candidates.map(async (name) => ({ name, mtime: (await stat(this.entryFile(name))).mtimeMs })));
      dated.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
      return dated[0]?.name;
    }
    return undefined;
  }
}

/** A path as a tar member relative to `/`. */
function member(target: string): string {
  return path.resolve(target).slice(1);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
