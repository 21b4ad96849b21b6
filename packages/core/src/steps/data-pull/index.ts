/**
 * data-pull: the exact dataset version the code names, verified, fast.
 *
 * The story: read every input and local file, then plan: list the source
 * (now, as of a time, or pinned versions), read the DVC outs and their .dir
 * manifests, or replay a Delta table's log to one version's files (bad input
 * found so far stops here, exit 2) → restore the cross-run cache keyed by
 * that plan → put every file in place: kept when the state file vouches for
 * it, else from the local cache or the store, in parallel, each verified and
 * renamed into place → optionally delete files no longer in the dataset →
 * write a pulled Delta table's one-commit log → write the manifest, save the
 * cache, report.
 */
import type { Host } from '../../host/types.js';
import type { DvcRemote } from '../../data/dvc-config.js';
import { DestinationLock } from '../../data/destination-lock.js';
import { planDelta, writeTableLog, type DeltaPull } from '../../data/delta/table.js';
import { planDvc } from '../../data/dvc-plan.js';
import { buildManifest, planIdentity, writeManifest } from '../../data/manifest.js';
import { ObjectCache } from '../../data/object-cache.js';
import { cacheIdOf, type Target } from '../../data/plan.js';
import { formatBytes } from '../../data/progress.js';
import { planSource } from '../../data/source-plan.js';
import { syncTargets, type SyncReport } from '../../data/sync.js';
import { describeLocation } from '../../storage/location.js';
import { openStore, type StoreOptions, type StoreSettings } from '../../storage/open.js';
import type { ObjectStore } from '../../storage/types.js';
import type { InputReader } from '../../spec/inputs.js';
import { renderStepSummary } from '../summary.js';
import type { StepResult } from '../types.js';
import type { dataPullSpec } from './spec.js';
import { planLfs, runLfs, type LfsPlan } from './lfs.js';
import { planRequest, type DataPullRequest, type PullMode } from './plan.js';

/** A request whose files are put in place as targets (a source, DVC outs, a Delta table; `lfs` replaces files where they are). */
type TargetsRequest = DataPullRequest & { readonly mode: Exclude<PullMode, { kind: 'lfs' }> };

/** What run() gets: the inputs, and the files to put where (or, with `lfs`, the LFS files), as planning found them. */
export type PullPlan =
  | {
      readonly kind: 'targets';
      readonly inputs: TargetsRequest;
      readonly cache: ObjectCache;
      readonly targets: readonly Target[];
      /** With `delta`: the version its one target makes, and the log to write beside it. */
      readonly delta?: DeltaPull;
    }
  | { readonly kind: 'lfs'; readonly inputs: DataPullRequest; readonly cache: ObjectCache; readonly lfs: LfsPlan };

/**
 * Reads the inputs, then plans the pull: lists the source or reads the DVC
 * outs and their .dir manifests. Both are reading what the inputs name, so a
 * source with nothing to pull or a manifest that climbs out of its folder is
 * bad input (exit 2) found before anything is put in place.
 */
export async function plan(reader: InputReader<typeof dataPullSpec>, host: Host): Promise<PullPlan> {
  const inputs = await planRequest(reader, host);
  const cache = new ObjectCache(inputs.cacheDir);
  const { mode } = inputs;
  if (mode.kind === 'lfs') return { kind: 'lfs', inputs, cache, lfs: await host.group('Plan the pull', () => planLfs(mode, inputs.filter, host)) };
  const request: TargetsRequest = { ...inputs, mode };
  if (mode.kind === 'delta') {
    const delta = await host.group('Plan the pull', () => planDeltaPull(mode, inputs, host));
    return { kind: 'targets', inputs: request, cache, targets: [delta.target], delta };
  }
  const targets = await host.group('Plan the pull', () => planTargets(mode, inputs, cache, host));
  return { kind: 'targets', inputs: request, cache, targets };
}

const CACHE_KEY_PREFIX = 'mlops-ci-data-pull-';

export async function run(plan: PullPlan, host: Host): Promise<StepResult> {
  if (plan.kind === 'lfs') return runLfs(plan.lfs, plan.inputs, plan.cache, host);
  const { inputs, cache, targets, delta } = plan;
  const fileCount = targets.reduce((sum, target) => sum + target.files.length, 0);
  host.info(`${fileCount} files from ${describeSources(targets)}`);

  const cacheKey = `${CACHE_KEY_PREFIX}${planIdentity(targets)}`;
  const restoredKey = await restoreCache(inputs, cacheKey, CACHE_KEY_PREFIX, host);

  const report = await host.group('Pull', () => pullLocked(targets, cache, inputs, host, delta));
  logOutcome(report, host);
  await evictToCap(cache, neededBy(targets), inputs.cacheMaxBytes, host);

  const base = inputs.mode.kind === 'dvc' ? inputs.mode.base : inputs.mode.dest;
  const manifest = buildManifest(report.files, base);
  await writeManifest(inputs.manifestFile, manifest);
  await saveCache(inputs, cacheKey, restoredKey, report.downloaded, host);
  const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
  await host.appendSummary(summaryOf(manifest.files.length, bytes, manifest.digest, report));

  return {
    outputs: {
      path: inputs.mode.kind === 'dvc' ? targets.map((target) => target.root).join('\n') : inputs.mode.dest,
      files: String(manifest.files.length),
      bytes: String(bytes),
      digest: manifest.digest,
      manifest: inputs.manifestFile,
      'cache-hit': String(restoredKey === cacheKey),
      transferred: String(report.downloaded),
      'delta-version': delta ? String(delta.version) : '',
    },
  };
}

/**
 * Puts the files in place while holding every destination's lock: a second
 * pull into one waits for the first. A pulled Delta table's log is written
 * last, so it never names a file not yet in place.
 */
async function pullLocked(targets: readonly Target[], cache: ObjectCache, inputs: DataPullRequest, host: Host, delta: DeltaPull | undefined): Promise<SyncReport> {
  const lock = await DestinationLock.acquire(
    targets.map((target) => target.root),
    { log: host, progressIntervalMs: inputs.progressIntervalMs },
  );
  try {
    const report = await syncTargets(targets, cache, {
      concurrency: inputs.concurrency,
      deleteExtra: inputs.deleteExtra,
      isManaged: inputs.filter,
      log: host,
      progressIntervalMs: inputs.progressIntervalMs,
      keepObjects: inputs.mode.kind === 'dvc' || inputs.crossRunCache !== null,
    });
    if (delta?.logCommit !== undefined) await writeTableLog(delta.target.root, delta.logCommit);
    lock.assertHeld();
    return report;
  } finally {
    lock.release();
  }
}

/**
 * Keeps cache-dir within cache-max-size, before a cross-run save so the saved
 * cache is within it too. Only after a pull that added objects: nothing else
 * grows the cache, and an unchanged re-pull stays free of a walk of it.
 */
export async function evictToCap(cache: ObjectCache, needed: ReadonlySet<string>, maxBytes: number, host: Host): Promise<void> {
  if (!cache.grew) return;
  const result = await cache.evictToCap(maxBytes, needed);
  if (result.evicted > 0) host.info(`cache: evicted ${result.evicted} least recently used objects (${formatBytes(result.evictedBytes)}) to stay within cache-max-size`);
  if (result.remainingBytes > maxBytes) {
    host.info(`cache: holds ${formatBytes(result.remainingBytes)}, over cache-max-size (${formatBytes(maxBytes)}): this dataset, or objects another run used in the last minutes, take that much`);
  }
}

/** The cache entries the targets' files come from: never evicted while this dataset is pulled. */
function neededBy(targets: readonly Target[]): Set<string> {
  return new Set(targets.flatMap((target) => target.files.map(cacheIdOf)).filter((id): id is string => id !== undefined));
}

/** A Delta table version: its log replayed to the exact files, each checked to be still there. */
async function planDeltaPull(mode: Extract<PullMode, { kind: 'delta' }>, inputs: DataPullRequest, host: Host): Promise<DeltaPull> {
  const { store, prefix } = openStore(mode.location, storeOptions(inputs.store, host.context.env));
  const pulled = await planDelta({ url: mode.url, store, prefix, dest: mode.dest, point: mode.point, layout: mode.layout });
  host.info(`${mode.url}: version ${pulled.version}, ${pulled.target.files.length} data files${mode.layout === 'table' ? ', pulled as a Delta table' : ''}`);
  return pulled;
}

/** What to put where: listing the source, or reading the DVC outs. */
async function planTargets(mode: Exclude<PullMode, { kind: 'delta' | 'lfs' }>, inputs: DataPullRequest, cache: ObjectCache, host: Host): Promise<Target[]> {
  if (mode.kind === 'source') {
    const { store, prefix } = openStore(mode.location, storeOptions(inputs.store, host.context.env));
    if (mode.asOf) host.info(`as of ${mode.asOf.toISOString()}`);
    if (mode.pinned) host.info(`${mode.pinned.size} object versions pinned by the version manifest`);
    return [await planSource({ url: mode.url, kind: mode.location.kind, store, prefix, dest: mode.dest, filter: inputs.filter, deleting: inputs.deleteExtra, ...(mode.asOf ? { asOf: mode.asOf } : {}), ...(mode.pinned ? { pinned: mode.pinned } : {}) })];
  }
  const stores = new Map<string, { store: ObjectStore; prefix: string }>();
  for (const { remote } of mode.pulls) {
    const place = describeLocation(remote.location);
    if (!stores.has(place)) stores.set(place, openStore(remote.location, storeOptions({ ...remoteOptions(remote), ...inputs.store }, host.context.env)));
  }
  const storeFor = (remote: DvcRemote): { store: ObjectStore; prefix: string } => stores.get(describeLocation(remote.location)) as { store: ObjectStore; prefix: string };
  for (const pull of mode.pulls) host.info(`${pull.displayPath} (${pull.out.origin}, ${pull.out.hashName === 'md5' ? 'DVC 3.x' : 'DVC 2.x'}) from remote '${pull.remote.name}'`);
  return planDvc(mode.pulls, { cache, storeFor, filter: inputs.filter, log: host, cwd: host.context.cwd });
}

/** A DVC remote's own endpoint, region and keys (a gs:// remote's key file and project: no secret; an azure:// remote's account and secrets: masked); the step's inputs win over them. */
function remoteOptions(remote: DvcRemote): StoreSettings {
  return {
    ...(remote.gcs ? { gcs: remote.gcs } : {}),
    ...(remote.endpoint ? { endpoint: remote.endpoint } : {}),
    ...(remote.region ? { region: remote.region } : {}),
    ...(remote.credentials ? { credentials: remote.credentials } : {}),
    ...(remote.azure ? { azure: remote.azure } : {}),
  };
}

/** Path-style addressing by default when talking to an S3-compatible endpoint; AWS_* defaults from the run's environment. */
function storeOptions(options: StoreSettings, env: Readonly<NodeJS.ProcessEnv>): StoreOptions {
  const endpoint = options.endpoint ?? env['AWS_ENDPOINT_URL'];
  return { ...options, pathStyle: options.pathStyle ?? endpoint !== undefined, env };
}

/** The cross-run cache's key restored into cache-dir: `key` itself, else the newest starting with `prefix`; undefined on a miss or without `cache`. */
export async function restoreCache(inputs: DataPullRequest, key: string, prefix: string, host: Host): Promise<string | undefined> {
  const cache = inputs.crossRunCache;
  if (!cache) return undefined;
  return host.group('Restore the cache', async () => {
    const restored = await cache.restore([inputs.cacheDir], key, [prefix]);
    host.info(restored === undefined ? 'cache miss' : restored === key ? `cache hit: ${key}` : `partial cache hit: ${restored}`);
    return restored;
  });
}

/** Keys are immutable: saves cache-dir only for a dataset the cache did not hold whole. */
export async function saveCache(inputs: DataPullRequest, key: string, restoredKey: string | undefined, downloaded: number, host: Host): Promise<void> {
  const cache = inputs.crossRunCache;
  if (cache && restoredKey !== key && downloaded > 0) await host.group('Save the cache', () => cache.save([inputs.cacheDir], key));
}

function logOutcome(report: SyncReport, host: Host): void {
  host.info(
    `${report.files.length} files in place: ${report.kept} already right, ${report.fromCache} from the local cache, ${report.downloaded} downloaded (${formatBytes(report.bytesDownloaded)})` +
      (report.deleted.length > 0 ? `; ${report.deleted.length} removed` : ''),
  );
  for (const file of report.deleted.slice(0, 20)) host.debug(`removed ${file}`);
}

function describeSources(targets: readonly Target[]): string {
  const sources = [...new Set(targets.map((target) => `${target.store.description}`))];
  return sources.join(', ');
}

function summaryOf(files: number, bytes: number, digest: string, report: SyncReport): string {
  return renderStepSummary({
    step: 'data-pull',
    outcome: 'ok',
    headline: `${files} files, ${formatBytes(bytes)}`,
    rows: [
      ['files', files],
      ['size', formatBytes(bytes)],
      ['downloaded', `${report.downloaded} (${formatBytes(report.bytesDownloaded)})`],
      ['from the cache', report.fromCache],
      ['already in place', report.kept],
      ['digest', { code: digest }],
    ],
  });
}

