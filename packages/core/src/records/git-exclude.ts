import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_FILE_PATTERN } from '../data/destination-lock.js';
import { execCapture } from '../exec.js';
import type { GitPlace } from '../scm/git.js';
import { RECORDS_DIR } from './step-records.js';

/**
 * What mlops-ci leaves in a work tree: the records folder (with the local
 * registry), and the lock file beside a data-pull destination that a killed
 * pull leaves until the next one. Each matches at any depth: the workspace may
 * be a sub-folder of the repository (examples/iris).
 */
const PATTERNS = [`${RECORDS_DIR}/`, LOCK_FILE_PATTERN];

/**
 * What happened to the exclude entry: added now, there already, or nothing
 * to do (the workspace is not inside a git work tree).
 */
export type ExcludeOutcome = 'added' | 'present' | 'not-a-work-tree';

/**
 * Adds `.mlops-ci/` and data-pull's lock files to the repository's `.git/info/exclude`, so that a later
 * `git add -A` in the pipeline (a bump commit, a GTO tag commit) never
 * commits step records or a local registry. `info/exclude` rather than
 * `.gitignore`: it is the clone's own, never part of a commit. Idempotent;
 * throws only when git names an exclude file that cannot be written.
 */
export async function excludeRecordsFromGit(workspace: GitPlace): Promise<ExcludeOutcome> {
  const file = await excludeFileOf(workspace);
  if (!file) return 'not-a-work-tree';
  const current = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim()));
  const missing = PATTERNS.filter((pattern) => !present.has(pattern));
  if (missing.length === 0) return 'present';
  await mkdir(path.dirname(file), { recursive: true });
  // Two steps at once (Jenkins `parallel`) can both append: a repeated line is harmless, a lost user line would not be.
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}# step records, the local registry and data-pull locks of mlops-ci\n${missing.join('\n')}\n`);
  return 'added';
}

/**
 * The exclude file git reads for the work tree holding `workspace`
 * (`--git-path` knows linked worktrees share their main repository's), or
 * null outside a work tree (no repository, a bare one, no git at all).
 */
async function excludeFileOf(workspace: GitPlace): Promise<string | null> {
  const result = await execCapture('git', ['rev-parse', '--is-inside-work-tree', '--git-path', 'info/exclude'], { ...workspace, ignoreReturnCode: true }).catch(() => null);
  if (!result || result.exitCode !== 0) return null;
  const [inside, exclude] = result.stdout.split('\n').map((line) => line.trim());
  return inside === 'true' && exclude ? path.resolve(workspace.cwd, exclude) : null;
}
