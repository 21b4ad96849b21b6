/**
 * data-pull's `lfs` mode: the Git LFS files of the checkout that the globs
 * select, replaced in place by their objects (data/lfs/).
 *
 * Planning finds the repository, the LFS files the globs select (none is bad
 * input: a glob that selects nothing must not pass as a pull), and, when a
 * pointer is left to replace, the LFS server. The run restores the
 * cross-run cache, fetches and verifies every object missing from the local
 * cache, then replaces the pointers; the manifest and digest are those of
 * every other mode (path and md5 of each file, relative to the repository root).
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import { digestOf, writeManifest, type Manifest, type ManifestFile } from '../../data/manifest.js';
import type { ObjectCache } from '../../data/object-cache.js';
import { formatBytes } from '../../data/progress.js';
import { LfsClient } from '../../data/lfs/client.js';
import { githubToken, gitCredentialFill } from '../../data/lfs/credentials.js';
import { discoverEndpoint, EndpointError, type LfsEndpoint } from '../../data/lfs/endpoint.js';
import { lfsCacheId, pullLfs, type LfsReport } from '../../data/lfs/pull.js';
import { findLfsFiles, lfsMatcher, readGitConfig, repositoryRoot, type LfsFile } from '../../data/lfs/repo.js';
import { renderStepSummary } from '../summary.js';
import type { StepResult } from '../types.js';
import { evictToCap, restoreCache, saveCache } from './index.js';
import type { DataPullRequest, PullMode } from './plan.js';

type LfsMode = Extract<PullMode, { kind: 'lfs' }>;

export interface LfsPlan {
  readonly root: string;
  readonly files: readonly LfsFile[];
  /** Undefined when every selected file already holds its object: no server is needed. */
  readonly endpoint: LfsEndpoint | undefined;
}

const CACHE_KEY_PREFIX = 'mlops-ci-data-pull-lfs-';

export async function planLfs(mode: LfsMode, filter: (relpath: string) => boolean, host: Host): Promise<LfsPlan> {
  const { cwd, env } = host.context;
  const repository = await repositoryRoot({ cwd, env });
  if ('why' in repository) throw new InputError('lfs', `pulls the LFS files of a git checkout, and git finds none at ${cwd}: ${repository.why}`);
  const { root } = repository;
  const globs = mode.globs.flatMap(splitCommas).map((glob) => ({ glob, matches: compileGlob(glob) }));
  if (globs.length === 0) throw new InputError('lfs', 'names no glob');
  const files = await findLfsFiles(root, (relpath) => filter(relpath) && globs.some(({ matches }) => matches(relpath)), { cwd: root, env });
  // Each glob on its own: a mistyped one beside a good one must not pass as a pull.
  const idle = globs.filter(({ matches }) => !files.some((file) => matches(file.relpath))).map(({ glob }) => `'${glob}'`);
  if (idle.length > 0) throw new InputError('lfs', `${idle.join(', ')} ${idle.length === 1 ? 'selects' : 'select'} no Git LFS file (pointer) in ${root}`);
  const pointers = files.filter((file) => file.holds === 'pointer').length;
  host.info(`${files.length} LFS files selected in ${root}: ${pointers} pointers to replace, ${files.length - pointers} already replaced`);
  // Needed only to replace a pointer: with none left, a checkout without a remote still re-pulls.
  const endpoint = pointers > 0 ? await planEndpoint(mode, root, host) : undefined;
  if (endpoint) host.info(`LFS server ${endpoint.url} (${endpoint.from})`);
  return { root, files, endpoint };
}

async function planEndpoint(mode: LfsMode, root: string, host: Host): Promise<LfsEndpoint> {
  const place = { cwd: root, env: host.context.env };
  const [gitConfig, lfsConfig] = await Promise.all([readGitConfig(place), readGitConfig(place, '.lfsconfig')]);
  try {
    const endpoint = discoverEndpoint(gitConfig, lfsConfig, mode.remote);
    if (endpoint.userinfo) host.setSecret(endpoint.userinfo.password);
    return endpoint;
  } catch (err) {
    if (err instanceof EndpointError) throw new InputError(mode.remoteGiven ? 'lfs-remote' : 'lfs', `no LFS server: ${err.message}`);
    throw err;
  }
}

export async function runLfs(plan: LfsPlan, inputs: DataPullRequest, cache: ObjectCache, host: Host): Promise<StepResult> {
  const cacheKey = `${CACHE_KEY_PREFIX}${lfsIdentity(plan.files)}`;
  const restoredKey = await restoreCache(inputs, cacheKey, CACHE_KEY_PREFIX, host);

  const report = await host.group('Pull', () => pullLfs(plan.root, plan.files, { cache, client: clientFor(plan, host), concurrency: inputs.concurrency, log: host, progressIntervalMs: inputs.progressIntervalMs }));
  logOutcome(report, host);
  await evictToCap(cache, new Set(plan.files.map((file) => lfsCacheId(file.pointer.oid))), inputs.cacheMaxBytes, host);

  const manifest = manifestOf(report, plan);
  await writeManifest(inputs.manifestFile, manifest);
  await saveCache(inputs, cacheKey, restoredKey, report.downloaded, host);
  const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
  await host.appendSummary(
    renderStepSummary({
      step: 'data-pull',
      outcome: 'ok',
      headline: `${manifest.files.length} LFS files, ${formatBytes(bytes)}`,
      rows: [
        ['files', manifest.files.length],
        ['size', formatBytes(bytes)],
        ['downloaded', `${report.downloaded} (${formatBytes(report.bytesDownloaded)})`],
        ['already in place', report.kept],
        ['left as changed', report.changed.length],
        ['digest', { code: manifest.digest }],
      ],
    }),
  );
  return {
    outputs: {
      path: plan.root,
      files: String(manifest.files.length),
      bytes: String(bytes),
      digest: manifest.digest,
      manifest: inputs.manifestFile,
      'cache-hit': String(restoredKey === cacheKey),
      transferred: String(report.downloaded),
    },
  };
}

/** The client of the planned LFS server; none when planning found no pointer to replace (nothing to fetch). */
function clientFor(plan: LfsPlan, host: Host): LfsClient | undefined {
  if (!plan.endpoint) return undefined;
  const endpoint = plan.endpoint.url;
  const known = plan.endpoint.userinfo ?? githubToken(endpoint, host.context.env);
  return new LfsClient({
    endpoint,
    ...(known ? { credential: known } : {}),
    askCredential: () => gitCredentialFill(endpoint, { cwd: plan.root, env: host.context.env }),
    mask: (secret) => host.setSecret(secret),
  });
}

function logOutcome(report: LfsReport, host: Host): void {
  host.info(
    `${report.files.length} LFS files in place: ${report.kept} already replaced, ${report.fromCache} from the local cache, ${report.downloaded} objects downloaded (${formatBytes(report.bytesDownloaded)})`,
  );
  if (report.changed.length > 0) {
    const shown = report.changed.slice(0, 20).join(', ');
    host.warning(`${report.changed.length} selected LFS files hold neither their pointer nor their object (changed locally), left as they are: ${shown}${report.changed.length > 20 ? ', …' : ''}`);
  }
}

function manifestOf(report: LfsReport, plan: LfsPlan): Manifest {
  const source = plan.endpoint?.url ?? 'lfs';
  const files: ManifestFile[] = report.files.map((file) => ({ path: file.relpath, size: file.size, md5: file.md5, source: `${source}/${file.oid}`, key: file.oid }));
  return { version: 1, base: plan.root, digest: digestOf(files), files };
}

/** The cross-run cache key's part that names the dataset: each file's path and oid. */
function lfsIdentity(files: readonly LfsFile[]): string {
  const lines = files.map((file) => `${file.relpath}\0${file.pointer.oid}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 40);
}

function compileGlob(glob: string): (relpath: string) => boolean {
  try {
    return lfsMatcher(glob);
  } catch (err) {
    throw new InputError('lfs', `has a bad glob '${glob}' (${(err as Error).message})`);
  }
}

/** `a,b` as git-lfs's `--include` reads it; a comma inside `{…}` belongs to the glob. */
function splitCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
