import { RUNTIME_KINDS } from '../../container/types.js';
import type { StepSpec } from '../../spec/types.js';

export const trainInContainerSpec = {
  name: 'train-in-container',
  jenkinsVar: 'mlopsTrain',
  description: 'Run training in a container with the data mounted, the GPU passed, and the results collected.',
  branding: { icon: 'box', color: 'blue' },
  inputs: [
    {
      name: 'image',
      type: 'string',
      description: 'Image to run (a reference such as `python:3.12-slim` or `registry:5000/team/train@sha256:…`). With a container runtime, this or `dockerfile` is required.',
      example: 'mlops-ci-python:bookworm',
    },
    {
      name: 'dockerfile',
      type: 'string',
      description:
        'Dockerfile to build the image from first. The image is tagged by a digest of the build inputs (Dockerfile, context files, build args, target, base image IDs), so an unchanged build is skipped; the engine’s layer cache serves the rest.',
      example: 'docker/train.Dockerfile',
    },
    {
      name: 'push',
      type: 'string',
      description:
        'After building `dockerfile`, tag the image `<registry>/<repository>:<build-inputs digest>` and push it there (`docker push`, with the engine’s own login: run `docker login <registry>` first when it needs credentials); `image-digest` is then the registry digest `<registry>/<repository>@sha256:…`, which any machine can pull. Nothing is pushed when the registry already holds this image under that tag. Docker only: refused with podman and `runtime: host`.',
      example: 'ghcr.io/acme/train',
    },
    { name: 'context', type: 'string', default: '.', description: 'Build context folder for `dockerfile` (`.dockerignore` is honoured).' },
    { name: 'build-args', type: 'map', description: '`KEY=VALUE` build arguments, one per line (values are passed through the environment, not the command line).' },
    { name: 'target', type: 'string', description: 'Build stage to stop at (`--target`).' },
    {
      name: 'command',
      type: 'argv',
      required: true,
      description:
        'The training command: one string run by the image’s shell (`/bin/sh -c`), or a JSON array (`["python", "train.py"]`; from Jenkins a list) run as argv with no shell.',
      example: 'python train.py --model rf',
    },
    {
      name: 'workdir',
      type: 'string',
      description: 'Host folder mounted at the same path and used as the working directory. Defaults to the workspace.',
    },
    {
      name: 'mounts',
      type: 'list',
      description: 'Extra bind mounts, one per line: `host:container[:ro]` (the host path may be relative; the container path must be absolute).',
      example: 'models/pretrained:/models:ro',
    },
    {
      name: 'data',
      type: 'string',
      description: 'Host folder of training data, mounted read-only at the same absolute path; the command sees it as `MLOPS_DATA_DIR`.',
      example: 'data',
    },
    {
      name: 'outputs',
      type: 'string',
      description: 'Host folder for results; the command sees it at the same absolute path as `MLOPS_OUTPUT_DIR`. It writes into an empty staging folder beside it, whose files are moved in (replacing those of the same name; others stay) only when the command succeeds: a failed run leaves outputs as it was. Files are handed back to the caller’s uid:gid. With `runtime: host` it is written in place.',
      example: 'out/rf',
    },
    { name: 'metrics-file', type: 'string', default: 'metrics.json', description: 'Name of the metrics file, relative to `outputs`, reported as the `metrics` output when the command wrote it.' },
    { name: 'env', type: 'map', description: '`KEY=VALUE` variables for the command, one per line (from Jenkins also a map). Values are never echoed.' },
    { name: 'env-file', type: 'string', description: 'A file of `KEY=VALUE` lines (Docker’s env-file format) for the command.' },
    {
      name: 'secrets',
      type: 'list',
      description: 'Names of environment variables of this step to pass through to the command, one per line; their values are masked in the log.',
      example: 'WANDB_API_KEY',
    },
    { name: 'gpus', type: 'string', description: 'GPUs to pass: `all`, a count (`2`) or device ids (`device=0,1`). Fails early when the engine has no NVIDIA runtime.' },
    { name: 'cpus', type: 'string', description: 'CPU limit, e.g. `1.5`.' },
    { name: 'memory', type: 'string', description: 'Memory limit, e.g. `512m`, `4g`, `1.5GiB`.' },
    { name: 'shm-size', type: 'string', description: 'Size of /dev/shm (PyTorch data loaders need more than the 64 MB default), e.g. `2g`.' },
    { name: 'network', type: 'string', default: 'bridge', description: '`bridge`, `none` (no network at all), `host`, or the name of a network of the engine.' },
    {
      name: 'timeout',
      type: 'string',
      description: 'Limit on the run: `45s`, `90m`, `2h`, `1h30m`. When hit, the container is stopped (SIGTERM, SIGKILL 10 s later) and the step fails saying so. At most `576h` (24 days; more is refused). Empty: no limit.',
      example: '2h',
    },
    { name: 'user', type: 'string', description: 'User the command runs as (`uid:gid` or a name). Defaults to the caller’s uid:gid. With another user, the outputs are handed back to the caller afterwards (`chown -R` as root in the same image, which must have chown).' },
    {
      name: 'runtime',
      type: 'choice',
      choices: RUNTIME_KINDS,
      default: 'docker',
      description: '`docker`, `podman`, or `host` (run the command directly on the runner, without isolation or limits: for runners without an engine).',
    },
  ],
  relations: [{ exclusive: ['dockerfile', 'image'] }, { input: 'push', requires: ['dockerfile'] }],
  outputs: [
    { name: 'exit-code', type: 'number', description: 'Exit code of the command (also set when it failed).' },
    { name: 'duration-seconds', type: 'number', description: 'How long the command ran, in seconds.' },
    { name: 'image-id', description: 'ID of the image the command ran in (empty with runtime: host).' },
    {
      name: 'image-digest',
      description:
        'What pins the exact image, for lineage: `image` as given when by digest; else `name@sha256:…`, the registry digest of the image pulled by tag or pushed with `push`; else (an image only this machine has) the image ID `sha256:…`.',
    },
    { name: 'outputs', description: 'Absolute path of the outputs folder (empty when none was given).' },
    { name: 'metrics', description: 'Absolute path of the metrics file in outputs, when the command wrote one; else empty.' },
  ],
  example: {
    image: 'mlops-ci-python:bookworm',
    command: 'python train.py --model rf',
    data: 'data',
    outputs: 'out/rf',
    timeout: '2h',
  },
} as const satisfies StepSpec;
