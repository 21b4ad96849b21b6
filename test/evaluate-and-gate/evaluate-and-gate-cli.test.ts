import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';

/** A project folder with two candidates' metrics, as a training matrix leaves them. */
function project(): string {
  const dir = tempDir('gate-cli-');
  mkdirSync(path.join(dir, 'out', 'rf'), { recursive: true });
  mkdirSync(path.join(dir, 'out', 'gb'), { recursive: true });
  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify({ accuracy: 0.95, f1: { macro: 0.94 } }));
  writeFileSync(path.join(dir, 'out', 'gb', 'metrics.yaml'), 'accuracy: 0.93\nf1:\n  macro: 0.95\n');
  writeFileSync(path.join(dir, 'baseline.toml'), 'accuracy = 0.94\n[f1]\nmacro = 0.93\n');
  return dir;
}

/** The CLI's stdout: GitHub's string outputs, but `results` as an object. */
type CliOutputs = Record<string, string> & { results?: GateResultsJson };
type GateResultsJson = { passed: boolean; candidates: Record<string, { passed: boolean; rules: { verdict: string }[] }> };

function outputsOf(stdout: string): CliOutputs {
  return JSON.parse(stdout) as CliOutputs;
}

describe('mlops-ci (the bundle) as a CLI', () => {
  test('--version prints the version, --help lists every step with one line', async () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname_of(), 'package.json'), 'utf8')) as { version: string };
    expect((await runBundle(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await runBundle(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}evaluate-and-gate {2,}Compare candidate models/m);
  });

  test('<step> --help shows the inputs and outputs from the spec', async () => {
    const help = await runBundle(['evaluate-and-gate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--metrics <value> (repeat for more)  (required)');
    expect(help.stdout).toContain('--on-fail <fail|warn>');
    expect(help.stdout).toContain('results-file');
  });

  test('a passing gate exits 0 and prints the outputs as JSON on stdout', async () => {
    const dir = project();
    const run = await runBundle(
      ['evaluate-and-gate', '--metrics', 'out/*/metrics.*', '--rules', 'accuracy >= 0.9\nf1.macro >= baseline.f1.macro - 0.01', '--baseline', 'baseline.toml', '--select', 'max:accuracy', '--junit', 'gate.xml'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const outputs = outputsOf(run.stdout);
    expect(outputs).toMatchObject({ passed: 'true', best: 'rf', 'best-metrics': path.join(dir, 'out', 'rf', 'metrics.json') });
    // Every output is GitHub's text but results, which is the verdict itself: .results.passed is a boolean.
    const results = outputs.results!;
    expect(results.passed).toBe(true);
    expect(results.candidates['gb']?.passed).toBe(true);
    expect(Object.entries(outputs).filter(([, value]) => typeof value !== 'string').map(([name]) => name)).toEqual(['results']);
    expect(JSON.parse(readFileSync(outputs['results-file']!, 'utf8'))).toEqual(results);
    expect(readFileSync(outputs['report']!, 'utf8')).toContain('passed — best: **rf**');
    // The HTML rendering for Jenkins lies beside it (the default), with the same headline and the chart as SVG.
    expect(outputs['report-html']).toBe(path.join(path.dirname(outputs['report']!), 'report.html'));
    const html = readFileSync(outputs['report-html']!, 'utf8');
    expect(html).toContain('passed — best: <strong>rf</strong>');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(readFileSync(path.join(dir, 'gate.xml'), 'utf8')).toContain('<testsuite name="rf" tests="2" failures="0"');
    expect(run.stderr).toContain('Not reporting to GitHub (no github-token was given)');
  });

  test('a failing gate exits 3 with the outputs still on stdout; on-fail warn exits 0', async () => {
    const dir = project();
    const args = ['evaluate-and-gate', '--metrics', 'out/*/metrics.*', '--rules', 'accuracy >= 0.99'];
    const failed = await runBundle(args, { cwd: dir });
    expect(failed.code).toBe(3);
    expect(outputsOf(failed.stdout)).toMatchObject({ passed: 'false', best: '' });
    expect(outputsOf(failed.stdout).results?.passed).toBe(false);
    expect(failed.stderr).toContain('the gate did not pass');
    const warned = await runBundle([...args, '--on-fail', 'warn'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(outputsOf(warned.stdout).passed).toBe('false');
  });

  test('in a workflow run: step (GITHUB_ACTIONS=true) the CLI still takes its arguments and prints its outputs', async () => {
    const dir = project();
    const run = await runBundle(['evaluate-and-gate', '--metrics', 'out/rf/metrics.json', '--rules', 'accuracy >= 0.9'], {
      cwd: dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/models', GITHUB_SHA: 'b'.repeat(40), GITHUB_EVENT_NAME: 'push' },
    });
    expect(run.code).toBe(0);
    expect(outputsOf(run.stdout)).toMatchObject({ passed: 'true', best: 'rf' });
  });

  test('rules-file: the rules from a file in the repository, the same verdict as the same rules given inline', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'gate.rules'), '# the floors\naccuracy >= 0.94\nf1.macro >= 0.9\n');
    const fromFile = await runBundle(['evaluate-and-gate', '--metrics', 'out/*/metrics.*', '--rules-file', 'gate.rules', '--select', 'max:accuracy'], { cwd: dir });
    const inline = await runBundle(['evaluate-and-gate', '--metrics', 'out/*/metrics.*', '--rules', 'accuracy >= 0.94\nf1.macro >= 0.9', '--select', 'max:accuracy'], { cwd: dir });
    expect(fromFile.code).toBe(0);
    expect(outputsOf(fromFile.stdout)).toMatchObject({ passed: 'true', best: 'rf' });
    expect(outputsOf(fromFile.stdout).results).toEqual(outputsOf(inline.stdout).results);
  });

  test("samples baseline=registry:<file>: the baseline version's own per-row file, from the registry; none yet: skipped", async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'out', 'rf', 'correct.json'), JSON.stringify([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]));
    const gate = (samples: string, baseline = 'registry:iris@production') =>
      runBundle(['evaluate-and-gate', '--metrics', 'rf=out/rf/metrics.json', '--rules', 'accuracy >= baseline.accuracy - 0.2 @ 95%', '--baseline', baseline, '--samples', samples], { cwd: dir });
    const verdictOf = (stdout: string) =>
      outputsOf(stdout).results!.candidates['rf']!.rules[0]!.verdict;
    const samples = 'rf=out/rf/correct.json\nbaseline=registry:correct.json';

    // No production yet: nothing to read, the baseline rule is skipped.
    const first = await gate(samples);
    expect(first.code).toBe(0);
    expect(verdictOf(first.stdout)).toBe('skipped');

    mkdirSync(path.join(dir, 'model'));
    writeFileSync(path.join(dir, 'model', 'weights.bin'), 'w');
    writeFileSync(path.join(dir, 'model', 'correct.json'), JSON.stringify([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]));
    const promoted = await runBundle(['promote-model', '--model', 'iris', '--path', 'model', '--metrics', 'out/gb/metrics.yaml', '--alias', 'production', '--require-gate', 'false'], { cwd: dir });
    expect(promoted.code).toBe(0);
    const second = await gate(samples);
    expect(second.code).toBe(0);
    expect(verdictOf(second.stdout)).toBe('passed');
    expect(second.stderr).toContain('95% CI of Δ');

    const missing = await gate('rf=out/rf/correct.json\nbaseline=registry:nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("input 'samples': baseline=registry:nope.json: iris version 1 (iris@production) has no file nope.json; its files: correct.json, weights.bin");
    const notRegistry = await gate(samples, 'baseline.toml');
    expect(notRegistry.code).toBe(2);
    expect(notRegistry.stderr).toContain('so baseline must be registry:<model>@<alias>');
    const notBaseline = await gate('rf=registry:correct.json');
    expect(notBaseline.code).toBe(2);
    expect(notBaseline.stderr).toContain("only the baseline's series comes from the registry");
  });

  test('inputs may come as one JSON object in MLOPS_CI_INPUTS, lists typed', async () => {
    const dir = project();
    const run = await runBundle(['evaluate-and-gate'], {
      cwd: dir,
      env: { MLOPS_CI_INPUTS: JSON.stringify({ metrics: ['rf=out/rf/metrics.json', 'gb=out/gb/metrics.yaml'], rules: 'accuracy >= 0.9', select: 'min:accuracy' }) },
    });
    expect(run.code).toBe(0);
    expect(outputsOf(run.stdout).best).toBe('gb');
  });

  test('the CLI run by hand in a Jenkins sh step: its arguments are the inputs, its outputs the JSON on stdout', async () => {
    const dir = project();
    const run = await runBundle(['evaluate-and-gate', '--metrics', 'rf=out/rf/metrics.json', '--metrics', 'gb=out/gb/metrics.yaml', '--rules', 'accuracy >= 0.9', '--comment', 'off'], {
      cwd: dir,
      env: { JENKINS_URL: 'http://127.0.0.1:9/', BUILD_URL: 'http://127.0.0.1:9/job/iris/7/', BUILD_TAG: 'jenkins-iris-7', WORKSPACE: dir },
    });
    expect(run.stderr).not.toContain("input 'metrics': is required");
    expect(run.code).toBe(0);
    expect(outputsOf(run.stdout)).toMatchObject({ passed: 'true' });
  });

  test('MLOPS_CI_INPUTS that is not JSON: exit 2, and the Jenkins shim still gets its error file', async () => {
    const dir = project();
    const errorFile = path.join(tempDir('gate-error-'), 'error.json');
    const run = await runBundle(['evaluate-and-gate'], {
      cwd: dir,
      env: { JENKINS_URL: 'https://jenkins.example/', MLOPS_CI_INPUTS: '{"metrics": [', MLOPS_CI_ERROR_FILE: errorFile },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("input 'MLOPS_CI_INPUTS'");
    expect(JSON.parse(readFileSync(errorFile, 'utf8'))).toMatchObject({ category: 'input', exitCode: 2, message: expect.stringContaining('is not valid JSON') });
  });

  // Each bad input: exit 2, one message naming the input, and no report written.
  test.each([
    ['an unreadable metrics file', ['--metrics', 'out/nope.json', '--rules', 'accuracy >= 0.9'], () => undefined, "input 'metrics'"],
    ['malformed JSON', ['--metrics', 'bad.json', '--rules', 'accuracy >= 0.9'], (d: string) => writeFileSync(path.join(d, 'bad.json'), '{"accuracy": 0.9,'), "input 'metrics'"],
    ['malformed YAML', ['--metrics', 'bad.yaml', '--rules', 'accuracy >= 0.9'], (d: string) => writeFileSync(path.join(d, 'bad.yaml'), 'accuracy: [0.9\n'), "input 'metrics'"],
    ['an unknown metric in a rule', ['--metrics', 'out/rf/metrics.json', '--rules', 'acuracy >= 0.9'], () => undefined, "input 'rules'"],
    ['a bad select', ['--metrics', 'out/rf/metrics.json', '--rules', 'accuracy >= 0.9', '--select', 'biggest:accuracy'], () => undefined, "input 'select'"],
    ['invalid rule syntax', ['--metrics', 'out/rf/metrics.json', '--rules', 'accuracy >= abc'], () => undefined, "input 'rules'"],
    ['an empty metrics list', ['--metrics', '', '--rules', 'accuracy >= 0.9'], () => undefined, "input 'metrics'"],
    ['a bad choice', ['--metrics', 'out/rf/metrics.json', '--rules', 'accuracy >= 0.9', '--comment', 'loud'], () => undefined, "input 'comment'"],
    ['an unknown input', ['--metrcs', 'x'], () => undefined, "input 'metrcs'"],
    ['no rules at all', ['--metrics', 'out/rf/metrics.json'], () => undefined, "input 'rules': is required: give 'rules' or 'rules-file'"],
    ['rules and rules-file together', ['--metrics', 'out/rf/metrics.json', '--rules', 'accuracy >= 0.9', '--rules-file', 'gate.rules'], (d: string) => writeFileSync(path.join(d, 'gate.rules'), 'accuracy >= 0.9\n'), "input 'rules-file': was given together with 'rules': give 'rules' or 'rules-file', not both"],
    ['a rules-file that does not exist', ['--metrics', 'out/rf/metrics.json', '--rules-file', 'nope.rules'], () => undefined, "input 'rules-file': cannot read rules file 'nope.rules': no such file"],
    ['a rules-file naming a metric no candidate has', ['--metrics', 'out/rf/metrics.json', '--rules-file', 'gate.rules'], (d: string) => writeFileSync(path.join(d, 'gate.rules'), 'accuracy >= 0.9\nacuracy >= 0.8\n'), "input 'rules-file': gate.rules: line 2: 'acuracy' is not a metric of any candidate"],
    ['a rules-file with a bad line', ['--metrics', 'out/rf/metrics.json', '--rules-file', 'gate.rules'], (d: string) => writeFileSync(path.join(d, 'gate.rules'), '# floors\naccuracy >= 0.9\naccuracy >= abc\n'), "input 'rules-file': gate.rules: line 3"],
  ])('%s → exit 2 naming the input, nothing written', async (_, args, prepare, names) => {
    const dir = project();
    prepare(dir);
    const tmp = tempDir('gate-tmp-');
    const run = await runBundle(['evaluate-and-gate', ...args, '--report', 'report.md', '--junit', 'junit.xml'], { cwd: dir, env: { TMPDIR: tmp } });
    expect(run.code).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(names);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(dir, 'report.md'))).toBe(false);
    expect(existsSync(path.join(dir, 'junit.xml'))).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

function __dirname_of(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
}
