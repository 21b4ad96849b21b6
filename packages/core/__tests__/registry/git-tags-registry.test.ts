import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitTagsRegistry } from '../../src/registry/git-tags-registry.js';
import { RegistryRefusal } from '../../src/registry/types.js';

const ENV = { ...process.env, GIT_COMMITTER_NAME: 'gto-user', GIT_COMMITTER_EMAIL: 'g@example.invalid', GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.invalid' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' }).trim();
}

/** A repository with one commit, tagged the way tools other than mlops-ci tag versions. */
function repo(): { dir: string; commit: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'git-tags-'));
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'model.pkl'), 'w');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'model');
  return { dir, commit: git(dir, 'rev-parse', 'HEAD') };
}

const registry = (dir: string) => new GitTagsRegistry(dir, { env: process.env, push: false, bump: 'patch' });

describe('GitTagsRegistry.describe', () => {
  test("a version tag without an mlops-ci lineage block (gto register's) is described from the tag: version, commit, time, tagger", async () => {
    const { dir, commit } = repo();
    git(dir, 'tag', '-a', '-m', 'Registering artifact iris version v0.2.0', 'iris@v0.2.0');
    git(dir, 'tag', '-a', '-m', 'Assigning stage production to artifact iris version v0.2.0', 'iris#production#1');
    const found = await registry(dir).describe('iris', { alias: 'production' });
    expect(found?.uri).toBe(`${dir}#iris@v0.2.0`);
    expect(found?.lineage).toMatchObject({ model: 'iris', version: 'v0.2.0', git: { commit }, actor: 'gto-user', metrics: null, files: [], run: { host: null } });
    expect(found?.lineage.registeredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('a lightweight version tag takes its time from the commit', async () => {
    const { dir, commit } = repo();
    git(dir, 'tag', 'iris@v1.0.0');
    const found = await registry(dir).describe('iris', { version: 'v1.0.0' });
    expect(found?.lineage).toMatchObject({ version: 'v1.0.0', git: { commit }, actor: null });
    expect(found?.lineage.registeredAt).toBe(git(dir, 'log', '-1', '--format=%cI'));
  });

  test('no such version or alias is null; a damaged lineage block or a stage on an untagged commit is a refusal', async () => {
    const { dir } = repo();
    expect(await registry(dir).describe('iris', { version: 'v9.9.9' })).toBeNull();
    expect(await registry(dir).describe('iris', { alias: 'production' })).toBeNull();
    git(dir, 'tag', '-a', '-m', 'Registering\n\n--- mlops-ci lineage ---\n{"schema": 1,', 'iris@v0.1.0');
    await expect(registry(dir).describe('iris', { version: 'v0.1.0' })).rejects.toThrow(/tag iris@v0\.1\.0 holds a damaged mlops-ci lineage block/);
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'untagged');
    git(dir, 'tag', '-a', '-m', 'Assigning stage canary', 'other#canary#1');
    await expect(registry(dir).describe('other', { alias: 'canary' })).rejects.toBeInstanceOf(RegistryRefusal);
  });

  test('a repository folder git cannot run in is an error, not "no such version"', async () => {
    const missing = path.join(os.tmpdir(), `git-tags-missing-${process.pid}`, 'repo');
    await expect(registry(missing).describe('iris', { version: 'v1.0.0' })).rejects.toThrow(/could not run git/);
  });

  test('overview: whether the model has versions, and the stages assigned now', async () => {
    const { dir } = repo();
    expect(await registry(dir).overview('iris')).toEqual({ hasVersions: false, aliases: [] });
    git(dir, 'tag', '-a', '-m', 'v', 'iris@v0.1.0');
    git(dir, 'tag', '-a', '-m', 'a', 'iris#staging#1');
    git(dir, 'tag', '-a', '-m', 'a', 'iris#canary#2');
    git(dir, 'tag', '-a', '-m', 'u', 'iris#canary!#3');
    expect(await registry(dir).overview('iris')).toEqual({ hasVersions: true, aliases: ['staging'] });
  });
});

describe('GitTagsRegistry.refusalOf', () => {
  test('says ahead what each change would be refused for: a second version on HEAD, an unknown version, an alias never assigned', async () => {
    const { dir } = repo();
    const refusalOf = (change: Parameters<GitTagsRegistry['refusalOf']>[0]) => registry(dir).refusalOf(change);
    expect(await refusalOf({ kind: 'register', model: 'iris' })).toBeNull();
    expect(await refusalOf({ kind: 'set-alias', model: 'iris', alias: 'prod', version: '0.1.0' })).toBe('version v0.1.0 of iris does not exist (no tag iris@v0.1.0)');
    expect(await refusalOf({ kind: 'remove-alias', model: 'iris', alias: 'prod' })).toBe('alias prod of iris is not assigned: nothing to remove');
    expect(await refusalOf({ kind: 'rollback', model: 'iris', alias: 'prod' })).toMatch(/is not assigned \(no tag iris#prod#N\): nothing to roll back$/);

    git(dir, 'tag', '-a', '-m', 'v', 'iris@v0.1.0');
    git(dir, 'tag', '-a', '-m', 'a', 'iris#prod#1');
    expect(await refusalOf({ kind: 'register', model: 'iris' })).toMatch(/^HEAD is already iris@v0.1.0, and GTO allows one version of a model per commit/);
    expect(await refusalOf({ kind: 'set-alias', model: 'iris', alias: 'prod', version: 'v0.1.0' })).toBeNull();
    expect(await refusalOf({ kind: 'remove-alias', model: 'iris', alias: 'prod' })).toBeNull();
    expect(await refusalOf({ kind: 'rollback', model: 'iris', alias: 'prod' })).toBe('alias prod of iris has no version to go back to: nothing to roll back to');
  });
});
