import { execCapture } from '../exec.js';

/** `git rev-parse <rev>`, or null outside a repository / for an unknown rev. */
export async function revParse(cwd: string, rev: string): Promise<string | null> {
  const result = await execCapture('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd, ignoreReturnCode: true }).catch(() => null);
  return result && result.exitCode === 0 ? result.stdout.trim() : null;
}

/** The parents of a commit (two for a merge). */
export async function parentsOf(cwd: string, rev: string): Promise<string[]> {
  const result = await execCapture('git', ['rev-list', '--parents', '-n', '1', rev], { cwd, ignoreReturnCode: true }).catch(() => null);
  if (!result || result.exitCode !== 0) return [];
  return result.stdout.trim().split(/\s+/).slice(1);
}

export async function remoteUrl(cwd: string, remote = 'origin'): Promise<string | null> {
  const result = await execCapture('git', ['remote', 'get-url', remote], { cwd, ignoreReturnCode: true }).catch(() => null);
  return result && result.exitCode === 0 ? result.stdout.trim() : null;
}

/** `git show <ref>:<path>`: the file's text at that ref, or null when the file or ref doesn't exist. */
export async function showFile(cwd: string, ref: string, path: string): Promise<string | null> {
  const result = await execCapture('git', ['show', `${ref}:${path}`], { cwd, ignoreReturnCode: true });
  return result.exitCode === 0 ? result.stdout : null;
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
