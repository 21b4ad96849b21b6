/**
 * A real OCI registry for tests: the CNCF Distribution registry on a free
 * 127.0.0.1 port with its storage in a temp folder, provisioned by
 * scripts/provision/registry.sh. Docker speaks plain HTTP to a loopback
 * registry without any daemon setting (127.0.0.0/8 is always an insecure
 * registry), so `docker push 127.0.0.1:<port>/<repo>:<tag>` just works.
 *
 * Requests go through a small counting proxy in front of it, so a test can
 * tell that a run pushed nothing (no PUT, PATCH or POST reached the registry).
 * The proxy runs in the test's own process: talk to the registry with async
 * child processes only (`spawnCollect`), as a synchronous one would block it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './bundle.js';
import { freePort } from './s3-server.js';

export const REGISTRY = path.join(ROOT, '.cache', 'tools', 'bin', 'registry');

export interface RegistryServer {
  /** `127.0.0.1:<port>`: the host part of image references pushed to it. */
  readonly host: string;
  /** Requests that reached the registry, by method, since the start or the last `resetCounts()`. */
  counts(): Readonly<Record<string, number>>;
  resetCounts(): void;
  /** `Docker-Content-Digest` of `HEAD /v2/<repository>/manifests/<tag>`, or null when there is none. */
  manifestDigest(repository: string, tag: string): Promise<string | null>;
  stop(): Promise<void>;
}

const MANIFEST_TYPES = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';

export async function startRegistry(): Promise<RegistryServer> {
  if (!existsSync(REGISTRY)) throw new Error(`${REGISTRY} is missing: run bash scripts/provision/registry.sh`);
  const base = mkdtempSync(path.join(os.tmpdir(), 'registry-'));
  const registryPort = await freePort();
  const config = path.join(base, 'config.yml');
  writeFileSync(
    config,
    ['version: 0.1', 'log:', '  level: error', '  accesslog:', '    disabled: true', 'storage:', '  filesystem:', `    rootdirectory: ${path.join(base, 'storage')}`, 'http:', `  addr: 127.0.0.1:${registryPort}`, ''].join('\n'),
  );
  const child = spawn(REGISTRY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitUntilAnswering(registryPort, child, () => stderr);

  let counts: Record<string, number> = {};
  const proxy = http.createServer((request, response) => {
    const method = request.method ?? 'GET';
    counts[method] = (counts[method] ?? 0) + 1;
    // The Host header goes through unchanged, so the upload URLs the registry hands out point back at the proxy.
    const upstream = http.request({ host: '127.0.0.1', port: registryPort, method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', (err) => response.destroy(err));
    request.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  const host = `127.0.0.1:${port}`;

  return {
    host,
    counts: () => ({ ...counts }),
    resetCounts: () => {
      counts = {};
    },
    async manifestDigest(repository, tag) {
      // Straight to the registry: the check must not count as the step's traffic.
      const response = await fetch(`http://127.0.0.1:${registryPort}/v2/${repository}/manifests/${tag}`, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES } });
      return response.ok ? response.headers.get('docker-content-digest') : null;
    },
    async stop() {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await stopProcess(child);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

async function waitUntilAnswering(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`registry exited with ${child.exitCode}: ${stderr()}`);
    const answered = await fetch(`http://127.0.0.1:${port}/v2/`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`registry did not answer on 127.0.0.1:${port} within 10s: ${stderr()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
