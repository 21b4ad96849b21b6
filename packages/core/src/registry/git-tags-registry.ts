import semver from 'semver';
import { execCapture } from '../exec.js';
import { revParse, type GitPlace } from '../scm/git.js';
import {
  RegistryRefusal,
  type AliasMove,
  type AliasRemoval,
  type DescribedVersion,
  type Lineage,
  type LocalModelFile,
  type ModelRegistry,
  type RegistryChange,
  type ModelOverview,
  type Mover,
  type PendingLineage,
  type Registered,
} from './types.js';

/** Marks the start of the lineage JSON in an annotated tag's message. */
const LINEAGE_MARKER = '--- mlops-ci lineage ---';
/** Re-reads after losing a race for a tag name at origin, before giving up. */
const MAX_ATTEMPTS = 20;

export interface GitTagsOptions {
  /** The step's environment (`host.context.env`): every git command runs with it. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  readonly push: boolean;
  readonly bump: 'major' | 'minor' | 'patch';
}

/** A version tag as git stores it. */
interface TagFacts {
  readonly commit: string;
  readonly taggedAt: string | null;
  readonly tagger: string | null;
  readonly message: string;
}

/** One stage event, parsed from `model#stage#N` (assigned) or `model#stage!#N` (unassigned, GTO's deprecation). */
interface Assignment {
  readonly tag: string;
  readonly stage: string;
  readonly removed: boolean;
  readonly counter: number;
  readonly commit: string;
  /** The version named in the tag's subject (`Assign prod to iris v1.2.0`), else the newest version tag on `commit`. */
  readonly version: string | null;
}

/**
 * A GTO-compatible registry in git tags: `model@vX.Y.Z` registers a version
 * (annotated; the message holds a summary and the lineage JSON) and
 * `model#<stage>#N` assigns a stage (the alias) to the version at that
 * commit, N being the model's highest counter + 1. With `push`, tags go to
 * `origin`, where creating an existing tag is refused: a race lost there is
 * retried with the next number. Model files are not stored: their sha256 are
 * in the lineage, the commit is what reproduces them.
 */
export class GitTagsRegistry implements ModelRegistry {
  readonly description: string;

  constructor(
    private readonly repo: string,
    private readonly options: GitTagsOptions,
  ) {
    this.description = `git-tags (${repo})`;
  }

  async refusalOf(change: RegistryChange): Promise<string | null> {
    await this.fetchTags();
    switch (change.kind) {
      case 'register':
        return this.versionAtHead(change.model);
      case 'set-alias':
        return (await this.tagCommit(versionTag(change.model, change.version))) ? null : noVersion(change.model, change.version);
      case 'remove-alias':
        return assignedNow(change.model, change.alias, await this.assignments(change.model)).refusal ?? null;
      case 'rollback':
        return rollbackOf(change.model, change.alias, await this.assignments(change.model)).refusal ?? null;
    }
  }

  async register(model: string, _files: readonly LocalModelFile[], pending: PendingLineage, _mover: Mover): Promise<Registered> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      await this.fetchTags();
      const refused = await this.versionAtHead(model);
      if (refused) throw new RegistryRefusal(refused);
      const latest = (await this.versions(model)).at(-1);
      const tagVersion = nextVersion(latest, this.options.bump);
      const name = `${model}@${tagVersion}`;
      const lineage: Lineage = { ...pending, version: tagVersion };
      const message = `Registering artifact ${model} version ${tagVersion}\n\n${summaryLine(lineage)}\n\n${LINEAGE_MARKER}\n${JSON.stringify(lineage, null, 2)}\n`;
      if (!(await this.createTag(name, 'HEAD', message))) continue;
      if (await this.pushTag(name)) return { version: tagVersion, uri: `${this.repo}#${name}`, lineage };
    }
    throw new Error(`could not register ${model}: ${MAX_ATTEMPTS} attempts lost the race for a version tag at origin`);
  }

  async setAlias(model: string, alias: string, version: string, _mover: Mover): Promise<AliasMove> {
    await this.fetchTags();
    const tag = versionTag(model, version);
    const commit = await this.tagCommit(tag);
    if (!commit) throw new RegistryRefusal(noVersion(model, version));
    return this.assign(model, alias, tag.slice(model.length + 1), commit);
  }

  async removeAlias(model: string, alias: string, _mover: Mover): Promise<AliasRemoval> {
    await this.fetchTags();
    const { current, refusal } = assignedNow(model, alias, await this.assignments(model));
    if (!current) throw new RegistryRefusal(refusal);
    await this.tagStage(model, `${alias}!`, current.commit, `Unassigning stage '${alias}' to artifact '${model}' version '${current.version}'\n`);
    return { alias, previous: current.version };
  }

  async rollback(model: string, alias: string, _mover: Mover): Promise<AliasMove> {
    await this.fetchTags();
    const { before, refusal } = rollbackOf(model, alias, await this.assignments(model));
    if (!before) throw new RegistryRefusal(refusal);
    return this.assign(model, alias, before.version, before.commit);
  }

  /** Tags carry the lineage only: the model files stay wherever the pipeline keeps them. */
  async readFile(model: string, version: string, file: string): Promise<Buffer | null> {
    throw new RegistryRefusal(`${this.description} keeps no model files (only tags), so it has no ${file} for ${model} ${version}: give the file's path instead`);
  }

  async describe(model: string, ref: { alias: string } | { version: string }): Promise<DescribedVersion | null> {
    const version = 'alias' in ref ? await this.aliasVersion(model, ref.alias) : ref.version.startsWith('v') ? ref.version : `v${ref.version}`;
    if (!version) return null;
    const tag = `${model}@${version}`;
    const facts = await this.tagFacts(tag);
    if (!facts) return null;
    const uri = `${this.repo}#${tag}`;
    const at = facts.message.indexOf(LINEAGE_MARKER);
    // `gto register` (or any tool but mlops-ci) writes no lineage block: the tag itself still says what it is.
    if (at === -1) return { uri, lineage: foreignLineage(model, version, facts) };
    try {
      return { uri, lineage: JSON.parse(facts.message.slice(at + LINEAGE_MARKER.length)) as Lineage };
    } catch (err) {
      throw new RegistryRefusal(`tag ${tag} holds a damaged mlops-ci lineage block (${(err as Error).message}); re-register the version or delete the tag`);
    }
  }

  async overview(model: string): Promise<ModelOverview> {
    const assignments = await this.assignments(model);
    const stages = [...new Set(assignments.map((a) => a.stage))];
    const aliases = stages.filter((stage) => {
      const current = stageHistory(assignments, stage).at(-1);
      return current !== undefined && !current.removed;
    });
    return { hasVersions: (await this.versions(model)).length > 0, aliases: aliases.sort() };
  }

  /** Why HEAD cannot take a new version of `model` (it has one), or null. */
  private async versionAtHead(model: string): Promise<string | null> {
    const head = await this.git(['rev-parse', 'HEAD']);
    const existing = await this.versionAt(model, head.trim());
    return existing ? `HEAD is already ${model}@${existing}, and GTO allows one version of a model per commit: commit the new model (or its metadata) first` : null;
  }

  /** The version a stage is assigned to now; null when never assigned or unassigned. */
  private async aliasVersion(model: string, alias: string): Promise<string | null> {
    const current = stageHistory(await this.assignments(model), alias).at(-1);
    if (!current || current.removed) return null;
    if (!current.version) throw new RegistryRefusal(`${current.tag} assigns ${alias} to commit ${current.commit.slice(0, 12)}, which has no ${model}@vX.Y.Z tag`);
    return current.version;
  }

  /** What a tag says about itself: its commit, message, time and tagger; null when there is no such tag. */
  private async tagFacts(tag: string): Promise<TagFacts | null> {
    const commit = await this.tagCommit(tag);
    if (!commit) return null;
    // A lightweight tag has no tagger or message: the commit's date stands for the tag time.
    const format = '%(taggerdate:iso-strict)%00%(committerdate:iso-strict)%00%(taggername)%00%(contents)';
    const [taggedAt = '', committedAt = '', tagger = '', ...message] = (await this.git(['for-each-ref', `--format=${format}`, `refs/tags/${tag}`])).split('\0');
    return { commit, taggedAt: taggedAt || committedAt || null, tagger: tagger || null, message: message.join('\0') };
  }

  private async assign(model: string, alias: string, version: string, commit: string): Promise<AliasMove> {
    const current = stageHistory(await this.assignments(model), alias).at(-1);
    const previous = current && !current.removed ? current.version : null;
    await this.tagStage(model, alias, commit, `Assigning stage ${alias} to artifact ${model} version ${version}\n`);
    return { alias, version, previous };
  }

  /** `model#<stage>#N` on `commit`, N = the model's highest counter + 1 (GTO), retried on a lost race. */
  private async tagStage(model: string, stage: string, commit: string, message: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const counter = Math.max(0, ...(await this.assignments(model)).map((a) => a.counter)) + 1;
      const name = `${model}#${stage}#${counter}`;
      if ((await this.createTag(name, commit, message)) && (await this.pushTag(name))) return;
      await this.fetchTags();
    }
    throw new Error(`could not tag ${model}#${stage}: ${MAX_ATTEMPTS} attempts lost the race for a tag at origin`);
  }

  /** Every `model@vX.Y.Z`, ascending by semver (without the `v`). */
  private async versions(model: string): Promise<string[]> {
    const names = (await this.git(['tag', '-l', `${model}@v*`])).split('\n').filter(Boolean);
    return names
      .map((name) => name.slice(model.length + 2))
      .filter((v) => semver.valid(v) !== null)
      .sort(semver.compare);
  }

  private async assignments(model: string): Promise<Assignment[]> {
    const format = '%(refname:strip=2) %(*objectname) %(objectname) %(contents:subject)';
    const lines = (await this.git(['for-each-ref', `--format=${format}`, `refs/tags/${model}#*`])).split('\n').filter(Boolean);
    const parsed: Assignment[] = [];
    for (const line of lines) {
      const [tag, peeled, object, ...subject] = line.split(' ');
      const match = tag ? /^(.+)#([^#!]+)(!?)#(\d+)$/.exec(tag) : null;
      if (!tag || !match || match[1] !== model) continue;
      const commit = peeled || (object as string);
      // Two versions may share a commit: the subject says which one was assigned.
      const named = /\s'?(v\d+\.\d+\.\d+[^\s']*)'?$/.exec(` ${subject.join(' ')}`)?.[1] ?? null;
      const version = named ?? (await this.versionAt(model, commit));
      parsed.push({ tag, stage: match[2] as string, removed: match[3] === '!', counter: Number(match[4]), commit, version });
    }
    return parsed.sort((a, b) => a.counter - b.counter);
  }

  /** The newest version tag of `model` on `commit`. */
  private async versionAt(model: string, commit: string): Promise<string | null> {
    const names = (await this.git(['tag', '--points-at', commit, '-l', `${model}@v*`])).split('\n').filter(Boolean);
    const versions = names.map((name) => name.slice(model.length + 2)).filter((v) => semver.valid(v) !== null).sort(semver.compare);
    const newest = versions.at(-1);
    return newest ? `v${newest}` : null;
  }

  private tagCommit(tag: string): Promise<string | null> {
    return revParse(this.place(), `refs/tags/${tag}`, { throwIfGitCannotRun: true });
  }

  /** Creates an annotated tag; false when the name is taken. */
  private async createTag(name: string, target: string, message: string): Promise<boolean> {
    const result = await execCapture('git', ['tag', '-a', '-F', '-', name, target], { cwd: this.repo, input: message, ignoreReturnCode: true, env: withCommitter(this.options.env) });
    if (result.exitCode === 0) return true;
    if (/already exists/.test(result.stderr)) return false;
    throw new Error(`git tag ${name} failed: ${result.stderr.trim()}`);
  }

  /** Pushes a new tag to origin; false (and the local tag removed) when origin already has that name. */
  private async pushTag(name: string): Promise<boolean> {
    if (!this.options.push) return true;
    const result = await execCapture('git', ['push', '--porcelain', 'origin', `refs/tags/${name}:refs/tags/${name}`], { ...this.place(), ignoreReturnCode: true });
    if (result.exitCode === 0) return true;
    if (/already exists|rejected/.test(result.stdout + result.stderr)) {
      await this.git(['tag', '-d', name]);
      return false;
    }
    throw new Error(`git push origin ${name} failed: ${result.stderr.trim()}`);
  }

  private async fetchTags(): Promise<void> {
    if (!this.options.push) return;
    await this.git(['fetch', '--quiet', '--tags', 'origin']);
  }

  private async git(args: readonly string[]): Promise<string> {
    return (await execCapture('git', args, this.place())).stdout;
  }

  private place(): GitPlace {
    return { cwd: this.repo, env: this.options.env };
  }
}

/** The first version follows `bump` too: 0.0.1 (patch), 0.1.0 (minor), 1.0.0 (major). */
function nextVersion(latest: string | undefined, bump: GitTagsOptions['bump']): string {
  if (latest) return `v${semver.inc(latest, bump)}`;
  return bump === 'major' ? 'v1.0.0' : bump === 'minor' ? 'v0.1.0' : 'v0.0.1';
}

function summaryLine(lineage: Lineage): string {
  const metrics = Object.entries(lineage.metrics ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  return [
    `commit: ${lineage.git.commit ?? 'unknown'}`,
    `gate: ${lineage.gate ? (lineage.gate.passed ? 'passed' : 'did not pass') : 'none'}`,
    `metrics: ${metrics || 'none'}`,
    `files: ${lineage.files.map((f) => `${f.path} sha256:${f.sha256.slice(0, 12)}`).join(', ')}`,
    `run: ${lineage.run.url ?? lineage.run.host}`,
  ].join('\n');
}

/**
 * The lineage of a version another tool tagged: what the tag proves (version,
 * commit, tag time, tagger), and null for everything it does not say — no
 * metrics, so a baseline that needs them is refused rather than skipped.
 */
function foreignLineage(model: string, version: string, facts: TagFacts): Lineage {
  return {
    schema: 1,
    model,
    version,
    registeredAt: facts.taggedAt ?? '',
    actor: facts.tagger,
    files: [],
    metrics: null,
    gate: null,
    git: { commit: facts.commit, repository: null },
    run: { url: null, host: null },
    data: { digest: null, manifest: null },
    env: { fingerprint: null },
    image: { digest: null },
    extra: { registeredBy: 'a tag without an mlops-ci lineage block (e.g. gto register)' },
  };
}

/** The assignments and removals of one stage, oldest first. */
function stageHistory(all: readonly Assignment[], stage: string): Assignment[] {
  return all.filter((a) => a.stage === stage);
}

/** An assignment naming its version; what an alias can be removed from or rolled back to. */
type Assigned = Assignment & { readonly version: string };

/** `model@vX.Y.Z` for a version given as `X.Y.Z` or `vX.Y.Z`. */
function versionTag(model: string, version: string): string {
  return `${model}@${version.startsWith('v') ? version : `v${version}`}`;
}

function noVersion(model: string, version: string): string {
  const tag = versionTag(model, version);
  return `version ${tag.slice(model.length + 1)} of ${model} does not exist (no tag ${tag})`;
}

/** The alias's assignment now, or why there is none to remove. */
function assignedNow(model: string, alias: string, all: readonly Assignment[]): { current: Assigned; refusal?: never } | { current?: never; refusal: string } {
  const current = stageHistory(all, alias).at(-1);
  if (!current || current.removed || !current.version) return { refusal: `alias ${alias} of ${model} is not assigned: nothing to remove` };
  return { current: current as Assigned };
}

/** The assignment a rollback returns the alias to, or why there is none. */
function rollbackOf(model: string, alias: string, all: readonly Assignment[]): { before: Assigned; refusal?: never } | { before?: never; refusal: string } {
  const history = stageHistory(all, alias);
  if (history.length === 0) return { refusal: `alias ${alias} of ${model} is not assigned (no tag ${model}#${alias}#N): nothing to roll back` };
  const before = history.at(-2);
  if (!before || before.removed || !before.version) return { refusal: `alias ${alias} of ${model} has no version to go back to: nothing to roll back to` };
  return { before: before as Assigned };
}

/** Tags need a committer identity; CI checkouts often have none configured. */
function withCommitter(env: Readonly<NodeJS.ProcessEnv>): NodeJS.ProcessEnv {
  return {
    ...env,
    GIT_COMMITTER_NAME: env['GIT_COMMITTER_NAME'] || 'mlops-ci',
    GIT_COMMITTER_EMAIL: env['GIT_COMMITTER_EMAIL'] || 'mlops-ci@localhost',
  };
}
