/**
 * The objects a Kubernetes run creates, built from a target without a
 * cluster: the suspended Job and its pod spec (resources, scheduling,
 * rendezvous env for several workers), the Secret that alone holds the
 * secret values, and the headless Service; both owned by the Job.
 */
import { CONTROLLER_UID_LABEL, jobManifest, jobOwnerReference, outputsUrlOf, secretManifest, serviceManifest, type KubeRun } from '../../../src/container/kubernetes/manifests.js';
import type { KubeTarget } from '../../../src/container/kubernetes/target.js';
import { kubeTarget } from '../../support/kube-target.js';

const DIGEST = `registry.example.com/team/train@sha256:${'ab'.repeat(32)}`;

const target = kubeTarget;

function run(overrides: Partial<KubeRun> = {}, targetOverrides: Partial<KubeTarget> = {}): KubeRun {
  return {
    name: 'mlops-train-local-0a1b2c3d',
    namespace: 'ml',
    image: DIGEST,
    command: { kind: 'shell', script: 'python train.py' },
    env: new Map([['EPOCHS', '3']]),
    secretEnv: new Map(),
    target: target(targetOverrides),
    ...overrides,
  };
}

test('one worker: a suspended Job of one pod that never restarts in place, the pinned image, the command as args', () => {
  const job = jobManifest(run({ timeoutSeconds: 90.5 }, { retries: 2, ttlSecondsAfterFinished: 600 }));
  expect(job.metadata).toMatchObject({ name: 'mlops-train-local-0a1b2c3d', namespace: 'ml', labels: { 'app.kubernetes.io/managed-by': 'mlops-ci' } });
  expect(job.spec).toMatchObject({ suspend: true, backoffLimit: 2, ttlSecondsAfterFinished: 600, activeDeadlineSeconds: 91, completions: 1, parallelism: 1 });
  expect(job.spec?.completionMode).toBeUndefined();
  const pod = job.spec!.template.spec!;
  expect(pod.restartPolicy).toBe('Never');
  expect(pod.subdomain).toBeUndefined();
  expect(pod.containers).toEqual([{ name: 'train', image: DIGEST, args: ['/bin/sh', '-c', 'python train.py'], env: [{ name: 'EPOCHS', value: '3' }] }]);
});

test('an argv command is args as given (the image entrypoint still runs, as with docker run)', () => {
  const job = jobManifest(run({ command: { kind: 'argv', argv: ['python', 'train.py', '--lr', '0.1'] } }));
  expect(job.spec!.template.spec!.containers[0]!.args).toEqual(['python', 'train.py', '--lr', '0.1']);
});

test('resources are requests equal to limits; gpus go to the named extended resource', () => {
  const job = jobManifest(run({ cpus: 1.5, memoryBytes: 2 * 1024 ** 3, gpus: 2 }, { gpuResource: 'amd.com/gpu' }));
  const quantities = { cpu: '1.5', memory: String(2 * 1024 ** 3), 'amd.com/gpu': '2' };
  expect(job.spec!.template.spec!.containers[0]!.resources).toEqual({ requests: quantities, limits: quantities });
});

test('scheduling, identity, labels, annotations and PVCs reach the pod template', () => {
  const job = jobManifest(
    run(
      {},
      {
        nodeSelector: new Map([['pool', 'gpu']]),
        tolerations: [{ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' }, { operator: 'Exists' }],
        serviceAccount: 'trainer',
        imagePullSecrets: ['regcred'],
        labels: new Map([['team', 'vision']]),
        annotations: new Map([['owner', 'ana']]),
        volumes: [{ claim: 'datasets', mountPath: '/data', readOnly: true }],
      },
    ),
  );
  const template = job.spec!.template;
  expect(template.metadata).toEqual({ labels: { team: 'vision', 'app.kubernetes.io/managed-by': 'mlops-ci' }, annotations: { owner: 'ana' } });
  expect(job.metadata).toMatchObject({ labels: { team: 'vision' }, annotations: { owner: 'ana' } });
  expect(template.spec).toMatchObject({
    nodeSelector: { pool: 'gpu' },
    tolerations: [{ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' }, { operator: 'Exists' }],
    serviceAccountName: 'trainer',
    imagePullSecrets: [{ name: 'regcred' }],
    volumes: [{ name: 'pvc-0', persistentVolumeClaim: { claimName: 'datasets', readOnly: true } }],
  });
  expect(template.spec!.containers[0]!.volumeMounts).toEqual([{ name: 'pvc-0', mountPath: '/data', readOnly: true }]);
});

test('secret values are only in the Secret; the pod names them by secretKeyRef', () => {
  const secretRun = run({ env: new Map([['EPOCHS', '3']]), secretEnv: new Map([['HF_TOKEN', 's3cr3t-value']]) });
  const job = jobManifest(secretRun);
  expect(JSON.stringify(job)).not.toContain('s3cr3t-value');
  expect(job.spec!.template.spec!.containers[0]!.env).toContainEqual({ name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'mlops-train-local-0a1b2c3d-env', key: 'HF_TOKEN' } } });
  const owner = jobOwnerReference({ name: secretRun.name, uid: 'uid-1' });
  const secret = secretManifest(secretRun, owner);
  expect(secret).toMatchObject({ metadata: { name: 'mlops-train-local-0a1b2c3d-env', namespace: 'ml', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: secretRun.name, uid: 'uid-1' }] }, stringData: { HF_TOKEN: 's3cr3t-value' } });
});

test('data and outputs URLs: the run writes under a fresh prefix named after its Job', () => {
  const job = jobManifest(run({}, { dataUrl: 's3://data/iris/', outputsUrl: 's3://runs/iris' }));
  expect(job.spec!.template.spec!.containers[0]!.env).toEqual(
    expect.arrayContaining([
      { name: 'MLOPS_DATA_URL', value: 's3://data/iris/' },
      { name: 'MLOPS_OUTPUT_URL', value: 's3://runs/iris/mlops-train-local-0a1b2c3d/' },
    ]),
  );
  expect(outputsUrlOf(run({}, { outputsUrl: 's3://runs/base/' }))).toBe('s3://runs/base/mlops-train-local-0a1b2c3d/');
  expect(outputsUrlOf(run())).toBeUndefined();
});

test('several workers: an Indexed Job, pod 0 as the master through the headless Service, the rank from the completion index', () => {
  const indexed = run({}, { workers: 4, rendezvousPort: 23456 });
  const job = jobManifest(indexed);
  expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
  expect(job.spec!.template.spec!.subdomain).toBe(indexed.name);
  expect(job.spec!.template.spec!.containers[0]!.env).toEqual(
    expect.arrayContaining([
      { name: 'MASTER_ADDR', value: `${indexed.name}-0.${indexed.name}` },
      { name: 'MASTER_PORT', value: '23456' },
      { name: 'WORLD_SIZE', value: '4' },
      { name: 'RANK', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]),
  );
  const service = serviceManifest(indexed, jobOwnerReference({ name: indexed.name, uid: 'uid-4' }), 'uid-4');
  expect(service.metadata).toMatchObject({ name: indexed.name, ownerReferences: [{ kind: 'Job', uid: 'uid-4' }] });
  expect(service.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true, selector: { [CONTROLLER_UID_LABEL]: 'uid-4' }, ports: [{ port: 23456 }] });
});

test('a user variable cannot override what the step tells the command', () => {
  const job = jobManifest(run({ env: new Map([['MLOPS_OUTPUT_URL', 's3://elsewhere/'], ['WORLD_SIZE', '99']]) }, { outputsUrl: 's3://runs/', workers: 2 }));
  const env = job.spec!.template.spec!.containers[0]!.env!;
  expect(env.filter((v) => v.name === 'MLOPS_OUTPUT_URL')).toEqual([{ name: 'MLOPS_OUTPUT_URL', value: 's3://runs/mlops-train-local-0a1b2c3d/' }]);
  expect(env.filter((v) => v.name === 'WORLD_SIZE')).toEqual([{ name: 'WORLD_SIZE', value: '2' }]);
});
