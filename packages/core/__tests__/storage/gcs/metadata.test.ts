import { livedAt, md5Hex, storedObject } from '../../../src/storage/gcs/metadata.js';

describe('an object as data-pull sees it', () => {
  test('the md5 (base64 in the JSON API) is the etag, as lower-case hex; the generation is the version', () => {
    expect(storedObject({ name: 'ds/a.txt', size: '6', md5Hash: 'XUFAKrxLKna5cZ2REBfFkg==', generation: '1796482869432122', timeCreated: '2026-12-05T15:01:09.433Z' })).toEqual({
      key: 'ds/a.txt',
      size: 6,
      etag: '5d41402abc4b2a76b9719d911017c592',
      versionId: '1796482869432122',
      lastModified: new Date('2026-12-05T15:01:09.433Z'),
    });
  });

  test('a composite object has no md5, only a crc32c: no etag, so data-pull checks it by size', () => {
    expect(storedObject({ name: 'big.bin', size: '10', crc32c: 'AAAAAA==', componentCount: 2 })).toEqual({ key: 'big.bin', size: 10 });
  });

  test('a folder placeholder holds no data and is no object', () => {
    expect(storedObject({ name: 'ds/sub/', size: '0', md5Hash: '1B2M2Y8AsgTpgAmY7PhCfg==' })).toBeUndefined();
  });

  test('md5Hex of nothing is nothing', () => {
    expect(md5Hex(undefined)).toBeUndefined();
    expect(md5Hex('')).toBeUndefined();
  });
});

describe('which generation was live at a time', () => {
  const created = '2026-01-01T00:00:00.000Z';
  const replaced = '2026-01-02T00:00:00.000Z';
  test.each<[string, Record<string, string>, string, boolean]>([
    ['before it was created', { timeCreated: created }, '2025-12-31T23:59:59.999Z', false],
    ['the moment it was created', { timeCreated: created }, created, true],
    ['while live, never replaced', { timeCreated: created }, '2030-01-01T00:00:00.000Z', true],
    ['before it was replaced or deleted', { timeCreated: created, timeDeleted: replaced }, '2026-01-01T12:00:00.000Z', true],
    ['the moment it was replaced or deleted', { timeCreated: created, timeDeleted: replaced }, replaced, false],
    ['with no creation time (never guessed live)', {}, '2030-01-01T00:00:00.000Z', false],
  ])('%s', (_name, metadata, asOf, live) => {
    expect(livedAt(metadata, new Date(asOf))).toBe(live);
  });
});
