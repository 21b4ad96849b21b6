/**
 * What the end-to-end runs of the iris pipeline share: the example as a git
 * repository, its DVC remote copied into a bucket, the fixture that degrades
 * training, a Jenkins workspace as a multibranch build leaves it, one build of
 * the Jenkinsfile under the harness, and the registry reduced to what two
 * hosts running the same pipeline must agree on.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../support/bundle.js';
import type { S3Server } from '../support/s3-server.js';
import { filesUnder } from '../promote-model/fixtures.js';

export const WORKFLOW = '.github/workflows/iris.yml';
const EXAMPLE = 'examples/iris';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'advice.detachedHead=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/**
 * A git repo holding the git-tracked files of actions/ and examples/iris, the workflow, and dist/
 * as built (the bundle the tests run), committed on main.
 */
export function exampleRepo(): string {
  const dir = tempDir('e2e-iris-');
  const tracked = execFileSync('git', ['ls-files', '-z', '--', 'actions', EXAMPLE], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of [...tracked, WORKFLOW]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

/** Copies the example's DVC remote (a folder, DVC's own layout) to s3://<bucket>/<prefix>/, as `dvc push` would have. */
export async function seedDvcRemote(s3: S3Server, bucket: string, prefix: string): Promise<string> {
  await s3.createBucket(bucket);
  const remote = path.join(ROOT, EXAMPLE, 'dvc-remote');
  for (const file of filesUnder(remote)) {
    await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}/${file}`, Body: readFileSync(path.join(remote, file)) }));
  }
  return `s3://${bucket}/${prefix}`;
}

/** The fixture of a worse model: labels shuffled before fit. */
export function degradeTraining(repoDir: string): void {
  const trainPy = path.join(repoDir, EXAMPLE, 'train.py');
  const source = readFileSync(trainPy, 'utf8');
  if (!source.includes('model.fit(X_train, y_train)')) throw new Error(`${trainPy} no longer has the line the fixture degrades`);
  writeFileSync(trainPy, source.replace('model.fit(X_train, y_train)', 'model.fit(X_train, y_train.sample(frac=1, random_state=0).to_numpy())'));
}

/**
 * A Jenkins workspace for one build, cloned from `base`. A PR build's checkout is what GitHub
 * Branch Source makes of it: the PR head with the target branch merged in (so HEAD is a local
 * merge commit GitHub never sees, and the PR head is HEAD^1); `change` edits the PR's files.
 */
export function jenkinsWorkspace(base: string, pr?: { branch: string; change?: (dir: string) => void }): { dir: string; head: string } {
  const dir = path.join(tempDir('e2e-jenkins-ws-'), 'workspace');
  execFileSync('git', ['clone', '-q', base, dir]);
  if (!pr) return { dir, head: git(dir, 'rev-parse', 'HEAD') };
  git(dir, 'checkout', '-qb', pr.branch);
  if (pr.change) pr.change(dir);
  git(dir, 'commit', '-qam', `the change of ${pr.branch}`, '--allow-empty');
  const head = git(dir, 'rev-parse', 'HEAD');
  // main moved on since the PR branched, so the merge is a real two-parent commit.
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'main moves on');
  git(dir, 'checkout', '-q', '--detach', head);
  git(dir, 'merge', '-q', '--no-edit', 'main');
  return { dir, head };
}

export interface JenkinsBuild {
  readonly result: 'SUCCESS' | 'UNSTABLE' | 'FAILURE';
  readonly ranStages: string[];
  readonly skippedStages: string[];
  readonly testReports: { tests: number; failed: number }[];
  readonly log: string[];
  readonly calls: { name: string; args: string }[];
  /** Everything groovy printed (harness failures land here). */
  readonly output: string;
}

/**
 * One build of the workspace's examples/iris/Jenkinsfile under the Groovy harness
 * (test/jenkins/run-jenkinsfile.groovy): this repository's jenkins-lib as the library, the
 * real bundle from its resources, every sh run for real with exactly the build's environment.
 */
export async function runJenkinsBuild(workspace: string, build: { env: Record<string, string>; credentials: Record<string, unknown> }): Promise<JenkinsBuild> {
  const dir = tempDir('e2e-jenkins-build-');
  const buildFile = path.join(dir, 'build.json');
  const resultFile = path.join(dir, 'result.json');
  writeFileSync(buildFile, JSON.stringify(build));
  const jenkinsfile = path.join(workspace, EXAMPLE, 'Jenkinsfile');
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('bash', [path.join(ROOT, 'test/jenkins/run.sh'), '--jenkinsfile', jenkinsfile, workspace, buildFile, resultFile], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', (status) => resolve({ code: status, output: text }));
  });
  if (code !== 0 || !existsSync(resultFile)) throw new Error(`the harness failed to run ${jenkinsfile} (exit ${code}):\n${output}`);
  return { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<JenkinsBuild, 'output'>), output };
}

/** What a registry folder holds, without what differs between hosts (times, run URLs, commits, actors). */
export interface RegistrySnapshot {
  aliases: Record<string, string>;
  versions: {
    version: string;
    metrics: unknown;
    gate: { passed: boolean; best: string | null } | null;
    files: { path: string; sha256: string }[];
    data: string | null;
    env: string | null;
    image: string | null;
  }[];
}

export function registrySnapshot(registry: string, model = 'iris'): RegistrySnapshot {
  const root = path.join(registry, model);
  const aliases: Record<string, string> = {};
  for (const file of readdirSync(path.join(root, 'aliases')).sort()) {
    const alias = JSON.parse(readFileSync(path.join(root, 'aliases', file), 'utf8')) as { version: string };
    aliases[file.replace(/\.json$/, '')] = alias.version;
  }
  const versions = readdirSync(path.join(root, 'versions'))
    .sort((a, b) => Number(a) - Number(b))
    .map((version) => {
      const lineage = JSON.parse(readFileSync(path.join(root, 'versions', version, 'version.json'), 'utf8')) as {
        version: string;
        metrics: unknown;
        gate: { passed: boolean; best: string | null } | null;
        files: { path: string; sha256: string }[];
        data: { digest: string | null };
        env: { fingerprint: string | null };
        image: { digest: string | null };
      };
      return {
        version: lineage.version,
        metrics: lineage.metrics,
        gate: lineage.gate && { passed: lineage.gate.passed, best: lineage.gate.best },
        files: lineage.files.map((f) => ({ path: f.path, sha256: f.sha256 })).sort((a, b) => a.path.localeCompare(b.path)),
        data: lineage.data.digest,
        env: lineage.env.fingerprint,
        image: lineage.image.digest,
      };
    });
  return { aliases, versions };
}

