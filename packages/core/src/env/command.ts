import { execCapture, formatCommand, type ExecPlace } from '../exec.js';
import type { Logger } from '../host/types.js';

export interface CommandOptions {
  /** Optional. The command's working folder. Defaults to the runner's (the run context's). */
  readonly cwd?: string;
  /** Variables added to (or, when undefined, removed from) the runner's base environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Resolve with the exit code instead of throwing when the command fails. */
  readonly ignoreReturnCode?: boolean;
  /** Kill the command after this long (discovery probes must not hang the step). */
  readonly timeoutMs?: number;
}

export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How often a long install says it is still working, so the log never goes quiet. */
const HEARTBEAT_MS = 15_000;

/**
 * The one seam through which the env managers run programs: argv only, never
 * a shell string, so no user value (a path, an extra's name) is ever run as
 * code. `capture` is for short queries; `stream` is for installs, whose lines
 * go to the log as they come, with a heartbeat when the tool is silent.
 * Tests spy on it to assert exact commands (conda cannot run here).
 */
export class CommandRunner {
  constructor(
    private readonly log: Logger,
    /** Where every command starts: the run context's folder and environment (`host.context`). */
    private readonly base: ExecPlace,
  ) {}

  capture(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
    this.log.debug(`CommandRunner.capture: ${formatCommand(command, args)}`);
    return this.spawn(command, args, options, null);
  }

  async stream(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
    const shown = formatCommand(command, args);
    this.log.info(`$ ${shown}`);
    const started = Date.now();
    const heartbeat = setInterval(() => this.log.info(`… ${command} still running (${Math.round((Date.now() - started) / 1000)} s)`), HEARTBEAT_MS);
    try {
      return await this.spawn(command, args, options, (line) => this.log.info(`  ${line}`));
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The environment a command gets: the base one, with the overrides applied. */
  environment(overrides: CommandOptions['env'] = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...this.base.env };
    for (const [name, value] of Object.entries(overrides)) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    return env;
  }

  private spawn(command: string, args: readonly string[], options: CommandOptions, onLine: ((line: string) => void) | null): Promise<CommandResult> {
    const { cwd = this.base.cwd, ignoreReturnCode, timeoutMs } = options;
    return execCapture(command, args, { cwd, env: this.environment(options.env), ignoreReturnCode, timeoutMs, onLine: onLine ?? undefined });
  }
}

