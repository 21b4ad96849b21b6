/**
 * What a model and an alias may be called. Both become parts of object keys,
 * file paths, git tag names and URLs, so they are checked strictly before
 * anything is written.
 */


/**
 * The registry when none is named: a folder beside the step records, so a
 * first run needs no service. promote-model's `registry` default, and where a
 * gate's `registry:<model>@<alias>` baseline looks when it names no registry.
 */
export const DEFAULT_REGISTRY = '.mlops-ci/registry';

/**
 * One path segment in the alphabet every backend accepts. GTO is the
 * strictest: its artifact names are `[a-z0-9]([a-z0-9-/]*[a-z0-9])?` (no
 * capitals, `_` or `.`); MLflow and S3 accept more. `/` is refused although
 * GTO allows it: a model name is one folder of the object-store layout, so
 * `iris/versions/1` would write into model iris's own versions. Lowercase only
 * also keeps `Iris` and `iris` from being one folder on a case-insensitive disk.
 */
const MODEL_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
export const MODEL_NAME_MAX_LENGTH = 100;
/** A plain word: letters, digits, `-` and `_`, starting with a letter (`staging`, `prod-eu`). */
const ALIAS_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Why `name` is not a valid model name, or null when it is. */
export function modelNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name.length > MODEL_NAME_MAX_LENGTH) return `is longer than ${MODEL_NAME_MAX_LENGTH} characters`;
  if (name.includes('/')) return 'must be one name part, without / (a model is one folder of the registry)';
  if (!/^[a-z0-9-]+$/.test(name)) return 'may hold only lowercase letters, digits and - (the names GTO, MLflow and S3 all accept)';
  if (!MODEL_NAME.test(name)) return 'must start and end with a letter or digit';
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
