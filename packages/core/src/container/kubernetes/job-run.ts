/**
 * One training run as a Kubernetes Job, from submission to its end:
 *
 * submit — the Job suspended, then the Secret and the Service owned by it,
 * then `suspend: false` (a failure on the way deletes the Job, and with it
 * what it owns) → watch the Job and its pods (a list, then a watch from the
 * list's resourceVersion; a dropped watch, or a 410 Gone, is a new list) →
 * follow pod 0's log live → end when the Job is Complete or Failed (exit
 * code from the failing pod's terminated container), when a pod cannot be
 * scheduled for lack of a resource the run asks for, or when it was stopped
 * (the Job deleted, and every pod gone).
 *
 * It is a `RunningCommand`, so `superviseRun` gives it the same timeout and
 * cancel handling as a container: `stop()` deletes the Job.
 */
import { Writable } from 'node:stream';
import type { V1Job, V1Pod } from '@kubernetes/client-node';
import type { RunningCommand } from '../types.js';
import { explainApiError, statusCodeOf, type KubeAction } from './api-errors.js';
import type { KubeConnection } from './cluster.js';
import { podProblem } from './pod-status.js';
import { COMPLETION_INDEX_ANNOTATION, CONTAINER_NAME, CONTROLLER_UID_LABEL, jobManifest, jobOwnerReference, secretManifest, serviceManifest, type KubeRun } from './manifests.js';

/** Exit code reported when the Job was stopped (deadline, cancel) and no container said its own: the kubelet's SIGTERM. */
export const STOPPED_EXIT_CODE = 143;
/** How long the end of pod 0's log may take to arrive after the Job ended. */
const LOG_DRAIN_MS = 2_000;
/** How long a failed Job's pods may take to show their terminated state after the Job says Failed. */
const FAILED_POD_WAIT_MS = 3_000;
/** How long removal waits for the pods of a deleted Job to be gone. */
const POD_GONE_TIMEOUT_MS = 60_000;

/** How the run ended, for the step's outputs. */
export interface KubeJobResult {
  readonly exitCode: number;
  /** The pod the exit code is from: pod 0 on success, the first failing pod on failure; '' when none ran. */
  readonly pod: string;
  readonly node: string;
  /** The Job hit `activeDeadlineSeconds`. */
  readonly deadlineExceeded: boolean;
  /** Every pod that failed, first failing first. */
  readonly failedPods: readonly string[];
}

/** Seams for tests: see every list (a re-list after a dropped watch shows here) and drop the open watches. */
export interface KubeJobHooks {
  readonly onList?: (kind: 'job' | 'pods') => void;
  readonly onWatch?: (kind: 'job' | 'pods', abort: () => void) => void;
}

/** Stands in for the Job's uid in a dry run's owner references: the Job is not created, so it has none. */
const DRY_RUN_UID = '00000000-0000-0000-0000-000000000000';

/**
 * Has the API server validate every object the run creates — the Job, and
 * the Secret and Service when the run has them — without storing any (a
 * server-side dry run: admission, defaulting, validation and RBAC, as for
 * the real create), so what it would refuse, a missing permission included,
 * is found while planning, before an image is built or anything is created.
 */
export async function dryRunObjects(connection: KubeConnection, run: KubeRun): Promise<void> {
  const { batch, core } = connection;
  const { namespace } = run;
  const explained = (resource: string) => (err: unknown) => {
    throw explainApiError(err, { verb: 'create', resource, namespace }, connection.server);
  };
  await batch.createNamespacedJob({ namespace, body: jobManifest(run), dryRun: 'All' }).catch(explained('jobs.batch'));
  const owner = jobOwnerReference({ name: run.name, uid: DRY_RUN_UID });
  if (run.secretEnv.size > 0) await core.createNamespacedSecret({ namespace, body: secretManifest(run, owner), dryRun: 'All' }).catch(explained('secrets'));
  if (run.target.workers > 1) await core.createNamespacedService({ namespace, body: serviceManifest(run, owner, DRY_RUN_UID), dryRun: 'All' }).catch(explained('services'));
}

export class KubeJobRun implements RunningCommand {
  readonly exited: Promise<number>;
  private result: KubeJobResult | undefined;
  private job: V1Job | undefined;
  private jobGone = false;
  private readonly pods = new Map<string, V1Pod>();
  /** A pods list succeeded: until one does, `pods` being empty says nothing about the cluster. */
  private podsListed = false;
  /** The pods could not be listed or watched, for good (403, or failing again and again). */
  private podsUnwatchable = false;
  /** `suspend: false` was sent and not refused: until then the Job can have no pod. */
  private unsuspended = false;
  private uid: string | undefined;
  private stopRequested = false;
  /** The Job ended Complete or Failed by itself: it stays for inspection until its TTL. */
  private endedOnItsOwn = false;
  private deleted = false;
  private closed = false;
  /** Waiting for pod 0's log to end before settling. */
  private draining = false;
  /** Waiting for a failed Job's pods to show their exit codes. */
  private awaitingFailedPods = false;
  private readonly loops: ListWatch[] = [];
  private followed: { pod: string; abort: AbortController | undefined; ended: boolean } | undefined;
  private settle!: (code: number) => void;
  private fail!: (err: Error) => void;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly connection: KubeConnection,
    private readonly run: KubeRun,
    private readonly onLine: (line: string) => void,
    private readonly hooks: KubeJobHooks = {},
  ) {
    this.exited = new Promise<number>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
    this.exited.catch(() => undefined);
    void this.begin().catch((err: unknown) => this.fail(err instanceof Error ? err : new Error(String(err))));
  }

  /** How the run ended; undefined until `exited` resolved. */
  get outcome(): KubeJobResult | undefined {
    return this.result;
  }

  /** Deletes the Job (its pods, Secret and Service go with it); `exited` resolves once every pod is gone. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    // superviseRun calls stop() until the run has ended: one successful delete is enough.
    if (this.uid !== undefined && !this.deleted) {
      await this.deleteJob();
      this.deleted = true;
    }
    this.evaluate();
  }

  /**
   * After the run: a Job that did not end on its own (stopped, refused a
   * pod, or the step failed while watching) is deleted and its pods waited
   * for; a finished one stays for `ttl-after-finished`, to be inspected.
   */
  async remove(): Promise<void> {
    try {
      if (!this.endedOnItsOwn && this.uid !== undefined) {
        await this.deleteJob();
        // A Job deleted while still suspended never had a pod: there is nothing to wait for, or to leave unverified.
        if (this.unsuspended) await this.waitForPods(() => this.pods.size === 0, `the pods of Job ${this.run.name} were not gone ${POD_GONE_TIMEOUT_MS / 1000} s after it was deleted`);
      } else if (this.result?.deadlineExceeded) {
        // At its deadline the Job controller deletes the pods still running: the step ends when they are gone, as after its own timeout.
        await this.waitForPods(() => ![...this.pods.values()].some(isActive), `pods of Job ${this.run.name} were still running ${POD_GONE_TIMEOUT_MS / 1000} s after its deadline`);
      }
    } finally {
      this.close();
    }
  }

  /** The last `lines` lines of a pod's log ('' when it cannot be read). */
  async tailOf(pod: string, lines: number): Promise<string> {
    const text = await this.connection.core.readNamespacedPodLog({ name: pod, namespace: this.run.namespace, container: CONTAINER_NAME, tailLines: lines }).catch(() => '');
    return typeof text === 'string' ? text.replace(/\n$/, '') : '';
  }

  private async begin(): Promise<void> {
    const uid = await this.submit();
    if (this.stopRequested) await this.deleteJob();
    const selector = `${CONTROLLER_UID_LABEL}=${uid}`;
    this.loops.push(
      new ListWatch(this.connection, 'job', `/apis/batch/v1/namespaces/${this.run.namespace}/jobs`, { fieldSelector: `metadata.name=${this.run.name}` }, this.hooks, {
        list: async () => {
          const list = await this.connection.batch.listNamespacedJob({ namespace: this.run.namespace, fieldSelector: `metadata.name=${this.run.name}` });
          return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
        },
        reset: (items: readonly V1Job[]) => {
          const mine = items.find((job) => job.metadata?.uid === uid);
          this.job = mine;
          this.jobGone = mine === undefined;
          this.evaluate();
        },
        apply: (type: string, job: V1Job) => {
          if (job.metadata?.uid !== uid) return;
          this.job = job;
          if (type === 'DELETED') this.jobGone = true;
          this.evaluate();
        },
        action: this.action('watch', 'jobs.batch'),
        onFatal: (err) => this.abandon(err),
      }),
      new ListWatch(this.connection, 'pods', `/api/v1/namespaces/${this.run.namespace}/pods`, { labelSelector: selector }, this.hooks, {
        list: async () => {
          const list = await this.connection.core.listNamespacedPod({ namespace: this.run.namespace, labelSelector: selector });
          return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
        },
        reset: (items: readonly V1Pod[]) => {
          this.pods.clear();
          for (const pod of items) this.pods.set(pod.metadata?.name ?? '', pod);
          this.podsListed = true;
          this.evaluate();
        },
        apply: (type: string, pod: V1Pod) => {
          const name = pod.metadata?.name ?? '';
          if (type === 'DELETED') this.pods.delete(name);
          else this.pods.set(name, pod);
          this.evaluate();
        },
        action: this.action('watch', 'pods'),
        onFatal: (err) => {
          this.podsUnwatchable = true;
          this.abandon(this.podsListed ? err : new Error(`${err.message} — ${this.unverifiedPods()}`, { cause: err }));
          this.evaluate();
        },
      }),
    );
    for (const loop of this.loops) await loop.start();
  }

  /** Creates the objects; returns the Job's uid. Nothing is left behind when one of them is refused. */
  private async submit(): Promise<string> {
    const { batch, core } = this.connection;
    const { namespace } = this.run;
    const created = await batch.createNamespacedJob({ namespace, body: jobManifest(this.run) }).catch((err: unknown) => {
      throw explainApiError(err, this.action('create', 'jobs.batch'), this.connection.server);
    });
    const uid = created.metadata?.uid;
    if (uid === undefined) throw new Error(`the API server created Job ${this.run.name} without a uid`);
    this.uid = uid;
    try {
      const owner = jobOwnerReference({ name: this.run.name, uid });
      if (this.run.secretEnv.size > 0) {
        await core.createNamespacedSecret({ namespace, body: secretManifest(this.run, owner) }).catch((err: unknown) => {
          throw explainApiError(err, this.action('create', 'secrets'), this.connection.server);
        });
      }
      if (this.run.target.workers > 1) {
        await core.createNamespacedService({ namespace, body: serviceManifest(this.run, owner, uid) }).catch((err: unknown) => {
          throw explainApiError(err, this.action('create', 'services'), this.connection.server);
        });
      }
      const { k8s } = this.connection;
      // Counted as sent before the answer: a patch whose answer was lost may still have started pods.
      this.unsuspended = true;
      await batch
        .patchNamespacedJob({ name: this.run.name, namespace, body: { spec: { suspend: false } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch))
        .catch((err: unknown) => {
          const code = statusCodeOf(err);
          // The server answered no (403, 422…): the Job stayed suspended.
          if (code !== undefined && code >= 400 && code < 500) this.unsuspended = false;
          throw explainApiError(err, this.action('patch', 'jobs.batch'), this.connection.server);
        });
    } catch (err) {
      // The Job owns whatever was made: deleting it takes them too.
      await this.deleteJob().catch(() => undefined);
      throw err;
    }
    return uid;
  }

  private async deleteJob(): Promise<void> {
    await this.connection.batch.deleteNamespacedJob({ name: this.run.name, namespace: this.run.namespace, propagationPolicy: 'Background' }).catch((err: unknown) => {
      if (statusCodeOf(err) === 404) return;
      throw explainApiError(err, this.action('delete', 'jobs.batch'), this.connection.server);
    });
  }

  /** Decides, after every change seen, whether the run has ended, and follows pod 0's log. */
  private evaluate(): void {
    for (const waiter of this.waiters) waiter();
    if (this.result !== undefined || this.draining || this.awaitingFailedPods || this.uid === undefined) return;
    this.followPodZero();
    if (this.stopRequested) {
      // No pod left counts only once the pods were listed: an empty map before that knows nothing.
      if (this.jobGone && this.podsListed && this.pods.size === 0) this.finish(this.stoppedResult(false));
      return;
    }
    const refusal = this.podThatWillNotRun();
    if (refusal !== undefined) return this.abandon(refusal);
    if (this.jobGone) return this.abandon(new Error(`Job ${this.run.name} was deleted in namespace ${this.run.namespace} while it ran, by someone else`));
    const condition = this.job?.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    if (condition?.type === 'Complete') this.finish(this.successResult());
    else if (condition?.type === 'Failed') this.finishFailed(condition.reason === 'DeadlineExceeded');
  }

  /** A pod that will never run (see pod-status.ts): waiting for the Job would only wait for the timeout. */
  private podThatWillNotRun(): Error | undefined {
    for (const pod of this.pods.values()) {
      const problem = podProblem(pod, this.run.target.gpuResource);
      if (problem !== undefined) return new Error(`input '${problem.input}': ${problem.message} The Job was deleted, with its pods.`);
    }
    return undefined;
  }

  private followPodZero(): void {
    const pod = this.podZero();
    const name = pod?.metadata?.name;
    if (pod === undefined || name === undefined || this.followed?.pod === name) return;
    const phase = pod.status?.phase;
    if (phase !== 'Running' && phase !== 'Succeeded' && phase !== 'Failed') return;
    // A retry replaces pod 0: its log is the one to follow now.
    this.followed?.abort?.abort();
    const followed: { pod: string; abort: AbortController | undefined; ended: boolean } = { pod: name, abort: undefined, ended: false };
    this.followed = followed;
    const stream = lineWriter(this.onLine, () => {
      followed.ended = true;
      this.evaluate();
    });
    new this.connection.k8s.Log(this.connection.config)
      .log(this.run.namespace, name, CONTAINER_NAME, stream, { follow: true })
      .then((abort) => {
        followed.abort = abort;
        // The run ended while the log request was on its way: a followed log would otherwise stay open.
        if (this.closed || this.result !== undefined || this.followed !== followed) abort.abort();
      })
      .catch(() => {
        // A log that cannot be read (the pod went, or no permission) must not end the run: its end is the Job's.
        followed.ended = true;
      });
  }

  /** The newest pod of index 0 (the only pod of a one-worker Job). */
  private podZero(): V1Pod | undefined {
    const candidates = [...this.pods.values()].filter((pod) => (pod.metadata?.annotations?.[COMPLETION_INDEX_ANNOTATION] ?? '0') === '0' && pod.metadata?.deletionTimestamp === undefined);
    return candidates.sort((a, b) => timeOf(b.metadata?.creationTimestamp) - timeOf(a.metadata?.creationTimestamp))[0];
  }

  private successResult(): KubeJobResult {
    const pod = this.podZero() ?? [...this.pods.values()][0];
    return { exitCode: 0, pod: pod?.metadata?.name ?? '', node: pod?.spec?.nodeName ?? '', deadlineExceeded: false, failedPods: [] };
  }

  private finishFailed(deadlineExceeded: boolean): void {
    const failed = this.failedPods();
    if (failed.length > 0 || deadlineExceeded) return this.finish(failed.length > 0 ? failedResult(failed, deadlineExceeded) : this.stoppedResult(true));
    // The Job said Failed before its pod's last update arrived: give the pod watch a moment.
    this.awaitingFailedPods = true;
    setTimeout(() => {
      this.awaitingFailedPods = false;
      const late = this.failedPods();
      this.finish(late.length > 0 ? failedResult(late, false) : { ...this.stoppedResult(false), exitCode: 1 });
    }, FAILED_POD_WAIT_MS).unref();
  }

  private stoppedResult(deadlineExceeded: boolean): KubeJobResult {
    const failed = this.failedPods();
    if (failed.length > 0) return failedResult(failed, deadlineExceeded);
    const pod = this.podZero();
    return { exitCode: STOPPED_EXIT_CODE, pod: pod?.metadata?.name ?? '', node: pod?.spec?.nodeName ?? '', deadlineExceeded, failedPods: [] };
  }

  /** Pods whose container ended with a non-zero code, the first to end first. */
  private failedPods(): V1Pod[] {
    return [...this.pods.values()]
      .filter((pod) => (terminatedOf(pod)?.exitCode ?? 0) !== 0)
      .sort((a, b) => timeOf(terminatedOf(a)?.finishedAt) - timeOf(terminatedOf(b)?.finishedAt));
  }

  /** Ends the run once pod 0's log has drained (or a moment has passed: a log stream does not always end with its pod). */
  private finish(result: KubeJobResult): void {
    if (this.result !== undefined || this.draining) return;
    const followed = this.followed;
    if (followed === undefined || followed.ended) return this.conclude(result);
    this.draining = true;
    const timer = setTimeout(() => this.conclude(result), LOG_DRAIN_MS);
    timer.unref();
    this.waiters.push(() => {
      if (!followed.ended) return;
      clearTimeout(timer);
      this.conclude(result);
    });
  }

  private conclude(result: KubeJobResult): void {
    if (this.result !== undefined) return;
    this.result = result;
    this.endedOnItsOwn = !this.stopRequested;
    this.followed?.abort?.abort();
    this.settle(result.exitCode);
  }

  /** The run cannot go on: `exited` rejects, and `remove()` deletes the Job. */
  private abandon(err: Error): void {
    if (this.result !== undefined) return;
    this.result = { exitCode: 1, pod: '', node: '', deadlineExceeded: false, failedPods: [] };
    this.fail(err);
  }

  /**
   * Waits until the pods are as `done` wants them. Never fails open: an
   * empty map means no pod only once a pods list succeeded, and only while
   * the pods are still watched; otherwise the error says they are unverified.
   */
  private async waitForPods(done: () => boolean, message: string): Promise<void> {
    if (this.podsUnwatchable) throw new Error(this.unverifiedPods());
    await this.waitUntil(() => this.podsListed && done(), POD_GONE_TIMEOUT_MS, this.podsListed ? message : this.unverifiedPods());
  }

  private unverifiedPods(): string {
    const why = this.podsListed ? 'could no longer be watched' : 'could never be listed';
    return `the pods of Job ${this.run.name} ${why}, so whether any is still running is unverified: check with kubectl get pods -n ${this.run.namespace} -l ${CONTROLLER_UID_LABEL}=${this.uid ?? '?'}`;
  }

  private waitUntil(done: () => boolean, timeoutMs: number, message: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(message)), timeoutMs);
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.waiters.push(check);
      check();
    });
  }

  private close(): void {
    this.closed = true;
    for (const loop of this.loops) loop.close();
    this.followed?.abort?.abort();
  }

  private action(verb: string, resource: string): KubeAction {
    return { verb, resource, namespace: this.run.namespace };
  }
}

/** A pod not yet in a final phase: it may still be running the command. */
function isActive(pod: V1Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

function failedResult(failed: readonly V1Pod[], deadlineExceeded: boolean): KubeJobResult {
  const first = failed[0]!;
  return {
    exitCode: terminatedOf(first)?.exitCode ?? 1,
    pod: first.metadata?.name ?? '',
    node: first.spec?.nodeName ?? '',
    deadlineExceeded,
    failedPods: failed.map((pod) => pod.metadata?.name ?? ''),
  };
}

function terminatedOf(pod: V1Pod): { exitCode: number; finishedAt?: Date } | undefined {
  const status = pod.status?.containerStatuses?.find((c) => c.name === CONTAINER_NAME);
  return status?.state?.terminated ?? undefined;
}

function timeOf(date: Date | string | undefined): number {
  return date === undefined ? 0 : new Date(date).getTime();
}

/** A writable that hands each complete line to `onLine` (a progress bar's carriage returns keep its last state). */
function lineWriter(onLine: (line: string) => void, onEnd: () => void): Writable {
  let rest = '';
  const emit = (line: string): void => {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    onLine(trimmed.slice(trimmed.lastIndexOf('\r') + 1));
  };
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) emit(part);
      callback();
    },
    final(callback) {
      if (rest !== '') emit(rest);
      rest = '';
      onEnd();
      callback();
    },
  }).on('close', onEnd);
}

interface ListWatchSource<T> {
  list(): Promise<{ items: readonly T[]; resourceVersion: string }>;
  reset(items: readonly T[]): void;
  apply(type: string, item: T): void;
  readonly action: KubeAction;
  onFatal(err: Error): void;
}

/** Consecutive failed lists tolerated (a restarting API server) before the run is given up. */
const MAX_LIST_FAILURES = 8;
/** Consecutive watches that failed before delivering any event, tolerated before the run is given up. */
const MAX_WATCH_FAILURES = 8;

/**
 * List, then watch from the list's resourceVersion; whenever the watch ends
 * (the server closed it, the connection dropped, or the server said 410 Gone
 * because that version is too old) list again: the list is the truth, so
 * whatever happened while no watch was open is never missed.
 */
class ListWatch {
  private closed = false;
  private abort: AbortController | undefined;
  private failures = 0;
  /** Watches that failed without delivering an event since the last that did: a good list alone does not reset it. */
  private watchFailures = 0;

  constructor(
    private readonly connection: KubeConnection,
    private readonly kind: 'job' | 'pods',
    private readonly path: string,
    private readonly params: Readonly<Record<string, string>>,
    private readonly hooks: KubeJobHooks,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop serves Jobs and pods
    private readonly source: ListWatchSource<any>,
  ) {}

  async start(): Promise<void> {
    await this.listAndWatch();
  }

  close(): void {
    this.closed = true;
    this.abort?.abort();
  }

  private async listAndWatch(): Promise<void> {
    while (!this.closed) {
      let resourceVersion: string;
      try {
        this.hooks.onList?.(this.kind);
        const { items, resourceVersion: version } = await this.source.list();
        this.source.reset(items);
        resourceVersion = version;
        this.failures = 0;
      } catch (err) {
        const code = statusCodeOf(err);
        if (code === 401 || code === 403 || ++this.failures > MAX_LIST_FAILURES) {
          return this.source.onFatal(explainApiError(err, { ...this.source.action, verb: 'list' }, this.connection.server));
        }
        await sleep(Math.min(200 * 2 ** this.failures, 5_000));
        continue;
      }
      if (this.closed) return;
      let ended = false;
      const abort = await new this.connection.k8s.Watch(this.connection.config).watch(
        this.path,
        { ...this.params, resourceVersion, allowWatchBookmarks: true },
        (type: string, item: unknown) => {
          // ERROR carries a Status (410 Gone: the version is too old); the server then ends the watch, and the end re-lists.
          if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') this.source.apply(type, item);
          if (type !== 'ERROR') this.watchFailures = 0;
        },
        (err: unknown) => {
          if (ended || this.closed) return;
          ended = true;
          const code = statusCodeOf(err);
          if (code === 401 || code === 403) return this.source.onFatal(explainApiError(err, this.source.action, this.connection.server));
          // A watch the server closed in good order is routine; one failing again and again, even between good lists, is not.
          if (err !== null && err !== undefined && ++this.watchFailures > MAX_WATCH_FAILURES) {
            const reason = err instanceof Error ? err.message : String(err);
            return this.source.onFatal(new Error(`the watch to ${this.source.action.verb} ${this.source.action.resource} in namespace ${this.source.action.namespace} failed ${this.watchFailures} times in a row (last: ${reason}): giving up`, { cause: err }));
          }
          void sleep(Math.min(100 * 2 ** this.watchFailures, 5_000)).then(() => this.listAndWatch());
        },
      );
      this.abort = abort;
      if (this.closed) abort.abort();
      this.hooks.onWatch?.(this.kind, () => abort.abort());
      return;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
