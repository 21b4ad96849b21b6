import type { Interpreter } from './python-discovery.js';

/** What `manager` accepts besides `auto`. */
export const MANAGER_NAMES = ['venv', 'pipenv', 'poetry', 'uv', 'conda', 'mamba', 'micromamba'] as const;
export type ManagerName = (typeof MANAGER_NAMES)[number];
export type CondaTool = 'conda' | 'mamba' | 'micromamba';

/** The variable each manager's tool reads its download cache folder from. */
export const DOWNLOAD_CACHE_VARIABLE: Readonly<Record<ManagerName, string>> = {
  venv: 'PIP_CACHE_DIR',
  pipenv: 'PIP_CACHE_DIR',
  poetry: 'POETRY_CACHE_DIR',
  uv: 'UV_CACHE_DIR',
  conda: 'CONDA_PKGS_DIRS',
  mamba: 'CONDA_PKGS_DIRS',
  micromamba: 'CONDA_PKGS_DIRS',
};

/** The files that decide what an env holds, found and parsed before any work. */
export interface ProjectFiles {
  /** Where the manager runs (the folder of the lock file). */
  readonly projectDir: string;
  /** Every file whose content decides the env: hashed into the cache key. */
  readonly lockInputs: readonly string[];
  /** venv: requirements files (`-r`); empty when the project itself is installed from pyproject.toml. */
  readonly requirements: readonly string[];
  /** venv: constraints.txt beside the requirements, when present. */
  readonly constraints: string | null;
  /** conda: the environment.yml file, parsed. */
  readonly condaEnv: CondaEnvironment | null;
}

export interface CondaEnvironment {
  readonly file: string;
  readonly name: string | null;
  readonly channels: readonly string[];
  /** conda packages (`numpy=1.26`), pip excluded. */
  readonly dependencies: readonly string[];
  /** The `pip:` section. */
  readonly pip: readonly string[];
  /** The python pin (`3.11`), or null when the file leaves it open. */
  readonly python: string | null;
}

/** Everything a manager needs to build one env. */
export interface EnvPlan {
  readonly manager: ManagerName;
  /** The tool that runs: `python3`, `uv`, `micromamba`... */
  readonly tool: string;
  readonly files: ProjectFiles;
  /** Absolute path of the env. */
  readonly envPath: string;
  /** The interpreter a venv is made from; null for conda (python comes from environment.yml). */
  readonly interpreter: Interpreter | null;
  readonly extras: readonly string[];
  /** The download cache folder the tool is pointed at (pip's, uv's, poetry's, conda's pkgs). */
  readonly downloadCache: string;
}
