import { createHash, type Hash } from 'node:crypto';

/**
 * How a file's recorded hash was computed:
 * - `md5`: md5 of the raw bytes (DVC 3.x, S3 single-part ETags);
 * - `md5-dos2unix`: DVC 2.x — for a text file, md5 of the bytes with CRLF
 *   turned into LF; for a binary file, md5 of the raw bytes.
 */
export type HashName = 'md5' | 'md5-dos2unix';

const TEXT_SAMPLE = 512;
/** Bytes DVC counts as text: printable ASCII and \n \r \t \f \b. */
const TEXT_BYTES = new Uint8Array(256);
for (let b = 32; b < 127; b++) TEXT_BYTES[b] = 1;
for (const b of [0x0a, 0x0d, 0x09, 0x0c, 0x08]) TEXT_BYTES[b] = 1;

/**
 * DVC's text test on a file's first 512 bytes: empty is text, a NUL is
 * binary, otherwise text when at most 30% of the bytes are non-text.
 */
export function isTextBlock(block: Uint8Array): boolean {
  if (block.length === 0) return true;
  let nonText = 0;
  for (const byte of block) {
    if (byte === 0) return false;
    if (!TEXT_BYTES[byte]) nonText++;
  }
  return nonText / block.length <= 0.3;
}

/**
 * Hashes a stream chunk by chunk while it is written elsewhere, so
 * verification costs no second read. Both the raw md5 (the content-address
 * of the cache) and, for `md5-dos2unix`, the DVC 2.x hash are computed.
 */
export class StreamingHasher {
  private readonly raw: Hash = createHash('md5');
  private dos2unix: Hash | undefined;
  private head: Buffer[] = [];
  private headBytes = 0;
  private decided = false;
  private pendingCR = false;
  private size = 0;

  constructor(private readonly name: HashName) {
    if (name === 'md5-dos2unix') this.dos2unix = createHash('md5');
  }

  update(chunk: Buffer): void {
    this.raw.update(chunk);
    this.size += chunk.length;
    if (!this.dos2unix) return;
    if (this.decided) {
      this.feedDos2unix(chunk);
      return;
    }
    // Hold the first 512 bytes until we know whether the file is text.
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes >= TEXT_SAMPLE) this.decide();
  }

  /** The raw md5, the hash under `name`, and the byte count. */
  digest(): { md5: string; hash: string; size: number } {
    if (this.dos2unix && !this.decided) this.decide();
    const md5 = this.raw.digest('hex');
    if (!this.dos2unix) return { md5, hash: md5, size: this.size };
    if (this.pendingCR) this.dos2unix.update(Buffer.from([0x0d]));
    return { md5, hash: this.dos2unix.digest('hex'), size: this.size };
  }

  private decide(): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.decided = true;
    if (!isTextBlock(head.subarray(0, TEXT_SAMPLE))) {
      // Binary: the 2.x hash is the raw md5; stop the second hash.
      this.dos2unix = undefined;
      return;
    }
    this.feedDos2unix(head);
  }

  /** CRLF → LF, carrying a trailing CR over to the next chunk so a pair split by chunking still converts. */
  private feedDos2unix(chunk: Buffer): void {
    const hash = this.dos2unix;
    if (!hash) return;
    let data = chunk;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (data[0] !== 0x0a) hash.update(Buffer.from([0x0d]));
    }
    if (data.length > 0 && data[data.length - 1] === 0x0d) {
      this.pendingCR = true;
      data = data.subarray(0, data.length - 1);
    }
    let start = 0;
    for (let i = data.indexOf(0x0d); i !== -1; i = data.indexOf(0x0d, i + 1)) {
      if (data[i + 1] === 0x0a) {
        hash.update(data.subarray(start, i));
        start = i + 1;
      }
    }
    hash.update(data.subarray(start));
  }
}

/** Whether an S3 ETag is the md5 of the object's bytes (single-part, no SSE-KMS). */
export function isPlainMd5(etag: string | undefined): etag is string {
  return etag !== undefined && /^[0-9a-f]{32}$/.test(etag);
}
