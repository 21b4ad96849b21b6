import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CacheStore, Logger } from './types.js';

/**
 * A cache in a plain folder, for Jenkins agents and laptops: each key is a
 * folder holding the saved paths by their absolute location. A save is
 * written to a temp name and renamed, so a killed save never leaves a
 * half-written entry that a later restore would trust.
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
      for (const target of paths) {
        const saved = path.join(this.entryDir(matched), encodePath(target));
        if (await exists(saved)) await cp(saved, path.resolve(target), { recursive: true, force: true });
      }
      return matched;
    } catch (err) {
      this.log.warning(`cache restore failed, continuing without it: ${(err as Error).message}`);
      return undefined;
    }
  }

  async save(paths: string[], key: string): Promise<void> {
    const final = this.entryDir(key);
    if (await exists(final)) return; // keys are immutable, as on GitHub
    const staging = path.join(this.root, `.tmp-${randomUUID()}`);
    try {
      await mkdir(staging, { recursive: true });
      for (const source of paths) {
        if (await exists(source)) await cp(path.resolve(source), path.join(staging, encodePath(source)), { recursive: true });
      }
      await rename(staging, final);
    } catch (err) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      this.log.warning(`cache save failed for key ${key}: ${(err as Error).message}`);
    }
  }

  private entryDir(key: string): string {
    return path.join(this.root, encodeURIComponent(key));
  }

  /** The exact key, else for each restore prefix in order the newest entry starting with it. */
  private async findEntry(key: string, restoreKeys: string[]): Promise<string | undefined> {
    if (await exists(this.entryDir(key))) return key;
    const names = (await readdir(this.root).catch(() => [] as string[])).filter((name) => !name.startsWith('.tmp-')).map(decodeURIComponent);
    for (const prefix of restoreKeys) {
      const candidates = names.filter((name) => name.startsWith(prefix));
      if (candidates.length === 0) continue;
      const dated = await Promise.all(candidates.map(async (name) => ({ name, mtime: (await stat(this.entryDir(name))).mtimeMs })));
      dated.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
      return dated[0]?.name;
    }
    return undefined;
  }
}

function encodePath(target: string): string {
  return encodeURIComponent(path.resolve(target));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
