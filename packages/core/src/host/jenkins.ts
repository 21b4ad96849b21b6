import { writeFileAtomic } from '../fs-atomic.js';
import { parseInputsJson } from '../spec/inputs.js';
import { jenkinsContext } from './context.js';
import type { Launch } from './detect.js';
import { PlainHost } from './plain-host.js';
import type { StepEnding } from './types.js';
import { jsonInputs } from './raw-inputs.js';

/**
 * Jenkins, through the shim in jenkins-lib: inputs arrive as one JSON object in
 * MLOPS_CI_INPUTS (dash drops hyphenated variable names), outputs go back as a
 * JSON file named by MLOPS_CI_OUTPUTS, and error details to MLOPS_CI_ERROR_FILE.
 *
 * The CLI run by hand in a Jenkins `sh` step (no shim) is on this host too, for
 * the build's context: its `--name value` arguments count as inputs (over
 * MLOPS_CI_INPUTS, as on the local host), and with no MLOPS_CI_OUTPUTS its
 * outputs are the JSON on stdout the CLI always prints.
 */
export class JenkinsHost extends PlainHost {
  readonly kind = 'jenkins' as const;

  static async create(step: string, { env, cwd }: Pick<Launch, 'env' | 'cwd'>, cliInputs: Record<string, unknown> = {}): Promise<JenkinsHost> {
    const inputs = jsonInputs({ ...parseInputsJson(env['MLOPS_CI_INPUTS'] ?? '{}'), ...cliInputs });
    return new JenkinsHost(inputs, await jenkinsContext(env, cwd), step, env);
  }

  async finish(outcome: StepEnding): Promise<void> {
    const outputsFile = this.env['MLOPS_CI_OUTPUTS'];
    if (outputsFile) await this.writeJsonFile(outputsFile, this.outputs);
    else process.stdout.write(`${this.stdoutJson()}\n`);
    if (outcome.error) {
      this.error(outcome.error.message, outcome.error.at);
      await writeErrorFile(this.env, { message: this.redact(outcome.error.message), category: outcome.error.category, exitCode: outcome.exitCode });
    }
  }
}

/** What the shim reads from MLOPS_CI_ERROR_FILE after a failed step, to fail the build with the cause. */
export interface ErrorRecord {
  readonly message: string;
  readonly category: string;
  readonly exitCode: number;
}

/** Writes the error record where the shim looks for it (nothing when MLOPS_CI_ERROR_FILE is unset). */
export async function writeErrorFile(env: NodeJS.ProcessEnv, record: ErrorRecord): Promise<void> {
  const file = env['MLOPS_CI_ERROR_FILE'];
  if (file) await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}
