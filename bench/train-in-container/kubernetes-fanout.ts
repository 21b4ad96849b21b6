/**
 * Fan-out of train-in-container with `runtime: kubernetes`: 1, 10 and 100
 * step processes started at once (a matrix of that many entries), each
 * submitting one Job to the local control plane (test/support/kube-cluster.ts),
 * whose kwok pods succeed 5 s after they start running. Per number of Jobs:
 *   - wall time from the first spawn to the last step's exit, against the ideal 5 s;
 *   - the steps' API requests per Job, counted where they arrive: the
 *     apiserver's audit log, filtered to the ServiceAccount the steps run as
 *     (bound to exactly REQUIRED_RBAC_RULES), by verb and resource;
 *   - CPU (user+sys) and peak RSS of each step process, from GNU time.
 * Each step has its own `outputs-url` under one versitygw bucket; kwok runs no
 * process, so the bench stands in for the pod's write (one object under the
 * pod's MLOPS_OUTPUT_URL as soon as the pod exists) and the step downloads it.
 *
 *   npx tsx bench/train-in-container/kubernetes-fanout.ts [--jobs 1,10,100] [--runs 3] [--check-audit] [--keep]
 *
 * `--check-audit` instead proves the counting on Jobs created with kubectl as
 * the ServiceAccount (exact counts expected, exit 1 otherwise), without the step.
 * `--keep` leaves each step's folder (its log, GNU time's figures, outputs) for reading.
 * Needs scripts/provision/{kubernetes,versitygw}.sh and a bundle with the
 * Kubernetes runtime (`npm run build`). Run by hand, never by npm test.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REQUIRED_RBAC_RULES } from '../../packages/core/src/container/kubernetes/target.js';
import { BUNDLE, spawnCollect } from '../../test/support/bundle.js';
import { KUBERNETES_TOOLS, startKubeCluster, type KubeCluster } from '../../test/support/kube-cluster.js';
import { startS3Server, type S3Server } from '../../test/support/s3-server.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const JOB_COUNTS = option('--jobs', '1,10,100').split(',').map(Number);
const RUNS = Number(option('--runs', '3')) || 3;
const CHECK_AUDIT = args.includes('--check-audit');
const KEEP = args.includes('--keep');

/** How long kwok keeps each pod Running before it succeeds: the ideal wall time of any fan-out. */
const POD_SECONDS = 5;
const ANNOTATION = `pod-complete.stage.kwok.x-k8s.io/delay=${POD_SECONDS}s`;
/** Never pulled (kwok runs no container); by digest, so the step resolves nothing at a registry. */
const IMAGE = `registry.example.com/bench/train@sha256:${'ab'.repeat(32)}`;
const BUCKET = 'fanout';
const POD_LOG = ['epoch 1 loss 0.93', 'epoch 2 loss 0.41', 'saved model.txt'];
const KUBECTL = path.join(KUBERNETES_TOOLS, 'bin', 'kubectl');
const TIME = '/usr/bin/time';
const WORK = mkdtempSync(path.join(os.tmpdir(), 'bench-kube-fanout-'));
const STARTED = Date.now();

async function main(): Promise<void> {
  for (const [file, fix] of [[BUNDLE, 'npm run build'], [TIME, 'apt-get install time']] as const) if (!existsSync(file)) throw new Error(`${file} is missing: ${fix}`);
  progress('starting the control plane (audit log on) and versitygw');
  const [cluster, s3] = await Promise.all([startKubeCluster({ auditLog: true }), startS3Server()]);
  try {
    await s3.createBucket(BUCKET);
    if (CHECK_AUDIT) return await checkAuditCounting(cluster, s3);
    const rows: Row[] = [];
    for (const jobs of JOB_COUNTS) {
      const runs: RunResult[] = [];
      for (let run = 1; run <= RUNS; run++) runs.push(await fanOut(cluster, s3, jobs, `${jobs} Job${jobs === 1 ? '' : 's'}, run ${run}/${RUNS}`));
      rows.push(rowOf(jobs, runs));
    }
    console.log(table(rows));
  } finally {
    await Promise.all([cluster.stop(), s3.stop()]);
    if (KEEP) progress(`step folders kept in ${WORK}`);
    else rmSync(WORK, { recursive: true, force: true });
  }
}

// --- one fan-out ----------------------------------------------------------------

interface StepMeasure {
  readonly exitCode: number;
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
  readonly outputsArrived: boolean;
  readonly log: string;
}

interface RunResult {
  readonly wallSeconds: number;
  readonly steps: readonly StepMeasure[];
  /** Requests by `verb resource`, all steps together. */
  readonly requests: ReadonlyMap<string, number>;
  /** Requests answered with an error status, by `verb resource code`. */
  readonly errors: ReadonlyMap<string, number>;
  /** Seconds from the first spawn to the first Job created, and to the last: how long start-up delays submission. */
  readonly firstCreateSeconds: number;
  readonly lastCreateSeconds: number;
}

/** `jobs` step processes started at once in a fresh namespace, each with its own folder and outputs prefix. */
async function fanOut(cluster: KubeCluster, s3: S3Server, jobs: number, label: string): Promise<RunResult> {
  const namespace = await cluster.createNamespace('fanout');
  const kubeconfig = await cluster.serviceAccountKubeconfig(namespace, REQUIRED_RBAC_RULES);
  await cluster.servePodLogs(namespace, POD_LOG);
  const standIn = new PodOutputsStandIn(cluster, s3, namespace);
  await standIn.ready;
  progress(`${label}: namespace ${namespace} ready, starting ${jobs} step process${jobs === 1 ? '' : 'es'}`);

  const start = performance.now();
  const startedAt = Date.now();
  const folders = Array.from({ length: jobs }, (_, index) => path.join(WORK, namespace, String(index)));
  const exits = folders.map((folder, index) => runStep(folder, kubeconfig, s3, `s3://${BUCKET}/${namespace}/${index}/`));
  const codes = await Promise.all(exits);
  const wallSeconds = (performance.now() - start) / 1000;
  standIn.stop();

  const steps = folders.map((folder, index) => measureOf(folder, codes[index] ?? -1));
  const { requests, errors, creates } = countRequests(cluster, `system:serviceaccount:${namespace}:`);
  // NaN when no Job was created at all (every step failed before): the failed step's log says why.
  const firstCreateSeconds = creates.length > 0 ? (Math.min(...creates) - startedAt) / 1000 : NaN;
  const lastCreateSeconds = creates.length > 0 ? (Math.max(...creates) - startedAt) / 1000 : NaN;
  const failed = steps.filter((step) => step.exitCode !== 0);
  progress(
    `${label}: all ended after ${wallSeconds.toFixed(2)} s (Jobs created from +${firstCreateSeconds.toFixed(2)} to +${lastCreateSeconds.toFixed(2)} s), ` +
      `${failed.length} failed, ${sum(requests)} requests (${(sum(requests) / jobs).toFixed(1)}/Job), ${standIn.written} outputs stood in`,
  );
  if (failed[0]) progress(`${label}: the first failed step's log ends:\n${failed[0].log.trim().split('\n').slice(-12).join('\n')}`);
  // The next run must not share the machine with this one's garbage collection.
  await cluster.kubectl(['delete', 'namespace', namespace, '--wait=true', '--timeout=180s']);
  progress(`${label}: namespace deleted`);
  return { wallSeconds, steps, requests, errors, firstCreateSeconds, lastCreateSeconds };
}

/** One step process, as a matrix entry would run it, under GNU time; resolves with its exit code. */
function runStep(folder: string, kubeconfig: string, s3: S3Server, outputsUrl: string): Promise<number> {
  // Its own temp folder too, as on a runner of its own: the local host's summary file lives there.
  mkdirSync(path.join(folder, 'tmp'), { recursive: true });
  const stepArgs = [
    ...['train-in-container', '--runtime', 'kubernetes', '--kubeconfig', kubeconfig, '--image', IMAGE, '--command', 'python train.py'],
    ...['--annotations', ANNOTATION, '--outputs', 'out', '--outputs-url', outputsUrl],
  ];
  const log = openSync(path.join(folder, 'step.log'), 'w');
  const env = { PATH: process.env['PATH'] ?? '', HOME: folder, TMPDIR: path.join(folder, 'tmp'), ...s3.env };
  const child = spawn(TIME, ['-f', '%U %S %M', '-o', path.join(folder, 'time.txt'), process.execPath, '--', BUNDLE, ...stepArgs], { cwd: folder, env, stdio: ['ignore', log, log] });
  closeSync(log);
  return exitOf(child);
}

function measureOf(folder: string, exitCode: number): StepMeasure {
  // GNU time writes "Command exited with non-zero status N" first when the command failed.
  const figures = readFileSync(path.join(folder, 'time.txt'), 'utf8').trim().split('\n').at(-1) ?? '';
  const [user, system, maxRssKiB] = figures.split(' ').map(Number);
  return {
    exitCode,
    cpuSeconds: (user ?? NaN) + (system ?? NaN),
    peakRssMiB: (maxRssKiB ?? NaN) / 1024,
    outputsArrived: existsSync(path.join(folder, 'out', 'model.txt')),
    log: readFileSync(path.join(folder, 'step.log'), 'utf8'),
  };
}

/**
 * What the training would write: kwok runs no process, so as soon as a pod
 * of the namespace shows up, an object goes under its MLOPS_OUTPUT_URL (read
 * from the pod spec), well before kwok ends the pod. The watch is the admin's
 * (not the steps' ServiceAccount), so it is not in the counted requests.
 */
class PodOutputsStandIn {
  readonly ready: Promise<void>;
  written = 0;
  private readonly watcher: ChildProcess;
  private readonly seen = new Set<string>();

  constructor(cluster: KubeCluster, private readonly s3: S3Server, namespace: string) {
    const jsonpath = '{.metadata.name} {.spec.containers[0].env[?(@.name=="MLOPS_OUTPUT_URL")].value}{"\\n"}';
    this.watcher = spawn(KUBECTL, [`--kubeconfig=${cluster.adminKubeconfig}`, 'get', 'pods', '-n', namespace, '--watch', '-o', `jsonpath=${jsonpath}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    createInterface({ input: this.watcher.stdout! }).on('line', (line) => void this.onPod(line));
    // `get --watch` lists before it watches, so a pod made before kubectl is connected is still seen: started is enough.
    this.ready = new Promise((resolve, reject) => {
      this.watcher.once('spawn', resolve);
      this.watcher.once('error', reject);
    });
  }

  private async onPod(line: string): Promise<void> {
    const [pod, url] = line.trim().split(' ');
    if (!pod || !url?.startsWith(`s3://${BUCKET}/`) || this.seen.has(pod)) return;
    this.seen.add(pod);
    const key = `${url.slice(`s3://${BUCKET}/`.length)}model.txt`;
    await this.s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `trained in ${pod}\n` }));
    this.written++;
  }

  stop(): void {
    this.watcher.kill('SIGTERM');
  }
}

// --- counting at the apiserver ------------------------------------------------------

interface AuditEvent {
  readonly auditID: string;
  readonly verb: string;
  readonly requestURI: string;
  readonly user?: { readonly username?: string };
  readonly objectRef?: { readonly resource?: string; readonly subresource?: string };
  readonly responseStatus?: { readonly code?: number };
  readonly requestReceivedTimestamp: string;
}

/**
 * The requests of every user whose name starts with `userPrefix`, from the
 * audit log: one event per request (a watch logs when it starts and when it
 * ends, under one auditID), keyed `verb resource[/subresource]`, or `verb
 * /path` for discovery and other non-resource URLs; with the times of the
 * Jobs really created (not dry runs).
 */
function countRequests(cluster: KubeCluster, userPrefix: string): { requests: Map<string, number>; errors: Map<string, number>; creates: number[] } {
  if (cluster.auditLog === undefined) throw new Error('the cluster was started without its audit log');
  const byId = new Map<string, AuditEvent>();
  for (const line of readFileSync(cluster.auditLog, 'utf8').split('\n')) {
    if (line === '') continue;
    const event = JSON.parse(line) as AuditEvent;
    if (event.user?.username?.startsWith(userPrefix)) byId.set(event.auditID, event);
  }
  const requests = new Map<string, number>();
  const errors = new Map<string, number>();
  const creates: number[] = [];
  for (const event of byId.values()) {
    const kind = kindOf(event);
    if (kind === 'create jobs') creates.push(Date.parse(event.requestReceivedTimestamp));
    requests.set(kind, (requests.get(kind) ?? 0) + 1);
    const code = event.responseStatus?.code ?? 0;
    if (code >= 400) errors.set(`${kind} ${code}`, (errors.get(`${kind} ${code}`) ?? 0) + 1);
  }
  return { requests, errors, creates };
}

function kindOf(event: AuditEvent): string {
  const ref = event.objectRef;
  // A dry run (the plan's validation by the apiserver) is a request too, but creates nothing: told apart.
  const dryRun = new URL(event.requestURI, 'https://apiserver').searchParams.has('dryRun') ? ' (dry run)' : '';
  if (ref?.resource) return `${event.verb} ${ref.resource}${ref.subresource ? `/${ref.subresource}` : ''}${dryRun}`;
  return `${event.verb} ${new URL(event.requestURI, 'https://apiserver').pathname}`;
}

/**
 * The counting proven without the step: Jobs created by kubectl as the
 * ServiceAccount in one `create -f` (one create each), one `get jobs` (one
 * list) and one bounded `get jobs --watch-only` (a list for its
 * resourceVersion, then one watch, which the log has at ResponseStarted and
 * ResponseComplete), then exact counts expected; the admin's own kubectl calls in the same
 * namespace must not show. The stand-in's objects are checked on the way.
 */
async function checkAuditCounting(cluster: KubeCluster, s3: S3Server): Promise<void> {
  const jobs = 10;
  const namespace = await cluster.createNamespace('audit-check');
  const kubeconfig = await cluster.serviceAccountKubeconfig(namespace, REQUIRED_RBAC_RULES);
  const standIn = new PodOutputsStandIn(cluster, s3, namespace);
  await standIn.ready;
  const manifest = path.join(WORK, `${namespace}.json`);
  writeFileSync(manifest, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array.from({ length: jobs }, (_, index) => jobManifest(`check-${index}`, `s3://${BUCKET}/${namespace}/${index}/`)) }));
  const asServiceAccount = async (kubectlArgs: string[], okCodes = [0]): Promise<void> => {
    const result = await spawnCollect(KUBECTL, [`--kubeconfig=${kubeconfig}`, ...kubectlArgs], { env: { HOME: WORK, PATH: process.env['PATH'] ?? '' } });
    if (!okCodes.includes(result.code)) throw new Error(`kubectl ${kubectlArgs.join(' ')} as the ServiceAccount exited ${result.code}: ${result.stderr}`);
  };
  await asServiceAccount(['create', '-f', manifest]);
  await asServiceAccount(['get', 'jobs']);
  // kubectl ends the watch itself after the request timeout (exit 0 or 1 depending on how it is cut).
  await asServiceAccount(['get', 'jobs', '--watch-only', '--request-timeout=2s'], [0, 1]);
  await cluster.kubectl(['wait', '--for=condition=Complete', 'jobs', '--all', '-n', namespace, '--timeout=120s']);
  standIn.stop();

  const { requests } = countRequests(cluster, `system:serviceaccount:${namespace}:`);
  progress(`audit check: ${formatKinds(requests)}`);
  const expected: Record<string, number> = { 'create jobs': jobs, 'list jobs': 2, 'watch jobs': 1 };
  const wrong = Object.entries(expected).filter(([kind, count]) => requests.get(kind) !== count);
  const resources = [...requests.keys()].filter((kind) => !kind.includes(' /'));
  const unexpected = resources.filter((kind) => !(kind in expected));
  if (wrong.length > 0 || unexpected.length > 0 || standIn.written !== jobs) {
    throw new Error(`audit check failed: expected ${JSON.stringify(expected)} (and ${jobs} outputs stood in, got ${standIn.written}), counted ${formatKinds(requests)}`);
  }
  progress(`audit check passed: ${jobs} creates, 2 lists and 1 watch counted exactly; discovery and the admin's requests kept apart`);
  await cluster.kubectl(['delete', 'namespace', namespace, '--wait=true', '--timeout=180s']);
}

function jobManifest(name: string, outputsUrl: string): object {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { annotations: { [ANNOTATION.split('=')[0] as string]: `${POD_SECONDS}s` } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'train', image: IMAGE, env: [{ name: 'MLOPS_OUTPUT_URL', value: outputsUrl }] }] },
      },
    },
  };
}

// --- the table ----------------------------------------------------------------------

interface Row {
  readonly jobs: number;
  readonly runs: number;
  readonly wallSeconds: number;
  readonly firstCreateSeconds: number;
  readonly lastCreateSeconds: number;
  readonly requestsPerJob: number;
  readonly kinds: ReadonlyMap<string, number>;
  readonly cpuSecondsPerJob: number;
  readonly peakRssMiB: number;
  readonly maxPeakRssMiB: number;
  readonly stepsOk: number;
  readonly steps: number;
  readonly outputsArrived: number;
  readonly errors: ReadonlyMap<string, number>;
}

/** Medians over the runs; within a run, requests and CPU are per Job (total / Jobs), RSS the median process's peak. */
function rowOf(jobs: number, runs: readonly RunResult[]): Row {
  const kinds = new Map<string, number>();
  for (const kind of new Set(runs.flatMap((run) => [...run.requests.keys()]))) kinds.set(kind, median(runs.map((run) => (run.requests.get(kind) ?? 0) / jobs)));
  const errors = new Map<string, number>();
  for (const run of runs) for (const [kind, count] of run.errors) errors.set(kind, (errors.get(kind) ?? 0) + count);
  const steps = runs.flatMap((run) => run.steps);
  return {
    jobs,
    runs: runs.length,
    wallSeconds: median(runs.map((run) => run.wallSeconds)),
    firstCreateSeconds: median(runs.map((run) => run.firstCreateSeconds)),
    lastCreateSeconds: median(runs.map((run) => run.lastCreateSeconds)),
    requestsPerJob: median(runs.map((run) => sum(run.requests) / jobs)),
    kinds,
    cpuSecondsPerJob: median(runs.map((run) => run.steps.reduce((total, step) => total + step.cpuSeconds, 0) / jobs)),
    peakRssMiB: median(runs.map((run) => median(run.steps.map((step) => step.peakRssMiB)))),
    maxPeakRssMiB: Math.max(...steps.map((step) => step.peakRssMiB)),
    stepsOk: steps.filter((step) => step.exitCode === 0).length,
    steps: steps.length,
    outputsArrived: steps.filter((step) => step.outputsArrived).length,
    errors,
  };
}

function table(rows: readonly Row[]): string {
  const lines = [
    '| Jobs | wall s | ideal s | ratio | Jobs created at s (first–last) | requests/Job (by kind) | CPU s/Job | peak RSS MiB | runs | steps ok, outputs downloaded |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) =>
      [
        row.jobs,
        row.wallSeconds.toFixed(2),
        POD_SECONDS,
        `${(row.wallSeconds / POD_SECONDS).toFixed(2)}×`,
        `${row.firstCreateSeconds.toFixed(2)}–${row.lastCreateSeconds.toFixed(2)}`,
        `${round(row.requestsPerJob)} (${formatKinds(row.kinds)})`,
        row.cpuSecondsPerJob.toFixed(2),
        `${row.peakRssMiB.toFixed(0)} (max ${row.maxPeakRssMiB.toFixed(0)})`,
        row.runs,
        `${row.stepsOk}/${row.steps}, ${row.outputsArrived}/${row.steps}`,
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
  const errors = rows.filter((row) => row.errors.size > 0).map((row) => `${row.jobs} Jobs: ${[...row.errors].map(([kind, count]) => `${kind} ×${count}`).join(', ')}`);
  return [...lines, '', errors.length > 0 ? `Requests refused: ${errors.join('; ')}` : 'No request was refused (every response below 400).'].join('\n');
}

/** `create jobs 1, watch pods 1, …`, most frequent first. */
function formatKinds(kinds: ReadonlyMap<string, number>): string {
  return [...kinds]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, count]) => `${kind} ${round(count)}`)
    .join(', ');
}

// --- helpers ------------------------------------------------------------------------

function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1)));
  });
}

/** One line per phase, with the machine's load: on a shared machine it explains a slow run. */
function progress(message: string): void {
  console.error(`[${((Date.now() - STARTED) / 1000).toFixed(1).padStart(6)} s, load ${os.loadavg()[0]?.toFixed(1)}] ${message}`);
}

function sum(counts: ReadonlyMap<string, number>): number {
  return [...counts.values()].reduce((total, count) => total + count, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

// Last, so every class above is initialised before main uses it.
await main();
