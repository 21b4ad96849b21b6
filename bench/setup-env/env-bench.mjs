#!/usr/bin/env node
// setup-env benchmark: a scikit-learn + pandas env, per manager, built
//   - by the plain commands a user would otherwise run (python -m venv && pip install -r,
//     pipenv sync, uv sync, poetry sync),
//   - by `mlops-ci setup-env` on a cache miss (cold: build + save to a directory cache),
//   - by `mlops-ci setup-env` on a cache hit (warm: restore + health check).
// Reported as ratios: warm restore vs cold create (target >= 10x faster) and our cold
// create vs the plain commands (target <= 1.0x). Lock files are made once (not timed) in
// .cache/bench-setup-env. Every contender starts from empty download caches (a fresh runner):
// downloads come from PyPI each time for plain and ours alike.
// Needs the test venv (bash scripts/provision/python-venv.sh) and a built dist/.
// Usage: node bench/setup-env/env-bench.mjs [managers=venv,uv,pipenv,poetry] [runs=1]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const managers = (process.argv[2] ?? 'venv,uv,pipenv,poetry').split(',');
const runs = Number(process.argv[3] ?? 1);
const tools = path.join(root, '.cache', 'venv', 'bin');
const work = path.join(root, '.cache', 'bench-setup-env');
const bundle = path.join(root, 'dist', 'mlops-ci.js');
const PINS = ['scikit-learn==1.5.2', 'pandas==2.2.3'];
const basePath = `${tools}${path.delimiter}${process.env.PATH}`;
const env = { ...process.env, PATH: basePath, PIP_DISABLE_PIP_VERSION_CHECK: '1' };
for (const name of ['UV_CACHE_DIR', 'PIP_CACHE_DIR', 'POETRY_CACHE_DIR', 'VIRTUAL_ENV']) delete env[name];

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { env: { ...env, ...options.env }, cwd: options.cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-3000)}`);
  return result.stdout;
}

/** The interpreter every contender uses: the first non-venv python3 our discovery would pick too. */
const python = run('python3', ['-c', 'import sys; print(getattr(sys, "_base_executable", sys.executable))'], { env: { PATH: process.env.PATH } }).trim();

const PYPROJECT = (name, extra = '') => `[project]\nname = "${name}"\nversion = "0.1.0"\nrequires-python = ">=3.10"\ndependencies = [${PINS.map((pin) => `"${pin}"`).join(', ')}]\n${extra}`;

/** Lock files, made once with the tools themselves. */
function prepare(manager) {
  const dir = path.join(work, manager);
  if (existsSync(path.join(dir, '.locked'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`locking the ${manager} project (once)...\n`);
  if (manager === 'venv') {
    writeFileSync(path.join(dir, 'requirements.in'), `${PINS.join('\n')}\n`);
    writeFileSync(path.join(dir, 'requirements.txt'), run('uv', ['pip', 'compile', '--no-header', '--python', python, 'requirements.in'], { cwd: dir }));
  } else if (manager === 'uv') {
    writeFileSync(path.join(dir, 'pyproject.toml'), PYPROJECT('bench-uv', '\n[tool.uv]\npackage = false\n'));
    run('uv', ['lock', '--python', python], { cwd: dir });
  } else if (manager === 'pipenv') {
    writeFileSync(path.join(dir, 'Pipfile'), `[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n\n[packages]\n${PINS.map((pin) => `${pin.split('==')[0]} = "==${pin.split('==')[1]}"`).join('\n')}\n`);
    run('pipenv', ['lock', '--python', python], { cwd: dir, env: { PIPENV_VENV_IN_PROJECT: '1' } });
    rmSync(path.join(dir, '.venv'), { recursive: true, force: true });
  } else if (manager === 'poetry') {
    // PyPI's JSON API is not reachable here: resolve through the simple index.
    writeFileSync(path.join(dir, 'pyproject.toml'), PYPROJECT('bench-poetry', '\n[tool.poetry]\npackage-mode = false\n\n[[tool.poetry.source]]\nname = "pypi-simple"\nurl = "https://pypi.org/simple/"\npriority = "primary"\n'));
    run('poetry', ['lock'], { cwd: dir });
  }
  writeFileSync(path.join(dir, '.locked'), '');
  return dir;
}

const PLAIN = {
  venv: () => [['sh', ['-c', `"$0" -m venv .venv && .venv/bin/pip install -q -r requirements.txt`, python]]],
  uv: () => [['uv', ['sync', '--locked', '--python', python]]],
  pipenv: () => [['pipenv', ['sync', '--python', python], { PIPENV_VENV_IN_PROJECT: '1' }]],
  poetry: () => [['sh', ['-c', 'poetry env use "$0" >/dev/null && poetry sync', python], { POETRY_VIRTUALENVS_IN_PROJECT: 'true' }]],
};

function copy(manager) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-env-${manager}-`));
  cpSync(prepare(manager), dir, { recursive: true });
  return dir;
}

function seconds(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = [];
for (const manager of managers) {
  const plain = [];
  const buildOnly = [];
  const cold = [];
  const warm = [];
  for (let index = 0; index < runs; index++) {
    const plainDir = copy(manager);
    // A fresh runner: the plain commands start from empty download caches, as setup-env does on a miss.
    const downloads = mkdtempSync(path.join(os.tmpdir(), 'bench-env-downloads-'));
    const fresh = { UV_CACHE_DIR: downloads, PIP_CACHE_DIR: downloads, PIPENV_CACHE_DIR: downloads, POETRY_CACHE_DIR: downloads };
    plain.push(seconds(() => PLAIN[manager](plainDir).forEach(([cmd, args, extraEnv]) => run(cmd, args, { cwd: plainDir, env: { ...fresh, ...extraEnv } }))));
    rmSync(downloads, { recursive: true, force: true });
    const dir = copy(manager);
    const cache = mkdtempSync(path.join(os.tmpdir(), 'bench-env-cache-'));
    const ours = ['setup-env', '--working-directory', dir, '--cache-url', cache, '--python-version', run(python, ['-c', 'import platform; print(platform.python_version())']).trim()];
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-env-tmp-'));
    const buildDir = copy(manager);
    const buildTmp = mkdtempSync(path.join(os.tmpdir(), 'bench-env-tmp-'));
    buildOnly.push(seconds(() => run('node', [bundle, ...ours.map((arg) => (arg === dir ? buildDir : arg)), '--cache', 'false'], { env: { TMPDIR: buildTmp } })));
    for (const folder of [buildDir, buildTmp]) rmSync(folder, { recursive: true, force: true });
    cold.push(seconds(() => run('node', [bundle, ...ours], { env: { TMPDIR: tmp } })));
    rmSync(path.join(dir, '.venv'), { recursive: true, force: true });
    const restored = seconds(() => {
      const outputs = JSON.parse(run('node', [bundle, ...ours], { env: { TMPDIR: tmp } }));
      if (outputs['cache-hit'] !== 'true') throw new Error(`${manager}: the second run was not a cache hit`);
    });
    warm.push(restored);
    for (const folder of [plainDir, dir, cache, tmp]) rmSync(folder, { recursive: true, force: true });
  }
  const row = { manager, plain: median(plain), build: median(buildOnly), cold: median(cold), warm: median(warm) };
  rows.push(row);
  const each = (values) => values.map((value) => value.toFixed(2)).join(', ');
  process.stderr.write(`${manager} runs (s): plain ${each(plain)}; build only ${each(buildOnly)}; cold ${each(cold)}; warm ${each(warm)}\n`);
}

console.log(`setup-env benchmark: ${PINS.join(' + ')}, ${python}, median of ${runs} run(s), ${os.cpus().length} cores`);
console.log('| manager | plain commands | setup-env, cache off (build only) | setup-env cold (build + save) | setup-env warm (restore + check) | warm speed-up vs cold (target >= 10x) | cold vs plain (target <= 1.0x) | build only vs plain |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  console.log(`| ${row.manager} | ${row.plain.toFixed(1)} s | ${row.build.toFixed(1)} s | ${row.cold.toFixed(1)} s | ${row.warm.toFixed(1)} s | ${(row.cold / row.warm).toFixed(1)}x | ${ratio(row.cold, row.plain)} | ${ratio(row.build, row.plain)} |`);
}
