/**
 * Which pod states end a run at once, naming the input to change: no node
 * has the GPUs, CPU or memory asked for, or the container cannot start
 * (image not pullable, config refers to a missing Secret). Anything that
 * waiting may fix (ErrImagePull before its back-off, a node selector nothing
 * matches yet) does not.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { podProblem } from '../../../src/container/kubernetes/pod-status.js';

function unschedulable(message: string): V1Pod {
  return { metadata: { name: 'job-0-abc' }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] } };
}

function waiting(reason: string, message?: string): V1Pod {
  return { metadata: { name: 'job-0-abc' }, status: { phase: 'Pending', containerStatuses: [{ name: 'train', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason, ...(message ? { message } : {}) } } }] } };
}

test.each([
  ['0/2 nodes are available: 1 Insufficient nvidia.com/gpu, 1 node(s) had untolerated taint.', 'gpus'],
  ['0/2 nodes are available: 2 Insufficient cpu.', 'cpus'],
  ['0/2 nodes are available: 2 Insufficient memory.', 'memory'],
])('unschedulable for lack of a resource (%s) names %s', (message, input) => {
  const problem = podProblem(unschedulable(message), 'nvidia.com/gpu');
  expect(problem?.input).toBe(input);
  expect(problem?.message).toContain(`(the scheduler says: ${message})`);
});

test('the GPU resource is the one the run names', () => {
  expect(podProblem(unschedulable('0/2 nodes are available: 2 Insufficient amd.com/gpu.'), 'amd.com/gpu')?.input).toBe('gpus');
});

test('unschedulable for a reason an autoscaler may fix is waited for', () => {
  expect(podProblem(unschedulable("0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector."), 'nvidia.com/gpu')).toBeUndefined();
});

test.each([
  ['ImagePullBackOff', 'image'],
  ['InvalidImageName', 'image'],
  ['CreateContainerConfigError', 'secrets'],
])('a container stuck in %s names %s', (reason, input) => {
  const problem = podProblem(waiting(reason, 'Back-off pulling image "x"'), 'nvidia.com/gpu');
  expect(problem).toEqual({ input, message: `pod job-0-abc cannot start its container: ${reason} (Back-off pulling image "x").` });
});

test('a first failed pull, or a container being created, is waited for', () => {
  expect(podProblem(waiting('ErrImagePull'), 'nvidia.com/gpu')).toBeUndefined();
  expect(podProblem(waiting('ContainerCreating'), 'nvidia.com/gpu')).toBeUndefined();
});
