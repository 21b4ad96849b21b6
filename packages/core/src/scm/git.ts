import { execCapture, type ExecPlace } from '../exec.js';

/** Where git runs: a folder in the repository, and the step's environment (`host.context.env`) it runs with. */
export type GitPlace = ExecPlace;

export interface RevParseOptions {
  /**
   * Optional. Throw when git cannot be run at all (not installed, no folder
   * at `cwd`) instead of answering null. For a caller to whom null means "no
   * such commit" and acts on it (a registry reading a version tag), a git
   * that never ran must not pass for an absent ref. Defaults to false: the
   * run context and other best-effort lookups treat it as unknown.
   */
  readonly throwIfGitCannotRun?: boolean;
}

/** The commit `rev` names (`git rev-parse <rev>^{commit}`), or null outside a repository / for an unknown rev. */
export async function revParse(at: GitPlace, rev: string, options: RevParseOptions = {}): Promise<string | null> {
  const run = execCapture('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { ...at, ignoreReturnCode: true });
  const result = options.throwIfGitCannotRun ? await run : await run.catch(() => null);
  return result && result.exitCode === 0 ? result.stdout.trim() : null;
}

/** The parents of a commit (two for a merge). */
export async function parentsOf(at: GitPlace, rev: string): Promise<string[]> {
  const result = await execCapture('git', ['rev-list', '--parents', '-n', '1', rev], { ...at, ignoreReturnCode: true }).catch(() => null);
  if (!result || result.exitCode !== 0) return [];
  return result.stdout.trim().split(/\s+/).slice(1);
}

export async function remoteUrl(at: GitPlace, remote = 'origin'): Promise<string | null> {
  const result = await execCapture('git', ['remote', 'get-url', remote], { ...at, ignoreReturnCode: true }).catch(() => null);
  return result && result.exitCode === 0 ? result.stdout.trim() : null;
}

/** The names of the repository's remotes (`origin`, …); [] outside a repository. */
export async function remoteNames(at: GitPlace): Promise<string[]> {
  const result = await execCapture('git', ['remote'], { ...at, ignoreReturnCode: true }).catch(() => null);
  return result && result.exitCode === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}

/** Whether the clone is shallow, as actions/checkout leaves it by default (depth 1). */
export async function isShallow(at: GitPlace): Promise<boolean> {
  const result = await execCapture('git', ['rev-parse', '--is-shallow-repository'], { ...at, ignoreReturnCode: true });
  return result.exitCode === 0 && result.stdout.trim() === 'true';
}

/** What `git fetch` of one ref came to: the commit it names, or why there is none. */
export type FetchedRef =
  | { readonly kind: 'fetched'; readonly commit: string }
  | { readonly kind: 'no-such-ref'; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string };

/**
 * `git fetch [--depth=1] <remote> <ref>` (argv, never a shell), then the commit
 * FETCH_HEAD names. `shallow` keeps a shallow clone shallow; a full clone is
 * fetched in full, because `--depth` would make it shallow.
 */
export async function fetchRef(at: GitPlace, remote: string, ref: string, shallow: boolean): Promise<FetchedRef> {
  const depth = shallow ? ['--depth=1'] : [];
  // No terminal prompt for credentials: a CI step must fail, not wait for a password nobody types.
  const env = { ...at.env, GIT_TERMINAL_PROMPT: '0' };
  const result = await execCapture('git', ['fetch', '--quiet', '--no-tags', ...depth, remote, ref], { cwd: at.cwd, env, ignoreReturnCode: true });
  const detail = withoutCredentials(result.stderr.trim().split('\n').slice(-3).join(' '));
  if (result.exitCode !== 0) {
    // The remote answered and has no such ref (a branch, a tag, or a commit it does not advertise).
    const unknown = /couldn't find remote ref|not our ref|invalid refspec|no such remote ref|unadvertised object/i.test(result.stderr);
    return { kind: unknown ? 'no-such-ref' : 'failed', detail };
  }
  const commit = await revParse(at, 'FETCH_HEAD');
  return commit ? { kind: 'fetched', commit } : { kind: 'no-such-ref', detail: `${ref} at ${remote} is not a commit` };
}

/** A remote URL in git's message may carry a token (`https://x-access-token:…@host`): never print it. */
function withoutCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s]+@/gi, '$1***@');
}

/** What `<commit>:<path>` holds: a file's text, another kind of object (a folder), or nothing. */
export type TreeEntry =
  | { readonly kind: 'file'; readonly text: string }
  | { readonly kind: 'not-a-file'; readonly type: string }
  | { readonly kind: 'absent' };

/** The file at `path` in `commit` (a commit that exists: see revParse). */
export async function fileAt(at: GitPlace, commit: string, path: string): Promise<TreeEntry> {
  const object = `${commit}:${path}`;
  const type = await execCapture('git', ['cat-file', '-t', object], { ...at, ignoreReturnCode: true });
  if (type.exitCode !== 0) return { kind: 'absent' };
  if (type.stdout.trim() !== 'blob') return { kind: 'not-a-file', type: type.stdout.trim() };
  return { kind: 'file', text: (await execCapture('git', ['cat-file', 'blob', object], at)).stdout };
}

/**
 * owner/repo from a GitHub-style URL: https://host/owner/repo(.git), git@host:owner/repo.git,
 * or a PR URL https://host/owner/repo/pull/12 (Jenkins' CHANGE_URL).
 */
export function parseRepositoryUrl(url: string): { owner: string; repo: string } | null {
  const match = /^(?:[a-z+]+:\/\/[^/]+\/|[^@\s]+@[^:\s]+:)([^/\s]+)\/([^/\s]+?)(?:\.git)?(?:\/.*)?$/i.exec(url.trim());
  if (!match) return null;
  return { owner: match[1] as string, repo: match[2] as string };
}
