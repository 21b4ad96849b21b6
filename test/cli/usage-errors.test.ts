/**
 * Usage errors of the installed command: each goes to stderr (stdout stays
 * what a script may capture) with exit 2, and a mistyped step or input name
 * is answered with the name it most likely meant. On every runtime of
 * test/support/runtimes.ts (Node 20 and 24).
 */
import { runBundle } from '../support/bundle.js';
import { RUNTIMES } from '../support/runtimes.js';

describe.each(RUNTIMES)('on $name', (runtime) => {
  test('no step at all: the usage, on stderr, exit 2; --help is the same usage on stdout, exit 0', async () => {
    const bare = await runBundle([], { runtime });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^Usage: mlops-ci <step>/m);

    const help = await runBundle(['--help'], { runtime });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mlops-ci <step>/m);
    expect(help.stderr).toBe('');
  });

  test.each([
    [['nope'], "error: unknown step 'nope'; the steps are: setup-env, data-pull, train-in-container, evaluate-and-gate, promote-model"],
    [['evaluate-and-gat'], "error: unknown step 'evaluate-and-gat'; did you mean 'evaluate-and-gate'?"],
    [['evaluate-and-gate', '--nope', 'x'], "error: input 'nope' is not an input of evaluate-and-gate; see mlops-ci evaluate-and-gate --help"],
    [['evaluate-and-gate', '--rulez', 'x'], "error: input 'rulez' is not an input of evaluate-and-gate; did you mean 'rules'?"],
    [['evaluate-and-gate', '--rules'], "error: input 'rules' needs a value"],
    [['evaluate-and-gate', 'stray'], "error: unexpected argument 'stray': inputs are given as --<input> <value>"],
  ])('%p: stderr, exit 2', async (args, message) => {
    const result = await runBundle(args, { runtime });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});
