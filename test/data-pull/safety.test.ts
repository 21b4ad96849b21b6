/**
 * data-pull writes and deletes only where the user pointed: a source that is
 * missing or empty never empties a destination under `delete`, `delete`
 * never reaches the workspace root or beyond, a missing source is a bad
 * input, and a path of the wrong kind (a folder where a file goes, a file
 * where a folder goes) is a bad input too. Every refusal is checked to have
 * removed and written nothing. Local folders and the built bundle; the DVC
 * cases live in dvc-pull.test.ts (they need real DVC).
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { snapshot } from './fixtures.js';

/** A workspace with a `data` folder already holding files, and a source folder beside it. */
function workspace(): { ws: string; source: string; cache: string } {
  const root = tempDir('pull-safety-');
  const ws = path.join(root, 'ws');
  mkdirSync(path.join(ws, 'data', 'sub'), { recursive: true });
  writeFileSync(path.join(ws, 'data', 'precious.csv'), 'a,b\n1,2\n');
  writeFileSync(path.join(ws, 'data', 'sub', 'notes.txt'), 'kept\n');
  writeFileSync(path.join(ws, 'train.py'), 'print("hi")\n');
  const source = path.join(root, 'source');
  mkdirSync(path.join(source, 'tables'), { recursive: true });
  writeFileSync(path.join(source, 'tables', 'iris.csv'), 'sepal,petal\n5.1,1.4\n');
  writeFileSync(path.join(source, 'readme.txt'), 'the dataset\n');
  return { ws, source, cache: path.join(root, 'cache') };
}

function pull(cwd: string, cache: string, args: readonly string[]): Promise<BundleRun> {
  return runBundle(['data-pull', '--cache', 'false', '--cache-dir', cache, ...args], { cwd });
}

/** The whole tree above the workspace: what a refusal must leave exactly as it was. */
function everything(ws: string): Record<string, string> {
  return snapshot(path.dirname(ws));
}

function expectBadInput(run: BundleRun, input: string, text?: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`input '${input}'`);
  if (text) expect(run.stderr).toContain(text);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('delete never removes what the dataset does not replace', () => {
  test('a source that does not exist, with delete, is exit 2 naming source; nothing is removed', async () => {
    const { ws, cache } = workspace();
    const before = everything(ws);
    const run = await pull(ws, cache, ['--source', '/nonexistent-typo', '--path', 'data', '--delete', 'true']);
    expectBadInput(run, 'source', 'does not exist');
    expect(everything(ws)).toEqual(before);
  });

  test('an empty source folder, with delete, is exit 2 naming source; nothing is removed', async () => {
    const { ws, cache } = workspace();
    const empty = path.join(path.dirname(ws), 'empty');
    mkdirSync(empty);
    const before = everything(ws);
    const run = await pull(ws, cache, ['--source', empty, '--path', 'data', '--delete', 'true']);
    expectBadInput(run, 'source', 'no files');
    expect(everything(ws)).toEqual(before);
  });

  test('include/exclude that select none of the source, with delete, is exit 2 naming include; nothing is removed', async () => {
    const { ws, source, cache } = workspace();
    const before = everything(ws);
    const run = await pull(ws, cache, ['--source', source, '--path', 'data', '--include', '**/*.parquet', '--delete', 'true']);
    expectBadInput(run, 'include', 'select none');
    expect(everything(ws)).toEqual(before);
  });

  test.each([
    ['the workspace root', '.'],
    ['the folder above the workspace', '..'],
    ['a folder outside the workspace', '../elsewhere'],
  ])('delete into %s is exit 2 naming delete and path; nothing is written or removed', async (_name, target) => {
    const { ws, source, cache } = workspace();
    mkdirSync(path.join(path.dirname(ws), 'elsewhere'));
    writeFileSync(path.join(path.dirname(ws), 'elsewhere', 'theirs.txt'), 'not ours\n');
    const before = everything(ws);
    const run = await pull(ws, cache, ['--source', source, '--path', target, '--delete', 'true']);
    expectBadInput(run, 'delete', "'path'");
    expect(everything(ws)).toEqual(before);
  });

  test('delete into a repository root inside the workspace (checked out with a path) is refused; nothing is removed', async () => {
    const { ws, source, cache } = workspace();
    mkdirSync(path.join(ws, 'repo', '.git'), { recursive: true });
    writeFileSync(path.join(ws, 'repo', 'train.py'), 'print("mine")\n');
    const before = everything(ws);
    const run = await pull(ws, cache, ['--source', source, '--path', 'repo', '--delete', 'true']);
    expectBadInput(run, 'delete', 'is the root of a repository (it holds .git)');
    expect(everything(ws)).toEqual(before);
  });

  test('delete through a symlink that leads out of the workspace is refused too', async () => {
    const { ws, source, cache } = workspace();
    const outside = path.join(path.dirname(ws), 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'theirs.txt'), 'not ours\n');
    symlinkSync(outside, path.join(ws, 'linked'));
    const run = await pull(ws, cache, ['--source', source, '--path', 'linked', '--delete', 'true']);
    expectBadInput(run, 'delete', 'outside the workspace');
    expect(readdirSync(outside)).toEqual(['theirs.txt']);
  });

  test('delete into a folder inside the workspace removes only the files the dataset lacks', async () => {
    const { ws, source, cache } = workspace();
    const run = await pull(ws, cache, ['--source', source, '--path', 'data', '--delete', 'true']);
    expect(run.code).toBe(0);
    expect(Object.keys(snapshot(path.join(ws, 'data'))).sort()).toEqual(['readme.txt', 'tables/iris.csv']);
    expect(existsSync(path.join(ws, 'train.py'))).toBe(true);
  });
});

describe('a source that is not there is a bad input', () => {
  test('a folder that does not exist is exit 2 naming source; no destination, no manifest', async () => {
    const { ws, cache } = workspace();
    const before = everything(ws);
    const manifest = path.join(ws, 'manifest.json');
    const run = await pull(ws, cache, ['--source', '/nonexistent', '--path', 'landing', '--manifest', manifest]);
    expectBadInput(run, 'source', 'does not exist');
    expect(everything(ws)).toEqual(before);
  });

  test('a file:/// URL to nothing, and a file where the source folder should be, are exit 2 naming source', async () => {
    const { ws, source, cache } = workspace();
    const before = everything(ws);
    expectBadInput(await pull(ws, cache, ['--source', 'file:///nonexistent/ds', '--path', 'landing']), 'source', 'does not exist');
    expectBadInput(await pull(ws, cache, ['--source', path.join(source, 'readme.txt'), '--path', 'landing']), 'source', 'not a folder');
    expect(everything(ws)).toEqual(before);
  });

  test('an empty folder that exists is an empty dataset: exit 0, 0 files', async () => {
    const { ws, cache } = workspace();
    mkdirSync(path.join(ws, 'empty'));
    const run = await pull(ws, cache, ['--source', 'empty', '--path', 'landing']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: '0' });
  });
});

describe('symlinks in a source folder: followed at the root, refused below it', () => {
  test('a source that is a symlink to a folder is followed', async () => {
    const { ws, source, cache } = workspace();
    symlinkSync(source, path.join(ws, 'source-link'));
    const run = await pull(ws, cache, ['--source', 'source-link', '--path', 'landing']);
    expect(run.code).toBe(0);
    expect(Object.keys(snapshot(path.join(ws, 'landing'))).sort()).toEqual(['readme.txt', 'tables/iris.csv']);
  });

  test('two symlink loops below the root are exit 2 naming source and a link, at once; nothing is written', async () => {
    const { ws, source, cache } = workspace();
    symlinkSync('.', path.join(source, 'x'));
    symlinkSync('..', path.join(source, 'tables', 'y'));
    const run = await pull(ws, cache, ['--source', source, '--path', 'landing']);
    expectBadInput(run, 'source');
    expect(run.stderr).toMatch(/(x|tables\/y) is a symlink below /);
    expect(existsSync(path.join(ws, 'landing'))).toBe(false);
  });

  test('a symlink below the root leading to a file outside the source is refused; its content is not copied', async () => {
    const { ws, source, cache } = workspace();
    writeFileSync(path.join(ws, 'secret.env'), 'API_TOKEN=s3cr3t\n');
    symlinkSync(path.join(ws, 'secret.env'), path.join(source, 'tables', 'extra.csv'));
    const run = await pull(ws, cache, ['--source', source, '--path', 'landing']);
    expectBadInput(run, 'source', 'tables/extra.csv is a symlink below');
    expect(existsSync(path.join(ws, 'landing'))).toBe(false);
  });
});

describe('a path of the wrong kind is a bad input naming it, found before anything is written', () => {
  test('a manifest path that is an existing folder is exit 2 naming manifest; the data is not pulled', async () => {
    const { ws, source, cache } = workspace();
    mkdirSync(path.join(ws, 'manifest.json'));
    const run = await pull(ws, cache, ['--source', source, '--path', 'landing', '--manifest', 'manifest.json']);
    expectBadInput(run, 'manifest', 'is a folder');
    expect(existsSync(path.join(ws, 'landing'))).toBe(false);
  });

  test('a manifest path below a file is exit 2 naming manifest', async () => {
    const { ws, source, cache } = workspace();
    const run = await pull(ws, cache, ['--source', source, '--path', 'landing', '--manifest', 'train.py/manifest.json']);
    expectBadInput(run, 'manifest', 'is a file, not a folder');
    expect(existsSync(path.join(ws, 'landing'))).toBe(false);
  });

  test('a cache-dir that is a file is exit 2 naming cache-dir', async () => {
    const { ws, source } = workspace();
    const run = await pull(ws, path.join(ws, 'train.py'), ['--source', source, '--path', 'landing']);
    expectBadInput(run, 'cache-dir', 'is a file, not a folder');
    expect(existsSync(path.join(ws, 'landing'))).toBe(false);
  });

  test('a destination path that is a file, or below a file, is exit 2 naming path; the file is untouched', async () => {
    const { ws, source, cache } = workspace();
    const before = everything(ws);
    expectBadInput(await pull(ws, cache, ['--source', source, '--path', 'train.py']), 'path', 'is a file, not a folder');
    expectBadInput(await pull(ws, cache, ['--source', source, '--path', 'train.py/data']), 'path', 'is a file, not a folder');
    expect(everything(ws)).toEqual(before);
  });
});
