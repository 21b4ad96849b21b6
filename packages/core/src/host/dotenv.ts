import { InputError } from '../errors.js';
import { outputFilePath } from '../spec/output-file.js';

/**
 * What GitLab accepts in a dotenv report (`artifacts:reports:dotenv`), from
 * its docs (doc/ci/yaml/artifacts_reports.md, "artifacts:reports:dotenv") and
 * the parser they describe (app/services/ci/parse_dotenv_artifact_service.rb):
 *
 * - a key holds only letters, digits and `_`;
 * - one `KEY=value` a line: no multiline values, no quoting or escapes, no
 *   empty lines; the parser splits at line breaks and strips both sides of
 *   `=`, so a value with a line break or with whitespace at either end would
 *   arrive changed;
 * - the file is smaller than 5 KB: the parser requires `size < dotenv_size`,
 *   5120 bytes unless an administrator raised it;
 * - at most 20 variables: the `dotenv_variables` default of GitLab
 *   Self-Managed (GitLab.com allows 50, 100 or 150 by tier), the lowest
 *   documented figure, so a pipeline that works here works everywhere;
 * - UTF-8 only.
 *
 * An output of several lines is a list, one item a line (data-pull's `path`
 * with several DVC outs, promote-model's `removed`): it goes in as the JSON
 * array of its lines, one line that `jq` or any JSON reader takes apart.
 * Any other value that breaks one of these is refused with the output's name,
 * never cut or changed to fit.
 */
export const DOTENV_LIMITS = {
  /** The file must be smaller than this, in bytes. */
  fileBytes: 5 * 1024,
  variables: 20,
} as const;

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Half a UTF-16 pair: text that has no UTF-8 form. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Where the dotenv report goes and how its names are made (MLOPS_CI_DOTENV, MLOPS_CI_DOTENV_PREFIX). */
export interface DotenvTarget {
  /** Absolute: MLOPS_CI_DOTENV resolved against the step's folder. */
  readonly file: string;
  readonly prefix: string;
}

/**
 * The dotenv report this step is asked for, or null when MLOPS_CI_DOTENV is
 * unset. The prefix defaults to `MLOPS_CI_<STEP>_` (`data-pull` →
 * `MLOPS_CI_DATA_PULL_`); one GitLab cannot use as a key, or a file that can
 * never be written (a folder, a path under a file), is bad input, said before
 * the step does anything, as for every file a step writes.
 */
export function dotenvTarget(step: string, env: NodeJS.ProcessEnv, cwd: string): DotenvTarget | null {
  const file = env['MLOPS_CI_DOTENV']?.trim();
  if (!file) return null;
  const prefix = env['MLOPS_CI_DOTENV_PREFIX']?.trim() || `MLOPS_CI_${envName(step)}_`;
  if (!KEY.test(prefix)) {
    throw new InputError('MLOPS_CI_DOTENV_PREFIX', `got '${prefix.slice(0, 80)}', expected letters, digits and '_' not starting with a digit (GitLab's dotenv keys), such as MLOPS_CI_GATE_`);
  }
  return { file: outputFilePath('MLOPS_CI_DOTENV', file, cwd), prefix };
}

/**
 * The step's outputs as dotenv lines, checked one by one as they are set, so
 * a value GitLab could not carry fails the step before anything is written.
 */
export class DotenvReport {
  private readonly lines = new Map<string, string>();

  constructor(readonly target: DotenvTarget) {}

  /** Adds (or replaces) the output's line; throws naming the output when GitLab could not carry it. */
  add(output: string, value: string): void {
    const key = `${this.target.prefix}${envName(output)}`;
    const refuse = (why: string) =>
      new Error(`output '${output}' cannot go into the dotenv report ${this.target.file} as ${key}: ${why}. Read it from the JSON on stdout instead, or unset MLOPS_CI_DOTENV.`);
    if (value !== value.trim()) throw refuse('it starts or ends with whitespace, which GitLab strips');
    if (LONE_SURROGATE.test(value)) throw refuse('it is not valid UTF-8 text');
    const lines = new Map(this.lines).set(key, `${key}=${oneLine(value)}\n`);
    if (lines.size > DOTENV_LIMITS.variables) throw refuse(`GitLab takes at most ${DOTENV_LIMITS.variables} variables from one report`);
    const bytes = Buffer.byteLength(this.text(lines));
    if (bytes >= DOTENV_LIMITS.fileBytes) throw refuse(`the report would be ${bytes} bytes, and GitLab takes less than ${DOTENV_LIMITS.fileBytes}`);
    this.lines.set(key, lines.get(key) as string);
  }

  isEmpty(): boolean {
    return this.lines.size === 0;
  }

  text(lines: ReadonlyMap<string, string> = this.lines): string {
    return [...lines.values()].join('');
  }
}

/** A list output (one item a line) as the JSON array of its lines; any other value as it is. */
function oneLine(value: string): string {
  return /[\r\n]/.test(value) ? JSON.stringify(value.split(/\r?\n/)) : value;
}

/** `data-pull` → `DATA_PULL`, as the contract names variables. */
function envName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
