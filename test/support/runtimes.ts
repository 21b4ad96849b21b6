/**
 * The Node runtimes the bundle is tested on: the Node running the tests (20 on
 * this machine) and Node 24, the one GitHub runs the actions on, which
 * scripts/provision/node24.sh unpacks into .cache/tools/node24.
 *
 * A test that starts the bundle takes each runtime in turn,
 * `describe.each(RUNTIMES)('on $name', (runtime) => …)`, and starts it with
 * `nodeOf(runtime)`, or with `pathFor(runtime)` as PATH where something else
 * picks `node` from PATH (the installed command's `#!/usr/bin/env -S node --`
 * line, act's host mode).
 *
 * A missing Node 24 fails every test that uses it, naming the provisioning
 * script: skipping them would let a machine that never provisioned it pass
 * while testing one runtime only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Not bundle.ts's ROOT: bundle.ts imports this module.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Runtime {
  /** What test names call it: `node 20.x`, `node 24.x`. */
  readonly name: string;
  /** The major version the binary must report. */
  readonly major: number;
  /** The binary's path; `nodeOf` checks it before use. */
  readonly binary: string;
  /** What puts the binary there, for the message when it is missing. */
  readonly install: string;
}

/** Where scripts/provision/node24.sh puts Node 24. */
export const NODE24_BINARY = path.join(ROOT, '.cache', 'tools', 'node24', 'bin', 'node');

const CURRENT_MAJOR = Number(process.versions.node.split('.')[0]);

export const CURRENT: Runtime = { name: `node ${CURRENT_MAJOR}.x`, major: CURRENT_MAJOR, binary: process.execPath, install: 'install Node 20 or newer' };
export const NODE24: Runtime = { name: 'node 24.x', major: 24, binary: NODE24_BINARY, install: 'bash scripts/provision/node24.sh' };

/** Every runtime the bundle's tests run on, the Node running the tests first. */
export const RUNTIMES: readonly Runtime[] = CURRENT_MAJOR === 24 ? [CURRENT] : [CURRENT, NODE24];

const versions = new Map<Runtime, string>();

/**
 * The runtime's exact version (`v24.22.3`), asked of the binary once.
 * Throws, saying how to provision it, when the binary is missing, does not
 * run, or is of another major version.
 */
export function versionOf(runtime: Runtime): string {
  const known = versions.get(runtime);
  if (known !== undefined) return known;
  const version = runtime.binary === process.execPath ? process.version : probe(runtime);
  if (!version.startsWith(`v${runtime.major}.`)) {
    throw new Error(`${runtime.binary} is Node ${version}, not ${runtime.major}.x: run \`${runtime.install}\``);
  }
  versions.set(runtime, version);
  return version;
}

/** The runtime's `node`, checked by `versionOf`. */
export function nodeOf(runtime: Runtime): string {
  versionOf(runtime);
  return runtime.binary;
}

/**
 * A PATH on which the runtime's `node` comes first, before `rest`
 * (default: this process's PATH), for what looks `node` up on PATH.
 */
export function pathFor(runtime: Runtime, rest: string = process.env['PATH'] ?? ''): string {
  return [path.dirname(nodeOf(runtime)), rest].filter(Boolean).join(path.delimiter);
}

function probe(runtime: Runtime): string {
  if (!existsSync(runtime.binary)) {
    throw new Error(`Node ${runtime.major} is not installed at ${runtime.binary}: run \`${runtime.install}\``);
  }
  try {
    return execFileSync(runtime.binary, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch (err) {
    throw new Error(`${runtime.binary} --version failed: run \`${runtime.install}\` again`, { cause: err });
  }
}
