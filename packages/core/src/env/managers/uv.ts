import { EnvManager } from './base.js';

/**
 * uv: `uv venv --relocatable` then `uv sync --locked`, which installs uv.lock
 * exactly and fails when the lock no longer matches pyproject.toml. uv is the
 * one manager whose venvs survive a move, so its cache key leaves out the path.
 */
export class UvManager extends EnvManager {
  readonly name = 'uv' as const;
  readonly relocatable = true;
  protected readonly downloadCacheVariables = ['UV_CACHE_DIR'];

  protected override async makeEnv(): Promise<void> {
    // --allow-existing: the folder already holds the unfinished mark (see create).
    await this.runner.stream('uv', ['venv', '--relocatable', '--allow-existing', '--python', this.interpreter(), this.plan.envPath], { cwd: this.plan.files.projectDir, env: this.toolEnv() });
  }

  protected async install(): Promise<void> {
    const args = ['sync', '--locked', '--python', this.python];
    for (const extra of this.plan.extras) args.push('--extra', extra);
    await this.runner.stream('uv', args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
  }

  /**
   * `uv cache prune --ci` keeps the downloaded wheels and drops what uv
   * unpacked or built from them, which is as quick to redo as to restore —
   * the cache saved is a fraction of the size (setup-uv does the same).
   */
  override async trimDownloadCache(): Promise<void> {
    await this.runner.capture('uv', ['cache', 'prune', '--ci'], { env: this.toolEnv() });
  }

  protected override toolEnv(): Record<string, string | undefined> {
    // Never download a Python: the interpreter is the one python-version chose.
    return { ...super.toolEnv(), UV_PROJECT_ENVIRONMENT: this.plan.envPath, UV_PYTHON_DOWNLOADS: 'never', UV_NO_PROGRESS: '1' };
  }
}
