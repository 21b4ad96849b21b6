import { InputError } from '../../errors.js';
import { readInputTextIfExists } from '../../fs-input.js';
import { showFile } from '../../host/git.js';
import { metricsFromText } from '../../metrics/load.js';
import type { BaselineFiles } from '../../metrics/samples.js';
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
 * Reads the `baseline` input: a file path, or `git:<ref>:<path>` read with
 * `git show` (argv, never a shell). A baseline that does not exist yet is
 * "missing", not an error — the first run of a pipeline has none. One that
 * exists but cannot be parsed is bad input.
 */
export async function loadBaseline(spec: string, cwd: string): Promise<Baseline> {
  if (spec.trim() === '') return { kind: 'none' };
  if (spec.trim().startsWith('registry:')) return loadRegistryBaseline(spec.trim(), cwd);
  const git = /^git:([^:]+):(.+)$/.exec(spec.trim());
  if (git) {
    const [, ref, file] = git as unknown as [string, string, string];
    if (ref.startsWith('-')) throw new InputError('baseline', `got git ref '${ref}', which looks like an option; expected git:<ref>:<path>`);
    const text = await showFile(cwd, ref, file);
    if (text === null) return { kind: 'missing', source: spec, reason: `${file} does not exist at ${ref}` };
    return { kind: 'found', source: spec, metrics: parse(text, spec) };
  }
  if (spec.startsWith('git:')) throw new InputError('baseline', `got '${spec}', expected git:<ref>:<path> (e.g. git:origin/main:metrics.json)`);
  const text = await readInputTextIfExists({ input: 'baseline', what: 'baseline file', file: spec, cwd });
  if (text === null) return { kind: 'missing', source: spec, reason: `${spec} does not exist` };
  return { kind: 'found', source: spec, metrics: parse(text, spec) };
}

/**
 * `registry:<model>@<alias>`: the metrics promote-model stored with the
 * version the alias points to, in the default registry (`.mlops-ci/registry`
 * in `cwd`), or in another one: `registry:<model>@<alias>:<registry-url>`
 * (`s3://…`, `mlflow+http://…`, `git-tags`, a folder). An alias not set yet is
 * a missing baseline (the first promotion has none).
 */
async function loadRegistryBaseline(spec: string, cwd: string): Promise<Baseline> {
  const match = /^registry:([^@\s]+)@([A-Za-z][A-Za-z0-9_-]*)(?::(.+))?$/.exec(spec);
  if (!match) throw new InputError('baseline', `got '${spec}', expected registry:<model>@<alias> or registry:<model>@<alias>:<registry-url>`);
  const [, model, alias, url] = match as unknown as [string, string, string, string | undefined];
  const { openRegistry, parseRegistryLocation, UnknownRegistryError } = await import('../../registry/factory.js');
  const { RegistryRefusal } = await import('../../registry/types.js');
  let location;
  try {
    location = parseRegistryLocation(url ?? '', cwd);
  } catch (err) {
    if (err instanceof UnknownRegistryError) throw new InputError('baseline', err.message);
    throw err;
  }
  // The S3 endpoint, when any, comes from the environment (the registry's S3 client reads it).
  const registry = await openRegistry(location, { workspace: cwd });
  const found = await registry.describe(model, { alias });
  if (!found) return { kind: 'missing', source: spec, reason: `${model}@${alias} is not set in ${registry.description}`, files: { kind: 'no-version' } };
  const { version, files: registered } = found.lineage;
  const files: BaselineFiles = {
    kind: 'version',
    async read(file) {
      let body: Buffer | null;
      try {
        body = await registry.readFile(model, version, file);
      } catch (err) {
        if (err instanceof RegistryRefusal) throw new InputError('samples', err.message);
        throw err;
      }
      if (body === null) {
        const names = registered.map((f) => f.path).join(', ') || 'none';
        throw new InputError('samples', `baseline=registry:${file}: ${model} version ${version} (${model}@${alias}) has no file ${file}; its files: ${names}`);
      }
      return body;
    },
  };
  if (!found.lineage.metrics) return { kind: 'missing', source: spec, reason: `${model} version ${version} (${model}@${alias}) was registered without metrics`, files };
  return { kind: 'found', source: `${spec} (version ${version})`, metrics: found.lineage.metrics, files };
}

function parse(text: string, source: string): MetricValues {
  return metricsFromText(text, source, 'baseline');
}
