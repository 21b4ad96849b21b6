import type { Host } from '../host/types.js';
import type { InputReader } from '../spec/inputs.js';
import type { StepSpec } from '../spec/types.js';

/** What a step's run() hands back: its outputs, and whether it ended as a failed gate (exit 3). */
export interface StepResult {
  readonly outputs: Readonly<Record<string, string>>;
  /** Set when the gate did not pass and the step must exit 3; the message says why. */
  readonly gateFailure?: string;
}

/**
 * The code of a step: loaded only when that step runs. A step's life is
 * plan → run: `plan` reads every input and what it names and makes every
 * check that needs no work (an InputError there is exit 2, nothing done);
 * `run` does the work from the plan.
 */
export interface StepModule<S extends StepSpec, Plan> {
  plan(reader: InputReader<S>, host: Host): Plan | Promise<Plan>;
  run(plan: Plan, host: Host): Promise<StepResult>;
}

export interface StepEntry {
  readonly spec: StepSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own spec and plan types
  load(): Promise<StepModule<any, any>>;
}
