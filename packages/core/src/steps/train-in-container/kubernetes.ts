/**
 * train-in-container with `runtime: kubernetes`: the training runs as a Job
 * on a cluster, with the same inputs, outputs, logs, timeout and cancel
 * semantics as a container run.
 *
 * The story: connect (kubeconfig, context, namespace) → pin the image (a tag
 * resolved to its registry digest; a Dockerfile built and pushed by Docker,
 * as the Docker path does) → submit the Job and watch it under superviseRun
 * (the timeout and SIGTERM/SIGINT delete the Job, and the step waits until
 * no pod is left) with pod 0's log streamed live → on success, download the
 * run's outputs prefix into a staging folder and move it into `outputs` →
 * return the outputs, failed (exit 1) with the failing pods' last log lines
 * when the Job failed.
 */
import { randomBytes } from 'node:crypto';
import { connectToCluster, type KubeConnection } from '../../container/kubernetes/cluster.js';
import { pinImage } from '../../container/kubernetes/image.js';
import { KubeRefusedError, statusCodeOf } from '../../container/kubernetes/api-errors.js';
import { dryRunObjects, KubeJobRun } from '../../container/kubernetes/job-run.js';
import { outputsUrlOf, type KubeRun } from '../../container/kubernetes/manifests.js';
import { downloadOutputs } from '../../container/kubernetes/outputs.js';
import type { KubeTarget } from '../../container/kubernetes/target.js';
import { createRuntime } from '../../container/runtime.js';
import { StagedOutputs } from '../../container/staged-outputs.js';
import { superviseRun, type RunOutcome } from '../../container/supervise.js';
import type { ImageInfo } from '../../container/types.js';
import { InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import { redactUrlCredentials } from '../../redact.js';
import { renderStepSummary } from '../summary.js';
import type { StepResult } from '../types.js';
import type { TrainPlan } from './plan.js';
import { containerName, prepareImage, runOutputs, TAIL_LINES } from './prepare.js';

/** At most this many failing pods have their log tail in the error (a 100-worker Job can fail everywhere at once). */
const TAILED_PODS = 3;
/**
 * Job names are DNS-1123 labels, and an Indexed Job's pods are named
 * `<job>-<index>` as their hostname (63 at most), so the name leaves room for the index.
 */
const MAX_JOB_NAME = 52;

export async function runOnKubernetes(inputs: TrainPlan, target: KubeTarget, host: Host): Promise<StepResult> {
  const connection = await connectionFor(target, host);
  host.info(`Cluster ${connection.server}, namespace ${connection.namespace} (from ${connection.source})`);
  const image = await host.group('Get the image', () => pinnedImage(inputs, host));
  const run = kubeRun(inputs, target, connection.namespace, image.digest, jobName(host));
  const outputsUrl = outputsUrlOf(run);
  const staged = inputs.outputs !== null && outputsUrl !== undefined ? await StagedOutputs.create(inputs.outputs) : null;
  let settled = false;
  try {
    let job: KubeJobRun | undefined;
    const outcome = await host.group(`Train (kubernetes, Job ${run.name} in namespace ${run.namespace})`, () =>
      superviseRun(
        {
          start: (_run: KubeRun, onLine) => (job = new KubeJobRun(connection, run, onLine)),
          remove: async () => job?.remove(),
        },
        run,
        {
          ...(inputs.timeoutSeconds !== undefined ? { timeoutSeconds: inputs.timeoutSeconds } : {}),
          // The error repeats the failing pods' log tails, read from the cluster (tailsOf), not pod 0's stream.
          onLine: (line) => host.info(line),
          onQuiet: (elapsed) => host.info(`[mlops-ci] Job ${run.name} still running after ${elapsed} s, no output in the last minute`),
        },
      ),
    );
    const result = job?.outcome;
    const failure = await failureOf(outcome, job, inputs);
    if (staged && outputsUrl !== undefined) {
      if (failure === null) {
        await host.group(`Download the outputs from ${outputsUrl}`, () => fetchOutputs(outputsUrl, staged, host));
        await staged.commit();
      } else await staged.discard();
      settled = true;
    }
    const outputs = {
      ...(await runOutputs(inputs, outcome, image, failure === null)),
      'job-name': run.name,
      namespace: run.namespace,
      pod: result?.pod ?? '',
      node: result?.node ?? '',
    };
    await host.appendSummary(summary(inputs, run, outputs, failure === null));
    if (failure !== null) return { outputs, failure: { kind: 'failed', message: failure } };
    host.info(`Job ${run.name} completed after ${outcome.durationSeconds.toFixed(1)} s.`);
    return { outputs };
  } finally {
    if (staged && !settled) await staged.discard().catch((err: Error) => host.warning(`could not remove the staging folder ${staged.folder}: ${err.message}`));
  }
}

/**
 * Planning's last check: the API server validates the Job, and the Secret
 * and Service the run makes beside it, as the inputs make them (a dry run,
 * nothing stored). A value only the server refuses, such as a label it
 * reserves, or a namespace that does not exist, is then bad input (exit 2)
 * naming the input, found before an image is built or pushed; so is a
 * missing permission to create them, or a cluster that does not answer
 * (exit 1, nothing done).
 */
export async function checkWithCluster(inputs: TrainPlan, target: KubeTarget, host: Host): Promise<void> {
  const connection = await connectionFor(target, host);
  // The image is pinned later (a tag resolved, a Dockerfile built): any reference of the same shape validates alike.
  const image = inputs.image.kind === 'reference' ? inputs.image.ref : `${inputs.image.push ? `${inputs.image.push.registry}/${inputs.image.push.repository}` : 'image'}:latest`;
  try {
    await dryRunObjects(connection, kubeRun(inputs, target, connection.namespace, image, jobName(host)));
  } catch (err) {
    if (err instanceof KubeRefusedError && err.input !== undefined) throw new InputError(err.input, err.reason, { cause: err });
    if (err instanceof Error && statusCodeOf(err.cause) === 404) {
      throw new InputError('namespace', `namespace '${connection.namespace}' does not exist on the cluster ${connection.server} (from ${connection.source})`, { cause: err });
    }
    throw err;
  }
}

/**
 * One connection per target: planning connects to dry-run the Job, and the
 * run reuses that connection (the kubeconfig is read, and the client loaded,
 * once). Keyed by the plan's own target object, so a new plan connects anew.
 */
const connections = new WeakMap<KubeTarget, Promise<KubeConnection>>();

function connectionFor(target: KubeTarget, host: Host): Promise<KubeConnection> {
  let connection = connections.get(target);
  if (connection === undefined) {
    connection = connectToCluster(target, host.context.env);
    // A failed connection is not kept: the error is thrown to this caller, and a later one tries again.
    connection.catch(() => connections.delete(target));
    connections.set(target, connection);
  }
  return connection;
}

/**
 * Downloads what the pods wrote under the run's prefix into the staging
 * folder. A Job that completed yet wrote nothing there most often wrote
 * elsewhere (a wrong `outputs-url`, or a training that ignores
 * MLOPS_OUTPUT_URL): warned about, with the exact prefix, so it is seen at once.
 */
export async function fetchOutputs(outputsUrl: string, staged: Pick<StagedOutputs, 'folder' | 'outputs'>, host: Host): Promise<number> {
  const count = await downloadOutputs(outputsUrl, staged.folder, host.context);
  if (count === 0) {
    host.warning(`the Job completed but wrote nothing under ${outputsUrl}, the prefix its pods were told as MLOPS_OUTPUT_URL (from the input 'outputs-url'): ${staged.outputs} stays empty. Check that the training writes there.`);
  } else host.info(`${count} file${count === 1 ? '' : 's'} from ${outputsUrl} into ${staged.outputs}`);
  return count;
}

/** A reference pinned to its registry digest; a Dockerfile built and pushed (the plan requires `push`: the cluster must pull it). */
async function pinnedImage(inputs: TrainPlan, host: Host): Promise<ImageInfo> {
  const source = inputs.image;
  if (source.kind === 'reference') {
    const digest = await pinImage(source.ref);
    host.info(`Image ${source.ref}: ${digest}`);
    return { id: '', digest, repoDigests: [digest] };
  }
  const docker = createRuntime('docker', { cwd: host.context.cwd, env: host.context.env });
  return prepareImage(docker, source, host);
}

function kubeRun(inputs: TrainPlan, target: KubeTarget, namespace: string, image: string, name: string): KubeRun {
  const env = new Map<string, string>();
  const secretEnv = new Map<string, string>();
  for (const [key, value] of inputs.env) (inputs.secretNames.has(key) ? secretEnv : env).set(key, value);
  // The plan took a positive count of GPUs for runtime: kubernetes.
  const gpus = inputs.resources.gpus === undefined ? undefined : Number(inputs.resources.gpus);
  return {
    name,
    namespace,
    image,
    command: inputs.command,
    env,
    secretEnv,
    ...(inputs.resources.cpus !== undefined ? { cpus: inputs.resources.cpus } : {}),
    ...(inputs.resources.memoryBytes !== undefined ? { memoryBytes: inputs.resources.memoryBytes } : {}),
    ...(gpus !== undefined ? { gpus } : {}),
    ...(inputs.timeoutSeconds !== undefined ? { timeoutSeconds: inputs.timeoutSeconds } : {}),
    target,
  };
}

/** The run's container name made a DNS-1123 label: lower case, `-` for anything else, short enough for pod hostnames. */
export function jobName(host: Host): string {
  const base = containerName(host)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-');
  // containerName ends with its random part: that part is kept whole, the run part before it is what gets cut.
  const cut = base.lastIndexOf('-');
  const random = base.slice(cut + 1) || randomBytes(4).toString('hex');
  const head = base.slice(0, Math.min(cut, MAX_JOB_NAME - random.length - 1)).replace(/-+$/, '');
  return `${head}-${random}`;
}

async function failureOf(outcome: RunOutcome, job: KubeJobRun | undefined, inputs: TrainPlan): Promise<string | null> {
  const result = job?.outcome;
  const tails = job && result ? await tailsOf(job, result.failedPods) : '';
  if (outcome.cancelledBy) return `the step was cancelled (${outcome.cancelledBy}): the Job was deleted and its pods are gone${tails}`;
  if (outcome.timedOut || result?.deadlineExceeded) {
    return `the Job hit the timeout of ${inputs.timeoutSeconds ?? 0} s (activeDeadlineSeconds, and the step's own deadline): it was stopped and its pods are gone${tails}`;
  }
  if (outcome.exitCode === 0) return null;
  const pod = result?.pod ? ` in pod ${result.pod}${result.node ? ` on node ${result.node}` : ''}` : '';
  return `the command exited with ${outcome.exitCode}${pod} after ${outcome.durationSeconds.toFixed(1)} s${tails}`;
}

/** The last lines of the failing pods' logs, read from the cluster (pod 0's stream may not be the one that failed). */
async function tailsOf(job: KubeJobRun, pods: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const pod of pods.slice(0, TAILED_PODS)) {
    const text = await job.tailOf(pod, TAIL_LINES);
    if (text !== '') parts.push(`\nLast lines of the log of pod ${pod}:\n${text}`);
  }
  if (pods.length > TAILED_PODS) parts.push(`\n(${pods.length - TAILED_PODS} more pods failed: kubectl logs -l job-name=… shows them until the Job's TTL)`);
  return parts.join('');
}

function summary(inputs: TrainPlan, run: KubeRun, outputs: Readonly<Record<string, string>>, succeeded: boolean): string {
  return renderStepSummary({
    step: 'train-in-container',
    outcome: succeeded ? 'ok' : 'failed',
    headline: `Job ${run.name} ${succeeded ? 'completed' : 'failed'} after ${Number(outputs['duration-seconds']).toFixed(1)} s`,
    rows: [
      ['runtime', `kubernetes (namespace ${run.namespace})`],
      ['job', { code: run.name }],
      ['workers', run.target.workers],
      ['pod', outputs['pod'] ? { code: `${outputs['pod']}${outputs['node'] ? ` on ${outputs['node']}` : ''}` } : null],
      ['image digest', { code: run.image }],
      ['command', { code: redactUrlCredentials(inputs.command.kind === 'argv' ? JSON.stringify(inputs.command.argv) : inputs.command.script) }],
      ['exit code', outputs['exit-code'] ?? ''],
      ['outputs', inputs.outputs ? (succeeded ? { code: inputs.outputs } : `${inputs.outputs} (left as it was: the run failed)`) : null],
    ],
  });
}
