/**
 * setup-env refuses bad input through the built bundle: exit 2, one message
 * naming the input and what was found, no stack trace, nothing created.
 */
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/bundle.js';
import { project, requireTools, setupEnv, toolEnv } from './support.js';

beforeAll(requireTools);

describe('bad input: exit 2, a message naming the input and what was found, nothing created', () => {
  const cases: Array<[string, string, (dir: string) => void, string[], RegExp]> = [
    ['an unknown manager', 'pip-pure', () => undefined, ['--manager', 'npm'], /input 'manager': got 'npm', expected one of: auto, venv, pipenv, poetry, uv, conda, mamba, micromamba/],
    ['a forced manager without its lock file', 'pip-pure', () => undefined, ['--manager', 'poetry'], /input 'manager': poetry needs poetry\.lock in \S+ \(or the lock-file input\); found: constraints\.txt, requirements\.txt/],
    ['a Pipfile.lock that does not parse', 'pipenv', (d) => writeFileSync(path.join(d, 'Pipfile.lock'), '{"_meta": {'), [], /input 'lock-file': \S+Pipfile\.lock does not parse as JSON/],
    ['a poetry.lock that does not parse', 'poetry', (d) => writeFileSync(path.join(d, 'poetry.lock'), '[[package]\nname = "six"\n'), [], /input 'lock-file': \S+poetry\.lock does not parse as TOML/],
    ['a uv.lock that is not a uv lock', 'uv', (d) => writeFileSync(path.join(d, 'uv.lock'), 'name = "x"\n'), [], /input 'lock-file': \S+uv\.lock is not a uv lock file/],
    ['an environment.yml that does not parse', 'conda', (d) => writeFileSync(path.join(d, 'environment.yml'), 'dependencies: [python=3.11\n'), ['--manager', 'micromamba'], /input 'lock-file': \S+environment\.yml does not parse as YAML/],
    ['a requirements line pip would reject', 'pip-pure', (d) => writeFileSync(path.join(d, 'requirements.txt'), 'six==1.17.0\npython-dateutil >= = 2\n'), [], /input 'requirements': \S+requirements\.txt line 2 is not a requirement pip understands: 'python-dateutil >= = 2'/],
    ['a python-version no interpreter satisfies', 'pip-pure', () => undefined, ['--python-version', '2.1'], /input 'python-version': no interpreter matches '2\.1'; found \d+\.\d+\.\d+ \(\/\S+, PATH\)/],
    ['a .python-version no interpreter satisfies', 'pip-pure', (d) => writeFileSync(path.join(d, '.python-version'), '2.1\n'), [], /input 'python-version': no interpreter matches '2\.1'; found /],
    ['a python-version that is not a version', 'pip-pure', () => undefined, ['--python-version', 'latest'], /input 'python-version': got 'latest', expected a version such as 3\.11/],
    ['nothing to build from', 'pip-pure', (d) => ['requirements.txt', 'constraints.txt'].forEach((f) => rmSync(path.join(d, f))), [], /input 'manager': auto found nothing to build an env from in \S+ \(found no requirements/],
    ['a missing working directory', 'pip-pure', () => undefined, ['--working-directory', 'nope'], /input 'working-directory': got 'nope', which is not a folder/],
    ['an env-name that is the project itself', 'pip-pure', () => undefined, ['--env-name', '.'], /input 'env-name': got '\.', which is the project folder/],
    ['an extra that is not a name', 'uv', () => undefined, ['--extras', 'yaml;rm -rf /'], /input 'extras': got 'yaml;rm -rf \/'/],
    ['a cache-key-suffix with a comma', 'uv', () => undefined, ['--cache-key-suffix', 'a,b'], /input 'cache-key-suffix': got 'a,b'/],
    ['a cache-url that is a file', 'pip-pure', (d) => writeFileSync(path.join(d, 'cache.tar'), 'not a folder\n'), ['--cache-url', 'cache.tar'], /input 'cache-url': got 'cache\.tar': \S+cache\.tar exists and is not a folder/],
    ['a cache-url below a file', 'pip-pure', (d) => writeFileSync(path.join(d, 'cache.tar'), 'not a folder\n'), ['--cache-url', 'cache.tar/envs'], /input 'cache-url': got 'cache\.tar\/envs': a part of \S+cache\.tar\/envs is a file, not a folder/],
    ['a file:// cache-url that is a device', 'pip-pure', () => undefined, ['--cache-url', 'file:///dev/null'], /input 'cache-url': got 'file:\/\/\/dev\/null': \/dev\/null exists and is not a folder/],
  ];
  test.each(cases)('%s', async (_name, fixture, spoil, args, message) => {
    const dir = project(fixture);
    spoil(dir);
    const run = await setupEnv(args, toolEnv(), dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(dir, '.venv'))).toBe(false);
  }, 30_000);
});

test('a Python older than the minimum first on PATH: exit 2 naming python-version and 3.8, not a traceback from the env it built', async () => {
  // A python3 that answers the discovery probe (executable, version, "in a venv") as 3.7.17 does.
  const bin = tempDir('old-python-');
  writeFileSync(path.join(bin, 'python3'), `#!/bin/sh\nprintf '%s\\n' "$0" 3.7.17 0\n`);
  chmodSync(path.join(bin, 'python3'), 0o755);
  const dir = project('pip-pure');
  const env = toolEnv();
  const run = await setupEnv([], { ...env, PATH: `${bin}${path.delimiter}${env['PATH']}` }, dir);
  expect({ code: run.code, stderr: run.stderr }).toEqual({
    code: 2,
    stderr: expect.stringContaining(`input 'python-version': not given, and the default interpreter is Python 3.7.17 (${path.join(bin, 'python3')}, PATH), older than 3.8, the oldest setup-env supports`),
  });
  expect(run.stderr).not.toMatch(/Traceback|\n\s+at /);
  expect(existsSync(path.join(dir, '.venv'))).toBe(false);
}, 30_000);

test('environment.yml without micromamba, mamba or conda on PATH fails (exit 1) before any work', async () => {
  const dir = project('conda');
  const run = await setupEnv([], { ...toolEnv(), PATH: path.dirname(process.execPath) }, dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('environment.yml needs micromamba, mamba, conda on PATH, and none was found');
  expect(existsSync(path.join(dir, '.venv'))).toBe(false);
});
