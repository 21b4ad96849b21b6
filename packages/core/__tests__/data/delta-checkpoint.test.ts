/**
 * A checkpoint read through a real folder store: a Parquet file that does not
 * decode is a bad log; a read the store fails stays the store's failure.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCheckpoint } from '../../src/data/delta/checkpoint.js';
import { DeltaLogError } from '../../src/data/delta/replay.js';
import { LocalStore } from '../../src/storage/local.js';
import { NotFoundError, type StoredObject } from '../../src/storage/types.js';

const KEY = '_delta_log/00000000000000000004.checkpoint.parquet';

/** A store holding one checkpoint file of `bytes`, listed as it is now. */
async function listed(bytes: Buffer): Promise<{ store: LocalStore; object: StoredObject; file: string }> {
  const root = mkdtempSync(path.join(tmpdir(), 'delta-checkpoint-'));
  const file = path.join(root, ...KEY.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  const store = new LocalStore(root);
  const object = await store.head(KEY);
  if (!object) throw new Error('not written');
  return { store, object, file };
}

test('bytes that are not Parquet are a bad log', async () => {
  const { store, object } = await listed(Buffer.alloc(64, 7));
  await expect(readCheckpoint(store, 4, [object])).rejects.toThrow(DeltaLogError);
  await expect(readCheckpoint(store, 4, [object])).rejects.toThrow(/checkpoint 4 \(.*\) cannot be read as Parquet/);
});

test('a checkpoint gone after the listing is the store’s NotFoundError, not a bad log', async () => {
  const { store, object, file } = await listed(Buffer.alloc(64, 7));
  rmSync(file);
  const failure = await readCheckpoint(store, 4, [object]).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(NotFoundError);
  expect(failure).not.toBeInstanceOf(DeltaLogError);
});

test('a short read (the object shrank after the listing) is thrown as the read failed, not as bad Parquet', async () => {
  const { store, object, file } = await listed(Buffer.alloc(64, 7));
  truncateSync(file, 10);
  const failure = await readCheckpoint(store, 4, [object]).catch((err: unknown) => err);
  expect(failure).not.toBeInstanceOf(DeltaLogError);
  expect((failure as Error).message).toMatch(/got \d+ bytes of range/);
});
