import { dataPullSpec } from './data-pull/spec.js';
import { evaluateAndGateSpec } from './evaluate-and-gate/spec.js';
import { promoteModelSpec } from './promote-model/spec.js';
import { setupEnvSpec } from './setup-env/spec.js';
import { trainInContainerSpec } from './train-in-container/spec.js';
import type { StepEntry } from './types.js';

/**
 * Every step, in pipeline order: its spec (plain data, loaded eagerly for
 * help) and its code (a dynamic import, so starting the CLI loads only the
 * step that runs).
 */
export const STEPS: readonly StepEntry[] = [
  { spec: setupEnvSpec, load: () => import('./setup-env/index.js') },
  { spec: dataPullSpec, load: () => import('./data-pull/index.js') },
  { spec: trainInContainerSpec, load: () => import('./train-in-container/index.js') },
  { spec: evaluateAndGateSpec, load: () => import('./evaluate-and-gate/index.js') },
  { spec: promoteModelSpec, load: () => import('./promote-model/index.js') },
];

export function findStep(name: string): StepEntry | undefined {
  return STEPS.find((step) => step.spec.name === name);
}
