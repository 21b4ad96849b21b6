import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs-atomic.js';
import type { RunContext, RunIdentity } from '../host/types.js';

/**
 * `.mlops-ci/` in the workspace: where each step leaves a record of its
 * outputs and how it ended for the steps after it (promote-model's lineage: data digest, env
 * fingerprint, image digest). This module is the only one that writes or
 * reads records there. A workspace outlives a run (a reused Jenkins
 * workspace, a self-hosted runner), so every record names the run that wrote
 * it, and a reader takes only the records of its own run.
 *
 * Layout:
 *   .mlops-ci/<step>.json                  the step's last record (one per run is enough)
 *   .mlops-ci/<step>/<key digest>.json     steps keyed by one of their outputs:
 *                                          one record per key, so two trainings
 *                                          into two folders (Jenkins `parallel`)
 *                                          both keep theirs
 */
export const RECORDS_DIR = '.mlops-ci';

/**
 * The records format; a bare outputs object (what mlops-ci wrote before runs
 * were recorded) has none. Schema 2 had no outcome: it was written only on
 * success, so it reads as 'ok'.
 */
const SCHEMA = 3;
const SCHEMA_WITHOUT_OUTCOME = 2;

/** A keyed record's name: the first hex digits of the sha256 of its key. */
const KEY_DIGITS = 16;
const KEYED_RECORD_NAME = new RegExp(`^[0-9a-f]{${KEY_DIGITS}}\\.json$`);

/** When a record was written, as `toISOString()` gives it; the only form it is ever printed in. */
const WRITTEN_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A record is a few hundred bytes; anything much larger is not one (and is not read whole). */
const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Steps whose records are keyed by one of their outputs, one record per
 * value: a training by its `outputs` folder, so promote-model can pick the
 * training whose folder holds the model it registers.
 */
const KEYED_BY: Readonly<Record<string, string>> = { 'train-in-container': 'outputs' };

/**
 * How the step run that wrote a record ended: only an 'ok' record's outputs
 * may be taken as facts; the others say the step ran and did not succeed.
 */
export type StepOutcome = 'ok' | 'gate-failed' | 'failed';
const OUTCOMES: readonly string[] = ['ok', 'gate-failed', 'failed'] satisfies readonly StepOutcome[];

/** What one step run left for the steps after it. */
export interface StepRecord {
  readonly step: string;
  readonly outcome: StepOutcome;
  readonly run: RunIdentity;
  readonly writtenAt: string;
  readonly outputs: Readonly<Record<string, string>>;
  /** Where it is, relative to the workspace (for messages). */
  readonly file: string;
}

/** A record that is not this run's, or not a record at all, and why. */
export interface IgnoredRecord {
  readonly file: string;
  readonly reason: string;
}

/** This run's records of one step, and those left aside. */
export interface RunRecords {
  readonly mine: readonly StepRecord[];
  readonly ignored: readonly IgnoredRecord[];
}

/**
 * Writes the record of a step's outputs for this run, whole or not at all,
 * and returns its path relative to the workspace. Throws when the records
 * folder is not a plain folder (a symlink planted in the repository would
 * lead the write outside the workspace): the caller decides whether that
 * fails anything.
 */
export async function writeStepRecord(context: RunContext, step: string, outcome: StepOutcome, outputs: Readonly<Record<string, string>>): Promise<string> {
  const file = recordFile(step, outputs);
  await refuseNonFolder(context.workspace, RECORDS_DIR);
  if (KEYED_BY[step] !== undefined) await refuseNonFolder(context.workspace, path.dirname(file));
  const record: Omit<StepRecord, 'file'> & { schema: number } = {
    schema: SCHEMA,
    step,
    outcome,
    run: context.run,
    writtenAt: new Date().toISOString(),
    outputs,
  };
  await writeFileAtomic(path.join(context.workspace, file), `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/**
 * Every record of `step` in the workspace, split into those this run wrote
 * and the rest (another run's, an older mlops-ci's without a run, damaged
 * ones): only the first may be trusted. No records at all is not an error.
 */
export async function readRunRecords(workspace: string, run: RunIdentity, step: string): Promise<RunRecords> {
  const files = KEYED_BY[step] !== undefined ? await keyedRecordFiles(workspace, step) : [path.join(RECORDS_DIR, `${step}.json`)];
  const mine: StepRecord[] = [];
  const ignored: IgnoredRecord[] = [];
  for (const file of files) {
    const read = await readRecord(workspace, file, step);
    if (read === null) continue;
    if ('reason' in read) ignored.push(read);
    else if (read.run.id === run.id) mine.push(read);
    else ignored.push({ file, reason: `it was written at ${read.writtenAt} by run ${JSON.stringify(read.run.id)}, not this run (${JSON.stringify(run.id)})` });
  }
  return { mine, ignored };
}

/**
 * The warning for a record left aside, naming it and its run; outside CI it
 * also says how to make several commands one run.
 */
export function ignoredRecordWarning(ignored: IgnoredRecord, run: RunIdentity, instead: string): string {
  const chain =
    run.source === 'process'
      ? ' Outside CI every mlops-ci command is a run of its own unless MLOPS_CI_RUN_ID is set: export one MLOPS_CI_RUN_ID before the steps of one pipeline.'
      : '';
  return `Ignored ${ignored.file}: ${ignored.reason}.${chain} Give ${instead} to record it.`;
}

function recordFile(step: string, outputs: Readonly<Record<string, string>>): string {
  const keyOutput = KEYED_BY[step];
  if (keyOutput === undefined) return path.join(RECORDS_DIR, `${step}.json`);
  // A digest, not the value: the key is an absolute path, and a file name must stay one name.
  const key = createHash('sha256').update(outputs[keyOutput] ?? '').digest('hex').slice(0, KEY_DIGITS);
  return path.join(RECORDS_DIR, step, `${key}.json`);
}

async function keyedRecordFiles(workspace: string, step: string): Promise<string[]> {
  const folder = path.join(RECORDS_DIR, step);
  const entries = await readdir(path.join(workspace, folder)).catch(() => []);
  // Only names this module writes: a writer's staging file (`<name>.json.tmp-…`) is skipped, and a
  // planted name (one holding a newline and a workflow command) never reaches a log line.
  return entries.filter((name) => KEYED_RECORD_NAME.test(name)).sort().map((name) => path.join(folder, name));
}

/** The record in `file`, a reason to ignore it, or null when there is none. */
async function readRecord(workspace: string, file: string, step: string): Promise<StepRecord | IgnoredRecord | null> {
  const absolute = path.join(workspace, file);
  const info = await lstat(absolute).catch(() => null);
  if (!info) return null;
  // A FIFO would block the read forever, a symlink could lead anywhere: mlops-ci writes neither.
  if (!info.isFile()) return { file, reason: 'it is not a regular file' };
  if (info.size > MAX_RECORD_BYTES) return { file, reason: `it is ${info.size} bytes, more than a record can be` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(absolute, 'utf8'));
  } catch {
    return { file, reason: 'it is not JSON' };
  }
  return recordFrom(parsed, file, step);
}

function recordFrom(parsed: unknown, file: string, step: string): StepRecord | IgnoredRecord {
  if (!isObject(parsed)) return { file, reason: 'it is not a record mlops-ci wrote' };
  if (parsed['schema'] === undefined) return { file, reason: 'it was written by an older mlops-ci, which did not record the run' };
  const { schema, run, writtenAt, outputs } = parsed;
  const outcome = schema === SCHEMA_WITHOUT_OUTCOME ? 'ok' : parsed['outcome'];
  const outcomeOk = typeof outcome === 'string' && OUTCOMES.includes(outcome);
  const runOk = isObject(run) && typeof run['id'] === 'string' && typeof run['source'] === 'string';
  const outputsOk = isObject(outputs) && Object.values(outputs).every((value) => typeof value === 'string');
  const writtenAtOk = typeof writtenAt === 'string' && WRITTEN_AT.test(writtenAt);
  const schemaOk = schema === SCHEMA || schema === SCHEMA_WITHOUT_OUTCOME;
  if (!schemaOk || parsed['step'] !== step || !outcomeOk || !runOk || !writtenAtOk || !outputsOk) {
    return { file, reason: 'it is not a record mlops-ci wrote' };
  }
  return { step, outcome: outcome as StepOutcome, run: run as unknown as RunIdentity, writtenAt: writtenAt as string, outputs: outputs as Record<string, string>, file };
}

/** Throws when `relative` exists and is anything but a real folder. */
async function refuseNonFolder(workspace: string, relative: string): Promise<void> {
  const info = await lstat(path.join(workspace, relative)).catch(() => null);
  if (info && !info.isDirectory()) throw new Error(`${relative} in the workspace is not a folder (a symlink or a file), so no record is written there`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
