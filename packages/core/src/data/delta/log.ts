/**
 * What a listing of `_delta_log/` says: which commits and complete
 * checkpoints are still there, hence which versions can be read, from where,
 * and which version was current at a time. Pure; reading is in table.ts.
 *
 * Names, from the Delta protocol: `<20-digit version>.json` (a commit),
 * `<version>.checkpoint.parquet` and `<version>.checkpoint.<i>.<n>.parquet`
 * (a checkpoint in n parts). Other names (`.crc`, `_last_checkpoint`,
 * UUID-named v2 checkpoints, compacted logs) are not needed: the listing
 * names every checkpoint, and a v2-checkpoint table is refused by its
 * protocol (replay.ts).
 */
import { InputError } from '../../errors.js';
import type { StoredObject } from '../../storage/types.js';

export interface LogListing {
  /** Commit files by version. */
  readonly commits: ReadonlyMap<number, StoredObject>;
  /** Checkpoints whose every part is there, by version: the parts in order. */
  readonly checkpoints: ReadonlyMap<number, readonly StoredObject[]>;
}

/** Where to read a version from: a checkpoint (or nothing, from version 0) and the commits after it, in order. */
export interface ReadPlan {
  readonly checkpoint?: { readonly version: number; readonly parts: readonly StoredObject[] };
  readonly commits: readonly { readonly version: number; readonly object: StoredObject }[];
}

const COMMIT = /^(\d{20})\.json$/;
const CHECKPOINT = /^(\d{20})\.checkpoint\.parquet$/;
const CHECKPOINT_PART = /^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$/;

/** Sorts the objects under `logPrefix` (which ends with `_delta_log/`) into commits and complete checkpoints. */
export function readLogListing(objects: Iterable<StoredObject>, logPrefix: string): LogListing {
  const commits = new Map<number, StoredObject>();
  const parts = new Map<number, { count: number; parts: Map<number, StoredObject> }>();
  const partsOf = (version: number, count: number) => {
    let entry = parts.get(version);
    // Two part counts for one version (a retried writer): keep the one seen first, and let completeness decide.
    if (!entry) parts.set(version, (entry = { count, parts: new Map() }));
    return entry.count === count ? entry : undefined;
  };
  for (const object of objects) {
    const name = object.key.slice(logPrefix.length);
    let match: RegExpExecArray | null;
    if ((match = COMMIT.exec(name))) commits.set(Number(match[1]), object);
    else if ((match = CHECKPOINT.exec(name))) partsOf(Number(match[1]), 1)?.parts.set(1, object);
    else if ((match = CHECKPOINT_PART.exec(name))) partsOf(Number(match[1]), Number(match[3]))?.parts.set(Number(match[2]), object);
  }
  const checkpoints = new Map<number, StoredObject[]>();
  for (const [version, entry] of parts) {
    const ordered = Array.from({ length: entry.count }, (_, index) => entry.parts.get(index + 1));
    if (ordered.every((part): part is StoredObject => part !== undefined)) checkpoints.set(version, ordered);
  }
  return { commits, checkpoints };
}

/** The newest version the log holds, or undefined when it holds none (not a Delta table). */
export function latestVersion(listing: LogListing): number | undefined {
  const versions = [...listing.commits.keys(), ...listing.checkpoints.keys()];
  return versions.length === 0 ? undefined : Math.max(...versions);
}

/**
 * How to read `version`: from the newest complete checkpoint at or before it
 * whose later commits are all there, else from version 0 when every commit
 * is; undefined when neither (the log was cleaned up past it).
 */
export function readPlanFor(listing: LogListing, version: number): ReadPlan | undefined {
  const commitsFrom = (first: number): ReadPlan['commits'] | undefined => {
    const commits: { version: number; object: StoredObject }[] = [];
    for (let v = first; v <= version; v++) {
      const object = listing.commits.get(v);
      if (!object) return undefined;
      commits.push({ version: v, object });
    }
    return commits;
  };
  const starts = [...listing.checkpoints.keys()].filter((v) => v <= version).sort((a, b) => b - a);
  for (const start of starts) {
    const commits = commitsFrom(start + 1);
    if (commits) return { checkpoint: { version: start, parts: listing.checkpoints.get(start) as StoredObject[] }, commits };
  }
  const commits = commitsFrom(0);
  return commits ? { commits } : undefined;
}

/**
 * The version current at `time`: the newest commit whose timestamp is not
 * after it, or undefined when every commit the log holds is later. A
 * commit's timestamp is its file's modification time, as the protocol says
 * for tables without in-commit timestamps, made strictly increasing (a
 * commit stamped before its parent counts as 1 ms after it), as Delta does.
 * A store that gives no such time leaves `as-of` nothing to pick by: bad input.
 */
export function versionAsOf(listing: LogListing, time: Date): number | undefined {
  let found: number | undefined;
  let previous = -Infinity;
  for (const version of [...listing.commits.keys()].sort((a, b) => a - b)) {
    const modified = listing.commits.get(version)?.lastModified;
    if (!modified) throw new InputError('as-of', `picks a version by commit times, and the store does not say when commit ${version} was written; give the version with 'version'`);
    const stamp = Math.max(modified.getTime(), previous + 1);
    previous = stamp;
    if (stamp <= time.getTime()) found = version;
    else break;
  }
  return found;
}

/** The oldest commit the log holds, for messages. */
export function oldestCommit(listing: LogListing): { version: number; at?: Date } | undefined {
  const versions = [...listing.commits.keys()];
  if (versions.length === 0) return undefined;
  const version = Math.min(...versions);
  const at = listing.commits.get(version)?.lastModified;
  return { version, ...(at ? { at } : {}) };
}

/** A version's commit file name. */
export function commitName(version: number): string {
  return `${String(version).padStart(20, '0')}.json`;
}
