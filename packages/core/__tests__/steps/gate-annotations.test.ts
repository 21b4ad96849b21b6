/**
 * After the verdict, a gate that did not pass points at the rules its
 * closest candidate failed: on their line of the rules file (an annotation
 * on GitHub), as an error when the gate fails the job, else a warning.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareGate } from '../../src/metrics/evaluate.js';
import { parseRules, type RulesOrigin } from '../../src/metrics/rules.js';
import type { Annotation, Host } from '../../src/host/types.js';
import { run } from '../../src/steps/evaluate-and-gate/index.js';
import type { GatePlan } from '../../src/steps/evaluate-and-gate/plan.js';
import { quietHost } from '../support/quiet-host.js';

type Said = { level: 'warning' | 'error'; message: string; at: Annotation | undefined };

const RULES = '# the gate\naccuracy >= 0.9\nf1 >= 0.8\nloss <= 0.5\n';

function gate(dir: string, onFail: GatePlan['onFail'], rulesOrigin: RulesOrigin): GatePlan {
  return {
    evaluation: prepareGate({
      candidates: [
        // gb fails two rules, rf one: rf is the closest to passing.
        { name: 'gb', file: 'out/gb/metrics.json', metrics: { accuracy: 0.8, f1: 0.7, loss: 0.4 } },
        { name: 'rf', file: 'out/rf/metrics.json', metrics: { accuracy: 0.85, f1: 0.9, loss: 0.3 } },
      ],
      baseline: null,
      rules: parseRules(RULES, rulesOrigin),
      selection: null,
      onMissingBaseline: 'pass',
    }),
    onFail,
    reporting: { forge: 'github', token: '', apiUrl: 'https://api.github.com', context: 'mlops-ci/gate', checkRun: false, comment: 'off' },
    files: { report: path.join(dir, 'report.md'), reportHtml: path.join(dir, 'report.html'), results: path.join(dir, 'results.json'), junit: null },
    rulesOrigin,
  };
}

async function annotationsOf(onFail: GatePlan['onFail'], rulesOrigin: RulesOrigin): Promise<Said[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-annotations-'));
  const said: Said[] = [];
  const host: Host = {
    ...quietHost({ cwd: dir, tempDir: dir }),
    warning: (message, at) => said.push({ level: 'warning', message, at }),
    error: (message, at) => said.push({ level: 'error', message, at }),
  };
  await run(gate(dir, onFail, rulesOrigin), host);
  return said;
}

test('on-fail fail: an error on the rules-file line of each rule the closest candidate failed', async () => {
  expect(await annotationsOf('fail', { input: 'rules-file', file: 'gate/rules.txt' })).toEqual([
    {
      level: 'error',
      message: "rf failed the rule 'accuracy >= 0.9' (accuracy = 0.85)",
      at: { file: 'gate/rules.txt', line: 2, title: 'mlops-ci/gate' },
    },
  ]);
});

test('on-fail warn: the same as a warning', async () => {
  const said = await annotationsOf('warn', { input: 'rules-file', file: 'gate/rules.txt' });
  expect(said.map(({ level, at }) => [level, at?.line])).toEqual([['warning', 2]]);
});

test('rules from the rules input are in no file: the message without a place', async () => {
  const said = await annotationsOf('fail', { input: 'rules' });
  expect(said).toEqual([{ level: 'error', message: expect.stringContaining("rf failed the rule 'accuracy >= 0.9'") as unknown as string, at: undefined }]);
});
