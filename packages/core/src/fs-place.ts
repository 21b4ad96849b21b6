import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * What a path an input names holds, for the checks made while inputs are
 * read (a folder where a file goes, a file where a folder goes): one rule for
 * every step, so each reports the same mistakes the same way.
 */
export type PlaceKind = 'missing' | 'file' | 'folder' | 'other';

/** What is at `target`, symlinks followed; `missing` also when a parent is a file (ENOTDIR). */
export function placeKind(target: string): PlaceKind {
  let info;
  try {
    info = statSync(target, { throwIfNoEntry: false });
  } catch (err) {
    // ENOTDIR: a parent is a file, so nothing exists here; nonFolderAncestor finds that parent.
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return 'missing';
    throw err;
  }
  if (!info) return 'missing';
  if (info.isDirectory()) return 'folder';
  return info.isFile() ? 'file' : 'other';
}

/** The nearest existing ancestor of `target` when it is not a folder (nothing can be made under it), else null. */
export function nonFolderAncestor(target: string): string | null {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const kind = placeKind(dir);
    if (kind === 'folder') return null;
    if (kind !== 'missing') return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/**
 * `absolute` as a reader finds it from `base`: relative with `/` separators
 * when inside `base` (a name like `..cache` is inside), else absolute.
 */
export function relativeIfInside(base: string, absolute: string): string {
  const relative = path.relative(path.resolve(base), absolute);
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? absolute : relative.split(path.sep).join('/');
}
