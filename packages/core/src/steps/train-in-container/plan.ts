import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isValidEnvName, isValidImageReference, parseByteSize, parseDuration, parseEnvLines, parseMount, type Mount } from '../../container/parse.js';
import type { KubeTarget } from '../../container/kubernetes/target.js';
import { parseRegistryRepository, type RegistryRepository } from '../../container/registry.js';
import { MAX_TIMEOUT_SECONDS } from '../../container/supervise.js';
import type { Command, Resources, RuntimeKind } from '../../container/types.js';
import { InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import type { InputName, InputReader } from '../../spec/inputs.js';
import { ignoredInputWarnings, optional, planKubernetes } from './kube-plan.js';
import type { trainInContainerSpec } from './spec.js';

type Reader = InputReader<typeof trainInContainerSpec>;
type Input = InputName<typeof trainInContainerSpec>;

/** Where the image comes from: a reference, or a Dockerfile built first. */
export type ImageSource =
  | { readonly kind: 'reference'; readonly ref: string }
  | {
      readonly kind: 'build';
      readonly dockerfile: string;
      readonly context: string;
      readonly target?: string;
      readonly buildArgs: ReadonlyMap<string, string>;
      /** Where the built image is pushed, when it is. */
      readonly push?: RegistryRepository;
    };

export interface TrainPlan {
  readonly runtime: RuntimeKind;
  readonly image: ImageSource;
  readonly command: Command;
  readonly workdir: string;
  readonly mounts: readonly Mount[];
  readonly data: string | null;
  readonly outputs: string | null;
  readonly metricsFile: string;
  /** env-file, then env, then secrets: later ones win. */
  readonly env: ReadonlyMap<string, string>;
  /** The names in `env` whose values are secrets (the `secrets` input): a Kubernetes run keeps them out of the Job spec. */
  readonly secretNames: ReadonlySet<string>;
  readonly resources: Resources;
  readonly timeoutSeconds?: number;
  readonly user: string;
  /** Where and how the Job runs: set exactly when `runtime` is `kubernetes`. */
  readonly kubernetes: KubeTarget | null;
  /** Inputs given that this runtime ignores, and why: the step prints these before it starts. */
  readonly warnings: readonly string[];
}

/** A build stage (`target`) or a network name, as the engines accept them. */
const ENGINE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Reads and checks every input before any work: a bad reference, mount,
 * size, duration or an empty command ends the step here (exit 2), before an
 * engine is asked anything or a folder is created. Relative paths resolve
 * against the run's working folder; the working directory of the command
 * defaults to the workspace.
 */
export function planTrain(reader: Reader, host: Host): TrainPlan {
  const { cwd, env: environment, workspace } = host.context;
  const runtime = reader.get('runtime');
  // First: it refuses the inputs naming runner folders, before those are looked up.
  const kubernetes = runtime === 'kubernetes' ? planKubernetes(reader, cwd) : null;
  return {
    runtime,
    image: imageSource(reader, cwd, runtime),
    command: reader.get('command'),
    workdir: existingDir('workdir', path.resolve(cwd, reader.get('workdir') ?? workspace)),
    mounts: reader.get('mounts').map((text) => existingMount(text, cwd)),
    data: optionalPath(reader.get('data'), (text) => existingDir('data', path.resolve(cwd, text))),
    outputs: optionalPath(reader.get('outputs'), (text) => outputsDir(path.resolve(cwd, text))),
    metricsFile: metricsFile(reader.get('metrics-file')),
    env: commandEnv(reader, host, environment),
    secretNames: new Set(reader.get('secrets')),
    resources: resources(reader, runtime),
    ...optional('timeoutSeconds', timeoutSeconds(reader.get('timeout'))),
    user: user(reader.get('user')),
    kubernetes,
    warnings: ignoredInputWarnings(reader, runtime),
  };
}

/** A Dockerfile to build, else an image reference; `image` and `dockerfile` together are refused by the spec's relation. */
function imageSource(reader: Reader, cwd: string, runtime: RuntimeKind): ImageSource {
  const dockerfile = reader.get('dockerfile');
  if (dockerfile !== undefined) return buildSource(reader, cwd, runtime, dockerfile);
  const ref = reader.get('image');
  if (ref === undefined) {
    if (runtime === 'host') return { kind: 'reference', ref: '' };
    throw new InputError('image', 'is required: give an image reference (or a dockerfile to build)');
  }
  if (!isValidImageReference(ref)) {
    throw new InputError('image', `got '${ref}', expected an image reference such as python:3.12-slim, registry:5000/team/train:v1 or name@sha256:<digest>`);
  }
  return { kind: 'reference', ref };
}

function buildSource(reader: Reader, cwd: string, runtime: RuntimeKind, dockerfile: string): ImageSource {
  const push = pushTarget(reader.get('push'), runtime);
  if (runtime === 'host') throw new InputError('dockerfile', 'needs a container engine: runtime: host runs the command directly and cannot build images');
  if (runtime === 'kubernetes' && push === undefined) {
    throw new InputError('dockerfile', "needs 'push' as well with runtime: kubernetes: the cluster pulls the image from a registry, so the image built here must be pushed to one");
  }
  const file = path.resolve(cwd, dockerfile);
  if (!statOf('dockerfile', file)?.isFile()) throw new InputError('dockerfile', `got '${dockerfile}': ${file} is not a file`);
  const context = existingDir('context', path.resolve(cwd, reader.get('context')));
  const target = reader.get('target');
  if (target !== undefined && !ENGINE_NAME.test(target)) throw new InputError('target', `got '${target}', expected a build stage name`);
  return { kind: 'build', dockerfile: file, context, ...optional('target', target), buildArgs: variables('build-args', reader.get('build-args')), ...optional('push', push) };
}

/**
 * Where to push the built image. Docker only: podman speaks plain HTTP to a
 * loopback registry only with --tls-verify=false and reports digests its own
 * way, so it is refused rather than half supported.
 */
function pushTarget(text: string | undefined, runtime: RuntimeKind): RegistryRepository | undefined {
  if (text === undefined) return undefined;
  if (runtime === 'host') throw new InputError('push', 'cannot be used with runtime: host, which runs the command directly and builds no image; use runtime: docker, or give no push');
  if (runtime === 'podman') throw new InputError('push', 'is supported with runtime: docker only, not with runtime: podman; use runtime: docker, or push the image yourself and give image');
  const target = parseRegistryRepository(text);
  if (typeof target === 'string') throw new InputError('push', `got '${text}', ${target}`);
  return target;
}

function existingMount(text: string, cwd: string): Mount {
  let mount: Mount;
  try {
    mount = parseMount(text, cwd);
  } catch (err) {
    throw new InputError('mounts', (err as Error).message);
  }
  if (!statOf('mounts', mount.source)) throw new InputError('mounts', `got '${text}': the host path ${mount.source} does not exist`);
  return mount;
}

function metricsFile(name: string): string {
  if (path.isAbsolute(name) || path.normalize(name).startsWith('..')) {
    throw new InputError('metrics-file', `got '${name}', expected a path inside outputs such as metrics.json`);
  }
  return name;
}

/** The command's variables: env-file, then env, then secrets, later ones winning. */
function commandEnv(reader: Reader, host: Host, environment: NodeJS.ProcessEnv): Map<string, string> {
  const envFile = reader.get('env-file');
  const env = envFile === undefined ? new Map<string, string>() : envFileVariables(path.resolve(host.context.cwd, envFile), environment);
  for (const [key, value] of variables('env', reader.get('env'))) env.set(key, value);
  for (const name of reader.get('secrets')) env.set(name, secretValue(name, host, environment));
  return env;
}

/** Docker's env-file format; a bare `KEY` takes its value from the step's environment. */
function envFileVariables(file: string, environment: NodeJS.ProcessEnv): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('env-file', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseEnvLines(text.split(/\r?\n/), environment);
  } catch (err) {
    throw new InputError('env-file', `${file} ${(err as Error).message}`);
  }
}

/** The pairs of a map input, whose keys must be variable names (the engines and the shell take nothing else). */
function variables(input: 'env' | 'build-args', pairs: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  for (const key of pairs.keys()) {
    if (!isValidEnvName(key)) throw new InputError(input, `${describeKey(key)} is not a valid variable name`);
  }
  return pairs;
}

/**
 * A bad key is cited by the variable name it starts with, never whole: a line
 * such as `API TOKEN s3cr3t=x` puts the value before the `=`.
 */
function describeKey(key: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(key)?.[0];
  if (name !== undefined) return `the name starting with ${name}`;
  return key === '' ? 'an empty name' : 'a name starting with neither a letter nor _';
}

/** The value of a variable of this step's environment passed through by name, masked from now on. */
function secretValue(name: string, host: Host, environment: NodeJS.ProcessEnv): string {
  if (!isValidEnvName(name)) throw new InputError('secrets', `'${name}' is not a valid variable name; give names of environment variables, not values`);
  const value = environment[name];
  if (value === undefined) throw new InputError('secrets', `names ${name}, which is not set in this step's environment`);
  host.setSecret(value);
  return value;
}

function resources(reader: Reader, runtime: RuntimeKind): Resources {
  return {
    ...optional('gpus', runtime === 'kubernetes' ? gpuCount(reader.get('gpus')) : gpus(reader.get('gpus'))),
    ...optional('cpus', cpus(reader.get('cpus'))),
    network: network(reader.get('network')),
    ...optional('memoryBytes', byteSize('memory', reader.get('memory'))),
    ...optional('shmBytes', byteSize('shm-size', reader.get('shm-size'))),
  };
}

/** Normalises `gpus` to `all`, a count, or `device=<ids>`. */
function gpus(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text === 'all' || /^[1-9]\d*$/.test(text)) return text;
  const ids = (text.startsWith('device=') ? text.slice('device='.length) : text).split(',').map((id) => id.trim());
  if (ids.length > 0 && ids.every((id) => /^(\d+|GPU-[0-9a-fA-F-]+|MIG-[0-9a-fA-F/-]+)$/.test(id)) && (text.startsWith('device=') || ids.length > 1)) {
    return `device=${ids.join(',')}`;
  }
  throw new InputError('gpus', `got '${text}', expected all, a count such as 2, or device ids such as device=0,1`);
}

/** A pod asks for a number of devices of a resource; which devices is the scheduler's choice, and `all` has no meaning on a cluster. */
function gpuCount(text: string | undefined): string | undefined {
  if (text === undefined || /^[1-9]\d*$/.test(text)) return text;
  throw new InputError('gpus', `got '${text}': runtime: kubernetes takes a count of GPUs per pod such as 2 (all and device ids are for docker and podman)`);
}

/**
 * A fraction of CPUs. Read as text rather than a `number` input: the limit
 * must be above 0, a bound the spec's inclusive `min` cannot say.
 */
function cpus(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!(Number.isFinite(count) && count > 0)) throw new InputError('cpus', `got '${text}', expected a positive number such as 1.5`);
  return count;
}

function network(name: string): string {
  if (!ENGINE_NAME.test(name)) throw new InputError('network', `got '${name}', expected bridge, none, host or a network name`);
  return name;
}

function byteSize(input: 'memory' | 'shm-size', text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const bytes = parseByteSize(text);
  if (bytes === null) throw new InputError(input, `got '${text}', expected a size such as 512m, 4g or 1.5GiB`);
  return bytes;
}

function timeoutSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseDuration(text);
  if (seconds === null || seconds <= 0) throw new InputError('timeout', `got '${text}', expected a duration such as 45s, 90m, 2h or 1h30m`);
  if (seconds > MAX_TIMEOUT_SECONDS) {
    throw new InputError('timeout', `got '${text}', which is more than the maximum of ${MAX_TIMEOUT_SECONDS / 3600}h (24 days); for a longer run give no timeout (the CI job's own limit still applies)`);
  }
  return seconds;
}

/** The uid:gid of this process: who outputs belong to, and whom the command runs as by default. */
export function callerUser(): string {
  return `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`;
}

function user(text: string | undefined): string {
  if (text === undefined) return callerUser();
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(text)) throw new InputError('user', `got '${text}', expected uid:gid or a user name`);
  return text;
}

/** The checked path of an optional path input, or null when it was not given. */
function optionalPath(text: string | undefined, check: (text: string) => string): string | null {
  return text === undefined ? null : check(text);
}

function existingDir(input: Input, dir: string): string {
  if (!statOf(input, dir)?.isDirectory()) throw new InputError(input, `got '${dir}', which is not an existing folder`);
  return dir;
}

function outputsDir(dir: string): string {
  const info = statOf('outputs', dir);
  if (info && !info.isDirectory()) throw new InputError('outputs', `got '${dir}', which exists and is not a folder`);
  return dir;
}

/**
 * What is at the path of `input`, or undefined when nothing is. A path the
 * system cannot look up at all (too long, a file where a folder should be on
 * the way, no permission) is bad input too; the error gives the reason, not
 * the path, which can be any size.
 */
function statOf(input: Input, file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (err) {
    throw new InputError(input, `the path given cannot be looked up (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
