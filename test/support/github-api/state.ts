// What the fake GitHub remembers between requests, and the helpers tests use to
// seed it and to assert on it. Records hold data only; the JSON shapes GitHub
// returns are built from them in resources.ts, per request, because URLs in a
// response depend on the base the client used (with or without /api/v3).

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface RepoRecord {
  id: number;
  owner: UserRecord;
  name: string;
  defaultBranch: string;
  createdAt: string;
}

export interface StatusRecord {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  targetUrl: string | null;
  context: string;
  createdAt: string;
  updatedAt: string;
  creator: UserRecord;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: UserRecord;
  createdAt: string;
  updatedAt: string;
}

export interface AnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export type CheckRunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: CheckRunStatus;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Appended on every create/update, as GitHub does (50 per request). */
  annotations: AnnotationRecord[];
  checkSuiteId: number;
}

export interface PullRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  user: UserRecord;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  createdAt: string;
  updatedAt: string;
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: UserRecord;
  createdAt: string;
  /** null while a draft, as on GitHub. */
  publishedAt: string | null;
}

export interface RepoState {
  repo: RepoRecord;
  statuses: Map<string, StatusRecord[]>; // by sha, in creation order
  comments: Map<number, CommentRecord>; // by comment id
  checkRuns: Map<number, CheckRunRecord>;
  pulls: Map<number, PullRecord>;
  releases: Map<number, ReleaseRecord>; // by release id
  branches: Map<string, string>; // branch (or tag) name → sha
  /** Commits the test declared. Empty = any sha is accepted. */
  commits: Set<string>;
}

/** GitHub timestamps: ISO 8601, UTC, whole seconds. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class FakeState {
  private readonly repos = new Map<string, RepoState>();
  private nextId = 1_000_001;

  constructor(
    /** Who the token authenticates as: the author of comments and statuses. */
    readonly actor: UserRecord,
  ) {}

  /** Ids are global like GitHub's, so a comment id is never mistaken for a check run id. */
  newId(): number {
    return this.nextId++;
  }

  /** Repositories exist on first use (owner and name compare case-insensitively, as on GitHub). */
  repo(owner: string, name: string): RepoState {
    const key = `${owner}/${name}`.toLowerCase();
    let state = this.repos.get(key);
    if (!state) {
      state = {
        repo: {
          id: this.newId(),
          owner: { login: owner, id: this.newId(), type: 'Organization' },
          name,
          defaultBranch: 'main',
          createdAt: timestamp(),
        },
        statuses: new Map(),
        comments: new Map(),
        checkRuns: new Map(),
        pulls: new Map(),
        releases: new Map(),
        branches: new Map(),
        commits: new Set(),
      };
      this.repos.set(key, state);
    }
    return state;
  }

  /** The repository with this id, for GitHub's `/repositories/{id}/...` links. */
  repoById(id: number): RepoRecord | undefined {
    for (const s of this.repos.values()) if (s.repo.id === id) return s.repo;
    return undefined;
  }

  // -- commits and refs ------------------------------------------------------

  /**
   * Declare commits that exist. Once a repository has any, statuses on other
   * shas are refused with GitHub's 422 "No commit found for SHA" (a Jenkins
   * PR build's local merge commit, for example, never reaches GitHub).
   */
  addCommits(owner: string, repo: string, ...shas: string[]): void {
    const r = this.repo(owner, repo);
    for (const sha of shas) r.commits.add(sha);
  }

  setBranch(owner: string, repo: string, branch: string, sha: string): void {
    const r = this.repo(owner, repo);
    r.branches.set(branch, sha);
    r.commits.add(sha);
  }

  /** A ref as GitHub accepts it in /commits/{ref}/...: a sha, a branch or a tag. */
  resolveRef(owner: string, repo: string, ref: string): string | null {
    const r = this.repo(owner, repo);
    const name = ref.replace(/^refs\/(heads|tags)\//, '');
    const branch = r.branches.get(name);
    if (branch) return branch;
    if (r.commits.size === 0 || r.commits.has(ref)) return ref;
    // A unique abbreviated sha (at least 7 characters) also names a commit.
    if (/^[0-9a-f]{7,39}$/i.test(ref)) {
      const hits = [...r.commits].filter((c) => c.startsWith(ref.toLowerCase()));
      if (hits.length === 1) return hits[0]!;
    }
    return null;
  }

  // -- commit statuses ---------------------------------------------------------

  addStatus(owner: string, repo: string, sha: string, input: Omit<StatusRecord, 'id' | 'sha' | 'createdAt' | 'updatedAt' | 'creator'>): StatusRecord {
    const r = this.repo(owner, repo);
    const now = timestamp();
    const record: StatusRecord = { id: this.newId(), sha, createdAt: now, updatedAt: now, creator: this.actor, ...input };
    const list = r.statuses.get(sha) ?? [];
    list.push(record);
    r.statuses.set(sha, list);
    return record;
  }

  /** Every status posted on a sha, oldest first. */
  statuses(owner: string, repo: string, sha: string): StatusRecord[] {
    return [...(this.repo(owner, repo).statuses.get(sha) ?? [])];
  }

  /** The latest status of each context, in the order contexts first appeared (the combined view). */
  latestStatuses(owner: string, repo: string, sha: string): StatusRecord[] {
    const latest = new Map<string, StatusRecord>();
    for (const s of this.statuses(owner, repo, sha)) {
      if (latest.has(s.context)) latest.delete(s.context);
      latest.set(s.context, s);
    }
    return [...latest.values()].sort((a, b) => a.id - b.id);
  }

  // -- issue and PR comments ---------------------------------------------------

  addComment(owner: string, repo: string, issueNumber: number, body: string, user: UserRecord = this.actor): CommentRecord {
    const now = timestamp();
    const record: CommentRecord = { id: this.newId(), issueNumber, body, user, createdAt: now, updatedAt: now };
    this.repo(owner, repo).comments.set(record.id, record);
    return record;
  }

  /**
   * Put `count` comments on an issue or PR, e.g. to make a sticky comment sit
   * on page 3. `body(i)` gets 0-based indexes; the default author is someone
   * else than the token's actor, as on a busy PR.
   */
  seedComments(
    owner: string,
    repo: string,
    issueNumber: number,
    count: number,
    body: (index: number) => string = (i) => `comment ${i + 1}`,
    user: UserRecord = { login: 'octocat', id: 583231, type: 'User' },
  ): CommentRecord[] {
    return Array.from({ length: count }, (_, i) => this.addComment(owner, repo, issueNumber, body(i), user));
  }

  /** Comments of one issue, oldest first (GitHub's list order). */
  comments(owner: string, repo: string, issueNumber: number): CommentRecord[] {
    return [...this.repo(owner, repo).comments.values()].filter((c) => c.issueNumber === issueNumber).sort((a, b) => a.id - b.id);
  }

  comment(owner: string, repo: string, id: number): CommentRecord | undefined {
    return this.repo(owner, repo).comments.get(id);
  }

  updateComment(owner: string, repo: string, id: number, body: string): CommentRecord | undefined {
    const c = this.comment(owner, repo, id);
    if (!c) return undefined;
    c.body = body;
    c.updatedAt = timestamp();
    return c;
  }

  deleteComment(owner: string, repo: string, id: number): boolean {
    return this.repo(owner, repo).comments.delete(id);
  }

  // -- check runs ---------------------------------------------------------------

  addCheckRun(owner: string, repo: string, record: Omit<CheckRunRecord, 'id' | 'checkSuiteId'>): CheckRunRecord {
    const r = this.repo(owner, repo);
    // One suite per head sha, like one app pushing runs for one commit.
    const sameSuite = [...r.checkRuns.values()].find((c) => c.headSha === record.headSha);
    const full: CheckRunRecord = { ...record, id: this.newId(), checkSuiteId: sameSuite?.checkSuiteId ?? this.newId() };
    r.checkRuns.set(full.id, full);
    return full;
  }

  checkRun(owner: string, repo: string, id: number): CheckRunRecord | undefined {
    return this.repo(owner, repo).checkRuns.get(id);
  }

  /** Check runs of a repository (optionally for one head sha), oldest first. */
  checkRuns(owner: string, repo: string, headSha?: string): CheckRunRecord[] {
    return [...this.repo(owner, repo).checkRuns.values()].filter((c) => headSha === undefined || c.headSha === headSha);
  }

  // -- pull requests ----------------------------------------------------------------

  /** Add a pull request; its head and base commits (and branches) then exist. */
  seedPull(
    owner: string,
    repo: string,
    pull: {
      number: number;
      head: { ref: string; sha: string };
      base?: { ref?: string; sha?: string };
      title?: string;
      body?: string | null;
      state?: 'open' | 'closed';
      draft?: boolean;
      user?: UserRecord;
    },
  ): PullRecord {
    const r = this.repo(owner, repo);
    const now = timestamp();
    const record: PullRecord = {
      id: this.newId(),
      number: pull.number,
      title: pull.title ?? `Pull request #${pull.number}`,
      body: pull.body ?? null,
      state: pull.state ?? 'open',
      draft: pull.draft ?? false,
      user: pull.user ?? { login: 'octocat', id: 583231, type: 'User' },
      head: { ...pull.head },
      base: { ref: pull.base?.ref ?? r.repo.defaultBranch, sha: pull.base?.sha ?? '0'.repeat(40) },
      createdAt: now,
      updatedAt: now,
    };
    r.pulls.set(record.number, record);
    this.setBranch(owner, repo, record.head.ref, record.head.sha);
    this.setBranch(owner, repo, record.base.ref, record.base.sha);
    return record;
  }

  pull(owner: string, repo: string, number: number): PullRecord | undefined {
    return this.repo(owner, repo).pulls.get(number);
  }

  pulls(owner: string, repo: string): PullRecord[] {
    return [...this.repo(owner, repo).pulls.values()].sort((a, b) => a.number - b.number);
  }

  // -- releases -------------------------------------------------------------------

  addRelease(owner: string, repo: string, input: Omit<ReleaseRecord, 'id' | 'author' | 'createdAt' | 'publishedAt'>): ReleaseRecord {
    const now = timestamp();
    const record: ReleaseRecord = { ...input, id: this.newId(), author: this.actor, createdAt: now, publishedAt: input.draft ? null : now };
    this.repo(owner, repo).releases.set(record.id, record);
    return record;
  }

  /** Releases of a repository, oldest first. */
  releases(owner: string, repo: string): ReleaseRecord[] {
    return [...this.repo(owner, repo).releases.values()].sort((a, b) => a.id - b.id);
  }

  releaseByTag(owner: string, repo: string, tag: string): ReleaseRecord | undefined {
    return this.releases(owner, repo).find((r) => r.tagName === tag);
  }
}
