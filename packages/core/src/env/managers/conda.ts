import { writeFileAtomic } from '../../fs-atomic.js';
import type { CondaTool } from '../types.js';
import { EnvManager } from './base.js';

/**
 * conda, mamba and micromamba: one `create` from environment.yml into the env
 * path (its `pip:` section included: the tool runs pip itself). Conda envs
 * hold absolute paths (prefix replacement at install), so they are not
 * relocatable. The lock export is the explicit package list, with URLs and
 * md5s, which `create --file` can rebuild exactly.
 */
export class CondaManager extends EnvManager {
  readonly relocatable = false;
  protected readonly downloadCacheVariables = ['CONDA_PKGS_DIRS'];
  protected override readonly makesEnvInMarkedFolder = false;

  get name(): CondaTool {
    return this.plan.tool as CondaTool;
  }

  /** The exact command that builds the env (micromamba's `create -f`, conda's and mamba's `env create -f`). */
  createCommand(): { command: string; args: string[] } {
    const file = this.condaFile();
    if (this.name === 'micromamba') return { command: 'micromamba', args: ['create', '--yes', '--prefix', this.plan.envPath, '--file', file] };
    return { command: this.name, args: ['env', 'create', '--prefix', this.plan.envPath, '--file', file] };
  }

  /** The exact command that writes the explicit lock of the env. */
  exportCommand(): { command: string; args: string[] } {
    if (this.name === 'micromamba') return { command: 'micromamba', args: ['env', 'export', '--explicit', '--prefix', this.plan.envPath] };
    return { command: this.name, args: ['list', '--explicit', '--md5', '--prefix', this.plan.envPath] };
  }

  protected override async makeEnv(): Promise<void> {
    const { command, args } = this.createCommand();
    await this.runner.stream(command, args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
  }

  protected async install(): Promise<void> {
    // Everything, pip section included, was installed by create.
  }

  override async exportLock(file: string): Promise<void> {
    const { command, args } = this.exportCommand();
    const result = await this.runner.capture(command, args, { env: this.toolEnv() });
    await writeFileAtomic(file, result.stdout);
  }

  protected override toolEnv(): Record<string, string | undefined> {
    // A conda env is not a venv: do not pretend it is one.
    return { ...super.toolEnv(), VIRTUAL_ENV: undefined };
  }

  private condaFile(): string {
    const env = this.plan.files.condaEnv;
    if (!env) throw new Error(`${this.name}: no environment.yml was read`);
    return env.file;
  }
}
