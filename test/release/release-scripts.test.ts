/**
 * The rules of scripts/release/ on their own, without a registry or a runner:
 * which tags are releases, where the notes come from, what npm is told and
 * how its refusals are worded. release-workflow.test.ts runs them for real.
 */
import { describe, expect, test } from '@jest/globals';
import { releaseRequest } from '../../scripts/release/github-release.js';
import { npmrcFor, publishArgs, publishFailure, registryUrl, wantsProvenance } from '../../scripts/release/npm-publish.js';
import { changelogEntry, planRelease, ReleaseRefused, versionOfTag } from '../../scripts/release/plan.js';

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Added

- something not released yet

## [1.2.0] - 2026-12-05

### Added

- the thing 1.2.0 brings

## [1.2.0-rc.1] - 2026-12-01

- the candidate

## [1.1.0] - 2026-11-01

- older

[1.2.0]: https://example.invalid/compare/v1.1.0...v1.2.0
`;

describe('versionOfTag', () => {
  test.each([
    ['v1.2.3', '1.2.3', { kind: 'stable', npmDistTag: 'latest', majorTag: 'v1' }],
    ['v0.4.0', '0.4.0', { kind: 'stable', npmDistTag: 'latest', majorTag: 'v0' }],
    ['v2.0.0-rc.1', '2.0.0-rc.1', { kind: 'prerelease', npmDistTag: 'next' }],
    ['v1.0.0-beta', '1.0.0-beta', { kind: 'prerelease', npmDistTag: 'next' }],
  ])('%s is version %s on its channel', (tag, version, channel) => {
    expect(versionOfTag(tag)).toEqual({ version, channel });
  });

  test.each(['1.2.3', 'v1.2', 'v1', 'vv1.2.3', 'v01.2.3', 'v1.2.3+build.5', 'v1.2.3 ', 'release-1.2.3'])('%j is refused', (tag) => {
    expect(() => versionOfTag(tag)).toThrow(ReleaseRefused);
    expect(() => versionOfTag(tag)).toThrow(/is not a release tag: expected v<major>.<minor>.<patch>/);
  });
});

describe('changelogEntry', () => {
  test('is the text under the version heading, up to the next heading', () => {
    expect(changelogEntry(CHANGELOG, '1.2.0')).toBe('### Added\n\n- the thing 1.2.0 brings');
    expect(changelogEntry(CHANGELOG, '1.2.0-rc.1')).toBe('- the candidate');
  });

  test('stops at the link definitions that close the file', () => {
    expect(changelogEntry(CHANGELOG, '1.1.0')).toBe('- older');
  });

  test('a missing entry is refused naming the heading to write; a version is matched whole, not as a prefix', () => {
    expect(() => changelogEntry(CHANGELOG, '1.3.0')).toThrow("CHANGELOG.md has no '## [1.3.0]' entry");
    expect(() => changelogEntry(CHANGELOG, '1.2')).toThrow("no '## [1.2]' entry");
  });

  test('an empty entry is refused', () => {
    expect(() => changelogEntry('## [1.0.0]\n\n## [0.9.0]\n- x\n', '1.0.0')).toThrow("'## [1.0.0]' entry is empty");
  });
});

describe('planRelease', () => {
  test('a tag that is package.json\'s version plans its release with the CHANGELOG entry as notes', () => {
    expect(planRelease({ tag: 'v1.2.0', packageVersion: '1.2.0', changelog: CHANGELOG })).toEqual({
      tag: 'v1.2.0',
      version: '1.2.0',
      channel: { kind: 'stable', npmDistTag: 'latest', majorTag: 'v1' },
      notes: '### Added\n\n- the thing 1.2.0 brings',
    });
  });

  test('a tag other than package.json\'s version is refused naming both', () => {
    expect(() => planRelease({ tag: 'v1.3.0', packageVersion: '1.2.0', changelog: CHANGELOG })).toThrow(
      "the tag 'v1.3.0' does not match package.json's version '1.2.0'",
    );
  });
});

describe('npm publish', () => {
  const plan = planRelease({ tag: 'v1.2.0-rc.1', packageVersion: '1.2.0-rc.1', changelog: CHANGELOG });

  test('the registry URL ends in a slash, as npm keys its credentials; other schemes are refused', () => {
    expect(registryUrl('http://127.0.0.1:4873').href).toBe('http://127.0.0.1:4873/');
    expect(registryUrl(' https://npm.example/registry ').href).toBe('https://npm.example/registry/');
    expect(() => registryUrl('file:///tmp/x')).toThrow('is not an http(s) URL');
    expect(() => registryUrl('not a url')).toThrow('is not a URL');
  });

  test('the npmrc names the token variable, never a token', () => {
    expect(npmrcFor(registryUrl('https://npm.example/registry/'))).toBe(
      'registry=https://npm.example/registry/\n//npm.example/registry/:_authToken=${NODE_AUTH_TOKEN}\n',
    );
  });

  test('a prerelease goes to dist-tag next; provenance only on npmjs.org from a GitHub run that can get an OIDC token', () => {
    const npmjs = registryUrl('https://registry.npmjs.org/');
    const local = registryUrl('http://127.0.0.1:4873/');
    const github = { GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example' };
    expect(publishArgs(plan, local, false)).toEqual(['publish', '--registry', 'http://127.0.0.1:4873/', '--tag', 'next', '--ignore-scripts']);
    expect(publishArgs(plan, npmjs, true)).toContain('--provenance');
    expect(wantsProvenance(npmjs, github)).toBe(true);
    expect(wantsProvenance(local, github)).toBe(false);
    expect(wantsProvenance(npmjs, { GITHUB_ACTIONS: 'true' })).toBe(false);
  });

  test.each([
    ['npm error code E409\nnpm error 409 Conflict - PUT http://127.0.0.1:4873/mlops-ci - this package is already present', 'is already published on'],
    ['npm error code E403\nnpm error 403 403 Forbidden - You cannot publish over the previously published versions: 1.2.0.', 'is already published on'],
    ['npm error code E403\nnpm error 403 Forbidden - you do not have permission', 'refused mlops-ci@1.2.0 (403): it is already published, or the NPM_TOKEN'],
    ['npm error code ECONNREFUSED', 'failed; npm\'s answer is above'],
  ])('npm saying %j is worded "%s"', (output, words) => {
    expect(publishFailure('mlops-ci@1.2.0', registryUrl('http://127.0.0.1:4873/'), output)).toContain(words);
  });
});

test('the GitHub release is named after the tag, its body the notes, flagged as a prerelease when it is one', () => {
  const plan = planRelease({ tag: 'v1.2.0-rc.1', packageVersion: '1.2.0-rc.1', changelog: CHANGELOG });
  expect(releaseRequest(plan)).toEqual({ tag_name: 'v1.2.0-rc.1', name: 'v1.2.0-rc.1', body: '- the candidate', draft: false, prerelease: true });
});
