/**
 * A real Cloud Storage API for tests: fake-gcs-server on 127.0.0.1, provisioned
 * by scripts/provision/fake-gcs-server.sh, one per test file. The filesystem
 * backend keeps each object as a plain file (so a test can change its bytes
 * behind the md5 the server recorded); the memory backend is the one that
 * keeps object generations (bucket versioning), which the filesystem backend
 * refuses. The bundle reaches it through STORAGE_EMULATOR_HOST.
 */
import { Storage } from '@google-cloud/storage';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './bundle.js';
import { canConnect, freePort } from './s3-server.js';

export const FAKE_GCS_SERVER = path.join(ROOT, '.cache', 'tools', 'bin', 'fake-gcs-server');

export interface GcsServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** The filesystem backend's root: object `k` of bucket `b` is `<dataDir>/b/k`; undefined on the memory backend. */
  readonly dataDir: string | undefined;
  /** A client for the test's own setup. */
  readonly client: Storage;
  /** The environment the bundle needs to reach this server. */
  readonly env: Record<string, string>;
  createBucket(name: string, options?: { versioning?: boolean }): Promise<void>;
  put(bucket: string, key: string, body: string | Buffer): Promise<void>;
  stop(): Promise<void>;
}

export async function startGcsServer(options: { backend?: 'filesystem' | 'memory' } = {}): Promise<GcsServer> {
  if (!existsSync(FAKE_GCS_SERVER)) throw new Error(`${FAKE_GCS_SERVER} is missing: run bash scripts/provision/fake-gcs-server.sh`);
  const backend = options.backend ?? 'filesystem';
  const base = mkdtempSync(path.join(os.tmpdir(), 'fake-gcs-'));
  const dataDir = backend === 'filesystem' ? path.join(base, 'data') : undefined;
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(
    FAKE_GCS_SERVER,
    [
      '-scheme', 'http', '-host', '127.0.0.1', '-port', String(port),
      '-public-host', `127.0.0.1:${port}`, '-external-url', endpoint, '-log-level', 'error',
      '-backend', backend, ...(dataDir ? ['-filesystem-root', dataDir] : []),
      // -data names a folder of seed objects; an empty one seeds nothing.
      '-data', path.join(base, 'seed'),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitUntilListening(port, child, () => stderr);
  const client = new Storage({ apiEndpoint: endpoint, projectId: 'test' });

  return {
    endpoint,
    dataDir,
    client,
    env: { STORAGE_EMULATOR_HOST: endpoint },
    async createBucket(name, bucketOptions = {}) {
      await client.createBucket(name, bucketOptions.versioning ? { versioning: { enabled: true } } : {});
    },
    async put(bucket, key, body) {
      await client.bucket(bucket).file(key).save(typeof body === 'string' ? Buffer.from(body) : body, { resumable: false });
    },
    async stop() {
      await stopProcess(child);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

async function waitUntilListening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`fake-gcs-server exited with ${child.exitCode}: ${stderr()}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`fake-gcs-server did not listen on 127.0.0.1:${port} within 10s: ${stderr()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
