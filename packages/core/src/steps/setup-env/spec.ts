import { MANAGER_NAMES } from '../../env/types.js';
import type { StepSpec } from '../../spec/types.js';

export const setupEnvSpec = {
  name: 'setup-env',
  jenkinsVar: 'mlopsSetupEnv',
  description: 'Build the project’s Python environment from its lock file (pip, pipenv, poetry, uv or conda), cached across runs, and record what was installed.',
  branding: { icon: 'package', color: 'blue' },
  envCredentials: ['aws'],
  inputs: [
    {
      name: 'manager',
      type: 'choice',
      choices: ['auto', ...MANAGER_NAMES],
      default: 'auto',
      description:
        '`auto` picks from the files present: uv.lock → uv, poetry.lock → poetry, Pipfile.lock → pipenv, environment.yml → conda, requirements*.txt or pyproject.toml → venv (python -m venv + pip). `conda` uses whichever of micromamba, mamba, conda is on PATH, micromamba first.',
    },
    {
      name: 'python-version',
      type: 'string',
      description:
        'Interpreter for the venv: `3.11`, `3.11.7`, `3.x` or `>=3.10,<3.13`. The highest match among the interpreters on PATH, pyenv’s, uv-managed ones and the runner tool cache; none matching is an error listing what was found. Without it, the version in `python-version-file`, else the first python3 on PATH. Conda takes python from environment.yml.',
      example: '3.11',
    },
    {
      name: 'python-version-file',
      type: 'string',
      default: '.python-version',
      description:
        'A file holding the version (its first line that is not a comment, as pyenv and actions/setup-python read it), relative to `working-directory`. The default file is read when present; a file named here must exist.',
      example: '.tool-versions.python',
    },
    {
      name: 'working-directory',
      type: 'string',
      default: '.',
      description: 'The project folder: where the lock files are looked for and relative paths start.',
    },
    {
      name: 'requirements',
      type: 'list',
      description: 'venv: the requirements files to install, one per line (default: requirements.txt, else every requirements*.txt, else the project from pyproject.toml). A constraints.txt beside them is applied.',
      example: 'requirements/ci.txt',
    },
    {
      name: 'lock-file',
      type: 'string',
      description: 'Path of the lock file when it is not in working-directory: Pipfile.lock, poetry.lock, uv.lock or environment.yml (its name also picks the manager under `auto`).',
    },
    {
      name: 'env-name',
      type: 'string',
      default: '.venv',
      description: 'Folder of the env, relative to working-directory (or absolute). It must be missing, empty, or an env this step made (it holds `.mlops-ci-env.json` or `.mlops-ci-unfinished`), which is replaced when it is not the env the lock files ask for; any other folder, a file, the project folder or one above it is refused (exit 2).',
    },
    {
      name: 'extras',
      type: 'list',
      description: 'Optional dependency groups to install too: pip `.[extra]` (pyproject), poetry `--extras`, uv `--extra`, pipenv categories.',
      example: 'train',
    },
    {
      name: 'cache',
      type: 'boolean',
      default: 'true',
      description: 'Restore the built env from the cache (exact key only; a restored env that fails its health check is rebuilt) and the download cache (newest partial match), and save both after a build.',
    },
    {
      name: 'cache-key-suffix',
      type: 'string',
      description: 'Appended to the cache keys (letters, digits, `.`, `_`, `-`), to keep envs apart that the lock files do not (a CUDA flavour, a cache reset).',
    },
    {
      name: 'cache-url',
      type: 'string',
      description: 'Where the cache lives outside GitHub: a folder shared by agents (path or file:///dir, made when missing; a path that is a file is refused), s3://bucket/prefix, gs://bucket/prefix or azure://container/prefix. Defaults to the host’s cache (GitHub: the Actions cache; elsewhere ~/.cache/mlops-ci/cache or MLOPS_CI_CACHE_DIR).',
    },
  ],
  relations: [{ exclusive: ['python-version', 'python-version-file'] }],
  outputs: [
    { name: 'python', description: 'Absolute path of the env’s interpreter: later steps run it (on GitHub the env’s bin folder is also first on PATH).' },
    { name: 'env-path', description: 'Absolute path of the env.' },
    { name: 'manager', description: 'The manager that built it: venv, pipenv, poetry, uv, conda, mamba or micromamba.' },
    { name: 'python-version', description: 'The env’s Python version, e.g. `3.11.7`.' },
    { name: 'cache-hit', type: 'boolean', description: '`true` when the env came from the cache (or was already in place) and passed its health check.' },
    { name: 'cache-key', description: 'The cache key of the env.' },
    { name: 'fingerprint', description: 'sha256 of the sorted `name==version` list of every package installed (venv seed tools excluded): two runs that resolve to the same set share it.' },
    { name: 'lock-export', description: 'Path of a file recording what was installed, for lineage: `pip freeze`, or conda’s explicit list.' },
  ],
  example: {
    'python-version': '3.11',
    'cache-key-suffix': 'cpu',
  },
} as const satisfies StepSpec;
