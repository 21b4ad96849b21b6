/**
 * The paired bootstrap behind statistical rules (`@ 95%`): a confidence
 * interval for mean(candidate_i - baseline_i) over one evaluation set.
 *
 * Seeded, so a rerun of the same CI job gives the same interval and verdict.
 */
import type { Interval } from '../types/gate.js';

// Bound once: inside a vm context (jest) every lookup of a global such as
// `Math` goes through the context's interceptor, which in the resampling loop
// costs more than the loop itself (bench/evaluate-and-gate/README.md).
const imul = Math.imul;

export const DEFAULT_RESAMPLES = 10_000;
export const DEFAULT_SEED = 42;

/**
 * Mulberry32 (Tommy Ettinger's 32-bit generator): one 32-bit state word,
 * period 2^32, good enough statistical quality for resampling indices, and
 * tiny, so it is easy to check and identical on every platform.
 * Returns a function giving uniform numbers in [0, 1).
 * The seed is reduced to an unsigned 32-bit integer.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = imul(state ^ (state >>> 15), state | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  /** Two-sided confidence level in (0, 1), e.g. 0.95. */
  readonly level: number;
  /** Number of bootstrap resamples; 10,000 when absent. */
  readonly resamples?: number;
  /** PRNG seed; 42 when absent. */
  readonly seed?: number;
}

/**
 * Paired bootstrap percentile interval of mean(candidate_i - baseline_i).
 *
 * Each resample draws n example indices with replacement (the same index for
 * both models: that is what makes it paired) and records the mean difference.
 * The interval is the (1-level)/2 and (1+level)/2 percentiles of those means,
 * interpolated linearly between order statistics (numpy's default, "type 7").
 *
 * Allocates two typed arrays up front and nothing per resample.
 *
 * @throws RangeError when the series differ in length, are empty or hold a
 *   value that is not a finite number: the gate checks its samples while it
 *   plans (prepareGate), so here that is a caller's bug, not bad input.
 * @throws RangeError for a level outside (0, 1) or resamples not a positive integer.
 */
export function pairedBootstrap(
  candidate: readonly number[],
  baseline: readonly number[],
  { level, resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED }: BootstrapOptions,
): Interval {
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap level must be between 0 and 1, got ${level}`);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrap resamples must be a positive integer, got ${resamples}`);
  }
  const differences = pairedDifferences(candidate, baseline);
  const means = resampleMeans(differences, resamples, seed);
  means.sort(); // typed-array sort is numeric
  const tail = (1 - level) / 2;
  return {
    level,
    lower: percentile(means, tail),
    upper: percentile(means, 1 - tail),
    resamples,
    seed,
  };
}

function pairedDifferences(candidate: readonly number[], baseline: readonly number[]): Float64Array {
  if (candidate.length !== baseline.length) {
    throw new RangeError(
      `the candidate has ${candidate.length} per-example scores and the baseline ${baseline.length}; ` +
        'they must score the same evaluation set in the same order',
    );
  }
  if (candidate.length === 0) throw new RangeError('no per-example scores to compare (the series are empty)');
  const differences = new Float64Array(candidate.length);
  for (let i = 0; i < candidate.length; i++) {
    const c = candidate[i] ?? Number.NaN;
    const b = baseline[i] ?? Number.NaN;
    if (!Number.isFinite(c) || !Number.isFinite(b)) {
      throw new RangeError(
        `per-example score ${i + 1} is not a finite number (candidate ${c}, baseline ${b})`,
      );
    }
    differences[i] = c - b;
  }
  return differences;
}

function resampleMeans(differences: Float64Array, resamples: number, seed: number): Float64Array {
  const n = differences.length;
  const means = new Float64Array(resamples);
  const random = mulberry32(seed);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      // u * n with u in [0, 1) lies in [0, n); `| 0` floors it (n < 2^31) without a global lookup.
      sum += differences[(random() * n) | 0] as number;
    }
    means[r] = sum / n;
  }
  return means;
}

/** The p-quantile of sorted values, interpolating linearly between neighbours. */
export function percentile(sorted: Float64Array, p: number): number {
  const last = sorted.length - 1;
  const position = last * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, last);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (position - below) * (high - low);
}
