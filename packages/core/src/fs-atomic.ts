import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file whole or not at all: the content goes to a temp name beside
 * it and is renamed over the target, so a reader (or a killed process) never
 * sees half a report or half an outputs file.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const staging = `${file}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(staging, content);
    await rename(staging, file);
  } catch (err) {
    await rm(staging, { force: true });
    throw err;
  }
}
