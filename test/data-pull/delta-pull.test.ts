/**
 * data-pull of a Delta table version (`delta`) through the bundle, on a
 * folder and on versitygw (the real S3 API). The tables are written by the
 * real delta-rs (`deltalake` in the test venv, test/data-pull/delta_tables.py):
 * appends, overwrites, deletes, checkpoints, partition values that need
 * URL-encoding. What is pulled is read back by deltalake and compared with
 * the source table at the same version, for every version.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startGcsServer } from '../support/gcs-server.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { python } from './fixtures.js';

const TABLES = path.join(ROOT, 'test', 'data-pull', 'delta_tables.py');
/** Commits delta_tables.py writes: versions 0 to 12, checkpoints at 4 and 9. */
const VERSIONS = 13;
const COMMIT_TIMES_FROM = Date.parse('2026-03-01T00:00:00Z');

type Rows = Record<string, unknown>[];

/** Where a table lives: how deltalake and data-pull name it, and where its commit files are on disk. */
interface Place {
  readonly name: string;
  /** The table for deltalake and for the `delta` input. */
  readonly uri: string;
  /** The folder that holds the table's files (for S3: the bucket's backend folder). */
  readonly disk: string;
  readonly env: Record<string, string>;
}

let server: S3Server;
const places: Record<string, Place> = {};
const written: Record<string, Rows[]> = {};

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket('lake');
  const folder = path.join(tempDir('delta-folder-'), 'sales table');
  places['folder'] = { name: 'folder', uri: folder, disk: folder, env: {} };
  places['s3'] = { name: 's3', uri: 's3://lake/warehouse/sales', disk: path.join(server.dataDir, 'lake', 'warehouse', 'sales'), env: server.env };
  for (const place of Object.values(places)) {
    written[place.name] = JSON.parse(python(ROOT, [TABLES, 'write', place.uri], place.env)) as Rows[];
    // Commit times an hour apart, as the store reports them (a file's modification time): as-of has clear gaps to fall in.
    for (let version = 0; version < VERSIONS; version++) setCommitTime(place, version, new Date(COMMIT_TIMES_FROM + version * 3_600_000));
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function setCommitTime(place: Place, version: number, at: Date): void {
  utimesSync(path.join(place.disk, '_delta_log', `${String(version).padStart(20, '0')}.json`), at, at);
}

/** A copy of the folder table, for a test that changes it: the shared tables stay as delta-rs wrote them. */
function folderCopy(name: string): Place {
  const copy = path.join(tempDir(`delta-${name}-table-`), 'table');
  cpSync((places['folder'] as Place).disk, copy, { recursive: true, preserveTimestamps: true });
  return { name, uri: copy, disk: copy, env: {} };
}

function pull(place: Place, args: readonly string[], cwd = tempDir('delta-cwd-')): Promise<BundleRun> {
  return runBundle(['data-pull', '--delta', place.uri, '--cache', 'false', ...args], { cwd, env: place.env });
}

function outputsOf(run: BundleRun): Record<string, string> {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

/** The rows deltalake reads from each table, at its latest version or the one given. */
function rowsOf(tables: readonly (readonly [string, number | null])[], env: Record<string, string>): Rows[] {
  return JSON.parse(python(ROOT, [TABLES, 'rows', JSON.stringify(tables)], env)) as Rows[];
}

function md5Of(file: string): string {
  return createHash('md5').update(readFileSync(file)).digest('hex');
}

/** Every file under a folder, `/`-separated. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe.each(['folder', 's3'])('a Delta table in a %s', (name) => {
  const place = (): Place => places[name] as Place;

  test('every version pulled as a table reads back, in deltalake, as the source table at that version', async () => {
    // Versions 5 to 12 are read from a checkpoint, not from version 0.
    expect(readdirSync(path.join(place().disk, '_delta_log')).filter((file) => file.endsWith('.checkpoint.parquet'))).toEqual(['00000000000000000004.checkpoint.parquet', '00000000000000000009.checkpoint.parquet']);
    const work = tempDir('delta-every-');
    const cache = path.join(work, 'cache');
    const pulled: string[] = [];
    for (let version = 0; version < VERSIONS; version++) {
      const dest = path.join(work, `v${version}`);
      const outputs = outputsOf(await pull(place(), ['--version', String(version), '--path', dest, '--cache-dir', cache]));
      expect(outputs).toMatchObject({ 'delta-version': String(version), path: dest });
      expect(readdirSync(path.join(dest, '_delta_log'))).toEqual(['00000000000000000000.json']);
      pulled.push(dest);
    }
    const latest = outputsOf(await pull(place(), ['--path', path.join(work, 'latest'), '--cache-dir', cache]));
    expect(latest['delta-version']).toBe(String(VERSIONS - 1));

    const sources = Array.from({ length: VERSIONS }, (_, version) => [place().uri, version] as const);
    const [fromSource, fromPulled] = [rowsOf(sources, place().env), rowsOf([...pulled, path.join(work, 'latest')].map((dest) => [dest, null] as const), {})];
    expect(fromSource).toEqual(written[name]);
    expect(fromPulled).toEqual([...(written[name] as Rows[]), (written[name] as Rows[])[VERSIONS - 1]]);
    // The versions differ (appends, overwrites, deletes): the comparison above compares something.
    expect(new Set(fromSource.map((rows) => JSON.stringify(rows))).size).toBe(VERSIONS);
  }, 180_000);

  test('as-of picks the newest commit not after the time: between two commits the earlier; before the first is bad input', async () => {
    const work = tempDir('delta-asof-');
    const between = new Date(COMMIT_TIMES_FROM + 6 * 3_600_000 + 1_800_000).toISOString();
    const outputs = outputsOf(await pull(place(), ['--as-of', between, '--path', path.join(work, 'then'), '--cache-dir', path.join(work, 'cache')]));
    expect(outputs['delta-version']).toBe('6');
    expect(rowsOf([[path.join(work, 'then'), null]], {})).toEqual([(written[name] as Rows[])[6]]);
    const exact = outputsOf(await pull(place(), ['--as-of', new Date(COMMIT_TIMES_FROM + 2 * 3_600_000).toISOString(), '--path', path.join(work, 'exact'), '--cache-dir', path.join(work, 'cache')]));
    expect(exact['delta-version']).toBe('2');

    const before = await pull(place(), ['--as-of', '2026-02-01T00:00:00Z', '--path', path.join(work, 'before')]);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain("input 'as-of': 2026-02-01T00:00:00.000Z is before the oldest commit");
    expect(existsSync(path.join(work, 'before'))).toBe(false);
  }, 60_000);

  test('delta-layout files: exactly the data files of the version, at their paths, and no log', async () => {
    const work = tempDir('delta-files-');
    const dest = path.join(work, 'files');
    const outputs = outputsOf(await pull(place(), ['--version', '8', '--delta-layout', 'files', '--path', dest, '--manifest', path.join(work, 'm.json'), '--cache-dir', path.join(work, 'cache')]));
    const expected = JSON.parse(python(ROOT, ['-c', FILE_URIS, place().uri, '8'], place().env)) as string[];
    expect(filesUnder(dest)).toEqual(expected.sort());
    expect(expected.some((file) => file.startsWith('part=pct%25and%3Deq%2Fslash/'))).toBe(true);
    expect(outputs['files']).toBe(String(expected.length));
    const manifest = JSON.parse(readFileSync(path.join(work, 'm.json'), 'utf8')) as { files: { path: string; size: number }[] };
    expect(manifest.files.map((file) => file.path)).toEqual(expected.sort());
  }, 60_000);

  test('an unchanged re-pull transfers nothing; another version into the same folder fetches only what differs', async () => {
    const work = tempDir('delta-again-');
    const args = ['--path', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache')];
    const first = outputsOf(await pull(place(), ['--version', '7', ...args]));
    const again = outputsOf(await pull(place(), ['--version', '7', ...args]));
    expect(again).toMatchObject({ transferred: '0', digest: first['digest'] });
    const next = outputsOf(await pull(place(), ['--version', '8', ...args], work));
    // Version 8 only appends to 7, three rows in three partitions: their three new files are the only transfers.
    expect(next['transferred']).toBe('3');
    expect(rowsOf([[path.join(work, 'out'), null]], {})).toEqual([(written[name] as Rows[])[8]]);
  }, 60_000);

  test('a version past the latest is bad input naming version, with nothing written', async () => {
    const work = tempDir('delta-past-');
    const run = await pull(place(), ['--version', '99', '--path', path.join(work, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input 'version': ${place().uri} has no version 99: its latest is ${VERSIONS - 1}`);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });
});

/** The data files of a version, from deltalake's add actions: the log's paths, decoded once (the names on disk). */
const FILE_URIS = `
import json, os, sys
from urllib.parse import unquote
import pyarrow
sys.path.insert(0, os.path.dirname(${JSON.stringify(TABLES)}))
from delta_tables import storage_options
from deltalake import DeltaTable
table = DeltaTable(sys.argv[1], version=int(sys.argv[2]), storage_options=storage_options(sys.argv[1]))
print(json.dumps([unquote(path) for path in pyarrow.table(table.get_add_actions(flatten=True)).column('path').to_pylist()]))
`;

/** Splits a checkpoint into two parts, as writers of large tables do (`<v>.checkpoint.<i>.<n>.parquet`), and removes the single file. */
const SPLIT_CHECKPOINT = `
import os, sys
import pyarrow.parquet as pq
log, version = sys.argv[1], int(sys.argv[2])
single = os.path.join(log, f"{version:020d}.checkpoint.parquet")
table = pq.read_table(single)
half = table.num_rows // 2
for index, part in enumerate([table.slice(0, half), table.slice(half)], start=1):
    pq.write_table(part, os.path.join(log, f"{version:020d}.checkpoint.{index:010d}.{2:010d}.parquet"))
os.remove(single)
`;

test('a checkpoint in two parts is read whole, and only with both: the version after it pulls the same rows', async () => {
  // On a copy: the parts are not what delta-rs wrote, and the other tests read the table with it.
  const place = folderCopy('parts');
  python(ROOT, ['-c', SPLIT_CHECKPOINT, path.join(place.disk, '_delta_log'), '9']);
  // With the commits before it cleaned up, and the checkpoint at 4 gone, only the two parts can give version 11.
  for (let version = 0; version <= 8; version++) rmSync(path.join(place.disk, '_delta_log', `${String(version).padStart(20, '0')}.json`));
  rmSync(path.join(place.disk, '_delta_log', '00000000000000000004.checkpoint.parquet'));
  const work = tempDir('delta-parts-');
  const outputs = outputsOf(await pull(place, ['--version', '11', '--path', path.join(work, 'out')]));
  expect(outputs['delta-version']).toBe('11');
  expect(rowsOf([[path.join(work, 'out'), null]], {})).toEqual([(written['folder'] as Rows[])[11]]);
  // Without its second part the checkpoint does not count: nothing else can give version 11.
  rmSync(path.join(place.disk, '_delta_log', '00000000000000000009.checkpoint.0000000002.0000000002.parquet'));
  const partial = await pull(place, ['--version', '11', '--path', path.join(work, 'again')]);
  expect(partial.code).toBe(2);
  expect(partial.stderr).toContain("input 'version': version 11 of");
  expect(existsSync(path.join(work, 'again'))).toBe(false);
});

describe('what cannot be pulled', () => {
  test('a version whose data files were vacuumed away: exit 2 naming version, nothing written; the latest still pulls', async () => {
    // Vacuumed copies: a copy of the folder table, and the same table written afresh under another S3 prefix.
    const s3: Place = { name: 'vacuumed-s3', uri: 's3://lake/vacuumed/sales', disk: path.join(server.dataDir, 'lake', 'vacuumed', 'sales'), env: server.env };
    python(ROOT, [TABLES, 'write', s3.uri], s3.env);
    for (const place of [folderCopy('vacuumed'), s3]) {
      python(ROOT, [TABLES, 'vacuum', place.uri], place.env);
      const work = tempDir('delta-vacuumed-');
      const run = await pull(place, ['--version', '2', '--path', path.join(work, 'out'), '--manifest', path.join(work, 'm.json'), '--cache-dir', path.join(work, 'cache')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`input 'version': version 2 of ${place.uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} can no longer be pulled: its data file .+ is gone \\(vacuumed\\?\\)`));
      expect(existsSync(path.join(work, 'out'))).toBe(false);
      expect(existsSync(path.join(work, 'm.json'))).toBe(false);
      const latest = outputsOf(await pull(place, ['--path', path.join(work, 'latest'), '--cache-dir', path.join(work, 'cache')]));
      // Both copies hold the same rows as the shared tables (the writes are deterministic).
      expect(rowsOf([[path.join(work, 'latest'), null]], {})).toEqual([(written['folder'] as Rows[])[VERSIONS - 1]]);
      expect(Number(latest['delta-version'])).toBeGreaterThanOrEqual(VERSIONS - 1);
    }
  }, 120_000);

  test('a version whose commits were cleaned from the log, with no checkpoint before it: exit 2 naming version', async () => {
    const place = folderCopy('cleaned');
    for (let version = 0; version <= 2; version++) rmSync(path.join(place.disk, '_delta_log', `${String(version).padStart(20, '0')}.json`));
    const work = tempDir('delta-cleaned-');
    const run = await pull(place, ['--version', '1', '--path', path.join(work, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input 'version': version 1 of ${place.uri} can no longer be read: the log was cleaned up before it`);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });

  test('a table whose protocol needs deletion vectors: exit 2 naming delta, nothing written; a version before it still pulls', async () => {
    const table = path.join(tempDir('delta-dv-'), 'table');
    python(ROOT, [TABLES, 'deletion-vectors', table]);
    const place: Place = { name: 'dv', uri: table, disk: table, env: {} };
    const work = tempDir('delta-dv-pull-');
    const run = await pull(place, ['--path', path.join(work, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input 'delta': ${table} version 1: its protocol needs the reader feature deletionVectors, which this tool does not implement (deletion vectors hide rows the files still hold)`);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
    expect(outputsOf(await pull(place, ['--version', '0', '--path', path.join(work, 'v0')]))['files']).toBe('1');
  });

  test('as-of on a table that dates commits by in-commit timestamps: exit 2 naming as-of; version still pulls', async () => {
    const copy = path.join(tempDir('delta-ict-'), 'table');
    cpSync((places['s3'] as Place).disk, copy, { recursive: true });
    // delta-rs does not write in-commit timestamps yet: the next commit is written as a writer that does would.
    const next = Math.max(...readdirSync(path.join(copy, '_delta_log')).filter((name) => /^\d{20}\.json$/.test(name)).map((name) => Number(name.slice(0, 20)))) + 1;
    writeFileSync(path.join(copy, '_delta_log', `${String(next).padStart(20, '0')}.json`), `${JSON.stringify({ commitInfo: { inCommitTimestamp: Date.now(), timestamp: Date.now(), operation: 'OPTIMIZE' } })}\n`);
    const place: Place = { name: 'ict', uri: copy, disk: copy, env: {} };
    const work = tempDir('delta-ict-pull-');
    const run = await pull(place, ['--as-of', '2026-03-01T05:00:00Z', '--path', path.join(work, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input 'as-of': ${copy} dates its commits by in-commit timestamps, which as-of does not read yet`);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
    expect(outputsOf(await pull(place, ['--version', String(next), '--path', path.join(work, 'v')]))['delta-version']).toBe(String(next));
  });

  test('a table in a bucket that does not exist is bad input naming delta, on S3 and on Cloud Storage', async () => {
    const gcs = await startGcsServer();
    try {
      const missing: Place[] = [
        { name: 'no-bucket-s3', uri: 's3://missing/table', disk: '', env: server.env },
        { name: 'no-bucket-gs', uri: 'gs://missing/table', disk: '', env: gcs.env },
      ];
      for (const place of missing) {
        const work = tempDir('delta-no-bucket-');
        const run = await pull(place, ['--path', path.join(work, 'out')]);
        expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 2, stderr: expect.stringContaining(`input 'delta': ${place.uri}: the bucket does not exist`) });
        expect(existsSync(path.join(work, 'out'))).toBe(false);
      }
    } finally {
      await gcs.stop();
    }
  });

  test('a destination holding another table’s log is bad input naming path', async () => {
    const place = places['folder'] as Place;
    const dest = path.join(tempDir('delta-foreign-log-'), 'out');
    cpSync(path.join(place.disk, '_delta_log'), path.join(dest, '_delta_log'), { recursive: true });
    const run = await pull(place, ['--path', dest]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input 'path': ${dest}/_delta_log holds`);
  });

  test('a data file of the size the log says whose footer counts other rows than its stats: exit 1, the file not kept, no log written', async () => {
    const place = folderCopy('other-rows');
    const [replaced] = (JSON.parse(python(ROOT, ['-c', FILE_URIS, place.uri, String(VERSIONS - 1)])) as string[]).sort();
    if (replaced === undefined) throw new Error('the latest version has no data file');
    const file = path.join(place.disk, replaced);
    const size = statSync(file).size;
    python(ROOT, [TABLES, 'other-rows', file]);
    // Same size, valid Parquet, one row fewer: only the row count tells it from the file the log names.
    expect(statSync(file).size).toBe(size);
    const work = tempDir('delta-other-rows-');
    const [dest, cache, manifest] = ['out', 'cache', 'm.json'].map((name) => path.join(work, name)) as [string, string, string];
    const run = await pull(place, ['--path', dest, '--cache-dir', cache, '--manifest', manifest]);
    expect(run.code).toBe(1);
    const [, found, recorded] = /: its Parquet footer counts (\d+) rows, the Delta log's stats say (\d+)/.exec(run.stderr) ?? [];
    expect(Number(found)).toBe(Number(recorded) - 1);
    expect(run.stderr).toContain(`${place.disk}/${replaced}: its Parquet footer`);
    expect(existsSync(path.join(dest, replaced))).toBe(false);
    expect(existsSync(path.join(dest, '_delta_log'))).toBe(false);
    expect(existsSync(manifest)).toBe(false);
    // Nor kept in the cache, for a later pull to take as verified.
    const replacedMd5 = md5Of(file);
    expect(filesUnder(cache).filter((name) => md5Of(path.join(cache, name)) === replacedMd5)).toEqual([]);
  });
});
