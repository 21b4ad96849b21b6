/**
 * The registry module: what a `push` input may name, the name Docker prints
 * for it, and the manifest digest asked of a registry (a fake fetch playing
 * a registry, with and without a bearer-token challenge).
 */
import { engineRepositoryName, parseRegistryRepository, registryManifestDigest } from '../../src/container/registry.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

test.each([
  ['ghcr.io/acme/train', { registry: 'ghcr.io', repository: 'acme/train' }],
  ['127.0.0.1:5000/train', { registry: '127.0.0.1:5000', repository: 'train' }],
  ['localhost/a/b/c', { registry: 'localhost', repository: 'a/b/c' }],
  ['docker.io/acme/train', { registry: 'docker.io', repository: 'acme/train' }],
])('%s is a registry and a repository', (text, expected) => {
  expect(parseRegistryRepository(text)).toEqual(expected);
});

test.each([
  ['ghcr.io/acme/train:v1', 'no tag or digest'],
  [`ghcr.io/acme/train@${DIGEST}`, 'no tag or digest'],
  ['acme/train', 'starting with a registry host'],
  ['train', 'starting with a registry host'],
  ['ghcr.io/Acme/train', 'a repository path of lower-case letters'],
  ['ghcr.io/', 'a repository path of lower-case letters'],
])('%s is refused with an explanation', (text, explanation) => {
  expect(parseRegistryRepository(text)).toEqual(expect.stringContaining(explanation));
});

test('Docker Hub repositories are named as Docker prints them', () => {
  expect(engineRepositoryName({ registry: 'docker.io', repository: 'acme/train' })).toBe('acme/train');
  expect(engineRepositoryName({ registry: 'docker.io', repository: 'library/train' })).toBe('train');
  expect(engineRepositoryName({ registry: 'ghcr.io', repository: 'acme/train' })).toBe('ghcr.io/acme/train');
});

/** A registry answering HEAD on one manifest, optionally behind an anonymous bearer token. */
function fakeRegistry(options: { token?: boolean; digest?: string | null } = {}) {
  const requests: string[] = [];
  const fetchImpl = (async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    const auth = new Headers(init?.headers).get('authorization');
    requests.push(`${init?.method ?? 'GET'} ${url}${auth ? ` (${auth})` : ''}`);
    if (url.startsWith('https://auth.example/token')) return Response.json({ token: 'anon' });
    if (options.token && auth !== 'Bearer anon') {
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="https://auth.example/token",service="reg",scope="repository:acme/train:pull"' } });
    }
    if (options.digest === null) return new Response(null, { status: 404 });
    return new Response(null, { status: 200, headers: { 'Docker-Content-Digest': options.digest ?? DIGEST } });
  }) as typeof fetch;
  return { fetchImpl, requests };
}

test('HEAD on the tag gives the digest; a loopback registry is asked over plain HTTP', async () => {
  const { fetchImpl, requests } = fakeRegistry();
  expect(await registryManifestDigest({ registry: '127.0.0.1:5000', repository: 'acme/train' }, 'abc', fetchImpl)).toBe(DIGEST);
  expect(requests).toEqual(['HEAD http://127.0.0.1:5000/v2/acme/train/manifests/abc']);
});

test('a bearer challenge is answered with an anonymous token', async () => {
  const { fetchImpl, requests } = fakeRegistry({ token: true });
  expect(await registryManifestDigest({ registry: 'ghcr.io', repository: 'acme/train' }, 'abc', fetchImpl)).toBe(DIGEST);
  expect(requests).toEqual([
    'HEAD https://ghcr.io/v2/acme/train/manifests/abc',
    'GET https://auth.example/token?service=reg&scope=repository%3Aacme%2Ftrain%3Apull',
    'HEAD https://ghcr.io/v2/acme/train/manifests/abc (Bearer anon)',
  ]);
});

test('no manifest, a malformed digest or an unreachable registry: null (the caller pushes)', async () => {
  const target = { registry: 'ghcr.io', repository: 'acme/train' };
  expect(await registryManifestDigest(target, 'abc', fakeRegistry({ digest: null }).fetchImpl)).toBeNull();
  expect(await registryManifestDigest(target, 'abc', fakeRegistry({ digest: 'md5:x' }).fetchImpl)).toBeNull();
  expect(await registryManifestDigest(target, 'abc', (async () => Promise.reject(new Error('ECONNREFUSED'))) as typeof fetch)).toBeNull();
});
