/**
 * Test-only stand-in for actions/upload-artifact@v4.
 *
 * Our workflows hand files between jobs with actions/upload-artifact and
 * download-artifact, but act cannot fetch remote actions here (no github.com).
 * runAct bundles this file with ncc and maps `actions/upload-artifact@v4` to it
 * (act --local-repository), so the workflow talks to act's real artifact server
 * through the official client, @actions/artifact, as the real action does.
 * Inputs and outputs are those of the real v4 action.yml; test/act/README.md
 * says what act's server does differently from GitHub's.
 */
import * as path from 'node:path';
import * as core from '@actions/core';
import * as glob from '@actions/glob';
import artifact, { ArtifactNotFoundError, type UploadArtifactOptions } from '@actions/artifact';
import { runStep } from '../shared/run-step.js';

const NO_FILES_BEHAVIOURS = ['warn', 'error', 'ignore'] as const;
type NoFilesBehaviour = (typeof NO_FILES_BEHAVIOURS)[number];

interface UploadInputs {
  name: string;
  /** Newline-separated @actions/glob patterns (`!` excludes). */
  path: string;
  ifNoFilesFound: NoFilesBehaviour;
  overwrite: boolean;
  includeHiddenFiles: boolean;
  options: UploadArtifactOptions;
}

/** The files to zip and the folder their paths inside the zip are relative to. */
interface FilesToUpload {
  files: string[];
  rootDirectory: string;
}

function getInputs(): UploadInputs {
  const ifNoFilesFound = core.getInput('if-no-files-found') || 'warn';
  if (!(NO_FILES_BEHAVIOURS as readonly string[]).includes(ifNoFilesFound)) {
    throw new Error(`if-no-files-found: got '${ifNoFilesFound}', expected one of ${NO_FILES_BEHAVIOURS.join(', ')}`);
  }
  const options: UploadArtifactOptions = {};
  const retentionDays = integerInput('retention-days', 0, 90);
  if (retentionDays) options.retentionDays = retentionDays;
  const compressionLevel = integerInput('compression-level', 0, 9);
  if (compressionLevel !== undefined) options.compressionLevel = compressionLevel;
  return {
    name: core.getInput('name') || 'artifact',
    path: core.getInput('path', { required: true }),
    ifNoFilesFound: ifNoFilesFound as NoFilesBehaviour,
    overwrite: core.getBooleanInput('overwrite'),
    includeHiddenFiles: core.getBooleanInput('include-hidden-files'),
    options,
  };
}

/** An optional whole-number input within [min, max]; undefined when empty. */
function integerInput(name: string, min: number, max: number): number | undefined {
  const raw = core.getInput(name);
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}: got '${raw}', expected a whole number from ${min} to ${max}`);
  }
  return value;
}

/**
 * Files matched by the patterns, rooted as the real action roots them: at the one
 * search path (the folder named, or the part of a pattern before its first
 * wildcard), at the common ancestor of several, or at the parent folder of a
 * single file named on its own.
 */
async function findFilesToUpload(patterns: string, includeHiddenFiles: boolean): Promise<FilesToUpload> {
  const globber = await glob.create(patterns, {
    followSymbolicLinks: true,
    implicitDescendants: true,
    omitBrokenSymbolicLinks: true,
    matchDirectories: false, // a folder is uploaded through its files
    excludeHiddenFiles: !includeHiddenFiles,
  });
  const files = await globber.glob();
  const searchPaths = globber.getSearchPaths();
  if (searchPaths.length > 1) return { files, rootDirectory: commonAncestor(searchPaths) };
  const only = searchPaths[0] ?? process.cwd();
  if (files.length === 1 && files[0] === only) return { files, rootDirectory: path.dirname(only) };
  return { files, rootDirectory: only };
}

/** The deepest folder containing every one of these absolute paths. */
function commonAncestor(paths: string[]): string {
  const [first = [], ...rest] = paths.map((p) => path.resolve(p).split(path.sep));
  let depth = 0;
  while (depth < first.length && rest.every((parts) => parts[depth] === first[depth])) depth++;
  return first.slice(0, depth).join(path.sep) || path.sep;
}

async function artifactExists(name: string): Promise<boolean> {
  try {
    await artifact.getArtifact(name);
    return true;
  } catch (err) {
    if (err instanceof ArtifactNotFoundError) return false;
    throw err;
  }
}

/** Frees the name (overwrite: true), or refuses it the way GitHub does when it is taken. */
async function claimName(name: string, overwrite: boolean): Promise<void> {
  if (!(await artifactExists(name))) return;
  // GitHub's v4 backend answers 409 Conflict to a second artifact of the same name in a
  // run; act's server would silently replace it, hiding e.g. matrix jobs that upload
  // under one name. https://github.com/actions/upload-artifact#breaking-changes
  if (!overwrite) {
    throw new Error(`an artifact named '${name}' already exists in this run: give each upload its own name, or set overwrite: true`);
  }
  await artifact.deleteArtifact(name);
}

function reportNoFiles(inputs: UploadInputs): void {
  const message = `No files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.`;
  if (inputs.ifNoFilesFound === 'error') throw new Error(message);
  if (inputs.ifNoFilesFound === 'warn') core.warning(message);
  else core.info(message);
}

/** The artifact's page on GitHub, as the real action builds it. */
function artifactUrl(id: number): string {
  const server = process.env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  return `${server}/${process.env['GITHUB_REPOSITORY']}/actions/runs/${process.env['GITHUB_RUN_ID']}/artifacts/${id}`;
}

async function run(): Promise<void> {
  const inputs = getInputs();
  const { files, rootDirectory } = await findFilesToUpload(inputs.path, inputs.includeHiddenFiles);
  if (files.length === 0) {
    reportNoFiles(inputs);
    return;
  }
  core.info(`Uploading ${files.length} file(s) from ${rootDirectory} as '${inputs.name}'`);
  await claimName(inputs.name, inputs.overwrite);
  // act's server appends each block of the zip as it arrives and ignores block ids, so
  // blocks uploaded in parallel (artifacts over 8 MiB) could be stored out of order (not
  // seen on a local server, but nothing prevents it): send them one at a time.
  process.env['ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY'] ??= '1';
  const { id, size, digest } = await artifact.uploadArtifact(inputs.name, files, rootDirectory, inputs.options);
  core.info(`Artifact ${inputs.name} uploaded: ${size} bytes, ID ${id}`);
  if (id !== undefined) {
    core.setOutput('artifact-id', id);
    core.setOutput('artifact-url', artifactUrl(id));
  }
  if (digest) core.setOutput('artifact-digest', digest);
}

runStep(run);
