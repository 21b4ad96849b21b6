/**
 * The LFS batch API client (https://github.com/git-lfs/git-lfs/blob/main/docs/api/batch.md),
 * download side only, `basic` transfers: asks the server where each object
 * is (`POST <endpoint>/objects/batch`, 100 objects a request) and streams it
 * from there, checking its sha256 and size on the way.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { basicAuthorization, type Credential } from './credentials.js';
import type { LfsPointer } from './pointer.js';

const MEDIA_TYPE = 'application/vnd.git-lfs+json';
/** The batch API's own advice: servers may cap a request, 100 is what git-lfs sends. */
const BATCH_SIZE = 100;
/** An action due to expire this soon is asked for again rather than started. */
const EXPIRY_MARGIN_MS = 5_000;
const ATTEMPTS = 3;

/** Where to download one object from, until when. */
export interface DownloadAction {
  readonly href: string;
  readonly header: Readonly<Record<string, string>>;
  /** Undefined: no expiry. */
  readonly expiresAtMs?: number;
}

export type BatchAnswer = { readonly kind: 'download'; readonly action: DownloadAction } | { readonly kind: 'error'; readonly message: string };

/** The object's bytes are not the ones its pointer names: never retried, never kept. */
class LfsVerificationError extends Error {
  override readonly name = 'LfsVerificationError';
}

export interface LfsClientOptions {
  /** The endpoint, without credentials. */
  readonly endpoint: string;
  /** Credentials known before asking (in the URL, GITHUB_TOKEN). */
  readonly credential?: Credential;
  /** Asked once, when the server answers 401 (git's credential helpers). */
  readonly askCredential: () => Promise<Credential | undefined>;
  /** Every credential used is handed here first, so the host masks it. */
  readonly mask: (secret: string) => void;
}

export interface Downloaded {
  readonly md5: string;
  readonly size: number;
}

export class LfsClient {
  private credential: Credential | undefined;
  private asked = false;

  constructor(private readonly options: LfsClientOptions) {
    this.credential = options.credential;
    if (this.credential) options.mask(this.credential.password);
  }

  get endpoint(): string {
    return this.options.endpoint;
  }

  /** Where each object is, by oid: one request per BATCH_SIZE objects. */
  async batch(objects: readonly LfsPointer[]): Promise<Map<string, BatchAnswer>> {
    const answers = new Map<string, BatchAnswer>();
    for (let start = 0; start < objects.length; start += BATCH_SIZE) {
      const chunk = objects.slice(start, start + BATCH_SIZE);
      for (const [oid, answer] of await this.batchOnce(chunk)) answers.set(oid, answer);
      for (const { oid } of chunk) if (!answers.has(oid)) answers.set(oid, { kind: 'error', message: 'the server did not answer for it' });
    }
    return answers;
  }

  /**
   * Streams the object into `tempFile` through sha256 and md5, checking both
   * size and oid before returning; on any failure the temp file is gone. An
   * action that has expired is asked for again first.
   */
  async download(pointer: LfsPointer, action: DownloadAction, tempFile: string, onBytes: (n: number) => void): Promise<Downloaded> {
    let current = action;
    for (let attempt = 1; ; attempt++) {
      if (hasExpired(current)) {
        current = await this.freshAction(pointer);
        if (hasExpired(current)) throw new Error('the server gives only download actions that have expired');
      }
      let counted = 0;
      try {
        return await this.downloadOnce(pointer, current, tempFile, (n) => {
          counted += n;
          onBytes(n);
        });
      } catch (err) {
        onBytes(-counted);
        await rm(tempFile, { force: true });
        if (err instanceof LfsVerificationError || (err instanceof HttpStatusError && !isTransient(err.status)) || attempt >= ATTEMPTS) throw err;
        await sleep(250 * 2 ** attempt);
      }
    }
  }

  private async freshAction(pointer: LfsPointer): Promise<DownloadAction> {
    const answer = (await this.batchOnce([pointer])).get(pointer.oid);
    if (answer?.kind !== 'download') throw new Error(answer?.message ?? 'the server did not answer for it');
    return answer.action;
  }

  private async downloadOnce(pointer: LfsPointer, action: DownloadAction, tempFile: string, onBytes: (n: number) => void): Promise<Downloaded> {
    const response = await fetch(action.href, { headers: { ...action.header } });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new HttpStatusError(response.status, `download answered HTTP ${response.status}`);
    }
    const sha256 = createHash('sha256');
    const md5 = createHash('md5');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        // More bytes than the pointer says: stop now, not after the whole body.
        if (size > pointer.size) return done(new LfsVerificationError(`got more than the ${pointer.size} bytes its pointer says`));
        sha256.update(chunk);
        md5.update(chunk);
        onBytes(chunk.length);
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), hashing, createWriteStream(tempFile));
    if (size !== pointer.size) throw new LfsVerificationError(`got ${size} bytes, its pointer says ${pointer.size}`);
    const oid = sha256.digest('hex');
    if (oid !== pointer.oid) throw new LfsVerificationError(`content does not match its oid (got sha256 ${oid})`);
    return { md5: md5.digest('hex'), size };
  }

  private async batchOnce(objects: readonly LfsPointer[]): Promise<Map<string, BatchAnswer>> {
    const body = JSON.stringify({ operation: 'download', transfers: ['basic'], objects: objects.map(({ oid, size }) => ({ oid, size })), hash_algo: 'sha256' });
    const sentAt = Date.now();
    const response = await this.post(body);
    const answer = (await response.json().catch(() => undefined)) as BatchResponse | undefined;
    if (!answer || !Array.isArray(answer.objects)) throw new Error(`${this.describe()}: the batch answer is not LFS JSON`);
    if (answer.transfer !== undefined && answer.transfer !== 'basic') throw new Error(`${this.describe()}: the server chose transfer '${String(answer.transfer)}', only 'basic' is supported`);
    if (answer.hash_algo !== undefined && answer.hash_algo !== 'sha256') throw new Error(`${this.describe()}: the server uses hash '${String(answer.hash_algo)}', only sha256 is supported`);
    const answers = new Map<string, BatchAnswer>();
    for (const object of answer.objects) {
      if (typeof object?.oid === 'string') answers.set(object.oid, answerOf(object, sentAt));
    }
    return answers;
  }

  /** The batch POST, with credentials when it takes them: asked once from git on a 401; transient failures retried. */
  private async post(body: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = { Accept: MEDIA_TYPE, 'Content-Type': MEDIA_TYPE };
      if (this.credential) headers['Authorization'] = basicAuthorization(this.credential);
      let response: Response;
      try {
        response = await fetch(`${this.options.endpoint}/objects/batch`, { method: 'POST', headers, body });
      } catch (err) {
        if (attempt >= ATTEMPTS) throw new Error(`${this.describe()}: ${(err as Error).message}`, { cause: err });
        await sleep(250 * 2 ** attempt);
        continue;
      }
      if (response.ok) return response;
      const message = await errorMessageOf(response);
      if (response.status === 401 && !this.asked) {
        this.asked = true;
        const credential = await this.options.askCredential();
        if (credential) {
          this.options.mask(credential.password);
          this.credential = credential;
          continue;
        }
        throw new Error(`${this.describe()}: the server asks for credentials (HTTP 401) and git's credential helpers have none for it${message}`);
      }
      if (isTransient(response.status) && attempt < ATTEMPTS) {
        await sleep(250 * 2 ** attempt);
        continue;
      }
      const why = response.status === 401 || response.status === 403 ? ' (the credentials were refused)' : response.status === 404 ? ' (no LFS server there, or no access)' : '';
      throw new Error(`${this.describe()}: batch request answered HTTP ${response.status}${why}${message}`);
    }
  }

  private describe(): string {
    return `LFS server ${this.options.endpoint}`;
  }
}

function hasExpired(action: DownloadAction): boolean {
  return action.expiresAtMs !== undefined && action.expiresAtMs - EXPIRY_MARGIN_MS <= Date.now();
}

/** An HTTP error status from object storage: retried only when transient. */
class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A server error, a rate limit or a timeout may pass on another try; any other 4xx would get the same answer. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

interface BatchResponse {
  readonly transfer?: unknown;
  readonly hash_algo?: unknown;
  readonly objects: readonly BatchObject[];
}

interface BatchObject {
  readonly oid?: unknown;
  readonly error?: { readonly code?: unknown; readonly message?: unknown };
  readonly actions?: { readonly download?: { readonly href?: unknown; readonly header?: unknown; readonly expires_at?: unknown; readonly expires_in?: unknown } };
}

function answerOf(object: BatchObject, sentAt: number): BatchAnswer {
  if (object.error) return { kind: 'error', message: `the server says ${String(object.error.code ?? '')} ${String(object.error.message ?? '')}`.trim() };
  const download = object.actions?.download;
  if (!download || typeof download.href !== 'string') return { kind: 'error', message: 'the server gave no download action for it' };
  const header: Record<string, string> = {};
  if (download.header && typeof download.header === 'object') {
    for (const [name, value] of Object.entries(download.header as Record<string, unknown>)) if (typeof value === 'string') header[name] = value;
  }
  const expiresAtMs = expiryOf(download.expires_at, download.expires_in, sentAt);
  return { kind: 'download', action: { href: download.href, header, ...(expiresAtMs !== undefined ? { expiresAtMs } : {}) } };
}

/**
 * `expires_in` (seconds, from when the request was sent) wins over
 * `expires_at`, as in git-lfs. A zero time (Go's `0001-01-01T00:00:00Z`,
 * which some servers always send) means no expiry.
 */
function expiryOf(expiresAt: unknown, expiresIn: unknown, sentAt: number): number | undefined {
  if (typeof expiresIn === 'number' && expiresIn !== 0) return sentAt + expiresIn * 1000;
  if (typeof expiresAt !== 'string') return undefined;
  const time = Date.parse(expiresAt);
  return Number.isNaN(time) || new Date(time).getUTCFullYear() <= 1 ? undefined : time;
}

/** The server's own `message` (LFS JSON errors carry one), for the error line. */
async function errorMessageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    return typeof message === 'string' && message !== '' ? `: ${message.slice(0, 300)}` : '';
  } catch {
    return '';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
