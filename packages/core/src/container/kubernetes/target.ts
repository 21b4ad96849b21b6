/**
 * What `runtime: kubernetes` is told by the step's inputs: which cluster and
 * namespace, how the pods are shaped and scheduled, and where data and
 * outputs live (the cluster cannot see the runner's folders). The plan reads
 * and checks the inputs into this; the runtime turns it into a Job.
 */
export interface KubeTarget {
  /** Absolute path of a kubeconfig file; undefined: `KUBECONFIG`, `~/.kube/config`, then the in-cluster service account. */
  readonly kubeconfig?: string;
  /** A context of that kubeconfig; undefined: its current context. */
  readonly context?: string;
  /** undefined: the context's namespace, else `default`. */
  readonly namespace?: string;
  /** The extended resource `gpus` asks for (`nvidia.com/gpu` unless `gpu-resource` names another). */
  readonly gpuResource: string;
  readonly nodeSelector: ReadonlyMap<string, string>;
  readonly tolerations: readonly Toleration[];
  readonly serviceAccount?: string;
  readonly imagePullSecrets: readonly string[];
  /** Put on the Job and its pod template (and the Secret and Service made for the run). */
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
  /** 1: one pod. More: an Indexed Job of that many pods with a headless Service and the torchrun/DDP rendezvous env. */
  readonly workers: number;
  /** `MASTER_PORT` of the rendezvous env. */
  readonly rendezvousPort: number;
  /** `s3://bucket/prefix/` the pods read data from, passed as `MLOPS_DATA_URL`. */
  readonly dataUrl?: string;
  /** `s3://bucket/prefix/` base: the run writes under `<base><job-name>/` (`MLOPS_OUTPUT_URL`), downloaded into `outputs` on success. */
  readonly outputsUrl?: string;
  readonly volumes: readonly PvcVolume[];
  /** Pod retries before the Job fails (`backoffLimit`). */
  readonly retries: number;
  /** How long a finished Job (and what it owns) stays for inspection (`ttlSecondsAfterFinished`). */
  readonly ttlSecondsAfterFinished: number;
}

/** One `tolerations` line: `key=value:Effect`, `key:Effect`, `key` or `:Effect` style, as `kubectl taint` writes taints. */
export interface Toleration {
  readonly key?: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** One `volumes` line, `pvc:<claim>:<mount>[:ro]`: an existing PersistentVolumeClaim mounted into every pod. */
export interface PvcVolume {
  readonly claim: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
}

/**
 * Every permission the runtime uses, and nothing more: the README's Role is
 * generated from this list and the tests run the step with a token bound to
 * exactly this Role, so the documented Role cannot drift from the code.
 */
export const REQUIRED_RBAC_RULES = [
  { apiGroups: ['batch'], resources: ['jobs'], verbs: ['create', 'patch', 'list', 'watch', 'delete'] },
  { apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
  { apiGroups: [''], resources: ['services'], verbs: ['create'] },
] as const satisfies readonly { apiGroups: readonly string[]; resources: readonly string[]; verbs: readonly string[] }[];
