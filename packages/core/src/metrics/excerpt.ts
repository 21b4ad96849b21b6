/**
 * Quoting a file's content in an error. A path a user gives may lead to any
 * file (a symlink to a credentials file, say), and errors go to CI logs
 * anyone on the project can read. So an error never quotes more than a short
 * excerpt, and masks what looks like a secret: a credential-shaped string,
 * a name that says it is one (`API_TOKEN`), or a long random-looking run.
 */

/** The most characters of file content one quote shows. */
export const MAX_EXCERPT_CHARS = 32;

const MASK = '***';

/** Runs of name/token characters: the unit that is masked whole. */
const WORD = /[A-Za-z0-9_./+=:@-]+/g;

/** Credential shapes: GitHub, GitLab, Slack, OpenAI-style and AWS access keys. */
const CREDENTIAL = /^(?:gh[pousr]_|github_pat_|glpat-|xox[abprs]-|sk-|AKIA|ASIA)/;

/** Name parts that say a value is a secret (`API_TOKEN`, `db.password`); `num_tokens` is not one. */
const SECRET_PARTS = new Set(['secret', 'secrets', 'token', 'password', 'passwd', 'pwd', 'credential', 'credentials', 'apikey', 'private']);

/**
 * `text` with every secret-looking word replaced by `***` and control
 * characters escaped, cut to `max` characters (the last one then `…`).
 *
 * @example excerpt('ghp_abc123…')  // '***'
 */
export function excerpt(text: string, max: number = MAX_EXCERPT_CHARS): string {
  const masked = escapeControls(text.replace(WORD, (word) => (looksSecret(word) ? MASK : word)));
  return masked.length <= max ? masked : `${masked.slice(0, max - 1)}…`;
}

function looksSecret(word: string): boolean {
  return CREDENTIAL.test(word) || namesASecret(word) || looksRandom(word);
}

/** Split at `_ . - / : @ + =` and camelCase: `PWSECRET_API_TOKEN` → pwsecret, api, token; `api_key` counts too. */
function namesASecret(word: string): boolean {
  const parts = word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return parts.some((part, i) => SECRET_PARTS.has(part) || (part === 'key' && ['api', 'access', 'secret', 'private'].includes(parts[i - 1] ?? '')));
}

/** 20 or more characters mixing upper case, lower case and digits: a key, not a metric name. */
function looksRandom(word: string): boolean {
  return word.length >= 20 && /[A-Z]/.test(word) && /[a-z]/.test(word) && /[0-9]/.test(word);
}

function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
