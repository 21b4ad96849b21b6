/**
 * How the API server's refusals are explained: a 422 names the input behind
 * the refused field, a 403 the verb and resource to add to the Role, a 401
 * the credentials, a refused connection the server.
 */
import { explainApiError, inputOfField, KubeRefusedError } from '../../../src/container/kubernetes/api-errors.js';

const ACTION = { verb: 'create', resource: 'jobs.batch', namespace: 'ml' };
const SERVER = 'https://127.0.0.1:6443';

test.each([
  ['metadata.labels', 'labels'],
  ['spec.template.metadata.labels', 'labels'],
  ['spec.template.metadata.annotations', 'annotations'],
  ['spec.template.spec.nodeSelector', 'node-selector'],
  ['spec.template.spec.tolerations[0].effect', 'tolerations'],
  ['spec.template.spec.serviceAccountName', 'service-account'],
  ['spec.template.spec.containers[0].resources.limits[cpu]', 'cpus'],
  ['spec.template.spec.containers[0].resources.requests[memory]', 'memory'],
  ['spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]', 'gpus'],
  ['spec.template.spec.volumes[0].persistentVolumeClaim.claimName', 'volumes'],
  ['spec.template.spec.containers[0].image', 'image'],
])('field %s is the input %s', (field, input) => {
  expect(inputOfField(field)).toBe(input);
});

test('a 422 names the input and the field, and says the API server refused it', () => {
  const body = JSON.stringify({ kind: 'Status', code: 422, message: 'Job.batch "x" is invalid', details: { causes: [{ field: 'metadata.labels', message: 'Invalid value: "a b": a valid label must be …' }] } });
  const err = explainApiError({ code: 422, body }, ACTION, SERVER);
  expect(err).toBeInstanceOf(KubeRefusedError);
  expect((err as KubeRefusedError).input).toBe('labels');
  expect(err.message).toMatch(/^input 'labels': refused by the API server \(create jobs\.batch in namespace ml\): metadata\.labels: Invalid value/);
});

test('a 403 names the verb, the resource and its API group, and the Role to add them to', () => {
  const err = explainApiError({ code: 403, body: { message: 'jobs.batch is forbidden: User "system:serviceaccount:ml:ci" cannot create resource "jobs"' } }, ACTION, SERVER);
  expect(err.message).toContain("the service account may not create jobs.batch in namespace ml (403 Forbidden): add the verb 'create' on 'jobs' (apiGroups: ['batch']) to its Role in ml");
});

test('a 401 speaks of credentials; a refused connection names the server', () => {
  expect(explainApiError({ code: 401 }, ACTION, SERVER).message).toContain('did not accept the credentials');
  const refused = Object.assign(new Error('request failed'), { code: 'ECONNREFUSED' });
  expect(explainApiError(refused, ACTION, SERVER).message).toBe(`cannot reach the Kubernetes API server ${SERVER} (ECONNREFUSED) to create jobs.batch in namespace ml: check the kubeconfig's server address and that the cluster is up`);
});
