import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { execCapture, type ExecPlace } from '../exec.js';
import type { Host, Logger } from '../host/types.js';
import type { BlobStore } from '../registry/blob-store.js';
import { hashFile } from '../registry/local-blob-store.js';
import { openBlobStore } from '../storage/backends.js';
import type { FolderLocation, Location } from '../storage/location.js';
import { openStore } from '../storage/open.js';
import type { ObjectStore, StoredObject } from '../storage/types.js';
import type { CacheStore } from './types.js';

/** A `cache-url` in an object store. */
export type CacheBucketLocation = Exclude<Location, FolderLocation>;

/**
 * The cross-run cache in an object-store prefix (`cache-url: s3://…`,
 * `gs://…`, `azure://…`), for Jenkins agents and other runners without
 * @actions/cache. Each key is one tar object, `<prefix><key>.tar`, holding
 * the saved folders by absolute path; keys are immutable and a restore key
 * matches the newest object whose key starts with it, as @actions/cache does.
 * Reads go through the store data-pull reads with, writes through the one the
 * registry writes with, which verifies what it uploaded; an upload is atomic,
 * so a killed save leaves nothing. A broken cache is a miss with a warning.
 */
export class StoreCache implements CacheStore {
  private constructor(
    private readonly reader: { readonly store: ObjectStore; readonly prefix: string },
    private readonly writer: BlobStore,
    private readonly url: string,
    private readonly log: Logger,
    /** The step's environment (`host.context.env`): tar runs with it. */
    private readonly env: Readonly<NodeJS.ProcessEnv>,
  ) {}

  /** tar gets absolute paths only (members relative to `-C /`), so it runs from / with the step's environment. */
  private get tools(): ExecPlace {
    return { cwd: '/', env: this.env };
  }

  /** The cache under an object-store prefix, checked by `parseLocation` (its prefix ends with `/`). */
  static async at(location: CacheBucketLocation, host: Host): Promise<StoreCache> {
    const env = host.context.env;
    return new StoreCache(openStore(location, { env }), await openBlobStore(location, { env }), location.url, host, env);
  }

  async restore(paths: string[], key: string, restoreKeys: string[] = []): Promise<string | undefined> {
    const scratch = path.join(os.tmpdir(), `mlops-ci-cache-${randomUUID()}.tar`);
    try {
      const matched = await this.findKey(key, restoreKeys);
      if (!matched) return undefined;
      await pipeline(await this.reader.store.read(this.storeKey(matched)), createWriteStream(scratch));
      const members = paths.map((target) => path.resolve(target).slice(1)); // stored relative to /
      const listed = (await execCapture('tar', ['-tf', scratch], this.tools)).stdout.split('\n');
      const present = members.filter((member) => listed.some((line) => line === member || line.startsWith(`${member}/`)));
      if (present.length > 0) await execCapture('tar', ['-xf', scratch, '-C', '/', '--', ...present], this.tools);
      return matched;
    } catch (err) {
      this.log.warning(`cache restore from ${this.url} failed, continuing without it: ${(err as Error).message}`);
      return undefined;
    } finally {
      await rm(scratch, { force: true });
    }
  }

  async save(paths: string[], key: string): Promise<void> {
    const scratchDir = path.join(os.tmpdir(), `mlops-ci-cache-${randomUUID()}`);
    const scratch = path.join(scratchDir, 'cache.tar');
    try {
      if (await this.reader.store.head(this.storeKey(key))) return; // keys are immutable, as on GitHub
      const members = paths.map((target) => path.resolve(target)).filter((target) => existsSync(target)).map((target) => target.slice(1));
      if (members.length === 0) return;
      await mkdir(scratchDir, { recursive: true });
      await execCapture('tar', ['-cf', scratch, '-C', '/', '--', ...members], this.tools);
      const [sha256, { size }] = await Promise.all([hashFile(scratch), stat(scratch)]);
      await this.writer.upload(objectName(key), scratch, sha256, size);
    } catch (err) {
      this.log.warning(`cache save to ${this.url} failed for key ${key}: ${(err as Error).message}`);
    } finally {
      await rm(scratchDir, { recursive: true, force: true });
    }
  }

  /** The key's object as the read store names it (bucket-relative). */
  private storeKey(key: string): string {
    return `${this.reader.prefix}${objectName(key)}`;
  }

  /** The exact key, else for each restore prefix in order the newest key starting with it. */
  private async findKey(key: string, restoreKeys: string[]): Promise<string | undefined> {
    if (await this.reader.store.head(this.storeKey(key))) return key;
    for (const restoreKey of restoreKeys) {
      const found: StoredObject[] = [];
      for await (const object of this.reader.store.list(`${this.reader.prefix}${encodeURIComponent(restoreKey)}`)) {
        if (object.key.endsWith(TAR)) found.push(object);
      }
      found.sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0));
      const newest = found[0]?.key;
      if (newest) return decodeURIComponent(newest.slice(this.reader.prefix.length, -TAR.length));
    }
    return undefined;
  }
}

const TAR = '.tar';

/** A key's object name under the cache prefix: any text is a safe single name once encoded. */
function objectName(key: string): string {
  return `${encodeURIComponent(key)}${TAR}`;
}
