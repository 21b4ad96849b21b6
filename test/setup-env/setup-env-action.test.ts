/**
 * The setup-env action as users run it: `uses: ./actions/setup-env` (the
 * generated action.yml and the committed dist/) under act in host mode,
 * whose cache server is what @actions/cache talks to. Each act run has a new
 * workspace path, so the cached env is a uv one (relocatable: its key leaves
 * the path out). The second run restores it and creates nothing. On every
 * runtime of test/support/runtimes.ts (Node 20 and 24).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, tempDir } from '../support/bundle.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';
import { FIXTURES, requireTools, TOOLS_BIN } from './support.js';

const WORKFLOW = `name: env
on: push
jobs:
  env:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: env
        uses: ./actions/setup-env
        with:
          working-directory: project
      - name: the env is first on PATH for the following steps
        run: python -c "import dateutil, sys; print('dateutil', dateutil.__version__, 'in', sys.prefix)"
      - run: echo "hit=\${{ steps.env.outputs.cache-hit }} manager=\${{ steps.env.outputs.manager }}"
`;

function repo(): string {
  const dir = tempDir('act-setup-env-');
  cpSync(path.join(ROOT, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  cpSync(path.join(FIXTURES, 'uv'), path.join(dir, 'project'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'env.yml'), WORKFLOW);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

beforeAll(requireTools);

describe.each(RUNTIMES)('the setup-env action under act on $name', (runtime) => {
  test('a first run builds and caches the env; a second run restores it through the Actions cache and builds nothing', async () => {
    const repoDir = repo();
    const cacheDir = tempDir('act-setup-env-cache-');
    const options = {
      runtime,
      repoDir,
      workflow: '.github/workflows/env.yml',
      event: 'push' as const,
      payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/iris' } },
      env: { PATH: `${TOOLS_BIN}${path.delimiter}${process.env['PATH'] ?? ''}` },
      cacheDir,
      timeoutMs: 150_000,
    };

    const first = await runAct(options);
    if (first.exitCode !== 0) throw new Error(first.output);
    expect(findStep(first, 'env')?.outputs).toMatchObject({ manager: 'uv', 'cache-hit': 'false' });
    expect(first.output).toContain('$ uv sync --locked');
    expect(first.output).toMatch(/dateutil 2\.9\.0\.post0 in \S+\/project\/\.venv/);
    expect(first.summary).toContain('### ✅ mlops-ci setup-env — Python env (uv): built');
    expect(first.summary).not.toContain('| | |');

    const second = await runAct({ ...options, stepDebug: true });
    if (second.exitCode !== 0) throw new Error(second.output);
    expect(second.output).toContain(`runs setup-env on Node ${versionOf(runtime)}`);
    const env = findStep(second, 'env');
    expect(env?.outputs).toMatchObject({ manager: 'uv', 'cache-hit': 'true', 'cache-key': findStep(first, 'env')?.outputs['cache-key'], fingerprint: findStep(first, 'env')?.outputs['fingerprint'] });
    expect(env?.log).toContain('passed the health check');
    expect(env?.log).not.toContain('uv venv');
    expect(env?.log).not.toContain('uv sync');
    expect(second.output).toMatch(/dateutil 2\.9\.0\.post0 in \S+\/project\/\.venv/);
    expect(second.output).toContain('hit=true manager=uv');
  }, 320_000);
});
