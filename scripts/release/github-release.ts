// Creates the GitHub release of a tag, its notes the CHANGELOG entry, through
// GITHUB_API_URL (so GitHub Enterprise and the tests' local API work too).
import { getOctokit } from '@actions/github';
import type { ReleasePlan } from './plan.js';

export interface GitHubReleaseOptions {
  readonly token: string;
  /** `owner/repo`, as GITHUB_REPOSITORY gives it. */
  readonly repository: string;
  /** GITHUB_API_URL; https://api.github.com on github.com. */
  readonly apiUrl: string;
}

/** The request body of `POST /repos/{owner}/{repo}/releases`. */
export function releaseRequest(plan: ReleasePlan): { tag_name: string; name: string; body: string; draft: false; prerelease: boolean } {
  return { tag_name: plan.tag, name: plan.tag, body: plan.notes, draft: false, prerelease: plan.channel.kind === 'prerelease' };
}

/** Creates the release and returns its page; a release the tag already has is an error, never replaced. */
export async function createGitHubRelease(plan: ReleasePlan, options: GitHubReleaseOptions): Promise<string> {
  const [owner, repo, ...extra] = options.repository.split('/');
  if (!owner || !repo || extra.length > 0) throw new Error(`GITHUB_REPOSITORY '${options.repository}' is not owner/repo`);
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl });
  try {
    const { data } = await octokit.rest.repos.createRelease({ owner, repo, ...releaseRequest(plan) });
    return data.html_url;
  } catch (error) {
    if (alreadyExists(error)) throw new Error(`${options.repository} already has a release for ${plan.tag}: it is left as it is`, { cause: error });
    throw new Error(`creating the GitHub release for ${plan.tag} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** GitHub's 422 for a second release of one tag: `errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]`. */
function alreadyExists(error: unknown): boolean {
  const response = (error as { status?: number; response?: { data?: { errors?: { code?: string }[] } } }) ?? {};
  return response.status === 422 && (response.response?.data?.errors ?? []).some((e) => e.code === 'already_exists');
}
