/**
 * The image a Job runs, pinned: every pod of the run, every retry, and anyone
 * reproducing it later pulls the very same bytes. A reference by digest is
 * used as is; one by tag is resolved to the digest the registry holds for it
 * now, before anything is created.
 */
import { registryManifestDigest } from '../registry.js';

/** `name@sha256:…` for `ref`; throws naming the `image` input when the registry cannot say (a cluster must not run an unknown image). */
export async function pinImage(ref: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const digestAt = ref.indexOf('@');
  if (digestAt !== -1) return ref;
  const { name, tag } = splitTag(ref);
  const target = registryRepositoryOf(name);
  const digest = await registryManifestDigest(target, tag, fetchImpl);
  if (digest === null) {
    throw new Error(
      `input 'image': cannot resolve ${ref} to a digest: the registry ${target.registry} did not answer for ${target.repository}:${tag} (unreachable, no such tag, or private without anonymous reads). The Job must run a pinned image: give image by digest (name@sha256:…).`,
    );
  }
  return `${name}@${digest}`;
}

/** `name[:tag]` → the name and the tag (`latest` when none), as Docker reads a reference. */
export function splitTag(ref: string): { name: string; tag: string } {
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { name: ref, tag: 'latest' };
}

/** Docker's normalisation: a first component without `.` or `:` (and not `localhost`) is a Docker Hub name, `library/` for official images. */
export function registryRepositoryOf(name: string): { registry: string; repository: string } {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  if (first !== '' && (/[.:]/.test(first) || first === 'localhost')) return { registry: first, repository: name.slice(slash + 1) };
  return { registry: 'docker.io', repository: slash === -1 ? `library/${name}` : name };
}
