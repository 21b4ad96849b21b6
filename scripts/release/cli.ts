// The steps of .github/workflows/release.yml, one command each, run from the
// checkout's root with `npx tsx scripts/release/cli.ts <command>`:
//
//   check           TAG → checks the tag, CHANGELOG.md and the bundle's --version;
//                   outputs version, npm-dist-tag, major-tag ('' for a prerelease), prerelease
//   publish         TAG, NODE_AUTH_TOKEN, NPM_REGISTRY_URL (default npmjs.org) → npm publish
//   github-release  TAG, GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL → POST .../releases
//
// Every command plans from the checkout again (plan.ts), so no step trusts
// text handed on by an earlier one. A refusal fails the step and is written to
// the job summary too, where it is seen at a glance.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { createGitHubRelease } from './github-release.js';
import { NPMJS_REGISTRY, publish, registryUrl } from './npm-publish.js';
import { planRelease, ReleaseRefused, type ReleasePlan } from './plan.js';

const COMMANDS = ['check', 'publish', 'github-release'] as const;
type Command = (typeof COMMANDS)[number];

interface Checkout {
  readonly root: string;
  readonly packageName: string;
  readonly plan: ReleasePlan;
}

function requiredEnv(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set: run this from .github/workflows/release.yml, which sets it`);
  return value;
}

function readCheckout(root: string): Checkout {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  const plan = planRelease({ tag: requiredEnv('TAG'), packageVersion: manifest.version, changelog });
  return { root, packageName: manifest.name, plan };
}

/**
 * The bundle's own `--version` (packages/core/src/version.ts, compiled in)
 * must be the version published: the freshness check that follows proves
 * dist/ is built from the sources, not that the sources were bumped.
 */
function checkBundleVersion({ root, plan }: Checkout): void {
  const run = spawnSync(process.execPath, ['--', join(root, 'dist', 'mlops-ci.js'), '--version'], { cwd: root, encoding: 'utf8' });
  const said = run.status === 0 ? run.stdout.trim() : `nothing (exit ${run.status}: ${run.stderr.trim()})`;
  if (said !== plan.version) {
    throw new ReleaseRefused(
      `dist/mlops-ci.js --version says ${said}, not ${plan.version}: set VERSION in packages/core/src/version.ts to ${plan.version} and run npm run build`,
    );
  }
}

function check(checkout: Checkout): void {
  const { packageName, plan } = checkout;
  checkBundleVersion(checkout);
  core.setOutput('version', plan.version);
  core.setOutput('npm-dist-tag', plan.channel.npmDistTag);
  core.setOutput('major-tag', plan.channel.kind === 'stable' ? plan.channel.majorTag : '');
  core.setOutput('prerelease', String(plan.channel.kind === 'prerelease'));
  const major = plan.channel.kind === 'stable' ? `moves ${plan.channel.majorTag}` : 'a prerelease: the major tag stays';
  core.info(`${plan.tag}: ${packageName}@${plan.version}, npm dist-tag ${plan.channel.npmDistTag}, ${major}`);
}

function publishToNpm({ root, packageName, plan }: Checkout): void {
  const registry = registryUrl(process.env['NPM_REGISTRY_URL']?.trim() || NPMJS_REGISTRY);
  publish(plan, { packageName, registry, cwd: root, env: process.env, tempDir: process.env['RUNNER_TEMP'] || tmpdir() });
  core.info(`published ${packageName}@${plan.version} to ${registry.href} (dist-tag ${plan.channel.npmDistTag})`);
}

async function releaseOnGitHub({ plan }: Checkout): Promise<void> {
  const url = await createGitHubRelease(plan, {
    token: requiredEnv('GITHUB_TOKEN'),
    repository: requiredEnv('GITHUB_REPOSITORY'),
    apiUrl: process.env['GITHUB_API_URL']?.trim() || 'https://api.github.com',
  });
  core.info(`created the GitHub release ${url}`);
}

async function run(command: Command): Promise<void> {
  const checkout = readCheckout(process.cwd());
  if (command === 'check') check(checkout);
  else if (command === 'publish') publishToNpm(checkout);
  else await releaseOnGitHub(checkout);
}

async function fail(message: string): Promise<void> {
  core.setFailed(message);
  if (process.env['GITHUB_STEP_SUMMARY']) await core.summary.addHeading('Release stopped', 3).addRaw(message, true).write();
}

const command = process.argv[2];
if (!COMMANDS.includes(command as Command)) {
  console.error(`usage: npx tsx scripts/release/cli.ts ${COMMANDS.join('|')}`);
  process.exitCode = 2;
} else {
  await run(command as Command).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
