import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { onPath } from '../detect.js';
import { EnvManager } from './base.js';

/**
 * pipenv: `pipenv sync`, never `install`, so Pipfile.lock is installed as
 * locked and never re-resolved. pipenv uses the env named by VIRTUAL_ENV
 * (set by toolEnv), so it fills the venv we made with the chosen interpreter.
 */
export class PipenvManager extends EnvManager {
  readonly name = 'pipenv' as const;
  readonly relocatable = false;
  protected readonly downloadCacheVariables = ['PIP_CACHE_DIR', 'PIPENV_CACHE_DIR'];

  /**
   * The env as pipenv makes it: with virtualenv, pipenv's own dependency, from
   * pipenv's installation. It seeds pip from wheels it keeps instead of
   * `python -m venv`'s ensurepip, the slowest part of making an env
   * (bench/setup-env/README.md). Without one beside
   * pipenv: the plain venv.
   */
  protected override async makeEnv(): Promise<void> {
    const virtualenv = await this.virtualenvBesidePipenv();
    if (!virtualenv) return super.makeEnv();
    // --no-periodic-update: no background download of newer seed wheels from a CI job.
    await this.runner.stream(virtualenv, ['--no-periodic-update', '--python', this.interpreter(), this.plan.envPath], { env: this.toolEnv() });
  }

  private async virtualenvBesidePipenv(): Promise<string | null> {
    const pipenv = await onPath('pipenv', this.runner.environment());
    if (!pipenv) return null;
    // pipx and the like put a symlink on PATH: virtualenv sits beside the real script.
    const bin = path.dirname(await realpath(pipenv));
    return onPath('virtualenv', { PATH: bin });
  }

  protected async install(): Promise<void> {
    const args = ['sync'];
    // Pipfile groups ("categories"): the default one plus each extra named.
    if (this.plan.extras.length > 0) args.push('--categories', ['packages', ...this.plan.extras].join(' '));
    await this.runner.stream('pipenv', args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
  }

  protected override toolEnv(): Record<string, string | undefined> {
    return {
      ...super.toolEnv(),
      PIPENV_PIPFILE: path.join(this.plan.files.projectDir, 'Pipfile'),
      PIPENV_IGNORE_VIRTUALENVS: undefined,
      PIPENV_ACTIVE: undefined,
      PIPENV_YES: '1',
      PIPENV_NOSPIN: '1',
    };
  }
}
