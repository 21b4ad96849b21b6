import { Readable } from 'node:stream';
import { isRestError, type BlobItem, type ContainerClient } from '@azure/storage-blob';
import { MAX_TRIES } from './client.js';
import { BucketNotFoundError, NotFoundError, VersionsNotKeptError, type ObjectStore, type ReadOptions, type StoredObject } from '../types.js';

/** One version of a blob as List Blobs (`include=versions`) gives it. */
interface BlobVersion {
  /** The version id: the UTC time it was written, ordered as text. */
  readonly id: string;
  /** Whether it is the blob's current version: a blob with none was deleted. */
  readonly current: boolean;
  readonly item: BlobItem;
}

/** Blobs listed per request: the service's maximum. */
const PAGE_SIZE = 5000;

/**
 * An Azure Blob Storage container through @azure/storage-blob, keys relative
 * to the container. Each object's `etag` is its Content-MD5 as hex (Azure's
 * own ETag is an opaque version tag, not a hash), so data-pull checks every
 * byte against it. A blob committed from blocks without an MD5 has none and
 * is checked by size: then TLS guards the bytes in transit (the service's
 * transactional MD5 covers only reads of at most 4 MiB, so it is not asked for).
 */
export class AzureStore implements ObjectStore {
  readonly description: string;

  constructor(
    private readonly containerName: string,
    private readonly container: () => Promise<ContainerClient>,
  ) {
    this.description = `azure://${containerName}`;
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    for await (const item of this.listItems(prefix, false)) {
      if (isPlaceholder(item)) continue;
      yield { key: item.name, size: item.properties.contentLength ?? 0, ...md5Of(item.properties.contentMD5), ...(item.properties.lastModified ? { lastModified: item.properties.lastModified } : {}) };
    }
  }

  /**
   * Blob versions: a version's id is the time it was written, so the version
   * of a key at `asOf` is its newest one written by then. A key with no
   * current version was deleted, at a time Azure does not list: when its
   * newest version predates `asOf`, whether it still existed then cannot be
   * told, and that is refused rather than guessed. An account that keeps no
   * versions lists blobs without version ids (Azurite does: it has no blob
   * versioning): refused as well, never read as "now".
   */
  async *listAsOf(prefix: string, asOf: Date): AsyncIterable<StoredObject> {
    const cutoff = versionIdOf(asOf);
    const byKey = new Map<string, BlobVersion[]>();
    for await (const item of this.listItems(prefix, true)) {
      if (isPlaceholder(item)) continue;
      if (item.versionId === undefined) {
        throw new VersionsNotKeptError(`azure://${this.containerName}/${item.name} has no blob versions (it was written before versioning was on, or the account keeps none): turn on blob versioning for the storage account to read it as of a time`);
      }
      const versions = byKey.get(item.name) ?? [];
      versions.push({ id: checkedVersionId(item.versionId), current: item.isCurrentVersion === true, item });
      byKey.set(item.name, versions);
    }
    for (const [key, versions] of byKey) {
      const newestFirst = versions.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      const index = newestFirst.findIndex((version) => version.id <= cutoff);
      const chosen = newestFirst[index];
      if (chosen === undefined) continue; // written only after asOf
      if (index === 0 && !chosen.current) {
        throw new VersionsNotKeptError(`azure://${this.containerName}/${key} was deleted after its last version (${chosen.id}); Azure does not record when, so whether it existed at ${asOf.toISOString()} cannot be told`);
      }
      const { properties } = chosen.item;
      yield { key, size: properties.contentLength ?? 0, ...md5Of(properties.contentMD5), versionId: chosen.id, lastModified: timeOf(chosen.id) };
    }
  }

  async head(key: string, versionId?: string): Promise<StoredObject | undefined> {
    try {
      const properties = await this.blob(key, versionId).then((blob) => blob.getProperties());
      checkVersion(properties, key, versionId);
      return { key, size: properties.contentLength ?? 0, ...md5Of(properties.contentMD5), ...(properties.versionId ? { versionId: properties.versionId } : {}) };
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      throw err;
    }
  }

  async read(key: string, options: ReadOptions = {}): Promise<Readable> {
    const { versionId, range } = options;
    try {
      const blob = await this.blob(key, versionId);
      // The SDK resumes a body that ended short, pinned to the same ETag, up to maxRetryRequests times; a connection
      // reset it passes on as an abort, and data-pull restarts the object (transfer.ts).
      const response = range ? await blob.download(range.start, range.end - range.start + 1, { maxRetryRequests: MAX_TRIES }) : await blob.download(0, undefined, { maxRetryRequests: MAX_TRIES });
      checkVersion(response, key, versionId);
      const body = response.readableStreamBody;
      if (!(body instanceof Readable)) throw new Error(`azure://${this.containerName}/${key}: the response has no body stream`);
      return Readable.from(explainBreaks(body), { objectMode: false });
    } catch (err) {
      if (isStatus(err, 404)) throw new NotFoundError(`azure://${this.containerName}/${key}${versionId ? ` (version ${versionId})` : ''} does not exist`);
      // A RestError without a status never reached the service: the SDK's own message ("The operation was aborted.") says too little.
      if (neverAnswered(err)) throw new Error(`no answer from the service after ${MAX_TRIES} tries (${(err as Error).message})`, { cause: err });
      throw err;
    }
  }

  private async *listItems(prefix: string, includeVersions: boolean): AsyncIterable<BlobItem> {
    const container = await this.container();
    try {
      // Metadata tells a Data Lake (hierarchical namespace) folder from a blob.
      for await (const page of container.listBlobsFlat({ prefix, includeMetadata: true, includeVersions }).byPage({ maxPageSize: PAGE_SIZE })) {
        yield* page.segment.blobItems;
      }
    } catch (err) {
      if (isStatus(err, 404)) throw new BucketNotFoundError(`azure://${this.containerName}: the container does not exist`, { cause: err });
      // The service's own message (403: "Server failed to authenticate…") names no store: this one does.
      if (isRestError(err)) throw new Error(`azure://${this.containerName}/${prefix}: ${err.message}`, { cause: err });
      throw err;
    }
  }

  private async blob(key: string, versionId: string | undefined) {
    const blob = (await this.container()).getBlobClient(key);
    return versionId ? blob.withVersion(versionId) : blob;
  }
}

/** The body's bytes; a break says how far it got (the SDK's own message is only "The operation was aborted."). */
async function* explainBreaks(body: Readable): AsyncGenerator<Buffer> {
  let received = 0;
  try {
    for await (const chunk of body) {
      received += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  } catch (err) {
    throw new Error(`the connection broke off after ${received} bytes (${(err as Error).message})`, { cause: err });
  }
}

/** Folder placeholders hold no data: a name ending in `/`, or a Data Lake directory (`hdi_isfolder`). */
function isPlaceholder(item: BlobItem): boolean {
  return item.name.endsWith('/') || item.metadata?.['hdi_isfolder'] === 'true';
}

/**
 * A server that ignores `versionid` (Azurite) answers with the current blob:
 * a version asked for and not confirmed is refused, never taken for it.
 */
function checkVersion(response: { readonly versionId?: string | undefined }, key: string, versionId: string | undefined): void {
  if (versionId !== undefined && response.versionId !== versionId) {
    throw new NotFoundError(`${key}: asked for version ${versionId}, the store answered with ${response.versionId ?? 'no version'}: it keeps no blob versions`);
  }
}

function md5Of(md5: Uint8Array | undefined): { etag?: string } {
  return md5 && md5.length === 16 ? { etag: Buffer.from(md5).toString('hex') } : {};
}

/** Version ids are UTC times with seven fractional digits (`2026-05-01T12:00:00.1234567Z`): ordered as text. */
const VERSION_ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

/** `time` as a version id: its milliseconds padded to seven digits, so ids and times compare as text. */
function versionIdOf(time: Date): string {
  return time.toISOString().replace(/Z$/, '0000Z');
}

function checkedVersionId(id: string): string {
  if (!VERSION_ID.test(id)) throw new Error(`unexpected Azure blob version id '${id}' (expected a UTC time with seven fractional digits)`);
  return id;
}

function timeOf(versionId: string): Date {
  return new Date(`${versionId.slice(0, 23)}Z`);
}

/** A request that got no HTTP answer: a RestError without a status, or the SDK's abort when a connection died. */
function neverAnswered(err: unknown): boolean {
  return (isRestError(err) && err.statusCode === undefined) || (err as Error | undefined)?.name === 'AbortError';
}

export function isStatus(err: unknown, status: number): boolean {
  return isRestError(err) && err.statusCode === status;
}
