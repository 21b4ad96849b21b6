import path from 'node:path';
import type { ModelRegistry } from './types.js';
import { DEFAULT_REGISTRY } from './names.js';
import { openBlobStore } from '../storage/backends.js';
import { LocationError, parseLocation, type Location } from '../storage/location.js';

/** A `registry` value, parsed: which backend, and where. */
export type RegistryLocation =
  /** Files in a store (a folder, s3://, gs://, azure://), written with conditional writes: ObjectStoreRegistry. */
  | { readonly kind: 'store'; readonly location: Location }
  | { readonly kind: 'mlflow'; readonly baseUrl: string }
  | { readonly kind: 'git-tags'; readonly repo: string };

/** A registry URL of a scheme no backend serves. */
export class UnknownRegistryError extends Error {
  override readonly name = 'UnknownRegistryError';
}

export interface RegistryOptions {
  /** Relative local paths and `git-tags` resolve against this folder. */
  readonly workspace: string;
  /** The step's environment (`host.context.env`): MLflow's credentials, S3's endpoint and region, git's identity. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** S3-compatible endpoint (versitygw, MinIO…); empty for AWS. Other stores read their emulators' variables from `env`. */
  readonly s3Endpoint?: string;
  /** git-tags: push new tags to `origin`. */
  readonly push?: boolean;
  /** git-tags: which part of the latest version a new one increments. Defaults to patch. */
  readonly bump?: 'major' | 'minor' | 'patch';
  /** Hears progress of long work (uploads). Optional. */
  readonly log?: (message: string) => void;
}

/** The forms this file reads itself, before the stores `parseLocation` reads. */
const REGISTRY_FORMS = ['mlflow+http://host:port', 'git-tags'];

/**
 * Parses a `registry` value: `mlflow+http(s)://host:port`, `git-tags` (the
 * workspace's repository; `git-tags:<dir>` for another), else a store
 * location (`parseLocation`: a folder path, `file:///abs/dir`,
 * `s3://bucket/prefix`, …); empty means `.mlops-ci/registry`.
 * Throws UnknownRegistryError for anything else.
 */
export function parseRegistryLocation(value: string, workspace: string): RegistryLocation {
  const text = value.trim() || DEFAULT_REGISTRY;
  if (text === 'git-tags' || text.startsWith('git-tags:')) {
    return { kind: 'git-tags', repo: path.resolve(workspace, text.slice('git-tags:'.length) || '.') };
  }
  if (/^mlflow\+https?:\/\//.test(text)) {
    const url = new URL(text.slice('mlflow+'.length));
    return { kind: 'mlflow', baseUrl: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
  }
  try {
    return { kind: 'store', location: parseLocation(text, { base: workspace, otherForms: REGISTRY_FORMS }) };
  } catch (err) {
    if (err instanceof LocationError) throw new UnknownRegistryError(err.message, { cause: err });
    throw err;
  }
}

/** The backend for a parsed location; each is loaded only when used. */
export async function openRegistry(location: RegistryLocation, options: RegistryOptions): Promise<ModelRegistry> {
  switch (location.kind) {
    case 'store': {
      const [{ ObjectStoreRegistry }, store] = await Promise.all([
        import('./object-store-registry.js'),
        openBlobStore(location.location, { env: options.env, ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}), ...(options.log ? { log: options.log } : {}) }),
      ]);
      return new ObjectStoreRegistry(store, options.log);
    }
    case 'mlflow': {
      const { MlflowRegistry, mlflowAuthFromEnv } = await import('./mlflow-registry.js');
      return new MlflowRegistry(location.baseUrl, mlflowAuthFromEnv(options.env));
    }
    case 'git-tags': {
      const { GitTagsRegistry } = await import('./git-tags-registry.js');
      return new GitTagsRegistry(location.repo, { env: options.env, push: options.push ?? false, bump: options.bump ?? 'patch' });
    }
  }
}
