import { spawn } from 'node:child_process';

export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Where a child process runs: its working folder and its whole environment,
 * the run context's (`host.context.cwd`, `host.context.env`) or made from
 * them. Both required: a child never inherits this process's folder or
 * environment behind the run context's back.
 */
export interface ExecPlace {
  readonly cwd: string;
  readonly env: Readonly<NodeJS.ProcessEnv>;
}

export interface ExecOptions extends ExecPlace {
  /** Resolve with the exit code instead of throwing when the command fails. */
  readonly ignoreReturnCode?: boolean;
  readonly input?: string;
  /** Kill the command after this long; it then ends with exit code 124 (probes must not hang a step). */
  readonly timeoutMs?: number;
  /** Each non-blank line of stdout and stderr as it comes (installs stream to the log). */
  readonly onLine?: (line: string) => void;
}

/** The exit code of a command killed by `timeoutMs`, as timeout(1) reports it. */
export const TIMED_OUT = 124;

/**
 * The one way this project runs a program to completion: argv only, never a
 * shell string, so user values can never be run as code. Output is captured
 * and, with `onLine`, also handed over line by line. Training runs, which
 * need the child to stop it on cancel, use container/line-process.ts.
 */
export async function execCapture(command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  const result = await execCaptureBytes(command, args, options);
  return { ...result, stdout: result.stdout.toString('utf8') };
}

/** execCapture for a program whose output is bytes, not text (`git cat-file --batch`): stdout comes back undecoded. */
export async function execCaptureBytes(command: string, args: readonly string[], options: ExecOptions): Promise<Omit<ExecResult, 'stdout'> & { readonly stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', collect(stdout, options.onLine));
    child.stderr?.on('data', collect(stderr, options.onLine));
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`could not run ${command}: ${err.message}`, { cause: err }));
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const result = {
        exitCode: timedOut ? TIMED_OUT : (code ?? 1),
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8'),
      };
      if (result.exitCode !== 0 && !options.ignoreReturnCode) {
        const tail = (result.stderr.trim() || result.stdout.toString('utf8').trim()).split('\n').slice(-15).join('\n');
        reject(new Error(`${formatCommand(command, args)} ${timedOut ? 'timed out' : `exited with ${result.exitCode}`}${tail ? `:\n${tail}` : ''}`));
      } else {
        resolve(result);
      }
    });
    if (child.stdin) {
      // A program may exit before reading its input; that is its answer, not our error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** A command as a reader would type it (for logs and errors only: it is never run through a shell). */
export function formatCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Keeps the chunks, and hands complete non-blank lines to `onLine` when there is one. */
function collect(sink: Buffer[], onLine: ((line: string) => void) | undefined): (chunk: Buffer) => void {
  let rest = '';
  return (chunk) => {
    sink.push(chunk);
    if (!onLine) return;
    const lines = (rest + chunk.toString('utf8')).split(/\r?\n|\r/);
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') onLine(line);
  };
}
