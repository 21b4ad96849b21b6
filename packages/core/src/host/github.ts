import * as core from '@actions/core';
import { truncate } from '../report/format.js';
import { githubContext } from './context.js';
import { envInputs } from './raw-inputs.js';
import { inertLines } from './workflow-commands.js';
import { redactUrlCredentials } from '../redact.js';
import { ActionsCache } from '../cache/actions-cache.js';
import type { CacheStore } from '../cache/types.js';
import type { RawInputs } from '../spec/types.js';
import { annotationFile } from './annotation.js';
import type { Annotation, Host, RunContext, StepEnding } from './types.js';

/** GitHub refuses a step summary over 1 MiB; leave room for what other steps add. */
const STEP_SUMMARY_LIMIT = 512 * 1024;

/**
 * GitHub Actions, as a JavaScript action: @actions/core for inputs, outputs,
 * groups, masking and the step summary; @actions/cache for the cache (only
 * JavaScript actions get the cache token: README, "Why JavaScript actions").
 */
export class GitHubHost implements Host {
  readonly kind = 'github' as const;
  readonly inputs: RawInputs;
  readonly context: RunContext;
  readonly cache: CacheStore = new ActionsCache(this);

  /**
   * `env` is the process's own environment in an action: @actions/core
   * reads GITHUB_OUTPUT and the rest from process.env itself, so a host over
   * another environment would write its outputs where that one says.
   */
  constructor(env: NodeJS.ProcessEnv, cwd: string) {
    this.inputs = envInputs(env);
    this.context = githubContext(env, cwd);
  }

  // Every text goes out through redactUrlCredentials (a URL a user gave may
  // carry a password the runner was never told to mask).
  debug(message: string): void {
    core.debug(redactUrlCredentials(message));
  }
  /**
   * The one log call that prints text as it is (debug, notice, warning, error
   * and group titles go out as commands whose data @actions/core escapes), so
   * the one place where a printed value could become a workflow command.
   */
  info(message: string): void {
    for (const line of inertLines(redactUrlCredentials(message))) core.info(line);
  }
  notice(message: string, at?: Annotation): void {
    core.notice(redactUrlCredentials(message), this.annotationProperties(at));
  }
  warning(message: string, at?: Annotation): void {
    core.warning(redactUrlCredentials(message), this.annotationProperties(at));
  }
  error(message: string, at?: Annotation): void {
    core.error(redactUrlCredentials(message), this.annotationProperties(at));
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(redactUrlCredentials(name), fn);
  }
  setSecret(value: string): void {
    if (value.trim() !== '') core.setSecret(value);
  }
  setOutput(name: string, value: string): void {
    // Outputs are text on GitHub, whatever their type.
    core.setOutput(name, value);
  }
  addPath(dir: string): void {
    core.addPath(dir);
  }

  async appendSummary(markdown: string): Promise<void> {
    // summary.write() throws when GITHUB_STEP_SUMMARY is unset (some runners, act without it).
    if (!this.context.env['GITHUB_STEP_SUMMARY']) {
      core.info('No GITHUB_STEP_SUMMARY on this runner: the summary is only in the report file.');
      return;
    }
    await core.summary.addRaw(truncate(markdown, STEP_SUMMARY_LIMIT, '_Cut to fit GitHub’s 1 MiB step summary; the full report is in the report file._'), true).write();
  }

  async finish({ error }: StepEnding): Promise<void> {
    // Not core.setFailed: that is error() plus an exit code, which runAction sets from runStep's; error() can carry the place.
    if (error) this.error(error.message, error.at);
  }

  /**
   * @actions/core's annotation properties (it escapes them as workflow
   * commands require: `%`, CR, LF, `:` and `,`). GitHub refuses a column on
   * an annotation that spans lines, so a span keeps its lines only.
   */
  private annotationProperties(at: Annotation | undefined): core.AnnotationProperties {
    if (!at) return {};
    const spansLines = at.endLine !== undefined && at.endLine !== at.line;
    return {
      file: annotationFile(at, this.context),
      startLine: at.line,
      ...(at.endLine !== undefined ? { endLine: at.endLine } : {}),
      ...(at.col !== undefined && !spansLines ? { startColumn: at.col } : {}),
      ...(at.title !== undefined ? { title: redactUrlCredentials(at.title) } : {}),
    };
  }
}
