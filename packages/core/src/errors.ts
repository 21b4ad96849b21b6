/**
 * The error kinds a step can end with, and the exit code each maps to
 * (DESIGN.md "Exit codes"). Library code throws these; only the entry turns
 * them into an exit code and a message.
 */

export const EXIT = {
  ok: 0,
  failure: 1,
  badInput: 2,
  gateFailed: 3,
} as const;

export type ErrorCategory = 'input' | 'failure' | 'gate';

/**
 * Bad input or bad input data: nothing was done (exit 2).
 * The message names the input, what was given and what is accepted.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The kebab-case input name the problem is about. */
    readonly input: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`input '${input}': ${message}`, options);
  }
}

/** The gate ran and did not pass (exit 3 unless `on-fail: warn`). */
export class GateFailedError extends Error {
  override readonly name = 'GateFailedError';
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof InputError) return EXIT.badInput;
  if (err instanceof GateFailedError) return EXIT.gateFailed;
  return EXIT.failure;
}

export function categoryOf(err: unknown): ErrorCategory {
  if (err instanceof InputError) return 'input';
  if (err instanceof GateFailedError) return 'gate';
  return 'failure';
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
