/**
 * toxiproxy (Shopify's fault proxy, provisioned by scripts/provision/toxiproxy.sh)
 * between data-pull and versitygw: real TCP connections cut or reset at chosen points.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/bundle.js';
import { freePort } from '../support/s3-server.js';

export const TOXIPROXY = path.join(ROOT, '.cache', 'tools', 'bin', 'toxiproxy-server');

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: the proxied endpoint. */
  readonly endpoint: string;
  /** Adds a toxic (https://github.com/Shopify/toxiproxy#toxics) to the connections from now on. */
  addToxic(toxic: { name: string; type: string; stream?: 'upstream' | 'downstream'; toxicity?: number; attributes: Record<string, number> }): Promise<void>;
  removeToxic(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  if (!existsSync(TOXIPROXY)) throw new Error(`${TOXIPROXY} is missing: run bash scripts/provision/toxiproxy.sh`);
  const apiPort = await freePort();
  const listenPort = await freePort();
  const child: ChildProcess = spawn(TOXIPROXY, ['-host', '127.0.0.1', '-port', String(apiPort)], { stdio: 'ignore' });
  const api = `http://127.0.0.1:${apiPort}`;
  const call = async (method: string, route: string, body?: unknown): Promise<void> => {
    const response = await fetch(`${api}${route}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    if (!response.ok) throw new Error(`toxiproxy ${method} ${route}: ${response.status} ${await response.text()}`);
  };
  for (let i = 0; ; i++) {
    try {
      await call('GET', '/version');
      break;
    } catch (err) {
      if (i > 100 || child.exitCode !== null) throw new Error(`toxiproxy did not start: ${(err as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await call('POST', '/proxies', { name: 's3', listen: `127.0.0.1:${listenPort}`, upstream: new URL(upstream).host, enabled: true });
  return {
    endpoint: `http://127.0.0.1:${listenPort}`,
    addToxic: (toxic) => call('POST', '/proxies/s3/toxics', { stream: 'downstream', toxicity: 1, ...toxic }),
    removeToxic: (name) => call('DELETE', `/proxies/s3/toxics/${name}`),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
