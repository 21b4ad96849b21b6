/** Naming, ordering and listing candidates (and metrics) the same way everywhere. */
import path from 'node:path';
import { InputError } from '../errors.js';

/**
 * Plain UTF-16 code-unit order: "alphabetical" must not depend on the machine's
 * locale, or two runners could pick different winners from a tie.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Splits a list entry `name=path` into its name and path. The text before the
 * first `=` is a name only when it looks like one (letters, digits, `_`, `.`,
 * `-`); when it contains a `/`, the `=` belongs to the path and there is no name.
 * @throws InputError(input) for an empty or malformed name, or a name with no path.
 */
export function splitNamedEntry(entry: string, input: string): { name: string | undefined; pattern: string } {
  const equals = entry.indexOf('=');
  if (equals < 0) return { name: undefined, pattern: entry };
  const name = entry.slice(0, equals).trim();
  const pattern = entry.slice(equals + 1).trim();
  if (/[/\\]/.test(name)) return { name: undefined, pattern: entry };
  if (name === '') throw new InputError(input, `'${entry}' has an empty name before '='; write name=path`);
  if (!NAME.test(name)) {
    throw new InputError(input, `'${name}' in '${entry}' is not a valid name: use letters, digits, '_', '.' and '-'`);
  }
  if (pattern === '') throw new InputError(input, `'${entry}' gives the name '${name}' but no path after '='`);
  return { name, pattern };
}

/**
 * The default name of a file: its parent folder's name (`out/rf/metrics.json` →
 * `rf`), or its stem when it sits directly in `cwd` or the root (`metrics.json` → `metrics`).
 */
export function defaultName(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const parent = path.dirname(absolute);
  if (parent === path.resolve(cwd) || parent === path.dirname(parent)) {
    return path.basename(absolute, path.extname(absolute));
  }
  return path.basename(parent);
}
