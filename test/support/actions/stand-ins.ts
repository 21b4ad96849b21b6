// Test-only stand-ins for remote actions act cannot fetch here (no github.com),
// mapped in by runAct with act's --local-repository.
//
// act tars the mapped folder into the job's action dir under its temp dir, so
// `import '@actions/artifact'` from there would not reach this repository's
// node_modules: each stand-in runs as an ncc bundle, as published actions do.
// Bundling takes ~12 s a stand-in, so bundles are kept in .cache/act-stand-ins/,
// under a hash of their sources and of package-lock.json, and built at most once
// for all jest workers.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');

/** `uses:` value (owner/repo@ref, matched exactly by act) -> folder of the stand-in's sources. */
const STAND_INS: Record<string, string> = {
  'actions/upload-artifact@v4': 'upload-artifact',
  'actions/download-artifact@v4': 'download-artifact',
};

let mappings: Promise<string[]> | undefined;

/** Whether a workflow's text uses one of the stand-ins, so runAct can skip bundling them when not. */
export function namesStandIn(workflowText: string): boolean {
  return Object.keys(STAND_INS).some((uses) => workflowText.includes(uses));
}

/** act `--local-repository` values (`actions/upload-artifact@v4=<dir>`) for every stand-in, built on first use. */
export function standInMappings(): Promise<string[]> {
  mappings ??= buildAll();
  return mappings;
}

async function buildAll(): Promise<string[]> {
  const cache = join(repoRoot, '.cache', 'act-stand-ins');
  const hash = await sourceHash();
  const built = await Promise.all(
    Object.entries(STAND_INS).map(async ([uses, folder]) => `${uses}=${await ensureBundle(folder, join(cache, hash, folder))}`),
  );
  // Bundles of older sources are never used again (~6 MB each).
  for (const old of await readdir(cache)) if (old !== hash) await rm(join(cache, old), { recursive: true, force: true });
  return built;
}

/** Changes when any file here (stand-ins, shared code, tsconfig) or any locked dependency version does. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(here, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  for (const file of [...files.sort(), join(repoRoot, 'package-lock.json')]) hash.update(file).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** The stand-in as an action folder (action.yml + dist/), bundled unless already there. */
async function ensureBundle(folder: string, target: string): Promise<string> {
  if (existsSync(target)) return target;
  await mkdir(dirname(target), { recursive: true });
  // Build beside the target and rename it into place, so a concurrent jest worker
  // never sees half a bundle; the loser of a race drops its copy.
  const staging = await mkdtemp(`${target}.tmp-`);
  try {
    await ncc(join(here, folder, 'main.ts'), join(staging, 'dist'));
    await copyFile(join(here, folder, 'action.yml'), join(staging, 'action.yml'));
    await rename(staging, target).catch((err: NodeJS.ErrnoException) => {
      if (!existsSync(target)) throw err;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

/** `ncc build` as scripts/build.sh runs it; writes index.js and a {"type":"module"} package.json. */
function ncc(entry: string, outDir: string): Promise<void> {
  const cli = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
  const args = [cli, 'build', entry, '-o', outDir, '--target', 'es2022', '--transpile-only', '--quiet', '--no-source-map-register'];
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => (code === 0 ? ok() : fail(new Error(`ncc build ${entry} failed (exit ${code}): ${stderr}`))));
  });
}
