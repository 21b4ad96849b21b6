import type { Host } from '../host/types.js';
import type { InputReader } from '../spec/inputs.js';
import type { StepSpec } from '../spec/types.js';

/** What a step's run() hands back: its outputs, and whether it ended as a failed gate (exit 3). */
export interface StepResult {
  readonly outputs: Readonly<Record<string, string>>;
  /** Set when the gate did not pass and the step must exit 3; the message says why. */
  readonly gateFailure?: string;
}

/** The code of a step: loaded only when that step runs. */
export interface StepModule<Inputs> {
  /** Reads and validates every input before any work starts (InputError → exit 2). */
  getInputs(reader: InputReader, host: Host): Inputs | Promise<Inputs>;
  run(inputs: Inputs, host: Host): Promise<StepResult>;
}

export interface StepEntry {
  readonly spec: StepSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own Inputs type
  load(): Promise<StepModule<any>>;
}
