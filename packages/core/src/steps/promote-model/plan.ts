import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, quote } from '../../errors.js';
import { remoteUrl, revParse } from '../../scm/git.js';
import type { Host } from '../../host/types.js';
import { parseDuration } from '../../container/parse.js';
import { loadMetricsFile } from '../../metrics/load.js';
import { parseRegistryLocation, type RegistryLocation } from '../../registry/factory.js';
import { actorFrom, type Provenance } from '../../registry/lineage.js';
import { aliasProblem, modelNameProblem } from '../../registry/names.js';
import type { InputReader, InputValue } from '../../spec/inputs.js';
import { outputFolderPath } from '../../spec/output-file.js';
import type { GateResults } from '../../types/gate.js';
import { matchPromotedCandidate, readGateResults, requireProvenGate, type CandidateMatch, type PromotedCandidate } from './gate-proof.js';
import { readProvenance } from './provenance.js';
import { asInputError } from './registry-plan.js';
import { promoteModelSpec } from './spec.js';

type Spec = typeof promoteModelSpec;
type Reader = InputReader<Spec>;

/** A model file found under `path`, not yet hashed. */
export interface ModelFileRef {
  readonly path: string;
  readonly absolutePath: string;
}

interface Common {
  readonly registry: RegistryLocation;
  /** Absent: AWS itself. */
  readonly s3Endpoint: string | undefined;
  readonly push: boolean;
  readonly bump: InputValue<Spec, 'bump'>;
  readonly actor: string | null;
  /** Uploads unfinished for longer than this are abandoned (gc, and the clean-up after a registration). */
  readonly gcOlderThanMs: number;
}

type DescribeRef = { readonly alias: string } | { readonly version: string };

/** The modes that move or remove an alias and register nothing. */
type AliasMove =
  | { readonly mode: 'rollback' | 'remove-alias'; readonly model: string; readonly alias: string }
  | { readonly mode: 'to-version'; readonly model: string; readonly alias: string; readonly version: string };

interface Registration {
  readonly mode: 'register';
  readonly model: string;
  readonly alias: string | null;
  readonly files: readonly ModelFileRef[];
  readonly metrics: Readonly<Record<string, number>> | null;
  readonly gate: GateResults | null;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

/** What the step was asked to do, each with exactly what it needs. */
export type PromoteRequest = Common &
  (
    | { readonly mode: 'gc'; readonly model: string | null }
    | { readonly mode: 'describe'; readonly model: string; readonly ref: DescribeRef; readonly allowMissing: boolean }
    | AliasMove
    | Registration
  );

/**
 * Reads and checks every input, and the files they name, before any work:
 * a bad name, a missing path, an unknown registry scheme or a gate that did
 * not pass ends the step here (exit 2) with nothing written to the registry.
 */
export async function planRequest(reader: Reader, host: Host): Promise<PromoteRequest> {
  const common = await planCommon(reader, host);
  if (reader.get('gc')) return { ...common, mode: 'gc', model: planGc(reader, common.registry) };

  const describe = reader.get('describe');
  const allowMissing = reader.get('allow-missing');
  if (describe !== undefined) return { ...common, mode: 'describe', ...parseDescribe(describe), allowMissing };

  const model = requiredModel(reader);
  const aliasText = reader.get('alias');
  const alias = aliasText === undefined ? null : checkedAlias(aliasText);
  const move = planAliasMove(reader, model, alias);
  if (move) return { ...common, ...move };
  return { ...common, ...(await planRegistration(reader, host, model, alias)) };
}

/** What every mode needs: where the registry is and how to talk to it. */
async function planCommon(reader: Reader, host: Host): Promise<Common> {
  const common: Common = {
    registry: registryOf(reader.get('registry'), host.context.cwd),
    s3Endpoint: reader.get('s3-endpoint'),
    push: reader.get('push'),
    bump: reader.get('bump'),
    actor: actorFrom(host.context.env),
    gcOlderThanMs: gcOlderThanMs(reader.get('gc-older-than')),
  };
  if (common.registry.kind === 'git-tags') await checkGitTagsRepository(common.registry.repo, host.context.env, common.push);
  // Dropped, it would send the versions to Google rather than to the server it names.
  if (common.registry.kind === 'store' && common.registry.location.kind === 'gcs' && common.s3Endpoint !== undefined) {
    throw new InputError('s3-endpoint', `is for S3 registries; ${quote(common.registry.location.url)} is Google Cloud Storage, whose client reads STORAGE_EMULATOR_HOST for another server`);
  }
  return common;
}

/** `gc-older-than`: a duration (`24h`, `45m`), in milliseconds. */
function gcOlderThanMs(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === null || seconds <= 0) throw new InputError('gc-older-than', `got '${text}', expected a duration such as 45m, 24h or 1h30m`);
  return seconds * 1000;
}

/** gc is a mode of its own: only `model` (optional: every model) and `gc-older-than` go with it. */
function planGc(reader: Reader, registry: RegistryLocation): string | null {
  if (registry.kind === 'mlflow' || registry.kind === 'git-tags') {
    throw new InputError('gc', `applies to registries in a folder or an object store, whose uploads a killed writer can leave half-done; a ${registry.kind} registry has none`);
  }
  const model = reader.get('model');
  return model === undefined ? null : checkedModel(model, 'model');
}

type MoveRequest = { readonly mode: 'rollback' | 'remove-alias' } | { readonly mode: 'to-version'; readonly version: string };

/** The alias move asked for: the spec's relations let at most one through. */
function askedMove(reader: Reader): MoveRequest | null {
  const version = reader.get('to-version');
  if (version !== undefined) return { mode: 'to-version', version };
  if (reader.get('rollback')) return { mode: 'rollback' };
  if (reader.get('remove-alias')) return { mode: 'remove-alias' };
  return null;
}

/** rollback, remove-alias and to-version each move the alias and register nothing. */
function planAliasMove(reader: Reader, model: string, alias: string | null): AliasMove | null {
  const move = askedMove(reader);
  if (move === null) return null;
  // Unreachable while the spec's relations require the alias with every move.
  if (alias === null) throw new Error(`promote-model: ${move.mode} was read without an alias`);
  if (move.mode === 'to-version') return { mode: 'to-version', model, alias, version: checkedVersion(move.version) };
  return { mode: move.mode, model, alias };
}

function checkedVersion(version: string): string {
  if (!/^(\d+|v?\d+\.\d+\.\d+)$/.test(version)) throw new InputError('to-version', `got '${version}', expected a version number (7) or, for git-tags, vX.Y.Z`);
  return version;
}

/** The main path: the files, their metrics and gate, and how they were made. */
async function planRegistration(reader: Reader, host: Host, model: string, alias: string | null): Promise<Registration> {
  const cwd = host.context.cwd;
  const modelPath = reader.get('path');
  if (modelPath === undefined) throw new InputError('path', 'is required to register a version: the model file or folder');
  const files = await modelFiles(modelPath, cwd);
  const metricsFile = reader.get('metrics');
  const metrics = metricsFile === undefined ? null : { file: metricsFile, values: await loadMetricsFile(metricsFile, cwd) };
  const gate = await readGateResults(reader.get('gate-results'), cwd);
  const match = gate ? await matchPromotedCandidate(gate, { modelPath, metrics }, cwd) : null;
  const promoted = reader.get('require-gate') ? requireProvenGate(gate, match) : provenOrWarn(match, metrics !== null, host);
  return {
    mode: 'register',
    model,
    alias,
    files,
    // Without `metrics`, the promoted candidate's, as the gate read them: a later registry baseline needs them.
    metrics: metrics?.values ?? promoted?.metrics ?? null,
    gate,
    extra: parseExtraLineage(reader.get('lineage')),
    provenance: await readProvenance(reader, host, modelPath),
  };
}

/** A relative folder or `git-tags:<folder>` is relative to the working folder, as every path in an input. */
function registryOf(value: string, cwd: string): RegistryLocation {
  try {
    const location = parseRegistryLocation(value, cwd);
    // A folder registry where a file is: refused now, not as ENOTDIR halfway through a registration.
    if (location.kind === 'store' && location.location.kind === 'folder') outputFolderPath('registry', location.location.path, cwd);
    return location;
  } catch (err) {
    throw asInputError('registry', err);
  }
}

/** git-tags needs a repository with a commit to tag, and an `origin` to push to when push is on. */
async function checkGitTagsRepository(repo: string, env: Readonly<NodeJS.ProcessEnv>, push: boolean): Promise<void> {
  const at = { cwd: repo, env };
  if (!(await revParse(at, 'HEAD'))) {
    throw new InputError('registry', `is git-tags, but ${repo} is not a git repository with a commit to tag (check out the repository first)`);
  }
  if (push && !(await remoteUrl(at))) throw new InputError('push', `is true, but the repository in ${repo} has no remote named origin`);
}

/** Every mode but describe and gc names its model in `model`. */
function requiredModel(reader: Reader): string {
  const model = reader.get('model');
  if (model === undefined) throw new InputError('model', 'is required: name the model (or give describe: <model>@<alias> to read one)');
  return checkedModel(model, 'model');
}

function checkedModel(model: string, input: 'model' | 'describe'): string {
  const problem = modelNameProblem(model);
  if (problem) throw new InputError(input, `got model name '${model}', which ${problem}`);
  return model;
}

function checkedAlias(alias: string): string {
  const problem = aliasProblem(alias);
  if (problem) throw new InputError('alias', `got '${alias}', which ${problem}`);
  return alias;
}

/** `model@alias` or `model@<version>` (7, v1.2.0). */
function parseDescribe(text: string): { model: string; ref: DescribeRef } {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) throw new InputError('describe', `got '${text}', expected <model>@<alias> or <model>@<version> (e.g. iris@production)`);
  const model = checkedModel(text.slice(0, at), 'describe');
  const ref = text.slice(at + 1);
  if (/^(\d+|v\d+\.\d+\.\d+)$/.test(ref)) return { model, ref: { version: ref } };
  const problem = aliasProblem(ref);
  if (problem) throw new InputError('describe', `got alias '${ref}', which ${problem}`);
  return { model, ref: { alias: ref } };
}

/** The file, or every file under the folder (sorted), as paths relative to the model. */
async function modelFiles(modelPath: string, cwd: string): Promise<ModelFileRef[]> {
  const absolute = path.resolve(cwd, modelPath);
  const info = await stat(absolute).catch(() => null);
  if (!info) throw new InputError('path', `got '${modelPath}', which does not exist`);
  if (info.isFile()) return [{ path: path.basename(absolute), absolutePath: absolute }];
  if (!info.isDirectory()) throw new InputError('path', `got '${modelPath}', which is neither a file nor a folder`);
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { path: path.relative(absolute, full).split(path.sep).join('/'), absolutePath: full };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (files.length === 0) throw new InputError('path', `got '${modelPath}', a folder with no files in it`);
  if (files.some((file) => file.path === 'version.json')) {
    throw new InputError('path', `'${modelPath}' holds a version.json at its top, the name the registry keeps the lineage under; rename it`);
  }
  return files;
}

/** require-gate: false still takes the metrics from results that prove which candidate this is; else it says why not. */
function provenOrWarn(match: CandidateMatch | null, hasMetrics: boolean, host: Host): PromotedCandidate | null {
  if (match?.kind === 'proven') return match.candidate;
  if (match) host.warning(`require-gate is false, so the version is registered anyway${hasMetrics ? '' : ', without metrics'}; gate-results: ${match.reason}`);
  return null;
}

/** A JSON object, or `key=value` lines; text inputs keep their blanks, so a block's indent is allowed. */
function parseExtraLineage(text: string | undefined): Record<string, unknown> {
  const trimmed = text?.trim();
  if (!trimmed) return {};
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch (err) {
      throw new InputError('lineage', `is not valid JSON (${(err as Error).message})`);
    }
    throw new InputError('lineage', 'must be a JSON object or key=value lines');
  }
  const extra: Record<string, unknown> = {};
  for (const line of trimmed.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new InputError('lineage', `got line '${line}', expected key=value`);
    extra[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return extra;
}
