import { closestName } from '../../src/spec/suggest.js';

describe('closestName', () => {
  const inputs = ['metrics', 'rules', 'mode', 'select', 'baseline', 'rules-file'];

  test.each([
    ['rulez', 'rules'],
    ['rule', 'rules'],
    ['metric', 'metrics'],
    ['baseine', 'baseline'],
    ['rules_file', 'rules-file'],
    ['Rules', 'rules'],
  ])('%p: did you mean %p', (typed, meant) => {
    expect(closestName(typed, inputs)).toBe(meant);
  });

  test.each([
    ['nope'], // two edits from 'mode': too many for four letters
    ['x'],
    ['threshold'],
    ['base-line-file'],
  ])('%p is close to nothing', (typed) => {
    expect(closestName(typed, inputs)).toBeUndefined();
  });

  test('the closest wins; a tie goes to the name listed first', () => {
    expect(closestName('rules-fil', inputs)).toBe('rules-file');
    expect(closestName('abcd', ['abce', 'abcf'])).toBe('abce');
  });
});
