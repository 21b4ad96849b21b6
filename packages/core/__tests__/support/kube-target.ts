import type { KubeTarget } from '../../src/container/kubernetes/target.js';

/**
 * A KubeTarget with the spec's defaults (one worker, no scheduling or
 * metadata, a 1 h TTL) and whatever the test sets: tests of the runtime
 * build targets directly, without going through the step's plan.
 */
export function kubeTarget(overrides: Partial<KubeTarget> = {}): KubeTarget {
  return {
    gpuResource: 'nvidia.com/gpu',
    nodeSelector: new Map(),
    tolerations: [],
    imagePullSecrets: [],
    labels: new Map(),
    annotations: new Map(),
    workers: 1,
    rendezvousPort: 29500,
    volumes: [],
    retries: 0,
    ttlSecondsAfterFinished: 3600,
    ...overrides,
  };
}
