/**
 * Lineage records belong to the run that wrote them: the steps leave
 * `.mlops-ci/<step>.json` (a training: one per `outputs` folder) in the
 * workspace, and promote-model takes lineage only from the records of its
 * own run — on the CLI (MLOPS_CI_RUN_ID), on GitHub (GITHUB_RUN_ID + attempt)
 * and on Jenkins (BUILD_TAG) — through the built bundle, with real steps.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionEntrypoint, runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { filesUnder, project, readJson } from './fixtures.js';

type Inputs = Record<string, string>;

/** A step's run: its exit code, everything it logged, and its outputs as the host hands them back. */
interface StepRun extends BundleRun {
  readonly log: string;
  readonly outputs: Record<string, string>;
}

/** Runs a step of one run, named `run`, on one host. */
interface HostUnderTest {
  readonly name: string;
  step(step: string, inputs: Inputs, workspace: string, run: string): Promise<StepRun>;
}

const cli: HostUnderTest = {
  name: 'CLI (MLOPS_CI_RUN_ID)',
  async step(step, inputs, workspace, run) {
    const args = Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value]);
    const result = await runBundle([step, ...args], { cwd: workspace, env: { MLOPS_CI_RUN_ID: run } });
    return { ...result, log: result.stderr, outputs: result.code === 0 || result.stdout.startsWith('{') ? (JSON.parse(result.stdout) as Record<string, string>) : {} };
  },
};

const github: HostUnderTest = {
  name: 'GitHub action (GITHUB_RUN_ID)',
  async step(step, inputs, workspace, run) {
    const runner = tempDir('runner-');
    const outputFile = path.join(runner, 'output');
    writeFileSync(outputFile, '');
    writeFileSync(path.join(runner, 'summary'), '');
    const env: Record<string, string> = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/iris',
      GITHUB_RUN_ID: run,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runner,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: path.join(runner, 'summary'),
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const result = await runActionEntrypoint(step, { cwd: workspace, env });
    return { ...result, log: result.stdout + result.stderr, outputs: githubOutputs(readFileSync(outputFile, 'utf8')) };
  },
};

const jenkins: HostUnderTest = {
  name: 'Jenkins (BUILD_TAG)',
  async step(step, inputs, workspace, run) {
    const outputFile = path.join(tempDir('jenkins-out-'), 'outputs.json');
    const env = {
      JENKINS_URL: 'https://jenkins.example/',
      BUILD_URL: `https://jenkins.example/job/iris/${run}/`,
      BUILD_TAG: `jenkins-iris-${run}`,
      WORKSPACE: workspace,
      MLOPS_CI_INPUTS: JSON.stringify(inputs),
      MLOPS_CI_OUTPUTS: outputFile,
    };
    const result = await runBundle([step], { cwd: workspace, env });
    return { ...result, log: result.stderr, outputs: existsSync(outputFile) ? (JSON.parse(readFileSync(outputFile, 'utf8')) as Record<string, string>) : {} };
  },
};

/** GITHUB_OUTPUT's `name<<DELIMITER` blocks, read as the runner reads them. */
function githubOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let at = 0; at < lines.length; at++) {
    const header = /^([^<]+)<<(.+)$/.exec(lines[at] ?? '');
    if (!header) continue;
    const body: string[] = [];
    while (at + 1 < lines.length && lines[++at] !== header[2]) body.push(lines[at] ?? '');
    outputs[header[1] as string] = body.join('\n');
  }
  return outputs;
}

/** A dataset folder for data-pull's `source`; its content decides the digest. */
function dataset(workspace: string, content: string): string {
  const source = path.join(workspace, 'incoming');
  mkdirSync(source, { recursive: true });
  writeFileSync(path.join(source, 'iris.csv'), content);
  return source;
}

/** Generous: each step is a node process, and the machine may be busy. */
const TIMEOUT_MS = 60_000;

/** Lineage is what is under test here, not the gate: no gate results asked for. */
const PROMOTE = { model: 'iris', path: 'out/rf/model', metrics: 'out/rf/metrics.json', 'require-gate': 'false' };

interface Lineage {
  data: { digest: string | null; manifest: unknown };
  env: { fingerprint: string | null };
  image: { digest: string | null };
}

const lineageOf = (promoted: StepRun) => readJson<Lineage>(promoted.outputs['lineage'] as string);

function expectOk(run: StepRun): void {
  if (run.code !== 0) console.log(run.log);
  expect(run.code).toBe(0);
}

describe.each([cli, github, jenkins])('on the $name host', (host) => {
  test('a record an earlier run left in a reused workspace is not used, and the warning names it and its run', async () => {
    const workspace = project('records-reused-');
    const pulled = await host.step('data-pull', { source: dataset(workspace, 'a,b\n1,2\n'), path: 'data', cache: 'false' }, workspace, '41');
    expectOk(pulled);

    // The same run: promote-model takes the data digest from data-pull's record.
    const sameRun = await host.step('promote-model', PROMOTE, workspace, '41');
    expectOk(sameRun);
    expect(lineageOf(sameRun).data.digest).toBe(pulled.outputs['digest']);

    // The next build in the same workspace pulled nothing: the old record is not its lineage.
    const nextRun = await host.step('promote-model', PROMOTE, workspace, '42');
    expectOk(nextRun);
    expect(lineageOf(nextRun)).toMatchObject({ data: { digest: null, manifest: null } });
    expect(nextRun.log).toMatch(/Ignored \.mlops-ci\/data-pull\.json: it was written at \S+ by run "[^"]*41[^"]*", not this run \("[^"]*42[^"]*"\)/);
    expect(nextRun.log).toContain('Give data-digest and data-manifest to record it.');
  }, TIMEOUT_MS);

  test('.mlops-ci/ goes into .git/info/exclude once, so git add -A never commits a record', async () => {
    const workspace = project('records-git-');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: workspace, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    for (const run of ['1', '2']) expectOk(await host.step('data-pull', { source: dataset(workspace, 'a\n1\n'), path: 'data', cache: 'false' }, workspace, run));
    expectOk(await host.step('promote-model', PROMOTE, workspace, '2'));

    const exclude = readFileSync(path.join(workspace, '.git', 'info', 'exclude'), 'utf8');
    expect(exclude.split('\n').filter((line) => line === '.mlops-ci/')).toHaveLength(1);
    git('add', '-A');
    const staged = git('diff', '--cached', '--name-only').split('\n');
    expect(staged).toContain('data/iris.csv');
    expect(staged.filter((file) => file.includes('.mlops-ci'))).toEqual([]);
    expect(filesUnder(path.join(workspace, '.mlops-ci'))).toEqual(expect.arrayContaining(['data-pull.json', 'promote-model.json']));
  }, TIMEOUT_MS);
});

describe('trainings keyed by their outputs folder (CLI)', () => {
  /** A training on the host runtime (no engine needed) that writes into `outputs`. */
  const train = (workspace: string, outputs: string, run: string) =>
    cli.step('train-in-container', { runtime: 'host', command: '["sh", "-c", "echo trained"]', outputs }, workspace, run);

  test('a model inside the outputs of two trainings of this run: exit 2 naming image-digest and path, nothing registered', async () => {
    const workspace = project('records-ambiguous-');
    expectOk(await train(workspace, 'out', '7'));
    expectOk(await train(workspace, 'out/rf', '7'));
    expect(filesUnder(path.join(workspace, '.mlops-ci', 'train-in-container'))).toHaveLength(2);

    const refused = await cli.step('promote-model', PROMOTE, workspace, '7');
    expect(refused.code).toBe(2);
    expect(refused.log).toMatch(/error: input 'image-digest': is empty, and path "[^"]*out\/rf\/model" lies inside the outputs of 2 trainings of this run/);
    expect(filesUnder(path.join(workspace, '.mlops-ci', 'registry'))).toEqual([]);

    // Told which image it was, it needs no record.
    const told = await cli.step('promote-model', { ...PROMOTE, 'image-digest': 'sha256:given' }, workspace, '7');
    expectOk(told);
    expect(lineageOf(told).image.digest).toBe('sha256:given');
  }, TIMEOUT_MS);

  test('a model outside every training folder of this run gets no image digest, and a warning says why', async () => {
    const workspace = project('records-elsewhere-');
    expectOk(await train(workspace, 'out/gb', '7'));
    const promoted = await cli.step('promote-model', PROMOTE, workspace, '7');
    expectOk(promoted);
    expect(lineageOf(promoted).image.digest).toBeNull();
    expect(promoted.log).toMatch(/warning: No training of this run wrote into a folder holding path "[^"]*out\/rf\/model" \(their outputs: "[^"]*out\/gb"\); the image digest is not recorded/);
  }, TIMEOUT_MS);

  test('trainings of an earlier run are not this run\'s: no ambiguity, a warning each, no image digest', async () => {
    const workspace = project('records-old-trainings-');
    expectOk(await train(workspace, 'out', '7'));
    expectOk(await train(workspace, 'out/rf', '7'));
    const promoted = await cli.step('promote-model', PROMOTE, workspace, '8');
    expectOk(promoted);
    expect(lineageOf(promoted).image.digest).toBeNull();
    expect(promoted.log.match(/Ignored \.mlops-ci\/train-in-container\/[0-9a-f]{16}\.json: it was written at \S+ by run "env:7"/g)).toHaveLength(2);
  }, TIMEOUT_MS);
});

describe('two trainings in one Jenkins build (`parallel`), each in its own image', () => {
  const IMAGE = 'mlops-ci-python:bookworm';

  beforeAll(() => {
    try {
      execFileSync('docker', ['image', 'inspect', IMAGE], { stdio: 'ignore' });
    } catch {
      throw new Error(`docker does not answer or has no ${IMAGE}: run bash scripts/provision/docker.sh`);
    }
  });

  /** A training built from its own Dockerfile (a label apart, so a different image), writing into out/<name>. */
  function train(workspace: string, name: string) {
    writeFileSync(path.join(workspace, `Dockerfile.${name}`), `FROM ${IMAGE}\nLABEL io.mlops-ci.test.candidate=${name}\n`);
    const command = JSON.stringify(['sh', '-c', `echo ${name} > "$MLOPS_OUTPUT_DIR/model.txt"`]);
    return jenkins.step('train-in-container', { dockerfile: `Dockerfile.${name}`, command, outputs: `out/${name}` }, workspace, '9');
  }

  test('a training that failed still hands back its outputs, but promote-model does not take its image digest', async () => {
    const workspace = project('records-failed-training-');
    const command = JSON.stringify(['sh', '-c', 'echo partial > "$MLOPS_OUTPUT_DIR/model.txt"; exit 3']);
    const failed = await jenkins.step('train-in-container', { image: IMAGE, command, outputs: 'out/rf' }, workspace, '9');
    expect(failed.code).toBe(1);
    expect(failed.outputs).toMatchObject({ 'exit-code': '3', 'image-digest': expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const [record] = filesUnder(path.join(workspace, '.mlops-ci', 'train-in-container'));
    expect(readJson<{ outcome: string }>(path.join(workspace, '.mlops-ci', 'train-in-container', record as string)).outcome).toBe('failed');

    const promoted = await jenkins.step('promote-model', PROMOTE, workspace, '9');
    expectOk(promoted);
    expect(lineageOf(promoted).image.digest).toBeNull();
    expect(promoted.log).toMatch(/warning: train-in-container last ended failed in this run \(\.mlops-ci\/train-in-container\/[0-9a-f]{16}\.json\), so its outputs are not lineage\. Give image-digest to record it\./);
  }, 300_000);

  test('each promote records the image of the training whose outputs hold its path', async () => {
    const workspace = project('records-parallel-');
    const [rf, gb] = await Promise.all([train(workspace, 'rf'), train(workspace, 'gb')]);
    expectOk(rf);
    expectOk(gb);
    expect(rf.outputs['image-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(gb.outputs['image-digest']).not.toBe(rf.outputs['image-digest']);

    for (const [name, trained] of [['rf', rf], ['gb', gb]] as const) {
      const promoted = await jenkins.step('promote-model', { ...PROMOTE, path: `out/${name}/model.txt` }, workspace, '9');
      expectOk(promoted);
      expect(lineageOf(promoted).image.digest).toBe(trained.outputs['image-digest']);
    }
  }, 300_000);
});
