import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectToCluster } from '../../../src/container/kubernetes/cluster.js';
import { InputError } from '../../../src/errors.js';
import { kubeTarget } from '../../support/kube-target.js';

// Reading the kubeconfig needs no cluster: nothing here talks to an API server.
const dir = mkdtempSync(path.join(tmpdir(), 'mlops-kubeconfig-'));
const kubeconfig = path.join(dir, 'config');
writeFileSync(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: 'https://127.0.0.1:1' } }]
users: [{ name: u, user: { token: t } }]
contexts: [{ name: gpu, context: { cluster: c, user: u, namespace: ml } }]
current-context: gpu
`,
);
const notAKubeconfig = path.join(dir, 'passwd');
writeFileSync(notAKubeconfig, 'root:x:0:0:root:/root:/bin/bash\n');

const target = kubeTarget;
const env = { HOME: '/nonexistent' };

async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

test('a kubeconfig with the context given connects to its namespace', async () => {
  const connection = await connectToCluster(target({ kubeconfig, context: 'gpu' }), env);
  expect([connection.namespace, connection.server]).toEqual(['ml', 'https://127.0.0.1:1']);
});

test('an unknown kube-context is bad input naming kube-context and the contexts there are', async () => {
  const err = await inputErrorOf(connectToCluster(target({ kubeconfig, context: 'nope' }), env));
  expect(err.input).toBe('kube-context');
  expect(err.message).toBe(`input 'kube-context': kubeconfig ${kubeconfig} has no context 'nope' (it has gpu)`);
});

test('a file that is no kubeconfig is bad input naming kubeconfig and the file', async () => {
  const err = await inputErrorOf(connectToCluster(target({ kubeconfig: notAKubeconfig }), env));
  expect(err.input).toBe('kubeconfig');
  expect(err.message).toContain(notAKubeconfig);
  expect(err.message).not.toContain('undefined');
});

test('a file that cannot be read is bad input naming kubeconfig', async () => {
  const err = await inputErrorOf(connectToCluster(target({ kubeconfig: dir }), env));
  expect(err.input).toBe('kubeconfig');
  expect(err.message).toContain(`cannot read kubeconfig ${dir}`);
});

test('a bad file from KUBECONFIG names KUBECONFIG', async () => {
  const err = await inputErrorOf(connectToCluster(target({}), { ...env, KUBECONFIG: notAKubeconfig }));
  expect(err.input).toBe('kubeconfig');
  expect(err.message).toContain(`KUBECONFIG (${notAKubeconfig})`);
});
