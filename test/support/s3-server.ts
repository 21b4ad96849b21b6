/**
 * A real S3 server for tests: versitygw (Apache-2.0) on 127.0.0.1 with a
 * POSIX backend in a temp folder, provisioned by scripts/provision/versitygw.sh.
 * Buckets are made through the S3 API itself; versioning is switched on per
 * bucket when asked (the gateway always starts with a versioning folder).
 */
import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './bundle.js';

export const VERSITYGW = path.join(ROOT, '.cache', 'tools', 'bin', 'versitygw');

export interface S3Server {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
  /** The backend folder: bucket `b` is `<dataDir>/b`. */
  readonly dataDir: string;
  /** A client for the test's own setup (path-style, the server's keys). */
  readonly client: S3Client;
  /** The environment an AWS SDK/CLI needs to reach this server. */
  readonly env: Record<string, string>;
  createBucket(name: string, options?: { versioning?: boolean }): Promise<void>;
  /**
   * Makes every object version report its creation time as LastModified, as
   * S3 does. versitygw 1.8.0 reports the mtime of its backend file, which for
   * a noncurrent version is the time it was archived (superseded), so time
   * travel (`as-of`) tests call this after writing their versions. Creation
   * times come from the version ids, which versitygw makes as ULIDs.
   */
  fixVersionTimes(): void;
  stop(): Promise<void>;
}

export interface S3ServerOptions {
  readonly accessKey?: string;
  readonly secretKey?: string;
  /** Listen on this port (a proxy in front may need to know it); default: a free one. */
  readonly port?: number;
}

export async function startS3Server(options: S3ServerOptions = {}): Promise<S3Server> {
  if (!existsSync(VERSITYGW)) throw new Error(`${VERSITYGW} is missing: run bash scripts/provision/versitygw.sh`);
  const accessKey = options.accessKey ?? 'mlopsci-test-access';
  const secretKey = options.secretKey ?? 'mlopsci-test-secret-key';
  const base = mkdtempSync(path.join(os.tmpdir(), 'versitygw-'));
  const dataDir = path.join(base, 'data');
  const versions = path.join(base, 'versions');
  for (const dir of [dataDir, versions]) mkdirSync(dir);
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(
    VERSITYGW,
    ['--access', accessKey, '--secret', secretKey, '--port', `127.0.0.1:${port}`, '--keep-alive', '--quiet', 'posix', '--versioning-dir', versions, dataDir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: accessKey, secretAccessKey: secretKey } });
  await waitUntilListening(port, child, () => stderr);

  return {
    endpoint,
    accessKey,
    secretKey,
    dataDir,
    client,
    env: { AWS_ACCESS_KEY_ID: accessKey, AWS_SECRET_ACCESS_KEY: secretKey, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: endpoint, AWS_EC2_METADATA_DISABLED: 'true' },
    async createBucket(name, bucketOptions = {}) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
      if (bucketOptions.versioning) await client.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }));
    },
    fixVersionTimes() {
      execFileSync('python3', ['-c', FIX_VERSION_TIMES, dataDir, versions]);
    },
    async stop() {
      client.destroy();
      await stopProcess(child);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Sets each backend file's mtime to the time in its ULID version id (file name in the versioning folder, xattr in the data folder). */
const FIX_VERSION_TIMES = `
import os, sys
ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
def ulid_ms(text):
    if len(text) != 26 or any(c not in ALPHABET for c in text): return None
    value = 0
    for c in text[:10]: value = value * 32 + ALPHABET.index(c)
    return value
for root, in_versions in ((sys.argv[1], False), (sys.argv[2], True)):
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if in_versions:
                version = name
            else:
                try: version = os.getxattr(path, 'user.version-id').decode()
                except OSError: continue
            ms = ulid_ms(version)
            if ms is not None: os.utime(path, (ms / 1000, ms / 1000))
`;

async function waitUntilListening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`versitygw exited with ${child.exitCode}: ${stderr()}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`versitygw did not listen on 127.0.0.1:${port} within 10s: ${stderr()}`);
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
