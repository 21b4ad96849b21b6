/**
 * Pinning the image of a Job: a digest is kept, a tag is resolved through
 * the registry (a fake fetch playing it), and a registry that cannot say is
 * an error naming `image`, never a run of an unpinned tag.
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

test('a tag becomes the digest the registry holds for it', async () => {
  const fetchImpl = jest.fn<typeof fetch>(async () => new Response(null, { status: 200, headers: { 'docker-content-digest': DIGEST } }));
  await expect(pinImage('127.0.0.1:5000/team/train:v1', fetchImpl)).resolves.toBe(`127.0.0.1:5000/team/train@${DIGEST}`);
  expect(String(fetchImpl.mock.calls[0]![0])).toBe('http://127.0.0.1:5000/v2/team/train/manifests/v1');
});

test('an unreachable registry is an error naming image, not a run of the tag', async () => {
  const fetchImpl = jest.fn<typeof fetch>(async () => {
    throw new TypeError('fetch failed');
  });
  await expect(pinImage('127.0.0.1:5000/team/train:v1', fetchImpl)).rejects.toThrow(/^input 'image': cannot resolve 127\.0\.0\.1:5000\/team\/train:v1 to a digest/);
});
