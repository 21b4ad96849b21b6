import type { Host, HostKind } from './types.js';

/**
 * How the bundle was started: as a GitHub action's entrypoint (inputs in
 * INPUT_*), or as the CLI (`mlops-ci <step> --name value`, also what the
 * Jenkins shim runs).
 */
export type Invocation = 'action' | 'cli';

/** How and where this process was started: what a host is made from (only the entry reads `process`). */
export interface Launch {
  readonly invocation: Invocation;
  readonly env: NodeJS.ProcessEnv;
  /** The working directory: relative paths in inputs resolve against it. */
  readonly cwd: string;
}

/**
 * An action on GITHUB_ACTIONS=true → github; GITLAB_CI=true → gitlab; JENKINS_URL, or BUILD_URL with
 * WORKSPACE → jenkins; else local. The CLI is never the github host: in a
 * workflow's `run:` step the runner sets no INPUT_* for it, so its inputs are
 * its arguments and its outputs go to stdout, as everywhere else (the run
 * context still comes from the workflow's variables).
 */
export function detectHostKind(env: NodeJS.ProcessEnv, invocation: Invocation = 'action'): HostKind {
  if (env['GITHUB_ACTIONS'] === 'true' && invocation === 'action') return 'github';
  if (env['GITLAB_CI'] === 'true') return 'gitlab';
  if (env['JENKINS_URL'] || (env['BUILD_URL'] && env['WORKSPACE'])) return 'jenkins';
  return 'local';
}

/**
 * Builds the host for this process. Each implementation is imported only when
 * chosen, so `--help` and `--version` load none of them.
 */
export async function createHost(step: string, launch: Launch, cliInputs: Record<string, unknown>): Promise<Host> {
  switch (detectHostKind(launch.env, launch.invocation)) {
    case 'github': {
      const { GitHubHost } = await import('./github.js');
      return new GitHubHost(launch.env, launch.cwd);
    }
    case 'gitlab': {
      const { GitLabHost } = await import('./gitlab.js');
      return GitLabHost.create(step, launch, cliInputs);
    }
    case 'jenkins': {
      const { JenkinsHost } = await import('./jenkins.js');
      return JenkinsHost.create(step, launch, cliInputs);
    }
    case 'local': {
      const { LocalHost } = await import('./local.js');
      return LocalHost.create(step, launch, cliInputs);
    }
  }
}
