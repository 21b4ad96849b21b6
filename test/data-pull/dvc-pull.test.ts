/**
 * data-pull against remotes written by real DVC (3.x and a 2.x-format out,
 * a dvc.lock stage, a single-file out), on a local remote and on versitygw,
 * run as users run it: the built bundle, with no dvc on PATH.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { dvc, pathWithoutDvc, python, snapshot, writeDataset } from './fixtures.js';

let server: S3Server;
let repo: string;
let localRemote: string;

const TRACKED = ['data.dvc', 'legacy.dvc', 'model.bin.dvc', 'dvc.lock', 'dvc.yaml'];

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket('dvc-store');
  repo = tempDir('dvc-repo-');
  localRemote = tempDir('dvc-remote-');
  dvc(repo, ['init', '--no-scm', '-q']);
  writeDataset(path.join(repo, 'data'));
  writeDataset(path.join(repo, 'legacy'), 'v2');
  writeFileSync(path.join(repo, 'model.bin'), Buffer.from([0, 1, 2, 3, 255, 13, 10]));
  dvc(repo, ['add', '-q', 'data', 'model.bin']);
  python(repo, [path.join(__dirname_of(), 'legacy_dvc.py'), 'legacy']);
  dvc(repo, ['stage', 'add', '-q', '-n', 'prepare', '-d', 'data/tables/iris.csv', '-o', 'prepared', 'mkdir -p prepared/csv && cp data/tables/iris.csv prepared/csv/iris.csv']);
  dvc(repo, ['repro', '-q']);
  dvc(repo, ['remote', 'add', '-d', 'local', localRemote]);
  dvc(repo, ['remote', 'add', 'minio', 's3://dvc-store/project']);
  dvc(repo, ['remote', 'modify', 'minio', 'endpointurl', server.endpoint]);
  dvc(repo, ['push', '-q', '-r', 'local']);
  dvc(repo, ['push', '-q', '-r', 'minio'], server.env);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** A fresh checkout: the DVC files and config, no data, no DVC cache. */
function checkout(): string {
  const dir = tempDir('dvc-checkout-');
  mkdirSync(path.join(dir, '.dvc'));
  copyFileSync(path.join(repo, '.dvc', 'config'), path.join(dir, '.dvc', 'config'));
  for (const file of TRACKED) copyFileSync(path.join(repo, file), path.join(dir, file));
  return dir;
}

async function pull(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<BundleRun> {
  return runBundle(['data-pull', '--cache', 'false', '--cache-dir', path.join(cwd, '..', `${path.basename(cwd)}-cache`), ...args], {
    cwd,
    env: { PATH: pathWithoutDvc(), ...env },
  });
}

function outputsOf(run: BundleRun): Record<string, string> {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

const ALL = ['--dvc', 'data.dvc\nlegacy.dvc\nmodel.bin.dvc\ndvc.lock:prepare'];

test("the remote layout is DVC's own: 3.x under files/md5/, 2.x at the root, .dir objects", () => {
  const top = readdirSync(localRemote);
  expect(top).toContain('files');
  const legacyOut = /md5: ([0-9a-f]{32})\.dir/.exec(readFileSync(path.join(repo, 'legacy.dvc'), 'utf8'))?.[1] ?? '';
  expect(readFileSync(path.join(repo, 'legacy.dvc'), 'utf8')).not.toContain('hash: md5');
  expect(existsSync(path.join(localRemote, legacyOut.slice(0, 2), `${legacyOut.slice(2)}.dir`))).toBe(true);
  const dataOut = /md5: ([0-9a-f]{32})\.dir/.exec(readFileSync(path.join(repo, 'data.dvc'), 'utf8'))?.[1] ?? '';
  const dir = readFileSync(path.join(localRemote, 'files', 'md5', dataOut.slice(0, 2), `${dataOut.slice(2)}.dir`));
  expect(createHash('md5').update(dir).digest('hex')).toBe(dataOut);
  expect(dir.toString()).toContain('"relpath": "images/cats/na\\u00efve-caf\\u00e9-\\u732b.txt"');
});

test('3.x, 2.x, a file out and a dvc.lock stage from a local remote, byte for byte, without DVC', async () => {
  const dir = checkout();
  const outputs = outputsOf(await pull(dir, ALL));
  for (const out of ['data', 'legacy', 'prepared']) expect(snapshot(path.join(dir, out))).toEqual(snapshot(path.join(repo, out)));
  expect(readFileSync(path.join(dir, 'model.bin'))).toEqual(readFileSync(path.join(repo, 'model.bin')));
  expect(outputs['files']).toBe('12');
  expect(outputs['transferred']).toBe('12');
  expect(outputs['path']!.split('\n').sort()).toEqual(['data', 'legacy', 'model.bin', 'prepared'].map((out) => path.join(dir, out)));
  const manifest = JSON.parse(readFileSync(outputs['manifest']!, 'utf8')) as { digest: string; files: { path: string; md5: string; size: number }[] };
  expect(manifest.digest).toBe(outputs['digest']);
  expect(manifest.files.find((file) => file.path === 'legacy/tables/iris.csv')).toMatchObject({ md5: createHash('md5').update(readFileSync(path.join(repo, 'legacy', 'tables', 'iris.csv'))).digest('hex') });

  // An unchanged re-pull transfers nothing.
  const again = outputsOf(await pull(dir, ALL));
  expect(again).toMatchObject({ transferred: '0', digest: outputs['digest'] });

  // A file replaced is put back from the local cache, verified.
  rmSync(path.join(dir, 'data', 'tables', 'notes.txt'));
  writeFileSync(path.join(dir, 'data', 'tables', 'notes.txt'), 'replaced');
  const restored = await pull(dir, ALL);
  expect(outputsOf(restored).transferred).toBe('0');
  expect(restored.stderr).toContain('1 from the local cache');

  // A file edited in place is put right too, and a copy with the same bytes elsewhere is untouched.
  writeFileSync(path.join(dir, 'data', 'tables', 'iris.csv'), 'edited');
  const repaired = await pull(dir, ALL);
  expect(outputsOf(repaired).transferred).toBe('0');
  expect(repaired.stderr).toContain('1 from the local cache');
  for (const out of ['data', 'prepared']) expect(snapshot(path.join(dir, out))).toEqual(snapshot(path.join(repo, out)));
});

test('the same from the versitygw remote named in .dvc/config, endpointurl and all', async () => {
  const dir = checkout();
  const outputs = outputsOf(await pull(dir, ['--remote', 'minio', ...ALL], server.env));
  for (const out of ['data', 'legacy', 'prepared']) expect(snapshot(path.join(dir, out))).toEqual(snapshot(path.join(repo, out)));
  expect(outputs['files']).toBe('12');
  // The digest names the data, not where it came from.
  const local = outputsOf(await pull(checkout(), ALL));
  expect(outputs['digest']).toBe(local['digest']);
});

test('files already right in the workspace (a dvc pull before us) are hashed and kept, not fetched', async () => {
  const dir = checkout();
  for (const out of ['data', 'legacy', 'prepared', 'model.bin']) cpSync(path.join(repo, out), path.join(dir, out), { recursive: true });
  const run = await pull(dir, ALL);
  expect(outputsOf(run).transferred).toBe('0');
  expect(run.stderr).toContain('12 already right');
});

test('include/exclude select files; a path input puts one out elsewhere', async () => {
  const dir = checkout();
  const outputs = outputsOf(await pull(dir, ['--dvc', 'data.dvc', '--include', 'data/tables/**', '--exclude', '**/notes.txt', '--path', 'elsewhere']));
  expect(Object.keys(snapshot(path.join(dir, 'elsewhere')))).toEqual(['tables/iris.csv']);
  expect(outputs['files']).toBe('1');
});

test('an object whose bytes do not match its hash fails (exit 1), naming it; nothing of it lands', async () => {
  const remote = tempDir('dvc-remote-bad-');
  cpSync(localRemote, remote, { recursive: true });
  const csvMd5 = createHash('md5').update(readFileSync(path.join(repo, 'data', 'tables', 'iris.csv'))).digest('hex');
  writeFileSync(path.join(remote, 'files', 'md5', csvMd5.slice(0, 2), csvMd5.slice(2)), 'tampered');
  const dir = checkout();
  const run = await pull(dir, ['--dvc', 'data.dvc', '--remote', remote, '--concurrency', '1']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`files/md5/${csvMd5.slice(0, 2)}/${csvMd5.slice(2)}`);
  expect(run.stderr).toContain('does not match its recorded md5');
  expect(existsSync(path.join(dir, 'data', 'tables', 'iris.csv'))).toBe(false);
  expect(JSON.stringify(snapshot(dir))).not.toContain('.tmp');
});

test('a .dir relpath climbing out of the out is refused (exit 2) and nothing is written', async () => {
  const remote = tempDir('dvc-remote-evil-');
  const manifest = Buffer.from('[{"md5": "d41d8cd98f00b204e9800998ecf8427e", "relpath": "../escaped.txt"}]');
  const md5 = createHash('md5').update(manifest).digest('hex');
  mkdirSync(path.join(remote, 'files', 'md5', md5.slice(0, 2)), { recursive: true });
  writeFileSync(path.join(remote, 'files', 'md5', md5.slice(0, 2), `${md5.slice(2)}.dir`), manifest);
  const dir = checkout();
  writeFileSync(path.join(dir, 'evil.dvc'), `outs:\n- md5: ${md5}.dir\n  hash: md5\n  path: evil\n`);
  const run = await pull(dir, ['--dvc', 'evil.dvc', '--remote', remote]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('"../escaped.txt"');
  expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false);
});

test('a symlink planted in the destination is refused before anything is written', async () => {
  const dir = checkout();
  const outside = tempDir('outside-');
  mkdirSync(path.join(dir, 'data'));
  symlinkSync(outside, path.join(dir, 'data', 'images'));
  const run = await pull(dir, ['--dvc', 'data.dvc']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('is a symlink in the destination');
  expect(readdirSync(outside)).toEqual([]);
  expect(existsSync(path.join(dir, 'data', 'empty.txt'))).toBe(false);
});

/** The `outs:` of data.dvc with its path replaced: the same real object, written somewhere else. */
function dataOutAt(outPath: string): string {
  return readFileSync(path.join(repo, 'data.dvc'), 'utf8').replace(/path: data$/m, `path: ${outPath}`);
}

describe('every out lands inside its DVC repository, whatever the remote', () => {
  test('a .dvc out climbing out of the repository, with a URL remote, is exit 2 naming dvc and the out; nothing is written there', async () => {
    const dir = checkout();
    const escaped = `${path.basename(dir)}-escaped`;
    writeFileSync(path.join(dir, 'evil.dvc'), dataOutAt(`../${escaped}`));
    const run = await pull(dir, ['--dvc', 'evil.dvc', '--remote', localRemote]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input 'dvc': evil.dvc:2: out '../${escaped}' is outside the DVC repository ${dir}`);
    expect(existsSync(path.join(path.dirname(dir), escaped))).toBe(false);
  });

  test('a dvc.lock out into a sibling repository is exit 2; the sibling is untouched', async () => {
    const dir = checkout();
    const sibling = tempDir('dvc-sibling-');
    const lock = readFileSync(path.join(repo, 'dvc.lock'), 'utf8').replace(/path: prepared$/m, `path: ../${path.basename(sibling)}/prepared`);
    writeFileSync(path.join(dir, 'dvc.lock'), lock);
    const run = await pull(dir, ['--dvc', 'dvc.lock', '--remote', localRemote]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`out '../${path.basename(sibling)}/prepared' is outside the DVC repository ${dir}`);
    expect(readdirSync(sibling)).toEqual([]);
  });

  test('an absolute out path is exit 2 naming the out', async () => {
    const dir = checkout();
    const target = path.join(tempDir('dvc-abs-'), 'data');
    writeFileSync(path.join(dir, 'abs.dvc'), dataOutAt(target));
    const run = await pull(dir, ['--dvc', 'abs.dvc', '--remote', localRemote]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input 'dvc': abs.dvc:2: out '${target}'`);
    expect(existsSync(target)).toBe(false);
  });

  test("an out whose parent folder is a planted symlink to outside the workspace is exit 2; nothing lands outside", async () => {
    const dir = checkout();
    const outside = tempDir('dvc-planted-');
    symlinkSync(outside, path.join(dir, 'planted'));
    writeFileSync(path.join(dir, 'data.dvc'), dataOutAt('planted/data'));
    const run = await pull(dir, ['--dvc', 'data.dvc', '--remote', localRemote]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`out 'planted/data' resolves to ${path.join(outside, 'data')} (through a symlink)`);
    expect(readdirSync(outside)).toEqual([]);
  });

  test("the remote comes from the DVC file's repository, not from a nested one the out lies in", async () => {
    const dir = checkout();
    // A subrepo under the out's folder whose default remote is empty: reading it would fail.
    mkdirSync(path.join(dir, 'nested', '.dvc'), { recursive: true });
    writeFileSync(path.join(dir, 'nested', '.dvc', 'config'), `[core]\n    remote = other\n['remote "other"']\n    url = ${tempDir('dvc-empty-remote-')}\n`);
    writeFileSync(path.join(dir, 'data.dvc'), dataOutAt('nested/data'));
    outputsOf(await pull(dir, ['--dvc', 'data.dvc']));
    expect(snapshot(path.join(dir, 'nested', 'data'))).toEqual(snapshot(path.join(repo, 'data')));
  });
});

test('an out whose place holds the wrong kind (a folder for a file out, a file for a directory out) is exit 2 naming it', async () => {
  const dir = checkout();
  mkdirSync(path.join(dir, 'model.bin'));
  writeFileSync(path.join(dir, 'data'), 'a file where the data folder goes\n');
  const before = snapshot(dir);
  const fileOut = await pull(dir, ['--dvc', 'model.bin.dvc']);
  expect(fileOut.code).toBe(2);
  expect(fileOut.stderr).toMatch(/input 'dvc': model\.bin\.dvc:\d+: out model\.bin .* is a folder/);
  const dirOut = await pull(dir, ['--dvc', 'data.dvc']);
  expect(dirOut.code).toBe(2);
  expect(dirOut.stderr).toMatch(/input 'dvc': data\.dvc:\d+: out data .* is a file, not a folder/);
  const intoFolder = await pull(dir, ['--dvc', 'data.dvc', '--path', 'model.bin.dvc']);
  expect(intoFolder.code).toBe(2);
  expect(intoFolder.stderr).toContain("input 'path': 'path' (folder out data)");
  expect(snapshot(dir)).toEqual(before);
});

test.each([
  ['YAML that does not parse', 'outs:\n- md5: [abc\n  path: data\n', /input 'dvc': bad\.dvc:\d+: not valid YAML/],
  ['an out without md5', 'outs:\n- size: 3\n  path: data\n', /input 'dvc': bad\.dvc:2: out 'data' has no md5/],
  ['an md5 that is not hex', 'outs:\n- md5: nothex\n  path: data\n', /bad\.dvc:2: out 'data': md5 'nothex'/],
])('a .dvc file with %s is a bad input naming file and line (exit 2)', async (_name, text, message) => {
  const dir = checkout();
  writeFileSync(path.join(dir, 'bad.dvc'), text);
  const run = await pull(dir, ['--dvc', 'bad.dvc']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stdout.trim()).toBe('{}');
});

test('a stage dvc.lock does not have, and a remote the config does not name, are bad inputs', async () => {
  const dir = checkout();
  const stage = await pull(dir, ['--dvc', 'dvc.lock:train']);
  expect(stage.code).toBe(2);
  expect(stage.stderr).toContain("no stage 'train' (stages: prepare)");
  const remote = await pull(dir, ['--dvc', 'data.dvc', '--remote', 'nowhere']);
  expect(remote.code).toBe(2);
  expect(remote.stderr).toContain("no remote 'nowhere' with a url in .dvc/config(.local) (remotes: local, minio)");
  rmSync(dir, { recursive: true, force: true });
});

function __dirname_of(): string {
  return path.dirname(new URL(import.meta.url).pathname);
}
