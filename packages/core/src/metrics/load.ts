/**
 * Finding and reading candidate metric files: the `metrics` input's entries
 * (`name=path`, plain paths, globs) and the JSON / YAML / TOML files they name.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import YAML from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import { InputError } from '../errors.js';
import { readInputText } from '../fs-input.js';
import { relativeIfInside } from '../fs-place.js';
import type { MetricValues } from '../types/gate.js';
import { flattenMetrics, isPlainMapping } from './flatten.js';
import { JsonSyntaxError, parseJsonAllowingNonFinite } from './json.js';
import { compareNames, defaultName, splitNamedEntry } from './names.js';

/** One candidate's metrics file, named. */
export interface MetricInput {
  readonly name: string;
  /** The file, relative to cwd (POSIX separators) when it is inside cwd, else absolute. */
  readonly file: string;
}

type Format = 'json' | 'yaml' | 'toml';

/**
 * Reads one metrics file and flattens it (see `flattenMetrics`): the format is
 * chosen by extension (.json, .yaml/.yml, .toml); any other extension is tried
 * as JSON, then as YAML. JSON may contain Python's bare NaN / Infinity.
 *
 * @param file  absolute, or relative to `cwd`; error messages show it as given.
 * @throws InputError('metrics') when the file cannot be read, is malformed (the
 *   message gives the parser's line and column), or is not a mapping at the top.
 */
export async function loadMetricsFile(file: string, cwd: string): Promise<MetricValues> {
  const text = await readInputText({ input: 'metrics', what: 'metrics file', file, cwd });
  return metricsFromText(text, file, 'metrics', { isFile: true });
}

/** Where metrics text came from: `isFile` when `source` is a path (not `git:<ref>:<path>`), so an error can point into it. */
interface SourceKind {
  readonly isFile?: boolean;
}

/**
 * Parses metrics text (format from `source`'s extension, as `loadMetricsFile`)
 * and flattens it. For text that did not come from a file, such as a baseline
 * read with `git show`: `source` may be `git:<ref>:<path>`.
 * @throws InputError(input) when the text is malformed (with line and column)
 *   or not a mapping at the top level.
 */
export function metricsFromText(text: string, source: string, input = 'metrics', kind: SourceKind = {}): MetricValues {
  const document = parseMetricsText(text, source, input, kind);
  if (!isPlainMapping(document)) {
    const found = document === null || document === undefined ? 'nothing' : Array.isArray(document) ? 'a list' : `a ${typeof document}`;
    throw new InputError(input, `metrics file '${source}' must hold a mapping of metric names to values at the top level; found ${found}`);
  }
  return flattenMetrics(document);
}

/**
 * Parses metrics text whose format is chosen by `source`'s extension, without
 * flattening; any other extension is tried as JSON, then as YAML.
 * @throws InputError(input) with the source and the parser's line/column.
 */
export function parseMetricsText(text: string, source: string, input = 'metrics', kind: SourceKind = {}): unknown {
  const format = formatOf(source);
  if (format !== undefined) return parseAs(format, text, source, input, kind);
  // Unknown extension: JSON first, because YAML would read a bare NaN in JSON
  // as the string "NaN" and silently drop the metric.
  try {
    return parseAs('json', text, source, input, kind);
  } catch (jsonError) {
    try {
      return parseAs('yaml', text, source, input, kind);
    } catch (yamlError) {
      throw new InputError(
        input,
        `metrics file '${source}' is neither JSON nor YAML (name it .json, .yaml or .toml to pick one): ` +
          `as JSON, ${reasonOf(jsonError)}; as YAML, ${reasonOf(yamlError)}`,
      );
    }
  }
}

function formatOf(file: string): Format | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (extension === '.toml') return 'toml';
  return undefined;
}

/** Parses text as one format; on a syntax error throws an InputError naming the source, line and column. */
function parseAs(format: Format, text: string, source: string, input: string, kind: SourceKind): unknown {
  try {
    if (format === 'json') return parseJsonAllowingNonFinite(text);
    if (format === 'toml') return parseToml(text);
    // logLevel 'error': throw on errors, but don't print YAML warnings into the CI log.
    return YAML.parse(text, { logLevel: 'error' });
  } catch (error) {
    const syntax = syntaxErrorOf(error);
    const place = syntax.position ? `line ${syntax.position.line}, column ${syntax.position.col}: ` : '';
    const at = kind.isFile && syntax.position ? { at: { file: source, ...syntax.position } } : {};
    throw new InputError(input, `metrics file '${source}' is not valid ${format.toUpperCase()}: ${place}${syntax.reason}`, { cause: error, ...at });
  }
}

/** The reason and the 1-based line and column, from whichever parser threw. */
function syntaxErrorOf(error: unknown): { reason: string; position?: { line: number; col: number } } {
  if (error instanceof JsonSyntaxError) return { reason: error.reason, position: { line: error.line, col: error.column } };
  if (error instanceof TomlError) return { reason: firstLine(error.message), position: { line: error.line, col: error.column } };
  if (error instanceof YAML.YAMLError) {
    const start = error.linePos?.[0];
    // The yaml package appends "at line L, column C:" and a code excerpt; keep only the reason.
    const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
    return start === undefined ? { reason } : { reason, position: { line: start.line, col: start.col } };
  }
  return { reason: error instanceof Error ? error.message : String(error) };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Strip the "input 'metrics': metrics file '…' is not valid X: " prefix parseAs added.
  return message.replace(/^.*? is not valid [A-Z]+: /, '');
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

/**
 * Resolves the `metrics` input's entries to named files, in the order given
 * (a glob's matches sorted by path). Blank entries and `#` comments are ignored.
 *
 * - `name=path` names a file. The text before the first `=` counts as a name
 *   only when it is one (letters, digits, `_`, `.`, `-`, no `/`): write
 *   `./a=b/metrics.json` for a path whose first folder contains `=`.
 * - Without a name, a file is named after its parent folder (`out/rf/metrics.json`
 *   → `rf`), or after its stem when it sits directly in `cwd` (`metrics.json` → `metrics`).
 * - A path that names an existing file is that file; otherwise, if it has glob
 *   characters, it is a glob (tinyglobby, relative to `cwd`, files only). A named
 *   glob must match exactly one file.
 * - Paths are absolute or relative to `cwd`; returned files are relative to
 *   `cwd` when inside it, else absolute.
 *
 * @throws InputError('metrics') when the list is empty, a file is missing, a glob
 *   matches nothing, a name is malformed, or two files get the same name.
 */
export async function resolveMetricInputs(entries: readonly string[], cwd: string): Promise<MetricInput[]> {
  const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '' && !entry.startsWith('#'));
  if (wanted.length === 0) throw new InputError('metrics', 'nothing given: give one or more metric files (paths or globs, each optionally name=path)');

  const resolved: MetricInput[] = [];
  for (const entry of wanted) {
    const { name, pattern } = splitNamedEntry(entry, 'metrics');
    const files = await filesOf(pattern, cwd);
    if (name !== undefined && files.length > 1) {
      throw new InputError(
        'metrics',
        `'${entry}' names ${files.length} files (${files.join(', ')}); a name can only go with one file`,
      );
    }
    for (const file of files) resolved.push({ name: name ?? defaultName(file, cwd), file });
  }
  return withUniqueNames(resolved);
}

/** The files one entry stands for: itself when it exists, else its glob matches. */
async function filesOf(pattern: string, cwd: string): Promise<string[]> {
  const kind = await fileKind(path.resolve(cwd, pattern));
  if (kind === 'file') return [relativeIfInside(cwd, path.resolve(cwd, pattern))];
  if (kind === 'directory') {
    throw new InputError('metrics', `'${pattern}' is a directory; give the metrics file in it (or a glob)`);
  }
  if (!isDynamicPattern(pattern)) throw new InputError('metrics', `metrics file '${pattern}' does not exist`);
  const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
  if (matches.length === 0) throw new InputError('metrics', `the glob '${pattern}' matched no files (relative to ${cwd})`);
  return matches.map((match) => relativeIfInside(cwd, match)).sort(compareNames);
}

async function fileKind(file: string): Promise<'file' | 'directory' | 'none'> {
  try {
    const info = await stat(file);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'none';
  }
}

/** Drops exact repeats (same name, same file); any other repeated name is a bad input. */
function withUniqueNames(inputs: readonly MetricInput[]): MetricInput[] {
  const byName = new Map<string, MetricInput>();
  for (const input of inputs) {
    const earlier = byName.get(input.name);
    if (earlier === undefined) byName.set(input.name, input);
    else if (earlier.file !== input.file) {
      throw new InputError(
        'metrics',
        `two metric files are named '${input.name}': ${earlier.file} and ${input.file}; name them apart with name=path`,
      );
    }
  }
  return [...byName.values()];
}

