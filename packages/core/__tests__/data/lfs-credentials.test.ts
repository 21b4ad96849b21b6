import { basicAuthorization, githubToken } from '../../src/data/lfs/credentials.js';

describe('githubToken', () => {
  const env = { GITHUB_TOKEN: 'ghs_token' };

  test('is x-access-token:GITHUB_TOKEN for github.com only', () => {
    expect(githubToken('https://github.com/owner/repo.git/info/lfs', env)).toEqual({ username: 'x-access-token', password: 'ghs_token' });
    expect(githubToken('https://GitHub.com/owner/repo.git/info/lfs', env)).toBeDefined();
    expect(githubToken('https://lfs.example/owner/repo.git/info/lfs', env)).toBeUndefined();
    expect(githubToken('https://github.com.evil.example/x/info/lfs', env)).toBeUndefined();
    expect(githubToken('https://github.com/owner/repo.git/info/lfs', {})).toBeUndefined();
  });

  test('and for the GitHub server the run is on (GITHUB_SERVER_URL)', () => {
    const enterprise = { ...env, GITHUB_SERVER_URL: 'https://ghe.example.com' };
    expect(githubToken('https://ghe.example.com/o/r.git/info/lfs', enterprise)?.password).toBe('ghs_token');
    expect(githubToken('https://other.example.com/o/r.git/info/lfs', enterprise)).toBeUndefined();
  });
});

test('basicAuthorization encodes user:password', () => {
  expect(basicAuthorization({ username: 'user', password: 'pass' })).toBe(`Basic ${Buffer.from('user:pass').toString('base64')}`);
});
