import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execCapture, type ExecPlace } from '../exec.js';
import { spawnStreaming } from './line-process.js';
import { engineRepositoryName, registryManifestDigest, type RegistryRepository } from './registry.js';
import { engineRunArgs, gpuArgs } from './run-args.js';
import type { BuildRequest, ContainerRuntime, ImageInfo, Resources, RunningCommand, RunPlan } from './types.js';

/** Where CDI device specs live (podman's way to GPUs). */
const CDI_DIRS = ['/etc/cdi', '/var/run/cdi'];

/**
 * Docker or podman, driven through their CLI with argv (the two accept the
 * same run/build/inspect/stop/rm arguments for what this step uses). Values
 * of env vars and build args reach the CLI through its environment only.
 */
export class EngineRuntime implements ContainerRuntime {
  constructor(
    readonly kind: 'docker' | 'podman',
    /** Where the engine CLI runs: the run context's folder and environment. */
    private readonly place: ExecPlace,
  ) {}

  async verify(resources: Resources): Promise<string> {
    const version = await this.cli(['version', '--format', '{{.Server.Version}}'], { ignoreReturnCode: true });
    if (version.exitCode !== 0) {
      throw new Error(
        `${this.kind} does not answer (${firstLine(version.stderr) || `exit ${version.exitCode}`}). Start the engine, or use runtime: ${this.kind === 'docker' ? 'podman' : 'docker'} or runtime: host.`,
      );
    }
    if (resources.gpus !== undefined) await this.verifyGpus(resources.gpus);
    return `${this.kind} ${version.stdout.trim()}`;
  }

  async findImage(ref: string): Promise<ImageInfo | null> {
    const inspect = await this.cli(['image', 'inspect', '--format', '{{.Id}} {{json .RepoDigests}}', ref], { ignoreReturnCode: true });
    if (inspect.exitCode !== 0) return null;
    const text = inspect.stdout.trim();
    const space = text.indexOf(' ');
    const rawId = space === -1 ? text : text.slice(0, space);
    const id = rawId.includes(':') ? rawId : `sha256:${rawId}`;
    const repoDigests = parseDigests(space === -1 ? '[]' : text.slice(space + 1));
    return { id, digest: pinnedDigest(ref, id, repoDigests), repoDigests };
  }

  async resolveImage(ref: string, onLine: (line: string) => void): Promise<ImageInfo> {
    const local = await this.findImage(ref);
    if (local) return local;
    onLine(`${ref} is not on this machine: pulling it`);
    const pull = spawnStreaming(this.kind, ['pull', ref], this.place, onLine);
    const code = await pull.exited;
    if (code !== 0) throw new Error(`image '${ref}' is not on this machine and ${this.kind} pull failed (exit ${code}); build it first or check the name`);
    const pulled = await this.findImage(ref);
    if (!pulled) throw new Error(`image '${ref}' was pulled but ${this.kind} cannot inspect it`);
    return pulled;
  }

  async build(request: BuildRequest, onLine: (line: string) => void): Promise<ImageInfo> {
    const args = ['build', '--file', request.dockerfile, '--tag', request.tag];
    if (request.target) args.push('--target', request.target);
    for (const name of request.buildArgs.keys()) args.push('--build-arg', name);
    for (const [key, value] of Object.entries(request.labels)) args.push('--label', `${key}=${value}`);
    args.push(request.context);
    const env = { ...this.place.env, ...Object.fromEntries(request.buildArgs) };
    const code = await spawnStreaming(this.kind, args, { cwd: this.place.cwd, env }, onLine).exited;
    if (code !== 0) throw new Error(`${this.kind} build of ${request.dockerfile} failed (exit ${code}); its log is above`);
    const built = await this.findImage(request.tag);
    if (!built) throw new Error(`${this.kind} build succeeded but the image ${request.tag} cannot be found`);
    return built;
  }

  async push(image: ImageInfo, target: RegistryRepository, tag: string, onLine: (line: string) => void): Promise<string> {
    const name = engineRepositoryName(target);
    const ref = `${target.registry}/${target.repository}:${tag}`;
    const pushedBefore = image.repoDigests.find((digest) => digest.startsWith(`${name}@`));
    if (pushedBefore !== undefined) {
      const held = await registryManifestDigest(target, tag).catch(() => null);
      if (held !== null && pushedBefore === `${name}@${held}`) {
        onLine(`Push skipped: ${ref} already holds this image (${held}).`);
        return pushedBefore;
      }
    }
    const tagged = await this.cli(['tag', image.id, ref], { ignoreReturnCode: true });
    if (tagged.exitCode !== 0) throw new Error(`${this.kind} tag ${image.id} ${ref} failed: ${firstLine(tagged.stderr)}`);
    onLine(`Pushing ${ref}`);
    const code = await spawnStreaming(this.kind, ['push', ref], this.place, onLine).exited;
    if (code !== 0) throw new Error(`${this.kind} push ${ref} failed (exit ${code}); its log is above. Log in to ${target.registry} first (${this.kind} login ${target.registry}) if it needs credentials.`);
    const pushed = (await this.findImage(ref))?.repoDigests.find((digest) => digest.startsWith(`${name}@`));
    if (pushed === undefined) throw new Error(`${this.kind} pushed ${ref} but reports no digest for it in ${name}`);
    return pushed;
  }

  start(plan: RunPlan, onLine: (line: string) => void): RunningCommand {
    const env = { ...this.place.env, ...Object.fromEntries(plan.env) };
    const run = spawnStreaming(this.kind, engineRunArgs(this.kind, plan), { cwd: this.place.cwd, env }, onLine);
    return {
      exited: run.exited,
      // The engine stops the container: SIGTERM to its init, SIGKILL after the grace period.
      stop: async (graceSeconds) => {
        await this.cli(['stop', '--time', String(Math.max(0, Math.round(graceSeconds))), plan.name], { ignoreReturnCode: true });
      },
    };
  }

  async remove(name: string): Promise<void> {
    const result = await this.cli(['rm', '--force', name], { ignoreReturnCode: true });
    if (result.exitCode !== 0 && !/no such container|no container with name/i.test(result.stderr)) {
      throw new Error(`could not remove container ${name}: ${firstLine(result.stderr)}`);
    }
  }

  async handBack(image: string, dir: string, owner: string): Promise<void> {
    const inside = '/mlops-ci-outputs';
    // --entrypoint: the image's own entrypoint must not run (or wrap) chown; no network: it needs none.
    const args = ['run', '--rm', '--user', '0:0', '--network', 'none', '--label', 'io.mlops-ci.step=train-in-container', '--volume', `${dir}:${inside}:rw`, '--entrypoint', 'chown', image, '-R', owner, inside];
    const result = await this.cli(args, { ignoreReturnCode: true });
    if (result.exitCode !== 0) throw new Error(`could not hand ${dir} back to ${owner} (chown -R in the image as root, exit ${result.exitCode}): ${firstLine(result.stderr)}`);
  }

  /** GPU support is checked before anything runs, so a missing runtime fails in seconds, not after a build. */
  private async verifyGpus(gpus: string): Promise<void> {
    if (this.kind === 'docker') {
      const info = await this.cli(['info', '--format', '{{json .Runtimes}}'], { ignoreReturnCode: true });
      const hasRuntime = /nvidia/i.test(info.stdout) || onPath('nvidia-container-cli', this.place.env) || onPath('nvidia-container-runtime-hook', this.place.env);
      if (!hasRuntime) {
        throw new Error(
          `gpus: '${gpus}' asks for GPUs, but this Docker has no NVIDIA runtime (no 'nvidia' in docker info's runtimes, no nvidia-container-cli on PATH). Install the NVIDIA Container Toolkit on a GPU host, or drop the gpus input.`,
        );
      }
      return;
    }
    gpuArgs('podman', gpus);
    if (!hasNvidiaCdiSpec()) {
      throw new Error(
        `gpus: '${gpus}' asks for GPUs, but podman has no NVIDIA CDI spec in ${CDI_DIRS.join(' or ')}. Run \`nvidia-ctk cdi generate\` on a GPU host, or drop the gpus input.`,
      );
    }
  }

  private cli(args: string[], options: { ignoreReturnCode?: boolean } = {}) {
    return execCapture(this.kind, args, { ...this.place, ...options });
  }
}

function parseDigests(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * What pins the image `ref` names: the reference itself when it is already
 * by digest; else the registry digest (RepoDigest) of its repository, when the
 * image was pulled from or pushed to it; else, for an image only this engine
 * has, its ID.
 */
function pinnedDigest(ref: string, id: string, repoDigests: readonly string[]): string {
  if (/@sha256:[0-9a-f]{64}$/.test(ref)) return ref;
  const name = shortName(ref.replace(/:[\w][\w.-]*$/, ''));
  return repoDigests.find((digest) => shortName(digest.slice(0, digest.indexOf('@'))) === name) ?? id;
}

/** A repository name as Docker prints it: no `docker.io/`, no `library/` for official images. */
function shortName(name: string): string {
  return name.replace(/^(?:docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

function onPath(program: string, environment: NodeJS.ProcessEnv): boolean {
  return (environment['PATH'] ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, program)));
}

function hasNvidiaCdiSpec(): boolean {
  return CDI_DIRS.some((dir) => {
    try {
      return readdirSync(dir).some((file) => /\.(ya?ml|json)$/.test(file) && readFileSync(path.join(dir, file), 'utf8').includes('nvidia.com/gpu'));
    } catch {
      return false;
    }
  });
}
