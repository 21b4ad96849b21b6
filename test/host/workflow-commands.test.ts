/**
 * Values the tool prints on a GitHub runner come from the repository (folder
 * and file names, metrics keys, records) and must never run as workflow
 * commands. The real bundle, as the gate action (GitHub host) and as the CLI
 * in a workflow's `run:` step (local host on GITHUB_ACTIONS=true), gets
 * candidate folders whose names carry commands after a line break; the log is
 * read the way the runner reads it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionEntrypoint, runBundle, tempDir } from '../support/bundle.js';
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

test('the gate action prints hostile candidate names without running a workflow command', async () => {
  const dir = hostileProject();
  const runner = runnerEnv(dir);
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: { ...runner, ...gateInputs } });
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
  });
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('::set-output name=injected::1');
  // The runner reads a run: step's stderr for commands as well as its stdout.
  expect(commandsRunnerWouldRun(`${run.stdout}\n${run.stderr}`).filter(injected)).toEqual([]);
  expect(JSON.parse(run.stdout)).toMatchObject({ passed: 'true' });
});
