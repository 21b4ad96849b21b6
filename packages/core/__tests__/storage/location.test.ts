import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { parseRegistryLocation, UnknownRegistryError } from '../../src/registry/factory.js';
import { requireCapability, STORE_CAPABILITIES } from '../../src/storage/capabilities.js';
import { isValidAzureContainerName, isValidBucketName, isValidGcsBucketName, LocationError, parseLocation, readLocation, type Location, type LocationRules } from '../../src/storage/location.js';

const cwd = '/work/space';
const EVERY_KIND = 'expected a folder path, file:///abs/dir, s3://bucket/prefix/, gs://bucket/prefix/ or azure://container/prefix/';

/** The contexts that read a location, each with its own rules. */
const CONTEXTS: Record<string, LocationRules> = {
  'data-pull source, cache-url': { base: cwd },
  'a DVC remote in .dvc/config': { base: path.join(cwd, '.dvc') },
  'train-in-container data-url, outputs-url': { base: cwd, kinds: ['s3'] },
  registry: { base: cwd, otherForms: ['mlflow+http://host:port', 'git-tags'] },
};

describe('accepted texts, as each context reads them', () => {
  const s3 = (bucket: string, prefix: string): Location => ({ kind: 's3', bucket, prefix, url: `s3://${bucket}/${prefix}` });
  const gs = (bucket: string, prefix: string): Location => ({ kind: 'gcs', bucket, prefix, url: `gs://${bucket}/${prefix}` });
  const azure = (container: string, prefix: string): Location => ({ kind: 'azure', bucket: container, prefix, url: `azure://${container}/${prefix}` });
  test.each<[string, string, Location]>([
    ['data-pull source, cache-url', 'data', { kind: 'folder', path: '/work/space/data' }],
    ['data-pull source, cache-url', './data/', { kind: 'folder', path: '/work/space/data' }],
    ['data-pull source, cache-url', '../shared', { kind: 'folder', path: '/work/shared' }],
    ['data-pull source, cache-url', '  /abs/dir/  ', { kind: 'folder', path: '/abs/dir' }],
    ['data-pull source, cache-url', 'file:///abs/dir/', { kind: 'folder', path: '/abs/dir' }],
    ['data-pull source, cache-url', 'file:///abs/my%20data', { kind: 'folder', path: '/abs/my data' }],
    ['data-pull source, cache-url', 's3://datasets', s3('datasets', '')],
    ['data-pull source, cache-url', 's3://datasets/', s3('datasets', '')],
    ['data-pull source, cache-url', 's3://datasets/iris/v3', s3('datasets', 'iris/v3/')],
    ['data-pull source, cache-url', 's3://my.bucket/team/data/', s3('my.bucket', 'team/data/')],
    ['data-pull source, cache-url', 'gs://datasets', gs('datasets', '')],
    ['data-pull source, cache-url', 'gs://datasets/iris/v3/', gs('datasets', 'iris/v3/')],
    ['data-pull source, cache-url', 'gs://team_data.example.com/iris', gs('team_data.example.com', 'iris/')],
    ['a DVC remote in .dvc/config', 'gs://bucket/project', gs('bucket', 'project/')],
    ['registry', 'gs://models/registry', gs('models', 'registry/')],
    ['data-pull source, cache-url', 'azure://datasets', azure('datasets', '')],
    ['data-pull source, cache-url', 'azure://datasets/iris/v3/', azure('datasets', 'iris/v3/')],
    ['data-pull source, cache-url', 'azure://ml-data-2/team', azure('ml-data-2', 'team/')],
    ['a DVC remote in .dvc/config', '../../remote', { kind: 'folder', path: '/work/remote' }],
    ['a DVC remote in .dvc/config', 'azure://dvc/project', azure('dvc', 'project/')],
    ['registry', 'azure://models/reg', azure('models', 'reg/')],
    ['a DVC remote in .dvc/config', 's3://bucket/project', s3('bucket', 'project/')],
    ['train-in-container data-url, outputs-url', 's3://ml-runs', s3('ml-runs', '')],
    ['train-in-container data-url, outputs-url', 's3://ml-data/iris', s3('ml-data', 'iris/')],
    ['registry', 'file:///abs/reg', { kind: 'folder', path: '/abs/reg' }],
  ])('%s: %j', (context, text, expected) => {
    expect(parseLocation(text, CONTEXTS[context] as LocationRules)).toEqual(expected);
  });
});

describe('refused texts, with the exact message', () => {
  test.each<[string, string, string]>([
    ['data-pull source, cache-url', '', `got '', ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'GS://bucket/x', `got 'GS://bucket/x': write the scheme in lower case (gs://); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'gs://', "got 'gs://', expected gs://bucket/prefix/ with a valid bucket name"],
    ['data-pull source, cache-url', 'gs://Bad_Bucket/x', "got 'gs://Bad_Bucket/x', expected gs://bucket/prefix/ with a valid bucket name"],
    ['data-pull source, cache-url', 'gs://bucket//x', `got 'gs://bucket//x': the prefix has an empty part ('//'); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'gs://bucket/a//b/', `got 'gs://bucket/a//b/': the prefix has an empty part ('//'); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'azure://', "got 'azure://', expected azure://container/prefix/ with a valid container name"],
    ['data-pull source, cache-url', 'azure://My-Data/x', "got 'azure://My-Data/x', expected azure://container/prefix/ with a valid container name"],
    ['data-pull source, cache-url', 'azure://my.data/x', "got 'azure://my.data/x', expected azure://container/prefix/ with a valid container name"],
    ['data-pull source, cache-url', 'azure://my--data/x', "got 'azure://my--data/x', expected azure://container/prefix/ with a valid container name"],
    ['data-pull source, cache-url', 'azure://data//x', `got 'azure://data//x': the prefix has an empty part ('//'); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'AZURE://data/x', `got 'AZURE://data/x': write the scheme in lower case (azure://); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'https://example.com/x', `got 'https://example.com/x': unknown scheme 'https://'; ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'S3://datasets/x', `got 'S3://datasets/x': write the scheme in lower case (s3://); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'FILE:///abs', `got 'FILE:///abs': write the scheme in lower case (file://); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'file://server/share', `got 'file://server/share': a file:// URL takes no host (file:///absolute/path); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 'file:///a%2Fb', `got 'file:///a%2Fb': File URL path must not include encoded / characters; ${EVERY_KIND}`],
    ['data-pull source, cache-url', 's3://', "got 's3://', expected s3://bucket/prefix/ with a valid bucket name"],
    ['data-pull source, cache-url', 's3://Bad_Bucket/x', "got 's3://Bad_Bucket/x', expected s3://bucket/prefix/ with a valid bucket name"],
    ['data-pull source, cache-url', 's3://bucket\n/x', "got 's3://bucket\\n/x', expected s3://bucket/prefix/ with a valid bucket name"],
    ['data-pull source, cache-url', 's3://bucket//x', `got 's3://bucket//x': the prefix has an empty part ('//'); ${EVERY_KIND}`],
    ['data-pull source, cache-url', 's3://bucket/a//b/', `got 's3://bucket/a//b/': the prefix has an empty part ('//'); ${EVERY_KIND}`],
    ['a DVC remote in .dvc/config', 'gdrive://abc', `got 'gdrive://abc': unknown scheme 'gdrive://'; ${EVERY_KIND}`],
    ['train-in-container data-url, outputs-url', 'ml-data/iris', "got 'ml-data/iris', expected s3://bucket/prefix/"],
    ['train-in-container data-url, outputs-url', 'file:///data', "got 'file:///data', expected s3://bucket/prefix/"],
    ['train-in-container data-url, outputs-url', 'gs://ml-data', "got 'gs://ml-data', expected s3://bucket/prefix/"],
    ['train-in-container data-url, outputs-url', 'azure://ml-data', "got 'azure://ml-data', expected s3://bucket/prefix/"],
    [
      'registry',
      'http://host/x',
      "got 'http://host/x': unknown scheme 'http://'; expected a folder path, file:///abs/dir, s3://bucket/prefix/, gs://bucket/prefix/, azure://container/prefix/, mlflow+http://host:port or git-tags",
    ],
  ])('%s: %j', (context, text, message) => {
    expect(() => parseLocation(text, CONTEXTS[context] as LocationRules)).toThrow(new LocationError(message));
  });

  test('readLocation names the input: exit 2', () => {
    const read = (): Location => readLocation('cache-url', 'hdfs://b', { base: cwd });
    expect(read).toThrow(InputError);
    expect(read).toThrow(`input 'cache-url': got 'hdfs://b': unknown scheme 'hdfs://'; ${EVERY_KIND}`);
  });

  test('URL credentials never reach a message', () => {
    expect(() => parseLocation('https://user:secret@host/x', { base: cwd })).toThrow(/^got 'https:\/\/\*\*\*@host\/x'/);
  });

  test('the registry keeps its own error type, with the same message', () => {
    const parse = (): unknown => parseRegistryLocation('hdfs://b/x', cwd);
    expect(parse).toThrow(UnknownRegistryError);
    expect(parse).toThrow("got 'hdfs://b/x': unknown scheme 'hdfs://'; expected a folder path, file:///abs/dir, s3://bucket/prefix/, gs://bucket/prefix/, azure://container/prefix/, mlflow+http://host:port or git-tags");
  });
});

describe("S3's bucket naming rule", () => {
  test.each(['abc', 'my-bucket', 'my.bucket', '1bucket', 'a'.repeat(63)])('%j is valid', (name) => expect(isValidBucketName(name)).toBe(true));
  test.each(['ab', 'a'.repeat(64), 'Bucket', 'my_bucket', '-bucket', 'bucket-', ''])('%j is not', (name) => expect(isValidBucketName(name)).toBe(false));
});

describe("Cloud Storage's bucket naming rule: S3's, with `_`, and up to 222 characters in dotted parts of at most 63", () => {
  test.each(['abc', 'my_bucket', 'my-bucket', 'team.data.example.com', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}`])('%j is valid', (name) => expect(isValidGcsBucketName(name)).toBe(true));
  test.each(['ab', 'a'.repeat(64), 'Bucket', '_bucket', 'bucket_', 'a..b', `${'a'.repeat(64)}.b`, `${'a'.repeat(63)}.`.repeat(4).slice(0, 223), ''])('%j is not', (name) => expect(isValidGcsBucketName(name)).toBe(false));
});

describe("Azure's container naming rule", () => {
  test.each(['abc', 'my-data', '1data', 'a'.repeat(63)])('%j is valid', (name) => expect(isValidAzureContainerName(name)).toBe(true));
  test.each(['ab', 'a'.repeat(64), 'Data', 'my_data', 'my.data', 'my--data', '-data', 'data-', ''])('%j is not', (name) => expect(isValidAzureContainerName(name)).toBe(false));
});

describe('capabilities', () => {
  const folder: Location = { kind: 'folder', path: '/data/iris' };
  const s3: Location = { kind: 's3', bucket: 'datasets', prefix: 'iris/', url: 's3://datasets/iris/' };

  test('a folder keeps no versions; S3 does; both list, read ranges, create only when absent and compare-and-swap', () => {
    expect({ folder: STORE_CAPABILITIES.folder, s3: STORE_CAPABILITIES.s3 }).toEqual({
      folder: { list: true, rangedRead: true, objectVersions: false, conditionalCreate: true, compareAndSwap: true },
      s3: { list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true },
    });
  });

  test('a store lacking what an input needs is bad input naming that input, and what would do', () => {
    expect(() => requireCapability(folder, 'objectVersions', 'as-of')).toThrow(
      new InputError('as-of', "needs a store that keeps object versions (s3://bucket/prefix/, gs://bucket/prefix/, azure://container/prefix/); '/data/iris' is a folder, which does not"),
    );
  });

  test('Azure Blob Storage has every capability: versions where the account keeps them (an account without is refused when listed, see azure-source-pull.test.ts)', () => {
    expect(STORE_CAPABILITIES.azure).toEqual({ list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true });
    const azure: Location = { kind: 'azure', bucket: 'datasets', prefix: 'iris/', url: 'azure://datasets/iris/' };
    expect(() => requireCapability(azure, 'objectVersions', 'as-of')).not.toThrow();
  });

  test.each(['list', 'rangedRead', 'objectVersions', 'conditionalCreate', 'compareAndSwap'] as const)('S3 has %s', (capability) => {
    expect(() => requireCapability(s3, capability, 'source')).not.toThrow();
  });

  test('Cloud Storage has every one: generations, ifGenerationMatch: 0 and ifGenerationMatch: <generation> (test/data-pull/gcs-source-pull, test/promote-model/promote-gcs)', () => {
    expect(STORE_CAPABILITIES.gcs).toEqual({ list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true });
  });
});
