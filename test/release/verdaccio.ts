// A real npm registry for tests: verdaccio 6.8.0 (scripts/provision/verdaccio.sh)
// on 127.0.0.1, with its storage, config and htpasswd users in a temp folder
// and no uplink, so nothing reaches npmjs.org. A user is created through the
// registry's own API, and its token is what `npm publish` authenticates with.
//
//   const registry = await startVerdaccio();
//   registry.url;     // http://127.0.0.1:PORT/
//   registry.token;   // the user's token (NPM_TOKEN)
//   await registry.view('mlops-ci@1.0.0');  // npm view --json, or null when absent
//   await registry.close();
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, spawnCollect } from '../support/bundle.js';

export const VERDACCIO_VERSION = '6.8.0';
const VERDACCIO_BIN = path.join(ROOT, '.cache', 'tools', 'verdaccio', 'node_modules', 'verdaccio', 'bin', 'verdaccio');

export interface Verdaccio {
  readonly url: string;
  /** The token of the user created at start, as `npm adduser` would get it. */
  readonly token: string;
  /** npm as a stranger to this machine: only this registry, a fresh cache, an empty user config. */
  npmEnv(): Record<string, string>;
  /** `npm view <spec> --json`, parsed; null when the registry has no such version. */
  view(spec: string): Promise<Record<string, unknown> | null>;
  /** What verdaccio printed, for a failing test's message. */
  log(): string;
  close(): Promise<void>;
}

function config(storage: string, htpasswd: string): string {
  return [
    `storage: ${JSON.stringify(storage)}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(htpasswd)}`,
    '    max_users: 10',
    // No uplinks: a package is here because the test published it, or not at all.
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(new URL('-/ping', url)).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer ${url}-/ping within 60 s:\n${output()}`);
}

/** Creates a user the way `npm adduser` does (PUT /-/user/org.couchdb.user:<name>) and returns its token. */
async function addUser(url: string, name: string, password: string): Promise<string> {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${encodeURIComponent(name)}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password, type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const body = (await response.json()) as { token?: string };
  if (response.status !== 201 || !body.token) throw new Error(`verdaccio refused the new user (${response.status}): ${JSON.stringify(body)}`);
  return body.token;
}

export async function startVerdaccio(): Promise<Verdaccio> {
  if (!existsSync(VERDACCIO_BIN)) throw new Error(`verdaccio is not installed at ${VERDACCIO_BIN}: run \`bash scripts/provision/verdaccio.sh\``);
  const dir = await mkdtemp(path.join(tmpdir(), 'mlops-ci-verdaccio-'));
  const configFile = path.join(dir, 'config.yaml');
  writeFileSync(configFile, config(path.join(dir, 'storage'), path.join(dir, 'htpasswd')));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const child = spawn(process.execPath, [VERDACCIO_BIN, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
    const token = await addUser(url, 'release-bot', 'a-long-enough-password');
    let clients = 0;
    const npmEnv = (): Record<string, string> => {
      const home = path.join(dir, `client-${++clients}`);
      mkdirSync(home);
      const userconfig = path.join(home, '.npmrc');
      writeFileSync(userconfig, '');
      return {
        PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
        HOME: home,
        npm_config_registry: url,
        npm_config_cache: path.join(home, 'cache'),
        npm_config_userconfig: userconfig,
        npm_config_globalconfig: path.join(home, 'no-global-npmrc'),
        npm_config_update_notifier: 'false',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      };
    };
    const view = async (spec: string): Promise<Record<string, unknown> | null> => {
      const env = npmEnv();
      const run = await spawnCollect(path.join(path.dirname(process.execPath), 'npm'), ['view', spec, '--json'], { cwd: dir, env });
      if (run.code === 0 && run.stdout.trim() !== '') return JSON.parse(run.stdout) as Record<string, unknown>;
      if (/E404|is not in this registry|No match found/.test(run.stdout + run.stderr) || run.stdout.trim() === '') return null;
      throw new Error(`npm view ${spec} failed (${run.code}): ${run.stderr}`);
    };
    return { url, token, npmEnv, view, log: () => output, close };
  } catch (error) {
    await close();
    throw error;
  }
}
