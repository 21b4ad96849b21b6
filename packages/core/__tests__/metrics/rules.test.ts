import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { checkRuleMetrics, parseRules } from '../../src/metrics/rules.js';
import type { Rule } from '../../src/types/gate.js';
import { inputErrorOf } from './helpers.js';

const baseline = (metric: string, offset = 0) => ({ kind: 'baseline', metric, offset }) as const;
const number = (value: number) => ({ kind: 'number', value }) as const;

describe('parseRules: good rules', () => {
  test.each<[string, Omit<Rule, 'line' | 'text'>]>([
    ['accuracy >= 0.9', { metric: 'accuracy', comparator: '>=', right: number(0.9) }],
    ['accuracy > 0.9', { metric: 'accuracy', comparator: '>', right: number(0.9) }],
    ['latency_ms <= 120', { metric: 'latency_ms', comparator: '<=', right: number(120) }],
    ['loss < baseline.loss', { metric: 'loss', comparator: '<', right: baseline('loss') }],
    ['converged == 1', { metric: 'converged', comparator: '==', right: number(1) }],
    ['classes != 0', { metric: 'classes', comparator: '!=', right: number(0) }],
    ['f1 >= baseline.f1 - 0.01', { metric: 'f1', comparator: '>=', right: baseline('f1', -0.01) }],
    ['f1 >= baseline.f1 + 0.01', { metric: 'f1', comparator: '>=', right: baseline('f1', 0.01) }],
    ['f1>=baseline.f1-0.01', { metric: 'f1', comparator: '>=', right: baseline('f1', -0.01) }],
    ['loss <= 1e-3', { metric: 'loss', comparator: '<=', right: number(0.001) }],
    ['loss <= 2.5E+2', { metric: 'loss', comparator: '<=', right: number(250) }],
    ['loss <= .5', { metric: 'loss', comparator: '<=', right: number(0.5) }],
    ['delta >= -0.5', { metric: 'delta', comparator: '>=', right: number(-0.5) }],
    ['delta >= - 0.5', { metric: 'delta', comparator: '>=', right: number(-0.5) }],
    ['delta >= +2', { metric: 'delta', comparator: '>=', right: number(2) }],
    ['rmse <= baseline.rmse + 1.5e-2', { metric: 'rmse', comparator: '<=', right: baseline('rmse', 0.015) }],
    ['eval.acc >= baseline.eval.acc', { metric: 'eval.acc', comparator: '>=', right: baseline('eval.acc') }],
    ['folds.0.acc >= 0.8', { metric: 'folds.0.acc', comparator: '>=', right: number(0.8) }],
    ['f1-score >= 0.8', { metric: 'f1-score', comparator: '>=', right: number(0.8) }],
    ['eval/accuracy >= 0.8', { metric: 'eval/accuracy', comparator: '>=', right: number(0.8) }],
    [
      '"macro avg.f1-score" >= baseline."macro avg.f1-score" - 0.02',
      { metric: 'macro avg.f1-score', comparator: '>=', right: baseline('macro avg.f1-score', -0.02) },
    ],
    ["'weighted avg.recall' > 0.5", { metric: 'weighted avg.recall', comparator: '>', right: number(0.5) }],
    [
      'accuracy >= baseline.accuracy - 0.01 @ 95%',
      { metric: 'accuracy', comparator: '>=', right: baseline('accuracy', -0.01), confidence: 0.95 },
    ],
    ['accuracy >= baseline.accuracy @95%', { metric: 'accuracy', comparator: '>=', right: baseline('accuracy'), confidence: 0.95 }],
    ['accuracy > baseline.accuracy @ 0.9', { metric: 'accuracy', comparator: '>', right: baseline('accuracy'), confidence: 0.9 }],
    ['loss <= baseline.loss + 0.1 @ 99.5%', { metric: 'loss', comparator: '<=', right: baseline('loss', 0.1), confidence: 0.995 }],
    ['loss < baseline.loss @ 90 %', { metric: 'loss', comparator: '<', right: baseline('loss'), confidence: 0.9 }],
  ])('%s', (text, expected) => {
    const [rule] = parseRules(text);
    expect(rule).toEqual({ ...expected, text, line: 1 });
  });

  test('skips blank lines and comments, keeps line numbers, and drops trailing comments from the text', () => {
    const rules = parseRules('# the gate\n\naccuracy >= 0.9   # floor\n  \n\tloss < baseline.loss\r\n');
    expect(rules.map((rule) => [rule.line, rule.text])).toEqual([
      [3, 'accuracy >= 0.9'],
      [5, 'loss < baseline.loss'],
    ]);
  });

  test('a # inside a quoted name is part of the name', () => {
    expect(parseRules('"top#1" >= 0.5')[0]?.metric).toBe('top#1');
  });
});

describe('parseRules: bad rules name the line, column, expectation and what was found', () => {
  test.each<[string, string]>([
    ['accuracy >= 0.9\naccuracy >= abc', "rules line 2, column 13: expected a number or baseline.<metric> after '>=', found 'abc'"],
    ['accuracy = 0.9', "rules line 1, column 10: expected a comparison (>=, >, <=, <, == or !=) after 'accuracy', found '=' (use '==' for equality)"],
    ['accuracy 0.9', "rules line 1, column 10: expected a comparison (>=, >, <=, <, == or !=) after 'accuracy', found '0.9'"],
    ['accuracy', "rules line 1, column 9: expected a comparison (>=, >, <=, <, == or !=) after 'accuracy', found end of line"],
    ['>= 0.9', "rules line 1, column 1: expected a metric name, found '>='"],
    ['0.9 <= accuracy', "rules line 1, column 1: expected a metric name, found '0.9'"],
    ['accuracy >=', "rules line 1, column 12: expected a number or baseline.<metric> after '>=', found end of line"],
    ['accuracy >= 0.9abc', "rules line 1, column 13: expected a number or baseline.<metric> after '>=', found '0.9abc'"],
    ['accuracy >= 1.2.3', "rules line 1, column 13: expected a number or baseline.<metric> after '>=', found '1.2.3'"],
    ['accuracy >= baseline', "rules line 1, column 13: expected a number or baseline.<metric> after '>=', found 'baseline'"],
    ['accuracy >= -x', "rules line 1, column 14: expected a number after '-', found 'x'"],
    ['f1 >= baseline.f1 -', "rules line 1, column 20: expected a number after '-', found end of line"],
    ['f1 >= baseline.f1 - x', "rules line 1, column 21: expected a number after '-', found 'x'"],
    ['f1 >= baseline.f1 * 1.1', "rules line 1, column 19: expected '+', '-', '@' or end of line after 'baseline.f1', found '*'"],
    ['f1 >= 0.9 0.8', "rules line 1, column 11: expected end of line after '0.9', found '0.8'"],
    ['f1 >= baseline.f1 - 0.01 0.8', "rules line 1, column 26: expected end of line after '0.01', found '0.8'"],
    ['baseline.f1 >= 0.9', "rules line 1, column 1: expected a candidate metric on the left (baseline.<metric> goes on the right), found 'baseline.f1'"],
    ['f1 $ 0.9', "rules line 1, column 4: expected a comparison (>=, >, <=, <, == or !=) after 'f1', found '$'"],
    ['"macro avg >= 0.9', 'rules line 1, column 18: expected a closing " for the name that starts at column 1, found end of line'],
    ['"" >= 0.9', 'rules line 1, column 1: expected a metric name between the quotes, found an empty name'],
    ['acc >= baseline.acc @', "rules line 1, column 22: expected a confidence level like 95% or 0.95 after '@', found end of line"],
    ['acc >= baseline.acc @ high', "rules line 1, column 23: expected a confidence level like 95% or 0.95 after '@', found 'high'"],
    [
      'acc >= baseline.acc @ 95',
      "rules line 1, column 23: expected a confidence level like 95% or 0.95 after '@' (a percentage needs '%', a fraction is between 0 and 1), found '95'",
    ],
    ['acc >= baseline.acc @ 100%', "rules line 1, column 23: expected a confidence level between 0% and 100%, found '100%'"],
    ['acc >= baseline.acc @ 0%', "rules line 1, column 23: expected a confidence level between 0% and 100%, found '0%'"],
    ['acc >= baseline.acc @ 95% %', "rules line 1, column 27: expected end of line after '%', found '%'"],
    ['acc >= 0.9 @ 95%', "rules line 1, column 8: a statistical rule ('@') compares a metric with its own baseline: expected baseline.acc, found '0.9'"],
    [
      'acc >= baseline.f1 @ 95%',
      "rules line 1, column 8: a statistical rule ('@') compares a metric with its own baseline: expected baseline.acc, found 'baseline.f1'",
    ],
    ['acc == baseline.acc @ 95%', "rules line 1, column 5: a statistical rule ('@') needs >=, >, <= or <, found '=='"],
    [
      'acc >= baseline.acc @ 95%\nf1 >= baseline.f1 @ 95%',
      "rules line 2, column 1: statistical rules ('@') must all be about one metric, because 'samples' holds one per-example score per model: line 1 uses 'acc', this one 'f1'",
    ],
  ])('%j', (text, message) => {
    expect(inputErrorOf(() => parseRules(text))).toEqual({ input: 'rules', message: `input 'rules': ${message}` });
  });

  test.each(['', '   \n# only a comment\n'])('no rules at all (%j) is a bad input', (text) => {
    expect(inputErrorOf(() => parseRules(text)).message).toBe(
      "input 'rules': no rules given: give one or more rules, one a line, e.g. 'accuracy >= 0.9'",
    );
  });
});

describe('the place of a rule error, for an annotation', () => {
  function errorOf(action: () => unknown): InputError {
    try {
      action();
    } catch (err) {
      if (err instanceof InputError) return err;
      throw err;
    }
    throw new Error('expected an InputError');
  }

  test('a syntax error in a rules file: the file, the line and the column', () => {
    expect(errorOf(() => parseRules('accuracy >= 0.9\n\nf1 >> 0.8', { input: 'rules-file', file: 'gate/rules.txt' })).at).toEqual({ file: 'gate/rules.txt', line: 3, col: 5 });
  });

  test('a rule naming an unknown metric in a rules file: the file and the line', () => {
    const rules = parseRules('# gate\nacc >= 0.9', { input: 'rules-file', file: 'rules.txt' });
    expect(errorOf(() => checkRuleMetrics(rules, { rf: ['accuracy'] }, undefined, { input: 'rules-file', file: 'rules.txt' })).at).toEqual({ file: 'rules.txt', line: 2 });
  });

  test('the rules input is no file: no place', () => {
    expect(errorOf(() => parseRules('f1 >> 0.8')).at).toBeUndefined();
  });
});

describe('checkRuleMetrics', () => {
  const rules = parseRules('accuracy >= 0.9\nf1 >= baseline.f1 - 0.01');

  test('passes when every metric exists in some candidate', () => {
    expect(() => checkRuleMetrics(rules, { rf: ['accuracy'], gb: ['f1', 'accuracy'] })).not.toThrow();
  });

  test('a left-hand metric no candidate has is a bad input naming the line and the metrics found', () => {
    expect(inputErrorOf(() => checkRuleMetrics(parseRules('acc >= 0.9'), { rf: ['accuracy', 'f1'], gb: new Set(['f1']) }))).toEqual({
      input: 'rules',
      message: "input 'rules': rules line 1: 'acc' is not a metric of any candidate (rf, gb); metrics found: accuracy, f1",
    });
  });

  test('a baseline metric only the candidates have is fine (the baseline predates it)', () => {
    expect(() => checkRuleMetrics(rules, { rf: ['accuracy', 'f1'] }, ['accuracy'])).not.toThrow();
  });

  test('a baseline metric neither side has is a bad input', () => {
    const typo = parseRules('f1 >= baseline.f1_score');
    expect(inputErrorOf(() => checkRuleMetrics(typo, { rf: ['f1'] }, ['f1'])).message).toBe(
      "input 'rules': rules line 1: 'baseline.f1_score' names a metric neither the baseline nor any candidate has; metrics found: f1",
    );
    expect(() => checkRuleMetrics(typo, { rf: ['f1'] }, ['f1', 'f1_score'])).not.toThrow();
  });

  test('metric files without numbers say so', () => {
    expect(inputErrorOf(() => checkRuleMetrics(parseRules('a >= 1'), { rf: [] })).message).toBe(
      "input 'rules': rules line 1: 'a' is not a metric of any candidate (rf); the metric files hold no numeric metrics",
    );
  });
});
