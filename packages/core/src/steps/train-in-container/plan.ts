import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isValidEnvName, isValidImageReference, parseByteSize, parseDuration, parseEnvLines, parseMount, type Mount } from '../../container/parse.js';
import { MAX_TIMEOUT_SECONDS } from '../../container/supervise.js';
import type { Command, Resources, RuntimeKind } from '../../container/types.js';
import { describeLine, InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import type { InputReader } from '../../spec/inputs.js';

/** Where the image comes from: a reference, or a Dockerfile built first. */
export type ImageSource =
  | { readonly kind: 'reference'; readonly ref: string }
  | { readonly kind: 'build'; readonly dockerfile: string; readonly context: string; readonly target?: string; readonly buildArgs: ReadonlyMap<string, string> };

export interface TrainInputs {
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
  readonly resources: Resources;
  readonly timeoutSeconds?: number;
  readonly user: string;
}

/**
 * Reads and checks every input before any work: a bad reference, mount,
 * size, duration or an empty command ends the step here (exit 2), before an
 * engine is asked anything or a folder is created.
 */
export function readTrainInputs(reader: InputReader, host: Host, environment: NodeJS.ProcessEnv = process.env): TrainInputs {
  const cwd = process.cwd();
  const runtime = reader.choice<RuntimeKind>('runtime');
  const image = imageSource(reader, cwd, runtime);
  const command = readCommand(reader, host);
  const workdir = existingDir('workdir', path.resolve(cwd, reader.string('workdir').trim() || host.context.workspace));
  const mounts = reader.list('mounts').map((text) => {
    let mount: Mount;
    try {
      mount = parseMount(text, cwd);
    } catch (err) {
      throw new InputError('mounts', (err as Error).message);
    }
    if (!statOf('mounts', mount.source)) throw new InputError('mounts', `got '${text}': the host path ${mount.source} does not exist`);
    return mount;
  });
  const dataText = reader.string('data').trim();
  const data = dataText ? existingDir('data', path.resolve(cwd, dataText)) : null;
  const outputsText = reader.string('outputs').trim();
  const outputs = outputsText ? outputsDir(path.resolve(cwd, outputsText)) : null;
  const metricsFile = reader.string('metrics-file').trim() || 'metrics.json';
  if (path.isAbsolute(metricsFile) || path.normalize(metricsFile).startsWith('..')) {
    throw new InputError('metrics-file', `got '${metricsFile}', expected a path inside outputs such as metrics.json`);
  }
  const env = readEnv(reader, host, cwd, environment);
  return {
    runtime,
    image,
    command,
    workdir,
    mounts,
    data,
    outputs,
    metricsFile,
    env,
    resources: readResources(reader),
    ...optional('timeoutSeconds', readTimeout(reader)),
    user: readUser(reader),
  };
}

function imageSource(reader: InputReader, cwd: string, runtime: RuntimeKind): ImageSource {
  const ref = reader.string('image').trim();
  const dockerfile = reader.string('dockerfile').trim();
  if (ref && dockerfile) throw new InputError('image', 'and dockerfile were both given: give an image to run, or a dockerfile to build, not both');
  if (dockerfile) {
    if (runtime === 'host') throw new InputError('dockerfile', 'needs a container engine: runtime: host runs the command directly and cannot build images');
    const file = path.resolve(cwd, dockerfile);
    if (!statOf('dockerfile', file)?.isFile()) throw new InputError('dockerfile', `got '${dockerfile}': ${file} is not a file`);
    const context = existingDir('context', path.resolve(cwd, reader.string('context').trim() || '.'));
    const target = reader.string('target').trim();
    if (target && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(target)) throw new InputError('target', `got '${target}', expected a build stage name`);
    const buildArgs = keyValues('build-args', reader.list('build-args'));
    return { kind: 'build', dockerfile: file, context, ...optional('target', target || undefined), buildArgs };
  }
  if (!ref) {
    if (runtime === 'host') return { kind: 'reference', ref: '' };
    throw new InputError('image', 'is required: give an image reference (or a dockerfile to build)');
  }
  if (!isValidImageReference(ref)) {
    throw new InputError('image', `got '${ref}', expected an image reference such as python:3.12-slim, registry:5000/team/train:v1 or name@sha256:<digest>`);
  }
  return { kind: 'reference', ref };
}

/** A JSON array (from Jenkins an actual list) is argv; any other text is a shell command. */
function readCommand(reader: InputReader, host: Host): Command {
  const raw = host.inputs.get('command');
  if (Array.isArray(raw)) return argvCommand(raw);
  const text = reader.string('command').trim();
  if (text === '') throw new InputError('command', 'is empty: give the training command, e.g. python train.py');
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) return argvCommand(parsed);
  }
  return { kind: 'shell', script: text };
}

function argvCommand(items: unknown[]): Command {
  if (items.length === 0 || !items.every((item) => typeof item === 'string') || (items[0] as string).trim() === '') {
    throw new InputError('command', `got ${JSON.stringify(items)}, expected a non-empty list of strings such as ["python", "train.py"]`);
  }
  return { kind: 'argv', argv: items as string[] };
}

function readEnv(reader: InputReader, host: Host, cwd: string, environment: NodeJS.ProcessEnv): Map<string, string> {
  const env = new Map<string, string>();
  const envFile = reader.string('env-file').trim();
  if (envFile) {
    const file = path.resolve(cwd, envFile);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new InputError('env-file', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    try {
      for (const [key, value] of parseEnvLines(text.split(/\r?\n/), environment)) env.set(key, value);
    } catch (err) {
      throw new InputError('env-file', `${file} ${(err as Error).message}`);
    }
  }
  // From Jenkins `env` may be a map; everywhere it may be KEY=VALUE lines.
  const raw = host.inputs.get('env');
  const pairs =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? new Map(Object.entries(raw as Record<string, unknown>).map(([key, value]) => [key, String(value)]))
      : keyValues('env', reader.list('env'));
  for (const [key, value] of pairs) {
    if (!isValidEnvName(key)) throw new InputError('env', `'${key}' is not a valid variable name`);
    env.set(key, value);
  }
  for (const name of reader.list('secrets')) {
    if (!isValidEnvName(name)) throw new InputError('secrets', `'${name}' is not a valid variable name; give names of environment variables, not values`);
    const value = environment[name];
    if (value === undefined) throw new InputError('secrets', `names ${name}, which is not set in this step's environment`);
    host.setSecret(value);
    env.set(name, value);
  }
  return env;
}

/** `KEY=VALUE` lines; the error names the line and its leading name, never the rest (it may be a secret value). */
function keyValues(input: string, lines: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  lines.forEach((line, index) => {
    const eq = line.indexOf('=');
    const key = line.slice(0, eq);
    if (eq === -1 || !isValidEnvName(key)) throw new InputError(input, `${describeLine(line, index)} is not KEY=VALUE`);
    pairs.set(key, line.slice(eq + 1));
  });
  return pairs;
}

function readResources(reader: InputReader): Resources {
  const gpus = readGpus(reader.string('gpus').trim());
  const cpusText = reader.string('cpus').trim();
  const cpus = cpusText ? Number(cpusText) : undefined;
  if (cpus !== undefined && !(Number.isFinite(cpus) && cpus > 0)) throw new InputError('cpus', `got '${cpusText}', expected a positive number such as 1.5`);
  const network = reader.string('network').trim() || 'bridge';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(network)) throw new InputError('network', `got '${network}', expected bridge, none, host or a network name`);
  return {
    ...optional('gpus', gpus),
    ...optional('cpus', cpus),
    ...optional('memoryBytes', readSize(reader, 'memory')),
    ...optional('shmBytes', readSize(reader, 'shm-size')),
    network,
  };
}

/** Normalises `gpus` to `all`, a count, or `device=<ids>`. */
function readGpus(text: string): string | undefined {
  if (text === '') return undefined;
  if (text === 'all' || /^[1-9]\d*$/.test(text)) return text;
  const ids = (text.startsWith('device=') ? text.slice('device='.length) : text).split(',').map((id) => id.trim());
  if (ids.length > 0 && ids.every((id) => /^(\d+|GPU-[0-9a-fA-F-]+|MIG-[0-9a-fA-F/-]+)$/.test(id)) && (text.startsWith('device=') || ids.length > 1)) {
    return `device=${ids.join(',')}`;
  }
  throw new InputError('gpus', `got '${text}', expected all, a count such as 2, or device ids such as device=0,1`);
}

function readSize(reader: InputReader, name: string): number | undefined {
  const text = reader.string(name).trim();
  if (text === '') return undefined;
  const bytes = parseByteSize(text);
  if (bytes === null) throw new InputError(name, `got '${text}', expected a size such as 512m, 4g or 1.5GiB`);
  return bytes;
}

function readTimeout(reader: InputReader): number | undefined {
  const text = reader.string('timeout').trim();
  if (text === '') return undefined;
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

function readUser(reader: InputReader): string {
  const text = reader.string('user').trim();
  if (text === '') return callerUser();
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(text)) throw new InputError('user', `got '${text}', expected uid:gid or a user name`);
  return text;
}

function existingDir(input: string, dir: string): string {
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
function statOf(input: string, file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (err) {
    throw new InputError(input, `the path given cannot be looked up (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** `{ key: value }` when the value is defined, else `{}` (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
