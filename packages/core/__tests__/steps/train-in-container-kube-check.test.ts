/**
 * Planning's dry run against an API server: a namespace the cluster does not
 * have is bad input (exit 2) naming `namespace`, found before any image is
 * built. A small HTTP server plays the API server's 404 answer; the real one
 * is in test/train-in-container.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import { InputReader } from '../../src/spec/inputs.js';
import { plan } from '../../src/steps/train-in-container/index.js';
import { trainInContainerSpec } from '../../src/steps/train-in-container/spec.js';
import { quietHost } from '../support/quiet-host.js';

let server: Server;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'namespaces "nope" not found', reason: 'NotFound', code: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a namespace the cluster does not have is bad input naming namespace', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'train-kube-check-'));
  const kubeconfig = path.join(cwd, 'kubeconfig');
  const { port } = server.address() as AddressInfo;
  // Plain HTTP, which client-node allows only with TLS verification off.
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: 'http://127.0.0.1:${port}', insecure-skip-tls-verify: true } }]
users: [{ name: u, user: { token: t } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`,
  );
  const inputs = { runtime: 'kubernetes', image: 'ghcr.io/acme/train@sha256:' + 'a'.repeat(64), command: 'python train.py', kubeconfig, namespace: 'nope' };
  const err = await plan(new InputReader(trainInContainerSpec, jsonInputs(inputs)), quietHost({ cwd, tempDir: cwd })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).input).toBe('namespace');
  expect((err as InputError).message).toContain(`namespace 'nope' does not exist on the cluster http://127.0.0.1:${port}`);
  expect(requests).toEqual(['POST /apis/batch/v1/namespaces/nope/jobs?dryRun=All']);
});
