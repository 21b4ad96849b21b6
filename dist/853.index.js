export const id = 853;
export const ids = [853,327];
export const modules = {

/***/ 81150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Vp: () => (/* binding */ isValidEnvName),
/* harmony export */   ci: () => (/* binding */ parseEnvLines),
/* harmony export */   nS: () => (/* binding */ parseByteSize),
/* harmony export */   p3: () => (/* binding */ isValidImageReference),
/* harmony export */   zt: () => (/* binding */ parseMount)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/**
 * Parsers for the values a container run is described with: durations, byte
 * sizes, image references, mounts and env files. Each returns null (or throws
 * a plain Error saying what is accepted) so the step can turn it into an
 * InputError naming its own input.
 */


/** `45s`, `90m`, `2h`, `1h30m`, or a bare number of seconds. Returns seconds, or null when it does not parse. */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(value))
        return Number(value);
    const match = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(value);
    if (!match || value === '')
        return null;
    const [, hours, minutes, seconds] = match;
    return Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
}
const SIZE_UNITS = {
    '': 1,
    b: 1,
    k: 1024,
    kb: 1024,
    kib: 1024,
    m: 1024 ** 2,
    mb: 1024 ** 2,
    mib: 1024 ** 2,
    g: 1024 ** 3,
    gb: 1024 ** 3,
    gib: 1024 ** 3,
    t: 1024 ** 4,
    tb: 1024 ** 4,
    tib: 1024 ** 4,
};
/**
 * A memory size as Docker reads it (binary units: `512m`, `2g`, `1.5GiB`, `1048576`).
 * Returns whole bytes, or null when it does not parse or is not positive.
 */
function parseByteSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(text.trim().toLowerCase());
    if (!match)
        return null;
    const unit = SIZE_UNITS[match[2] ?? ''];
    if (unit === undefined)
        return null;
    const bytes = Math.floor(Number(match[1]) * unit);
    return bytes > 0 ? bytes : null;
}
/**
 * Docker's image reference grammar (distribution/reference): an optional
 * registry host[:port], lower-case path components, then `:tag` and/or
 * `@sha256:<64 hex>`. Also accepts a bare image ID (`sha256:<hex>`).
 */
function isValidImageReference(ref) {
    if (/^sha256:[a-f0-9]{64}$/.test(ref))
        return true;
    if (ref.length > 255 + 128 + 80)
        return false;
    const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
    const host = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
    const name = `(?:${host}/)?${component}(?:/${component})*`;
    const tag = '[\\w][\\w.-]{0,127}';
    const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
    if (!new RegExp(`^${name}(?::${tag})?(?:@${digest})?$`).test(ref))
        return false;
    // As in Docker, a first part is a registry host only when it has a dot or a port or is localhost; else it is a (lower-case) path component.
    const first = ref.split('/')[0];
    return !ref.includes('/') || /[.:]/.test(first) || first === 'localhost' || new RegExp(`^${component}$`).test(first);
}
/**
 * `host:container[:ro|:rw]`; the host path may be relative (to `cwd`), the
 * container path must be absolute. Throws an Error saying what is accepted.
 */
function parseMount(text, cwd) {
    const parts = text.split(':');
    const mode = parts.length === 3 ? parts[2] : parts.length === 2 ? 'rw' : undefined;
    const [source, target] = parts;
    if (!source || !target || (mode !== 'ro' && mode !== 'rw')) {
        throw new Error(`got '${text}', expected host:container or host:container:ro (or :rw)`);
    }
    if (!node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(target)) {
        throw new Error(`got '${text}': the container path '${target}' must be absolute (start with /)`);
    }
    return { source: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, source), target: node_path__WEBPACK_IMPORTED_MODULE_0___default().normalize(target), readOnly: mode === 'ro' };
}
/** An environment variable name the way shells and Docker accept it. */
function isValidEnvName(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
/**
 * How an error points at a bad `KEY=VALUE` line: its number, and the name it
 * starts with when it starts with one — never the rest, which may be a
 * secret value (`API_TOKEN: s3cr3t` has no `=`, but is still a value).
 */
/**
 * `KEY=VALUE` lines (Docker's env-file format: no quoting, `#` comments,
 * blank lines skipped; a bare `KEY` takes its value from `environment`).
 * Throws an Error naming the first bad line (see describeLine).
 */
function parseEnvLines(lines, environment) {
    const env = new Map();
    lines.forEach((raw, index) => {
        const line = raw.replace(/^\s+/, '');
        if (line === '' || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        const name = eq === -1 ? line.trim() : line.slice(0, eq);
        if (!isValidEnvName(name))
            throw new Error(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeLine */ .ES)(line, index)} is not KEY=VALUE or a variable name`);
        if (eq !== -1)
            env.set(name, line.slice(eq + 1));
        else if (environment[name] !== undefined)
            env.set(name, environment[name]);
    });
    return env;
}


/***/ }),

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

/***/ 34268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DC: () => (/* binding */ hashFile),
/* harmony export */   KQ: () => (/* binding */ fileDigests),
/* harmony export */   ig: () => (/* binding */ LocalBlobStore)
/* harmony export */ });
/* unused harmony exports UnsafeRegistryPath, isScratch */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _process_exists_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(13761);






/**
 * A lock older than this is stale whoever holds it, alive or not: a critical
 * section here lasts milliseconds, and a PID that looks alive may be another
 * process that reused the number of a killed owner.
 */
const STALE_LOCK_MS = 30_000;
const LOCK_RETRY_MS = 5;
/**
 * A folder as a registry store, with S3's conditional-write guarantees:
 * - every write goes to a unique temp name first, so no reader ever sees half a file;
 * - create-only is `link(temp, key)`, which fails when the key exists (atomic on POSIX);
 * - compare-and-swap holds `<key>.lock` (exclusive create) while it compares
 *   the tag (sha256 of the content) and renames the new content into place.
 * Each lock names its owner (host, PID and a random token, so only the owner
 * releases it). A lock left by a killed process is taken over, with a line in
 * the log, when its owner process is gone (same host) or when it is older than
 * 30 s, whoever holds it (PID reuse, another host sharing the folder).
 *
 * Every path is checked to stay inside the root once symlinks are resolved:
 * a `versions` symlink planted in the registry would otherwise lead writes
 * (and reads of what looks like lineage) anywhere on the machine.
 */
class LocalBlobStore {
    root;
    log;
    description;
    /** @param log hears when a stale lock is taken over. Optional. */
    constructor(root, log = () => undefined) {
        this.root = root;
        this.log = log;
        this.description = root;
    }
    async get(key) {
        try {
            const body = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(await this.pathOf(key));
            return { body, etag: sha256(body) };
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return null;
            throw err;
        }
    }
    async createOnly(key, body) {
        const target = await this.pathOf(key);
        const staging = await this.stage(target, body);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(staging, target);
            return true;
        }
        catch (err) {
            if (err.code === 'EEXIST')
                return false;
            throw err;
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { force: true });
        }
    }
    async replaceIf(key, body, etag) {
        const target = await this.pathOf(key);
        const staging = await this.stage(target, body);
        try {
            return await this.withLock(target, async () => {
                const current = await this.get(key);
                if (!current || current.etag !== etag)
                    return false;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(staging, target);
                return true;
            });
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { force: true });
        }
    }
    async list(prefix) {
        const keys = [];
        const walk = async (dir, keyPrefix) => {
            let entries;
            try {
                entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir, { withFileTypes: true });
            }
            catch (err) {
                if (err.code === 'ENOENT')
                    return;
                throw err;
            }
            for (const entry of entries) {
                if (isScratch(entry.name))
                    continue;
                if (entry.isDirectory())
                    await walk(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, entry.name), `${keyPrefix}${entry.name}/`);
                else
                    keys.push(`${keyPrefix}${entry.name}`);
            }
        };
        await walk(await this.pathOf(prefix), prefix);
        return keys;
    }
    async upload(key, file, expectedSha256, size) {
        const target = await this.pathOf(key);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target), { recursive: true });
        const staging = scratchName(target);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(file, staging);
            const copied = await hashFile(staging);
            const { size: copiedSize } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(staging);
            if (copied !== expectedSha256 || copiedSize !== size) {
                throw new Error(`copy of ${file} to ${this.locate(key)} does not match its sha256 (the file changed while uploading?)`);
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(staging, target);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { force: true });
        }
    }
    async delete(key) {
        const target = await this.pathOf(key);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(target, { force: true });
        await this.removeEmptyFolders(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target));
    }
    async removeLeftovers(prefix, before) {
        const removed = [];
        const walk = async (dir) => {
            const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir, { withFileTypes: true }).catch((err) => {
                if (err.code === 'ENOENT')
                    return [];
                throw err;
            });
            for (const entry of entries) {
                const full = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, entry.name);
                if (entry.isDirectory())
                    await walk(full);
                else if (isScratch(entry.name) && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(full)).mtimeMs < before.getTime()) {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(full, { force: true });
                    removed.push(full);
                }
            }
        };
        const top = await this.pathOf(prefix);
        await walk(top);
        await this.removeEmptyFolders(top);
        return removed;
    }
    /** Removes `dir` and its parents while they are empty, up to (not including) the root: a removed version leaves no empty folder. */
    async removeEmptyFolders(dir) {
        for (let current = dir; isInside(this.root, current) && current !== this.root; current = node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(current)) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(current);
            }
            catch {
                return; // not empty (or already gone): its parents are not empty either
            }
        }
    }
    /** The path of `key`; a prefix (`…/`) keeps its trailing slash, as on S3. */
    locate(key) {
        const where = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, ...key.split('/'));
        return key.endsWith('/') ? `${where}${(node_path__WEBPACK_IMPORTED_MODULE_4___default().sep)}` : where;
    }
    /**
     * The path of `key`, checked: no empty, `.` or `..` part, and, with
     * symlinks resolved, inside the root. Throws UnsafeRegistryPath otherwise.
     */
    async pathOf(key) {
        const parts = key.endsWith('/') ? key.slice(0, -1).split('/') : key.split('/');
        if (key !== '' && parts.some((part) => part === '' || part === '.' || part === '..')) {
            throw new UnsafeRegistryPath(`registry key '${key}' is not a plain path inside the registry ${this.root}`);
        }
        const target = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, ...parts);
        const [realRoot, realTarget] = await Promise.all([resolveExisting(this.root, this.root), resolveExisting(target, this.root)]);
        if (!isInside(realRoot, realTarget)) {
            const escaping = await this.firstEscapingPart(target, realRoot);
            const relative = node_path__WEBPACK_IMPORTED_MODULE_4___default().relative(this.root, escaping).split((node_path__WEBPACK_IMPORTED_MODULE_4___default().sep)).join('/');
            throw new UnsafeRegistryPath(`registry path ${relative} leads outside the registry ${this.root} (to ${await resolveExisting(escaping, this.root)}): refusing to read or write through it`);
        }
        return target;
    }
    /** The shortest ancestor of `target` that resolves outside the root: the planted link a message should name. */
    async firstEscapingPart(target, realRoot) {
        let escaping = target;
        for (let parent = node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(escaping); parent !== escaping; parent = node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(escaping)) {
            if (isInside(realRoot, await resolveExisting(parent, this.root)))
                break;
            escaping = parent;
        }
        return escaping;
    }
    /** The content at a unique temp name beside the target (same filesystem, so link/rename are atomic). */
    async stage(target, body) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target), { recursive: true });
        const staging = scratchName(target);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(staging, body);
        return staging;
    }
    async withLock(target, fn) {
        const lock = `${target}.lock`;
        const token = `${node_os__WEBPACK_IMPORTED_MODULE_3___default().hostname()} ${process.pid} ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
        // The lock appears whole, owner included (link of a written file), so a
        // process killed while taking it never leaves an anonymous lock behind.
        const staged = await this.stage(lock, token);
        try {
            for (;;) {
                try {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(staged, lock);
                    // Its age counts from now, not from when it was staged (another host judges it by age).
                    const now = new Date();
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.utimes)(lock, now, now);
                    break;
                }
                catch (err) {
                    if (err.code !== 'EEXIST')
                        throw err;
                    await breakIfStale(lock, this.log);
                    await sleep(LOCK_RETRY_MS + Math.random() * LOCK_RETRY_MS);
                }
            }
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staged, { force: true });
        }
        try {
            return await fn();
        }
        finally {
            // Release only our own lock: a stale-lock breaker may have taken it already.
            const holder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(lock, 'utf8').catch(() => null);
            if (holder === token)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(lock).catch(() => undefined);
        }
    }
}
/**
 * Removes a stale lock. It is renamed away first (atomic), and only deleted
 * when the renamed file is the one judged stale; a fresh lock taken meanwhile
 * is put back.
 */
async function breakIfStale(lock, log) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(lock, 'utf8').catch(() => null);
    if (text === null)
        return;
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(lock).catch(() => null);
    if (!info)
        return;
    const holder = parseHolder(text);
    const ageMs = Date.now() - info.mtimeMs;
    const why = staleness(holder, ageMs);
    if (!why)
        return;
    const aside = scratchName(lock);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(lock, aside);
    }
    catch {
        return; // someone else broke or released it
    }
    const taken = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(aside, 'utf8').catch(() => null);
    if (taken !== text)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(aside, lock).catch(() => undefined);
    else
        log(`Took over the lock ${lock} of pid ${holder.pid ?? '?'} on ${holder.host || '?'}: ${why} (held ${Math.round(ageMs / 1000)} s)`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(aside, { force: true });
}
function parseHolder(text) {
    const [host = '', pid = ''] = text.split(' ');
    return { host, pid: /^\d+$/.test(pid) ? Number(pid) : null };
}
/**
 * Why a lock may be taken over, or null while its owner may still be in its
 * critical section: any lock older than the limit (a live PID proves nothing:
 * it may have been reused), or, on this host, one whose owner process is gone.
 */
function staleness(holder, ageMs) {
    if (ageMs > STALE_LOCK_MS)
        return `older than ${STALE_LOCK_MS / 1000} s`;
    if (holder.host === node_os__WEBPACK_IMPORTED_MODULE_3___default().hostname() && holder.pid !== null && !(0,_process_exists_js__WEBPACK_IMPORTED_MODULE_5__/* .processExists */ ._)(holder.pid))
        return 'its owner process is gone';
    return null;
}
/** A registry path that would lead outside the registry (a planted symlink): corrupt data, exit 1. */
class UnsafeRegistryPath extends Error {
    name = 'UnsafeRegistryPath';
}
/**
 * `file` with symlinks resolved as far as it exists; the parts that do not
 * exist yet are appended as they are. A dangling symlink on the way is
 * refused: what it leads to could be created later, anywhere.
 */
async function resolveExisting(file, root) {
    const missing = [];
    let current = file;
    for (;;) {
        const resolved = await realpathOrNull(current);
        if (resolved !== null)
            return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(resolved, ...missing.reverse());
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(current).catch(() => null);
        if (info?.isSymbolicLink() && (await realpathOrNull(current)) === null) {
            throw new UnsafeRegistryPath(`registry path ${node_path__WEBPACK_IMPORTED_MODULE_4___default().relative(root, current).split((node_path__WEBPACK_IMPORTED_MODULE_4___default().sep)).join('/')} is a symlink to nowhere in the registry ${root}: refusing to read or write through it`);
        }
        // Created by another writer since realpath looked: resolve it again.
        if (info)
            continue;
        if (node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(current) === current)
            return file;
        missing.push(node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(current));
        current = node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(current);
    }
}
/** realpath, or null when something on the way does not exist. */
async function realpathOrNull(file) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(file);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return null;
        throw err;
    }
}
function isInside(root, file) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_4___default().relative(root, file);
    return relative === '' || (!relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_4___default().sep)}`) && relative !== '..' && !node_path__WEBPACK_IMPORTED_MODULE_4___default().isAbsolute(relative));
}
const SCRATCH = '.mlops-ci-tmp-';
function scratchName(target) {
    return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target), `${SCRATCH}${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(target)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
}
/** Temp files and locks are not objects: listings skip them. */
function isScratch(name) {
    return name.startsWith(SCRATCH) || name.endsWith('.lock');
}
function sha256(body) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex');
}
/** The file's digests, one per algorithm, from one streamed read however many are asked for. */
async function fileDigests(file, algorithms, options = {}) {
    const hashes = algorithms.map((algorithm) => [algorithm, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm)]);
    let bytes = 0;
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, options.range ?? {})) {
        for (const [, hash] of hashes)
            hash.update(chunk);
        bytes += chunk.length;
        options.onProgress?.(bytes);
    }
    return Object.fromEntries(hashes.map(([algorithm, hash]) => [algorithm, hash.digest()]));
}
/** sha256 of a file as hex, streamed; `onProgress` hears the bytes hashed so far after each chunk. */
async function hashFile(file, onProgress) {
    return (await fileDigests(file, ['sha256'], onProgress ? { onProgress } : {})).sha256.toString('hex');
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

/***/ 57853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* binding */ plan),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/fs-atomic.ts
var fs_atomic = __webpack_require__(48162);
// EXTERNAL MODULE: ./packages/core/src/registry/local-blob-store.ts
var local_blob_store = __webpack_require__(34268);
;// CONCATENATED MODULE: ./packages/core/src/registry/lineage.ts
/** Assembles version.json (everything but the version number, which the registry allocates). */
function assembleLineage(parts) {
    const { context } = parts;
    return {
        schema: 1,
        model: parts.model,
        registeredAt: new Date().toISOString(),
        actor: parts.actor,
        files: parts.files.map(({ path: file, size, sha256 }) => ({ path: file, size, sha256 })),
        metrics: parts.metrics,
        gate: parts.gate ? gateSummary(parts.gate) : null,
        git: { commit: context.sha, repository: context.repository ? `${context.repository.owner}/${context.repository.repo}` : null },
        run: { url: context.runUrl, host: parts.host },
        data: { digest: parts.provenance.dataDigest, manifest: parts.provenance.dataManifest },
        env: { fingerprint: parts.provenance.envFingerprint },
        image: { digest: parts.provenance.imageDigest },
        extra: parts.extra,
    };
}
/** Who is acting, for alias records and the audit log. */
function moverOf(actor, host, context) {
    return { actor, runUrl: context.runUrl, host };
}
/** The CI user: GitHub's actor, Jenkins' build user, else the login name. */
function actorFrom(env) {
    return env['GITHUB_ACTOR'] || env['BUILD_USER_ID'] || env['USER'] || env['LOGNAME'] || null;
}
function gateSummary(results) {
    const rules = Object.entries(results.candidates).flatMap(([candidate, result]) => result.rules.map((rule) => ({ candidate, rule: rule.rule, verdict: rule.verdict, value: rule.value })));
    return { passed: results.passed, best: results.best, rules };
}
/** One line per fact, for the log and `--describe`. */
function renderLineage(lineage, uri) {
    const lines = [
        `${lineage.model} version ${lineage.version ?? '?'}  (${uri})`,
        `  registered ${lineage.registeredAt} by ${lineage.actor ?? 'unknown'} on ${lineage.run.host ?? 'an unknown host'}${lineage.run.url ? ` — ${lineage.run.url}` : ''}`,
        `  commit     ${lineage.git.commit ?? 'unknown'}${lineage.git.repository ? ` (${lineage.git.repository})` : ''}`,
        `  gate       ${lineage.gate ? (lineage.gate.passed ? `passed (best: ${lineage.gate.best ?? '-'})` : 'did not pass') : 'none recorded'}`,
        `  metrics    ${lineage.metrics ? Object.entries(lineage.metrics).map(([k, v]) => `${k}=${v}`).join(', ') : 'none recorded'}`,
        `  data       ${lineage.data.digest ?? 'unknown'}`,
        `  env        ${lineage.env.fingerprint ?? 'unknown'}`,
        `  image      ${lineage.image.digest ?? 'unknown'}`,
        ...lineage.files.map((file) => `  file       ${file.path}  ${file.size} bytes  sha256:${file.sha256}`),
    ];
    return lines.join('\n');
}

// EXTERNAL MODULE: ./packages/core/src/steps/summary.ts
var summary = __webpack_require__(18669);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/scm/git.ts
var git = __webpack_require__(13931);
// EXTERNAL MODULE: ./packages/core/src/container/parse.ts
var parse = __webpack_require__(81150);
// EXTERNAL MODULE: ./packages/core/src/metrics/load.ts
var load = __webpack_require__(65255);
// EXTERNAL MODULE: ./packages/core/src/registry/factory.ts
var factory = __webpack_require__(35327);
// EXTERNAL MODULE: ./packages/core/src/registry/names.ts
var names = __webpack_require__(49241);
// EXTERNAL MODULE: ./packages/core/src/spec/output-file.ts
var output_file = __webpack_require__(39867);
// EXTERNAL MODULE: ./packages/core/src/metrics/digest.ts
var metrics_digest = __webpack_require__(91719);
// EXTERNAL MODULE: ./packages/core/src/fs-input.ts
var fs_input = __webpack_require__(66087);
;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/gate-proof.ts
/**
 * What promote-model accepts as proof that the files it registers passed the
 * gate. A bare `{"passed": true}` proves nothing: the results must name a
 * passing candidate, and the metrics of the files being promoted must hash to
 * the digest evaluate-and-gate recorded for that candidate.
 */





/**
 * evaluate-and-gate's results: the JSON itself (the `results` output) or a
 * file holding it; null when not given. The input is text (JSON can be long),
 * which keeps its blanks: a path or JSON from a YAML block ends in a newline.
 * @throws InputError('gate-results') when it is not JSON with a boolean `passed`.
 */
async function readGateResults(given, cwd) {
    const value = given?.trim();
    if (!value)
        return null;
    const text = value.startsWith('{') ? value : await (0,fs_input/* readInputText */._)({ input: 'gate-results', what: 'gate results file', file: value, cwd });
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz('gate-results', `is not the JSON evaluate-and-gate writes (${err.message})`);
    }
    if (!isObject(parsed) || typeof parsed['passed'] !== 'boolean') {
        throw new errors/* InputError */.dz('gate-results', 'has no top-level boolean "passed": expected the `results` output (or `results-file`) of evaluate-and-gate');
    }
    const results = parsed;
    return { ...results, candidates: isObject(results.candidates) ? results.candidates : {} };
}
/**
 * Finds the passing candidate the promoted files are. With `metrics` given,
 * the one whose recorded digest is that file's; else the one whose metrics
 * file lies inside `path` (a folder) or beside it (`out/rf/metrics.json` for
 * `out/rf/model`), re-read now and checked against its digest.
 */
async function matchPromotedCandidate(gate, files, cwd) {
    const passing = Object.entries(gate.candidates).filter(([, candidate]) => isObject(candidate) && candidate.passed === true);
    if (passing.length === 0)
        return unproven('names no passing candidate, so it proves nothing about the files being promoted: pass the results evaluate-and-gate wrote for them');
    const undigested = passing
        .filter(([, candidate]) => typeof candidate.metricsDigest !== 'string' || typeof candidate.metricsFile !== 'string')
        .map(([name]) => name);
    if (undigested.length > 0) {
        return unproven(`records no metrics digest for ${undigested.join(', ')}: these results were written by an older mlops-ci (or by hand) and cannot show which files passed; re-run evaluate-and-gate and pass its results`);
    }
    return files.metrics ? matchByDigest(passing, files.metrics) : matchByLocation(passing, files.modelPath, cwd);
}
/** require-gate: refuses (exit 2) unless the gate passed and names the promoted files; lists the failed rules. */
function requireProvenGate(gate, match) {
    if (!gate || !match) {
        throw new errors/* InputError */.dz('gate-results', 'is required while require-gate is true: pass the results of evaluate-and-gate, or set require-gate: false');
    }
    if (!gate.passed) {
        const failed = Object.entries(gate.candidates).flatMap(([name, candidate]) => (candidate.rules ?? []).filter((rule) => !rule.passed).map((rule) => `${name}: ${rule.rule} (${rule.metric} = ${rule.value ?? 'missing'})`));
        throw new errors/* InputError */.dz('gate-results', `the gate did not pass, so the model is not promoted; failed rules: ${failed.length ? failed.join('; ') : 'none listed'}`);
    }
    if (match.kind === 'unproven')
        throw new errors/* InputError */.dz('gate-results', match.reason);
    return match.candidate;
}
function matchByDigest(passing, metrics) {
    const digest = (0,metrics_digest/* metricsDigest */.M)(metrics.values);
    const found = passing.find(([, candidate]) => candidate.metricsDigest === digest);
    if (found)
        return proven(found[0], metrics.values);
    return unproven(`the metrics in ${metrics.file} are not those of any passing candidate (${listed(passing)}): promote the files the gate passed, or run the gate on these`);
}
async function matchByLocation(passing, modelPath, cwd) {
    const model = external_node_path_default().resolve(cwd, modelPath);
    const placed = passing.map(([name, candidate]) => ({ name, candidate, place: placeOf(external_node_path_default().resolve(cwd, candidate.metricsFile), model) }));
    const inside = placed.filter((entry) => entry.place === 'inside');
    const near = inside.length > 0 ? inside : placed.filter((entry) => entry.place === 'beside');
    if (near.length === 0) {
        return unproven(`no passing candidate's metrics file is in or beside ${modelPath} (${listed(passing)}): promote a passing candidate, or give metrics naming its metrics file`);
    }
    if (near.length > 1) {
        return unproven(`${near.map((entry) => entry.name).join(' and ')} both have their metrics file beside ${modelPath}: give metrics naming the promoted candidate's metrics file`);
    }
    const [{ name, candidate }] = near;
    let values;
    try {
        const text = await (0,fs_input/* readInputText */._)({ input: 'gate-results', what: `metrics file of candidate ${name}`, file: candidate.metricsFile, cwd });
        values = (0,load/* metricsFromText */.Z0)(text, candidate.metricsFile, 'gate-results');
    }
    catch (err) {
        // Unreadable or malformed now: it cannot show the files are the ones the gate passed.
        if (err instanceof errors/* InputError */.dz)
            return unproven(err.message.replace(/^input 'gate-results': /, ''));
        throw err;
    }
    if ((0,metrics_digest/* metricsDigest */.M)(values) !== candidate.metricsDigest) {
        return unproven(`${candidate.metricsFile} of candidate ${name} changed since the gate evaluated it: run the gate again on what is promoted`);
    }
    return proven(name, values);
}
/** Where a metrics file sits relative to the promoted path: inside it (a folder), beside it, or elsewhere. */
function placeOf(metricsFile, model) {
    const relative = external_node_path_default().relative(model, metricsFile);
    if (relative !== '' && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative))
        return 'inside';
    return external_node_path_default().dirname(metricsFile) === external_node_path_default().dirname(model) ? 'beside' : 'elsewhere';
}
function listed(passing) {
    return `passing: ${passing.map(([name, candidate]) => `${name} ${candidate.metricsFile}`).join(', ')}`;
}
function proven(name, metrics) {
    return { kind: 'proven', candidate: { name, metrics } };
}
function unproven(reason) {
    return { kind: 'unproven', reason };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./packages/core/src/records/step-records.ts
var step_records = __webpack_require__(87011);
;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/provenance.ts





/**
 * How the model was made: each fact from its input when given, else from
 * the record the step that knows it left in this run (data-pull, setup-env,
 * the training whose `outputs` folder holds `path`). Records of other runs
 * are never used, only named in a warning: a fact nobody established in this
 * run stays unknown (null) rather than borrowed from an earlier build.
 */
async function readProvenance(reader, host, modelPath) {
    const cwd = host.context.cwd;
    const given = {
        dataDigest: reader.get('data-digest'),
        dataManifest: reader.get('data-manifest'),
        envFingerprint: reader.get('env-fingerprint'),
        imageDigest: reader.get('image-digest'),
    };
    const data = given.dataDigest && given.dataManifest ? null : await thisRunsRecord(host, 'data-pull', 'data-digest and data-manifest');
    const env = given.envFingerprint ? null : await thisRunsRecord(host, 'setup-env', 'env-fingerprint');
    const training = given.imageDigest ? null : await trainingOf(host, external_node_path_default().resolve(cwd, modelPath));
    const manifestPath = given.dataManifest ?? outputOf(data, 'manifest');
    const provenance = {
        dataDigest: given.dataDigest ?? outputOf(data, 'digest'),
        dataManifest: manifestPath ? await readManifest(manifestPath, cwd) : null,
        envFingerprint: given.envFingerprint ?? outputOf(env, 'fingerprint'),
        imageDigest: given.imageDigest ?? outputOf(training, 'image-digest'),
    };
    const used = [data, env, training].filter((record) => record !== null);
    if (used.length > 0)
        host.info(`Lineage from the records of this run (${host.context.run.id}): ${used.map((record) => record.file).join(', ')}`);
    return provenance;
}
/**
 * The record `step` left in this run, when that run succeeded; the records
 * of other runs are named in a warning and left aside. A failed step's
 * record is no fact: it is named in a warning and read as no record.
 */
async function thisRunsRecord(host, step, instead) {
    const records = await (0,step_records/* readRunRecords */.Y$)(host.context.workspace, host.context.run, step);
    for (const ignored of records.ignored)
        host.warning((0,step_records/* ignoredRecordWarning */.m2)(ignored, host.context.run, instead));
    const latest = records.mine[0];
    if (latest === undefined)
        return null;
    if (latest.outcome === 'ok')
        return latest;
    host.warning(failedRecordWarning(latest, instead));
    return null;
}
function failedRecordWarning(record, instead) {
    return `${record.step} last ended ${record.outcome} in this run (${record.file}), so its outputs are not lineage. Give ${instead} to record it.`;
}
/**
 * The training of this run whose `outputs` folder holds the model: its
 * image is the one the model was made in. Two such trainings (nested
 * folders) leave no way to tell which made the model, so the step refuses to
 * guess; a failed one made nothing there and is named in a warning; none is not an error (the model may come from elsewhere), but when
 * this run trained into other folders, a warning says so.
 */
async function trainingOf(host, modelPath) {
    const records = await (0,step_records/* readRunRecords */.Y$)(host.context.workspace, host.context.run, 'train-in-container');
    for (const ignored of records.ignored)
        host.warning((0,step_records/* ignoredRecordWarning */.m2)(ignored, host.context.run, 'image-digest'));
    const model = await realOrResolved(modelPath, host.context.cwd);
    const holding = [];
    for (const record of records.mine) {
        const folder = record.outputs['outputs'];
        if (folder && isWithin(await realOrResolved(folder, host.context.cwd), model))
            holding.push(record);
    }
    const folders = (list) => list.map((record) => JSON.stringify(record.outputs['outputs'] || '(none)')).join(', ');
    // A failed training moved nothing into its folder: what is there came from elsewhere.
    for (const failed of holding.filter((record) => record.outcome !== 'ok'))
        host.warning(failedRecordWarning(failed, 'image-digest'));
    const succeeded = holding.filter((record) => record.outcome === 'ok');
    if (succeeded.length > 1) {
        throw new errors/* InputError */.dz('image-digest', `is empty, and path ${JSON.stringify(modelPath)} lies inside the outputs of ${succeeded.length} trainings of this run (${folders(succeeded)}), so which image made the model cannot be told: give image-digest`);
    }
    if (holding.length === 0 && records.mine.length > 0) {
        host.warning(`No training of this run wrote into a folder holding path ${JSON.stringify(modelPath)} (their outputs: ${folders(records.mine)}); the image digest is not recorded. Give image-digest to record it.`);
    }
    return succeeded[0] ?? null;
}
function isWithin(folder, file) {
    const relative = external_node_path_default().relative(folder, file);
    return relative === '' || (!external_node_path_default().isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${(external_node_path_default()).sep}`));
}
/** Symlinks resolved where the path exists, so a folder reached two ways is one folder. */
async function realOrResolved(file, cwd) {
    const absolute = external_node_path_default().resolve(cwd, file);
    return (0,promises_.realpath)(absolute).catch(() => absolute);
}
async function readManifest(file, cwd) {
    const text = await (0,fs_input/* readInputText */._)({ input: 'data-manifest', what: 'data manifest', file, cwd });
    try {
        return JSON.parse(text);
    }
    catch {
        return text; // a manifest in another format is recorded as text
    }
}
function outputOf(record, name) {
    const value = record?.outputs[name];
    return typeof value === 'string' && value !== '' ? value : null;
}

// EXTERNAL MODULE: ./packages/core/src/registry/types.ts
var types = __webpack_require__(40224);
// EXTERNAL MODULE: ./packages/core/src/storage/types.ts
var storage_types = __webpack_require__(90626);
;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/registry-plan.ts




async function planAgainstRegistry(inputs, host) {
    const options = { workspace: host.context.workspace, env: host.context.env, s3Endpoint: inputs.s3Endpoint, push: inputs.push, bump: inputs.bump, log: (message) => host.info(message) };
    const registry = await asInputErrors('registry', () => (0,factory.openRegistry)(inputs.registry, options));
    await checkRequest(registry, inputs);
    return { inputs, registry };
}
/**
 * The one mapping of registry/'s domain errors to promote-model's inputs:
 * what the registry refuses, or a location no registry can be, is bad input
 * naming `input`; anything else (a service down, damaged data) stays as it is.
 */
function asInputError(input, err) {
    // TypeError: `new URL()` on a malformed mlflow+http(s) location.
    if (err instanceof types/* RegistryRefusal */.O || err instanceof factory.UnknownRegistryError || err instanceof TypeError)
        return new errors/* InputError */.dz(input, err.message, { cause: err });
    // A store's bucket that is not there, or settings naming no usable store (e.g. no Azure account): the registry input is wrong.
    if (err instanceof storage_types/* BucketNotFoundError */.k_ || err instanceof storage_types/* StoreSettingsError */.Nt)
        return new errors/* InputError */.dz(input, err.message, { cause: err });
    return err;
}
/** Runs `read` (opening or reading the registry) with its errors mapped by asInputError. */
async function asInputErrors(input, read) {
    try {
        return await read();
    }
    catch (err) {
        throw asInputError(input, err);
    }
}
/** The input each kind of change is about, for the message. */
const INPUT_OF = { register: 'registry', 'set-alias': 'to-version', 'remove-alias': 'remove-alias', rollback: 'rollback' };
async function checkRequest(registry, inputs) {
    if (inputs.mode === 'gc') {
        if (!registry.collectGarbage)
            throw new errors/* InputError */.dz('gc', `${registry.description} keeps no half-written uploads to remove`);
        return;
    }
    if (inputs.mode === 'describe') {
        const found = await asInputErrors('describe', () => registry.describe(inputs.model, inputs.ref));
        if (!found && !inputs.allowMissing)
            throw new errors/* InputError */.dz('describe', missingVersion(registry, inputs.model, inputs.ref));
        return;
    }
    const change = changeOf(inputs);
    const refusal = await asInputErrors(INPUT_OF[change.kind], () => registry.refusalOf(change));
    if (refusal !== null)
        throw new errors/* InputError */.dz(INPUT_OF[change.kind], refusal);
}
function changeOf(inputs) {
    switch (inputs.mode) {
        case 'register':
            return { kind: 'register', model: inputs.model };
        case 'to-version':
            return { kind: 'set-alias', model: inputs.model, alias: inputs.alias, version: inputs.version };
        case 'rollback':
        case 'remove-alias':
            return { kind: inputs.mode, model: inputs.model, alias: inputs.alias };
    }
}
function missingVersion(registry, model, ref) {
    return `${model}@${'alias' in ref ? ref.alias : ref.version} does not exist in ${registry.description}`;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/plan.ts













/**
 * Reads and checks every input, and the files they name, before any work:
 * a bad name, a missing path, an unknown registry scheme or a gate that did
 * not pass ends the step here (exit 2) with nothing written to the registry.
 */
async function planRequest(reader, host) {
    const common = await planCommon(reader, host);
    if (reader.get('gc'))
        return { ...common, mode: 'gc', model: planGc(reader, common.registry) };
    const describe = reader.get('describe');
    const allowMissing = reader.get('allow-missing');
    if (describe !== undefined)
        return { ...common, mode: 'describe', ...parseDescribe(describe), allowMissing };
    const model = requiredModel(reader);
    const aliasText = reader.get('alias');
    const alias = aliasText === undefined ? null : checkedAlias(aliasText);
    const move = planAliasMove(reader, model, alias);
    if (move)
        return { ...common, ...move };
    return { ...common, ...(await planRegistration(reader, host, model, alias)) };
}
/** What every mode needs: where the registry is and how to talk to it. */
async function planCommon(reader, host) {
    const common = {
        registry: registryOf(reader.get('registry'), host.context.cwd),
        s3Endpoint: reader.get('s3-endpoint'),
        push: reader.get('push'),
        bump: reader.get('bump'),
        actor: actorFrom(host.context.env),
        gcOlderThanMs: gcOlderThanMs(reader.get('gc-older-than')),
    };
    if (common.registry.kind === 'git-tags')
        await checkGitTagsRepository(common.registry.repo, host.context.env, common.push);
    // Dropped, it would send the versions to Google rather than to the server it names.
    if (common.registry.kind === 'store' && common.registry.location.kind === 'gcs' && common.s3Endpoint !== undefined) {
        throw new errors/* InputError */.dz('s3-endpoint', `is for S3 registries; ${(0,errors/* quote */.A0)(common.registry.location.url)} is Google Cloud Storage, whose client reads STORAGE_EMULATOR_HOST for another server`);
    }
    return common;
}
/** `gc-older-than`: a duration (`24h`, `45m`), in milliseconds. */
function gcOlderThanMs(text) {
    const seconds = (0,parse/* parseDuration */.E9)(text);
    if (seconds === null || seconds <= 0)
        throw new errors/* InputError */.dz('gc-older-than', `got '${text}', expected a duration such as 45m, 24h or 1h30m`);
    return seconds * 1000;
}
/** gc is a mode of its own: only `model` (optional: every model) and `gc-older-than` go with it. */
function planGc(reader, registry) {
    if (registry.kind === 'mlflow' || registry.kind === 'git-tags') {
        throw new errors/* InputError */.dz('gc', `applies to registries in a folder or an object store, whose uploads a killed writer can leave half-done; a ${registry.kind} registry has none`);
    }
    const model = reader.get('model');
    return model === undefined ? null : checkedModel(model, 'model');
}
/** The alias move asked for: the spec's relations let at most one through. */
function askedMove(reader) {
    const version = reader.get('to-version');
    if (version !== undefined)
        return { mode: 'to-version', version };
    if (reader.get('rollback'))
        return { mode: 'rollback' };
    if (reader.get('remove-alias'))
        return { mode: 'remove-alias' };
    return null;
}
/** rollback, remove-alias and to-version each move the alias and register nothing. */
function planAliasMove(reader, model, alias) {
    const move = askedMove(reader);
    if (move === null)
        return null;
    // Unreachable while the spec's relations require the alias with every move.
    if (alias === null)
        throw new Error(`promote-model: ${move.mode} was read without an alias`);
    if (move.mode === 'to-version')
        return { mode: 'to-version', model, alias, version: checkedVersion(move.version) };
    return { mode: move.mode, model, alias };
}
function checkedVersion(version) {
    if (!/^(\d+|v?\d+\.\d+\.\d+)$/.test(version))
        throw new errors/* InputError */.dz('to-version', `got '${version}', expected a version number (7) or, for git-tags, vX.Y.Z`);
    return version;
}
/** The main path: the files, their metrics and gate, and how they were made. */
async function planRegistration(reader, host, model, alias) {
    const cwd = host.context.cwd;
    const modelPath = reader.get('path');
    if (modelPath === undefined)
        throw new errors/* InputError */.dz('path', 'is required to register a version: the model file or folder');
    const files = await modelFiles(modelPath, cwd);
    const metricsFile = reader.get('metrics');
    const metrics = metricsFile === undefined ? null : { file: metricsFile, values: await (0,load/* loadMetricsFile */.mS)(metricsFile, cwd) };
    const gate = await readGateResults(reader.get('gate-results'), cwd);
    const match = gate ? await matchPromotedCandidate(gate, { modelPath, metrics }, cwd) : null;
    const promoted = reader.get('require-gate') ? requireProvenGate(gate, match) : provenOrWarn(match, metrics !== null, host);
    return {
        mode: 'register',
        model,
        alias,
        files,
        // Without `metrics`, the promoted candidate's, as the gate read them: a later registry baseline needs them.
        metrics: metrics?.values ?? promoted?.metrics ?? null,
        gate,
        extra: parseExtraLineage(reader.get('lineage')),
        provenance: await readProvenance(reader, host, modelPath),
    };
}
/** A relative folder or `git-tags:<folder>` is relative to the working folder, as every path in an input. */
function registryOf(value, cwd) {
    try {
        const location = (0,factory.parseRegistryLocation)(value, cwd);
        // A folder registry where a file is: refused now, not as ENOTDIR halfway through a registration.
        if (location.kind === 'store' && location.location.kind === 'folder')
            (0,output_file/* outputFolderPath */.$)('registry', location.location.path, cwd);
        return location;
    }
    catch (err) {
        throw asInputError('registry', err);
    }
}
/** git-tags needs a repository with a commit to tag, and an `origin` to push to when push is on. */
async function checkGitTagsRepository(repo, env, push) {
    const at = { cwd: repo, env };
    if (!(await (0,git/* revParse */.DJ)(at, 'HEAD'))) {
        throw new errors/* InputError */.dz('registry', `is git-tags, but ${repo} is not a git repository with a commit to tag (check out the repository first)`);
    }
    if (push && !(await (0,git/* remoteUrl */.gX)(at)))
        throw new errors/* InputError */.dz('push', `is true, but the repository in ${repo} has no remote named origin`);
}
/** Every mode but describe and gc names its model in `model`. */
function requiredModel(reader) {
    const model = reader.get('model');
    if (model === undefined)
        throw new errors/* InputError */.dz('model', 'is required: name the model (or give describe: <model>@<alias> to read one)');
    return checkedModel(model, 'model');
}
function checkedModel(model, input) {
    const problem = (0,names/* modelNameProblem */.W)(model);
    if (problem)
        throw new errors/* InputError */.dz(input, `got model name '${model}', which ${problem}`);
    return model;
}
function checkedAlias(alias) {
    const problem = (0,names/* aliasProblem */.C1)(alias);
    if (problem)
        throw new errors/* InputError */.dz('alias', `got '${alias}', which ${problem}`);
    return alias;
}
/** `model@alias` or `model@<version>` (7, v1.2.0). */
function parseDescribe(text) {
    const at = text.lastIndexOf('@');
    if (at <= 0 || at === text.length - 1)
        throw new errors/* InputError */.dz('describe', `got '${text}', expected <model>@<alias> or <model>@<version> (e.g. iris@production)`);
    const model = checkedModel(text.slice(0, at), 'describe');
    const ref = text.slice(at + 1);
    if (/^(\d+|v\d+\.\d+\.\d+)$/.test(ref))
        return { model, ref: { version: ref } };
    const problem = (0,names/* aliasProblem */.C1)(ref);
    if (problem)
        throw new errors/* InputError */.dz('describe', `got alias '${ref}', which ${problem}`);
    return { model, ref: { alias: ref } };
}
/** The file, or every file under the folder (sorted), as paths relative to the model. */
async function modelFiles(modelPath, cwd) {
    const absolute = external_node_path_default().resolve(cwd, modelPath);
    const info = await (0,promises_.stat)(absolute).catch(() => null);
    if (!info)
        throw new errors/* InputError */.dz('path', `got '${modelPath}', which does not exist`);
    if (info.isFile())
        return [{ path: external_node_path_default().basename(absolute), absolutePath: absolute }];
    if (!info.isDirectory())
        throw new errors/* InputError */.dz('path', `got '${modelPath}', which is neither a file nor a folder`);
    const entries = await (0,promises_.readdir)(absolute, { recursive: true, withFileTypes: true });
    const files = entries
        .filter((entry) => entry.isFile())
        .map((entry) => {
        const full = external_node_path_default().join(entry.parentPath, entry.name);
        return { path: external_node_path_default().relative(absolute, full).split((external_node_path_default()).sep).join('/'), absolutePath: full };
    })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (files.length === 0)
        throw new errors/* InputError */.dz('path', `got '${modelPath}', a folder with no files in it`);
    if (files.some((file) => file.path === 'version.json')) {
        throw new errors/* InputError */.dz('path', `'${modelPath}' holds a version.json at its top, the name the registry keeps the lineage under; rename it`);
    }
    return files;
}
/** require-gate: false still takes the metrics from results that prove which candidate this is; else it says why not. */
function provenOrWarn(match, hasMetrics, host) {
    if (match?.kind === 'proven')
        return match.candidate;
    if (match)
        host.warning(`require-gate is false, so the version is registered anyway${hasMetrics ? '' : ', without metrics'}; gate-results: ${match.reason}`);
    return null;
}
/** A JSON object, or `key=value` lines; text inputs keep their blanks, so a block's indent is allowed. */
function parseExtraLineage(text) {
    const trimmed = text?.trim();
    if (!trimmed)
        return {};
    if (trimmed.startsWith('{')) {
        try {
            const parsed = JSON.parse(trimmed);
            if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
                return parsed;
        }
        catch (err) {
            throw new errors/* InputError */.dz('lineage', `is not valid JSON (${err.message})`);
        }
        throw new errors/* InputError */.dz('lineage', 'must be a JSON object or key=value lines');
    }
    const extra = {};
    for (const line of trimmed.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new errors/* InputError */.dz('lineage', `got line '${line}', expected key=value`);
        extra[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    return extra;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/index.ts
/**
 * promote-model: register a model that passed its gate, with its lineage, and
 * move an alias to it — race-free against other pipelines doing the same.
 *
 * The story: read every input (a bad name, a missing path, an unknown
 * registry or a gate that did not pass stops here, exit 2, nothing written)
 * → open the registry and check the request against it (an unknown version,
 * an alias not set: exit 2 too) → then one of: hash the model files, register them as
 * the next version with their lineage and move the alias (the main path);
 * describe a version; roll an alias back; remove an alias; move an alias to
 * an existing version; remove abandoned uploads (gc) → a local copy of the
 * lineage, the summary, outputs. A registration ends by removing its model's
 * abandoned uploads too.
 */









/** Reads the inputs, then opens the registry and checks the request against it: all before any work. */
async function plan(reader, host) {
    // The credentials its clients read from the environment are masked by the step runner (storeSecrets).
    return planAgainstRegistry(await planRequest(reader, host), host);
}
/** How often long work (hashing a large file) says how far it got. */
const PROGRESS_EVERY_MS = 5000;
async function run({ inputs, registry }, host) {
    host.info(`Registry: ${registry.description}`);
    const mover = moverOf(inputs.actor, host.kind, host.context);
    switch (inputs.mode) {
        case 'describe':
            return describeVersion(registry, inputs, host);
        case 'rollback':
            return rollBack(registry, inputs.model, inputs.alias, mover, host);
        case 'remove-alias':
            return removeAlias(registry, inputs.model, inputs.alias, mover, host);
        case 'to-version':
            return moveAlias(registry, inputs.model, inputs.alias, inputs.version, mover, host);
        case 'register':
            return registerAndPromote(registry, inputs, mover, host);
        case 'gc':
            return collectGarbage(registry, inputs.model, inputs.gcOlderThanMs, host);
    }
}
/** The main path: hash, register with lineage, then move the alias (when one is given). */
async function registerAndPromote(registry, inputs, mover, host) {
    const files = await host.group('Hash the model files', () => hashModelFiles(inputs.files, host));
    const pending = assembleLineage({ ...inputs, files, host: host.kind, context: host.context });
    const registered = await host.group(`Register ${inputs.model} in ${registry.description}`, () => registry.register(inputs.model, files, pending, mover));
    host.info(renderLineage(registered.lineage, registered.uri));
    let previous = null;
    if (inputs.alias) {
        const move = await registry.setAlias(inputs.model, inputs.alias, registered.version, mover);
        previous = move.previous;
        host.info(`${inputs.model}@${move.alias}: ${move.previous ?? '(new)'} → ${move.version}`);
    }
    await host.appendSummary(promote_model_summary(registered.lineage, registered.uri, inputs.alias, previous));
    await cleanUpAfterRegistration(registry, inputs.model, inputs.gcOlderThanMs, host);
    return { outputs: await versionOutputs(registered, previous, host) };
}
/** `gc`: removes abandoned uploads, says what it removed. */
async function collectGarbage(registry, model, olderThanMs, host) {
    // Checked while planning: an object store registry always has it.
    if (!registry.collectGarbage)
        throw new Error(`${registry.description} keeps no half-written uploads to remove`);
    const report = await registry.collectGarbage(model, olderThanMs);
    const removed = report.versions.map((version) => `${version.model}@${version.version}`);
    host.info(describeGarbage(report, olderThanMs) ?? `No abandoned uploads older than ${hours(olderThanMs)} in ${registry.description}`);
    await host.appendSummary((0,summary/* renderStepSummary */.P)({
        step: 'promote-model',
        outcome: 'ok',
        headline: `gc removed ${removed.length} abandoned upload(s) and ${report.leftovers.length} leftover(s)`,
        rows: [
            ['registry', registry.description],
            ['removed', removed.join(', ')],
        ],
    }));
    return { outputs: { version: '', uri: '', 'previous-version': '', lineage: '', removed: removed.join('\n') } };
}
/**
 * A registration that succeeded also removes the model's abandoned uploads
 * older than the threshold, so a registry whose writers get killed does not
 * grow for ever without anyone running gc. It is optional work: a failure is
 * a warning, the registration stands.
 */
async function cleanUpAfterRegistration(registry, model, olderThanMs, host) {
    if (!registry.collectGarbage)
        return;
    try {
        const said = describeGarbage(await registry.collectGarbage(model, olderThanMs), olderThanMs);
        if (said)
            host.info(said);
    }
    catch (err) {
        host.warning(`Removing abandoned uploads of ${model} failed (the registration stands; run promote-model --gc): ${err.message}`);
    }
}
/** One line per removed upload and leftover; null when nothing was removed. */
function describeGarbage(report, olderThanMs) {
    if (report.versions.length === 0 && report.leftovers.length === 0)
        return null;
    return [
        `Removed ${report.versions.length} abandoned upload(s) older than ${hours(olderThanMs)} and ${report.leftovers.length} leftover(s):`,
        ...report.versions.map((version) => `  ${version.model}@${version.version} (claimed ${version.claimedAt}, never completed)`),
        ...report.leftovers.map((leftover) => `  ${leftover}`),
    ].join('\n');
}
function hours(ms) {
    return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 1000)}s`;
}
async function describeVersion(registry, { model, ref, allowMissing }, host) {
    const found = await registry.describe(model, ref);
    if (!found) {
        const missing = missingVersion(registry, model, ref);
        // Planning found it: it was removed since, by another writer.
        if (!allowMissing)
            throw new Error(`${missing} any more`);
        host.info(`${missing} (allow-missing: found = false)`);
        await host.appendSummary((0,summary/* renderStepSummary */.P)({ step: 'promote-model', outcome: 'ok', headline: `${missing} (allow-missing)` }));
        return { outputs: { version: '', uri: '', 'previous-version': '', lineage: '', found: 'false' } };
    }
    host.info(renderLineage(found.lineage, found.uri));
    host.info(JSON.stringify(found.lineage, null, 2));
    await host.appendSummary((0,summary/* renderStepSummary */.P)({
        step: 'promote-model',
        outcome: 'ok',
        headline: `${found.lineage.model} ${found.lineage.version} described`,
        rows: [
            ['registry', registry.description],
            ['uri', { code: found.uri }],
            ['files', found.lineage.files.length],
            ['commit', found.lineage.git.commit ? { code: found.lineage.git.commit } : '—'],
        ],
    }));
    return { outputs: { ...(await versionOutputs(found, null, host)), found: 'true' } };
}
async function rollBack(registry, model, alias, mover, host) {
    const move = await registry.rollback(model, alias, mover);
    host.info(`${model}@${alias}: rolled back from ${move.previous ?? '(none)'} to ${move.version}`);
    await host.appendSummary(aliasSummary(`${model}@${alias} rolled back to ${move.version}`, registry, move.previous ?? '(none)', move.version));
    return { outputs: await aliasOutputs(registry, model, move, host) };
}
async function removeAlias(registry, model, alias, mover, host) {
    const removed = await registry.removeAlias(model, alias, mover);
    host.info(`${model}@${alias}: removed (it pointed to ${removed.previous})`);
    await host.appendSummary(aliasSummary(`${model}@${alias} removed`, registry, removed.previous, '(none)'));
    return { outputs: { version: '', uri: '', 'previous-version': removed.previous, lineage: '' } };
}
async function moveAlias(registry, model, alias, version, mover, host) {
    const move = await registry.setAlias(model, alias, version, mover);
    host.info(`${model}@${alias}: ${move.previous ?? '(new)'} → ${move.version}`);
    await host.appendSummary(aliasSummary(`${model}@${alias} moved to ${move.version}`, registry, move.previous ?? '(new)', move.version));
    return { outputs: await aliasOutputs(registry, model, move, host) };
}
/** sha256 of every file: a line per file, and every 5 s while a large one hashes (models can be gigabytes). */
async function hashModelFiles(refs, host) {
    const files = [];
    for (const ref of refs) {
        const size = await fileSize(ref.absolutePath);
        let last = Date.now();
        const sha256 = await (0,local_blob_store/* hashFile */.DC)(ref.absolutePath, (bytes) => {
            if (Date.now() - last < PROGRESS_EVERY_MS)
                return;
            last = Date.now();
            host.info(`  ${ref.path}: hashed ${Math.round((100 * bytes) / Math.max(1, size))}% (${bytes} of ${size} bytes)`);
        });
        files.push({ ...ref, sha256, size });
        host.info(`  ${ref.path}  ${size} bytes  sha256:${sha256}`);
    }
    return files;
}
async function fileSize(file) {
    return (await (0,promises_.stat)(file)).size;
}
async function aliasOutputs(registry, model, move, host) {
    const found = await registry.describe(model, { version: move.version });
    if (!found)
        throw new Error(`${model} version ${move.version} vanished from ${registry.description} right after the alias moved to it`);
    return versionOutputs(found, move.previous, host);
}
async function versionOutputs(found, previous, host) {
    return { version: found.lineage.version, uri: found.uri, 'previous-version': previous ?? '', lineage: await lineageFile(found, host) };
}
/** The version.json in a local registry; for remote ones a copy in the run's temp folder. */
async function lineageFile(found, host) {
    const inPlace = external_node_path_default().join(found.uri, 'version.json');
    if (external_node_path_default().isAbsolute(found.uri) && (0,external_node_fs_.existsSync)(inPlace))
        return inPlace;
    const safeModel = found.lineage.model.replace(/[^A-Za-z0-9_.-]+/g, '-');
    const copy = external_node_path_default().join(host.context.tempDir, 'mlops-ci', 'promote-model', safeModel, found.lineage.version, 'version.json');
    await (0,fs_atomic/* writeFileAtomic */.Z)(copy, `${JSON.stringify(found.lineage, null, 2)}\n`);
    return copy;
}
function promote_model_summary(lineage, uri, alias, previous) {
    return (0,summary/* renderStepSummary */.P)({
        step: 'promote-model',
        outcome: 'ok',
        headline: `${lineage.model} ${lineage.version} registered`,
        rows: [
            ['version', lineage.version],
            ['files', lineage.files.length],
            ['uri', { code: uri }],
            ['alias', alias ? `${alias}: ${previous ?? '(new)'} → ${lineage.version}` : '—'],
            ['gate', lineage.gate ? (lineage.gate.passed ? 'passed' : 'did not pass') : '—'],
            ['commit', lineage.git.commit ? { code: lineage.git.commit } : '—'],
        ],
    });
}
/** An alias moved, rolled back or removed: where it pointed before and after. */
function aliasSummary(headline, registry, before, after) {
    return (0,summary/* renderStepSummary */.P)({
        step: 'promote-model',
        outcome: 'ok',
        headline,
        rows: [
            ['registry', registry.description],
            ['before', before],
            ['after', after],
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
