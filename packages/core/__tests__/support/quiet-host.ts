import path from 'node:path';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import type { Host, RunContext } from '../../src/host/types.js';

/**
 * A host that reports nowhere, over a run context the test shapes: the
 * step's own work is what a test sees. Only `cwd` is needed; the workspace
 * defaults to it, the environment to none (never this process's), the temp
 * folder to `<cwd>/tmp`. `secrets` collects what the step asked to mask.
 */
export function quietHost(context: Partial<RunContext> & Pick<RunContext, 'cwd'>, secrets: string[] = []): Host {
  const ignore = (): void => undefined;
  return {
    kind: 'local',
    inputs: jsonInputs({}),
    context: {
      repository: null,
      projectId: null,
      sha: null,
      pullRequest: null,
      pullRequestFromFork: false,
      runUrl: null,
      eventName: null,
      apiUrl: 'https://api.github.com',
      workspace: context.cwd,
      env: {},
      tempDir: path.join(context.cwd, 'tmp'),
      run: { id: 'test', source: 'process' },
      ...context,
    },
    cache: { restore: async () => undefined, save: async () => undefined },
    group: (_name, fn) => fn(),
    setSecret: (value) => secrets.push(value),
    setOutput: ignore,
    addPath: ignore,
    appendSummary: async () => undefined,
    finish: async () => undefined,
    debug: ignore,
    info: ignore,
    notice: ignore,
    warning: ignore,
    error: ignore,
  };
}
