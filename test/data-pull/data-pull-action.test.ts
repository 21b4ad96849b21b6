/**
 * The data-pull action as users run it: `uses: ./actions/data-pull` (the
 * generated action.yml and the committed dist/), run by act in host mode,
 * pulling from versitygw; two runs share act's cache server, so the second
 * restores the dataset's objects with @actions/cache and fetches nothing. On
 * every runtime of test/support/runtimes.ts (Node 20 and 24).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, tempDir } from '../support/bundle.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';

let server: S3Server;

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket('datasets');
  for (let i = 0; i < 20; i++) {
    await server.client.send(new PutObjectCommand({ Bucket: 'datasets', Key: `iris/v3/part-${i}.csv`, Body: `id,value\r\n${i},${i * i}\r\n` }));
  }
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

const workflow = (cacheDir: string) => `name: data
on: push
jobs:
  pull:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: data
        uses: ./actions/data-pull
        with:
          source: s3://datasets/iris/v3/
          path: data/iris
          include: |
            **/*.csv
          cache-dir: ${cacheDir}
          progress-interval: 1
      - name: use the data
        run: |
          test "$(ls data/iris | wc -l)" = 20
          echo "files=\${{ steps.data.outputs.files }} hit=\${{ steps.data.outputs.cache-hit }} digest=\${{ steps.data.outputs.digest }}"
`;

function repoWith(workflowText: string): string {
  const dir = tempDir('act-data-pull-');
  cpSync(path.join(ROOT, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'data.yml'), workflowText);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

describe.each(RUNTIMES)('the data-pull action under act on $name', (runtime) => {
  test('pulls through the action, then a fresh runner restores the objects from the Actions cache', async () => {
    const actCache = tempDir('act-cache-server-');
    // One fixed cache path, as RUNNER_TOOL_CACHE is on hosted runners; emptied between runs like a fresh VM.
    const cacheDir = path.join(tempDir('data-pull-objects-'), 'cache');
    const repo = repoWith(workflow(cacheDir));
    const env = { ...server.env };
    const options = { runtime, repoDir: repo, workflow: '.github/workflows/data.yml', event: 'push' as const, payload: { ref: 'refs/heads/main' }, env, cacheDir: actCache, timeoutMs: 120_000 };

    const first = await runAct(options);
    if (first.exitCode !== 0) console.log(first.output);
    expect(first.exitCode).toBe(0);
    expect(findStep(first, 'data')?.outputs).toMatchObject({ files: '20', 'cache-hit': 'false', transferred: '20' });
    expect(first.summary).toContain('### ✅ mlops-ci data-pull — 20 files, ');
    expect(first.summary).not.toContain('| | |');
    expect(first.output).not.toContain(server.secretKey);

    rmSync(cacheDir, { recursive: true, force: true });
    // Verbose (the debug line naming the Node) only here: the first run's log is checked for the S3 secret, which act's own debug lines may carry.
    const second = await runAct({ ...options, stepDebug: true });
    if (second.exitCode !== 0) console.log(second.output);
    expect(second.exitCode).toBe(0);
    expect(second.output).toContain(`runs data-pull on Node ${versionOf(runtime)}`);
    const outputs = findStep(second, 'data')?.outputs ?? {};
    expect(outputs).toMatchObject({ files: '20', 'cache-hit': 'true', transferred: '0', digest: findStep(first, 'data')?.outputs['digest'] });
    expect(existsSync(cacheDir)).toBe(true);
  }, 300_000);
});
