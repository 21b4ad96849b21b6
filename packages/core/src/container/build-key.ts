import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { RECORDS_DIR as STEP_RECORDS_DIR } from '../records/step-records.js';
import { baseImages } from './dockerfile-from.js';

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
  for (const ref of baseImages(dockerfileText, inputs.buildArgs)) hash.update(`from\0${ref}\0${(await baseImageId(ref)) ?? 'absent'}\0`);
  for (const file of await contextFiles(inputs.context)) {
    const full = path.join(inputs.context, file);
    const info = await stat(full);
    hash.update(`file\0${file}\0${info.mode & 0o111 ? 'x' : '-'}\0${await fileDigest(full)}\0`);
  }
  return hash.digest('hex');
}

/** Context files relative to the context, sorted, minus what `.dockerignore` excludes (last matching pattern wins; `!` re-includes). */
export async function contextFiles(context: string): Promise<string[]> {
  const rules = await dockerignoreRules(context);
  const ignored = (rel: string): boolean => {
    // Step records (.mlops-ci/train-in-container.json) change after every run and are never a build input.
    if (rel === STEP_RECORDS_DIR) return true;
    let result = false;
    for (const rule of rules) if (rule.match(rel)) result = !rule.negated;
    return result;
  };
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(path.join(context, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (ignored(rel)) continue;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(rel);
    }
  };
  await walk('');
  return files.sort();
}

async function dockerignoreRules(context: string): Promise<{ negated: boolean; match: (rel: string) => boolean }[]> {
  let text: string;
  try {
    text = await readFile(path.join(context, '.dockerignore'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = path.posix.normalize((negated ? line.slice(1) : line).trim()).replace(/^\/+/, '');
      // A pattern that names a folder excludes everything below it too, as in Docker.
      const matchers = [picomatch(pattern, { dot: true }), picomatch(`${pattern}/**`, { dot: true })];
      return { negated, match: (rel: string) => matchers.some((matches) => matches(rel)) };
    });
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
