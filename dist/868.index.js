export const id = 868;
export const ids = [868];
export const modules = {

/***/ 51561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   dN: () => (/* binding */ realPathOf),
/* harmony export */   dd: () => (/* binding */ joinRelpath),
/* harmony export */   q2: () => (/* binding */ DestinationGuard),
/* harmony export */   to: () => (/* binding */ unsafeRelpath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Why a relative path from a listing or a `.dir` manifest may not be written
 * under a destination, or undefined when it is safe: no absolute paths, no
 * `..`, no empty or `.` segments, no NUL (nor backslashes on Windows, where
 * they separate folders), so nothing can land outside the destination.
 */
function unsafeRelpath(relpath) {
    if (relpath === '')
        return 'is empty';
    if (relpath.includes('\0'))
        return 'contains a NUL byte';
    // A backslash is an ordinary character in a POSIX name, but a separator on Windows.
    if (process.platform === 'win32' && relpath.includes('\\'))
        return 'contains a backslash';
    if (relpath.startsWith('/') || /^[A-Za-z]:/.test(relpath))
        return 'is absolute';
    for (const segment of relpath.split('/')) {
        if (segment === '..')
            return "climbs out with '..'";
        if (segment === '' || segment === '.')
            return 'has an empty or "." segment';
    }
    return undefined;
}
/**
 * Checks, before anything is written, that no folder between `root` and the
 * file is a symlink (one planted in the destination could redirect a write
 * anywhere). Folders already checked are remembered across calls.
 */
class DestinationGuard {
    /** Folders known safe, as `root` NUL relative folder: one lookup per file once its folder is known. */
    safeDirs = new Set();
    /** Throws when a parent of `root/relpath` below root is a symlink or not a folder. */
    check(root, relpath) {
        const slash = relpath.lastIndexOf('/');
        if (slash < 0 || this.safeDirs.has(`${root}\0${relpath.slice(0, slash)}`))
            return;
        const segments = relpath.slice(0, slash).split('/');
        let dir = root;
        let relative = '';
        for (const segment of segments) {
            dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, segment);
            relative = relative === '' ? segment : `${relative}/${segment}`;
            const key = `${root}\0${relative}`;
            if (this.safeDirs.has(key))
                continue;
            const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir, { throwIfNoEntry: false });
            if (info?.isSymbolicLink())
                throw new Error(`refusing to write ${node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, relpath)}: ${dir} is a symlink in the destination`);
            if (info && !info.isDirectory())
                throw new Error(`refusing to write ${node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, relpath)}: ${dir} is a file, not a folder`);
            // A folder that does not exist yet is safe: we create it.
            this.safeDirs.add(key);
        }
    }
}
/**
 * `root` joined with a relpath unsafeRelpath accepted. On POSIX that is the
 * two strings with a `/` between (no segment can need normalising), which a
 * re-pull of many files pays once per file instead of a path.join.
 */
function joinRelpath(root, relpath) {
    if ((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep) !== '/')
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, ...relpath.split('/'));
    return root.endsWith('/') ? `${root}${relpath}` : `${root}/${relpath}`;
}
/** Whether `child` is strictly below `parent` (both absolute, normalised). */
function isInside(parent, child) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(parent, child);
    return relative !== '' && relative !== '..' && !relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative);
}
/**
 * The real path of `target`, which need not exist yet: the deepest existing
 * folder on the way is resolved (symlinks and all), the rest appended.
 */
function realPathOf(target) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(target);
    const missing = [];
    for (let dir = absolute;; dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir), ...missing);
        }
        catch {
            if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir) === dir)
                return absolute;
            missing.unshift(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(dir));
        }
    }
}


/***/ }),

/***/ 96665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ formatSigned),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/** Number and text formatting shared by the markdown report, JUnit XML and status lines. */
/** Four significant digits, no trailing noise: 0.953333 → 0.9533, 118.25 → 118.3, 3 → 3. */
function formatNumber(value) {
    if (value === null || value === undefined)
        return '—';
    if (Number.isNaN(value))
        return 'NaN';
    if (!Number.isFinite(value))
        return value > 0 ? '∞' : '−∞';
    if (Number.isInteger(value))
        return String(value);
    return String(Number(value.toPrecision(4)));
}
/** A signed number: +0.013, −0.02, ±0. */
function formatSigned(value) {
    if (value === 0)
        return '±0';
    const text = formatNumber(Math.abs(value));
    return value > 0 ? `+${text}` : `−${text}`;
}
/** Makes user text (names, rules) safe inside a markdown table cell. */
function escapeCell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
/** Inline code that survives backticks in the text. */
function inlineCode(text) {
    const fence = text.includes('`') ? '``' : '`';
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${escapeCell(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>')}${pad}${fence}`;
}
/**
 * Cuts text to a limit, ending with a note that says so. The limit counts
 * UTF-16 characters, or UTF-8 bytes with `unit: 'bytes'` (GitHub caps check-run
 * text at 65,535 of both, and the report's ✅ and ▲ take 3 bytes each).
 */
function truncate(text, limit, note, unit = 'chars') {
    const suffix = `\n\n${note}\n`;
    if (unit === 'chars') {
        return text.length <= limit ? text : text.slice(0, Math.max(0, limit - suffix.length)) + suffix;
    }
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= limit)
        return text;
    const keep = Math.max(0, limit - Buffer.byteLength(suffix, 'utf8'));
    // Cutting mid-character leaves a partial sequence that decodes to U+FFFD: drop it.
    const head = bytes.subarray(0, keep).toString('utf8').replace(/\uFFFD+$/, '');
    return head + suffix;
}
/**
 * Escapes text for HTML (and XML) text and quoted attributes, and drops the
 * control characters neither may hold, so any name keeps a page well-formed.
 */
function escapeHtml(text) {
    return text
        // eslint-disable-next-line no-control-regex -- XML 1.0 (and HTML) forbid these control characters
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}


/***/ }),

/***/ 18669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ renderStepSummary)
/* harmony export */ });
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96665);

const MARK = { ok: '✅', failed: '❌' };
/** `### ✅ mlops-ci <step> — <headline>`, then the table when there are rows, then a blank line. */
function renderStepSummary({ step, outcome, headline, rows = [] }) {
    const lines = [`### ${MARK[outcome]} mlops-ci ${step} — ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(headline)}`, ''];
    const shown = rows.filter((row) => row[1] !== null);
    if (shown.length > 0) {
        lines.push('| Detail | Value |', '|---|---|', ...shown.map(([label, value]) => `| ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(label)} | ${cellOf(value)} |`), '');
    }
    return lines.join('\n');
}
function cellOf(value) {
    if (typeof value === 'number')
        return String(value);
    if (typeof value === 'string')
        return value === '' ? '—' : (0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(value);
    return (0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(value.code);
}


/***/ }),

/***/ 16606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ backendFor),
/* harmony export */   n: () => (/* binding */ openBlobStore)
/* harmony export */ });
/** Where each kind's backend is, loaded when first asked for. */
const BACKENDS = {
    folder: async () => (await __webpack_require__.e(/* import() */ 334).then(__webpack_require__.bind(__webpack_require__, 92334))).folderBackend,
    s3: async () => (await Promise.all(/* import() */[__webpack_require__.e(358), __webpack_require__.e(194)]).then(__webpack_require__.bind(__webpack_require__, 80194))).s3Backend,
    gcs: async () => (await Promise.all(/* import() */[__webpack_require__.e(171), __webpack_require__.e(352), __webpack_require__.e(324), __webpack_require__.e(665), __webpack_require__.e(17)]).then(__webpack_require__.bind(__webpack_require__, 57017))).gcsBackend,
    azure: async () => (await Promise.all(/* import() */[__webpack_require__.e(171), __webpack_require__.e(184), __webpack_require__.e(290), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 40040))).azureBackend,
};
/**
 * The backend of `location`, loaded and bound to it. TypeScript cannot tie
 * BACKENDS[kind] to the location of that kind through the map, so this
 * switch does it, once; a new kind that is not added here does not compile.
 */
async function backendFor(location) {
    switch (location.kind) {
        case 'folder':
            return bind(await BACKENDS.folder(), location);
        case 's3':
            return bind(await BACKENDS.s3(), location);
        case 'gcs':
            return bind(await BACKENDS.gcs(), location);
        case 'azure':
            return bind(await BACKENDS.azure(), location);
    }
}
function bind(backend, location) {
    return { readStore: (options) => backend.readStore(location, options), writeStore: (options) => backend.writeStore(location, options) };
}
/** The store to write under `location`: a registry's, a cache's. */
async function openBlobStore(location, options) {
    return (await backendFor(location)).writeStore(options);
}


/***/ }),

/***/ 42872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ LocalStore),
/* harmony export */   u: () => (/* binding */ UnsupportedEntryError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90626);




/**
 * An entry a folder listing refuses: a symlink below the root, or a folder
 * that is already being walked (a cycle through a bind mount).
 */
class UnsupportedEntryError extends Error {
    key;
    name = 'UnsupportedEntryError';
    constructor(
    /** The entry's key, relative to the store's root. */
    key, message) {
        super(message);
        this.key = key;
    }
}
/**
 * A folder as an object store (a DVC local remote, `file:///abs/dir`, a
 * mounted share). Keys are paths relative to the root with `/` separators.
 * A root that is a symlink is followed; below it, a listing holds regular
 * files and folders only: a symlink there is refused rather than followed
 * (it could lead out of the folder, or into a loop: `x -> .` is 40 nested
 * copies, two such loops never finish), and so is a folder reached again
 * while it is being walked (a bind mount inside itself), known by device and
 * inode.
 */
class LocalStore {
    root;
    description;
    constructor(root) {
        this.root = root;
        this.description = root;
    }
    async *list(prefix) {
        // A prefix is a folder ('data/') or the start of names in it ('data/img').
        const slash = prefix.lastIndexOf('/');
        const dirKey = slash >= 0 ? prefix.slice(0, slash + 1) : '';
        for await (const object of this.walk(dirKey)) {
            if (object.key.startsWith(prefix))
                yield object;
        }
    }
    // eslint-disable-next-line require-yield -- a folder has no history to travel in
    async *listAsOf() {
        throw new Error(`${this.description} is a folder, not a versioned S3 bucket: 'as-of' needs S3 versioning`);
    }
    async head(key) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(this.pathOf(key)).catch(() => undefined);
        return info?.isFile() ? { key, size: info.size, lastModified: info.mtime } : undefined;
    }
    async read(key, options = {}) {
        const file = this.pathOf(key);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).catch(() => undefined);
        if (!info?.isFile())
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .NotFoundError */ .m_(`${key} does not exist in ${this.description}`);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file, options.range ? { start: options.range.start, end: options.range.end } : {});
    }
    pathOf(key) {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.root, ...key.split('/'));
    }
    async *walk(dirKey, walking = new Set()) {
        const folder = this.pathOf(dirKey);
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.opendir)(folder).catch((err) => {
            if (err.code === 'ENOENT' || err.code === 'ENOTDIR')
                return undefined;
            throw err;
        });
        if (!dir)
            return;
        const id = await folderId(folder);
        if (walking.has(id)) {
            await dir.close();
            throw new UnsupportedEntryError(dirKey.slice(0, -1), `${dirKey.slice(0, -1)} below ${this.description} is a folder already being walked (a bind mount inside itself?): refusing to list it twice`);
        }
        const below = new Set(walking).add(id);
        for await (const entry of dir) {
            const key = `${dirKey}${entry.name}`;
            if (entry.isSymbolicLink()) {
                throw new UnsupportedEntryError(key, `${key} is a symlink below ${this.description}; only that folder itself may be one. Replace the link with what it points to, or point at its target`);
            }
            if (entry.isDirectory()) {
                yield* this.walk(`${key}/`, below);
            }
            else if (entry.isFile()) {
                const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(this.pathOf(key)).catch(() => undefined);
                if (info?.isFile())
                    yield { key, size: info.size, lastModified: info.mtime };
            }
        }
    }
}
/** A folder's identity whatever the path it is reached by. */
async function folderId(folder) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(folder, { bigint: true });
    return `${info.dev}:${info.ino}`;
}


/***/ }),

/***/ 3328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KA: () => (/* binding */ LocationError),
/* harmony export */   Lp: () => (/* binding */ SUPPORTED_KINDS),
/* harmony export */   gU: () => (/* binding */ isUrl),
/* harmony export */   lR: () => (/* binding */ describeLocation),
/* harmony export */   mb: () => (/* binding */ readLocation),
/* harmony export */   yJ: () => (/* binding */ LOCATION_FORMS),
/* harmony export */   zS: () => (/* binding */ parseLocation)
/* harmony export */ });
/* unused harmony exports isValidBucketName, isValidGcsBucketName, isValidAzureContainerName */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37638);
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



/** Per bucket kind: its URL scheme, how a refusal shows it, and its naming rule for buckets. */
const BUCKET_KINDS = {
    s3: { scheme: 's3', form: 's3://bucket/prefix/', isValidName: isValidBucketName, rule: 'a valid bucket name' },
    gcs: { scheme: 'gs', form: 'gs://bucket/prefix/', isValidName: isValidGcsBucketName, rule: 'a valid bucket name' },
    azure: { scheme: 'azure', form: 'azure://container/prefix/', isValidName: isValidAzureContainerName, rule: 'a valid container name' },
};
/** The schemes this build reads, and the kind each one names. A path without a scheme is a folder too. */
const SCHEMES = { file: 'folder', s3: 's3', gs: 'gcs', azure: 'azure' };
/** How each kind is written, for the "expected …" of a refusal; the first form is the one a hint shows. */
const LOCATION_FORMS = {
    folder: ['a folder path', 'file:///abs/dir'],
    s3: [BUCKET_KINDS.s3.form],
    gcs: [BUCKET_KINDS.gcs.form],
    azure: [BUCKET_KINDS.azure.form],
};
/** The kinds an input takes unless it says otherwise: every one this build reads. */
const SUPPORTED_KINDS = ['folder', 's3', 'gcs', 'azure'];
/** A text that names no location the input accepts. The message says what was given and what is accepted, but not the input: the caller knows it. */
class LocationError extends Error {
    name = 'LocationError';
}
/** S3's rule for a bucket name: 3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit. */
function isValidBucketName(name) {
    return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name);
}
/** Google Cloud Storage's rule: as S3's, and `_` allowed inside (names with dots may run to 222 characters, split in parts of at most 63). */
function isValidGcsBucketName(name) {
    if (name.includes('.'))
        return name.length <= 222 && /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/.test(name) && name.split('.').every((part) => part.length >= 1 && part.length <= 63);
    return /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/.test(name);
}
/** Azure's rule for a container: 3 to 63 lower-case letters, digits and single `-`, starting and ending with a letter or digit. */
function isValidAzureContainerName(name) {
    return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name) && !name.includes('--');
}
/**
 * The location `text` names under `rules`. Throws LocationError.
 * @example parseLocation('s3://datasets/iris', { base: cwd }) // { kind: 's3', bucket: 'datasets', prefix: 'iris/', url: 's3://datasets/iris/' }
 */
function parseLocation(text, rules) {
    const given = text.trim();
    const kinds = rules.kinds ?? SUPPORTED_KINDS;
    const expected = `expected ${orList([...kinds.flatMap((kind) => LOCATION_FORMS[kind]), ...(rules.otherForms ?? [])])}`;
    const refusal = (why = '') => new LocationError(`got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(given)}${why === '' ? ', ' : `: ${why}; `}${expected}`);
    const scheme = schemeOf(given);
    if (scheme === undefined) {
        if (given === '' || !kinds.includes('folder'))
            throw refusal();
        return { kind: 'folder', path: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(rules.base, given) };
    }
    if (scheme !== scheme.toLowerCase())
        throw refusal(`write the scheme in lower case (${scheme.toLowerCase()}://)`);
    const kind = SCHEMES[scheme];
    if (kind === undefined)
        throw refusal(`unknown scheme '${scheme}://'`);
    if (!kinds.includes(kind))
        throw refusal();
    return kind === 'folder' ? fileLocation(given, refusal) : bucketLocation(kind, given, refusal);
}
/** Whether `text` is written as a URL (`scheme://…`), whichever scheme, rather than as a path. */
function isUrl(text) {
    return schemeOf(text.trim()) !== undefined;
}
function schemeOf(text) {
    return /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)?.[1];
}
/** `parseLocation` for an input: a refusal is an InputError (exit 2) naming `input`. */
function readLocation(input, text, rules) {
    try {
        return parseLocation(text, rules);
    }
    catch (err) {
        if (err instanceof LocationError)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, err.message, { cause: err });
        throw err;
    }
}
/** How a message names a location: its URL, or its folder. */
function describeLocation(location) {
    return location.kind === 'folder' ? location.path : location.url;
}
function bucketLocation(kind, given, refusal) {
    const { scheme, form, isValidName, rule } = BUCKET_KINDS[kind];
    const rest = given.slice(`${scheme}://`.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    if (!isValidName(bucket)) {
        // The message every caller gave before: the store's naming rule is what a user looks up.
        throw new LocationError(`got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(given)}, expected ${form} with ${rule}`);
    }
    const prefixText = slash < 0 ? '' : rest.slice(slash + 1).replace(/\/$/, '');
    if (prefixText !== '' && prefixText.split('/').includes(''))
        throw refusal(`the prefix has an empty part ('//')`);
    const prefix = prefixText === '' ? '' : `${prefixText}/`;
    return { kind, bucket, prefix, url: `${scheme}://${bucket}/${prefix}` };
}
function fileLocation(given, refusal) {
    if (!given.startsWith('file:///'))
        throw refusal('a file:// URL takes no host (file:///absolute/path)');
    try {
        return { kind: 'folder', path: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(given)) };
    }
    catch (err) {
        // fileURLToPath refuses an encoded `/` (%2F) in the path: name it rather than guess.
        throw refusal(err.message);
    }
}
/** `a, b or c`. */
function orList(items) {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}


/***/ }),

/***/ 55755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ openStore)
/* harmony export */ });
/* harmony import */ var _backends_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16606);
/* harmony import */ var _local_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42872);


/**
 * The store to read a location (`parseLocation`) from and the key prefix
 * inside it: a bucket and its prefix, or a folder and ''.
 */
function openStore(location, options) {
    if (location.kind === 'folder')
        return { store: new _local_js__WEBPACK_IMPORTED_MODULE_1__/* .LocalStore */ .V(location.path), prefix: '' };
    const bucketUrl = location.url.slice(0, location.url.length - location.prefix.length - 1);
    return { store: new LazyStore(bucketUrl, () => (0,_backends_js__WEBPACK_IMPORTED_MODULE_0__/* .backendFor */ .M)(location).then((backend) => backend.readStore(options))), prefix: location.prefix };
}
/**
 * A bucket store whose SDK loads on first use: most of a no-change re-pull
 * from a DVC remote never talks to the remote (the .dir manifests are
 * cached), and a cloud SDK is most of its start-up time.
 */
class LazyStore {
    description;
    load;
    inner;
    constructor(description, load) {
        this.description = description;
        this.load = load;
    }
    async *list(prefix) {
        yield* (await this.store()).list(prefix);
    }
    async *listAsOf(prefix, asOf) {
        yield* (await this.store()).listAsOf(prefix, asOf);
    }
    async head(key, versionId) {
        return (await this.store()).head(key, versionId);
    }
    async read(key, options) {
        return (await this.store()).read(key, options);
    }
    store() {
        this.inner ??= this.load();
        return this.inner;
    }
}


/***/ })

};
