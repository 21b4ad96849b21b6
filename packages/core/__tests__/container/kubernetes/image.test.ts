/**
 * Pinning the image of a Job: how a reference is read, and a digest kept as
 * is. Resolving a tag, and a registry that does not answer, are shown against
 * a real registry (and a port nothing listens on) in
 * test/train-in-container/train-kubernetes.test.ts.
 */
import { jest } from '@jest/globals';
import { pinImage, registryRepositoryOf, splitTag } from '../../../src/container/kubernetes/image.js';

const DIGEST = `sha256:${'cd'.repeat(32)}`;

test.each([
  ['python:3.12-slim', { registry: 'docker.io', repository: 'library/python' }, '3.12-slim'],
  ['acme/train', { registry: 'docker.io', repository: 'acme/train' }, 'latest'],
  ['127.0.0.1:5000/team/train:v1', { registry: '127.0.0.1:5000', repository: 'team/train' }, 'v1'],
  ['localhost/train:v2', { registry: 'localhost', repository: 'train' }, 'v2'],
])('%s is read as Docker reads it', (ref, repository, tag) => {
  const { name, tag: readTag } = splitTag(ref);
  expect(readTag).toBe(tag);
  expect(registryRepositoryOf(name)).toEqual(repository);
});

test('a reference by digest is used as is, without asking anything', async () => {
  const fetchImpl = jest.fn<typeof fetch>();
  await expect(pinImage(`ghcr.io/acme/train@${DIGEST}`, fetchImpl)).resolves.toBe(`ghcr.io/acme/train@${DIGEST}`);
  expect(fetchImpl).not.toHaveBeenCalled();
});
