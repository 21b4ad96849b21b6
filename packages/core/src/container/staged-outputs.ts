import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The folder a run writes its outputs into: a fresh hidden sibling of
 * `outputs` (the same filesystem, so moving it is a rename), moved into place
 * only when the run succeeded. A failed, timed-out or cancelled run leaves
 * `outputs` exactly as it was; a process killed outright leaves at most the
 * hidden staging folder beside it, never a half-written file inside it.
 */
export class StagedOutputs {
  private constructor(
    /** Where the results belong. */
    readonly outputs: string,
    /** Where the command writes them meanwhile (mounted at `outputs` inside the container). */
    readonly folder: string,
    /** Whether `outputs` was made for this run, so a failed run takes it away again. */
    private readonly madeOutputs: boolean,
  ) {}

  static async create(outputs: string): Promise<StagedOutputs> {
    const parent = path.dirname(outputs);
    await mkdir(parent, { recursive: true });
    // The engine would make a missing mount point itself, as root; made here it is the caller's.
    const madeOutputs = (await mkdir(outputs, { recursive: true })) !== undefined;
    const folder = path.join(parent, `.${path.basename(outputs)}.mlops-ci-staging-${randomBytes(6).toString('hex')}`);
    await mkdir(folder);
    return new StagedOutputs(outputs, folder, madeOutputs);
  }

  /**
   * Puts the staged results into `outputs`: the whole folder by one rename
   * when `outputs` is an empty folder; else entry by entry, each replacing
   * the entry of the same name (what the run did not write stays).
   */
  async commit(): Promise<void> {
    try {
      await rename(this.folder, this.outputs);
      return;
    } catch (err) {
      // Not empty, or a symbolic link to the folder: its entries are replaced instead.
      if (!isCode(err, 'ENOTEMPTY', 'EEXIST', 'ENOTDIR')) throw err;
    }
    const replaced = `${this.folder}-replaced`;
    await mkdir(replaced);
    try {
      for (const name of await readdir(this.folder)) await replaceEntry(path.join(this.folder, name), path.join(this.outputs, name), path.join(replaced, name));
    } finally {
      await rm(replaced, { recursive: true, force: true });
    }
    await rm(this.folder, { recursive: true, force: true });
  }

  /** Removes the staged results (the run failed), and `outputs` when it was made for this run and is still empty. */
  async discard(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
    if (this.madeOutputs) await rmdir(this.outputs).catch(() => undefined);
  }
}

/**
 * Renames `from` onto `to`. A rename replaces a file or an empty folder at
 * once; a folder that holds files, or an entry of the other kind, is first
 * moved aside to `aside` (removed afterwards).
 */
async function replaceEntry(from: string, to: string, aside: string): Promise<void> {
  try {
    await rename(from, to);
    return;
  } catch (err) {
    if (!isCode(err, 'ENOTEMPTY', 'EEXIST', 'EISDIR', 'ENOTDIR')) throw err;
  }
  await rename(to, aside);
  await rename(from, to);
}

function isCode(err: unknown, ...codes: string[]): boolean {
  return codes.includes((err as NodeJS.ErrnoException).code ?? '');
}
