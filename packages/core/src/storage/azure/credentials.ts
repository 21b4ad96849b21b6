/**
 * How an Azure Blob Storage store is reached, decided from a DVC remote's
 * settings and the step's environment alone. Plain data with no SDK import,
 * so a step can mask the secrets (`azureSecrets`) before any store is opened.
 */
import type { AzureOptions } from '../backends.js';
import { StoreSettingsError } from '../types.js';

/** One way to authenticate, each with the account it reaches. Exactly one applies. */
export type AzureAccess =
  /** A connection string: account, key or SAS, and endpoint (Azurite's among them). */
  | { readonly kind: 'connection-string'; readonly connectionString: string }
  /** An account and its shared key. */
  | { readonly kind: 'shared-key'; readonly account: string; readonly accountKey: string }
  /** An account and a SAS token (without its leading `?`). */
  | { readonly kind: 'sas'; readonly account: string; readonly sasToken: string }
  /** An account and DefaultAzureCredential: OIDC federation (azure/login), managed identity, the Azure CLI's login. */
  | { readonly kind: 'default-credential'; readonly account: string };

/** No way to reach the account was found: says what to set. Never names a secret. */
export class AzureCredentialsError extends StoreSettingsError {
  override readonly name = 'AzureCredentialsError';
}

/**
 * The access to use, first found wins: a DVC remote's `connection_string`,
 * `account_name` + `account_key`, `account_name` + `sas_token`; then the
 * environment's AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT with
 * AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN; then DefaultAzureCredential
 * for the remote's or the environment's account.
 * Throws AzureCredentialsError when no account is named at all.
 */
export function resolveAzureAccess(remote: AzureOptions | undefined, env: Readonly<NodeJS.ProcessEnv>): AzureAccess {
  const fromRemote = accessOf(remote?.connectionString, remote?.accountName, remote?.accountKey, remote?.sasToken);
  if (fromRemote) return fromRemote;
  const account = remote?.accountName ?? nonEmpty(env['AZURE_STORAGE_ACCOUNT']);
  const fromEnv = accessOf(nonEmpty(env['AZURE_STORAGE_CONNECTION_STRING']), account, nonEmpty(env['AZURE_STORAGE_KEY']), nonEmpty(env['AZURE_STORAGE_SAS_TOKEN']));
  if (fromEnv) return fromEnv;
  if (account) return { kind: 'default-credential', account };
  throw new AzureCredentialsError(
    'no Azure storage account to reach: set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT (with AZURE_STORAGE_KEY, AZURE_STORAGE_SAS_TOKEN, or an azure/login identity)',
  );
}

function accessOf(connectionString: string | undefined, account: string | undefined, accountKey: string | undefined, sasToken: string | undefined): AzureAccess | undefined {
  if (connectionString) return { kind: 'connection-string', connectionString };
  if (account && accountKey) return { kind: 'shared-key', account, accountKey };
  if (account && sasToken) return { kind: 'sas', account, sasToken: sasToken.replace(/^\?/, '') };
  return undefined;
}

/** The environment variables holding Azure secrets, for steps that mask what their clients read. */
export const AZURE_SECRET_ENV = ['AZURE_STORAGE_CONNECTION_STRING', 'AZURE_STORAGE_KEY', 'AZURE_STORAGE_SAS_TOKEN'] as const;

/**
 * Every secret text in a remote's settings and the environment: whole values
 * and the parts a message could quote alone (a connection string's
 * AccountKey and SharedAccessSignature, a SAS token's signature).
 */
export function azureSecrets(remote: AzureOptions | undefined, env: Readonly<NodeJS.ProcessEnv>): string[] {
  const values = [remote?.connectionString, remote?.accountKey, remote?.sasToken, ...AZURE_SECRET_ENV.map((name) => env[name])];
  const secrets = new Set<string>();
  for (const value of values) {
    const text = nonEmpty(value);
    if (!text) continue;
    secrets.add(text);
    for (const part of secretParts(text)) secrets.add(part);
  }
  return [...secrets];
}

/** `AccountKey=…` and `SharedAccessSignature=…` of a connection string; `sig=…` of a SAS (alone or inside one). */
function secretParts(text: string): string[] {
  const parts: string[] = [];
  for (const match of text.matchAll(/(?:^|;)\s*(AccountKey|SharedAccessSignature)=([^;]+)/gi)) if (match[2]) parts.push(match[2].trim());
  for (const match of text.matchAll(/(?:^|[?&;])sig=([^&;]+)/gi)) {
    if (!match[1]) continue;
    parts.push(match[1]);
    // The SDK sends it percent-encoded, and a message may quote either form.
    const decoded = safeDecode(match[1]);
    if (decoded !== match[1]) parts.push(decoded);
  }
  return parts.filter((part) => part.length >= 8);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
