/**
 * Where a repository's LFS objects live: the LFS server's URL, found as
 * git-lfs finds it (https://github.com/git-lfs/git-lfs/blob/main/docs/api/server-discovery.md):
 *
 * 1. `lfs.url`, then `remote.<remote>.lfsurl` — from git's config, else from
 *    the repository's committed `.lfsconfig` (git's config wins key by key);
 * 2. else the remote's URL + `/info/lfs`, with `.git` added when the URL
 *    lacks it; an SSH remote (`git@host:path`, `ssh://host/path`) maps to
 *    `https://host/path` as git-lfs does when it cannot ask the server over SSH.
 *
 * Pure: the caller reads both configs (git does) and passes them in.
 */

/** `git config --list` entries: section and key lowercased by git, subsection as written. */
export type GitConfig = ReadonlyMap<string, string>;

export interface LfsEndpoint {
  /** The batch API's base, without credentials: `<url>/objects/batch` is the batch request. */
  readonly url: string;
  /** Where it came from, for the log and for errors. */
  readonly from: string;
  /** `user:password@` written in the configured URL: credentials, kept out of `url`. */
  readonly userinfo?: { readonly username: string; readonly password: string };
}

/** Why no endpoint could be found, in words for the user (the caller names the input). */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

export function discoverEndpoint(gitConfig: GitConfig, lfsConfig: GitConfig, remote: string): LfsEndpoint {
  for (const key of ['lfs.url', `remote.${remote}.lfsurl`]) {
    const configured = gitConfig.get(key);
    if (configured !== undefined) return endpointOf(configured, `${key} in git config`);
    const committed = lfsConfig.get(key);
    if (committed !== undefined) return endpointOf(committed, `${key} in .lfsconfig`);
  }
  const remoteUrl = gitConfig.get(`remote.${remote}.url`);
  if (remoteUrl === undefined) throw new EndpointError(`the repository has no remote '${remote}' (remote.${remote}.url) and no lfs.url in git config or .lfsconfig`);
  return endpointOf(endpointFromRemote(remoteUrl), `remote '${remote}'`);
}

/** The LFS endpoint a git remote URL implies (server discovery's default). */
function endpointFromRemote(remoteUrl: string): string {
  const http = /^https?:\/\//i.test(remoteUrl) ? remoteUrl : sshAsHttps(remoteUrl);
  let url: URL;
  try {
    url = new URL(http);
  } catch {
    throw new EndpointError(`remote URL ${describeUrl(remoteUrl)} is not a valid URL, so it names no LFS server; fix it or set lfs.url in git config or .lfsconfig`);
  }
  url.search = '';
  url.hash = '';
  let pathname = url.pathname.replace(/\/+$/, '');
  if (!pathname.endsWith('.git')) pathname += '.git';
  url.pathname = `${pathname}/info/lfs`;
  return url.toString();
}

/**
 * `git@host:owner/repo.git` (scp-like) and `ssh://[user@]host[:port]/path`
 * as https: git-lfs's fallback when `git-lfs-authenticate` is not used. The
 * SSH port says nothing about the HTTPS one, so it is dropped.
 */
function sshAsHttps(remoteUrl: string): string {
  const sshUrl = /^(?:git\+)?ssh:\/\/(?:[^@/]+@)?(\[[^\]]+\]|[^:/]+)(?::\d+)?\/(.+)$/i.exec(remoteUrl);
  if (sshUrl) return `https://${sshUrl[1]}/${sshUrl[2]}`;
  // scp-like: a colon before any slash, and not a Windows drive letter.
  const scpLike = /^(?:[^@/:]+@)?([^/:]{2,}):\/?([^/].*)$/.exec(remoteUrl);
  if (scpLike) return `https://${scpLike[1]}/${scpLike[2]}`;
  throw new EndpointError(`remote URL ${describeUrl(remoteUrl)} is not an http(s) or SSH URL, so it has no LFS server; set lfs.url in git config or .lfsconfig`);
}

function endpointOf(text: string, from: string): LfsEndpoint {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EndpointError(`${from}: ${describeUrl(text)} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EndpointError(`${from}: ${describeUrl(text)} is not an http(s) URL`);
  const userinfo = url.username !== '' ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : undefined;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return { url: url.toString().replace(/\/+$/, ''), from, ...(userinfo ? { userinfo } : {}) };
}

/** A URL for a message: credentials never shown. */
function describeUrl(text: string): string {
  return `'${text.replace(/\/\/[^/@\s]*@/, '//***@').slice(0, 200)}'`;
}
