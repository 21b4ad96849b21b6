import type { CommandRunner } from '../command.js';
import type { EnvPlan } from '../types.js';
import type { EnvManager } from './base.js';
import { CondaManager } from './conda.js';
import { PipenvManager } from './pipenv.js';
import { PoetryManager } from './poetry.js';
import { UvManager } from './uv.js';
import { VenvManager } from './venv.js';

/** The manager that builds `plan`; throws on a name no manager has (a programming error by then). */
export function createManager(plan: EnvPlan, runner: CommandRunner): EnvManager {
  switch (plan.manager) {
    case 'venv':
      return new VenvManager(plan, runner);
    case 'pipenv':
      return new PipenvManager(plan, runner);
    case 'poetry':
      return new PoetryManager(plan, runner);
    case 'uv':
      return new UvManager(plan, runner);
    case 'conda':
    case 'mamba':
    case 'micromamba':
      return new CondaManager(plan, runner);
    default:
      throw new Error(`no env manager named '${String(plan.manager)}'`);
  }
}
