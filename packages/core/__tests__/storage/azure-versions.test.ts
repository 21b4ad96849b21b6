/**
 * AzureStore.listAsOf picks versions from a List Blobs (`include=versions`)
 * answer. Azurite keeps no blob versions, so no real server here can give
 * one: the listing is built as the documented API returns it.
 */
import type { BlobItem, ContainerClient } from '@azure/storage-blob';
import { AzureStore } from '../../src/storage/azure/object-store.js';
import { VersionsNotKeptError, type StoredObject } from '../../src/storage/types.js';

const T1 = '2026-05-01T10:00:00.0000000Z';
const T2 = '2026-05-01T11:00:00.1234567Z';
const T3 = '2026-05-01T12:00:00.0000000Z';

function version(name: string, versionId: string | undefined, current: boolean, size = 1): BlobItem {
  return { name, deleted: false, snapshot: '', ...(versionId ? { versionId } : {}), isCurrentVersion: current, properties: { contentLength: size, etag: '"0x1"', lastModified: new Date(0) } } as BlobItem;
}

/** A container whose listing is `items`, in one page. */
function storeOf(items: BlobItem[]): AzureStore {
  const container = {
    listBlobsFlat: () => ({
      byPage: async function* () {
        yield { segment: { blobItems: items } };
      },
    }),
  } as unknown as ContainerClient;
  return new AzureStore('data', () => Promise.resolve(container));
}

async function asOf(items: BlobItem[], time: string): Promise<Record<string, string | undefined>> {
  const found: StoredObject[] = [];
  for await (const object of storeOf(items).listAsOf('p/', new Date(time))) found.push(object);
  return Object.fromEntries(found.map((object) => [object.key, object.versionId]));
}

const HISTORY = [
  version('p/changed.csv', T3, true),
  version('p/changed.csv', T1, false),
  version('p/added.csv', T2, true),
  version('p/deleted-later.csv', T1, false),
  version('p/deleted-later.csv', T3, false),
  version('p/folder/', T1, true),
];

test('each key at its newest version written by then; keys written later are absent; placeholders skipped', async () => {
  expect(await asOf(HISTORY, '2026-05-01T10:30:00Z')).toEqual({ 'p/changed.csv': T1, 'p/deleted-later.csv': T1 });
  // T2's seven digits are compared in full: 11:00:00.123 is before it, 11:00:00.124 after.
  expect(await asOf(HISTORY, '2026-05-01T11:00:00.123Z')).toEqual({ 'p/changed.csv': T1, 'p/deleted-later.csv': T1 });
  expect(await asOf(HISTORY, '2026-05-01T11:00:00.124Z')).toEqual({ 'p/changed.csv': T1, 'p/added.csv': T2, 'p/deleted-later.csv': T1 });
});

test('a deleted blob whose last version predates as-of is refused: when it went is not recorded', async () => {
  await expect(asOf(HISTORY, '2026-05-01T13:00:00Z')).rejects.toThrow(new VersionsNotKeptError(`azure://data/p/deleted-later.csv was deleted after its last version (${T3}); Azure does not record when, so whether it existed at 2026-05-01T13:00:00.000Z cannot be told`));
});

test('a blob listed without a version id is refused, never read as it is now', async () => {
  await expect(asOf([version('p/a.csv', undefined, false)], T3)).rejects.toThrow(VersionsNotKeptError);
  await expect(asOf([version('p/a.csv', 'not-a-time', true)], T3)).rejects.toThrow("unexpected Azure blob version id 'not-a-time'");
});
