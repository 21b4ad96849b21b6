/**
 * .github/workflows/release.yml under act, end to end, on a throwaway copy of
 * this repository whose `origin` is a bare repository on disk (so the major
 * tag's push is a real push), against a real npm registry (verdaccio) and the
 * fake GitHub API. A maintainer's moves, in order:
 *
 *   1. tags v1.0.0 before bumping anything: refused, nothing published;
 *   2. bumps to 1.0.0 (package.json, version.ts, CHANGELOG entry, build) and
 *      tags it: published, released with the CHANGELOG entry, v1 moved;
 *   3. a stranger installs it with `npx mlops-ci@1.0.0` from an empty folder;
 *   4. pushes the same tag again: "already published", nothing else changes;
 *   5. tags a prerelease v1.0.1-rc.1: npm dist-tag `next`, v1 stays.
 *
 * The workflow installs its build tools with `npm ci` from this machine's npm
 * cache (npm_config_prefer_offline), as a runner would from its cache.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { runAct, type ActRun } from '../support/act.js';
import { ROOT, spawnCollect, tempDir } from '../support/bundle.js';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';
import { startVerdaccio, type Verdaccio } from './verdaccio.js';

// Each run installs the build tools and rebuilds the bundle to check dist/; on
// the shared 2-core machine one run takes about a minute.
jest.setTimeout(600_000);

const OWNER = 'acme';
const REPO = 'mlops-ci';
const GITHUB_TOKEN = 'ghs_release_test_token';
const RELEASE_DATE = '2026-12-05';

/** The throwaway checkout and its bare origin. */
class Checkout {
  readonly dir: string;
  readonly origin: string;

  constructor(readonly parent: string) {
    this.dir = path.join(parent, 'repo');
    this.origin = path.join(parent, 'origin.git');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release-test@example.invalid', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
    }).trim();
  }

  /** Every file git tracks, as it is in this working tree, committed on main and pushed to origin; node_modules installed. */
  create(): void {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(this.dir, file));
    }
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', this.origin]);
    this.git('init', '-q', '-b', 'main');
    this.git('add', '-A');
    this.git('commit', '-q', '--no-gpg-sign', '-m', 'The repository as the test found it');
    this.git('remote', 'add', 'origin', this.origin);
    this.git('push', '-q', 'origin', 'main');
    // The build tools, installed as the workflow installs them. A link to this
    // repository's node_modules would not do: webpack resolves the link, and
    // modules outside the project get other chunk names than check-dist's build.
    execFileSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: this.dir, stdio: 'pipe' });
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): void {
    writeFileSync(path.join(this.dir, file), text);
  }

  /**
   * What the README's "Releases" says a maintainer does: the version in
   * package.json (and its lock), in version.ts and atop CHANGELOG.md, then
   * `npm run build`, one commit.
   */
  bump(version: string, changelogEntry: string | null): void {
    for (const file of ['package.json', 'package-lock.json']) {
      const json = JSON.parse(this.read(file)) as { version: string; packages?: Record<string, { version?: string }> };
      json.version = version;
      if (json.packages?.['']) json.packages[''].version = version;
      this.write(file, `${JSON.stringify(json, null, 2)}\n`);
    }
    this.write('packages/core/src/version.ts', this.read('packages/core/src/version.ts').replace(/VERSION = '[^']*'/, `VERSION = '${version}'`));
    // The entry starts under [Unreleased]: what was unreleased is now this version's.
    const entry = changelogEntry === null ? '' : `\n${changelogEntry}\n`;
    this.write('CHANGELOG.md', this.read('CHANGELOG.md').replace('## [Unreleased]\n', `## [Unreleased]\n\n## [${version}] - ${RELEASE_DATE}\n${entry}`));
    this.build();
    this.git('add', '-A');
    this.git('commit', '-q', '--no-gpg-sign', '-m', `Release ${version}`);
    this.git('push', '-q', 'origin', 'main');
  }

  private build(): void {
    execFileSync('bash', ['scripts/build.sh'], { cwd: this.dir, stdio: 'pipe' });
  }

  /** Tags HEAD and pushes the tag, as `git tag v1.0.0 && git push origin v1.0.0`. */
  tag(tag: string): string {
    this.git('tag', tag);
    this.git('push', '-q', 'origin', `refs/tags/${tag}`);
    return this.git('rev-parse', 'HEAD');
  }

  untag(tag: string): void {
    this.git('tag', '-d', tag);
    this.git('push', '-q', 'origin', `:refs/tags/${tag}`);
  }

  /** The commit a tag names in origin, or null. */
  originTag(tag: string): string | null {
    try {
      return execFileSync('git', ['--git-dir', this.origin, 'rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  }
}

/** The Unreleased section of this repository's CHANGELOG.md: what the 1.0.0 entry will hold. */
function unreleasedText(): string {
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  const start = changelog.indexOf('## [Unreleased]\n') + '## [Unreleased]\n'.length;
  const end = changelog.indexOf('\n## [', start);
  return changelog.slice(start, end).trim();
}

let registry: Verdaccio;
let api: GitHubApiFake;
let parent: string;
let checkout: Checkout;

beforeAll(async () => {
  registry = await startVerdaccio();
  api = await startGitHubApi({ token: GITHUB_TOKEN });
  parent = tempDir('mlops-ci-release-');
  checkout = new Checkout(parent);
  checkout.create();
});

afterAll(async () => {
  await registry?.close();
  await api?.close();
  if (parent) rmSync(parent, { recursive: true, force: true });
});

/** A push of `tag` (pointing at `sha`) runs release.yml. */
async function release(tag: string, sha: string): Promise<ActRun> {
  const run = await runAct({
    repoDir: checkout.dir,
    workflow: '.github/workflows/release.yml',
    event: 'push',
    payload: { ref: `refs/tags/${tag}`, after: sha, deleted: false, repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } } },
    env: { GITHUB_API_URL: api.url, npm_config_prefer_offline: 'true' },
    vars: { NPM_REGISTRY_URL: registry.url },
    secrets: { NPM_TOKEN: registry.token, GITHUB_TOKEN },
    timeoutMs: 540_000,
  });
  if (run.timedOut) throw new Error(`act timed out:\n${run.output.slice(-4000)}`);
  return run;
}

const releases = () => api.state.releases(OWNER, REPO);

describe('release.yml', () => {
  test('a tag that is not package.json\'s version stops the run before anything is published', async () => {
    const sha = checkout.tag('v1.0.0'); // package.json still says 0.1.0
    const run = await release('v1.0.0', sha);
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain("the tag 'v1.0.0' does not match package.json's version '0.1.0'");
    expect(run.steps.filter((s) => s.stage === 'Main' && s.result === 'success').map((s) => s.name)).not.toContain('Publish to npm');
    expect(await registry.view('mlops-ci')).toBeNull();
    expect(releases()).toEqual([]);
    expect(checkout.originTag('v1')).toBeNull();
    checkout.untag('v1.0.0');
  });

  let released: string;

  test('v1.0.0: published to the registry, released on GitHub with its CHANGELOG entry, v1 moved to it', async () => {
    checkout.bump('1.0.0', null);
    released = checkout.tag('v1.0.0');
    const run = await release('v1.0.0', released);
    expect({ exitCode: run.exitCode, log: run.exitCode === 0 ? '' : run.output.slice(-6000) }).toEqual({ exitCode: 0, log: '' });

    const published = await registry.view('mlops-ci@1.0.0');
    expect(published).toMatchObject({ name: 'mlops-ci', version: '1.0.0', 'dist-tags': { latest: '1.0.0' } });
    expect(releases()).toEqual([
      expect.objectContaining({ tagName: 'v1.0.0', name: 'v1.0.0', body: unreleasedText(), prerelease: false, draft: false }),
    ]);
    expect(releases()[0]!.body).toContain('`LICENSE` (Apache-2.0)');
    expect(checkout.originTag('v1')).toBe(released);
    expect(run.output).not.toContain(registry.token);
    expect(api.violations).toEqual([]);
  });

  describe('npx mlops-ci@1.0.0 from an empty folder that knows only the registry', () => {
    let folder: string;
    let env: Record<string, string>;
    beforeAll(() => {
      folder = path.join(parent, 'stranger');
      mkdirSync(folder);
      env = registry.npmEnv();
    });
    const npx = (args: string[]) =>
      spawnCollect(path.join(path.dirname(process.execPath), 'npx'), ['--yes', 'mlops-ci@1.0.0', ...args], { cwd: folder, env });

    test('a passing gate exits 0', async () => {
      writeFileSync(path.join(folder, 'good.json'), '{"accuracy": 0.93}\n');
      const run = await npx(['evaluate-and-gate', '--metrics', 'good.json', '--rules', 'accuracy >= 0.9', '--comment', 'off']);
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toMatchObject({ passed: 'true', best: 'good' });
    });

    test('a failing gate exits 3', async () => {
      writeFileSync(path.join(folder, 'bad.json'), '{"accuracy": 0.42}\n');
      const run = await npx(['evaluate-and-gate', '--metrics', 'bad.json', '--rules', 'accuracy >= 0.9', '--comment', 'off']);
      expect(run.code).toBe(3);
      expect(JSON.parse(run.stdout)).toMatchObject({ passed: 'false' });
    });
  });

  test('the same tag again stops at the publish with "already published"; the release and v1 stay as they were', async () => {
    const run = await release('v1.0.0', released);
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain(`mlops-ci@1.0.0 is already published on ${registry.url}`);
    expect(releases()).toHaveLength(1);
    expect(checkout.originTag('v1')).toBe(released);
  });

  test('a prerelease goes to npm as `next`, is a GitHub prerelease, and leaves v1 where it was', async () => {
    checkout.bump('1.0.1-rc.1', '### Fixed\n\n- A release candidate of the next patch.');
    const sha = checkout.tag('v1.0.1-rc.1');
    const run = await release('v1.0.1-rc.1', sha);
    expect({ exitCode: run.exitCode, log: run.exitCode === 0 ? '' : run.output.slice(-6000) }).toEqual({ exitCode: 0, log: '' });

    expect(await registry.view('mlops-ci@1.0.1-rc.1')).toMatchObject({ version: '1.0.1-rc.1', 'dist-tags': { latest: '1.0.0', next: '1.0.1-rc.1' } });
    expect(releases().map((r) => [r.tagName, r.prerelease, r.body])).toEqual([
      ['v1.0.0', false, unreleasedText()],
      ['v1.0.1-rc.1', true, '### Fixed\n\n- A release candidate of the next patch.'],
    ]);
    expect(checkout.originTag('v1')).toBe(released);
    expect(api.violations).toEqual([]);
  });
});
