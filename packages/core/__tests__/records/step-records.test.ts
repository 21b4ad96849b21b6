import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunContext, RunIdentity } from '../../src/host/types.js';
import { excludeRecordsFromGit } from '../../src/records/git-exclude.js';
import { readRunRecords, writeStepRecord } from '../../src/records/step-records.js';

const RUN_A: RunIdentity = { id: 'jenkins:jenkins-iris-41', source: 'jenkins' };
const RUN_B: RunIdentity = { id: 'jenkins:jenkins-iris-42', source: 'jenkins' };

const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

function contextOf(workspace: string, run: RunIdentity): RunContext {
  return { repository: null, projectId: null, sha: null, pullRequest: null, pullRequestFromFork: false, runUrl: null, eventName: null, apiUrl: 'https://api.github.com', workspace, cwd: workspace, env: {}, tempDir: os.tmpdir(), run };
}

describe('step records', () => {
  test('a record is read back by its own run only; another run gets the reason, naming both runs', async () => {
    const workspace = tempDir('records-');
    expect(await writeStepRecord(contextOf(workspace, RUN_A), 'data-pull', 'ok', { digest: 'd1' })).toBe(path.join('.mlops-ci', 'data-pull.json'));

    const same = await readRunRecords(workspace, RUN_A, 'data-pull');
    expect(same.ignored).toEqual([]);
    expect(same.mine).toEqual([expect.objectContaining({ step: 'data-pull', run: RUN_A, outputs: { digest: 'd1' }, file: path.join('.mlops-ci', 'data-pull.json') })]);

    const next = await readRunRecords(workspace, RUN_B, 'data-pull');
    expect(next.mine).toEqual([]);
    expect(next.ignored).toEqual([{ file: path.join('.mlops-ci', 'data-pull.json'), reason: expect.stringMatching(/by run "jenkins:jenkins-iris-41", not this run \("jenkins:jenkins-iris-42"\)$/) }]);
  });

  test('trainings are keyed by their outputs folder: two folders keep two records, the same folder is replaced', async () => {
    const workspace = tempDir('records-train-');
    const context = contextOf(workspace, RUN_A);
    const rf = await writeStepRecord(context, 'train-in-container', 'ok', { outputs: '/w/out/rf', 'image-digest': 'sha256:1' });
    const gb = await writeStepRecord(context, 'train-in-container', 'ok', { outputs: '/w/out/gb', 'image-digest': 'sha256:2' });
    expect(rf).not.toBe(gb);
    await writeStepRecord(context, 'train-in-container', 'ok', { outputs: '/w/out/rf', 'image-digest': 'sha256:3' });
    const { mine } = await readRunRecords(workspace, RUN_A, 'train-in-container');
    expect(mine.map((record) => record.outputs).sort((a, b) => (a['outputs']! < b['outputs']! ? -1 : 1))).toEqual([
      { outputs: '/w/out/gb', 'image-digest': 'sha256:2' },
      { outputs: '/w/out/rf', 'image-digest': 'sha256:3' },
    ]);
  });

  test('a record says how its step ended; one written before outcomes were recorded was a success', async () => {
    const workspace = tempDir('records-outcome-');
    await writeStepRecord(contextOf(workspace, RUN_A), 'train-in-container', 'failed', { outputs: '/w/out/rf', 'exit-code': '3' });
    await writeStepRecord(contextOf(workspace, RUN_A), 'evaluate-and-gate', 'gate-failed', { passed: 'false' });
    writeFileSync(path.join(workspace, '.mlops-ci', 'data-pull.json'), JSON.stringify({ schema: 2, step: 'data-pull', run: RUN_A, writtenAt: new Date().toISOString(), outputs: { digest: 'd' } }));
    writeFileSync(path.join(workspace, '.mlops-ci', 'setup-env.json'), JSON.stringify({ schema: 3, step: 'setup-env', outcome: 'maybe', run: RUN_A, writtenAt: new Date().toISOString(), outputs: {} }));

    expect((await readRunRecords(workspace, RUN_A, 'train-in-container')).mine.map((record) => record.outcome)).toEqual(['failed']);
    expect((await readRunRecords(workspace, RUN_A, 'evaluate-and-gate')).mine.map((record) => record.outcome)).toEqual(['gate-failed']);
    expect((await readRunRecords(workspace, RUN_A, 'data-pull')).mine.map((record) => record.outcome)).toEqual(['ok']);
    expect((await readRunRecords(workspace, RUN_A, 'setup-env')).ignored.map((ignored) => ignored.reason)).toEqual(['it is not a record mlops-ci wrote']);
  });

  test('what is not a record of this format is left aside with a reason, never read through', async () => {
    const workspace = tempDir('records-odd-');
    mkdirSync(path.join(workspace, '.mlops-ci', 'train-in-container'), { recursive: true });
    writeFileSync(path.join(workspace, '.mlops-ci', 'setup-env.json'), '{"fingerprint": "sha256:old"}');
    const training = (name: string) => path.join(workspace, '.mlops-ci', 'train-in-container', name);
    writeFileSync(training(`${'a'.repeat(16)}.json`), 'not json');
    writeFileSync(training(`${'b'.repeat(16)}.json`), JSON.stringify({ schema: 2, step: 'train-in-container', run: RUN_A, writtenAt: new Date().toISOString(), outputs: { outputs: 7 } }));
    // A FIFO would block a read forever: it must not be opened.
    execFileSync('mkfifo', [training(`${'c'.repeat(16)}.json`)]);
    // Printed in a warning on GitHub, a newline would start a workflow command: such a record is no record.
    writeFileSync(training(`${'d'.repeat(16)}.json`), JSON.stringify({ schema: 2, step: 'train-in-container', run: RUN_B, writtenAt: 'x\n::set-output name=a::b', outputs: {} }));
    writeFileSync(training('x\n::error::planted.json'), JSON.stringify({ schema: 2, step: 'train-in-container', run: RUN_B, writtenAt: new Date().toISOString(), outputs: {} }));
    symlinkSync('/etc/hostname', path.join(workspace, '.mlops-ci', 'data-pull.json'));

    expect(await readRunRecords(workspace, RUN_A, 'setup-env')).toEqual({ mine: [], ignored: [{ file: path.join('.mlops-ci', 'setup-env.json'), reason: 'it was written by an older mlops-ci, which did not record the run' }] });
    expect((await readRunRecords(workspace, RUN_A, 'data-pull')).ignored[0]?.reason).toBe('it is not a regular file');
    const trainings = await readRunRecords(workspace, RUN_A, 'train-in-container');
    expect(trainings.mine).toEqual([]);
    expect(trainings.ignored.map((ignored) => ignored.reason)).toEqual(['it is not JSON', 'it is not a record mlops-ci wrote', 'it is not a regular file', 'it is not a record mlops-ci wrote']);
    expect(trainings.ignored.map((ignored) => ignored.file).join('')).not.toContain('\n');
  });

  test('a records folder that is a symlink is not written through', async () => {
    const workspace = tempDir('records-planted-');
    const elsewhere = tempDir('records-elsewhere-');
    symlinkSync(elsewhere, path.join(workspace, '.mlops-ci'));
    await expect(writeStepRecord(contextOf(workspace, RUN_A), 'data-pull', 'ok', { digest: 'd' })).rejects.toThrow('.mlops-ci in the workspace is not a folder');
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('excludeRecordsFromGit', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8' });

  test('adds .mlops-ci/ once, also from a sub-folder of the repository, keeping what was there', async () => {
    const repo = tempDir('exclude-');
    git(repo, 'init', '-q', '-b', 'main');
    const exclude = path.join(repo, '.git', 'info', 'exclude');
    mkdirSync(path.dirname(exclude), { recursive: true });
    writeFileSync(exclude, '*.secret'); // no final newline
    const example = path.join(repo, 'examples', 'iris');
    mkdirSync(example, { recursive: true });

    expect(await excludeRecordsFromGit({ cwd: example, env: process.env })).toBe('added');
    expect(await excludeRecordsFromGit({ cwd: repo, env: process.env })).toBe('present');
    const lines = readFileSync(exclude, 'utf8').split('\n');
    expect(lines[0]).toBe('*.secret');
    expect(lines.filter((line) => line === '.mlops-ci/')).toHaveLength(1);
    expect(lines.filter((line) => line === '.*.mlops-ci-lock')).toHaveLength(1);

    mkdirSync(path.join(example, '.mlops-ci'));
    writeFileSync(path.join(example, '.mlops-ci', 'data-pull.json'), '{}');
    // The lock a killed data-pull leaves beside its destination.
    writeFileSync(path.join(example, '.data.mlops-ci-lock'), '{}');
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).not.toContain('.mlops-ci');
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).not.toContain('mlops-ci-lock');
  });

  test('a linked worktree writes the exclude file git reads for it', async () => {
    const repo = tempDir('exclude-main-');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'init');
    const worktree = path.join(tempDir('exclude-wt-'), 'wt');
    git(repo, 'worktree', 'add', '-q', worktree);
    expect(await excludeRecordsFromGit({ cwd: worktree, env: process.env })).toBe('added');
    mkdirSync(path.join(worktree, '.mlops-ci'));
    writeFileSync(path.join(worktree, '.mlops-ci', 'x.json'), '{}');
    expect(git(worktree, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  test('outside a git work tree nothing is written', async () => {
    const dir = tempDir('exclude-none-');
    const previous = process.env['GIT_CEILING_DIRECTORIES'];
    process.env['GIT_CEILING_DIRECTORIES'] = path.dirname(dir);
    try {
      expect(await excludeRecordsFromGit({ cwd: dir, env: process.env })).toBe('not-a-work-tree');
    } finally {
      if (previous === undefined) delete process.env['GIT_CEILING_DIRECTORIES'];
      else process.env['GIT_CEILING_DIRECTORIES'] = previous;
    }
    expect(existsSync(path.join(dir, '.git'))).toBe(false);
  });
});
