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
        'After building `dockerfile`, tag the image `<registry>/<repository>:<build-inputs digest>` and push it there (`docker push`, with the engine’s own login: run `docker login <registry>` first when it needs credentials); `image-digest` is then the registry digest `<registry>/<repository>@sha256:…`, which any machine can pull. Nothing is pushed when the registry already holds this image under that tag. Docker only: refused with podman and `runtime: host`; required with `dockerfile` and `runtime: kubernetes` (the image is built with the runner’s Docker, and the cluster pulls it from the registry).',
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
      description: 'Host folder mounted at the same path and used as the working directory. Defaults to the workspace. Refused with `runtime: kubernetes`, whose pods cannot see it.',
    },
    {
      name: 'mounts',
      type: 'list',
      description: 'Extra bind mounts, one per line: `host:container[:ro]` (the host path may be relative; the container path must be absolute). Refused with `runtime: kubernetes`: use `volumes`.',
      example: 'models/pretrained:/models:ro',
    },
    {
      name: 'data',
      type: 'string',
      description: 'Host folder of training data, mounted read-only at the same absolute path; the command sees it as `MLOPS_DATA_DIR`. Refused with `runtime: kubernetes`: use `data-url`.',
      example: 'data',
    },
    {
      name: 'outputs',
      type: 'string',
      description: 'Host folder for results; the command sees it at the same absolute path as `MLOPS_OUTPUT_DIR`. It writes into an empty staging folder beside it, whose files are moved in (replacing those of the same name; others stay) only when the command succeeds: a failed run leaves outputs as it was. Files are handed back to the caller’s uid:gid. With `runtime: host` it is written in place; with `runtime: kubernetes` it receives what the run wrote under `outputs-url`, downloaded when the Job succeeds.',
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
    {
      name: 'gpus',
      type: 'string',
      description: 'GPUs to pass: `all`, a count (`2`) or device ids (`device=0,1`). Fails early when the engine has no NVIDIA runtime. With `runtime: kubernetes` a count only, asked for as `gpu-resource` in each pod’s limits.',
    },
    { name: 'cpus', type: 'string', description: 'CPU limit, e.g. `1.5`.' },
    { name: 'memory', type: 'string', description: 'Memory limit, e.g. `512m`, `4g`, `1.5GiB`.' },
    { name: 'shm-size', type: 'string', description: 'Size of /dev/shm (PyTorch data loaders need more than the 64 MB default), e.g. `2g`. Ignored by `runtime: kubernetes`.' },
    { name: 'network', type: 'string', default: 'bridge', description: '`bridge`, `none` (no network at all), `host`, or the name of a network of the engine. Ignored by `runtime: kubernetes`.' },
    {
      name: 'timeout',
      type: 'string',
      description: 'Limit on the run: `45s`, `90m`, `2h`, `1h30m`. When hit, the container is stopped (SIGTERM, SIGKILL 10 s later) and the step fails saying so. With `runtime: kubernetes` it is also the Job’s `activeDeadlineSeconds`, and when hit the Job is deleted with its pods. At most `576h` (24 days; more is refused). Empty: no limit.',
      example: '2h',
    },
    { name: 'user', type: 'string', description: 'User the command runs as (`uid:gid` or a name). Defaults to the caller’s uid:gid. With another user, the outputs are handed back to the caller afterwards (`chown -R` as root in the same image, which must have chown). Ignored by `runtime: kubernetes`: the image’s user runs it.' },
    {
      name: 'runtime',
      type: 'choice',
      choices: RUNTIME_KINDS,
      default: 'docker',
      description:
        '`docker`, `podman`, `host` (run the command directly on the runner, without isolation or limits: for runners without an engine), or `kubernetes` (run it as a Job on a cluster: the image must be pullable there, so give `image` or `dockerfile` with `push`; data and outputs travel through `data-url` and `outputs-url`, as the cluster cannot see the runner’s folders).',
    },
    {
      name: 'kubeconfig',
      type: 'string',
      description:
        '`runtime: kubernetes` only: kubeconfig file of the cluster (relative to the folder the step runs in). Default: `KUBECONFIG`, then `~/.kube/config`, then the pod’s own service account when the step runs in the cluster.',
      credentialFile: true,
      example: 'ci/kubeconfig',
    },
    { name: 'kube-context', type: 'string', description: '`runtime: kubernetes` only: context of the kubeconfig to use. Default: its current context.', example: 'gpu-cluster' },
    { name: 'namespace', type: 'string', description: '`runtime: kubernetes` only: namespace the Job runs in. Default: the context’s namespace, else `default`.', example: 'ml-training' },
    {
      name: 'gpu-resource',
      type: 'string',
      default: 'nvidia.com/gpu',
      description: '`runtime: kubernetes` only: the extended resource `gpus` asks for in each pod’s limits (`amd.com/gpu`, `gpu.intel.com/i915`, …).',
    },
    {
      name: 'node-selector',
      type: 'map',
      description: '`runtime: kubernetes` only: `key=value` node labels the pods must land on, one per line.',
      example: 'cloud.google.com/gke-accelerator=nvidia-tesla-t4',
    },
    {
      name: 'tolerations',
      type: 'list',
      description:
        '`runtime: kubernetes` only: taints the pods tolerate, one per line, written like `kubectl taint`: `key=value:Effect` (that value), `key:Effect` (any value), `key=value` or `key` (every effect), `:Effect` (every taint of that effect). Effect: `NoSchedule`, `PreferNoSchedule` or `NoExecute`.',
      example: 'nvidia.com/gpu:NoSchedule',
    },
    { name: 'service-account', type: 'string', description: '`runtime: kubernetes` only: ServiceAccount the pods run as (to reach S3 through workload identity, for instance). Default: the namespace’s `default`.' },
    {
      name: 'image-pull-secrets',
      type: 'list',
      description: '`runtime: kubernetes` only: names of Secrets in the namespace the cluster pulls the image with, one per line.',
      example: 'ghcr-pull',
    },
    {
      name: 'labels',
      type: 'map',
      description: '`runtime: kubernetes` only: `key=value` labels put on the Job, its pods and what is made for the run, one per line (Kubernetes’ rules: a key of up to 63 characters with an optional DNS prefix, a value of up to 63).',
      example: 'team=vision',
    },
    {
      name: 'annotations',
      type: 'map',
      description: '`runtime: kubernetes` only: `key=value` annotations put on the Job and its pods, one per line.',
      example: 'cluster-autoscaler.kubernetes.io/safe-to-evict=false',
    },
    {
      name: 'workers',
      type: 'number',
      default: '1',
      min: 1,
      max: 1000,
      integer: true,
      description:
        '`runtime: kubernetes` only: pods that train together. More than 1: an Indexed Job with a headless Service, and in every pod the torchrun/DDP rendezvous variables `MASTER_ADDR` (pod 0), `MASTER_PORT`, `WORLD_SIZE` and `RANK`.',
    },
    { name: 'rendezvous-port', type: 'number', default: '29500', min: 1, max: 65535, integer: true, description: '`runtime: kubernetes` only: the `MASTER_PORT` pod 0 listens on when `workers` is more than 1.' },
    {
      name: 'data-url',
      type: 'string',
      description: '`runtime: kubernetes` only: `s3://bucket/prefix/` of the training data (where data-pull pulled from, for instance), passed to the command as `MLOPS_DATA_URL`.',
      example: 's3://ml-data/iris/',
    },
    {
      name: 'outputs-url',
      type: 'string',
      description:
        '`runtime: kubernetes` only: `s3://bucket/prefix/` under which each run writes its results, in `<prefix>/<job-name>/` (given to the command as `MLOPS_OUTPUT_URL`); when the Job succeeds, the step downloads them into `outputs`. Required with `outputs`: the cluster cannot write the runner’s folders.',
      example: 's3://ml-runs/iris/',
    },
    {
      name: 'volumes',
      type: 'list',
      description: '`runtime: kubernetes` only: existing PersistentVolumeClaims mounted into every pod, one per line: `pvc:<claim>:<absolute mount path>[:ro]`.',
      example: 'pvc:datasets:/datasets:ro',
    },
    { name: 'retries', type: 'number', default: '0', min: 0, max: 100, integer: true, description: '`runtime: kubernetes` only: times a failed pod is retried before the step fails (the Job’s `backoffLimit`).' },
    {
      name: 'ttl-after-finished',
      type: 'string',
      default: '1h',
      description: '`runtime: kubernetes` only: how long the finished Job, its pods and what was made for the run stay for inspection before the cluster deletes them: `30m`, `1h`, `24h`.',
    },
  ],
  relations: [{ exclusive: ['dockerfile', 'image'] }, { input: 'push', requires: ['dockerfile'] }],
  // The step downloads what a Kubernetes run wrote under `outputs-url` with the project's S3 store.
  envCredentials: ['aws'],
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
    { name: 'job-name', description: 'Name of the Kubernetes Job the training ran as (empty with other runtimes).' },
    { name: 'namespace', description: 'Namespace of that Job (empty with other runtimes).' },
    { name: 'pod', description: 'Name of the pod whose exit code is reported: pod 0, or the failing one (empty with other runtimes).' },
    { name: 'node', description: 'Node that pod ran on (empty with other runtimes).' },
  ],
  example: {
    image: 'mlops-ci-python:bookworm',
    command: 'python train.py --model rf',
    data: 'data',
    outputs: 'out/rf',
    timeout: '2h',
  },
} as const satisfies StepSpec;
