import type { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

/** sha256 of an empty body: a GET's signed payload hash. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** As the SDK's own requestTimeout for this project: a stalled body fails, then is retried. */
const IDLE_TIMEOUT_MS = 120_000;
export const DIRECT_GET_USER_AGENT = 'mlops-ci direct-get';

/**
 * A whole-object GET signed and sent without the SDK's middleware stack.
 * For a 4 KiB object the SDK spends more CPU on the request (endpoint rules,
 * schema serde, retry and checksum middleware) than on the bytes: about half
 * the CPU of a pull of 10,000 small files (bench/data-pull). Only the sending
 * is plain node:http; the bucket's endpoint and signing scope come from the
 * SDK's own endpoint rules, the credentials from its chain (refreshed as it
 * refreshes them), the signature from its SigV4 signer.
 *
 * Used only where those rules ask for plain SigV4 (not S3 Express, not
 * multi-region access points); anything but a 200 goes back to the caller,
 * which asks the SDK (its errors, retries and redirects).
 */
export class DirectGet {
  /** The bucket's path on the endpoint, ending with `/`: keys follow it. */
  private readonly keyPrefix: string;
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  private constructor(
    readonly base: URL,
    private readonly signer: SignatureV4,
    maxSockets: number,
  ) {
    this.keyPrefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    this.transport = base.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true, maxSockets });
  }

  /** A DirectGet for `bucket`, or undefined when the endpoint needs more than plain SigV4. */
  static async for(client: S3Client, bucket: string, maxSockets: number): Promise<DirectGet | undefined> {
    const config = client.config;
    const endpoint = config.endpoint ? await config.endpoint() : undefined;
    // An endpoint from the shared config file (endpoint_url) reaches the SDK by this other road.
    const configured = endpoint ? undefined : await config.serviceConfiguredEndpoint?.();
    const resolved = config.endpointProvider({
      Bucket: bucket,
      Region: await config.region(),
      UseFIPS: await config.useFipsEndpoint(),
      UseDualStack: await config.useDualstackEndpoint(),
      ForcePathStyle: config.forcePathStyle,
      Accelerate: config.useAccelerateEndpoint,
      ...(endpoint ? { Endpoint: `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}` } : {}),
      ...(configured ? { Endpoint: configured } : {}),
    });
    const schemes = (resolved.properties?.['authSchemes'] ?? []) as { name?: string; signingName?: string; signingRegion?: string }[];
    const scheme = schemes[0];
    if (schemes.length !== 1 || scheme?.name !== 'sigv4' || !scheme.signingName || !scheme.signingRegion) return undefined;
    const base = new URL(resolved.url.href);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') return undefined;
    const signer = new SignatureV4({
      credentials: config.credentials,
      region: scheme.signingRegion,
      service: scheme.signingName,
      sha256: NodeSha256,
      uriEscapePath: false, // S3 signs the path as sent, encoded once
      applyChecksum: false, // the payload hash header is set below
    });
    return new DirectGet(base, signer, maxSockets);
  }

  /** The object's body, or undefined when the answer is not a 200 (the caller then asks the SDK). */
  async get(key: string, versionId?: string): Promise<IncomingMessage | undefined> {
    const path = `${this.keyPrefix}${key.split('/').map(encodeKeySegment).join('/')}`;
    const query: Record<string, string> = versionId ? { versionId } : {};
    const signed = await this.signer.sign({
      method: 'GET',
      protocol: this.base.protocol,
      hostname: this.base.hostname,
      ...(this.base.port ? { port: Number(this.base.port) } : {}),
      path,
      query,
      headers: { host: this.base.host, 'x-amz-content-sha256': EMPTY_SHA256 },
    });
    const search = versionId ? `?versionId=${encodeURIComponent(versionId)}` : '';
    return new Promise((resolve, reject) => {
      const request = this.transport.request(
        { agent: this.agent, method: 'GET', hostname: this.base.hostname, port: this.base.port || undefined, path: `${path}${search}`, headers: { ...signed.headers, 'user-agent': DIRECT_GET_USER_AGENT } },
        (response) => {
          if (response.statusCode === 200) return resolve(response);
          response.resume();
          resolve(undefined);
        },
      );
      request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new Error(`no data for ${IDLE_TIMEOUT_MS / 1000} s`)));
      request.on('error', reject);
      request.end();
    });
  }
}

/** S3's key encoding (the SDK's extended encoding): RFC 3986 unreserved characters stay, everything else is %XX. */
function encodeKeySegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The signer's hash and HMAC, from node:crypto. */
class NodeSha256 {
  private readonly hash;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBinary(secret));
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBinary(data));
  }

  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

function toBinary(data: string | ArrayBuffer | ArrayBufferView): string | Buffer {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
