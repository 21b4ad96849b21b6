import type { Host } from '../host/types.js';
import type { InputReader } from '../spec/inputs.js';
import type { StepSpec } from '../spec/types.js';

/**
 * How a step that did its work ended short of success: `gate` — the gate ran
 * and did not pass (exit 3); `failed` — the work ran and failed, yet its
 * outputs say something a later step needs (exit 1, e.g. a training's exit code).
 */
export interface StepFailure {
  readonly kind: 'gate' | 'failed';
  /** Why, for the error line and the Jenkins error file. */
  readonly message: string;
}

/**
 * What a step's run() hands back. runStep publishes the outputs and records
 * them whether or not `failure` is set; a step that cannot produce outputs
 * throws instead (nothing published, nothing recorded).
 */
export interface StepResult {
  readonly outputs: Readonly<Record<string, string>>;
  readonly failure?: StepFailure;
}

/**
 * The code of a step: loaded only when that step runs. A step's life is
 * plan → run.
 */
export interface StepModule<S extends StepSpec, Plan> {
  /**
   * Reads every input and what the inputs name, and makes every check that
   * needs no work: the only place an InputError means exit 2, nothing done.
   */
  plan(reader: InputReader<S>, host: Host): Plan | Promise<Plan>;
  /** Does the work from the plan. An InputError escaping it is exit 1: work had started. */
  run(plan: Plan, host: Host): Promise<StepResult>;
}

export interface StepEntry {
  readonly spec: StepSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own spec and plan types
  load(): Promise<StepModule<any, any>>;
}
