import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadSampleInputs, loadSamples, MAX_SAMPLE_ROWS } from '../../src/metrics/samples.js';
import { asyncInputErrorOf, makeFixtureDir, removeDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await makeFixtureDir({
    'list.json': '[1, 0, true, false, 0.5]',
    'nested.json': '{"eval": {"accuracy": [1, 0, 1]}, "flat.key": [0, 0, 1], "loss": 3}',
    'two-lists.json': '{"a": [1], "b": [0]}',
    'nan.json': '[1, NaN, 0]',
    'text.json': '[1, "yes"]',
    'bad.json': '[1, 0,\n 1',
    'scores.csv': 'id,text,correct,loss\n1,"hello, world",1,0.2\n2,"two\nlines",0,0.3\n3,"say ""hi""",True,0.1\n\n',
    'accuracy.csv': 'id,accuracy\r\n1,1\r\n2,0\r\n3,1\r\n',
    'headerless.csv': '1\n0\n1\n',
    'headerless-wide.csv': '0.5,1\n0.25,0\n',
    'scores.tsv': 'name\tcorrect\na\t1\nb\t0\n',
    'gap.csv': 'correct\n1\n\n0\n,\n',
    'word.csv': 'correct\n1\nmaybe\n',
    'header-only.csv': 'correct\n',
    'unclosed.csv': 'a,b\n1,"x\n',
    'scores.txt': '[0, 1]',
    'out/rf/correct.json': '[1, 1, 0]',
    'out/gb/correct.json': '[1, 0, 0]',
    'out/prod/correct.json': '[0, 1, 0]',
    'short.json': '[1, 0]',
  });
});
afterAll(() => removeDir(dir));

describe('loadSamples', () => {
  test.each<[string, string | undefined, number[]]>([
    ['list.json', undefined, [1, 0, 1, 0, 0.5]],
    ['nested.json#eval.accuracy', undefined, [1, 0, 1]],
    ['nested.json#flat.key', undefined, [0, 0, 1]],
    ['nested.json', 'eval.accuracy', [1, 0, 1]],
    ['scores.csv#correct', undefined, [1, 0, 1]],
    ['scores.csv#loss', undefined, [0.2, 0.3, 0.1]],
    ['scores.csv#4', undefined, [0.2, 0.3, 0.1]],
    ['scores.csv', 'correct', [1, 0, 1]],
    ['scores.csv', 'eval.correct', [1, 0, 1]],
    ['accuracy.csv', 'accuracy', [1, 0, 1]],
    ['headerless.csv', undefined, [1, 0, 1]],
    ['headerless-wide.csv#1', undefined, [0.5, 0.25]],
    ['scores.tsv', undefined, [1, 0]],
    ['scores.txt', undefined, [0, 1]],
  ])('%s (metric %s)', async (spec, metric, expected) => {
    expect(await loadSamples(spec, metric === undefined ? { cwd: dir } : { cwd: dir, metric })).toEqual(expected);
  });

  test.each<[string, string]>([
    ['missing.json', "cannot read samples file 'missing.json': no such file"],
    ['bad.json', "samples file 'bad.json' is not valid JSON: line 2, column 3: expected ',' or ']' after a list item, found end of file"],
    ['nan.json', "item 2 of 'nan.json' is NaN; per-example scores must be finite numbers or booleans"],
    ['text.json', `item 2 of 'text.json' is "yes"; per-example scores must be finite numbers or booleans`],
    ['list.json#a', "'list.json' holds a list, so '#a' has nothing to pick; drop it"],
    ['nested.json#loss', "'loss' in 'nested.json' is not a list of per-example scores"],
    ['nested.json#nope', "samples file 'nested.json' holds no list under 'nope' (lists found: flat.key)"],
    ['two-lists.json', "samples file 'two-lists.json' holds a mapping; say which list with file.json#key (lists found: a, b)"],
    ['scores.csv', "'scores.csv' has several numeric columns (id, correct, loss); pick one with scores.csv#column"],
    ['scores.csv#text', "'scores.csv' line 2, text: value is 'hello, world'; per-example scores must be finite numbers or true/false"],
    ['scores.csv#nope', "'scores.csv' has no column 'nope' (columns: id, text, correct, loss)"],
    ['headerless-wide.csv', "'headerless-wide.csv' has several numeric columns (1, 2); pick one with headerless-wide.csv#column"],
    ['headerless-wide.csv#3', "'headerless-wide.csv' has no column '3' (2 columns, no header)"],
    ['gap.csv', "'gap.csv' line 5, correct: value is empty; per-example scores must be finite numbers or true/false"],
    ['word.csv#correct', "'word.csv' line 3, correct: value is 'maybe'; per-example scores must be finite numbers or true/false"],
    ['header-only.csv', "samples file 'header-only.csv' has a header but no rows"],
    ['unclosed.csv', "'unclosed.csv' line 2: a quoted field is never closed"],
  ])('%s → bad input', async (spec, message) => {
    expect(await asyncInputErrorOf(() => loadSamples(spec, { cwd: dir }))).toEqual({ input: 'samples', message: `input 'samples': ${message}` });
  });
});

describe('loadSampleInputs', () => {
  test('no entries → undefined', async () => {
    expect(await loadSampleInputs([], dir)).toBeUndefined();
    expect(await loadSampleInputs(['', '# none yet'], dir)).toBeUndefined();
  });

  test('named and folder-named entries; baseline is the baseline', async () => {
    expect(await loadSampleInputs(['out/rf/correct.json', 'boost=out/gb/correct.json', 'baseline=out/prod/correct.json'], dir)).toEqual({
      candidates: { rf: [1, 1, 0], boost: [1, 0, 0] },
      baseline: [0, 1, 0],
    });
  });

  test('the metric picks CSV columns and JSON keys', async () => {
    expect(await loadSampleInputs(['rf=scores.csv', 'baseline=nested.json#eval.accuracy'], dir, { metric: 'correct' })).toEqual({
      candidates: { rf: [1, 0, 1] },
      baseline: [1, 0, 1],
    });
  });

  test('series of different lengths are a bad input naming both files', async () => {
    expect(await asyncInputErrorOf(() => loadSampleInputs(['rf=out/rf/correct.json', 'baseline=short.json'], dir))).toEqual({
      input: 'samples',
      message:
        "input 'samples': 'rf' has 3 per-example scores (out/rf/correct.json) but 'baseline' has 2 (short.json); all must score the same evaluation set in the same order",
    });
  });

  test('a repeated name is a bad input', async () => {
    expect((await asyncInputErrorOf(() => loadSampleInputs(['rf=out/rf/correct.json', 'out/rf/correct.json'], dir))).message).toBe(
      "input 'samples': two entries are named 'rf': out/rf/correct.json and out/rf/correct.json; name them apart with name=file",
    );
  });
});

describe('the row limit', () => {
  // One row over the stated maximum, as a JSON list and as a two-column CSV (an id and the score).
  const tooMany = MAX_SAMPLE_ROWS + 1;
  beforeAll(async () => {
    const { writeFixtureFiles } = await import('./helpers.js');
    await writeFixtureFiles(dir, {
      'many.json': `[${Array.from({ length: tooMany }, (_, i) => i % 2).join(',')}]`,
      'many.csv': `id,correct\n${Array.from({ length: tooMany }, (_, i) => `${i},${i % 2}`).join('\n')}\n`,
      'enough.csv': `id,correct\n${Array.from({ length: MAX_SAMPLE_ROWS }, (_, i) => `${i},${i % 2}`).join('\n')}\n`,
    });
  });

  test('is 100,000 scores per series', () => {
    expect(MAX_SAMPLE_ROWS).toBe(100_000);
  });

  test.each(['many.json', 'many.csv#correct', 'many.csv'])('%s, one row over it, is a bad input naming the limit', async (spec) => {
    expect(await asyncInputErrorOf(() => loadSamples(spec, { cwd: dir }))).toEqual({
      input: 'samples',
      message: `input 'samples': samples file '${spec.split('#')[0]}' holds more than 100,000 per-example scores; the bootstrap draws every row ` +
        'once per resample (10,000 by default) and candidate, so subsample larger evaluation sets (the same rows for every model) before the gate',
    });
  });

  test('a CSV of exactly the limit loads', async () => {
    expect(await loadSamples('enough.csv#correct', { cwd: dir })).toHaveLength(MAX_SAMPLE_ROWS);
  });
});
