export const id = 346;
export const ids = [346];
export const modules = {

/***/ 26346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StoreCache: () => (/* binding */ StoreCache)
/* harmony export */ });
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
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(96192);
/* harmony import */ var _registry_local_blob_store_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(34268);
/* harmony import */ var _storage_backends_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(16606);
/* harmony import */ var _storage_open_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(55755);










/**
 * The cross-run cache in an object-store prefix (`cache-url: s3://…`,
 * `gs://…`, `azure://…`), for Jenkins agents and other runners without
 * @actions/cache. Each key is one tar object, `<prefix><key>.tar`, holding
 * the saved folders by absolute path; keys are immutable and a restore key
 * matches the newest object whose key starts with it, as @actions/cache does.
 * Reads go through the store data-pull reads with, writes through the one the
 * registry writes with, which verifies what it uploaded; an upload is atomic,
 * so a killed save leaves nothing. A broken cache is a miss with a warning.
 */
class StoreCache {
    reader;
    writer;
    url;
    log;
    env;
    constructor(reader, writer, url, log, 
    /** The step's environment (`host.context.env`): tar runs with it. */
    env) {
        this.reader = reader;
        this.writer = writer;
        this.url = url;
        this.log = log;
        this.env = env;
    }
    /** tar gets absolute paths only (members relative to `-C /`), so it runs from / with the step's environment. */
    get tools() {
        return { cwd: '/', env: this.env };
    }
    /** The cache under an object-store prefix, checked by `parseLocation` (its prefix ends with `/`). */
    static async at(location, host) {
        const env = host.context.env;
        return new StoreCache((0,_storage_open_js__WEBPACK_IMPORTED_MODULE_9__/* .openStore */ .C)(location, { env }), await (0,_storage_backends_js__WEBPACK_IMPORTED_MODULE_8__/* .openBlobStore */ .n)(location, { env }), location.url, host, env);
    }
    async restore(paths, key, restoreKeys = []) {
        const scratch = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_os__WEBPACK_IMPORTED_MODULE_3___default().tmpdir(), `mlops-ci-cache-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.tar`);
        try {
            const matched = await this.findKey(key, restoreKeys);
            if (!matched)
                return undefined;
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(await this.reader.store.read(this.storeKey(matched)), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(scratch));
            const members = paths.map((target) => node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(target).slice(1)); // stored relative to /
            const listed = (await (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .execCapture */ .Wp)('tar', ['-tf', scratch], this.tools)).stdout.split('\n');
            const present = members.filter((member) => listed.some((line) => line === member || line.startsWith(`${member}/`)));
            if (present.length > 0)
                await (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .execCapture */ .Wp)('tar', ['-xf', scratch, '-C', '/', '--', ...present], this.tools);
            return matched;
        }
        catch (err) {
            this.log.warning(`cache restore from ${this.url} failed, continuing without it: ${err.message}`);
            return undefined;
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(scratch, { force: true });
        }
    }
    async save(paths, key) {
        const scratchDir = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_os__WEBPACK_IMPORTED_MODULE_3___default().tmpdir(), `mlops-ci-cache-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
        const scratch = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(scratchDir, 'cache.tar');
        try {
            if (await this.reader.store.head(this.storeKey(key)))
                return; // keys are immutable, as on GitHub
            const members = paths.map((target) => node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(target)).filter((target) => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(target)).map((target) => target.slice(1));
            if (members.length === 0)
                return;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(scratchDir, { recursive: true });
            await (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .execCapture */ .Wp)('tar', ['-cf', scratch, '-C', '/', '--', ...members], this.tools);
            const [sha256, { size }] = await Promise.all([(0,_registry_local_blob_store_js__WEBPACK_IMPORTED_MODULE_7__/* .hashFile */ .DC)(scratch), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(scratch)]);
            await this.writer.upload(objectName(key), scratch, sha256, size);
        }
        catch (err) {
            this.log.warning(`cache save to ${this.url} failed for key ${key}: ${err.message}`);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(scratchDir, { recursive: true, force: true });
        }
    }
    /** The key's object as the read store names it (bucket-relative). */
    storeKey(key) {
        return `${this.reader.prefix}${objectName(key)}`;
    }
    /** The exact key, else for each restore prefix in order the newest key starting with it. */
    async findKey(key, restoreKeys) {
        if (await this.reader.store.head(this.storeKey(key)))
            return key;
        for (const restoreKey of restoreKeys) {
            const found = [];
            for await (const object of this.reader.store.list(`${this.reader.prefix}${encodeURIComponent(restoreKey)}`)) {
                if (object.key.endsWith(TAR))
                    found.push(object);
            }
            found.sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0));
            const newest = found[0]?.key;
            if (newest)
                return decodeURIComponent(newest.slice(this.reader.prefix.length, -TAR.length));
        }
        return undefined;
    }
}
const TAR = '.tar';
/** A key's object name under the cache prefix: any text is a safe single name once encoded. */
function objectName(key) {
    return `${encodeURIComponent(key)}${TAR}`;
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
