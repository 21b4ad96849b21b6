// Publishes the checkout to an npm registry with the NPM_TOKEN secret. The
// token reaches npm as NODE_AUTH_TOKEN through a temporary npmrc that names
// the variable, not its value, so no file and no log line ever holds it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleasePlan } from './plan.js';

export const NPMJS_REGISTRY = 'https://registry.npmjs.org/';

export interface PublishOptions {
  readonly packageName: string;
  /** Where to publish; npmjs.org unless the repository variable NPM_REGISTRY_URL says otherwise. */
  readonly registry: URL;
  /** The checkout to publish. */
  readonly cwd: string;
  /** The environment npm runs with; must hold NODE_AUTH_TOKEN. */
  readonly env: NodeJS.ProcessEnv;
  /** Where the temporary npmrc goes (RUNNER_TEMP on a runner). */
  readonly tempDir: string;
}

/** The registry as npm keys its credentials: an absolute http(s) URL ending in `/`. */
export function registryUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`NPM_REGISTRY_URL '${text}' is not a URL (e.g. ${NPMJS_REGISTRY})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`NPM_REGISTRY_URL '${text}' is not an http(s) URL`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** npmrc text: the registry, and its token by reference (npm expands `${NODE_AUTH_TOKEN}` when it reads the file). */
export function npmrcFor(registry: URL): string {
  return `registry=${registry.href}\n//${registry.host}${registry.pathname}:_authToken=\${NODE_AUTH_TOKEN}\n`;
}

/**
 * Provenance (a signed statement of the workflow run that built the package)
 * needs GitHub's OIDC token and is only understood by npmjs.org.
 */
export function wantsProvenance(registry: URL, env: NodeJS.ProcessEnv): boolean {
  return registry.href === NPMJS_REGISTRY && env['GITHUB_ACTIONS'] === 'true' && Boolean(env['ACTIONS_ID_TOKEN_REQUEST_URL']);
}

export function publishArgs(plan: ReleasePlan, registry: URL, provenance: boolean): string[] {
  // --ignore-scripts: what is published is the checkout the workflow checked, not what a lifecycle script makes of it.
  return ['publish', '--registry', registry.href, '--tag', plan.channel.npmDistTag, '--ignore-scripts', ...(provenance ? ['--provenance'] : [])];
}

/**
 * Why npm refused, in the words a maintainer needs. npmjs.org answers a
 * version that exists with 403 "cannot publish over the previously published
 * versions", verdaccio with 409 "this package is already present".
 */
export function publishFailure(spec: string, registry: URL, output: string): string {
  if (/\bE409\b|EPUBLISHCONFLICT|previously published|already present|already exists/i.test(output)) {
    return `${spec} is already published on ${registry.href}: a version is published once, so this release stops here. Release a new version (bump package.json, add its CHANGELOG.md entry, tag it).`;
  }
  if (/\bE403\b/.test(output)) {
    return `${registry.href} refused ${spec} (403): it is already published, or the NPM_TOKEN secret may not publish this package. npm's answer is above.`;
  }
  return `npm publish of ${spec} to ${registry.href} failed; npm's answer is above.`;
}

export function publish(plan: ReleasePlan, options: PublishOptions): void {
  const spec = `${options.packageName}@${plan.version}`;
  if (!options.env['NODE_AUTH_TOKEN']) throw new Error(`the NPM_TOKEN secret is empty: ${spec} cannot be published without a token`);
  const dir = mkdtempSync(join(options.tempDir, 'npm-publish-'));
  try {
    const userconfig = join(dir, '.npmrc');
    writeFileSync(userconfig, npmrcFor(options.registry), { mode: 0o600 });
    const args = publishArgs(plan, options.registry, wantsProvenance(options.registry, options.env));
    console.log(`npm ${args.join(' ')}`);
    const result = spawnSync('npm', args, {
      cwd: options.cwd,
      env: { ...options.env, npm_config_userconfig: userconfig },
      encoding: 'utf8',
    });
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    if (result.error) throw new Error(`could not run npm: ${result.error.message}`, { cause: result.error });
    if (result.status !== 0) throw new Error(publishFailure(spec, options.registry, `${result.stdout}\n${result.stderr}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
