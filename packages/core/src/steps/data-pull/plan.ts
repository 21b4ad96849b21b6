/**
 * Plans a pull: reads every input, and every local file they name (DVC files,
 * `.dvc/config`, a pinning manifest), and checks every place the pull writes
 * to or deletes in, before any transfer. A bad input ends the step here with
 * exit 2 and nothing written. The spec's relations (source, dvc or delta;
 * source and delta need path; never version and as-of both) were checked
 * by the reader before this runs.
 */
import os from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import { parseByteSize } from '../../cache-cap.js';
import { cacheStoreFor } from '../../cache/open.js';
import type { CacheStore } from '../../cache/types.js';
import { InputError, quote } from '../../errors.js';
import type { Host } from '../../host/types.js';
import type { InputReader, InputValue } from '../../spec/inputs.js';
import { resolveDvcRemote } from '../../data/dvc-config.js';
import { readDvcOuts } from '../../data/dvc-files.js';
import type { DvcPull } from '../../data/dvc-plan.js';
import type { DeltaLayout, DeltaPoint } from '../../data/delta/table.js';
import { readPinnedVersions, type PinnedVersions } from '../../data/source-plan.js';
import { azureSecrets } from '../../storage/azure/credentials.js';
import { requireCapability } from '../../storage/capabilities.js';
import { readLocation, type Location } from '../../storage/location.js';
import type { StoreSettings } from '../../storage/open.js';
import { checkDeleteScope, checkFilePath, checkFolderPath, checkLocalSource, checkLocalTable } from './guards.js';
import type { dataPullSpec } from './spec.js';

type DataPullReader = InputReader<typeof dataPullSpec>;
type PathStyle = InputValue<typeof dataPullSpec, 'path-style'>;

export type PullMode =
  | {
      readonly kind: 'source';
      /** The source as given, for messages and the manifest; `location` is what it names. */
      readonly url: string;
      readonly location: Location;
      readonly dest: string;
      readonly asOf?: Date;
      readonly pinned?: PinnedVersions;
    }
  | { readonly kind: 'dvc'; readonly pulls: readonly DvcPull[]; readonly base: string }
  | {
      readonly kind: 'delta';
      /** The table as given, for messages and the manifest; `location` is what it names. */
      readonly url: string;
      readonly location: Location;
      readonly dest: string;
      readonly point: DeltaPoint;
      readonly layout: DeltaLayout;
    }
  /** Git LFS pointer files the globs select, replaced in place (steps/data-pull/lfs.ts plans the rest). */
  | { readonly kind: 'lfs'; readonly globs: readonly string[]; readonly remote: string; readonly remoteGiven: boolean };

export interface DataPullRequest {
  readonly mode: PullMode;
  /** Endpoint, path-style and region given as inputs (a DVC remote's own settings fill the gaps). */
  readonly store: StoreSettings;
  /** Whether a relative path is selected by include/exclude. */
  readonly filter: (relpath: string) => boolean;
  readonly concurrency: number;
  readonly deleteExtra: boolean;
  readonly cacheDir: string;
  /** The size cap of cache-dir (and of a cache-url folder). */
  readonly cacheMaxBytes: number;
  /** The cross-run cache, or null when `cache: false`. */
  readonly crossRunCache: CacheStore | null;
  readonly manifestFile: string;
  readonly progressIntervalMs: number;
}

export async function planRequest(reader: DataPullReader, host: Host): Promise<DataPullRequest> {
  const { cwd } = host.context;
  const endpoint = readEndpoint(reader);
  const pathStyle = reader.get('path-style');
  const region = reader.get('region');
  const concurrency = reader.get('concurrency') ?? defaultConcurrency();
  const progressIntervalMs = reader.get('progress-interval') * 1000;
  const delta = reader.get('delta');
  // A table with files left out would read as other rows: delta pulls a version whole.
  const filter = delta !== undefined ? outsideDeltaLog(reader) : pathFilter(reader.get('include'), reader.get('exclude'));
  const cacheDir = path.resolve(cwd, reader.get('cache-dir') ?? defaultCacheDir(host.context.env));
  const cacheMaxBytes = readByteSize('cache-max-size', reader.get('cache-max-size'));
  const crossRunCache = await planCrossRunCache(reader, host, cacheMaxBytes);
  const manifestFile = path.resolve(cwd, reader.get('manifest') ?? defaultManifestFile(host.context.tempDir));
  const deleteExtra = reader.get('delete');

  const pathText = reader.get('path');
  const source = reader.get('source');
  const lfs = reader.get('lfs');
  const mode: PullMode =
    source !== undefined
      ? await sourceMode(reader, source, cwd)
      : delta !== undefined
        ? deltaMode(reader, delta, cwd)
        : lfs.length > 0
          ? lfsMode(reader, lfs)
          : await dvcMode(reader, pathText, cwd, host);
  checkPlaces(mode, cacheDir, manifestFile, pathText !== undefined);
  if ((mode.kind === 'source' || mode.kind === 'delta') && (mode.location.kind === 'gcs' || mode.location.kind === 'azure')) {
    refuseS3Settings(mode.url, mode.location.kind, { endpoint, 'path-style': pathStyle === 'auto' ? undefined : pathStyle, region });
  }
  if (deleteExtra) for (const dest of deletedIn(mode)) checkDeleteScope(dest, host.context.workspace);

  const store = storeOptions(endpoint, pathStyle, region, concurrency);
  return { mode, store, filter, concurrency, deleteExtra, cacheDir, cacheMaxBytes, crossRunCache, manifestFile, progressIntervalMs };
}

function readEndpoint(reader: DataPullReader): string | undefined {
  const endpoint = reader.get('endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new InputError('endpoint', `got '${endpoint}', expected an http(s):// URL`);
  return endpoint;
}

/**
 * `endpoint`, `path-style` and `region` speak to S3 only: with a gs:// or
 * azure:// source or table they would be dropped, and the pull would go to
 * the cloud instead of the server they name. (With DVC they apply to the S3
 * remotes among the outs.)
 */
function refuseS3Settings(url: string, kind: 'gcs' | 'azure', given: Readonly<Record<'endpoint' | 'path-style' | 'region', string | undefined>>): void {
  const input = (Object.keys(given) as (keyof typeof given)[]).find((name) => given[name] !== undefined);
  if (input === undefined) return;
  const other =
    kind === 'gcs'
      ? 'Google Cloud Storage, whose client reads STORAGE_EMULATOR_HOST for another server'
      : 'Azure Blob Storage, whose client takes another server from the BlobEndpoint of AZURE_STORAGE_CONNECTION_STRING';
  throw new InputError(input, `is for S3 sources; ${quote(url)} is ${other}`);
}

function storeOptions(endpoint: string | undefined, pathStyle: PathStyle, region: string | undefined, concurrency: number): StoreSettings {
  return {
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(pathStyle !== 'auto' ? { pathStyle: pathStyle === 'true' } : {}),
    ...(region !== undefined ? { region } : {}),
    maxSockets: concurrency,
  };
}

/**
 * Outside GitHub the cache folder already outlives the run on the same disk: a
 * second copy through the host's folder cache would only double it. cache-url
 * names a shared one.
 */
async function planCrossRunCache(reader: DataPullReader, host: Host, maxBytes: number): Promise<CacheStore | null> {
  const cacheUrl = reader.get('cache-url');
  const crossRun = reader.get('cache') && (host.kind === 'github' || cacheUrl !== undefined);
  if (!crossRun) return null;
  return cacheUrl === undefined ? host.cache : cacheStoreFor(cacheUrl, host, 'cache-url', maxBytes);
}

/**
 * `source`: its location checked (a folder must exist), as of a time or
 * pinned by a manifest; either needs a store that keeps versions, though a
 * manifest from a folder pull pins no version ids, only md5s, which any
 * store can check.
 */
async function sourceMode(reader: DataPullReader, source: string, cwd: string): Promise<PullMode> {
  const dest = path.resolve(cwd, givenByRelation(reader.get('path'), 'path'));
  const location = readLocation('source', source, { base: cwd });
  if (location.kind === 'folder') checkLocalSource(source, location.path);
  const asOfText = reader.get('as-of');
  const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText);
  if (asOf) requireCapability(location, 'objectVersions', 'as-of');
  const version = reader.get('version');
  const pinned = version === undefined ? undefined : await readPinnedVersions(path.resolve(cwd, version));
  if (pinned && [...pinned.values()].some((pin) => pin.versionId !== undefined)) requireCapability(location, 'objectVersions', 'version');
  return { kind: 'source', url: source, location, dest, ...(asOf ? { asOf } : {}), ...(pinned ? { pinned } : {}) };
}

/**
 * `delta`: a table location (any store that lists and reads ranges), at the
 * version `version` names, or current at `as-of`, else the latest.
 */
function deltaMode(reader: DataPullReader, delta: string, cwd: string): PullMode {
  const dest = path.resolve(cwd, givenByRelation(reader.get('path'), 'path'));
  const location = readLocation('delta', delta, { base: cwd });
  if (location.kind === 'folder') checkLocalTable(delta, location.path);
  requireCapability(location, 'list', 'delta');
  requireCapability(location, 'rangedRead', 'delta');
  return { kind: 'delta', url: delta, location, dest, point: deltaPoint(reader), layout: reader.get('delta-layout') };
}

function deltaPoint(reader: DataPullReader): DeltaPoint {
  const version = reader.get('version');
  const asOf = reader.get('as-of');
  if (version !== undefined) {
    const number = /^\d{1,15}$/.test(version) ? Number(version) : NaN;
    if (!Number.isSafeInteger(number)) throw new InputError('version', `got ${quote(version)}, expected a table version: a whole number, 0 or more`);
    return { kind: 'version', version: number };
  }
  return asOf === undefined ? { kind: 'latest' } : { kind: 'as-of', time: parseAsOf(asOf) };
}

/** With `delta` every file of the version is pulled; under `delete`, the pulled table's own log is never a file to remove. */
function outsideDeltaLog(reader: DataPullReader): (relpath: string) => boolean {
  for (const name of ['include', 'exclude'] as const) {
    if (reader.given(name)) throw new InputError(name, 'does not apply to delta: a table version is pulled whole (a table missing files would read as other rows)');
  }
  return (relpath) => !relpath.startsWith('_delta_log/');
}

/**
 * An input the spec's relations make present here (the reader checked them
 * before plan ran); its type cannot say so, hence this check for the compiler.
 */
function givenByRelation<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`data-pull: '${name}' was not given, though the spec's relations require it here`);
  return value;
}

/** Every place the pull writes is of the kind it needs (a folder, or a file), before anything is written. */
function checkPlaces(mode: PullMode, cacheDir: string, manifestFile: string, pathGiven: boolean): void {
  checkFolderPath('cache-dir', cacheDir);
  checkFilePath('manifest', manifestFile);
  if (mode.kind === 'lfs') return; // each file is replaced where it is
  if (mode.kind !== 'dvc') return checkFolderPath('path', mode.dest);
  for (const { out, dest, displayPath } of mode.pulls) {
    // With `path` the user named the place; else the DVC file did.
    const [input, what] = pathGiven ? ['path', `'path' (${out.isDir ? 'folder' : 'file'} out ${displayPath})`] : ['dvc', `${out.origin}: out ${displayPath}`];
    if (out.isDir) checkFolderPath(input, dest, what);
    else checkFilePath(input, dest, what);
  }
}

/** The folders `delete` would remove files in: the destination, or each directory out's. */
function deletedIn(mode: PullMode): string[] {
  if (mode.kind === 'lfs') return []; // the spec refuses delete with lfs
  return mode.kind !== 'dvc' ? [mode.dest] : mode.pulls.filter((pull) => pull.out.isDir).map((pull) => pull.dest);
}

/** `lfs`: the pointer files the globs select; steps/data-pull/lfs.ts plans the rest. A pointer pins its object by hash: no version or time applies. */
function lfsMode(reader: DataPullReader, globs: readonly string[]): PullMode {
  for (const name of ['version', 'as-of'] as const) {
    if (reader.given(name)) throw new InputError(name, 'applies to source or delta, not to lfs (a pointer file pins its object by hash)');
  }
  return { kind: 'lfs', globs, remote: reader.get('lfs-remote'), remoteGiven: reader.given('lfs-remote') };
}

/** `dvc`: every out of the DVC files, with the remote its repository configures and where it lands. */
async function dvcMode(reader: DataPullReader, pathText: string | undefined, cwd: string, host: Host): Promise<PullMode> {
  // A DVC file already pins its data by hash: a version or a time has nothing to pick.
  for (const name of ['version', 'as-of'] as const) {
    if (reader.given(name)) throw new InputError(name, 'applies to source or delta, not to dvc (a DVC file pins its data by hash)');
  }
  const files = reader.get('dvc');
  const remoteInput = reader.get('remote');
  const outs = (await Promise.all(files.map((file) => readDvcOuts(file, cwd)))).flat();
  if (outs.length === 0) throw new InputError('dvc', `no outs to pull in ${files.join(', ')}`);
  const base = outs[0]?.repoRoot ?? cwd;
  const pulls: DvcPull[] = [];
  for (const out of outs) {
    // The DVC file's repository configures its remotes, wherever its out lies.
    const remote = await resolveDvcRemote(out.repoRoot, remoteInput, out.remote);
    if (remote.credentials) {
      host.setSecret(remote.credentials.secretAccessKey);
      if (remote.credentials.sessionToken) host.setSecret(remote.credentials.sessionToken);
    }
    for (const secret of azureSecrets(remote.azure, {})) host.setSecret(secret);
    const displayPath = path.relative(base, out.path).split(path.sep).join('/');
    let dest = out.path;
    if (pathText !== undefined) dest = outs.length === 1 ? path.resolve(cwd, pathText) : path.resolve(cwd, pathText, displayPath);
    pulls.push({ out, remote, dest, displayPath });
  }
  return { kind: 'dvc', pulls, base: pathText !== undefined && outs.length > 1 ? path.resolve(cwd, pathText) : base };
}

function readByteSize(name: string, text: string): number {
  const bytes = parseByteSize(text);
  // A size is short: quote at most its start, without control characters, so a huge or hostile value is never echoed.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const shown = (text.length > 32 ? `${text.slice(0, 32)}…` : text).replace(/[\u0000-\u001f\u007f]/g, '?');
  if (bytes === undefined) throw new InputError(name, `got '${shown}', expected a size such as 10GiB, 500MB, 750M or a number of bytes`);
  return bytes;
}

function parseAsOf(text: string): Date {
  // ISO 8601 with a date; a time without a zone would depend on the runner's zone, so require one.
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;
  const date = new Date(text);
  if (!iso.test(text) || Number.isNaN(date.getTime())) throw new InputError('as-of', `got '${text}', expected an ISO 8601 time such as 2026-05-01T12:00:00Z`);
  return date;
}

function pathFilter(include: readonly string[], exclude: readonly string[]): (relpath: string) => boolean {
  const compile = (name: string, globs: readonly string[]): ((p: string) => boolean) | undefined => {
    if (globs.length === 0) return undefined;
    try {
      return picomatch(globs as string[], { dot: true });
    } catch (err) {
      throw new InputError(name, `has a bad glob (${(err as Error).message})`);
    }
  };
  const included = compile('include', include);
  const excluded = compile('exclude', exclude);
  return (relpath) => (included ? included(relpath) : true) && !(excluded?.(relpath) ?? false);
}

/** Small objects are latency-bound, not CPU-bound: on 2 CPUs, 48 in flight beat 16 by a third (bench/data-pull). */
function defaultConcurrency(): number {
  return Math.min(64, Math.max(32, os.availableParallelism() * 16));
}

function defaultCacheDir(env: Host['context']['env']): string {
  const toolCache = env['RUNNER_TOOL_CACHE'];
  return toolCache ? path.join(toolCache, 'mlops-ci', 'data-pull') : path.join(os.homedir(), '.cache', 'mlops-ci', 'data-pull');
}

/** One per process: two pulls in one run must not write each other's manifest. */
function defaultManifestFile(tempDir: string): string {
  return path.join(tempDir, 'mlops-ci', `data-pull-manifest-${process.pid}.json`);
}
