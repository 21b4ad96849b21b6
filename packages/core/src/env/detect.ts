import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import {
  checkPipfileLock,
  checkPyproject,
  checkRequirements,
  checkTomlLock,
  defaultRequirements,
  describeFound,
  isFile,
  LOCK_FILES,
  parseEnvironmentYml,
  projectFileNames,
  readInputFile,
} from './project-files.js';
import type { CondaTool, ManagerName, ProjectFiles } from './types.js';

/** The family name `conda` picks whichever tool is installed, micromamba first (fastest, one binary). */
const CONDA_TOOLS: readonly CondaTool[] = ['micromamba', 'mamba', 'conda'];

export interface FileOverrides {
  /** The `lock-file` input, resolved; null when not given. */
  readonly lockFile: string | null;
  /** The `requirements` input, resolved. */
  readonly requirements: readonly string[];
}

/**
 * The manager for `auto`: the given lock file's name, else given
 * requirements (venv), else the first lock file in the folder (uv.lock,
 * poetry.lock, Pipfile.lock, environment.yml), else requirements*.txt or
 * pyproject.toml (venv). Nothing to build from is bad input.
 */
export async function detectManager(dir: string, overrides: FileOverrides): Promise<ManagerName> {
  if (overrides.lockFile) {
    const base = path.basename(overrides.lockFile);
    const owner = LOCK_FILES.find((entry) => entry.names.includes(base));
    if (owner) return owner.manager;
    throw new InputError('lock-file', `cannot tell the manager from the name '${base}': name it ${LOCK_FILES.flatMap((entry) => entry.names).join(', ')}, or set manager`);
  }
  if (overrides.requirements.length > 0) return 'venv';
  const names = await projectFileNames(dir);
  for (const entry of LOCK_FILES) if (entry.names.some((name) => names.includes(name))) return entry.manager;
  if (defaultRequirements(names).length > 0 || names.includes('pyproject.toml')) return 'venv';
  throw new InputError('manager', `auto found nothing to build an env from in ${dir} (${describeFound(names)}); add a requirements.txt, pyproject.toml or lock file, or set working-directory`);
}

/**
 * Finds and parses the files `manager` builds from, before any work: a lock
 * file that does not parse, or a forced manager without its lock file, ends
 * the step here (exit 2) with what was found.
 */
export async function readProjectFiles(manager: ManagerName, dir: string, overrides: FileOverrides): Promise<ProjectFiles> {
  if (manager === 'venv') return readVenvFiles(dir, overrides);
  const lockFile = overrides.lockFile ?? (await findLockFile(manager, dir));
  const projectDir = path.dirname(lockFile);
  const text = await readInputFile(lockFile, 'lock-file');
  const none = { requirements: [], constraints: null, condaEnv: null };
  switch (manager) {
    case 'pipenv': {
      checkPipfileLock(text, lockFile, 'lock-file');
      const pipfile = path.join(projectDir, 'Pipfile');
      if (!(await isFile(pipfile))) throw new InputError('lock-file', `pipenv sync needs the Pipfile beside ${lockFile}; it is missing`);
      return { ...none, projectDir, lockInputs: [lockFile] };
    }
    case 'poetry':
    case 'uv': {
      checkTomlLock(text, lockFile, 'lock-file', manager);
      const pyproject = path.join(projectDir, 'pyproject.toml');
      checkPyproject(await readInputFile(pyproject, 'lock-file'), pyproject, 'lock-file');
      return { ...none, projectDir, lockInputs: [lockFile, pyproject] };
    }
    case 'conda':
    case 'mamba':
    case 'micromamba':
      return { ...none, projectDir, lockInputs: [lockFile], condaEnv: parseEnvironmentYml(text, lockFile, 'lock-file') };
  }
}

async function findLockFile(manager: ManagerName, dir: string): Promise<string> {
  const family = CONDA_TOOLS.includes(manager as CondaTool) ? 'conda' : manager;
  const names = LOCK_FILES.find((entry) => entry.manager === family)?.names ?? [];
  for (const name of names) {
    const file = path.join(dir, name);
    if (await isFile(file)) return file;
  }
  throw new InputError('manager', `${manager} needs ${names.join(' or ')} in ${dir} (or the lock-file input); ${describeFound(await projectFileNames(dir))}`);
}

/** Requirements files (given, or requirements.txt / requirements*.txt), else pyproject.toml; constraints.txt when present. */
async function readVenvFiles(dir: string, overrides: FileOverrides): Promise<ProjectFiles> {
  const names = await projectFileNames(dir);
  const requirements = overrides.requirements.length > 0 ? [...overrides.requirements] : defaultRequirements(names).map((name) => path.join(dir, name));
  const constraintsFile = path.join(dir, 'constraints.txt');
  const constraints = (await isFile(constraintsFile)) ? constraintsFile : null;
  if (requirements.length === 0) {
    const pyproject = path.join(dir, 'pyproject.toml');
    if (!(await isFile(pyproject))) throw new InputError('manager', `venv needs requirements*.txt or pyproject.toml in ${dir} (or the requirements input); ${describeFound(names)}`);
    checkPyproject(await readInputFile(pyproject, 'requirements'), pyproject, 'requirements');
    return { projectDir: dir, lockInputs: [pyproject, ...(constraints ? [constraints] : [])], requirements: [], constraints, condaEnv: null };
  }
  const lockInputs = new Set<string>();
  for (const file of [...requirements, ...(constraints ? [constraints] : [])]) await collectRequirementFiles(file, lockInputs);
  return { projectDir: dir, lockInputs: [...lockInputs], requirements, constraints, condaEnv: null };
}

/** A requirements file and those it includes (`-r`, `-c`), each checked: all of them decide the env. */
async function collectRequirementFiles(file: string, seen: Set<string>): Promise<void> {
  if (seen.has(file)) return;
  seen.add(file);
  const text = await readInputFile(file, 'requirements');
  checkRequirements(text, file, 'requirements');
  for (const line of text.split(/\r?\n/)) {
    const include = /^\s*(?:-r|--requirement|-c|--constraint)[=\s]\s*(\S+)/.exec(line)?.[1];
    if (include && !/^[a-z]+:\/\//i.test(include)) await collectRequirementFiles(path.resolve(path.dirname(file), include), seen);
  }
}

/** The conda tool `manager` means: `conda` is the family (micromamba preferred), the others themselves. */
export async function resolveCondaTool(manager: ManagerName, env: NodeJS.ProcessEnv): Promise<CondaTool> {
  const wanted = manager === 'conda' ? CONDA_TOOLS : [manager as CondaTool];
  for (const tool of wanted) if (await onPath(tool, env)) return tool;
  throw new Error(`environment.yml needs ${wanted.join(', ')} on PATH, and none was found: install micromamba (or use setup-miniconda) before this step`);
}

/** The full path of `command` on PATH, or null. */
export async function onPath(command: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, command);
    const found = await access(file, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (found) return file;
  }
  return null;
}
