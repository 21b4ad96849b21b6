import { InputError } from '../../errors.js';
import { readInputTextIfExists } from '../../fs-input.js';
import { modelNameProblem } from '../../registry/names.js';
import { fetchRef, fileAt, isShallow, remoteNames, revParse, type GitPlace } from '../../scm/git.js';
import { metricsFromText } from '../../metrics/load.js';
import type { BaselineFiles } from '../../metrics/samples.js';
import { RegistryRefusal, type ModelRegistry } from '../../registry/types.js';
import type { MetricValues } from '../../types/gate.js';

/**
 * The baseline as found: its metrics, or missing (first run, file not there
 * yet). A registry baseline also says where the version's files are, for
 * `samples: baseline=registry:<file>`.
 */
export type Baseline =
  | { readonly kind: 'none' }
  | { readonly kind: 'missing'; readonly source: string; readonly reason: string; readonly files?: BaselineFiles }
  | { readonly kind: 'found'; readonly source: string; readonly metrics: MetricValues; readonly files?: BaselineFiles };

/**
 * Reads the `baseline` input (absent: no baseline): a file path,
 * `registry:<model>@<alias>`, or `git:<ref>:<path>` read with
 * `git show` (argv, never a shell). A baseline that does not exist yet is
 * "missing", not an error — the first run of a pipeline has none. One that
 * exists but cannot be parsed is bad input. `here` is the run context's
 * folder (relative paths, the repository) and environment (git, the registry).
 */
export async function loadBaseline(spec: string | undefined, here: GitPlace): Promise<Baseline> {
  if (spec === undefined) return { kind: 'none' };
  if (spec.startsWith('registry:')) return loadRegistryBaseline(spec, here);
  const git = /^git:([^:]+):(.+)$/.exec(spec);
  if (git) {
    const [, ref, file] = git as unknown as [string, string, string];
    if (ref.startsWith('-')) throw new InputError('baseline', `got git ref '${ref}', which looks like an option; expected git:<ref>:<path>`);
    return loadGitBaseline(spec, ref, file, here);
  }
  if (spec.startsWith('git:')) throw new InputError('baseline', `got '${spec}', expected git:<ref>:<path> (e.g. git:origin/main:metrics.json)`);
  const text = await readInputTextIfExists({ input: 'baseline', what: 'baseline file', file: spec, cwd: here.cwd });
  if (text === null) return { kind: 'missing', source: spec, reason: `${spec} does not exist` };
  return { kind: 'found', source: spec, metrics: parse(text, spec) };
}

/**
 * `git:<ref>:<path>`. Missing only when the ref exists and has no such file
 * (the first run, before the metrics were committed there).
 */
async function loadGitBaseline(spec: string, ref: string, file: string, here: GitPlace): Promise<Baseline> {
  const commit = await resolveRef(ref, here);
  const entry = await fileAt(here, commit, file);
  switch (entry.kind) {
    case 'absent':
      return { kind: 'missing', source: spec, reason: `${file} does not exist at ${ref}` };
    case 'not-a-file':
      throw new InputError('baseline', `${file} at ${ref} is a ${entry.type === 'tree' ? 'folder' : entry.type}, not a metrics file`);
    case 'file':
      return { kind: 'found', source: spec, metrics: parse(entry.text, spec) };
  }
}

/**
 * The commit `ref` names. A clone lacks the refs it was not asked for (a PR's
 * depth-1 checkout has no origin/main), so those are fetched from their remote
 * — shallowly in a shallow clone. A ref that still cannot be found is bad
 * input, never a missing baseline: a typo would otherwise skip every rule.
 */
async function resolveRef(ref: string, here: GitPlace): Promise<string> {
  const local = await revParse(here, ref);
  if (local) return local;
  const { remote, name } = remoteRefOf(ref, await remoteNames(here));
  const hint = 'check the spelling (e.g. git:origin/main:metrics.json), or check out with fetch-depth: 0 for a ref relative to HEAD';
  if (remote === null) throw new InputError('baseline', `git ref '${ref}' does not exist in this repository, which has no remote to fetch it from: ${hint}`);
  const fetched = await fetchRef(here, remote, name, await isShallow(here));
  switch (fetched.kind) {
    case 'fetched':
      return fetched.commit;
    case 'no-such-ref':
      throw new InputError('baseline', `git ref '${ref}' does not exist in this clone nor at ${remote} (git fetch ${remote} ${name}: ${fetched.detail}): ${hint}`);
    case 'failed':
      throw new Error(`baseline: git ref '${ref}' is not in this clone, and fetching ${name} from ${remote} failed: ${fetched.detail}`);
  }
}

/** `origin/main` is `main` at origin; any other ref is asked of origin (or the only remote) as written. */
function remoteRefOf(ref: string, remotes: readonly string[]): { remote: string | null; name: string } {
  const named = remotes.find((remote) => ref.startsWith(`${remote}/`));
  if (named !== undefined) return { remote: named, name: ref.slice(named.length + 1) };
  return { remote: remotes.includes('origin') ? 'origin' : (remotes[0] ?? null), name: ref };
}

/**
 * `registry:<model>@<alias>`: the metrics promote-model stored with the
 * version the alias points to, in the default registry (`.mlops-ci/registry`
 * in `cwd`), or in another one: `registry:<model>@<alias>:<registry-url>`
 * (`s3://…`, `mlflow+http://…`, `git-tags`, a folder). Missing only while
 * the model has no version; an alias never set, a version without metrics or
 * a damaged record is bad input naming `baseline`.
 */
async function loadRegistryBaseline(spec: string, here: GitPlace): Promise<Baseline> {
  const match = /^registry:([^@\s]+)@([A-Za-z][A-Za-z0-9_-]*)(?::(.+))?$/.exec(spec);
  if (!match) throw new InputError('baseline', `got '${spec}', expected registry:<model>@<alias> or registry:<model>@<alias>:<registry-url>`);
  const [, model, alias, url] = match as unknown as [string, string, string, string | undefined];
  // Checked before any registry is asked: a name no registry may hold is a typo, not a missing model.
  const nameProblem = modelNameProblem(model);
  if (nameProblem) throw new InputError('baseline', `model name "${model}" ${nameProblem}`);
  const { openRegistry, parseRegistryLocation } = await import('../../registry/factory.js');
  // The S3 endpoint, when any, comes from the environment (the registry's S3 client reads it).
  const registry = await asInputErrors('baseline', async () => openRegistry(parseRegistryLocation(url ?? '', here.cwd), { workspace: here.cwd, env: here.env }));
  const found = await asInputErrors('baseline', () => registry.describe(model, { alias }));
  if (!found) return asInputErrors('baseline', () => aliasNotSet(registry, spec, model, alias));
  const { version, files: registered } = found.lineage;
  const files: BaselineFiles = {
    kind: 'version',
    async read(file) {
      const body = await asInputErrors('samples', () => registry.readFile(model, version, file));
      if (body === null) {
        const names = registered.map((f) => f.path).join(', ') || 'none';
        throw new InputError('samples', `baseline=registry:${file}: ${model} version ${version} (${model}@${alias}) has no file ${file}; its files: ${names}`);
      }
      return body;
    },
  };
  if (!found.lineage.metrics) {
    throw new InputError(
      'baseline',
      `${model} version ${version} (${model}@${alias}) in ${registry.description} has no metrics recorded, so there is nothing to compare with: ` +
        'promote a version with metrics (or gate-results) to that alias, or give the baseline as a file or git:<ref>:<path>',
    );
  }
  return { kind: 'found', source: `${spec} (version ${version})`, metrics: found.lineage.metrics, files };
}

/**
 * The gate's one mapping of registry/'s domain errors to its inputs, used
 * while the baseline and samples are read (all in plan): a registry
 * location no backend serves, or a request the registry refuses, is bad
 * input naming `input`; anything else (a service down, damaged data) stays.
 */
async function asInputErrors<T>(input: 'baseline' | 'samples', read: () => Promise<T>): Promise<T> {
  const { UnknownRegistryError } = await import('../../registry/factory.js');
  try {
    return await read();
  } catch (err) {
    if (err instanceof RegistryRefusal || err instanceof UnknownRegistryError) throw new InputError(input, err.message, { cause: err });
    throw err;
  }
}

/**
 * An alias that points nowhere: a missing baseline only while the model has
 * no version at all (the first promotion is still to come). On a model that
 * has versions it is a typo or a promotion that never happened: bad input,
 * with what to do in either case.
 */
async function aliasNotSet(registry: ModelRegistry, spec: string, model: string, alias: string): Promise<Baseline> {
  const { hasVersions, aliases } = await registry.overview(model);
  if (!hasVersions) return { kind: 'missing', source: spec, reason: `${model} has no version yet in ${registry.description}`, files: { kind: 'no-version' } };
  const known = aliases.length > 0 ? `its aliases: ${aliases.join(', ')}` : 'it has no alias at all';
  throw new InputError(
    'baseline',
    `${model} has versions in ${registry.description}, but no alias '${alias}' (${known}): ` +
      `if '${alias}' is a typo, check the spelling; if ${model} was never promoted to ${alias}, gate without a baseline until it is ` +
      `(promote-model --describe ${model}@${alias} --allow-missing tells: found = false), or point ${alias} at a version with promote-model --to-version`,
  );
}

function parse(text: string, source: string): MetricValues {
  return metricsFromText(text, source, 'baseline');
}
