/**
 * Checks on the places data-pull reads from, writes to and deletes in, made
 * while reading the inputs: a path that is missing, of the wrong kind, or
 * outside where deleting is safe ends the step with exit 2 before anything
 * is written or removed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { nonFolderAncestor, placeKind } from '../../fs-place.js';
import { isInside, realPathOf } from '../../data/safe-path.js';

/**
 * A local `source` (a folder path or `file:///`) must be an existing folder:
 * a typo would otherwise read as an empty dataset (and, with `delete`, empty
 * the destination). A symlink at the root is followed.
 */
export function checkLocalSource(source: string, folder: string): void {
  const kind = placeKind(folder);
  if (kind === 'missing') throw new InputError('source', `${source} does not exist (expected a folder, s3://bucket/prefix/ or file:///abs/dir)`);
  if (kind !== 'folder') throw new InputError('source', `${source} is not a folder; give the folder that holds the dataset`);
}

/** A local `delta` table must be an existing folder: a typo is bad input, not "not a Delta table" later. */
export function checkLocalTable(delta: string, folder: string): void {
  const kind = placeKind(folder);
  if (kind === 'missing') throw new InputError('delta', `${delta} does not exist (expected the folder of a Delta table, s3://bucket/table/ or file:///abs/table)`);
  if (kind !== 'folder') throw new InputError('delta', `${delta} is not a folder; give the folder that holds the table and its _delta_log`);
}

/**
 * An input naming a folder (existing or to be made): a file there, or a file
 * where one of its parent folders should be, is a bad input, not a failure
 * halfway through the pull.
 */
export function checkFolderPath(input: string, folder: string, what = ''): void {
  const kind = placeKind(folder);
  if (kind === 'missing') checkParentFolders(input, folder, what);
  else if (kind !== 'folder') throw new InputError(input, `${prefixed(what)}${folder} is a file, not a folder`);
}

/** An input naming a file to write: a folder there, or a file where its folder should be, is a bad input. */
export function checkFilePath(input: string, file: string, what = ''): void {
  if (placeKind(file) === 'folder') throw new InputError(input, `${prefixed(what)}${file} is a folder; give the path of a file`);
  checkParentFolders(input, file, what);
}

/** The nearest existing folder above `target` must be a folder. */
function checkParentFolders(input: string, target: string, what: string): void {
  const blocker = nonFolderAncestor(target);
  if (blocker) throw new InputError(input, `${prefixed(what)}${target}: ${blocker} is a file, not a folder`);
}

/** `what` (which place a message is about, when the input alone does not say) and a space. */
function prefixed(what: string): string {
  return what === '' ? '' : `${what} `;
}

/**
 * `delete` removes files only in a folder strictly inside the workspace,
 * judged on real paths (a symlink leading out counts as out): never the
 * workspace itself, a folder above it, anything beside it, or the root of a
 * repository checked out inside it.
 */
export function checkDeleteScope(dest: string, workspace: string): void {
  const realWorkspace = realPathOf(workspace);
  const realDest = realPathOf(dest);
  const refuse = (why: string): never => {
    throw new InputError('delete', `refusing to delete files in ${dest} ('path'): ${why}; with delete, point 'path' at a folder inside the workspace`);
  };
  if (realDest === realWorkspace) refuse(`it is the workspace root (${workspace})`);
  if (isInside(realDest, realWorkspace)) refuse(`it is above the workspace (${workspace})`);
  if (!isInside(realWorkspace, realDest)) {
    const throughLink = isInside(path.resolve(workspace), path.resolve(dest));
    refuse(`it is outside the workspace (${workspace})${throughLink ? `: ${realDest} through a symlink` : ''}`);
  }
  // A repository checked out into a folder of the workspace: everything in it would be "not in the dataset".
  const marker = REPOSITORY_MARKERS.find((name) => existsSync(path.join(realDest, name)));
  if (marker) refuse(`it is the root of a repository (it holds ${marker})`);
}

const REPOSITORY_MARKERS = ['.git', '.dvc'];
