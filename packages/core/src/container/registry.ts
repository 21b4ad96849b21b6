/**
 * The little of the OCI distribution API train-in-container needs: where a
 * `push` input points, and which manifest digest a registry holds for a tag
 * (`HEAD /v2/<repository>/manifests/<tag>`, `Docker-Content-Digest`), so an
 * image already pushed is not pushed again. Pushing itself is the engine's
 * (`docker push`), with the engine's own login.
 */

/** A repository in a registry, as `push: <registry>/<repository>` names it. */
export interface RegistryRepository {
  /** Host and optional port, as written (`ghcr.io`, `127.0.0.1:5000`). */
  readonly registry: string;
  /** The path inside the registry (`team/train`). */
  readonly repository: string;
}

const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;
const PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/**
 * Reads `<registry>/<repository>`: a registry host (with a dot or a port, or
 * `localhost`, as Docker tells hosts from names) and a repository path, with
 * no tag or digest (the step makes the tag). Returns an explanation instead
 * when the text is not that.
 */
export function parseRegistryRepository(text: string): RegistryRepository | string {
  if (/[@]/.test(text) || /:[^/]*$/.test(text.slice(text.indexOf('/') + 1))) {
    return 'expected <registry>/<repository> with no tag or digest (the step tags the image with its build-inputs digest)';
  }
  const slash = text.indexOf('/');
  const registry = slash === -1 ? '' : text.slice(0, slash);
  const repository = slash === -1 ? text : text.slice(slash + 1);
  if (!(HOST.test(registry) && (/[.:]/.test(registry) || registry === 'localhost'))) {
    return 'expected <registry>/<repository> starting with a registry host such as ghcr.io, registry.example.com:5000 or docker.io (for Docker Hub)';
  }
  if (!PATH.test(repository)) return `expected a repository path of lower-case letters, digits, '.', '_', '-' and '/' after ${registry}/`;
  return { registry, repository };
}

/**
 * The name Docker prints for a repository in `RepoDigests`: Docker Hub's
 * `docker.io/` prefix and its `library/` namespace are left out.
 */
export function engineRepositoryName(target: RegistryRepository): string {
  if (target.registry !== 'docker.io' && target.registry !== 'index.docker.io') return `${target.registry}/${target.repository}`;
  return target.repository.startsWith('library/') ? target.repository.slice('library/'.length) : target.repository;
}

/** The manifest types an engine pushes; asking for them all makes the registry report the digest of what is stored. */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/**
 * The digest (`sha256:…`) the registry holds under `tag`, or null when it
 * holds nothing there or cannot be asked anonymously (a private registry):
 * the caller then pushes, and the engine skips the layers already there.
 * Loopback registries are spoken to over plain HTTP, as Docker does.
 */
export async function registryManifestDigest(target: RegistryRepository, tag: string, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  const url = `${registryBase(target.registry)}/v2/${target.repository}/manifests/${encodeURIComponent(tag)}`;
  const headers = { Accept: MANIFEST_TYPES };
  let response = await fetchImpl(url, { method: 'HEAD', headers, signal: AbortSignal.timeout(15_000) }).catch(() => null);
  if (response === null) return null;
  if (response.status === 401) {
    // Docker Hub and most registries give even public reads through a bearer token, anonymous when no login.
    const token = await anonymousToken(response.headers.get('www-authenticate'), fetchImpl);
    if (token === null) return null;
    response = await fetchImpl(url, { method: 'HEAD', headers: { ...headers, Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) }).catch(() => null);
  }
  if (response === null || !response.ok) return null;
  const digest = response.headers.get('docker-content-digest');
  return digest !== null && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : null;
}

function registryBase(registry: string): string {
  const host = registry.replace(/:[0-9]+$/, '');
  if (registry === 'docker.io' || registry === 'index.docker.io') return 'https://registry-1.docker.io';
  const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
  return `${loopback ? 'http' : 'https'}://${registry}`;
}

/** A token from a `Bearer realm=…,service=…,scope=…` challenge, asked for without credentials; null when refused. */
async function anonymousToken(challenge: string | null, fetchImpl: typeof fetch): Promise<string | null> {
  if (!challenge || !/^bearer\s/i.test(challenge)) return null;
  const params = new Map([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1]!.toLowerCase(), match[2]!]));
  const realm = params.get('realm');
  if (!realm) return null;
  const url = new URL(realm);
  for (const key of ['service', 'scope']) {
    const value = params.get(key);
    if (value) url.searchParams.set(key, value);
  }
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
  if (response === null || !response.ok) return null;
  const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
  const token = body.token ?? body.access_token;
  return typeof token === 'string' ? token : null;
}
