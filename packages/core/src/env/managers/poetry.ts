import { EnvManager } from './base.js';

/**
 * poetry: `poetry sync` (poetry 2; `install --sync` before it) installs
 * exactly poetry.lock and removes anything else. Poetry uses the active env
 * (VIRTUAL_ENV, set by toolEnv) instead of creating its own.
 */
export class PoetryManager extends EnvManager {
  readonly name = 'poetry' as const;
  readonly relocatable = false;
  protected readonly downloadCacheVariables = ['POETRY_CACHE_DIR'];

  /** Poetry installs with its own installer, not the env's pip: seeding pip would only cost seconds. */
  protected override async makeEnv(): Promise<void> {
    await this.runner.stream(this.interpreter(), ['-m', 'venv', '--without-pip', this.plan.envPath], { env: this.toolEnv() });
  }

  protected async install(): Promise<void> {
    const args = ['sync', '--no-interaction'];
    for (const extra of this.plan.extras) args.push('--extras', extra);
    await this.runner.stream('poetry', args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
  }

  protected override toolEnv(): Record<string, string | undefined> {
    const env = this.runner.environment();
    return {
      ...super.toolEnv(),
      POETRY_VIRTUALENVS_CREATE: 'false',
      POETRY_NO_INTERACTION: '1',
      // Poetry gives up on the first dropped connection by default; CI networks drop some.
      POETRY_REQUESTS_MAX_RETRIES: env['POETRY_REQUESTS_MAX_RETRIES'] ?? '3',
    };
  }
}
