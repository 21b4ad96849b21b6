import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ini from 'ini';
import { InputError } from '../errors.js';
import type { AzureOptions, GcsOptions } from '../storage/backends.js';
import { isUrl, LocationError, parseLocation, type Location } from '../storage/location.js';

/** Where a DVC remote is and how to reach it. */
export interface DvcRemote {
  /** The remote's name in the config, or the URL when given directly. */
  readonly name: string;
  /** An S3 prefix or a folder; a relative folder in a config is relative to its `.dvc` folder, as DVC reads it. */
  readonly location: Location;
  readonly endpoint?: string;
  readonly region?: string;
  /** Keys set in `.dvc/config.local` (never in a committed file, we hope); masked by the caller. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** A gs:// remote's `credentialpath`, `projectname` and `endpointurl`. None is a secret: the key file's path is not the key. */
  readonly gcs?: GcsOptions;
  /** An `azure://` remote's account and secrets, as `dvc remote modify` names them; masked by the caller. */
  readonly azure?: AzureOptions;
}

type Sections = Record<string, Record<string, unknown>>;

/** The folder holding `.dvc/`, searching up from `start`; undefined outside a DVC repo. */
export function findDvcRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.dvc', 'config')) || existsSync(path.join(dir, '.dvc', 'config.local'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The remote to pull from: `override` (a remote name or a URL: the `remote`
 * input), else the out's own remote, else `core.remote` of `.dvc/config`
 * with `.dvc/config.local` layered over it, as DVC reads them.
 */
export async function resolveDvcRemote(dvcRoot: string | undefined, override: string | undefined, outRemote: string | undefined, input = 'remote'): Promise<DvcRemote> {
  const wanted = override?.trim() ?? '';
  // Only a URL or an absolute path is a location here (anything else names a remote): no base folder applies.
  if (isUrl(wanted) || path.isAbsolute(wanted)) return { name: wanted, location: remoteLocation(wanted, path.sep, input) };
  if (!dvcRoot) throw new InputError(input, `no .dvc/config found above the DVC files; name the remote by URL (s3://bucket/prefix or a folder)`);
  const config = await readConfig(dvcRoot);
  const name = wanted || outRemote || stringOf(config['core']?.['remote']);
  if (!name) throw new InputError(input, `no default remote in ${path.join(dvcRoot, '.dvc', 'config')} ([core] remote = ...); give 'remote' a name or a URL`);
  const section = config[`remote "${name}"`];
  const url = stringOf(section?.['url']);
  if (!section || !url) {
    const known = Object.keys(config).filter((key) => key.startsWith('remote "')).map((key) => key.slice(8, -1));
    throw new InputError(input, `no remote '${name}' with a url in .dvc/config(.local) (remotes: ${known.join(', ') || 'none'})`);
  }
  const endpoint = stringOf(section['endpointurl']);
  const region = stringOf(section['region']);
  const accessKeyId = stringOf(section['access_key_id']);
  const secretAccessKey = stringOf(section['secret_access_key']);
  const sessionToken = stringOf(section['session_token']);
  // A relative local remote is relative to the .dvc folder holding the config.
  const location = remoteLocation(url, path.join(dvcRoot, '.dvc'), input, name);
  const azure = location.kind === 'azure' ? azureOptionsOf(section) : undefined;
  return {
    name,
    location,
    ...(location.kind === 'gcs' ? gcsOptionsOf(section, dvcRoot) : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
    ...(azure ? { azure } : {}),
  };
}

/** An Azure remote's `account_name`, `connection_string`, `account_key` and `sas_token` (DVC's names), when any is set. */
function azureOptionsOf(section: Record<string, unknown>): AzureOptions | undefined {
  const accountName = stringOf(section['account_name']);
  const connectionString = stringOf(section['connection_string']);
  const accountKey = stringOf(section['account_key']);
  const sasToken = stringOf(section['sas_token']);
  if (!accountName && !connectionString && !accountKey && !sasToken) return undefined;
  return {
    ...(accountName ? { accountName } : {}),
    ...(connectionString ? { connectionString } : {}),
    ...(accountKey ? { accountKey } : {}),
    ...(sasToken ? { sasToken } : {}),
  };
}

/** A gs:// remote's own options, as `dvc remote modify` names them. DVC reads a relative `credentialpath` from the repository's root, where it runs. */
function gcsOptionsOf(section: Record<string, unknown>, dvcRoot: string): { gcs?: GcsOptions } {
  const keyFile = stringOf(section['credentialpath']);
  const projectId = stringOf(section['projectname']);
  const endpoint = stringOf(section['endpointurl']);
  const gcs: GcsOptions = { ...(keyFile ? { keyFile: path.resolve(dvcRoot, keyFile) } : {}), ...(projectId ? { projectId } : {}), ...(endpoint ? { endpoint } : {}) };
  return Object.keys(gcs).length > 0 ? { gcs } : {};
}

async function readConfig(dvcRoot: string): Promise<Sections> {
  const merged: Sections = {};
  for (const name of ['config', 'config.local']) {
    const file = path.join(dvcRoot, '.dvc', name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let parsed: Sections;
    try {
      parsed = ini.parse(escapeValueSemicolons(escapeSectionDots(text))) as Sections;
    } catch (err) {
      throw new InputError('dvc', `${file}: not a valid DVC config (${(err as Error).message})`);
    }
    for (const [section, values] of Object.entries(parsed)) {
      if (typeof values !== 'object' || values === null) continue;
      merged[unquote(section)] = { ...merged[unquote(section)], ...values };
    }
  }
  return merged;
}

/** `ini` nests sections on dots; a remote called `my.store` must stay one section. */
function escapeSectionDots(text: string): string {
  return text.replace(/^(\s*\[)(.*)(\]\s*)$/gm, (_all, open: string, name: string, close: string) => `${open}${name.replace(/\./g, '\\.')}${close}`);
}

/**
 * DVC's reader (configobj) ends an unquoted value only at `#`; `ini` ends it
 * at `;` too, which would cut an Azure connection_string (`…;AccountKey=…`)
 * short. Escaped, `ini` keeps the `;`.
 */
function escapeValueSemicolons(text: string): string {
  return text.replace(/^(\s*[^\s;#[][^=\n]*=)([^\n]*)$/gm, (all, key: string, value: string) => (/^\s*["']/.test(value) ? all : `${key}${value.replace(/;/g, '\\;')}`));
}

/** DVC writes `['remote "name"']`; `ini` may keep the single quotes. */
function unquote(section: string): string {
  return section.replace(/^'(.*)'$/, '$1').trim();
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A remote's URL as a location; a refusal names the remote when it came from the config. */
function remoteLocation(url: string, base: string, input: string, name?: string): Location {
  try {
    return parseLocation(url, { base });
  } catch (err) {
    if (!(err instanceof LocationError)) throw err;
    throw new InputError(input, `${name === undefined ? '' : `remote '${name}': `}${err.message}`, { cause: err });
  }
}
