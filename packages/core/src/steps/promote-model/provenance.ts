import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import { readInputText } from '../../fs-input.js';
import { ignoredRecordWarning, readRunRecords, type StepRecord } from '../../records/step-records.js';
import type { Provenance } from '../../registry/lineage.js';
import type { InputReader } from '../../spec/inputs.js';
import type { promoteModelSpec } from './spec.js';

/**
 * How the model was made: each fact from its input when given, else from
 * the record the step that knows it left in this run (data-pull, setup-env,
 * the training whose `outputs` folder holds `path`). Records of other runs
 * are never used, only named in a warning: a fact nobody established in this
 * run stays unknown (null) rather than borrowed from an earlier build.
 */
export async function readProvenance(reader: InputReader<typeof promoteModelSpec>, host: Host, modelPath: string): Promise<Provenance> {
  const cwd = host.context.cwd;
  const given = {
    dataDigest: reader.get('data-digest'),
    dataManifest: reader.get('data-manifest'),
    envFingerprint: reader.get('env-fingerprint'),
    imageDigest: reader.get('image-digest'),
  };
  const data = given.dataDigest && given.dataManifest ? null : await thisRunsRecord(host, 'data-pull', 'data-digest and data-manifest');
  const env = given.envFingerprint ? null : await thisRunsRecord(host, 'setup-env', 'env-fingerprint');
  const training = given.imageDigest ? null : await trainingOf(host, path.resolve(cwd, modelPath));
  const manifestPath = given.dataManifest ?? outputOf(data, 'manifest');
  const provenance: Provenance = {
    dataDigest: given.dataDigest ?? outputOf(data, 'digest'),
    dataManifest: manifestPath ? await readManifest(manifestPath, cwd) : null,
    envFingerprint: given.envFingerprint ?? outputOf(env, 'fingerprint'),
    imageDigest: given.imageDigest ?? outputOf(training, 'image-digest'),
  };
  const used = [data, env, training].filter((record): record is StepRecord => record !== null);
  if (used.length > 0) host.info(`Lineage from the records of this run (${host.context.run.id}): ${used.map((record) => record.file).join(', ')}`);
  return provenance;
}

/**
 * The record `step` left in this run, when that run succeeded; the records
 * of other runs are named in a warning and left aside. A failed step's
 * record is no fact: it is named in a warning and read as no record.
 */
async function thisRunsRecord(host: Host, step: string, instead: string): Promise<StepRecord | null> {
  const records = await readRunRecords(host.context.workspace, host.context.run, step);
  for (const ignored of records.ignored) host.warning(ignoredRecordWarning(ignored, host.context.run, instead));
  const latest = records.mine[0];
  if (latest === undefined) return null;
  if (latest.outcome === 'ok') return latest;
  host.warning(failedRecordWarning(latest, instead));
  return null;
}

function failedRecordWarning(record: StepRecord, instead: string): string {
  return `${record.step} last ended ${record.outcome} in this run (${record.file}), so its outputs are not lineage. Give ${instead} to record it.`;
}

/**
 * The training of this run whose `outputs` folder holds the model: its
 * image is the one the model was made in. Two such trainings (nested
 * folders) leave no way to tell which made the model, so the step refuses to
 * guess; a failed one made nothing there and is named in a warning; none is not an error (the model may come from elsewhere), but when
 * this run trained into other folders, a warning says so.
 */
async function trainingOf(host: Host, modelPath: string): Promise<StepRecord | null> {
  const records = await readRunRecords(host.context.workspace, host.context.run, 'train-in-container');
  for (const ignored of records.ignored) host.warning(ignoredRecordWarning(ignored, host.context.run, 'image-digest'));
  const model = await realOrResolved(modelPath, host.context.cwd);
  const holding: StepRecord[] = [];
  for (const record of records.mine) {
    const folder = record.outputs['outputs'];
    if (folder && isWithin(await realOrResolved(folder, host.context.cwd), model)) holding.push(record);
  }
  const folders = (list: readonly StepRecord[]) => list.map((record) => JSON.stringify(record.outputs['outputs'] || '(none)')).join(', ');
  // A failed training moved nothing into its folder: what is there came from elsewhere.
  for (const failed of holding.filter((record) => record.outcome !== 'ok')) host.warning(failedRecordWarning(failed, 'image-digest'));
  const succeeded = holding.filter((record) => record.outcome === 'ok');
  if (succeeded.length > 1) {
    throw new InputError(
      'image-digest',
      `is empty, and path ${JSON.stringify(modelPath)} lies inside the outputs of ${succeeded.length} trainings of this run (${folders(succeeded)}), so which image made the model cannot be told: give image-digest`,
    );
  }
  if (holding.length === 0 && records.mine.length > 0) {
    host.warning(`No training of this run wrote into a folder holding path ${JSON.stringify(modelPath)} (their outputs: ${folders(records.mine)}); the image digest is not recorded. Give image-digest to record it.`);
  }
  return succeeded[0] ?? null;
}

function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

/** Symlinks resolved where the path exists, so a folder reached two ways is one folder. */
async function realOrResolved(file: string, cwd: string): Promise<string> {
  const absolute = path.resolve(cwd, file);
  return realpath(absolute).catch(() => absolute);
}

async function readManifest(file: string, cwd: string): Promise<unknown> {
  const text = await readInputText({ input: 'data-manifest', what: 'data manifest', file, cwd });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // a manifest in another format is recorded as text
  }
}

function outputOf(record: StepRecord | null, name: string): string | null {
  const value = record?.outputs[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
