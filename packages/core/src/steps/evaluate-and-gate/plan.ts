import path from 'node:path';
import { InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import { prepareGate, type GateCandidate, type PreparedGate } from '../../metrics/evaluate.js';
import { readInputText } from '../../fs-input.js';
import { loadMetricsFile, resolveMetricInputs } from '../../metrics/load.js';
import { parseRules, type RulesOrigin } from '../../metrics/rules.js';
import { loadSampleInputs } from '../../metrics/samples.js';
import { parseSelect } from '../../metrics/select.js';
import type { InputReader, InputValue } from '../../spec/inputs.js';
import { outputFilePath } from '../../spec/output-file.js';
import type { Rule } from '../../types/gate.js';
import { loadBaseline } from './baseline.js';
import { gitlabTokenFrom } from '../../scm/gitlab.js';
import type { ReportingPlan } from './publish.js';
import type { evaluateAndGateSpec } from './spec.js';

type GateReader = InputReader<typeof evaluateAndGateSpec>;

export interface GatePlan {
  /** Everything the evaluation needs, loaded and checked whole: evaluating it cannot fail on input. */
  readonly evaluation: PreparedGate;
  readonly onFail: InputValue<typeof evaluateAndGateSpec, 'on-fail'>;
  readonly reporting: ReportingPlan;
  readonly files: { readonly report: string; readonly reportHtml: string; readonly results: string; readonly junit: string | null };
  /** Where the rules came from: a failed rule is annotated on its line of a rules file. */
  readonly rulesOrigin: RulesOrigin;
}

/**
 * Reads and checks every input and every file they name before any work: a
 * missing metric file, a rule with a typo, a metric no candidate has or
 * scores named after no candidate end the step here with exit 2, before a
 * status is posted or a file written. The one preparation pass: `run` gets a
 * gate whose evaluation cannot fail on input.
 */
export async function planGate(reader: GateReader, host: Host): Promise<GatePlan> {
  const { cwd } = host.context;
  const { rules, origin: rulesOrigin } = await planRules(reader, cwd);
  const select = reader.get('select');
  const selection = select === undefined ? null : parseSelect(select);
  const onMissingBaseline = reader.get('on-missing-baseline');
  const onFail = reader.get('on-fail');
  const bootstrap = { resamples: reader.get('bootstrap-resamples'), seed: reader.get('bootstrap-seed') };
  const reporting = planReporting(reader, host);
  const files = planOutputFiles(reader, host, reporting.context);

  const candidates = await loadCandidates(reader.get('metrics'), cwd);
  const baseline = await loadBaseline(reader.get('baseline'), { cwd, env: host.context.env });
  if (baseline.kind === 'missing') host.warning(`No baseline: ${baseline.reason}. Rules using baseline.* are skipped (on-missing-baseline: ${onMissingBaseline}).`);
  // A CSV of several columns picks the one named like the statistical rules' metric.
  const statisticalMetric = rules.find((rule) => rule.confidence !== undefined)?.metric;
  const samples = await loadSampleInputs(reader.get('samples'), cwd, {
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
      bootstrap,
    },
    rulesOrigin,
  );
  return { evaluation, onFail, reporting, files, rulesOrigin };
}

/**
 * The rules, from `rules` or from the file `rules-file` names (the spec's
 * relation lets exactly one of them through), and which: later errors name it.
 */
async function planRules(reader: GateReader, cwd: string): Promise<{ rules: Rule[]; origin: RulesOrigin }> {
  const given = reader.oneOf('rules', 'rules-file');
  if (given.name === 'rules') return { rules: parseRules(given.value), origin: { input: 'rules' } };
  const file = given.value;
  const origin: RulesOrigin = { input: 'rules-file', file };
  return { rules: parseRules(await readInputText({ input: 'rules-file', what: 'rules file', file, cwd }), origin), origin };
}

/** The candidates the `metrics` entries name, each with its metrics file loaded. */
async function loadCandidates(entries: readonly string[], cwd: string): Promise<GateCandidate[]> {
  const inputs = await resolveMetricInputs(entries, cwd);
  return Promise.all(inputs.map(async (input) => ({ ...input, metrics: await loadMetricsFile(input.file, cwd) })));
}

/**
 * Where the verdict goes: GitLab when the gate runs in a GitLab job (its
 * token, API and project come from the job's variables), else GitHub.
 */
function planReporting(reader: GateReader, host: Host): ReportingPlan {
  const common = { context: reader.get('status-context'), comment: reader.get('comment') };
  if (host.kind === 'gitlab') {
    if (reader.get('check-run')) {
      throw new InputError('check-run', 'GitLab has no check runs: the gate reports there as a commit status and a merge request note; leave check-run false');
    }
    return { forge: 'gitlab', ...common, token: gitlabTokenFrom(host.context.env), apiUrl: host.context.apiUrl };
  }
  const reporting: ReportingPlan = {
    forge: 'github',
    ...common,
    token: reader.get('github-token'),
    // Depends on the run (a GitHub Enterprise runner names its own), so not a spec default.
    apiUrl: reader.get('github-api-url') ?? host.context.apiUrl,
    checkRun: reader.get('check-run'),
  };
  validateApiUrl(reporting.apiUrl);
  return reporting;
}

/**
 * Where the report (markdown and HTML), results and JUnit files go, each
 * checked writable now. Reports and results default to a per-context folder in the run's temp
 * folder (so two gates in one job keep their files apart); JUnit only when asked.
 */
function planOutputFiles(reader: GateReader, host: Host, context: string): GatePlan['files'] {
  const dir = path.join(host.context.tempDir, 'mlops-ci', 'evaluate-and-gate', context.replace(/[^A-Za-z0-9._-]+/g, '-'));
  const given = (name: 'report' | 'report-html' | 'results-file' | 'junit'): string | null => {
    const file = reader.get(name);
    return file === undefined ? null : outputFilePath(name, file, host.context.cwd);
  };
  return {
    report: given('report') ?? path.join(dir, 'report.md'),
    reportHtml: given('report-html') ?? path.join(dir, 'report.html'),
    results: given('results-file') ?? path.join(dir, 'results.json'),
    junit: given('junit'),
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
