/**
 * A real Azure Blob Storage server for tests: Azurite (Microsoft's emulator,
 * the npm devDependency `azurite`), blob service only, on 127.0.0.1 with its
 * own data folder, reached with the emulator's well-known account
 * (devstoreaccount1) through a connection string, as the SDK documents.
 * Azurite keeps no blob versions (its README lists "Blob Versions" as not
 * supported): time-travel tests need a real Azure account.
 */
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './bundle.js';
import { canConnect, freePort } from './s3-server.js';

export const AZURITE_BLOB = path.join(ROOT, 'node_modules', '.bin', 'azurite-blob');

/** The emulator's documented account and key: public, the same in every Azurite. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzureServer {
  /** `http://127.0.0.1:<port>/devstoreaccount1` */
  readonly blobEndpoint: string;
  readonly port: number;
  /** The connection string for this server, or for a proxy in front of it (`endpoint` of the proxy). */
  connectionString(endpoint?: string): string;
  /** The environment the bundle needs to reach this server (AZURE_STORAGE_CONNECTION_STRING). */
  readonly env: Record<string, string>;
  /** A client for the test's own setup. */
  readonly service: BlobServiceClient;
  createContainer(name: string): Promise<ContainerClient>;
  stop(): Promise<void>;
}

export async function startAzureServer(): Promise<AzureServer> {
  if (!existsSync(AZURITE_BLOB)) throw new Error(`${AZURITE_BLOB} is missing: run npm ci`);
  const location = mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const port = await freePort();
  const child = spawn(
    AZURITE_BLOB,
    ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--silent', '--skipApiVersionCheck', '--disableTelemetry'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitUntilListening(port, child, () => stderr);
  const blobEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  const connectionString = (endpoint = blobEndpoint): string => `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${endpoint};`;
  const service = BlobServiceClient.fromConnectionString(connectionString());
  return {
    blobEndpoint,
    port,
    connectionString,
    env: { AZURE_STORAGE_CONNECTION_STRING: connectionString() },
    service,
    async createContainer(name) {
      const container = service.getContainerClient(name);
      await container.create();
      return container;
    },
    async stop() {
      await stopProcess(child);
      rmSync(location, { recursive: true, force: true });
    },
  };
}

async function waitUntilListening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`azurite-blob exited with ${child.exitCode}: ${stderr()}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`azurite-blob did not listen on 127.0.0.1:${port} within 15s: ${stderr()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
