/**
 * Input files are read safely: a FIFO, a device or a folder is refused at
 * once instead of waiting forever or reading without end, a file above the
 * size limit is refused without being read, and every refusal names the input.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_INPUT_FILE_BYTES, readInputText } from '../src/fs-input.js';
import { loadMetricsFile } from '../src/metrics/load.js';
import { loadSamples } from '../src/metrics/samples.js';
import { loadBaseline } from '../src/steps/evaluate-and-gate/baseline.js';
import { asyncInputErrorOf, makeFixtureDir, removeDir } from './metrics/helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await makeFixtureDir({ 'metrics.json': '{"accuracy": 0.9}' });
  execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
  mkdirSync(path.join(dir, 'folder.json'));
  // Sparse: 17 MiB of size, no data on disk; one MiB over the limit.
  writeFileSync(path.join(dir, 'huge.json'), '');
  truncateSync(path.join(dir, 'huge.json'), MAX_INPUT_FILE_BYTES + 1024 * 1024);
});
afterAll(() => removeDir(dir));

describe('readInputText', () => {
  test('reads a regular file', async () => {
    expect(await readInputText({ input: 'metrics', what: 'metrics file', file: 'metrics.json', cwd: dir })).toBe('{"accuracy": 0.9}');
  });

  test('the limit is 16 MiB unless the caller states another', async () => {
    expect(MAX_INPUT_FILE_BYTES).toBe(16 * 1024 * 1024);
    expect(await asyncInputErrorOf(() => readInputText({ input: 'rules-file', what: 'rules file', file: 'metrics.json', cwd: dir, maxBytes: 10 }))).toEqual({
      input: 'rules-file',
      message: "input 'rules-file': cannot read rules file 'metrics.json': it is 17 bytes, more than the 10 bytes a rules file may be",
    });
  });
});

describe('metrics files', () => {
  test.each<[string, string]>([
    ['pipe.json', 'it is a named pipe (FIFO), not a regular file'],
    ['/dev/zero', 'it is a device, not a regular file'],
    ['folder.json', 'it is a directory, not a regular file'],
    ['huge.json', 'it is 17 MiB, more than the 16 MiB a metrics file may be'],
    ['missing.json', 'no such file'],
  ])('%s is refused at once, naming the input', async (file, reason) => {
    expect(await asyncInputErrorOf(() => loadMetricsFile(file, dir))).toEqual({
      input: 'metrics',
      message: `input 'metrics': cannot read metrics file '${file}': ${reason}`,
    });
  });
});

describe('the other files of the gate', () => {
  test('a FIFO as samples names samples', async () => {
    expect((await asyncInputErrorOf(() => loadSamples('pipe.json', { cwd: dir }))).message).toBe(
      "input 'samples': cannot read samples file 'pipe.json': it is a named pipe (FIFO), not a regular file",
    );
  });

  test('a FIFO or /dev/zero as the baseline names baseline', async () => {
    const fifo = path.join(dir, 'pipe.json');
    expect((await asyncInputErrorOf(() => loadBaseline(fifo, { cwd: dir, env: process.env }))).message).toBe(
      `input 'baseline': cannot read baseline file '${fifo}': it is a named pipe (FIFO), not a regular file`,
    );
    expect((await asyncInputErrorOf(() => loadBaseline('/dev/zero', { cwd: dir, env: process.env }))).message).toBe(
      "input 'baseline': cannot read baseline file '/dev/zero': it is a device, not a regular file",
    );
  });
});
