// Run a workflow under nektos/act in host mode, the real GitHub Actions
// runner our integration tests use. See test/act/README.md for the act
// facts this file relies on (flags, env, quirks).
//
// Every server act starts (cache server, artifact server) binds 127.0.0.1,
// and every directory act writes (host workspace, tool cache, caches,
// artifacts, its config lookup) lives in a temp dir removed after the run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startArtifactSignatureProxy, type ArtifactSignatureProxy } from './actions/artifact-signature-proxy.js';
import { namesStandIn, standInMappings } from './actions/stand-ins.js';
import { pathFor, type Runtime } from './runtimes.js';

export const ACT_VERSION = '0.2.89';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Labels a workflow may use in `runs-on`; all run on this machine (host mode). */
const HOST_LABELS = ['ubuntu-latest', 'ubuntu-24.04', 'ubuntu-22.04', 'self-hosted', 'linux'];

/** Env names the runner owns: never let the caller's environment leak them into act. */
const RUNNER_OWNED = /^(GITHUB_|ACTIONS_|RUNNER_|INPUT_|STATE_|ACT_)/;

export type ActEvent = 'pull_request' | 'push' | 'workflow_dispatch';

export interface ActRunOptions {
  /** Repository the workflow runs in (act's `-C`). Used in place when it is a git
   *  repo with a commit; otherwise copied to a temp dir and committed there. */
  repoDir: string;
  /** Workflow file, relative to repoDir or absolute. */
  workflow: string;
  event: ActEvent;
  /** The webhook payload; becomes the file at GITHUB_EVENT_PATH (github.event). */
  payload: object;
  /** Env for every step (act `--env`). GITHUB_API_URL/GITHUB_SERVER_URL/GITHUB_REPOSITORY/
   *  GITHUB_REF work as-is; GITHUB_SHA is passed as act's SHA_REF (the only way act accepts it). */
  env?: Record<string, string>;
  /** Secrets (act `--secret`). GITHUB_TOKEN defaults to a fake token. */
  secrets?: Record<string, string>;
  /** Repository/organization variables, `${{ vars.NAME }}` (act `--var`). */
  vars?: Record<string, string>;
  /** Only run this job id (act `-j`). */
  job?: string;
  /** Kill act after this long (default 120 s). */
  timeoutMs?: number;
  /** Directory for act's cache server (share it between runs to test cache restore). Default: per-run temp dir. */
  cacheDir?: string;
  /** Start act's artifact server so steps get ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL (default true). */
  artifactServer?: boolean;
  /** Map `actions/upload-artifact@v4` and `actions/download-artifact@v4` to the test stand-ins
   *  in test/support/actions (act `--local-repository`). Default: when the workflow file names
   *  one of them (pass true when only a local composite action does). Bundled on first use. */
  standInActions?: boolean;
  /** Keep the temp dir (host workspace, event file) for debugging. Also: ACT_KEEP_TMP=1. */
  keepTemp?: boolean;
  /** The Node the actions run on (test/support/runtimes.ts): host mode runs a JavaScript
   *  action with the first `node` on PATH, whatever its `using:` says, so this puts the
   *  runtime's bin folder first on act's PATH, which the steps inherit. Default: the PATH
   *  of the tests' process (here Node 20). */
  runtime?: Runtime;
  /** Run act verbose (`--verbose`): only then does it log the steps' `::debug::` lines (into
   *  `output`), e.g. the bundle's line naming the Node that ran it. Secrets stay masked, but
   *  act's own debug lines print each step's whole environment, `env` values included: leave
   *  it off where a test checks that an `env` value never reaches the log. */
  stepDebug?: boolean;
}

export interface ActStep {
  /** Job id (`jobs.<id>`); every entry of a matrix job has the same one. */
  job: string;
  /** The matrix entry the step ran in (`{}` outside a matrix). */
  matrix: Record<string, unknown>;
  /** Step id (`id:`), or its index as a string when the step has no id. */
  id: string;
  /** What act prints for the step: `uses:` value, `run:` text, or `name:`. */
  name: string;
  stage: 'Pre' | 'Main' | 'Post' | string;
  result?: 'success' | 'failure' | 'skipped' | string;
  /** Outputs the step set (GITHUB_OUTPUT or ::set-output). */
  outputs: Record<string, string>;
  /** What the step wrote to GITHUB_STEP_SUMMARY ('' if nothing). */
  summary: string;
  /** The step's own stdout+stderr, ANSI stripped. */
  log: string;
}

export interface ActRun {
  /** act's exit code: 0 when every job succeeded, 1 when one failed. 124 on timeout. */
  exitCode: number;
  timedOut: boolean;
  durationMs: number;
  /** Everything act printed, rendered as act's text log ("[wf/job] | line"), ANSI stripped. */
  output: string;
  /** Every step stage that ran, in order. */
  steps: ActStep[];
  /** Main-stage outputs by step id, and by "job/stepId". */
  outputs: Record<string, Record<string, string>>;
  /** All step summaries joined in run order (what GitHub shows as the job summary). */
  summary: string;
  /** Job id -> 'success' | 'failure'; a matrix job has one result, 'failure' if any entry failed. */
  jobResults: Record<string, string>;
}

/** Path of the provisioned act binary. */
export function actBinary(): string {
  const bin = process.env['ACT_BINARY'] || join(repoRoot, '.cache', 'tools', 'bin', 'act');
  if (!existsSync(bin)) {
    throw new Error(`act is not installed at ${bin}: run \`bash scripts/provision/act.sh\` first`);
  }
  return bin;
}

/** The first step stage matching a step id (and job, when given). */
export function findStep(run: ActRun, id: string, job?: string, stage = 'Main'): ActStep | undefined {
  return run.steps.find((s) => s.id === id && s.stage === stage && (job === undefined || s.job === job));
}

export async function runAct(opts: ActRunOptions): Promise<ActRun> {
  const act = actBinary();
  const keep = opts.keepTemp || process.env['ACT_KEEP_TMP'] === '1';
  const tmp = await mkdtemp(join(tmpdir(), 'mlops-ci-act-'));
  let artifactProxy: ArtifactSignatureProxy | undefined;
  try {
    const repo = await prepareRepo(resolve(opts.repoDir), join(tmp, 'repo'));
    const workflow = isAbsolute(opts.workflow) ? opts.workflow : join(repo, opts.workflow);
    const home = join(tmp, 'home');
    await mkdir(home, { recursive: true });

    const payload: Record<string, unknown> = { ...(opts.payload as Record<string, unknown>) };
    // act builds GITHUB_REF for pull_request from the payload's top-level `number`.
    const pr = payload['pull_request'] as { number?: unknown } | undefined;
    if (opts.event === 'pull_request' && payload['number'] === undefined && pr?.number !== undefined) {
      payload['number'] = pr.number;
    }
    const eventPath = join(tmp, 'event.json');
    await writeFile(eventPath, JSON.stringify(payload, null, 2));

    const env: Record<string, string> = { ...opts.env };
    // A PATH given to the steps replaces act's own, so it gets the runtime first too.
    if (opts.runtime && env['PATH'] !== undefined) env['PATH'] = pathFor(opts.runtime, env['PATH']);
    // act takes GITHUB_REPOSITORY from --env, else from the git remote, else "nektos/act";
    // never from the payload. Real GitHub takes it from the repository the event is for.
    const fullName = (payload['repository'] as { full_name?: unknown } | undefined)?.full_name;
    if (env['GITHUB_REPOSITORY'] === undefined && typeof fullName === 'string') env['GITHUB_REPOSITORY'] = fullName;
    if (env['GITHUB_SHA'] !== undefined) {
      env['SHA_REF'] = env['GITHUB_SHA'];
      delete env['GITHUB_SHA'];
    }
    // act's own process gets a throwaway HOME (so no ~/.actrc or ~/.config/act is read or
    // created); the steps get the caller's HOME back.
    if (env['HOME'] === undefined && process.env['HOME']) env['HOME'] = process.env['HOME'];
    if (env['XDG_CONFIG_HOME'] === undefined && process.env['XDG_CONFIG_HOME']) {
      env['XDG_CONFIG_HOME'] = process.env['XDG_CONFIG_HOME'];
    }

    const secrets: Record<string, string> = { GITHUB_TOKEN: 'ghs_act_fake_token_for_tests', ...opts.secrets };

    const args: string[] = [opts.event, '-C', repo, '-W', workflow, '--eventpath', eventPath, '--json'];
    for (const label of HOST_LABELS) args.push('-P', `${label}=-self-hosted`);
    args.push(
      '--action-cache-path', join(tmp, 'act'), // host workspace, RUNNER_TEMP, tool cache
      '--action-offline-mode',
      '--cache-server-addr', '127.0.0.1',
      '--cache-server-port', '0',
      '--cache-server-path', opts.cacheDir ?? join(tmp, 'actcache'),
      // Never read the repo's .env/.secrets/.vars/.input files.
      '--env-file', join(tmp, 'none.env'),
      '--secret-file', join(tmp, 'none.secrets'),
      '--var-file', join(tmp, 'none.vars'),
      '--input-file', join(tmp, 'none.input'),
    );
    if (opts.artifactServer ?? true) {
      const artifacts = join(tmp, 'artifacts');
      // act's server lists a run's artifacts by reading <path>/<run id>/ and panics while it
      // is missing (nothing uploaded yet): the client would retry ~30 s, then fail with an
      // unrelated message.
      await mkdir(join(artifacts, env['GITHUB_RUN_ID'] ?? '1'), { recursive: true });
      const port = await freePort();
      artifactProxy = await startArtifactSignatureProxy(port);
      args.push(
        '--artifact-server-path', artifacts,
        '--artifact-server-addr', '127.0.0.1',
        '--artifact-server-port', String(port),
      );
    }
    if (opts.standInActions ?? namesStandIn(await readFile(workflow, 'utf8'))) {
      for (const mapping of await standInMappings()) args.push('--local-repository', mapping);
    }
    if (opts.job) args.push('-j', opts.job);
    if (opts.stepDebug) args.push('--verbose');
    for (const [k, v] of Object.entries(env)) args.push('--env', `${k}=${v}`);
    for (const [k, v] of Object.entries(secrets)) args.push('--secret', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.vars ?? {})) args.push('--var', `${k}=${v}`);

    const childEnv: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && !RUNNER_OWNED.test(k) && k !== 'CI') childEnv[k] = v;
    }
    if (opts.runtime) childEnv['PATH'] = pathFor(opts.runtime, childEnv['PATH']);
    childEnv['HOME'] = home;
    if (process.env['XDG_CONFIG_HOME']) childEnv['XDG_CONFIG_HOME'] = join(home, '.config');
    if (process.env['XDG_CACHE_HOME']) childEnv['XDG_CACHE_HOME'] = join(home, '.cache');
    childEnv['ACT_DISABLE_VERSION_CHECK'] = '1'; // no call to api.nektosact.com
    const noProxy = ['127.0.0.1', 'localhost', '::1', process.env['NO_PROXY'] ?? process.env['no_proxy']]
      .filter(Boolean)
      .join(',');
    childEnv['NO_PROXY'] = childEnv['no_proxy'] = noProxy;
    // Steps get act's own ACTIONS_RUNTIME_URL as their ACTIONS_RUNTIME_URL and ACTIONS_RESULTS_URL.
    if (artifactProxy) childEnv['ACTIONS_RUNTIME_URL'] = artifactProxy.url;

    return await spawnAct(act, args, { cwd: tmp, env: childEnv, timeoutMs: opts.timeoutMs ?? 120_000 });
  } finally {
    await artifactProxy?.close();
    if (keep) process.stderr.write(`act temp dir kept: ${tmp}\n`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

/** Use repoDir in place when it is a git repo with a commit, else a committed temp copy. */
async function prepareRepo(repoDir: string, copyTo: string): Promise<string> {
  const head = spawnSync('git', ['-C', repoDir, 'rev-parse', '--verify', '--quiet', 'HEAD'], { encoding: 'utf8' });
  const top = spawnSync('git', ['-C', repoDir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (head.status === 0 && top.status === 0 && realpathSync(top.stdout.trim()) === realpathSync(repoDir)) return repoDir;
  await cp(repoDir, copyTo, { recursive: true, filter: (src) => !src.split('/').includes('.git') });
  const git = (...a: string[]): void => {
    const r = spawnSync('git', ['-C', copyTo, '-c', 'user.name=act-test', '-c', 'user.email=act-test@example.invalid', ...a], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git ${a.join(' ')} failed: ${r.stderr}`);
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'act test repo');
  return copyTo;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

function spawnAct(
  act: string,
  args: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ActRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(act, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    // Split each stream into lines separately so stdout and stderr never interleave mid-line.
    const collect = (stream: NodeJS.ReadableStream): (() => void) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        lines.push(...parts);
      });
      return () => {
        if (rest) lines.push(rest);
        rest = '';
      };
    };
    const flushOut = collect(child.stdout!);
    const flushErr = collect(child.stderr!);
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    // SIGTERM makes act cancel its context, which kills the step it is running.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    }, o.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      flushOut();
      flushErr();
      const exitCode = timedOut ? 124 : (code ?? 128 + (signal ? signalNumber(signal) : 0));
      done({ ...parseLog(lines), exitCode, timedOut, durationMs: Date.now() - started });
    });
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 0;
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences start with the ESC control character
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[78]/g;
const stripAnsi = (s: string): string => s.replace(ANSI, '');

interface ActLogLine {
  msg?: string;
  level?: string;
  job?: string;
  jobID?: string;
  step?: string;
  stepID?: string[];
  stage?: string;
  matrix?: Record<string, unknown> | null;
  raw_output?: boolean;
  stepResult?: string;
  jobResult?: string;
  command?: string;
  name?: string;
  arg?: string;
  content?: string;
}

/** Turn act's --json log into text plus per-step results, outputs and summaries. */
export function parseLog(lines: string[]): Omit<ActRun, 'exitCode' | 'timedOut' | 'durationMs'> {
  const text: string[] = [];
  const steps: ActStep[] = [];
  const byKey = new Map<string, ActStep>();
  const jobResults: Record<string, string> = {};
  for (const raw of lines) {
    let entry: ActLogLine | undefined;
    if (raw.startsWith('{')) {
      try {
        entry = JSON.parse(raw) as ActLogLine;
      } catch {
        entry = undefined;
      }
    }
    if (!entry || typeof entry.msg !== 'string') {
      text.push(stripAnsi(raw));
      continue;
    }
    const msg = stripAnsi(entry.msg).replace(/\r?\n$/, '');
    if (entry.raw_output) text.push(...msg.split('\n').map((l) => `[${entry.job ?? ''}]   | ${l}`));
    else if (entry.job) text.push(`[${entry.job}] ${msg}`);
    else text.push(`${entry.level ?? 'info'}: ${msg}`);

    if (entry.jobID && entry.jobResult) jobResults[entry.jobID] = entry.jobResult;
    if (!entry.jobID || !Array.isArray(entry.stepID) || !entry.stage) continue;
    const id = entry.stepID.join('/');
    const matrix = entry.matrix ?? {};
    // Matrix entries share the job id (and run at the same time): keep their steps apart.
    const key = `${entry.jobID}\u0000${JSON.stringify(matrix)}\u0000${id}\u0000${entry.stage}`;
    let step = byKey.get(key);
    if (!step) {
      step = { job: entry.jobID, matrix, id, name: entry.step ?? id, stage: entry.stage, outputs: {}, summary: '', log: '' };
      byKey.set(key, step);
      steps.push(step);
    }
    if (entry.raw_output) step.log += stripAnsi(entry.msg);
    if (entry.stepResult) step.result = entry.stepResult;
    if (entry.command === 'set-output' && entry.name !== undefined) step.outputs[entry.name] = entry.arg ?? '';
    if (entry.command === 'summary') step.summary += entry.content ?? '';
  }
  const outputs: Record<string, Record<string, string>> = {};
  for (const s of steps) {
    if (s.stage !== 'Main') continue;
    outputs[s.id] = { ...outputs[s.id], ...s.outputs };
    outputs[`${s.job}/${s.id}`] = s.outputs;
  }
  return {
    output: text.join('\n'),
    steps,
    outputs,
    summary: steps.map((s) => s.summary).join(''),
    jobResults,
  };
}
