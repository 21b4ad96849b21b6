/**
 * Node (20 and 24) reads every `--env-file…` argument before a `--`, even
 * after the script's name, and applies the file's NODE_OPTIONS before the
 * script runs: `node dist/mlops-ci.js train-in-container --env-file train.env`
 * let a repository file `--require` code into the mlops-ci process, and a
 * missing file ended in `node: nope.env: not found`, exit 9. The installed
 * `mlops-ci` command and the documented `node -- dist/mlops-ci.js` start it
 * so that Node reads no argument of the tool; the bare form is refused.
 *
 * Runs on the Node running the tests; MLOPS_CI_TEST_NODES (paths, `:`-separated)
 * adds more, e.g. a Node 24 binary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, spawnCollect, tempDir, type BundleRun } from '../support/bundle.js';

const NODES = [process.execPath, ...(process.env['MLOPS_CI_TEST_NODES'] ?? '').split(':').filter(Boolean)];

/** A project whose env file asks Node to run a script that leaves a mark. */
function project(): string {
  const dir = tempDir('node-args-');
  writeFileSync(path.join(dir, 'evil.cjs'), "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'evil-ran'), String(process.pid));\n");
  writeFileSync(path.join(dir, 'train.env'), `NODE_OPTIONS=--require ${path.join(dir, 'evil.cjs')}\nGREETING=hello\n`);
  return dir;
}

const trainArgs = (envFile: string): string[] => ['train-in-container', '--runtime', 'host', '--command', 'echo "$GREETING" > greeting', '--env-file', envFile];

function run(argv: readonly string[], cwd: string, node: string): Promise<BundleRun> {
  const [command, ...args] = argv as [string, ...string[]];
  // PATH starts with the Node under test, so `#!/usr/bin/env … node` finds it.
  const env = { PATH: `${path.dirname(node)}:${process.env['PATH'] ?? ''}`, HOME: tempDir('home-') };
  return spawnCollect(command, args, { cwd, env });
}

describe.each(NODES)('on %s', (node) => {
  test('the installed command (the bundle run by its #! line) keeps --env-file for the tool: no code from the file runs', async () => {
    const dir = project();
    const result = await run([BUNDLE, ...trainArgs('train.env')], dir, node);
    expect(result.stderr).not.toMatch(/^node: /m);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'evil-ran'))).toBe(false);
    expect(readFileSync(path.join(dir, 'greeting'), 'utf8').trim()).toBe('hello');
  });

  test('the installed command: a missing env-file is exit 2 naming the input, not Node’s exit 9', async () => {
    const dir = project();
    const result = await run([BUNDLE, ...trainArgs('nope.env')], dir, node);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: input 'env-file': .*nope\.env/m);
  });

  test('the documented `node -- dist/mlops-ci.js` keeps --env-file=… for the tool', async () => {
    const dir = project();
    const result = await run([node, '--', BUNDLE, ...trainArgs('x').slice(0, -2), '--env-file=train.env'], dir, node);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'evil-ran'))).toBe(false);
    expect(readFileSync(path.join(dir, 'greeting'), 'utf8').trim()).toBe('hello');
  });

  test('`node dist/mlops-ci.js … --env-file` (Node reads the file first) is refused with exit 2 before any work', async () => {
    const dir = project();
    const result = await run([node, BUNDLE, ...trainArgs('train.env')], dir, node);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: input 'env-file': .*node -- /m);
    expect(existsSync(path.join(dir, 'greeting'))).toBe(false);
  });
});
