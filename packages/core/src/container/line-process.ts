import { spawn, type ChildProcess } from 'node:child_process';
import type { ExecPlace } from '../exec.js';

export interface StreamedProcess {
  readonly child: ChildProcess;
  /** Exit code (128 + signal number when killed by a signal), once all output lines were delivered. */
  readonly exited: Promise<number>;
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

/**
 * Spawns a program (argv only, never a shell string) and hands each line of
 * its stdout and stderr to `onLine` as it comes, so training logs stream live.
 * A carriage-return progress bar (tqdm) keeps only its latest state per line.
 */
export function spawnStreaming(
  command: string,
  args: readonly string[],
  options: ExecPlace & { readonly detached?: boolean },
  onLine: (line: string) => void,
): StreamedProcess {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  const drained = [child.stdout, child.stderr].map(
    (stream) =>
      new Promise<void>((resolve) => {
        let rest = '';
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk: string) => {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop() ?? '';
          for (const part of parts) onLine(lastCarriageSegment(part));
        });
        stream?.on('close', () => {
          if (rest !== '') onLine(lastCarriageSegment(rest));
          resolve();
        });
        if (!stream) resolve();
      }),
  );
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`could not run ${command}: ${err.message}`, { cause: err })));
    child.once('close', (code, signal) => {
      void Promise.all(drained).then(() => resolve(code ?? 128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0)));
    });
  });
  return { child, exited };
}

function lastCarriageSegment(line: string): string {
  const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
  const cut = trimmed.lastIndexOf('\r');
  return cut === -1 ? trimmed : trimmed.slice(cut + 1);
}
