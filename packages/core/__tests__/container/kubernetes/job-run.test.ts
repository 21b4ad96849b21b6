/**
 * What KubeJobRun concludes when the cluster will not show it the pods: it
 * never takes "no pod seen" for "no pod left" (a refused pods list leaves
 * them unverified), and a watch that fails again and again is given up
 * with a clear error instead of re-listing forever; a Job deleted while
 * still suspended had no pod, so removing it waits for none. A scripted client stands
 * in for the API server; the real one is in test/train-in-container.
 */
import { jest } from '@jest/globals';
import type { KubeConnection } from '../../../src/container/kubernetes/cluster.js';
import { KubeJobRun } from '../../../src/container/kubernetes/job-run.js';
import type { KubeRun } from '../../../src/container/kubernetes/manifests.js';

const run: KubeRun = {
  name: 'mlops-train-local-0a1b2c3d',
  namespace: 'ml',
  image: 'python:3.12',
  command: { kind: 'shell', script: 'true' },
  env: new Map(),
  secretEnv: new Map(),
  target: { gpuResource: 'nvidia.com/gpu', nodeSelector: new Map(), tolerations: [], imagePullSecrets: [], labels: new Map(), annotations: new Map(), workers: 1, rendezvousPort: 29500, volumes: [], retries: 0, ttlSecondsAfterFinished: 3600 },
};

interface Script {
  /** What listing the pods does. */
  readonly listPods: () => Promise<{ items: unknown[]; metadata: { resourceVersion: string } }>;
  /** How a watch of `path` ends right after it opened; undefined: it stays open, silent. */
  readonly watchEnd?: (path: string) => Error | undefined;
  /** What `suspend: false` gets; undefined: accepted. */
  readonly patch?: () => Promise<unknown>;
}

function scripted(script: Script): { connection: KubeConnection; deletes: number[] } {
  const deletes: number[] = [];
  const job = { metadata: { name: run.name, uid: 'uid-1' }, status: {} };
  class Watch {
    async watch(path: string, _params: unknown, _onEvent: unknown, done: (err: unknown) => void): Promise<AbortController> {
      const end = script.watchEnd?.(path);
      if (end !== undefined) setTimeout(() => done(end), 0);
      return new AbortController();
    }
  }
  const connection = {
    server: 'https://127.0.0.1:6443',
    namespace: 'ml',
    config: {},
    k8s: { Watch, setHeaderOptions: () => ({}), PatchStrategy: { MergePatch: 'merge' } },
    batch: {
      createNamespacedJob: async () => job,
      patchNamespacedJob: script.patch ?? (async () => job),
      listNamespacedJob: async () => ({ items: [job], metadata: { resourceVersion: '1' } }),
      deleteNamespacedJob: async () => deletes.push(Date.now()),
    },
    core: { listNamespacedPod: script.listPods, readNamespacedPodLog: async () => '' },
  } as unknown as KubeConnection;
  return { connection, deletes };
}

afterEach(() => jest.useRealTimers());

test('a refused pods list: the run fails saying the pods are unverified, and removal never claims they are gone', async () => {
  const forbidden = Object.assign(new Error('Forbidden'), { code: 403 });
  const { connection, deletes } = scripted({ listPods: () => Promise.reject(forbidden) });
  const job = new KubeJobRun(connection, run, () => undefined);
  await expect(job.exited).rejects.toThrow(/may not list pods.*unverified/s);
  await expect(job.remove()).rejects.toThrow(`the pods of Job ${run.name} could never be listed, so whether any is still running is unverified`);
  expect(deletes).toHaveLength(1);
});

test('a pods watch that keeps failing between good lists is given up, not re-listed forever', async () => {
  jest.useFakeTimers();
  let lists = 0;
  const { connection } = scripted({
    listPods: async () => {
      lists++;
      return { items: [], metadata: { resourceVersion: String(lists) } };
    },
    watchEnd: (path) => (path.endsWith('/pods') ? new Error('socket hang up') : undefined),
  });
  const job = new KubeJobRun(connection, run, () => undefined);
  const failed = expect(job.exited).rejects.toThrow(/the watch to watch pods in namespace ml failed 9 times in a row \(last: socket hang up\): giving up/);
  await jest.advanceTimersByTimeAsync(120_000);
  await failed;
  expect(lists).toBe(9);
  jest.useRealTimers();
  await expect(job.remove()).rejects.toThrow(`the pods of Job ${run.name} could no longer be watched, so whether any is still running is unverified`);
});

test('a refused unsuspend: the Job is deleted while suspended, and removal waits for no pod', async () => {
  const forbidden = Object.assign(new Error('Forbidden'), { code: 403 });
  let lists = 0;
  const { connection, deletes } = scripted({
    listPods: async () => {
      lists++;
      return { items: [], metadata: { resourceVersion: '1' } };
    },
    patch: () => Promise.reject(forbidden),
  });
  const job = new KubeJobRun(connection, run, () => undefined);
  await expect(job.exited).rejects.toThrow(`the service account may not patch jobs.batch in namespace ml (403 Forbidden)`);
  await job.remove();
  expect(lists).toBe(0);
  expect(deletes.length).toBeGreaterThanOrEqual(1);
});
