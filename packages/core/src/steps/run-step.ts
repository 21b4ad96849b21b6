import { categoryOf, EXIT, exitCodeOf, InputError, locationOf, messageOf, type ErrorCategory } from '../errors.js';
import { createHost, type Launch } from '../host/detect.js';
import { writeErrorFile } from '../host/jenkins.js';
import { withEnvFallbacks } from '../host/raw-inputs.js';
import type { Host } from '../host/types.js';
import { excludeRecordsFromGit } from '../records/git-exclude.js';
import { RECORDS_DIR, writeStepRecord, type StepOutcome } from '../records/step-records.js';
import { InputReader } from '../spec/inputs.js';
import { redactUrlCredentials } from '../redact.js';
import { storeSecrets } from '../storage/secret-env.js';
import type { RawInputs, StepSpec } from '../spec/types.js';
import { VERSION } from '../version.js';
import type { StepEntry, StepFailure, StepResult } from './types.js';

/**
 * Runs one step on the host this process is in and returns the exit code:
 * read and validate inputs, run, publish outputs, map errors to 1/2/3.
 * The same path serves the GitHub action, the Jenkins shim and the CLI.
 *
 * What it guarantees: a StepResult (success, failed gate, failed work) has
 * its outputs published and recorded with its outcome; a thrown error
 * publishes and records nothing. An InputError means exit 2 only from
 * plan; escaping run() it is exit 1, since work had started.
 */
export async function runStep(entry: StepEntry, launch: Launch, cliInputs: Record<string, unknown> = {}): Promise<number> {
  const { env } = launch;
  let host: Host;
  try {
    host = await createHost(entry.spec.name, launch, cliInputs);
  } catch (err) {
    process.stderr.write(`error: ${redactUrlCredentials(messageOf(err))}\n`);
    await writeErrorFileWithoutHost(env, err);
    return exitCodeOf(err);
  }
  // The Node is the host's choice (the runner's node24 on GitHub, the first
  // `node` on PATH elsewhere): a debug log says which one ran the step.
  host.debug(`runStep: mlops-ci ${VERSION} runs ${entry.spec.name} on Node ${process.version}`);
  try {
    const step = await entry.load();
    const raw = withEnvFallbacks(host.inputs, entry.spec, env);
    maskSecretInputs(entry.spec, raw, host);
    for (const secret of storeSecrets(host.context.env)) host.setSecret(secret);
    const plan = await step.plan(new InputReader(entry.spec, raw), host);
    const result = await runPastPlanning(() => step.run(plan, host));
    publishOutputs(entry.spec, result, host);
    await recordOutputs(entry.spec.name, result, host);
    const ending = endingOf(result);
    await host.finish(ending);
    return ending.exitCode;
  } catch (err) {
    const exitCode = exitCodeOf(err);
    if (exitCode === EXIT.failure && err instanceof Error && err.stack) host.debug(err.stack);
    const at = locationOf(err);
    await host.finish({ exitCode, error: { message: messageOf(err), category: categoryOf(err), ...(at ? { at } : {}) } });
    return exitCode;
  }
}

function publishOutputs(spec: StepSpec, result: StepResult, host: Host): void {
  const types = new Map(spec.outputs.map((output) => [output.name, output.type]));
  for (const [name, value] of Object.entries(result.outputs)) host.setOutput(name, value, types.get(name));
}

/** The exit code and error a result ends the step with. */
function endingOf(result: StepResult): { exitCode: number; error?: { message: string; category: ErrorCategory } } {
  switch (result.failure?.kind) {
    case undefined:
      return { exitCode: EXIT.ok };
    case 'gate':
      return { exitCode: EXIT.gateFailed, error: { message: result.failure.message, category: 'gate' } };
    case 'failed':
      return { exitCode: EXIT.failure, error: { message: result.failure.message, category: 'failure' } };
  }
}

const OUTCOME_OF: Readonly<Record<StepFailure['kind'], StepOutcome>> = { gate: 'gate-failed', failed: 'failed' };

/**
 * Runs the work. An InputError from here was found after work started, so
 * it cannot promise "nothing done" (exit 2): it becomes a plain failure
 * (exit 1) that keeps its message and says so. Checks that can be made
 * before work belong in plan.
 */
async function runPastPlanning(work: () => Promise<StepResult>): Promise<StepResult> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InputError) throw new Error(`${err.message} (found after the step had started its work, so it may have done part of it)`, { cause: err });
    throw err;
  }
}

/**
 * No host could be made (MLOPS_CI_INPUTS is not JSON): the Jenkins shim still
 * gets the error file it reads its message from, as from any other failure.
 */
async function writeErrorFileWithoutHost(env: NodeJS.ProcessEnv, err: unknown): Promise<void> {
  await writeErrorFile(env, { message: messageOf(err), category: categoryOf(err), exitCode: exitCodeOf(err) }).catch(() => undefined);
}

/**
 * Leaves the step's outputs as this run's record in `.mlops-ci/` of the
 * workspace, which later steps of the same run read when not given a value
 * (promote-model's lineage: the data digest, the env fingerprint, the image
 * digest), and keeps that folder out of git. Optional work: a read-only
 * workspace or repository gets a warning, not a failure.
 */
async function recordOutputs(step: string, result: StepResult, host: Host): Promise<void> {
  const { workspace, env } = host.context;
  const outcome = result.failure ? OUTCOME_OF[result.failure.kind] : 'ok';
  await Promise.all([
    writeStepRecord(host.context, step, outcome, result.outputs).then(
      (file) => host.debug(`recorded the outputs in ${file} for run ${host.context.run.id}`),
      (err: unknown) => host.warning(`Could not record the outputs in ${RECORDS_DIR}/: ${messageOf(err)}`),
    ),
    excludeRecordsFromGit({ cwd: workspace, env }).then(
      (outcome) => outcome === 'added' && host.info(`Added ${RECORDS_DIR}/ to the repository's .git/info/exclude, so step records are never committed.`),
      (err: unknown) => host.warning(`Could not add ${RECORDS_DIR}/ to .git/info/exclude: ${messageOf(err)}`),
    ),
  ]);
}

function maskSecretInputs(spec: StepSpec, raw: RawInputs, host: Host): void {
  for (const input of spec.inputs) {
    const value = input.secret ? raw.get(input.name) : undefined;
    if (typeof value === 'string') host.setSecret(value);
  }
}
