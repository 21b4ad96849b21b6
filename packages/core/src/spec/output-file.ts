import path from 'node:path';
import { InputError, quote } from '../errors.js';
import { nonFolderAncestor, placeKind } from '../fs-place.js';

/**
 * The absolute path of a file a step will write, named by the input `input`.
 * Checked while reading inputs, before any work: a path that can never be
 * written as a file (an existing folder, a name ending in `/`, a path under
 * a file, a device or FIFO that writing through a temp name would replace)
 * is bad input, exit 2, not a failure after the work is done.
 */
export function outputFilePath(input: string, given: string, cwd: string): string {
  const refuse = (why: string): never => {
    throw new InputError(input, `got ${quote(given)}, ${why}; give the path of a file to write`);
  };
  if (/[\\/]$/.test(given)) refuse('which names a folder');
  const file = path.resolve(cwd, given);
  const kind = placeKind(file);
  if (kind === 'folder') refuse('which is a folder');
  if (kind === 'other') refuse('which is not a regular file');
  if (kind === 'missing') {
    const blocker = nonFolderAncestor(file);
    if (blocker) refuse(`but ${quote(blocker)} is a file, not a folder`);
  }
  return file;
}

/**
 * The absolute path of a folder a step will write in (made when missing),
 * named by the input `input`: an existing file, device or FIFO there, or a
 * file where one of its parent folders should be, is bad input, exit 2,
 * instead of ENOTDIR once the work has started.
 */
export function outputFolderPath(input: string, given: string, cwd: string): string {
  const folder = path.resolve(cwd, given);
  const kind = placeKind(folder);
  const refuse = (why: string): never => {
    throw new InputError(input, `got ${quote(given)}, ${why}; give a folder (it is made when missing)`);
  };
  if (kind === 'file' || kind === 'other') refuse('which is not a folder');
  if (kind === 'missing') {
    const blocker = nonFolderAncestor(folder);
    if (blocker) refuse(`but ${quote(blocker)} is a file, not a folder`);
  }
  return folder;
}
