/**
 * The inputs of `runtime: kubernetes`, read and checked into a KubeTarget
 * before anything starts: a name the API server would refuse (422, after a
 * Secret or a Service may already exist) is refused here instead, naming the
 * input, with the rule it breaks.
 */
import path from 'node:path';
import { parseDuration } from '../../container/parse.js';
import type { KubeTarget, PvcVolume, Toleration } from '../../container/kubernetes/target.js';
import type { RuntimeKind } from '../../container/types.js';
import { InputError, quote } from '../../errors.js';
import { placeKind, type PlaceKind } from '../../fs-place.js';
import type { InputName, InputReader } from '../../spec/inputs.js';
import { readLocation } from '../../storage/location.js';
import type { trainInContainerSpec } from './spec.js';

type Reader = InputReader<typeof trainInContainerSpec>;
type Input = InputName<typeof trainInContainerSpec>;

/** The inputs only `runtime: kubernetes` reads; other runtimes warn that they ignore them. */
const KUBERNETES_ONLY_INPUTS = [
  'kubeconfig',
  'kube-context',
  'namespace',
  'gpu-resource',
  'node-selector',
  'tolerations',
  'service-account',
  'image-pull-secrets',
  'labels',
  'annotations',
  'workers',
  'rendezvous-port',
  'data-url',
  'outputs-url',
  'volumes',
  'retries',
  'ttl-after-finished',
] as const satisfies readonly Input[];

/** Name host folders, which a pod cannot see: given with `runtime: kubernetes`, the run could not do what they ask, so they are refused. */
const HOST_FOLDER_INPUTS = {
  data: 'give data-url (s3://bucket/prefix/), which the pods read as MLOPS_DATA_URL, or mount a claim with volumes',
  mounts: 'mount existing PersistentVolumeClaims with volumes (pvc:<claim>:<mount>[:ro]) instead',
  workdir: 'the command runs in the working directory of its image',
} as const satisfies Partial<Record<Input, string>>;

/** Tune the engine's container, not a pod: given with `runtime: kubernetes`, they are ignored with a warning, as `runtime: host` does. */
const ENGINE_ONLY_INPUTS = ['network', 'shm-size', 'user'] as const satisfies readonly Input[];

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
type Effect = (typeof EFFECTS)[number];

/** What the API server accepts as annotations on one object, keys and values together (256 KiB). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/**
 * The target of a Kubernetes run. Also refuses the inputs that name host
 * folders (`data`, `mounts`, `workdir`) and, with `outputs`, a missing
 * `outputs-url`: the cluster cannot write the runner's folder.
 */
export function planKubernetes(reader: Reader, cwd: string): KubeTarget {
  refuseHostFolders(reader);
  if (reader.given('outputs') && !reader.given('outputs-url')) {
    throw new InputError('outputs-url', 'is required with outputs and runtime: kubernetes: the pods cannot write the runner’s folder, so they write under outputs-url (s3://bucket/prefix/) and the step downloads that into outputs');
  }
  return {
    ...optional('kubeconfig', kubeconfigFile(reader.get('kubeconfig'), cwd)),
    ...optional('context', reader.get('kube-context')),
    ...optional('namespace', optionalName('namespace', reader.get('namespace'), dnsLabelProblem)),
    gpuResource: gpuResource(reader.get('gpu-resource')),
    nodeSelector: labelPairs('node-selector', reader.get('node-selector')),
    tolerations: reader.get('tolerations').map(parseToleration),
    ...optional('serviceAccount', optionalName('service-account', reader.get('service-account'), dnsSubdomainProblem)),
    imagePullSecrets: reader.get('image-pull-secrets').map((name) => checkedName('image-pull-secrets', name, dnsSubdomainProblem)),
    labels: labelPairs('labels', reader.get('labels')),
    annotations: annotations(reader.get('annotations')),
    workers: reader.get('workers'),
    rendezvousPort: reader.get('rendezvous-port'),
    ...optional('dataUrl', s3Prefix('data-url', reader.get('data-url'), cwd)),
    ...optional('outputsUrl', s3Prefix('outputs-url', reader.get('outputs-url'), cwd)),
    volumes: pvcVolumes(reader.get('volumes')),
    retries: reader.get('retries'),
    ttlSecondsAfterFinished: ttlSeconds(reader.get('ttl-after-finished')),
  };
}

/**
 * What the host prints before the run: the inputs given that this runtime
 * does not read, and why. Told, not refused, as `runtime: host` tells what it
 * does not enforce: a workflow can keep one set of inputs and switch runtimes.
 */
export function ignoredInputWarnings(reader: Reader, runtime: RuntimeKind): string[] {
  if (runtime === 'kubernetes') {
    const ignored = ENGINE_ONLY_INPUTS.filter((name) => reader.given(name));
    if (ignored.length === 0) return [];
    return [`runtime: kubernetes ignores ${listOf(ignored)}: ${ignored.length === 1 ? 'it sets' : 'they set'} up a local container; a pod's network, /dev/shm and user come from the cluster and the image.`];
  }
  const ignored = KUBERNETES_ONLY_INPUTS.filter((name) => reader.given(name));
  if (ignored.length === 0) return [];
  return [`runtime: ${runtime} ignores ${listOf(ignored)}: ${ignored.length === 1 ? 'it applies' : 'they apply'} to runtime: kubernetes only.`];
}

function refuseHostFolders(reader: Reader): void {
  for (const [name, instead] of Object.entries(HOST_FOLDER_INPUTS) as [keyof typeof HOST_FOLDER_INPUTS, string][]) {
    if (reader.given(name)) throw new InputError(name, `names a folder of the runner, which the pods of runtime: kubernetes cannot see: ${instead}`);
  }
}

function kubeconfigFile(text: string | undefined, cwd: string): string | undefined {
  if (text === undefined) return undefined;
  const file = path.resolve(cwd, text);
  let kind: PlaceKind;
  try {
    kind = placeKind(file);
  } catch (err) {
    throw new InputError('kubeconfig', `the path given cannot be looked up (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (kind !== 'file') throw new InputError('kubeconfig', `got ${quote(text)}: ${file} is not a file`);
  return file;
}

/**
 * An extended resource, `<domain>/<name>`: the API server takes no other
 * name for a device in a pod's limits, and `kubernetes.io` is its own.
 */
function gpuResource(name: string): string {
  const problem = qualifiedNameProblem(name);
  if (problem !== null) throw new InputError('gpu-resource', `got ${quote(name)}: ${problem}`);
  const domain = name.includes('/') ? name.slice(0, name.indexOf('/')) : '';
  if (domain === '' || domain === 'kubernetes.io' || domain.endsWith('.kubernetes.io')) {
    throw new InputError('gpu-resource', `got ${quote(name)}, expected an extended resource <domain>/<name> such as nvidia.com/gpu or amd.com/gpu`);
  }
  return name;
}

/** Label pairs (`labels`, and `node-selector`, which matches node labels): keys are qualified names, values label values. */
function labelPairs(input: Input, pairs: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const checked = new Map<string, string>();
  for (const [key, rawValue] of pairs) {
    const value = rawValue.trim();
    const problem = qualifiedNameProblem(key) ?? labelValueProblem(value);
    if (problem !== null) throw new InputError(input, `${quote(`${key}=${value}`)}: ${problem}`);
    checked.set(key, value);
  }
  return checked;
}

/** Annotation keys follow the label-key rule; their values are free text, up to the API server's total size. */
function annotations(pairs: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let bytes = 0;
  for (const [key, value] of pairs) {
    const problem = qualifiedNameProblem(key);
    if (problem !== null) throw new InputError('annotations', `the key ${quote(key)}: ${problem}`);
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (bytes > MAX_ANNOTATIONS_BYTES) throw new InputError('annotations', `hold ${bytes} bytes; Kubernetes takes at most ${MAX_ANNOTATIONS_BYTES} (256 KiB) of annotations on an object`);
  return pairs;
}

/**
 * One `tolerations` line, in `kubectl taint`'s notation:
 *
 *     line   = key [ "=" value ] [ ":" effect ]  |  ":" effect
 *     effect = NoSchedule | PreferNoSchedule | NoExecute
 *
 * With a value the toleration matches that value (`Equal`), without one any
 * value (`Exists`); without an effect every effect. `:NoSchedule` alone
 * tolerates every taint of that effect (no key, `Exists`).
 */
function parseToleration(line: string): Toleration {
  const colon = line.lastIndexOf(':');
  const effect = colon < 0 ? undefined : tolerationEffect(line, line.slice(colon + 1));
  const taint = colon < 0 ? line : line.slice(0, colon);
  if (taint === '') {
    if (effect === undefined) throw new InputError('tolerations', `got ${quote(line)}, expected key=value:Effect, key:Effect, key=value, key or :Effect`);
    return { operator: 'Exists', effect };
  }
  const eq = taint.indexOf('=');
  const key = eq < 0 ? taint : taint.slice(0, eq);
  const keyProblem = qualifiedNameProblem(key);
  if (keyProblem !== null) throw new InputError('tolerations', `${quote(line)}: the key ${quote(key)}: ${keyProblem}`);
  if (eq < 0) return { key, operator: 'Exists', ...optional('effect', effect) };
  const value = taint.slice(eq + 1);
  const valueProblem = labelValueProblem(value);
  if (valueProblem !== null) throw new InputError('tolerations', `${quote(line)}: the value: ${valueProblem}`);
  return { key, operator: 'Equal', value, ...optional('effect', effect) };
}

function tolerationEffect(line: string, text: string): Effect {
  const effect = EFFECTS.find((known) => known === text);
  if (effect === undefined) throw new InputError('tolerations', `${quote(line)}: got the effect ${quote(text)}, expected ${EFFECTS.join(', ')}`);
  return effect;
}

/** `pvc:<claim>:<mount>[:ro]`, one mount path per volume. */
function pvcVolumes(lines: readonly string[]): PvcVolume[] {
  const volumes = lines.map(parsePvcVolume);
  const seen = new Set<string>();
  for (const volume of volumes) {
    if (seen.has(volume.mountPath)) throw new InputError('volumes', `mount ${volume.mountPath} more than once; give each volume its own mount path`);
    seen.add(volume.mountPath);
  }
  return volumes;
}

function parsePvcVolume(line: string): PvcVolume {
  const parts = line.split(':');
  const [kind, claim, mountPath, mode, ...rest] = parts;
  const expected = `got ${quote(line)}, expected pvc:<claim>:<absolute mount path>[:ro] such as pvc:datasets:/datasets:ro`;
  if (kind !== 'pvc' || claim === undefined || mountPath === undefined || rest.length > 0 || (mode !== undefined && mode !== 'ro')) throw new InputError('volumes', expected);
  checkedName('volumes', claim, dnsSubdomainProblem);
  if (!path.posix.isAbsolute(mountPath)) throw new InputError('volumes', `${quote(line)}: the mount path ${quote(mountPath)} is not absolute`);
  // resolve, not normalize: `/data/` and `/data` are one mount path, which the duplicate check must see.
  return { claim, mountPath: path.posix.resolve(mountPath), readOnly: mode === 'ro' };
}

/** `s3://bucket/prefix` checked and ending in `/` (as every S3 location does), so that `<base><job-name>/` and the keys under it never run into a sibling prefix. */
function s3Prefix(input: 'data-url' | 'outputs-url', url: string | undefined, cwd: string): string | undefined {
  if (url === undefined) return undefined;
  const location = readLocation(input, url, { base: cwd, kinds: ['s3'] });
  return location.kind === 's3' ? location.url : undefined;
}

function ttlSeconds(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === null || seconds < 1 || !Number.isInteger(seconds) || seconds > 2 ** 31 - 1) {
    throw new InputError('ttl-after-finished', `got ${quote(text)}, expected a whole number of seconds of at least 1s, such as 30m, 1h or 24h`);
  }
  return seconds;
}

function optionalName(input: Input, name: string | undefined, problemOf: (name: string) => string | null): string | undefined {
  return name === undefined ? undefined : checkedName(input, name, problemOf);
}

function checkedName(input: Input, name: string, problemOf: (name: string) => string | null): string {
  const problem = problemOf(name);
  if (problem !== null) throw new InputError(input, `got ${quote(name)}: ${problem}`);
  return name;
}

// Kubernetes' own rules (k8s.io/apimachinery/pkg/util/validation), each returning what is wrong or null.

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A namespace: a DNS-1123 label. */
function dnsLabelProblem(name: string): string | null {
  if (name.length > 63) return `${name.length} characters, more than 63`;
  return DNS_LABEL.test(name) ? null : 'expected lower-case letters, digits and -, starting and ending with a letter or digit (a DNS-1123 label)';
}

/** A ServiceAccount, Secret or PersistentVolumeClaim name: a DNS-1123 subdomain. */
function dnsSubdomainProblem(name: string): string | null {
  if (name.length > 253) return `${name.length} characters, more than 253`;
  return DNS_SUBDOMAIN.test(name) ? null : 'expected lower-case letters, digits, - and ., starting and ending with a letter or digit (a DNS-1123 subdomain)';
}

/** A label or annotation key: `[<DNS-1123 subdomain>/]<name>`, the name up to 63 letters, digits, `-`, `_` and `.`. */
function qualifiedNameProblem(key: string): string | null {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix === '' || dnsSubdomainProblem(prefix) !== null)) return `the prefix ${quote(prefix)} before / is not a DNS-1123 subdomain such as example.com`;
  if (name.length > 63) return `the name is ${name.length} characters, more than 63`;
  return NAME_PART.test(name) ? null : 'expected a name of letters, digits, -, _ and ., starting and ending with a letter or digit, with an optional DNS prefix (example.com/name)';
}

/** A label value: empty, or up to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. */
function labelValueProblem(value: string): string | null {
  if (value.length > 63) return `the value is ${value.length} characters, more than 63`;
  return value === '' || NAME_PART.test(value) ? null : 'expected a value of letters, digits, -, _ and ., starting and ending with a letter or digit';
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(names: readonly string[]): string {
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** `{ key: value }` when the value is defined, else `{}` (exactOptionalPropertyTypes-friendly). plan.ts uses it too. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
