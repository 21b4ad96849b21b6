import { describe, expect, test } from '@jest/globals';
import { mulberry32, pairedBootstrap, percentile } from '../../src/metrics/bootstrap.js';

/** 0/1 correctness over `rows` rows, wrong where `isWrong(row)`. */
function correctness(rows: number, isWrong: (row: number) => boolean): number[] {
  return Array.from({ length: rows }, (_, row) => (isWrong(row) ? 0 : 1));
}

describe('mulberry32', () => {
  test('is deterministic per seed and pinned to the values computed once', () => {
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const again = mulberry32(42);
    expect(again()).toBe(0.6011037519201636);
    expect(mulberry32(43)()).not.toBe(0.6011037519201636);
  });

  test('gives numbers in [0, 1) averaging about one half', () => {
    const random = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('percentile', () => {
  test('interpolates linearly between order statistics', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5]);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 1)).toBe(5);
    expect(percentile(sorted, 0.5)).toBe(3);
    expect(percentile(sorted, 0.125)).toBe(1.5);
  });
});

describe('pairedBootstrap', () => {
  const candidate = [0.1, 0.25, -0.3, 0.7, 0.05, 0.0, -0.12];
  const baseline = candidate.map((value) => value / 2);

  test('a fixed seed gives a fixed interval (pinned)', () => {
    expect(pairedBootstrap(candidate, baseline, { level: 0.95 })).toEqual({
      level: 0.95,
      lower: -0.049999999999999996,
      upper: 0.16785714285714284,
      resamples: 10_000,
      seed: 42,
    });
    expect(pairedBootstrap([1, 1, 0, 1, 1, 0, 1, 1, 1, 0], [1, 0, 0, 1, 0, 0, 1, 1, 0, 0], { level: 0.9, resamples: 2000, seed: 7 })).toEqual({
      level: 0.9,
      lower: 0.1,
      upper: 0.6,
      resamples: 2000,
      seed: 7,
    });
  });

  test('reruns agree; another seed gives another interval', () => {
    const first = pairedBootstrap(candidate, baseline, { level: 0.95, seed: 3 });
    expect(pairedBootstrap(candidate, baseline, { level: 0.95, seed: 3 })).toEqual(first);
    expect(pairedBootstrap(candidate, baseline, { level: 0.95, seed: 4 })).not.toEqual(first);
  });

  test('a real difference is detected: 95% vs 80% correct on 200 rows → lower bound above 0', () => {
    const better = correctness(200, (row) => row % 20 === 0); // 190/200 correct
    const worse = correctness(200, (row) => row % 5 === 1); // 160/200 correct
    const interval = pairedBootstrap(better, worse, { level: 0.95 });
    expect(interval.lower).toBeGreaterThan(0);
    expect(interval.lower).toBeLessThan(0.15);
    expect(interval.upper).toBeGreaterThan(0.15);
    expect(interval).toMatchObject({ lower: 0.085, upper: 0.215 });
  });

  test('no difference is not: same accuracy, different rows wrong → interval contains 0', () => {
    const first = correctness(200, (row) => [0, 1, 2].includes(row % 20)); // 85%
    const second = correctness(200, (row) => [10, 11, 12].includes(row % 20)); // 85%, other rows
    const interval = pairedBootstrap(first, second, { level: 0.95 });
    expect(interval.lower).toBeLessThan(0);
    expect(interval.upper).toBeGreaterThan(0);
  });

  test('a higher level gives a wider interval', () => {
    const narrow = pairedBootstrap(candidate, baseline, { level: 0.8 });
    const wide = pairedBootstrap(candidate, baseline, { level: 0.99 });
    expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
    expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
  });

  test.each<[number[], number[], string]>([
    [[1, 0, 1], [1, 0], 'the candidate has 3 per-example scores and the baseline 2; they must score the same evaluation set in the same order'],
    [[], [], 'no per-example scores to compare (the series are empty)'],
    [[1, Number.NaN], [1, 0], 'per-example score 2 is not a finite number (candidate NaN, baseline 0)'],
  ])('bad samples %j / %j → RangeError (the gate checks samples while planning)', (a, b, message) => {
    expect(() => pairedBootstrap(a, b, { level: 0.95 })).toThrow(new RangeError(message));
  });

  test.each([0, 1, 95, Number.NaN])('level %d is a RangeError', (level) => {
    expect(() => pairedBootstrap([1], [0], { level })).toThrow(RangeError);
  });

  test.each([0, -5, 1.5])('resamples %d is a RangeError', (resamples) => {
    expect(() => pairedBootstrap([1], [0], { level: 0.95, resamples })).toThrow(RangeError);
  });
});
