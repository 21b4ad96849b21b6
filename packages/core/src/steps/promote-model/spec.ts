import { DEFAULT_REGISTRY } from '../../registry/names.js';
import type { StepSpec } from '../../spec/types.js';

export const promoteModelSpec = {
  name: 'promote-model',
  jenkinsVar: 'mlopsPromote',
  description: 'Register a model that passed its gate as a new version with its lineage, and move an alias to it, race-free.',
  branding: { icon: 'tag', color: 'purple' },
  jenkinsArgs: [
    {
      name: 'description',
      type: 'boolean',
      default: 'true',
      description: 'Add what was promoted to `currentBuild.description` (after what is there), e.g. `promoted iris v3 → @production`. `false`: leave the description alone.',
    },
  ],
  envCredentials: ['aws'],
  inputs: [
    {
      name: 'model',
      type: 'string',
      description: 'Name of the model: one name part of lowercase letters, digits and `-`, starting and ending with a letter or digit, at most 100 characters (the names GTO, MLflow and S3 all accept). Required unless `describe` is given.',
      example: 'iris',
    },
    {
      name: 'path',
      type: 'string',
      description: 'The model to register: a file or a folder (every file in it). Not needed with `rollback`, `remove-alias`, `to-version` or `describe`.',
      example: 'out/rf/model.pkl',
    },
    {
      name: 'alias',
      type: 'string',
      description: 'Alias to move to the new version (`staging`, `production`: a plain word). Empty: register only.',
      example: 'staging',
    },
    {
      name: 'registry',
      type: 'string',
      default: DEFAULT_REGISTRY,
      description:
        'Where versions live: a folder (relative to the working folder, as every path) or `file:///abs/dir`, `s3://bucket/prefix`, `gs://bucket/prefix`, `azure://container/prefix`, `mlflow+http://host:port` (MLflow model registry), or `git-tags` (GTO-compatible tags in the repository of the working folder; `git-tags:<folder>` for another).',
      example: 's3://models/registry',
    },
    {
      name: 's3-endpoint',
      type: 'string',
      envFallback: 'AWS_ENDPOINT_URL',
      description: 'Endpoint of an S3-compatible store (versitygw, MinIO, Ceph); path-style addressing is used with it. Empty: AWS. Credentials come from the AWS SDK chain.',
    },
    {
      name: 'metrics',
      type: 'string',
      description: 'Metrics file recorded with the version (JSON, YAML or TOML; nested keys flatten with dots). evaluate-and-gate reads them back with `baseline: registry:<model>@<alias>`. Empty: the promoted candidate\u2019s metrics from `gate-results`.',
      example: 'out/rf/metrics.json',
    },
    {
      name: 'gate-results',
      type: 'text',
      description: "evaluate-and-gate's `results` output (JSON) or the path of its `results-file`. Recorded with the version; see `require-gate`.",
      example: '${{ steps.gate.outputs.results-file }}',
    },
    {
      name: 'require-gate',
      type: 'boolean',
      default: 'true',
      description:
        'Refuse to register (exit 2) unless `gate-results` passed and names a passing candidate whose metrics are the promoted ones: those of `metrics`, else of the candidate whose metrics file is in or beside `path`, checked against the digest the gate recorded.',
    },
    {
      name: 'lineage',
      type: 'text',
      description: 'Extra lineage fields recorded with the version: a JSON object, or `key=value` lines.',
      example: 'dataset=iris-v3',
    },
    {
      name: 'data-digest',
      type: 'string',
      description: "Digest of the training data (data-pull's `digest` output). Empty: from the record data-pull left in this run (a record of another run is ignored, with a warning).",
    },
    {
      name: 'data-manifest',
      type: 'string',
      description: "Path of the data manifest (data-pull's `manifest` output), recorded whole. Empty: from data-pull's record of this run, when it names one.",
    },
    {
      name: 'env-fingerprint',
      type: 'string',
      description: "Fingerprint of the Python environment (setup-env's `fingerprint` output). Empty: from the record setup-env left in this run.",
    },
    {
      name: 'image-digest',
      type: 'string',
      description: "Digest of the training image (train-in-container's `image-digest` output). Empty: from the training of this run whose `outputs` folder holds `path`; exit 2 when two such trainings hold it.",
    },
    {
      name: 'rollback',
      type: 'boolean',
      default: 'false',
      description: 'Move `alias` back to the version it pointed to before its last move. Registers nothing.',
    },
    {
      name: 'to-version',
      type: 'string',
      description: 'Move `alias` to this existing version (`7`; `v1.2.0` for git-tags). Registers nothing.',
    },
    {
      name: 'remove-alias',
      type: 'boolean',
      default: 'false',
      description: 'Remove `alias` from the model (a later `rollback` restores it). Registers nothing.',
    },
    {
      name: 'bump',
      type: 'choice',
      choices: ['major', 'minor', 'patch'],
      default: 'patch',
      description: 'git-tags: which part of the latest `model@vX.Y.Z` the new version increments.',
    },
    {
      name: 'push',
      type: 'boolean',
      default: 'false',
      description: 'git-tags: push the new tags to `origin`.',
    },
    {
      name: 'describe',
      type: 'string',
      description: 'Print the lineage of `model@alias` (or `model@<version>`) and do nothing else.',
      example: 'iris@production',
    },
    {
      name: 'allow-missing',
      type: 'boolean',
      default: 'false',
      description:
        'With `describe`: when the alias or version does not exist, succeed with `found` = `false` and empty outputs instead of failing (a pipeline\u2019s first run has no `production` yet). Any other failure still fails.',
    },
    {
      name: 'gc',
      type: 'boolean',
      default: 'false',
      description:
        'Remove uploads that writers killed mid-upload left (versions still `uploading` after `gc-older-than`: their files, temp files, old locks, open multipart uploads) from `model`, or from every model when `model` is empty. A ready version is never touched; a small tombstone keeps the number from reuse. Folder and `s3://` registries.',
    },
    {
      name: 'gc-older-than',
      type: 'string',
      default: '24h',
      description:
        'How long an upload may stay unfinished before it counts as abandoned (`45m`, `24h`, `1h30m`). Used by `gc`, and by every registration, which removes the model’s abandoned uploads older than this after it succeeds.',
    },
  ],
  // Checked in this order: the first that does not hold is the error.
  relations: [
    // gc removes abandoned uploads and does nothing else.
    ...(['path', 'alias', 'describe', 'rollback', 'remove-alias', 'to-version', 'allow-missing', 'metrics', 'gate-results'] as const).map((other) => ({ exclusive: [other, 'gc'] }) as const),
    { exclusive: ['rollback', 'remove-alias', 'to-version'] },
    { input: 'rollback', requires: ['alias'] },
    { input: 'remove-alias', requires: ['alias'] },
    { input: 'to-version', requires: ['alias'] },
    { input: 'allow-missing', requires: ['describe'] },
  ],
  outputs: [
    { name: 'version', description: 'The version registered, or the one the alias now points to (empty after remove-alias).' },
    { name: 'uri', description: 'Where the model files of that version are.' },
    { name: 'previous-version', description: 'What the alias pointed to before; empty when it was new or no alias moved.' },
    { name: 'lineage', description: 'Path of that version’s `version.json` (a local copy for remote registries).' },
    { name: 'removed', description: 'With `gc`: the abandoned uploads removed, as `model@version` lines; empty when none.' },
    { name: 'found', type: 'boolean', description: 'With `describe`: `true` when the version exists, `false` when it does not (only with `allow-missing`). Empty otherwise.' },
  ],
  example: {
    model: 'iris',
    path: 'out/rf/model.pkl',
    alias: 'staging',
    metrics: 'out/rf/metrics.json',
    'gate-results': '${{ steps.gate.outputs.results-file }}',
  },
} as const satisfies StepSpec;
