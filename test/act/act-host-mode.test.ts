// act in host mode runs a local JavaScript action laid out like ours
// (actions/<name>/action.yml, `using: node24`, `main:` into dist/ with an ESM
// package.json), with inputs, secrets, outputs, a step summary, the event
// payload and a GitHub API on 127.0.0.1. On every runtime of
// test/support/runtimes.ts (Node 20 and 24).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
const TOKEN = 'ghs_test_secret_token';

const actionYml = `name: hello
description: says hello, calls the GitHub API, reports what the runner gave it
inputs:
  who:
    description: whom to greet
    required: true
  token:
    description: GitHub token
    required: true
  fail:
    description: fail on purpose
    default: 'false'
outputs:
  greeting:
    description: the greeting
  runner-env:
    description: JSON report of runner variables
runs:
  using: node24
  main: ../../dist/hello.js
`;

// ESM on purpose (top-level await, import): dist/package.json says "type": "module".
const helloJs = `import { appendFileSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const env = process.env;
const who = env['INPUT_WHO'] ?? '';
if (env['INPUT_FAIL'] === 'true') {
  console.log('::error::failing on purpose for ' + who);
  process.exit(1);
}
const event = JSON.parse(readFileSync(env['GITHUB_EVENT_PATH'], 'utf8'));
const headSha = event.pull_request?.head?.sha ?? '';

const res = await fetch(env['GITHUB_API_URL'] + '/repos/' + env['GITHUB_REPOSITORY'] + '/statuses/' + headSha, {
  method: 'POST',
  headers: { authorization: 'Bearer ' + env['INPUT_TOKEN'], 'content-type': 'application/json' },
  body: JSON.stringify({ state: 'success', context: 'hello', description: 'hello ' + who }),
});
if (!res.ok) {
  console.log('::error::GitHub API answered ' + res.status);
  process.exit(1);
}

const report = {
  node: process.version,
  headSha,
  GITHUB_SHA: env['GITHUB_SHA'] ?? null,
  GITHUB_REPOSITORY: env['GITHUB_REPOSITORY'] ?? null,
  GITHUB_API_URL: env['GITHUB_API_URL'] ?? null,
  ACTIONS_RUNTIME_TOKEN: Boolean(env['ACTIONS_RUNTIME_TOKEN']),
  ACTIONS_CACHE_URL: env['ACTIONS_CACHE_URL'] ?? null,
  ACTIONS_RESULTS_URL: env['ACTIONS_RESULTS_URL'] ?? null,
};
// The multi-line form @actions/core uses for outputs.
const delimiter = 'ghadelimiter_' + randomUUID();
appendFileSync(env['GITHUB_OUTPUT'], 'greeting=hello ' + who + '\\n');
appendFileSync(env['GITHUB_OUTPUT'], 'runner-env<<' + delimiter + '\\n' + JSON.stringify(report, null, 2) + '\\n' + delimiter + '\\n');
appendFileSync(env['GITHUB_STEP_SUMMARY'], '### Hello ' + who + '\\n');
console.log('said hello to ' + who);
`;

const helloWorkflow = `name: hello
on: pull_request
jobs:
  hello:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: hello
        uses: ./actions/hello
        with:
          who: act
          token: \${{ secrets.GITHUB_TOKEN }}
      - name: echo
        run: echo "step2 greeting=\${{ steps.hello.outputs.greeting }}"
`;

const failWorkflow = `name: fail
on: push
jobs:
  fail:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: hello
        uses: ./actions/hello
        with:
          who: nobody
          token: unused
          fail: 'true'
      - name: never
        run: echo "must not run"
`;

async function put(root: string, rel: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, rel)), { recursive: true });
  await writeFile(join(root, rel), text);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

describe.each(RUNTIMES)('act host mode on $name', (runtime) => {
  let repo: string;
  let repoHead: string;
  let server: Server;
  let apiUrl: string;
  const requests: Recorded[] = [];

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'act-host-mode-'));
    await put(repo, 'actions/hello/action.yml', actionYml);
    await put(repo, 'dist/package.json', '{"type": "module"}\n');
    await put(repo, 'dist/hello.js', helloJs);
    await put(repo, '.github/workflows/hello.yml', helloWorkflow);
    await put(repo, '.github/workflows/fail.yml', failWorkflow);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-gpg-sign', '-m', 'init');
    repoHead = git(repo, 'rev-parse', 'HEAD');

    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 1, state: 'success', context: 'hello' }));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    await rm(repo, { recursive: true, force: true });
  });

  it('runs a node24 JavaScript action on pull_request: inputs, secrets, outputs, summary, payload, API', async () => {
    const run = await runAct({
      runtime,
      repoDir: repo,
      workflow: '.github/workflows/hello.yml',
      event: 'pull_request',
      payload: {
        action: 'synchronize',
        number: 42,
        pull_request: {
          number: 42,
          head: { sha: HEAD_SHA, ref: 'feature/x' },
          base: { sha: repoHead, ref: 'main' },
        },
        repository: { full_name: 'acme/widgets', name: 'widgets', owner: { login: 'acme' } },
      },
      env: { GITHUB_API_URL: apiUrl },
      secrets: { GITHUB_TOKEN: TOKEN },
      timeoutMs: 60_000,
    });
    if (run.exitCode !== 0) console.log(run.output);
    expect(run.exitCode).toBe(0);
    expect(run.jobResults).toEqual({ hello: 'success' });

    // The action called our API, with the secret, about the PR head from the payload.
    expect(requests).toHaveLength(1);
    const call = requests[0]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe(`/repos/acme/widgets/statuses/${HEAD_SHA}`);
    expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(call.body)).toMatchObject({ state: 'success', description: 'hello act' });

    // Outputs: single-line and heredoc forms, and step 2 saw the first.
    const hello = findStep(run, 'hello');
    expect(hello?.result).toBe('success');
    expect(hello?.outputs.greeting).toBe('hello act');
    expect(run.outputs['hello']?.greeting).toBe('hello act');
    const report = JSON.parse(run.outputs['hello']?.['runner-env'] ?? '{}') as Record<string, unknown>;
    expect(report['headSha']).toBe(HEAD_SHA);
    expect(report['GITHUB_REPOSITORY']).toBe('acme/widgets');
    expect(report['GITHUB_API_URL']).toBe(apiUrl);
    // act (unlike GitHub, which uses the merge commit) sets GITHUB_SHA to the repo's HEAD.
    expect(report['GITHUB_SHA']).toBe(repoHead);
    // Host mode runs the action with the node on PATH, whatever `using:` says: the runtime's.
    expect(report['node']).toBe(versionOf(runtime));
    // The runner variables a JavaScript action gets; all on 127.0.0.1.
    expect(report['ACTIONS_RUNTIME_TOKEN']).toBe(true);
    expect(report['ACTIONS_CACHE_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]+\/$/);
    expect(report['ACTIONS_RESULTS_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const echo = run.steps.find((s) => s.name === 'echo');
    expect(echo?.log).toContain('step2 greeting=hello act');
    expect(run.summary).toBe('### Hello act\n');
    expect(run.output).toContain('said hello to act');
    expect(run.output).not.toContain(TOKEN); // act masks secrets
  });

  it('exits 1 and skips later steps when a JavaScript action fails (push event)', async () => {
    const before = requests.length;
    const run = await runAct({
      runtime,
      repoDir: repo,
      workflow: '.github/workflows/fail.yml',
      event: 'push',
      payload: {
        ref: 'refs/heads/main',
        before: '0000000000000000000000000000000000000000',
        after: repoHead,
        deleted: false,
        repository: { full_name: 'acme/widgets' },
      },
      env: { GITHUB_API_URL: apiUrl },
      timeoutMs: 60_000,
    });
    expect(run.exitCode).toBe(1);
    expect(run.jobResults).toEqual({ fail: 'failure' });
    expect(findStep(run, 'hello')?.result).toBe('failure');
    expect(run.steps.find((s) => s.name === 'never')).toBeUndefined();
    expect(run.output).toContain('failing on purpose for nobody');
    expect(requests).toHaveLength(before);
  });
});
