import type { RunningCommand } from './types.js';

/** Seconds `docker stop` waits after SIGTERM before SIGKILL when the timeout is hit. */
export const TIMEOUT_GRACE_SECONDS = 10;
/**
 * Seconds of grace when the step is cancelled: GitHub sends SIGINT, then
 * SIGTERM 7.5 s later, then SIGKILL 2.5 s after that, so the container must
 * be gone well within that window.
 */
export const CANCEL_GRACE_SECONDS = 3;
/**
 * The longest `timeout` accepted: 576 h (24 days). Node's timers hold at most
 * 2^31-1 ms (24.8 days) and fire at once above that, which would kill the
 * command as it starts; a round number of hours below the limit is easy to state.
 */
export const MAX_TIMEOUT_SECONDS = 576 * 3600;
/** How often a silent command gets a "still running" line, so a log never looks hung. */
export const QUIET_INTERVAL_MS = 60_000;

export interface SuperviseOptions {
  /** Undefined: no limit but the CI job's own. */
  readonly timeoutSeconds?: number;
  readonly onLine: (line: string) => void;
  /** Called when the command printed nothing for QUIET_INTERVAL_MS. */
  readonly onQuiet?: (elapsedSeconds: number) => void;
  readonly quietIntervalMs?: number;
}

/** What superviseRun needs of a runtime (a `ContainerRuntime` is one). */
export interface Supervised<P> {
  start(plan: P, onLine: (line: string) => void): RunningCommand;
  remove(name: string): Promise<void>;
}

export interface RunOutcome {
  readonly exitCode: number;
  readonly durationSeconds: number;
  readonly timedOut: boolean;
  /** The signal that cancelled the step, when one did. */
  readonly cancelledBy: NodeJS.Signals | null;
}

/**
 * Runs the plan and guarantees the container is gone afterwards, whatever
 * happens: the command ends, the timeout hits (stop, then kill), or this node
 * process gets SIGTERM/SIGINT (the step is cancelled). Removal is in a
 * `finally`, and stopping repeats until the engine client has exited, so a
 * signal arriving while the container is still being created is not lost.
 * Anything that starts and removes a run by name can be supervised: a
 * `ContainerRuntime` with its `RunPlan`, or a Kubernetes Job.
 */
export async function superviseRun<P extends { readonly name: string }>(runtime: Supervised<P>, plan: P, options: SuperviseOptions): Promise<RunOutcome> {
  const started = performance.now();
  let timedOut = false;
  let cancelledBy: NodeJS.Signals | null = null;
  let exited = false;
  let lastLineAt = started;

  const running = runtime.start(plan, (line) => {
    lastLineAt = performance.now();
    options.onLine(line);
  });
  const stopUntilExited = async (graceSeconds: number): Promise<void> => {
    while (!exited) {
      await running.stop(graceSeconds).catch(() => undefined);
      if (!exited) await sleep(500);
    }
  };

  const timer =
    options.timeoutSeconds !== undefined
      ? setTimeout(() => {
          timedOut = true;
          void stopUntilExited(TIMEOUT_GRACE_SECONDS);
        }, options.timeoutSeconds * 1000)
      : undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancelledBy !== null) return;
    cancelledBy = signal;
    void stopUntilExited(CANCEL_GRACE_SECONDS);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const quietInterval = options.quietIntervalMs ?? QUIET_INTERVAL_MS;
  const quietTimer = setInterval(() => {
    const now = performance.now();
    if (now - lastLineAt >= quietInterval) options.onQuiet?.(Math.round((now - started) / 1000));
  }, quietInterval);

  let outcome: RunOutcome | undefined;
  try {
    const exitCode = await running.exited;
    outcome = { exitCode, durationSeconds: (performance.now() - started) / 1000, timedOut, cancelledBy };
    return outcome;
  } finally {
    exited = true;
    clearTimeout(timer);
    clearInterval(quietTimer);
    // The signal handlers stay until the container is removed: a SIGTERM now must not end node before that.
    try {
      // A failure to remove is reported, unless the run itself failed to start (its error says more).
      await runtime.remove(plan.name).catch((err: unknown) => {
        if (outcome) throw err;
      });
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
