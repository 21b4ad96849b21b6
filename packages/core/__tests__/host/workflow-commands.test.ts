import { inertJson, inertLines } from '../../src/host/workflow-commands.js';

describe('inertLines', () => {
  test('text that cannot look like a command is printed as it is', () => {
    expect(inertLines('PASS rf (out/rf/metrics.json)')).toEqual(['PASS rf (out/rf/metrics.json)']);
  });

  test.each(['rf\n::set-output name=x::y', '  ::add-mask::x', 'a ##[error]b', 'x\r::error::y'])('%j is printed between stop-commands and its token', (text) => {
    expect(inertLines(text, () => 'tok')).toEqual(['::stop-commands::tok', text, '::tok::']);
  });

  test('a token the text already holds is never used, so the text cannot resume commands', () => {
    const tokens = ['abc', 'ABC', 'def'];
    expect(inertLines('::ABC:: and abc', () => tokens.shift() as string)).toEqual(['::stop-commands::def', '::ABC:: and abc', '::def::']);
  });
});

test('inertJson keeps the same JSON value and leaves no ##[ in the text', () => {
  const value = { best: 'nb ##[set-output name=x;]1', note: 'a#b' };
  const json = inertJson(JSON.stringify(value, null, 2));
  expect(json).not.toContain('##[');
  expect(JSON.parse(json)).toEqual(value);
});
