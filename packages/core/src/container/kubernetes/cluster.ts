/**
 * The connection to the cluster: which kubeconfig (the `kubeconfig` input,
 * else `KUBECONFIG`, else `~/.kube/config`, else the pod's own service
 * account), which context and namespace. @kubernetes/client-node is loaded
 * here on first use only, so no other step or runtime ever loads it (ncc puts
 * it in a chunk of its own).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { KubeTarget } from './target.js';

export type KubeClient = typeof import('@kubernetes/client-node');

export interface KubeConnection {
  readonly k8s: KubeClient;
  readonly config: InstanceType<KubeClient['KubeConfig']>;
  readonly batch: InstanceType<KubeClient['BatchV1Api']>;
  readonly core: InstanceType<KubeClient['CoreV1Api']>;
  readonly namespace: string;
  /** The API server's URL, for messages. */
  readonly server: string;
  /** Where the configuration came from, for the log. */
  readonly source: string;
}

/** Reads the configuration the target points to; throws naming the input or variable when it cannot. */
export async function connectToCluster(target: KubeTarget, env: Readonly<NodeJS.ProcessEnv>): Promise<KubeConnection> {
  const k8s = await import('@kubernetes/client-node');
  const config = new k8s.KubeConfig();
  const source = loadConfig(k8s, config, target, env);
  if (target.context !== undefined) {
    if (config.getContextObject(target.context) === null) {
      const known = config.getContexts().map((context) => context.name);
      throw new Error(`input 'context': ${source} has no context '${target.context}'${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}`);
    }
    config.setCurrentContext(target.context);
  }
  const cluster = config.getCurrentCluster();
  if (cluster === null) throw new Error(`${source} names no cluster for its current context '${config.getCurrentContext()}': give a context (input 'context') that has one`);
  const namespace = target.namespace ?? config.getContextObject(config.getCurrentContext())?.namespace ?? 'default';
  return { k8s, config, batch: config.makeApiClient(k8s.BatchV1Api), core: config.makeApiClient(k8s.CoreV1Api), namespace, server: cluster.server, source };
}

/** Loads the first configuration found, in kubectl's order; returns what it was, for messages. */
function loadConfig(k8s: KubeClient, config: InstanceType<KubeClient['KubeConfig']>, target: KubeTarget, env: Readonly<NodeJS.ProcessEnv>): string {
  if (target.kubeconfig !== undefined) {
    config.loadFromFile(target.kubeconfig);
    return `kubeconfig ${target.kubeconfig}`;
  }
  // KUBECONFIG may list several files, as kubectl reads it: the first one's current context is used.
  const listed = (env['KUBECONFIG'] ?? '').split(path.delimiter).filter((file) => file !== '' && existsSync(file));
  if (listed.length > 0) {
    config.loadFromFile(listed[0]!);
    for (const file of listed.slice(1)) {
      const more = new k8s.KubeConfig();
      more.loadFromFile(file);
      config.mergeConfig(more, true);
    }
    return `KUBECONFIG (${listed.join(path.delimiter)})`;
  }
  const home = env['HOME'] || homedir();
  const fallback = path.join(home, '.kube', 'config');
  if (existsSync(fallback)) {
    config.loadFromFile(fallback);
    return fallback;
  }
  if (env['KUBERNETES_SERVICE_HOST']) {
    config.loadFromCluster();
    return "this pod's service account";
  }
  throw new Error(`no Kubernetes configuration: give the input 'kubeconfig', set KUBECONFIG, create ${fallback}, or run the step in a pod (its service account is used)`);
}
