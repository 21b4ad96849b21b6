import { parseInputsJson } from '../spec/inputs.js';
import { localContext } from './context.js';
import type { Launch } from './detect.js';
import { PlainHost } from './plain-host.js';
import type { StepEnding } from './types.js';
import { jsonInputs } from './raw-inputs.js';
import { inertJson } from './workflow-commands.js';

/**
 * A terminal: `--name value` arguments over MLOPS_CI_INPUTS; logs on stderr,
 * the outputs as one JSON object on stdout at the end.
 */
export class LocalHost extends PlainHost {
  readonly kind = 'local' as const;

  static async create(step: string, { env, cwd }: Pick<Launch, 'env' | 'cwd'>, cliInputs: Record<string, unknown>): Promise<LocalHost> {
    const fromEnv = env['MLOPS_CI_INPUTS'] ? parseInputsJson(env['MLOPS_CI_INPUTS']) : {};
    return new LocalHost(jsonInputs({ ...fromEnv, ...cliInputs }), await localContext(env, cwd), step, env);
  }

  async finish(outcome: StepEnding): Promise<void> {
    if (outcome.error) this.error(outcome.error.message, outcome.error.at);
    const json = this.stdoutJson();
    process.stdout.write(`${this.onGitHubRunner ? inertJson(json) : json}\n`);
  }
}
