/**
 * data-pull `lfs: <globs>` against git-lfs's own test server
 * (lfs-server.ts): a repository whose pointers the real `git lfs` client
 * (Debian's git-lfs) wrote and pushed, cloned without its LFS objects
 * (GIT_LFS_SKIP_SMUDGE=1). The pulled working tree must equal, byte for byte
 * and mode for mode, a second clone after `git lfs pull --include` with the
 * same globs; only the selected objects are fetched; a re-run fetches
 * nothing (on the test Node and on Node 24); a corrupted object is refused
 * with nothing replaced; the credential the helper gave never shows in the log.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { RUNTIMES, type Runtime } from '../support/runtimes.js';
import { snapshot } from './fixtures.js';
import { createRemote, git, gitEnv, gitHome, LFS_PASSWORD, startLfsServer, type LfsServer } from './lfs-server.js';

const TIMEOUT = 120_000;

let server: LfsServer;
let home: string;
let env: Record<string, string>;
let remote: string;
/** Files of the pushed repository: LFS-tracked (`*.onnx`, `*.bin`) and plain. */
const FILES: Record<string, Buffer> = {};
const SELECTED = ['models/**', 'data/sub'];

beforeAll(async () => {
  server = await startLfsServer();
  home = gitHome();
  env = gitEnv(home);
  remote = createRemote(server, 'models', env);
  const work = tempDir('lfs-work-');
  git(['init', '-q'], work, env);
  git(['lfs', 'track', '*.onnx', '*.bin'], work, env);
  const shared = randomBytes(50_000);
  Object.assign(FILES, {
    'models/a.onnx': randomBytes(300_000),
    'models/deep/b.onnx': randomBytes(70_000),
    'models/run.bin': randomBytes(1_000), // executable: the mode must survive
    'data/x.bin': randomBytes(40_000), // not selected: stays a pointer
    'data/sub/y.bin': shared,
    'data/sub/same-as-y.bin': shared, // one object, two files
    'data/sub/empty.bin': Buffer.alloc(0), // git-lfs keeps an empty file as it is, never a pointer
    'README.md': Buffer.from('plain file\n'),
  });
  for (const [relpath, bytes] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(work, relpath)), { recursive: true });
    writeFileSync(path.join(work, relpath), bytes);
  }
  chmodSync(path.join(work, 'models/run.bin'), 0o755);
  git(['add', '.'], work, env);
  git(['commit', '-q', '-m', 'models'], work, env);
  git(['remote', 'add', 'origin', remote], work, env);
  git(['push', '-q', 'origin', 'main'], work, env);
}, TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

/** A clone with pointers in place of the LFS files, as a CI checkout with `lfs: false` has. */
function pointerClone(): string {
  const dir = path.join(tempDir('lfs-clone-'), 'repo');
  git(['clone', '-q', remote, dir], tempDir(), gitEnv(home, { GIT_LFS_SKIP_SMUDGE: '1' }));
  return dir;
}

function pull(cwd: string, args: readonly string[], extraEnv: Record<string, string> = {}, runtime?: Runtime): Promise<BundleRun> {
  const cache = args.includes('--cache') ? [] : ['--cache', 'false'];
  return runBundle(['data-pull', ...cache, ...args], { cwd, env: { ...gitEnv(home), ...extraEnv }, ...(runtime ? { runtime } : {}) });
}

function outputsOf(run: BundleRun): Record<string, string> {
  expect(run.stderr).not.toMatch(/^error:/m);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, string>;
}

/** Every file of the working tree (not .git, nor the step records in .mlops-ci) with its mode and sha256. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const relpath = rel ? `${rel}/${name}` : name;
      if (relpath === '.git' || relpath === '.mlops-ci') continue;
      const info = statSync(path.join(dir, relpath));
      if (info.isDirectory()) walk(relpath);
      else files[relpath] = `${(info.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(path.join(dir, relpath))).digest('hex')}`;
    }
  };
  walk('');
  return files;
}

/** How many objects the server sent (`storage GET <oid>` lines) and batch requests it answered, counting every request answered so far. */
async function serverCounts(): Promise<{ gets: number; batches: number }> {
  const log = await server.settledLog();
  return { gets: (log.match(/ storage GET [0-9a-f]{64} /g) ?? []).length, batches: (log.match(/git lfs POST \S*objects\/batch/g) ?? []).length };
}

describe.each(RUNTIMES)('data-pull lfs on $name', (runtime) => {
  test('pulls exactly what git lfs pull --include pulls, only the selected objects, and a re-run transfers nothing', async () => {
    const ours = pointerClone();
    const theirs = pointerClone();
    git(['lfs', 'pull', '--include', SELECTED.join(',')], theirs, env);
    const cacheDir = tempDir('lfs-cache-');
    const manifest = path.join(tempDir(), 'manifest.json');

    const before = await serverCounts();
    const first = outputsOf(await pull(ours, ['--lfs', SELECTED.join('\n'), '--cache-dir', cacheDir, '--manifest', manifest], {}, runtime));
    const after = await serverCounts();

    expect(tree(ours)).toEqual(tree(theirs));
    // Selected: models/** (3 objects) and data/sub (y and its copy share one object).
    expect(first['transferred']).toBe('4');
    expect(after.gets - before.gets).toBe(4);
    expect(first['files']).toBe('5');
    expect(statSync(path.join(ours, 'models/run.bin')).mode & 0o777).toBe(0o755);
    expect(readFileSync(path.join(ours, 'data/x.bin'), 'utf8')).toMatch(/^version https:\/\/git-lfs\.github\.com\/spec\/v1\n/);
    expect(readFileSync(path.join(ours, 'models/a.onnx')).equals(FILES['models/a.onnx'] as Buffer)).toBe(true);
    const written = JSON.parse(readFileSync(manifest, 'utf8')) as { digest: string; files: { path: string }[] };
    expect(written.digest).toBe(first['digest']);
    expect(written.files.map((file) => file.path)).toEqual(['data/sub/same-as-y.bin', 'data/sub/y.bin', 'models/a.onnx', 'models/deep/b.onnx', 'models/run.bin']);

    const again = outputsOf(await pull(ours, ['--lfs', SELECTED.join(','), '--cache-dir', cacheDir], {}, runtime));
    expect(again['transferred']).toBe('0');
    expect(again['digest']).toBe(first['digest']);
    expect(await serverCounts()).toEqual(after); // not even a batch request
    expect(tree(ours)).toEqual(tree(theirs));
  }, TIMEOUT);
});

describe('data-pull lfs', () => {
  test('pointers restored by git come back from the local cache, with no download', async () => {
    const repo = pointerClone();
    const cacheDir = tempDir('lfs-cache-');
    const first = outputsOf(await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir]));
    git(['checkout', '--', '.'], repo, gitEnv(home, { GIT_LFS_SKIP_SMUDGE: '1' }));
    const before = await serverCounts();
    const second = outputsOf(await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir]));
    expect(second['transferred']).toBe('0');
    expect(second['digest']).toBe(first['digest']);
    expect((await serverCounts()).gets).toBe(before.gets);
  }, TIMEOUT);

  test('the cross-run cache (cache-url) carries the objects to another runner: cache hit, nothing fetched', async () => {
    const shared = tempDir('lfs-cross-run-');
    // Another runner has the same cache-dir path (the tool cache), empty: entries are kept by absolute path.
    const cacheDir = tempDir('lfs-cache-');
    const args = ['--lfs', 'models/**', '--cache', 'true', '--cache-url', shared, '--cache-dir', cacheDir];
    const first = outputsOf(await pull(pointerClone(), args));
    expect(first['cache-hit']).toBe('false');
    rmSync(cacheDir, { recursive: true });
    const before = await serverCounts();
    const second = outputsOf(await pull(pointerClone(), args));
    expect(second).toMatchObject({ 'cache-hit': 'true', transferred: '0', digest: first['digest'] });
    expect((await serverCounts()).gets).toBe(before.gets);
  }, TIMEOUT);

  test('with every file already replaced, no LFS server is needed: a re-run without a remote passes', async () => {
    const repo = pointerClone();
    const cacheDir = tempDir('lfs-cache-');
    const first = outputsOf(await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir]));
    git(['remote', 'remove', 'origin'], repo, env);
    const again = outputsOf(await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir]));
    expect(again).toMatchObject({ transferred: '0', digest: first['digest'] });
  }, TIMEOUT);

  test('a file changed since it was replaced is left as it is, and named in a warning', async () => {
    const repo = pointerClone();
    const cacheDir = tempDir('lfs-cache-');
    outputsOf(await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir]));
    writeFileSync(path.join(repo, 'models/a.onnx'), 'retrained locally\n');
    const run = await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir]);
    const outputs = outputsOf(run);
    expect(run.stderr).toMatch(/1 selected LFS files hold neither their pointer nor their object \(changed locally\), left as they are: models\/a\.onnx/);
    expect(readFileSync(path.join(repo, 'models/a.onnx'), 'utf8')).toBe('retrained locally\n');
    expect(outputs['files']).toBe('2');
    expect(outputs['transferred']).toBe('0');
  }, TIMEOUT);

  test('the cache stays within cache-max-size: objects another dataset used long ago are evicted, never this one\'s', async () => {
    const repo = pointerClone();
    const cacheDir = tempDir('lfs-cache-');
    outputsOf(await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir]));
    const objects = path.join(cacheDir, 'objects', 'sha256');
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const file of Object.keys(snapshot(objects))) utimesSync(path.join(objects, file), hourAgo, hourAgo);
    const run = await pull(repo, ['--lfs', 'data/sub', '--cache-dir', cacheDir, '--cache-max-size', '1']);
    outputsOf(run);
    expect(run.stderr).toContain('cache: evicted 3 least recently used objects');
    // This dataset's own object is kept, and it alone is over the cap: said, not hidden.
    expect(run.stderr).toMatch(/cache: holds .*, over cache-max-size/);
    const oidOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
    expect(Object.keys(snapshot(objects)).map((file) => file.replace('/', ''))).toEqual([oidOf(FILES['data/sub/y.bin'] as Buffer)]);
  }, TIMEOUT);

  test("the credential git's helper gives is used and never printed", async () => {
    const repo = pointerClone();
    const run = await pull(repo, ['--lfs', 'data/sub/y.bin', '--cache-dir', tempDir()]);
    outputsOf(run);
    const printed = `${run.stdout}\n${run.stderr}`;
    expect(printed).not.toMatch(new RegExp(`\\b${LFS_PASSWORD}\\b`));
    expect(printed).not.toContain(Buffer.from(`user:${LFS_PASSWORD}`).toString('base64'));
  }, TIMEOUT);

  test('without a helper, git asks GIT_ASKPASS (what Jenkins\' gitUsernamePassword binding sets)', async () => {
    const repo = pointerClone();
    const askpass = path.join(tempDir('askpass-'), 'askpass.sh');
    writeFileSync(askpass, `#!/bin/sh\ncase "$1" in Username*) echo user ;; *) echo ${LFS_PASSWORD} ;; esac\n`);
    chmodSync(askpass, 0o755);
    // An empty credential.helper clears the list the HOME's config set.
    const noHelper = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'credential.helper', GIT_CONFIG_VALUE_0: '' };
    const refused = await pull(repo, ['--lfs', 'models/run.bin', '--cache-dir', tempDir()], noHelper);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("asks for credentials (HTTP 401) and git's credential helpers have none");
    const run = await pull(repo, ['--lfs', 'models/run.bin', '--cache-dir', tempDir()], { ...noHelper, GIT_ASKPASS: askpass });
    expect(outputsOf(run)['transferred']).toBe('1');
  }, TIMEOUT);

  test('a corrupted object is refused: nothing replaced, nothing kept in the cache', async () => {
    const proxy = await corruptingProxy(server.url);
    try {
      const repo = pointerClone();
      git(['config', 'lfs.url', `${proxy.url}/models.git/info/lfs`], repo, env);
      const before = snapshot(repo);
      const cacheDir = tempDir('lfs-cache-');
      const run = await pull(repo, ['--lfs', 'models/**', '--cache-dir', cacheDir, '--concurrency', '1']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/error: models\/[^:]+: LFS object [0-9a-f]{64} \(\d+ bytes\): content does not match its oid/);
      expect(snapshot(repo)).toEqual(before);
      const objects = path.join(cacheDir, 'objects', 'sha256');
      expect(existsSync(objects) ? snapshot(objects) : {}).toEqual({});
      expect(snapshot(path.join(cacheDir, 'tmp'))).toEqual({});
    } finally {
      await proxy.stop();
    }
  }, TIMEOUT);

  test('an expired download action is asked for again; one the server only ever gives expired is an error naming the file', async () => {
    // The test server answers these two contents with an action that expired 5 minutes ago: once, or always.
    const contents = { 'once.bin': 'return-expired-action', 'always.bin': 'return-expired-action-forever' };
    const url = createRemote(server, 'expiring', env);
    const work = tempDir('lfs-expiring-');
    git(['init', '-q'], work, env);
    git(['lfs', 'track', '*.bin'], work, env);
    for (const [name, content] of Object.entries(contents)) {
      writeFileSync(path.join(work, name), content);
      // Straight into the server's storage: a `git lfs push` would use up the one expired answer.
      const stored = await fetch(`${server.url}/storage/${createHash('sha256').update(content).digest('hex')}?r=expiring`, { method: 'PUT', body: content });
      expect(stored.status).toBe(200);
    }
    git(['add', '.'], work, env);
    git(['commit', '-q', '-m', 'expiring'], work, env);
    git(['push', '-q', url, 'main'], work, gitEnv(home, { GIT_LFS_SKIP_PUSH: '1' }));
    const repo = path.join(tempDir('lfs-clone-'), 'repo');
    git(['clone', '-q', url, repo], tempDir(), gitEnv(home, { GIT_LFS_SKIP_SMUDGE: '1' }));

    const before = await serverCounts();
    const once = await pull(repo, ['--lfs', 'once.bin', '--cache-dir', tempDir()]);
    expect(outputsOf(once)['transferred']).toBe('1');
    expect((await serverCounts()).batches - before.batches).toBe(2);
    expect(readFileSync(path.join(repo, 'once.bin'), 'utf8')).toBe(contents['once.bin']);

    const always = await pull(repo, ['--lfs', 'always.bin', '--cache-dir', tempDir()]);
    expect(always.code).toBe(1);
    expect(always.stderr).toMatch(/always\.bin: LFS object [0-9a-f]{64} \(\d+ bytes\): the server gives only download actions that have expired/);
    expect(readFileSync(path.join(repo, 'always.bin'), 'utf8')).toMatch(/^version https:/);
  }, TIMEOUT);

  test('a download that answers HTTP 500 is tried again, within bounds', async () => {
    // The test server answers this content's download with HTTP 500 twice, then the object.
    const content = 'storage-download-retry';
    const url = createRemote(server, 'flaky', env);
    const work = tempDir('lfs-flaky-');
    git(['init', '-q'], work, env);
    git(['lfs', 'track', '*.bin'], work, env);
    writeFileSync(path.join(work, 'flaky.bin'), content);
    git(['add', '.'], work, env);
    git(['commit', '-q', '-m', 'flaky'], work, env);
    git(['push', '-q', url, 'main'], work, env);
    const repo = path.join(tempDir('lfs-clone-'), 'repo');
    git(['clone', '-q', url, repo], tempDir(), gitEnv(home, { GIT_LFS_SKIP_SMUDGE: '1' }));

    const before = await serverCounts();
    const outputs = outputsOf(await pull(repo, ['--lfs', 'flaky.bin', '--cache-dir', tempDir()]));
    expect(outputs['transferred']).toBe('1');
    expect((await serverCounts()).gets - before.gets).toBe(3);
    expect(readFileSync(path.join(repo, 'flaky.bin'), 'utf8')).toBe(content);
  }, TIMEOUT);

  test('150 objects are asked for in two batch requests (100 a request), downloaded in parallel', async () => {
    const url = createRemote(server, 'many', env);
    const work = tempDir('lfs-many-');
    git(['init', '-q'], work, env);
    git(['lfs', 'track', '*.bin'], work, env);
    mkdirSync(path.join(work, 'shards'));
    for (let index = 0; index < 150; index++) writeFileSync(path.join(work, 'shards', `${index}.bin`), `shard ${index}\n`);
    git(['add', '.'], work, env);
    git(['commit', '-q', '-m', 'shards'], work, env);
    git(['push', '-q', url, 'main'], work, env);
    const repo = path.join(tempDir('lfs-clone-'), 'repo');
    git(['clone', '-q', url, repo], tempDir(), gitEnv(home, { GIT_LFS_SKIP_SMUDGE: '1' }));

    const before = await serverCounts();
    const outputs = outputsOf(await pull(repo, ['--lfs', 'shards', '--cache-dir', tempDir()]));
    const after = await serverCounts();
    expect(outputs['transferred']).toBe('150');
    expect(after.batches - before.batches).toBe(2);
    expect(after.gets - before.gets).toBe(150);
    expect(readFileSync(path.join(repo, 'shards', '149.bin'), 'utf8')).toBe('shard 149\n');
  }, TIMEOUT);

  test('globs that select no LFS file are a bad input naming lfs', async () => {
    const repo = pointerClone();
    const before = snapshot(repo);
    const run = await pull(repo, ['--lfs', 'README.md\nnothing/**', '--cache-dir', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("input 'lfs'");
    expect(run.stderr).toContain('select no Git LFS file');
    expect(snapshot(repo)).toEqual(before);
  }, TIMEOUT);

  test('each glob must select an LFS file: a mistyped one beside a good one is a bad input naming it, nothing replaced', async () => {
    const repo = pointerClone();
    const before = snapshot(repo);
    const run = await pull(repo, ['--lfs', 'models/**,nothing/**', '--cache-dir', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("input 'lfs': 'nothing/**' selects no Git LFS file");
    expect(run.stderr).not.toContain("'models/**'");
    expect(snapshot(repo)).toEqual(before);
  }, TIMEOUT);

  test('outside a git checkout, lfs is a bad input saying why', async () => {
    const run = await pull(tempDir('not-a-repo-'), ['--lfs', 'models/**', '--cache-dir', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/input 'lfs': pulls the LFS files of a git checkout, and git finds none at .*: not a git repository/);
  }, TIMEOUT);

  test('lfs with path, or with source, is a bad input naming both', async () => {
    const repo = pointerClone();
    const withPath = await pull(repo, ['--lfs', 'models/**', '--path', 'out']);
    expect(withPath.code).toBe(2);
    expect(withPath.stderr).toMatch(/'lfs'.*'path'|'path'.*'lfs'/);
    const withSource = await pull(repo, ['--lfs', 'models/**', '--source', repo]);
    expect(withSource.code).toBe(2);
    expect(withSource.stderr).toMatch(/'source'.*'lfs'|'lfs'.*'source'/);
  }, TIMEOUT);

  test('a remote with no LFS server behind it is a bad input naming lfs-remote', async () => {
    const repo = pointerClone();
    git(['remote', 'add', 'local', '/srv/nowhere.git'], repo, env);
    const run = await pull(repo, ['--lfs', 'models/**', '--lfs-remote', 'local', '--cache-dir', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("input 'lfs-remote'");
  }, TIMEOUT);
});

/**
 * A proxy in front of the test server that flips one byte of every object
 * it serves (the server itself only stores what matches its oid), and points
 * the batch answers' download links at itself.
 */
async function corruptingProxy(upstream: string): Promise<{ url: string; stop(): Promise<void> }> {
  let url = '';
  const proxy = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
      void fetch(`${upstream}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) }).then(async (answer) => {
        let body = Buffer.from(await answer.arrayBuffer());
        if (request.url?.includes('/objects/batch')) body = Buffer.from(body.toString('utf8').split(upstream).join(url));
        else if (request.url?.startsWith('/storage/') && body.length > 0) body[0] = (body[0] as number) ^ 0xff;
        const passed: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) passed[name] = value;
        });
        response.writeHead(answer.status, passed);
        response.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return { url, stop: () => new Promise((resolve) => proxy.close(() => resolve())) };
}
