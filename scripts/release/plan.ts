// What a pushed version tag asks for, checked against the checkout before
// anything is published: the tag must be `v` + package.json's version, and
// CHANGELOG.md must hold that version's entry (it becomes the release notes).
// Pure functions over text, so every rule is tested without a registry.
import semver from 'semver';

/** How a version reaches users. A prerelease never moves the major tag and is not npm's `latest`. */
export type Channel =
  | { readonly kind: 'stable'; readonly npmDistTag: 'latest'; readonly majorTag: `v${number}` }
  | { readonly kind: 'prerelease'; readonly npmDistTag: 'next' };

export interface ReleasePlan {
  /** The pushed tag, e.g. `v1.2.3` or `v1.2.3-rc.1`. */
  readonly tag: string;
  /** The npm version, the tag without its `v`. */
  readonly version: string;
  readonly channel: Channel;
  /** The CHANGELOG entry's text, without its heading. */
  readonly notes: string;
}

/** A rule of the release process the checkout breaks: nothing has been published. */
export class ReleaseRefused extends Error {
  override readonly name = 'ReleaseRefused';
}

/**
 * The version a tag names: `vMAJOR.MINOR.PATCH` with an optional prerelease
 * part. Build metadata (`+…`) is refused: npm drops it, so two tags would
 * publish the same version.
 */
export function versionOfTag(tag: string): { version: string; channel: Channel } {
  const parsed = tag.startsWith('v') ? semver.parse(tag.slice(1)) : null;
  // `version` is the canonical form: it differs from the text for `vv1.2.3`, `1.2.3+build`, ` 1.2.3`.
  if (parsed === null || parsed.version !== tag.slice(1)) {
    throw new ReleaseRefused(`the tag '${tag}' is not a release tag: expected v<major>.<minor>.<patch>, optionally with a prerelease part (v1.2.3, v1.2.3-rc.1)`);
  }
  const channel: Channel =
    parsed.prerelease.length > 0
      ? { kind: 'prerelease', npmDistTag: 'next' }
      : { kind: 'stable', npmDistTag: 'latest', majorTag: `v${parsed.major}` };
  return { version: parsed.version, channel };
}

/**
 * The text under `## [<version>]` (the heading may go on, e.g. ` - 2026-12-05`),
 * up to the next `## ` heading or the link definitions that close a Keep a
 * Changelog file.
 */
export function changelogEntry(changelog: string, version: string): string {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${escapeRegExp(version)}\\](\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) {
    throw new ReleaseRefused(`CHANGELOG.md has no '## [${version}]' entry: write one (the release notes are its text) before tagging`);
  }
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## ') || /^\[[^\]]+\]:\s/.test(line));
  const entry = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  if (entry === '') throw new ReleaseRefused(`CHANGELOG.md's '## [${version}]' entry is empty: say what changed in it`);
  return entry;
}

/** The release a tag asks for, or ReleaseRefused naming the rule the checkout breaks. */
export function planRelease(input: { tag: string; packageVersion: string; changelog: string }): ReleasePlan {
  const { version, channel } = versionOfTag(input.tag);
  if (version !== input.packageVersion) {
    throw new ReleaseRefused(
      `the tag '${input.tag}' does not match package.json's version '${input.packageVersion}': ` +
        `tag v${input.packageVersion}, or bump "version" in package.json (and CHANGELOG.md) and tag that commit`,
    );
  }
  return { tag: input.tag, version, channel, notes: changelogEntry(input.changelog, version) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
