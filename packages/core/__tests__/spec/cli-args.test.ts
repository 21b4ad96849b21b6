import { argumentsNodeRead, parseStepArgs } from '../../src/cli.js';
import { evaluateAndGateSpec } from '../../src/steps/evaluate-and-gate/spec.js';
import { trainInContainerSpec } from '../../src/steps/train-in-container/spec.js';

describe('parseStepArgs', () => {
  test('--name value, --name=value, repeated lists, bare booleans', () => {
    const parsed = parseStepArgs(evaluateAndGateSpec, ['--metrics', 'a.json', '--metrics=b.json', '--rules', 'x >= 1', '--check-run', '--select', 'max:x']);
    expect(parsed).toEqual({ kind: 'inputs', inputs: { metrics: ['a.json', 'b.json'], rules: 'x >= 1', 'check-run': 'true', select: 'max:x' } });
  });

  test('a map input repeats like a list, one KEY=VALUE each', () => {
    expect(parseStepArgs(trainInContainerSpec, ['--command', 'true', '--env', 'A=1', '--env=B=2'])).toEqual({ kind: 'inputs', inputs: { command: 'true', env: ['A=1', 'B=2'] } });
  });

  test('values that look hostile are kept as plain text', () => {
    const hostile = '$(touch /tmp/pwned); `id` \'"';
    expect(parseStepArgs(evaluateAndGateSpec, ['--rules', hostile])).toEqual({ kind: 'inputs', inputs: { rules: hostile } });
  });

  test.each([
    [['--nope', 'x'], "input 'nope' is not an input of evaluate-and-gate; see mlops-ci evaluate-and-gate --help"],
    [['--rulez', 'x'], "input 'rulez' is not an input of evaluate-and-gate; did you mean 'rules'?"],
    [['--metric=a.json'], "input 'metric' is not an input of evaluate-and-gate; did you mean 'metrics'?"],
    [['stray'], "unexpected argument 'stray': inputs are given as --<input> <value>"],
    [['--rules'], "input 'rules' needs a value"],
    [['--rules', 'a', '--rules', 'b'], "input 'rules' is given twice"],
  ])('rejects %p', (args, message) => {
    expect(parseStepArgs(evaluateAndGateSpec, args)).toEqual({ kind: 'error', message });
  });

  test('--help anywhere asks for the step help', () => {
    expect(parseStepArgs(evaluateAndGateSpec, ['--metrics', 'a', '--help'])).toEqual({ kind: 'help' });
  });
});

describe('argumentsNodeRead', () => {
  const own = ['train-in-container', '--env-file', 'train.env', '--command', 'x'];
  test('node script --env-file …: Node read it', () => {
    expect(argumentsNodeRead(['node', 'dist/mlops-ci.js', ...own], own)).toEqual(['--env-file']);
    expect(argumentsNodeRead(['node', '--no-warnings', 'dist/mlops-ci.js', 'x', '--env-file=a'], ['x', '--env-file=a'])).toEqual(['--env-file=a']);
  });
  test('a -- before the script (the bin, the documented form) or before the argument: Node read nothing', () => {
    expect(argumentsNodeRead(['node', '--', 'dist/mlops-ci.js', ...own], own)).toEqual([]);
    expect(argumentsNodeRead(['node', 'dist/mlops-ci.js', 'x', '--', '--env-file', 'a'], ['x', '--', '--env-file', 'a'])).toEqual([]);
  });
  test('a command line that does not end with the arguments (or none at all) is not guessed at', () => {
    expect(argumentsNodeRead([], own)).toEqual([]);
    expect(argumentsNodeRead(['node', 'dist/mlops-ci.js', 'other'], own)).toEqual([]);
  });
});
