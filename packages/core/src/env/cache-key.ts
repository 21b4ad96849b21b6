import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnvPlan } from './types.js';

/** Bumped when what a key covers changes, so old entries are never mistaken for new ones. */
const KEY_SCHEME = 'v1';

export interface EnvCacheKeys {
  /** The built env: exact match only (a partial match would be a different env). */
  readonly env: string;
  /** The download cache: saved under this key... */
  readonly downloads: string;
  /** ...and restored from the newest entry with this prefix (any cached wheel is safe to reuse). */
  readonly downloadsPrefix: string;
}

/**
 * Cache keys like setup-python's:
 * `mlops-ci-env-<os>-<arch>-<python>-<manager>-<hash of the lock inputs>[-suffix]`.
 * The hash covers every lock input's name and content, the extras, the
 * interpreter, and — for envs that cannot move — the env's absolute path.
 */
export async function cacheKeys(plan: EnvPlan, options: { relocatable: boolean; suffix?: string; platform?: string; arch?: string }): Promise<EnvCacheKeys> {
  const hash = createHash('sha256');
  const part = (text: string) => hash.update(`${text}\u0000`);
  part(KEY_SCHEME);
  part(plan.manager);
  for (const file of plan.files.lockInputs) {
    part(path.relative(plan.files.projectDir, file));
    hash.update(await readFile(file));
    part('');
  }
  part(`extras=${[...plan.extras].sort().join(',')}`);
  part(`interpreter=${plan.interpreter?.executable ?? ''}`);
  if (!options.relocatable) part(`path=${plan.envPath}`);
  const python = keyPart(pythonOf(plan));
  const head = `${osName(options.platform ?? process.platform)}-${options.arch ?? process.arch}-${python}-${plan.manager}`;
  const suffix = options.suffix ? `-${options.suffix}` : '';
  const digest = hash.digest('hex');
  return {
    env: `mlops-ci-env-${head}-${digest}${suffix}`,
    downloads: `mlops-ci-downloads-${head}-${digest}${suffix}`,
    downloadsPrefix: `mlops-ci-downloads-${head}-`,
  };
}

/** The Python part of the key: the interpreter's version, or conda's pin from environment.yml. */
function pythonOf(plan: EnvPlan): string {
  if (plan.interpreter) return plan.interpreter.version;
  return `py${plan.files.condaEnv?.python ?? 'any'}`;
}

function keyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._]+/g, '_');
}

/** The names RUNNER_OS uses. */
function osName(platform: string): string {
  return ({ linux: 'linux', darwin: 'macos', win32: 'windows' } as Record<string, string>)[platform] ?? platform;
}
