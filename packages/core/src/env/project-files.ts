import { readFile, readdir, stat } from 'node:fs/promises';
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import { InputError } from '../errors.js';
import type { CondaEnvironment, ManagerName } from './types.js';

/** The lock file each manager builds from, in the order auto-detection tries them. */
export const LOCK_FILES: ReadonlyArray<{ readonly manager: ManagerName; readonly names: readonly string[] }> = [
  { manager: 'uv', names: ['uv.lock'] },
  { manager: 'poetry', names: ['poetry.lock'] },
  { manager: 'pipenv', names: ['Pipfile.lock'] },
  { manager: 'conda', names: ['environment.yml', 'environment.yaml'] },
];

/** Files that tell a reader what kind of project a folder is, listed when nothing fits. */
const INTERESTING = /^(requirements.*\.txt|constraints.*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile(\.lock)?|poetry\.lock|uv\.lock|environment\.ya?ml|\.python-version)$/;

/** The project files in `dir` a manager could use, sorted; for detection and for error messages. */
export async function projectFileNames(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => INTERESTING.test(name)).sort();
}

/** "found: Pipfile, requirements.txt" or "found no project file". */
export function describeFound(names: readonly string[]): string {
  return names.length > 0 ? `found: ${names.join(', ')}` : 'found no requirements*.txt, pyproject.toml or lock file';
}

/** requirements.txt, else every requirements*.txt, sorted. */
export function defaultRequirements(names: readonly string[]): string[] {
  if (names.includes('requirements.txt')) return ['requirements.txt'];
  return names.filter((name) => /^requirements.*\.txt$/.test(name));
}

export async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** Reads a file an input names; a missing one is that input's fault (exit 2). */
export async function readInputFile(file: string, input: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(input, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * Checks a requirements file line by line: requirement specifiers, options
 * (`-r`, `-c`, `--hash`, `--only-binary`...), paths and URLs. pip itself would
 * reject the file later, after the env was made; this says which line, now.
 */
export function checkRequirements(text: string, file: string, input: string): void {
  for (const { line: raw, number } of logicalLines(text)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || line.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/')) continue;
    // name[extras] (specifiers) (; marker) (--hash ...), or name @ url
    const requirement = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,\s-]*\])?\s*(@\s*\S+|\(?\s*((===?|!=|~=|>=?|<=?)\s*[A-Za-z0-9.*+!_-]+\s*,?\s*)*\)?)?\s*(;[^-]*)?(\s+--hash[=\s]\S+)*$/;
    if (!requirement.test(line)) throw new InputError(input, `${file} line ${number} is not a requirement pip understands: '${line}'`);
  }
}

interface NumberedLine {
  readonly line: string;
  readonly number: number;
}

/** Lines as pip reads them: a trailing backslash continues on the next line; `number` is where each starts. */
function logicalLines(text: string): NumberedLine[] {
  const lines: NumberedLine[] = [];
  let pending: NumberedLine | null = null;
  for (const [index, physical] of text.split(/\r?\n/).entries()) {
    const current: NumberedLine = pending ? { line: `${pending.line} ${physical}`, number: pending.number } : { line: physical, number: index + 1 };
    pending = current.line.endsWith('\\') ? { line: current.line.slice(0, -1), number: current.number } : null;
    if (!pending) lines.push(current);
  }
  if (pending) lines.push(pending);
  return lines;
}

/** Pipfile.lock: JSON with `_meta` and a `default` section. */
export function checkPipfileLock(text: string, file: string, input: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InputError(input, `${file} does not parse as JSON: ${(err as Error).message}`);
  }
  if (!isObject(parsed) || !isObject(parsed['_meta']) || !isObject(parsed['default'])) {
    throw new InputError(input, `${file} is not a Pipfile.lock: expected a JSON object with "_meta" and "default"`);
  }
}

/** poetry.lock and uv.lock: TOML with a `package` array (uv also a `version`). */
export function checkTomlLock(text: string, file: string, input: string, kind: 'poetry' | 'uv'): void {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(input, `${file} does not parse as TOML: ${firstLine((err as Error).message)}`);
  }
  const packages = parsed['package'];
  const valid = (packages === undefined || Array.isArray(packages)) && (kind === 'poetry' ? isObject(parsed['metadata']) : typeof parsed['version'] === 'number');
  if (!valid) throw new InputError(input, `${file} is not a ${kind} lock file: expected ${kind === 'poetry' ? 'a [metadata] table' : 'a version number'} and [[package]] entries`);
}

/** pyproject.toml must parse wherever a manager reads it. */
export function checkPyproject(text: string, file: string, input: string): void {
  try {
    parseToml(text);
  } catch (err) {
    throw new InputError(input, `${file} does not parse as TOML: ${firstLine((err as Error).message)}`);
  }
}

/**
 * environment.yml as conda reads it: `name`, `channels`, `dependencies`
 * (strings, and one `pip:` list). The python pin is picked out so the cache
 * key can name it.
 */
export function parseEnvironmentYml(text: string, file: string, input: string): CondaEnvironment {
  let parsed: unknown;
  try {
    parsed = YAML.parse(text, { prettyErrors: false });
  } catch (err) {
    throw new InputError(input, `${file} does not parse as YAML: ${firstLine((err as Error).message)}`);
  }
  if (!isObject(parsed) || !Array.isArray(parsed['dependencies'])) {
    throw new InputError(input, `${file} is not a conda environment file: expected a mapping with a 'dependencies' list`);
  }
  const channels = parsed['channels'] ?? [];
  if (!Array.isArray(channels) || !channels.every((channel) => typeof channel === 'string')) {
    throw new InputError(input, `${file}: 'channels' must be a list of channel names`);
  }
  const dependencies: string[] = [];
  const pip: string[] = [];
  for (const dependency of parsed['dependencies'] as unknown[]) {
    if (typeof dependency === 'string') dependencies.push(dependency.trim());
    else if (isObject(dependency) && Array.isArray(dependency['pip']) && dependency['pip'].every((item) => typeof item === 'string')) pip.push(...(dependency['pip'] as string[]));
    else throw new InputError(input, `${file}: dependency ${JSON.stringify(dependency)} is neither a package spec nor a 'pip:' list`);
  }
  const name = typeof parsed['name'] === 'string' ? parsed['name'] : null;
  return { file, name, channels: channels as string[], dependencies, pip, python: pythonPin(dependencies) };
}

/** `python=3.11`, `python>=3.10`, `conda-forge::python=3.11.7=h…` → the version part; null when unpinned. */
function pythonPin(dependencies: readonly string[]): string | null {
  for (const dependency of dependencies) {
    const match = /^(?:[\w.-]+::)?python(?:\s*([=<>!~]=?)\s*([\d.*]+))?(?:[=\s].*)?$/.exec(dependency);
    if (match) return match[2] ? match[2].replace(/\.\*$/, '') : null;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
