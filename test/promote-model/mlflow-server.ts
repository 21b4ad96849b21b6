/**
 * A real `mlflow server` (from the test venv, .cache/venv) on 127.0.0.1: a
 * sqlite backend store and a local artifact root in a temp folder, artifacts
 * served through the server (`mlflow-artifacts:`), as a team would run it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT, tempDir } from '../support/bundle.js';

export const MLFLOW = path.join(ROOT, '.cache', 'venv', 'bin', 'mlflow');

export interface MlflowServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** The folder behind `--artifacts-destination` (a fault test can break it). */
  readonly artifactsDir: string;
  stop(): Promise<void>;
}

export async function startMlflowServer(): Promise<MlflowServer> {
  if (!existsSync(MLFLOW)) throw new Error(`${MLFLOW} is missing: run bash scripts/provision/python-venv.sh`);
  const dir = tempDir('mlflow-');
  const port = await freePort();
  const child = spawn(
    MLFLOW,
    ['server', '--host', '127.0.0.1', '--port', String(port), '--workers', '1', '--backend-store-uri', `sqlite:///${dir}/mlflow.db`, '--artifacts-destination', path.join(dir, 'artifacts')],
    { cwd: dir, env: { PATH: process.env['PATH'] ?? '', HOME: dir, MLFLOW_TRACKING_URI: '' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => log);
  return { url, artifactsDir: path.join(dir, 'artifacts'), stop: () => stop(child) };
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mlflow server exited with ${child.exitCode}:\n${log()}`);
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop(child);
  throw new Error(`mlflow server did not answer on ${url} within 90 s:\n${log()}`);
}

/** The server forks workers: end the whole process group it leads. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
