import { redactUrlCredentials } from '../src/redact.js';

describe('redactUrlCredentials', () => {
  test.each([
    ['fetch failed: https://user:tok@ghe.example/api/v3/repos', 'fetch failed: https://***@ghe.example/api/v3/repos'],
    ['https://u:p@ss@host/x', 'https://***@host/x'],
    ['ssh://token@host', 'ssh://***@host'],
    ['GET https://h/x?per_page=100&access_token=abc#frag', 'GET https://h/x?per_page=100&access_token=***#frag'],
    ['https://b.s3/k?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=ff00&x=1', 'https://b.s3/k?X-Amz-Credential=***&X-Amz-Signature=***&x=1'],
    ["got 'https://h/?token=t0k', expected", "got 'https://h/?token=***', expected"],
  ])('%s', (text, expected) => {
    expect(redactUrlCredentials(text)).toBe(expected);
  });

  test('text without URL credentials is unchanged', () => {
    const text = 'mail me@example.com; see https://github.com/acme/x/pull/3?tab=files and git@github.com:acme/x';
    expect(redactUrlCredentials(text)).toBe(text);
  });
});
