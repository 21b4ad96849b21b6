/**
 * The npm package as a user gets it: `npm pack` of the repository, installed
 * into an empty folder with no registry at hand (`--offline`, an empty npm
 * cache), then `npx mlops-ci …` from that folder. The bundle inlines every
 * library (ncc), so the package declares no dependency and ships only `dist/`
 * (`files` in package.json) beside what npm always adds.
 *
 * Runs on every runtime of test/support/runtimes.ts (Node 20 and 24): the
 * installed command starts through its `#!/usr/bin/env -S node --` line, so
 * the first `node` on PATH runs it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { ROOT, spawnCollect, tempDir, type BundleRun } from '../support/bundle.js';
import { CURRENT, pathFor, RUNTIMES, versionOf, type Runtime } from '../support/runtimes.js';

// Packing 6 MB and installing it takes seconds, more on a busy machine.
jest.setTimeout(180_000);

/** npm and npx of the Node running the tests: the installed package is the subject, not npm. */
const NPM_BIN = path.dirname(process.execPath);

interface PackedFile {
  readonly path: string;
}
interface Packed {
  readonly filename: string;
  readonly files: readonly PackedFile[];
  readonly size: number;
  readonly unpackedSize: number;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

/**
 * A clean environment: the Node under test first on PATH, a fresh HOME, npm
 * cache and temp folder, so neither the machine's npm setup nor a CI variable
 * of the machine running the tests changes what happens.
 */
function cleanEnv(runtime: Runtime): Record<string, string> {
  return {
    PATH: pathFor(runtime, `${NPM_BIN}:${process.env['PATH'] ?? ''}`),
    HOME: tempDir('home-'),
    TMPDIR: tempDir('tmp-'),
    npm_config_cache: tempDir('npm-cache-'),
    npm_config_update_notifier: 'false',
  };
}

function npm(args: readonly string[], cwd: string, env: Record<string, string>): Promise<BundleRun> {
  return spawnCollect(path.join(NPM_BIN, 'npm'), args, { cwd, env });
}

/** `npx --offline`: runs the installed `mlops-ci`; with an empty cache and no network it could fetch none. */
function npx(args: readonly string[], cwd: string, env: Record<string, string>): Promise<BundleRun> {
  return spawnCollect(path.join(NPM_BIN, 'npx'), ['--offline', '--', ...args], { cwd, env });
}

/** Packs the repository as `npm publish` would (the committed bundle; no lifecycle scripts). */
async function pack(): Promise<{ packed: Packed; tarball: string }> {
  const destination = tempDir('pack-');
  const result = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', destination], ROOT, cleanEnv(CURRENT));
  if (result.code !== 0) throw new Error(`npm pack failed (${result.code}): ${result.stderr}`);
  const [packed] = JSON.parse(result.stdout) as [Packed];
  return { packed, tarball: path.join(destination, packed.filename) };
}

let packed: Packed;
let tarball: string;

beforeAll(async () => {
  ({ packed, tarball } = await pack());
});

test('the package holds the bundle and what npm always adds, nothing else', () => {
  const bundle = readdirSync(path.join(ROOT, 'dist')).map((name) => `dist/${name}`);
  const expected = [...bundle, 'LICENSE', 'README.md', 'package.json'].sort();
  expect(packed.files.map((file) => file.path).sort()).toEqual(expected);
});

test('the package declares no dependency: the bundle inlines its libraries, so an install fetches nothing', () => {
  expect(manifest.dependencies ?? {}).toEqual({});
});

describe.each(RUNTIMES)('installed from the tarball, on $name', (runtime) => {
  let app: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    app = tempDir('app-');
    env = cleanEnv(runtime);
    const install = await npm(['install', '--no-audit', '--no-fund', '--offline', tarball], app, env);
    if (install.code !== 0) throw new Error(`npm install of ${tarball} failed (${install.code}): ${install.stderr}`);
    writeFileSync(path.join(app, 'pass.json'), '{"accuracy": 0.9}\n');
    writeFileSync(path.join(app, 'fail.json'), '{"accuracy": 0.2}\n');
  });

  test('npx mlops-ci --version prints the package version', async () => {
    const result = await npx(['mlops-ci', '--version'], app, env);
    expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  test('npx mlops-ci evaluate-and-gate passes a good model (exit 0, outputs on stdout)', async () => {
    // The debug log names the Node that ran it: the one first on PATH.
    const result = await npx(['mlops-ci', 'evaluate-and-gate', '--metrics', 'pass.json', '--rules', 'accuracy >= 0.5', '--comment', 'off'], app, { ...env, MLOPS_CI_DEBUG: '1' });
    expect(result.stderr).not.toMatch(/^error:/m);
    expect(result.stderr).toContain(`runs evaluate-and-gate on Node ${versionOf(runtime)}\n`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ passed: 'true', best: 'pass' });
  });

  test('npx mlops-ci evaluate-and-gate fails a bad model with the gate’s exit code 3', async () => {
    const result = await npx(['mlops-ci', 'evaluate-and-gate', '--metrics', 'fail.json', '--rules', 'accuracy >= 0.5', '--comment', 'off'], app, env);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ passed: 'false' });
  });
});
