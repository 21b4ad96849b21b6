/**
 * The one place an Azure Blob Storage client is made: from the access
 * `resolveAzureAccess` chose. `@azure/identity` is loaded only when no
 * connection string, key or SAS was given, as most runs never need it.
 */
import { AnonymousCredential, BlobServiceClient, StorageSharedKeyCredential, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { AzureOptions } from '../backends.js';
import { AzureCredentialsError, resolveAzureAccess, type AzureAccess } from './credentials.js';

/** Tries of one request, and resumptions of one download cut short (the SDK's maxRetryRequests). */
export const MAX_TRIES = 5;

/**
 * The SDK retries throttling, resets, timeouts and 5xx with exponential
 * backoff; data-pull restarts an object that still fails after these.
 */
const PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: MAX_TRIES, retryDelayInMs: 500, maxRetryDelayInMs: 8000 },
  keepAliveOptions: { enable: true },
};

/** The client of `container`, reached as the remote's settings or the environment say. */
export async function openContainer(container: string, remote: AzureOptions | undefined, env: Readonly<NodeJS.ProcessEnv>): Promise<ContainerClient> {
  return (await serviceClient(resolveAzureAccess(remote, env))).getContainerClient(container);
}

async function serviceClient(access: AzureAccess): Promise<BlobServiceClient> {
  switch (access.kind) {
    case 'connection-string':
      try {
        return BlobServiceClient.fromConnectionString(access.connectionString, PIPELINE);
      } catch (err) {
        // The SDK's message names the part it could not read, never the string itself; ours must not either.
        throw new AzureCredentialsError(`the Azure connection string is not valid: ${(err as Error).message}`);
      }
    case 'shared-key':
      return new BlobServiceClient(accountUrl(access.account), new StorageSharedKeyCredential(access.account, access.accountKey), PIPELINE);
    case 'sas':
      return new BlobServiceClient(`${accountUrl(access.account)}?${access.sasToken}`, new AnonymousCredential(), PIPELINE);
    case 'default-credential': {
      const { DefaultAzureCredential } = await import('@azure/identity');
      return new BlobServiceClient(accountUrl(access.account), new DefaultAzureCredential(), PIPELINE);
    }
  }
}

function accountUrl(account: string): string {
  if (!/^[a-z0-9]{3,24}$/.test(account)) throw new AzureCredentialsError(`got storage account '${account}', expected 3 to 24 lower-case letters and digits`);
  return `https://${account}.blob.core.windows.net`;
}
