import type { CommandLine } from '../spec/types.js';
import type { Mount } from './parse.js';
import type { RegistryRepository } from './registry.js';

/**
 * The runtimes a training can run on, in the order the `runtime` input lists
 * them: the step's spec takes its choices from here, so a new runtime is added once.
 * `kubernetes` runs the training as a Job on a cluster, not through a ContainerRuntime.
 */
export const RUNTIME_KINDS = ['docker', 'podman', 'host', 'kubernetes'] as const;
export type RuntimeKind = (typeof RUNTIME_KINDS)[number];

/** The training command, as the `command` input reads it: one string for the image's shell (`/bin/sh -c`), or argv run as is. */
export type Command = CommandLine;

export interface Resources {
  /** `all`, a count (`2`) or device ids (`0,1`); undefined: no GPU. */
  readonly gpus?: string;
  readonly cpus?: number;
  readonly memoryBytes?: number;
  readonly shmBytes?: number;
  /** `bridge`, `none`, `host` or a user-defined network. */
  readonly network: string;
}

/** Everything one run needs, decided before anything starts. */
export interface RunPlan {
  /** Container name, unique per run (also what cleanup removes). */
  readonly name: string;
  /** Image reference or ID; ignored by the host runtime. */
  readonly image: string;
  readonly command: Command;
  /** Absolute; mounted at the same path and used as the working directory. */
  readonly workdir: string;
  readonly mounts: readonly Mount[];
  /** Variables for the command. Their values travel in the engine client's environment, never on its argv. */
  readonly env: ReadonlyMap<string, string>;
  readonly resources: Resources;
  /** `uid:gid` or a name the image knows. */
  readonly user: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageInfo {
  /** The engine's image ID (`sha256:…`, the digest of the image config). */
  readonly id: string;
  /**
   * What pins the exact image: the reference as given when it is by digest,
   * else `name@sha256:…` of its repository in a registry (pulled from or
   * pushed to it), else the image ID, which only this machine can resolve.
   */
  readonly digest: string;
  /** Every registry digest the engine knows for the image (`RepoDigests`), `name@sha256:…`. */
  readonly repoDigests: readonly string[];
}

export interface BuildRequest {
  readonly dockerfile: string;
  readonly context: string;
  readonly target?: string;
  /** Build-arg values travel in the engine client's environment, never on its argv. */
  readonly buildArgs: ReadonlyMap<string, string>;
  /** Tag the image gets (derived from the digest of the build inputs). */
  readonly tag: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** A started run: wait for it, or stop it (the engine's stop: SIGTERM, then SIGKILL after `graceSeconds`). */
export interface RunningCommand {
  /** Resolves with the command's exit code once it has ended and its output is drained. */
  readonly exited: Promise<number>;
  stop(graceSeconds: number): Promise<void>;
}

/** One way of running the command: a container engine's CLI, or the host itself. */
export interface ContainerRuntime {
  readonly kind: RuntimeKind;
  /** Checks that the runtime answers and can give what the plan asks (GPUs); returns a line describing it. Throws early, before any work. */
  verify(resources: Resources): Promise<string>;
  /** The image's ID and digest; pulls it when the engine does not have it. */
  resolveImage(ref: string, onLine: (line: string) => void): Promise<ImageInfo>;
  /** The image with this tag, when the engine already has it (an unchanged build), else null. */
  findImage(ref: string): Promise<ImageInfo | null>;
  build(request: BuildRequest, onLine: (line: string) => void): Promise<ImageInfo>;
  /**
   * Tags the image `<registry>/<repository>:<tag>` and pushes it with the
   * engine's own login, unless the registry already holds this very image
   * under that tag; returns its registry digest, `<registry>/<repository>@sha256:…`.
   */
  push(image: ImageInfo, target: RegistryRepository, tag: string, onLine: (line: string) => void): Promise<string>;
  start(plan: RunPlan, onLine: (line: string) => void): RunningCommand;
  /** Removes the run's container whatever state it is in; a container already gone is fine. */
  remove(name: string): Promise<void>;
  /**
   * Gives every file under `dir` to `owner` (`uid:gid`). A command run as
   * another user (a `user` input, root) leaves files the caller may be unable
   * to change or even remove, so the change is made from a container of
   * `image` running as root. The host runtime runs as the caller: nothing to do.
   */
  handBack(image: string, dir: string, owner: string): Promise<void>;
}
