import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runBundle, tempDir, type BundleRun } from '../support/bundle.js';

/** The test venv of scripts/provision/python-venv.sh: pipenv, poetry and uv live there. */
export const TOOLS_BIN = path.join(ROOT, '.cache', 'venv', 'bin');
export const FIXTURES = path.join(ROOT, 'test', 'setup-env', 'fixtures');
/** uv keeps every wheel it downloaded here, so the tests download each fixture's packages once. */
const UV_CACHE = path.join(ROOT, '.cache', 'test-uv-cache');

/** What every fixture resolves to: python-dateutil and its dependency six. */
export const PURE_SET = ['python-dateutil==2.9.0.post0', 'six==1.17.0'];

export function requireTools(): void {
  if (!existsSync(path.join(TOOLS_BIN, 'uv'))) throw new Error(`${TOOLS_BIN}/uv is missing: run bash scripts/provision/python-venv.sh`);
}

/** A fresh copy of a fixture project. */
export function project(fixture: string): string {
  const dir = tempDir(`setup-env-${fixture}-`);
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

/** How this machine reaches PyPI (a proxy, its CA): a runner has these in its environment, the tools need them. */
const NETWORK_VARIABLES = /^(SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|PIP_CERT|PIP_INDEX_URL|PIP_EXTRA_INDEX_URL|UV_INDEX_URL|UV_NATIVE_TLS|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy)$/;

export function networkEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => NETWORK_VARIABLES.test(entry[0]) && entry[1] !== undefined));
}

/** The managers first on PATH, as on a runner where they were installed, and a private cache folder. */
export function toolEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { ...networkEnv(), PATH: `${TOOLS_BIN}${path.delimiter}${process.env['PATH'] ?? ''}`, UV_CACHE_DIR: UV_CACHE, MLOPS_CI_CACHE_DIR: tempDir('setup-env-cache-'), ...extra };
}

export async function setupEnv(args: readonly string[], env: Record<string, string> = toolEnv(), cwd?: string): Promise<BundleRun & { outputs: Record<string, string> }> {
  const run = await runBundle(['setup-env', ...args], { env, ...(cwd ? { cwd } : {}) });
  let outputs: Record<string, string> = {};
  try {
    outputs = JSON.parse(run.stdout) as Record<string, string>;
  } catch {
    // left empty: the assertion on the exit code shows stderr
  }
  return { ...run, outputs };
}

export function explain(run: BundleRun): string {
  return `exit ${run.code}\n--- stderr ---\n${run.stderr}\n--- stdout ---\n${run.stdout}`;
}

/** Fails with the step's whole log when it did not exit 0. */
export function expectSuccess(run: BundleRun): void {
  if (run.code !== 0) throw new Error(`setup-env failed:\n${explain(run)}`);
}
