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

/** The code of a step: loaded only when that step runs. */
export interface StepModule<Inputs> {
  /**
   * Reads and validates every input, and what the inputs name, before any
   * work starts: the only place an InputError means exit 2, nothing done.
   */
  getInputs(reader: InputReader, host: Host): Inputs | Promise<Inputs>;
  /** Does the work. An InputError escaping it is exit 1: work had started. */
  run(inputs: Inputs, host: Host): Promise<StepResult>;
}

export interface StepEntry {
  readonly spec: StepSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own Inputs type
  load(): Promise<StepModule<any>>;
}
