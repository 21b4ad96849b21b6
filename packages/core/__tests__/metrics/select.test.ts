import { describe, expect, test } from '@jest/globals';
import { metricDirection } from '../../src/metrics/direction.js';
import { parseRules } from '../../src/metrics/rules.js';
import { parseSelect, selectBest, type PassingCandidate } from '../../src/metrics/select.js';
import type { Direction, Selection } from '../../src/types/gate.js';
import { inputErrorOf } from './helpers.js';

describe('parseSelect', () => {
  test.each<[string, Selection]>([
    ['max:accuracy', { mode: 'max', metric: 'accuracy' }],
    ['min:latency_ms', { mode: 'min', metric: 'latency_ms' }],
    ['  max : eval.f1  ', { mode: 'max', metric: 'eval.f1' }],
    ['max:"macro avg.f1-score"', { mode: 'max', metric: 'macro avg.f1-score' }],
  ])('%j', (text, expected) => {
    expect(parseSelect(text)).toEqual(expected);
  });

  test.each<[string, string]>([
    ['maximum:acc', "expected max:<metric> or min:<metric>, e.g. max:accuracy; found 'maximum' before ':' (it must be 'max' or 'min')"],
    ['MAX:acc', "expected max:<metric> or min:<metric>, e.g. max:accuracy; found 'MAX' before ':' (it must be 'max' or 'min')"],
    [':acc', "expected max:<metric> or min:<metric>, e.g. max:accuracy; found '' before ':' (it must be 'max' or 'min')"],
    ['max:', "expected max:<metric> or min:<metric>, e.g. max:accuracy; found no metric after 'max:'"],
    ['min:  ', "expected max:<metric> or min:<metric>, e.g. max:accuracy; found no metric after 'min:'"],
    ['accuracy', "expected max:<metric> or min:<metric>, e.g. max:accuracy; found 'accuracy'"],
    ['', "expected max:<metric> or min:<metric>, e.g. max:accuracy; found ''"],
    ['max:baseline.accuracy', "select picks among candidates, so name a candidate metric, not 'baseline.accuracy'"],
  ])('%j → bad input', (text, message) => {
    expect(inputErrorOf(() => parseSelect(text))).toEqual({ input: 'select', message: `input 'select': ${message}` });
  });
});

describe('selectBest', () => {
  const candidate = (name: string, metrics: Record<string, number>): PassingCandidate => ({ name, metrics });
  const rf = candidate('rf', { accuracy: 0.95, latency: 30 });
  const gb = candidate('gb', { accuracy: 0.95, latency: 20 });
  const lr = candidate('lr', { accuracy: 0.9, latency: 5 });

  test.each<[string, PassingCandidate[], Selection | null, number, string | null, string]>([
    ['none passing (several)', [], { mode: 'max', metric: 'accuracy' }, 3, null, 'none of the 3 candidates passed every rule'],
    ['none passing (one)', [], null, 1, null, 'the candidate did not pass every rule'],
    ['the only candidate', [rf], null, 1, 'rf', 'rf is the only candidate, and it passed'],
    ['the only passing one', [lr], { mode: 'max', metric: 'accuracy' }, 3, 'lr', 'lr is the only candidate that passed'],
    ['no select: first by name', [rf, lr, gb], null, 3, 'gb', "rf, lr and gb passed; with no 'select', chose gb, the first by name"],
    ['max with a clear winner', [lr, gb], { mode: 'max', metric: 'accuracy' }, 2, 'gb', 'chose gb: highest accuracy (0.95; lr 0.9)'],
    ['min with a clear winner', [rf, gb, lr], { mode: 'min', metric: 'latency' }, 3, 'lr', 'chose lr: lowest latency (5; rf 30, gb 20)'],
    ['max tie broken by name', [rf, gb, lr], { mode: 'max', metric: 'accuracy' }, 3, 'gb', 'rf and gb tie on accuracy = 0.95; chose gb by name'],
    [
      'three-way tie',
      [candidate('c', { a: 1 }), candidate('a', { a: 1 }), candidate('b', { a: 1 })],
      { mode: 'min', metric: 'a' },
      3,
      'a',
      'c, a and b tie on a = 1; chose a by name',
    ],
    [
      'NaN and missing values are not ranked',
      [candidate('x', { acc: Number.NaN }), candidate('y', {}), candidate('z', { acc: 0.5 }), candidate('w', { acc: 0.4 })],
      { mode: 'max', metric: 'acc' },
      4,
      'z',
      'chose z: highest acc (0.5; w 0.4); x and y not ranked (no usable acc)',
    ],
    [
      'no passing candidate has the metric',
      [candidate('y', {}), candidate('x', { acc: Number.NaN })],
      { mode: 'max', metric: 'acc' },
      2,
      'x',
      'no passing candidate has a usable acc; chose x, the first by name',
    ],
    [
      'names sort by code unit, not locale',
      [candidate('b', {}), candidate('B', {})],
      null,
      2,
      'B',
      "b and B passed; with no 'select', chose B, the first by name",
    ],
  ])('%s', (_, passing, selection, total, best, note) => {
    expect(selectBest(passing, selection, total)).toEqual({ best, note });
  });
});

describe('metricDirection', () => {
  test.each<[string, string, Selection | null, Direction]>([
    ['accuracy', 'accuracy >= 0.9', null, 'higher'],
    ['loss', 'loss > 0.1', null, 'higher'], // the rule wins over the name
    ['accuracy', 'accuracy <= 0.99', null, 'lower'],
    ['accuracy', 'accuracy == 1', null, 'higher'], // == says nothing: falls to the name, then higher
    ['score', 'score >= 0.1\nscore <= 0.9', { mode: 'min', metric: 'score' }, 'lower'], // a range says nothing: select decides
    ['score', 'accuracy >= 0.9', { mode: 'min', metric: 'score' }, 'lower'],
    ['score', 'accuracy >= 0.9', { mode: 'min', metric: 'other' }, 'higher'],
    ['val_loss', 'accuracy >= 0.9', null, 'lower'],
    ['eval.latency_ms', 'accuracy >= 0.9', null, 'lower'],
    ['trainTime', 'accuracy >= 0.9', null, 'lower'],
    ['model-size', 'accuracy >= 0.9', null, 'lower'],
    ['error_rate', 'accuracy >= 0.9', null, 'lower'],
    ['rmse', 'accuracy >= 0.9', null, 'lower'],
    ['runtime', 'accuracy >= 0.9', null, 'higher'], // only whole parts count
    ['f1', 'accuracy >= 0.9', null, 'higher'],
  ])('%s with rules %j and select %j → %s', (metric, rules, selection, direction) => {
    expect(metricDirection(metric, parseRules(rules), selection)).toBe(direction);
  });
});
