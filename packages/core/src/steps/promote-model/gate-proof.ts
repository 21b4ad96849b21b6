/**
 * What promote-model accepts as proof that the files it registers passed the
 * gate. A bare `{"passed": true}` proves nothing: the results must name a
 * passing candidate, and the metrics of the files being promoted must hash to
 * the digest evaluate-and-gate recorded for that candidate.
 */
import path from 'node:path';
import { InputError } from '../../errors.js';
import { metricsDigest } from '../../metrics/digest.js';
import { readInputText } from '../../fs-input.js';
import { metricsFromText } from '../../metrics/load.js';
import type { CandidateResult, GateResults, MetricValues } from '../../types/gate.js';

/** The passing candidate the promoted files are, with the metrics recorded for the version. */
export interface PromotedCandidate {
  readonly name: string;
  readonly metrics: MetricValues;
}

/** Which candidate the files are, or why the results cannot say. */
export type CandidateMatch = { readonly kind: 'proven'; readonly candidate: PromotedCandidate } | { readonly kind: 'unproven'; readonly reason: string };

/** What is being promoted: the `path` input, and the `metrics` input when given. */
export interface PromotedFiles {
  readonly modelPath: string;
  readonly metrics: { readonly file: string; readonly values: MetricValues } | null;
}

/**
 * evaluate-and-gate's results: the JSON itself (the `results` output) or a
 * file holding it; null when not given. The input is text (JSON can be long),
 * which keeps its blanks: a path or JSON from a YAML block ends in a newline.
 * @throws InputError('gate-results') when it is not JSON with a boolean `passed`.
 */
export async function readGateResults(given: string | undefined, cwd: string): Promise<GateResults | null> {
  const value = given?.trim();
  if (!value) return null;
  const text = value.startsWith('{') ? value : await readInputText({ input: 'gate-results', what: 'gate results file', file: value, cwd });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InputError('gate-results', `is not the JSON evaluate-and-gate writes (${(err as Error).message})`);
  }
  if (!isObject(parsed) || typeof parsed['passed'] !== 'boolean') {
    throw new InputError('gate-results', 'has no top-level boolean "passed": expected the `results` output (or `results-file`) of evaluate-and-gate');
  }
  const results = parsed as unknown as GateResults;
  return { ...results, candidates: isObject(results.candidates) ? results.candidates : {} };
}

/**
 * Finds the passing candidate the promoted files are. With `metrics` given,
 * the one whose recorded digest is that file's; else the one whose metrics
 * file lies inside `path` (a folder) or beside it (`out/rf/metrics.json` for
 * `out/rf/model`), re-read now and checked against its digest.
 */
export async function matchPromotedCandidate(gate: GateResults, files: PromotedFiles, cwd: string): Promise<CandidateMatch> {
  const passing = Object.entries(gate.candidates).filter(([, candidate]) => isObject(candidate) && candidate.passed === true);
  if (passing.length === 0) return unproven('names no passing candidate, so it proves nothing about the files being promoted: pass the results evaluate-and-gate wrote for them');
  const undigested = passing
    .filter(([, candidate]) => typeof candidate.metricsDigest !== 'string' || typeof candidate.metricsFile !== 'string')
    .map(([name]) => name);
  if (undigested.length > 0) {
    return unproven(
      `records no metrics digest for ${undigested.join(', ')}: these results were written by an older mlops-ci (or by hand) and cannot show which files passed; re-run evaluate-and-gate and pass its results`,
    );
  }
  return files.metrics ? matchByDigest(passing, files.metrics) : matchByLocation(passing, files.modelPath, cwd);
}

/** require-gate: refuses (exit 2) unless the gate passed and names the promoted files; lists the failed rules. */
export function requireProvenGate(gate: GateResults | null, match: CandidateMatch | null): PromotedCandidate {
  if (!gate || !match) {
    throw new InputError('gate-results', 'is required while require-gate is true: pass the results of evaluate-and-gate, or set require-gate: false');
  }
  if (!gate.passed) {
    const failed = Object.entries(gate.candidates).flatMap(([name, candidate]) =>
      (candidate.rules ?? []).filter((rule) => !rule.passed).map((rule) => `${name}: ${rule.rule} (${rule.metric} = ${rule.value ?? 'missing'})`),
    );
    throw new InputError('gate-results', `the gate did not pass, so the model is not promoted; failed rules: ${failed.length ? failed.join('; ') : 'none listed'}`);
  }
  if (match.kind === 'unproven') throw new InputError('gate-results', match.reason);
  return match.candidate;
}

type Passing = readonly (readonly [string, CandidateResult])[];

function matchByDigest(passing: Passing, metrics: NonNullable<PromotedFiles['metrics']>): CandidateMatch {
  const digest = metricsDigest(metrics.values);
  const found = passing.find(([, candidate]) => candidate.metricsDigest === digest);
  if (found) return proven(found[0], metrics.values);
  return unproven(`the metrics in ${metrics.file} are not those of any passing candidate (${listed(passing)}): promote the files the gate passed, or run the gate on these`);
}

async function matchByLocation(passing: Passing, modelPath: string, cwd: string): Promise<CandidateMatch> {
  const model = path.resolve(cwd, modelPath);
  const placed = passing.map(([name, candidate]) => ({ name, candidate, place: placeOf(path.resolve(cwd, candidate.metricsFile), model) }));
  const inside = placed.filter((entry) => entry.place === 'inside');
  const near = inside.length > 0 ? inside : placed.filter((entry) => entry.place === 'beside');
  if (near.length === 0) {
    return unproven(`no passing candidate's metrics file is in or beside ${modelPath} (${listed(passing)}): promote a passing candidate, or give metrics naming its metrics file`);
  }
  if (near.length > 1) {
    return unproven(`${near.map((entry) => entry.name).join(' and ')} both have their metrics file beside ${modelPath}: give metrics naming the promoted candidate's metrics file`);
  }
  const [{ name, candidate }] = near as [(typeof near)[number]];
  let values: MetricValues;
  try {
    const text = await readInputText({ input: 'gate-results', what: `metrics file of candidate ${name}`, file: candidate.metricsFile, cwd });
    values = metricsFromText(text, candidate.metricsFile, 'gate-results');
  } catch (err) {
    // Unreadable or malformed now: it cannot show the files are the ones the gate passed.
    if (err instanceof InputError) return unproven(err.message.replace(/^input 'gate-results': /, ''));
    throw err;
  }
  if (metricsDigest(values) !== candidate.metricsDigest) {
    return unproven(`${candidate.metricsFile} of candidate ${name} changed since the gate evaluated it: run the gate again on what is promoted`);
  }
  return proven(name, values);
}

/** Where a metrics file sits relative to the promoted path: inside it (a folder), beside it, or elsewhere. */
function placeOf(metricsFile: string, model: string): 'inside' | 'beside' | 'elsewhere' {
  const relative = path.relative(model, metricsFile);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return 'inside';
  return path.dirname(metricsFile) === path.dirname(model) ? 'beside' : 'elsewhere';
}

function listed(passing: Passing): string {
  return `passing: ${passing.map(([name, candidate]) => `${name} ${candidate.metricsFile}`).join(', ')}`;
}

function proven(name: string, metrics: MetricValues): CandidateMatch {
  return { kind: 'proven', candidate: { name, metrics } };
}

function unproven(reason: string): CandidateMatch {
  return { kind: 'unproven', reason };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
