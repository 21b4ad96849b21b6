// The JSON objects the fake returns, built from state records. Each function
// fills every field the OpenAPI schema lists as required (and the common
// optional ones real GitHub sends), with URLs on the fake's own base so a
// client that follows `url`/`Link` values stays on the fake. The server
// validates each of these against the spec before sending, so a missing or
// mistyped field here shows up as a violation, not as a silently wrong test.
import type { CheckRunRecord, CommentRecord, PullRecord, ReleaseRecord, RepoRecord, StatusRecord, UserRecord } from './state.js';

export interface Urls {
  /** API base as the client used it: http://127.0.0.1:PORT or .../api/v3. */
  api: string;
  /** Web base (html_url): the server root, as on GitHub Enterprise. */
  web: string;
}

type Obj = Record<string, unknown>;

/** A node id in GitHub's current format: a type prefix and an opaque base64 part. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

export function simpleUser(u: UserRecord, urls: Urls): Obj {
  const api = `${urls.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type === 'Bot' ? 'BOT' : u.type === 'Organization' ? 'O' : 'U', u.id),
    avatar_url: `${urls.web}/avatars/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    // Bots are apps: their page is /apps/<slug>, not /<login>.
    html_url: u.type === 'Bot' ? `${urls.web}/apps/${encodeURIComponent(u.login.replace(/\[bot\]$/, ''))}` : `${urls.web}/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function repository(r: RepoRecord, urls: Urls): Obj {
  const full = `${r.owner.login}/${r.name}`;
  const api = `${urls.api}/repos/${full}`;
  const host = new URL(urls.web).host;
  return {
    id: r.id,
    node_id: nodeId('R', r.id),
    name: r.name,
    full_name: full,
    private: false,
    owner: simpleUser(r.owner, urls),
    html_url: `${urls.web}/${full}`,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    pushed_at: r.createdAt,
    git_url: `git://${host}/${full}.git`,
    ssh_url: `git@${host}:${full}.git`,
    clone_url: `${urls.web}/${full}.git`,
    svn_url: `${urls.web}/${full}`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: 'public',
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: r.defaultBranch,
  };
}

/** `status` (create and list): the creator's avatar doubles as the status avatar, as on GitHub. */
export function commitStatus(repo: RepoRecord, s: StatusRecord, urls: Urls): Obj {
  const creator = simpleUser(s.creator, urls);
  return {
    url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/statuses/${s.sha}`,
    avatar_url: creator.avatar_url,
    id: s.id,
    node_id: nodeId('SC', s.id),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    creator,
  };
}

/** `simple-commit-status`: the entries of a combined status. */
export function simpleCommitStatus(repo: RepoRecord, s: StatusRecord, urls: Urls): Obj {
  const { creator: _creator, ...rest } = commitStatus(repo, s, urls);
  return { ...rest, required: false };
}

export function combinedState(latest: StatusRecord[]): 'failure' | 'pending' | 'success' {
  // GitHub: failure if any context is error/failure, pending if any is
  // pending or there is none, success otherwise.
  if (latest.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (latest.length === 0 || latest.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

export function issueComment(repo: RepoRecord, c: CommentRecord, isPull: boolean, urls: Urls): Obj {
  const full = `${repo.owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  return {
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${urls.web}/${full}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issueNumber}`,
    id: c.id,
    node_id: nodeId('IC', c.id),
    user: simpleUser(c.user, urls),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.login.toLowerCase() === repo.owner.login.toLowerCase() ? 'OWNER' : 'NONE',
    body: c.body,
    reactions: {
      url: `${api}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: null,
  };
}

/** The app a GITHUB_TOKEN acts as: check runs belong to it. */
export function githubActionsApp(urls: Urls): Obj {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: simpleUser({ login: 'github', id: 9919, type: 'Organization' }, urls),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${urls.web}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { actions: 'write', checks: 'write', contents: 'write', issues: 'write', metadata: 'read', pull_requests: 'write', statuses: 'write' },
    events: ['check_run', 'check_suite', 'issue_comment', 'pull_request', 'push', 'status'],
  };
}

export function checkRun(repo: RepoRecord, c: CheckRunRecord, pulls: PullRecord[], urls: Urls): Obj {
  const full = `${repo.owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const htmlUrl = `${urls.web}/${full}/runs/${c.id}`;
  return {
    id: c.id,
    name: c.name,
    node_id: nodeId('CR', c.id),
    head_sha: c.headSha,
    external_id: c.externalId ?? '',
    url: `${api}/check-runs/${c.id}`,
    html_url: htmlUrl,
    details_url: c.detailsUrl ?? htmlUrl,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.annotations.length,
      annotations_url: `${api}/check-runs/${c.id}/annotations`,
    },
    check_suite: { id: c.checkSuiteId },
    app: githubActionsApp(urls),
    // GitHub lists the open PRs of this repository whose head is this commit.
    pull_requests: pulls
      .filter((p) => p.state === 'open' && p.head.sha === c.headSha)
      .map((p) => pullRequestMinimal(repo, p, urls)),
  };
}

export function checkAnnotation(repo: RepoRecord, c: CheckRunRecord, index: number, urls: Urls): Obj {
  const a = c.annotations[index]!;
  return {
    path: a.path,
    blob_href: `${urls.web}/${repo.owner.login}/${repo.name}/blob/${c.headSha}/${a.path}`,
    start_line: a.start_line,
    end_line: a.end_line,
    start_column: a.start_column ?? null,
    end_column: a.end_column ?? null,
    annotation_level: a.annotation_level,
    title: a.title ?? null,
    message: a.message,
    raw_details: a.raw_details ?? null,
  };
}

function pullRequestMinimal(repo: RepoRecord, p: PullRecord, urls: Urls): Obj {
  const repoRef = { id: repo.id, url: `${urls.api}/repos/${repo.owner.login}/${repo.name}`, name: repo.name };
  return {
    url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/pulls/${p.number}`,
    id: p.id,
    number: p.number,
    head: { ref: p.head.ref, sha: p.head.sha, repo: repoRef },
    base: { ref: p.base.ref, sha: p.base.sha, repo: repoRef },
  };
}

export function pullRequest(repo: RepoRecord, p: PullRecord, commentCount: number, urls: Urls): Obj {
  const full = `${repo.owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const html = `${urls.web}/${full}/pull/${p.number}`;
  const owner = simpleUser(repo.owner, urls);
  const branch = (b: { ref: string; sha: string }) => ({
    label: `${repo.owner.login}:${b.ref}`,
    ref: b.ref,
    sha: b.sha,
    user: owner,
    repo: repository(repo, urls),
  });
  return {
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    node_id: nodeId('PR', p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: simpleUser(p.user, urls),
    body: p.body,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.state === 'closed' ? p.updatedAt : null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: p.draft,
    commits_url: `${api}/pulls/${p.number}/commits`,
    review_comments_url: `${api}/pulls/${p.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.head.sha}`,
    head: branch(p.head),
    base: branch(p.base),
    _links: {
      self: { href: `${api}/pulls/${p.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${p.number}` },
      comments: { href: `${api}/issues/${p.number}/comments` },
      review_comments: { href: `${api}/pulls/${p.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${p.number}/commits` },
      statuses: { href: `${api}/statuses/${p.head.sha}` },
    },
    author_association: p.user.login.toLowerCase() === repo.owner.login.toLowerCase() ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    active_lock_reason: null,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: commentCount,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** `release` (create and get). Uploads go to the GHES form of the uploads host, on the fake's own base. */
export function release(repo: RepoRecord, r: ReleaseRecord, urls: Urls): Obj {
  const full = `${repo.owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const tag = encodeURIComponent(r.tagName);
  return {
    url: `${api}/releases/${r.id}`,
    html_url: `${urls.web}/${full}/releases/tag/${tag}`,
    assets_url: `${api}/releases/${r.id}/assets`,
    upload_url: `${urls.web}/api/uploads/repos/${full}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${api}/tarball/${tag}`,
    zipball_url: `${api}/zipball/${tag}`,
    id: r.id,
    node_id: nodeId('RE', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    updated_at: r.publishedAt ?? r.createdAt,
    author: simpleUser(r.author, urls),
    assets: [],
  };
}
