import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { flattenMetrics } from '../../src/metrics/flatten.js';
import { JsonSyntaxError, parseJsonAllowingNonFinite } from '../../src/metrics/json.js';
import { loadMetricsFile, metricsFromText, parseMetricsText, resolveMetricInputs } from '../../src/metrics/load.js';
import { asyncInputErrorOf, inputErrorOf, makeFixtureDir, removeDir } from './helpers.js';

describe('flattenMetrics', () => {
  test('joins nested keys with dots and lists by index, like DVC', () => {
    expect(flattenMetrics({ acc: 0.9, eval: { f1: 0.8, by_class: { cat: 0.7 } }, folds: [{ acc: 0.91 }, { acc: 0.89 }], losses: [0.5, 0.4] })).toEqual({
      acc: 0.9,
      'eval.f1': 0.8,
      'eval.by_class.cat': 0.7,
      'folds.0.acc': 0.91,
      'folds.1.acc': 0.89,
      'losses.0': 0.5,
      'losses.1': 0.4,
    });
  });

  test('booleans become 1/0; strings, null, dates and empty containers are left out; NaN and Infinity stay', () => {
    expect(flattenMetrics({ ok: true, bad: false, name: 'rf', none: null, when: new Date(0), empty: {}, list: [], nan: Number.NaN, inf: -Infinity, big: 12n })).toEqual({
      ok: 1,
      bad: 0,
      nan: Number.NaN,
      inf: -Infinity,
      big: 12,
    });
  });

  test('null-prototype objects (smol-toml) are mappings, and __proto__ is an ordinary key', () => {
    const document = Object.create(null) as Record<string, unknown>;
    document['__proto__'] = 1;
    document['a'] = Object.assign(Object.create(null) as object, { b: 2 });
    const flat = flattenMetrics(document);
    expect(Object.keys(flat)).toEqual(['__proto__', 'a.b']);
    expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
  });
});

describe('parseJsonAllowingNonFinite', () => {
  test('reads standard JSON and Python-style NaN / Infinity / -Infinity', () => {
    expect(parseJsonAllowingNonFinite('{"a": NaN, "b": [Infinity, -Infinity, -1.5e3, 0], "c": "x\\n\\u00e9", "d": true, "e": null}')).toEqual({
      a: Number.NaN,
      b: [Infinity, -Infinity, -1500, 0],
      c: 'x\né',
      d: true,
      e: null,
    });
  });

  test.each<[string, number, number, string]>([
    ['{"a": 1,\n "b": }', 2, 7, `expected a value for the key "b", found '}'`],
    ['{"a": 1 "b": 2}', 1, 9, `expected ',' or '}' after the value of "a", found '"'`],
    ['[1, 2', 1, 6, "expected ',' or ']' after a list item, found end of file"],
    ['{"a": nan}', 1, 7, `expected a value for the key "a", found 'nan'`],
    ['{"a": 01}', 1, 8, `expected ',' or '}' after the value of "a", found '1'`],
    ["{'a': 1}", 1, 2, "expected a string key in double quotes, found '''"],
    ['{"a": "x}', 1, 7, 'unterminated string, found \'"\''],
    ['{} {}', 1, 4, "expected end of file after the JSON value, found '{'"],
    ['', 1, 1, 'expected a JSON value, found end of file'],
  ])('%j → line %i, column %i', (text, line, column, reason) => {
    let error: unknown;
    try {
      parseJsonAllowingNonFinite(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error).toMatchObject({ line, column, reason });
  });
});

describe('loadMetricsFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeFixtureDir({
      'm.json': '{"accuracy": 0.93, "eval": {"f1": 0.9, "loss": NaN}, "inf": Infinity, "converged": true, "model": "rf", "none": null}',
      'm.yaml': 'accuracy: 0.91\neval:\n  f1: 0.88\n  loss: .nan\nfolds:\n  - acc: 0.9\n  - acc: 0.92\nbig: .inf\nok: false\n',
      'm.yml': 'accuracy: 1\n',
      'm.toml': 'accuracy = 0.95\ntrained = 1979-05-27\n[eval]\nf1 = 0.9\nloss = nan\n[eval.by_class]\ncat = 0.7\n',
      'm.txt': '{"accuracy": NaN}',
      'm-yaml.txt': 'accuracy: 0.5\n',
      'bad.json': '{\n  "accuracy": 0.9,\n  "f1": ]\n}\n',
      'bad.yaml': 'accuracy: 0.9\nf1: [0.1, 0.2\nloss: 3\n',
      'bad.toml': 'accuracy = 0.9\nf1 = \n',
      'bad.txt': 'a: [1\n',
      'list.json': '[0.9, 0.8]',
      'empty.yaml': '',
    });
  });
  afterAll(() => removeDir(dir));

  test('JSON: nested keys, NaN/Infinity as Python writes them, booleans as 1/0, strings and null left out', async () => {
    expect(await loadMetricsFile('m.json', dir)).toEqual({ accuracy: 0.93, 'eval.f1': 0.9, 'eval.loss': Number.NaN, inf: Infinity, converged: 1 });
  });

  test('YAML (.yaml and .yml): .nan, .inf, lists by index, booleans', async () => {
    expect(await loadMetricsFile(path.join(dir, 'm.yaml'), dir)).toEqual({
      accuracy: 0.91,
      'eval.f1': 0.88,
      'eval.loss': Number.NaN,
      'folds.0.acc': 0.9,
      'folds.1.acc': 0.92,
      big: Infinity,
      ok: 0,
    });
    expect(await loadMetricsFile('m.yml', dir)).toEqual({ accuracy: 1 });
  });

  test('TOML: tables flatten with dots, nan is NaN, dates are left out', async () => {
    expect(await loadMetricsFile('m.toml', dir)).toEqual({ accuracy: 0.95, 'eval.f1': 0.9, 'eval.loss': Number.NaN, 'eval.by_class.cat': 0.7 });
  });

  test('another extension is tried as JSON (keeping NaN), then as YAML', async () => {
    expect(await loadMetricsFile('m.txt', dir)).toEqual({ accuracy: Number.NaN });
    expect(await loadMetricsFile('m-yaml.txt', dir)).toEqual({ accuracy: 0.5 });
  });

  test.each<[string, string]>([
    ['missing.json', "cannot read metrics file 'missing.json': no such file"],
    ['.', "cannot read metrics file '.': it is a directory, not a regular file"],
    ['bad.json', `metrics file 'bad.json' is not valid JSON: line 3, column 9: expected a value for the key "f1", found ']'`],
    ['bad.yaml', "metrics file 'bad.yaml' is not valid YAML: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]"],
    ['bad.toml', "metrics file 'bad.toml' is not valid TOML: line 2, column 6: Invalid TOML document: invalid value"],
    [
      'bad.txt',
      "metrics file 'bad.txt' is neither JSON nor YAML (name it .json, .yaml or .toml to pick one): as JSON, line 1, column 1: expected a JSON value, found 'a'; " +
        'as YAML, line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    ['list.json', "metrics file 'list.json' must hold a mapping of metric names to values at the top level; found a list"],
    ['empty.yaml', "metrics file 'empty.yaml' must hold a mapping of metric names to values at the top level; found nothing"],
  ])('%s → bad input', async (file, message) => {
    expect(await asyncInputErrorOf(() => loadMetricsFile(file, dir))).toEqual({ input: 'metrics', message: `input 'metrics': ${message}` });
  });

  test.each<[string, { line: number; col: number }]>([
    ['bad.json', { line: 3, col: 9 }],
    ['bad.yaml', { line: 3, col: 1 }],
    ['bad.toml', { line: 2, col: 6 }],
  ])('a syntax error in %s carries its place in the file, for an annotation', async (file, position) => {
    const error = await loadMetricsFile(file, dir).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).at).toEqual({ file, ...position });
  });

  test('text from elsewhere (git:<ref>:<path>) is no file to point into', () => {
    let error: unknown;
    try {
      metricsFromText('a: [1', 'git:main:m.yaml', 'baseline');
    } catch (err) {
      error = err;
    }
    expect((error as InputError).at).toBeUndefined();
  });

  test('metricsFromText reads text from elsewhere (a baseline from git show), blaming the input it is given', () => {
    expect(metricsFromText('{"a": {"b": 1}}', 'git:origin/main:metrics.json', 'baseline')).toEqual({ 'a.b': 1 });
    expect(inputErrorOf(() => metricsFromText('a: [1', 'git:main:m.yaml', 'baseline'))).toEqual({
      input: 'baseline',
      message: "input 'baseline': metrics file 'git:main:m.yaml' is not valid YAML: line 1, column 6: Flow sequence in block collection must be sufficiently indented and end with a ]",
    });
    expect(inputErrorOf(() => metricsFromText('- 1', 'git:main:m.yaml', 'baseline')).message).toBe(
      "input 'baseline': metrics file 'git:main:m.yaml' must hold a mapping of metric names to values at the top level; found a list",
    );
  });

  test('parseMetricsText picks the format from a source such as git:<ref>:<path>', () => {
    expect(parseMetricsText('a = 1', 'git:origin/main:metrics.toml')).toEqual({ a: 1 });
    expect(inputErrorOf(() => parseMetricsText('{', 'git:main:m.json')).message).toBe(
      "input 'metrics': metrics file 'git:main:m.json' is not valid JSON: line 1, column 2: expected a string key in double quotes, found end of file",
    );
  });
});

describe('resolveMetricInputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeFixtureDir({
      'out/rf/metrics.json': '{}',
      'out/gb/metrics.json': '{}',
      'out/lr/metrics.yaml': '',
      'other/rf/metrics.json': '{}',
      'metrics.json': '{}',
      'model=a/metrics.json': '{}',
      'odd(1)/m.json': '{}',
    });
  });
  afterAll(() => removeDir(dir));

  test('name=path names a file; otherwise the parent folder, or the stem for a file in cwd', async () => {
    expect(await resolveMetricInputs(['rf=out/rf/metrics.json', 'out/gb/metrics.json', ' metrics.json ', '', '# a comment'], dir)).toEqual([
      { name: 'rf', file: 'out/rf/metrics.json' },
      { name: 'gb', file: 'out/gb/metrics.json' },
      { name: 'metrics', file: 'metrics.json' },
    ]);
  });

  test('globs expand in path order; absolute paths inside cwd come back relative', async () => {
    expect(await resolveMetricInputs(['out/*/metrics.*'], dir)).toEqual([
      { name: 'gb', file: 'out/gb/metrics.json' },
      { name: 'lr', file: 'out/lr/metrics.yaml' },
      { name: 'rf', file: 'out/rf/metrics.json' },
    ]);
    expect(await resolveMetricInputs([path.join(dir, 'out/rf/metrics.json')], dir)).toEqual([{ name: 'rf', file: 'out/rf/metrics.json' }]);
  });

  test('files outside cwd stay absolute', async () => {
    const cwd = path.join(dir, 'out');
    expect(await resolveMetricInputs(['x=../other/rf/metrics.json', '../metrics.json'], cwd)).toEqual([
      { name: 'x', file: path.join(dir, 'other/rf/metrics.json') },
      { name: path.basename(dir), file: path.join(dir, 'metrics.json') },
    ]);
  });

  test('a named glob matching one file, an existing path with glob characters, and = inside a path', async () => {
    expect(await resolveMetricInputs(['best=out/r*/metrics.json', 'odd(1)/m.json', './model=a/metrics.json'], dir)).toEqual([
      { name: 'best', file: 'out/rf/metrics.json' },
      { name: 'odd(1)', file: 'odd(1)/m.json' },
      { name: 'model=a', file: 'model=a/metrics.json' },
    ]);
  });

  test('the same file twice under the same name is kept once', async () => {
    expect(await resolveMetricInputs(['out/rf/metrics.json', 'out/r*/metrics.json'], dir)).toEqual([{ name: 'rf', file: 'out/rf/metrics.json' }]);
  });

  test.each<[string[], string]>([
    [[], 'nothing given: give one or more metric files (paths or globs, each optionally name=path)'],
    [['', '  '], 'nothing given: give one or more metric files (paths or globs, each optionally name=path)'],
    [['out/*/nothing.json'], "the glob 'out/*/nothing.json' matched no files (relative to DIR)"],
    [['out/rf/missing.json'], "metrics file 'out/rf/missing.json' does not exist"],
    [['out/rf'], "'out/rf' is a directory; give the metrics file in it (or a glob)"],
    [['out/rf/metrics.json', 'other/rf/metrics.json'], "two metric files are named 'rf': out/rf/metrics.json and other/rf/metrics.json; name them apart with name=path"],
    [['a=out/rf/metrics.json', 'a=out/gb/metrics.json'], "two metric files are named 'a': out/rf/metrics.json and out/gb/metrics.json; name them apart with name=path"],
    [['all=out/*/metrics.json'], "'all=out/*/metrics.json' names 2 files (out/gb/metrics.json, out/rf/metrics.json); a name can only go with one file"],
    [['=out/rf/metrics.json'], "'=out/rf/metrics.json' has an empty name before '='; write name=path"],
    [['rf='], "'rf=' gives the name 'rf' but no path after '='"],
    [['r f=out/rf/metrics.json'], "'r f' in 'r f=out/rf/metrics.json' is not a valid name: use letters, digits, '_', '.' and '-'"],
  ])('%j → bad input', async (entries, message) => {
    expect(await asyncInputErrorOf(() => resolveMetricInputs(entries, dir))).toEqual({
      input: 'metrics',
      message: `input 'metrics': ${message.replace('DIR', dir)}`,
    });
  });
});
