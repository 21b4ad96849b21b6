import { renderStepSummary } from '../../src/steps/summary.js';

/** Every step's job summary: one heading form, a key/value table with a real header row. */

test('a heading in the one form, then a two-column table whose header row is not blank', () => {
  const markdown = renderStepSummary({
    step: 'setup-env',
    outcome: 'ok',
    headline: 'Python env (uv): built',
    rows: [
      ['env', { code: '.venv' }],
      ['packages', 12],
    ],
  });
  expect(markdown.split('\n')).toEqual(['### ✅ mlops-ci setup-env — Python env (uv): built', '', '| Detail | Value |', '|---|---|', '| env | `.venv` |', '| packages | 12 |', '']);
});

test('a failed step is marked ❌', () => {
  expect(renderStepSummary({ step: 'train-in-container', outcome: 'failed', headline: 'exited 3 after 2 s' })).toBe('### ❌ mlops-ci train-in-container — exited 3 after 2 s\n');
});

test('no rows (or only facts the run does not have) means no table at all, never an empty one', () => {
  const markdown = renderStepSummary({ step: 'promote-model', outcome: 'ok', headline: 'gc removed nothing', rows: [['image', null]] });
  expect(markdown).not.toContain('|');
});

test('user text cannot break the table or the heading', () => {
  const markdown = renderStepSummary({
    step: 'train-in-container',
    outcome: 'ok',
    headline: 'line one\nline two <b>',
    rows: [
      ['command', { code: 'a | b\nc' }],
      ['image', 'x|y'],
      ['empty', ''],
    ],
  });
  const lines = markdown.split('\n');
  expect(lines[0]).toBe('### ✅ mlops-ci train-in-container — line one line two &lt;b&gt;');
  expect(lines).toContain('| command | `a \\| b c` |');
  expect(lines).toContain('| image | x\\|y |');
  expect(lines).toContain('| empty | — |');
});
