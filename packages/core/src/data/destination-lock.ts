import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../host/types.js';
import { processExists } from '../process-exists.js';

/**
 * One data-pull at a time per destination. Two pulls writing one folder at
 * once would sweep each other's temp files and race their state files, so
 * the second waits for the first.
 *
 * The lock is a small file beside the destination (`.<name>.mlops-ci-lock`),
 * created whole or not at all (written under a temp name, then hard-linked
 * into place, which fails if it exists). It names its owner: a random token,
 * the pid, the host, and the pid's start time, so a lock left by a killed
 * process is taken over at once, and so is one whose pid now belongs to
 * another process (pid reuse). An owner whose pids we cannot see — another
 * host on a shared disk, or a container with the same host name but its own
 * pid namespace — is judged by its heartbeat instead: the holder touches the
 * file every HEARTBEAT_MS.
 */

/** How often a holder refreshes its lock file's mtime (and checks the lock is still its own). */
const HEARTBEAT_MS = 10_000;
/** A lock whose owner cannot be seen (another host, or no /proc) is stale when not refreshed for this long. */
const SILENT_STALE_MS = 2 * 60_000;
const POLL_MS = 250;
/** How long a pull waits for another one into the same destination before it fails. */
export const MAX_WAIT_MS = 30 * 60_000;

interface Owner {
  readonly token: string;
  readonly pid: number;
  readonly host: string;
  /** The pid namespace (Linux `/proc/self/ns/pid`), or null where unknown: pids mean something only within one. */
  readonly pidNamespace: string | null;
  /** The pid's start time in clock ticks since boot (Linux /proc), or null where unknown. */
  readonly pidStart: string | null;
  readonly since: string;
}

/** A lock file as found: its raw text (to take over exactly that one) and what it says. */
interface Found {
  readonly text: string;
  readonly owner: Owner | undefined;
  readonly mtimeMs: number;
}

export interface LockOptions {
  readonly log: Logger;
  /** How often to say that the pull is still waiting. */
  readonly progressIntervalMs: number;
  /** Optional. Defaults to MAX_WAIT_MS. */
  readonly maxWaitMs?: number;
}

/** The locks of a pull's destinations, held until `release`. */
export class DestinationLock {
  private constructor(private readonly held: readonly HeldLock[]) {}

  /**
   * Locks every destination (in a fixed order, so two pulls of overlapping
   * sets cannot deadlock), waiting while another live pull holds one.
   * Throws, naming `path`, when the wait passes `maxWaitMs`.
   */
  static async acquire(destinations: readonly string[], options: LockOptions): Promise<DestinationLock> {
    const held: HeldLock[] = [];
    try {
      for (const dest of [...new Set(destinations.map((d) => path.resolve(d)))].sort()) held.push(await acquireOne(dest, options));
    } catch (err) {
      for (const lock of held) lock.release();
      throw err;
    }
    return new DestinationLock(held);
  }

  /** Throws when a lock was taken from this pull while it ran (it stalled past the stale limit). */
  assertHeld(): void {
    for (const lock of this.held) lock.assertHeld();
  }

  release(): void {
    for (const lock of this.held) lock.release();
  }
}

/** The lock file for a destination: beside it, so it works for a single-file out too and `delete` never sees it. */
export function lockFileOf(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}${LOCK_SUFFIX}`);
}

const LOCK_SUFFIX = '.mlops-ci-lock';
/** A gitignore pattern for every lock file (one a killed pull left behind included). */
export const LOCK_FILE_PATTERN = `.*${LOCK_SUFFIX}`;

async function acquireOne(dest: string, options: LockOptions): Promise<HeldLock> {
  const file = lockFileOf(dest);
  const owner = ownerOfThisProcess();
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const started = Date.now();
  let lastSaid = -Infinity;
  lockAttempt(dest, file, () => mkdirSync(path.dirname(file), { recursive: true }));
  for (;;) {
    if (lockAttempt(dest, file, () => tryCreate(file, owner))) return new HeldLock(file, owner.token);
    const found = readLock(file);
    if (found === undefined) continue; // released between our attempt and the read
    const stale = staleReason(found);
    if (stale !== undefined) {
      options.log.warning(`path ${dest}: taking over the lock of ${describe(found)}: ${stale}`);
      takeOver(file, found);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= maxWaitMs) {
      throw new Error(`path ${dest} is locked by ${describe(found)}; gave up after waiting ${seconds(waited)} s. If no such pull runs, remove ${file}`);
    }
    if (Date.now() - lastSaid >= options.progressIntervalMs) {
      options.log.info(`path ${dest} is being pulled into by ${describe(found)}: waiting (${seconds(waited)} s so far, at most ${seconds(maxWaitMs)} s)`);
      lastSaid = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A lock this process holds: refreshed by a heartbeat that also notices when it stops being ours. */
class HeldLock {
  private readonly heartbeat: NodeJS.Timeout;
  private lost: string | undefined;
  private released = false;

  constructor(
    private readonly file: string,
    private readonly token: string,
  ) {
    this.heartbeat = setInterval(() => this.refresh(), HEARTBEAT_MS);
    this.heartbeat.unref(); // the lock never keeps the process alive
  }

  assertHeld(): void {
    this.lost ??= this.whyNotOurs();
    if (this.lost !== undefined) {
      throw new Error(`the lock ${this.file} ${this.lost} while this pull ran (another pull judged it stale); its files may be mixed: run the pull again`);
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.heartbeat);
    if (this.whyNotOurs() === undefined) rmSync(this.file, { force: true });
  }

  private refresh(): void {
    this.lost ??= this.whyNotOurs();
    if (this.lost !== undefined) return;
    const now = new Date();
    try {
      utimesSync(this.file, now, now);
    } catch {
      // Checked again at the next beat and at the end.
    }
  }

  private whyNotOurs(): string | undefined {
    const found = readLock(this.file);
    if (found === undefined) return 'was removed';
    return found.owner?.token === this.token ? undefined : `was taken by ${describe(found)}`;
  }
}

function ownerOfThisProcess(): Owner {
  return { token: randomUUID(), pid: process.pid, host: os.hostname(), pidNamespace: pidNamespace(), pidStart: processStart(process.pid), since: new Date().toISOString() };
}

/** Runs one step of making the lock, with a failure that says what data-pull needs (a writable parent folder). */
function lockAttempt<T>(dest: string, file: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    throw new Error(`path ${dest}: cannot create its lock ${file}: ${(err as Error).message}; data-pull writes its lock in the folder that holds path`, { cause: err });
  }
}

/** Creates the lock file with its whole content, or returns false when one is there. */
function tryCreate(file: string, owner: Owner): boolean {
  const temp = `${file}.${owner.token}.tmp`;
  writeFileSync(temp, JSON.stringify(owner));
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readLock(file: string): Found | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const { mtimeMs } = statSync(file);
    return { text, owner: parseOwner(text), mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    return typeof value.token === 'string' && typeof value.pid === 'number' && typeof value.host === 'string' ? (value as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Why a found lock no longer protects anything, or undefined while its owner may still be pulling. */
function staleReason(found: Found): string | undefined {
  const { owner } = found;
  if (owner && canSeePidsOf(owner)) {
    if (!processExists(owner.pid)) return `process ${owner.pid} is gone`;
    const start = processStart(owner.pid);
    if (owner.pidStart !== null && start !== null && start !== owner.pidStart) return `pid ${owner.pid} now belongs to another process`;
    return undefined;
  }
  const silentMs = Date.now() - found.mtimeMs;
  return silentMs > SILENT_STALE_MS ? `not refreshed for ${seconds(silentMs)} s` : undefined;
}

/**
 * Removes exactly the stale lock that was judged: it is first renamed aside
 * (atomic), and if what was moved is not that lock (another waiter took over
 * first and a live pull now holds it), it is linked back.
 */
function takeOver(file: string, judged: Found): void {
  const aside = `${file}.stale-${randomUUID()}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if (readFileSync(aside, 'utf8') !== judged.text) linkSync(aside, file);
  } catch {
    // Someone holds the name again already: the holder whose lock was moved sees it at its next heartbeat.
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Whether the owner's pid is one of ours to check: same host, same pid namespace. */
function canSeePidsOf(owner: Owner): boolean {
  return owner.host === os.hostname() && (owner.pidNamespace ?? null) === pidNamespace();
}

function pidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}


/** Field 22 of /proc/<pid>/stat (start time); null off Linux or for a pid that is gone. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function describe(found: Found): string {
  const { owner } = found;
  return owner ? `another data-pull (pid ${owner.pid} on ${owner.host}, since ${owner.since})` : 'another data-pull (its lock file is unreadable)';
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
