import { InputError, quote } from '../../src/errors.js';
import { credentialFileEnvName, InputReader, parseInputsJson, secretEnvName } from '../../src/spec/inputs.js';
import type { StepSpec } from '../../src/spec/types.js';
import { jsonInputs, envInputs, withEnvFallbacks } from '../../src/host/raw-inputs.js';

const spec = {
  name: 'demo',
  jenkinsVar: 'mlopsDemo',
  description: 'a demo step',
  branding: { icon: 'box', color: 'blue' },
  example: {},
  outputs: [],
  inputs: [
    { name: 'paths', type: 'list', required: true, description: 'paths' },
    { name: 'flag', type: 'boolean', default: 'false', description: 'flag' },
    { name: 'count', type: 'number', default: '3', min: 1, max: 5, integer: true, description: 'count' },
    { name: 'ratio', type: 'number', description: 'ratio' },
    { name: 'mode', type: 'choice', choices: ['a', 'b'], default: 'a', description: 'mode' },
    { name: 'token', type: 'string', secret: true, envFallback: 'DEMO_TOKEN', description: 'token' },
    { name: 'name', type: 'string', default: 'demo', description: 'name' },
    { name: 'notes', type: 'text', description: 'notes' },
    { name: 'command', type: 'argv', description: 'command' },
    { name: 'env', type: 'map', description: 'env' },
    { name: 'image', type: 'string', description: 'image' },
    { name: 'dockerfile', type: 'string', description: 'dockerfile' },
    { name: 'context', type: 'string', description: 'context' },
    { name: 'kubeconfig', type: 'string', credentialFile: true, description: 'kubeconfig' },
  ],
  relations: [{ exclusive: ['image', 'dockerfile'] }, { input: 'context', requires: ['dockerfile'] }],
} as const satisfies StepSpec;

function reader(values: Record<string, unknown>): InputReader<typeof spec> {
  return new InputReader(spec, jsonInputs({ paths: 'p', ...values }));
}

function errorOf(read: () => unknown): unknown {
  try {
    read();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('InputReader', () => {
  test.each([
    ['newline text', { paths: 'a\n\n  b  \n# comment\nc' }, ['a', 'b', 'c']],
    ['a JSON array (Jenkins)', { paths: ['a', ' b '] }, ['a', 'b']],
    ['CRLF text', { paths: 'a\r\nb' }, ['a', 'b']],
  ])('reads a list from %s', (_, values, expected) => {
    expect(reader(values).get('paths')).toEqual(expected);
  });

  test.each([
    ['true', true],
    ['yes', true],
    ['FALSE', false],
    [' 0 ', false],
    [true, true],
  ])('reads boolean %p', (value, expected) => {
    expect(reader({ flag: value }).get('flag')).toBe(expected);
  });

  test('applies the spec\'s defaults, so an input with one is never absent', () => {
    const r = reader({});
    const flag: boolean = r.get('flag');
    const count: number = r.get('count');
    const mode: 'a' | 'b' = r.get('mode');
    const name: string = r.get('name');
    expect([flag, count, mode, name]).toEqual([false, 3, 'a', 'demo']);
    expect(r.get('token')).toBeUndefined();
    expect(r.get('ratio')).toBeUndefined();
    expect(r.get('env')).toEqual(new Map());
  });

  test('trims strings and reads a blank one as absent, in one place', () => {
    expect(reader({ token: '  t  ' }).get('token')).toBe('t');
    expect(reader({ token: ' \n ' }).get('token')).toBeUndefined();
    expect(reader({ name: '   ' }).get('name')).toBe('demo');
    expect(reader({ notes: '  keep\n  as is ' }).get('notes')).toBe('  keep\n  as is ');
    expect(reader({ notes: '   ' }).get('notes')).toBeUndefined();
    expect(reader({ count: ' 4 ' }).get('count')).toBe(4);
  });

  test('a misspelled input name is a compile error, not a run-time surprise', () => {
    const r = reader({});
    // @ts-expect-error -- 'cuont' is not an input of the spec
    expect(() => r.get('cuont')).toThrow("step demo reads undeclared input 'cuont'");
  });

  test.each([
    [{ command: '["python", "train.py"]' }, { kind: 'argv', argv: ['python', 'train.py'] }],
    [{ command: ['python', 'train.py'] }, { kind: 'argv', argv: ['python', 'train.py'] }],
    [{ command: ' python train.py --epochs 3 ' }, { kind: 'shell', script: 'python train.py --epochs 3' }],
    [{ command: '[ -f x ] && run' }, { kind: 'shell', script: '[ -f x ] && run' }],
  ])('reads an argv input %p', (values, expected) => {
    expect(reader(values).get('command')).toEqual(expected);
  });

  test.each([
    [{ env: 'A=1\n\n# note\n  B=x=y ' }, [['A', '1'], ['B', 'x=y']]],
    [{ env: { A: 1, B: 'two' } }, [['A', '1'], ['B', 'two']]],
    [{ env: ['A=1', 'B='] }, [['A', '1'], ['B', '']]],
  ])('reads a map input %p', (values, expected) => {
    expect([...reader(values).get('env')]).toEqual(expected);
  });

  test.each([
    [{ flag: 'maybe' }, 'flag', "input 'flag': got 'maybe', expected true or false"],
    [{ count: 'x' }, 'count', "input 'count': got 'x', expected a whole number"],
    [{ count: '7' }, 'count', "input 'count': got 7, expected a whole number from 1 to 5"],
    [{ count: '1.5' }, 'count', "input 'count': got '1.5', expected a whole number"],
    [{ ratio: 'Infinity' }, 'ratio', "input 'ratio': got 'Infinity', expected a number"],
    [{ mode: 'c' }, 'mode', "input 'mode': got 'c', expected one of: a, b"],
    [{ paths: [{ a: 1 }] }, 'paths', `input 'paths': got '{"a":1}', expected text, a number or true/false`],
    [{ command: '[]' }, 'command', "input 'command': got '[]', expected a non-empty list of strings such as [\"python\", \"train.py\"]"],
    [{ command: [1, 2] }, 'command', "input 'command': got '[1,2]', expected a non-empty list of strings such as [\"python\", \"train.py\"]"],
    [{ env: 'A=1\nSECRET_VALUE_NO_EQUALS' }, 'env', "input 'env': line 2 (starting with the name SECRET_VALUE_NO_EQUALS) is not KEY=VALUE"],
    [{ env: '=value' }, 'env', "input 'env': line 1 is not KEY=VALUE"],
    [{ env: 'B = x' }, 'env', "input 'env': line 1 (starting with the name B) is not KEY=VALUE"],
  ] as const)('rejects bad input %p with a message naming it', (values, name, message) => {
    const error = errorOf(() => reader(values).get(name));
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });

  test('a map error never quotes a value (it may be a secret)', () => {
    const error = errorOf(() => reader({ env: 'token ghp_0123456789' }).get('env'));
    expect((error as Error).message).not.toContain('ghp_');
  });

  test('a required input absent is refused before any input is read', () => {
    expect(() => new InputReader(spec, jsonInputs({}))).toThrow(new InputError('paths', 'is required: paths'));
    expect(() => new InputReader(spec, jsonInputs({ paths: '  ' }))).toThrow(new InputError('paths', 'is required: paths'));
  });

  test('relations are checked once, when the reader is made', () => {
    expect(() => reader({ image: 'python:3', dockerfile: 'Dockerfile' })).toThrow(new InputError('dockerfile', "was given together with 'image': give 'image' or 'dockerfile', not both"));
    expect(() => reader({ context: '.' })).toThrow(new InputError('context', "needs 'dockerfile' as well"));
    expect(() => reader({ image: 'python:3', dockerfile: ' ' })).not.toThrow();
    expect(() => reader({ dockerfile: 'Dockerfile', context: 'ctx' })).not.toThrow();
  });

  test('a switch counts as given only when on: GitHub passes `false` for one left alone', () => {
    const switches = { ...spec, relations: [{ input: 'flag', requires: ['image'] }, { exclusive: ['flag', 'dockerfile'] }] } as const satisfies StepSpec;
    const read = (values: Record<string, unknown>) => new InputReader(switches, jsonInputs({ paths: 'p', ...values }));
    expect(read({ flag: 'false', dockerfile: 'D' }).get('flag')).toBe(false);
    expect(read({ flag: ' off ' }).given('flag')).toBe(false);
    expect(() => read({ flag: 'true' })).toThrow(new InputError('flag', "needs 'image' as well"));
    expect(() => read({ flag: 'yes', image: 'i', dockerfile: 'D' })).toThrow(new InputError('dockerfile', "was given together with 'flag': give 'flag' or 'dockerfile', not both"));
  });

  test('a value equal to the default counts as not given: GitHub passes every default', () => {
    const withDefault = { ...spec, relations: [{ exclusive: ['name', 'image'] }] } as const satisfies StepSpec;
    const read = (values: Record<string, unknown>) => new InputReader(withDefault, jsonInputs({ paths: 'p', ...values }));
    expect(read({ name: ' demo ', image: 'python:3' }).given('name')).toBe(false);
    expect(() => read({ name: 'other', image: 'python:3' })).toThrow(new InputError('image', "was given together with 'name': give 'name' or 'image', not both"));
  });

  test('an exclusive relation marked required needs exactly one', () => {
    const oneOf = { ...spec, relations: [{ exclusive: ['image', 'dockerfile'], required: true }] } as const satisfies StepSpec;
    expect(() => new InputReader(oneOf, jsonInputs({ paths: 'p' }))).toThrow(new InputError('image', "is required: give 'image' or 'dockerfile'"));
    expect(new InputReader(oneOf, jsonInputs({ paths: 'p', dockerfile: 'D' })).get('dockerfile')).toBe('D');
  });

  test('oneOf names the input of an exclusive group that was given, typed by it', () => {
    const image = reader({ image: 'python:3' }).oneOf('image', 'dockerfile');
    expect(image).toEqual({ name: 'image', value: 'python:3' });
    const counted = reader({ count: '4' }).oneOf('count', 'mode');
    expect(counted.name).toBe('count');
    if (counted.name === 'count') {
      const count: number = counted.value; // narrowed by the name: a compile error if it were not
      expect(count).toBe(4);
    }
    expect(() => reader({}).oneOf('image', 'dockerfile')).toThrow(new InputError('image', "is required: give 'image' or 'dockerfile'"));
  });

  test('a relation naming an input the spec lacks is a programming error', () => {
    const broken = { ...spec, relations: [{ input: 'context', requires: ['nope'] }] } as const satisfies StepSpec;
    expect(() => new InputReader(broken, jsonInputs({ paths: 'p' }))).toThrow("step demo reads undeclared input 'nope'");
  });

  test('refuses a value longer than any path before it reaches the file system as ENAMETOOLONG (exit 1)', () => {
    expect(reader({ token: 'x'.repeat(4096) }).get('token')).toHaveLength(4096);
    expect(() => reader({ token: 'x'.repeat(4097) }).get('token')).toThrow(
      new InputError('token', 'got 4097 characters; the value of this input holds at most 4096 (no path, name or URL is longer)'),
    );
    expect(() => reader({ paths: `a\n${'x'.repeat(5000)}` }).get('paths')).toThrow(
      new InputError('paths', 'got 5000 characters; an item of this input holds at most 4096 (no path, name or URL is longer)'),
    );
  });

  test('rejects an input name the step does not have (a typo from Jenkins or the CLI)', () => {
    expect(() => reader({ pathz: 'a' })).toThrow("input 'pathz': is not an input of demo; did you mean 'paths'?");
    expect(() => reader({ zzz: 'a' })).toThrow("input 'zzz': is not an input of demo; its inputs are: paths, flag, count, ratio, mode, token, name, notes, command, env, image, dockerfile, context");
  });
});

describe('raw inputs', () => {
  test('GitHub reads INPUT_<NAME> with hyphens kept; the reader trims it and reads blank as absent, as on every host', () => {
    const raw = envInputs({ INPUT_TOKEN: '  t0ken ', INPUT_NAME: '  ', INPUT_PATHS: 'p' });
    expect(raw.get('token')).toBe('  t0ken ');
    const r = new InputReader(spec, raw);
    expect(r.get('token')).toBe('t0ken');
    expect(r.get('name')).toBe('demo');
  });

  test('secrets come from MLOPS_CI_SECRET_<NAME>, then the env fallback', () => {
    const viaJenkins = withEnvFallbacks(jsonInputs({}), spec, { [secretEnvName('token')]: 's3cret', DEMO_TOKEN: 'other' });
    expect(viaJenkins.get('token')).toBe('s3cret');
    const viaEnv = withEnvFallbacks(jsonInputs({}), spec, { DEMO_TOKEN: 'other' });
    expect(viaEnv.get('token')).toBe('other');
    const given = withEnvFallbacks(jsonInputs({ token: 'given' }), spec, { DEMO_TOKEN: 'other' });
    expect(given.get('token')).toBe('given');
    const blank = withEnvFallbacks(envInputs({ INPUT_TOKEN: '  ' }), spec, { DEMO_TOKEN: 'other' });
    expect(blank.get('token')).toBe('other');
  });

  test("a credential file's path comes from MLOPS_CI_FILE_<NAME> when the input is absent", () => {
    const env = { [credentialFileEnvName('kubeconfig')]: '/jenkins/tmp/secretFiles/kc' };
    expect(withEnvFallbacks(jsonInputs({}), spec, env).get('kubeconfig')).toBe('/jenkins/tmp/secretFiles/kc');
    expect(withEnvFallbacks(jsonInputs({ kubeconfig: 'given.yaml' }), spec, env).get('kubeconfig')).toBe('given.yaml');
    // Only an input that says so: a variable of that shape cannot stand in for another one.
    expect(withEnvFallbacks(jsonInputs({}), spec, { [credentialFileEnvName('name')]: '/x' }).get('name')).toBeUndefined();
  });

  test('MLOPS_CI_INPUTS must be a JSON object', () => {
    expect(parseInputsJson('{"a": [1, "b"]}')).toEqual({ a: [1, 'b'] });
    expect(() => parseInputsJson('[1]')).toThrow("input 'MLOPS_CI_INPUTS': must be a JSON object");
    expect(() => parseInputsJson('{')).toThrow(/is not valid JSON/);
  });

  test('secret env names are shell-safe', () => {
    expect(secretEnvName('github-token')).toBe('MLOPS_CI_SECRET_GITHUB_TOKEN');
    expect(credentialFileEnvName('kube-config')).toBe('MLOPS_CI_FILE_KUBE_CONFIG');
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
