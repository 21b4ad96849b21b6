import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { isRestError, type BlockBlobClient, type ContainerClient } from '@azure/storage-blob';
import type { BlobStore, TaggedObject } from '../../registry/blob-store.js';
import { fileDigests } from '../../registry/local-blob-store.js';
import { BucketNotFoundError } from '../types.js';
import { MAX_TRIES } from './client.js';
import { isStatus } from './object-store.js';

/** Size of each staged block; a file is committed from ceil(size / BLOCK_SIZE) blocks. */
const BLOCK_SIZE = 8 * 1024 * 1024;
/** Blocks staged at once: memory stays at BLOCKS_IN_FLIGHT × BLOCK_SIZE. */
const BLOCKS_IN_FLIGHT = 4;

/**
 * A container prefix as a registry (and cross-run cache) store. Conditional
 * writes are Azure's own: `If-None-Match: *` creates only when absent (409
 * BlobAlreadyExists or 412 when something is there), `If-Match: <etag>`
 * replaces only that version (412 when it changed).
 */
export class AzureBlobStore implements BlobStore {
  readonly description: string;

  constructor(
    private readonly containerName: string,
    /** Key prefix, empty or ending with `/`. */
    private readonly prefix: string,
    private readonly container: () => Promise<ContainerClient>,
  ) {
    this.description = `azure://${containerName}/${prefix}`;
  }

  async get(key: string): Promise<TaggedObject | null> {
    try {
      const blob = await this.blob(key);
      const response = await blob.download(0, undefined, { maxRetryRequests: MAX_TRIES });
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody ?? []) chunks.push(chunk as Buffer);
      // An empty tag would make replaceIf's If-Match no condition at all: refused rather than guessed.
      if (!response.etag) throw new Error(`${this.locate(key)}: the response names no ETag`);
      return { body: Buffer.concat(chunks), etag: response.etag };
    } catch (err) {
      if (isStatus(err, 404)) return null;
      throw this.named(key, err);
    }
  }

  async createOnly(key: string, body: Buffer | string): Promise<boolean> {
    return this.conditionalPut(key, body, { ifNoneMatch: '*' });
  }

  async replaceIf(key: string, body: Buffer | string, etag: string): Promise<boolean> {
    return this.conditionalPut(key, body, { ifMatch: etag });
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const container = await this.container();
    try {
      for await (const item of container.listBlobsFlat({ prefix: this.keyOf(prefix) })) {
        if (!item.name.endsWith('/')) keys.push(item.name.slice(this.prefix.length));
      }
    } catch (err) {
      if (isStatus(err, 404)) throw new BucketNotFoundError(`${this.description}: the container does not exist`, { cause: err });
      throw this.named(prefix, err);
    }
    return keys;
  }

  /**
   * Stages the file in blocks, each with its MD5, which the service checks
   * against the bytes it received (400 Md5Mismatch otherwise), then commits
   * them at once with the whole file's MD5 and sha256: the blob appears whole
   * or not at all. Read back, its size, MD5 and sha256 must be the file's.
   */
  async upload(key: string, file: string, sha256: string, size: number, onProgress?: (sent: number) => void): Promise<void> {
    const blob = await this.blob(key);
    // Another writer's blocks for the same key never mix with ours: block ids carry this upload's own tag.
    const tag = randomBytes(6).toString('hex');
    const blocks = Math.max(1, Math.ceil(size / BLOCK_SIZE));
    const ids = Array.from({ length: blocks }, (_, index) => Buffer.from(`${tag}-${String(index).padStart(6, '0')}`).toString('base64'));
    let sent = 0;
    let next = 0;
    const handle = await open(file, 'r');
    try {
      const stageBlocks = async (): Promise<void> => {
        while (next < blocks) {
          const index = next++;
          const start = index * BLOCK_SIZE;
          const length = Math.min(BLOCK_SIZE, size - start);
          const bytes = Buffer.alloc(length);
          const { bytesRead } = await handle.read(bytes, 0, length, start);
          if (bytesRead !== length) throw new Error(`${file} is shorter than the ${size} bytes it had when hashed`);
          await blob.stageBlock(ids[index] as string, bytes, length, { transactionalContentMD5: createHash('md5').update(bytes).digest() });
          sent += length;
          onProgress?.(sent);
        }
      };
      await Promise.all(Array.from({ length: Math.min(BLOCKS_IN_FLIGHT, blocks) }, stageBlocks));
    } finally {
      await handle.close();
    }
    const { md5 } = await fileDigests(file, ['md5']);
    await blob.commitBlockList(ids, { blobHTTPHeaders: { blobContentMD5: md5 }, metadata: { sha256 } });
    await this.verifyUpload(blob, key, file, { size, md5: md5.toString('hex'), sha256 });
  }

  locate(key: string): string {
    return `azure://${this.containerName}/${this.keyOf(key)}`;
  }

  async delete(key: string): Promise<void> {
    await (await this.blob(key)).deleteIfExists({ deleteSnapshots: 'include' });
  }

  /**
   * Nothing to remove: a killed writer leaves only uncommitted blocks, which
   * are no blob (no read or listing sees them), and the service discards them
   * a week after they were staged, or at the key's next commit.
   */
  async removeLeftovers(): Promise<string[]> {
    return [];
  }

  private async verifyUpload(blob: BlockBlobClient, key: string, file: string, expected: { size: number; md5: string; sha256: string }): Promise<void> {
    const properties = await blob.getProperties();
    const stored = { size: properties.contentLength, md5: properties.contentMD5 ? Buffer.from(properties.contentMD5).toString('hex') : undefined, sha256: properties.metadata?.['sha256'] };
    if (stored.size !== expected.size || stored.md5 !== expected.md5 || stored.sha256 !== expected.sha256) {
      throw new Error(`${this.locate(key)} does not match ${file} after upload (${stored.size} of ${expected.size} bytes, MD5 ${stored.md5}, expected ${expected.md5})`);
    }
  }

  private keyOf(key: string): string {
    return `${this.prefix}${key}`;
  }

  private async blob(key: string): Promise<BlockBlobClient> {
    return (await this.container()).getBlockBlobClient(this.keyOf(key));
  }

  private async conditionalPut(key: string, body: Buffer | string, conditions: { ifNoneMatch?: string; ifMatch?: string }): Promise<boolean> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    try {
      await (await this.blob(key)).upload(bytes, bytes.length, { conditions, blobHTTPHeaders: { blobContentType: 'application/json' } });
      return true;
    } catch (err) {
      // 412: the condition failed. 409 BlobAlreadyExists: Azure's answer to If-None-Match: * on an existing blob.
      if (isStatus(err, 412) || isStatus(err, 409)) return false;
      throw this.named(key, err);
    }
  }

  /** The service's own message (404 "The specified container does not exist.", 403 …) names no blob: this one does. */
  private named(key: string, err: unknown): unknown {
    return isRestError(err) ? new Error(`${this.locate(key)}: ${err.message}`, { cause: err }) : err;
  }
}
