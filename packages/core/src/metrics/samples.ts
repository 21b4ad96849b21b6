/**
 * Per-example scores for statistical rules (the `samples` input): for each
 * candidate and for `baseline`, one number per row of the same evaluation set,
 * in the same order (1/0 for correct/wrong, a per-example loss, …).
 *
 * A spec is `file` or `file#selector`, split at the last `#`:
 *
 * - JSON (`.json`, or other content starting with `[` / `{`): a list of numbers
 *   or booleans. When the file holds a mapping, `#key` picks the list (a
 *   top-level key, else a dotted path `eval.correct`); without `#key`, the
 *   list under the key named like the metric (`accuracy`, or the metric's last
 *   dotted segment) is used.
 * - CSV (`.csv`; `.tsv` is tab-separated; anything else not JSON): one column.
 *   The first row is a header unless every cell in it is a number or boolean.
 *   `#name` picks the column with that header; `#3` the third column (1-based)
 *   when no header is called "3". Without a selector: the column named like the
 *   metric (`accuracy`, or the metric's last dotted segment), else the only
 *   column whose every non-blank value is a number or boolean; with several such columns
 *   (a numeric row id, say) it is a bad input rather than a guess.
 *
 * Values: finite numbers; booleans (JSON true/false, CSV true/false in any
 * case, as pandas writes True/False) count as 1 and 0. Anything else — empty
 * cells, text, NaN, Infinity — is a bad input naming the row.
 */
import path from 'node:path';
import { InputError } from '../errors.js';
import { excerpt } from './excerpt.js';
import { isPlainMapping } from './flatten.js';
import { JsonSyntaxError, parseJsonAllowingNonFinite } from './json.js';
import { readInputText } from '../fs-input.js';
import { defaultName, splitNamedEntry } from './names.js';

/**
 * The most per-example scores one series may hold. The paired bootstrap draws
 * every row once per resample and candidate (10,000 times by default): at
 * this size that takes seconds, ten times more takes minutes
 * (bench/evaluate-and-gate/README.md).
 */
export const MAX_SAMPLE_ROWS = 100_000;

/** The largest samples file: 64 MiB, room for 100,000 rows of a CSV with a few text columns. */
export const MAX_SAMPLES_FILE_BYTES = 64 * 1024 * 1024;

/** Per-example scores by candidate name, and the baseline's: what `evaluateGate` takes as `samples`. */
export interface SampleSeries {
  readonly candidates: Record<string, number[]>;
  readonly baseline?: number[];
}

export interface LoadSamplesOptions {
  /** Folder relative paths are resolved from: the run's, never the process's. */
  readonly cwd: string;
  /** The statistical rules' metric: picks a CSV column or JSON key named like it when the spec has no selector. */
  readonly metric?: string;
}

/**
 * Loads one series of per-example scores from `file` or `file#selector` (see
 * the module comment for formats and column choice).
 * @throws InputError('samples') when the file is missing or malformed, the
 *   selector matches nothing, or a value is not a finite number or boolean.
 */
export async function loadSamples(spec: string, options: LoadSamplesOptions): Promise<number[]> {
  const { file, selector } = splitSpec(spec);
  const text = await readInputText({ input: 'samples', what: 'samples file', file, cwd: options.cwd, maxBytes: MAX_SAMPLES_FILE_BYTES });
  return parseSamples(text, file, selector, options.metric);
}

/** One series from the text of a samples file (`file` names it in errors and decides the format by extension). */
function parseSamples(text: string, file: string, selector: string | undefined, metric: string | undefined): number[] {
  const extension = path.extname(file).toLowerCase();
  const looksLikeJson = extension === '.json' || (extension !== '.csv' && extension !== '.tsv' && /^\s*[[{]/.test(text));
  if (looksLikeJson) return samplesFromJson(text, file, selector, metric);
  return samplesFromCsv(text, file, extension === '.tsv' ? '\t' : ',', selector, metric);
}

/**
 * Where `baseline=registry:<file>` reads from: the files of the baseline
 * version when `baseline` is `registry:<model>@<alias>`; that alias not set
 * yet (the first run: rules using baseline are skipped anyway); or a baseline
 * that is not a registry version, which has no files to read.
 */
export type BaselineFiles =
  | { readonly kind: 'not-a-registry' }
  | { readonly kind: 'no-version' }
  | { readonly kind: 'version'; read(file: string): Promise<Buffer> };

/** `registry:<file>`, the baseline's own per-example file stored with its registered version. */
const FROM_REGISTRY = /^registry:(.+)$/;

/**
 * Loads the `samples` input's entries (`name=spec`, or `spec` named after its
 * parent folder / stem like metric files) into the shape `evaluateGate` takes.
 * The name `baseline` is the baseline's series.
 *
 * Returns undefined when there are no entries (blank lines and `#` comments
 * don't count). Does not know the candidates: `evaluateGate` reports a series
 * named after no candidate, or a statistical rule lacking one.
 * @throws InputError('samples') for a bad entry or file, a repeated name, or
 *   series of different lengths (naming both files).
 */
export async function loadSampleInputs(
  entries: readonly string[],
  cwd: string,
  options: { readonly metric?: string; readonly baselineFiles?: BaselineFiles } = {},
): Promise<SampleSeries | undefined> {
  const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '' && !entry.startsWith('#'));
  if (wanted.length === 0) return undefined;

  const loaded: { name: string; spec: string; scores: number[] }[] = [];
  for (const entry of wanted) {
    const { name, pattern: spec } = splitNamedEntry(entry, 'samples');
    const resolvedName = name ?? defaultName(splitSpec(spec).file, cwd);
    const earlier = loaded.find((item) => item.name === resolvedName);
    if (earlier !== undefined) {
      throw new InputError('samples', `two entries are named '${resolvedName}': ${earlier.spec} and ${spec}; name them apart with name=file`);
    }
    const fromRegistry = FROM_REGISTRY.exec(spec);
    if (fromRegistry) {
      const { file, selector } = splitSpec(fromRegistry[1] as string);
      const text = await baselineFileText(resolvedName, file, options.baselineFiles ?? { kind: 'not-a-registry' });
      if (text === null) continue;
      loaded.push({ name: resolvedName, spec, scores: parseSamples(text, file, selector, options.metric) });
      continue;
    }
    loaded.push({ name: resolvedName, spec, scores: await loadSamples(spec, { cwd, metric: options.metric }) });
  }

  const first = loaded[0];
  for (const item of loaded) {
    if (first !== undefined && item.scores.length !== first.scores.length) {
      throw new InputError(
        'samples',
        `'${first.name}' has ${first.scores.length} per-example scores (${first.spec}) but '${item.name}' has ` +
          `${item.scores.length} (${item.spec}); all must score the same evaluation set in the same order`,
      );
    }
  }

  const candidates: Record<string, number[]> = {};
  let baseline: number[] | undefined;
  for (const item of loaded) {
    if (item.name === 'baseline') baseline = item.scores;
    else candidates[item.name] = item.scores;
  }
  return baseline === undefined ? { candidates } : { candidates, baseline };
}

/** The text of `baseline=registry:<file>`; null when there is no baseline version yet. */
async function baselineFileText(name: string, file: string, files: BaselineFiles): Promise<string | null> {
  if (name !== 'baseline') {
    throw new InputError('samples', `'${name}=registry:${file}': only the baseline's series comes from the registry (baseline=registry:<file>)`);
  }
  if (files.kind === 'not-a-registry') {
    throw new InputError('samples', `baseline=registry:${file} reads a file of the baseline version, so baseline must be registry:<model>@<alias>`);
  }
  if (files.kind === 'no-version') return null;
  return (await files.read(file)).toString('utf8');
}

/** `file#selector` split at the last `#`; a `#` at the very end selects nothing. */
function splitSpec(spec: string): { file: string; selector: string | undefined } {
  const hash = spec.lastIndexOf('#');
  if (hash < 0) return { file: spec.trim(), selector: undefined };
  const selector = spec.slice(hash + 1).trim();
  return { file: spec.slice(0, hash).trim(), selector: selector === '' ? undefined : selector };
}

// ---------------------------------------------------------------- JSON

function samplesFromJson(text: string, file: string, selector: string | undefined, metric: string | undefined): number[] {
  let document: unknown;
  try {
    document = parseJsonAllowingNonFinite(text);
  } catch (error) {
    const reason = error instanceof JsonSyntaxError ? error.message : String(error);
    throw new InputError('samples', `samples file '${file}' is not valid JSON: ${reason}`, { cause: error });
  }
  const list = pickJsonList(document, file, selector, metric);
  if (list.length > MAX_SAMPLE_ROWS) throw tooManyRows(file);
  // Items are counted from 1, like CSV lines, so messages read the same.
  return list.map((item, index) => scoreOf(item, () => `item ${index + 1} of '${file}${selector === undefined ? '' : `#${selector}`}'`));
}

function pickJsonList(document: unknown, file: string, selector: string | undefined, metric: string | undefined): unknown[] {
  if (Array.isArray(document)) {
    if (selector !== undefined) {
      throw new InputError('samples', `'${file}' holds a list, so '#${selector}' has nothing to pick; drop it`);
    }
    return document;
  }
  if (!isPlainMapping(document)) {
    throw new InputError('samples', `samples file '${file}' must hold a list of per-example scores (or a mapping of such lists)`);
  }
  const keys = selector !== undefined ? [selector] : metric !== undefined ? namesLike(metric) : [];
  for (const key of keys) {
    const value = lookUpDotted(document, key);
    if (Array.isArray(value)) return value;
    if (value !== undefined) throw new InputError('samples', `'${key}' in '${file}' is not a list of per-example scores`);
  }
  const lists = Object.keys(document).filter((key) => Array.isArray(document[key])).map((key) => excerpt(key));
  const wanted = selector !== undefined ? `no list under '${selector}'` : 'a mapping; say which list with file.json#key';
  throw new InputError('samples', `samples file '${file}' holds ${wanted} (lists found: ${lists.join(', ') || 'none'})`);
}

/** A top-level key as written, else a dotted path through nested mappings. */
function lookUpDotted(document: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(document, key)) return document[key];
  let node: unknown = document;
  for (const part of key.split('.')) {
    if (!isPlainMapping(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** `eval.accuracy` may be a column `eval.accuracy` or `accuracy`. */
function namesLike(metric: string): string[] {
  const last = metric.slice(metric.lastIndexOf('.') + 1);
  return last === metric ? [metric] : [metric, last];
}

function scoreOf(value: unknown, where: () => string): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // File content, and the file may be anything a path leads to: a short, masked excerpt.
  const shown = typeof value === 'string' ? `"${excerpt(value)}"` : excerpt(String(value));
  throw new InputError('samples', `${where()} is ${shown}; per-example scores must be finite numbers or booleans`);
}

function tooManyRows(file: string): InputError {
  return new InputError(
    'samples',
    `samples file '${file}' holds more than ${MAX_SAMPLE_ROWS.toLocaleString('en-US')} per-example scores; the bootstrap draws every row ` +
      'once per resample (10,000 by default) and candidate, so subsample larger evaluation sets (the same rows for every model) before the gate',
  );
}

// ---------------------------------------------------------------- CSV

interface CsvRow {
  readonly cells: string[];
  /** 1-based line in the file where the row starts. */
  readonly line: number;
}

function samplesFromCsv(
  text: string,
  file: string,
  delimiter: string,
  selector: string | undefined,
  metric: string | undefined,
): number[] {
  const rows = parseCsv(text, delimiter, file);
  const firstRow = rows[0];
  if (firstRow === undefined) throw new InputError('samples', `samples file '${file}' is empty`);
  const hasHeader = !firstRow.cells.every((cell) => csvScore(cell) !== undefined);
  const header = hasHeader ? firstRow.cells.map((cell) => cell.trim()) : [];
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length > MAX_SAMPLE_ROWS) throw tooManyRows(file);
  if (data.length === 0) throw new InputError('samples', `samples file '${file}' has a header but no rows`);

  const column = chooseColumn(header, data, file, selector, metric);
  const columnName = excerpt(header[column] ?? `column ${column + 1}`);
  return data.map((row) => {
    const cell = row.cells[column] ?? '';
    const score = csvScore(cell);
    if (score === undefined) {
      const shown = cell.trim() === '' ? 'empty' : `'${excerpt(cell)}'`;
      throw new InputError(
        'samples',
        `'${file}' line ${row.line}, ${columnName}: value is ${shown}; per-example scores must be finite numbers or true/false`,
      );
    }
    return score;
  });
}

function chooseColumn(
  header: readonly string[],
  data: readonly CsvRow[],
  file: string,
  selector: string | undefined,
  metric: string | undefined,
): number {
  // A loop, not Math.max(...rows): spreading 1,000,000 rows overflows the call stack.
  let width = header.length;
  for (const row of data) width = Math.max(width, row.cells.length);
  const columns = header.length > 0 ? `columns: ${header.map((name) => excerpt(name)).join(', ')}` : `${width} columns, no header`;
  if (selector !== undefined) {
    const named = header.indexOf(selector);
    if (named >= 0) return named;
    if (/^[1-9]\d*$/.test(selector) && Number(selector) <= width) return Number(selector) - 1;
    throw new InputError('samples', `'${file}' has no column '${selector}' (${columns})`);
  }
  for (const name of metric === undefined ? [] : namesLike(metric)) {
    const named = header.indexOf(name);
    if (named >= 0) return named;
  }
  const numeric: number[] = [];
  for (let column = 0; column < width; column++) {
    // Blank cells don't disqualify a column: the value check then names their lines.
    const cells = data.map((row) => row.cells[column] ?? '').filter((cell) => cell.trim() !== '');
    if (cells.length > 0 && cells.every((cell) => csvScore(cell) !== undefined)) numeric.push(column);
  }
  const [only] = numeric;
  if (numeric.length === 1 && only !== undefined) return only;
  if (numeric.length === 0) {
    throw new InputError('samples', `'${file}' has no column of numbers or booleans (${columns})`);
  }
  // Several candidates (a row id is numeric too): guessing could gate on the wrong column.
  const names = numeric.map((column) => excerpt(header[column] ?? String(column + 1)));
  throw new InputError('samples', `'${file}' has several numeric columns (${names.join(', ')}); pick one with ${file}#column`);
}

/** A cell's score: a finite number, or true/false as 1/0; undefined otherwise. */
function csvScore(cell: string): number | undefined {
  const trimmed = cell.trim();
  if (trimmed === '') return undefined;
  const lower = trimmed.toLowerCase();
  if (lower === 'true') return 1;
  if (lower === 'false') return 0;
  const number = Number(trimmed);
  // Number() also accepts "0x1f" and "Infinity"; a score is a plain decimal.
  return Number.isFinite(number) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? number : undefined;
}

/**
 * RFC 4180 CSV: fields may be quoted with `"`, a quote inside is doubled, and a
 * quoted field may span lines. Blank lines are skipped.
 */
function parseCsv(text: string, delimiter: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]?.trim() === '')) rows.push({ cells, line: rowLine });
    // Room for a header: stop reading as soon as the file is known to be too long.
    if (rows.length > MAX_SAMPLE_ROWS + 1) throw tooManyRows(file);
    cells = [];
    cell = '';
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (inQuotes) throw new InputError('samples', `'${file}' line ${quoteLine}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
