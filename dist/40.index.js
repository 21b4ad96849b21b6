export const id = 40;
export const ids = [40];
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

/***/ 40040:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  azureBackend: () => (/* binding */ azureBackend)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/node_modules/@azure/storage-blob/dist/esm/index.js + 57 modules
var esm = __webpack_require__(41290);
// EXTERNAL MODULE: ./packages/core/src/registry/local-blob-store.ts
var local_blob_store = __webpack_require__(34268);
// EXTERNAL MODULE: ./packages/core/src/storage/types.ts
var types = __webpack_require__(90626);
// EXTERNAL MODULE: ./packages/core/src/storage/azure/credentials.ts
var credentials = __webpack_require__(73969);
;// CONCATENATED MODULE: ./packages/core/src/storage/azure/client.ts
/**
 * The one place an Azure Blob Storage client is made: from the access
 * `resolveAzureAccess` chose. `@azure/identity` is loaded only when no
 * connection string, key or SAS was given, as most runs never need it.
 */


/** Tries of one request, and resumptions of one download cut short (the SDK's maxRetryRequests). */
const MAX_TRIES = 5;
/**
 * The SDK retries throttling, resets, timeouts and 5xx with exponential
 * backoff; data-pull restarts an object that still fails after these.
 */
const PIPELINE = {
    retryOptions: { maxTries: MAX_TRIES, retryDelayInMs: 500, maxRetryDelayInMs: 8000 },
    keepAliveOptions: { enable: true },
};
/** The client of `container`, reached as the remote's settings or the environment say. */
async function openContainer(container, remote, env) {
    return (await serviceClient((0,credentials/* resolveAzureAccess */.kl)(remote, env))).getContainerClient(container);
}
async function serviceClient(access) {
    switch (access.kind) {
        case 'connection-string':
            try {
                return esm/* BlobServiceClient */.wS.fromConnectionString(access.connectionString, PIPELINE);
            }
            catch (err) {
                // The SDK's message names the part it could not read, never the string itself; ours must not either.
                throw new credentials/* AzureCredentialsError */.sL(`the Azure connection string is not valid: ${err.message}`);
            }
        case 'shared-key':
            return new esm/* BlobServiceClient */.wS(accountUrl(access.account), new esm/* StorageSharedKeyCredential */.Z3(access.account, access.accountKey), PIPELINE);
        case 'sas':
            return new esm/* BlobServiceClient */.wS(`${accountUrl(access.account)}?${access.sasToken}`, new esm/* AnonymousCredential */.tv(), PIPELINE);
        case 'default-credential': {
            const { DefaultAzureCredential } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(324), __webpack_require__.e(969)]).then(__webpack_require__.bind(__webpack_require__, 16969));
            return new esm/* BlobServiceClient */.wS(accountUrl(access.account), new DefaultAzureCredential(), PIPELINE);
        }
    }
}
function accountUrl(account) {
    if (!/^[a-z0-9]{3,24}$/.test(account))
        throw new credentials/* AzureCredentialsError */.sL(`got storage account '${account}', expected 3 to 24 lower-case letters and digits`);
    return `https://${account}.blob.core.windows.net`;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./packages/core/src/storage/azure/object-store.ts




/** Blobs listed per request: the service's maximum. */
const PAGE_SIZE = 5000;
/**
 * An Azure Blob Storage container through @azure/storage-blob, keys relative
 * to the container. Each object's `etag` is its Content-MD5 as hex (Azure's
 * own ETag is an opaque version tag, not a hash), so data-pull checks every
 * byte against it. A blob committed from blocks without an MD5 has none and
 * is checked by size: then TLS guards the bytes in transit (the service's
 * transactional MD5 covers only reads of at most 4 MiB, so it is not asked for).
 */
class AzureStore {
    containerName;
    container;
    description;
    constructor(containerName, container) {
        this.containerName = containerName;
        this.container = container;
        this.description = `azure://${containerName}`;
    }
    async *list(prefix) {
        for await (const item of this.listItems(prefix, false)) {
            if (isPlaceholder(item))
                continue;
            yield { key: item.name, size: item.properties.contentLength ?? 0, ...md5Of(item.properties.contentMD5), ...(item.properties.lastModified ? { lastModified: item.properties.lastModified } : {}) };
        }
    }
    /**
     * Blob versions: a version's id is the time it was written, so the version
     * of a key at `asOf` is its newest one written by then. A key with no
     * current version was deleted, at a time Azure does not list: when its
     * newest version predates `asOf`, whether it still existed then cannot be
     * told, and that is refused rather than guessed. An account that keeps no
     * versions lists blobs without version ids (Azurite does: it has no blob
     * versioning): refused as well, never read as "now".
     */
    async *listAsOf(prefix, asOf) {
        const cutoff = versionIdOf(asOf);
        const byKey = new Map();
        for await (const item of this.listItems(prefix, true)) {
            if (isPlaceholder(item))
                continue;
            if (item.versionId === undefined) {
                throw new types/* VersionsNotKeptError */.BM(`azure://${this.containerName}/${item.name} has no blob versions (it was written before versioning was on, or the account keeps none): turn on blob versioning for the storage account to read it as of a time`);
            }
            const versions = byKey.get(item.name) ?? [];
            versions.push({ id: checkedVersionId(item.versionId), current: item.isCurrentVersion === true, item });
            byKey.set(item.name, versions);
        }
        for (const [key, versions] of byKey) {
            const newestFirst = versions.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
            const index = newestFirst.findIndex((version) => version.id <= cutoff);
            const chosen = newestFirst[index];
            if (chosen === undefined)
                continue; // written only after asOf
            if (index === 0 && !chosen.current) {
                throw new types/* VersionsNotKeptError */.BM(`azure://${this.containerName}/${key} was deleted after its last version (${chosen.id}); Azure does not record when, so whether it existed at ${asOf.toISOString()} cannot be told`);
            }
            const { properties } = chosen.item;
            yield { key, size: properties.contentLength ?? 0, ...md5Of(properties.contentMD5), versionId: chosen.id, lastModified: timeOf(chosen.id) };
        }
    }
    async head(key, versionId) {
        try {
            const properties = await this.blob(key, versionId).then((blob) => blob.getProperties());
            checkVersion(properties, key, versionId);
            return { key, size: properties.contentLength ?? 0, ...md5Of(properties.contentMD5), ...(properties.versionId ? { versionId: properties.versionId } : {}) };
        }
        catch (err) {
            if (isStatus(err, 404))
                return undefined;
            throw err;
        }
    }
    async read(key, options = {}) {
        const { versionId, range } = options;
        try {
            const blob = await this.blob(key, versionId);
            // The SDK resumes a body that ended short, pinned to the same ETag, up to maxRetryRequests times; a connection
            // reset it passes on as an abort, and data-pull restarts the object (transfer.ts).
            const response = range ? await blob.download(range.start, range.end - range.start + 1, { maxRetryRequests: MAX_TRIES }) : await blob.download(0, undefined, { maxRetryRequests: MAX_TRIES });
            checkVersion(response, key, versionId);
            const body = response.readableStreamBody;
            if (!(body instanceof external_node_stream_.Readable))
                throw new Error(`azure://${this.containerName}/${key}: the response has no body stream`);
            return external_node_stream_.Readable.from(explainBreaks(body), { objectMode: false });
        }
        catch (err) {
            if (isStatus(err, 404))
                throw new types/* NotFoundError */.m_(`azure://${this.containerName}/${key}${versionId ? ` (version ${versionId})` : ''} does not exist`);
            // A RestError without a status never reached the service: the SDK's own message ("The operation was aborted.") says too little.
            if (neverAnswered(err))
                throw new Error(`no answer from the service after ${MAX_TRIES} tries (${err.message})`, { cause: err });
            throw err;
        }
    }
    async *listItems(prefix, includeVersions) {
        const container = await this.container();
        try {
            // Metadata tells a Data Lake (hierarchical namespace) folder from a blob.
            for await (const page of container.listBlobsFlat({ prefix, includeMetadata: true, includeVersions }).byPage({ maxPageSize: PAGE_SIZE })) {
                yield* page.segment.blobItems;
            }
        }
        catch (err) {
            if (isStatus(err, 404))
                throw new types/* BucketNotFoundError */.k_(`azure://${this.containerName}: the container does not exist`, { cause: err });
            // The service's own message (403: "Server failed to authenticate…") names no store: this one does.
            if ((0,esm/* isRestError */.T0)(err))
                throw new Error(`azure://${this.containerName}/${prefix}: ${err.message}`, { cause: err });
            throw err;
        }
    }
    async blob(key, versionId) {
        const blob = (await this.container()).getBlobClient(key);
        return versionId ? blob.withVersion(versionId) : blob;
    }
}
/** The body's bytes; a break says how far it got (the SDK's own message is only "The operation was aborted."). */
async function* explainBreaks(body) {
    let received = 0;
    try {
        for await (const chunk of body) {
            received += chunk.length;
            yield chunk;
        }
    }
    catch (err) {
        throw new Error(`the connection broke off after ${received} bytes (${err.message})`, { cause: err });
    }
}
/** Folder placeholders hold no data: a name ending in `/`, or a Data Lake directory (`hdi_isfolder`). */
function isPlaceholder(item) {
    return item.name.endsWith('/') || item.metadata?.['hdi_isfolder'] === 'true';
}
/**
 * A server that ignores `versionid` (Azurite) answers with the current blob:
 * a version asked for and not confirmed is refused, never taken for it.
 */
function checkVersion(response, key, versionId) {
    if (versionId !== undefined && response.versionId !== versionId) {
        throw new types/* NotFoundError */.m_(`${key}: asked for version ${versionId}, the store answered with ${response.versionId ?? 'no version'}: it keeps no blob versions`);
    }
}
function md5Of(md5) {
    return md5 && md5.length === 16 ? { etag: Buffer.from(md5).toString('hex') } : {};
}
/** Version ids are UTC times with seven fractional digits (`2026-05-01T12:00:00.1234567Z`): ordered as text. */
const VERSION_ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
/** `time` as a version id: its milliseconds padded to seven digits, so ids and times compare as text. */
function versionIdOf(time) {
    return time.toISOString().replace(/Z$/, '0000Z');
}
function checkedVersionId(id) {
    if (!VERSION_ID.test(id))
        throw new Error(`unexpected Azure blob version id '${id}' (expected a UTC time with seven fractional digits)`);
    return id;
}
function timeOf(versionId) {
    return new Date(`${versionId.slice(0, 23)}Z`);
}
/** A request that got no HTTP answer: a RestError without a status, or the SDK's abort when a connection died. */
function neverAnswered(err) {
    return ((0,esm/* isRestError */.T0)(err) && err.statusCode === undefined) || err?.name === 'AbortError';
}
function isStatus(err, status) {
    return (0,esm/* isRestError */.T0)(err) && err.statusCode === status;
}

;// CONCATENATED MODULE: ./packages/core/src/storage/azure/blob-store.ts







/** Size of each staged block; a file is committed from ceil(size / BLOCK_SIZE) blocks. */
const BLOCK_SIZE = 8 * 1024 * 1024;
/** Blocks staged at once: memory stays at BLOCKS_IN_FLIGHT × BLOCK_SIZE. */
const BLOCKS_IN_FLIGHT = 4;
/**
 * A container prefix as a registry (and cross-run cache) store. Conditional
 * writes are Azure's own: `If-None-Match: *` creates only when absent (409
 * BlobAlreadyExists or 412 when something is there), `If-Match: <etag>`
 * replaces only that version (412 when it changed).
 */
class AzureBlobStore {
    containerName;
    prefix;
    container;
    description;
    constructor(containerName, 
    /** Key prefix, empty or ending with `/`. */
    prefix, container) {
        this.containerName = containerName;
        this.prefix = prefix;
        this.container = container;
        this.description = `azure://${containerName}/${prefix}`;
    }
    async get(key) {
        try {
            const blob = await this.blob(key);
            const response = await blob.download(0, undefined, { maxRetryRequests: MAX_TRIES });
            const chunks = [];
            for await (const chunk of response.readableStreamBody ?? [])
                chunks.push(chunk);
            // An empty tag would make replaceIf's If-Match no condition at all: refused rather than guessed.
            if (!response.etag)
                throw new Error(`${this.locate(key)}: the response names no ETag`);
            return { body: Buffer.concat(chunks), etag: response.etag };
        }
        catch (err) {
            if (isStatus(err, 404))
                return null;
            throw this.named(key, err);
        }
    }
    async createOnly(key, body) {
        return this.conditionalPut(key, body, { ifNoneMatch: '*' });
    }
    async replaceIf(key, body, etag) {
        return this.conditionalPut(key, body, { ifMatch: etag });
    }
    async list(prefix) {
        const keys = [];
        const container = await this.container();
        try {
            for await (const item of container.listBlobsFlat({ prefix: this.keyOf(prefix) })) {
                if (!item.name.endsWith('/'))
                    keys.push(item.name.slice(this.prefix.length));
            }
        }
        catch (err) {
            if (isStatus(err, 404))
                throw new types/* BucketNotFoundError */.k_(`${this.description}: the container does not exist`, { cause: err });
            throw this.named(prefix, err);
        }
        return keys;
    }
    /**
     * Stages the file in blocks, each with its MD5, which the service checks
     * against the bytes it received (400 Md5Mismatch otherwise), then commits
     * them at once with the whole file's MD5 and sha256: the blob appears whole
     * or not at all. Read back, its size, MD5 and sha256 must be the file's.
     */
    async upload(key, file, sha256, size, onProgress) {
        const blob = await this.blob(key);
        // Another writer's blocks for the same key never mix with ours: block ids carry this upload's own tag.
        const tag = (0,external_node_crypto_.randomBytes)(6).toString('hex');
        const blocks = Math.max(1, Math.ceil(size / BLOCK_SIZE));
        const ids = Array.from({ length: blocks }, (_, index) => Buffer.from(`${tag}-${String(index).padStart(6, '0')}`).toString('base64'));
        let sent = 0;
        let next = 0;
        const handle = await (0,promises_.open)(file, 'r');
        try {
            const stageBlocks = async () => {
                while (next < blocks) {
                    const index = next++;
                    const start = index * BLOCK_SIZE;
                    const length = Math.min(BLOCK_SIZE, size - start);
                    const bytes = Buffer.alloc(length);
                    const { bytesRead } = await handle.read(bytes, 0, length, start);
                    if (bytesRead !== length)
                        throw new Error(`${file} is shorter than the ${size} bytes it had when hashed`);
                    await blob.stageBlock(ids[index], bytes, length, { transactionalContentMD5: (0,external_node_crypto_.createHash)('md5').update(bytes).digest() });
                    sent += length;
                    onProgress?.(sent);
                }
            };
            await Promise.all(Array.from({ length: Math.min(BLOCKS_IN_FLIGHT, blocks) }, stageBlocks));
        }
        finally {
            await handle.close();
        }
        const { md5 } = await (0,local_blob_store/* fileDigests */.KQ)(file, ['md5']);
        await blob.commitBlockList(ids, { blobHTTPHeaders: { blobContentMD5: md5 }, metadata: { sha256 } });
        await this.verifyUpload(blob, key, file, { size, md5: md5.toString('hex'), sha256 });
    }
    locate(key) {
        return `azure://${this.containerName}/${this.keyOf(key)}`;
    }
    async delete(key) {
        await (await this.blob(key)).deleteIfExists({ deleteSnapshots: 'include' });
    }
    /**
     * Nothing to remove: a killed writer leaves only uncommitted blocks, which
     * are no blob (no read or listing sees them), and the service discards them
     * a week after they were staged, or at the key's next commit.
     */
    async removeLeftovers() {
        return [];
    }
    async verifyUpload(blob, key, file, expected) {
        const properties = await blob.getProperties();
        const stored = { size: properties.contentLength, md5: properties.contentMD5 ? Buffer.from(properties.contentMD5).toString('hex') : undefined, sha256: properties.metadata?.['sha256'] };
        if (stored.size !== expected.size || stored.md5 !== expected.md5 || stored.sha256 !== expected.sha256) {
            throw new Error(`${this.locate(key)} does not match ${file} after upload (${stored.size} of ${expected.size} bytes, MD5 ${stored.md5}, expected ${expected.md5})`);
        }
    }
    keyOf(key) {
        return `${this.prefix}${key}`;
    }
    async blob(key) {
        return (await this.container()).getBlockBlobClient(this.keyOf(key));
    }
    async conditionalPut(key, body, conditions) {
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        try {
            await (await this.blob(key)).upload(bytes, bytes.length, { conditions, blobHTTPHeaders: { blobContentType: 'application/json' } });
            return true;
        }
        catch (err) {
            // 412: the condition failed. 409 BlobAlreadyExists: Azure's answer to If-None-Match: * on an existing blob.
            if (isStatus(err, 412) || isStatus(err, 409))
                return false;
            throw this.named(key, err);
        }
    }
    /** The service's own message (404 "The specified container does not exist.", 403 …) names no blob: this one does. */
    named(key, err) {
        return (0,esm/* isRestError */.T0)(err) ? new Error(`${this.locate(key)}: ${err.message}`, { cause: err }) : err;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/storage/azure/backend.ts




/** Azure Blob Storage (and Azurite) through @azure/storage-blob; credentials as `resolveAzureAccess` finds them. */
const azureBackend = {
    readStore: (location, options) => new AzureStore(location.bucket, containerOf(location, options)),
    writeStore: (location, options) => new AzureBlobStore(location.bucket, location.prefix, containerOf(location, options)),
};
/** The container's client, made on first use: opening one may load @azure/identity, and a store may never be asked. */
function containerOf(location, options) {
    let client;
    return () => (client ??= openContainer(location.bucket, options.azure, options.env).catch((err) => Promise.reject(named(location, err))));
}
/** A credentials problem, named by the store it was for. */
function named(location, err) {
    return err instanceof credentials/* AzureCredentialsError */.sL ? new credentials/* AzureCredentialsError */.sL(`${location.url}: ${err.message}`, { cause: err }) : err;
}


/***/ })

};
