/**
 * evaluate-and-gate writes four files a user may place: `report`,
 * `report-html`, `junit` and `results-file`. One that names an existing folder is bad input (exit 2
 * naming the input, found before any work), not a failure while writing
 * (exit 1 after the gate ran). Through the real bundle on the CLI and as the
 * GitHub action.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionEntrypoint, runBundle, tempDir } from '../support/bundle.js';

function project(): string {
  const dir = tempDir('gate-files-');
  mkdirSync(path.join(dir, 'out', 'rf'), { recursive: true });
  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));
  mkdirSync(path.join(dir, 'reports'));
  writeFileSync(path.join(dir, 'plain-file'), 'not a folder\n');
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
  return dir;
}

/** Each output file input, and where the others go (files the failed run must not write). */
const CASES: ReadonlyArray<[input: string, others: Record<string, string>]> = [
  ['report', { 'report-html': 'report.html', junit: 'gate.xml', 'results-file': 'results.json' }],
  ['report-html', { report: 'report.md', junit: 'gate.xml', 'results-file': 'results.json' }],
  ['junit', { report: 'report.md', 'report-html': 'report.html', 'results-file': 'results.json' }],
  ['results-file', { report: 'report.md', 'report-html': 'report.html', junit: 'gate.xml' }],
];

describe.each(CASES)('%s', (input, others) => {
  test.each([
    ['an existing folder', 'reports'],
    ['a path with a trailing slash', 'new-folder/'],
    ['a path under a file', 'plain-file/report.md'],
    ['a FIFO (writing through a temp name would replace it)', 'pipe'],
  ])('naming %s is exit 2 naming the input; nothing is written (CLI)', async (_what, value) => {
    const dir = project();
    const inputs = { metrics: 'out/*/metrics.json', rules: 'accuracy >= 0.5', ...others, [input]: value };
    const run = await runBundle(['evaluate-and-gate', ...Object.entries(inputs).flatMap(([name, v]) => [`--${name}`, v])], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: input '${input}': `, 'm'));
    for (const file of Object.values(others)) expect(existsSync(path.join(dir, file))).toBe(false);
    expect(statSync(path.join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  test('naming an existing folder is exit 2 naming the input (GitHub action)', async () => {
    const dir = project();
    const env: Record<string, string> = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, RUNNER_TEMP: tempDir('runner-temp-') };
    const inputs = { metrics: 'out/*/metrics.json', rules: 'accuracy >= 0.5', ...others, [input]: 'reports' };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(new RegExp(`^::error::input '${input}': `, 'm'));
    for (const file of Object.values(others)) expect(existsSync(path.join(dir, file))).toBe(false);
  });
});
