import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Why a relative path from a listing or a `.dir` manifest may not be written
 * under a destination, or undefined when it is safe: no absolute paths, no
 * `..`, no empty or `.` segments, no NUL (nor backslashes on Windows, where
 * they separate folders), so nothing can land outside the destination.
 */
export function unsafeRelpath(relpath: string): string | undefined {
  if (relpath === '') return 'is empty';
  if (relpath.includes('\0')) return 'contains a NUL byte';
  // A backslash is an ordinary character in a POSIX name, but a separator on Windows.
  if (process.platform === 'win32' && relpath.includes('\\')) return 'contains a backslash';
  if (relpath.startsWith('/') || /^[A-Za-z]:/.test(relpath)) return 'is absolute';
  for (const segment of relpath.split('/')) {
    if (segment === '..') return "climbs out with '..'";
    if (segment === '' || segment === '.') return 'has an empty or "." segment';
  }
  return undefined;
}

/**
 * Checks, before anything is written, that no folder between `root` and the
 * file is a symlink (one planted in the destination could redirect a write
 * anywhere). Folders already checked are remembered across calls.
 */
export class DestinationGuard {
  /** Folders known safe, as `root` NUL relative folder: one lookup per file once its folder is known. */
  private readonly safeDirs = new Set<string>();

  /** Throws when a parent of `root/relpath` below root is a symlink or not a folder. */
  check(root: string, relpath: string): void {
    const slash = relpath.lastIndexOf('/');
    if (slash < 0 || this.safeDirs.has(`${root}\0${relpath.slice(0, slash)}`)) return;
    const segments = relpath.slice(0, slash).split('/');
    let dir = root;
    let relative = '';
    for (const segment of segments) {
      dir = path.join(dir, segment);
      relative = relative === '' ? segment : `${relative}/${segment}`;
      const key = `${root}\0${relative}`;
      if (this.safeDirs.has(key)) continue;
      const info = lstatSync(dir, { throwIfNoEntry: false });
      if (info?.isSymbolicLink()) throw new Error(`refusing to write ${path.join(root, relpath)}: ${dir} is a symlink in the destination`);
      if (info && !info.isDirectory()) throw new Error(`refusing to write ${path.join(root, relpath)}: ${dir} is a file, not a folder`);
      // A folder that does not exist yet is safe: we create it.
      this.safeDirs.add(key);
    }
  }
}

/**
 * `root` joined with a relpath unsafeRelpath accepted. On POSIX that is the
 * two strings with a `/` between (no segment can need normalising), which a
 * re-pull of many files pays once per file instead of a path.join.
 */
export function joinRelpath(root: string, relpath: string): string {
  if (path.sep !== '/') return path.join(root, ...relpath.split('/'));
  return root.endsWith('/') ? `${root}${relpath}` : `${root}/${relpath}`;
}

/** Whether `child` is strictly below `parent` (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * The real path of `target`, which need not exist yet: the deepest existing
 * folder on the way is resolved (symlinks and all), the rest appended.
 */
export function realPathOf(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync(dir), ...missing);
    } catch {
      if (path.dirname(dir) === dir) return absolute;
      missing.unshift(path.basename(dir));
    }
  }
}
