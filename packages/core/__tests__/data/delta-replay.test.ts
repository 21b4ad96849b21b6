import { InputError } from '../../src/errors.js';
import { commitName, latestVersion, readLogListing, readPlanFor, versionAsOf } from '../../src/data/delta/log.js';
import { DeltaLogError, hasInCommitTimestamp, parseCommit, plainValue, relativePathOf, replay, unsupportedFeature, type Action } from '../../src/data/delta/replay.js';
import { recordedRows } from '../../src/data/delta/stats.js';
import { tableCommit } from '../../src/data/delta/table.js';
import type { StoredObject } from '../../src/storage/types.js';

const PROTOCOL = JSON.stringify({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } });
const META = JSON.stringify({ metaData: { id: 't', format: { provider: 'parquet', options: {} }, schemaString: '{}', partitionColumns: [], configuration: {} } });
const add = (path: string, size = 10, extra: Record<string, unknown> = {}) => JSON.stringify({ add: { path, size, partitionValues: {}, modificationTime: 1, dataChange: true, ...extra } });
const remove = (path: string) => JSON.stringify({ remove: { path, deletionTimestamp: 2, dataChange: true } });
const commit = (version: number, ...lines: string[]) => ({ version, actions: parseCommit(`${JSON.stringify({ commitInfo: { timestamp: 0 } })}\n${lines.join('\n')}\n`, version) });

describe('replay', () => {
  test('adds and removes replay to the exact file set; the newest protocol and metadata win', () => {
    const snapshot = replay(undefined, [
      commit(0, PROTOCOL, META, add('a.parquet'), add('b.parquet')),
      commit(1, remove('a.parquet'), add('c.parquet', 30)),
      // An overwrite: every file removed, one added.
      commit(2, remove('b.parquet'), remove('c.parquet'), add('d.parquet', 40)),
      commit(3, add('e.parquet', 50)),
    ]);
    expect(snapshot.version).toBe(3);
    expect([...snapshot.files.keys()].sort()).toEqual(['d.parquet', 'e.parquet']);
    expect(snapshot.files.get('e.parquet')?.size).toBe(50);
    expect(snapshot.protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 2 });
  });

  test('a checkpoint is the start; only the commits after it are replayed', () => {
    const start = { version: 9, actions: [JSON.parse(PROTOCOL), JSON.parse(META), JSON.parse(add('x.parquet'))].map((value) => actionFrom(value)) };
    const snapshot = replay(start, [commit(10, remove('x.parquet'), add('y.parquet'))]);
    expect(snapshot.version).toBe(10);
    expect([...snapshot.files.keys()]).toEqual(['y.parquet']);
  });

  test('paths are percent-decoded, and a remove written with another encoding removes the same file', () => {
    const snapshot = replay(undefined, [commit(0, PROTOCOL, META, add('part=a%20b/f%25.parquet'), add('k=1/g.parquet')), commit(1, remove('k%3D1/g.parquet'))]);
    expect([...snapshot.files.keys()]).toEqual(['part=a b/f%.parquet']);
    expect(snapshot.files.get('part=a b/f%.parquet')?.path).toBe('part=a%20b/f%25.parquet');
  });

  test('an absolute URI (a shallow clone) or a path that is not URL-encoded right is refused', () => {
    expect(() => relativePathOf('s3://other/table/f.parquet', 4)).toThrow(/absolute URI \(a shallow clone\?\)/);
    expect(() => relativePathOf('file:/data/f.parquet', 4)).toThrow(DeltaLogError);
    expect(() => relativePathOf('/data/f.parquet', 4)).toThrow(DeltaLogError);
    expect(() => relativePathOf('bad%zz.parquet', 4)).toThrow(/not a valid URL-encoded path/);
  });

  test('a log without protocol or metadata, or with a line that is not JSON, is refused', () => {
    expect(() => replay(undefined, [commit(0, META, add('a.parquet'))])).toThrow(/no protocol action/);
    expect(() => parseCommit('{"add":{"path":"a"}}\n', 0)).toThrow(/needs a path and a size/);
    expect(() => parseCommit('{"add":\n', 3)).toThrow(/commit 3, line 1 is not JSON/);
  });

  test('a null partition value stays a value; a checkpoint row is written back as JSON would hold it', () => {
    const snapshot = replay(undefined, [commit(0, PROTOCOL, META, add('p=__HIVE_DEFAULT_PARTITION__/a.parquet', 5, { partitionValues: { p: null } }))]);
    expect(snapshot.files.get('p=__HIVE_DEFAULT_PARTITION__/a.parquet')?.partitionValues).toEqual({ p: null });
    expect(plainValue({ size: 12n, tags: null, nested: { t: 3n, gone: null } })).toEqual({ size: 12, nested: { t: 3 } });
  });
});

test('a commit with an in-commit timestamp is told from one without', () => {
  expect(hasInCommitTimestamp(`${JSON.stringify({ commitInfo: { inCommitTimestamp: 1700000000000, timestamp: 1700000000001 } })}\n${add('a.parquet')}\n`)).toBe(true);
  expect(hasInCommitTimestamp(`${JSON.stringify({ commitInfo: { timestamp: 1 } })}\n${add('inCommitTimestamp.parquet')}\n`)).toBe(false);
});

describe('reader features', () => {
  const withProtocol = (protocol: object, extra: string[] = []) => replay(undefined, [commit(0, JSON.stringify({ protocol }), META, add('a.parquet'), ...extra)]);

  test('deletion vectors are refused, by protocol or on a file', () => {
    expect(unsupportedFeature(withProtocol({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['deletionVectors'], writerFeatures: ['deletionVectors'] }))).toMatch(/deletionVectors.*deletion vectors hide rows/);
    expect(unsupportedFeature(withProtocol({ minReaderVersion: 1, minWriterVersion: 2 }, [add('b.parquet', 3, { deletionVector: { storageType: 'u', pathOrInlineDv: 'x', sizeInBytes: 1, cardinality: 1 } })]))).toMatch(/b.parquet has a deletion vector/);
  });

  test('column mapping and timestamps without zone keep the rows; unknown features and reader versions are refused', () => {
    expect(unsupportedFeature(withProtocol({ minReaderVersion: 2, minWriterVersion: 5 }))).toBeUndefined();
    expect(unsupportedFeature(withProtocol({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['columnMapping', 'timestampNtz'] }))).toBeUndefined();
    expect(unsupportedFeature(withProtocol({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['v2Checkpoint'] }))).toMatch(/v2Checkpoint/);
    expect(unsupportedFeature(withProtocol({ minReaderVersion: 4, minWriterVersion: 7 }))).toMatch(/reader version 4/);
  });
});

describe('the log listing', () => {
  const object = (name: string, at?: number): StoredObject => ({ key: `t/_delta_log/${name}`, size: 1, ...(at !== undefined ? { lastModified: new Date(at) } : {}) });
  const checkpoint = (version: number) => `${String(version).padStart(20, '0')}.checkpoint.parquet`;
  const part = (version: number, i: number, n: number) => `${String(version).padStart(20, '0')}.checkpoint.${String(i).padStart(10, '0')}.${String(n).padStart(10, '0')}.parquet`;
  const listingOf = (names: readonly string[]) => readLogListing(names.map((name, index) => object(name, 1000 * (index + 1))), 't/_delta_log/');
  const commits = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => commitName(from + i));

  test('a version reads from the newest checkpoint at or before it, else from version 0', () => {
    const listing = listingOf([...commits(0, 12), checkpoint(5), checkpoint(10), '_last_checkpoint', `${commitName(3)}.crc`]);
    expect(latestVersion(listing)).toBe(12);
    const at12 = readPlanFor(listing, 12);
    expect(at12?.checkpoint?.version).toBe(10);
    expect(at12?.commits.map((c) => c.version)).toEqual([11, 12]);
    expect(readPlanFor(listing, 10)?.commits).toEqual([]);
    expect(readPlanFor(listing, 7)?.checkpoint?.version).toBe(5);
    expect(readPlanFor(listing, 4)?.checkpoint).toBeUndefined();
    expect(readPlanFor(listing, 4)?.commits.map((c) => c.version)).toEqual([0, 1, 2, 3, 4]);
  });

  test('a cleaned-up log: versions before the oldest usable start cannot be read', () => {
    const listing = listingOf([...commits(8, 12), checkpoint(10)]);
    expect(readPlanFor(listing, 11)?.checkpoint?.version).toBe(10);
    expect(readPlanFor(listing, 9)).toBeUndefined();
  });

  test('a multi-part checkpoint counts only with every part', () => {
    const complete = listingOf([...commits(0, 3), part(2, 1, 2), part(2, 2, 2)]);
    expect(readPlanFor(complete, 3)?.checkpoint?.parts.map((p) => p.key.slice(-30))).toEqual([part(2, 1, 2).slice(-30), part(2, 2, 2).slice(-30)]);
    const missing = listingOf([...commits(0, 3), part(2, 1, 2)]);
    expect(readPlanFor(missing, 3)?.checkpoint).toBeUndefined();
  });

  test('as-of: the newest commit not after the time; between two commits the earlier; before the first none', () => {
    const listing = readLogListing([object(commitName(0), 1000), object(commitName(1), 2000), object(commitName(2), 3000)], 't/_delta_log/');
    expect(versionAsOf(listing, new Date(2500))).toBe(1);
    expect(versionAsOf(listing, new Date(2000))).toBe(1);
    expect(versionAsOf(listing, new Date(9999))).toBe(2);
    expect(versionAsOf(listing, new Date(999))).toBeUndefined();
  });

  test('as-of: a commit stamped before its parent counts as just after it', () => {
    const listing = readLogListing([object(commitName(0), 5000), object(commitName(1), 4000), object(commitName(2), 6000)], 't/_delta_log/');
    expect(versionAsOf(listing, new Date(5000))).toBe(0);
    expect(versionAsOf(listing, new Date(5001))).toBe(1);
  });

  test('as-of on a store that does not date a commit is bad input naming as-of', () => {
    const listing = readLogListing([object(commitName(0), 1000), object(commitName(1))], 't/_delta_log/');
    expect(() => versionAsOf(listing, new Date(5000))).toThrow(InputError);
    expect(() => versionAsOf(listing, new Date(5000))).toThrow("input 'as-of': picks a version by commit times, and the store does not say when commit 1 was written; give the version with 'version'");
  });
});

test("the pulled table's one commit: protocol, metadata and every add of the version, in path order", () => {
  const snapshot = replay(undefined, [commit(0, PROTOCOL, META, add('b%20x.parquet', 2), add('a.parquet', 1)), commit(1, add('c.parquet', 3, { dataChange: false }))]);
  const lines = tableCommit(snapshot).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, Record<string, unknown>>);
  expect(lines.map((line) => Object.keys(line)[0])).toEqual(['protocol', 'metaData', 'add', 'add', 'add']);
  expect(lines.slice(2).map((line) => line['add']?.['path'])).toEqual(['a.parquet', 'b%20x.parquet', 'c.parquet']);
  expect(lines.slice(2).every((line) => line['add']?.['dataChange'] === true)).toBe(true);
});

function actionFrom(value: unknown): Action {
  return parseCommit(JSON.stringify(value), 0)[0] as Action;
}

test('the row count a file’s stats record: none without stats or numRecords; stats that are no count are a bad log', () => {
  const file = (stats?: string) => ({ path: 'a.parquet', size: 1, partitionValues: {}, modificationTime: 1, dataChange: true, ...(stats !== undefined ? { stats } : {}) });
  expect(recordedRows(file(), 3)).toBeUndefined();
  expect(recordedRows(file('{"minValues":{}}'), 3)).toBeUndefined();
  expect(recordedRows(file('{"numRecords":12,"minValues":{}}'), 3)).toBe(12);
  expect(() => recordedRows(file('{"numRecords":'), 3)).toThrow(/version 3: the stats of a.parquet are not JSON/);
  expect(() => recordedRows(file('{"numRecords":-1}'), 3)).toThrow(DeltaLogError);
  expect(() => recordedRows(file('{"numRecords":"12"}'), 3)).toThrow(/numRecords "12", not a row count/);
});
