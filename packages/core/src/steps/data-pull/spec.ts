import { DEFAULT_CACHE_MAX_SIZE } from '../../cache-cap.js';
import type { StepSpec } from '../../spec/types.js';

export const dataPullSpec = {
  name: 'data-pull',
  jenkinsVar: 'mlopsDataPull',
  description: 'Pull an exact dataset version from S3, an S3-compatible store, a folder or a DVC remote: parallel, verified, incremental.',
  branding: { icon: 'download-cloud', color: 'blue' },
  envCredentials: ['aws'],
  inputs: [
    {
      name: 'source',
      type: 'string',
      description:
        'What to sync as-is: `s3://bucket/prefix/` (AWS or any S3-compatible store through `endpoint`), `azure://container/prefix/` (Azure Blob Storage), `file:///abs/dir` or a folder path. A folder that does not exist, or a bucket prefix with no objects, is a bad input; an existing empty folder is an empty dataset.',
      example: 's3://datasets/iris/v3/',
    },
    {
      name: 'version',
      type: 'string',
      description:
        'Pin exact object versions: the `manifest` file of an earlier data-pull of this source (each key with its version id (S3 object version, Azure blob version) and md5). Every file is checked against the recorded md5.',
      example: 'data/iris.manifest.json',
    },
    {
      name: 'as-of',
      type: 'string',
      description: 'An ISO 8601 time: pull each object as it was then (the newest version not after it), from S3 versioning or Azure blob versions. Objects deleted by then are absent.',
      example: '2026-05-01T00:00:00Z',
    },
    {
      name: 'dvc',
      type: 'list',
      description:
        'DVC files to pull, one per line: `.dvc` files, or `dvc.lock` files (every out) or `dvc.lock:stage1,stage2` (the outs of those stages). Read straight from the DVC remote; DVC need not be installed.',
      example: 'data/iris.dvc',
    },
    {
      name: 'remote',
      type: 'string',
      description: 'For `dvc`: the remote, by name in `.dvc/config` (`.dvc/config.local` wins) or as a URL (`s3://bucket/prefix`, `azure://container/prefix`, a folder). Default: the out’s own remote, else `core.remote`.',
    },
    {
      name: 'path',
      type: 'string',
      description:
        'Where the data lands. With `dvc`, default: each out at its own path; when set, one out lands at `path` and several land under it at their paths in the repository.',
      example: 'data/iris',
    },
    {
      name: 'include',
      type: 'list',
      description: 'Only files whose path (relative to `path`, or to the DVC repository) matches one of these globs (`**/*.csv`). Default: every file.',
    },
    {
      name: 'exclude',
      type: 'list',
      description: 'Skip files whose relative path matches one of these globs. Excluded files are never deleted.',
    },
    {
      name: 'endpoint',
      type: 'string',
      envFallback: 'AWS_ENDPOINT_URL',
      description: 'S3-compatible endpoint URL (MinIO, Ceph, versitygw...). Default: `AWS_ENDPOINT_URL`, or the DVC remote’s `endpointurl`, else AWS.',
    },
    {
      name: 'path-style',
      type: 'choice',
      choices: ['auto', 'true', 'false'],
      default: 'auto',
      description: 'Address buckets in the URL path (`http://host/bucket/key`), as most S3-compatible stores need. `auto`: path-style when an endpoint is set.',
    },
    {
      name: 'region',
      type: 'string',
      description: 'AWS region. Default: `AWS_REGION`, the DVC remote’s `region`, else us-east-1. Credentials always come from the AWS SDK chain (env, profile, web identity / GitHub OIDC).',
    },
    {
      name: 'concurrency',
      type: 'number',
      min: 1,
      max: 512,
      integer: true,
      description: 'Parallel transfers. Default: 16 per CPU, from 32 to 64.',
    },
    {
      name: 'delete',
      type: 'boolean',
      default: 'false',
      description:
        'Remove files under `path` that are not in the dataset (only those `include`/`exclude` select). Files already right are always kept. Only in a folder inside the workspace (never its root, a folder above it or outside it, nor a repository root), and never with an empty dataset.',
    },
    {
      name: 'cache-dir',
      type: 'string',
      description: 'Local content-addressed cache of verified objects and state. Default: `$RUNNER_TOOL_CACHE/mlops-ci/data-pull`, else `~/.cache/mlops-ci/data-pull`.',
    },
    {
      name: 'cache-max-size',
      type: 'string',
      default: DEFAULT_CACHE_MAX_SIZE,
      description:
        'Size cap of `cache-dir`, and of a `cache-url` folder: after a pull, the least recently used objects (entries) are evicted down to it — never one this pull used or needs, nor one used in the last 10 minutes. `10GiB`, `500MB`, `750M`, or bytes.',
      example: '20GiB',
    },
    {
      name: 'cache',
      type: 'boolean',
      default: 'true',
      description: 'Save and restore `cache-dir` across CI runs, keyed by the dataset: on GitHub with @actions/cache (or `cache-url`), elsewhere when `cache-url` names a shared folder or S3 prefix.',
    },
    {
      name: 'cache-url',
      type: 'string',
      description: 'Where the cross-run cache lives outside GitHub: a folder shared by agents (path or `file:///`) or an object-store prefix (`s3://bucket/prefix`, `azure://container/prefix`). Default: the host cache.',
    },
    {
      name: 'manifest',
      type: 'string',
      description: 'Where to write the manifest (JSON: every file with size, md5, source key and version id). Default: a file in the runner temp folder. Feed it to `version` to pull the same versions again.',
    },
    {
      name: 'progress-interval',
      type: 'number',
      min: 0.1,
      max: 3600,
      default: '10',
      description: 'Seconds between progress lines (files and bytes done, rate, ETA).',
    },
  ],
  relations: [
    { exclusive: ['source', 'dvc'], required: true },
    { input: 'source', requires: ['path'] },
    // A DVC file already pins its data by hash: a version or a time applies to a source only.
    { input: 'version', requires: ['source'] },
    { input: 'as-of', requires: ['source'] },
    { exclusive: ['version', 'as-of'] },
  ],
  outputs: [
    { name: 'path', description: 'Where the data landed: `path`, or the DVC outs’ paths, one per line.' },
    { name: 'files', type: 'number', description: 'Number of files in the dataset.' },
    { name: 'bytes', type: 'number', description: 'Total size of the dataset in bytes.' },
    { name: 'digest', description: 'sha256 over the sorted `path NUL md5` lines of every file: the same dataset gives the same digest, wherever it came from.' },
    { name: 'manifest', description: 'Path of the manifest JSON.' },
    { name: 'cache-hit', type: 'boolean', description: '`true` when the cross-run cache held exactly this dataset.' },
    { name: 'transferred', type: 'number', description: 'Files downloaded from the store in this run (0 on an unchanged re-pull).' },
  ],
  example: {
    dvc: 'data/iris.dvc',
  },
} as const satisfies StepSpec;
