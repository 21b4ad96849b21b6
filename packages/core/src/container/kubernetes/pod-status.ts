/**
 * What a pod's status says about the run before the Job itself ends: a pod
 * that will never start, for a reason waiting cannot fix. The scheduler
 * finding no node with the GPUs, CPU or memory asked for (no node of the
 * cluster has them free), and the kubelet unable to pull the image or to
 * build the container's config (a missing Secret or key) would otherwise
 * leave the step waiting for its timeout.
 */
import type { V1Pod } from '@kubernetes/client-node';

/** Why a pod will not run, with the input to change. */
export interface PodProblem {
  readonly input: string;
  readonly message: string;
}

/**
 * Container waiting reasons the kubelet only gives once a retry did not help
 * (ErrImagePull alone may be a registry hiccup, retried as ImagePullBackOff).
 */
const STUCK_WAITING: Readonly<Record<string, string>> = {
  ImagePullBackOff: 'image',
  InvalidImageName: 'image',
  ErrImageNeverPull: 'image',
  CreateContainerConfigError: 'secrets',
};

export function podProblem(pod: V1Pod, gpuResource: string): PodProblem | undefined {
  return unschedulable(pod, gpuResource) ?? stuckContainer(pod);
}

function unschedulable(pod: V1Pod, gpuResource: string): PodProblem | undefined {
  const scheduled = pod.status?.conditions?.find((condition) => condition.type === 'PodScheduled');
  if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') return undefined;
  const message = scheduled.message ?? '';
  const asked: readonly (readonly [string, string])[] = [
    [gpuResource, 'gpus'],
    ['cpu', 'cpus'],
    ['memory', 'memory'],
  ];
  const lacking = asked.find(([resource]) => message.includes(`Insufficient ${resource}`));
  // Other reasons (a node selector or taint nothing matches yet) may be fixed by an autoscaler: the run waits, under its timeout.
  if (lacking === undefined) return undefined;
  const [resource, input] = lacking;
  return {
    input,
    message: `no node of the cluster can give pod ${pod.metadata?.name ?? ''} the ${resource} it asks for (the scheduler says: ${message}). Ask for less, or run where nodes have it (node-selector, tolerations, another cluster).`,
  };
}

function stuckContainer(pod: V1Pod): PodProblem | undefined {
  for (const status of pod.status?.containerStatuses ?? []) {
    const waiting = status.state?.waiting;
    const input = waiting?.reason !== undefined ? STUCK_WAITING[waiting.reason] : undefined;
    if (input === undefined) continue;
    return { input, message: `pod ${pod.metadata?.name ?? ''} cannot start its container: ${waiting!.reason}${waiting!.message ? ` (${waiting!.message})` : ''}.` };
  }
  return undefined;
}
