/**
 * What the GitHub Actions runner would execute from a step's log, read the
 * way actions/runner reads it (ActionCommandManager / ActionCommand), so a
 * test can ask "which workflow commands did this output run?":
 *
 * - a line is split at `\r\n`, `\n` or a lone `\r` (.NET's ReadLine);
 * - `::name props::data` is a command after leading whitespace is trimmed;
 * - the old form `##[name props]data` is a command anywhere in the line;
 * - `::stop-commands::TOKEN` turns every command off until a command named
 *   TOKEN (`::TOKEN::` or `##[TOKEN]`) turns them back on.
 *
 * Every name counts as a command here (the runner only knows its registered
 * ones), so the model errs on the side of reporting an injection.
 */
export interface RunnerCommand {
  readonly name: string;
  readonly data: string;
  /** The log line it came from. */
  readonly line: string;
}

export function commandsRunnerWouldRun(log: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  let resumeToken: string | null = null;
  for (const line of log.split(/\r\n|\n|\r/)) {
    const command = parseV2(line) ?? parseV1(line);
    if (!command) continue;
    if (resumeToken !== null) {
      if (command.name.toLowerCase() === resumeToken.toLowerCase()) resumeToken = null;
      continue;
    }
    if (command.name.toLowerCase() === 'stop-commands') resumeToken = command.data;
    commands.push(command);
  }
  return commands;
}

function parseV2(line: string): RunnerCommand | null {
  const message = line.trimStart();
  if (!message.startsWith('::')) return null;
  const end = message.indexOf('::', 2);
  if (end < 0) return null;
  const info = message.slice(2, end);
  const name = info.split(' ')[0] ?? '';
  return name ? { name, data: unescapeData(message.slice(end + 2)), line } : null;
}

function parseV1(line: string): RunnerCommand | null {
  const start = line.indexOf('##[');
  if (start < 0) return null;
  const end = line.indexOf(']', start);
  if (end < 0) return null;
  const name = line.slice(start + 3, end).split(' ')[0] ?? '';
  return name ? { name, data: line.slice(end + 1), line } : null;
}

function unescapeData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
