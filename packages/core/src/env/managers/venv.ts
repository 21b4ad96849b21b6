import { EnvManager } from './base.js';

/**
 * `python -m venv` + pip: the requirements files (with constraints.txt when
 * present; pip checks `--hash` pins by itself once any line has one), or the
 * project from pyproject.toml with its extras.
 */
export class VenvManager extends EnvManager {
  readonly name = 'venv' as const;
  readonly relocatable = false;
  protected readonly downloadCacheVariables = ['PIP_CACHE_DIR'];

  protected async install(): Promise<void> {
    const { files, extras } = this.plan;
    const args = ['-m', 'pip', 'install', '--progress-bar', 'off'];
    if (files.requirements.length > 0) {
      for (const file of files.requirements) args.push('--requirement', file);
    } else {
      args.push(extras.length > 0 ? `.[${extras.join(',')}]` : '.');
    }
    if (files.constraints) args.push('--constraint', files.constraints);
    await this.runner.stream(this.python, args, { cwd: files.projectDir, env: this.toolEnv() });
  }
}
