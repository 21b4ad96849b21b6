import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BuildInputs, buildInputsDigest, contextFiles } from '../../src/container/build-key.js';

/** A context folder holding `files` (relative path → content). */
function contextWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'build-key-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A base-image lookup that records what it is asked for and knows the given IDs. */
function recordingLookup(ids: Record<string, string> = {}): { asked: string[]; lookup: (ref: string) => Promise<string | null> } {
  const asked: string[] = [];
  return { asked, lookup: async (ref) => (asked.push(ref), ids[ref] ?? null) };
}

const ARG_DOCKERFILE = (base: string) => `ARG BASE_IMAGE=${base}\nFROM \${BASE_IMAGE}\nRUN true\n`;

function inputsFor(context: string, buildArgs: Record<string, string> = {}): BuildInputs {
  return { dockerfile: path.join(context, 'Dockerfile'), context, buildArgs: new Map(Object.entries(buildArgs)) };
}

describe('buildInputsDigest and ARG in FROM', () => {
  test('the ARG default is resolved: the base image ID is asked for it, and changing the default changes the digest', async () => {
    const context = contextWith({ Dockerfile: ARG_DOCKERFILE('python:3.11-slim') });
    const { asked, lookup } = recordingLookup({ 'python:3.11-slim': 'sha256:aaa', 'python:3.12-slim': 'sha256:bbb' });
    const before = await buildInputsDigest(inputsFor(context), lookup);
    writeFileSync(path.join(context, 'Dockerfile'), ARG_DOCKERFILE('python:3.12-slim'));
    const after = await buildInputsDigest(inputsFor(context), lookup);
    expect(asked).toEqual(['python:3.11-slim', 'python:3.12-slim']);
    expect(after).not.toBe(before);
  });

  test('a build-args override of BASE_IMAGE is the reference looked up, and changes the digest', async () => {
    const context = contextWith({ Dockerfile: ARG_DOCKERFILE('python:3.11-slim') });
    const { asked, lookup } = recordingLookup({ 'python:3.11-slim': 'sha256:aaa', 'debian:12': 'sha256:ccc' });
    const byDefault = await buildInputsDigest(inputsFor(context), lookup);
    const overridden = await buildInputsDigest(inputsFor(context, { BASE_IMAGE: 'debian:12' }), lookup);
    expect(asked).toEqual(['python:3.11-slim', 'debian:12']);
    expect(overridden).not.toBe(byDefault);
  });

  test('a new image ID behind the same reference changes the digest', async () => {
    const context = contextWith({ Dockerfile: ARG_DOCKERFILE('python:3.11-slim') });
    const first = await buildInputsDigest(inputsFor(context), recordingLookup({ 'python:3.11-slim': 'sha256:aaa' }).lookup);
    const again = await buildInputsDigest(inputsFor(context), recordingLookup({ 'python:3.11-slim': 'sha256:aaa' }).lookup);
    const pulledAnew = await buildInputsDigest(inputsFor(context), recordingLookup({ 'python:3.11-slim': 'sha256:ddd' }).lookup);
    expect(again).toBe(first);
    expect(pulledAnew).not.toBe(first);
  });

  test('a file the .dockerignore excludes does not change the digest; one it re-includes does', async () => {
    const context = contextWith({ Dockerfile: 'FROM scratch\n', '.dockerignore': 'data/\n!data/keep.csv\n', 'data/keep.csv': '1', 'data/other.csv': '1' });
    const { lookup } = recordingLookup();
    const before = await buildInputsDigest(inputsFor(context), lookup);
    writeFileSync(path.join(context, 'data/other.csv'), '2');
    expect(await buildInputsDigest(inputsFor(context), lookup)).toBe(before);
    writeFileSync(path.join(context, 'data/keep.csv'), '2');
    expect(await buildInputsDigest(inputsFor(context), lookup)).not.toBe(before);
  });

  test('a symbolic link counts as the link, as the engine sends it, even when it points nowhere', async () => {
    const context = contextWith({ Dockerfile: 'FROM scratch\n' });
    symlinkSync('missing-target', path.join(context, 'link'));
    const { lookup } = recordingLookup();
    const before = await buildInputsDigest(inputsFor(context), lookup);
    expect(await contextFiles(context)).toEqual(['Dockerfile', 'link']);
    symlinkSync('other-target', path.join(context, 'link2'));
    expect(await buildInputsDigest(inputsFor(context), lookup)).not.toBe(before);
  });
});

describe('contextFiles and .dockerignore', () => {
  test('a pattern that cannot compile names the file and the pattern', async () => {
    const context = contextWith({ Dockerfile: 'FROM scratch\n', '.dockerignore': '# ok\n*.pyc\n[z-a]\n' });
    await expect(contextFiles(context)).rejects.toThrow(`${path.join(context, '.dockerignore')}: '[z-a]' is not a valid pattern`);
  });

  const FILES = {
    Dockerfile: 'FROM scratch\n',
    'train.py': '',
    'data/keep.csv': '',
    'data/other.csv': '',
    'data/raw/big.bin': '',
    'src/app/main.py': '',
    'src/app/main.pyc': '',
    'src/cache.pyc': '',
    'notes/README.md': '',
    'notes/draft.md': '',
    '.mlops-ci/train-in-container.json': '',
  };

  test.each<[string, string, string[]]>([
    ['no .dockerignore: everything but the step records', '', ['Dockerfile', 'data/keep.csv', 'data/other.csv', 'data/raw/big.bin', 'notes/README.md', 'notes/draft.md', 'src/app/main.py', 'src/app/main.pyc', 'src/cache.pyc', 'train.py']],
    ['comments and blank lines are not patterns', '# data\n\n   # notes\n', ['Dockerfile', 'data/keep.csv', 'data/other.csv', 'data/raw/big.bin', 'notes/README.md', 'notes/draft.md', 'src/app/main.py', 'src/app/main.pyc', 'src/cache.pyc', 'train.py']],
    ['a pattern naming a folder excludes all below it', 'data\n', ['Dockerfile', 'notes/README.md', 'notes/draft.md', 'src/app/main.py', 'src/app/main.pyc', 'src/cache.pyc', 'train.py']],
    ['a leading / anchors at the context, as without it', '/notes/\n', ['Dockerfile', 'data/keep.csv', 'data/other.csv', 'data/raw/big.bin', 'src/app/main.py', 'src/app/main.pyc', 'src/cache.pyc', 'train.py']],
    ['* stays within one folder', '*.pyc\nsrc/*.pyc\n', ['Dockerfile', 'data/keep.csv', 'data/other.csv', 'data/raw/big.bin', 'notes/README.md', 'notes/draft.md', 'src/app/main.py', 'src/app/main.pyc', 'train.py']],
    ['** crosses folders', '**/*.pyc\n', ['Dockerfile', 'data/keep.csv', 'data/other.csv', 'data/raw/big.bin', 'notes/README.md', 'notes/draft.md', 'src/app/main.py', 'train.py']],
    ['! re-includes a file under an excluded folder', 'data/\n!data/keep.csv\n', ['Dockerfile', 'data/keep.csv', 'notes/README.md', 'notes/draft.md', 'src/app/main.py', 'src/app/main.pyc', 'src/cache.pyc', 'train.py']],
    ['! with a wildcard re-includes below an excluded folder', '*\n!**/*.md\n', ['notes/README.md', 'notes/draft.md']],
    ['the last matching pattern wins', 'notes\n!notes/*.md\nnotes/draft.md\n', ['Dockerfile', 'data/keep.csv', 'data/other.csv', 'data/raw/big.bin', 'notes/README.md', 'src/app/main.py', 'src/app/main.pyc', 'src/cache.pyc', 'train.py']],
    ['matching is case-sensitive, as in Docker', 'NOTES\nTrain.py\n', ['Dockerfile', 'data/keep.csv', 'data/other.csv', 'data/raw/big.bin', 'notes/README.md', 'notes/draft.md', 'src/app/main.py', 'src/app/main.pyc', 'src/cache.pyc', 'train.py']],
    ['the step records stay out even when re-included', '!.mlops-ci\n*\n!.mlops-ci/**\n', []],
  ])('%s', async (_name, dockerignore, expected) => {
    const context = contextWith(dockerignore ? { ...FILES, '.dockerignore': dockerignore } : FILES);
    expect((await contextFiles(context)).filter((file) => file !== '.dockerignore')).toEqual(expected);
  });
});
