import path from 'node:path';
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
