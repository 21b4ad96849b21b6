/**
 * Runs one catalogue case through the real bundle on its host, in a root of
 * its own (workspace, HOME, TMPDIR, an "outside"), and judges what happened.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE, ROOT, spawnCollect } from '../support/bundle.js';
import { type Case, concrete, type HostName, type Value } from './cases.js';

/** How a step is given a valid, quick run that a case then changes one input of. */
export interface StepFixture {
  /** Writes the workspace's files. */
  prepare(workspace: string): void;
  /** Inputs of a valid run. */
  readonly base: Readonly<Record<string, string>>;
  /** Exit codes a legal value may end with (2 is always allowed, with its conditions). */
  readonly okCodes: readonly number[];
  /**
   * The input a legal value's run stops at with exit 2: the base is made to
   * fail validation there, so a step whose real work is slow (building an env)
   * does none, and a legal value shows as "validation went on to the end".
   */
  readonly tripwire?: string;
  /** Inputs whose value is code to run, by design (the injection check skips them). */
  readonly code?: readonly string[];
}

export interface CaseRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files under the case's root (host channel files aside) that changed. */
  readonly changed: readonly string[];
  /** The shell-injection marker was created. */
  readonly injected: boolean;
}

/** The GitHub API every host is pointed at: a closed port on loopback, so no case reaches the network. */
const NO_API = 'http://127.0.0.1:9';

export async function runCase(c: Case, fixture: StepFixture): Promise<CaseRun> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mlops-ci-prop-'));
  const dirs = { workspace: path.join(root, 'ws'), home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), host: path.join(root, 'host') };
  for (const dir of Object.values(dirs)) mkdirSync(dir);
  const places = { marker: path.join(root, 'INJECTED'), outside: path.join(root, 'outside-abs') };
  fixture.prepare(dirs.workspace);
  const value = concrete(c.value, places);
  const base = Object.fromEntries(Object.entries(fixture.base).filter(([name]) => name !== c.input));
  const before = snapshot(root, dirs.host);
  const { command, env } = invocation(c, value, base, dirs);
  const result = await spawnCollect(command[0] as string, command.slice(1), { cwd: dirs.workspace, env: { ...env, HOME: dirs.home, TMPDIR: dirs.tmp, PATH: process.env['PATH'] ?? '' } });
  const after = snapshot(root, dirs.host);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).sort();
  return { ...result, changed, injected: existsSync(places.marker) };
}

/** What a run must show; the reason it falls short, or null when it does not. */
export function judge(c: Case, fixture: StepFixture, run: CaseRun): string | null {
  if (run.injected && !fixture.code?.includes(c.input)) return 'a shell command in the value ran';
  const output = `${run.stdout}\n${run.stderr}`;
  if (/^\s+at .+:\d+:\d+\)?$/m.test(output)) return `stack trace (exit ${run.code})`;
  if (c.value.kind === 'text' && isSecretValue(c, c.value) && c.host !== 'github' && output.includes(c.value.text)) return 'secret value printed';
  if (run.code === 2) {
    const errors = errorLines(c.host, run);
    if (errors.length !== 1) return `exit 2 with ${errors.length} error lines`;
    // An empty value is an absent one: the error may be about what its absence leaves out.
    const absent = c.category === 'empty' || c.category === 'whitespace';
    const named = [c.input, fixture.tripwire].filter((name): name is string => name !== undefined);
    if (!absent && !named.some((name) => mentions(errors[0] as string, name))) return 'exit 2 naming another input';
    if (run.changed.length > 0) return `exit 2 but wrote ${run.changed.slice(0, 3).join(', ')}`;
    return null;
  }
  // A command that is code by design may fail by itself: that is exit 1, the step failed while working.
  if (run.code === 1 && fixture.code?.includes(c.input)) return null;
  if (!fixture.okCodes.includes(run.code)) return `exit ${run.code}: ${lastWords(c.host, run)}`;
  return null;
}

/** What the tool said last, bounded: enough for whoever fixes the gap to know where to look. */
function lastWords(host: HostName, run: { stdout: string; stderr: string }): string {
  const said = errorLines(host, run).at(-1) ?? run.stderr.trim().split('\n').at(-1) ?? '';
  return said.replace(/x{40,}/g, 'x…x').slice(0, 160);
}

/** The line names the input as a word of its own ('path' in "input 'path'", not in "data-path"). */
function mentions(line: string, name: string): boolean {
  return new RegExp(`(^|[^a-z0-9-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9-])`).test(line);
}

function isSecretValue(c: Case, value: { text: string }): boolean {
  return c.input === 'github-token' && value.text.trim().length >= 6;
}

/** The tool's error lines: `error: …` on stderr (CLI, Jenkins), `::error::…` or `::error file=…::…` on stdout (GitHub). */
export function errorLines(host: HostName, run: { stdout: string; stderr: string }): string[] {
  if (host === 'github') return run.stdout.split('\n').filter((line) => /^::error( [^:]*)?::/.test(line));
  return run.stderr.split('\n').filter((line) => line.startsWith('error: '));
}

interface Invocation {
  readonly command: readonly string[];
  readonly env: Record<string, string>;
}

/** The command and environment that give the step its inputs the way `host` does. */
function invocation(c: Case, value: Value, base: Record<string, string>, dirs: Record<'workspace' | 'home' | 'tmp' | 'host', string>): Invocation {
  const node = process.execPath;
  switch (c.host) {
    case 'cli': {
      // `node --`, as documented: Node itself takes no argument after it (Node 20 reads --env-file anywhere before it).
      const args = [node, '--', BUNDLE, c.step, ...Object.entries(base).flatMap(([name, v]) => [`--${name}`, v]), `--${c.input}`];
      if (value.kind === 'bytes') return { command: ['bash', '-c', 'v=$(printf "$1"); shift; exec "$@" "$v"', 'sh', value.printf, ...args], env: { GITHUB_API_URL: NO_API } };
      return { command: [...args, textOf(value)], env: { GITHUB_API_URL: NO_API } };
    }
    case 'github': {
      const env: Record<string, string> = {
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: dirs.workspace,
        GITHUB_OUTPUT: path.join(dirs.host, 'output'),
        GITHUB_STEP_SUMMARY: path.join(dirs.host, 'summary'),
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_RUN_ID: '1',
        GITHUB_API_URL: NO_API,
        RUNNER_TEMP: dirs.tmp,
        RUNNER_TOOL_CACHE: path.join(dirs.home, 'toolcache'),
      };
      for (const [name, v] of Object.entries(base)) env[inputEnvName(name)] = v;
      for (const file of ['output', 'summary']) writeFileSync(path.join(dirs.host, file), '');
      const args = [node, path.join(ROOT, 'dist', `${c.step}.js`)];
      if (value.kind === 'bytes') return { command: ['bash', '-c', 'v=$(printf "$1"); n=$2; shift 2; exec env "$n=$v" "$@"', 'sh', value.printf, inputEnvName(c.input), ...args], env };
      return { command: args, env: { ...env, [inputEnvName(c.input)]: textOf(value) } };
    }
    case 'jenkins': {
      const env: Record<string, string> = {
        JENKINS_URL: 'http://127.0.0.1:9/',
        BUILD_URL: 'http://127.0.0.1:9/job/p/1/',
        BUILD_TAG: 'jenkins-p-1',
        WORKSPACE: dirs.workspace,
        MLOPS_CI_OUTPUTS: path.join(dirs.host, 'outputs.json'),
        MLOPS_CI_ERROR_FILE: path.join(dirs.host, 'error.json'),
        GITHUB_API_URL: NO_API,
      };
      const args = [node, '--', BUNDLE, c.step];
      if (value.kind === 'bytes') {
        // The bytes go between the two halves of the JSON, inside its string.
        const json = JSON.stringify({ ...base, [c.input]: '\u0000' });
        const [pre, post] = json.split('\\u0000') as [string, string];
        return { command: ['bash', '-c', 'v=$(printf "$1"); pre=$2; post=$3; shift 3; exec env "MLOPS_CI_INPUTS=$pre$v$post" "$@"', 'sh', value.printf, pre, post, ...args], env };
      }
      const given = value.kind === 'json' ? value.json : value.text;
      return { command: args, env: { ...env, MLOPS_CI_INPUTS: JSON.stringify({ ...base, [c.input]: given }) } };
    }
  }
}

function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function textOf(value: Value): string {
  if (value.kind !== 'text') throw new Error(`a ${value.kind} value is carried by its own path`);
  return value.text;
}

/** Every file, folder and link under `root` (but `skip`) with a digest of what it holds. */
function snapshot(root: string, skip: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (full === skip) continue;
      const stat = lstatSync(full);
      const rel = path.relative(root, full);
      if (stat.isSymbolicLink()) entries.set(rel, `link ${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        entries.set(rel, 'dir');
        walk(full);
      } else if (stat.isFile()) entries.set(rel, `file ${createHash('sha1').update(readFileSync(full)).digest('hex')}`);
      else entries.set(rel, `other ${stat.mode}`);
    }
  };
  walk(root);
  return entries;
}
