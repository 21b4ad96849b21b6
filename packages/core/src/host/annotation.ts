import path from 'node:path';
import type { Annotation, RunContext } from './types.js';

/**
 * The file of an annotation as the host shows it: relative to the workspace
 * (GITHUB_WORKSPACE on GitHub), with `/` separators, which is how GitHub
 * matches an annotation to a file of the repository and of a PR's diff. A
 * file outside the workspace keeps its absolute path: GitHub cannot link it,
 * but a reader can still find it.
 */
export function annotationFile(at: Annotation, context: Pick<RunContext, 'cwd' | 'workspace'>): string {
  const absolute = path.resolve(context.cwd, at.file);
  const relative = path.relative(path.resolve(context.workspace), absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}

/**
 * `file:line:col` (or `file:line`), the form compilers print and editors,
 * terminals and Jenkins' warnings plugins turn into a link.
 */
export function locationText(at: Annotation, context: Pick<RunContext, 'cwd' | 'workspace'>): string {
  return [annotationFile(at, context), at.line, ...(at.col === undefined ? [] : [at.col])].join(':');
}
