import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalStore, UnsupportedEntryError } from '../../src/storage/local.js';
import { NotFoundError } from '../../src/storage/types.js';

function folder(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'local-store-'));
  mkdirSync(path.join(root, 'ds', 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'ds', 'a.txt'), 'alpha');
  writeFileSync(path.join(root, 'ds', 'sub', 'b.txt'), 'bravo!');
  writeFileSync(path.join(root, 'dsx.txt'), 'not under ds/');
  return root;
}

async function keys(iterable: AsyncIterable<{ key: string; size: number }>): Promise<string[]> {
  const found: string[] = [];
  for await (const object of iterable) found.push(`${object.key}:${object.size}`);
  return found.sort();
}

async function refusal(iterable: AsyncIterable<unknown>): Promise<UnsupportedEntryError> {
  const err = await keys(iterable as AsyncIterable<{ key: string; size: number }>).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UnsupportedEntryError);
  return err as UnsupportedEntryError;
}

test('lists keys under a folder prefix or a name prefix', async () => {
  const store = new LocalStore(folder());
  expect(await keys(store.list('ds/'))).toEqual(['ds/a.txt:5', 'ds/sub/b.txt:6']);
  expect(await keys(store.list('ds'))).toEqual(['ds/a.txt:5', 'ds/sub/b.txt:6', 'dsx.txt:13']);
  expect(await keys(store.list('nothing/'))).toEqual([]);
});

describe('symlinks: followed at the root, refused below it', () => {
  test('a root that is a symlink to a folder is followed', async () => {
    const root = folder();
    const link = path.join(mkdtempSync(path.join(os.tmpdir(), 'local-link-')), 'ds');
    symlinkSync(path.join(root, 'ds'), link);
    expect(await keys(new LocalStore(link).list(''))).toEqual(['a.txt:5', 'sub/b.txt:6']);
  });

  test('a symlinked file below the root is refused, naming it', async () => {
    const root = folder();
    symlinkSync(path.join(root, 'ds', 'a.txt'), path.join(root, 'ds', 'sub', 'link.txt'));
    const err = await refusal(new LocalStore(root).list('ds/'));
    expect(err.key).toBe('ds/sub/link.txt');
    expect(err.message).toContain('ds/sub/link.txt is a symlink');
  });

  test('a symlink loop (x -> .) is refused at once, not copied 40 levels deep', async () => {
    const root = folder();
    symlinkSync('.', path.join(root, 'ds', 'sub', 'x'));
    expect((await refusal(new LocalStore(root).list('ds/'))).key).toBe('ds/sub/x');
  });

  test('two loops (exponential when followed) are refused at the first', async () => {
    const root = folder();
    symlinkSync('.', path.join(root, 'ds', 'x'));
    symlinkSync('..', path.join(root, 'ds', 'sub', 'y'));
    expect((await refusal(new LocalStore(root).list('ds/'))).message).toMatch(/ds\/(x|sub\/y) is a symlink/);
  });

  // A cycle without symlinks (a bind mount of a folder inside itself) is caught by device and inode.
  const asRoot = process.getuid?.() === 0 ? test : test.skip;
  asRoot('a folder that contains itself (bind mount) is refused by device and inode', async () => {
    const root = folder();
    const mountPoint = path.join(root, 'ds', 'sub', 'again');
    mkdirSync(mountPoint);
    execFileSync('mount', ['--bind', path.join(root, 'ds'), mountPoint]);
    try {
      const err = await refusal(new LocalStore(root).list('ds/'));
      expect(err.key).toBe('ds/sub/again');
      expect(err.message).toContain('ds/sub/again below');
      expect(err.message).toContain('is a folder already being walked');
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
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
