import { linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_CACHE_MAX_BYTES, planEviction, type CacheEntry } from '../cache-cap.js';
import { formatBytes } from '../data/progress.js';
import { execCapture, type ExecPlace } from '../exec.js';
import type { Logger } from '../host/types.js';
import type { CacheOptions, CacheStore } from './types.js';

/** An entry's name ends with how it is kept: one tar archive, or (link mode) a folder tree. */
const TAR = '.tar';
const TREE = '.tree';
/** Names a save or an eviction works under; never restored. */
const TEMP_PREFIX = '.tmp-';
/** A temp name older than this is a killed save's or eviction's: live ones finish in seconds. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * A cache in a plain folder, for Jenkins agents and laptops: each key is one
 * tar archive of the saved paths (by absolute location, as @actions/cache
 * keys them). tar rather than a file-by-file copy: a virtualenv is many small
 * files, and one archive restores many times faster (bench/setup-env/README.md).
 * With `link`, an entry is a
 * folder tree instead, whose files a save and a restore hard-link, so no file
 * content is written at all (they are copied only when the cache is on
 * another filesystem). A save is written to a temp name and renamed, so a
 * killed save never leaves an entry a later restore would trust.
 *
 * The folder is capped (`maxBytes`): after a save, the least recently used
 * entries are evicted. Last use is an entry's access time, set on every
 * restore, so the modification time stays the save time that a restore
 * prefix picks the newest by. An eviction renames the entry to a temp name
 * first, so a kill halfway through removing a tree leaves nothing a restore
 * would trust.
 */
export class DirectoryCache implements CacheStore {
  /** Entry files this run restored or saved: never evicted by it. */
  private readonly used = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly log: Logger,
    /** The step's environment (`host.context.env`): tar and cp run with it. */
    private readonly env: Readonly<NodeJS.ProcessEnv>,
    private readonly maxBytes = DEFAULT_CACHE_MAX_BYTES,
  ) {}

  /** tar and cp get absolute paths only (members relative to `-C /`), so they run from / with the step's environment. */
  private get tools(): ExecPlace {
    return { cwd: '/', env: this.env };
  }

  async restore(paths: string[], key: string, restoreKeys: string[] = [], options: CacheOptions = {}): Promise<string | undefined> {
    const suffix = options.link ? TREE : TAR;
    try {
      const matched = await this.findEntry(key, restoreKeys, suffix);
      if (!matched) return undefined;
      const members = paths.map(member);
      if (options.link) {
        await this.placeMembers(this.entryFile(matched, TREE), members);
      } else {
        // Only the members asked for; `--` so no member can be read as an option.
        await execCapture('tar', ['-x', '-f', this.entryFile(matched, TAR), '-C', '/', '--', ...(await this.membersIn(matched, members))], this.tools);
      }
      await this.markUsed(this.entryFile(matched, suffix));
      return matched;
    } catch (err) {
      this.log.warning(`cache restore failed, continuing without it: ${(err as Error).message}`);
      return undefined;
    }
  }

  async save(paths: string[], key: string, options: CacheOptions = {}): Promise<void> {
    const suffix = options.link ? TREE : TAR;
    const final = this.entryFile(key, suffix);
    if (await exists(final)) {
      await this.markUsed(final);
      return; // keys are immutable, as on GitHub
    }
    const staging = path.join(this.root, `${TEMP_PREFIX}${randomUUID()}${suffix}`);
    try {
      await mkdir(this.root, { recursive: true });
      const present = [];
      for (const source of paths) if (await exists(source)) present.push(member(source));
      if (present.length === 0) {
        this.log.debug(`DirectoryCache.save: none of ${paths.join(', ')} exists; nothing saved for ${key}`);
        return;
      }
      if (options.link) {
        for (const name of present) await placeTree(path.join('/', name), path.join(staging, name), this.tools);
      } else {
        await execCapture('tar', ['-c', '-f', staging, '-C', '/', '--', ...present], this.tools);
      }
      await rename(staging, final);
      this.used.add(final);
    } catch (err) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      this.log.warning(`cache save failed for key ${key}: ${(err as Error).message}`);
      return;
    }
    await this.evictToCap();
  }

  /**
   * Sweeps what killed saves and evictions left, then evicts the least
   * recently used entries until the folder holds at most `maxBytes`: never
   * one this run used, nor one used in the last minutes (another agent may
   * be restoring it). Optional work, like the save: a failure only warns.
   */
  private async evictToCap(): Promise<void> {
    try {
      const names = await readdir(this.root);
      await this.sweepStaleTemps(names);
      const entries = await Promise.all(names.filter(isEntryName).map((name) => this.entryInfo(name)));
      const { evict, remainingBytes } = planEviction(entries, this.maxBytes, (entry) => this.used.has(entry.file), Date.now());
      for (const entry of evict) {
        const aside = path.join(this.root, `${TEMP_PREFIX}evict-${randomUUID()}${path.extname(entry.file)}`);
        await rename(entry.file, aside);
        await rm(aside, { recursive: true, force: true });
      }
      if (evict.length > 0) {
        const freed = evict.reduce((sum, entry) => sum + entry.bytes, 0);
        this.log.info(`cache: evicted ${evict.length} least recently used entries (${formatBytes(freed)}) from ${this.root}; ${formatBytes(remainingBytes)} left, cap ${formatBytes(this.maxBytes)}`);
      }
    } catch (err) {
      this.log.warning(`cache eviction in ${this.root} failed: ${(err as Error).message}`);
    }
  }

  private async sweepStaleTemps(names: readonly string[]): Promise<void> {
    const now = Date.now();
    for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX))) {
      const file = path.join(this.root, name);
      const info = await lstat(file).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(file, { recursive: true, force: true });
    }
  }

  private async entryInfo(name: string): Promise<CacheEntry & { readonly file: string }> {
    const file = path.join(this.root, name);
    const info = await lstat(file);
    const bytes = info.isDirectory() ? await treeBytes(file) : info.size;
    return { name, file, bytes, lastUsedMs: info.atimeMs };
  }

  /** Sets the entry's access time to now, keeping its modification time (the save time). */
  private async markUsed(file: string): Promise<void> {
    this.used.add(file);
    try {
      const { mtime } = await stat(file);
      await utimes(file, new Date(), mtime);
    } catch (err) {
      this.log.debug(`DirectoryCache.markUsed: ${file}: ${(err as Error).message}`);
    }
  }

  private entryFile(key: string, suffix: string): string {
    return path.join(this.root, encodeURIComponent(key) + suffix);
  }

  /** Places each requested member the tree entry holds at its own path (a missing one is skipped, as from a tar). */
  private async placeMembers(tree: string, members: string[]): Promise<void> {
    for (const name of members) {
      const saved = path.join(tree, name);
      if (await exists(saved)) await placeTree(saved, path.join('/', name), this.tools);
    }
  }

  /** The requested members the archive holds (tar -x fails on a name it lacks). */
  private async membersIn(key: string, wanted: string[]): Promise<string[]> {
    const listing = await execCapture('tar', ['-t', '-f', this.entryFile(key, TAR)], this.tools);
    const tops = new Set(listing.stdout.split('\n').map((line) => line.replace(/\/$/, '')));
    return wanted.filter((name) => tops.has(name));
  }

  /** The exact key, else for each restore prefix in order the newest entry starting with it. */
  private async findEntry(key: string, restoreKeys: string[], suffix: string): Promise<string | undefined> {
    if (await exists(this.entryFile(key, suffix))) return key;
    const names = (await readdir(this.root).catch(() => [] as string[]))
      .filter((name) => name.endsWith(suffix) && !name.startsWith(TEMP_PREFIX))
      .map((name) => decodeURIComponent(name.slice(0, -suffix.length)));
    for (const prefix of restoreKeys) {
      const candidates = names.filter((name) => name.startsWith(prefix));
      if (candidates.length === 0) continue;
      const dated = await Promise.all(candidates.map(async (name) => ({ name, mtime: (await stat(this.entryFile(name, suffix))).mtimeMs })));
      dated.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
      return dated[0]?.name;
    }
    return undefined;
  }
}

/**
 * Puts the folder at `source` onto `target`, replacing what is there with
 * the saved files and keeping files it did not save (as tar does): by hard
 * links when both are on one filesystem, else by a copy that keeps modes and
 * times (a changed mtime would make Python recompile every .pyc).
 */
async function placeTree(source: string, target: string, tools: ExecPlace): Promise<void> {
  await mkdir(target, { recursive: true });
  if ((await stat(source)).dev === (await stat(target)).dev) linkTree(source, target);
  else await execCapture('cp', ['-PpR', `${source}/.`, target], tools); // POSIX flags: GNU and BSD cp alike
}

/**
 * Recreates the folders of `source` under `target` and hard-links every file
 * and symlink into them. Synchronous on purpose: the step waits for the
 * restore anyway, and making the links on one thread is faster than through
 * the thread pool (bench/setup-env/README.md).
 */
function linkTree(source: string, target: string): void {
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(to, { recursive: true, mode: lstatSync(from).mode });
      linkTree(from, to);
    } else if (entry.isSymbolicLink()) {
      replaceWith(to, () => symlinkSync(readlinkSync(from), to));
    } else {
      replaceWith(to, () => linkSync(from, to));
    }
  }
}

/** Runs `make`, first removing what is at `target` when it is in the way. */
function replaceWith(target: string, make: () => void): void {
  try {
    make();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    rmSync(target, { recursive: true, force: true });
    make();
  }
}

function isEntryName(name: string): boolean {
  return !name.startsWith(TEMP_PREFIX) && (name.endsWith(TAR) || name.endsWith(TREE));
}

/** The bytes of the files in a tree entry (symlinks count as themselves, never followed). */
async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? await treeBytes(file) : (await lstat(file)).size;
  }
  return total;
}

/** A path as a member relative to `/` (of a tar archive, or of a tree entry). */
function member(target: string): string {
  return path.resolve(target).slice(1);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
