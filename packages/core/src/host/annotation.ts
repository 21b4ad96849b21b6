import path from 'node:path';
import { relativeIfInside } from '../fs-place.js';
import type { Annotation, RunContext } from './types.js';

/**
 * The file of an annotation as the host shows it: relative to the workspace
 * (GITHUB_WORKSPACE on GitHub), with `/` separators, which is how GitHub
 * matches an annotation to a file of the repository and of a PR's diff. A
 * file outside the workspace keeps its absolute path: GitHub cannot link it,
 * but a reader can still find it.
 */
export function annotationFile(at: Annotation, context: Pick<RunContext, 'cwd' | 'workspace'>): string {
  return relativeIfInside(context.workspace, path.resolve(context.cwd, at.file));
}

/**
 * `file:line:col` (or `file:line`), the form compilers print and editors,
 * terminals and Jenkins' warnings plugins turn into a link.
 */
export function locationText(at: Annotation, context: Pick<RunContext, 'cwd' | 'workspace'>): string {
  return [annotationFile(at, context), at.line, ...(at.col === undefined ? [] : [at.col])].join(':');
}
