/**
 * The per-file statistics a Delta log records with an `add` (`stats`, a JSON
 * string), as far as pulling checks them: the row count. A data file of the
 * right size can still hold other rows; its Parquet footer says how many.
 */
import type { ContentCheck } from '../plan.js';
import { DeltaLogError, type AddAction } from './replay.js';

/** The row count the log recorded for the file (`stats.numRecords`), or undefined when it recorded none (stats are optional). */
export function recordedRows(add: AddAction, version: number): number | undefined {
  if (add.stats === undefined) return undefined;
  let stats: unknown;
  try {
    stats = JSON.parse(add.stats);
  } catch (err) {
    throw new DeltaLogError(`version ${version}: the stats of ${add.path} are not JSON (${(err as Error).message})`);
  }
  const rows = (stats as { numRecords?: unknown } | null)?.numRecords;
  if (rows === undefined) return undefined;
  if (typeof rows !== 'number' || !Number.isSafeInteger(rows) || rows < 0) {
    throw new DeltaLogError(`version ${version}: the stats of ${add.path} give numRecords ${JSON.stringify(rows)}, not a row count`);
  }
  return rows;
}

/** Checks that a Parquet file's footer (read alone, not the data) counts `rows` rows. */
export function parquetRowCount(rows: number): ContentCheck {
  return async (file) => {
    const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
    let found: bigint;
    try {
      found = (await parquetMetadataAsync(await asyncBufferFromFile(file))).num_rows;
    } catch (err) {
      return `is not a Parquet file whose footer can be read (${(err as Error).message})`;
    }
    return found === BigInt(rows) ? undefined : `its Parquet footer counts ${found} rows, the Delta log's stats say ${rows}`;
  };
}
