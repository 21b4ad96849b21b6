/**
 * The test cluster itself (test/support/kube-cluster.ts): the runtime's tests
 * rely on Jobs being scheduled, run to the outcome their annotations script,
 * refused by RBAC and the API's validation, and serving pod logs. If this file
 * fails, the Kubernetes runtime's failures say nothing about the runtime.
 */
import { CLUSTER_START_TIMEOUT_MS, NODES, startKubeCluster, type KubeCluster } from '../support/kube-cluster.js';

let cluster: KubeCluster;
beforeAll(async () => {
  cluster = await startKubeCluster();
}, CLUSTER_START_TIMEOUT_MS);
afterAll(async () => {
  await cluster?.stop();
});

function job(name: string, annotations: Record<string, string>, resources: Record<string, string> = {}): string {
  return JSON.stringify({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { annotations },
        spec: { restartPolicy: 'Never', containers: [{ name: 'train', image: 'example.invalid/train:1', resources: { limits: resources } }] },
      },
    },
  });
}

async function jobCondition(namespace: string, name: string, condition: 'Complete' | 'Failed', timeout = '60s'): Promise<void> {
  await cluster.kubectl(['wait', '-n', namespace, `--for=condition=${condition}`, `job/${name}`, `--timeout=${timeout}`]);
}

describe('the test Kubernetes cluster', () => {
  test('a Job with no outcome annotation completes, on a node kwok plays', async () => {
    const namespace = await cluster.createNamespace();
    await cluster.kubectl(['apply', '-n', namespace, '-f', '-'], job('ok', {}));
    await jobCondition(namespace, 'ok', 'Complete');
    const pod = JSON.parse(await cluster.kubectl(['get', 'pods', '-n', namespace, '-l', 'job-name=ok', '-o', 'json'])).items[0];
    expect(pod.status.phase).toBe('Succeeded');
    expect(pod.status.containerStatuses[0].state.terminated.exitCode).toBe(0);
    expect([NODES.cpu.name, NODES.gpu.name]).toContain(pod.spec.nodeName);
  }, 60_000);

  test('test.kwok/exit-code makes the pod fail with that exit code, and its log is served', async () => {
    const namespace = await cluster.createNamespace();
    await cluster.servePodLogs(namespace, ['epoch 1 loss 0.9', 'Traceback: out of luck']);
    await cluster.kubectl(['apply', '-n', namespace, '-f', '-'], job('fails', { 'test.kwok/exit-code': '3' }));
    await jobCondition(namespace, 'fails', 'Failed');
    const pod = JSON.parse(await cluster.kubectl(['get', 'pods', '-n', namespace, '-l', 'job-name=fails', '-o', 'json'])).items[0];
    expect(pod.status.containerStatuses[0].state.terminated.exitCode).toBe(3);
    expect(await cluster.kubectl(['logs', '-n', namespace, pod.metadata.name])).toBe('epoch 1 loss 0.9\nTraceback: out of luck\n');
  }, 60_000);

  test('test.kwok/hold keeps the pod Running, even with an exit code, until the annotation is removed', async () => {
    const namespace = await cluster.createNamespace();
    await cluster.kubectl(['apply', '-n', namespace, '-f', '-'], job('held', { 'test.kwok/hold': 'true', 'test.kwok/exit-code': '4' }));
    await cluster.kubectl(['wait', '-n', namespace, '--for=jsonpath={.status.phase}=Running', 'pod', '-l', 'job-name=held', '--timeout=60s']);
    // Held: no stage may end it, so a wait for the failure must run out.
    await expect(jobCondition(namespace, 'held', 'Failed', '2s')).rejects.toThrow(/timed out/);
    await cluster.kubectl(['annotate', 'pods', '-n', namespace, '-l', 'job-name=held', 'test.kwok/hold-']);
    await jobCondition(namespace, 'held', 'Failed');
    expect(await cluster.kubectl(['get', 'pods', '-n', namespace, '-l', 'job-name=held', '-o', 'jsonpath={.items[0].status.containerStatuses[0].state.terminated.exitCode}'])).toBe('4');
  }, 60_000);

  test('the scheduler places a GPU request on the GPU node only', async () => {
    const namespace = await cluster.createNamespace();
    await cluster.kubectl(['apply', '-n', namespace, '-f', '-'], job('gpu', {}, { 'nvidia.com/gpu': '2' }));
    await jobCondition(namespace, 'gpu', 'Complete');
    expect(await cluster.kubectl(['get', 'pods', '-n', namespace, '-l', 'job-name=gpu', '-o', 'jsonpath={.items[0].spec.nodeName}'])).toBe(NODES.gpu.name);
  }, 60_000);

  test('RBAC is on: a token bound to a Role may do what it grants and nothing else', async () => {
    const namespace = await cluster.createNamespace();
    const kubeconfig = await cluster.serviceAccountKubeconfig(namespace, [{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['list'] }]);
    expect(await cluster.kubectl([`--kubeconfig=${kubeconfig}`, 'get', 'jobs', '-o', 'name'])).toBe('');
    await expect(cluster.kubectl([`--kubeconfig=${kubeconfig}`, 'get', 'pods'])).rejects.toThrow(/forbidden.*cannot list resource "pods"/);
  }, 60_000);
});
