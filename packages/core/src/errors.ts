/**
 * The error kinds a step can end with, and the exit code each maps to
 * (README, "Contracts"). Library code throws these; only the entry turns
 * them into an exit code and a message.
 */
import { redactUrlCredentials } from './redact.js';

export const EXIT = {
  ok: 0,
  failure: 1,
  badInput: 2,
  gateFailed: 3,
} as const;

export type ErrorCategory = 'input' | 'failure' | 'gate';

/** How much of a user's value a message quotes: enough to recognise it, never a whole file or a 100 kB argument. */
export const QUOTE_LIMIT = 200;

/** The net under an InputError whose caller quoted a value whole: the message is cut here. */
const MESSAGE_LIMIT = 1_000;

/**
 * A place in a user's file: the file as the input gave it (absolute, or
 * relative to the run's folder), its 1-based line and, when the parser knows
 * it, column. Hosts turn it into an annotation (GitHub) or a `file:line:col:`
 * prefix, so an editor or the PR's diff view leads to it.
 */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col?: number;
}

/**
 * Bad input or bad input data: nothing was done (exit 2).
 * The message names the input, what was given and what is accepted;
 * `at` is where in an input file the problem is, when it is in one.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly at: SourceLocation | undefined;
  constructor(
    /** The kebab-case input name the problem is about. */
    readonly input: string,
    message: string,
    options?: { cause?: unknown; at?: SourceLocation },
  ) {
    super(excerpt(redactUrlCredentials(`input '${input}': ${message}`), MESSAGE_LIMIT), options);
    this.at = options?.at;
  }
}

/** Where in a user's file an error is, when it says. */
export function locationOf(err: unknown): SourceLocation | undefined {
  return err instanceof InputError ? err.at : undefined;
}

/**
 * A user's value as a message quotes it: in single quotes, on one line (line
 * breaks and other control characters written as escapes, so a value cannot
 * start a log line of its own or drive a terminal), URL credentials hidden,
 * and at most `limit` characters of it.
 */
export function quote(value: string, limit = QUOTE_LIMIT): string {
  return `'${excerpt(visibleControls(redactUrlCredentials(value)), limit)}'`;
}

/**
 * A line of `KEY=VALUE` input as an error names it: its number and the
 * variable name it starts with, never the rest (the value may be a secret).
 */
export function describeLine(line: string, index: number): string {
  const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(line)?.[1];
  return `line ${index + 1}${name ? ` (starting with the name ${name})` : ''}`;
}

/** At most `limit` characters of `text`, saying how many were left out. */
function excerpt(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Never end on the first half of a surrogate pair.
  const head = text.slice(0, limit).replace(/[\uD800-\uDBFF]$/, '');
  return `${head}… (${text.length - head.length} more characters)`;
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof InputError) return EXIT.badInput;
  return EXIT.failure;
}

export function categoryOf(err: unknown): ErrorCategory {
  if (err instanceof InputError) return 'input';
  return 'failure';
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
