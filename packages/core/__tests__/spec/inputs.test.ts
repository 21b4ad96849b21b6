import { InputError, quote } from '../../src/errors.js';
import { InputReader, parseInputsJson, secretEnvName } from '../../src/spec/inputs.js';
import type { StepSpec } from '../../src/spec/types.js';
import { jsonInputs, envInputs, withEnvFallbacks } from '../../src/host/raw-inputs.js';

const spec: StepSpec = {
  name: 'demo',
  jenkinsVar: 'mlopsDemo',
  description: 'a demo step',
  branding: { icon: 'box', color: 'blue' },
  example: {},
  outputs: [],
  inputs: [
    { name: 'paths', type: 'list', required: true, description: 'paths' },
    { name: 'flag', type: 'boolean', default: 'false', description: 'flag' },
    { name: 'count', type: 'number', default: '3', description: 'count' },
    { name: 'mode', type: 'choice', choices: ['a', 'b'], default: 'a', description: 'mode' },
    { name: 'token', type: 'string', secret: true, envFallback: 'DEMO_TOKEN', description: 'token' },
  ],
};

function reader(values: Record<string, unknown>): InputReader {
  return new InputReader(spec, jsonInputs(values));
}

describe('InputReader', () => {
  test.each([
    ['newline text', { paths: 'a\n\n  b  \n# comment\nc' }, ['a', 'b', 'c']],
    ['a JSON array (Jenkins)', { paths: ['a', 'b'] }, ['a', 'b']],
    ['CRLF text', { paths: 'a\r\nb' }, ['a', 'b']],
  ])('reads a list from %s', (_, values, expected) => {
    expect(reader(values).list('paths')).toEqual(expected);
  });

  test.each([
    ['true', true],
    ['yes', true],
    ['FALSE', false],
    ['0', false],
    [true, true],
  ])('reads boolean %p', (value, expected) => {
    expect(reader({ flag: value }).boolean('flag')).toBe(expected);
  });

  test('applies defaults in one place', () => {
    const r = reader({});
    expect(r.boolean('flag')).toBe(false);
    expect(r.number('count')).toBe(3);
    expect(r.choice('mode')).toBe('a');
    expect(r.string('token')).toBe('');
  });

  test.each([
    [{ flag: 'maybe' }, (r: InputReader) => r.boolean('flag'), "input 'flag': got 'maybe', expected true or false"],
    [{ count: 'x' }, (r: InputReader) => r.number('count'), "input 'count': got 'x', expected a number"],
    [{ count: '7' }, (r: InputReader) => r.number('count', { max: 5 }), "input 'count': got 7, expected a number from -∞ to 5"],
    [{ count: '1.5' }, (r: InputReader) => r.number('count', { integer: true }), "input 'count': got '1.5', expected a whole number"],
    [{ mode: 'c' }, (r: InputReader) => r.choice('mode'), "input 'mode': got 'c', expected one of: a, b"],
    [{}, (r: InputReader) => r.requiredString('paths'), "input 'paths': is required: paths"],
    [{ paths: [{ a: 1 }] }, (r: InputReader) => r.list('paths'), `input 'paths': got '{"a":1}', expected text, a number or true/false`],
  ])('rejects bad input %p with a message naming it', (values, read, message) => {
    const error = (() => {
      try {
        read(reader(values));
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });

  test('refuses a value longer than any path before it reaches the file system as ENAMETOOLONG (exit 1)', () => {
    expect(reader({ token: 'x'.repeat(4096) }).string('token')).toHaveLength(4096);
    expect(() => reader({ token: 'x'.repeat(4097) }).string('token')).toThrow(
      new InputError('token', 'got 4097 characters; the value of this input holds at most 4096 (no path, name or URL is longer)'),
    );
    expect(() => reader({ paths: `a\n${'x'.repeat(5000)}` }).list('paths')).toThrow(
      new InputError('paths', 'got 5000 characters; an item of this input holds at most 4096 (no path, name or URL is longer)'),
    );
  });

  test('rejects an input name the step does not have (a typo from Jenkins or the CLI)', () => {
    expect(() => reader({ pathz: 'a' })).toThrow("input 'pathz': is not an input of demo; its inputs are: paths, flag, count, mode, token");
  });
});

describe('raw inputs', () => {
  test('GitHub reads INPUT_<NAME> with hyphens kept, trimmed, empty as absent', () => {
    const raw = envInputs({ 'INPUT_STATUS-CONTEXT': '  ci/gate ', INPUT_EMPTY: '  ' });
    expect(raw.get('status-context')).toBe('ci/gate');
    expect(raw.get('empty')).toBeUndefined();
  });

  test('secrets come from MLOPS_CI_SECRET_<NAME>, then the env fallback', () => {
    const viaJenkins = withEnvFallbacks(jsonInputs({}), spec, { [secretEnvName('token')]: 's3cret', DEMO_TOKEN: 'other' });
    expect(viaJenkins.get('token')).toBe('s3cret');
    const viaEnv = withEnvFallbacks(jsonInputs({}), spec, { DEMO_TOKEN: 'other' });
    expect(viaEnv.get('token')).toBe('other');
    const given = withEnvFallbacks(jsonInputs({ token: 'given' }), spec, { DEMO_TOKEN: 'other' });
    expect(given.get('token')).toBe('given');
  });

  test('MLOPS_CI_INPUTS must be a JSON object', () => {
    expect(parseInputsJson('{"a": [1, "b"]}')).toEqual({ a: [1, 'b'] });
    expect(() => parseInputsJson('[1]')).toThrow("input 'MLOPS_CI_INPUTS': must be a JSON object");
    expect(() => parseInputsJson('{')).toThrow(/is not valid JSON/);
  });

  test('secret env names are shell-safe', () => {
    expect(secretEnvName('github-token')).toBe('MLOPS_CI_SECRET_GITHUB_TOKEN');
  });
});

describe('values quoted in errors', () => {
  test('are cut to a bounded excerpt, on one line, with URL credentials hidden', () => {
    expect(quote('x'.repeat(250))).toBe(`'${'x'.repeat(200)}… (50 more characters)'`);
    expect(quote('a\nb\r\u001b[31m')).toBe("'a\\nb\\r\\u001b[31m'");
    expect(quote('https://me:pw@ghe.example/api?access_token=t0k&per_page=1')).toBe("'https://***@ghe.example/api?access_token=***&per_page=1'");
  });

  test('an InputError carries at most a bounded message whatever its caller quoted', () => {
    const error = new InputError('rules', `got '${'y'.repeat(5000)}'`);
    expect(error.message.length).toBeLessThan(1100);
    expect(error.message).toMatch(/^input 'rules': got 'y+… \(\d+ more characters\)$/);
  });
});
