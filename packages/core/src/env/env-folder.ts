import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { MARKER_FILE, UNFINISHED_FILE } from './health.js';

/**
 * The env folder setup-env will use, checked before any work: the step
 * removes and replaces that folder wholesale, so it must be one the step may
 * replace — missing, empty, or an env this step made (it holds the
 * completion marker, or the unfinished mark of a build or restore that was
 * killed). Anything else is the user's (a data folder, a sibling project,
 * `/`) and is refused with exit 2 naming `env-name`, nothing touched.
 *
 * Envs built before the unfinished mark existed are still recognised: every
 * version of the step wrote the completion marker as the last act of a build.
 * Only a build of such a version killed halfway holds neither; it is refused
 * like any other folder, and deleting it by hand is the way out.
 */
export async function replaceableEnvPath(name: string, workDir: string): Promise<string> {
  const envPath = path.resolve(workDir, name);
  if (isSelfOrAncestor(envPath, workDir)) {
    throw new InputError('env-name', `got '${name}', which is the project folder or above it; name a folder of its own such as .venv`);
  }
  const info = await lstat(envPath).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new InputError('env-name', `got '${name}': ${envPath} cannot be inspected (${err.code ?? err.message})`);
  });
  if (info === null) return envPath;
  if (!info.isDirectory()) throw new InputError('env-name', `got '${name}', which is not a folder (${envPath} is a ${info.isSymbolicLink() ? 'symbolic link' : 'file'}); name a folder for the env such as .venv`);
  const entries = await readdir(envPath);
  if (entries.length === 0 || entries.includes(MARKER_FILE) || entries.includes(UNFINISHED_FILE)) return envPath;
  throw new InputError(
    'env-name',
    `got '${name}', which holds files this step did not make (${envPath}: ${entries.length} entries, no ${MARKER_FILE}). setup-env replaces its env folder wholesale, so it only takes a missing or empty folder or an env it built: name another folder, or empty this one yourself`,
  );
}

/** Whether `dir` is `workDir` itself or a folder above it (`/` included). */
function isSelfOrAncestor(dir: string, workDir: string): boolean {
  const below = path.relative(dir, workDir);
  return below === '' || (below !== '..' && !below.startsWith(`..${path.sep}`) && !path.isAbsolute(below));
}
