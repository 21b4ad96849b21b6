/**
 * setup-env: build the project's Python env exactly as its lock file says,
 * fast when it was built before, and record what it holds.
 *
 * The story: read every input and the lock file (bad input stops here, exit
 * 2, nothing created) → use the env already in place, or the cached one for
 * this exact key, if it passes a health check (a broken one is discarded with
 * a warning) → otherwise build it with the manager, from the download cache
 * when there is one, and save it → fingerprint the installed set and write
 * the lock export → put the env's bin first on PATH for the following steps.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheKeys, type EnvCacheKeys } from '../../env/cache-key.js';
import { CommandRunner } from '../../env/command.js';
import { fingerprintOf, installedPackages } from '../../env/fingerprint.js';
import { checkHealth, clearEnvFolder, LOCK_EXPORT_FILE, markFinished, writeMarker } from '../../env/health.js';
import { writeFileAtomic } from '../../fs-atomic.js';
import type { EnvManager } from '../../env/managers/base.js';
import { createManager } from '../../env/managers/factory.js';
import type { CacheOptions, CacheStore } from '../../cache/types.js';
import type { Host } from '../../host/types.js';
import { renderStepSummary } from '../summary.js';
import type { StepResult } from '../types.js';
import { planSetupEnv, type SetupEnvPlan } from './plan.js';

export { planSetupEnv as plan };

/**
 * A built env is shared with a directory cache by hard links: restoring it
 * writes no file content (bench/setup-env/README.md has the figures).
 * Safe because pip and uv replace files (unlink, write anew) rather than
 * writing into them, the same trade uv's own hard-link installs make; the
 * health check still vets every restore. Not for the download cache, which
 * the tools write into.
 */
const ENV_CACHE: CacheOptions = { link: true };

/** How the env came to be: reused (in place or from the cache) or built now. */
type Origin = 'in place' | 'cache' | 'built';

interface ReadyEnv {
  readonly origin: Origin;
  readonly packages: string[];
  readonly fingerprint: string;
}

export async function run(inputs: SetupEnvPlan, host: Host): Promise<StepResult> {
  const runner = new CommandRunner(host, { cwd: host.context.cwd, env: host.context.env });
  const manager = createManager(inputs.plan, runner);
  const keys = await cacheKeys(inputs.plan, { relocatable: manager.relocatable, suffix: inputs.cacheKeySuffix });
  host.info(`${manager.name} env at ${inputs.plan.envPath} from ${inputs.plan.files.lockInputs.join(', ')}; cache key ${keys.env}`);

  const ready =
    (await host.group('Look for a ready env', () => reuseEnv(manager, runner, keys, inputs, host))) ??
    (await host.group(`Build the env with ${manager.name}`, () => buildEnv(manager, runner, keys, inputs, host)));

  await host.group('Record what was installed', () => writeLockExport(manager, inputs));
  host.info(`${ready.packages.length} packages, fingerprint ${ready.fingerprint}; lock export ${inputs.lockExportFile}`);
  host.addPath(manager.binDir);
  await host.appendSummary(summary(manager, inputs, ready, keys));

  return {
    outputs: {
      python: manager.python,
      'env-path': inputs.plan.envPath,
      manager: manager.name,
      'python-version': await pythonVersion(runner, manager),
      'cache-hit': String(ready.origin !== 'built'),
      'cache-key': keys.env,
      fingerprint: ready.fingerprint,
      'lock-export': inputs.lockExportFile,
    },
  };
}

/**
 * The env already at its path (a persistent Jenkins workspace) or restored
 * from the cache by its exact key — only if healthy. A restored env that
 * fails the check is removed and the step builds a fresh one.
 */
async function reuseEnv(manager: EnvManager, runner: CommandRunner, keys: EnvCacheKeys, inputs: SetupEnvPlan, host: Host): Promise<ReadyEnv | null> {
  const inPlace = await checkHealth(manager, runner, keys.env);
  if (inPlace.healthy) {
    host.info(`The env at ${inputs.plan.envPath} was built for this key and is healthy: reusing it.`);
    return { origin: 'in place', packages: inPlace.packages, fingerprint: inPlace.fingerprint };
  }
  if (!inputs.cache) {
    host.info('Caching is off (cache: false).');
    return null;
  }
  const matched = await restoreEnv(inputs.cache, keys, inputs.plan.envPath, host.context.cwd);
  if (!matched) {
    host.info(`No cached env for ${keys.env}.`);
    return null;
  }
  const restored = await checkHealth(manager, runner, keys.env);
  if (restored.healthy) {
    host.info(`Restored the env from the cache (${matched}); it passed the health check.`);
    return { origin: 'cache', packages: restored.packages, fingerprint: restored.fingerprint };
  }
  host.warning(`The cached env ${matched} failed its health check (${restored.reason}): discarded, building a fresh one.`);
  await clearEnvFolder(inputs.plan.envPath);
  return null;
}

/**
 * Restores the env into an empty place (leftovers of another env must not
 * mix with the cached one), marked unfinished from before its first file
 * until after its last: a restore killed halfway (a cancelled job, an OOM
 * kill) leaves a partial env whose package metadata may all be there, and
 * only the mark keeps the next run from trusting it. Every cache store adds
 * files to the folder and keeps the ones it did not save, so the mark stays.
 */
async function restoreEnv(cache: CacheStore, keys: EnvCacheKeys, envPath: string, cwd: string): Promise<string | undefined> {
  await clearEnvFolder(envPath);
  const matched = await cache.restore([cachePath(envPath, cwd)], keys.env, [], ENV_CACHE);
  if (matched) await markFinished(envPath);
  return matched;
}

/** Builds the env (downloads from the cache when any), marks it whole, and saves it unless it is inconsistent. */
async function buildEnv(manager: EnvManager, runner: CommandRunner, keys: EnvCacheKeys, inputs: SetupEnvPlan, host: Host): Promise<ReadyEnv> {
  const { cache, plan } = inputs;
  const downloadsHit = await restoreDownloads(inputs, keys, host);
  await manager.create();
  const packages = await installedPackages(runner, manager.python);
  const fingerprint = fingerprintOf(packages);
  const problem = await manager.dependencyProblem();
  // Exported now and kept in the env, so a cache hit reuses it instead of running pip freeze again.
  await manager.exportLock(path.join(plan.envPath, LOCK_EXPORT_FILE));
  await writeMarker(plan.envPath, { key: keys.env, manager: manager.name, python: manager.python, fingerprint });
  await markFinished(plan.envPath);
  if (problem) host.warning(`The env was built but its dependencies are inconsistent (${problem}).${cache ? ' It is not cached: every restore would fail the health check.' : ''}`);
  if (cache) await saveToCache(cache, manager, keys, inputs, { env: !problem, downloads: inputs.cacheDownloads && downloadsHit !== keys.downloads }, host);
  return { origin: 'built', packages, fingerprint };
}

/** Saves the env under its exact key and, when it is ours and new, the download cache under its own. */
async function saveToCache(cache: CacheStore, manager: EnvManager, keys: EnvCacheKeys, inputs: SetupEnvPlan, what: { env: boolean; downloads: boolean }, host: Host): Promise<void> {
  if (what.env) {
    host.info(`Saving the env to the cache as ${keys.env}.`);
    await cache.save([cachePath(inputs.plan.envPath, host.context.cwd)], keys.env, ENV_CACHE);
  }
  if (what.downloads) {
    await manager.trimDownloadCache();
    // @actions/cache refuses a missing folder with a warning on the job, and an empty one is not worth an entry.
    if (await holdsAnyFile(inputs.plan.downloadCache)) await cache.save([inputs.plan.downloadCache], keys.downloads);
    else host.info('Nothing was downloaded: no download cache to save.');
  }
}

/** Whether a file exists anywhere under `dir` (stops at the first). */
async function holdsAnyFile(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) return true;
    if (await holdsAnyFile(path.join(dir, entry.name))) return true;
  }
  return false;
}

/** The lock export kept in the env; the health check has shown the env still holds exactly that. */
async function writeLockExport(manager: EnvManager, inputs: SetupEnvPlan): Promise<void> {
  const kept = path.join(inputs.plan.envPath, LOCK_EXPORT_FILE);
  const text = await readFile(kept).catch(() => null);
  if (text) await writeFileAtomic(inputs.lockExportFile, text);
  else await manager.exportLock(inputs.lockExportFile);
}

/**
 * The tool's download cache, from the newest entry of this manager and
 * Python (any cached wheel is safe to reuse), only into our own empty folder:
 * a folder that is already there is warm, and copying over a live cache
 * (uv's holds links between its entries) would corrupt it.
 */
async function restoreDownloads(inputs: SetupEnvPlan, keys: EnvCacheKeys, host: Host): Promise<string | undefined> {
  const folder = inputs.plan.downloadCache;
  if (!inputs.cache || !inputs.cacheDownloads) return undefined;
  if ((await readdir(folder).catch(() => [])).length > 0) {
    host.info(`Download cache ${folder} is already there: not restoring it.`);
    return undefined;
  }
  const hit = await inputs.cache.restore([folder], keys.downloads, [keys.downloadsPrefix]);
  if (hit) host.info(`Download cache restored from ${hit}.`);
  return hit;
}

/**
 * The env's path as the cache is told it: relative to the working directory
 * when inside it. @actions/cache versions an entry by the path strings it was
 * given, so an absolute path would miss on any runner whose workspace lives
 * elsewhere — and a relocatable (uv) env is meant to be restored there.
 */
function cachePath(envPath: string, cwd: string): string {
  const relative = path.relative(cwd, envPath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : envPath;
}

/** The env's Python version: a venv runs the very interpreter it was made from, so only conda's is asked. */
async function pythonVersion(runner: CommandRunner, manager: EnvManager): Promise<string> {
  if (manager.plan.interpreter) return manager.plan.interpreter.version;
  const result = await runner.capture(manager.python, ['-c', 'import platform; print(platform.python_version())']);
  return result.stdout.trim();
}

function summary(manager: EnvManager, inputs: SetupEnvPlan, ready: ReadyEnv, keys: EnvCacheKeys): string {
  const origin = { 'in place': 'reused in place', cache: 'restored from the cache', built: 'built' }[ready.origin];
  return renderStepSummary({
    step: 'setup-env',
    outcome: 'ok',
    headline: `Python env (${manager.name}): ${origin}`,
    rows: [
      ['env', { code: inputs.plan.envPath }],
      ['built from', inputs.plan.files.lockInputs.join(', ')],
      ['packages', ready.packages.length],
      ['fingerprint', { code: ready.fingerprint }],
      ['cache key', { code: keys.env }],
    ],
  });
}
