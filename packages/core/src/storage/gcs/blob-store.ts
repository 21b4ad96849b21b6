import type { Bucket, File, Storage } from '@google-cloud/storage';
import type { BlobStore, TaggedObject } from '../../registry/blob-store.js';
import { fileDigests } from '../../registry/local-blob-store.js';
import { BucketNotFoundError } from '../types.js';
import { statusOf } from './client.js';

/** Files at least this large go up resumably, in chunks the SDK retries one at a time. */
const RESUMABLE_FROM = 8 * 1024 * 1024;

/**
 * A Cloud Storage prefix as a registry's or a cache's store. The tag of an
 * object is its generation, and conditional writes are Cloud Storage's own:
 * `ifGenerationMatch: 0` creates only when no live object is there,
 * `ifGenerationMatch: <generation>` replaces only that generation; both
 * answer 412 when they lose.
 */
export class GcsBlobStore implements BlobStore {
  readonly description: string;
  private readonly bucket: Bucket;

  constructor(
    client: Storage,
    private readonly bucketName: string,
    /** Key prefix, empty or ending with `/`. */
    private readonly prefix: string,
  ) {
    this.description = `gs://${bucketName}/${prefix}`;
    this.bucket = client.bucket(bucketName);
  }

  /** One request: the body and the generation it is (`x-goog-generation`), so the tag always belongs to these bytes. */
  async get(key: string): Promise<TaggedObject | null> {
    let generation: string | undefined;
    const chunks: Buffer[] = [];
    try {
      const stream = this.file(key).createReadStream({ validation: 'md5', decompress: false });
      stream.on('response', (response: { headers?: Record<string, unknown>; toJSON?: () => { headers: Record<string, unknown> } }) => {
        const headers = response.toJSON?.().headers ?? response.headers ?? {};
        const value = headers['x-goog-generation'];
        generation = typeof value === 'string' ? value : undefined;
      });
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
    // Without it no compare-and-swap could be made safely: refuse rather than guess.
    if (generation === undefined) throw new Error(`${this.locate(key)}: the response names no generation (x-goog-generation)`);
    return { body: Buffer.concat(chunks), etag: generation };
  }

  async createOnly(key: string, body: Buffer | string): Promise<boolean> {
    return this.conditionalSave(key, body, 0);
  }

  async replaceIf(key: string, body: Buffer | string, etag: string): Promise<boolean> {
    return this.conditionalSave(key, body, etag);
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let pageToken: string | undefined;
    do {
      const [files, next] = await this.bucket.getFiles({ prefix: this.keyOf(prefix), autoPaginate: false, maxResults: 1000, ...(pageToken ? { pageToken } : {}) }).catch((err: unknown) => {
        // Listing answers 404 only for the bucket itself.
        throw statusOf(err) === 404 ? new BucketNotFoundError(`${this.description}: the bucket does not exist`, { cause: err }) : err;
      });
      for (const file of files) if (!file.name.endsWith('/')) keys.push(file.name.slice(this.prefix.length));
      pageToken = (next as { pageToken?: string } | null)?.pageToken;
    } while (pageToken);
    return keys;
  }

  /**
   * The SDK checks the md5 of what it sent against what the server computed;
   * this checks again what the store now holds (size, md5, and the sha256 kept
   * in the object's metadata), so a file changed while read is caught too.
   */
  async upload(key: string, file: string, sha256: string, size: number, onProgress?: (sent: number) => void): Promise<void> {
    await this.bucket.upload(file, {
      destination: this.keyOf(key),
      resumable: size >= RESUMABLE_FROM,
      validation: 'md5',
      metadata: { metadata: { sha256 } },
      ...(onProgress ? { onUploadProgress: (progress: { bytesWritten?: number }) => onProgress(progress.bytesWritten ?? 0) } : {}),
    });
    const [metadata] = await this.file(key).getMetadata();
    const md5 = (await fileDigests(file, ['md5'])).md5.toString('base64');
    const stored = { size: Number(metadata.size ?? -1), md5: metadata.md5Hash, sha256: metadata.metadata?.['sha256'] };
    if (stored.size !== size || stored.md5 !== md5 || stored.sha256 !== sha256) {
      throw new Error(`${this.locate(key)} does not match ${file} after upload (${stored.size} of ${size} bytes, md5 ${stored.md5 ?? 'none'}, expected ${md5})`);
    }
  }

  locate(key: string): string {
    return `gs://${this.bucketName}/${this.keyOf(key)}`;
  }

  async delete(key: string): Promise<void> {
    await this.file(key).delete({ ignoreNotFound: true });
  }

  /**
   * Nothing to remove: an interrupted upload is a resumable session that
   * holds no object, cannot be listed, and expires on its own within a week.
   */
  removeLeftovers(): Promise<string[]> {
    return Promise.resolve([]);
  }

  private file(key: string): File {
    return this.bucket.file(this.keyOf(key));
  }

  private keyOf(key: string): string {
    return `${this.prefix}${key}`;
  }

  private async conditionalSave(key: string, body: Buffer | string, ifGenerationMatch: number | string): Promise<boolean> {
    try {
      await this.file(key).save(typeof body === 'string' ? Buffer.from(body) : body, {
        resumable: false,
        validation: 'md5',
        contentType: 'application/json',
        preconditionOpts: { ifGenerationMatch },
      });
      return true;
    } catch (err) {
      if (statusOf(err) === 412) return false;
      throw err;
    }
  }
}
