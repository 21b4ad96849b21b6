/**
 * The Kubernetes runtime's Job run (container/kubernetes/job-run.ts) against
 * the real test control plane (test/support/kube-cluster.ts), below the step:
 * what only a seam can show, such as a watch dropped in the middle of a run.
 * The step itself, through the CLI, is train-kubernetes.test.ts.
 */
import { connectToCluster, type KubeConnection } from '../../packages/core/src/container/kubernetes/cluster.js';
import { KubeJobRun } from '../../packages/core/src/container/kubernetes/job-run.js';
import type { KubeRun } from '../../packages/core/src/container/kubernetes/manifests.js';
import type { KubeTarget } from '../../packages/core/src/container/kubernetes/target.js';
import { kubeTarget } from '../../packages/core/__tests__/support/kube-target.js';
import { CLUSTER_START_TIMEOUT_MS, startKubeCluster, type KubeCluster } from '../support/kube-cluster.js';

const IMAGE = `registry.example.com/train@sha256:${'ab'.repeat(32)}`;
let cluster: KubeCluster;

beforeAll(async () => {
  cluster = await startKubeCluster();
}, CLUSTER_START_TIMEOUT_MS);

afterAll(async () => {
  await cluster?.stop();
});

function target(overrides: Partial<KubeTarget> = {}): KubeTarget {
  return kubeTarget({ kubeconfig: cluster.adminKubeconfig, ttlSecondsAfterFinished: 600, ...overrides });
}

async function runOf(name: string, overrides: Partial<KubeTarget>): Promise<{ connection: KubeConnection; run: KubeRun }> {
  const namespace = await cluster.createNamespace('runtime');
  const t = target({ namespace, ...overrides });
  const connection = await connectToCluster(t, { HOME: '/nonexistent' });
  return { connection, run: { name, namespace, image: IMAGE, command: { kind: 'shell', script: 'python train.py' }, env: new Map(), secretEnv: new Map(), target: t } };
}

test('a watch dropped mid-run is followed by a new list, and the run still ends with the Job', async () => {
  // Held Running until the watches are dropped, so the pod's success can only be seen after the re-list.
  const { connection, run } = await runOf('dropped-watch', { annotations: new Map([['test.kwok/hold', 'true']]) });
  const lists: string[] = [];
  const aborts = new Map<string, () => void>();
  const job = new KubeJobRun(connection, run, () => undefined, {
    onList: (kind) => lists.push(kind),
    onWatch: (kind, abort) => aborts.set(kind, abort),
  });
  // Drop both watches once the pod runs: what happens next (the pod succeeding) is seen only through the re-list and new watches.
  await waitFor(async () => aborts.size === 2 && (await cluster.kubectl(['get', 'pods', '-n', run.namespace, '-o', 'jsonpath={.items[*].status.phase}'])).includes('Running'));
  const before = lists.length;
  for (const abort of aborts.values()) abort();
  await waitFor(async () => lists.length - before === 2);
  await cluster.kubectl(['annotate', 'pods', '--all', '-n', run.namespace, 'test.kwok/hold-']);
  await expect(job.exited).resolves.toBe(0);
  await job.remove();
  expect(lists.slice(before).sort()).toEqual(['job', 'pods']);
  expect(job.outcome).toMatchObject({ exitCode: 0, node: expect.stringMatching(/^kwok-/) });
}, 60_000);

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
