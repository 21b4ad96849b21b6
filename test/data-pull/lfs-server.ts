/**
 * git-lfs's own test server (lfstest-gitserver, built by scripts/provision/lfs.sh)
 * on 127.0.0.1: git smart HTTP for the bare repositories in its folder, plus
 * the LFS batch API and object storage (in memory), which asks for Basic
 * credentials `user:pass` on /info/lfs. And a git HOME whose credential
 * helper answers them, for the real `git lfs` client and for data-pull.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../support/bundle.js';

export const LFSTEST_GITSERVER = path.join(ROOT, '.cache', 'tools', 'bin', 'lfstest-gitserver');
/** The password the server takes for user `user` (its source: skipIfBadAuth). */
export const LFS_PASSWORD = 'pass';

export interface LfsServer {
  /** `http://127.0.0.1:<port>`: a repository `name` is `<url>/<name>`. */
  readonly url: string;
  /** Where the bare repositories live. */
  readonly repos: string;
  /**
   * The server's log (one line per request: `storage GET <oid>`, `git lfs
   * POST …/objects/batch`) once every request answered before this call is
   * in it: a marker request is sent and its line awaited, since the server
   * logs each request as it arrives, in order, through the one pipe.
   */
  settledLog(): Promise<string>;
  stop(): Promise<void>;
}

export async function startLfsServer(): Promise<LfsServer> {
  if (!existsSync(LFSTEST_GITSERVER)) throw new Error(`${LFSTEST_GITSERVER} is missing: run bash scripts/provision/lfs.sh`);
  const dir = tempDir('lfs-server-');
  const repos = path.join(dir, 'repos');
  mkdirSync(repos);
  // It writes its URLs, certificates and keys to these files (its writeTestStateFile).
  const state = ['URL', 'SSL_URL', 'CLIENT_CERT_URL', 'CERT', 'CLIENT_CERT', 'CLIENT_KEY', 'CLIENT_KEY_ENCRYPTED'];
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: dir, LFSTEST_DIR: repos };
  for (const name of state) env[`LFSTEST_${name}`] = path.join(dir, name.toLowerCase());
  const child: ChildProcess = spawn(LFSTEST_GITSERVER, [], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const urlFile = path.join(dir, 'url');
  for (let i = 0; !(existsSync(urlFile) && readFileSync(urlFile, 'utf8').startsWith('http')); i++) {
    if (i > 200 || child.exitCode !== null) throw new Error(`lfstest-gitserver did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const url = readFileSync(urlFile, 'utf8').trim();
  let markers = 0;
  return {
    url,
    repos,
    async settledLog() {
      // Not 64 hex digits: never counted as an object sent. The server answers it 404.
      const marker = `settled-${++markers}`;
      const answer = await fetch(`${url}/storage/${marker}?r=markers`);
      await answer.body?.cancel();
      for (let i = 0; !log.includes(` storage GET ${marker} `); i++) {
        if (i > 400 || child.exitCode !== null) throw new Error(`lfstest-gitserver never logged the marker request ${marker}:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return log;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A HOME for git: identity, git-lfs's filters (`git lfs install`), and a
 * credential helper (a script: git passes it the request on stdin) that
 * answers the test server's credentials.
 */
export function gitHome(): string {
  const home = tempDir('lfs-home-');
  const helper = path.join(home, 'credential-helper.sh');
  writeFileSync(helper, `#!/bin/sh\n[ "$1" = get ] || exit 0\ncat >/dev/null\necho username=user\necho password=${LFS_PASSWORD}\n`);
  chmodSync(helper, 0o755);
  const env = gitEnv(home);
  git(['config', '--global', 'user.name', 'test'], home, env);
  git(['config', '--global', 'user.email', 'test@example.com'], home, env);
  git(['config', '--global', 'init.defaultBranch', 'main'], home, env);
  git(['config', '--global', 'credential.helper', helper], home, env);
  git(['lfs', 'install', '--skip-repo'], home, env);
  return home;
}

export function gitEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...extra };
}

/** Runs git (or `git lfs`) and returns stdout; a failure throws with its stderr. */
export function git(args: readonly string[], cwd: string, env: Record<string, string>): string {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

/** A bare repository on the server that accepts pushes over HTTP. */
export function createRemote(server: LfsServer, name: string, env: Record<string, string>): string {
  const bare = path.join(server.repos, `${name}.git`);
  git(['init', '-q', '--bare', bare], server.repos, env);
  git(['config', 'http.receivepack', 'true'], bare, env);
  return `${server.url}/${name}`;
}
