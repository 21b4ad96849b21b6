import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { revParse } from '../../src/scm/git.js';

const ENV = { ...process.env, GIT_COMMITTER_NAME: 'c', GIT_COMMITTER_EMAIL: 'c@example.invalid', GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.invalid' };

function repoWithOneCommit(): { dir: string; head: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scm-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('commit', '-q', '--allow-empty', '-m', 'first');
  git('tag', '-a', '-m', 'annotated', 'v1');
  return { dir, head: git('rev-parse', 'HEAD') };
}

describe('revParse', () => {
  test('names the commit a rev points at, through an annotated tag too', async () => {
    const { dir, head } = repoWithOneCommit();
    expect(await revParse({ cwd: dir, env: process.env }, 'HEAD')).toBe(head);
    expect(await revParse({ cwd: dir, env: process.env }, 'refs/tags/v1')).toBe(head);
  });

  test('an unknown rev, or a folder outside any repository, is null', async () => {
    const { dir } = repoWithOneCommit();
    expect(await revParse({ cwd: dir, env: process.env }, 'refs/tags/absent')).toBeNull();
    expect(await revParse({ cwd: dir, env: process.env }, 'refs/tags/absent', { throwIfGitCannotRun: true })).toBeNull();
    expect(await revParse({ cwd: mkdtempSync(path.join(os.tmpdir(), 'scm-nogit-')), env: process.env }, 'HEAD')).toBeNull();
  });

  test('a git that cannot run is null by default, an error when asked', async () => {
    const missing = path.join(os.tmpdir(), `scm-git-missing-${process.pid}`, 'repo');
    expect(await revParse({ cwd: missing, env: process.env }, 'HEAD')).toBeNull();
    await expect(revParse({ cwd: missing, env: process.env }, 'HEAD', { throwIfGitCannotRun: true })).rejects.toThrow(/could not run git/);
  });
});
