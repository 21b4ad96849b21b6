import { AzureCredentialsError, azureSecrets, resolveAzureAccess } from '../../src/storage/azure/credentials.js';

const CONNECTION = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0LWtleS1ieXRlcw==;EndpointSuffix=core.windows.net';

describe('which access an Azure store uses: the remote first, then the environment, then DefaultAzureCredential', () => {
  test.each<[string, Parameters<typeof resolveAzureAccess>[0], Record<string, string>, ReturnType<typeof resolveAzureAccess>]>([
    ["the remote's connection_string over everything", { connectionString: CONNECTION, accountName: 'other', accountKey: 'k' }, { AZURE_STORAGE_CONNECTION_STRING: 'env' }, { kind: 'connection-string', connectionString: CONNECTION }],
    ["the remote's account_name + account_key", { accountName: 'acct', accountKey: 'key' }, { AZURE_STORAGE_CONNECTION_STRING: 'env' }, { kind: 'shared-key', account: 'acct', accountKey: 'key' }],
    ["the remote's account_name + sas_token, without its '?'", { accountName: 'acct', sasToken: '?sv=1&sig=abc' }, {}, { kind: 'sas', account: 'acct', sasToken: 'sv=1&sig=abc' }],
    ['AZURE_STORAGE_CONNECTION_STRING', undefined, { AZURE_STORAGE_CONNECTION_STRING: CONNECTION, AZURE_STORAGE_ACCOUNT: 'acct', AZURE_STORAGE_KEY: 'k' }, { kind: 'connection-string', connectionString: CONNECTION }],
    ['AZURE_STORAGE_ACCOUNT + AZURE_STORAGE_KEY', undefined, { AZURE_STORAGE_ACCOUNT: 'acct', AZURE_STORAGE_KEY: 'k', AZURE_STORAGE_SAS_TOKEN: 's' }, { kind: 'shared-key', account: 'acct', accountKey: 'k' }],
    ['AZURE_STORAGE_ACCOUNT + AZURE_STORAGE_SAS_TOKEN', undefined, { AZURE_STORAGE_ACCOUNT: 'acct', AZURE_STORAGE_SAS_TOKEN: 'sv=1&sig=x' }, { kind: 'sas', account: 'acct', sasToken: 'sv=1&sig=x' }],
    ["the remote's account with the environment's key", { accountName: 'acct' }, { AZURE_STORAGE_KEY: 'k' }, { kind: 'shared-key', account: 'acct', accountKey: 'k' }],
    ['an account alone: DefaultAzureCredential (azure/login OIDC, managed identity)', undefined, { AZURE_STORAGE_ACCOUNT: 'acct' }, { kind: 'default-credential', account: 'acct' }],
  ])('%s', (_name, remote, env, expected) => {
    expect(resolveAzureAccess(remote, env)).toEqual(expected);
  });

  test('no account at all says what to set', () => {
    expect(() => resolveAzureAccess(undefined, { AZURE_STORAGE_KEY: 'k' })).toThrow(AzureCredentialsError);
    expect(() => resolveAzureAccess(undefined, {})).toThrow(/set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT/);
  });
});

test('the secrets to mask: whole values and the parts a message could quote alone', () => {
  const secrets = azureSecrets({ sasToken: 'sv=2024&sig=abc%2Bdef%3D%3D' }, { AZURE_STORAGE_CONNECTION_STRING: CONNECTION, AZURE_STORAGE_ACCOUNT: 'acct' });
  expect(secrets).toEqual(expect.arrayContaining([CONNECTION, 'c2VjcmV0LWtleS1ieXRlcw==', 'sv=2024&sig=abc%2Bdef%3D%3D', 'abc%2Bdef%3D%3D', 'abc+def==']));
  expect(secrets).not.toContain('acct');
});
