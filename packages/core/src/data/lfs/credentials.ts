/**
 * Credentials for an LFS server, as git-lfs finds them, without git-lfs:
 * `user:password@` in the configured URL; else `GITHUB_TOKEN` for
 * github.com (as `x-access-token`, the way actions/checkout's token
 * authenticates); else git's credential helpers through `git credential fill`,
 * asked only once the server answered 401. git never prompts: a CI job has
 * no one to answer.
 */
import { execCapture, type ExecPlace } from '../../exec.js';

export interface Credential {
  readonly username: string;
  readonly password: string;
}

/** `GITHUB_TOKEN` for an endpoint on github.com (or on the GitHub server the run is on). */
export function githubToken(endpoint: string, env: Readonly<NodeJS.ProcessEnv>): Credential | undefined {
  const token = env['GITHUB_TOKEN'];
  if (!token) return undefined;
  const host = new URL(endpoint).hostname.toLowerCase();
  const serverHost = hostOf(env['GITHUB_SERVER_URL']);
  return host === 'github.com' || (serverHost !== undefined && host === serverHost) ? { username: 'x-access-token', password: token } : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Asks git's credential helpers for `url`'s credentials: the request is
 * written to stdin (never a command line), the answer read from stdout.
 * Undefined when no helper has one.
 */
export async function gitCredentialFill(url: string, place: ExecPlace): Promise<Credential | undefined> {
  const { protocol, host, pathname } = new URL(url);
  const request = `protocol=${protocol.replace(/:$/, '')}\nhost=${host}\npath=${pathname.replace(/^\//, '')}\n\n`;
  const env = { ...place.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' };
  const result = await execCapture('git', ['credential', 'fill'], { cwd: place.cwd, env, input: request, ignoreReturnCode: true, timeoutMs: 60_000 });
  if (result.exitCode !== 0) return undefined;
  const fields = new Map(
    result.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  const username = fields.get('username');
  const password = fields.get('password');
  return username !== undefined && password !== undefined ? { username, password } : undefined;
}

export function basicAuthorization(credential: Credential): string {
  return `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
}
