/**
 * Reading a file a user named in an input, safely: only a regular file (a
 * FIFO would wait for a writer forever, `/dev/zero` never ends), only up to a
 * stated size, read with a bounded read (a file that grows, or reports size 0
 * like those in /proc, is still never read past the limit), and every refusal
 * is an InputError naming the input (exit 2).
 *
 * For any step: metrics, samples, rules and baseline files of the gate, the
 * gate results and data manifest promote-model reads.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';

/** The default largest input file: 16 MiB, far above any metrics or rules file. */
export const MAX_INPUT_FILE_BYTES = 16 * 1024 * 1024;

/** Which file to read, and how to name it in errors. */
export interface InputFile {
  /** The input that named the file, e.g. 'metrics'; errors are about it. */
  readonly input: string;
  /** What the file is, in words, e.g. 'metrics file'. */
  readonly what: string;
  /** The path as the user gave it (errors show it so): absolute, or relative to `cwd`. */
  readonly file: string;
  /** Folder a relative `file` is resolved from: the run context's (`host.context.cwd`). */
  readonly cwd: string;
  /** Optional. The largest size accepted, in bytes. Defaults to MAX_INPUT_FILE_BYTES (16 MiB). */
  readonly maxBytes?: number;
}

/**
 * The bytes of a user's input file.
 * @throws InputError(spec.input) when the file does not exist, cannot be
 *   opened, is not a regular file (directory, FIFO, device, socket) or is
 *   larger than `maxBytes`. Other I/O errors (EIO) are thrown as they are: a fault.
 */
export async function readInputFile(spec: InputFile): Promise<Buffer> {
  const handle = await openRegularFile(spec);
  try {
    return await readBounded(handle, spec);
  } finally {
    await handle.close();
  }
}

/** `readInputFile` decoded as UTF-8. */
export async function readInputText(spec: InputFile): Promise<string> {
  return (await readInputFile(spec)).toString('utf8');
}

/**
 * `readInputText`, except that a file that does not exist is null rather
 * than an error (a baseline not written yet).
 */
export async function readInputTextIfExists(spec: InputFile): Promise<string | null> {
  try {
    return await readInputText(spec);
  } catch (err) {
    if (err instanceof InputError && (err.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
    throw err;
  }
}

async function openRegularFile(spec: InputFile): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer; it changes nothing for a regular file.
    handle = await open(path.resolve(spec.cwd, spec.file), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const reason = OPEN_ERRORS[(err as NodeJS.ErrnoException).code ?? ''];
    if (reason === undefined) throw err;
    throw refusal(spec, reason, err);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw refusal(spec, `it is ${kindOf(info)}, not a regular file`);
    if (info.size > limitOf(spec)) throw tooLarge(spec, `it is ${formatBytes(info.size)}`);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** Reads to the end, but never more than the limit: the size fstat gave is not trusted. */
async function readBounded(handle: FileHandle, spec: InputFile): Promise<Buffer> {
  const limit = limitOf(spec);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) throw tooLarge(spec, 'it grew while being read');
  }
}

/** Open errors that are the user's to fix, in words. */
const OPEN_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'it is a socket or a device with nothing behind it, not a regular file',
};

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

function limitOf(spec: InputFile): number {
  return spec.maxBytes ?? MAX_INPUT_FILE_BYTES;
}

function tooLarge(spec: InputFile, found: string): InputError {
  return refusal(spec, `${found}, more than the ${formatBytes(limitOf(spec))} a ${spec.what} may be`);
}

function refusal(spec: InputFile, reason: string, cause?: unknown): InputError {
  return new InputError(spec.input, `cannot read ${spec.what} '${spec.file}': ${reason}`, cause === undefined ? undefined : { cause });
}

/** 16 MiB, 1.5 GiB, 300 bytes. */
function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}
