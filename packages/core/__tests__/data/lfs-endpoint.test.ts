import { discoverEndpoint, EndpointError } from '../../src/data/lfs/endpoint.js';

const config = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
/** The endpoint of remote `origin` at `remoteUrl`, with no lfs.url set. */
const endpointFromRemote = (remoteUrl: string): string => discoverEndpoint(config({ 'remote.origin.url': remoteUrl }), config({}), 'origin').url;

describe('endpointFromRemote (server discovery)', () => {
  test.each([
    ['https://git-server.com/foo/bar', 'https://git-server.com/foo/bar.git/info/lfs'],
    ['https://git-server.com/foo/bar.git', 'https://git-server.com/foo/bar.git/info/lfs'],
    ['https://git-server.com/foo/bar/', 'https://git-server.com/foo/bar.git/info/lfs'],
    ['http://127.0.0.1:8080/repo', 'http://127.0.0.1:8080/repo.git/info/lfs'],
    ['git@git-server.com:foo/bar.git', 'https://git-server.com/foo/bar.git/info/lfs'],
    ['git@github.com:owner/repo', 'https://github.com/owner/repo.git/info/lfs'],
    ['ssh://git-server.com/foo/bar.git', 'https://git-server.com/foo/bar.git/info/lfs'],
    ['ssh://git@git-server.com:2222/foo/bar.git', 'https://git-server.com/foo/bar.git/info/lfs'],
  ])('%s → %s', (remote, endpoint) => {
    expect(endpointFromRemote(remote)).toBe(endpoint);
  });

  test.each(['/srv/git/repo.git', '../repo', 'file:///srv/git/repo.git', 'C:/repos/x'])('a local remote %s has no LFS server: a clear error', (remote) => {
    expect(() => endpointFromRemote(remote)).toThrow(EndpointError);
    expect(() => endpointFromRemote(remote)).toThrow(/has no LFS server; set lfs.url/);
  });
});

describe('a remote URL that is no URL', () => {
  test.each(['https://host:99999/r', 'git@ho st:o/r', 'https://bot:s3cret@host:99999/r'])('%s is an EndpointError naming it, credentials hidden', (remote) => {
    expect(() => endpointFromRemote(remote)).toThrow(EndpointError);
    expect(() => endpointFromRemote(remote)).toThrow(/remote URL '.*' is not a valid URL/);
    expect(() => endpointFromRemote(remote)).not.toThrow(/s3cret/);
  });
});

describe('discoverEndpoint', () => {
  const remote = { 'remote.origin.url': 'https://git.example/team/models.git', 'remote.upstream.url': 'git@other.example:team/models.git' };

  test("the remote's URL + /info/lfs when nothing else is set", () => {
    expect(discoverEndpoint(config(remote), config({}), 'origin')).toEqual({ url: 'https://git.example/team/models.git/info/lfs', from: "remote 'origin'" });
    expect(discoverEndpoint(config(remote), config({}), 'upstream').url).toBe('https://other.example/team/models.git/info/lfs');
  });

  test('lfs.url wins, git config over .lfsconfig; then remote.<name>.lfsurl', () => {
    const lfsconfig = config({ 'lfs.url': 'https://lfs.example/committed' });
    expect(discoverEndpoint(config(remote), lfsconfig, 'origin')).toEqual({ url: 'https://lfs.example/committed', from: 'lfs.url in .lfsconfig' });
    expect(discoverEndpoint(config({ ...remote, 'lfs.url': 'https://lfs.example/local' }), lfsconfig, 'origin').from).toBe('lfs.url in git config');
    expect(discoverEndpoint(config({ ...remote, 'remote.origin.lfsurl': 'https://lfs.example/origin' }), config({}), 'origin').url).toBe('https://lfs.example/origin');
  });

  test('credentials in the URL are kept apart, never in the endpoint', () => {
    const endpoint = discoverEndpoint(config({ 'lfs.url': 'https://bot:s3cr%40t@lfs.example/repo/' }), config({}), 'origin');
    expect(endpoint.url).toBe('https://lfs.example/repo');
    expect(endpoint.userinfo).toEqual({ username: 'bot', password: 's3cr@t' });
  });

  test('a missing remote, or an lfs.url that is not http(s), is an error that says what to set', () => {
    expect(() => discoverEndpoint(config({}), config({}), 'origin')).toThrow(/no remote 'origin'.*lfs\.url/);
    expect(() => discoverEndpoint(config({ 'lfs.url': 'ftp://x/y' }), config({}), 'origin')).toThrow(/not an http\(s\) URL/);
    expect(() => discoverEndpoint(config({ 'lfs.url': 'https://u:p@' }), config({}), 'origin')).toThrow(EndpointError);
  });
});
