import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { asBucketNotFound, createS3Client } from '../storage/s3.js';
import type { BlobStore, TaggedObject } from './blob-store.js';
import { fileDigests } from './local-blob-store.js';

/** Part size of multipart uploads; also what the expected multipart ETag is computed with. */
const PART_SIZE = 8 * 1024 * 1024;

export interface S3BlobStoreOptions {
  readonly bucket: string;
  /** Key prefix, empty or ending with `/`. */
  readonly prefix: string;
  /** S3-compatible endpoint; empty for AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, else AWS. */
  readonly endpoint: string;
  /** The step's environment (`host.context.env`): AWS_ENDPOINT_URL(_S3) and the region are read there. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
}

/**
 * A bucket prefix as a registry store. Conditional writes are S3's own:
 * `If-None-Match: *` creates only when absent, `If-Match: <etag>` replaces
 * only that version; both answer 412 when they lose. Credentials come from the
 * SDK's default chain, so this file never sees a secret.
 */
export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.description = `s3://${options.bucket}/${options.prefix}`;
    // The project's one S3 client configuration (endpoint from the input or the environment, path style with it).
    this.client = createS3Client({ env: options.env, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
  }

  async get(key: string): Promise<TaggedObject | null> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
      const body = Buffer.from(await (response.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
      return { body, etag: response.ETag ?? '' };
    } catch (err) {
      if (isStatus(err, 404)) return null;
      throw err;
    }
  }

  async createOnly(key: string, body: Buffer | string): Promise<boolean> {
    return this.conditionalPut(key, body, { IfNoneMatch: '*' });
  }

  async replaceIf(key: string, body: Buffer | string, etag: string): Promise<boolean> {
    return this.conditionalPut(key, body, { IfMatch: etag });
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.keyOf(prefix), ContinuationToken: token })).catch((err: unknown) => {
        throw asBucketNotFound(err, this.description);
      });
      for (const item of page.Contents ?? []) if (item.Key && !item.Key.endsWith('/')) keys.push(item.Key.slice(this.options.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /** Multipart for large files (lib-storage); the ETag S3 reports is checked against the one computed locally. */
  async upload(key: string, file: string, sha256: string, size: number, onProgress?: (sent: number) => void): Promise<void> {
    const upload = new Upload({
      client: this.client,
      partSize: PART_SIZE,
      queueSize: 4,
      leavePartsOnError: false,
      params: { Bucket: this.options.bucket, Key: this.keyOf(key), Body: createReadStream(file), ContentLength: size, Metadata: { sha256 } },
    });
    if (onProgress) upload.on('httpUploadProgress', (progress) => onProgress(progress.loaded ?? 0));
    await upload.done();
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
    const expected = await expectedEtag(file, size);
    if (unquote(head.ETag) !== expected || head.ContentLength !== size) {
      throw new Error(`${this.locate(key)} does not match ${file} after upload (ETag ${head.ETag}, expected "${expected}"; ${head.ContentLength} of ${size} bytes)`);
    }
  }

  locate(key: string): string {
    return `s3://${this.options.bucket}/${this.keyOf(key)}`;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
  }

  /** Aborts multipart uploads a killed writer left open (their parts are stored, and billed, until aborted). */
  async removeLeftovers(prefix: string, before: Date): Promise<string[]> {
    const removed: string[] = [];
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      const page = await this.client.send(
        new ListMultipartUploadsCommand({ Bucket: this.options.bucket, Prefix: this.keyOf(prefix), KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
      );
      for (const upload of page.Uploads ?? []) {
        if (!upload.Key || !upload.UploadId || !upload.Initiated || upload.Initiated >= before) continue;
        await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.options.bucket, Key: upload.Key, UploadId: upload.UploadId }));
        removed.push(`s3://${this.options.bucket}/${upload.Key} (incomplete multipart upload)`);
      }
      const more = page.IsTruncated === true;
      keyMarker = more ? page.NextKeyMarker : undefined;
      uploadIdMarker = more ? page.NextUploadIdMarker : undefined;
    } while (keyMarker);
    return removed;
  }

  private keyOf(key: string): string {
    return `${this.options.prefix}${key}`;
  }

  private async conditionalPut(key: string, body: Buffer | string, condition: { IfNoneMatch?: string; IfMatch?: string }): Promise<boolean> {
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key), Body: body, ContentType: 'application/json', ...condition }));
      return true;
    } catch (err) {
      // 412: the condition failed. 409: a concurrent conditional write on the key is in flight (AWS); also a lost race.
      if (isStatus(err, 412) || isStatus(err, 409)) return false;
      throw err;
    }
  }
}

function isStatus(err: unknown, status: number): boolean {
  return err instanceof S3ServiceException && err.$metadata.httpStatusCode === status;
}

function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/^"|"$/g, '');
}

/** md5 of the file for a single PUT; md5 of the parts' md5s plus `-<parts>` for multipart. */
async function expectedEtag(file: string, size: number): Promise<string> {
  if (size < PART_SIZE) return (await fileDigests(file, ['md5'])).md5.toString('hex');
  const partDigests: Buffer[] = [];
  for (let start = 0; start < size; start += PART_SIZE) {
    partDigests.push((await fileDigests(file, ['md5'], { range: { start, end: Math.min(size, start + PART_SIZE) - 1 } })).md5);
  }
  return `${createHash('md5').update(Buffer.concat(partDigests)).digest('hex')}-${partDigests.length}`;
}
