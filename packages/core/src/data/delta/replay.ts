/**
 * The Delta Lake log's actions and their replay into the state of one table
 * version: which data files make it, under which protocol and metadata. Pure:
 * the log is read elsewhere (log.ts, checkpoint.ts). The protocol's rules
 * followed here: a commit's `add` puts a file in, a later `remove` of the
 * same path takes it out, the newest `protocol` and `metaData` win, and a
 * checkpoint is the whole state at its version.
 */

/** A data file as an `add` action names it. `path` is as written in the log: URL-encoded, relative to the table. */
export interface AddAction {
  readonly path: string;
  readonly size: number;
  readonly partitionValues: Readonly<Record<string, string | null>>;
  readonly modificationTime: number;
  readonly dataChange: boolean;
  readonly stats?: string;
  readonly tags?: Readonly<Record<string, string | null>>;
  /** Present when rows of the file are deleted by a deletion vector: refused (see unsupportedFeature). */
  readonly deletionVector?: unknown;
}

export interface Protocol {
  readonly minReaderVersion: number;
  readonly minWriterVersion: number;
  readonly readerFeatures?: readonly string[];
  readonly writerFeatures?: readonly string[];
}

/** The table's `metaData` action, kept whole (schema, partition columns, configuration) for the pulled table's log. */
export type Metadata = Readonly<Record<string, unknown>>;

/** The actions of one commit (or of a checkpoint) that decide the file set; others (txn, commitInfo, cdc, domainMetadata) do not. */
export type Action =
  | { readonly kind: 'add'; readonly add: AddAction }
  | { readonly kind: 'remove'; readonly path: string }
  | { readonly kind: 'protocol'; readonly protocol: Protocol }
  | { readonly kind: 'metaData'; readonly metaData: Metadata };

/** One table version: its data files by decoded relative path. */
export interface Snapshot {
  readonly version: number;
  readonly protocol: Protocol;
  readonly metaData: Metadata;
  readonly files: ReadonlyMap<string, AddAction>;
}

/** A log that cannot be read as the protocol says: a bad action, a path out of the table, a feature not implemented. */
export class DeltaLogError extends Error {
  override readonly name = 'DeltaLogError';
}

/**
 * Replays commits over a starting state (a checkpoint's actions, or nothing
 * when the log is read from version 0) to the state after the last commit.
 * `commits` are in version order and contiguous; the caller checks that.
 */
export function replay(start: { readonly version: number; readonly actions: readonly Action[] } | undefined, commits: readonly { readonly version: number; readonly actions: readonly Action[] }[]): Snapshot {
  const files = new Map<string, AddAction>();
  let protocol: Protocol | undefined;
  let metaData: Metadata | undefined;
  let version = start?.version ?? -1;
  const apply = (actions: readonly Action[], at: number): void => {
    for (const action of actions) {
      switch (action.kind) {
        case 'add':
          files.set(relativePathOf(action.add.path, at), action.add);
          break;
        case 'remove':
          files.delete(relativePathOf(action.path, at));
          break;
        case 'protocol':
          protocol = action.protocol;
          break;
        case 'metaData':
          metaData = action.metaData;
          break;
      }
    }
  };
  if (start) apply(start.actions, start.version);
  for (const commit of commits) {
    apply(commit.actions, commit.version);
    version = commit.version;
  }
  if (!protocol || !metaData) throw new DeltaLogError(`version ${version} has no ${protocol ? 'metaData' : 'protocol'} action: not a Delta table log`);
  return { version, protocol, metaData, files };
}

/**
 * The reader features whose meaning stays in the files and the metadata
 * this module copies: the pulled files read back as the same rows. Column
 * mapping renames columns in the schema only; timestampNtz and type widening
 * are types in the schema; vacuumProtocolCheck only guards writers' vacuum.
 */
const READER_FEATURES_KEPT = new Set(['columnMapping', 'timestampNtz', 'typeWidening', 'typeWidening-preview', 'vacuumProtocolCheck']);

/**
 * Why the snapshot cannot be pulled without changing its rows, or undefined
 * when it can. Deletion vectors hide rows of a file outside the file itself:
 * copying the files would bring those rows back, so they are refused, as is
 * any reader feature or reader version this module does not know.
 */
export function unsupportedFeature(snapshot: Snapshot): string | undefined {
  const { minReaderVersion, readerFeatures = [] } = snapshot.protocol;
  if (minReaderVersion > 3) return `its protocol needs reader version ${minReaderVersion}; this tool reads up to 3`;
  if (minReaderVersion === 3) {
    const unknown = readerFeatures.filter((feature) => !READER_FEATURES_KEPT.has(feature));
    if (unknown.length > 0) return `its protocol needs the reader feature${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which this tool does not implement${unknown.includes('deletionVectors') ? ' (deletion vectors hide rows the files still hold)' : ''}`;
  }
  for (const [relpath, add] of snapshot.files) {
    if (add.deletionVector !== undefined && add.deletionVector !== null) return `${relpath} has a deletion vector (rows the file still holds are deleted), which this tool does not implement`;
  }
  return undefined;
}

/**
 * The file's path relative to the table, percent-decoded as the protocol
 * writes it. An absolute URI (a shallow clone points at its source table's
 * files) or an absolute path is refused: the files live elsewhere.
 */
export function relativePathOf(logPath: string, version: number): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(logPath) || logPath.startsWith('/')) {
    throw new DeltaLogError(`version ${version} names the data file ${JSON.stringify(logPath)} by an absolute URI (a shallow clone?): only files inside the table can be pulled`);
  }
  try {
    return decodeURIComponent(logPath);
  } catch {
    throw new DeltaLogError(`version ${version} names the data file ${JSON.stringify(logPath)}, which is not a valid URL-encoded path`);
  }
}

/**
 * The actions of a commit file: one JSON object per line. Lines that decide
 * nothing here (commitInfo, txn, cdc, …) are skipped; a line that is not
 * JSON, or an add without path and size, is an error.
 */
export function parseCommit(text: string, version: number): Action[] {
  const actions: Action[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new DeltaLogError(`commit ${version}, line ${index + 1} is not JSON (${(err as Error).message})`);
    }
    const action = actionOf(value, `commit ${version}, line ${index + 1}`);
    if (action) actions.push(action);
  });
  return actions;
}

/**
 * Whether a commit carries an in-commit timestamp (`commitInfo.inCommitTimestamp`):
 * its table then dates commits by that, not by the commit file's time.
 */
export function hasInCommitTimestamp(text: string): boolean {
  return text.split('\n').some((line) => {
    if (!line.includes('inCommitTimestamp')) return false;
    try {
      const value = JSON.parse(line) as { commitInfo?: { inCommitTimestamp?: unknown } };
      return value.commitInfo?.inCommitTimestamp !== undefined;
    } catch {
      return false;
    }
  });
}

/**
 * One action from a commit line or a checkpoint row (whose empty columns are
 * null), or undefined when it is of a kind that does not decide the file set.
 */
export function actionOf(value: unknown, where: string): Action | undefined {
  if (!isRecord(value)) throw new DeltaLogError(`${where} is not an action object`);
  if (isRecord(value['add'])) return { kind: 'add', add: addOf(value['add'], where) };
  if (isRecord(value['remove'])) {
    const removed = value['remove']['path'];
    if (typeof removed !== 'string') throw new DeltaLogError(`${where}: a remove action without a path`);
    return { kind: 'remove', path: removed };
  }
  if (isRecord(value['protocol'])) return { kind: 'protocol', protocol: protocolOf(value['protocol'], where) };
  if (isRecord(value['metaData'])) return { kind: 'metaData', metaData: plainValue(value['metaData']) as Metadata };
  return undefined;
}

function addOf(add: Record<string, unknown>, where: string): AddAction {
  const size = numberOf(add['size']);
  if (typeof add['path'] !== 'string' || size === undefined || size < 0) throw new DeltaLogError(`${where}: an add action needs a path and a size`);
  const plain = plainValue(add) as Record<string, unknown>;
  return {
    path: add['path'],
    size,
    // Raw, not plainValue: a null partition value is a value, not a field to drop.
    partitionValues: (isRecord(add['partitionValues']) ? add['partitionValues'] : {}) as Record<string, string | null>,
    modificationTime: numberOf(add['modificationTime']) ?? 0,
    dataChange: add['dataChange'] !== false,
    ...(typeof plain['stats'] === 'string' ? { stats: plain['stats'] } : {}),
    ...(isRecord(plain['tags']) ? { tags: plain['tags'] as Record<string, string | null> } : {}),
    ...(plain['deletionVector'] !== undefined ? { deletionVector: plain['deletionVector'] } : {}),
  };
}

function protocolOf(protocol: Record<string, unknown>, where: string): Protocol {
  const reader = numberOf(protocol['minReaderVersion']);
  const writer = numberOf(protocol['minWriterVersion']);
  if (reader === undefined || writer === undefined) throw new DeltaLogError(`${where}: a protocol action needs minReaderVersion and minWriterVersion`);
  const features = (name: string): readonly string[] | undefined => {
    const list = protocol[name];
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : undefined;
  };
  const readerFeatures = features('readerFeatures');
  const writerFeatures = features('writerFeatures');
  return { minReaderVersion: reader, minWriterVersion: writer, ...(readerFeatures ? { readerFeatures } : {}), ...(writerFeatures ? { writerFeatures } : {}) };
}

/** A number from JSON or from a Parquet INT64 (a bigint). */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * A value as JSON would hold it: a checkpoint row's bigints become numbers
 * and its null fields are dropped, so an action read from a checkpoint is
 * written back as a commit would have written it.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (!isRecord(value)) return value;
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null && item !== undefined) plain[key] = plainValue(item);
  return plain;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
