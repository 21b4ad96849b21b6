import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import { RECORDS_DIR as STEP_RECORDS_DIR } from '../records/step-records.js';

export interface BuildInputs {
  readonly dockerfile: string;
  readonly context: string;
  readonly target?: string;
  readonly buildArgs: ReadonlyMap<string, string>;
}

/**
 * A digest of everything a build reads: the Dockerfile, every file of the
 * context the engine would send (`.dockerignore` honoured), the target, the
 * build args, and the image ID each `FROM` resolves to here (its ARGs expanded
 * with the build args, as the engine expands them). Two builds with
 * the same digest make the same image, so the step tags images by it and
 * skips a build whose tag already exists.
 *
 * `baseImageId(ref)` returns the local image ID of a base image, or null when
 * the engine does not have it (then the reference text stands in).
 */
export async function buildInputsDigest(inputs: BuildInputs, baseImageId: (ref: string) => Promise<string | null>): Promise<string> {
  const hash = createHash('sha256');
  const dockerfileText = await readFile(inputs.dockerfile, 'utf8');
  hash.update(`dockerfile\0${dockerfileText}\0target\0${inputs.target ?? ''}\0`);
  for (const name of [...inputs.buildArgs.keys()].sort()) hash.update(`arg\0${name}\0${inputs.buildArgs.get(name)}\0`);
  // Loaded here, not with the step: the Dockerfile parser is most of this chunk's weight and only a build needs it.
  const { baseImages } = await import('./dockerfile-from.js');
  for (const ref of baseImages(dockerfileText, inputs.buildArgs)) hash.update(`from\0${ref}\0${(await baseImageId(ref)) ?? 'absent'}\0`);
  for (const file of await contextFiles(inputs.context)) {
    hash.update(`file\0${file}\0${await entryDigest(path.join(inputs.context, file))}\0`);
  }
  return hash.digest('hex');
}

/**
 * Context files relative to the context, sorted, minus what `.dockerignore`
 * excludes, matched as Docker matches (`@balena/dockerignore`: last matching
 * pattern wins, `!` re-includes, case-sensitive).
 */
export async function contextFiles(context: string): Promise<string[]> {
  const patterns = await dockerignorePatterns(context);
  checkPatterns(context, patterns);
  const rules = dockerignore({ ignorecase: false }).add(patterns);
  const reincludes = reincludePrefixes(patterns);
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(path.join(context, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      // Step records (.mlops-ci/train-in-container.json) change after every run and are never a build input.
      if (rel === STEP_RECORDS_DIR) continue;
      const excluded = rules.ignores(rel);
      if (entry.isDirectory()) {
        // Like Docker, walk into an excluded folder only when a `!` pattern may re-include something below it.
        if (!excluded || reincludes.some((prefix) => mayReachBelow(prefix, rel))) await walk(rel);
      } else if (!excluded && (entry.isFile() || entry.isSymbolicLink())) files.push(rel);
    }
  };
  await walk('');
  return files.sort();
}

async function dockerignorePatterns(context: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.join(context, '.dockerignore'), 'utf8');
  } catch {
    return [];
  }
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * A pattern the matcher cannot compile (`[`, `[z-a]`) would otherwise throw a
 * bare "Invalid regular expression" halfway through the walk: name the file
 * and the pattern instead, before any file is read.
 */
function checkPatterns(context: string, patterns: readonly string[]): void {
  for (const pattern of patterns) {
    try {
      dockerignore({ ignorecase: false }).add(pattern).ignores('probe');
    } catch {
      throw new Error(`${path.join(context, '.dockerignore')}: '${pattern}' is not a valid pattern (Docker would refuse it too)`);
    }
  }
}

/** The literal start (up to the first wildcard) of each `!` pattern, cleaned as Docker cleans patterns. */
function reincludePrefixes(patterns: readonly string[]): string[] {
  return patterns
    .filter((pattern) => pattern.startsWith('!'))
    .map((pattern) => path.posix.normalize(pattern.slice(1).trim()).replace(/^\/+/, ''))
    .map((pattern) => pattern.split(/[*?[\\]/, 1)[0] as string);
}

/** Whether a pattern starting with `prefix` can match a path inside folder `dir`. */
function mayReachBelow(prefix: string, dir: string): boolean {
  const inside = `${dir}/`;
  return prefix.startsWith(inside) || inside.startsWith(prefix);
}

/** A symbolic link goes into the context as the link itself, not what it points to. */
async function entryDigest(file: string): Promise<string> {
  const info = await lstat(file);
  if (info.isSymbolicLink()) return `link\0${await readlink(file)}`;
  return `${info.mode & 0o111 ? 'x' : '-'}\0${await fileDigest(file)}`;
}

function fileDigest(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
