import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeOf, pathFor, type Runtime } from './runtimes.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = path.join(ROOT, 'dist', 'mlops-ci.js');

export interface BundleOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** The Node to run it on, also first on its PATH (test/support/runtimes.ts). Default: the Node running the tests. */
  readonly runtime?: Runtime;
}

export interface BundleRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the committed bundle as the README says to (`node -- dist/mlops-ci.js ...`:
 * the `--` keeps Node from reading the tool's own `--env-file`),
 * with a clean environment: only what the test passes, plus PATH and HOME,
 * so a CI variable of the machine running the tests can't change the host.
 */
export async function runBundle(args: readonly string[], options: BundleOptions = {}): Promise<BundleRun> {
  return runNode(['--', BUNDLE, ...args], options);
}

/** Runs an action's entrypoint (dist/<step>.js) the way the runner does: `node <main>`, inputs in INPUT_*. */
export async function runActionEntrypoint(step: string, options: BundleOptions = {}): Promise<BundleRun> {
  return runNode([path.join(ROOT, 'dist', `${step}.js`)], options);
}

async function runNode(args: readonly string[], options: BundleOptions): Promise<BundleRun> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  const { runtime } = options;
  return spawnCollect(runtime ? nodeOf(runtime) : process.execPath, args, { cwd: options.cwd, env: bundleEnv(options) });
}

/** The clean environment the bundle runs with (see runBundle), for a test that must start it itself (to signal it). */
export function bundleEnv(options: Pick<BundleOptions, 'env' | 'runtime'> = {}): Record<string, string> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: options.env?.['HOME'] ?? tempDir('home-'), TMPDIR: os.tmpdir(), ...options.env };
  // Also first on PATH, before the test's own PATH: what the bundle starts with `node` runs on it too.
  if (options.runtime) env.PATH = pathFor(options.runtime, env.PATH);
  return env;
}

export interface CollectOptions extends Omit<SpawnOptions, 'stdio'> {
  /** Written to the command's stdin, which is then closed; without it the command has no stdin. */
  readonly input?: string;
}

/** Runs a command and collects what it printed and how it ended (the one spawn-and-collect of the tests). */
export function spawnCollect(command: string, args: readonly string[], options: CollectOptions): Promise<BundleRun> {
  const { input, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = input === undefined ? spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(command, args, { ...spawnOptions, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin?.end(input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function tempDir(prefix = 'mlops-ci-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
