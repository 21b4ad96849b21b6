import path from 'node:path';
import { InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import { prepareGate, type PreparedGate } from '../../metrics/evaluate.js';
import { loadMetricsFile, readTextFile, resolveMetricInputs } from '../../metrics/load.js';
import { parseRules, type RulesOrigin } from '../../metrics/rules.js';
import { loadSampleInputs } from '../../metrics/samples.js';
import { parseSelect } from '../../metrics/select.js';
import type { InputReader } from '../../spec/inputs.js';
import { outputFilePath } from '../../spec/output-file.js';
import type { CommentMode } from '../../scm/github.js';
import { loadBaseline } from './baseline.js';
import type { ReportingInputs } from './publish.js';
import type { Rule } from '../../types/gate.js';

export interface GateInputs {
  /** Everything the evaluation needs, loaded and checked whole: evaluating it cannot fail on input. */
  readonly evaluation: PreparedGate;
  readonly onFail: 'fail' | 'warn';
  readonly reporting: ReportingInputs;
  readonly files: { readonly report: string; readonly results: string; readonly junit: string | null };
}

/**
 * Reads and checks every input and every file they name before any work: a
 * missing metric file, a rule with a typo, a metric no candidate has or
 * scores named after no candidate end the step here with exit 2, before a
 * status is posted or a file written. The one preparation pass: `run` gets a
 * gate whose evaluation cannot fail on input.
 */
export async function readGateInputs(reader: InputReader, host: Host): Promise<GateInputs> {
  const cwd = process.cwd();
  const entries = reader.list('metrics');
  const { rules, origin: rulesOrigin } = await readRules(reader, cwd);
  const selectText = reader.string('select').trim();
  const selection = selectText ? parseSelect(selectText) : null;
  const onMissingBaseline = reader.choice<'pass' | 'fail'>('on-missing-baseline');
  const onFail = reader.choice<'fail' | 'warn'>('on-fail');
  const resamples = reader.number('bootstrap-resamples', { min: 100, max: 1_000_000, integer: true }) ?? 10_000;
  const seed = reader.number('bootstrap-seed', { integer: true }) ?? 42;
  const reporting: ReportingInputs = {
    token: reader.string('github-token').trim(),
    apiUrl: reader.string('github-api-url').trim() || host.context.apiUrl,
    context: reader.string('status-context').trim() || 'mlops-ci/gate',
    checkRun: reader.boolean('check-run'),
    comment: reader.choice<CommentMode>('comment'),
  };
  validateApiUrl(reporting.apiUrl);
  const files = outputFiles(reader, host, reporting.context);

  const inputs = await resolveMetricInputs(entries, cwd);
  const candidates = await Promise.all(inputs.map(async (input) => ({ ...input, metrics: await loadMetricsFile(input.file, cwd) })));
  const baseline = await loadBaseline(reader.string('baseline'), cwd);
  if (baseline.kind === 'missing') host.warning(`No baseline: ${baseline.reason}. Rules using baseline.* are skipped (on-missing-baseline: ${onMissingBaseline}).`);
  // A CSV of several columns picks the one named like the statistical rules' metric.
  const statisticalMetric = rules.find((rule) => rule.confidence !== undefined)?.metric;
  const samples = await loadSampleInputs(reader.list('samples'), cwd, {
    ...(statisticalMetric ? { metric: statisticalMetric } : {}),
    baselineFiles: (baseline.kind !== 'none' && baseline.files) || { kind: 'not-a-registry' },
  });

  const evaluation = prepareGate(
    {
      candidates,
      baseline: baseline.kind === 'found' ? { source: baseline.source, metrics: baseline.metrics } : null,
      missingBaselineSource: baseline.kind === 'missing' ? baseline.source : null,
      rules,
      ...(samples ? { samples } : {}),
      selection,
      onMissingBaseline,
      bootstrap: { resamples, seed },
    },
    rulesOrigin,
  );
  return {
    evaluation,
    onFail,
    reporting,
    files,
  };
}

/** The rules, from `rules` or from the file `rules-file` names (one of the two), and which: later errors name it. */
async function readRules(reader: InputReader, cwd: string): Promise<{ rules: Rule[]; origin: RulesOrigin }> {
  const text = reader.string('rules');
  const file = reader.string('rules-file').trim();
  if (text.trim() && file) throw new InputError('rules-file', 'was given together with rules; give one of them');
  if (!file) {
    if (!text.trim()) throw new InputError('rules', 'is required: give the rules, one a line, or rules-file naming a file of them');
    return { rules: parseRules(text), origin: { input: 'rules' } };
  }
  const origin: RulesOrigin = { input: 'rules-file', file };
  return { rules: parseRules(await readTextFile('rules-file', 'rules file', file, cwd), origin), origin };
}

function outputFiles(reader: InputReader, host: Host, context: string): GateInputs['files'] {
  const cwd = process.cwd();
  const dir = path.join(host.context.tempDir, 'mlops-ci', 'evaluate-and-gate', context.replace(/[^A-Za-z0-9._-]+/g, '-'));
  const report = reader.string('report').trim();
  const results = reader.string('results-file').trim();
  const junit = reader.string('junit').trim();
  return {
    report: report ? outputFilePath('report', report, cwd) : path.join(dir, 'report.md'),
    results: results ? outputFilePath('results-file', results, cwd) : path.join(dir, 'results.json'),
    junit: junit ? outputFilePath('junit', junit, cwd) : null,
  };
}

function validateApiUrl(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return;
  } catch {
    // fall through to the error below
  }
  throw new InputError('github-api-url', `got '${url}', expected an http(s) URL such as https://api.github.com or https://HOST/api/v3`);
}
