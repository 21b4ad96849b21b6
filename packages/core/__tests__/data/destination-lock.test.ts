import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DestinationLock, lockFileOf } from '../../src/data/destination-lock.js';
import type { Logger } from '../../src/host/types.js';

/** A logger that records lines and lets a test wait for one (no sleeps). */
function recorder(): Logger & { lines: string[]; next(pattern: RegExp): Promise<string> } {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const record = (line: string): void => {
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.pattern.test(line))) waiter.resolve(line);
  };
  return {
    lines,
    next: (pattern) => new Promise((resolve) => waiters.push({ pattern, resolve })),
    debug: () => undefined,
    info: record,
    notice: record,
    warning: record,
    error: record,
  };
}

function destination(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'dest-lock-')), 'data');
}

/** A pid that existed and is gone: a real process that ran and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const PID_NAMESPACE = readlinkSync('/proc/self/ns/pid');

/** A lock file as another pull would have written it (by default on this host, in this pid namespace). */
function plantLock(dest: string, owner: object): void {
  writeFileSync(lockFileOf(dest), JSON.stringify({ token: 'planted', host: os.hostname(), pidNamespace: PID_NAMESPACE, since: '2026-01-01T00:00:00.000Z', ...owner }));
}

test('a second pull waits, saying for whom, and gets the lock when the first releases it', async () => {
  const dest = destination();
  const first = await DestinationLock.acquire([dest], { log: recorder(), progressIntervalMs: 60_000 });
  const log = recorder();
  const waitingSaid = log.next(/is being pulled into by/);
  const second = DestinationLock.acquire([dest], { log, progressIntervalMs: 60_000 });

  expect(await waitingSaid).toMatch(new RegExp(`^path ${dest} is being pulled into by another data-pull \\(pid ${process.pid} on .+, since .+\\): waiting`));
  first.release();
  (await second).release();
  expect(readdirSync(path.dirname(dest))).toEqual([]);
}, 20_000);

test('a wait past the limit fails naming path and the holder, and leaves the holder its lock', async () => {
  const dest = destination();
  const holder = await DestinationLock.acquire([dest], { log: recorder(), progressIntervalMs: 60_000 });
  await expect(DestinationLock.acquire([dest], { log: recorder(), progressIntervalMs: 60_000, maxWaitMs: 0 })).rejects.toThrow(
    new RegExp(`^path ${dest} is locked by another data-pull \\(pid ${process.pid} `),
  );
  expect(() => holder.assertHeld()).not.toThrow();
  holder.release();
});

test('a lock left by a process that is gone is taken over at once', async () => {
  const dest = destination();
  const pid = deadPid();
  plantLock(dest, { pid, pidStart: null });
  const log = recorder();
  const lock = await DestinationLock.acquire([dest], { log, progressIntervalMs: 60_000, maxWaitMs: 0 });
  expect(log.lines).toEqual([expect.stringMatching(new RegExp(`taking over the lock of another data-pull \\(pid ${pid} .*: process ${pid} is gone$`))]);
  expect(JSON.parse(readFileSync(lockFileOf(dest), 'utf8'))).toMatchObject({ pid: process.pid });
  lock.release();
});

test('a lock whose pid now belongs to another process (pid reuse) is taken over', async () => {
  const dest = destination();
  // This process is alive, but it is not the one that wrote the lock: its start time differs.
  plantLock(dest, { pid: process.pid, pidStart: '1' });
  const log = recorder();
  const lock = await DestinationLock.acquire([dest], { log, progressIntervalMs: 60_000, maxWaitMs: 0 });
  expect(log.lines).toEqual([expect.stringMatching(/: pid \d+ now belongs to another process$/)]);
  lock.release();
  expect(existsSync(lockFileOf(dest))).toBe(false);
});

test('a holder whose lock was taken from it finds out and fails, and leaves the new holder its lock', async () => {
  const dest = destination();
  const lock = await DestinationLock.acquire([dest], { log: recorder(), progressIntervalMs: 60_000 });
  plantLock(dest, { pid: process.pid, pidStart: null });
  expect(() => lock.assertHeld()).toThrow(/mlops-ci-lock was taken by another data-pull .*: run the pull again$/);
  lock.release();
  expect(JSON.parse(readFileSync(lockFileOf(dest), 'utf8'))).toMatchObject({ token: 'planted' });
});

describe('an owner whose pids this process cannot see (a container with the same host name, another host)', () => {
  test('is waited for while its heartbeat is fresh, even though its pid means nothing here', async () => {
    const dest = destination();
    plantLock(dest, { pid: deadPid(), pidStart: null, pidNamespace: 'pid:[1]' });
    await expect(DestinationLock.acquire([dest], { log: recorder(), progressIntervalMs: 60_000, maxWaitMs: 0 })).rejects.toThrow(/is locked by another data-pull/);
    expect(JSON.parse(readFileSync(lockFileOf(dest), 'utf8'))).toMatchObject({ token: 'planted' });
  });

  test('is taken over once its heartbeat has stopped', async () => {
    const dest = destination();
    plantLock(dest, { pid: process.pid, host: 'another-agent', pidStart: null });
    const threeMinutesAgo = new Date(Date.now() - 3 * 60_000);
    utimesSync(lockFileOf(dest), threeMinutesAgo, threeMinutesAgo);
    const log = recorder();
    const lock = await DestinationLock.acquire([dest], { log, progressIntervalMs: 60_000, maxWaitMs: 0 });
    expect(log.lines).toEqual([expect.stringMatching(/on another-agent, .*: not refreshed for 18\d s$/)]);
    lock.release();
  });
});

test('a destination whose parent cannot hold the lock fails naming path, not with a bare errno', async () => {
  const blocker = path.join(mkdtempSync(path.join(os.tmpdir(), 'dest-lock-blocked-')), 'file');
  writeFileSync(blocker, 'a file where the parent folder should be');
  const dest = path.join(blocker, 'data');
  await expect(DestinationLock.acquire([dest], { log: recorder(), progressIntervalMs: 60_000 })).rejects.toThrow(
    new RegExp(`^path ${dest}: cannot create its lock ${lockFileOf(dest)}: .*data-pull writes its lock in the folder that holds path$`),
  );
});
