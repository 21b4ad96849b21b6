export const id = 17;
export const ids = [17];
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

/***/ 57017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gcsBackend: () => (/* binding */ gcsBackend)
});

// EXTERNAL MODULE: ./packages/core/src/registry/local-blob-store.ts
var local_blob_store = __webpack_require__(34268);
// EXTERNAL MODULE: ./packages/core/src/storage/types.ts
var types = __webpack_require__(90626);
// EXTERNAL MODULE: ./node_modules/@google-cloud/storage/build/esm/src/index.js + 22 modules
var src = __webpack_require__(73665);
;// CONCATENATED MODULE: ./packages/core/src/storage/gcs/client.ts

/**
 * A Cloud Storage client as every gs:// user in this project configures it.
 *
 * What the SDK would read from the process is read from the step's
 * environment instead and passed explicitly:
 * - the endpoint: a DVC remote's `endpointurl`, else STORAGE_EMULATOR_HOST
 *   (fake-gcs-server, the test server); a custom endpoint is called with no
 *   credentials at all, as the SDK does for an emulator;
 * - a key file: a DVC remote's `credentialpath`, else
 *   GOOGLE_APPLICATION_CREDENTIALS; without either, Application Default
 *   Credentials (the metadata server, `gcloud auth application-default`,
 *   the workload identity file google-github-actions/auth writes);
 * - the project: a DVC remote's `projectname`, else GOOGLE_CLOUD_PROJECT.
 *   Object reads and writes need none; it is billed for requester-pays only.
 */
function createGcsClient(options) {
    const env = options.env;
    const emulator = env['STORAGE_EMULATOR_HOST'] || undefined;
    const keyFile = options.gcs?.keyFile ?? (env['GOOGLE_APPLICATION_CREDENTIALS'] || undefined);
    const projectId = options.gcs?.projectId ?? (env['GOOGLE_CLOUD_PROJECT'] || undefined);
    const endpoint = options.gcs?.endpoint ?? (emulator ? endpointOf(emulator) : undefined);
    const client = new src/* Storage */.wc({
        ...(endpoint ? { apiEndpoint: endpoint } : {}),
        ...(keyFile ? { keyFilename: keyFile } : {}),
        ...(projectId ? { projectId } : {}),
        // The SDK's own backoff, with a budget like the S3 client's (6 attempts).
        retryOptions: { autoRetry: true, maxRetries: 5 },
    });
    // When the process has STORAGE_EMULATOR_HOST, the SDK takes it as the JSON
    // API's base as it is, without the /storage/v1 its uploads and every server
    // (fake-gcs-server, Google's) put the API under: requests would miss it.
    if (endpoint)
        client.baseUrl = `${endpoint}/storage/v1`;
    return client;
}
/** The emulator's URL: `host:port` means http, as the emulators are started (gcloud, fake-gcs-server -scheme http). */
function endpointOf(emulator) {
    return /^[a-z]+:\/\//i.test(emulator) ? emulator.replace(/\/+$/, '') : `http://${emulator}`;
}
/** The HTTP status of a Cloud Storage error, or undefined for anything else (a reset, a timeout). */
function statusOf(err) {
    return err instanceof src/* ApiError */.hD && typeof err.code === 'number' ? err.code : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/storage/gcs/blob-store.ts



/** Files at least this large go up resumably, in chunks the SDK retries one at a time. */
const RESUMABLE_FROM = 8 * 1024 * 1024;
/**
 * A Cloud Storage prefix as a registry's or a cache's store. The tag of an
 * object is its generation, and conditional writes are Cloud Storage's own:
 * `ifGenerationMatch: 0` creates only when no live object is there,
 * `ifGenerationMatch: <generation>` replaces only that generation; both
 * answer 412 when they lose.
 */
class GcsBlobStore {
    bucketName;
    prefix;
    description;
    bucket;
    constructor(client, bucketName, 
    /** Key prefix, empty or ending with `/`. */
    prefix) {
        this.bucketName = bucketName;
        this.prefix = prefix;
        this.description = `gs://${bucketName}/${prefix}`;
        this.bucket = client.bucket(bucketName);
    }
    /** One request: the body and the generation it is (`x-goog-generation`), so the tag always belongs to these bytes. */
    async get(key) {
        let generation;
        const chunks = [];
        try {
            const stream = this.file(key).createReadStream({ validation: 'md5', decompress: false });
            stream.on('response', (response) => {
                const headers = response.toJSON?.().headers ?? response.headers ?? {};
                const value = headers['x-goog-generation'];
                generation = typeof value === 'string' ? value : undefined;
            });
            for await (const chunk of stream)
                chunks.push(chunk);
        }
        catch (err) {
            if (statusOf(err) === 404)
                return null;
            throw err;
        }
        // Without it no compare-and-swap could be made safely: refuse rather than guess.
        if (generation === undefined)
            throw new Error(`${this.locate(key)}: the response names no generation (x-goog-generation)`);
        return { body: Buffer.concat(chunks), etag: generation };
    }
    async createOnly(key, body) {
        return this.conditionalSave(key, body, 0);
    }
    async replaceIf(key, body, etag) {
        return this.conditionalSave(key, body, etag);
    }
    async list(prefix) {
        const keys = [];
        let pageToken;
        do {
            const [files, next] = await this.bucket.getFiles({ prefix: this.keyOf(prefix), autoPaginate: false, maxResults: 1000, ...(pageToken ? { pageToken } : {}) }).catch((err) => {
                // Listing answers 404 only for the bucket itself.
                throw statusOf(err) === 404 ? new types/* BucketNotFoundError */.k_(`${this.description}: the bucket does not exist`, { cause: err }) : err;
            });
            for (const file of files)
                if (!file.name.endsWith('/'))
                    keys.push(file.name.slice(this.prefix.length));
            pageToken = next?.pageToken;
        } while (pageToken);
        return keys;
    }
    /**
     * The SDK checks the md5 of what it sent against what the server computed;
     * this checks again what the store now holds (size, md5, and the sha256 kept
     * in the object's metadata), so a file changed while read is caught too.
     */
    async upload(key, file, sha256, size, onProgress) {
        await this.bucket.upload(file, {
            destination: this.keyOf(key),
            resumable: size >= RESUMABLE_FROM,
            validation: 'md5',
            metadata: { metadata: { sha256 } },
            ...(onProgress ? { onUploadProgress: (progress) => onProgress(progress.bytesWritten ?? 0) } : {}),
        });
        const [metadata] = await this.file(key).getMetadata();
        const md5 = (await (0,local_blob_store/* fileDigests */.KQ)(file, ['md5'])).md5.toString('base64');
        const stored = { size: Number(metadata.size ?? -1), md5: metadata.md5Hash, sha256: metadata.metadata?.['sha256'] };
        if (stored.size !== size || stored.md5 !== md5 || stored.sha256 !== sha256) {
            throw new Error(`${this.locate(key)} does not match ${file} after upload (${stored.size} of ${size} bytes, md5 ${stored.md5 ?? 'none'}, expected ${md5})`);
        }
    }
    locate(key) {
        return `gs://${this.bucketName}/${this.keyOf(key)}`;
    }
    async delete(key) {
        await this.file(key).delete({ ignoreNotFound: true });
    }
    /**
     * Nothing to remove: an interrupted upload is a resumable session that
     * holds no object, cannot be listed, and expires on its own within a week.
     */
    removeLeftovers() {
        return Promise.resolve([]);
    }
    file(key) {
        return this.bucket.file(this.keyOf(key));
    }
    keyOf(key) {
        return `${this.prefix}${key}`;
    }
    async conditionalSave(key, body, ifGenerationMatch) {
        try {
            await this.file(key).save(typeof body === 'string' ? Buffer.from(body) : body, {
                resumable: false,
                validation: 'md5',
                contentType: 'application/json',
                preconditionOpts: { ifGenerationMatch },
            });
            return true;
        }
        catch (err) {
            if (statusOf(err) === 412)
                return false;
            throw err;
        }
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./packages/core/src/storage/gcs/metadata.ts
/*
 * How an object's JSON API metadata reads as data-pull's StoredObject. Types
 * only from the SDK, so this loads (and is tested) without it.
 */
/** An object as data-pull sees it; undefined for a folder placeholder (`a/b/`), which holds no data. */
function storedObject(metadata) {
    const key = metadata.name;
    if (key === undefined || key.endsWith('/'))
        return undefined;
    const etag = md5Hex(metadata.md5Hash);
    const created = metadata.timeCreated ?? metadata.updated;
    return {
        key,
        size: Number(metadata.size ?? 0),
        ...(etag ? { etag } : {}),
        ...(metadata.generation !== undefined ? { versionId: String(metadata.generation) } : {}),
        ...(created ? { lastModified: new Date(created) } : {}),
    };
}
/** Whether a generation was the live one at `asOf`: created by then, and not yet replaced or deleted (`timeDeleted`). */
function livedAt(metadata, asOf) {
    const created = metadata.timeCreated;
    if (created === undefined || new Date(created).getTime() > asOf.getTime())
        return false;
    const deleted = metadata.timeDeleted;
    return deleted === undefined || new Date(deleted).getTime() > asOf.getTime();
}
/** Cloud Storage's base64 md5 as lower-case hex, as data-pull and the manifests write it. */
function md5Hex(base64) {
    return base64 ? Buffer.from(base64, 'base64').toString('hex') : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/storage/gcs/object-store.ts





/**
 * A whole object's bytes checked against the crc32c the response names
 * (`x-goog-hash`) when it names no md5: a composite object has only a crc32c,
 * which data-pull cannot check itself, so every byte is still verified. An
 * object with an md5 passes through: data-pull checks that one.
 */
function crc32cCheck(source, name) {
    let expected;
    source.on('response', (response) => {
        const header = (response.toJSON?.().headers ?? response.headers ?? {})['x-goog-hash'];
        const hashes = typeof header === 'string' ? header : '';
        if (!/(^|,)\s*md5=/.test(hashes))
            expected = /(?:^|,)\s*crc32c=([^,\s]+)/.exec(hashes)?.[1];
    });
    const crc = new src/* CRC32C */.Pz();
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            if (expected !== undefined)
                crc.update(chunk);
            done(null, chunk);
        },
        flush(done) {
            done(expected === undefined || crc.validate(expected) ? null : new Error(`${name}: content does not match its recorded crc32c (expected ${expected}, got ${crc.toString()})`));
        },
    });
}
/** Objects asked for per listing page: the JSON API's most. */
const PAGE_SIZE = 1000;
/**
 * A Cloud Storage bucket as data-pull reads it. An object's version is its
 * generation. Every object written in one piece has an md5, which data-pull
 * checks every byte against (it is the etag here); a composite object
 * (`gsutil compose`, parallel composite uploads) has only a crc32c, which a
 * whole read checks here (crc32cCheck). A ranged read of one is checked by
 * size only: the crc32c covers the whole object, not a range.
 */
class GcsStore {
    description;
    bucket;
    constructor(client, bucketName) {
        this.description = `gs://${bucketName}`;
        this.bucket = client.bucket(bucketName);
    }
    async *list(prefix) {
        for await (const metadata of this.pages(prefix, false)) {
            const object = storedObject(metadata);
            if (object)
                yield object;
        }
    }
    /**
     * Each key's newest generation created at or before `asOf` and not deleted
     * (or replaced) by then. Cloud Storage lists a key's generations in no
     * order a caller may rely on across pages, so all are read before choosing.
     * A bucket without versioning keeps no replaced or deleted generation, so
     * its listing would silently lack what changed after `asOf`: refused.
     */
    async *listAsOf(prefix, asOf) {
        await this.checkVersioning();
        const chosen = new Map();
        for await (const metadata of this.pages(prefix, true)) {
            const object = storedObject(metadata);
            if (!object || !livedAt(metadata, asOf))
                continue;
            const generation = BigInt(object.versionId ?? '0');
            const current = chosen.get(object.key);
            if (!current || generation > current.generation)
                chosen.set(object.key, { object, generation });
        }
        for (const { object } of chosen.values())
            yield object;
    }
    async head(key, versionId) {
        try {
            const [metadata] = await this.file(key, versionId).getMetadata();
            return storedObject(metadata);
        }
        catch (err) {
            if (statusOf(err) === 404)
                return undefined;
            throw err;
        }
    }
    async read(key, options = {}) {
        const source = this.file(key, options.versionId).createReadStream({
            // data-pull verifies every byte itself (md5, or size), whole or ranged; the
            // stored bytes, not gunzipped ones, are what the md5 and size describe.
            validation: false,
            decompress: false,
            ...(options.range ? { start: options.range.start, end: options.range.end } : {}),
        });
        // The SDK reports a missing object on the stream, once read: carried as NotFoundError, which is never retried.
        const body = new external_node_stream_.PassThrough({ highWaterMark: 1024 * 1024 });
        source.on('error', (err) => body.destroy(statusOf(err) === 404 ? new types/* NotFoundError */.m_(`${this.description}/${key}${options.versionId ? ` (generation ${options.versionId})` : ''} does not exist`, { cause: err }) : err));
        if (options.range)
            return source.pipe(body);
        const check = crc32cCheck(source, `${this.description}/${key}`);
        check.on('error', (err) => body.destroy(err));
        return source.pipe(check).pipe(body);
    }
    /** Throws VersionsNotKeptError unless the bucket keeps noncurrent generations. */
    async checkVersioning() {
        let enabled;
        try {
            const [metadata] = await this.bucket.getMetadata();
            enabled = metadata.versioning?.enabled;
        }
        catch (err) {
            if (statusOf(err) === 404)
                throw new types/* BucketNotFoundError */.k_(`${this.description} does not exist`, { cause: err });
            // Without storage.buckets.get (roles/storage.objectViewer lacks it) whether generations are kept cannot be told.
            if (statusOf(err) === 403)
                throw new types/* VersionsNotKeptError */.BM(`${this.description}: cannot read whether the bucket keeps object versions (${err.message}); as-of needs storage.buckets.get on it`, { cause: err });
            throw err;
        }
        if (enabled !== true) {
            throw new types/* VersionsNotKeptError */.BM(`${this.description} has no object versioning, so objects replaced or deleted since then are gone: turn it on (gcloud storage buckets update ${this.description} --versioning) to read it as of a time`);
        }
    }
    file(key, versionId) {
        return this.bucket.file(key, versionId ? { generation: versionId } : {});
    }
    async *pages(prefix, versions) {
        let pageToken;
        do {
            let files;
            let next;
            try {
                [files, next] = await this.bucket.getFiles({ prefix, versions, autoPaginate: false, maxResults: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) });
            }
            catch (err) {
                if (statusOf(err) === 404)
                    throw new types/* BucketNotFoundError */.k_(`${this.description} does not exist`, { cause: err });
                throw err;
            }
            for (const file of files)
                yield file.metadata;
            pageToken = next?.pageToken;
        } while (pageToken);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/storage/gcs/backend.ts



/** Google Cloud Storage through @google-cloud/storage (and fake-gcs-server, through STORAGE_EMULATOR_HOST). */
const gcsBackend = {
    readStore: (location, options) => new GcsStore(createGcsClient(options), location.bucket),
    writeStore: (location, options) => new GcsBlobStore(createGcsClient(options), location.bucket, location.prefix),
};


/***/ })

};
