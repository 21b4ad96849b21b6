export const id = 327;
export const ids = [327];
export const modules = {

/***/ 35327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UnknownRegistryError: () => (/* binding */ UnknownRegistryError),
/* harmony export */   openRegistry: () => (/* binding */ openRegistry),
/* harmony export */   parseRegistryLocation: () => (/* binding */ parseRegistryLocation)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49241);
/* harmony import */ var _storage_backends_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16606);
/* harmony import */ var _storage_location_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3328);




/** A registry URL of a scheme no backend serves. */
class UnknownRegistryError extends Error {
    name = 'UnknownRegistryError';
}
/** The forms this file reads itself, before the stores `parseLocation` reads. */
const REGISTRY_FORMS = ['mlflow+http://host:port', 'git-tags'];
/**
 * Parses a `registry` value: `mlflow+http(s)://host:port`, `git-tags` (the
 * workspace's repository; `git-tags:<dir>` for another), else a store
 * location (`parseLocation`: a folder path, `file:///abs/dir`,
 * `s3://bucket/prefix`, …); empty means `.mlops-ci/registry`.
 * Throws UnknownRegistryError for anything else.
 */
function parseRegistryLocation(value, workspace) {
    const text = value.trim() || _names_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_REGISTRY */ .sx;
    if (text === 'git-tags' || text.startsWith('git-tags:')) {
        return { kind: 'git-tags', repo: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, text.slice('git-tags:'.length) || '.') };
    }
    if (/^mlflow\+https?:\/\//.test(text)) {
        const url = new URL(text.slice('mlflow+'.length));
        return { kind: 'mlflow', baseUrl: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
    }
    try {
        return { kind: 'store', location: (0,_storage_location_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLocation */ .zS)(text, { base: workspace, otherForms: REGISTRY_FORMS }) };
    }
    catch (err) {
        if (err instanceof _storage_location_js__WEBPACK_IMPORTED_MODULE_2__/* .LocationError */ .KA)
            throw new UnknownRegistryError(err.message, { cause: err });
        throw err;
    }
}
/** The backend for a parsed location; each is loaded only when used. */
async function openRegistry(location, options) {
    switch (location.kind) {
        case 'store': {
            const [{ ObjectStoreRegistry }, store] = await Promise.all([
                __webpack_require__.e(/* import() */ 516).then(__webpack_require__.bind(__webpack_require__, 32516)),
                (0,_storage_backends_js__WEBPACK_IMPORTED_MODULE_1__/* .openBlobStore */ .n)(location.location, { env: options.env, ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}), ...(options.log ? { log: options.log } : {}) }),
            ]);
            return new ObjectStoreRegistry(store, options.log);
        }
        case 'mlflow': {
            const { MlflowRegistry, mlflowAuthFromEnv } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.bind(__webpack_require__, 90994));
            return new MlflowRegistry(location.baseUrl, mlflowAuthFromEnv(options.env));
        }
        case 'git-tags': {
            const { GitTagsRegistry } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(287)]).then(__webpack_require__.bind(__webpack_require__, 72287));
            return new GitTagsRegistry(location.repo, { env: options.env, push: options.push ?? false, bump: options.bump ?? 'patch' });
        }
    }
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


/***/ })

};
