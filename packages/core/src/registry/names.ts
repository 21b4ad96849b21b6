/**
 * What a model and an alias may be called. Both become parts of object keys,
 * file paths, git tag names and URLs, so they are checked strictly before
 * anything is written.
 */

/** Letters, digits, `-`, `_`, `.` and `/` between segments; no `..`, no empty or dot-only segment. */
const MODEL_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
/** A plain word: letters, digits, `-` and `_`, starting with a letter (`staging`, `prod-eu`). */
const ALIAS_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Why `name` is not a valid model name, or null when it is. */
export function modelNameProblem(name: string): string | null {
  if (name.includes('..')) return 'must not contain ..';
  if (name.length > 200) return 'is longer than 200 characters';
  if (!MODEL_NAME.test(name)) return 'may hold letters, digits, -, _ and / between name parts (no spaces, no leading or trailing /)';
  return null;
}

/** Why `alias` is not a plain word, or null when it is. */
export function aliasProblem(alias: string): string | null {
  return ALIAS_NAME.test(alias) ? null : 'must be a plain word: a letter, then letters, digits, - or _ (e.g. staging, production)';
}

/**
 * Whether `file` may name a file inside a registered version (readFile): a
 * relative `/`-separated path with no empty, `.` or `..` part, and not the
 * lineage file itself.
 */
export function isModelFilePath(file: string): boolean {
  return file !== 'version.json' && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
