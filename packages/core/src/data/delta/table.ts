/**
 * Plans a pull of one Delta table version (`delta`): list the table once
 * (its log and its data files), pick the version (latest, `version`, or
 * current at `as-of`), replay the log from the newest usable checkpoint to
 * the exact file set of that version, and check every file is still there
 * with the size the log recorded. Everything here runs while planning, so a
 * version that was vacuumed away or a table this tool cannot read faithfully
 * is bad input (exit 2) before anything is written.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../fs-atomic.js';
import type { ObjectStore, StoredObject } from '../../storage/types.js';
import { isPlainMd5 } from '../hashing.js';
import type { PlannedFile, Target } from '../plan.js';
import { unsafeRelpath } from '../safe-path.js';
import { listingFailure } from '../source-plan.js';
import { readCheckpoint } from './checkpoint.js';
import { commitName, latestVersion, oldestCommit, readLogListing, readPlanFor, versionAsOf, type LogListing, type ReadPlan } from './log.js';
import { recordedRows, parquetRowCount } from './stats.js';
import { DeltaLogError, hasInCommitTimestamp, parseCommit, replay, unsupportedFeature, type Action, type AddAction, type Snapshot } from './replay.js';

/** Which version to pull: the latest, a version number (`version`), or the one current at a time (`as-of`). */
export type DeltaPoint = { readonly kind: 'latest' } | { readonly kind: 'version'; readonly version: number } | { readonly kind: 'as-of'; readonly time: Date };

/** `table`: the files plus a one-commit `_delta_log`, itself a Delta table at that version; `files`: the Parquet files only. */
export type DeltaLayout = 'table' | 'files';

export interface DeltaPlanRequest {
  /** The table as given, for messages and the manifest. */
  readonly url: string;
  readonly store: ObjectStore;
  /** The table's key prefix in the store: '' or ending with `/`. */
  readonly prefix: string;
  /** Absolute destination folder. */
  readonly dest: string;
  readonly point: DeltaPoint;
  readonly layout: DeltaLayout;
}

/** A planned table pull: the files, the version they make, and the log to write beside them (layout `table`). */
export interface DeltaPull {
  readonly target: Target;
  readonly version: number;
  /** The pulled table's only commit, `_delta_log/00000000000000000000.json`; undefined for layout `files`. */
  readonly logCommit?: string;
}

const LOG_FOLDER = '_delta_log';
/** Commits read at once: a version far from its checkpoint means many small reads. */
const COMMIT_READS_IN_FLIGHT = 16;

export async function planDelta(request: DeltaPlanRequest): Promise<DeltaPull> {
  await checkDestinationLog(request.dest, request.layout);
  const objects = await listTable(request);
  const logPrefix = `${request.prefix}${LOG_FOLDER}/`;
  const listing = readLogListing([...objects.values()].filter((object) => object.key.startsWith(logPrefix)), logPrefix);
  if (request.point.kind === 'as-of') await checkCommitTimes(request.store, listing, request.url);
  const version = resolveVersion(listing, request);
  const readPlan = readPlanFor(listing, version);
  if (!readPlan) {
    throw new InputError(inputOf(request.point), `version ${version} of ${request.url} can no longer be read: the log was cleaned up before it (no checkpoint at or before it with every later commit, and not every commit from version 0)`);
  }
  const snapshot = await asInputError(() => readSnapshot(request.store, readPlan), request.url);
  const unsupported = unsupportedFeature(snapshot);
  if (unsupported) throw new InputError('delta', `${request.url} version ${version}: ${unsupported}; refusing rather than pulling rows that differ from the table's`);
  // A file's stats that are not what the protocol says are a bad log, as a bad action is.
  const files = await asInputError(async () => inPathOrder(snapshot).map((file) => plannedFile(file, snapshot, objects, request)), request.url);
  const target: Target = { root: request.dest, kind: 'dir', store: request.store, files, source: `${request.url}@v${version}` };
  return { target, version, ...(request.layout === 'table' ? { logCommit: tableCommit(snapshot) } : {}) };
}

/** Writes the pulled table's log whole or not at all, after its files are in place. */
export async function writeTableLog(dest: string, logCommit: string): Promise<void> {
  await writeFileAtomic(path.join(dest, LOG_FOLDER, commitName(0)), logCommit);
}

/**
 * A destination's own `_delta_log` must be one this step wrote: any other
 * commit there would make the pulled table read as another version, and
 * with layout `files` any log would describe files that may be gone.
 */
async function checkDestinationLog(dest: string, layout: DeltaLayout): Promise<void> {
  const names = await readdir(path.join(dest, LOG_FOLDER)).catch(() => undefined);
  if (names === undefined) return;
  const ours = (name: string): boolean => name.startsWith(commitName(0));
  if (layout === 'files') {
    throw new InputError('path', `${dest} holds a ${LOG_FOLDER} folder: with delta-layout files it would describe files that may no longer be there; remove it, or pull with delta-layout table`);
  }
  const foreign = names.filter((name) => !ours(name));
  if (foreign.length > 0) {
    throw new InputError('path', `${dest}/${LOG_FOLDER} holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}, not written by data-pull: the pulled table would read as another version; give an empty folder or one an earlier delta pull wrote`);
  }
}

/** Every object under the table's prefix, by key: the log and the data files, in one listing. */
async function listTable({ store, prefix, url }: DeltaPlanRequest): Promise<Map<string, StoredObject>> {
  const objects = new Map<string, StoredObject>();
  try {
    for await (const object of store.list(prefix)) objects.set(object.key, object);
  } catch (err) {
    throw listingFailure(err, 'delta', url);
  }
  return objects;
}

function resolveVersion(listing: LogListing, { point, url }: DeltaPlanRequest): number {
  const latest = latestVersion(listing);
  if (latest === undefined) throw new InputError('delta', `${url} is not a Delta table: ${LOG_FOLDER}/ holds no commit`);
  switch (point.kind) {
    case 'latest':
      return latest;
    case 'version':
      if (point.version > latest) throw new InputError('version', `${url} has no version ${point.version}: its latest is ${latest}`);
      return point.version;
    case 'as-of': {
      const version = versionAsOf(listing, point.time);
      if (version !== undefined) return version;
      const oldest = oldestCommit(listing);
      const since = oldest?.at ? ` (version ${oldest.version}, ${oldest.at.toISOString()})` : '';
      throw new InputError('as-of', `${point.time.toISOString()} is before the oldest commit ${url} holds${since}`);
    }
  }
}

/**
 * `as-of` dates commits by their files' times, as the protocol says for a
 * table without in-commit timestamps. A table that keeps them (its newest
 * commit carries one) dates them otherwise, and Delta readers would pick
 * another version: refused rather than guessed.
 */
async function checkCommitTimes(store: ObjectStore, listing: LogListing, url: string): Promise<void> {
  const newest = Math.max(...listing.commits.keys());
  const commit = listing.commits.get(newest);
  if (!commit) return;
  if (hasInCommitTimestamp((await buffer(await store.read(commit.key))).toString('utf8'))) {
    throw new InputError('as-of', `${url} dates its commits by in-commit timestamps, which as-of does not read yet; give the table version with 'version'`);
  }
}

function inputOf(point: DeltaPoint): string {
  return point.kind === 'latest' ? 'delta' : point.kind;
}

/** Reads the checkpoint and the commits after it, and replays them. */
async function readSnapshot(store: ObjectStore, plan: ReadPlan): Promise<Snapshot> {
  const start = plan.checkpoint ? { version: plan.checkpoint.version, actions: await readCheckpoint(store, plan.checkpoint.version, plan.checkpoint.parts) } : undefined;
  const commits: { version: number; actions: Action[] }[] = [];
  for (let i = 0; i < plan.commits.length; i += COMMIT_READS_IN_FLIGHT) {
    const batch = plan.commits.slice(i, i + COMMIT_READS_IN_FLIGHT);
    commits.push(...(await Promise.all(batch.map(async ({ version, object }) => ({ version, actions: parseCommit((await buffer(await store.read(object.key))).toString('utf8'), version) })))));
  }
  return replay(start, commits);
}

/** A log this module cannot read faithfully is bad input naming `delta`; a store failure stays a failure. */
async function asInputError<T>(read: () => Promise<T>, url: string): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof DeltaLogError) throw new InputError('delta', `${url}: ${err.message}`, { cause: err });
    throw err;
  }
}

/**
 * One data file of the version, checked against the listing: gone (vacuumed)
 * or of another size than the log says is bad input naming what picked the
 * version. A single-part S3 upload's ETag is its md5, checked on arrival, and
 * so is the row count the log's stats give, against the file's footer.
 */
function plannedFile([relpath, add]: readonly [string, AddAction], snapshot: Snapshot, objects: ReadonlyMap<string, StoredObject>, request: DeltaPlanRequest): PlannedFile {
  const unsafe = unsafeRelpath(relpath) ?? (relpath.split('/')[0] === LOG_FOLDER ? `is inside ${LOG_FOLDER}/` : undefined);
  if (unsafe) throw new InputError('delta', `${request.url} version ${snapshot.version} names the data file ${JSON.stringify(relpath)}, which ${unsafe}: refusing to write it`);
  const key = `${request.prefix}${relpath}`;
  const object = objects.get(key);
  const input = inputOf(request.point);
  if (!object) throw new InputError(input, `version ${snapshot.version} of ${request.url} can no longer be pulled: its data file ${relpath} is gone (vacuumed?)`);
  if (object.size !== add.size) throw new InputError(input, `version ${snapshot.version} of ${request.url}: its data file ${relpath} has ${object.size} bytes, the log says ${add.size}`);
  const rows = recordedRows(add, snapshot.version);
  return {
    relpath,
    key,
    size: object.size,
    check: isPlainMd5(object.etag) ? { kind: 'md5', hash: object.etag } : { kind: 'size' },
    ...(object.etag ? { etag: object.etag } : {}),
    ...(rows !== undefined ? { contentCheck: parquetRowCount(rows) } : {}),
  };
}

/**
 * The pulled table's one commit: the version's protocol, metadata and adds
 * (paths as the log wrote them, so relative and encoded alike), so a Delta
 * reader sees version 0 with the same rows.
 */
export function tableCommit(snapshot: Snapshot): string {
  const adds = inPathOrder(snapshot)
    // unsupportedFeature() refused any deletion vector: the adds carry none to drop.
    .map(([, add]) => ({ add: { ...add, dataChange: true } }));
  const lines = [{ protocol: snapshot.protocol }, { metaData: snapshot.metaData }, ...adds];
  return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}

/** The version's files by relative path, in code-unit order (as the pulled log and the manifest list them). */
function inPathOrder(snapshot: Snapshot): [string, AddAction][] {
  return [...snapshot.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
