import { spawn } from 'node:child_process';

export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Resolve with the exit code instead of throwing when the command fails. */
  readonly ignoreReturnCode?: boolean;
  readonly input?: string;
}

/**
 * The one way this project runs a program: argv only, never a shell string,
 * so user values can never be run as code. Output is captured, not streamed;
 * steps that stream (training logs) use their own runner on top of spawn.
 */
export async function execCapture(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (err) => reject(new Error(`could not run ${command}: ${err.message}`, { cause: err })));
    child.on('close', (code) => {
      const result = { exitCode: code ?? 1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (result.exitCode !== 0 && !options.ignoreReturnCode) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${result.exitCode}: ${result.stderr.trim()}`));
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
