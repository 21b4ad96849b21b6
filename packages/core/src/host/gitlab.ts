import { writeFileAtomic } from '../fs-atomic.js';
import { parseInputsJson } from '../spec/inputs.js';
import type { OutputType, RawInputs } from '../spec/types.js';
import { gitlabContext } from './context.js';
import type { Launch } from './detect.js';
import { DotenvReport, dotenvTarget } from './dotenv.js';
import { PlainHost } from './plain-host.js';
import { gitlabInputs } from './raw-inputs.js';
import type { RunContext, StepEnding } from './types.js';

/**
 * The token the gate reports with and the credentials GitLab itself masks
 * (docs: ci/variables/predefined_variables.md): hidden from the log even when
 * a step's message quotes one, as GitLab hides masked variables.
 */
const MASKED_VARIABLES = ['GITLAB_TOKEN', 'CI_JOB_TOKEN', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_DEPENDENCY_PROXY_PASSWORD'];

const ESC = '\u001b';
/**
 * Section names are `[a-zA-Z0-9_.-]+` for GitLab's log parser (lib/gitlab/regex.rb,
 * build_trace_section_regex); this many characters are enough to tell sections apart.
 */
const SECTION_NAME_LIMIT = 60;

/**
 * GitLab CI/CD (GITLAB_CI=true): inputs from `--name value`, then
 * MLOPS_CI_INPUT_<NAME> job variables, then MLOPS_CI_INPUTS; the run context
 * from GitLab's predefined variables; log groups as collapsed sections; the
 * outputs as JSON on stdout and, when MLOPS_CI_DOTENV names a file, as a
 * dotenv report a later job of the pipeline gets as variables.
 */
export class GitLabHost extends PlainHost {
  readonly kind = 'gitlab' as const;
  /** Set while no output may be handed on: one was refused, or the dotenv report is not written yet. */
  private outputsWithheld = false;
  private sectionCount = 0;

  private constructor(
    inputs: RawInputs,
    context: RunContext,
    step: string,
    env: NodeJS.ProcessEnv,
    private readonly report: DotenvReport | null,
  ) {
    super(inputs, context, step, env);
    for (const name of MASKED_VARIABLES) {
      const value = env[name];
      if (value) this.setSecret(value);
    }
  }

  static create(step: string, { env, cwd }: Pick<Launch, 'env' | 'cwd'>, cliInputs: Record<string, unknown> = {}): GitLabHost {
    const fromJson = env['MLOPS_CI_INPUTS'] ? parseInputsJson(env['MLOPS_CI_INPUTS']) : {};
    const target = dotenvTarget(step, env, cwd);
    return new GitLabHost(gitlabInputs(env, cliInputs, fromJson), gitlabContext(env, cwd), step, env, target && new DotenvReport(target));
  }

  /** A section GitLab folds shut: the log shows its header and how long it took. */
  override async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const id = sectionName(name, ++this.sectionCount);
    this.writeLine(`${ESC}[0Ksection_start:${unixSeconds()}:${id}[collapsed=true]\r${ESC}[0K${this.headerText(name)}`);
    try {
      return await fn();
    } finally {
      this.writeLine(`${ESC}[0Ksection_end:${unixSeconds()}:${id}\r${ESC}[0K`);
    }
  }

  /**
   * Checks the value against GitLab's dotenv rules as it is set, so a value
   * the report cannot carry fails the step (naming the output) before any
   * output is handed on.
   */
  override setOutput(name: string, value: string, type?: OutputType): void {
    try {
      this.report?.add(name, value);
    } catch (err) {
      this.outputsWithheld = true;
      throw err;
    }
    super.setOutput(name, value, type);
  }

  async finish(outcome: StepEnding): Promise<void> {
    if (this.report && !this.report.isEmpty() && !this.outputsWithheld) {
      // Withheld until written: a failed write ends the step through runStep's error path, which calls finish again.
      this.outputsWithheld = true;
      await writeFileAtomic(this.report.target.file, this.report.text());
      this.outputsWithheld = false;
      this.debug(`wrote the outputs to the dotenv report ${this.report.target.file}`);
    }
    if (outcome.error) this.error(outcome.error.message, outcome.error.at);
    process.stdout.write(`${this.outputsWithheld ? '{}' : this.stdoutJson()}\n`);
  }

  /** The header on one line, secrets hidden: a line break would end GitLab's marker line. */
  private headerText(name: string): string {
    return this.redact(name).replace(/\p{Cc}+/gu, ' ');
  }
}

/** `Plan the pull` → `mlops_ci_1_Plan_the_pull`: numbered, since GitLab pairs start and end markers by name. */
export function sectionName(name: string, index: number): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '');
  return `mlops_ci_${index}${safe ? `_${safe}` : ''}`.slice(0, SECTION_NAME_LIMIT);
}

function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
