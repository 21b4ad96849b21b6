/**
 * The gate's report as people see it: the markdown (the PR comment, the job
 * summary and the check run carry the same text) rendered the way GitHub does
 * — a CommonMark/GFM renderer, GitHub's CSS, mermaid's browser bundle drawing
 * the chart — and the HTML report when the gate writes one, in headless
 * Chromium, saved as PNGs. The assertions are what a reader would notice
 * first: a chart mermaid could not draw, a table left as pipe text, a report
 * wider than the comment box.
 *
 * To regenerate and look at the renderings (needs Debian's chromium:
 * `bash scripts/provision/chromium.sh`, and a built bundle: `npm run build`):
 *
 *   node --experimental-vm-modules node_modules/jest/bin/jest.js test/evaluate-and-gate/report-rendering.test.ts
 *
 * The PNGs (and the HTML pages they were taken of, which open in any browser)
 * land in test-output/report-rendering/ (git-ignored); the test prints their
 * paths. Each fixture's markdown is saved beside them as <fixture>.md.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { ROOT, runBundle, tempDir } from '../support/bundle.js';
import { PageRenderer, type PageFacts } from '../support/render/browser.js';
import { githubMarkdownPage, mermaidBlocksIn, pipeTablesIn } from '../support/render/github-page.js';

// Starting Chromium and parsing mermaid's 3.5 MB bundle for each page take
// seconds on a busy machine: more than jest's 5 s default, far less than this.
jest.setTimeout(60_000);

const OUTPUT = path.join(ROOT, 'test-output', 'report-rendering');
/** About the width of a PR comment's body on a desktop browser. */
const GITHUB_COMMENT_WIDTH = 900;
/** A Jenkins build page's content area, where publishHTML shows the HTML report. */
const JENKINS_REPORT_WIDTH = 1024;

// ---- fixtures: a project folder the gate runs in ------------------------------

interface Candidate {
  readonly name: string;
  readonly metrics: Record<string, unknown>;
  /** Per-example scores (1 = correct), for `@ 95%` rules. */
  readonly scores?: readonly number[];
}

interface Fixture {
  readonly name: string;
  readonly candidates: readonly Candidate[];
  readonly baseline?: Candidate;
  readonly rules: string;
  readonly passes: boolean;
}

const ROWS = 400;

/**
 * Scores of a model that gets `correct` of ROWS examples right. Models share
 * one ordering of the examples, shifted by `offset`, so they agree on most
 * rows and differ on a few, as models evaluated on one set do.
 */
function scores(correct: number, offset: number): number[] {
  return Array.from({ length: ROWS }, (_, row) => ((row * 7919 + offset) % ROWS < correct ? 1 : 0));
}

function classifier(name: string, correct: number, offset: number, f1: number, latency: number): Candidate {
  return { name, metrics: { accuracy: correct / ROWS, f1: { macro: f1 }, latency_ms: latency }, scores: scores(correct, offset) };
}

const PAIR_RULES = 'accuracy >= 0.9\nf1.macro >= baseline.f1.macro - 0.01';
const FIXTURES: readonly Fixture[] = [
  {
    name: 'passing',
    candidates: [
      { name: 'rf', metrics: { accuracy: 0.953, f1: { macro: 0.941 } } },
      { name: 'gb', metrics: { accuracy: 0.931, f1: { macro: 0.948 } } },
    ],
    baseline: { name: 'baseline', metrics: { accuracy: 0.94, f1: { macro: 0.93 } } },
    rules: PAIR_RULES,
    passes: true,
  },
  {
    name: 'failing',
    candidates: [
      { name: 'rf', metrics: { accuracy: 0.874, f1: { macro: 0.861 } } },
      { name: 'gb', metrics: { accuracy: 0.902, f1: { macro: 0.905 } } },
    ],
    baseline: { name: 'baseline', metrics: { accuracy: 0.94, f1: { macro: 0.93 } } },
    rules: PAIR_RULES,
    passes: false,
  },
  {
    name: 'eight-candidates',
    candidates: [
      classifier('resnet50-aug', 374, 3, 0.928, 31),
      classifier('resnet50', 368, 5, 0.917, 30),
      classifier('efficientnet-b0', 370, 11, 0.921, 18),
      classifier('vit-small-lr3e-4', 378, 17, 0.936, 55),
      classifier('mobilenet-v3', 352, 23, 0.874, 9),
      classifier('convnext-tiny', 372, 29, 0.925, 34),
      classifier('baseline-retrain', 364, 0, 0.905, 30),
      classifier('distilled-student-with-a-long-run-name', 360, 37, 0.897, 12),
    ],
    baseline: classifier('baseline', 364, 0, 0.905, 30),
    rules: 'accuracy >= baseline.accuracy @ 95%\nf1.macro >= 0.9\nlatency_ms <= 40',
    passes: true,
  },
];

/** Writes the fixture's files and returns the gate's arguments for them. */
function writeProject(fixture: Fixture, dir: string): string[] {
  const metrics: string[] = [];
  const samples: string[] = [];
  for (const model of [...fixture.candidates, ...(fixture.baseline ? [fixture.baseline] : [])]) {
    const folder = path.join(dir, 'out', model.name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'metrics.json'), JSON.stringify(model.metrics));
    if (model !== fixture.baseline) metrics.push(`${model.name}=out/${model.name}/metrics.json`);
    if (model.scores) {
      writeFileSync(path.join(folder, 'scores.json'), JSON.stringify(model.scores));
      samples.push(`${model === fixture.baseline ? 'baseline' : model.name}=out/${model.name}/scores.json`);
    }
  }
  const args = ['evaluate-and-gate', '--metrics', metrics.join('\n'), '--rules', fixture.rules, '--select', 'max:accuracy'];
  if (fixture.baseline) args.push('--baseline', `out/${fixture.baseline.name}/metrics.json`);
  if (samples.length > 0) args.push('--samples', samples.join('\n'), '--bootstrap-resamples', '2000');
  return [...args, '--report', 'report.md', '--on-fail', 'warn'];
}

// ---- the renderings ---------------------------------------------------------------

let renderer: PageRenderer;
const renderings: string[] = [];
const started = Date.now();

beforeAll(async () => {
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  renderer = await PageRenderer.launch();
});

afterAll(async () => {
  await renderer?.close();
  if (renderings.length > 0) {
    console.log(`Report renderings (${((Date.now() - started) / 1000).toFixed(1)}s, one browser):\n${renderings.map((line) => `  ${line}`).join('\n')}`);
  }
});

/** A real PNG of the page's width and of a plausible height and size. */
async function expectPng(file: string, width: number): Promise<void> {
  const size = await renderer.pngSize(file);
  expect(size.width).toBe(width);
  expect(size.height).toBeGreaterThan(200);
  expect(statSync(file).size).toBeGreaterThan(10_000);
  renderings.push(file);
}

/** What must hold on every rendering: offline, no table left as text, nothing wider than its box. */
function expectReadable(png: string, facts: PageFacts): void {
  expect(facts.requests).toEqual([]);
  expect(facts.pipeText).toEqual([]);
  // A wide report scrolls sideways in the comment box: a reader misses columns.
  expect(facts.overflow).toEqual([]);
  // Chart labels drawn over each other cannot be read (8 names under vertical bars did).
  expect(facts.overlappingText).toEqual([]);
}

/** Runs the gate on the fixture; the report's markdown and, when written, the HTML report. */
async function runGate(fixture: Fixture): Promise<{ markdown: string; htmlReport: string | undefined; passed: string }> {
  const dir = tempDir(`gate-render-${fixture.name}-`);
  const run = await runBundle(writeProject(fixture, dir), { cwd: dir });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  const outputs = JSON.parse(run.stdout) as Record<string, string>;
  return { markdown: readFileSync(outputs['report']!, 'utf8'), htmlReport: outputs['report-html'], passed: outputs['passed']! };
}

describe.each(FIXTURES)('the $name report', (fixture) => {
  let gate: Awaited<ReturnType<typeof runGate>>;
  beforeAll(async () => {
    gate = await runGate(fixture);
    writeFileSync(path.join(OUTPUT, `${fixture.name}.md`), gate.markdown);
  });

  test('as a PR comment / job summary: every chart drawn with its bars, every table a table, nothing wider than the comment', async () => {
    expect(gate.passed).toBe(String(fixture.passes));
    const png = path.join(OUTPUT, `${fixture.name}-comment.png`);
    const page = githubMarkdownPage(`evaluate-and-gate: ${fixture.name}`, gate.markdown);
    writeFileSync(path.join(OUTPUT, `${fixture.name}-comment.html`), page);
    const facts = await renderer.render(page, { width: GITHUB_COMMENT_WIDTH, png });

    const charts = mermaidBlocksIn(gate.markdown);
    expect(charts).toBeGreaterThan(0);
    expect(facts.diagrams.map((diagram) => diagram.error)).toEqual(Array(charts).fill(null));
    for (const diagram of facts.diagrams) {
      expect(diagram.kind).toBe('xychart');
      expect(diagram.bars).toBeGreaterThanOrEqual(fixture.candidates.length);
    }
    expect(facts.tables).toBe(pipeTablesIn(gate.markdown));
    expect(facts.tables).toBeGreaterThan(0);
    expectReadable(png, facts);
    await expectPng(png, GITHUB_COMMENT_WIDTH);
  });

  test('as the HTML report for Jenkins: its chart an inline SVG, tables, nothing wider than the page', async () => {
    expect(gate.htmlReport).toBeDefined();
    const png = path.join(OUTPUT, `${fixture.name}-report-html.png`);
    const facts = await renderer.render(readFileSync(gate.htmlReport!, 'utf8'), { width: JENKINS_REPORT_WIDTH, png });

    expect(facts.svgs).toBeGreaterThan(0);
    expect(facts.tables).toBeGreaterThan(0);
    expectReadable(png, facts);
    await expectPng(png, JENKINS_REPORT_WIDTH);
  });
});
