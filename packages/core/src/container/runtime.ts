import type { ExecPlace } from '../exec.js';
import { EngineRuntime } from './engine.js';
import { HostRuntime } from './host-runtime.js';
import type { ContainerRuntime, RuntimeKind } from './types.js';

/**
 * The runtime for a `runtime` input value; throws on a kind it does not know,
 * and on `kubernetes`, which the step routes before it gets here.
 * `place` is the run context's folder and environment: the engine CLI runs
 * there, and the command itself (in its own working folder) with that environment.
 */
export function createRuntime(kind: RuntimeKind, place: ExecPlace): ContainerRuntime {
  switch (kind) {
    case 'docker':
    case 'podman':
      return new EngineRuntime(kind, place);
    case 'host':
      return new HostRuntime(place.env);
    case 'kubernetes':
      // A Job on a cluster has no local container to start, attach to and remove: the step takes another path for it.
      throw new Error('runtime kubernetes runs through the Kubernetes path, not a ContainerRuntime');
    default:
      throw new Error(`unknown container runtime '${String(kind)}'`);
  }
}
