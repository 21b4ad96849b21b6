/**
 * Parsers for the values a container run is described with: durations, byte
 * sizes, image references, mounts and env files. Each returns null (or throws
 * a plain Error saying what is accepted) so the step can turn it into an
 * InputError naming its own input.
 */
import path from 'node:path';
import { describeLine } from '../errors.js';

/** `45s`, `90m`, `2h`, `1h30m`, or a bare number of seconds. Returns seconds, or null when it does not parse. */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const match = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(value);
  if (!match || value === '') return null;
  const [, hours, minutes, seconds] = match;
  return Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/**
 * A memory size as Docker reads it (binary units: `512m`, `2g`, `1.5GiB`, `1048576`).
 * Returns whole bytes, or null when it does not parse or is not positive.
 */
export function parseByteSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const unit = SIZE_UNITS[match[2] ?? ''];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 ? bytes : null;
}

/**
 * Docker's image reference grammar (distribution/reference): an optional
 * registry host[:port], lower-case path components, then `:tag` and/or
 * `@sha256:<64 hex>`. Also accepts a bare image ID (`sha256:<hex>`).
 */
export function isValidImageReference(ref: string): boolean {
  if (/^sha256:[a-f0-9]{64}$/.test(ref)) return true;
  if (ref.length > 255 + 128 + 80) return false;
  const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
  const host = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
  const name = `(?:${host}/)?${component}(?:/${component})*`;
  const tag = '[\\w][\\w.-]{0,127}';
  const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
  if (!new RegExp(`^${name}(?::${tag})?(?:@${digest})?$`).test(ref)) return false;
  // As in Docker, a first part is a registry host only when it has a dot or a port or is localhost; else it is a (lower-case) path component.
  const first = ref.split('/')[0] as string;
  return !ref.includes('/') || /[.:]/.test(first) || first === 'localhost' || new RegExp(`^${component}$`).test(first);
}

export interface Mount {
  /** Absolute path on the host. */
  readonly source: string;
  /** Absolute path inside the container. */
  readonly target: string;
  readonly readOnly: boolean;
}

/**
 * `host:container[:ro|:rw]`; the host path may be relative (to `cwd`), the
 * container path must be absolute. Throws an Error saying what is accepted.
 */
export function parseMount(text: string, cwd: string): Mount {
  const parts = text.split(':');
  const mode = parts.length === 3 ? parts[2] : parts.length === 2 ? 'rw' : undefined;
  const [source, target] = parts;
  if (!source || !target || (mode !== 'ro' && mode !== 'rw')) {
    throw new Error(`got '${text}', expected host:container or host:container:ro (or :rw)`);
  }
  if (!path.isAbsolute(target)) {
    throw new Error(`got '${text}': the container path '${target}' must be absolute (start with /)`);
  }
  return { source: path.resolve(cwd, source), target: path.normalize(target), readOnly: mode === 'ro' };
}

/** An environment variable name the way shells and Docker accept it. */
export function isValidEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/**
 * How an error points at a bad `KEY=VALUE` line: its number, and the name it
 * starts with when it starts with one — never the rest, which may be a
 * secret value (`API_TOKEN: s3cr3t` has no `=`, but is still a value).
 */
/**
 * `KEY=VALUE` lines (Docker's env-file format: no quoting, `#` comments,
 * blank lines skipped; a bare `KEY` takes its value from `environment`).
 * Throws an Error naming the first bad line (see describeLine).
 */
export function parseEnvLines(lines: readonly string[], environment: NodeJS.ProcessEnv): Map<string, string> {
  const env = new Map<string, string>();
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = eq === -1 ? line.trim() : line.slice(0, eq);
    if (!isValidEnvName(name)) throw new Error(`${describeLine(line, index)} is not KEY=VALUE or a variable name`);
    if (eq !== -1) env.set(name, line.slice(eq + 1));
    else if (environment[name] !== undefined) env.set(name, environment[name]);
  });
  return env;
}
