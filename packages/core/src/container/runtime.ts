import { EngineRuntime } from './engine.js';
import { HostRuntime } from './host-runtime.js';
import type { ContainerRuntime, RuntimeKind } from './types.js';

/**
 * The runtime for a `runtime` input value; throws on a kind it does not know.
 * `environment` is the step's (`host.context.env`): the engine CLI or the
 * command itself runs with it.
 */
export function createRuntime(kind: RuntimeKind, environment: Readonly<NodeJS.ProcessEnv>): ContainerRuntime {
  switch (kind) {
    case 'docker':
    case 'podman':
      return new EngineRuntime(kind, environment);
    case 'host':
      return new HostRuntime(environment);
    default:
      throw new Error(`unknown container runtime '${String(kind)}'`);
  }
}
