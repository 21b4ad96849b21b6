import type { Host, HostKind } from './types.js';

/** GITHUB_ACTIONS=true → github; JENKINS_URL, or BUILD_URL with WORKSPACE → jenkins; else local. */
export function detectHostKind(env: NodeJS.ProcessEnv): HostKind {
  if (env['GITHUB_ACTIONS'] === 'true') return 'github';
  if (env['JENKINS_URL'] || (env['BUILD_URL'] && env['WORKSPACE'])) return 'jenkins';
  return 'local';
}

/**
 * Builds the host for this process. Each implementation is imported only when
 * chosen, so `--help` and `--version` load none of them.
 */
export async function createHost(step: string, env: NodeJS.ProcessEnv, cliInputs: Record<string, unknown>): Promise<Host> {
  switch (detectHostKind(env)) {
    case 'github': {
      const { GitHubHost } = await import('./github.js');
      return new GitHubHost();
    }
    case 'jenkins': {
      const { JenkinsHost } = await import('./jenkins.js');
      return JenkinsHost.create(step, env);
    }
    case 'local': {
      const { LocalHost } = await import('./local.js');
      return LocalHost.create(step, env, cliInputs);
    }
  }
}
