import { GetObjectCommand, HeadObjectCommand, ListObjectVersionsCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { DirectGet } from './s3-direct-get.js';
import { BucketNotFoundError, NotFoundError, type ObjectStore, type ReadOptions, type StoredObject } from './types.js';

export interface S3StoreOptions {
  readonly bucket: string;
  /** S3-compatible endpoint (versitygw, MinIO, Ceph...); default AWS (or AWS_ENDPOINT_URL, read by the SDK). */
  readonly endpoint?: string;
  /** `bucket` in the path instead of the host name: most S3-compatible stores need it. */
  readonly pathStyle?: boolean;
  readonly region?: string;
  /** Sockets kept open to the endpoint: one per parallel transfer. */
  readonly maxSockets?: number;
  /** Explicit keys (a DVC remote's config.local); default: the SDK's credential chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** Where AWS_ENDPOINT_URL(_S3), AWS_REGION and AWS_DEFAULT_REGION are read: the step's environment (`host.context.env`). */
  readonly env: Readonly<NodeJS.ProcessEnv>;
}

/**
 * An S3 bucket (AWS or S3-compatible) through @aws-sdk/client-s3. Credentials
 * come from the SDK's default chain (env, profile, web identity: GitHub OIDC),
 * so this file never sees a secret. The SDK retries throttling, resets and
 * 5xx with backoff and jitter (standard mode); maxAttempts raises its budget.
 */
export class S3Store implements ObjectStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly maxSockets: number;
  private direct: Promise<DirectGet | undefined> | undefined;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
    this.description = `s3://${options.bucket}`;
    // Resolving the SDK's middleware stack per request is a large part of a
    // small GET's CPU; this store never changes the stack, so resolve it once per command type.
    this.client = createS3Client(options, { cacheMiddleware: true });
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token })).catch((err: unknown) => {
        throw asBucketNotFound(err, this.description);
      });
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined || item.Key.endsWith('/')) continue; // folder placeholders hold no data
        yield { key: item.Key, size: item.Size ?? 0, ...etagOf(item.ETag), ...(item.LastModified ? { lastModified: item.LastModified } : {}) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async *listAsOf(prefix: string, asOf: Date): AsyncIterable<StoredObject> {
    // Versions come newest first per key; the first one not newer than asOf wins,
    // and when that one is a delete marker the key did not exist at asOf.
    const decided = new Set<string>();
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const page = await this.client
        .send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionMarker }))
        .catch((err: unknown) => {
          throw asBucketNotFound(err, this.description);
        });
      const entries = [
        ...(page.Versions ?? []).map((v) => ({ ...v, deleted: false })),
        ...(page.DeleteMarkers ?? []).map((d) => ({ ...d, Size: 0, ETag: undefined, deleted: true })),
      ].sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? '') || (b.LastModified?.getTime() ?? 0) - (a.LastModified?.getTime() ?? 0));
      for (const entry of entries) {
        const key = entry.Key;
        if (key === undefined || key.endsWith('/') || decided.has(key)) continue;
        if (!entry.LastModified || entry.LastModified.getTime() > asOf.getTime()) continue;
        decided.add(key);
        if (entry.deleted) continue;
        yield { key, size: entry.Size ?? 0, ...etagOf(entry.ETag), ...(entry.VersionId ? { versionId: entry.VersionId } : {}), lastModified: entry.LastModified };
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
  }

  async head(key: string, versionId?: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
      return { key, size: out.ContentLength ?? 0, ...etagOf(out.ETag), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async read(key: string, options: ReadOptions = {}): Promise<Readable> {
    // Whole objects first through the lean path; the SDK answers the rest, and every error (see DirectGet).
    if (!options.range) {
      const body = await this.readDirect(key, options.versionId).catch(() => undefined);
      if (body) return body;
    }
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          VersionId: options.versionId,
          Range: options.range ? `bytes=${options.range.start}-${options.range.end}` : undefined,
        }),
      );
      if (!(out.Body instanceof Readable)) throw new Error(`s3://${this.bucket}/${key}: the response has no body stream`);
      // The SDK got a whole object the direct GET did not: this store does not take it; one retry per run, not one per object.
      if (!options.range) this.direct = Promise.resolve(undefined);
      return out.Body;
    } catch (err) {
      if (isNotFound(err)) throw new NotFoundError(`s3://${this.bucket}/${key}${options.versionId ? ` (version ${options.versionId})` : ''} does not exist`);
      throw err;
    }
  }

  private async readDirect(key: string, versionId?: string): Promise<Readable | undefined> {
    this.direct ??= DirectGet.for(this.client, this.bucket, this.maxSockets).catch(() => undefined);
    return (await this.direct)?.get(key, versionId);
  }
}

const DEFAULT_MAX_SOCKETS = 50;

/** An S3 client as every S3 user in this project configures it (see S3Store). */
export function createS3Client(options: Omit<S3StoreOptions, 'bucket'>, tuning: { readonly cacheMiddleware?: boolean } = {}): S3Client {
  const maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
  // The service-specific variable wins over the general one, as in the SDK's own resolution.
  const env = options.env;
  const endpoint = options.endpoint || env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined;
  return new S3Client({
    region: options.region || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    // Path-style by default on S3-compatible endpoints: most of them need it.
    forcePathStyle: options.pathStyle ?? endpoint !== undefined,
    ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
    maxAttempts: 6,
    retryMode: 'standard',
    ...tuning,
    // We verify every byte ourselves (md5 or size); the SDK's own CRC checks
    // are not supported by every S3-compatible store.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { httpAgent: { keepAlive: true, maxSockets }, httpsAgent: { keepAlive: true, maxSockets }, connectionTimeout: 10_000, requestTimeout: 120_000 },
  });
}

function etagOf(raw: string | undefined): { etag?: string } {
  return raw ? { etag: raw.replace(/"/g, '') } : {};
}

function isNotFound(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound' || err.name === 'NoSuchVersion';
  return false;
}

/** The SDK's NoSuchBucket as the stores' BucketNotFoundError (bad input, whichever kind of store); any other error unchanged. */
export function asBucketNotFound(err: unknown, description: string): unknown {
  return (err as Error | undefined)?.name === 'NoSuchBucket' ? new BucketNotFoundError(`${description}: the bucket does not exist`, { cause: err }) : err;
}
