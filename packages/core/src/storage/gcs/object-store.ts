import { CRC32C, type Bucket, type File, type FileMetadata, type Storage } from '@google-cloud/storage';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { BucketNotFoundError, NotFoundError, VersionsNotKeptError, type ObjectStore, type ReadOptions, type StoredObject } from '../types.js';
import { statusOf } from './client.js';
import { livedAt, storedObject } from './metadata.js';

/**
 * A whole object's bytes checked against the crc32c the response names
 * (`x-goog-hash`) when it names no md5: a composite object has only a crc32c,
 * which data-pull cannot check itself, so every byte is still verified. An
 * object with an md5 passes through: data-pull checks that one.
 */
function crc32cCheck(source: Readable, name: string): Transform {
  let expected: string | undefined;
  source.on('response', (response: { headers?: Record<string, unknown>; toJSON?: () => { headers: Record<string, unknown> } }) => {
    const header = (response.toJSON?.().headers ?? response.headers ?? {})['x-goog-hash'];
    const hashes = typeof header === 'string' ? header : '';
    if (!/(^|,)\s*md5=/.test(hashes)) expected = /(?:^|,)\s*crc32c=([^,\s]+)/.exec(hashes)?.[1];
  });
  const crc = new CRC32C();
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (expected !== undefined) crc.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(expected === undefined || crc.validate(expected) ? null : new Error(`${name}: content does not match its recorded crc32c (expected ${expected}, got ${crc.toString()})`));
    },
  });
}

/** Objects asked for per listing page: the JSON API's most. */
const PAGE_SIZE = 1000;

/**
 * A Cloud Storage bucket as data-pull reads it. An object's version is its
 * generation. Every object written in one piece has an md5, which data-pull
 * checks every byte against (it is the etag here); a composite object
 * (`gsutil compose`, parallel composite uploads) has only a crc32c, which a
 * whole read checks here (crc32cCheck). A ranged read of one is checked by
 * size only: the crc32c covers the whole object, not a range.
 */
export class GcsStore implements ObjectStore {
  readonly description: string;
  private readonly bucket: Bucket;

  constructor(client: Storage, bucketName: string) {
    this.description = `gs://${bucketName}`;
    this.bucket = client.bucket(bucketName);
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    for await (const metadata of this.pages(prefix, false)) {
      const object = storedObject(metadata);
      if (object) yield object;
    }
  }

  /**
   * Each key's newest generation created at or before `asOf` and not deleted
   * (or replaced) by then. Cloud Storage lists a key's generations in no
   * order a caller may rely on across pages, so all are read before choosing.
   * A bucket without versioning keeps no replaced or deleted generation, so
   * its listing would silently lack what changed after `asOf`: refused.
   */
  async *listAsOf(prefix: string, asOf: Date): AsyncIterable<StoredObject> {
    await this.checkVersioning();
    const chosen = new Map<string, { object: StoredObject; generation: bigint }>();
    for await (const metadata of this.pages(prefix, true)) {
      const object = storedObject(metadata);
      if (!object || !livedAt(metadata, asOf)) continue;
      const generation = BigInt(object.versionId ?? '0');
      const current = chosen.get(object.key);
      if (!current || generation > current.generation) chosen.set(object.key, { object, generation });
    }
    for (const { object } of chosen.values()) yield object;
  }

  async head(key: string, versionId?: string): Promise<StoredObject | undefined> {
    try {
      const [metadata] = await this.file(key, versionId).getMetadata();
      return storedObject(metadata);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async read(key: string, options: ReadOptions = {}): Promise<Readable> {
    const source = this.file(key, options.versionId).createReadStream({
      // data-pull verifies every byte itself (md5, or size), whole or ranged; the
      // stored bytes, not gunzipped ones, are what the md5 and size describe.
      validation: false,
      decompress: false,
      ...(options.range ? { start: options.range.start, end: options.range.end } : {}),
    });
    // The SDK reports a missing object on the stream, once read: carried as NotFoundError, which is never retried.
    const body = new PassThrough({ highWaterMark: 1024 * 1024 });
    source.on('error', (err) => body.destroy(statusOf(err) === 404 ? new NotFoundError(`${this.description}/${key}${options.versionId ? ` (generation ${options.versionId})` : ''} does not exist`, { cause: err }) : err));
    if (options.range) return source.pipe(body);
    const check = crc32cCheck(source, `${this.description}/${key}`);
    check.on('error', (err) => body.destroy(err));
    return source.pipe(check).pipe(body);
  }

  /** Throws VersionsNotKeptError unless the bucket keeps noncurrent generations. */
  private async checkVersioning(): Promise<void> {
    let enabled: boolean | undefined;
    try {
      const [metadata] = await this.bucket.getMetadata();
      enabled = metadata.versioning?.enabled;
    } catch (err) {
      if (statusOf(err) === 404) throw new BucketNotFoundError(`${this.description} does not exist`, { cause: err });
      // Without storage.buckets.get (roles/storage.objectViewer lacks it) whether generations are kept cannot be told.
      if (statusOf(err) === 403) throw new VersionsNotKeptError(`${this.description}: cannot read whether the bucket keeps object versions (${(err as Error).message}); as-of needs storage.buckets.get on it`, { cause: err });
      throw err;
    }
    if (enabled !== true) {
      throw new VersionsNotKeptError(`${this.description} has no object versioning, so objects replaced or deleted since then are gone: turn it on (gcloud storage buckets update ${this.description} --versioning) to read it as of a time`);
    }
  }

  private file(key: string, versionId: string | undefined): File {
    return this.bucket.file(key, versionId ? { generation: versionId } : {});
  }

  private async *pages(prefix: string, versions: boolean): AsyncIterable<FileMetadata> {
    let pageToken: string | undefined;
    do {
      let files: File[];
      let next: { pageToken?: string } | null;
      try {
        [files, next] = await this.bucket.getFiles({ prefix, versions, autoPaginate: false, maxResults: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) });
      } catch (err) {
        if (statusOf(err) === 404) throw new BucketNotFoundError(`${this.description} does not exist`, { cause: err });
        throw err;
      }
      for (const file of files) yield file.metadata;
      pageToken = next?.pageToken;
    } while (pageToken);
  }
}
