/**
 * The gate's work grows linearly with the number of rules: each rule is read a
 * bounded number of times per candidate, however many rules there are. Work
 * is counted (reads of the rules list through the whole step: evaluation,
 * log, report), never timed. It once grew with the square: the report looked
 * up each row's better direction by scanning every rule (10,000 rules 4.5 s,
 * 40,000 rules 51 s).
 */
import { quietHost } from '../support/quiet-host.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareGate } from '../../src/metrics/evaluate.js';
import type { Rule } from '../../src/types/gate.js';
import { run } from '../../src/steps/evaluate-and-gate/index.js';
import type { GatePlan } from '../../src/steps/evaluate-and-gate/plan.js';


/** `count` rules on distinct metrics, as a list that counts how often an element is read. */
function countedRules(count: number): { rules: Rule[]; reads: () => number } {
  const rules: Rule[] = Array.from({ length: count }, (_, i) => ({
    text: `m${i} >= 0.5`,
    line: i + 1,
    metric: `m${i}`,
    comparator: '>=',
    right: { kind: 'number', value: 0.5 },
  }));
  let reads = 0;
  const counted = new Proxy(rules, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { rules: counted, reads: () => reads };
}

async function readsOfOneRun(ruleCount: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-scaling-'));
  const { rules, reads } = countedRules(ruleCount);
  const metrics = Object.fromEntries(rules.map((rule) => [rule.metric, 0.9]));
  const inputs: GatePlan = {
    evaluation: prepareGate({
      candidates: [
        { name: 'rf', file: 'out/rf/metrics.json', metrics },
        { name: 'gb', file: 'out/gb/metrics.json', metrics },
      ],
      baseline: null,
      rules,
      selection: null,
      onMissingBaseline: 'pass',
    }),
    onFail: 'warn',
    reporting: { forge: 'github', token: '', apiUrl: 'https://api.github.com', context: 'mlops-ci/gate', checkRun: false, comment: 'off' },
    files: { report: path.join(dir, 'report.md'), reportHtml: path.join(dir, 'report.html'), results: path.join(dir, 'results.json'), junit: path.join(dir, 'junit.xml') },
    rulesOrigin: { input: 'rules' },
  };
  const before = reads();
  const result = await run(inputs, quietHost({ cwd: dir, tempDir: dir }));
  expect(result.outputs['passed']).toBe('true');
  return reads() - before;
}

test('the step reads each rule a bounded number of times per candidate, for 500 or 4,000 rules', async () => {
  for (const ruleCount of [500, 4_000]) {
    const reads = await readsOfOneRun(ruleCount);
    // Two candidates: evaluating reads each rule once per candidate; a few passes more are fine, a scan per row is not.
    expect(reads).toBeLessThanOrEqual(10 * ruleCount);
  }
});
