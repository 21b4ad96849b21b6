import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../fs-atomic.js';
import type { CommandRunner } from '../command.js';
import { onPath } from '../detect.js';
import { hasPip, installedPackages } from '../fingerprint.js';
import { clearEnvFolder, markUnfinished } from '../health.js';
import type { EnvPlan, ManagerName } from '../types.js';

/**
 * One way of building a Python env. The flow is the same for every manager
 * (the template method `create`): start from an empty place, make the env,
 * install the locked set into it, and leave nothing behind when that fails.
 * Each manager says how it makes and fills the env, and what it reads.
 */
export abstract class EnvManager {
  abstract readonly name: ManagerName;
  /**
   * Whether a built env still works restored at another absolute path. When
   * not (venv scripts carry absolute shebangs), the cache key includes the path.
   */
  abstract readonly relocatable: boolean;
  /** Variables through which the tool finds its download cache. */
  protected abstract readonly downloadCacheVariables: readonly string[];

  constructor(
    readonly plan: EnvPlan,
    protected readonly runner: CommandRunner,
  ) {}

  /** The env's interpreter. */
  get python(): string {
    return path.join(this.plan.envPath, 'bin', 'python');
  }

  /** The folder added to PATH for the following steps. */
  get binDir(): string {
    return path.join(this.plan.envPath, 'bin');
  }

  /**
   * Whether makeEnv makes the env in a folder that already holds the
   * unfinished mark (venv, virtualenv, `uv venv --allow-existing` do; conda's
   * create refuses a folder that is not an env).
   */
  protected readonly makesEnvInMarkedFolder: boolean = true;

  /**
   * Builds the env from scratch; on any failure the half-built env is
   * emptied. The folder is marked unfinished from before the old env is
   * removed until the caller marks it finished, so a build killed at any
   * point is never trusted, and the folder stays recognisably the step's own
   * (conda: from the moment its create has made the env).
   */
  async create(): Promise<void> {
    await clearEnvFolder(this.plan.envPath);
    if (!this.makesEnvInMarkedFolder) await rm(this.plan.envPath, { recursive: true, force: true });
    try {
      await this.makeEnv();
      await markUnfinished(this.plan.envPath);
      await this.install();
    } catch (err) {
      await clearEnvFolder(this.plan.envPath);
      throw err;
    }
  }

  /**
   * The dependency check of the health check: `pip check` — through uv when
   * it is on PATH (the same check, without pip's second of start-up on a big
   * env), else the env's own pip. Returns the problem, or null when consistent.
   */
  async dependencyProblem(): Promise<string | null> {
    const env = this.toolEnv();
    let result;
    if (await onPath('uv', this.runner.environment(env))) {
      result = await this.runner.capture('uv', ['pip', 'check', '--python', this.python], { ignoreReturnCode: true, env });
    } else if (await hasPip(this.runner, this.python)) {
      result = await this.runner.capture(this.python, ['-m', 'pip', 'check', '--disable-pip-version-check'], { ignoreReturnCode: true, env });
    } else {
      return null; // neither uv nor pip: the fingerprint check is all there is
    }
    return result.exitCode === 0 ? null : `pip check failed: ${(result.stdout + result.stderr).trim()}`;
  }

  /** Trims the download cache before it is saved (default: nothing to trim). */
  async trimDownloadCache(): Promise<void> {}

  /**
   * Writes what was installed, for lineage: `pip freeze` (through uv when it
   * is on PATH: the same format, without pip's start-up on a big env), or the
   * package list when the env has neither.
   */
  async exportLock(file: string): Promise<void> {
    const env = this.toolEnv();
    const freeze = (await onPath('uv', this.runner.environment(env)))
      ? { command: 'uv', args: ['pip', 'freeze', '--python', this.python] }
      : (await hasPip(this.runner, this.python))
        ? { command: this.python, args: ['-m', 'pip', 'freeze', '--disable-pip-version-check'] }
        : null;
    if (freeze) {
      const result = await this.runner.capture(freeze.command, freeze.args, { env });
      await writeFileAtomic(file, result.stdout);
      return;
    }
    const packages = await installedPackages(this.runner, this.python);
    await writeFileAtomic(file, `# ${this.name} env without pip: installed distributions\n${packages.join('\n')}\n`);
  }

  /** `python -m venv`: the default way to make the env that the manager then fills. */
  protected async makeEnv(): Promise<void> {
    await this.runner.stream(this.interpreter(), ['-m', 'venv', this.plan.envPath], { env: this.toolEnv() });
  }

  protected abstract install(): Promise<void>;

  /**
   * What every command of this manager runs with: the download cache, and the
   * env "activated" (VIRTUAL_ENV, its bin first on PATH) so a tool that picks
   * its env from the environment (pipenv, poetry) installs into ours.
   */
  protected toolEnv(): Record<string, string | undefined> {
    const env: Record<string, string | undefined> = {
      VIRTUAL_ENV: this.plan.envPath,
      PATH: [this.binDir, this.runner.environment()['PATH'] ?? ''].join(path.delimiter),
      PYTHONHOME: undefined,
      PIP_DISABLE_PIP_VERSION_CHECK: '1',
      PIP_NO_INPUT: '1',
    };
    for (const name of this.downloadCacheVariables) env[name] = this.plan.downloadCache;
    return env;
  }

  protected interpreter(): string {
    if (!this.plan.interpreter) throw new Error(`${this.name}: no interpreter was chosen to make the env`);
    return this.plan.interpreter.executable;
  }
}
