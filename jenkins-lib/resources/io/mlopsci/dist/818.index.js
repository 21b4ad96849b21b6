export const id = 818;
export const ids = [818];
export const modules = {

/***/ 27562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ cacheStoreFor)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37638);
/* harmony import */ var _fs_place_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52300);
/* harmony import */ var _storage_location_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3328);
/* harmony import */ var _directory_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94648);




/**
 * The cache a step uses: the host's own (GitHub: @actions/cache; elsewhere a
 * folder under ~/.cache/mlops-ci) unless the `cache-url` input names another
 * place — a folder (path or file://) shared by Jenkins agents, or an object-store
 * prefix (s3://, gs://, azure://).
 * `maxBytes` caps a folder cache (default DEFAULT_CACHE_MAX_BYTES).
 */
async function cacheStoreFor(cacheUrl, host, input = 'cache-url', maxBytes) {
    const url = cacheUrl.trim();
    if (url === '')
        return host.cache;
    const location = (0,_storage_location_js__WEBPACK_IMPORTED_MODULE_2__/* .readLocation */ .mb)(input, url, { base: host.context.cwd });
    if (location.kind !== 'folder') {
        const { StoreCache } = await __webpack_require__.e(/* import() */ 346).then(__webpack_require__.bind(__webpack_require__, 26346));
        return StoreCache.at(location, host);
    }
    return directoryCache(location.path, url, host, input, maxBytes);
}
/**
 * A folder cache at `root`, made when missing. A path that exists and is not
 * a folder is bad input: every save and restore would only warn, and the
 * step would pass with a cache that never works.
 */
function directoryCache(root, given, host, input, maxBytes) {
    const kind = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_1__/* .placeKind */ .SD)(root);
    if (kind === 'missing' && (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_1__/* .nonFolderAncestor */ .hc)(root))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `got '${given}': a part of ${root} is a file, not a folder; give a folder for the cache (it is made when missing)`);
    if (kind === 'file' || kind === 'other')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `got '${given}': ${root} exists and is not a folder; give a folder for the cache (it is made when missing)`);
    return new _directory_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .DirectoryCache */ .Q(root, host, host.context.env, maxBytes);
}


/***/ }),

/***/ 66087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readInputText),
/* harmony export */   n_: () => (/* binding */ readInputTextIfExists)
/* harmony export */ });
/* unused harmony exports MAX_INPUT_FILE_BYTES, readInputFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37638);
/**
 * Reading a file a user named in an input, safely: only a regular file (a
 * FIFO would wait for a writer forever, `/dev/zero` never ends), only up to a
 * stated size, read with a bounded read (a file that grows, or reports size 0
 * like those in /proc, is still never read past the limit), and every refusal
 * is an InputError naming the input (exit 2).
 *
 * For any step: metrics, samples, rules and baseline files of the gate, the
 * gate results and data manifest promote-model reads.
 */




/** The default largest input file: 16 MiB, far above any metrics or rules file. */
const MAX_INPUT_FILE_BYTES = 16 * 1024 * 1024;
/**
 * The bytes of a user's input file.
 * @throws InputError(spec.input) when the file does not exist, cannot be
 *   opened, is not a regular file (directory, FIFO, device, socket) or is
 *   larger than `maxBytes`. Other I/O errors (EIO) are thrown as they are: a fault.
 */
async function readInputFile(spec) {
    const handle = await openRegularFile(spec);
    try {
        return await readBounded(handle, spec);
    }
    finally {
        await handle.close();
    }
}
/** `readInputFile` decoded as UTF-8. */
async function readInputText(spec) {
    return (await readInputFile(spec)).toString('utf8');
}
/**
 * `readInputText`, except that a file that does not exist is null rather
 * than an error (a baseline not written yet).
 */
async function readInputTextIfExists(spec) {
    try {
        return await readInputText(spec);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz && err.cause?.code === 'ENOENT')
            return null;
        throw err;
    }
}
async function openRegularFile(spec) {
    let handle;
    try {
        // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer; it changes nothing for a regular file.
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(spec.cwd, spec.file), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (err) {
        const reason = OPEN_ERRORS[err.code ?? ''];
        if (reason === undefined)
            throw err;
        throw refusal(spec, reason, err);
    }
    try {
        const info = await handle.stat();
        if (!info.isFile())
            throw refusal(spec, `it is ${kindOf(info)}, not a regular file`);
        if (info.size > limitOf(spec))
            throw tooLarge(spec, `it is ${formatBytes(info.size)}`);
        return handle;
    }
    catch (err) {
        await handle.close();
        throw err;
    }
}
/** Reads to the end, but never more than the limit: the size fstat gave is not trusted. */
async function readBounded(handle, spec) {
    const limit = limitOf(spec);
    const chunks = [];
    let total = 0;
    for (;;) {
        const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0)
            return Buffer.concat(chunks, total);
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > limit)
            throw tooLarge(spec, 'it grew while being read');
    }
}
/** Open errors that are the user's to fix, in words. */
const OPEN_ERRORS = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'a loop of symbolic links',
    ENOTDIR: 'a part of the path is not a folder',
    ENAMETOOLONG: 'the name is too long',
    ENXIO: 'it is a socket or a device with nothing behind it, not a regular file',
};
function kindOf(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a named pipe (FIFO)';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    if (info.isSocket())
        return 'a socket';
    return 'not a file';
}
function limitOf(spec) {
    return spec.maxBytes ?? MAX_INPUT_FILE_BYTES;
}
function tooLarge(spec, found) {
    return refusal(spec, `${found}, more than the ${formatBytes(limitOf(spec))} a ${spec.what} may be`);
}
function refusal(spec, reason, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(spec.input, `cannot read ${spec.what} '${spec.file}': ${reason}`, cause === undefined ? undefined : { cause });
}
/** 16 MiB, 1.5 GiB, 300 bytes. */
function formatBytes(bytes) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
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

/***/ 24818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* reexport */ planSetupEnv),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/core/src/env/cache-key.ts



/** Bumped when what a key covers changes, so old entries are never mistaken for new ones. */
const KEY_SCHEME = 'v1';
/**
 * Cache keys like setup-python's:
 * `mlops-ci-env-<os>-<arch>-<python>-<manager>-<hash of the lock inputs>[-suffix]`.
 * The hash covers every lock input's name and content, the extras, the
 * interpreter, and — for envs that cannot move — the env's absolute path.
 */
async function cacheKeys(plan, options) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const part = (text) => hash.update(`${text}\u0000`);
    part(KEY_SCHEME);
    part(plan.manager);
    for (const file of plan.files.lockInputs) {
        part(external_node_path_default().relative(plan.files.projectDir, file));
        hash.update(await (0,promises_.readFile)(file));
        part('');
    }
    part(`extras=${[...plan.extras].sort().join(',')}`);
    part(`interpreter=${plan.interpreter?.executable ?? ''}`);
    if (!options.relocatable)
        part(`path=${plan.envPath}`);
    const python = keyPart(pythonOf(plan));
    const head = `${osName(options.platform ?? process.platform)}-${options.arch ?? process.arch}-${python}-${plan.manager}`;
    const suffix = options.suffix ? `-${options.suffix}` : '';
    const digest = hash.digest('hex');
    return {
        env: `mlops-ci-env-${head}-${digest}${suffix}`,
        downloads: `mlops-ci-downloads-${head}-${digest}${suffix}`,
        downloadsPrefix: `mlops-ci-downloads-${head}-`,
    };
}
/** The Python part of the key: the interpreter's version, or conda's pin from environment.yml. */
function pythonOf(plan) {
    if (plan.interpreter)
        return plan.interpreter.version;
    return `py${plan.files.condaEnv?.python ?? 'any'}`;
}
function keyPart(text) {
    return text.replace(/[^A-Za-z0-9._]+/g, '_');
}
/** The names RUNNER_OS uses. */
function osName(platform) {
    return { linux: 'linux', darwin: 'macos', win32: 'windows' }[platform] ?? platform;
}

// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(96192);
;// CONCATENATED MODULE: ./packages/core/src/env/command.ts

/** How often a long install says it is still working, so the log never goes quiet. */
const HEARTBEAT_MS = 15_000;
/**
 * The one seam through which the env managers run programs: argv only, never
 * a shell string, so no user value (a path, an extra's name) is ever run as
 * code. `capture` is for short queries; `stream` is for installs, whose lines
 * go to the log as they come, with a heartbeat when the tool is silent.
 * Tests spy on it to assert exact commands (conda cannot run here).
 */
class CommandRunner {
    log;
    base;
    constructor(log, 
    /** Where every command starts: the run context's folder and environment (`host.context`). */
    base) {
        this.log = log;
        this.base = base;
    }
    capture(command, args, options = {}) {
        this.log.debug(`CommandRunner.capture: ${(0,exec/* formatCommand */.fE)(command, args)}`);
        return this.spawn(command, args, options, null);
    }
    async stream(command, args, options = {}) {
        const shown = (0,exec/* formatCommand */.fE)(command, args);
        this.log.info(`$ ${shown}`);
        const started = Date.now();
        const heartbeat = setInterval(() => this.log.info(`… ${command} still running (${Math.round((Date.now() - started) / 1000)} s)`), HEARTBEAT_MS);
        try {
            return await this.spawn(command, args, options, (line) => this.log.info(`  ${line}`));
        }
        finally {
            clearInterval(heartbeat);
        }
    }
    /** The environment a command gets: the base one, with the overrides applied. */
    environment(overrides = {}) {
        const env = { ...this.base.env };
        for (const [name, value] of Object.entries(overrides)) {
            if (value === undefined)
                delete env[name];
            else
                env[name] = value;
        }
        return env;
    }
    spawn(command, args, options, onLine) {
        const { cwd = this.base.cwd, ignoreReturnCode, timeoutMs } = options;
        return (0,exec/* execCapture */.Wp)(command, args, { cwd, env: this.environment(options.env), ignoreReturnCode, timeoutMs, onLine: onLine ?? undefined });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/env/fingerprint.ts

/**
 * Tools that come with a venv rather than from the project's resolution:
 * `python -m venv` seeds pip (and setuptools on older Pythons), `uv venv`
 * seeds nothing. Leaving them out lets two managers that resolve the same
 * set share a fingerprint.
 */
const SEED_PACKAGES = new Set(['pip', 'setuptools', 'wheel', 'distribute']);
/** Every distribution the env's Python can import metadata for, as [name, version]. */
const LIST_DISTRIBUTIONS = 'import importlib.metadata as m, json; print(json.dumps([[d.metadata["Name"] or "", d.version] for d in m.distributions()]))';
/** PEP 503: `Python_Dateutil` and `python.dateutil` are one project. */
function normalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/**
 * The packages installed in an env as sorted `name==version` lines (seed
 * tools excluded). Read through the env's own interpreter, so it works the
 * same for every manager, pip or no pip in the env.
 */
async function installedPackages(runner, python) {
    const result = await runner.capture(python, ['-c', LIST_DISTRIBUTIONS], { env: { PYTHONPATH: undefined, PYTHONHOME: undefined } });
    const pairs = JSON.parse(result.stdout);
    const lines = new Set();
    for (const [name, version] of pairs) {
        const normalized = normalizeName(name);
        if (normalized !== '' && !SEED_PACKAGES.has(normalized))
            lines.add(`${normalized}==${version}`);
    }
    return [...lines].sort();
}
/** sha256 of the `name==version` lines: equal for two envs that resolved to the same set. */
function fingerprintOf(packages) {
    return (0,external_node_crypto_.createHash)('sha256').update(packages.map((line) => `${line}\n`).join('')).digest('hex');
}
/** Whether pip is importable in the env (venv seeds it; uv and poetry envs may lack it). */
async function hasPip(runner, python) {
    const result = await runner.capture(python, ['-c', 'import importlib.util, sys; sys.exit(0 if importlib.util.find_spec("pip") else 1)'], { ignoreReturnCode: true });
    return result.exitCode === 0;
}

// EXTERNAL MODULE: ./packages/core/src/fs-atomic.ts
var fs_atomic = __webpack_require__(48162);
;// CONCATENATED MODULE: ./packages/core/src/env/health.ts




/**
 * Written into the env as the last act of a successful build: an env
 * without it (a build killed halfway, a partial restore) is never trusted.
 */
const MARKER_FILE = '.mlops-ci-env.json';
/**
 * Written into the env folder before a build or a restore puts anything
 * there, and removed once the env is whole: an env holding it was left by a
 * build or restore that was killed halfway, and is never trusted. With
 * MARKER_FILE it is also how the step knows a folder is its own to replace.
 */
const UNFINISHED_FILE = '.mlops-ci-unfinished';
/** The lock export made when the env was built, kept inside it. */
const LOCK_EXPORT_FILE = '.mlops-ci-lock-export.txt';
async function writeMarker(envPath, marker) {
    await (0,fs_atomic/* writeFileAtomic */.Z)(external_node_path_default().join(envPath, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}
/** Marks the env folder (made if missing) as being built or restored. */
async function markUnfinished(envPath) {
    await (0,promises_.mkdir)(envPath, { recursive: true });
    await (0,promises_.writeFile)(external_node_path_default().join(envPath, UNFINISHED_FILE), '');
}
/**
 * Empties the env folder for a build or restore, keeping it marked
 * unfinished all along: the mark goes in first and is the one entry not
 * removed, so a kill at any moment leaves a folder that is still the step's
 * own (to replace) and never trusted.
 */
async function clearEnvFolder(envPath) {
    await markUnfinished(envPath);
    for (const entry of await (0,promises_.readdir)(envPath)) {
        if (entry !== UNFINISHED_FILE)
            await (0,promises_.rm)(external_node_path_default().join(envPath, entry), { recursive: true, force: true });
    }
}
/** The env is whole: the last act of a build or restore. */
async function markFinished(envPath) {
    await (0,promises_.rm)(external_node_path_default().join(envPath, UNFINISHED_FILE), { force: true });
}
async function isUnfinished(envPath) {
    return (await (0,promises_.lstat)(external_node_path_default().join(envPath, UNFINISHED_FILE)).catch(() => null)) !== null;
}
async function readMarker(envPath) {
    try {
        return JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(envPath, MARKER_FILE), 'utf8'));
    }
    catch {
        return null;
    }
}
/**
 * The quick check a restored env must pass before it is used: it was built
 * whole for this key, its interpreter runs, it holds exactly the packages it
 * was built with, and their dependencies are consistent (`pip check`).
 */
async function checkHealth(manager, runner, key) {
    if (await isUnfinished(manager.plan.envPath))
        return { healthy: false, reason: `it holds ${UNFINISHED_FILE}: the build or restore that made it did not finish` };
    const marker = await readMarker(manager.plan.envPath);
    if (!marker)
        return { healthy: false, reason: `${MARKER_FILE} is missing or unreadable (the env was not saved whole)` };
    if (marker.key !== key)
        return { healthy: false, reason: `it was built for key ${marker.key}` };
    let packages;
    try {
        packages = await installedPackages(runner, manager.python);
    }
    catch (err) {
        return { healthy: false, reason: `its interpreter does not run: ${err.message.split('\n')[0]}` };
    }
    const fingerprint = fingerprintOf(packages);
    if (fingerprint !== marker.fingerprint)
        return { healthy: false, reason: `its packages changed since it was built (fingerprint ${fingerprint.slice(0, 12)}, built ${marker.fingerprint.slice(0, 12)})` };
    const problem = await manager.dependencyProblem().catch((err) => `the dependency check did not run: ${err.message}`);
    if (problem)
        return { healthy: false, reason: problem };
    return { healthy: true, packages, fingerprint };
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/core/src/env/project-files.ts




/** The lock file each manager builds from, in the order auto-detection tries them. */
const LOCK_FILES = [
    { manager: 'uv', names: ['uv.lock'] },
    { manager: 'poetry', names: ['poetry.lock'] },
    { manager: 'pipenv', names: ['Pipfile.lock'] },
    { manager: 'conda', names: ['environment.yml', 'environment.yaml'] },
];
/** Files that tell a reader what kind of project a folder is, listed when nothing fits. */
const INTERESTING = /^(requirements.*\.txt|constraints.*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile(\.lock)?|poetry\.lock|uv\.lock|environment\.ya?ml|\.python-version)$/;
/** The project files in `dir` a manager could use, sorted; for detection and for error messages. */
async function projectFileNames(dir) {
    const names = await (0,promises_.readdir)(dir).catch(() => []);
    return names.filter((name) => INTERESTING.test(name)).sort();
}
/** "found: Pipfile, requirements.txt" or "found no project file". */
function describeFound(names) {
    return names.length > 0 ? `found: ${names.join(', ')}` : 'found no requirements*.txt, pyproject.toml or lock file';
}
/** requirements.txt, else every requirements*.txt, sorted. */
function defaultRequirements(names) {
    if (names.includes('requirements.txt'))
        return ['requirements.txt'];
    return names.filter((name) => /^requirements.*\.txt$/.test(name));
}
async function isFile(file) {
    return (0,promises_.stat)(file).then((info) => info.isFile(), () => false);
}
/** Reads a file an input names; a missing one is that input's fault (exit 2). */
async function readInputFile(file, input) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `cannot read ${file}: ${err.code ?? err.message}`);
    }
}
/**
 * Checks a requirements file line by line: requirement specifiers, options
 * (`-r`, `-c`, `--hash`, `--only-binary`...), paths and URLs. pip itself would
 * reject the file later, after the env was made; this says which line, now.
 */
function checkRequirements(text, file, input) {
    for (const { line: raw, number } of logicalLines(text)) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (line === '' || line.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/'))
            continue;
        // name[extras] (specifiers) (; marker) (--hash ...), or name @ url
        const requirement = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,\s-]*\])?\s*(@\s*\S+|\(?\s*((===?|!=|~=|>=?|<=?)\s*[A-Za-z0-9.*+!_-]+\s*,?\s*)*\)?)?\s*(;[^-]*)?(\s+--hash[=\s]\S+)*$/;
        if (!requirement.test(line))
            throw new errors/* InputError */.dz(input, `${file} line ${number} is not a requirement pip understands: '${line}'`);
    }
}
/** Lines as pip reads them: a trailing backslash continues on the next line; `number` is where each starts. */
function logicalLines(text) {
    const lines = [];
    let pending = null;
    for (const [index, physical] of text.split(/\r?\n/).entries()) {
        const current = pending ? { line: `${pending.line} ${physical}`, number: pending.number } : { line: physical, number: index + 1 };
        pending = current.line.endsWith('\\') ? { line: current.line.slice(0, -1), number: current.number } : null;
        if (!pending)
            lines.push(current);
    }
    if (pending)
        lines.push(pending);
    return lines;
}
/** Pipfile.lock: JSON with `_meta` and a `default` section. */
function checkPipfileLock(text, file, input) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `${file} does not parse as JSON: ${err.message}`);
    }
    if (!isObject(parsed) || !isObject(parsed['_meta']) || !isObject(parsed['default'])) {
        throw new errors/* InputError */.dz(input, `${file} is not a Pipfile.lock: expected a JSON object with "_meta" and "default"`);
    }
}
/** poetry.lock and uv.lock: TOML with a `package` array (uv also a `version`). */
function checkTomlLock(text, file, input, kind) {
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `${file} does not parse as TOML: ${firstLine(err.message)}`);
    }
    const packages = parsed['package'];
    const valid = (packages === undefined || Array.isArray(packages)) && (kind === 'poetry' ? isObject(parsed['metadata']) : typeof parsed['version'] === 'number');
    if (!valid)
        throw new errors/* InputError */.dz(input, `${file} is not a ${kind} lock file: expected ${kind === 'poetry' ? 'a [metadata] table' : 'a version number'} and [[package]] entries`);
}
/** pyproject.toml must parse wherever a manager reads it. */
function checkPyproject(text, file, input) {
    try {
        (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `${file} does not parse as TOML: ${firstLine(err.message)}`);
    }
}
/**
 * environment.yml as conda reads it: `name`, `channels`, `dependencies`
 * (strings, and one `pip:` list). The python pin is picked out so the cache
 * key can name it.
 */
function parseEnvironmentYml(text, file, input) {
    let parsed;
    try {
        parsed = yaml_dist.parse(text, { prettyErrors: false });
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `${file} does not parse as YAML: ${firstLine(err.message)}`);
    }
    if (!isObject(parsed) || !Array.isArray(parsed['dependencies'])) {
        throw new errors/* InputError */.dz(input, `${file} is not a conda environment file: expected a mapping with a 'dependencies' list`);
    }
    const channels = parsed['channels'] ?? [];
    if (!Array.isArray(channels) || !channels.every((channel) => typeof channel === 'string')) {
        throw new errors/* InputError */.dz(input, `${file}: 'channels' must be a list of channel names`);
    }
    const dependencies = [];
    const pip = [];
    for (const dependency of parsed['dependencies']) {
        if (typeof dependency === 'string')
            dependencies.push(dependency.trim());
        else if (isObject(dependency) && Array.isArray(dependency['pip']) && dependency['pip'].every((item) => typeof item === 'string'))
            pip.push(...dependency['pip']);
        else
            throw new errors/* InputError */.dz(input, `${file}: dependency ${JSON.stringify(dependency)} is neither a package spec nor a 'pip:' list`);
    }
    const name = typeof parsed['name'] === 'string' ? parsed['name'] : null;
    return { file, name, channels: channels, dependencies, pip, python: pythonPin(dependencies) };
}
/** `python=3.11`, `python>=3.10`, `conda-forge::python=3.11.7=h…` → the version part; null when unpinned. */
function pythonPin(dependencies) {
    for (const dependency of dependencies) {
        const match = /^(?:[\w.-]+::)?python(?:\s*([=<>!~]=?)\s*([\d.*]+))?(?:[=\s].*)?$/.exec(dependency);
        if (match)
            return match[2] ? match[2].replace(/\.\*$/, '') : null;
    }
    return null;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}

;// CONCATENATED MODULE: ./packages/core/src/env/detect.ts




/** The family name `conda` picks whichever tool is installed, micromamba first (fastest, one binary). */
const CONDA_TOOLS = ['micromamba', 'mamba', 'conda'];
/**
 * The manager for `auto`: the given lock file's name, else given
 * requirements (venv), else the first lock file in the folder (uv.lock,
 * poetry.lock, Pipfile.lock, environment.yml), else requirements*.txt or
 * pyproject.toml (venv). Nothing to build from is bad input.
 */
async function detectManager(dir, overrides) {
    if (overrides.lockFile) {
        const base = external_node_path_default().basename(overrides.lockFile);
        const owner = LOCK_FILES.find((entry) => entry.names.includes(base));
        if (owner)
            return owner.manager;
        throw new errors/* InputError */.dz('lock-file', `cannot tell the manager from the name '${base}': name it ${LOCK_FILES.flatMap((entry) => entry.names).join(', ')}, or set manager`);
    }
    if (overrides.requirements.length > 0)
        return 'venv';
    const names = await projectFileNames(dir);
    for (const entry of LOCK_FILES)
        if (entry.names.some((name) => names.includes(name)))
            return entry.manager;
    if (defaultRequirements(names).length > 0 || names.includes('pyproject.toml'))
        return 'venv';
    throw new errors/* InputError */.dz('manager', `auto found nothing to build an env from in ${dir} (${describeFound(names)}); add a requirements.txt, pyproject.toml or lock file, or set working-directory`);
}
/**
 * Finds and parses the files `manager` builds from, before any work: a lock
 * file that does not parse, or a forced manager without its lock file, ends
 * the step here (exit 2) with what was found.
 */
async function readProjectFiles(manager, dir, overrides) {
    if (manager === 'venv')
        return readVenvFiles(dir, overrides);
    const lockFile = overrides.lockFile ?? (await findLockFile(manager, dir));
    const projectDir = external_node_path_default().dirname(lockFile);
    const text = await readInputFile(lockFile, 'lock-file');
    const none = { requirements: [], constraints: null, condaEnv: null };
    switch (manager) {
        case 'pipenv': {
            checkPipfileLock(text, lockFile, 'lock-file');
            const pipfile = external_node_path_default().join(projectDir, 'Pipfile');
            if (!(await isFile(pipfile)))
                throw new errors/* InputError */.dz('lock-file', `pipenv sync needs the Pipfile beside ${lockFile}; it is missing`);
            return { ...none, projectDir, lockInputs: [lockFile] };
        }
        case 'poetry':
        case 'uv': {
            checkTomlLock(text, lockFile, 'lock-file', manager);
            const pyproject = external_node_path_default().join(projectDir, 'pyproject.toml');
            checkPyproject(await readInputFile(pyproject, 'lock-file'), pyproject, 'lock-file');
            return { ...none, projectDir, lockInputs: [lockFile, pyproject] };
        }
        case 'conda':
        case 'mamba':
        case 'micromamba':
            return { ...none, projectDir, lockInputs: [lockFile], condaEnv: parseEnvironmentYml(text, lockFile, 'lock-file') };
    }
}
async function findLockFile(manager, dir) {
    const family = CONDA_TOOLS.includes(manager) ? 'conda' : manager;
    const names = LOCK_FILES.find((entry) => entry.manager === family)?.names ?? [];
    for (const name of names) {
        const file = external_node_path_default().join(dir, name);
        if (await isFile(file))
            return file;
    }
    throw new errors/* InputError */.dz('manager', `${manager} needs ${names.join(' or ')} in ${dir} (or the lock-file input); ${describeFound(await projectFileNames(dir))}`);
}
/** Requirements files (given, or requirements.txt / requirements*.txt), else pyproject.toml; constraints.txt when present. */
async function readVenvFiles(dir, overrides) {
    const names = await projectFileNames(dir);
    const requirements = overrides.requirements.length > 0 ? [...overrides.requirements] : defaultRequirements(names).map((name) => external_node_path_default().join(dir, name));
    const constraintsFile = external_node_path_default().join(dir, 'constraints.txt');
    const constraints = (await isFile(constraintsFile)) ? constraintsFile : null;
    if (requirements.length === 0) {
        const pyproject = external_node_path_default().join(dir, 'pyproject.toml');
        if (!(await isFile(pyproject)))
            throw new errors/* InputError */.dz('manager', `venv needs requirements*.txt or pyproject.toml in ${dir} (or the requirements input); ${describeFound(names)}`);
        checkPyproject(await readInputFile(pyproject, 'requirements'), pyproject, 'requirements');
        return { projectDir: dir, lockInputs: [pyproject, ...(constraints ? [constraints] : [])], requirements: [], constraints, condaEnv: null };
    }
    const lockInputs = new Set();
    for (const file of [...requirements, ...(constraints ? [constraints] : [])])
        await collectRequirementFiles(file, lockInputs);
    return { projectDir: dir, lockInputs: [...lockInputs], requirements, constraints, condaEnv: null };
}
/** A requirements file and those it includes (`-r`, `-c`), each checked: all of them decide the env. */
async function collectRequirementFiles(file, seen) {
    if (seen.has(file))
        return;
    seen.add(file);
    const text = await readInputFile(file, 'requirements');
    checkRequirements(text, file, 'requirements');
    for (const line of text.split(/\r?\n/)) {
        const include = /^\s*(?:-r|--requirement|-c|--constraint)[=\s]\s*(\S+)/.exec(line)?.[1];
        if (include && !/^[a-z]+:\/\//i.test(include))
            await collectRequirementFiles(external_node_path_default().resolve(external_node_path_default().dirname(file), include), seen);
    }
}
/** The conda tool `manager` means: `conda` is the family (micromamba preferred), the others themselves. */
async function resolveCondaTool(manager, env) {
    const wanted = manager === 'conda' ? CONDA_TOOLS : [manager];
    for (const tool of wanted)
        if (await onPath(tool, env))
            return tool;
    throw new Error(`environment.yml needs ${wanted.join(', ')} on PATH, and none was found: install micromamba (or use setup-miniconda) before this step`);
}
/** The full path of `command` on PATH, or null. */
async function onPath(command, env) {
    for (const dir of (env['PATH'] ?? '').split((external_node_path_default()).delimiter)) {
        if (dir === '')
            continue;
        const file = external_node_path_default().join(dir, command);
        const found = await (0,promises_.access)(file, promises_.constants.X_OK).then(() => true, () => false);
        if (found)
            return file;
    }
    return null;
}

;// CONCATENATED MODULE: ./packages/core/src/env/managers/base.ts






/**
 * One way of building a Python env. The flow is the same for every manager
 * (the template method `create`): start from an empty place, make the env,
 * install the locked set into it, and leave nothing behind when that fails.
 * Each manager says how it makes and fills the env, and what it reads.
 */
class EnvManager {
    plan;
    runner;
    constructor(plan, runner) {
        this.plan = plan;
        this.runner = runner;
    }
    /** The env's interpreter. */
    get python() {
        return external_node_path_default().join(this.plan.envPath, 'bin', 'python');
    }
    /** The folder added to PATH for the following steps. */
    get binDir() {
        return external_node_path_default().join(this.plan.envPath, 'bin');
    }
    /**
     * Whether makeEnv makes the env in a folder that already holds the
     * unfinished mark (venv, virtualenv, `uv venv --allow-existing` do; conda's
     * create refuses a folder that is not an env).
     */
    makesEnvInMarkedFolder = true;
    /**
     * Builds the env from scratch; on any failure the half-built env is
     * emptied. The folder is marked unfinished from before the old env is
     * removed until the caller marks it finished, so a build killed at any
     * point is never trusted, and the folder stays recognisably the step's own
     * (conda: from the moment its create has made the env).
     */
    async create() {
        await clearEnvFolder(this.plan.envPath);
        if (!this.makesEnvInMarkedFolder)
            await (0,promises_.rm)(this.plan.envPath, { recursive: true, force: true });
        try {
            await this.makeEnv();
            await markUnfinished(this.plan.envPath);
            await this.install();
        }
        catch (err) {
            await clearEnvFolder(this.plan.envPath);
            throw err;
        }
    }
    /**
     * The dependency check of the health check: `pip check` — through uv when
     * it is on PATH (the same check, without pip's second of start-up on a big
     * env), else the env's own pip. Returns the problem, or null when consistent.
     */
    async dependencyProblem() {
        const env = this.toolEnv();
        let result;
        if (await onPath('uv', this.runner.environment(env))) {
            result = await this.runner.capture('uv', ['pip', 'check', '--python', this.python], { ignoreReturnCode: true, env });
        }
        else if (await hasPip(this.runner, this.python)) {
            result = await this.runner.capture(this.python, ['-m', 'pip', 'check', '--disable-pip-version-check'], { ignoreReturnCode: true, env });
        }
        else {
            return null; // neither uv nor pip: the fingerprint check is all there is
        }
        return result.exitCode === 0 ? null : `pip check failed: ${(result.stdout + result.stderr).trim()}`;
    }
    /** Trims the download cache before it is saved (default: nothing to trim). */
    async trimDownloadCache() { }
    /**
     * Writes what was installed, for lineage: `pip freeze` (through uv when it
     * is on PATH: the same format, without pip's start-up on a big env), or the
     * package list when the env has neither.
     */
    async exportLock(file) {
        const env = this.toolEnv();
        const freeze = (await onPath('uv', this.runner.environment(env)))
            ? { command: 'uv', args: ['pip', 'freeze', '--python', this.python] }
            : (await hasPip(this.runner, this.python))
                ? { command: this.python, args: ['-m', 'pip', 'freeze', '--disable-pip-version-check'] }
                : null;
        if (freeze) {
            const result = await this.runner.capture(freeze.command, freeze.args, { env });
            await (0,fs_atomic/* writeFileAtomic */.Z)(file, result.stdout);
            return;
        }
        const packages = await installedPackages(this.runner, this.python);
        await (0,fs_atomic/* writeFileAtomic */.Z)(file, `# ${this.name} env without pip: installed distributions\n${packages.join('\n')}\n`);
    }
    /** `python -m venv`: the default way to make the env that the manager then fills. */
    async makeEnv() {
        await this.runner.stream(this.interpreter(), ['-m', 'venv', this.plan.envPath], { env: this.toolEnv() });
    }
    /**
     * What every command of this manager runs with: the download cache, and the
     * env "activated" (VIRTUAL_ENV, its bin first on PATH) so a tool that picks
     * its env from the environment (pipenv, poetry) installs into ours.
     */
    toolEnv() {
        const env = {
            VIRTUAL_ENV: this.plan.envPath,
            PATH: [this.binDir, this.runner.environment()['PATH'] ?? ''].join((external_node_path_default()).delimiter),
            PYTHONHOME: undefined,
            PIP_DISABLE_PIP_VERSION_CHECK: '1',
            PIP_NO_INPUT: '1',
        };
        for (const name of this.downloadCacheVariables)
            env[name] = this.plan.downloadCache;
        return env;
    }
    interpreter() {
        if (!this.plan.interpreter)
            throw new Error(`${this.name}: no interpreter was chosen to make the env`);
        return this.plan.interpreter.executable;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/env/managers/conda.ts


/**
 * conda, mamba and micromamba: one `create` from environment.yml into the env
 * path (its `pip:` section included: the tool runs pip itself). Conda envs
 * hold absolute paths (prefix replacement at install), so they are not
 * relocatable. The lock export is the explicit package list, with URLs and
 * md5s, which `create --file` can rebuild exactly.
 */
class CondaManager extends EnvManager {
    relocatable = false;
    downloadCacheVariables = ['CONDA_PKGS_DIRS'];
    makesEnvInMarkedFolder = false;
    get name() {
        return this.plan.tool;
    }
    /** The exact command that builds the env (micromamba's `create -f`, conda's and mamba's `env create -f`). */
    createCommand() {
        const file = this.condaFile();
        if (this.name === 'micromamba')
            return { command: 'micromamba', args: ['create', '--yes', '--prefix', this.plan.envPath, '--file', file] };
        return { command: this.name, args: ['env', 'create', '--prefix', this.plan.envPath, '--file', file] };
    }
    /** The exact command that writes the explicit lock of the env. */
    exportCommand() {
        if (this.name === 'micromamba')
            return { command: 'micromamba', args: ['env', 'export', '--explicit', '--prefix', this.plan.envPath] };
        return { command: this.name, args: ['list', '--explicit', '--md5', '--prefix', this.plan.envPath] };
    }
    async makeEnv() {
        const { command, args } = this.createCommand();
        await this.runner.stream(command, args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
    }
    async install() {
        // Everything, pip section included, was installed by create.
    }
    async exportLock(file) {
        const { command, args } = this.exportCommand();
        const result = await this.runner.capture(command, args, { env: this.toolEnv() });
        await (0,fs_atomic/* writeFileAtomic */.Z)(file, result.stdout);
    }
    toolEnv() {
        // A conda env is not a venv: do not pretend it is one.
        return { ...super.toolEnv(), VIRTUAL_ENV: undefined };
    }
    condaFile() {
        const env = this.plan.files.condaEnv;
        if (!env)
            throw new Error(`${this.name}: no environment.yml was read`);
        return env.file;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/env/managers/pipenv.ts




/**
 * pipenv: `pipenv sync`, never `install`, so Pipfile.lock is installed as
 * locked and never re-resolved. pipenv uses the env named by VIRTUAL_ENV
 * (set by toolEnv), so it fills the venv we made with the chosen interpreter.
 */
class PipenvManager extends EnvManager {
    name = 'pipenv';
    relocatable = false;
    downloadCacheVariables = ['PIP_CACHE_DIR', 'PIPENV_CACHE_DIR'];
    /**
     * The env as pipenv makes it: with virtualenv, pipenv's own dependency, from
     * pipenv's installation. It seeds pip from wheels it keeps instead of
     * `python -m venv`'s ensurepip, the slowest part of making an env
     * (bench/setup-env/README.md). Without one beside
     * pipenv: the plain venv.
     */
    async makeEnv() {
        const virtualenv = await this.virtualenvBesidePipenv();
        if (!virtualenv)
            return super.makeEnv();
        // --no-periodic-update: no background download of newer seed wheels from a CI job.
        await this.runner.stream(virtualenv, ['--no-periodic-update', '--python', this.interpreter(), this.plan.envPath], { env: this.toolEnv() });
    }
    async virtualenvBesidePipenv() {
        const pipenv = await onPath('pipenv', this.runner.environment());
        if (!pipenv)
            return null;
        // pipx and the like put a symlink on PATH: virtualenv sits beside the real script.
        const bin = external_node_path_default().dirname(await (0,promises_.realpath)(pipenv));
        return onPath('virtualenv', { PATH: bin });
    }
    async install() {
        const args = ['sync'];
        // Pipfile groups ("categories"): the default one plus each extra named.
        if (this.plan.extras.length > 0)
            args.push('--categories', ['packages', ...this.plan.extras].join(' '));
        await this.runner.stream('pipenv', args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
    }
    toolEnv() {
        return {
            ...super.toolEnv(),
            PIPENV_PIPFILE: external_node_path_default().join(this.plan.files.projectDir, 'Pipfile'),
            PIPENV_IGNORE_VIRTUALENVS: undefined,
            PIPENV_ACTIVE: undefined,
            PIPENV_YES: '1',
            PIPENV_NOSPIN: '1',
        };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/env/managers/poetry.ts

/**
 * poetry: `poetry sync` (poetry 2; `install --sync` before it) installs
 * exactly poetry.lock and removes anything else. Poetry uses the active env
 * (VIRTUAL_ENV, set by toolEnv) instead of creating its own.
 */
class PoetryManager extends EnvManager {
    name = 'poetry';
    relocatable = false;
    downloadCacheVariables = ['POETRY_CACHE_DIR'];
    /** Poetry installs with its own installer, not the env's pip: seeding pip would only cost seconds. */
    async makeEnv() {
        await this.runner.stream(this.interpreter(), ['-m', 'venv', '--without-pip', this.plan.envPath], { env: this.toolEnv() });
    }
    async install() {
        const args = ['sync', '--no-interaction'];
        for (const extra of this.plan.extras)
            args.push('--extras', extra);
        await this.runner.stream('poetry', args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
    }
    toolEnv() {
        const env = this.runner.environment();
        return {
            ...super.toolEnv(),
            POETRY_VIRTUALENVS_CREATE: 'false',
            POETRY_NO_INTERACTION: '1',
            // Poetry gives up on the first dropped connection by default; CI networks drop some.
            POETRY_REQUESTS_MAX_RETRIES: env['POETRY_REQUESTS_MAX_RETRIES'] ?? '3',
        };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/env/managers/uv.ts

/**
 * uv: `uv venv --relocatable` then `uv sync --locked`, which installs uv.lock
 * exactly and fails when the lock no longer matches pyproject.toml. uv is the
 * one manager whose venvs survive a move, so its cache key leaves out the path.
 */
class UvManager extends EnvManager {
    name = 'uv';
    relocatable = true;
    downloadCacheVariables = ['UV_CACHE_DIR'];
    async makeEnv() {
        // --allow-existing: the folder already holds the unfinished mark (see create).
        await this.runner.stream('uv', ['venv', '--relocatable', '--allow-existing', '--python', this.interpreter(), this.plan.envPath], { cwd: this.plan.files.projectDir, env: this.toolEnv() });
    }
    async install() {
        const args = ['sync', '--locked', '--python', this.python];
        for (const extra of this.plan.extras)
            args.push('--extra', extra);
        await this.runner.stream('uv', args, { cwd: this.plan.files.projectDir, env: this.toolEnv() });
    }
    /**
     * `uv cache prune --ci` keeps the downloaded wheels and drops what uv
     * unpacked or built from them, which is as quick to redo as to restore —
     * the cache saved is a fraction of the size (setup-uv does the same).
     */
    async trimDownloadCache() {
        await this.runner.capture('uv', ['cache', 'prune', '--ci'], { env: this.toolEnv() });
    }
    toolEnv() {
        // Never download a Python: the interpreter is the one python-version chose.
        return { ...super.toolEnv(), UV_PROJECT_ENVIRONMENT: this.plan.envPath, UV_PYTHON_DOWNLOADS: 'never', UV_NO_PROGRESS: '1' };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/env/managers/venv.ts

/**
 * `python -m venv` + pip: the requirements files (with constraints.txt when
 * present; pip checks `--hash` pins by itself once any line has one), or the
 * project from pyproject.toml with its extras.
 */
class VenvManager extends EnvManager {
    name = 'venv';
    relocatable = false;
    downloadCacheVariables = ['PIP_CACHE_DIR'];
    async install() {
        const { files, extras } = this.plan;
        const args = ['-m', 'pip', 'install', '--progress-bar', 'off'];
        if (files.requirements.length > 0) {
            for (const file of files.requirements)
                args.push('--requirement', file);
        }
        else {
            args.push(extras.length > 0 ? `.[${extras.join(',')}]` : '.');
        }
        if (files.constraints)
            args.push('--constraint', files.constraints);
        await this.runner.stream(this.python, args, { cwd: files.projectDir, env: this.toolEnv() });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/env/managers/factory.ts





/** The manager that builds `plan`; throws on a name no manager has (a programming error by then). */
function createManager(plan, runner) {
    switch (plan.manager) {
        case 'venv':
            return new VenvManager(plan, runner);
        case 'pipenv':
            return new PipenvManager(plan, runner);
        case 'poetry':
            return new PoetryManager(plan, runner);
        case 'uv':
            return new UvManager(plan, runner);
        case 'conda':
        case 'mamba':
        case 'micromamba':
            return new CondaManager(plan, runner);
        default:
            throw new Error(`no env manager named '${String(plan.manager)}'`);
    }
}

// EXTERNAL MODULE: ./packages/core/src/steps/summary.ts
var summary = __webpack_require__(18669);
// EXTERNAL MODULE: ./packages/core/src/fs-input.ts
var fs_input = __webpack_require__(66087);
;// CONCATENATED MODULE: ./packages/core/src/env/env-folder.ts




/**
 * The env folder setup-env will use, checked before any work: the step
 * removes and replaces that folder wholesale, so it must be one the step may
 * replace — missing, empty, or an env this step made (it holds the
 * completion marker, or the unfinished mark of a build or restore that was
 * killed). Anything else is the user's (a data folder, a sibling project,
 * `/`) and is refused with exit 2 naming `env-name`, nothing touched.
 *
 * Envs built before the unfinished mark existed are still recognised: every
 * version of the step wrote the completion marker as the last act of a build.
 * Only a build of such a version killed halfway holds neither; it is refused
 * like any other folder, and deleting it by hand is the way out.
 */
async function replaceableEnvPath(name, workDir) {
    const envPath = external_node_path_default().resolve(workDir, name);
    if (isSelfOrAncestor(envPath, workDir)) {
        throw new errors/* InputError */.dz('env-name', `got '${name}', which is the project folder or above it; name a folder of its own such as .venv`);
    }
    const info = await (0,promises_.lstat)(envPath).catch((err) => {
        if (err.code === 'ENOENT')
            return null;
        throw new errors/* InputError */.dz('env-name', `got '${name}': ${envPath} cannot be inspected (${err.code ?? err.message})`);
    });
    if (info === null)
        return envPath;
    if (!info.isDirectory())
        throw new errors/* InputError */.dz('env-name', `got '${name}', which is not a folder (${envPath} is a ${info.isSymbolicLink() ? 'symbolic link' : 'file'}); name a folder for the env such as .venv`);
    const entries = await (0,promises_.readdir)(envPath);
    if (entries.length === 0 || entries.includes(MARKER_FILE) || entries.includes(UNFINISHED_FILE))
        return envPath;
    throw new errors/* InputError */.dz('env-name', `got '${name}', which holds files this step did not make (${envPath}: ${entries.length} entries, no ${MARKER_FILE}). setup-env replaces its env folder wholesale, so it only takes a missing or empty folder or an env it built: name another folder, or empty this one yourself`);
}
/** Whether `dir` is `workDir` itself or a folder above it (`/` included). */
function isSelfOrAncestor(dir, workDir) {
    const below = external_node_path_default().relative(dir, workDir);
    return below === '' || (below !== '..' && !below.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(below));
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./packages/core/src/env/python-version.ts
/**
 * `python-version` values and how an interpreter's version is matched
 * against them. Accepted forms (the ones setup-python users and PEP 440
 * write): `3`, `3.11`, `3.11.7`, `3.11.x`, and comma-separated clauses
 * `>=3.10,<3.13`, `==3.11.*`, `~=3.10`, `!=3.12.0`.
 */
const ACCEPTED_FORMS = '3.11, 3.11.7, 3.x, >=3.10,<3.13, ==3.11.*, ~=3.10';
/** Parses a version spec; returns null when the text is not one (the caller names the input). */
function parseVersionSpec(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return null;
    const clauses = [];
    for (const part of trimmed.split(',').map((piece) => piece.trim())) {
        const clause = parseClause(part);
        if (!clause)
            return null;
        clauses.push(clause);
    }
    return { text: trimmed, clauses };
}
function parseClause(text) {
    const bare = /^(\d+(?:\.\d+){0,2})(?:\.[x*])?$/.exec(text);
    if (bare?.[1])
        return { op: 'prefix', version: numbers(bare[1]) };
    const match = /^(==|!=|>=|<=|~=|>|<)\s*(\d+(?:\.\d+){0,2})(\.\*)?$/.exec(text);
    if (!match?.[1] || !match[2])
        return null;
    const op = match[1];
    if (match[3])
        return op === '==' ? { op: 'prefix', version: numbers(match[2]) } : null;
    if (op === '~=' && numbers(match[2]).length < 2)
        return null; // PEP 440: ~=3 means nothing
    return { op, version: numbers(match[2]) };
}
/** `3.11.7` or `3.13.0rc1` → [3, 11, 7] / [3, 13, 0]. */
function numbers(version) {
    return version
        .split('.')
        .slice(0, 3)
        .map((part) => Number.parseInt(part, 10))
        .filter((part) => Number.isFinite(part));
}
function satisfies(version, spec) {
    const have = numbers(version);
    return spec.clauses.every((clause) => satisfiesClause(have, clause));
}
function satisfiesClause(have, clause) {
    const order = compare(have, clause.version);
    switch (clause.op) {
        case 'prefix':
            return clause.version.every((part, index) => have[index] === part);
        case '==':
            return order === 0;
        case '!=':
            return order !== 0;
        case '>=':
            return order >= 0;
        case '<=':
            return order <= 0;
        case '>':
            return order > 0;
        case '<':
            return order < 0;
        case '~=': {
            // ~=3.10 means >=3.10 and ==3.*; ~=3.10.2 means >=3.10.2 and ==3.10.*
            const prefix = clause.version.slice(0, -1);
            return order >= 0 && prefix.every((part, index) => have[index] === part);
        }
    }
}
/** Compares version tuples, a missing part counting as 0. */
function compare(a, b) {
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
        const diff = (a[index] ?? 0) - (b[index] ?? 0);
        if (diff !== 0)
            return diff;
    }
    return 0;
}

;// CONCATENATED MODULE: ./packages/core/src/env/python-discovery.ts





/** A folder name that states a full version: `3.11.7`, `cpython-3.11.7-linux-x86_64-gnu`; not `3.11`, `3.13t` or `pypy3.10-…`. */
const FOLDER_VERSION = /^(?:cpython-)?(\d+\.\d+\.\d+)(?:-|$)/;
/** Printed by each candidate: executable, version, and whether it is itself inside a venv. */
const PROBE = 'import sys, platform; print(sys.executable); print(platform.python_version()); print(int(sys.prefix != sys.base_prefix))';
const PROBE_TIMEOUT_MS = 15_000;
const MINOR_NAMES = Array.from({ length: 15 }, (_, minor) => `python3.${minor + 6}`);
/**
 * Every interpreter on this machine (with `firstOnly`, the first that runs), in the order a user would expect the
 * default to come from: PATH first, then pyenv's versions, uv-managed
 * pythons and the runner's tool cache (setup-python's layout). Interpreters
 * inside a venv are left out: a venv made from another venv's python breaks
 * when that venv goes. Candidates that fail to run (a pyenv shim for a
 * version not selected) are skipped. With `matching`, installs whose folder
 * names a version outside it are not even started: each probe is a Python
 * start-up, and a machine with many versions pays for all of them every run.
 */
async function findInterpreters(runner, env, options = {}) {
    const firstOnly = options.firstOnly ?? false;
    const { matching } = options;
    const all = await uniqueCandidates([...(await python_discovery_onPath(env, { withShims: firstOnly })), ...(await managedInterpreters(env))]);
    const candidates = matching ? all.filter((candidate) => !candidate.folderVersion || satisfies(candidate.folderVersion, matching)) : all;
    if (firstOnly)
        return firstRunnable(runner, candidates);
    const probed = await Promise.all(candidates.map((candidate) => probe(runner, candidate)));
    const seen = new Set();
    const found = [];
    for (const interpreter of probed) {
        if (!interpreter)
            continue;
        // python, python3 and python3.11 of one install are one interpreter.
        const real = await (0,promises_.realpath)(interpreter.executable).catch(() => interpreter.executable);
        if (seen.has(real))
            continue;
        seen.add(real);
        found.push(interpreter);
    }
    return found;
}
/** Without a version to match, the default is the first that runs: no need to start every Python there is. */
async function firstRunnable(runner, candidates) {
    for (const candidate of candidates) {
        const interpreter = await probe(runner, candidate);
        if (interpreter)
            return [interpreter];
    }
    return [];
}
/**
 * The interpreter to build with: the highest version satisfying `spec`
 * (ties: discovery order), or, without a spec, the first found (PATH's python3).
 */
function chooseInterpreter(found, spec) {
    if (!spec)
        return found[0];
    const matching = found.filter((interpreter) => satisfies(interpreter.version, spec));
    return [...matching].sort((a, b) => compare(numbers(b.version), numbers(a.version)))[0];
}
/**
 * The oldest Python setup-env makes an env from: the env's package list and
 * fingerprint are read with `importlib.metadata`, new in 3.8. An older one
 * would be built and then end in a Python traceback, so it is refused while
 * planning, before anything is made.
 */
const MIN_PYTHON = '3.8';
/**
 * The chosen interpreter, when setup-env supports it; an older one is bad
 * input (exit 2) of `input`, the input that chose it or, when nothing was
 * asked for, the one that would choose another.
 */
function requireSupported(chosen, input, asked) {
    if (compare(numbers(chosen.version), numbers(MIN_PYTHON)) >= 0)
        return chosen;
    const found = `Python ${describeInterpreters([chosen])}`;
    const why = `older than ${MIN_PYTHON}, the oldest setup-env supports (it reads the env's packages with importlib.metadata)`;
    if (asked)
        throw new errors/* InputError */.dz(input, `'${asked.text}' chose ${found}, ${why}: ask for ${MIN_PYTHON} or newer`);
    throw new errors/* InputError */.dz(input, `not given, and the default interpreter is ${found}, ${why}: give ${input} ${MIN_PYTHON} or newer, or put a newer python3 first on PATH`);
}
/** "3.11.7 (/usr/bin/python3, PATH)", for the error that lists what was found. */
function describeInterpreters(found) {
    if (found.length === 0)
        return 'no Python interpreter at all';
    return found.map((interpreter) => `${interpreter.version} (${interpreter.executable}, ${interpreter.source})`).join('; ');
}
async function probe(runner, candidate) {
    try {
        const result = await runner.capture(candidate.file, ['-c', PROBE], { ignoreReturnCode: true, timeoutMs: PROBE_TIMEOUT_MS, env: { PYTHONHOME: undefined, PYTHONPATH: undefined } });
        const [executable, version, inVenv] = result.stdout.trim().split('\n').map((line) => line.trim());
        if (result.exitCode !== 0 || !executable || !version || inVenv !== '0')
            return null;
        return { executable, version, source: candidate.source };
    }
    catch {
        return null; // not runnable: not an interpreter we can use
    }
}
/**
 * Interpreters in PATH order. pyenv's shims start a shell and pyenv itself
 * (slow) and stand for pyenv's versions, probed directly anyway: they are
 * only asked when the default python3 is wanted, which is the shim's answer.
 */
async function python_discovery_onPath(env, options) {
    const shims = external_node_path_default().join(pyenvRoot(env), 'shims');
    const dirs = (env['PATH'] ?? '').split((external_node_path_default()).delimiter).filter((dir) => dir !== '' && (options.withShims || external_node_path_default().resolve(dir) !== shims));
    const names = ['python3', 'python', ...MINOR_NAMES];
    const found = [];
    for (const dir of dirs) {
        for (const name of names) {
            const file = external_node_path_default().join(dir, name);
            if (await isExecutable(file))
                found.push({ file, source: 'PATH' });
        }
    }
    return found;
}
/** pyenv's versions, uv's managed pythons and the runner tool cache (`Python/<version>/<arch>/bin`). */
async function managedInterpreters(env) {
    const home = env['HOME'] ?? external_node_os_default().homedir();
    const uvRoot = env['UV_PYTHON_INSTALL_DIR'] ?? external_node_path_default().join(env['XDG_DATA_HOME'] ?? external_node_path_default().join(home, '.local', 'share'), 'uv', 'python');
    const toolCaches = [env['RUNNER_TOOL_CACHE'], env['AGENT_TOOLSDIRECTORY']].filter((dir) => Boolean(dir));
    const found = [];
    for (const dir of await subdirs(external_node_path_default().join(pyenvRoot(env), 'versions')))
        found.push({ file: external_node_path_default().join(dir, 'bin', 'python3'), source: 'pyenv', folderVersion: folderVersion(dir) });
    for (const dir of await subdirs(uvRoot))
        found.push({ file: external_node_path_default().join(dir, 'bin', 'python3'), source: 'uv', folderVersion: folderVersion(dir) });
    for (const cache of toolCaches) {
        for (const version of await subdirs(external_node_path_default().join(cache, 'Python'))) {
            for (const arch of await subdirs(version))
                found.push({ file: external_node_path_default().join(arch, 'bin', 'python3'), source: 'tool cache', folderVersion: folderVersion(version) });
        }
    }
    const runnable = [];
    for (const candidate of found)
        if (await isExecutable(candidate.file))
            runnable.push(candidate);
    return runnable;
}
function folderVersion(dir) {
    return FOLDER_VERSION.exec(external_node_path_default().basename(dir))?.[1];
}
function pyenvRoot(env) {
    return env['PYENV_ROOT'] ?? external_node_path_default().join(env['HOME'] ?? external_node_os_default().homedir(), '.pyenv');
}
/**
 * One candidate per real file (python3 and python3.11 are often the same
 * binary). Venvs go first: their python is a link to the very interpreter a
 * later candidate names, which must not be dropped as its duplicate.
 */
async function uniqueCandidates(candidates) {
    const seen = new Set();
    const unique = [];
    for (const candidate of candidates) {
        if (await python_discovery_isFile(external_node_path_default().join(external_node_path_default().dirname(external_node_path_default().dirname(candidate.file)), 'pyvenv.cfg')))
            continue;
        const real = await (0,promises_.realpath)(candidate.file).catch(() => candidate.file);
        if (seen.has(real))
            continue;
        seen.add(real);
        unique.push(candidate);
    }
    return unique;
}
async function subdirs(dir) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
    return entries
        .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
        .map((entry) => external_node_path_default().join(dir, entry.name))
        .sort();
}
async function isExecutable(file) {
    return (0,promises_.access)(file, promises_.constants.X_OK).then(() => true, () => false);
}
async function python_discovery_isFile(file) {
    return (0,promises_.stat)(file).then((info) => info.isFile(), () => false);
}

// EXTERNAL MODULE: ./packages/core/src/env/types.ts
var types = __webpack_require__(10168);
// EXTERNAL MODULE: ./packages/core/src/cache/open.ts
var cache_open = __webpack_require__(27562);
;// CONCATENATED MODULE: ./packages/core/src/steps/setup-env/plan.ts












/** Installed by the user, not by us: a missing one is named with how to get it. */
const TOOL_OF = { pipenv: 'pipenv', poetry: 'poetry', uv: 'uv' };
/**
 * Reads every input and every file they lead to before any work: the
 * manager and its lock file (parsed), the interpreter matching
 * python-version, the cache. A lock file that does not parse, a version no
 * interpreter has, a forced manager without its lock file: exit 2 here,
 * with what was found, and nothing created.
 *
 * Every input is read before the project folder is looked at, so bad input
 * is named as such even in a folder with nothing to build from.
 */
async function planSetupEnv(reader, host) {
    const { env, tempDir } = host.context;
    const choice = reader.get('manager');
    const workDir = await workingDirectory(reader.get('working-directory'), host.context.cwd);
    const overrides = fileOverrides(reader, workDir);
    const envPath = await replaceableEnvPath(reader.get('env-name'), workDir);
    const extras = reader.get('extras').map(checkExtra);
    const cacheKeySuffix = checkSuffix(reader.get('cache-key-suffix'));
    const cache = await cacheStore(reader, host);
    const version = await askedVersion(reader, workDir);
    const detected = choice === 'auto' ? await detectManager(workDir, overrides) : choice;
    const files = await readProjectFiles(detected, workDir, overrides);
    const manager = files.condaEnv ? await resolveCondaTool(detected, env) : detected;
    const interpreter = await interpreterFor(manager, files, version, host);
    const usersDownloads = env[types/* DOWNLOAD_CACHE_VARIABLE */.F[manager]];
    const downloadCache = usersDownloads || ownDownloadCache(manager, tempDir);
    const plan = { manager, tool: files.condaEnv ? manager : (TOOL_OF[manager] ?? 'python'), files, envPath, interpreter, extras, downloadCache };
    return { plan, cache, cacheKeySuffix, lockExportFile: lockExportFile(manager, envPath, tempDir), cacheDownloads: !usersDownloads };
}
/** The project folder; a relative one starts where the step was started. */
async function workingDirectory(given, cwd) {
    const dir = external_node_path_default().resolve(cwd, given);
    const info = await (0,promises_.stat)(dir).catch(() => null);
    if (!info?.isDirectory())
        throw new errors/* InputError */.dz('working-directory', `got '${given}', which is not a folder (${dir})`);
    return dir;
}
/** The lock file and requirements the user named; relative ones start in the project folder. */
function fileOverrides(reader, workDir) {
    const lockFile = reader.get('lock-file');
    return {
        lockFile: lockFile === undefined ? null : external_node_path_default().resolve(workDir, lockFile),
        requirements: reader.get('requirements').map((file) => external_node_path_default().resolve(workDir, file)),
    };
}
/** The cache store `cache-url` names, the host's own when it names none; null when caching is off. */
async function cacheStore(reader, host) {
    if (!reader.get('cache'))
        return null;
    const url = reader.get('cache-url');
    return url === undefined ? host.cache : (0,cache_open/* cacheStoreFor */.Z)(url, host);
}
function checkExtra(extra) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(extra))
        throw new errors/* InputError */.dz('extras', `got '${extra}', expected names of letters, digits, '.', '_' and '-'`);
    return extra;
}
function checkSuffix(suffix) {
    if (suffix !== undefined && !/^[A-Za-z0-9._-]+$/.test(suffix))
        throw new errors/* InputError */.dz('cache-key-suffix', `got '${suffix}', expected letters, digits, '.', '_' and '-'`);
    return suffix;
}
/**
 * python-version, else the version file: a file named in python-version-file
 * must exist; the default one is read when present. Its first line that is
 * not a comment holds the version, as pyenv reads `.python-version`.
 */
async function askedVersion(reader, workDir) {
    const given = reader.get('python-version');
    if (given !== undefined)
        return { spec: parseSpec(given, 'python-version', 'python-version'), input: 'python-version', byUser: true };
    const named = reader.given('python-version-file');
    const file = external_node_path_default().resolve(workDir, reader.get('python-version-file'));
    // Read as every input file is (a regular file, bounded): a named FIFO or device is refused, not waited on.
    const place = { input: 'python-version-file', what: 'Python version file', file, cwd: workDir };
    const text = named ? await (0,fs_input/* readInputText */._)(place) : ((await (0,fs_input/* readInputTextIfExists */.n_)(place)) ?? '');
    const first = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
    if (first === undefined)
        return null;
    const input = named ? 'python-version-file' : 'python-version';
    return { spec: parseSpec(first, file, input), input, byUser: named };
}
/** `text` as a version spec; `source` names where it came from when that is a file, not the input. */
function parseSpec(text, source, input) {
    const spec = parseVersionSpec(text);
    if (!spec)
        throw new errors/* InputError */.dz(input, `got '${text}'${source === input ? '' : ` (from ${source})`}, expected a version such as ${ACCEPTED_FORMS}`);
    return spec;
}
/** The download cache folder when the user's environment names none (PIP_CACHE_DIR...): the run's, one per manager. */
function ownDownloadCache(manager, tempDir) {
    return external_node_path_default().join(tempDir, 'mlops-ci', 'setup-env', 'downloads', manager);
}
/** One lock export per env path, so two envs set up in one run keep their own. */
function lockExportFile(manager, envPath, tempDir) {
    const tag = (0,external_node_crypto_.createHash)('sha256').update(envPath).digest('hex').slice(0, 12);
    return external_node_path_default().join(tempDir, 'mlops-ci', 'setup-env', `${manager}-${tag}-lock.txt`);
}
/**
 * The interpreter a venv is made from: the version asked for, else the
 * default python3. Conda brings its own python from environment.yml, so a
 * version the user asked for is only warned about there.
 */
async function interpreterFor(manager, files, version, host) {
    if (files.condaEnv) {
        if (version?.byUser)
            host.warning(`${version.input} '${version.spec.text}' is not used by ${manager}: the interpreter comes from ${external_node_path_default().basename(files.condaEnv.file)} (python ${files.condaEnv.python ?? 'unpinned'}).`);
        return null;
    }
    await requireTool(manager, host.context.env);
    return findInterpreter(version, host);
}
/**
 * The interpreter for `spec`: only the candidates that may match are started
 * (see findInterpreters); when none does, every one is, so the error lists
 * all there are.
 */
async function findInterpreter(version, host) {
    const spec = version?.spec ?? null;
    const { env, cwd } = host.context;
    const runner = new CommandRunner(host, { cwd, env });
    const found = await host.group('Find a Python interpreter', async () => {
        const interpreters = await findInterpreters(runner, env, spec ? { matching: spec } : { firstOnly: true });
        for (const interpreter of interpreters)
            host.info(`${interpreter.version}  ${interpreter.executable}  (${interpreter.source})`);
        return interpreters;
    });
    const chosen = chooseInterpreter(found, spec);
    if (!chosen) {
        if (!spec)
            throw new Error('no Python interpreter was found on PATH, in pyenv, among uv-managed pythons or in the runner tool cache: install one before this step (actions/setup-python, pyenv install, uv python install)');
        const every = await findInterpreters(runner, env);
        const input = version?.input ?? 'python-version';
        throw new errors/* InputError */.dz(input, `no interpreter matches '${spec.text}'; found ${describeInterpreters(every)}. Install one (actions/setup-python, pyenv install, uv python install) or change ${input}`);
    }
    requireSupported(chosen, version?.input ?? 'python-version', spec);
    host.info(`Using Python ${chosen.version} at ${chosen.executable}${spec ? ` (python-version ${spec.text})` : ''}`);
    return chosen;
}
async function requireTool(manager, env) {
    const tool = TOOL_OF[manager];
    if (tool && !(await onPath(tool, env)))
        throw new Error(`${manager} is not on PATH: install it before this step (pipx install ${tool})`);
}

;// CONCATENATED MODULE: ./packages/core/src/steps/setup-env/index.ts
/**
 * setup-env: build the project's Python env exactly as its lock file says,
 * fast when it was built before, and record what it holds.
 *
 * The story: read every input and the lock file (bad input stops here, exit
 * 2, nothing created) → use the env already in place, or the cached one for
 * this exact key, if it passes a health check (a broken one is discarded with
 * a warning) → otherwise build it with the manager, from the download cache
 * when there is one, and save it → fingerprint the installed set and write
 * the lock export → put the env's bin first on PATH for the following steps.
 */











/**
 * A built env is shared with a directory cache by hard links: restoring it
 * writes no file content (bench/setup-env/README.md has the figures).
 * Safe because pip and uv replace files (unlink, write anew) rather than
 * writing into them, the same trade uv's own hard-link installs make; the
 * health check still vets every restore. Not for the download cache, which
 * the tools write into.
 */
const ENV_CACHE = { link: true };
async function run(inputs, host) {
    const runner = new CommandRunner(host, { cwd: host.context.cwd, env: host.context.env });
    const manager = createManager(inputs.plan, runner);
    const keys = await cacheKeys(inputs.plan, { relocatable: manager.relocatable, suffix: inputs.cacheKeySuffix });
    host.info(`${manager.name} env at ${inputs.plan.envPath} from ${inputs.plan.files.lockInputs.join(', ')}; cache key ${keys.env}`);
    const ready = (await host.group('Look for a ready env', () => reuseEnv(manager, runner, keys, inputs, host))) ??
        (await host.group(`Build the env with ${manager.name}`, () => buildEnv(manager, runner, keys, inputs, host)));
    await host.group('Record what was installed', () => writeLockExport(manager, inputs));
    host.info(`${ready.packages.length} packages, fingerprint ${ready.fingerprint}; lock export ${inputs.lockExportFile}`);
    host.addPath(manager.binDir);
    await host.appendSummary(setup_env_summary(manager, inputs, ready, keys));
    return {
        outputs: {
            python: manager.python,
            'env-path': inputs.plan.envPath,
            manager: manager.name,
            'python-version': await pythonVersion(runner, manager),
            'cache-hit': String(ready.origin !== 'built'),
            'cache-key': keys.env,
            fingerprint: ready.fingerprint,
            'lock-export': inputs.lockExportFile,
        },
    };
}
/**
 * The env already at its path (a persistent Jenkins workspace) or restored
 * from the cache by its exact key — only if healthy. A restored env that
 * fails the check is removed and the step builds a fresh one.
 */
async function reuseEnv(manager, runner, keys, inputs, host) {
    const inPlace = await checkHealth(manager, runner, keys.env);
    if (inPlace.healthy) {
        host.info(`The env at ${inputs.plan.envPath} was built for this key and is healthy: reusing it.`);
        return { origin: 'in place', packages: inPlace.packages, fingerprint: inPlace.fingerprint };
    }
    if (!inputs.cache) {
        host.info('Caching is off (cache: false).');
        return null;
    }
    const matched = await restoreEnv(inputs.cache, keys, inputs.plan.envPath, host.context.cwd);
    if (!matched) {
        host.info(`No cached env for ${keys.env}.`);
        return null;
    }
    const restored = await checkHealth(manager, runner, keys.env);
    if (restored.healthy) {
        host.info(`Restored the env from the cache (${matched}); it passed the health check.`);
        return { origin: 'cache', packages: restored.packages, fingerprint: restored.fingerprint };
    }
    host.warning(`The cached env ${matched} failed its health check (${restored.reason}): discarded, building a fresh one.`);
    await clearEnvFolder(inputs.plan.envPath);
    return null;
}
/**
 * Restores the env into an empty place (leftovers of another env must not
 * mix with the cached one), marked unfinished from before its first file
 * until after its last: a restore killed halfway (a cancelled job, an OOM
 * kill) leaves a partial env whose package metadata may all be there, and
 * only the mark keeps the next run from trusting it. Every cache store adds
 * files to the folder and keeps the ones it did not save, so the mark stays.
 */
async function restoreEnv(cache, keys, envPath, cwd) {
    await clearEnvFolder(envPath);
    const matched = await cache.restore([cachePath(envPath, cwd)], keys.env, [], ENV_CACHE);
    if (matched)
        await markFinished(envPath);
    return matched;
}
/** Builds the env (downloads from the cache when any), marks it whole, and saves it unless it is inconsistent. */
async function buildEnv(manager, runner, keys, inputs, host) {
    const { cache, plan } = inputs;
    const downloadsHit = await restoreDownloads(inputs, keys, host);
    await manager.create();
    const packages = await installedPackages(runner, manager.python);
    const fingerprint = fingerprintOf(packages);
    const problem = await manager.dependencyProblem();
    // Exported now and kept in the env, so a cache hit reuses it instead of running pip freeze again.
    await manager.exportLock(external_node_path_default().join(plan.envPath, LOCK_EXPORT_FILE));
    await writeMarker(plan.envPath, { key: keys.env, manager: manager.name, python: manager.python, fingerprint });
    await markFinished(plan.envPath);
    if (problem)
        host.warning(`The env was built but its dependencies are inconsistent (${problem}).${cache ? ' It is not cached: every restore would fail the health check.' : ''}`);
    if (cache)
        await saveToCache(cache, manager, keys, inputs, { env: !problem, downloads: inputs.cacheDownloads && downloadsHit !== keys.downloads }, host);
    return { origin: 'built', packages, fingerprint };
}
/** Saves the env under its exact key and, when it is ours and new, the download cache under its own. */
async function saveToCache(cache, manager, keys, inputs, what, host) {
    if (what.env) {
        host.info(`Saving the env to the cache as ${keys.env}.`);
        await cache.save([cachePath(inputs.plan.envPath, host.context.cwd)], keys.env, ENV_CACHE);
    }
    if (what.downloads) {
        await manager.trimDownloadCache();
        // @actions/cache refuses a missing folder with a warning on the job, and an empty one is not worth an entry.
        if (await holdsAnyFile(inputs.plan.downloadCache))
            await cache.save([inputs.plan.downloadCache], keys.downloads);
        else
            host.info('Nothing was downloaded: no download cache to save.');
    }
}
/** Whether a file exists anywhere under `dir` (stops at the first). */
async function holdsAnyFile(dir) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
        if (!entry.isDirectory())
            return true;
        if (await holdsAnyFile(external_node_path_default().join(dir, entry.name)))
            return true;
    }
    return false;
}
/** The lock export kept in the env; the health check has shown the env still holds exactly that. */
async function writeLockExport(manager, inputs) {
    const kept = external_node_path_default().join(inputs.plan.envPath, LOCK_EXPORT_FILE);
    const text = await (0,promises_.readFile)(kept).catch(() => null);
    if (text)
        await (0,fs_atomic/* writeFileAtomic */.Z)(inputs.lockExportFile, text);
    else
        await manager.exportLock(inputs.lockExportFile);
}
/**
 * The tool's download cache, from the newest entry of this manager and
 * Python (any cached wheel is safe to reuse), only into our own empty folder:
 * a folder that is already there is warm, and copying over a live cache
 * (uv's holds links between its entries) would corrupt it.
 */
async function restoreDownloads(inputs, keys, host) {
    const folder = inputs.plan.downloadCache;
    if (!inputs.cache || !inputs.cacheDownloads)
        return undefined;
    if ((await (0,promises_.readdir)(folder).catch(() => [])).length > 0) {
        host.info(`Download cache ${folder} is already there: not restoring it.`);
        return undefined;
    }
    const hit = await inputs.cache.restore([folder], keys.downloads, [keys.downloadsPrefix]);
    if (hit)
        host.info(`Download cache restored from ${hit}.`);
    return hit;
}
/**
 * The env's path as the cache is told it: relative to the working directory
 * when inside it. @actions/cache versions an entry by the path strings it was
 * given, so an absolute path would miss on any runner whose workspace lives
 * elsewhere — and a relocatable (uv) env is meant to be restored there.
 */
function cachePath(envPath, cwd) {
    const relative = external_node_path_default().relative(cwd, envPath);
    return relative !== '' && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative) ? relative : envPath;
}
/** The env's Python version: a venv runs the very interpreter it was made from, so only conda's is asked. */
async function pythonVersion(runner, manager) {
    if (manager.plan.interpreter)
        return manager.plan.interpreter.version;
    const result = await runner.capture(manager.python, ['-c', 'import platform; print(platform.python_version())']);
    return result.stdout.trim();
}
function setup_env_summary(manager, inputs, ready, keys) {
    const origin = { 'in place': 'reused in place', cache: 'restored from the cache', built: 'built' }[ready.origin];
    return (0,summary/* renderStepSummary */.P)({
        step: 'setup-env',
        outcome: 'ok',
        headline: `Python env (${manager.name}): ${origin}`,
        rows: [
            ['env', { code: inputs.plan.envPath }],
            ['built from', inputs.plan.files.lockInputs.join(', ')],
            ['packages', ready.packages.length],
            ['fingerprint', { code: ready.fingerprint }],
            ['cache key', { code: keys.env }],
        ],
    });
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
