/**
 * evaluate-and-gate: decide, with evidence, whether candidate models may go on.
 *
 * The story: read every input and input file (bad input stops here, exit 2,
 * nothing written) → mark the commit pending → evaluate the rules for each
 * candidate (with bootstrap intervals for `@ N%` rules) and pick the best →
 * write the report, results and JUnit files → publish the summary, status,
 * check run and PR comment (GitLab: status and MR note) → exit 3 when the gate did not pass and on-fail is
 * `fail`. A fault once the status is pending settles it as `error` (exit 1).
 */
import path from 'node:path';
import { writeFileAtomic } from '../../fs-atomic.js';
import type { Host } from '../../host/types.js';
import { evaluateGate } from '../../metrics/evaluate.js';
import { metricDirections } from '../../metrics/direction.js';
import { buildReportView, renderGateReport, skippedBaselineSummary } from '../../report/gate-report.js';
import { renderGateReportHtml } from '../../report/html-report.js';
import { formatNumber } from '../../report/format.js';
import { renderJUnit } from '../../report/junit.js';
import { leaderOf } from '../../report/view.js';
import { placeIn } from '../../metrics/rules.js';
import type { GateResults } from '../../types/gate.js';
import type { StepResult } from '../types.js';
import { GatePublisher } from './publish.js';
import { planGate, type GatePlan } from './plan.js';

export { planGate as plan };

/**
 * Inputs were checked whole by `plan`; from the pending status on, the
 * only way to fail is a fault (a file that cannot be written), and then the
 * status is settled as `error` before the step ends with exit 1.
 */
export async function run(inputs: GatePlan, host: Host): Promise<StepResult> {
  const publisher = await GatePublisher.create(host, inputs.reporting);
  const stopWatching = settleWhenStopped(publisher, host);
  try {
    await publisher.pending();
    return await evaluateAndReport(inputs, host, publisher);
  } catch (err) {
    await publisher.error(err);
    throw err;
  } finally {
    stopWatching();
  }
}

/** Exit codes of a process ended by a signal, as a shell reports them (128 + the signal's number). */
const STOP_SIGNALS = { SIGTERM: 143, SIGINT: 130 } as const;

/**
 * A cancelled job (the Actions runner sends SIGINT then SIGTERM, a Jenkins
 * abort SIGTERM) would leave the commit pending forever: while the gate runs,
 * a stop signal settles the status as `error` first, then ends the process
 * with the signal's usual exit code. A second signal kills it at once.
 * Returns the function that stops watching.
 */
function settleWhenStopped(publisher: GatePublisher, host: Host): () => void {
  const listeners = Object.entries(STOP_SIGNALS).map(([signal, exitCode]) => {
    const listener = (): void => {
      host.error(`Stopped by ${signal}: marking the commit status as error before exiting.`);
      void publisher.error(new Error(`the run was stopped (${signal})`)).finally(() => process.exit(exitCode));
    };
    process.once(signal, listener);
    return { signal, listener };
  });
  return () => {
    for (const { signal, listener } of listeners) process.removeListener(signal, listener);
  };
}

async function evaluateAndReport(inputs: GatePlan, host: Host, publisher: GatePublisher): Promise<StepResult> {
  const results = await host.group('Evaluate the rules', async () => {
    const evaluated = evaluateGate(inputs.evaluation);
    logVerdicts(evaluated, host);
    return evaluated;
  });
  annotateFailedRules(inputs, results, host);

  // One view of the verdict, laid out twice: markdown for GitHub and GitLab, HTML for Jenkins.
  const view = buildReportView(results, {
    direction: metricDirections(inputs.evaluation.rules, inputs.evaluation.selection),
    context: inputs.reporting.context,
    runUrl: host.context.runUrl,
    rules: inputs.evaluation.rules,
  });
  const markdown = renderGateReport(view);
  await writeArtifacts(inputs, results, markdown, renderGateReportHtml(view));
  await host.appendSummary(markdown);
  await host.group(`Report to ${publisher.forge}`, () => publisher.publish(results, markdown));

  const best = results.best ? results.candidates[results.best] : undefined;
  return {
    outputs: {
      passed: String(results.passed),
      best: results.best ?? '',
      'best-metrics': best ? path.resolve(host.context.cwd, best.metricsFile) : '',
      report: inputs.files.report,
      'report-html': inputs.files.reportHtml,
      results: JSON.stringify(results),
      'results-file': inputs.files.results,
    },
    ...(!results.passed && inputs.onFail === 'fail' ? { failure: { kind: 'gate', message: failureMessage(results) } } : {}),
  };
}

/** Reports (markdown and HTML), results JSON and JUnit XML, each written whole through a temp name. */
async function writeArtifacts(inputs: GatePlan, results: GateResults, markdown: string, html: string): Promise<void> {
  await writeFileAtomic(inputs.files.report, markdown);
  await writeFileAtomic(inputs.files.reportHtml, html);
  await writeFileAtomic(inputs.files.results, `${JSON.stringify(results, null, 2)}\n`);
  if (inputs.files.junit) await writeFileAtomic(inputs.files.junit, renderJUnit(results));
}

function logVerdicts(results: GateResults, host: Host): void {
  for (const [name, candidate] of Object.entries(results.candidates)) {
    host.info(`${candidate.passed ? 'PASS' : 'FAIL'} ${name} (${candidate.metricsFile})`);
    for (const rule of candidate.rules) {
      const interval = rule.interval ? ` CI [${rule.interval.lower.toFixed(4)}, ${rule.interval.upper.toFixed(4)}]` : '';
      host.info(`  ${rule.verdict.padEnd(7)} ${rule.rule}  (${rule.metric} = ${rule.value ?? 'missing'})${interval}${rule.note ? ` — ${rule.note}` : ''}`);
    }
  }
  host.info(results.passed ? `Best: ${results.best}. ${results.selectionNote}` : `No candidate passed every rule. ${results.selectionNote}`);
  const skipped = skippedBaselineSummary(results);
  if (skipped) host.warning(`${skipped}. The verdict did not compare with any baseline for those rules.`);
}

/**
 * When no candidate passed, each rule the best-ranked candidate failed (the
 * one the report's headline names, `leaderOf`) as a warning, or an error when the gate fails the
 * job, on the rule's line of the rules file: the PR's diff and the run page
 * show why the gate stopped on the line to change. Rules from the `rules`
 * input are in no file: the same message, without a place.
 */
function annotateFailedRules({ evaluation, onFail, rulesOrigin, reporting }: GatePlan, results: GateResults, host: Host): void {
  if (results.passed) return;
  const name = leaderOf(results);
  const candidate = name === undefined ? undefined : results.candidates[name];
  if (name === undefined || !candidate) return;
  const level = onFail === 'fail' ? 'error' : 'warning';
  candidate.rules.forEach((result, index) => {
    const rule = evaluation.rules[index];
    if (result.passed || !rule) return;
    const { at } = placeIn(rulesOrigin, rule.line);
    const value = result.value === null ? 'missing' : formatNumber(result.value);
    const message = `${name} ${result.verdict === 'skipped' ? 'did not get past' : 'failed'} the rule '${result.rule}' (${result.metric} = ${value})${result.note ? `: ${result.note}` : ''}`;
    // The title is the gate's status context: two gates in one job stay apart.
    host[level](message, at ? { ...at, title: reporting.context } : undefined);
  });
}

function failureMessage(results: GateResults): string {
  const failed = Object.entries(results.candidates)
    .filter(([, candidate]) => !candidate.passed)
    .map(([name, candidate]) => `${name}: ${candidate.rules.filter((rule) => !rule.passed).map((rule) => rule.rule).join('; ')}`);
  return `the gate did not pass — ${failed.join(' | ')}`;
}
