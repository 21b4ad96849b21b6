import { InputError } from '../errors.js';
import { unsafeRelpath } from './safe-path.js';

export interface DirEntry {
  readonly md5: string;
  readonly relpath: string;
}

/**
 * Parses a `.dir` object: the JSON array of `{"md5", "relpath"}` DVC writes
 * for a directory out. Bad JSON or a bad entry is bad input data (exit 2)
 * naming the object and the line; a relpath that would leave the out's
 * folder is refused.
 */
export function parseDirManifest(bytes: Buffer, name: string, input = 'dvc'): DirEntry[] {
  const text = bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const line = text.slice(0, errorOffset(text)).split('\n').length;
    throw new InputError(input, `${name}:${line}: the .dir manifest is not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new InputError(input, `${name}:1: a .dir manifest must be a JSON array of {md5, relpath}`);
  return parsed.map((entry: unknown, index) => {
    const item = entry as { md5?: unknown; relpath?: unknown } | null;
    const where = `${name}: entry ${index + 1}`;
    if (typeof item?.md5 !== 'string' || !/^[0-9a-f]{32}$/.test(item.md5)) throw new InputError(input, `${where} has no md5 hex digest`);
    if (typeof item.relpath !== 'string') throw new InputError(input, `${where} has no relpath`);
    const unsafe = unsafeRelpath(item.relpath);
    if (unsafe) throw new InputError(input, `${where}: relpath ${JSON.stringify(item.relpath)} ${unsafe}; refusing to write outside the out's folder`);
    return { md5: item.md5, relpath: item.relpath };
  });
}

/**
 * Where JSON.parse gives up: V8 names the position only in some messages, so
 * find the shortest prefix that fails for a reason other than ending early.
 */
function errorOffset(text: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (err) {
      return !/end of JSON input|Unterminated/i.test((err as Error).message);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return Math.max(low - 1, 0);
}

/** The object key of a hash in a DVC remote: 3.x under `files/md5/`, 2.x at the root. */
export function dvcObjectKey(prefix: string, md5: string, legacy: boolean): string {
  const base = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return `${base}${legacy ? '' : 'files/md5/'}${md5.slice(0, 2)}/${md5.slice(2)}`;
}
