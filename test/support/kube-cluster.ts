/**
 * A real Kubernetes control plane for tests, on 127.0.0.1: etcd,
 * kube-apiserver (RBAC and token authentication on, as in a real cluster),
 * kube-controller-manager (the Job controller, garbage collection, service
 * account tokens), kube-scheduler (binds pods to nodes, checking resources
 * such as `nvidia.com/gpu`) and kwok, which plays two nodes and the life of
 * their pods. Jobs go through admission, validation, RBAC, scheduling, the
 * Job controller and status exactly as on a cluster; only the containers are
 * not real: kwok runs no process, so a pod's outcome is scripted by its
 * annotations (pod-outcomes.yaml) and its log is a file the test provides.
 *
 * Built by scripts/provision/kubernetes.sh. Every start makes its own
 * certificates, tokens, ports and etcd folder, so test files can each run
 * one at the same time; `stop()` ends the processes by their PIDs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { ROOT, spawnCollect, tempDir } from './bundle.js';
import { canConnect, freePort } from './s3-server.js';

/** Where scripts/provision/kubernetes.sh puts the binaries: a folder named after the versions it pins (versions.env). */
export const KUBERNETES_TOOLS = path.join(ROOT, '.cache', 'tools', 'kubernetes', versionsFolder(path.join(ROOT, 'scripts', 'provision', 'kubernetes', 'versions.env')));
const BIN = path.join(KUBERNETES_TOOLS, 'bin');
const OUTCOME_STAGES = path.join(ROOT, 'test', 'support', 'kubernetes', 'pod-outcomes.yaml');

/** How long a test file gives startKubeCluster (its beforeAll): a healthy control plane takes 5-8 s, more on a busy machine. */
export const CLUSTER_START_TIMEOUT_MS = 120_000;
/** How long one wait for a component or object of the cluster may take. */
const WAIT_TIMEOUT_MS = 60_000;

function versionsFolder(file: string): string {
  const versions = new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()] as const),
  );
  const version = (key: string) => versions.get(key) ?? fail(`${key} missing from ${file}`);
  return `k8s-${version('K8S_VERSION')}-etcd-${version('ETCD_VERSION')}-kwok-${version('KWOK_VERSION')}`;
}

function fail(message: string): never {
  throw new Error(message);
}

/** The nodes every cluster has; the GPU node is the only one with `nvidia.com/gpu`. */
export const NODES = {
  cpu: { name: 'kwok-cpu', cpu: '8', memory: '32Gi' },
  gpu: { name: 'kwok-gpu', cpu: '8', memory: '64Gi', gpus: '4', label: 'mlops-ci.test/gpu' },
} as const;

export interface RbacRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

export interface KubeCluster {
  /** A kubeconfig with a `system:masters` token: context `admin`, namespace `default`. */
  readonly adminKubeconfig: string;
  /** The apiserver's audit log (JSON lines), when started with `auditLog`; else undefined. */
  readonly auditLog: string | undefined;
  /** kubectl as admin, argv only; resolves with stdout, rejects with stderr. `input` goes to stdin (`apply -f -`). */
  kubectl(args: readonly string[], input?: string): Promise<string>;
  /** A fresh namespace, with its `default` ServiceAccount already created (pods need it). */
  createNamespace(prefix?: string): Promise<string>;
  /** A ServiceAccount in `namespace` bound to a Role with exactly `rules`, and a kubeconfig (context `sa`, that namespace) with its token. */
  serviceAccountKubeconfig(namespace: string, rules: readonly RbacRule[]): Promise<string>;
  /** Every pod of `namespace`, from now on, has these lines as its log (`kubectl logs`, the pods/log API). */
  servePodLogs(namespace: string, lines: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

interface Ports {
  readonly etcdClient: number;
  readonly etcdPeer: number;
  readonly apiserver: number;
  readonly controllerManager: number;
  readonly scheduler: number;
  readonly kwok: number;
}

export interface KubeClusterOptions {
  /**
   * Optional. Have the apiserver write an audit event (level Metadata) for
   * every request made by a ServiceAccount, so a bench can count a step's
   * requests where they arrive, not where the client thinks it sent them.
   * Only ServiceAccounts: the components' own traffic would cost CPU for
   * nothing. Defaults to false.
   */
  readonly auditLog?: boolean;
}

export async function startKubeCluster(options: KubeClusterOptions = {}): Promise<KubeCluster> {
  const missing = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl', 'kwok'].filter((name) => !existsSync(path.join(BIN, name)));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing from ${BIN}: run bash scripts/provision/kubernetes.sh`);
  const dir = tempDir('kube-cluster-');
  const ports: Ports = {
    etcdClient: await freePort(),
    etcdPeer: await freePort(),
    apiserver: await freePort(),
    controllerManager: await freePort(),
    scheduler: await freePort(),
    kwok: await freePort(),
  };
  const processes = new Processes(path.join(dir, 'logs'));
  try {
    const pki = await makeCertificates(dir);
    const server = `https://127.0.0.1:${ports.apiserver}`;
    const auditLog = options.auditLog ? path.join(dir, 'logs', 'audit.jsonl') : undefined;
    const adminKubeconfig = writeKubeconfig(path.join(dir, 'admin.kubeconfig'), { server, caFile: pki.ca, token: pki.adminToken, context: 'admin', namespace: 'default' });
    const kubectl = (args: readonly string[], input?: string) => runKubectl(adminKubeconfig, args, input);

    processes.start('etcd', etcdArgs(dir, ports));
    await waitFor('etcd', processes, () => canConnect(ports.etcdClient));
    processes.start('kube-apiserver', [...apiserverArgs(dir, pki, ports), ...(auditLog ? auditArgs(dir, auditLog) : [])]);
    await waitFor('kube-apiserver', processes, () => httpsAnswers(`${server}/readyz`, pki, 'ok'));
    // kwok watches its Logs/ClusterLogs CRDs but does not install them.
    await kubectl(['apply', '-f', kwokFile('kwok.x-k8s.io_logs.yaml'), '-f', kwokFile('kwok.x-k8s.io_clusterlogs.yaml')]);
    await kubectl(['wait', '--for=condition=Established', 'crd/logs.kwok.x-k8s.io', 'crd/clusterlogs.kwok.x-k8s.io', `--timeout=${WAIT_TIMEOUT_MS / 1000}s`]);

    processes.start('kube-controller-manager', controllerManagerArgs(adminKubeconfig, pki, ports));
    processes.start('kube-scheduler', schedulerArgs(adminKubeconfig, ports));
    processes.start('kwok', kwokArgs(dir, adminKubeconfig, pki, ports));
    for (const [name, port] of [
      ['kube-controller-manager', ports.controllerManager],
      ['kube-scheduler', ports.scheduler],
      ['kwok', ports.kwok],
    ] as const) {
      await waitFor(name, processes, () => httpsAnswers(`https://127.0.0.1:${port}/healthz`, null, 'ok'));
    }
    await kubectl(['apply', '-f', '-'], nodeManifests());
    await kubectl(['wait', '--for=condition=Ready', `node/${NODES.cpu.name}`, `node/${NODES.gpu.name}`, `--timeout=${WAIT_TIMEOUT_MS / 1000}s`]);

    return {
      adminKubeconfig,
      auditLog,
      kubectl,
      createNamespace: (prefix = 'test') => createNamespace(kubectl, processes, prefix),
      serviceAccountKubeconfig: (namespace, rules) => serviceAccountKubeconfig(kubectl, dir, { server, caFile: pki.ca }, namespace, rules),
      servePodLogs: (namespace, lines) => servePodLogs(kubectl, dir, namespace, lines),
      stop: async () => {
        await processes.stopAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await processes.stopAll();
    throw err;
  }
}

// --- the components -----------------------------------------------------------

function etcdArgs(dir: string, ports: Ports): string[] {
  const client = `http://127.0.0.1:${ports.etcdClient}`;
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  return [
    '--name=test',
    `--data-dir=${path.join(dir, 'etcd')}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=test=${peer}`,
    // A throwaway store: durability costs seconds per test file for nothing.
    '--unsafe-no-fsync=true',
    '--listen-metrics-urls=',
  ];
}

function apiserverArgs(dir: string, pki: Pki, ports: Ports): string[] {
  return [
    `--etcd-servers=http://127.0.0.1:${ports.etcdClient}`,
    '--bind-address=127.0.0.1',
    // Without a default route (a network namespace) the apiserver cannot pick an address to advertise.
    '--advertise-address=127.0.0.1',
    `--secure-port=${ports.apiserver}`,
    `--tls-cert-file=${pki.serverCert}`,
    `--tls-private-key-file=${pki.serverKey}`,
    `--client-ca-file=${pki.ca}`,
    `--token-auth-file=${pki.tokenFile}`,
    '--authorization-mode=Node,RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${pki.saPublic}`,
    `--service-account-signing-key-file=${pki.saPrivate}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    '--enable-priority-and-fairness=false',
    `--cert-dir=${path.join(dir, 'apiserver-certs')}`,
  ];
}

/** Metadata (who, verb, resource, response code) of ServiceAccounts' requests, once each (not at RequestReceived too). */
function auditArgs(dir: string, log: string): string[] {
  const policy = path.join(dir, 'audit-policy.yaml');
  const rules = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', omitStages: ['RequestReceived'], rules: [{ level: 'Metadata', userGroups: ['system:serviceaccounts'] }, { level: 'None' }] };
  writeFileSync(policy, JSON.stringify(rules));
  return [`--audit-policy-file=${policy}`, `--audit-log-path=${log}`, '--audit-log-format=json'];
}

function controllerManagerArgs(kubeconfig: string, pki: Pki, ports: Ports): string[] {
  return [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${ports.controllerManager}`,
    // Every controller: Job, garbage collector (what a Job owns goes with it), TTL-after-finished, service accounts.
    "--controllers=*",
    `--service-account-private-key-file=${pki.saPrivate}`,
    `--root-ca-file=${pki.ca}`,
    '--leader-elect=false',
  ];
}

function schedulerArgs(kubeconfig: string, ports: Ports): string[] {
  return [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${ports.scheduler}`,
    '--leader-elect=false',
  ];
}

function kwokArgs(dir: string, kubeconfig: string, pki: Pki, ports: Ports): string[] {
  const stages = path.join(dir, 'kwok-stages.yaml');
  writeFileSync(stages, [...KWOK_STAGES.map(kwokFile), OUTCOME_STAGES].map((file) => readFileSync(file, 'utf8').trim()).join('\n---\n') + '\n');
  return [
    `--kubeconfig=${kubeconfig}`,
    `--config=${stages}`,
    // Only the nodes made here, by their annotation.
    '--manage-all-nodes=false',
    '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
    // The apiserver reaches "the kubelet" (kwok) here for pod logs.
    '--node-ip=127.0.0.1',
    `--node-port=${ports.kwok}`,
    `--server-address=127.0.0.1:${ports.kwok}`,
    `--tls-cert-file=${pki.serverCert}`,
    `--tls-private-key-file=${pki.serverKey}`,
    '--node-lease-duration-seconds=40',
    '--enable-crds=Logs,ClusterLogs',
  ];
}

/** kwok's own stages for node readiness and heartbeats, pods becoming Running, and deleted pods going away. */
const KWOK_STAGES = ['node-initialize.yaml', 'node-heartbeat-with-lease.yaml', 'pod-ready.yaml', 'pod-delete.yaml'];

function kwokFile(name: string): string {
  return path.join(KUBERNETES_TOOLS, 'kwok', name);
}

function nodeManifests(): string {
  const node = (name: string, labels: Record<string, string>, resources: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, annotations: { 'kwok.x-k8s.io/node': 'fake' }, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...labels } },
    status: { capacity: { pods: '110', ...resources }, allocatable: { pods: '110', ...resources } },
  });
  const { cpu, gpu } = NODES;
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [node(cpu.name, {}, { cpu: cpu.cpu, memory: cpu.memory }), node(gpu.name, { [gpu.label]: 'true' }, { cpu: gpu.cpu, memory: gpu.memory, 'nvidia.com/gpu': gpu.gpus })],
  });
}

// --- what tests ask of a running cluster ---------------------------------------

async function createNamespace(kubectl: KubeCluster['kubectl'], processes: Processes, prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await kubectl(['create', 'namespace', name]);
  // The service account controller creates `default` shortly after; pods are refused until then.
  await waitFor(`the default ServiceAccount of ${name}`, processes, () => kubectl(['get', 'serviceaccount', 'default', '-n', name]).then(() => true, () => false));
  return name;
}

async function serviceAccountKubeconfig(kubectl: KubeCluster['kubectl'], dir: string, cluster: { server: string; caFile: string }, namespace: string, rules: readonly RbacRule[]): Promise<string> {
  const name = `runner-${randomBytes(3).toString('hex')}`;
  const manifests = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace }, rules },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name, namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ kind: 'ServiceAccount', name, namespace }],
      },
    ],
  };
  await kubectl(['apply', '-f', '-'], JSON.stringify(manifests));
  const token = (await kubectl(['create', 'token', name, '-n', namespace, '--duration=1h'])).trim();
  return writeKubeconfig(path.join(dir, `${namespace}-${name}.kubeconfig`), { ...cluster, token, context: 'sa', namespace });
}

async function servePodLogs(kubectl: KubeCluster['kubectl'], dir: string, namespace: string, lines: readonly string[]): Promise<void> {
  // kwok serves the file as the container runtime's log, so it must be in CRI log format.
  const file = path.join(dir, `${namespace}.log`);
  const start = Date.UTC(2026, 0, 1);
  writeFileSync(file, lines.map((line, index) => `${new Date(start + index * 1000).toISOString().replace('Z', '000000Z')} stdout F ${line}\n`).join(''));
  const logs = {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterLogs',
    metadata: { name: namespace },
    spec: { selector: { matchNamespaces: [namespace] }, logs: [{ logsFile: file }] },
  };
  await kubectl(['apply', '-f', '-'], JSON.stringify(logs));
}

// --- certificates, tokens, kubeconfigs ----------------------------------------

interface Pki {
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly saPublic: string;
  readonly saPrivate: string;
  readonly tokenFile: string;
  readonly adminToken: string;
}

/** A throwaway CA, a serving certificate for 127.0.0.1 (the apiserver's and kwok's), the service-account key pair and a static admin token. */
async function makeCertificates(dir: string): Promise<Pki> {
  const file = (name: string) => path.join(dir, 'pki', name);
  mkdirSync(path.join(dir, 'pki'));
  const openssl = async (args: string[]) => {
    const result = await spawnCollect('openssl', args, {});
    if (result.code !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  };
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=mlops-ci-test-ca', '-keyout', file('ca.key'), '-out', file('ca.crt')]);
  await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=kube-apiserver', '-keyout', file('server.key'), '-out', file('server.csr')]);
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n');
  await openssl(['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', file('server.ext'), '-out', file('server.crt')]);
  await openssl(['genrsa', '-out', file('sa.key'), '2048']);
  await openssl(['rsa', '-in', file('sa.key'), '-pubout', '-out', file('sa.pub')]);
  const adminToken = randomBytes(24).toString('hex');
  writeFileSync(file('tokens.csv'), `${adminToken},admin,admin-uid,"system:masters"\n`);
  return { ca: file('ca.crt'), serverCert: file('server.crt'), serverKey: file('server.key'), saPublic: file('sa.pub'), saPrivate: file('sa.key'), tokenFile: file('tokens.csv'), adminToken };
}

function writeKubeconfig(file: string, options: { server: string; caFile: string; token: string; context: string; namespace: string }): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: { server: options.server, 'certificate-authority': options.caFile } }],
    users: [{ name: options.context, user: { token: options.token } }],
    contexts: [{ name: options.context, context: { cluster: 'test', user: options.context, namespace: options.namespace } }],
    'current-context': options.context,
  };
  // JSON is YAML: every kubeconfig reader takes it.
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return file;
}

async function runKubectl(kubeconfig: string, args: readonly string[], input?: string): Promise<string> {
  const result = await spawnCollect(path.join(BIN, 'kubectl'), [`--kubeconfig=${kubeconfig}`, ...args], input === undefined ? {} : { input });
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  return result.stdout;
}

// --- processes ----------------------------------------------------------------

/** The cluster's processes, by name; each writes to its own log file, and all are stopped by PID. */
class Processes {
  private readonly children = new Map<string, ChildProcess>();
  private readonly killOnExit = () => {
    for (const child of this.children.values()) child.kill('SIGKILL');
  };

  constructor(readonly logDir: string) {
    // A test process that dies without stop() must not leave a control plane behind.
    process.on('exit', this.killOnExit);
  }

  start(name: string, args: readonly string[]): void {
    mkdirSync(this.logDir, { recursive: true });
    const log = createWriteStream(path.join(this.logDir, `${name}.log`));
    const child = spawn(path.join(BIN, name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.children.set(name, child);
  }

  /** The last lines of a component that exited, else null. */
  exited(name?: string): string | null {
    for (const [childName, child] of this.children) {
      if (name !== undefined && childName !== name) continue;
      if (child.exitCode !== null || child.signalCode !== null) {
        const log = readFileSync(path.join(this.logDir, `${childName}.log`), 'utf8').trim().split('\n').slice(-8).join('\n');
        return `${childName} exited (${child.exitCode ?? child.signalCode}):\n${log}`;
      }
    }
    return null;
  }

  /** Newest first, so nothing is left talking to a stopped apiserver; SIGKILL after 5 s. */
  async stopAll(): Promise<void> {
    for (const child of [...this.children.values()].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    this.children.clear();
    process.off('exit', this.killOnExit);
  }
}

// --- waiting ------------------------------------------------------------------

/** Polls `ready` every 100 ms for up to WAIT_TIMEOUT_MS; fails at once, with its log, when a component has exited. */
async function waitFor(what: string, processes: Processes, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const exited = processes.exited();
    if (exited) throw new Error(`the test cluster failed while waiting for ${what}: ${exited}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the test cluster: ${what} not ready after ${WAIT_TIMEOUT_MS / 1000} s (logs in ${processes.logDir})`);
}

/** GET `url` and compare the body; `pki` given: trust its CA and send the admin token, else (health endpoints) accept any certificate. */
function httpsAnswers(url: string, pki: Pki | null, body: string): Promise<boolean> {
  return new Promise((resolve) => {
    const options = pki ? { ca: readFileSync(pki.ca), headers: { authorization: `Bearer ${pki.adminToken}` } } : { rejectUnauthorized: false };
    const request = https.get(url, { ...options, timeout: 2000 }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(response.statusCode === 200 && text.trim() === body));
      response.on('error', () => resolve(false));
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}
