import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalStore } from '../../src/storage/local.js';
import { NotFoundError } from '../../src/storage/types.js';

function folder(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'local-store-'));
  mkdirSync(path.join(root, 'ds', 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'ds', 'a.txt'), 'alpha');
  writeFileSync(path.join(root, 'ds', 'sub', 'b.txt'), 'bravo!');
  writeFileSync(path.join(root, 'dsx.txt'), 'not under ds/');
  symlinkSync(path.join(root, 'ds', 'a.txt'), path.join(root, 'ds', 'link.txt'));
  return root;
}

async function keys(iterable: AsyncIterable<{ key: string; size: number }>): Promise<string[]> {
  const found: string[] = [];
  for await (const object of iterable) found.push(`${object.key}:${object.size}`);
  return found.sort();
}

test('lists keys under a folder prefix or a name prefix, following symlinked files', async () => {
  const store = new LocalStore(folder());
  expect(await keys(store.list('ds/'))).toEqual(['ds/a.txt:5', 'ds/link.txt:5', 'ds/sub/b.txt:6']);
  expect(await keys(store.list('ds'))).toEqual(['ds/a.txt:5', 'ds/link.txt:5', 'ds/sub/b.txt:6', 'dsx.txt:13']);
  expect(await keys(store.list('nothing/'))).toEqual([]);
});

test('reads whole objects and ranges; a missing key is NotFoundError', async () => {
  const store = new LocalStore(folder());
  const text = async (key: string, range?: { start: number; end: number }): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(key, range ? { range } : {})) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString();
  };
  expect(await text('ds/sub/b.txt')).toBe('bravo!');
  expect(await text('ds/sub/b.txt', { start: 1, end: 3 })).toBe('rav');
  await expect(store.read('ds/nope')).rejects.toBeInstanceOf(NotFoundError);
  expect(await store.head('ds/a.txt')).toMatchObject({ key: 'ds/a.txt', size: 5 });
  expect(await store.head('ds/nope')).toBeUndefined();
});

test('a folder has no versions to travel back in', async () => {
  const store = new LocalStore(folder());
  await expect(keys(store.listAsOf())).rejects.toThrow("'as-of' needs S3 versioning");
});
