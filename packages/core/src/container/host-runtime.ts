import { spawnStreaming } from './line-process.js';
import type { ContainerRuntime, ImageInfo, RunningCommand, RunPlan } from './types.js';

/**
 * `runtime: host`: the command runs directly on this machine, for runners
 * without a container engine. Nothing is isolated: mounts are not needed
 * (data and outputs are already at their paths), and network, user, CPU,
 * memory and GPU limits are not enforced — the step says so loudly.
 */
export class HostRuntime implements ContainerRuntime {
  readonly kind = 'host' as const;

  constructor(private readonly environment: Readonly<NodeJS.ProcessEnv>) {}

  async verify(): Promise<string> {
    return `host (${process.platform}, no container)`;
  }

  async findImage(): Promise<ImageInfo | null> {
    return null;
  }

  async resolveImage(): Promise<ImageInfo> {
    return { id: '', digest: '', repoDigests: [] };
  }

  async build(): Promise<ImageInfo> {
    throw new Error('runtime: host cannot build a dockerfile; use runtime: docker or podman, or give no dockerfile');
  }

  async push(): Promise<string> {
    throw new Error('runtime: host has no image to push; use runtime: docker, or give no push');
  }

  start(plan: RunPlan, onLine: (line: string) => void): RunningCommand {
    const [program, ...args] = plan.command.kind === 'shell' ? ['/bin/sh', '-c', plan.command.script] : plan.command.argv;
    const env = { ...this.environment, ...Object.fromEntries(plan.env) };
    // Its own process group, so stopping it reaches whatever the command started.
    const run = spawnStreaming(program as string, args, { env, cwd: plan.workdir, detached: true }, onLine);
    let ended = false;
    void run.exited.then(
      () => (ended = true),
      () => (ended = true),
    );
    const signalGroup = (signal: NodeJS.Signals): void => {
      const pid = run.child.pid;
      if (pid === undefined || ended) return;
      try {
        process.kill(-pid, signal);
      } catch {
        // Already gone.
      }
    };
    return {
      exited: run.exited,
      stop: async (graceSeconds) => {
        signalGroup('SIGTERM');
        const killer = setTimeout(() => signalGroup('SIGKILL'), graceSeconds * 1000);
        await run.exited.catch(() => undefined);
        clearTimeout(killer);
      },
    };
  }

  async remove(): Promise<void> {
    // Nothing to remove: no container was created.
  }

  async handBack(): Promise<void> {
    // The command ran as the caller: its files are the caller's already.
  }
}
