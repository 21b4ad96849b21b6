/**
 * Planning's dry run sends every object the run creates (the Job, and the
 * Secret and Service when the run has them) with dryRun: 'All', so a missing
 * permission on any of them is found before an image is built. A recording
 * client stands in for the API server here; the real one is in
 * test/train-in-container.
 */
import type { KubeConnection } from '../../../src/container/kubernetes/cluster.js';
import { dryRunObjects } from '../../../src/container/kubernetes/job-run.js';
import type { KubeRun } from '../../../src/container/kubernetes/manifests.js';
import type { KubeTarget } from '../../../src/container/kubernetes/target.js';

interface Sent {
  readonly kind: string;
  readonly dryRun: string | undefined;
}

function target(overrides: Partial<KubeTarget>): KubeTarget {
  return { gpuResource: 'nvidia.com/gpu', nodeSelector: new Map(), tolerations: [], imagePullSecrets: [], labels: new Map(), annotations: new Map(), workers: 1, rendezvousPort: 29500, volumes: [], retries: 0, ttlSecondsAfterFinished: 3600, ...overrides };
}

function run(secretEnv: ReadonlyMap<string, string>, workers: number): KubeRun {
  return { name: 'mlops-train-local-0a1b2c3d', namespace: 'ml', image: 'python:3.12', command: { kind: 'shell', script: 'true' }, env: new Map(), secretEnv, target: target({ workers }) };
}

/** A connection whose creates record what they were sent; `refuse` names the kind answered 403. */
function recording(refuse?: string): { connection: KubeConnection; sent: Sent[] } {
  const sent: Sent[] = [];
  const create = (kind: string) => async (request: { dryRun?: string }) => {
    sent.push({ kind, dryRun: request.dryRun });
    if (kind === refuse) throw Object.assign(new Error('Forbidden'), { code: 403, body: '{"message":"forbidden"}' });
    return {};
  };
  const connection = {
    server: 'https://127.0.0.1:6443',
    namespace: 'ml',
    batch: { createNamespacedJob: create('Job') },
    core: { createNamespacedSecret: create('Secret'), createNamespacedService: create('Service') },
  } as unknown as KubeConnection;
  return { connection, sent };
}

test('a run without secrets or workers dry-runs only its Job', async () => {
  const { connection, sent } = recording();
  await dryRunObjects(connection, run(new Map(), 1));
  expect(sent).toEqual([{ kind: 'Job', dryRun: 'All' }]);
});

test('secrets and several workers: the Secret and the Service are dry-run too, never created', async () => {
  const { connection, sent } = recording();
  await dryRunObjects(connection, run(new Map([['TOKEN', 'x']]), 4));
  expect(sent).toEqual([
    { kind: 'Job', dryRun: 'All' },
    { kind: 'Secret', dryRun: 'All' },
    { kind: 'Service', dryRun: 'All' },
  ]);
});

test.each([
  ['Secret', 'secrets'],
  ['Service', 'services'],
])('no permission to create the %s: the error names the verb and resource', async (kind, resource) => {
  const { connection } = recording(kind);
  await expect(dryRunObjects(connection, run(new Map([['TOKEN', 'x']]), 2))).rejects.toThrow(`add the verb 'create' on '${resource}' (apiGroups: [''])`);
});
