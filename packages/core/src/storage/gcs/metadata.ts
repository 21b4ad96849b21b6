import type { FileMetadata } from '@google-cloud/storage';
import type { StoredObject } from '../types.js';

/*
 * How an object's JSON API metadata reads as data-pull's StoredObject. Types
 * only from the SDK, so this loads (and is tested) without it.
 */

/** An object as data-pull sees it; undefined for a folder placeholder (`a/b/`), which holds no data. */
export function storedObject(metadata: FileMetadata): StoredObject | undefined {
  const key = metadata.name;
  if (key === undefined || key.endsWith('/')) return undefined;
  const etag = md5Hex(metadata.md5Hash);
  const created = metadata.timeCreated ?? metadata.updated;
  return {
    key,
    size: Number(metadata.size ?? 0),
    ...(etag ? { etag } : {}),
    ...(metadata.generation !== undefined ? { versionId: String(metadata.generation) } : {}),
    ...(created ? { lastModified: new Date(created) } : {}),
  };
}

/** Whether a generation was the live one at `asOf`: created by then, and not yet replaced or deleted (`timeDeleted`). */
export function livedAt(metadata: FileMetadata, asOf: Date): boolean {
  const created = metadata.timeCreated;
  if (created === undefined || new Date(created).getTime() > asOf.getTime()) return false;
  const deleted = metadata.timeDeleted;
  return deleted === undefined || new Date(deleted).getTime() > asOf.getTime();
}

/** Cloud Storage's base64 md5 as lower-case hex, as data-pull and the manifests write it. */
export function md5Hex(base64: string | undefined): string | undefined {
  return base64 ? Buffer.from(base64, 'base64').toString('hex') : undefined;
}
