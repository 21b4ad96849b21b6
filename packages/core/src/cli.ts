#!/usr/bin/env -S node --
/**
 * The one entrypoint: `mlops-ci <step> ...` in a terminal and on Jenkins, and,
 * through runAction(), every GitHub action. It loads only specs eagerly;
 * hosts and step code are imported when a step actually runs.
 *
 * The `#!` line ends Node's own options with `--`: Node reads an
 * `--env-file…` argument even after the script's name (and runs the file's
 * NODE_OPTIONS) unless a `--` came before it, so without it
 * `mlops-ci train-in-container --env-file train.env` would hand a repository
 * file to Node. `env -S` splits the line (GNU coreutils 8.30+, BSD/macOS;
 * npm's Windows shims read it too).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXIT, quote } from './errors.js';
import { renderStepHelp, renderUsage } from './spec/help.js';
import type { StepSpec } from './spec/types.js';
import { findStep, STEPS } from './steps/registry.js';
import { runStep } from './steps/run-step.js';
import { VERSION } from './version.js';
import { inertLines } from './host/workflow-commands.js';
import { redactUrlCredentials } from './redact.js';
import { closestName } from './spec/suggest.js';

type Parsed = { kind: 'inputs'; inputs: Record<string, unknown> } | { kind: 'help' } | { kind: 'error'; message: string };

/** Runs the CLI with these arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  silenceSdkNodeNotice();
  const [first, ...rest] = argv;
  if (first === undefined) {
    // Nothing asked for is a usage error: the usage goes where errors go, so `mlops-ci > out` shows it.
    process.stderr.write(`${renderUsage(specs(), VERSION)}\n`);
    return EXIT.badInput;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${renderUsage(specs(), VERSION)}\n`);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = findStep(first);
  if (!entry) {
    printError(unknownStepMessage(first), env);
    return EXIT.badInput;
  }
  const parsed = parseStepArgs(entry.spec, rest);
  if (parsed.kind === 'help') {
    process.stdout.write(`${renderStepHelp(entry.spec)}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'error') {
    printError(parsed.message, env);
    return EXIT.badInput;
  }
  return runStep(entry, { invocation: 'cli', env, cwd }, parsed.inputs);
}

/** The entry of each GitHub action (dist/<step>.js): the same code, inputs from INPUT_*. */
export async function runAction(step: string): Promise<void> {
  silenceSdkNodeNotice();
  const entry = findStep(step);
  if (!entry) throw new Error(`no step named ${step}`);
  process.exitCode = await runStep(entry, { invocation: 'action', env: process.env, cwd: process.cwd() });
}

/**
 * Under Node < 22 the AWS SDK prints, on every run, a ten-line notice that its
 * releases after January 2027 will need Node 22. The bundle pins the SDK, so
 * that upgrade is this project's to plan, not something a user can act on: the
 * SDK's documented switch keeps it out of every step's log (unless set).
 */
function silenceSdkNodeNotice(): void {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
}

/**
 * `--name value`, `--name=value`; a repeated name makes a list; a boolean
 * input may stand alone (`--check-run`). Values are never interpreted by a shell.
 */
export function parseStepArgs(spec: StepSpec, args: readonly string[]): Parsed {
  const inputs: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!arg.startsWith('--')) return { kind: 'error', message: `unexpected argument ${quote(arg)}: inputs are given as --<input> <value>` };
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const input = spec.inputs.find((candidate) => candidate.name === name);
    if (!input) {
      return { kind: 'error', message: unknownInputMessage(spec, name) };
    }
    let value: string;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else if (input.type === 'boolean' && (i + 1 >= args.length || (args[i + 1] as string).startsWith('--'))) {
      value = 'true';
    } else if (i + 1 < args.length) {
      value = args[++i] as string;
    } else {
      return { kind: 'error', message: `input '${name}' needs a value` };
    }
    const previous = inputs[name];
    if (previous === undefined) inputs[name] = value;
    else if (input.type === 'list' || input.type === 'map') inputs[name] = [...(Array.isArray(previous) ? previous : [previous]), value];
    else return { kind: 'error', message: `input '${name}' is given twice` };
  }
  return { kind: 'inputs', inputs };
}

function unknownStepMessage(name: string): string {
  const names = specs().map((s) => s.name);
  const meant = closestName(name, names);
  return meant ? `unknown step ${quote(name)}; did you mean ${quote(meant)}?` : `unknown step ${quote(name)}; the steps are: ${names.join(', ')}`;
}

function unknownInputMessage(spec: StepSpec, name: string): string {
  const meant = closestName(name, spec.inputs.map((input) => input.name));
  const hint = meant ? `did you mean ${quote(meant)}?` : `see mlops-ci ${spec.name} --help`;
  return `input ${quote(name)} is not an input of ${spec.name}; ${hint}`;
}

/** An error before any host exists; it quotes arguments, so on a runner it is printed inert too. */
function printError(message: string, env: NodeJS.ProcessEnv): void {
  const text = `error: ${redactUrlCredentials(message)}`;
  const lines = env['GITHUB_ACTIONS'] === 'true' ? inertLines(text) : [text];
  process.stderr.write(`${lines.join('\n')}\n`);
}

function specs(): StepSpec[] {
  return STEPS.map((step) => step.spec);
}

function isEntrypoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/**
 * Arguments of the tool that Node itself acted on before the tool started:
 * Node scans its whole command line up to the first `--` for `--env-file…`,
 * the script's own arguments included. `commandLine` is the process's real
 * argv (node, its options, the script, then `ownArgs`).
 */
export function argumentsNodeRead(commandLine: readonly string[], ownArgs: readonly string[]): string[] {
  const launcher = commandLine.slice(0, commandLine.length - ownArgs.length);
  const tail = commandLine.slice(launcher.length);
  // A command line that does not end with our arguments is not one we can read: assume nothing.
  if (launcher.length === 0 || tail.some((arg, i) => arg !== ownArgs[i])) return [];
  if (launcher.includes('--')) return [];
  const separator = ownArgs.indexOf('--');
  return (separator === -1 ? ownArgs : ownArgs.slice(0, separator)).filter((arg) => arg.startsWith('--env-file'));
}

/** This process's argv as exec'd (Linux); null where it cannot be read, and the check is skipped. */
function ownCommandLine(): string[] | null {
  try {
    return readFileSync('/proc/self/cmdline', 'utf8').split('\0').slice(0, -1);
  } catch {
    return null;
  }
}

/**
 * `node dist/mlops-ci.js … --env-file x`: Node has already read x, and run
 * its NODE_OPTIONS. That cannot be undone here, but the tool does not go on
 * in such a process, and says how to start it so that it cannot happen.
 */
function refuseArgumentsNodeRead(args: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const commandLine = ownCommandLine();
  const read = commandLine ? argumentsNodeRead(commandLine, args) : [];
  if (read.length === 0) return false;
  const input = (read[0] as string).slice(2).split('=')[0] as string;
  printError(
    `input ${quote(input)}: Node itself reads ${quote(`--${input}`)} when mlops-ci is started as 'node dist/mlops-ci.js …' (it loads the file, and runs its NODE_OPTIONS, before mlops-ci starts). Start it as 'mlops-ci …' or 'node -- dist/mlops-ci.js …'.`,
    env,
  );
  return true;
}

if (isEntrypoint()) {
  const args = process.argv.slice(2);
  process.exitCode = refuseArgumentsNodeRead(args, process.env) ? EXIT.badInput : await main(args);
}
