/**
 * Reads a Delta checkpoint (Parquet, one action per row) with hyparquet,
 * through the store's ranged reads: the footer first, then only the column
 * chunks of the actions that decide a version's files.
 */
import { buffer } from 'node:stream/consumers';
import type { AsyncBuffer } from 'hyparquet';
import type { ObjectStore, StoredObject } from '../../storage/types.js';
import { actionOf, DeltaLogError, type Action } from './replay.js';

/**
 * A checkpoint holds the whole state at its version: its adds are the live
 * files (its removes are tombstones kept for vacuum, already out of the set).
 */
const COLUMNS = ['add', 'metaData', 'protocol'];

/** The actions of every part of a checkpoint, in order. */
export async function readCheckpoint(store: ObjectStore, version: number, parts: readonly StoredObject[]): Promise<Action[]> {
  const { parquetReadObjects } = await import('hyparquet');
  const actions: Action[] = [];
  for (const [index, part] of parts.entries()) {
    const where = `checkpoint ${version}${parts.length > 1 ? ` part ${index + 1}/${parts.length}` : ''}`;
    const file = storeBuffer(store, part);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file, columns: COLUMNS });
    } catch (err) {
      // A read the store failed (network, credentials, a short read) is the store's failure, not a bad log.
      if (file.readFailure !== undefined) throw file.readFailure.error;
      throw new DeltaLogError(`${where} (${part.key}) cannot be read as Parquet: ${(err as Error).message}`, { cause: err });
    }
    for (const row of rows) {
      const action = actionOf(row, where);
      if (action) actions.push(action);
    }
  }
  return actions;
}

/** hyparquet's buffer, with the store's first failed read (wrapped in an object: a thrown value may be anything). */
type StoreBuffer = AsyncBuffer & { readFailure?: { readonly error: unknown } };

/**
 * An object of the store as hyparquet's random-access buffer: each slice is
 * one ranged read. The first read that fails is kept, so the caller can tell
 * it from a decoding failure, whatever hyparquet wraps it in.
 */
function storeBuffer(store: ObjectStore, object: StoredObject): StoreBuffer {
  const file: StoreBuffer = {
    byteLength: object.size,
    async slice(start: number, end = object.size): Promise<ArrayBuffer> {
      if (end <= start) return new ArrayBuffer(0);
      try {
        const bytes = await buffer(await store.read(object.key, { range: { start, end: end - 1 } }));
        if (bytes.length !== end - start) throw new Error(`${object.key}: got ${bytes.length} bytes of range ${start}-${end - 1}`);
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
      } catch (error) {
        file.readFailure ??= { error };
        throw error;
      }
    },
  };
  return file;
}
