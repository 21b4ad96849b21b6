import { jest } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommandRunner } from '../../src/env/command.js';
import { chooseInterpreter, describeInterpreters, findInterpreters, MIN_PYTHON, requireSupported, type Interpreter } from '../../src/env/python-discovery.js';
import { parseVersionSpec } from '../../src/env/python-version.js';
import type { Logger } from '../../src/host/types.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, notice: () => undefined, warning: () => undefined, error: () => undefined };

/**
 * A stand-in interpreter: answers the discovery probe (executable, version,
 * "inside a venv") the way a real python does, so layouts of pyenv, uv and
 * the tool cache can be built without installing Pythons.
 */
function fakePython(file: string, version: string, options: { inVenv?: boolean; broken?: boolean } = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const body = options.broken ? 'exit 127' : `printf '%s\\n' "$0" '${version}' '${options.inVenv ? 1 : 0}'`;
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

describe('finding interpreters', () => {
  test('PATH first, then pyenv, uv-managed and the tool cache; venv pythons and broken shims left out', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'py-discovery-'));
    const bin = path.join(root, 'bin');
    fakePython(path.join(bin, 'python3'), '3.11.2');
    fakePython(path.join(bin, 'python3.12'), '3.12.1', { broken: true }); // a pyenv shim of a version not selected
    // A venv whose python links to pyenv's 3.10.13: left out, and pyenv's own still found.
    mkdirSync(path.join(root, 'venv', 'bin'), { recursive: true });
    writeFileSync(path.join(root, 'venv', 'pyvenv.cfg'), 'home = /x\n');
    fakePython(path.join(root, 'pyenv', 'versions', '3.10.13', 'bin', 'python3'), '3.10.13');
    symlinkSync(path.join(root, 'pyenv', 'versions', '3.10.13', 'bin', 'python3'), path.join(root, 'venv', 'bin', 'python3'));
    fakePython(path.join(root, 'venv2', 'bin', 'python3'), '3.11.2', { inVenv: true }); // a venv without pyvenv.cfg: its probe says so
    fakePython(path.join(root, 'uv', 'cpython-3.13.0-linux-x86_64-gnu', 'bin', 'python3'), '3.13.0');
    fakePython(path.join(root, 'toolcache', 'Python', '3.9.18', 'x64', 'bin', 'python3'), '3.9.18');
    const env = {
      PATH: [path.join(root, 'venv', 'bin'), path.join(root, 'venv2', 'bin'), bin, '/nonexistent'].join(path.delimiter),
      HOME: root,
      PYENV_ROOT: path.join(root, 'pyenv'),
      UV_PYTHON_INSTALL_DIR: path.join(root, 'uv'),
      RUNNER_TOOL_CACHE: path.join(root, 'toolcache'),
    };

    const found = await findInterpreters(new CommandRunner(quiet, { cwd: process.cwd(), env: process.env }), env);

    expect(found.map((interpreter) => [interpreter.version, interpreter.source])).toEqual([
      ['3.11.2', 'PATH'],
      ['3.10.13', 'pyenv'],
      ['3.13.0', 'uv'],
      ['3.9.18', 'tool cache'],
    ]);
    expect(found[0]?.executable).toBe(path.join(bin, 'python3'));
  });

  test('with a version to match, installs whose folder names another version are not started', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'py-discovery-'));
    fakePython(path.join(root, 'bin', 'python3'), '3.11.2');
    for (const version of ['3.10.13', '3.12.1']) fakePython(path.join(root, 'pyenv', 'versions', version, 'bin', 'python3'), version);
    fakePython(path.join(root, 'pyenv', 'versions', '3.12', 'bin', 'python3'), '3.12.0'); // a partial name says too little: started
    fakePython(path.join(root, 'uv', 'cpython-3.13.0-linux-x86_64-gnu', 'bin', 'python3'), '3.13.0');
    const env = { PATH: path.join(root, 'bin'), HOME: root, PYENV_ROOT: path.join(root, 'pyenv'), UV_PYTHON_INSTALL_DIR: path.join(root, 'uv') };
    const runner = new CommandRunner(quiet, { cwd: process.cwd(), env: process.env });
    const capture = jest.spyOn(runner, 'capture');

    const found = await findInterpreters(runner, env, { matching: parseVersionSpec('3.12')! });

    const started = capture.mock.calls.map(([file]) => path.relative(root, file));
    expect(started).toEqual(['bin/python3', 'pyenv/versions/3.12/bin/python3', 'pyenv/versions/3.12.1/bin/python3']);
    expect(chooseInterpreter(found, parseVersionSpec('3.12'))?.version).toBe('3.12.1');
  });

  const found: Interpreter[] = [
    { executable: '/usr/bin/python3', version: '3.11.2', source: 'PATH' },
    { executable: '/p/3.12.1/bin/python3', version: '3.12.1', source: 'pyenv' },
    { executable: '/p/3.10.13/bin/python3', version: '3.10.13', source: 'pyenv' },
    { executable: '/t/3.11.9/bin/python3', version: '3.11.9', source: 'tool cache' },
  ];

  test.each([
    ['3.11', '3.11.9'],
    ['>=3.10,<3.12', '3.11.9'],
    ['3.x', '3.12.1'],
    ['3.10', '3.10.13'],
  ])('%s chooses the highest match: %s', (text, version) => {
    expect(chooseInterpreter(found, parseVersionSpec(text))?.version).toBe(version);
  });

  test('without a version, the first found (PATH’s python3); with no match, nothing', () => {
    expect(chooseInterpreter(found, null)?.executable).toBe('/usr/bin/python3');
    expect(chooseInterpreter(found, parseVersionSpec('3.14'))).toBeUndefined();
  });

  test('the list of what was found names version, path and source', () => {
    expect(describeInterpreters(found.slice(0, 2))).toBe('3.11.2 (/usr/bin/python3, PATH); 3.12.1 (/p/3.12.1/bin/python3, pyenv)');
    expect(describeInterpreters([])).toBe('no Python interpreter at all');
  });
});

describe('the minimum Python', () => {
  const at = (version: string): Interpreter => ({ executable: '/usr/bin/python3', version, source: 'PATH' });

  test.each(['3.8.0', '3.8.20', '3.13.0rc1', '4.0.0'])('%s is supported', (version) => {
    expect(requireSupported(at(version), 'python-version', null)).toEqual(at(version));
  });

  test.each(['3.7.17', '3.6.15', '2.7.18'])('%s is bad input of the input that chose it, naming the minimum', (version) => {
    expect(() => requireSupported(at(version), 'python-version-file', parseVersionSpec('>=2'))).toThrow(
      `input 'python-version-file': '>=2' chose Python ${version} (/usr/bin/python3, PATH), older than ${MIN_PYTHON}, the oldest setup-env supports`,
    );
  });
});
