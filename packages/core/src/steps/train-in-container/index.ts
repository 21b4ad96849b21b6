/**
 * train-in-container: run training in a container, the same image on a
 * laptop, a GitHub runner and a Jenkins agent.
 *
 * The story: read every input (bad input stops here, exit 2, nothing done) →
 * check the runtime answers and can give what was asked (GPUs) → get the
 * image (pull, or build from the Dockerfile unless an image with the same
 * build-inputs digest exists) → create a staging folder beside outputs →
 * run the command with logs streaming live, under the timeout and the cancel
 * signals, and remove the container whatever happens → hand the staged files
 * back to the caller, and move them into outputs only when the command
 * succeeded → return the outputs, failed (exit 1) with the last log lines
 * when the command failed or hit the timeout.
 */
import { mkdir } from 'node:fs/promises';
import type { Mount } from '../../container/parse.js';
import { createRuntime } from '../../container/runtime.js';
import { StagedOutputs } from '../../container/staged-outputs.js';
import { superviseRun, TIMEOUT_GRACE_SECONDS, type RunOutcome } from '../../container/supervise.js';
import type { ContainerRuntime, ImageInfo, RunPlan } from '../../container/types.js';
import type { Host } from '../../host/types.js';
import { redactUrlCredentials } from '../../redact.js';
import { renderStepSummary } from '../summary.js';
import type { StepResult } from '../types.js';
import type { InputReader } from '../../spec/inputs.js';
import { checkWithCluster, runOnKubernetes } from './kubernetes.js';
import { callerUser, planTrain, type ImageSource, type TrainPlan } from './plan.js';
import { containerName, LABEL, prepareImage, runOutputs, TAIL_LINES } from './prepare.js';
import type { trainInContainerSpec } from './spec.js';

/** Reads the inputs; a Kubernetes run also has the API server validate its Job (a dry run), so a refusal is bad input. */
export async function plan(reader: InputReader<typeof trainInContainerSpec>, host: Host): Promise<TrainPlan> {
  const planned = planTrain(reader, host);
  if (planned.kubernetes !== null) await checkWithCluster(planned, planned.kubernetes, host);
  return planned;
}

export async function run(inputs: TrainPlan, host: Host): Promise<StepResult> {
  for (const warning of inputs.warnings) host.warning(warning);
  // A Job on a cluster is no ContainerRuntime: no local container, mounts or staging mount.
  if (inputs.kubernetes !== null) return runOnKubernetes(inputs, inputs.kubernetes, host);
  const runtime = createRuntime(inputs.runtime, { cwd: host.context.cwd, env: host.context.env });
  const described = await host.group('Check the runtime', () => runtime.verify(inputs.resources));
  if (inputs.runtime === 'host') warnAboutHostRuntime(inputs, host);
  else host.info(`Runtime: ${described}`);

  const image = inputs.runtime === 'host' ? { id: '', digest: '', repoDigests: [] } : await host.group('Get the image', () => prepareImage(runtime, inputs.image, host));
  const staged = await prepareOutputs(inputs);
  let settled = false;
  try {
    const plan = planRun(inputs, host, image, staged);
    const tail: string[] = [];
    // Each line goes through the host, which keeps a line the runner could read as a workflow command inert.
    const outcome = await host.group(`Train (${inputs.runtime}, container ${plan.name})`, () =>
      superviseRun(runtime, plan, {
        ...(inputs.timeoutSeconds !== undefined ? { timeoutSeconds: inputs.timeoutSeconds } : {}),
        onLine: (line) => {
          tail.push(line);
          if (tail.length > TAIL_LINES) tail.shift();
          host.info(line);
        },
        onQuiet: (elapsed) => host.info(`[mlops-ci] still running after ${formatSeconds(elapsed)}, no output in the last minute`),
      }),
    );
    const failure = failureOf(outcome, inputs, tail);
    if (staged) {
      await settleOutputs(staged, runtime, image, inputs, failure === null);
      settled = true;
    }

    const outputs = await runOutputs(inputs, outcome, image, failure === null);
    await host.appendSummary(summary(inputs, described, image, outcome, failure === null));
    // A failed run still hands back its outputs, so a later `if: failure()` step can read the exit code.
    if (failure) return { outputs, failure: { kind: 'failed', message: failure } };
    host.info(`The command exited 0 after ${formatSeconds(outcome.durationSeconds)}.`);
    return { outputs };
  } finally {
    // The run could not start, or handing back failed: what was staged is not kept, and outputs stays as it was.
    if (staged && !settled) await staged.discard().catch((err: Error) => host.warning(`could not remove the staging folder ${staged.folder}: ${err.message}`));
  }
}

/**
 * In a container the command writes `outputs` into a staging folder mounted
 * at its path (see StagedOutputs); the host runtime has no mounts to do that
 * with, so there the folder is written in place, as the step warns.
 */
async function prepareOutputs(inputs: TrainPlan): Promise<StagedOutputs | null> {
  if (!inputs.outputs) return null;
  if (inputs.runtime === 'host') {
    await mkdir(inputs.outputs, { recursive: true });
    return null;
  }
  return StagedOutputs.create(inputs.outputs);
}

/**
 * Hands the staged files to the caller when the command ran as another user
 * (the caller could not otherwise move or remove them), then moves them into
 * place when the run succeeded, or removes them when it did not.
 */
async function settleOutputs(staged: StagedOutputs, runtime: ContainerRuntime, image: ImageInfo, inputs: TrainPlan, succeeded: boolean): Promise<void> {
  const caller = callerUser();
  if (inputs.user !== caller) await runtime.handBack(image.id, staged.folder, caller);
  if (succeeded) await staged.commit();
  else await staged.discard();
}

/** Host folders at the same absolute paths inside: workdir, data (read-only), outputs (its staging folder), then the extra mounts. */
function planRun(inputs: TrainPlan, host: Host, image: ImageInfo, staged: StagedOutputs | null): RunPlan {
  const mounts: Mount[] = [{ source: inputs.workdir, target: inputs.workdir, readOnly: false }];
  if (inputs.data) mounts.push({ source: inputs.data, target: inputs.data, readOnly: true });
  if (staged) mounts.push({ source: staged.folder, target: staged.outputs, readOnly: false });
  mounts.push(...inputs.mounts);
  // One mount per container path (the engine refuses duplicates): a later, more specific one wins.
  const byTarget = new Map(mounts.map((mount) => [mount.target, mount]));
  const env = new Map<string, string>();
  // The caller's uid usually has no passwd entry in the image, so HOME would be `/`, which it cannot write.
  if (inputs.runtime !== 'host') env.set('HOME', '/tmp');
  if (inputs.data) env.set('MLOPS_DATA_DIR', inputs.data);
  if (inputs.outputs) env.set('MLOPS_OUTPUT_DIR', inputs.outputs);
  for (const [key, value] of inputs.env) env.set(key, value);
  const name = containerName(host);
  return {
    name,
    image: image.id,
    command: inputs.command,
    workdir: inputs.workdir,
    mounts: [...byTarget.values()],
    env,
    resources: inputs.resources,
    user: inputs.user,
    labels: { [LABEL]: 'train-in-container', 'io.mlops-ci.run': name },
  };
}

function failureOf(outcome: RunOutcome, inputs: TrainPlan, tail: readonly string[]): string | null {
  const last = tail.length > 0 ? `\nLast ${tail.length} lines of the log:\n${tail.join('\n')}` : '';
  if (outcome.cancelledBy) return `the step was cancelled (${outcome.cancelledBy}): the command was stopped and its container removed${last}`;
  if (outcome.timedOut) {
    return `the command hit the timeout of ${formatSeconds(inputs.timeoutSeconds ?? 0)}: it was stopped (SIGTERM, then SIGKILL after ${TIMEOUT_GRACE_SECONDS} s) and its container removed${last}`;
  }
  if (outcome.exitCode === 0) return null;
  const why = outcome.exitCode === 137 ? ' (killed: out of memory, or SIGKILL)' : outcome.exitCode === 125 && inputs.runtime !== 'host' ? ` (${inputs.runtime} could not start the container)` : '';
  return `the command exited with ${outcome.exitCode}${why} after ${formatSeconds(outcome.durationSeconds)}${last}`;
}

function warnAboutHostRuntime(inputs: TrainPlan, host: Host): void {
  host.warning(
    'runtime: host — the command runs DIRECTLY ON THIS RUNNER, not in a container: no image, no isolation, outputs written in place (a failed run can leave partial files), and the network, user, cpus, memory, shm-size and gpus inputs are not enforced. Results depend on what this machine has installed.',
  );
  if (inputs.mounts.length > 0) host.warning(`runtime: host ignores mounts (${inputs.mounts.map((mount) => `${mount.source}:${mount.target}`).join(', ')}): the command sees host paths as they are.`);
  if (inputs.image.kind === 'reference' && inputs.image.ref) host.warning(`runtime: host ignores image ${inputs.image.ref}.`);
}

/** What ran, where, in what image, how long and how it ended: the facts a reader of a failed job looks for first. */
function summary(inputs: TrainPlan, runtime: string, image: ImageInfo, outcome: RunOutcome, succeeded: boolean): string {
  const inContainer = inputs.runtime !== 'host';
  return renderStepSummary({
    step: 'train-in-container',
    outcome: succeeded ? 'ok' : 'failed',
    headline: `${endingOf(outcome)} after ${formatSeconds(outcome.durationSeconds)}`,
    rows: [
      ['runtime', inContainer ? runtime : 'host (no container)'],
      ['image', inContainer ? imageSourceOf(inputs.image) : null],
      ['image digest', inContainer ? { code: image.digest } : null],
      ['command', { code: redactUrlCredentials(commandText(inputs.command)) }],
      ['duration', formatSeconds(outcome.durationSeconds)],
      ['exit code', outcome.exitCode],
      ['outputs', inputs.outputs ? (succeeded ? { code: inputs.outputs } : `${inputs.outputs} (left as it was: the run failed)`) : null],
    ],
  });
}

function endingOf(outcome: RunOutcome): string {
  if (outcome.cancelledBy) return `cancelled (${outcome.cancelledBy})`;
  if (outcome.timedOut) return 'stopped at the timeout';
  return `exited ${outcome.exitCode}`;
}

function imageSourceOf(source: ImageSource): string {
  return source.kind === 'reference' ? source.ref : `built from ${source.dockerfile}`;
}

/** argv as JSON (unambiguous about spaces and quotes), a shell script as written. */
function commandText(command: TrainPlan['command']): string {
  return command.kind === 'argv' ? JSON.stringify(command.argv) : command.script;
}

function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds * 10) / 10} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 120 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
