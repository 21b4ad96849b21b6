import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs-atomic.js';
import os from 'node:os';
import path from 'node:path';
import { DirectoryCache } from '../cache/directory-cache.js';
import { inertLines } from './workflow-commands.js';
import { redactUrlCredentials } from '../redact.js';
import type { CacheStore } from '../cache/types.js';
import { locationText } from './annotation.js';
import type { Annotation, Host, HostKind, RunContext, StepEnding } from './types.js';
import type { OutputType, RawInputs } from '../spec/types.js';

/** Where a plain host's log lines go: stderr, so the CLI's stdout stays pure JSON. */
export type LineWriter = (line: string) => void;

const writeStderr: LineWriter = (line) => process.stderr.write(`${line}\n`);

/**
 * What the GitLab, Jenkins and local hosts share: logging to stderr with secrets
 * redacted, a summary file printed to the log, a directory cache, outputs
 * collected in memory and flushed at the end. Subclasses say where outputs go.
 */
export abstract class PlainHost implements Host {
  abstract readonly kind: HostKind;
  readonly cache: CacheStore;
  protected readonly outputs: Record<string, string> = {};
  private readonly jsonOutputs = new Set<string>();
  private readonly secrets: string[] = [];
  private readonly debugEnabled: boolean;
  /**
   * The CLI in a workflow's `run:` step: the runner reads this process's
   * stdout and stderr for workflow commands, so printed text is made inert.
   */
  protected readonly onGitHubRunner: boolean;
  private summaryStarted = false;

  protected constructor(
    readonly inputs: RawInputs,
    readonly context: RunContext,
    protected readonly step: string,
    protected readonly env: NodeJS.ProcessEnv,
    private readonly write: LineWriter = writeStderr,
  ) {
    this.debugEnabled = ['1', 'true'].includes(env['MLOPS_CI_DEBUG'] ?? env['RUNNER_DEBUG'] ?? '');
    this.onGitHubRunner = env['GITHUB_ACTIONS'] === 'true';
    // Absolute, like every path the cache's tar is given: a relative MLOPS_CI_CACHE_DIR is relative to the run's folder.
    const cacheRoot = path.resolve(context.cwd, env['MLOPS_CI_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'mlops-ci', 'cache'));
    this.cache = new DirectoryCache(cacheRoot, this, env);
  }

  debug(message: string): void {
    if (this.debugEnabled) this.emit(`[debug] ${message}`);
  }
  info(message: string): void {
    this.emit(message);
  }
  notice(message: string, at?: Annotation): void {
    this.emit(this.located('notice', message, at));
  }
  warning(message: string, at?: Annotation): void {
    this.emit(this.located('warning', message, at));
  }
  error(message: string, at?: Annotation): void {
    this.emit(this.located('error', message, at));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.emit(`── ${name} ──`);
    return fn();
  }

  setSecret(value: string): void {
    // Redact longer secrets first so a secret containing another is fully hidden.
    if (value.trim() !== '' && !this.secrets.includes(value)) {
      this.secrets.push(value);
      this.secrets.sort((a, b) => b.length - a.length);
    }
  }

  setOutput(name: string, value: string, type?: OutputType): void {
    this.outputs[name] = value;
    if (type === 'json') this.jsonOutputs.add(name);
    else this.jsonOutputs.delete(name);
  }

  /**
   * The outputs as the CLI prints them on stdout, one JSON document: the text
   * of each output, as GitHub has it, except that a `json` output is its
   * value (`.results.passed` is a boolean to jq, not a string to parse again).
   */
  protected stdoutJson(): string {
    const document: Record<string, unknown> = { ...this.outputs };
    for (const name of this.jsonOutputs) document[name] = parsedOrText(this.outputs[name] ?? '');
    return JSON.stringify(document, null, 2);
  }

  addPath(dir: string): void {
    this.info(`Following steps can find it in ${dir} (add it to PATH, or use the step's outputs).`);
  }

  async appendSummary(markdown: string): Promise<void> {
    const file = path.join(this.context.tempDir, 'mlops-ci', `${this.step}-summary.md`);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      // One summary per run, like GitHub's per-step summary: the first write of this process starts it afresh.
      await (this.summaryStarted ? appendFile : writeFile)(file, `${markdown}\n`);
      this.summaryStarted = true;
      this.emit(`── summary (${file}) ──`);
    } catch (err) {
      // The summary is a copy of what the log shows: a temp folder shared with
      // another user (os.tmpdir() on a laptop) must not fail the step that did its work.
      this.warning(`Could not write the summary file ${file} (${(err as Error).message}); the summary is only in this log.`);
      this.emit('── summary ──');
    }
    for (const line of markdown.split('\n')) this.emit(line);
  }

  abstract finish(outcome: StepEnding): Promise<void>;

  /**
   * `level: message`, or `level: file:line:col: title: message` when it
   * points into a file: every error line still starts with `error:`.
   */
  private located(level: 'notice' | 'warning' | 'error', message: string, at: Annotation | undefined): string {
    if (!at) return `${level}: ${message}`;
    return `${level}: ${locationText(at, this.context)}: ${at.title ? `${at.title}: ` : ''}${message}`;
  }

  /** Secrets this run was told about, and credentials inside any URL. */
  protected redact(text: string): string {
    let out = redactUrlCredentials(text);
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }

  /** One line as it is, for a host's own control sequences (GitLab's section markers): the caller redacts any text it puts in. */
  protected writeLine(line: string): void {
    this.write(line);
  }

  private emit(message: string): void {
    const text = this.redact(message);
    for (const block of this.onGitHubRunner ? inertLines(text) : [text]) {
      for (const line of block.split('\n')) this.write(line);
    }
  }

  /** Writes JSON whole, so the shim never reads half of it. */
  protected async writeJsonFile(file: string, value: unknown): Promise<void> {
    await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
  }
}

/** A `json` output's value; its text when it is not JSON (empty: the step had nothing to say), so nothing is lost. */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
