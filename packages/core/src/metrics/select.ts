/**
 * The `select` input (`max:<metric>` / `min:<metric>`) and the choice of the
 * best candidate among those that passed every rule.
 */
import { InputError } from '../errors.js';
import type { MetricValues, Selection } from '../types/gate.js';
import { compareNames, listInWords } from './names.js';

/**
 * Parses `max:<metric>` or `min:<metric>` (spaces around the parts allowed; the
 * metric may be quoted). The caller treats an empty `select` as "no selection"
 * and does not call this.
 * @throws InputError('select') for anything else: `maximum:acc`, `max:`,
 *   `accuracy`, `max:baseline.accuracy`, an empty text.
 */
export function parseSelect(text: string): Selection {
  const trimmed = text.trim();
  const match = /^([A-Za-z]*)\s*:\s*(.*)$/s.exec(trimmed);
  const expected = 'expected max:<metric> or min:<metric>, e.g. max:accuracy';
  if (match === null) throw new InputError('select', `${expected}; found '${trimmed}'`);
  const [, mode = '', rawMetric = ''] = match;
  if (mode !== 'max' && mode !== 'min') {
    throw new InputError('select', `${expected}; found '${mode}' before ':' (it must be 'max' or 'min')`);
  }
  const metric = unquote(rawMetric.trim());
  if (metric === '') throw new InputError('select', `${expected}; found no metric after '${mode}:'`);
  if (metric.startsWith('baseline.')) {
    throw new InputError('select', `select picks among candidates, so name a candidate metric, not '${metric}'`);
  }
  return { mode, metric };
}

function unquote(text: string): string {
  const quoted = /^(["'])(.*)\1$/s.exec(text);
  return quoted?.[2] ?? text;
}

/** One candidate that passed every rule, as selection sees it. */
export interface PassingCandidate {
  readonly name: string;
  readonly metrics: MetricValues;
}

export interface SelectionOutcome {
  readonly best: string | null;
  readonly note: string;
}

/**
 * Picks the best of the candidates that passed every rule.
 *
 * - None passed: best is null.
 * - With a selection: the highest (`max`) / lowest (`min`) value wins; ties go
 *   to the first name in code-unit order, and the note names the tie
 *   ("rf and gb tie on accuracy = 0.95; chose gb by name"). Passing candidates
 *   whose value is missing or NaN are not ranked (the note says so); when none
 *   has a value, the first by name is chosen.
 * - Without a selection: the only passing candidate, or the first by name.
 *
 * `passing` keeps the caller's order (the `metrics` input's), which the note
 * uses when listing names; `total` is the number of candidates evaluated.
 */
export function selectBest(passing: readonly PassingCandidate[], selection: Selection | null, total: number): SelectionOutcome {
  if (passing.length === 0) {
    return { best: null, note: total === 1 ? 'the candidate did not pass every rule' : `none of the ${total} candidates passed every rule` };
  }
  const byName = [...passing].sort((a, b) => compareNames(a.name, b.name));
  const firstByName = byName[0] as PassingCandidate;
  if (passing.length === 1) {
    const only = total === 1 ? `${firstByName.name} is the only candidate, and it passed` : `${firstByName.name} is the only candidate that passed`;
    return { best: firstByName.name, note: only };
  }
  if (selection === null) {
    return {
      best: firstByName.name,
      note: `${listInWords(passing.map((c) => c.name))} passed; with no 'select', chose ${firstByName.name}, the first by name`,
    };
  }
  return selectByMetric(passing, selection);
}

function selectByMetric(passing: readonly PassingCandidate[], selection: Selection): SelectionOutcome {
  const { metric, mode } = selection;
  const ranked = passing.filter((c) => isComparable(c.metrics[metric]));
  const unranked = passing.filter((c) => !isComparable(c.metrics[metric])).map((c) => c.name);
  const unrankedNote = unranked.length === 0 ? '' : `; ${listInWords(unranked)} not ranked (no usable ${metric})`;

  if (ranked.length === 0) {
    const first = [...passing].sort((a, b) => compareNames(a.name, b.name))[0] as PassingCandidate;
    return { best: first.name, note: `no passing candidate has a usable ${metric}; chose ${first.name}, the first by name` };
  }
  const better = (a: number, b: number): boolean => (mode === 'max' ? a > b : a < b);
  let bestValue = ranked[0]?.metrics[metric] as number;
  for (const candidate of ranked) {
    const value = candidate.metrics[metric] as number;
    if (better(value, bestValue)) bestValue = value;
  }
  const tied = ranked.filter((c) => c.metrics[metric] === bestValue).map((c) => c.name);
  const winner = [...tied].sort(compareNames)[0] as string;
  const word = mode === 'max' ? 'highest' : 'lowest';
  if (tied.length > 1) {
    return { best: winner, note: `${listInWords(tied)} tie on ${metric} = ${bestValue}; chose ${winner} by name${unrankedNote}` };
  }
  if (ranked.length === 1) {
    return { best: winner, note: `${winner} is the only passing candidate with a usable ${metric} (${bestValue})${unrankedNote}` };
  }
  const others = ranked.filter((c) => c.name !== winner).map((c) => `${c.name} ${c.metrics[metric]}`);
  return { best: winner, note: `chose ${winner}: ${word} ${metric} (${bestValue}; ${others.join(', ')})${unrankedNote}` };
}

/** NaN or a missing value can't be ranked; ±Infinity can. */
function isComparable(value: number | undefined): value is number {
  return value !== undefined && !Number.isNaN(value);
}
