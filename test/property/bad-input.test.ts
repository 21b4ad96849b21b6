/**
 * Bad input, as a catalogue that grows by itself: every input of every step
 * gets wrong types, empty and whitespace values, 100 KiB, non-UTF-8 bytes,
 * shell metacharacters, `../` and absolute paths and arbitrary Unicode, and
 * every step gets unknown input names — through the real bundle on the CLI,
 * Jenkins (MLOPS_CI_INPUTS) and GitHub (INPUT_*) hosts. Each case must end
 * with exit 0 (the value is legal) or exit 2 with exactly one error line
 * naming the input, no stack trace, nothing written and no command run.
 *
 * Defects the catalogue finds and that are not fixed yet are listed, each
 * with what it showed, in known-gaps.json: a new defect fails this test, and
 * so does a listed one that is fixed (take it off the list), so the list only
 * shrinks. `MLOPS_CI_UPDATE_KNOWN_GAPS=1` rewrites the list from a run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEPS } from '../../packages/core/src/steps/registry.js';
import { type Case, catalogue, caseKey } from './cases.js';
import { judge, runCase, type CaseRun, type StepFixture } from './run-case.js';

const SEED = 20261205;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const KNOWN_GAPS = path.join(HERE, 'known-gaps.json');
/** Bundle runs at once: each is mostly Node starting up. */
const PARALLEL = 3;

const write = (dir: string, file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

const FIXTURES: Record<string, StepFixture> = {
  'setup-env': {
    // Building a real env takes a minute; an empty project stops validation at
    // `manager` ("found nothing to build an env from") with exit 2, after every
    // other input was read.
    prepare: (ws) => mkdirSync(path.join(ws, 'empty')),
    base: { 'working-directory': 'empty', cache: 'false' },
    okCodes: [0],
    tripwire: 'manager',
  },
  'data-pull': {
    prepare: (ws) => {
      write(ws, 'src/a.txt', 'a\n');
      write(ws, 'src/sub/b.txt', 'b\n');
    },
    base: { source: 'src', path: 'data' },
    okCodes: [0],
  },
  'train-in-container': {
    prepare: (ws) => write(ws, 'train.py', 'print("ok")\n'),
    base: { runtime: 'host', command: 'true', outputs: 'out' },
    okCodes: [0],
    code: ['command'],
  },
  'evaluate-and-gate': {
    prepare: (ws) => write(ws, 'm.json', '{"accuracy": 0.9}\n'),
    base: { metrics: 'm.json', rules: 'accuracy >= 0.5', comment: 'off' },
    okCodes: [0, 3],
  },
  'promote-model': {
    prepare: (ws) => write(ws, 'model.pkl', 'model\n'),
    base: { model: 'iris', path: 'model.pkl', 'require-gate': 'false' },
    okCodes: [0],
  },
};

interface Outcome {
  readonly c: Case;
  readonly run: CaseRun;
  readonly gap: string | null;
}

async function runAll(cases: readonly Case[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const c = cases[next++] as Case;
      const fixture = FIXTURES[c.step] as StepFixture;
      const run = await runCase(c, fixture);
      outcomes.push({ c, run, gap: judge(c, fixture, run) });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return outcomes;
}

/** The figures README's Reliability section quotes: cases per step, how they ended, what fell short. */
function figures(outcomes: readonly Outcome[]): string {
  const rows = STEPS.map(({ spec }) => {
    const mine = outcomes.filter((o) => o.c.step === spec.name);
    const exit2 = mine.filter((o) => o.run.code === 2);
    const clean2 = exit2.filter((o) => o.gap === null);
    const count = (test: (o: Outcome) => boolean): number => mine.filter(test).length;
    return `| ${spec.name} | ${mine.length} | ${count((o) => o.run.code === 0 || o.run.code === 3)} | ${exit2.length} | ${exit2.length ? ((100 * clean2.length) / exit2.length).toFixed(0) : '—'}% | ${count((o) => o.gap !== null)} | ${count((o) => o.run.changed.length > 0 && o.run.code === 2)} | ${count((o) => o.run.injected && !FIXTURES[spec.name]?.code?.includes(o.c.input))} |`;
  });
  return ['| step | cases | exit 0/3 | exit 2 | clean exit 2 | falls short | wrote on exit 2 | injections |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

test('every input of every step, on every host: exit 0, or exit 2 with one error naming it, nothing written, nothing run', async () => {
  // MLOPS_CI_PROPERTY_STEP=<step> runs one step's cases (while working on it); known gaps of the others then count as fixed, so it is never set in CI.
  const only = process.env['MLOPS_CI_PROPERTY_STEP'];
  const cases = catalogue(
    STEPS.map((step) => step.spec).filter((spec) => !only || spec.name === only),
    SEED,
  );
  const outcomes = await runAll(cases);
  const gaps = Object.fromEntries(outcomes.filter((o) => o.gap !== null).map((o) => [caseKey(o.c), o.gap as string]));
  console.log(`${cases.length} cases\n${figures(outcomes)}`);

  if (process.env['MLOPS_CI_UPDATE_KNOWN_GAPS'] === '1') {
    const sorted = Object.fromEntries(Object.entries(gaps).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(KNOWN_GAPS, `${JSON.stringify(sorted, null, 2)}\n`);
    return;
  }
  const known = JSON.parse(readFileSync(KNOWN_GAPS, 'utf8')) as Record<string, string>;
  const fresh = Object.fromEntries(Object.entries(gaps).filter(([key]) => !(key in known)));
  const fixed = Object.keys(known).filter((key) => !(key in gaps));
  expect({ newDefects: fresh, fixedButStillListed: fixed }).toEqual({ newDefects: {}, fixedButStillListed: [] });
}, 1_200_000);
