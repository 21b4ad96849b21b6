/**
 * Values the tool prints on a GitHub runner come from the repository (folder
 * and file names, metrics keys, records) and must never run as workflow
 * commands. The real bundle, as the gate action (GitHub host) and as the CLI
 * in a workflow's `run:` step (local host on GITHUB_ACTIONS=true), gets
 * candidate folders whose names carry commands after a line break; the log is
 * read the way the runner reads it. On every runtime of test/support/runtimes.ts
 * (Node 20 and 24).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, runActionEntrypoint, runBundle, tempDir } from '../support/bundle.js';
import { startGitHubApi } from '../support/github-api/server.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';
import { commandsRunnerWouldRun, type RunnerCommand } from '../support/runner-commands.js';

/** One candidate folder per way a name can smuggle a command into a log line. */
const HOSTILE_NAMES = [
  'rf\n::set-output name=injected::1',
  'gb\n::add-mask::injected',
  'xg\n   ::error::injected',
  'lr\r::save-state name=injected::1',
  'nb ##[set-output name=injected;]1',
  'sv\n::stop-commands::injected',
];

function hostileProject(): string {
  const dir = tempDir('wf-commands-');
  for (const [i, name] of HOSTILE_NAMES.entries()) {
    mkdirSync(path.join(dir, 'out', name), { recursive: true });
    writeFileSync(path.join(dir, 'out', name, 'metrics.json'), JSON.stringify({ accuracy: 0.9 + i / 100 }));
  }
  return dir;
}

/** What a GitHub runner gives a JavaScript action, without a token (no API calls). */
function runnerEnv(dir: string): Record<string, string> {
  const runnerTemp = tempDir('runner-temp-');
  writeFileSync(path.join(runnerTemp, 'output'), '');
  writeFileSync(path.join(runnerTemp, 'summary'), '');
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
  };
}

/** A command that came from a printed value rather than from the tool itself. */
function injected(command: RunnerCommand): boolean {
  const name = command.name.toLowerCase();
  if (['set-output', 'save-state', 'set-env', 'add-path', 'add-mask'].includes(name)) return true;
  if (name === 'stop-commands' && command.data === 'injected') return true;
  return ['error', 'warning', 'notice'].includes(name) && command.data.startsWith('injected');
}

/** GITHUB_OUTPUT's `name<<DELIMITER` blocks, read as the runner reads them. */
function outputNames(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => /^([^<=]+)<<ghadelimiter_/.exec(line)?.[1] ?? []);
}

const gateInputs = {
  INPUT_METRICS: 'out/*/metrics.json',
  INPUT_RULES: 'accuracy >= 0.5',
  INPUT_SELECT: 'max:accuracy',
};

/** The gate action in a workflow under act (host mode), after a step made the hostile folders. */
const actWorkflow = `name: gate
on: pull_request
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: train (stand-in)
        run: |
          for name in 'rf\\n::set-output name=injected::1' 'gb\\n::add-mask::injected' 'xg\\n::error::injected' 'sv\\n::stop-commands::injected'; do
            dir="out/$(printf "$name")"
            mkdir -p "$dir"
            echo '{"accuracy": 0.93}' > "$dir/metrics.json"
          done
      - id: gate
        uses: ./actions/evaluate-and-gate
        with:
          metrics: out/*/metrics.json
          rules: accuracy >= 0.5
      - name: after
        run: echo "after the gate, injected=\${{ steps.gate.outputs.injected }} passed=\${{ steps.gate.outputs.passed }}"
`;

describe.each(RUNTIMES)('workflow commands on $name', (runtime) => {
  test('the gate action prints hostile candidate names without running a workflow command', async () => {
    const dir = hostileProject();
    const runner = runnerEnv(dir);
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: { ...runner, ...gateInputs }, runtime });
    expect(run.code).toBe(0);
    // The names are in the log, as text.
    expect(run.stdout).toContain('::set-output name=injected::1');
    expect(commandsRunnerWouldRun(`${run.stdout}\n${run.stderr}`).filter(injected)).toEqual([]);
    const names = outputNames(runner['GITHUB_OUTPUT']!);
    expect(names).toContain('passed');
    expect(names).not.toContain('injected');
  });

  test('the CLI in a workflow run: step prints hostile candidate names without running a workflow command', async () => {
    const dir = hostileProject();
    const run = await runBundle(['evaluate-and-gate', '--metrics', 'out/*/metrics.json', '--rules', 'accuracy >= 0.5', '--select', 'max:accuracy'], {
      cwd: dir,
      env: runnerEnv(dir),
      runtime,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('::set-output name=injected::1');
    // The runner reads a run: step's stderr for commands as well as its stdout.
    expect(commandsRunnerWouldRun(`${run.stdout}\n${run.stderr}`).filter(injected)).toEqual([]);
    expect(JSON.parse(run.stdout)).toMatchObject({ passed: 'true' });
  });

  test('under act: the gate step sets only its own outputs, and no later line is masked or stopped', async () => {
    const repo = tempDir('act-wf-commands-');
    cpSync(path.join(ROOT, 'actions'), path.join(repo, 'actions'), { recursive: true });
    cpSync(path.join(ROOT, 'dist'), path.join(repo, 'dist'), { recursive: true });
    mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(path.join(repo, '.github', 'workflows', 'gate.yml'), actWorkflow);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'init');
    const token = 'ghs_act_wf_commands';
    const api = await startGitHubApi({ token });
    try {
      const pull = { number: 9, head: { sha: 'c'.repeat(40), ref: 'hostile' }, base: { ref: 'main' } };
      api.state.seedPull('acme', 'iris', { number: 9, head: pull.head });
      const run = await runAct({
        runtime,
        stepDebug: true,
        repoDir: repo,
        workflow: '.github/workflows/gate.yml',
        event: 'pull_request',
        payload: { action: 'synchronize', number: 9, pull_request: pull, repository: { full_name: 'acme/iris', name: 'iris', owner: { login: 'acme' } } },
        env: { GITHUB_API_URL: api.url },
        secrets: { GITHUB_TOKEN: token },
        timeoutMs: 120_000,
      });
      if (run.exitCode !== 0) console.log(run.output);
      expect(run.exitCode).toBe(0);
      expect(run.output).toContain(`runs evaluate-and-gate on Node ${versionOf(runtime)}`);
      const outputs = findStep(run, 'gate')?.outputs ?? {};
      expect(outputs).toMatchObject({ passed: 'true' });
      expect(Object.keys(outputs)).not.toContain('injected');
      // Not masked (add-mask) and still processed (stop-commands): the next step's line is there as written.
      expect(run.output).toContain('after the gate, injected= passed=true');
    } finally {
      await api.close();
    }
  }, 150_000);
});
