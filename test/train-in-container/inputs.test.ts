/**
 * train-in-container inputs through the built CLI bundle (runtime: host, so
 * no engine is needed): limits stated and enforced, and values that may be
 * secret never quoted back.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';

/** The step on the host runtime unless the arguments name another. */
function train(args: readonly string[], cwd: string) {
  const runtime = args.includes('--runtime') ? [] : ['--runtime', 'host'];
  return runBundle(['train-in-container', ...runtime, ...args], { cwd });
}

describe('timeout: at most 24 days (576h), the longest a Node timer can wait', () => {
  test.each(['600h', '9999h', '1000000000'])('%s is refused (exit 2 naming timeout), nothing run', async (timeout) => {
    const dir = tempDir('train-timeout-');
    const run = await train(['--command', 'echo ran > ran.txt', '--timeout', timeout], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(`input 'timeout': got '${timeout}', which is more than the maximum of 576h (24 days)`) });
    expect(existsSync(path.join(dir, 'ran.txt'))).toBe(false);
  });

  test('576h is accepted and does not cut the command short', async () => {
    const dir = tempDir('train-timeout-');
    const run = await train(['--command', 'sleep 1; echo finished', '--timeout', '576h'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('\nfinished\n');
  });
});

describe('a malformed env line names its line and key, never its value', () => {
  const VALUE = 'pw-4c1e9b7d-value';

  test.each([
    ['`KEY: value` in env', ['--env', `EPOCHS=3\nAPI_TOKEN: ${VALUE}`], "input 'env': line 2 (starting with the name API_TOKEN) is not KEY=VALUE"],
    ['a line with no name in env', ['--env', `: ${VALUE}`], "input 'env': line 1 is not KEY=VALUE"],
    ['a name with a space before `=`', ['--env', `API TOKEN ${VALUE}=x`], "input 'env': the name starting with API is not a valid variable name"],
    ['`KEY: value` in build-args', ['--dockerfile', 'Dockerfile', '--runtime', 'docker', '--build-args', `PIP_TOKEN: ${VALUE}`], "input 'build-args': line 1 (starting with the name PIP_TOKEN) is not KEY=VALUE"],
  ])('%s', async (_name, args, message) => {
    const dir = tempDir('train-env-');
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    const run = await train(['--command', 'true', ...args], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(message) });
    expect(run.stderr + run.stdout).not.toContain(VALUE);
  });

  test('`KEY: value` in env-file', async () => {
    const dir = tempDir('train-env-');
    writeFileSync(path.join(dir, 'train.env'), `# settings\nEPOCHS=3\nAPI_TOKEN: ${VALUE}\n`);
    const run = await train(['--command', 'true', '--env-file', 'train.env'], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/input 'env-file': \S+train\.env line 3 \(starting with the name API_TOKEN\) is not KEY=VALUE or a variable name/) });
    expect(run.stderr + run.stdout).not.toContain(VALUE);
  });
});

describe('a path the system cannot look up (too long) is bad input naming it, not a failure', () => {
  // One name longer than NAME_MAX (255): within the 4096 characters any input may hold, refused by the system.
  const HUGE = 'x'.repeat(300);
  test.each([
    ['workdir', ['--workdir', HUGE]],
    ['data', ['--data', HUGE]],
    ['outputs', ['--outputs', HUGE]],
    ['mounts', ['--mounts', `${HUGE}:/data`]],
    ['dockerfile', ['--runtime', 'docker', '--dockerfile', HUGE]],
  ])('%s', async (input, args) => {
    const dir = tempDir('train-paths-');
    const run = await train(['--command', 'echo ran > ran.txt', ...args], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(`error: input '${input}': `) });
    expect(run.stderr).toContain('ENAMETOOLONG');
    expect(run.stderr).not.toContain(HUGE);
    expect(existsSync(path.join(dir, 'ran.txt'))).toBe(false);
  });
});
