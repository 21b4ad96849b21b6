/**
 * What the API server's refusals mean for the person who wrote the inputs:
 * a 422 names the field and the input behind it, a 403 names the verb and
 * resource the service account lacks, a 401 the credentials, a refused
 * connection the server. Works on any thrown value (no import of the client).
 */

/** One request the runtime makes, as RBAC names it. */
export interface KubeAction {
  readonly verb: string;
  /** `jobs.batch`, `pods`, `pods/log`, `secrets`, `services`. */
  readonly resource: string;
  readonly namespace: string;
}

/** The API server refused the objects as invalid (422): bad input, though found only when the objects were sent. */
export class KubeRefusedError extends Error {
  override readonly name = 'KubeRefusedError';
  constructor(
    /** The input behind the first refused field, when one is. */
    readonly input: string | undefined,
    /** What was refused and why, without the input's name. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(input !== undefined ? `input '${input}': ${reason}` : reason, options);
  }
}

/** Which input fills each part of the pod spec, by the path the API server names in `details.causes[].field`. */
const FIELD_INPUTS: readonly (readonly [RegExp, string])[] = [
  [/\.labels\b/, 'labels'],
  [/\.annotations\b/, 'annotations'],
  [/\.nodeSelector\b/, 'node-selector'],
  [/\.tolerations\b/, 'tolerations'],
  [/\.serviceAccountName\b/, 'service-account'],
  [/\.imagePullSecrets\b/, 'image-pull-secrets'],
  [/\.volumes?\b|\.volumeMounts\b/, 'volumes'],
  [/\.resources\.(limits|requests)\[(cpu)\]/, 'cpus'],
  [/\.resources\.(limits|requests)\[(memory)\]/, 'memory'],
  [/\.resources\b/, 'gpus'],
  [/\.env\b/, 'env'],
  [/\.image\b/, 'image'],
  [/\.args\b/, 'command'],
  [/\.backoffLimit\b/, 'retries'],
  [/\.activeDeadlineSeconds\b/, 'timeout'],
  [/\.ttlSecondsAfterFinished\b/, 'ttl-after-finished'],
  [/\.(completions|parallelism)\b/, 'workers'],
  [/\.ports\b/, 'rendezvous-port'],
  [/^metadata\.namespace$/, 'namespace'],
];

export function inputOfField(field: string): string | undefined {
  return FIELD_INPUTS.find(([pattern]) => pattern.test(field))?.[1];
}

interface StatusCause {
  readonly field?: string;
  readonly message?: string;
}

/** The error to throw for a failed request: explained when the server (or the connection) says why, else the original. */
export function explainApiError(err: unknown, action: KubeAction, server: string): Error {
  const code = statusCodeOf(err);
  const status = statusBodyOf(err);
  const what = `${action.verb} ${action.resource} in namespace ${action.namespace}`;
  if (code === 422) {
    const causes = (status?.details?.causes ?? []) as readonly StatusCause[];
    const first = causes.find((cause) => cause.field !== undefined && inputOfField(cause.field) !== undefined) ?? causes[0];
    const input = first?.field !== undefined ? inputOfField(first.field) : undefined;
    const reasons = causes.length > 0 ? causes.map((cause) => `${cause.field ?? '?'}: ${cause.message ?? ''}`).join('; ') : (status?.message ?? 'invalid');
    return new KubeRefusedError(input, `refused by the API server (${what}): ${reasons}`, { cause: err });
  }
  if (code === 403) {
    const [resource, group] = splitResource(action.resource);
    return new Error(
      `the service account may not ${what} (403 Forbidden): add the verb '${action.verb}' on '${resource}' (apiGroups: ['${group}']) to its Role in ${action.namespace}${status?.message ? ` — the server says: ${status.message}` : ''}`,
      { cause: err },
    );
  }
  if (code === 401) return new Error(`the API server ${server} did not accept the credentials of the kubeconfig (401 Unauthorized) when asked to ${what}: the token or certificate is wrong or expired`, { cause: err });
  const network = networkCodeOf(err);
  if (network !== undefined) return new Error(`cannot reach the Kubernetes API server ${server} (${network}) to ${what}: check the kubeconfig's server address and that the cluster is up`, { cause: err });
  if (code !== undefined) return new Error(`the API server refused to ${what} (${code}${status?.message ? `: ${status.message}` : ''})`, { cause: err });
  return err instanceof Error ? err : new Error(String(err));
}

/** The HTTP status of an ApiException (`code`) or of a watch that failed (`statusCode`). */
export function statusCodeOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'number') return code;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

interface StatusBody {
  readonly message?: string;
  readonly details?: { readonly causes?: unknown };
}

/** The `Status` object in an ApiException's body, which the client hands over as text or parsed. */
function statusBodyOf(err: unknown): StatusBody | undefined {
  const body = (err as { body?: unknown } | null)?.body;
  if (typeof body === 'object' && body !== null) return body as StatusBody;
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as StatusBody;
  } catch {
    return undefined;
  }
}

function networkCodeOf(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_\w+)$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `jobs.batch` → `['jobs', 'batch']`; `pods/log` → `['pods/log', '']`. */
function splitResource(resource: string): readonly [string, string] {
  const dot = resource.indexOf('.');
  return dot === -1 ? [resource, ''] : [resource.slice(0, dot), resource.slice(dot + 1)];
}
