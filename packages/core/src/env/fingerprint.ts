import { createHash } from 'node:crypto';
import type { CommandRunner } from './command.js';

/**
 * Tools that come with a venv rather than from the project's resolution:
 * `python -m venv` seeds pip (and setuptools on older Pythons), `uv venv`
 * seeds nothing. Leaving them out lets two managers that resolve the same
 * set share a fingerprint.
 */
const SEED_PACKAGES = new Set(['pip', 'setuptools', 'wheel', 'distribute']);

/** Every distribution the env's Python can import metadata for, as [name, version]. */
const LIST_DISTRIBUTIONS =
  'import importlib.metadata as m, json; print(json.dumps([[d.metadata["Name"] or "", d.version] for d in m.distributions()]))';

/** PEP 503: `Python_Dateutil` and `python.dateutil` are one project. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The packages installed in an env as sorted `name==version` lines (seed
 * tools excluded). Read through the env's own interpreter, so it works the
 * same for every manager, pip or no pip in the env.
 */
export async function installedPackages(runner: CommandRunner, python: string): Promise<string[]> {
  const result = await runner.capture(python, ['-c', LIST_DISTRIBUTIONS], { env: { PYTHONPATH: undefined, PYTHONHOME: undefined } });
  const pairs = JSON.parse(result.stdout) as Array<[string, string]>;
  const lines = new Set<string>();
  for (const [name, version] of pairs) {
    const normalized = normalizeName(name);
    if (normalized !== '' && !SEED_PACKAGES.has(normalized)) lines.add(`${normalized}==${version}`);
  }
  return [...lines].sort();
}

/** sha256 of the `name==version` lines: equal for two envs that resolved to the same set. */
export function fingerprintOf(packages: readonly string[]): string {
  return createHash('sha256').update(packages.map((line) => `${line}\n`).join('')).digest('hex');
}

/** Whether pip is importable in the env (venv seeds it; uv and poetry envs may lack it). */
export async function hasPip(runner: CommandRunner, python: string): Promise<boolean> {
  const result = await runner.capture(python, ['-c', 'import importlib.util, sys; sys.exit(0 if importlib.util.find_spec("pip") else 1)'], { ignoreReturnCode: true });
  return result.exitCode === 0;
}
