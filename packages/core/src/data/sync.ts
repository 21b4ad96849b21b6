import { lstatSync, mkdirSync, renameSync } from 'node:fs';
import { opendir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../host/types.js';
import type { ObjectCache } from './object-cache.js';
import { cacheIdOf, type PlannedFile, type Target } from './plan.js';
import { Progress } from './progress.js';
import { DestinationGuard, joinRelpath } from './safe-path.js';
import { DestinationState, type FileState } from './state.js';
import { downloadVerified, installVerified, isTempBeside, matchesExisting, tempBeside, VerificationError } from './transfer.js';

export interface SyncOptions {
  readonly concurrency: number;
  /** Remove files in a folder target that are not in the dataset (and pass `isManaged`). */
  readonly deleteExtra: boolean;
  /** Whether a file found in a folder target is ours to delete (include/exclude). */
  readonly isManaged: (relpath: string) => boolean;
  readonly log: Logger;
  readonly progressIntervalMs: number;
  /**
   * Whether each download is also copied into the object cache. The copy is
   * a second write of every byte (and as much disk again); it pays only where
   * something reads it back: a DVC pull (the format's own cache, shared by
   * every version the repository checks out) or a cross-run cache that
   * carries cache-dir to the next run. A plain source pull without one keeps
   * none, as aws s3 sync or rclone keep none.
   */
  readonly keepObjects: boolean;
}

/** A file of the dataset as it now is in the destination. */
export interface SyncedFile {
  readonly target: Target;
  readonly file: PlannedFile;
  /** Absolute path in the destination. */
  readonly path: string;
  readonly size: number;
  readonly md5: string;
}

export interface SyncReport {
  readonly files: readonly SyncedFile[];
  /** Already right in the destination (by state or by hash). */
  readonly kept: number;
  readonly fromCache: number;
  readonly downloaded: number;
  readonly bytesDownloaded: number;
  readonly deleted: readonly string[];
}

interface WorkItem {
  readonly target: Target;
  readonly state: DestinationState;
  readonly file: PlannedFile;
  readonly dest: string;
}

/**
 * Puts every planned file in place, verified: files the state file vouches
 * for are kept without a read; the rest come from the local cache or the
 * store, in parallel. Every write goes through a temp file and a rename, so
 * the destination never holds a partial or unverified file.
 */
export async function syncTargets(targets: readonly Target[], cache: ObjectCache, options: SyncOptions): Promise<SyncReport> {
  // Every destination is checked before anything is written.
  const guard = new DestinationGuard();
  const destinations = new Map(targets.map((target) => [target, target.files.map((file) => destinationOf(target, file, guard))]));

  const states = new Map<Target, DestinationState>();
  for (const target of targets) states.set(target, await DestinationState.load(cache, target.root));

  const synced: SyncedFile[] = [];
  const work: WorkItem[] = [];
  for (const target of targets) {
    const state = states.get(target) as DestinationState;
    const dests = destinations.get(target) as string[];
    for (const [index, file] of target.files.entries()) {
      const dest = dests[index] as string;
      const known = vouchedFor(state, file, dest);
      if (known) synced.push({ target, file, path: dest, size: known.size, md5: known.md5 });
      else work.push({ target, state, file, dest });
    }
  }

  const counts = { kept: synced.length, fromCache: 0, downloaded: 0, bytesDownloaded: 0 };
  if (work.length > 0) {
    await sweepLeftTemps(work);
    await cache.sweepStaleTemps();
    const totalBytes = work.reduce((sum, item) => sum + (item.file.size ?? 0), 0);
    const progress = new Progress(options.log, work.length, totalBytes, options.progressIntervalMs);
    progress.start();
    const folders = new FolderMaker();
    try {
      await runPool(work, options.concurrency, async (item) => {
        const outcome = await placeFile(item, cache, folders, options, (n) => {
          progress.addBytes(n);
          counts.bytesDownloaded += n;
        });
        counts[outcome.how]++;
        progress.fileDone();
        item.state.set(item.file.relpath, stateOf(item, outcome));
        synced.push({ target: item.target, file: item.file, path: item.dest, size: outcome.size, md5: outcome.md5 });
      });
    } finally {
      progress.stop();
      // Keep what was done even when a file failed: the next run resumes from there.
      for (const state of states.values()) await state.save();
    }
    options.log.info(progress.line());
  }
  for (const [target, state] of states) forgetMissing(state, target);
  for (const state of states.values()) await state.save();

  const deleted = options.deleteExtra ? await deleteExtras(targets, options.isManaged) : [];
  return { files: synced, ...counts, deleted };
}

interface Outcome {
  readonly how: 'kept' | 'fromCache' | 'downloaded';
  readonly size: number;
  readonly md5: string;
}

/** One file: right already, else from the cache, else from the store (written once, beside it, then kept in the cache when asked). */
async function placeFile(item: WorkItem, cache: ObjectCache, folders: FolderMaker, { log, keepObjects }: SyncOptions, onBytes: (n: number) => void): Promise<Outcome> {
  const { file, dest, target } = item;
  const existing = lstatSync(dest, { throwIfNoEntry: false });
  if (existing?.isFile()) {
    const hashed = await matchesExisting(dest, file);
    if (hashed) return { how: 'kept', ...hashed };
  }
  folders.ensure(path.dirname(dest));
  const id = cacheIdOf(file);
  if (id && cache.has(id)) {
    try {
      return { how: 'fromCache', ...(await installVerified(cache.pathOf(id), file, dest)) };
    } catch (err) {
      if (!(err instanceof VerificationError)) throw err;
      log.warning(`cached object ${id} is damaged (${err.message}); fetching it again`);
      await cache.evict(id);
    }
  }
  const temp = tempBeside(dest);
  const hashed = await downloadVerified(target.store, file, temp, onBytes);
  try {
    if (keepObjects) await cache.keep(temp, id ?? `md5/${hashed.md5}`);
    renameSync(temp, dest); // metadata only: cheaper than a thread-pool round trip
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return { how: 'downloaded', ...hashed };
}

/**
 * Removes the temp files a killed run left beside the files it was writing.
 * Such a file is only ever beside a file that was still to place, and that
 * file stays to place (unvouched) until a run puts it there, so sweeping the
 * folders of this run's work finds them (a file the dataset dropped since
 * takes its temp with it under `delete`). A re-pull with nothing to do reads
 * no folder. Two pulls into one destination never run at once (the step's
 * destination lock).
 */
async function sweepLeftTemps(work: readonly WorkItem[]): Promise<void> {
  const folders = new Set(work.map((item) => path.dirname(item.dest)));
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) if (isTempBeside(name)) await rm(path.join(folder, name), { force: true });
  }
}

/** mkdir -p, once per folder: a dataset of many small files shares few folders. */
class FolderMaker {
  private readonly made = new Set<string>();

  ensure(dir: string): void {
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }
}

/** The state entry for a file, when its stat still matches what we wrote and the plan did not change. */
function vouchedFor(state: DestinationState, file: PlannedFile, dest: string): FileState | undefined {
  const known = state.get(file.relpath);
  if (!known || known.source !== sourceOf(file)) return undefined;
  const info = lstatSync(dest, { throwIfNoEntry: false });
  if (!info?.isFile() || info.size !== known.size || info.mtimeMs !== known.mtimeMs || info.ino !== known.ino) return undefined;
  return known;
}

function stateOf(item: WorkItem, outcome: Outcome): FileState {
  const info = lstatSync(item.dest);
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, md5: outcome.md5, source: sourceOf(item.file) };
}

/** What identifies a file's content in the plan: a change means the file must be checked again. */
function sourceOf(file: PlannedFile): string {
  return cacheIdOf(file) ?? `${file.key}|${file.size ?? ''}|${file.versionId ?? ''}`;
}

function destinationOf(target: Target, file: PlannedFile, guard: DestinationGuard): string {
  if (target.kind === 'file') return target.root;
  guard.check(target.root, file.relpath);
  return joinRelpath(target.root, file.relpath);
}

function forgetMissing(state: DestinationState, target: Target): void {
  state.retainOnly(new Set(target.files.map((file) => file.relpath)));
}

/** Files in folder targets that the dataset no longer has (symlinks are never followed). */
async function deleteExtras(targets: readonly Target[], isManaged: (relpath: string) => boolean): Promise<string[]> {
  const deleted: string[] = [];
  for (const target of targets) {
    if (target.kind !== 'dir') continue;
    const planned = new Set(target.files.map((file) => file.relpath));
    for await (const relpath of walkFiles(target.root, '')) {
      if (planned.has(relpath) || !(isManaged(relpath) || isTempBeside(path.posix.basename(relpath)))) continue;
      const file = path.join(target.root, ...relpath.split('/'));
      await rm(file, { force: true });
      deleted.push(file);
    }
  }
  return deleted;
}

async function* walkFiles(root: string, prefix: string): AsyncIterable<string> {
  const dir = await opendir(path.join(root, prefix)).catch(() => undefined);
  if (!dir) return;
  for await (const entry of dir) {
    const relpath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) yield* walkFiles(root, relpath);
    else yield relpath;
  }
}

/** Runs `task` over `items` with at most `limit` at once; the first failure stops new work and is thrown. */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
}
