/**
 * Brings what the pods wrote under the run's outputs prefix back to the
 * runner, with the project's S3 store (the SDK is loaded only now): the
 * files land in the staging folder, which the step moves into `outputs` only
 * when the run succeeded, as after a container run.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DestinationGuard, unsafeRelpath } from '../../data/safe-path.js';
import { parseLocation } from '../../storage/location.js';
import { openStore } from '../../storage/open.js';

/** Downloads every object under `url` (an `s3://bucket/prefix/`) into `folder`; returns how many files. */
export async function downloadOutputs(url: string, folder: string, place: { readonly env: Readonly<NodeJS.ProcessEnv>; readonly cwd: string }): Promise<number> {
  // Checked while planning (`planKubernetes` takes s3:// only): a refusal here would be a bug, hence a plain error.
  const { store, prefix } = openStore(parseLocation(url, { base: place.cwd }), { env: place.env });
  const guard = new DestinationGuard();
  let count = 0;
  for await (const object of store.list(prefix)) {
    const relpath = object.key.slice(prefix.length);
    const unsafe = unsafeRelpath(relpath);
    if (unsafe !== undefined) throw new Error(`refusing to download ${url}${relpath}: its path below the prefix ${unsafe}`);
    guard.check(folder, relpath);
    const file = path.join(folder, ...relpath.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await pipeline(await store.read(object.key), createWriteStream(file));
    count++;
  }
  return count;
}
