import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs-atomic.js';
import type { CommandRunner } from './command.js';
import { fingerprintOf, installedPackages } from './fingerprint.js';
import type { EnvManager } from './managers/base.js';

/**
 * Written into the env as the last act of a successful build: an env
 * without it (a build killed halfway, a partial restore) is never trusted.
 */
export const MARKER_FILE = '.mlops-ci-env.json';

/**
 * Written into the env folder before a build or a restore puts anything
 * there, and removed once the env is whole: an env holding it was left by a
 * build or restore that was killed halfway, and is never trusted. With
 * MARKER_FILE it is also how the step knows a folder is its own to replace.
 */
export const UNFINISHED_FILE = '.mlops-ci-unfinished';

/** The lock export made when the env was built, kept inside it. */
export const LOCK_EXPORT_FILE = '.mlops-ci-lock-export.txt';

export interface EnvMarker {
  readonly key: string;
  readonly manager: string;
  readonly python: string;
  readonly fingerprint: string;
}

export type Health = { readonly healthy: true; readonly packages: string[]; readonly fingerprint: string } | { readonly healthy: false; readonly reason: string };

export async function writeMarker(envPath: string, marker: EnvMarker): Promise<void> {
  await writeFileAtomic(path.join(envPath, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Marks the env folder (made if missing) as being built or restored. */
export async function markUnfinished(envPath: string): Promise<void> {
  await mkdir(envPath, { recursive: true });
  await writeFile(path.join(envPath, UNFINISHED_FILE), '');
}

/**
 * Empties the env folder for a build or restore, keeping it marked
 * unfinished all along: the mark goes in first and is the one entry not
 * removed, so a kill at any moment leaves a folder that is still the step's
 * own (to replace) and never trusted.
 */
export async function clearEnvFolder(envPath: string): Promise<void> {
  await markUnfinished(envPath);
  for (const entry of await readdir(envPath)) {
    if (entry !== UNFINISHED_FILE) await rm(path.join(envPath, entry), { recursive: true, force: true });
  }
}

/** The env is whole: the last act of a build or restore. */
export async function markFinished(envPath: string): Promise<void> {
  await rm(path.join(envPath, UNFINISHED_FILE), { force: true });
}

async function isUnfinished(envPath: string): Promise<boolean> {
  return (await lstat(path.join(envPath, UNFINISHED_FILE)).catch(() => null)) !== null;
}

async function readMarker(envPath: string): Promise<EnvMarker | null> {
  try {
    return JSON.parse(await readFile(path.join(envPath, MARKER_FILE), 'utf8')) as EnvMarker;
  } catch {
    return null;
  }
}

/**
 * The quick check a restored env must pass before it is used: it was built
 * whole for this key, its interpreter runs, it holds exactly the packages it
 * was built with, and their dependencies are consistent (`pip check`).
 */
export async function checkHealth(manager: EnvManager, runner: CommandRunner, key: string): Promise<Health> {
  if (await isUnfinished(manager.plan.envPath)) return { healthy: false, reason: `it holds ${UNFINISHED_FILE}: the build or restore that made it did not finish` };
  const marker = await readMarker(manager.plan.envPath);
  if (!marker) return { healthy: false, reason: `${MARKER_FILE} is missing or unreadable (the env was not saved whole)` };
  if (marker.key !== key) return { healthy: false, reason: `it was built for key ${marker.key}` };
  let packages: string[];
  try {
    packages = await installedPackages(runner, manager.python);
  } catch (err) {
    return { healthy: false, reason: `its interpreter does not run: ${(err as Error).message.split('\n')[0]}` };
  }
  const fingerprint = fingerprintOf(packages);
  if (fingerprint !== marker.fingerprint) return { healthy: false, reason: `its packages changed since it was built (fingerprint ${fingerprint.slice(0, 12)}, built ${marker.fingerprint.slice(0, 12)})` };
  const problem = await manager.dependencyProblem().catch((err: Error) => `the dependency check did not run: ${err.message}`);
  if (problem) return { healthy: false, reason: problem };
  return { healthy: true, packages, fingerprint };
}
