/**
 * The committed bundle's CLI in a GitLab job (GITLAB_CI=true), on every
 * runtime of test/support/runtimes.ts: inputs from job variables, the
 * outputs as JSON on stdout and as the dotenv report a later job reads (read
 * back here the way GitLab's parser reads it), the log's sections, and the
 * job's masked token nowhere in what it printed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { sectionMarkers } from '../support/gitlab-log.js';
import { RUNTIMES } from '../support/runtimes.js';

const TOKEN = 'glpat-NotARealToken-123';

/** Two candidates, one of which passes. */
function project(): string {
  const dir = tempDir('gitlab-cli-');
  for (const [model, accuracy] of [['rf', 0.93], ['gb', 0.41]] as const) {
    mkdirSync(path.join(dir, 'out', model), { recursive: true });
    writeFileSync(path.join(dir, 'out', model, 'metrics.json'), JSON.stringify({ accuracy }));
  }
  return dir;
}

/** A GitLab job's variables: the predefined ones, the component's inputs as job variables, a masked token. */
function jobEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITLAB_CI: 'true',
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: 'acme/models',
    CI_PROJECT_DIR: dir,
    CI_COMMIT_SHA: 'c'.repeat(40),
    CI_PIPELINE_ID: '1001',
    CI_PIPELINE_URL: 'https://gitlab.example/acme/models/-/pipelines/1001',
    CI_JOB_TOKEN: TOKEN,
    MLOPS_CI_DEBUG: '1',
    MLOPS_CI_INPUT_METRICS: 'out/*/metrics.json',
    MLOPS_CI_INPUT_RULES: 'accuracy >= 0.5',
    MLOPS_CI_INPUT_SELECT: '',
    MLOPS_CI_INPUTS: JSON.stringify({ select: 'max:accuracy', 'on-fail': 'warn' }),
    ...extra,
  };
}

/**
 * The variables GitLab registers from a dotenv report, read as its parser
 * does (app/services/ci/parse_dotenv_artifact_service.rb): one `key=value`
 * a line, split at the first `=`, both sides stripped.
 */
function gitlabReadsDotenv(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split(/(?<=\n)/)) {
    const match = /^(.*?)=(.*)$/m.exec(line);
    if (!match) throw new Error(`GitLab would refuse the line ${JSON.stringify(line)} (Invalid Format)`);
    variables[(match[1] as string).trim()] = (match[2] as string).trim();
  }
  return variables;
}

function explain(run: BundleRun): string {
  return `exit ${run.code}\n--- stderr ---\n${run.stderr}\n--- stdout ---\n${run.stdout}`;
}

describe.each(RUNTIMES)('the CLI as a GitLab job on $name', (runtime) => {
  test('inputs from job variables; outputs on stdout and in the dotenv report, equal; the rules in a collapsed section; the token hidden', async () => {
    const dir = project();
    const run = await runBundle(['evaluate-and-gate'], { cwd: dir, env: jobEnv(dir, { MLOPS_CI_DOTENV: 'reports/gate.env' }), runtime });
    expect({ code: run.code, run: explain(run) }).toMatchObject({ code: 0 });
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({ passed: 'true', best: 'rf' });

    const report = readFileSync(path.join(dir, 'reports', 'gate.env'), 'utf8');
    expect(Buffer.byteLength(report)).toBeLessThan(5 * 1024);
    const variables = gitlabReadsDotenv(report);
    for (const key of Object.keys(variables)) expect(key).toMatch(/^MLOPS_CI_EVALUATE_AND_GATE_[A-Z0-9_]+$/);
    expect(variables).toMatchObject({ MLOPS_CI_EVALUATE_AND_GATE_PASSED: 'true', MLOPS_CI_EVALUATE_AND_GATE_BEST: 'rf' });
    // Every output arrives in the later job as the CLI printed it (a json output as its text).
    for (const [name, value] of Object.entries(printed)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      expect(variables[`MLOPS_CI_EVALUATE_AND_GATE_${name.toUpperCase().replace(/-/g, '_')}`]).toBe(text);
    }

    const sections = sectionMarkers(run.stderr);
    expect(sections.slice(0, 2)).toEqual([
      { kind: 'start', unixSeconds: expect.any(Number), name: 'mlops_ci_1_Evaluate_the_rules', collapsed: true, header: 'Evaluate the rules' },
      { kind: 'end', unixSeconds: expect.any(Number), name: 'mlops_ci_1_Evaluate_the_rules', collapsed: false, header: '' },
    ]);
    // Every section is collapsed and ends under its own name.
    for (let i = 0; i < sections.length; i += 2) {
      expect(sections[i]).toMatchObject({ kind: 'start', collapsed: true });
      expect(sections[i + 1]).toMatchObject({ kind: 'end', name: sections[i]?.name });
    }
    expect(run.stderr).toMatch(/\[debug\] runStep: mlops-ci \S+ runs evaluate-and-gate on Node v(\d+)\./);
    expect(run.stderr).toContain(`on Node v${runtime.major}.`);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  test('an output the dotenv report cannot carry fails the step naming it, and nothing is handed on', async () => {
    const dir = project();
    const run = await runBundle(['evaluate-and-gate'], { cwd: dir, env: jobEnv(dir, { MLOPS_CI_DOTENV: 'gate.env', MLOPS_CI_DOTENV_PREFIX: `P${'X'.repeat(5 * 1024)}_` }), runtime });
    expect({ code: run.code, run: explain(run) }).toMatchObject({ code: 1 });
    expect(run.stderr).toMatch(/^error: output '[a-z-]+' cannot go into the dotenv report \S*gate\.env as PX+_[A-Z_]+: the report would be \d+ bytes, and GitLab takes less than 5120/m);
    expect(JSON.parse(run.stdout)).toEqual({});
    expect(existsSync(path.join(dir, 'gate.env'))).toBe(false);
  });

  test('a dotenv report that names a folder is bad input (exit 2) naming MLOPS_CI_DOTENV, before any work', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'reports'));
    const run = await runBundle(['evaluate-and-gate'], { cwd: dir, env: jobEnv(dir, { MLOPS_CI_DOTENV: 'reports' }), runtime });
    expect({ code: run.code, run: explain(run) }).toMatchObject({ code: 2 });
    expect(run.stderr).toContain("error: input 'MLOPS_CI_DOTENV': got 'reports', which is a folder");
    expect(existsSync(path.join(dir, '.mlops-ci'))).toBe(false);
  });

  test('a dotenv prefix GitLab cannot use is bad input (exit 2) naming it, before any work', async () => {
    const dir = project();
    const run = await runBundle(['evaluate-and-gate'], { cwd: dir, env: jobEnv(dir, { MLOPS_CI_DOTENV: 'gate.env', MLOPS_CI_DOTENV_PREFIX: 'GATE-' }), runtime });
    expect({ code: run.code, run: explain(run) }).toMatchObject({ code: 2 });
    expect(run.stderr).toContain("error: input 'MLOPS_CI_DOTENV_PREFIX': got 'GATE-'");
    expect(existsSync(path.join(dir, 'gate.env'))).toBe(false);
    expect(existsSync(path.join(dir, '.mlops-ci'))).toBe(false);
  });
});
