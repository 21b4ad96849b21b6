/**
 * The iris pipeline end to end, on the two hosts, against the same services:
 * the data from a DVC remote in a bucket on versitygw, training in the real
 * Docker engine (image mlops-ci-python:bookworm), the gate reporting to the
 * local GitHub API (validated against GitHub's OpenAPI), promotion to a
 * registry folder that outlives the runs.
 *
 * GitHub: .github/workflows/iris.yml run by nektos/act in host mode with the
 * local actions and the committed dist/. In one registry, in order: a
 * pull_request run gates both models (status and sticky comment on the PR head
 * from the payload; no production yet, so it gates without a baseline and the
 * headline says the baseline rule was skipped) and promotes to staging; a push
 * to main, still without production, gates the same way and promotes to
 * production (checked with `promote-model --describe iris@production` and its
 * lineage); the PR again
 * gates against production with the statistical rule and edits its comment in
 * place; a PR whose training is degraded fails the gate, the job and the
 * status, and promotes nothing.
 *
 * Jenkins: examples/iris/Jenkinsfile, the same four builds as a multibranch
 * job runs them (PR checkouts merged with main), under the Groovy harness with
 * the shim calling the real bundle: the same verdicts, and a registry equal to
 * the act run's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct, type ActRun, type ActStep } from '../support/act.js';
import { runBundle, tempDir } from '../support/bundle.js';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import {
  degradeTraining,
  exampleRepo,
  git,
  jenkinsWorkspace,
  registrySnapshot,
  runJenkinsBuild,
  seedDvcRemote,
  WORKFLOW,
  type JenkinsBuild,
  type RegistrySnapshot,
} from './iris-fixture.js';

const OWNER = 'acme';
const REPO = 'iris';
const TOKEN = 'ghs_e2e_iris_token';
const HEAD = 'abcdefabcdefabcdefabcdefabcdefabcdef1234';
const PR = 12;
const WORSE_HEAD = '9876543210fedcba9876543210fedcba98765432';
const WORSE_PR = 13;
const repository = { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } };
const prPayload = (number: number, sha: string, ref: string) => ({
  action: 'synchronize',
  number,
  pull_request: { number, head: { sha, ref }, base: { ref: 'main' } },
  repository,
});

/** The Dockerfile's base: this machine's bookworm image (no registry to pull debian:bookworm-slim from). */
const BASE_IMAGE = 'mlops-ci-python:bookworm';

/** Both hosts must end with this registry: v1 staging (PR), v2 production (main), v3 staging (PR again). */
const EXPECTED_ALIASES = { production: '2', staging: '3' };

/**
 * The headline of a gate that ran without a baseline (before the first promotion to
 * production): the statistical rule of both candidates skipped, and why.
 */
const WITHOUT_BASELINE = 'passed — best: **rf** · ⏭️ 2 baseline rules skipped: no baseline was given';
/** The report's headline: its first `###` line (a PR comment starts with its hidden marker). */
const headline = (markdown: string | undefined): string => (markdown ?? '').split('\n').find((line) => line.startsWith('### ')) ?? '';

let api: GitHubApiFake;
let s3: S3Server;
let dvcRemote: string;
/** The act run's registry, for the Jenkins run to compare with (when both run in this process). */
let actRegistry: RegistrySnapshot | null = null;
beforeAll(async () => {
  s3 = await startS3Server();
  dvcRemote = await seedDvcRemote(s3, 'iris-data', 'dvc');
  api = await startGitHubApi({ token: TOKEN });
  api.state.seedPull(OWNER, REPO, { number: PR, head: { ref: 'tune-rf', sha: HEAD } });
  api.state.seedPull(OWNER, REPO, { number: WORSE_PR, head: { ref: 'shuffle-labels', sha: WORSE_HEAD } });
});
afterAll(async () => {
  await s3?.stop();
  await api.close();
  expect(api.violations).toEqual([]);
});

test('iris.yml under act: a PR gates onto its head and promotes to staging, main promotes to production, a degraded PR fails the gate', async () => {
  const dir = exampleRepo();
  const example = path.join(dir, 'examples', 'iris');
  const registry = path.join(example, '.mlops-ci', 'registry');
  const cacheDir = tempDir('e2e-iris-actcache-');
  // The commit a push to main runs on (act's GITHUB_SHA: HEAD of the repo); GitHub knows it.
  const mainSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  api.state.setBranch(OWNER, REPO, 'main', mainSha);
  const common = {
    repoDir: dir,
    workflow: WORKFLOW,
    env: {
      GITHUB_API_URL: api.url,
      MLOPS_CI_REGISTRY: registry,
      MLOPS_CI_DVC_REMOTE: dvcRemote,
      MLOPS_CI_BASE_IMAGE: BASE_IMAGE,
      AWS_ENDPOINT_URL: s3.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    secrets: { GITHUB_TOKEN: TOKEN, AWS_ACCESS_KEY_ID: s3.accessKey, AWS_SECRET_ACCESS_KEY: s3.secretKey },
    cacheDir, // the second run restores the env from act's cache server
    timeoutMs: 600_000,
  };

  // --- pull_request ---
  const pr = await runAct({
    ...common,
    event: 'pull_request',
    payload: prPayload(PR, HEAD, 'tune-rf'),
  });
  if (pr.exitCode !== 0) console.log(pr.output);
  expect(pr.exitCode).toBe(0);
  expect(pr.jobResults).toEqual({ train: 'success', gate: 'success' });
  // The matrix: each model trained on its own runner, both reached the gate job as artifacts.
  expect(trainStep(pr, 'rf').outputs).toMatchObject({ 'exit-code': '0' });
  expect(trainStep(pr, 'gb').outputs).toMatchObject({ 'exit-code': '0' });
  expect(trainStep(pr, 'rf').log).not.toContain('--model gb');
  // No production yet (staging neither): the gate runs without a baseline and says so.
  expect(findStep(pr, 'production')?.outputs).toMatchObject({ found: 'false', version: '' });
  expect(findStep(pr, 'gate')?.outputs).toMatchObject({ passed: 'true', best: 'rf' });
  expect(headline(findStep(pr, 'gate')?.summary)).toContain(WITHOUT_BASELINE);
  expect(findStep(pr, 'promote')?.outputs).toMatchObject({ version: '1' });
  expect(pr.output).toContain('promoted iris version 1 (rf) to staging');
  expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });
  const comments = api.state.comments(OWNER, REPO, PR);
  expect(comments).toHaveLength(1);
  expect(headline(comments[0]!.body)).toContain(WITHOUT_BASELINE);
  expect(findStep(pr, 'data')?.log).toContain(dvcRemote);
  for (const secret of [TOKEN, s3.secretKey]) expect(pr.output).not.toContain(secret);

  // --- push to main ---
  const push = await runAct({
    ...common,
    event: 'push',
    payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: mainSha, deleted: false, repository },
  });
  if (push.exitCode !== 0) console.log(push.output);
  expect(push.exitCode).toBe(0);
  // staging is version 1, production is still to come: main gates without a baseline too,
  // not against an alias never set (exit 2), and says so.
  expect(findStep(push, 'production')?.outputs).toMatchObject({ found: 'false' });
  expect(findStep(push, 'gate')?.outputs).toMatchObject({ passed: 'true', best: 'rf' });
  expect(headline(findStep(push, 'gate')?.summary)).toContain(WITHOUT_BASELINE);
  expect(findStep(push, 'promote')?.outputs).toMatchObject({ version: '2' });
  expect(push.output).toContain('promoted iris version 2 (rf) to production');
  // The push run's status goes on the pushed commit; a push has no PR, so no new comment.
  expect(api.state.latestStatuses(OWNER, REPO, mainSha)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });
  expect(api.state.comments(OWNER, REPO, PR)).toHaveLength(1);

  expect(existsSync(registry)).toBe(true);
  const described = await runBundle(['promote-model', '--describe', 'iris@production'], { cwd: example });
  if (described.code !== 0) console.log(described.stderr);
  expect(described.code).toBe(0);
  const production = JSON.parse(described.stdout) as Record<string, unknown>;
  expect(production).toMatchObject({ version: '2' });
  // The lineage ties the version to what this run used.
  const lineage = JSON.parse(readFileSync(production['lineage'] as string, 'utf8')) as {
    data: { digest: string };
    image: { digest: string };
    files: { path: string }[];
  };
  expect(lineage).toMatchObject({
    status: 'ready',
    model: 'iris',
    git: { commit: mainSha, repository: `${OWNER}/${REPO}` },
    data: { digest: findStep(push, 'data')?.outputs['digest'] },
    env: { fingerprint: findStep(push, 'env')?.outputs['fingerprint'] },
    image: { digest: trainStep(push, 'rf').outputs['image-digest'] },
    gate: { passed: true, best: 'rf' },
  });
  expect(lineage.data.digest).toMatch(/^[0-9a-f]{64}$/);
  // The data manifest travelled from the winner's matrix entry with its artifact.
  expect(JSON.stringify((lineage.data as { manifest?: unknown }).manifest)).toContain('iris.csv');
  expect(lineage.image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(lineage.files.map((f) => f.path).sort()).toEqual(['correct.json', 'metrics.json', 'model.pkl']);
  await reproduceFromPins(dir, lineage as unknown as Pins);

  // --- the PR again, now that production exists: the statistical rule runs against
  // version 2's per-row scores, and the sticky comment is edited in place ---
  const again = await runAct({ ...common, event: 'pull_request', payload: prPayload(PR, HEAD, 'tune-rf') });
  if (again.exitCode !== 0) console.log(again.output);
  expect(again.exitCode).toBe(0);
  expect(findStep(again, 'production')?.outputs).toMatchObject({ found: 'true', version: '2' });
  expect(findStep(again, 'gate')?.summary).toContain('registry:iris@production:' + registry + ' (version 2)');
  expect(headline(findStep(again, 'gate')?.summary)).not.toContain('skipped');
  const verdict = JSON.parse(findStep(again, 'gate')?.outputs['results'] ?? '{}') as {
    passed: boolean;
    best: string;
    candidates: Record<string, { rules: { rule: string; verdict: string }[] }>;
  };
  expect(verdict).toMatchObject({ passed: true, best: 'rf' });
  const statistical = (name: string) => verdict.candidates[name]!.rules.find((r) => r.rule.includes('@ 95%'))!.verdict;
  expect(statistical('rf')).toBe('passed');
  expect(statistical('gb')).not.toBe('skipped');
  expect(findStep(again, 'promote')?.outputs).toMatchObject({ version: '3' });
  expect(again.output).toContain('promoted iris version 3 (rf) to staging');
  expect(api.state.comments(OWNER, REPO, PR)).toHaveLength(1);
  expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });

  // --- a PR whose training is degraded (labels shuffled before fit): the gate fails,
  // the job fails, the status and comment say which rule, nothing is promoted ---
  // (act runs the repo's HEAD, so the degraded training is committed there)
  degradeTraining(dir);
  git(dir, 'commit', '-qam', 'degrade training');
  const worse = await runAct({ ...common, event: 'pull_request', payload: prPayload(WORSE_PR, WORSE_HEAD, 'shuffle-labels') });
  expect(worse.exitCode).toBe(1);
  expect(worse.jobResults).toEqual({ train: 'success', gate: 'failure' });
  expect(findStep(worse, 'gate')?.outputs).toMatchObject({ passed: 'false', best: '' });
  expect(findStep(worse, 'promote')?.outputs['version']).toBeUndefined();
  const failed = api.state.latestStatuses(OWNER, REPO, WORSE_HEAD)[0]!;
  expect(failed).toMatchObject({ state: 'failure', context: 'mlops-ci/gate' });
  expect(failed.description).toContain('accuracy >= 0.9');
  const worseComments = api.state.comments(OWNER, REPO, WORSE_PR);
  expect(worseComments).toHaveLength(1);
  expect(worseComments[0]!.body).toContain('❌ fail');
  expect(worseComments[0]!.body).toContain('accuracy >= 0.9');
  // production and staging did not move
  const after = await runBundle(['promote-model', '--describe', 'iris@production'], { cwd: example });
  expect(JSON.parse(after.stdout)).toMatchObject({ version: '2' });
  const staging = await runBundle(['promote-model', '--describe', 'iris@staging'], { cwd: example });
  expect(JSON.parse(staging.stdout)).toMatchObject({ version: '3' });
  actRegistry = registrySnapshot(registry);
  expect(actRegistry.aliases).toEqual(EXPECTED_ALIASES);

  rmSync(dir, { recursive: true, force: true }); // kept when an expectation failed, for a look
  rmSync(cacheDir, { recursive: true, force: true });
}, 1_300_000);

/** The train step of one matrix entry. */
function trainStep(run: ActRun, model: string): ActStep {
  const step = run.steps.find((s) => s.job === 'train' && s.id === 'train' && s.stage === 'Main' && s.matrix['model'] === model);
  if (!step) throw new Error(`no train step for matrix entry model=${model}; steps: ${run.steps.map((s) => `${s.job}/${s.id}`).join(', ')}`);
  return step;
}

interface Pins {
  git: { commit: string };
  data: { digest: string };
  env: { fingerprint: string };
  image: { digest: string };
  gate: { best: string };
  metrics: Record<string, number>;
}

/**
 * Reproduction from the lineage alone: a checkout of the recorded commit, the data pulled
 * again (same digest), the env built again (same fingerprint), the winning model trained
 * again in the recorded image: the same metrics, to the last digit.
 */
async function reproduceFromPins(repoDir: string, pins: Pins): Promise<void> {
  const checkout = path.join(tempDir('e2e-reproduce-'), 'checkout');
  execFileSync('git', ['clone', '-q', repoDir, checkout]);
  git(checkout, 'checkout', '-q', '--detach', pins.git.commit);
  const example = path.join(checkout, 'examples', 'iris');
  const env = { ...s3.env, MLOPS_CI_CACHE_DIR: tempDir('e2e-reproduce-cache-') };
  const outputs = (run: { code: number; stdout: string; stderr: string }) => {
    if (run.code !== 0) throw new Error(`exit ${run.code}:\n${run.stderr}`);
    return JSON.parse(run.stdout) as Record<string, string>;
  };
  const data = outputs(await runBundle(['data-pull', '--dvc', 'data/iris.csv.dvc', '--remote', dvcRemote], { cwd: example, env }));
  expect(data['digest']).toBe(pins.data.digest);
  const pythonEnv = outputs(await runBundle(['setup-env'], { cwd: example, env }));
  expect(pythonEnv['fingerprint']).toBe(pins.env.fingerprint);
  const model = pins.gate.best;
  const command = JSON.stringify(['python3', 'train.py', '--model', model, '--data', path.join(example, 'data'), '--out', path.join(example, 'out', model)]);
  const trained = outputs(
    await runBundle(['train-in-container', '--image', pins.image.digest, '--command', command, '--data', 'data', '--outputs', `out/${model}`], { cwd: example, env }),
  );
  expect(trained['image-digest']).toBe(pins.image.digest);
  // The lineage keeps the numeric metrics, nested keys dotted (f1.macro).
  const numeric = (value: unknown, prefix = ''): [string, number][] =>
    typeof value === 'number'
      ? [[prefix, value]]
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => numeric(v, prefix ? `${prefix}.${k}` : k))
        : [];
  const metrics = Object.fromEntries(numeric(JSON.parse(readFileSync(trained['metrics']!, 'utf8'))));
  expect(metrics).toEqual(pins.metrics);
  expect(Object.keys(metrics)).toEqual(expect.arrayContaining(['accuracy', 'f1.macro']));
  rmSync(path.dirname(checkout), { recursive: true, force: true });
  rmSync(env.MLOPS_CI_CACHE_DIR, { recursive: true, force: true });
}

/** The build's result, with its log printed when it is not the one expected. */
function expectResult(build: JenkinsBuild, result: JenkinsBuild['result']): void {
  if (build.result !== result) console.log(`${build.log.join('\n')}\n${build.output}`);
  expect(build.result).toBe(result);
}

test('Jenkinsfile under the harness: the same four builds give the same verdicts and the same registry', async () => {
  const base = exampleRepo();
  const registry = path.join(tempDir('e2e-jenkins-registry-'), 'registry');
  const cacheDir = tempDir('e2e-jenkins-cache-');
  const agent = {
    // The agent's own environment: where GitHub is, the S3 store and its keys, the settings.
    GITHUB_API_URL: api.url,
    ...s3.env,
    MLOPS_CI_REGISTRY: registry,
    MLOPS_CI_DVC_REMOTE: dvcRemote,
    MLOPS_CI_BASE_IMAGE: BASE_IMAGE,
    MLOPS_CI_CACHE_DIR: cacheDir,
  };
  const credentials = { 'github-token': TOKEN };
  let buildNumber = 0;
  const prBuild = (number: number, workspace: string) =>
    runJenkinsBuild(workspace, {
      credentials,
      env: {
        ...agent,
        JOB_NAME: `iris/PR-${number}`,
        BUILD_NUMBER: String(++buildNumber),
        BUILD_URL: `https://jenkins.example/job/iris/job/PR-${number}/${buildNumber}/`,
        BRANCH_NAME: `PR-${number}`,
        CHANGE_ID: String(number),
        CHANGE_URL: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
        CHANGE_TARGET: 'main',
      },
    });
  const JENKINS_PR = 22;
  const JENKINS_WORSE_PR = 23;

  // --- a PR build: HEAD is the local merge of main into the PR head ---
  const pr = jenkinsWorkspace(base, { branch: 'tune-rf' });
  api.state.seedPull(OWNER, REPO, { number: JENKINS_PR, head: { ref: 'tune-rf', sha: pr.head } });
  const first = await prBuild(JENKINS_PR, pr.dir);
  expectResult(first, 'SUCCESS');
  expect(first.ranStages).toEqual(['Environment', 'Data', 'Train', 'rf', 'gb', 'Gate', 'Promote']);
  expect(first.testReports).toEqual([expect.objectContaining({ failed: 0 })]);
  expect(first.log).toContain('promoted iris version 1 (rf) to staging');
  expect(api.state.latestStatuses(OWNER, REPO, pr.head)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });
  expect(api.state.comments(OWNER, REPO, JENKINS_PR)).toHaveLength(1);
  // No production yet: gated without a baseline, and the headline says so.
  expect(headline(api.state.comments(OWNER, REPO, JENKINS_PR)[0]!.body)).toContain(WITHOUT_BASELINE);
  expect(headline(readFileSync(path.join(pr.dir, 'examples/iris/out/gate-report.md'), 'utf8'))).toContain(WITHOUT_BASELINE);
  const recorded = JSON.stringify(first);
  for (const secret of [TOKEN, s3.secretKey]) expect(recorded).not.toContain(secret);

  // --- main ---
  const main = jenkinsWorkspace(base);
  api.state.setBranch(OWNER, REPO, 'main', main.head);
  const onMain = await runJenkinsBuild(main.dir, {
    credentials,
    env: {
      ...agent,
      JOB_NAME: 'iris/main',
      BUILD_NUMBER: String(++buildNumber),
      BUILD_URL: `https://jenkins.example/job/iris/job/main/${buildNumber}/`,
      BRANCH_NAME: 'main',
      GIT_URL: `https://github.com/${OWNER}/${REPO}.git`,
    },
  });
  expectResult(onMain, 'SUCCESS');
  expect(onMain.log).toContain('promoted iris version 2 (rf) to production');
  // Still no production before this build promoted it: gated without a baseline, not exit 2.
  expect(headline(readFileSync(path.join(main.dir, 'examples/iris/out/gate-report.md'), 'utf8'))).toContain(WITHOUT_BASELINE);
  expect(api.state.latestStatuses(OWNER, REPO, main.head)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });

  // --- the PR again: gated against production with the statistical rule, comment edited in place ---
  const again = await prBuild(JENKINS_PR, pr.dir);
  expectResult(again, 'SUCCESS');
  expect(again.log).toContain('promoted iris version 3 (rf) to staging');
  expect(api.state.comments(OWNER, REPO, JENKINS_PR)).toHaveLength(1);
  expect(api.state.comments(OWNER, REPO, JENKINS_PR)[0]!.body).toMatch(/accuracy >= baseline\.accuracy - 0\.01 @ 95%/);
  expect(headline(api.state.comments(OWNER, REPO, JENKINS_PR)[0]!.body)).not.toContain('skipped');
  expect(readFileSync(path.join(pr.dir, 'examples/iris/out/gate-report.md'), 'utf8')).toContain(`registry:iris@production:${registry} (version 2)\``);

  // --- a degraded PR: the gate fails softly, the build is UNSTABLE, nothing is promoted ---
  const worse = jenkinsWorkspace(base, { branch: 'shuffle-labels', change: degradeTraining });
  api.state.seedPull(OWNER, REPO, { number: JENKINS_WORSE_PR, head: { ref: 'shuffle-labels', sha: worse.head } });
  const degraded = await prBuild(JENKINS_WORSE_PR, worse.dir);
  expectResult(degraded, 'UNSTABLE');
  expect(degraded.skippedStages).toEqual(['Promote']);
  expect(degraded.testReports[0]!.failed).toBeGreaterThan(0);
  expect(degraded.log.some((line) => line.startsWith('WARNING: mlops-ci evaluate-and-gate: the gate did not pass'))).toBe(true);
  const failed = api.state.latestStatuses(OWNER, REPO, worse.head)[0]!;
  expect(failed).toMatchObject({ state: 'failure', context: 'mlops-ci/gate' });
  expect(failed.description).toContain('accuracy >= 0.9');
  expect(api.state.comments(OWNER, REPO, JENKINS_WORSE_PR)[0]!.body).toContain('accuracy >= 0.9');

  // --- the registry: what the act run left, version for version ---
  const jenkinsRegistry = registrySnapshot(registry);
  expect(jenkinsRegistry.aliases).toEqual(EXPECTED_ALIASES);
  expect(jenkinsRegistry.versions.map((v) => v.gate)).toEqual([1, 2, 3].map(() => ({ passed: true, best: 'rf' })));
  // Image IDs aside: each host built examples/iris/Dockerfile itself (same packages, its own ID).
  const withoutImages = (snapshot: RegistrySnapshot) => ({ ...snapshot, versions: snapshot.versions.map((v) => ({ ...v, image: null })) });
  for (const version of jenkinsRegistry.versions) expect(version.image).toMatch(/^sha256:[0-9a-f]{64}$/);
  if (actRegistry) expect(withoutImages(jenkinsRegistry)).toEqual(withoutImages(actRegistry));
  else console.warn('the act test did not run in this process: the Jenkins registry was checked on its own');

  for (const dir of [base, pr.dir, main.dir, worse.dir, cacheDir, path.dirname(registry)]) rmSync(dir, { recursive: true, force: true });
}, 1_300_000);
