import { parseVersionSpec, satisfies } from '../../src/env/python-version.js';

describe('python-version specs', () => {
  test.each([
    ['3.11', ['3.11.0', '3.11.7'], ['3.1.0', '3.12.1', '3.10.13']],
    ['3.11.7', ['3.11.7'], ['3.11.6', '3.11.17']],
    ['3.x', ['3.6.15', '3.13.0'], ['2.7.18']],
    ['3.12.x', ['3.12.1'], ['3.11.7']],
    ['>=3.10,<3.13', ['3.10.13', '3.12.1'], ['3.9.18', '3.13.0']],
    ['==3.11.*', ['3.11.2'], ['3.12.0']],
    ['~=3.10', ['3.10.0', '3.13.0'], ['3.9.18', '4.0.0']],
    ['~=3.10.2', ['3.10.2', '3.10.13'], ['3.10.1', '3.11.0']],
    ['!=3.12.1, >3.10', ['3.12.0', '3.11.7', '3.10.1'], ['3.12.1', '3.10.0', '3.9.18']],
    ['3.13', ['3.13.0rc1'], ['3.12.9']],
  ])('%s', (text, matching, others) => {
    const spec = parseVersionSpec(text);
    expect(spec).not.toBeNull();
    for (const version of matching) expect([version, satisfies(version, spec!)]).toEqual([version, true]);
    for (const version of others) expect([version, satisfies(version, spec!)]).toEqual([version, false]);
  });

  test.each(['latest', 'python3.11', '>=', '3.11,', '~=3', '>=3.*', 'pypy3.10', '3..1'])('rejects %p', (text) => {
    expect(parseVersionSpec(text)).toBeNull();
  });
});
