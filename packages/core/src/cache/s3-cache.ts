import { GetObjectCommand, ListObjectsV2Command, S3Client, type _Object } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { execCapture, type ExecPlace } from '../exec.js';
import type { Host, Logger } from '../host/types.js';
import type { S3Location } from '../storage/location.js';
import { createS3Client } from '../storage/s3.js';
import type { CacheStore } from './types.js';

/**
 * The cross-run cache in an S3 prefix (`cache-url: s3://bucket/prefix`), for
 * Jenkins agents and other runners without @actions/cache. Each key is one
 * tar object, `<prefix>/<key>.tar`, holding the saved folders by absolute
 * path; keys are immutable and a restore key matches the newest object whose
 * key starts with it, as @actions/cache does. A PUT is atomic, so a killed
 * save leaves nothing; a broken cache is a miss with a warning.
 */
export class S3CacheStore implements CacheStore {
  private constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly log: Logger,
    /** The step's environment (`host.context.env`): tar runs with it. */
    private readonly env: Readonly<NodeJS.ProcessEnv>,
  ) {}

  /** tar gets absolute paths only (members relative to `-C /`), so it runs from / with the step's environment. */
  private get tools(): ExecPlace {
    return { cwd: '/', env: this.env };
  }

  /** The cache under an S3 prefix, checked by `parseLocation` (its prefix ends with `/`). */
  static at(location: S3Location, host: Host): S3CacheStore {
    return new S3CacheStore(createS3Client({ env: host.context.env }), location.bucket, location.prefix, host, host.context.env);
  }

  async restore(paths: string[], key: string, restoreKeys: string[] = []): Promise<string | undefined> {
    const scratch = path.join(os.tmpdir(), `mlops-ci-cache-${randomUUID()}.tar`);
    try {
      const matched = await this.findKey(key, restoreKeys);
      if (!matched) return undefined;
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(matched) }));
      if (!(out.Body instanceof Readable)) throw new Error('the response has no body');
      await pipeline(out.Body, createWriteStream(scratch));
      const members = paths.map((target) => path.resolve(target).slice(1)); // stored relative to /
      const listed = (await execCapture('tar', ['-tf', scratch], this.tools)).stdout.split('\n');
      const present = members.filter((member) => listed.some((line) => line === member || line.startsWith(`${member}/`)));
      if (present.length > 0) await execCapture('tar', ['-xf', scratch, '-C', '/', '--', ...present], this.tools);
      return matched;
    } catch (err) {
      this.log.warning(`cache restore from s3://${this.bucket}/${this.prefix} failed, continuing without it: ${(err as Error).message}`);
      return undefined;
    } finally {
      await rm(scratch, { force: true });
    }
  }

  async save(paths: string[], key: string): Promise<void> {
    const scratchDir = path.join(os.tmpdir(), `mlops-ci-cache-${randomUUID()}`);
    const scratch = path.join(scratchDir, 'cache.tar');
    try {
      if (await this.exists(key)) return; // keys are immutable, as on GitHub
      const members = paths.map((target) => path.resolve(target)).filter((target) => existsSync(target)).map((target) => target.slice(1));
      if (members.length === 0) return;
      await mkdir(scratchDir, { recursive: true });
      await execCapture('tar', ['-cf', scratch, '-C', '/', '--', ...members], this.tools);
      await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: this.objectKey(key), Body: createReadStream(scratch) } }).done();
    } catch (err) {
      this.log.warning(`cache save to s3://${this.bucket}/${this.prefix} failed for key ${key}: ${(err as Error).message}`);
    } finally {
      await rm(scratchDir, { recursive: true, force: true });
    }
  }

  private objectKey(key: string): string {
    return `${this.prefix}${encodeURIComponent(key)}.tar`;
  }

  private async exists(key: string): Promise<boolean> {
    return (await this.listStartingWith(encodeURIComponent(key))).some((object) => object.Key === this.objectKey(key));
  }

  /** The exact key, else for each restore prefix in order the newest key starting with it. */
  private async findKey(key: string, restoreKeys: string[]): Promise<string | undefined> {
    if (await this.exists(key)) return key;
    for (const restoreKey of restoreKeys) {
      const found = (await this.listStartingWith(encodeURIComponent(restoreKey))).filter((object) => object.Key?.endsWith('.tar'));
      found.sort((a, b) => (b.LastModified?.getTime() ?? 0) - (a.LastModified?.getTime() ?? 0));
      const newest = found[0]?.Key;
      if (newest) return decodeURIComponent(newest.slice(this.prefix.length, -'.tar'.length));
    }
    return undefined;
  }

  private async listStartingWith(encodedStart: string): Promise<_Object[]> {
    const objects: _Object[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.prefix}${encodedStart}`, ContinuationToken: token }));
      objects.push(...(page.Contents ?? []));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
  }
}
