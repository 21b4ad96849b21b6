import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { remoteUrl, revParse } from '../../scm/git.js';
import type { Host } from '../../host/types.js';
import { parseDuration } from '../../container/parse.js';
import { loadMetricsFile } from '../../metrics/load.js';
import { parseRegistryLocation, type RegistryLocation } from '../../registry/factory.js';
import { actorFrom, type Provenance } from '../../registry/lineage.js';
import { aliasProblem, modelNameProblem } from '../../registry/names.js';
import type { InputReader } from '../../spec/inputs.js';
import { outputFolderPath } from '../../spec/output-file.js';
import type { GateResults } from '../../types/gate.js';
import { matchPromotedCandidate, readGateResults, requireProvenGate, type CandidateMatch, type PromotedCandidate } from './gate-proof.js';
import { readProvenance } from './provenance.js';
import { asInputError } from './registry-plan.js';

/** A model file found under `path`, not yet hashed. */
export interface ModelFileRef {
  readonly path: string;
  readonly absolutePath: string;
}

interface Common {
  readonly registry: RegistryLocation;
  readonly s3Endpoint: string;
  readonly push: boolean;
  readonly bump: 'major' | 'minor' | 'patch';
  readonly actor: string | null;
  /** Uploads unfinished for longer than this are abandoned (gc, and the clean-up after a registration). */
  readonly gcOlderThanMs: number;
}

/** What the step was asked to do, each with exactly what it needs. */
export type PromoteInputs = Common &
  (
    | { readonly mode: 'gc'; readonly model: string | null }
    | { readonly mode: 'describe'; readonly model: string; readonly ref: { alias: string } | { version: string }; readonly allowMissing: boolean }
    | { readonly mode: 'rollback' | 'remove-alias'; readonly model: string; readonly alias: string }
    | { readonly mode: 'to-version'; readonly model: string; readonly alias: string; readonly version: string }
    | {
        readonly mode: 'register';
        readonly model: string;
        readonly alias: string | null;
        readonly files: readonly ModelFileRef[];
        readonly metrics: Readonly<Record<string, number>> | null;
        readonly gate: GateResults | null;
        readonly extra: Readonly<Record<string, unknown>>;
        readonly provenance: Provenance;
      }
  );

/**
 * Reads and checks every input, and the files they name, before any work:
 * a bad name, a missing path, an unknown registry scheme or a gate that did
 * not pass ends the step here (exit 2) with nothing written to the registry.
 */
export async function readPromoteInputs(reader: InputReader, host: Host): Promise<PromoteInputs> {
  const cwd = process.cwd();
  const workspace = host.context.workspace;
  const common: Common = {
    registry: registryOf(reader.string('registry'), workspace),
    s3Endpoint: reader.string('s3-endpoint').trim(),
    push: reader.boolean('push'),
    bump: reader.choice<'major' | 'minor' | 'patch'>('bump'),
    actor: actorFrom(process.env),
    gcOlderThanMs: readGcOlderThan(reader),
  };

  if (common.registry.kind === 'git-tags') await checkGitTagsRepository(common.registry.repo, common.push);

  if (reader.boolean('gc')) return { ...common, mode: 'gc', model: readGcModel(reader, common.registry) };

  const describe = reader.string('describe').trim();
  const allowMissing = reader.boolean('allow-missing');
  if (describe) return { ...common, mode: 'describe', ...parseDescribe(describe), allowMissing };
  if (allowMissing) throw new InputError('allow-missing', 'only applies to describe; give describe: <model>@<alias> with it');

  const model = checkedModel(reader.requiredString('model').trim(), 'model');
  const aliasText = reader.string('alias').trim();
  const alias = aliasText ? checkedAlias(aliasText) : null;
  const rollback = reader.boolean('rollback');
  const removeAlias = reader.boolean('remove-alias');
  const toVersion = reader.string('to-version').trim();
  const modes = [rollback && 'rollback', removeAlias && 'remove-alias', toVersion && 'to-version'].filter((mode): mode is string => Boolean(mode));
  if (modes.length > 1) throw new InputError(modes[1] as string, `was given together with ${modes[0]}; give only one of rollback, remove-alias and to-version`);
  const which = modes[0];
  if (which) {
    if (!alias) throw new InputError('alias', `is required with ${which}: name the alias (e.g. production)`);
    if (rollback) return { ...common, mode: 'rollback', model, alias };
    if (removeAlias) return { ...common, mode: 'remove-alias', model, alias };
    if (!/^(\d+|v?\d+\.\d+\.\d+)$/.test(toVersion)) {
      throw new InputError('to-version', `got '${toVersion}', expected a version number (7) or, for git-tags, vX.Y.Z`);
    }
    return { ...common, mode: 'to-version', model, alias, version: toVersion };
  }

  const modelPath = reader.requiredString('path').trim();
  const files = await modelFiles(modelPath, cwd);
  const metricsFile = reader.string('metrics').trim();
  const metrics = metricsFile ? await loadMetricsFile(metricsFile, cwd) : null;
  const gate = await readGateResults(reader.string('gate-results').trim(), cwd);
  const match = gate ? await matchPromotedCandidate(gate, { modelPath, metrics: metrics ? { file: metricsFile, values: metrics } : null }, cwd) : null;
  const promoted = reader.boolean('require-gate') ? requireProvenGate(gate, match) : provenOrWarn(match, metrics !== null, host);
  return {
    ...common,
    mode: 'register',
    model,
    alias,
    files,
    // Without `metrics`, the promoted candidate's, as the gate read them: a later registry baseline needs them.
    metrics: metrics ?? promoted?.metrics ?? null,
    gate,
    extra: parseExtraLineage(reader.string('lineage')),
    provenance: await readProvenance(reader, host, cwd),
  };
}

/** `gc-older-than`: a duration (`24h`, `45m`), in milliseconds. */
function readGcOlderThan(reader: InputReader): number {
  const text = reader.string('gc-older-than').trim();
  const seconds = parseDuration(text);
  if (seconds === null || seconds <= 0) throw new InputError('gc-older-than', `got '${text}', expected a duration such as 45m, 24h or 1h30m`);
  return seconds * 1000;
}

/** gc is a mode of its own: only `model` (optional: every model) and `gc-older-than` go with it. */
function readGcModel(reader: InputReader, registry: RegistryLocation): string | null {
  if (registry.kind === 'mlflow' || registry.kind === 'git-tags') {
    throw new InputError('gc', `applies to folder and s3:// registries, whose uploads a killed writer can leave half-done; a ${registry.kind} registry has none`);
  }
  for (const other of ['path', 'alias', 'describe', 'to-version', 'metrics', 'gate-results']) {
    if (reader.string(other).trim()) throw new InputError('gc', `was given together with ${other}; gc removes abandoned uploads and does nothing else`);
  }
  for (const other of ['rollback', 'remove-alias', 'allow-missing']) {
    if (reader.boolean(other)) throw new InputError('gc', `was given together with ${other}; gc removes abandoned uploads and does nothing else`);
  }
  const model = reader.string('model').trim();
  return model ? checkedModel(model, 'model') : null;
}

function registryOf(value: string, workspace: string): RegistryLocation {
  try {
    const location = parseRegistryLocation(value, workspace);
    // A folder registry where a file is: refused now, not as ENOTDIR halfway through a registration.
    if (location.kind === 'local') outputFolderPath('registry', location.root, workspace);
    return location;
  } catch (err) {
    throw asInputError('registry', err);
  }
}

/** git-tags needs a repository with a commit to tag, and an `origin` to push to when push is on. */
async function checkGitTagsRepository(repo: string, push: boolean): Promise<void> {
  if (!(await revParse(repo, 'HEAD'))) {
    throw new InputError('registry', `is git-tags, but ${repo} is not a git repository with a commit to tag (check out the repository first)`);
  }
  if (push && !(await remoteUrl(repo))) throw new InputError('push', `is true, but the repository in ${repo} has no remote named origin`);
}

function checkedModel(model: string, input: string): string {
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
function parseDescribe(text: string): { model: string; ref: { alias: string } | { version: string } } {
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

/** A JSON object, or `key=value` lines. */
function parseExtraLineage(text: string): Record<string, unknown> {
  const trimmed = text.trim();
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
