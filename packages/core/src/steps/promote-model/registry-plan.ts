import { InputError } from '../../errors.js';
import type { Host } from '../../host/types.js';
import { openRegistry, UnknownRegistryError } from '../../registry/factory.js';
import { RegistryRefusal, type ModelRegistry, type RegistryChange } from '../../registry/types.js';
import { BucketNotFoundError, StoreSettingsError } from '../../storage/types.js';
import type { PromoteRequest } from './plan.js';

/**
 * promote-model's plan against its registry: open it and check what the
 * request names there (a version, an alias, HEAD for git-tags) before any
 * work, so a request the registry would refuse ends as bad input (exit 2)
 * with nothing done.
 *
 * This file is where promote-model turns registry/'s domain errors into
 * InputErrors, and only while planning. During the work a RegistryRefusal
 * means another writer changed the registry in between: a failure (exit 1).
 */
export interface PromotePlan {
  readonly inputs: PromoteRequest;
  readonly registry: ModelRegistry;
}

export async function planAgainstRegistry(inputs: PromoteRequest, host: Host): Promise<PromotePlan> {
  const options = { workspace: host.context.workspace, env: host.context.env, s3Endpoint: inputs.s3Endpoint, push: inputs.push, bump: inputs.bump, log: (message: string) => host.info(message) };
  const registry = await asInputErrors('registry', () => openRegistry(inputs.registry, options));
  await checkRequest(registry, inputs);
  return { inputs, registry };
}

/**
 * The one mapping of registry/'s domain errors to promote-model's inputs:
 * what the registry refuses, or a location no registry can be, is bad input
 * naming `input`; anything else (a service down, damaged data) stays as it is.
 */
export function asInputError(input: string, err: unknown): unknown {
  // TypeError: `new URL()` on a malformed mlflow+http(s) location.
  if (err instanceof RegistryRefusal || err instanceof UnknownRegistryError || err instanceof TypeError) return new InputError(input, err.message, { cause: err });
  // A store's bucket that is not there, or settings naming no usable store (e.g. no Azure account): the registry input is wrong.
  if (err instanceof BucketNotFoundError || err instanceof StoreSettingsError) return new InputError(input, err.message, { cause: err });
  return err;
}

/** Runs `read` (opening or reading the registry) with its errors mapped by asInputError. */
async function asInputErrors<T>(input: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw asInputError(input, err);
  }
}

/** The input each kind of change is about, for the message. */
const INPUT_OF: Readonly<Record<RegistryChange['kind'], string>> = { register: 'registry', 'set-alias': 'to-version', 'remove-alias': 'remove-alias', rollback: 'rollback' };

async function checkRequest(registry: ModelRegistry, inputs: PromoteRequest): Promise<void> {
  if (inputs.mode === 'gc') {
    if (!registry.collectGarbage) throw new InputError('gc', `${registry.description} keeps no half-written uploads to remove`);
    return;
  }
  if (inputs.mode === 'describe') {
    const found = await asInputErrors('describe', () => registry.describe(inputs.model, inputs.ref));
    if (!found && !inputs.allowMissing) throw new InputError('describe', missingVersion(registry, inputs.model, inputs.ref));
    return;
  }
  const change = changeOf(inputs);
  const refusal = await asInputErrors(INPUT_OF[change.kind], () => registry.refusalOf(change));
  if (refusal !== null) throw new InputError(INPUT_OF[change.kind], refusal);
}

function changeOf(inputs: Exclude<PromoteRequest, { mode: 'gc' | 'describe' }>): RegistryChange {
  switch (inputs.mode) {
    case 'register':
      return { kind: 'register', model: inputs.model };
    case 'to-version':
      return { kind: 'set-alias', model: inputs.model, alias: inputs.alias, version: inputs.version };
    case 'rollback':
    case 'remove-alias':
      return { kind: inputs.mode, model: inputs.model, alias: inputs.alias };
  }
}

export function missingVersion(registry: ModelRegistry, model: string, ref: { alias: string } | { version: string }): string {
  return `${model}@${'alias' in ref ? ref.alias : ref.version} does not exist in ${registry.description}`;
}
