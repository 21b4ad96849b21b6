/**
 * Node (20 and 24) reads every `--env-file…` argument before a `--`, even
 * after the script's name, and applies the file's NODE_OPTIONS before the
 * script runs: `node dist/mlops-ci.js train-in-container --env-file train.env`
 * let a repository file `--require` code into the mlops-ci process, and a
 * missing file ended in `node: nope.env: not found`, exit 9. The installed
 * `mlops-ci` command and the documented `node -- dist/mlops-ci.js` start it
 * so that Node reads no argument of the tool; the bare form is refused.
 *
 * Runs on every runtime of test/support/runtimes.ts (Node 20 and 24).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, spawnCollect, tempDir, type BundleRun } from '../support/bundle.js';
import { nodeOf, pathFor, RUNTIMES, versionOf, type Runtime } from '../support/runtimes.js';

/** A project whose env file asks Node to run a script that leaves a mark. */
function project(): string {
  const dir = tempDir('node-args-');
  writeFileSync(path.join(dir, 'evil.cjs'), "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'evil-ran'), String(process.pid));\n");
  writeFileSync(path.join(dir, 'train.env'), `NODE_OPTIONS=--require ${path.join(dir, 'evil.cjs')}\nGREETING=hello\n`);
  return dir;
}

const trainArgs = (envFile: string): string[] => ['train-in-container', '--runtime', 'host', '--command', 'echo "$GREETING" > greeting', '--env-file', envFile];

function run(argv: readonly string[], cwd: string, runtime: Runtime): Promise<BundleRun> {
  const [command, ...args] = argv as [string, ...string[]];
  // PATH starts with the Node under test, so `#!/usr/bin/env … node` finds it;
  // the debug log names the Node that ran the step.
  const env = { PATH: pathFor(runtime), HOME: tempDir('home-'), MLOPS_CI_DEBUG: '1' };
  return spawnCollect(command, args, { cwd, env });
}

describe.each(RUNTIMES)('on $name', (runtime) => {
  const node = (): string => nodeOf(runtime);
  const ranOnIt = (): string => `runs train-in-container on Node ${versionOf(runtime)}\n`;

  test('the installed command (the bundle run by its #! line) keeps --env-file for the tool: no code from the file runs', async () => {
    const dir = project();
    const result = await run([BUNDLE, ...trainArgs('train.env')], dir, runtime);
    expect(result.stderr).not.toMatch(/^node: /m);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(ranOnIt());
    expect(existsSync(path.join(dir, 'evil-ran'))).toBe(false);
    expect(readFileSync(path.join(dir, 'greeting'), 'utf8').trim()).toBe('hello');
  });

  test('the installed command: a missing env-file is exit 2 naming the input, not Node’s exit 9', async () => {
    const dir = project();
    const result = await run([BUNDLE, ...trainArgs('nope.env')], dir, runtime);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: input 'env-file': .*nope\.env/m);
  });

  test('the documented `node -- dist/mlops-ci.js` keeps --env-file=… for the tool', async () => {
    const dir = project();
    const result = await run([node(), '--', BUNDLE, ...trainArgs('x').slice(0, -2), '--env-file=train.env'], dir, runtime);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(ranOnIt());
    expect(existsSync(path.join(dir, 'evil-ran'))).toBe(false);
    expect(readFileSync(path.join(dir, 'greeting'), 'utf8').trim()).toBe('hello');
  });

  test('`node dist/mlops-ci.js … --env-file` (Node reads the file first) is refused with exit 2 before any work', async () => {
    const dir = project();
    const result = await run([node(), BUNDLE, ...trainArgs('train.env')], dir, runtime);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: input 'env-file': .*node -- /m);
    expect(existsSync(path.join(dir, 'greeting'))).toBe(false);
  });
});
