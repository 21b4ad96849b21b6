/**
 * What a run prepares before it starts, whichever runtime runs it: the image
 * (resolved, or built unless unchanged, and pushed) and the run's name.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildInputsDigest } from '../../container/build-key.js';
import type { RunOutcome } from '../../container/supervise.js';
import type { ContainerRuntime, ImageInfo } from '../../container/types.js';
import type { Host } from '../../host/types.js';
import type { ImageSource, TrainPlan } from './plan.js';

/** Label on every container and built image, to find them (and any leftover) by. */
export const LABEL = 'io.mlops-ci.step';

/** Log lines repeated in the error when the command fails (per failing pod on Kubernetes). */
export const TAIL_LINES = 30;

/** A reference is resolved (pulled when missing); a Dockerfile is built unless its build-inputs digest is already an image. */
export async function prepareImage(runtime: ContainerRuntime, source: ImageSource, host: Host): Promise<ImageInfo> {
  if (source.kind === 'reference') {
    const image = await runtime.resolveImage(source.ref, (line) => host.info(line));
    host.info(`Image ${source.ref}: ${image.id}`);
    if (image.digest === image.id) host.info(`${source.ref} has no registry digest (it was never pulled from or pushed to a registry): image-digest is its ID, which only this machine can resolve.`);
    return image;
  }
  const digest = await buildInputsDigest(source, async (ref) => (await runtime.findImage(ref))?.id ?? null);
  // The same digest prefix tags the image locally and in the registry, so either tells which build inputs made it.
  const tagPart = digest.slice(0, 32);
  const image = await buildUnlessTagged(runtime, source, digest, `mlops-ci-train:${tagPart}`, host);
  if (!source.push) return image;
  const pushed = await runtime.push(image, source.push, tagPart, (line) => host.info(line));
  host.info(`Image pinned as ${pushed}`);
  return { ...image, digest: pushed };
}

async function buildUnlessTagged(runtime: ContainerRuntime, source: Extract<ImageSource, { kind: 'build' }>, digest: string, tag: string, host: Host): Promise<ImageInfo> {
  const existing = await runtime.findImage(tag);
  if (existing) {
    host.info(`Build skipped: ${tag} already holds this Dockerfile, context and build args (${existing.id}).`);
    return existing;
  }
  host.info(`Building ${path.relative(host.context.cwd, source.dockerfile) || source.dockerfile} as ${tag}`);
  return runtime.build(
    { dockerfile: source.dockerfile, context: source.context, ...(source.target ? { target: source.target } : {}), buildArgs: source.buildArgs, tag, labels: { [LABEL]: 'train-in-container', 'io.mlops-ci.build-inputs': digest } },
    (line) => host.info(line),
  );
}

/**
 * Named after the run (GitHub run id and attempt, Jenkins job and build
 * number), plus a random part so the jobs of a matrix never collide.
 */
export function containerName(host: Host): string {
  const runPath = host.context.runUrl ? new URL(host.context.runUrl).pathname : '';
  const runPart = runPath
    .split('/')
    .filter((part) => part !== '' && !['actions', 'runs', 'attempts', 'job'].includes(part))
    .slice(-3)
    .join('-')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .slice(-40);
  return ['mlops-train', runPart || host.kind, randomBytes(4).toString('hex')].join('-');
}

/** The metrics file the run left in `outputs`, or '' when it left none. */
async function findMetrics(inputs: Pick<TrainPlan, 'outputs' | 'metricsFile'>): Promise<string> {
  if (!inputs.outputs) return '';
  const file = path.join(inputs.outputs, inputs.metricsFile);
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : '';
}

/**
 * The outputs every runtime reports. A failed run moved nothing into
 * outputs, so a metrics file there is an earlier run's and is not reported.
 */
export async function runOutputs(inputs: TrainPlan, outcome: RunOutcome, image: ImageInfo, succeeded: boolean) {
  return {
    'exit-code': String(outcome.exitCode),
    'duration-seconds': outcome.durationSeconds.toFixed(3),
    'image-id': image.id,
    'image-digest': image.digest,
    outputs: inputs.outputs ?? '',
    metrics: succeeded ? await findMetrics(inputs) : '',
  };
}
