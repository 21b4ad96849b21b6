/**
 * train-in-container with `runtime: kubernetes`, through the built CLI
 * bundle, against a real control plane (test/support/kube-cluster.ts: etcd,
 * kube-apiserver with RBAC, the controller manager, the scheduler, and kwok
 * playing a CPU node and a GPU node) and a real S3 server (versitygw) for
 * `outputs-url`.
 *
 * kwok runs no process: a pod's fate is set by annotations the step's
 * `annotations` input puts on the pod template (succeed after a delay, fail
 * with an exit code, stay Running), and its log is served from a file. So
 * the pod cannot write its outputs either: the test stands in for it,
 * putting objects under the run's MLOPS_OUTPUT_URL (read from the pod's own
 * spec) while kwok holds the pod Running.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REQUIRED_RBAC_RULES } from '../../packages/core/src/container/kubernetes/target.js';
import { BUNDLE, runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startKubeCluster, type KubeCluster } from '../support/kube-cluster.js';
import { startRegistry } from '../support/registry-server.js';
import { RUNTIMES, type Runtime } from '../support/runtimes.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';

const IMAGE = `registry.example.com/team/train@sha256:${'ab'.repeat(32)}`;
const BUCKET = 'runs';
const DELAY = 'pod-complete.stage.kwok.x-k8s.io/delay';
const TIMEOUT_MS = 60_000;

let cluster: KubeCluster;
let s3: S3Server;

beforeAll(async () => {
  [cluster, s3] = await Promise.all([startKubeCluster(), startS3Server()]);
  await s3.createBucket(BUCKET);
}, 90_000);

afterAll(async () => {
  await Promise.all([cluster?.stop(), s3?.stop()]);
});

interface Train {
  readonly namespace: string;
  readonly args?: readonly string[];
  readonly annotations?: Readonly<Record<string, string>>;
  /** A kubeconfig path for the input; 'KUBECONFIG' or 'HOME' to give the admin one through the variable or ~/.kube/config instead. */
  readonly kubeconfig?: string;
  readonly env?: Record<string, string>;
  readonly runtime?: Runtime;
  readonly image?: string;
}

function trainArgs(options: Train): string[] {
  const annotations = Object.entries(options.annotations ?? {}).map(([key, value]) => `${key}=${value}`);
  return [
    'train-in-container',
    '--runtime',
    'kubernetes',
    ...(options.kubeconfig === 'KUBECONFIG' || options.kubeconfig === 'HOME' ? [] : ['--kubeconfig', options.kubeconfig ?? cluster.adminKubeconfig]),
    '--namespace',
    options.namespace,
    '--image',
    options.image ?? IMAGE,
    '--command',
    'python train.py',
    ...(annotations.length > 0 ? ['--annotations', annotations.join('\n')] : []),
    ...(options.args ?? []),
  ];
}

function train(options: Train): Promise<BundleRun> {
  return runBundle(trainArgs(options), { cwd: tempDir('train-kube-'), env: { ...s3.env, ...kubeconfigEnv(options.kubeconfig), ...options.env }, ...(options.runtime ? { runtime: options.runtime } : {}) });
}

function kubeconfigEnv(kubeconfig: string | undefined): Record<string, string> {
  if (kubeconfig === 'KUBECONFIG') return { KUBECONFIG: cluster.adminKubeconfig };
  if (kubeconfig !== 'HOME') return {};
  const home = tempDir('kube-home-');
  mkdirSync(path.join(home, '.kube'));
  copyFileSync(cluster.adminKubeconfig, path.join(home, '.kube', 'config'));
  return { HOME: home };
}

function outputsOf(run: BundleRun): Record<string, string> {
  return JSON.parse(run.stdout) as Record<string, string>;
}

async function kubectlJson<T>(args: readonly string[]): Promise<T> {
  return JSON.parse(await cluster.kubectl([...args, '-o', 'json'])) as T;
}

interface Pod {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { nodeName?: string; hostname?: string; subdomain?: string; containers: { env?: { name: string; value?: string; valueFrom?: unknown }[] }[] };
  status: { phase?: string };
}

async function podsIn(namespace: string): Promise<Pod[]> {
  return (await kubectlJson<{ items: Pod[] }>(['get', 'pods', '-n', namespace])).items;
}

/** Resolves with the first pod of the namespace once kwok has it Running. */
async function runningPod(namespace: string): Promise<Pod> {
  for (const end = Date.now() + 30_000; Date.now() < end; await sleep(200)) {
    const pod = (await podsIn(namespace)).find((candidate) => candidate.status.phase === 'Running');
    if (pod) return pod;
  }
  throw new Error(`no pod Running in ${namespace}`);
}

function envOf(pod: Pod, name: string): string | undefined {
  return pod.spec.containers[0]?.env?.find((variable) => variable.name === name)?.value;
}

// The main path on both Node versions the bundle supports: @kubernetes/client-node must load and work on each.
describe.each(RUNTIMES)('on $name', (runtime) => {
  test('a Job completes: its outputs prefix lands in outputs, and the step reports the Job, pod and node', async () => {
    const namespace = await cluster.createNamespace('ok');
    await cluster.servePodLogs(namespace, ['epoch 1/2 loss 0.50', 'epoch 2/2 loss 0.25']);
    const dir = tempDir('train-kube-ok-');
    const outputs = path.join(dir, 'out');
    const run = train({ namespace, runtime, annotations: { [DELAY]: '3s' }, args: ['--outputs', outputs, '--outputs-url', `s3://${BUCKET}/iris/`] });
    // Standing in for the training: kwok runs no process, so the test writes what the pod would have written.
    const pod = await runningPod(namespace);
    const prefix = envOf(pod, 'MLOPS_OUTPUT_URL');
    expect(prefix).toMatch(new RegExp(`^s3://${BUCKET}/iris/mlops-train-[a-z0-9-]+/$`));
    const keyPrefix = prefix!.slice(`s3://${BUCKET}/`.length);
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${keyPrefix}metrics.json`, Body: '{"accuracy": 0.93}' }));
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${keyPrefix}model/model.pkl`, Body: 'weights' }));
    const result = await run;
    if (result.code !== 0) console.log(result.stderr);
    expect(result.code).toBe(0);
    const out = outputsOf(result);
    expect(out).toMatchObject({ 'exit-code': '0', namespace, pod: pod.metadata.name, node: pod.spec.nodeName, 'image-digest': IMAGE, outputs, metrics: path.join(outputs, 'metrics.json') });
    expect(prefix).toContain(`/${out['job-name']}/`);
    expect(readFileSync(path.join(outputs, 'model', 'model.pkl'), 'utf8')).toBe('weights');
    // Pod 0's log, followed live, went through the host's log.
    expect(result.stderr).toContain('epoch 1/2 loss 0.50\nepoch 2/2 loss 0.25\n');
    // The finished Job stays for inspection (ttlSecondsAfterFinished), Complete.
    const job = await kubectlJson<{ status: { conditions: { type: string; status: string }[] }; spec: { ttlSecondsAfterFinished: number } }>(['get', 'job', out['job-name']!, '-n', namespace]);
    expect(job.status.conditions).toContainEqual(expect.objectContaining({ type: 'Complete', status: 'True' }));
  }, TIMEOUT_MS);
});

test('a failing pod: exit 1, its exit code as an output, and the last lines of its log', async () => {
  const namespace = await cluster.createNamespace('fail');
  await cluster.servePodLogs(namespace, ['epoch 1 loss 0.9', 'Traceback (most recent call last):', 'ValueError: bad shape']);
  const result = await train({ namespace, annotations: { 'test.kwok/exit-code': '3', [DELAY]: '1s' } });
  expect(result.code).toBe(1);
  const out = outputsOf(result);
  expect(out['exit-code']).toBe('3');
  expect(out['pod']).toMatch(new RegExp(`^${out['job-name']}-`));
  expect(result.stderr).toMatch(/the command exited with 3 in pod mlops-train-\S+ on node kwok-/);
  expect(result.stderr).toContain(`Last lines of the log of pod ${out['pod']}:\nepoch 1 loss 0.9\nTraceback (most recent call last):\nValueError: bad shape`);
}, TIMEOUT_MS);

test('timeout: the Job is stopped at its deadline and no pod is left', async () => {
  const namespace = await cluster.createNamespace('deadline');
  const result = await train({ namespace, annotations: { 'test.kwok/hold': 'true' }, args: ['--timeout', '3s'] });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('the Job hit the timeout of 3 s');
  expect(await podsIn(namespace)).toEqual([]);
}, TIMEOUT_MS);

test('SIGTERM to the step: the Job is deleted, and the step ends once no pod is left', async () => {
  const namespace = await cluster.createNamespace('sigterm');
  const child = spawn(process.execPath, ['--', BUNDLE, ...trainArgs({ namespace, annotations: { 'test.kwok/hold': 'true' } })], {
    cwd: tempDir('train-kube-term-'),
    env: { PATH: process.env['PATH'] ?? '', HOME: tempDir('home-'), ...s3.env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await runningPod(namespace);
  child.kill('SIGTERM');
  expect(await exited).toBe(1);
  expect(stderr).toContain('the step was cancelled (SIGTERM): the Job was deleted and its pods are gone');
  expect(await podsIn(namespace)).toEqual([]);
  expect(JSON.parse(await cluster.kubectl(['get', 'jobs', '-n', namespace, '-o', 'json'])).items).toEqual([]);
}, TIMEOUT_MS);

test('workers: 4 → an Indexed Job of 4 pods, ranks 0–3, the rendezvous env, and a headless Service owned by the Job', async () => {
  const namespace = await cluster.createNamespace('ddp');
  // The cluster from KUBECONFIG, with no kubeconfig input.
  const result = await train({ namespace, kubeconfig: 'KUBECONFIG', args: ['--workers', '4', '--rendezvous-port', '23456'] });
  if (result.code !== 0) console.log(result.stderr);
  expect(result.code).toBe(0);
  const jobName = outputsOf(result)['job-name']!;
  const pods = await podsIn(namespace);
  expect(pods.map((pod) => pod.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2', '3']);
  for (const pod of pods) {
    const index = pod.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];
    // Pod `<job>-<index>` resolves through the Service as `<job>-<index>.<service>`: pod 0 is the master.
    expect(pod.spec).toMatchObject({ hostname: `${jobName}-${index}`, subdomain: jobName });
    expect(envOf(pod, 'MASTER_ADDR')).toBe(`${jobName}-0.${jobName}`);
    expect(envOf(pod, 'MASTER_PORT')).toBe('23456');
    expect(envOf(pod, 'WORLD_SIZE')).toBe('4');
    expect(pod.spec.containers[0]?.env).toContainEqual({ name: 'RANK', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } });
  }
  const job = await kubectlJson<{ metadata: { uid: string } }>(['get', 'job', jobName, '-n', namespace]);
  const service = await kubectlJson<{ metadata: { ownerReferences: { kind: string; uid: string }[] }; spec: { clusterIP: string } }>(['get', 'service', jobName, '-n', namespace]);
  expect(service.spec.clusterIP).toBe('None');
  expect(service.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Job', uid: job.metadata.uid })]);
}, TIMEOUT_MS);

test('gpus: 2 lands on the GPU node; gpus: 16 is refused clearly, naming gpus, with no Job left', async () => {
  const namespace = await cluster.createNamespace('gpu');
  // The cluster from ~/.kube/config, with neither the input nor KUBECONFIG.
  const fits = await train({ namespace, kubeconfig: 'HOME', args: ['--gpus', '2'] });
  if (fits.code !== 0) console.log(fits.stderr);
  expect(fits.code).toBe(0);
  expect(outputsOf(fits)['node']).toBe('kwok-gpu');

  const none = await cluster.createNamespace('gpu-none');
  const tooMany = await train({ namespace: none, args: ['--gpus', '16'] });
  expect(tooMany.code).toBe(1);
  expect(tooMany.stderr).toMatch(/input 'gpus': no node of the cluster can give pod \S+ the nvidia\.com\/gpu it asks for \(the scheduler says: .*Insufficient nvidia\.com\/gpu/);
  expect(JSON.parse(await cluster.kubectl(['get', 'jobs,pods', '-n', none, '-o', 'json'])).items).toEqual([]);
}, TIMEOUT_MS);

test('secrets: the values are only in the Secret the Job owns, never in the Job spec or the log', async () => {
  const namespace = await cluster.createNamespace('secrets');
  const value = 'hf_s3cr3t_value_42';
  const result = await train({ namespace, args: ['--secrets', 'HF_TOKEN', '--env', 'EPOCHS=3'], env: { HF_TOKEN: value } });
  if (result.code !== 0) console.log(result.stderr);
  expect(result.code).toBe(0);
  const jobName = outputsOf(result)['job-name']!;
  const jobJson = await cluster.kubectl(['get', 'job', jobName, '-n', namespace, '-o', 'json']);
  expect(jobJson).not.toContain(value);
  expect(result.stderr + result.stdout).not.toContain(value);
  const job = JSON.parse(jobJson) as { metadata: { uid: string }; spec: { template: { spec: { containers: { env: unknown[] }[] } } } };
  expect(job.spec.template.spec.containers[0]!.env).toEqual(
    expect.arrayContaining([{ name: 'EPOCHS', value: '3' }, { name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: `${jobName}-env`, key: 'HF_TOKEN' } } }]),
  );
  const secret = await kubectlJson<{ data: Record<string, string>; metadata: { ownerReferences: { uid: string }[] } }>(['get', 'secret', `${jobName}-env`, '-n', namespace]);
  expect(Buffer.from(secret.data['HF_TOKEN']!, 'base64').toString()).toBe(value);
  expect(secret.metadata.ownerReferences).toEqual([expect.objectContaining({ uid: job.metadata.uid })]);
}, TIMEOUT_MS);

test('what only the API server refuses (422) is bad input, exit 2, found by a dry run before anything is created', async () => {
  const namespace = await cluster.createNamespace('invalid');
  // `job-name` is a well-formed label, but on a Job's pods the Job controller owns it: only the API server knows that.
  const result = await train({ namespace, args: ['--labels', 'job-name=other'] });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/input 'labels': refused by the API server \(create jobs\.batch in namespace \S+\): spec\.template\.metadata\.labels\[job-name\]: Invalid value/);
  expect(JSON.parse(await cluster.kubectl(['get', 'jobs', '-n', namespace, '-o', 'json'])).items).toEqual([]);
}, TIMEOUT_MS);

test('least privilege: a token bound to exactly REQUIRED_RBAC_RULES runs the step; one verb less fails naming it', async () => {
  const namespace = await cluster.createNamespace('rbac');
  const allowed = await cluster.serviceAccountKubeconfig(namespace, REQUIRED_RBAC_RULES);
  const ok = await train({ namespace, kubeconfig: allowed, args: ['--workers', '2', '--secrets', 'HF_TOKEN'], env: { HF_TOKEN: 'x-token' } });
  if (ok.code !== 0) console.log(ok.stderr);
  expect(ok.code).toBe(0);

  const lessNamespace = await cluster.createNamespace('rbac-less');
  const withoutPatch = REQUIRED_RBAC_RULES.map((rule) => ((rule.resources as readonly string[]).includes('jobs') ? { ...rule, verbs: rule.verbs.filter((verb) => verb !== 'patch') } : rule));
  const denied = await train({ namespace: lessNamespace, kubeconfig: await cluster.serviceAccountKubeconfig(lessNamespace, withoutPatch) });
  expect(denied.code).toBe(1);
  expect(denied.stderr).toContain(`the service account may not patch jobs.batch in namespace ${lessNamespace} (403 Forbidden): add the verb 'patch' on 'jobs' (apiGroups: ['batch']) to its Role`);
  // The Job it could create was deleted again: nothing is left half made.
  expect(JSON.parse(await cluster.kubectl(['get', 'jobs', '-n', lessNamespace, '-o', 'json'])).items).toEqual([]);
}, TIMEOUT_MS);

test('an image by tag runs pinned: the tag is resolved through the registry, and the digest is what the Job and image-digest hold', async () => {
  const registry = await startRegistry();
  try {
    const digest = await pushTinyImage(registry.host, 'team/train', 'v1');
    const namespace = await cluster.createNamespace('tag');
    const result = await train({ namespace, image: `${registry.host}/team/train:v1` });
    if (result.code !== 0) console.log(result.stderr);
    expect(result.code).toBe(0);
    const out = outputsOf(result);
    expect(out['image-digest']).toBe(`${registry.host}/team/train@${digest}`);
    const image = await cluster.kubectl(['get', 'job', out['job-name']!, '-n', namespace, '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    expect(image).toBe(out['image-digest']);
  } finally {
    await registry.stop();
  }
  // A registry that does not answer is an error naming image, never a run of an unpinned tag.
  const namespace = await cluster.createNamespace('tag-down');
  const down = await train({ namespace, image: '127.0.0.1:1/team/train:v1' });
  expect(down.code).toBe(1);
  expect(down.stderr).toContain("input 'image': cannot resolve 127.0.0.1:1/team/train:v1 to a digest");
  expect(JSON.parse(await cluster.kubectl(['get', 'jobs', '-n', namespace, '-o', 'json'])).items).toEqual([]);
}, TIMEOUT_MS);

test('a Dockerfile is built and pushed with Docker as on the Docker path, the Job runs the pushed digest, and the record carries it for the lineage', async () => {
  const registry = await startRegistry();
  const dir = tempDir('train-kube-build-');
  // FROM scratch: a one-file image, so the push is quick; kwok never runs it anyway.
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY train.txt /train.txt\n');
  writeFileSync(path.join(dir, 'train.txt'), `built for ${path.basename(dir)}\n`);
  const made: string[] = [];
  try {
    const namespace = await cluster.createNamespace('build');
    const args = trainArgs({ namespace }).filter((arg, index, all) => arg !== '--image' && all[index - 1] !== '--image');
    const result = await runBundle([...args, '--dockerfile', 'Dockerfile', '--push', `${registry.host}/team/kube`], { cwd: dir, env: { ...s3.env } });
    const tag = /Pushing \S+:([0-9a-f]{32})\n/.exec(result.stderr)?.[1];
    if (tag) made.push(`${registry.host}/team/kube:${tag}`, `mlops-ci-train:${tag}`);
    if (result.code !== 0) console.log(result.stderr);
    expect(result.code).toBe(0);
    const out = outputsOf(result);
    expect(out['image-digest']).toBe(`${registry.host}/team/kube@${await registry.manifestDigest('team/kube', tag!)}`);
    const image = await cluster.kubectl(['get', 'job', out['job-name']!, '-n', namespace, '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    expect(image).toBe(out['image-digest']);
    // promote-model takes the image of the lineage from this record, as after a Docker run.
    const records = path.join(dir, '.mlops-ci', 'train-in-container');
    const record = JSON.parse(readFileSync(path.join(records, readdirSync(records)[0]!), 'utf8')) as { outcome: string; outputs: Record<string, string> };
    expect(record).toMatchObject({ outcome: 'ok', outputs: { 'image-digest': out['image-digest'], 'job-name': out['job-name'] } });
  } finally {
    for (const ref of made) spawnSync('docker', ['rmi', ref], { stdio: 'ignore' });
    await registry.stop();
  }
}, TIMEOUT_MS);

/** Puts a minimal image (a config blob, no layers) under `repository:tag` through the OCI distribution API; returns its manifest digest. */
async function pushTinyImage(host: string, repository: string, tag: string): Promise<string> {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }));
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  const started = await fetch(`http://${host}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  const upload = new URL(started.headers.get('location')!, `http://${host}`);
  upload.searchParams.set('digest', configDigest);
  const put = await fetch(upload, { method: 'PUT', body: config, headers: { 'Content-Type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status}`);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length }, layers: [] }));
  const stored = await fetch(`http://${host}/v2/${repository}/manifests/${tag}`, { method: 'PUT', body: manifest, headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' } });
  if (stored.status !== 201) throw new Error(`manifest upload: ${stored.status} ${await stored.text()}`);
  return `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
