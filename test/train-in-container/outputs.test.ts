/**
 * train-in-container's outputs through the built CLI bundle and the real
 * Docker engine: the command writes into a staging folder beside `outputs`,
 * moved into place only when the run succeeds, and handed back to the caller
 * (uid:gid) whatever `user` the command ran as.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, ROOT, spawnCollect, tempDir, type BundleRun } from '../support/bundle.js';

const IMAGE = 'mlops-ci-python:bookworm';
const FIXTURES = path.join(ROOT, 'test', 'train-in-container', 'fixtures');
const TIMEOUT_MS = 120_000;
/** An ordinary user in the group that owns the docker socket, so "owned by the caller" means something. */
const CALLER_UID = 1000;
const callerGid = (): number => statSync('/var/run/docker.sock').gid;

beforeAll(() => {
  try {
    execFileSync('docker', ['image', 'inspect', IMAGE], { stdio: 'ignore' });
  } catch {
    throw new Error(`docker does not answer or has no ${IMAGE}: run bash scripts/provision/docker.sh`);
  }
});

/** A project folder (the training script and the iris data) owned by the caller. */
function project(): string {
  const dir = tempDir('train-outputs-');
  cpSync(FIXTURES, dir, { recursive: true });
  execFileSync('chown', ['-R', `${CALLER_UID}:${callerGid()}`, dir]);
  chmodSync(dir, 0o755);
  return dir;
}

/** The step run by the caller (uid 1000), as a CI agent's user would. */
function trainAsCaller(dir: string, args: readonly string[]): Promise<BundleRun> {
  const home = tempDir('train-home-');
  chownSync(home, CALLER_UID, callerGid());
  return spawnCollect(process.execPath, [BUNDLE, 'train-in-container', '--image', IMAGE, '--data', 'data', ...args], {
    cwd: dir,
    uid: CALLER_UID,
    gid: callerGid(),
    env: { PATH: process.env['PATH'] ?? '', HOME: home },
  });
}

/** Every path under `dir` (itself included) with its owner uid. */
function ownersUnder(dir: string): Map<string, number> {
  const owners = new Map<string, number>([[dir, statSync(dir).uid]]);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) owners.set(path.join(dir, name), statSync(path.join(dir, name)).uid);
  return owners;
}

/** A command that writes part of its results, then fails. */
const PARTIAL_THEN_FAIL = 'echo partial > "$MLOPS_OUTPUT_DIR/model.pkl"; mkdir -p "$MLOPS_OUTPUT_DIR/checkpoints"; echo 1 > "$MLOPS_OUTPUT_DIR/checkpoints/epoch-1"; exit 3';

describe('a failed run leaves outputs as they were', () => {
  test.each([
    ['as the caller', []],
    ['as root inside (user 0:0), whose files the caller could not remove itself', ['--user', '0:0']],
  ])('%s: no partial files in outputs, no staging folder beside it', async (_name, userArgs) => {
    const dir = project();
    const outputs = path.join(dir, 'out', 'rf');
    mkdirSync(outputs, { recursive: true });
    writeFileSync(path.join(outputs, 'notes.txt'), 'kept\n');
    execFileSync('chown', ['-R', `${CALLER_UID}:${callerGid()}`, path.join(dir, 'out')]);

    const run = await trainAsCaller(dir, ['--command', PARTIAL_THEN_FAIL, '--outputs', 'out/rf', ...userArgs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: the command exited with 3');
    expect(readdirSync(outputs)).toEqual(['notes.txt']);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['rf']);
    expect(JSON.parse(run.stdout)).toMatchObject({ 'exit-code': '3', metrics: '' });
  }, TIMEOUT_MS);

  test('an outputs folder that did not exist is not created by a failed run', async () => {
    const dir = project();
    const run = await trainAsCaller(dir, ['--command', PARTIAL_THEN_FAIL, '--outputs', 'out/new']);
    expect(run.code).toBe(1);
    expect(existsSync(path.join(dir, 'out', 'new'))).toBe(false);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  }, TIMEOUT_MS);
});

test('a successful run moves its files into outputs: what it wrote replaces, what it did not write stays', async () => {
  const dir = project();
  const outputs = path.join(dir, 'out', 'rf');
  mkdirSync(outputs, { recursive: true });
  writeFileSync(path.join(outputs, 'notes.txt'), 'kept\n');
  writeFileSync(path.join(outputs, 'metrics.json'), '{"accuracy": 0}\n');
  execFileSync('chown', ['-R', `${CALLER_UID}:${callerGid()}`, path.join(dir, 'out')]);

  const run = await trainAsCaller(dir, ['--command', 'python3 train.py rf', '--outputs', 'out/rf']);
  if (run.code !== 0) throw new Error(run.stderr);
  expect(readdirSync(outputs).sort()).toEqual(['metrics.json', 'model.pkl', 'notes.txt']);
  expect((JSON.parse(readFileSync(path.join(outputs, 'metrics.json'), 'utf8')) as { accuracy: number }).accuracy).toBeGreaterThan(0.8);
  expect(readFileSync(path.join(outputs, 'notes.txt'), 'utf8')).toBe('kept\n');
  expect(readdirSync(path.join(dir, 'out'))).toEqual(['rf']);
  expect(JSON.parse(run.stdout)).toMatchObject({ outputs, metrics: path.join(outputs, 'metrics.json') });
}, TIMEOUT_MS);

test('a custom user (root inside): the outputs are handed back to the caller', async () => {
  const dir = project();
  const command = 'python3 train.py rf && mkdir -p "$MLOPS_OUTPUT_DIR/extra/deep" && echo x > "$MLOPS_OUTPUT_DIR/extra/deep/file" && id -u';
  const run = await trainAsCaller(dir, ['--command', command, '--outputs', 'out/rf', '--user', '0:0']);
  if (run.code !== 0) throw new Error(run.stderr);
  expect(run.stderr).toMatch(/\n0\n/); // it did run as root inside
  const owners = ownersUnder(path.join(dir, 'out', 'rf'));
  expect(owners.size).toBe(6);
  for (const [file, uid] of owners) expect({ file, uid }).toEqual({ file, uid: CALLER_UID });
}, TIMEOUT_MS);

test('outputs that is a symbolic link to a folder: the files land in that folder, the link stays', async () => {
  const dir = project();
  const real = path.join(dir, 'models-store');
  mkdirSync(real);
  mkdirSync(path.join(dir, 'out'));
  symlinkSync(real, path.join(dir, 'out', 'rf'));
  execFileSync('chown', ['-R', '-h', `${CALLER_UID}:${callerGid()}`, real, path.join(dir, 'out')]);

  const run = await trainAsCaller(dir, ['--command', 'python3 train.py rf', '--outputs', 'out/rf']);
  if (run.code !== 0) throw new Error(run.stderr);
  expect(lstatSync(path.join(dir, 'out', 'rf')).isSymbolicLink()).toBe(true);
  expect(readdirSync(real).sort()).toEqual(['metrics.json', 'model.pkl']);
}, TIMEOUT_MS);
