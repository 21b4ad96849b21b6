// How both stand-ins end: a thrown error fails the step with a message act shows.
import * as core from '@actions/core';

/** act in host mode stops reading a step's output as soon as it exits non-zero (it does not
 *  drain the pty: exec in nektos/act pkg/container/host_environment.go), which can drop the
 *  `::error::` line just written. This long is plenty for it to be read on a loaded machine. */
const LINGER_AFTER_FAILURE_MS = 300;

/** Runs the step; on error, fails it with `failurePrefix` + the error's message. */
export function runStep(main: () => Promise<void>, failurePrefix = ''): void {
  main().catch((err: unknown) => {
    core.setFailed(failurePrefix + describeError(err));
    setTimeout(() => undefined, LINGER_AFTER_FAILURE_MS);
  });
}

/** The Azure SDK throws some HTTP failures with an empty message: say at least what and which status. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const status = (err as { statusCode?: unknown }).statusCode;
  return err.message || `${err.name}${status ? ` (HTTP ${String(status)})` : ''}`;
}
