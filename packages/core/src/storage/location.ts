/**
 * Where data lives, read once: every input that names a store (data-pull's
 * `source`, `remote` and DVC remote URLs, `cache-url`, `registry`,
 * train-in-container's `data-url`/`outputs-url`) goes through `parseLocation`,
 * so one text means the same place, or the same refusal, everywhere.
 *
 * The rules, each the strictest that no documented example needs loosened:
 * - A text without `scheme://` is a folder path, resolved against a base the
 *   caller gives: the run's working folder (`context.cwd`), or for a DVC
 *   remote the `.dvc` folder of its config, as DVC reads it. Trailing
 *   slashes go (`data/` and `data` are one folder).
 * - Schemes are lower case: `S3://` or `FILE://` is refused rather than
 *   guessed at (only the registry accepted them before).
 * - `file://` needs an empty host, `file:///abs/dir`; the path is
 *   percent-decoded (`file:///a%20b` is the folder `a b`), a host such as
 *   `file://server/x` is refused.
 * - `s3://bucket[/prefix][/]`: the bucket follows S3's naming rule
 *   (`isValidBucketName`), the prefix may be empty, and is held without a
 *   leading and with a trailing `/`, so `<prefix><key>` never runs into a
 *   sibling prefix. An empty part (`s3://b//x`, `s3://b/x//y`) is refused: a
 *   typo far more often than a key that really holds `//`.
 * - `gs://bucket[/prefix]` (Google Cloud Storage) and `azure://container[/prefix]`
 *   (Azure Blob Storage, DVC's form: the account comes from the credentials)
 *   follow the same prefix rule, each with its own bucket / container naming
 *   rule. Any other scheme is refused as unknown.
 * - Each caller says which kinds it takes (`kinds`), and which forms it reads
 *   itself (`otherForms`, e.g. the registry's `git-tags`), so a refusal lists
 *   exactly what that input accepts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, quote } from '../errors.js';

/** A folder on this machine: an absolute path. */
export interface FolderLocation {
  readonly kind: 'folder';
  readonly path: string;
}

/**
 * A prefix in a bucket of a cloud object store: `prefix` is '' or ends with
 * `/`; `url` is `<scheme>://<bucket>/<prefix>`. Azure calls its bucket a
 * container; the field keeps one name so code over any bucket store is one.
 */
export interface BucketLocation<Kind extends BucketKind> {
  readonly kind: Kind;
  readonly bucket: string;
  readonly prefix: string;
  readonly url: string;
}

/** The object stores addressed as `<scheme>://<bucket>/<prefix>`. */
export type BucketKind = 's3' | 'gcs' | 'azure';

/** An S3 (or S3-compatible) prefix: `s3://bucket/prefix/`. */
export type S3Location = BucketLocation<'s3'>;
/** A Google Cloud Storage prefix: `gs://bucket/prefix/`. */
export type GcsLocation = BucketLocation<'gcs'>;
/** An Azure Blob Storage prefix: `azure://container/prefix/`. */
export type AzureLocation = BucketLocation<'azure'>;

/** A place a store can read or write. New stores become new members here; callers switch on `kind`. */
export type Location = FolderLocation | S3Location | GcsLocation | AzureLocation;
export type LocationKind = Location['kind'];

/** Per bucket kind: its URL scheme, how a refusal shows it, and its naming rule for buckets. */
const BUCKET_KINDS: Readonly<Record<BucketKind, { readonly scheme: string; readonly form: string; readonly isValidName: (name: string) => boolean; readonly rule: string }>> = {
  s3: { scheme: 's3', form: 's3://bucket/prefix/', isValidName: isValidBucketName, rule: 'a valid bucket name' },
  gcs: { scheme: 'gs', form: 'gs://bucket/prefix/', isValidName: isValidGcsBucketName, rule: 'a valid bucket name' },
  azure: { scheme: 'azure', form: 'azure://container/prefix/', isValidName: isValidAzureContainerName, rule: 'a valid container name' },
};

/** The schemes this build reads, and the kind each one names. A path without a scheme is a folder too. */
const SCHEMES: Readonly<Record<string, LocationKind>> = { file: 'folder', s3: 's3', gs: 'gcs', azure: 'azure' };

/** How each kind is written, for the "expected …" of a refusal; the first form is the one a hint shows. */
export const LOCATION_FORMS: Readonly<Record<LocationKind, readonly [string, ...string[]]>> = {
  folder: ['a folder path', 'file:///abs/dir'],
  s3: [BUCKET_KINDS.s3.form],
  gcs: [BUCKET_KINDS.gcs.form],
  azure: [BUCKET_KINDS.azure.form],
};

/** The kinds an input takes unless it says otherwise: every one this build reads. */
export const SUPPORTED_KINDS: readonly LocationKind[] = ['folder', 's3', 'gcs', 'azure'];

/** What one input accepts. */
export interface LocationRules {
  /** What a relative folder path is relative to: the run's working folder, or a DVC config's `.dvc` folder. */
  readonly base: string;
  /** The kinds the input takes. Optional. Defaults to every kind. */
  readonly kinds?: readonly LocationKind[];
  /** Forms the caller reads before asking here (the registry's `git-tags`), listed in a refusal. Optional. */
  readonly otherForms?: readonly string[];
}

/** A text that names no location the input accepts. The message says what was given and what is accepted, but not the input: the caller knows it. */
export class LocationError extends Error {
  override readonly name = 'LocationError';
}

/** S3's rule for a bucket name: 3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit. */
export function isValidBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name);
}

/** Google Cloud Storage's rule: as S3's, and `_` allowed inside (names with dots may run to 222 characters, split in parts of at most 63). */
export function isValidGcsBucketName(name: string): boolean {
  if (name.includes('.')) return name.length <= 222 && /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/.test(name) && name.split('.').every((part) => part.length >= 1 && part.length <= 63);
  return /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/.test(name);
}

/** Azure's rule for a container: 3 to 63 lower-case letters, digits and single `-`, starting and ending with a letter or digit. */
export function isValidAzureContainerName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name) && !name.includes('--');
}

/**
 * The location `text` names under `rules`. Throws LocationError.
 * @example parseLocation('s3://datasets/iris', { base: cwd }) // { kind: 's3', bucket: 'datasets', prefix: 'iris/', url: 's3://datasets/iris/' }
 */
export function parseLocation(text: string, rules: LocationRules): Location {
  const given = text.trim();
  const kinds = rules.kinds ?? SUPPORTED_KINDS;
  const expected = `expected ${orList([...kinds.flatMap((kind) => LOCATION_FORMS[kind]), ...(rules.otherForms ?? [])])}`;
  const refusal = (why = ''): LocationError => new LocationError(`got ${quote(given)}${why === '' ? ', ' : `: ${why}; `}${expected}`);
  const scheme = schemeOf(given);
  if (scheme === undefined) {
    if (given === '' || !kinds.includes('folder')) throw refusal();
    return { kind: 'folder', path: path.resolve(rules.base, given) };
  }
  if (scheme !== scheme.toLowerCase()) throw refusal(`write the scheme in lower case (${scheme.toLowerCase()}://)`);
  const kind = SCHEMES[scheme];
  if (kind === undefined) throw refusal(`unknown scheme '${scheme}://'`);
  if (!kinds.includes(kind)) throw refusal();
  return kind === 'folder' ? fileLocation(given, refusal) : bucketLocation(kind, given, refusal);
}

/** Whether `text` is written as a URL (`scheme://…`), whichever scheme, rather than as a path. */
export function isUrl(text: string): boolean {
  return schemeOf(text.trim()) !== undefined;
}

function schemeOf(text: string): string | undefined {
  return /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)?.[1];
}

/** `parseLocation` for an input: a refusal is an InputError (exit 2) naming `input`. */
export function readLocation(input: string, text: string, rules: LocationRules): Location {
  try {
    return parseLocation(text, rules);
  } catch (err) {
    if (err instanceof LocationError) throw new InputError(input, err.message, { cause: err });
    throw err;
  }
}

/** How a message names a location: its URL, or its folder. */
export function describeLocation(location: Location): string {
  return location.kind === 'folder' ? location.path : location.url;
}

function bucketLocation<Kind extends BucketKind>(kind: Kind, given: string, refusal: (why: string) => LocationError): BucketLocation<Kind> {
  const { scheme, form, isValidName, rule } = BUCKET_KINDS[kind];
  const rest = given.slice(`${scheme}://`.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (!isValidName(bucket)) {
    // The message every caller gave before: the store's naming rule is what a user looks up.
    throw new LocationError(`got ${quote(given)}, expected ${form} with ${rule}`);
  }
  const prefixText = slash < 0 ? '' : rest.slice(slash + 1).replace(/\/$/, '');
  if (prefixText !== '' && prefixText.split('/').includes('')) throw refusal(`the prefix has an empty part ('//')`);
  const prefix = prefixText === '' ? '' : `${prefixText}/`;
  return { kind, bucket, prefix, url: `${scheme}://${bucket}/${prefix}` };
}

function fileLocation(given: string, refusal: (why: string) => LocationError): FolderLocation {
  if (!given.startsWith('file:///')) throw refusal('a file:// URL takes no host (file:///absolute/path)');
  try {
    return { kind: 'folder', path: path.resolve(fileURLToPath(given)) };
  } catch (err) {
    // fileURLToPath refuses an encoded `/` (%2F) in the path: name it rather than guess.
    throw refusal((err as Error).message);
  }
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
