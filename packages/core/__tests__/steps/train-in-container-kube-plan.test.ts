/**
 * train-in-container's plan for `runtime: kubernetes`: every input read into
 * the KubeTarget, every value the API server would refuse refused first
 * (naming the input), the inputs that name runner folders refused, and the
 * inputs a runtime ignores said so.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRuntime } from '../../src/container/runtime.js';
import { InputError } from '../../src/errors.js';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import type { Host } from '../../src/host/types.js';
import { InputReader } from '../../src/spec/inputs.js';
import { run } from '../../src/steps/train-in-container/index.js';
import { planTrain as plan } from '../../src/steps/train-in-container/plan.js';
import { trainInContainerSpec } from '../../src/steps/train-in-container/spec.js';
import { quietHost } from '../support/quiet-host.js';

/** The folder the step is started in, with a kubeconfig, a Dockerfile and a data folder. */
function startedIn(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'train-kube-plan-'));
  mkdirSync(path.join(cwd, 'data'));
  writeFileSync(path.join(cwd, 'kubeconfig'), 'apiVersion: v1\nkind: Config\n');
  writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n');
  return cwd;
}

/** A host that keeps its warnings. */
function warningHost(cwd: string, warnings: string[] = []): Host {
  return { ...quietHost({ cwd, tempDir: cwd }), warning: (message: string) => void warnings.push(message) };
}

const KUBE = { runtime: 'kubernetes', image: 'ghcr.io/acme/train@sha256:' + 'a'.repeat(64), command: 'python train.py' };

function planOf(inputs: Record<string, unknown>, cwd = startedIn()) {
  return plan(new InputReader(trainInContainerSpec, jsonInputs(inputs)), warningHost(cwd));
}

function errorOf(read: () => unknown): InputError {
  try {
    read();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('the KubeTarget', () => {
  test('is null for the other runtimes', () => {
    expect(planOf({ runtime: 'host', command: 'true' }).kubernetes).toBeNull();
    expect(planOf({ runtime: 'docker', image: 'python:3.12-slim', command: 'true' }).kubernetes).toBeNull();
  });

  test('holds the defaults of the spec when only image and command are given', () => {
    const planned = planOf(KUBE);
    expect(planned.kubernetes).toEqual({
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
    });
    expect(planned).toMatchObject({ runtime: 'kubernetes', data: null, mounts: [], outputs: null, warnings: [] });
  });

  test('holds every input, checked and normalised, with the kubeconfig relative to the folder the step started in', () => {
    const cwd = startedIn();
    const planned = planOf(
      {
        ...KUBE,
        kubeconfig: 'kubeconfig',
        'kube-context': 'gpu-cluster',
        namespace: 'ml-training',
        'gpu-resource': 'amd.com/gpu',
        'node-selector': 'mlops-ci.test/gpu=true\npool=a100',
        tolerations: 'nvidia.com/gpu:NoSchedule\ndedicated=ml:NoExecute',
        'service-account': 'trainer',
        'image-pull-secrets': 'ghcr-pull\nquay.pull',
        labels: 'team=vision\napp.kubernetes.io/part-of=iris',
        annotations: 'test.kwok/exit-code=3\nnote=free text, with spaces: and colons',
        workers: '4',
        'rendezvous-port': '23456',
        'data-url': 's3://ml-data/iris',
        'outputs-url': 's3://ml-runs/iris/',
        outputs: 'out',
        volumes: 'pvc:datasets:/datasets:ro\npvc:scratch:/scratch/',
        retries: '2',
        'ttl-after-finished': '24h',
        gpus: '2',
        cpus: '4',
        memory: '16g',
        timeout: '2h',
      },
      cwd,
    );
    expect(planned.kubernetes).toEqual({
      kubeconfig: path.join(cwd, 'kubeconfig'),
      context: 'gpu-cluster',
      namespace: 'ml-training',
      gpuResource: 'amd.com/gpu',
      nodeSelector: new Map([
        ['mlops-ci.test/gpu', 'true'],
        ['pool', 'a100'],
      ]),
      tolerations: [
        { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoExecute' },
      ],
      serviceAccount: 'trainer',
      imagePullSecrets: ['ghcr-pull', 'quay.pull'],
      labels: new Map([
        ['team', 'vision'],
        ['app.kubernetes.io/part-of', 'iris'],
      ]),
      annotations: new Map([
        ['test.kwok/exit-code', '3'],
        ['note', 'free text, with spaces: and colons'],
      ]),
      workers: 4,
      rendezvousPort: 23456,
      dataUrl: 's3://ml-data/iris/',
      outputsUrl: 's3://ml-runs/iris/',
      volumes: [
        { claim: 'datasets', mountPath: '/datasets', readOnly: true },
        { claim: 'scratch', mountPath: '/scratch', readOnly: false },
      ],
      retries: 2,
      ttlSecondsAfterFinished: 86400,
    });
    expect(planned).toMatchObject({ outputs: path.join(cwd, 'out'), resources: { gpus: '2', cpus: 4, memoryBytes: 16 * 1024 ** 3 }, timeoutSeconds: 7200, warnings: [] });
  });

  test('a bucket alone is the prefix of the whole bucket', () => {
    expect(planOf({ ...KUBE, 'outputs-url': 's3://ml-runs' }).kubernetes?.outputsUrl).toBe('s3://ml-runs/');
  });
});

describe('tolerations, written like kubectl taint', () => {
  test.each([
    ['key=value:Effect', 'dedicated=ml:NoSchedule', { key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoSchedule' }],
    ['key:Effect', 'nvidia.com/gpu:PreferNoSchedule', { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'PreferNoSchedule' }],
    ['key=value', 'dedicated=ml', { key: 'dedicated', operator: 'Equal', value: 'ml' }],
    ['key=', 'dedicated=', { key: 'dedicated', operator: 'Equal', value: '' }],
    ['key', 'example.com/spot', { key: 'example.com/spot', operator: 'Exists' }],
    [':Effect', ':NoExecute', { operator: 'Exists', effect: 'NoExecute' }],
  ])('%s', (_form, line, toleration) => {
    expect(planOf({ ...KUBE, tolerations: line }).kubernetes?.tolerations).toEqual([toleration]);
  });

  test.each([
    ['an unknown effect', 'dedicated=ml:Never', "'dedicated=ml:Never': got the effect 'Never', expected NoSchedule, PreferNoSchedule, NoExecute"],
    ['an effect in the wrong case', 'gpu:noschedule', "'gpu:noschedule': got the effect 'noschedule', expected NoSchedule, PreferNoSchedule, NoExecute"],
    ['no key and no effect', ':', "':': got the effect '', expected NoSchedule, PreferNoSchedule, NoExecute"],
    ['a value but no key', '=ml:NoSchedule', "'=ml:NoSchedule': the key '': expected a name of letters, digits, -, _ and ., starting and ending with a letter or digit, with an optional DNS prefix (example.com/name)"],
    ['a key with a space', 'my key:NoSchedule', "'my key:NoSchedule': the key 'my key': expected a name of letters, digits, -, _ and ., starting and ending with a letter or digit, with an optional DNS prefix (example.com/name)"],
    ['a value with a slash', 'dedicated=a/b', "'dedicated=a/b': the value: expected a value of letters, digits, -, _ and ., starting and ending with a letter or digit"],
  ])('%s is refused, naming tolerations', (_why, line, message) => {
    expect(errorOf(() => planOf({ ...KUBE, tolerations: line }))).toEqual(new InputError('tolerations', message));
  });
});

describe('labels, annotations and node-selector follow Kubernetes’ rules', () => {
  const NAME_RULE = 'expected a name of letters, digits, -, _ and ., starting and ending with a letter or digit, with an optional DNS prefix (example.com/name)';
  const VALUE_RULE = 'expected a value of letters, digits, -, _ and ., starting and ending with a letter or digit';
  test.each([
    ['labels', `${'k'.repeat(64)}=v`, `'${'k'.repeat(64)}=v': the name is 64 characters, more than 63`],
    ['labels', 'Example.com/team=v', "'Example.com/team=v': the prefix 'Example.com' before / is not a DNS-1123 subdomain such as example.com"],
    ['labels', '/team=v', "'/team=v': the prefix '' before / is not a DNS-1123 subdomain such as example.com"],
    ['labels', '-team=v', `'-team=v': ${NAME_RULE}`],
    ['labels', `team=${'v'.repeat(64)}`, `'team=${'v'.repeat(64)}': the value is 64 characters, more than 63`],
    ['labels', 'team=vision!', `'team=vision!': ${VALUE_RULE}`],
    ['node-selector', 'pool=a 100', `'pool=a 100': ${VALUE_RULE}`],
    ['node-selector', 'a/b/c=x', `'a/b/c=x': ${NAME_RULE}`],
    ['annotations', 'bad key!=x', `the key 'bad key!': ${NAME_RULE}`],
  ])('%s %p is refused, naming the input and the rule', (input, line, message) => {
    expect(errorOf(() => planOf({ ...KUBE, [input]: line }))).toEqual(new InputError(input, message));
  });

  test('an empty label value is a value', () => {
    expect(planOf({ ...KUBE, labels: 'canary=' }).kubernetes?.labels).toEqual(new Map([['canary', '']]));
  });

  test('annotation values are free text up to 256 KiB in all', () => {
    const long = 'x'.repeat(200 * 1024);
    expect(planOf({ ...KUBE, annotations: { a: long } }).kubernetes?.annotations.get('a')).toBe(long);
    expect(errorOf(() => planOf({ ...KUBE, annotations: { a: long, b: long } }))).toEqual(new InputError('annotations', `hold ${2 * (1 + long.length)} bytes; Kubernetes takes at most 262144 (256 KiB) of annotations on an object`));
  });
});

describe('names of Kubernetes objects', () => {
  const LABEL_RULE = 'expected lower-case letters, digits and -, starting and ending with a letter or digit (a DNS-1123 label)';
  const SUBDOMAIN_RULE = 'expected lower-case letters, digits, - and ., starting and ending with a letter or digit (a DNS-1123 subdomain)';
  test.each([
    ['namespace', 'ML-Training', `got 'ML-Training': ${LABEL_RULE}`],
    ['namespace', 'ml.training', `got 'ml.training': ${LABEL_RULE}`],
    ['namespace', 'n'.repeat(64), `got '${'n'.repeat(64)}': 64 characters, more than 63`],
    ['service-account', 'trainer_sa', `got 'trainer_sa': ${SUBDOMAIN_RULE}`],
    ['image-pull-secrets', 'ghcr-pull\n-bad', `got '-bad': ${SUBDOMAIN_RULE}`],
    ['volumes', 'pvc:Data:/data', `got 'Data': ${SUBDOMAIN_RULE}`],
  ])('%s %p is refused, naming the input', (input, value, message) => {
    expect(errorOf(() => planOf({ ...KUBE, [input]: value }))).toEqual(new InputError(input, message));
  });

  test('a name too long is refused by its length, quoting only its start', () => {
    const error = errorOf(() => planOf({ ...KUBE, 'image-pull-secrets': 's'.repeat(254) }));
    expect(error.input).toBe('image-pull-secrets');
    expect(error.message).toMatch(/^input 'image-pull-secrets': got 's{200}… \(54 more characters\)': 254 characters, more than 253$/);
  });

  test('dotted names are subdomains: a service account and a pull secret may have them', () => {
    expect(planOf({ ...KUBE, 'service-account': 'train.sa', 'image-pull-secrets': 'ghcr.pull' }).kubernetes).toMatchObject({ serviceAccount: 'train.sa', imagePullSecrets: ['ghcr.pull'] });
  });
});

describe('volumes', () => {
  const FORM = 'expected pvc:<claim>:<absolute mount path>[:ro] such as pvc:datasets:/datasets:ro';
  test.each([
    ['another kind', 'nfs:server:/data', `got 'nfs:server:/data', ${FORM}`],
    ['no mount path', 'pvc:datasets', `got 'pvc:datasets', ${FORM}`],
    ['a mode other than ro', 'pvc:datasets:/data:rw', `got 'pvc:datasets:/data:rw', ${FORM}`],
    ['too many parts', 'pvc:datasets:/data:ro:x', `got 'pvc:datasets:/data:ro:x', ${FORM}`],
    ['a relative mount path', 'pvc:datasets:data', "'pvc:datasets:data': the mount path 'data' is not absolute"],
  ])('%s is refused, naming volumes', (_why, line, message) => {
    expect(errorOf(() => planOf({ ...KUBE, volumes: line }))).toEqual(new InputError('volumes', message));
  });

  test('two volumes on one mount path are refused', () => {
    expect(errorOf(() => planOf({ ...KUBE, volumes: 'pvc:a:/data\npvc:b:/data/' }))).toEqual(new InputError('volumes', 'mount /data more than once; give each volume its own mount path'));
  });
});

describe('the other values', () => {
  test.each([
    ['kubeconfig', 'missing.yaml', (cwd: string) => `got 'missing.yaml': ${path.join(cwd, 'missing.yaml')} is not a file`],
    ['kubeconfig', 'data', (cwd: string) => `got 'data': ${path.join(cwd, 'data')} is not a file`],
    ['data-url', 'https://example.com/data', () => "got 'https://example.com/data': unknown scheme 'https://'; expected s3://bucket/prefix/"],
    ['data-url', 'ml-data/iris', () => "got 'ml-data/iris', expected s3://bucket/prefix/"],
    ['data-url', 's3://', () => "got 's3://', expected s3://bucket/prefix/ with a valid bucket name"],
    ['outputs-url', 's3://My_Bucket/runs', () => "got 's3://My_Bucket/runs', expected s3://bucket/prefix/ with a valid bucket name"],
    ['workers', '0', () => 'got 0, expected a whole number from 1 to 1000'],
    ['workers', '1001', () => 'got 1001, expected a whole number from 1 to 1000'],
    ['workers', '1.5', () => "got '1.5', expected a whole number"],
    ['rendezvous-port', '65536', () => 'got 65536, expected a whole number from 1 to 65535'],
    ['retries', '-1', () => 'got -1, expected a whole number from 0 to 100'],
    ['ttl-after-finished', 'a day', () => "got 'a day', expected a whole number of seconds of at least 1s, such as 30m, 1h or 24h"],
    ['ttl-after-finished', '0s', () => "got '0s', expected a whole number of seconds of at least 1s, such as 30m, 1h or 24h"],
    ['gpu-resource', 'gpu', () => "got 'gpu', expected an extended resource <domain>/<name> such as nvidia.com/gpu or amd.com/gpu"],
    ['gpu-resource', 'kubernetes.io/gpu', () => "got 'kubernetes.io/gpu', expected an extended resource <domain>/<name> such as nvidia.com/gpu or amd.com/gpu"],
    ['gpus', 'all', () => "got 'all': runtime: kubernetes takes a count of GPUs per pod such as 2 (all and device ids are for docker and podman)"],
    ['gpus', 'device=0,1', () => "got 'device=0,1': runtime: kubernetes takes a count of GPUs per pod such as 2 (all and device ids are for docker and podman)"],
  ])('%s %p is refused, naming the input', (input, value, message) => {
    const cwd = startedIn();
    expect(errorOf(() => planOf({ ...KUBE, [input]: value }, cwd))).toEqual(new InputError(input, message(cwd)));
  });

  test('the image must come from a registry: a reference, or a Dockerfile built and pushed', () => {
    const cwd = startedIn();
    expect(errorOf(() => planOf({ runtime: 'kubernetes', command: 'true' }, cwd))).toEqual(new InputError('image', 'is required: give an image reference (or a dockerfile to build)'));
    expect(errorOf(() => planOf({ runtime: 'kubernetes', command: 'true', dockerfile: 'Dockerfile' }, cwd))).toEqual(
      new InputError('dockerfile', "needs 'push' as well with runtime: kubernetes: the cluster pulls the image from a registry, so the image built here must be pushed to one"),
    );
    expect(planOf({ runtime: 'kubernetes', command: 'true', dockerfile: 'Dockerfile', push: 'ghcr.io/acme/train' }, cwd).image).toMatchObject({ kind: 'build', push: { registry: 'ghcr.io', repository: 'acme/train' } });
  });

  test('outputs needs outputs-url: the pods cannot write the runner’s folder', () => {
    expect(errorOf(() => planOf({ ...KUBE, outputs: 'out' }))).toEqual(
      new InputError('outputs-url', 'is required with outputs and runtime: kubernetes: the pods cannot write the runner’s folder, so they write under outputs-url (s3://bucket/prefix/) and the step downloads that into outputs'),
    );
  });
});

describe('inputs one runtime does not read', () => {
  test.each([
    ['data', 'data', 'give data-url (s3://bucket/prefix/), which the pods read as MLOPS_DATA_URL, or mount a claim with volumes'],
    ['mounts', 'data:/data:ro', 'mount existing PersistentVolumeClaims with volumes (pvc:<claim>:<mount>[:ro]) instead'],
    ['workdir', 'data', 'the command runs in the working directory of its image'],
  ])('%s names a runner folder: refused with runtime kubernetes', (input, value, instead) => {
    expect(errorOf(() => planOf({ ...KUBE, [input]: value }))).toEqual(new InputError(input, `names a folder of the runner, which the pods of runtime: kubernetes cannot see: ${instead}`));
  });

  test('network, shm-size and user are ignored by runtime kubernetes, with a warning naming those given', () => {
    expect(planOf({ ...KUBE, network: 'host', 'shm-size': '2g', user: '1000:1000' }).warnings).toEqual([
      "runtime: kubernetes ignores network, shm-size and user: they set up a local container; a pod's network, /dev/shm and user come from the cluster and the image.",
    ]);
    expect(planOf({ ...KUBE, user: '1000' }).warnings).toEqual([
      "runtime: kubernetes ignores user: it sets up a local container; a pod's network, /dev/shm and user come from the cluster and the image.",
    ]);
    // GitHub passes every default as if given: the default network is not a choice the user made.
    expect(planOf({ ...KUBE, network: 'bridge' }).warnings).toEqual([]);
  });

  test('the inputs of runtime kubernetes are ignored by the others, with a warning naming those given', () => {
    const docker = { runtime: 'docker', image: 'python:3.12-slim', command: 'true' };
    expect(planOf({ ...docker, namespace: 'ml', workers: '2', 'outputs-url': 's3://b/runs/' }).warnings).toEqual(['runtime: docker ignores namespace, workers and outputs-url: they apply to runtime: kubernetes only.']);
    expect(planOf({ ...docker, runtime: 'podman', labels: 'team=vision' }).warnings).toEqual(['runtime: podman ignores labels: it applies to runtime: kubernetes only.']);
    // Their defaults, as GitHub passes them, are not warned about; and nothing of theirs is checked.
    expect(planOf({ ...docker, workers: '1', retries: '0', 'ttl-after-finished': '1h', 'gpu-resource': 'nvidia.com/gpu', namespace: 'Not A Name' }).warnings).toEqual([
      'runtime: docker ignores namespace: it applies to runtime: kubernetes only.',
    ]);
  });

  test('run() prints the warnings before anything starts', async () => {
    const cwd = startedIn();
    const warnings: string[] = [];
    const host = warningHost(cwd, warnings);
    const planned = plan(new InputReader(trainInContainerSpec, jsonInputs({ runtime: 'host', command: 'true', namespace: 'ml' })), host);
    await run(planned, host);
    expect(warnings[0]).toBe('runtime: host ignores namespace: it applies to runtime: kubernetes only.');
  });
});

test('createRuntime refuses kubernetes, which the step runs another way', () => {
  expect(() => createRuntime('kubernetes', { cwd: '/', env: {} })).toThrow('runtime kubernetes runs through the Kubernetes path, not a ContainerRuntime');
});
