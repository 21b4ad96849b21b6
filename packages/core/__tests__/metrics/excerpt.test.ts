/**
 * An input file that is really a secret (a metrics or samples path that is a
 * symlink to a credentials file) never gets its secret printed: errors quote
 * file content only as a bounded excerpt with secret-looking parts masked.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { prepareGate } from '../../src/metrics/evaluate.js';
import { loadMetricsFile } from '../../src/metrics/load.js';
import { parseRules } from '../../src/metrics/rules.js';
import { loadSamples } from '../../src/metrics/samples.js';
import { excerpt } from '../../src/metrics/excerpt.js';
import { asyncInputErrorOf, inputErrorOf, makeFixtureDir, removeDir } from './helpers.js';

const GITHUB_TOKEN = 'ghp_R2d2C3poXwingTIEfighter0123456789';
const MARKER = 'PWSECRET_API_TOKEN';

let dir: string;
beforeAll(async () => {
  dir = await makeFixtureDir({
    'secrets/token': `${GITHUB_TOKEN}\n`,
    'secrets/named.yaml': `${MARKER}: 1\n`,
    'secrets/env': `API_TOKEN,${MARKER}\n1,${GITHUB_TOKEN}\n`,
    'secrets/long': `${'x'.repeat(5_000)}\n`,
    'secrets/list.json': `[1, "${GITHUB_TOKEN}"]`,
  });
  for (const [link, target] of [
    ['metrics.json', 'secrets/token'],
    ['named.yaml', 'secrets/named.yaml'],
    ['scores.csv', 'secrets/env'],
    ['long.json', 'secrets/long'],
    ['scores.json', 'secrets/list.json'],
  ]) {
    symlinkSync(path.join(dir, target as string), path.join(dir, link as string));
  }
});
afterAll(() => removeDir(dir));

function expectNoSecret(message: string): void {
  expect(message).not.toContain(GITHUB_TOKEN);
  expect(message).not.toContain(GITHUB_TOKEN.slice(0, 12));
  expect(message).not.toContain(MARKER);
}

describe('errors about a file that is a symlink to a secret', () => {
  test('a JSON syntax error does not quote the token it found', async () => {
    const { message } = await asyncInputErrorOf(() => loadMetricsFile('metrics.json', dir));
    expect(message).toMatch(/^input 'metrics': metrics file 'metrics\.json' is not valid JSON: line 1, column 1: expected a JSON value, found '\*\*\*'$/);
    expectNoSecret(message);
  });

  test('the list of metrics found masks a secret-looking name', async () => {
    const metrics = await loadMetricsFile('named.yaml', dir);
    const { message } = inputErrorOf(() =>
      prepareGate({ candidates: [{ name: 'm', file: 'named.yaml', metrics }], baseline: null, rules: parseRules('accuracy >= 0.9'), selection: null, onMissingBaseline: 'pass' }),
    );
    expect(message).toBe("input 'rules': rules line 1: 'accuracy' is not a metric of any candidate (m); metrics found: ***");
  });

  test('CSV headers and cells, and JSON items, are masked', async () => {
    const columns = await asyncInputErrorOf(() => loadSamples('scores.csv#nope', { cwd: dir }));
    expect(columns.message).toBe("input 'samples': 'scores.csv' has no column 'nope' (columns: ***, ***)");
    const cell = await asyncInputErrorOf(() => loadSamples('scores.csv#2', { cwd: dir }));
    expectNoSecret(cell.message);
    const item = await asyncInputErrorOf(() => loadSamples('scores.json', { cwd: dir }));
    expect(item.message).toBe(`input 'samples': item 2 of 'scores.json' is "***"; per-example scores must be finite numbers or booleans`);
  });

  test('a quote is cut at 32 characters', async () => {
    const { message } = await asyncInputErrorOf(() => loadMetricsFile('long.json', dir));
    expect(message).toBe(`input 'metrics': metrics file 'long.json' is not valid JSON: line 1, column 1: expected a JSON value, found '${'x'.repeat(31)}…'`);
  });
});

describe('excerpt', () => {
  test.each<[string, string]>([
    ['accuracy', 'accuracy'],
    ['eval.f1_macro', 'eval.f1_macro'],
    ['num_tokens', 'num_tokens'],
    ['tokensPerSecond', 'tokensPerSecond'],
    ['API_TOKEN', '***'],
    ['db.password', '***'],
    ['aws_secret_access_key', '***'],
    ['OPENAI_API_KEY=sk-abc', '***'],
    ['AKIAIOSFODNN7EXAMPLE', '***'],
    ['token: ghs_abc and more', '*** *** and more'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '***'],
    ['a\nb\u0000c', 'a\\nb\\x00c'],
  ])('%j → %j', (text, shown) => {
    expect(excerpt(text)).toBe(shown);
  });
});
