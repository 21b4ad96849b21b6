import { ApiError, Storage } from '@google-cloud/storage';
import type { StoreOptions } from '../backends.js';

/**
 * A Cloud Storage client as every gs:// user in this project configures it.
 *
 * What the SDK would read from the process is read from the step's
 * environment instead and passed explicitly:
 * - the endpoint: a DVC remote's `endpointurl`, else STORAGE_EMULATOR_HOST
 *   (fake-gcs-server, the test server); a custom endpoint is called with no
 *   credentials at all, as the SDK does for an emulator;
 * - a key file: a DVC remote's `credentialpath`, else
 *   GOOGLE_APPLICATION_CREDENTIALS; without either, Application Default
 *   Credentials (the metadata server, `gcloud auth application-default`,
 *   the workload identity file google-github-actions/auth writes);
 * - the project: a DVC remote's `projectname`, else GOOGLE_CLOUD_PROJECT.
 *   Object reads and writes need none; it is billed for requester-pays only.
 */
export function createGcsClient(options: StoreOptions): Storage {
  const env = options.env;
  const emulator = env['STORAGE_EMULATOR_HOST'] || undefined;
  const keyFile = options.gcs?.keyFile ?? (env['GOOGLE_APPLICATION_CREDENTIALS'] || undefined);
  const projectId = options.gcs?.projectId ?? (env['GOOGLE_CLOUD_PROJECT'] || undefined);
  const endpoint = options.gcs?.endpoint ?? (emulator ? endpointOf(emulator) : undefined);
  const client = new Storage({
    ...(endpoint ? { apiEndpoint: endpoint } : {}),
    ...(keyFile ? { keyFilename: keyFile } : {}),
    ...(projectId ? { projectId } : {}),
    // The SDK's own backoff, with a budget like the S3 client's (6 attempts).
    retryOptions: { autoRetry: true, maxRetries: 5 },
  });
  // When the process has STORAGE_EMULATOR_HOST, the SDK takes it as the JSON
  // API's base as it is, without the /storage/v1 its uploads and every server
  // (fake-gcs-server, Google's) put the API under: requests would miss it.
  if (endpoint) client.baseUrl = `${endpoint}/storage/v1`;
  return client;
}

/** The emulator's URL: `host:port` means http, as the emulators are started (gcloud, fake-gcs-server -scheme http). */
function endpointOf(emulator: string): string {
  return /^[a-z]+:\/\//i.test(emulator) ? emulator.replace(/\/+$/, '') : `http://${emulator}`;
}

/** The HTTP status of a Cloud Storage error, or undefined for anything else (a reset, a timeout). */
export function statusOf(err: unknown): number | undefined {
  return err instanceof ApiError && typeof err.code === 'number' ? err.code : undefined;
}
