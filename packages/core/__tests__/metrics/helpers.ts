/** Shared test helpers: temp fixture folders and catching InputErrors. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';

/** A fresh folder under os.tmpdir() with the given files (relative path → content). */
export async function makeFixtureDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlops-ci-metrics-'));
  await writeFixtureFiles(dir, files);
  return dir;
}

export async function writeFixtureFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Runs `action`, expecting an InputError; returns its input and message. */
export function inputErrorOf(action: () => unknown): { input: string; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return { input: error.input, message: error.message };
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** The async form of inputErrorOf. */
export async function asyncInputErrorOf(action: () => Promise<unknown>): Promise<{ input: string; message: string }> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InputError) return { input: error.input, message: error.message };
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}
