import { randomBytes } from 'node:crypto';

/**
 * A GitHub runner reads every line a step prints, on stdout and stderr, for
 * workflow commands: `::name props::data` after leading whitespace, and the
 * older `##[name props]data` anywhere in a line. Log text made of repository
 * values (a folder name, a metrics key, a record) could therefore set outputs,
 * add masks or raise errors. The hosts that print on a runner pass all free
 * text through here, so no step has to remember.
 */

/** Anything the runner could read as a command, on any of the lines of `text`. */
const COMMAND_LIKE = /::|##\[/;

/**
 * The lines to print for `text` so that none of it runs: unchanged when it
 * cannot look like a command, else between `::stop-commands::<token>` and
 * `::<token>::` (GitHub's documented way to print untrusted text), with a
 * fresh token the text does not contain, so the text cannot end the pause.
 */
export function inertLines(text: string, newToken: () => string = randomToken): string[] {
  if (!COMMAND_LIKE.test(text)) return [text];
  let token = newToken();
  while (text.toLowerCase().includes(token.toLowerCase())) token = newToken();
  return [`::stop-commands::${token}`, text, `::${token}::`];
}

/**
 * JSON the CLI prints on stdout (its outputs) must stay one parseable
 * document, so it cannot be wrapped. JSON.stringify already escapes line
 * breaks, so no line can start with `::`; the only way in is `##[` inside a
 * string. `#` appears in JSON only inside strings, where `\u0023` is the same
 * character to any JSON reader.
 */
export function inertJson(json: string): string {
  return json.replace(/#/g, '\\u0023');
}

function randomToken(): string {
  return randomBytes(16).toString('hex');
}
