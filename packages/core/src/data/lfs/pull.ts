/**
 * Pulls the LFS objects of the files `findLfsFiles` selected, in two phases
 * so that a failure replaces nothing:
 *
 * 1. fetch — every object not in the local cache is asked of the LFS server
 *    and streamed into the cache (`sha256/<oid>`, beside data-pull's md5
 *    objects), checked by sha256 and size; a cached object is read back
 *    through the same checks. A wrong byte stops the pull here.
 * 2. check out — each pointer file is replaced by its object: a copy beside it
 *    (same folder, same mode), renamed over it.
 *
 * Files that already hold their object are kept (vouched for by the state
 * file, as data-pull's other modes do, else hashed; never fetched); files
 * whose committed blob is a pointer but whose content is neither that
 * pointer nor its object are someone's change, left alone and reported.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream, type Stats } from 'node:fs';
import { chmod, copyFile, rename, rm, stat } from 'node:fs/promises';
import type { Logger } from '../../host/types.js';
import type { ObjectCache } from '../object-cache.js';
import { Progress } from '../progress.js';
import { DestinationState, type FileState } from '../state.js';
import { runPool } from '../sync.js';
import { tempBeside } from '../transfer.js';
import type { LfsClient } from './client.js';
import type { LfsFile } from './repo.js';
import type { LfsPointer } from './pointer.js';

export interface LfsPullOptions {
  readonly cache: ObjectCache;
  /** Absent when no file holds a pointer: nothing can need fetching. */
  readonly client?: LfsClient;
  readonly concurrency: number;
  readonly log: Logger;
  readonly progressIntervalMs: number;
}

/** A file of the pulled dataset, with what the manifest says of it. */
export interface LfsPulledFile {
  readonly relpath: string;
  readonly oid: string;
  readonly size: number;
  readonly md5: string;
}

export interface LfsReport {
  readonly files: readonly LfsPulledFile[];
  /** Already holding their object. */
  readonly kept: number;
  /** Replaced from objects the local cache held. */
  readonly fromCache: number;
  /** Objects downloaded from the LFS server in this run. */
  readonly downloaded: number;
  readonly bytesDownloaded: number;
  /** Files whose content is neither their pointer nor their object: left as they are. */
  readonly changed: readonly string[];
}

/** The cache id of an LFS object: its own area of the cache, keyed by the oid itself. */
export function lfsCacheId(oid: string): string {
  return `sha256/${oid}`;
}

export async function pullLfs(root: string, files: readonly LfsFile[], options: LfsPullOptions): Promise<LfsReport> {
  // Its own state, apart from a folder pull's into the same root: each forgets the other's files.
  const state = await DestinationState.load(options.cache, `lfs:${root}`);
  const { kept, changed } = await checkReplaced(
    files.filter((file) => file.holds === 'content'),
    state,
  );
  const pointers = files.filter((file) => file.holds === 'pointer');
  const objects = uniqueObjects(pointers);

  const pathsOf = (oid: string): string[] => pointers.filter((file) => file.pointer.oid === oid).map((file) => file.relpath);
  const fetched = await fetchObjects(objects, pathsOf, options);
  let checkedOut: LfsPulledFile[];
  try {
    checkedOut = await checkOut(pointers, fetched.md5s, state, options);
    state.retainOnly(new Set(files.map((file) => file.relpath)));
  } finally {
    // Also after a failed check-out: the files already replaced stay vouched for.
    await state.save();
  }

  return {
    files: [...kept, ...checkedOut].sort((a, b) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0)),
    kept: kept.length,
    fromCache: pointers.filter((file) => !fetched.downloaded.has(file.pointer.oid)).length,
    downloaded: fetched.downloaded.size,
    bytesDownloaded: fetched.bytes,
    changed,
  };
}

/**
 * Files whose working copy is not their pointer: their object (kept), or a
 * local change. A file this pull's state file vouches for (same size, mtime,
 * inode and oid as when it was put there) is kept without a read: re-hashing
 * every model on every run would cost what the pull saves.
 */
async function checkReplaced(files: readonly LfsFile[], state: DestinationState): Promise<{ kept: LfsPulledFile[]; changed: string[] }> {
  const kept: LfsPulledFile[] = [];
  const changed: string[] = [];
  for (const file of files) {
    const info = await stat(file.path);
    const known = state.get(file.relpath);
    if (known && known.source === lfsCacheId(file.pointer.oid) && known.size === info.size && known.mtimeMs === info.mtimeMs && known.ino === info.ino) {
      kept.push({ relpath: file.relpath, oid: file.pointer.oid, size: file.pointer.size, md5: known.md5 });
      continue;
    }
    const hashes = info.size === file.pointer.size ? await hashFile(file.path) : undefined;
    if (hashes?.sha256 !== file.pointer.oid) {
      changed.push(file.relpath);
      continue;
    }
    kept.push({ relpath: file.relpath, oid: file.pointer.oid, size: file.pointer.size, md5: hashes.md5 });
    state.set(file.relpath, stateOf(info, hashes.md5, file.pointer.oid));
  }
  return { kept, changed };
}

function stateOf(info: Stats, md5: string, oid: string): FileState {
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, md5, source: lfsCacheId(oid) };
}

function uniqueObjects(files: readonly LfsFile[]): LfsPointer[] {
  const byOid = new Map<string, LfsPointer>();
  for (const { pointer } of files) byOid.set(pointer.oid, pointer);
  return [...byOid.values()];
}

interface Fetched {
  /** md5 of every object, by oid: what the manifest records. */
  readonly md5s: ReadonlyMap<string, string>;
  /** The oids downloaded (missing from the cache, or damaged there). */
  readonly downloaded: ReadonlySet<string>;
  readonly bytes: number;
}

/** Phase 1: every object verified in the cache, downloading those it lacks (or holds damaged). */
async function fetchObjects(objects: readonly LfsPointer[], pathsOf: (oid: string) => string[], options: LfsPullOptions): Promise<Fetched> {
  const { cache, log } = options;
  const md5s = new Map<string, string>();
  const missing: LfsPointer[] = [];
  for (const object of objects) {
    const id = lfsCacheId(object.oid);
    if (!cache.has(id)) {
      missing.push(object);
      continue;
    }
    const hashes = await hashFile(cache.pathOf(id));
    if (hashes.sha256 === object.oid && hashes.size === object.size) md5s.set(object.oid, hashes.md5);
    else {
      log.warning(`cached LFS object ${object.oid} is damaged; fetching it again`);
      await cache.evict(id);
      missing.push(object);
    }
  }
  let bytes = 0;
  if (missing.length > 0) {
    const { client } = options;
    if (!client) throw new Error(`${missing.length} LFS objects are missing from the cache and no LFS server was planned for them`);
    const answers = await client.batch(missing);
    const downloads = missing.map((object) => {
      const answer = answers.get(object.oid);
      if (answer?.kind !== 'download') throw new LfsObjectError(object, pathsOf(object.oid), answer?.message ?? 'no answer');
      return { object, action: answer.action };
    });
    await cache.sweepStaleTemps();
    const progress = new Progress(log, missing.length, missing.reduce((sum, object) => sum + object.size, 0), options.progressIntervalMs);
    progress.start();
    try {
      await runPool(downloads, options.concurrency, async ({ object, action }) => {
        const temp = cache.tempPath();
        try {
          const done = await client.download(object, action, temp, (n) => {
            progress.addBytes(n);
            bytes += n;
          });
          await cache.adopt(temp, lfsCacheId(object.oid));
          md5s.set(object.oid, done.md5);
        } catch (err) {
          await rm(temp, { force: true });
          throw new LfsObjectError(object, pathsOf(object.oid), (err as Error).message, err);
        }
        progress.fileDone();
      });
    } finally {
      progress.stop();
    }
    log.info(progress.line());
  }
  return { md5s, downloaded: new Set(missing.map((object) => object.oid)), bytes };
}

/** Phase 2: each pointer file replaced by its verified object, atomically, keeping the file's mode. */
async function checkOut(pointers: readonly LfsFile[], md5s: ReadonlyMap<string, string>, state: DestinationState, options: LfsPullOptions): Promise<LfsPulledFile[]> {
  const placed: LfsPulledFile[] = [];
  await runPool(pointers, options.concurrency, async (file) => {
    const md5 = md5s.get(file.pointer.oid);
    if (md5 === undefined) throw new Error(`${file.relpath}: object ${file.pointer.oid} was not fetched`);
    const { mode } = await stat(file.path);
    const temp = tempBeside(file.path);
    try {
      // A reflink where the file system has them; never a hard link, which would let an edit of the file change the cache.
      await copyFile(options.cache.pathOf(lfsCacheId(file.pointer.oid)), temp, constants.COPYFILE_FICLONE);
      await chmod(temp, mode & 0o7777);
      await rename(temp, file.path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    state.set(file.relpath, stateOf(await stat(file.path), md5, file.pointer.oid));
    placed.push({ relpath: file.relpath, oid: file.pointer.oid, size: file.pointer.size, md5 });
  });
  return placed;
}

async function hashFile(file: string): Promise<{ sha256: string; md5: string; size: number }> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    sha256.update(chunk as Buffer);
    md5.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: sha256.digest('hex'), md5: md5.digest('hex'), size };
}

/** An object the pull could not get or verify, named for the user by its file and oid. */
class LfsObjectError extends Error {
  override readonly name = 'LfsObjectError';
  constructor(
    readonly object: LfsPointer,
    readonly paths: readonly string[],
    reason: string,
    cause?: unknown,
  ) {
    const named = paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
    super(`${named}: LFS object ${object.oid} (${object.size} bytes): ${reason}`, cause === undefined ? undefined : { cause });
  }
}
