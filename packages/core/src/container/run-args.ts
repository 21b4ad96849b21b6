import type { RunPlan } from './types.js';

/**
 * The argv of `docker run` / `podman run` for a plan. Every user value is its
 * own argument (no shell ever reads it), and env values are not here at all:
 * `-e NAME` makes the engine client take the value from its own environment,
 * so values stay out of `ps` and out of logs that echo commands.
 */
export function engineRunArgs(engine: 'docker' | 'podman', plan: RunPlan): string[] {
  const args = ['run', '--rm', '--name', plan.name, '--init'];
  for (const [key, value] of Object.entries(plan.labels)) args.push('--label', `${key}=${value}`);
  args.push('--user', plan.user, '--workdir', plan.workdir);
  for (const mount of plan.mounts) args.push('--volume', `${mount.source}:${mount.target}:${mount.readOnly ? 'ro' : 'rw'}`);
  for (const name of plan.env.keys()) args.push('--env', name);
  args.push(...resourceArgs(engine, plan));
  args.push(plan.image);
  if (plan.command.kind === 'shell') args.push('/bin/sh', '-c', plan.command.script);
  else args.push(...plan.command.argv);
  return args;
}

function resourceArgs(engine: 'docker' | 'podman', plan: RunPlan): string[] {
  const { gpus, cpus, memoryBytes, shmBytes, network } = plan.resources;
  const args = ['--network', network];
  if (cpus !== undefined) args.push('--cpus', String(cpus));
  // Bytes with an explicit unit: both engines read a bare number as bytes, but `b` leaves no doubt.
  if (memoryBytes !== undefined) args.push('--memory', `${memoryBytes}b`);
  if (shmBytes !== undefined) args.push('--shm-size', `${shmBytes}b`);
  if (gpus !== undefined) args.push(...gpuArgs(engine, gpus));
  return args;
}

/**
 * `gpus` arrives normalised: `all`, a count (`2`) or `device=<id>[,<id>...]`.
 * Docker takes `--gpus` (NVIDIA container toolkit), with the device list
 * quoted because Docker reads that value as CSV; podman takes CDI devices
 * (`--device nvidia.com/gpu=all`, one per id) and has no count form.
 */
export function gpuArgs(engine: 'docker' | 'podman', gpus: string): string[] {
  if (engine === 'docker') return ['--gpus', gpus.startsWith('device=') ? `"${gpus}"` : gpus];
  if (gpus === 'all') return ['--device', 'nvidia.com/gpu=all'];
  const ids = gpus.startsWith('device=') ? gpus.slice('device='.length).split(',') : [];
  if (ids.length === 0) throw new Error(`podman cannot take a GPU count ('${gpus}'): give \`all\` or device ids (\`device=0,1\`)`);
  return ids.flatMap((id) => ['--device', `nvidia.com/gpu=${id}`]);
}
