/**
 * The objects one training run creates, built as plain data from the plan so
 * they can be read (and unit tested) without a cluster: the Job (created
 * suspended), the Secret holding `secrets` values, and, with several
 * workers, the headless Service that gives pod 0 a DNS name. Only types are
 * imported from the client, so this file never loads it.
 */
import type { V1Container, V1EnvVar, V1Job, V1ObjectMeta, V1OwnerReference, V1PodSpec, V1Secret, V1Service } from '@kubernetes/client-node';
import type { Command } from '../types.js';
import type { KubeTarget } from './target.js';

/** The one container of every pod; logs are read from it by this name. */
export const CONTAINER_NAME = 'train';
/** On everything the step creates, so a leftover is easy to find (`kubectl get jobs -l app.kubernetes.io/managed-by=mlops-ci`). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'mlops-ci';
/** The annotation the Job controller sets on every pod of an Indexed Job. */
export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** The label the Job controller sets on its pods, with the Job's uid: what the Service and the watches select on. */
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';

/** Everything one run needs beyond the target: decided before anything is created. */
export interface KubeRun {
  /** The Job's name (a DNS-1123 label, short enough for `<name>-<index>` pod hostnames); also the Secret's and the Service's. */
  readonly name: string;
  readonly namespace: string;
  /** Pinned by digest (`repo@sha256:…`): every pod, and every retry, runs the very same image. */
  readonly image: string;
  readonly command: Command;
  /** Plain variables, in the pod spec as they are. */
  readonly env: ReadonlyMap<string, string>;
  /** Secret variables: their values go only into the run's Secret, the pod spec names them by `secretKeyRef`. */
  readonly secretEnv: ReadonlyMap<string, string>;
  readonly cpus?: number;
  readonly memoryBytes?: number;
  readonly gpus?: number;
  /** `activeDeadlineSeconds`: the cluster's own end to the run. */
  readonly timeoutSeconds?: number;
  readonly target: KubeTarget;
}

/** `<outputsUrl><job-name>/`: a fresh prefix per run under the base the user gave. */
export function outputsUrlOf(run: Pick<KubeRun, 'name' | 'target'>): string | undefined {
  const base = run.target.outputsUrl;
  if (base === undefined) return undefined;
  return `${base.endsWith('/') ? base : `${base}/`}${run.name}/`;
}

export function secretNameOf(run: Pick<KubeRun, 'name'>): string {
  return `${run.name}-env`;
}

/** The headless Service is named as its Job: pod 0 is then `<job>-0.<job>`. */
export function serviceNameOf(run: Pick<KubeRun, 'name'>): string {
  return run.name;
}

/**
 * The Job, suspended: no pod starts before the Secret and Service it refers
 * to exist (they need the Job's uid for their owner reference, so they can
 * only be made after it); the runtime then lifts `suspend`.
 */
export function jobManifest(run: KubeRun): V1Job {
  const { target } = run;
  const indexed = target.workers > 1;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: run.name, namespace: run.namespace, ...objectMeta(target) },
    spec: {
      suspend: true,
      backoffLimit: target.retries,
      ttlSecondsAfterFinished: target.ttlSecondsAfterFinished,
      ...(run.timeoutSeconds !== undefined ? { activeDeadlineSeconds: Math.ceil(run.timeoutSeconds) } : {}),
      ...(indexed ? { completionMode: 'Indexed', completions: target.workers, parallelism: target.workers } : { completions: 1, parallelism: 1 }),
      template: {
        metadata: objectMeta(target),
        spec: podSpec(run, indexed),
      },
    },
  };
}

function podSpec(run: KubeRun, indexed: boolean): V1PodSpec {
  const { target } = run;
  return {
    // The Job controller makes a new pod for a retry; the kubelet restarting a container in place would hide the failure.
    restartPolicy: 'Never',
    containers: [container(run, indexed)],
    ...(indexed ? { subdomain: serviceNameOf(run) } : {}),
    ...(target.serviceAccount !== undefined ? { serviceAccountName: target.serviceAccount } : {}),
    ...(target.imagePullSecrets.length > 0 ? { imagePullSecrets: target.imagePullSecrets.map((name) => ({ name })) } : {}),
    ...(target.nodeSelector.size > 0 ? { nodeSelector: Object.fromEntries(target.nodeSelector) } : {}),
    ...(target.tolerations.length > 0 ? { tolerations: target.tolerations.map((toleration) => ({ ...toleration })) } : {}),
    ...(target.volumes.length > 0
      ? { volumes: target.volumes.map((volume, index) => ({ name: volumeName(index), persistentVolumeClaim: { claimName: volume.claim, readOnly: volume.readOnly } })) }
      : {}),
  };
}

function container(run: KubeRun, indexed: boolean): V1Container {
  const { target } = run;
  const limits = resourceQuantities(run);
  return {
    name: CONTAINER_NAME,
    image: run.image,
    // `args`, not `command`: as with `docker run <image> <argv>`, the image's entrypoint still runs.
    args: run.command.kind === 'shell' ? ['/bin/sh', '-c', run.command.script] : [...run.command.argv],
    env: envVars(run, indexed),
    // Requests equal to limits: the scheduler reserves exactly what the run may use (and GPUs allow nothing else).
    ...(Object.keys(limits).length > 0 ? { resources: { requests: limits, limits } } : {}),
    ...(target.volumes.length > 0
      ? { volumeMounts: target.volumes.map((volume, index) => ({ name: volumeName(index), mountPath: volume.mountPath, readOnly: volume.readOnly })) }
      : {}),
  };
}

function resourceQuantities(run: KubeRun): Record<string, string> {
  const quantities: Record<string, string> = {};
  if (run.cpus !== undefined) quantities['cpu'] = String(run.cpus);
  if (run.memoryBytes !== undefined) quantities['memory'] = String(run.memoryBytes);
  if (run.gpus !== undefined && run.gpus > 0) quantities[run.target.gpuResource] = String(run.gpus);
  return quantities;
}

/** Plain variables first, then the secret ones by reference, then what the step itself tells the command (which wins). */
function envVars(run: KubeRun, indexed: boolean): V1EnvVar[] {
  const vars = new Map<string, V1EnvVar>();
  for (const [name, value] of run.env) vars.set(name, { name, value });
  for (const name of run.secretEnv.keys()) vars.set(name, { name, valueFrom: { secretKeyRef: { name: secretNameOf(run), key: name } } });
  const { dataUrl } = run.target;
  if (dataUrl !== undefined) vars.set('MLOPS_DATA_URL', { name: 'MLOPS_DATA_URL', value: dataUrl });
  const outputsUrl = outputsUrlOf(run);
  if (outputsUrl !== undefined) vars.set('MLOPS_OUTPUT_URL', { name: 'MLOPS_OUTPUT_URL', value: outputsUrl });
  if (indexed) for (const variable of rendezvousEnv(run)) vars.set(variable.name, variable);
  return [...vars.values()];
}

/**
 * torchrun/DDP's rendezvous: pod 0 is the master. An Indexed Job's pod is
 * named `<job>-<index>` as its hostname, and with `subdomain` set to the
 * headless Service it resolves as `<job>-<index>.<service>` in the namespace.
 */
function rendezvousEnv(run: KubeRun): V1EnvVar[] {
  return [
    { name: 'MASTER_ADDR', value: `${run.name}-0.${serviceNameOf(run)}` },
    { name: 'MASTER_PORT', value: String(run.target.rendezvousPort) },
    { name: 'WORLD_SIZE', value: String(run.target.workers) },
    { name: 'RANK', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX_ANNOTATION}']` } } },
  ];
}

/** The Secret holding the `secrets` values; owned by the Job, so it goes when the Job goes. */
export function secretManifest(run: KubeRun, owner: V1OwnerReference): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: secretNameOf(run), namespace: run.namespace, ownerReferences: [owner], ...objectMeta(run.target) },
    type: 'Opaque',
    stringData: Object.fromEntries(run.secretEnv),
  };
}

/**
 * The headless Service behind the pods' DNS names. Addresses are published
 * before readiness: the master must be resolvable while the workers start.
 */
export function serviceManifest(run: KubeRun, owner: V1OwnerReference, jobUid: string): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: serviceNameOf(run), namespace: run.namespace, ownerReferences: [owner], ...objectMeta(run.target) },
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { [CONTROLLER_UID_LABEL]: jobUid },
      ports: [{ name: 'rendezvous', port: run.target.rendezvousPort, targetPort: run.target.rendezvousPort }],
    },
  };
}

/** What makes the garbage collector delete an object with its Job. */
export function jobOwnerReference(job: { readonly name: string; readonly uid: string }): V1OwnerReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.name, uid: job.uid };
}

function objectMeta(target: KubeTarget): Pick<V1ObjectMeta, 'labels' | 'annotations'> {
  return {
    labels: { ...Object.fromEntries(target.labels), [MANAGED_BY_LABEL]: MANAGED_BY },
    ...(target.annotations.size > 0 ? { annotations: Object.fromEntries(target.annotations) } : {}),
  };
}

function volumeName(index: number): string {
  return `pvc-${index}`;
}
