import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { checkRequirements, parseEnvironmentYml } from '../../src/env/project-files.js';

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', '..', 'test', 'setup-env', 'fixtures');

describe('environment.yml, parsed as conda reads it', () => {
  test('the fixture: name, channels, conda packages, the pip section and the python pin', () => {
    const file = path.join(FIXTURES, 'conda', 'environment.yml');
    expect(parseEnvironmentYml(readFileSync(file, 'utf8'), file, 'lock-file')).toEqual({
      file,
      name: 'fixture-conda',
      channels: ['conda-forge', 'nodefaults'],
      dependencies: ['python=3.11', 'numpy=1.26', 'pip'],
      pip: ['python-dateutil==2.9.0.post0'],
      python: '3.11',
    });
  });

  test.each([
    ['conda-forge::python=3.10.*', '3.10'],
    ['python>=3.9', '3.9'],
    ['python=3.11.9=hb806964_0_cpython', '3.11.9'],
    ['python', null],
  ])('the python pin of %s is %s', (spec, pin) => {
    const text = `dependencies:\n  - ${spec}\n  - scikit-learn\n`;
    expect(parseEnvironmentYml(text, 'environment.yml', 'lock-file').python).toBe(pin);
  });

  test('an environment.yml exported by `conda env export` (prefix, build strings) parses', () => {
    const text = [
      'name: iris',
      'channels:',
      '  - defaults',
      'dependencies:',
      '  - _libgcc_mutex=0.1=main',
      '  - python=3.11.9=h955ad1f_0',
      '  - pip=24.0=py311h06a4308_0',
      '  - pip:',
      '    - mlflow==2.14.1',
      'prefix: /opt/conda/envs/iris',
      '',
    ].join('\n');
    const env = parseEnvironmentYml(text, 'environment.yml', 'lock-file');
    expect(env.pip).toEqual(['mlflow==2.14.1']);
    expect(env.python).toBe('3.11.9');
  });

  test.each([
    ['not YAML', 'dependencies: [python\n', /does not parse as YAML/],
    ['no dependencies', 'name: x\nchannels: [conda-forge]\n', /expected a mapping with a 'dependencies' list/],
    ['channels not a list of names', 'channels: {a: 1}\ndependencies: [python]\n', /'channels' must be a list of channel names/],
    ['a dependency that is neither', 'dependencies:\n  - {npm: [left-pad]}\n', /is neither a package spec nor a 'pip:' list/],
  ])('rejects %s with an InputError naming lock-file', (_name, text, message) => {
    expect(() => parseEnvironmentYml(text, 'environment.yml', 'lock-file')).toThrow(InputError);
    expect(() => parseEnvironmentYml(text, 'environment.yml', 'lock-file')).toThrow(message);
  });
});

describe('requirements files', () => {
  test('every form pip accepts passes', () => {
    const text = [
      '# comment',
      '--index-url https://pypi.org/simple',
      '-r base.txt',
      '-c constraints.txt',
      'numpy==1.26.4  # pinned',
      'scikit-learn>=1.3,<1.6',
      'requests[socks,security] ~= 2.31',
      'torch==2.3.0; platform_machine == "x86_64"',
      'mypkg @ https://example.com/mypkg-1.0.tar.gz',
      'markupsafe==3.0.2 \\',
      '    --hash=sha256:0bff5e0ae4ef2e1ae4fdf2dfd5b76c75e5c2fa4132d05fc1b0dabcd20c7e28c4',
      '-e .',
      './local/pkg',
      'https://example.com/x-1.0-py3-none-any.whl',
      'zope.interface',
    ].join('\n');
    expect(() => checkRequirements(text, 'requirements.txt', 'requirements')).not.toThrow();
  });

  test.each(['numpy == = 1', '{numpy}', 'numpy==1.0 garbage'])('%p is refused with its line number', (line) => {
    expect(() => checkRequirements(`six\n${line}\n`, 'r.txt', 'requirements')).toThrow(`input 'requirements': r.txt line 2 is not a requirement pip understands: '${line}'`);
  });
});

test('a refused line after a continued one is named by its own line number', () => {
  const text = 'markupsafe==3.0.2 \\\n    --hash=sha256:0bff\nsix==1.17.0\nsix = = 1\n';
  expect(() => checkRequirements(text, 'r.txt', 'requirements')).toThrow("r.txt line 4 is not a requirement pip understands: 'six = = 1'");
});
