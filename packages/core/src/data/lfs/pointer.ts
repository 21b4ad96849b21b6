/**
 * Git LFS pointer files (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md):
 * what git stores in place of a large file, three `key value` lines.
 *
 *   version https://git-lfs.github.com/spec/v1
 *   oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
 *   size 12345
 *
 * Read strictly: exactly these keys in this order, each line ending in LF,
 * nothing else. A file that is almost a pointer is real content, never a
 * pointer guessed at: replacing it would destroy a user's file.
 */

/** A pointer's largest size: git-lfs itself reads no further when looking for one. */
export const MAX_POINTER_BYTES = 1024;

export interface LfsPointer {
  /** sha256 of the object's bytes, lowercase hex. */
  readonly oid: string;
  readonly size: number;
}

const POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\noid sha256:([0-9a-f]{64})\nsize (0|[1-9][0-9]{0,15})\n$/;

/** The pointer `bytes` hold, or undefined when they are anything else. */
export function parsePointer(bytes: Uint8Array): LfsPointer | undefined {
  if (bytes.length > MAX_POINTER_BYTES) return undefined;
  const match = POINTER.exec(Buffer.from(bytes).toString('latin1'));
  if (!match) return undefined;
  const size = Number(match[2]);
  if (!Number.isSafeInteger(size)) return undefined;
  return { oid: match[1] as string, size };
}
