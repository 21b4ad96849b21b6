import { DEFAULT_CACHE_MAX_SIZE } from '../../cache-cap.js';
import type { StepSpec } from '../../spec/types.js';

export const dataPullSpec = {
  name: 'data-pull',
  jenkinsVar: 'mlopsDataPull',
  description: 'Pull an exact dataset version from S3, an S3-compatible store, a folder, a DVC remote, a Delta table or Git LFS: parallel, verified, incremental.',
  branding: { icon: 'download-cloud', color: 'blue' },
  envCredentials: ['aws'],
  inputs: [
    {
      name: 'source',
      type: 'string',
      description:
        'What to sync as-is: `s3://bucket/prefix/` (AWS or any S3-compatible store through `endpoint`), `gs://bucket/prefix/` (Google Cloud Storage), `azure://container/prefix/` (Azure Blob Storage), `file:///abs/dir` or a folder path. A folder that does not exist, or a bucket prefix with no objects, is a bad input; an existing empty folder is an empty dataset.',
      example: 's3://datasets/iris/v3/',
    },
    {
      name: 'version',
      type: 'string',
      description:
        'With `source`: pin exact object versions, given the `manifest` file of an earlier data-pull of this source (each key with its version: S3 version id, GCS generation or Azure blob version, and md5); every file is checked against the recorded md5. With `delta`: the table version to pull, a number. Not with `dvc` or `lfs`.',
      example: 'data/iris.manifest.json',
    },
    {
      name: 'as-of',
      type: 'string',
      description:
        'An ISO 8601 time. With `source`: pull each object as it was then (the newest version not after it), from S3 versioning, GCS object generations or Azure blob versions; objects deleted by then are absent. With `delta`: the table version current then (the newest commit not after it). Not with `dvc` or `lfs`.',
      example: '2026-05-01T00:00:00Z',
    },
    {
      name: 'delta',
      type: 'string',
      description:
        'A Delta Lake table to pull at one version (`version`, `as-of`, else the latest): `s3://bucket/table/` (AWS or any S3-compatible store through `endpoint`), `gs://bucket/table/` (Google Cloud Storage), `azure://container/table/` (Azure Blob Storage), `file:///abs/table` or a folder path. Its log is replayed to that version’s exact data files, which are pulled verified into `path`; tables with deletion vectors are refused.',
      example: 's3://lake/iris/',
    },
    {
      name: 'delta-layout',
      type: 'choice',
      choices: ['table', 'files'],
      default: 'table',
      description:
        'With `delta`: `table` makes `path` a Delta table itself (the files plus a `_delta_log` of one commit, read as version 0 with the same rows); `files` pulls the Parquet files only.',
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
      description: 'For `dvc`: the remote, by name in `.dvc/config` (`.dvc/config.local` wins) or as a URL (`s3://bucket/prefix`, `gs://bucket/prefix`, `azure://container/prefix`, a folder). Default: the out’s own remote, else `core.remote`.',
    },
    {
      name: 'lfs',
      type: 'list',
      description:
        'Git LFS files to pull in place, by glob relative to the repository root, one per line or comma-separated, as `git lfs pull --include` reads them (`models/**`, `*.onnx`): each selected pointer file is replaced by its object, fetched from the LFS server (`lfs.url` in git config or `.lfsconfig`, else the remote’s URL + `/info/lfs`) and checked by its sha256. Credentials: in that URL, `GITHUB_TOKEN` for github.com, else git’s credential helpers. Git LFS need not be installed. Globs that select no LFS file are a bad input.',
      example: 'models/**',
    },
    {
      name: 'lfs-remote',
      type: 'string',
      default: 'origin',
      description: 'For `lfs`: the git remote whose LFS server to use, when `lfs.url` is not set.',
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
      description: 'Only files whose path (relative to `path`, to the DVC repository, or with `lfs` to the repository root) matches one of these globs (`**/*.csv`). Default: every file.',
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
      description:
        'Local content-addressed cache of verified objects and state. A `dvc` or `lfs` pull keeps every object it downloads here; a `source` or `delta` pull only when `cache` carries the folder across runs (else the copy would be a second write of every byte that nothing reads). Default: `$RUNNER_TOOL_CACHE/mlops-ci/data-pull`, else `~/.cache/mlops-ci/data-pull`.',
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
      description: 'Save and restore `cache-dir` across CI runs, keyed by the dataset: on GitHub with @actions/cache (or `cache-url`), elsewhere when `cache-url` names a shared folder or a bucket prefix.',
    },
    {
      name: 'cache-url',
      type: 'string',
      description: 'Where the cross-run cache lives outside GitHub: a folder shared by agents (path or `file:///`) or an object-store prefix (`s3://bucket/prefix`, `gs://bucket/prefix`, `azure://container/prefix`). Default: the host cache.',
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
    { exclusive: ['source', 'dvc', 'delta', 'lfs'], required: true },
    // LFS files are replaced where they are, from the repository's own LFS server.
    { exclusive: ['lfs', 'path'] },
    { exclusive: ['lfs', 'remote'] },
    { exclusive: ['lfs', 'delete'] },
    { input: 'lfs-remote', requires: ['lfs'] },
    { input: 'source', requires: ['path'] },
    { input: 'delta', requires: ['path'] },
    // A DVC file already pins its data by hash: a version or a time applies to a source or a table (plan.ts checks it).
    { exclusive: ['version', 'as-of'] },
  ],
  outputs: [
    { name: 'path', description: 'Where the data landed: `path`, the DVC outs’ paths, one per line, or with `lfs` the repository root.' },
    { name: 'files', type: 'number', description: 'Number of files in the dataset.' },
    { name: 'bytes', type: 'number', description: 'Total size of the dataset in bytes.' },
    { name: 'digest', description: 'sha256 over the sorted `path NUL md5` lines of every file: the same dataset gives the same digest, wherever it came from.' },
    { name: 'manifest', description: 'Path of the manifest JSON.' },
    { name: 'cache-hit', type: 'boolean', description: '`true` when the cross-run cache held exactly this dataset.' },
    { name: 'transferred', type: 'number', description: 'Files downloaded from the store in this run (0 on an unchanged re-pull).' },
    { name: 'delta-version', description: 'With `delta`: the table version pulled (the one `as-of` resolved to, or the latest). Empty otherwise.' },
  ],
  example: {
    dvc: 'data/iris.dvc',
  },
} as const satisfies StepSpec;
