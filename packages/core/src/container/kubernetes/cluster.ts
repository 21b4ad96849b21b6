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
import { InputError } from '../../errors.js';
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
      throw new InputError('kube-context', `${source} has no context '${target.context}'${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}`);
    }
    config.setCurrentContext(target.context);
  }
  const cluster = config.getCurrentCluster();
  if (cluster === null) {
    // client-node leaves the current context undefined when the file had none: say so rather than print 'undefined'.
    const current = config.getCurrentContext() ? `its current context '${config.getCurrentContext()}' names no cluster` : 'it names no current context';
    throw new InputError(target.context !== undefined ? 'kube-context' : 'kubeconfig', `${source}: ${current}; give a context that has one (input 'kube-context')`);
  }
  const namespace = target.namespace ?? config.getContextObject(config.getCurrentContext())?.namespace ?? 'default';
  return { k8s, config, batch: config.makeApiClient(k8s.BatchV1Api), core: config.makeApiClient(k8s.CoreV1Api), namespace, server: cluster.server, source };
}

/** Loads the first configuration found, in kubectl's order; returns what it was, for messages. */
function loadConfig(k8s: KubeClient, config: InstanceType<KubeClient['KubeConfig']>, target: KubeTarget, env: Readonly<NodeJS.ProcessEnv>): string {
  if (target.kubeconfig !== undefined) {
    const source = `kubeconfig ${target.kubeconfig}`;
    loadKubeconfig(config, target.kubeconfig, source);
    return source;
  }
  // KUBECONFIG may list several files, as kubectl reads it: the first one's current context is used.
  const listed = (env['KUBECONFIG'] ?? '').split(path.delimiter).filter((file) => file !== '' && existsSync(file));
  if (listed.length > 0) {
    loadKubeconfig(config, listed[0]!, `KUBECONFIG (${listed[0]!})`);
    for (const file of listed.slice(1)) {
      const more = new k8s.KubeConfig();
      loadKubeconfig(more, file, `KUBECONFIG (${file})`);
      config.mergeConfig(more, true);
    }
    return `KUBECONFIG (${listed.join(path.delimiter)})`;
  }
  const home = env['HOME'] || homedir();
  const fallback = path.join(home, '.kube', 'config');
  if (existsSync(fallback)) {
    loadKubeconfig(config, fallback, fallback);
    return fallback;
  }
  if (env['KUBERNETES_SERVICE_HOST']) {
    config.loadFromCluster();
    return "this pod's service account";
  }
  throw new Error(`no Kubernetes configuration: give the input 'kubeconfig', set KUBECONFIG, create ${fallback}, or run the step in a pod (its service account is used)`);
}

/**
 * Loads one kubeconfig file. client-node accepts any YAML (even
 * /etc/passwd) as an empty configuration, so a file with neither contexts
 * nor clusters is refused here, as bad input naming where it came from.
 */
function loadKubeconfig(config: InstanceType<KubeClient['KubeConfig']>, file: string, source: string): void {
  try {
    config.loadFromFile(file);
  } catch (err) {
    throw new InputError('kubeconfig', `cannot read ${source}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (config.getContexts().length === 0 && config.getClusters().length === 0) {
    throw new InputError('kubeconfig', `${source} is not a kubeconfig: it has no contexts and no clusters`);
  }
}
