export const id = 334;
export const ids = [334];
export const modules = {

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

/***/ 92334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   folderBackend: () => (/* binding */ folderBackend)
/* harmony export */ });
/* harmony import */ var _registry_local_blob_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34268);
/* harmony import */ var _local_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42872);


/** A folder on this machine (a mounted share, a DVC local remote): read as files, written with exclusive create, rename and lock files. */
const folderBackend = {
    readStore: (location) => new _local_js__WEBPACK_IMPORTED_MODULE_1__/* .LocalStore */ .V(location.path),
    writeStore: (location, options) => new _registry_local_blob_store_js__WEBPACK_IMPORTED_MODULE_0__/* .LocalBlobStore */ .ig(location.path, options.log),
};


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


/***/ })

};
