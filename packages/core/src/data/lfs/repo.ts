/**
 * What data-pull's `lfs` mode asks of the repository, through git alone (git-lfs
 * need not be installed): its root, its config and `.lfsconfig`, which files
 * the globs select, and which of them are LFS files — a pointer in the
 * working tree, or a file whose committed (index) blob is a pointer, i.e. one
 * already replaced by its content.
 */
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { execCapture, execCaptureBytes, type ExecPlace } from '../../exec.js';
import { MAX_POINTER_BYTES, parsePointer, type LfsPointer } from './pointer.js';

/** A file the globs selected whose content is an LFS object. */
export interface LfsFile {
  /** `/`-separated, relative to the repository root. */
  readonly relpath: string;
  readonly path: string;
  readonly pointer: LfsPointer;
  /** Whether the working tree holds the pointer (to replace) or other bytes (the object, or a local change). */
  readonly holds: 'pointer' | 'content';
}

/** The repository's root, or git's own words on why there is none (not a repository, a "dubious ownership" refusal…). */
export async function repositoryRoot(place: ExecPlace): Promise<{ readonly root: string } | { readonly why: string }> {
  const result = await execCapture('git', ['rev-parse', '--show-toplevel'], { ...place, ignoreReturnCode: true });
  if (result.exitCode === 0) return { root: result.stdout.trim() };
  return { why: result.stderr.trim().split('\n')[0]?.replace(/^fatal: /, '') || `git exited with ${result.exitCode}` };
}

/** `git config --list` of the repository (local, global, system), or of a file such as `.lfsconfig`. */
export async function readGitConfig(place: ExecPlace, file?: string): Promise<Map<string, string>> {
  const args = file === undefined ? ['config', '-z', '--list'] : ['config', '-z', '--file', file, '--list'];
  const result = await execCapture('git', args, { ...place, ignoreReturnCode: true });
  const config = new Map<string, string>();
  // An absent .lfsconfig is exit 1 and no output: no entries.
  if (result.exitCode !== 0) return config;
  for (const entry of result.stdout.split('\0')) {
    const newline = entry.indexOf('\n');
    if (entry === '') continue;
    const key = newline === -1 ? entry : entry.slice(0, newline);
    // The last value wins, as `git config --get` answers for a key set at several levels.
    config.set(key, newline === -1 ? 'true' : entry.slice(newline + 1));
  }
  return config;
}

/**
 * Compiles one `lfs` glob as `git lfs pull --include` reads it: a glob
 * without `/` matches a file name at any depth, and a glob matching a folder
 * selects every file under it. One matcher per glob, so that the caller can
 * tell which glob selected nothing. Throws picomatch's error on a bad glob.
 */
export function lfsMatcher(glob: string): (relpath: string) => boolean {
  const isMatch = picomatch(glob.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true, basename: true });
  return (relpath) => {
    if (isMatch(relpath)) return true;
    for (let slash = relpath.lastIndexOf('/'); slash > 0; slash = relpath.lastIndexOf('/', slash - 1)) {
      if (isMatch(relpath.slice(0, slash))) return true;
    }
    return false;
  };
}

/** Tracked and untracked (not ignored) files of the working tree, with the index blob of tracked ones. */
async function workingTree(root: string, place: ExecPlace): Promise<Map<string, string | undefined>> {
  const here = { ...place, cwd: root };
  const files = new Map<string, string | undefined>();
  const staged = await execCapture('git', ['ls-files', '-z', '--stage'], here);
  for (const entry of staged.stdout.split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.+)$/s.exec(entry);
    // Submodules (160000) are not files; a conflicted path keeps its first stage.
    if (match && match[1] !== '160000' && !files.has(match[4] as string)) files.set(match[4] as string, match[2]);
  }
  const untracked = await execCapture('git', ['ls-files', '-z', '--others', '--exclude-standard'], here);
  for (const relpath of untracked.stdout.split('\0')) if (relpath !== '' && !files.has(relpath)) files.set(relpath, undefined);
  return files;
}

/**
 * The LFS files among those `selected`: a working file that is a pointer, or
 * a tracked file whose index blob is one. Symlinks and files that vanished
 * are skipped: a pointer is always a regular file.
 */
export async function findLfsFiles(root: string, selected: (relpath: string) => boolean, place: ExecPlace): Promise<LfsFile[]> {
  const found: LfsFile[] = [];
  const notPointers = new Map<string, string>(); // relpath → index blob, to ask git
  for (const [relpath, blob] of await workingTree(root, place)) {
    if (!selected(relpath)) continue;
    const file = path.join(root, ...relpath.split('/'));
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    const pointer = info.size <= MAX_POINTER_BYTES ? parsePointer(await readHead(file)) : undefined;
    if (pointer) found.push({ relpath, path: file, pointer, holds: 'pointer' });
    else if (blob !== undefined) notPointers.set(relpath, blob);
  }
  for (const [relpath, pointer] of await committedPointers(notPointers, { ...place, cwd: root })) {
    found.push({ relpath, path: path.join(root, ...relpath.split('/')), pointer, holds: 'content' });
  }
  return found.sort((a, b) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0));
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_POINTER_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Which of these index blobs are pointers: sizes first (`--batch-check`), then only the small blobs read. */
async function committedPointers(blobs: ReadonlyMap<string, string>, place: ExecPlace): Promise<Map<string, LfsPointer>> {
  const pointers = new Map<string, LfsPointer>();
  if (blobs.size === 0) return pointers;
  const unique = [...new Set(blobs.values())];
  const checked = await execCapture('git', ['cat-file', '--batch-check'], { ...place, input: `${unique.join('\n')}\n` });
  const small = checked.stdout
    .split('\n')
    .map((line) => /^([0-9a-f]+) blob (\d+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && Number(match[2]) <= MAX_POINTER_BYTES)
    .map((match) => match[1] as string);
  if (small.length === 0) return pointers;
  const read = (await execCaptureBytes('git', ['cat-file', '--batch'], { ...place, input: `${small.join('\n')}\n` })).stdout;
  const byBlob = new Map<string, LfsPointer>();
  let at = 0;
  while (at < read.length) {
    const headerEnd = read.indexOf(0x0a, at);
    const header = /^([0-9a-f]+) blob (\d+)$/.exec(read.subarray(at, headerEnd).toString('latin1'));
    if (!header) break;
    const size = Number(header[2]);
    const pointer = parsePointer(read.subarray(headerEnd + 1, headerEnd + 1 + size));
    if (pointer) byBlob.set(header[1] as string, pointer);
    at = headerEnd + 1 + size + 1; // the content, then its LF
  }
  for (const [relpath, blob] of blobs) {
    const pointer = byBlob.get(blob);
    if (pointer) pointers.set(relpath, pointer);
  }
  return pointers;
}
