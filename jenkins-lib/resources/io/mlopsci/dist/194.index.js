export const id = 194;
export const ids = [194];
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

/***/ 80194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s3Backend: () => (/* binding */ s3Backend)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(22358);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(75118);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./packages/core/src/storage/s3-direct-get.ts




/** sha256 of an empty body: a GET's signed payload hash. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** As the SDK's own requestTimeout for this project: a stalled body fails, then is retried. */
const IDLE_TIMEOUT_MS = 120_000;
const DIRECT_GET_USER_AGENT = 'mlops-ci direct-get';
/**
 * A whole-object GET signed and sent without the SDK's middleware stack.
 * For a 4 KiB object the SDK spends more CPU on the request (endpoint rules,
 * schema serde, retry and checksum middleware) than on the bytes: about half
 * the CPU of a pull of 10,000 small files (bench/data-pull). Only the sending
 * is plain node:http; the bucket's endpoint and signing scope come from the
 * SDK's own endpoint rules, the credentials from its chain (refreshed as it
 * refreshes them), the signature from its SigV4 signer.
 *
 * Used only where those rules ask for plain SigV4 (not S3 Express, not
 * multi-region access points); anything but a 200 goes back to the caller,
 * which asks the SDK (its errors, retries and redirects).
 */
class DirectGet {
    base;
    signer;
    /** The bucket's path on the endpoint, ending with `/`: keys follow it. */
    keyPrefix;
    transport;
    agent;
    constructor(base, signer, maxSockets) {
        this.base = base;
        this.signer = signer;
        this.keyPrefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
        this.transport = base.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        this.agent = new this.transport.Agent({ keepAlive: true, maxSockets });
    }
    /** A DirectGet for `bucket`, or undefined when the endpoint needs more than plain SigV4. */
    static async for(client, bucket, maxSockets) {
        const config = client.config;
        const endpoint = config.endpoint ? await config.endpoint() : undefined;
        // An endpoint from the shared config file (endpoint_url) reaches the SDK by this other road.
        const configured = endpoint ? undefined : await config.serviceConfiguredEndpoint?.();
        const resolved = config.endpointProvider({
            Bucket: bucket,
            Region: await config.region(),
            UseFIPS: await config.useFipsEndpoint(),
            UseDualStack: await config.useDualstackEndpoint(),
            ForcePathStyle: config.forcePathStyle,
            Accelerate: config.useAccelerateEndpoint,
            ...(endpoint ? { Endpoint: `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}` } : {}),
            ...(configured ? { Endpoint: configured } : {}),
        });
        const schemes = (resolved.properties?.['authSchemes'] ?? []);
        const scheme = schemes[0];
        if (schemes.length !== 1 || scheme?.name !== 'sigv4' || !scheme.signingName || !scheme.signingRegion)
            return undefined;
        const base = new URL(resolved.url.href);
        if (base.protocol !== 'http:' && base.protocol !== 'https:')
            return undefined;
        const signer = new signature_v4_dist_cjs.SignatureV4({
            credentials: config.credentials,
            region: scheme.signingRegion,
            service: scheme.signingName,
            sha256: NodeSha256,
            uriEscapePath: false, // S3 signs the path as sent, encoded once
            applyChecksum: false, // the payload hash header is set below
        });
        return new DirectGet(base, signer, maxSockets);
    }
    /** The object's body, or undefined when the answer is not a 200 (the caller then asks the SDK). */
    async get(key, versionId) {
        const path = `${this.keyPrefix}${key.split('/').map(encodeKeySegment).join('/')}`;
        const query = versionId ? { versionId } : {};
        const signed = await this.signer.sign({
            method: 'GET',
            protocol: this.base.protocol,
            hostname: this.base.hostname,
            ...(this.base.port ? { port: Number(this.base.port) } : {}),
            path,
            query,
            headers: { host: this.base.host, 'x-amz-content-sha256': EMPTY_SHA256 },
        });
        const search = versionId ? `?versionId=${encodeURIComponent(versionId)}` : '';
        return new Promise((resolve, reject) => {
            const request = this.transport.request({ agent: this.agent, method: 'GET', hostname: this.base.hostname, port: this.base.port || undefined, path: `${path}${search}`, headers: { ...signed.headers, 'user-agent': DIRECT_GET_USER_AGENT } }, (response) => {
                if (response.statusCode === 200)
                    return resolve(response);
                response.resume();
                resolve(undefined);
            });
            request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new Error(`no data for ${IDLE_TIMEOUT_MS / 1000} s`)));
            request.on('error', reject);
            request.end();
        });
    }
}
/** S3's key encoding (the SDK's extended encoding): RFC 3986 unreserved characters stay, everything else is %XX. */
function encodeKeySegment(segment) {
    return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** The signer's hash and HMAC, from node:crypto. */
class NodeSha256 {
    hash;
    constructor(secret) {
        this.hash = secret === undefined ? (0,external_node_crypto_.createHash)('sha256') : (0,external_node_crypto_.createHmac)('sha256', toBinary(secret));
    }
    update(data) {
        this.hash.update(toBinary(data));
    }
    async digest() {
        return this.hash.digest();
    }
}
function toBinary(data) {
    if (typeof data === 'string')
        return data;
    if (ArrayBuffer.isView(data))
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return Buffer.from(data);
}

// EXTERNAL MODULE: ./packages/core/src/storage/types.ts
var types = __webpack_require__(90626);
;// CONCATENATED MODULE: ./packages/core/src/storage/s3.ts




/**
 * An S3 bucket (AWS or S3-compatible) through @aws-sdk/client-s3. Credentials
 * come from the SDK's default chain (env, profile, web identity: GitHub OIDC),
 * so this file never sees a secret. The SDK retries throttling, resets and
 * 5xx with backoff and jitter (standard mode); maxAttempts raises its budget.
 */
class S3Store {
    description;
    client;
    bucket;
    maxSockets;
    direct;
    constructor(options) {
        this.bucket = options.bucket;
        this.maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
        this.description = `s3://${options.bucket}`;
        // Resolving the SDK's middleware stack per request is a large part of a
        // small GET's CPU; this store never changes the stack, so resolve it once per command type.
        this.client = createS3Client(options, { cacheMiddleware: true });
    }
    async *list(prefix) {
        let token;
        do {
            const page = await this.client.send(new dist_cjs.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token })).catch((err) => {
                throw asBucketNotFound(err, this.description);
            });
            for (const item of page.Contents ?? []) {
                if (item.Key === undefined || item.Key.endsWith('/'))
                    continue; // folder placeholders hold no data
                yield { key: item.Key, size: item.Size ?? 0, ...etagOf(item.ETag), ...(item.LastModified ? { lastModified: item.LastModified } : {}) };
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
    }
    async *listAsOf(prefix, asOf) {
        // Versions come newest first per key; the first one not newer than asOf wins,
        // and when that one is a delete marker the key did not exist at asOf.
        const decided = new Set();
        let keyMarker;
        let versionMarker;
        do {
            const page = await this.client
                .send(new dist_cjs.ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionMarker }))
                .catch((err) => {
                throw asBucketNotFound(err, this.description);
            });
            const entries = [
                ...(page.Versions ?? []).map((v) => ({ ...v, deleted: false })),
                ...(page.DeleteMarkers ?? []).map((d) => ({ ...d, Size: 0, ETag: undefined, deleted: true })),
            ].sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? '') || (b.LastModified?.getTime() ?? 0) - (a.LastModified?.getTime() ?? 0));
            for (const entry of entries) {
                const key = entry.Key;
                if (key === undefined || key.endsWith('/') || decided.has(key))
                    continue;
                if (!entry.LastModified || entry.LastModified.getTime() > asOf.getTime())
                    continue;
                decided.add(key);
                if (entry.deleted)
                    continue;
                yield { key, size: entry.Size ?? 0, ...etagOf(entry.ETag), ...(entry.VersionId ? { versionId: entry.VersionId } : {}), lastModified: entry.LastModified };
            }
            keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
            versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
        } while (keyMarker);
    }
    async head(key, versionId) {
        try {
            const out = await this.client.send(new dist_cjs.HeadObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
            return { key, size: out.ContentLength ?? 0, ...etagOf(out.ETag), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
        }
        catch (err) {
            if (isNotFound(err))
                return undefined;
            throw err;
        }
    }
    async read(key, options = {}) {
        // Whole objects first through the lean path; the SDK answers the rest, and every error (see DirectGet).
        if (!options.range) {
            const body = await this.readDirect(key, options.versionId).catch(() => undefined);
            if (body)
                return body;
        }
        try {
            const out = await this.client.send(new dist_cjs.GetObjectCommand({
                Bucket: this.bucket,
                Key: key,
                VersionId: options.versionId,
                Range: options.range ? `bytes=${options.range.start}-${options.range.end}` : undefined,
            }));
            if (!(out.Body instanceof external_node_stream_.Readable))
                throw new Error(`s3://${this.bucket}/${key}: the response has no body stream`);
            // The SDK got a whole object the direct GET did not: this store does not take it; one retry per run, not one per object.
            if (!options.range)
                this.direct = Promise.resolve(undefined);
            return out.Body;
        }
        catch (err) {
            if (isNotFound(err))
                throw new types/* NotFoundError */.m_(`s3://${this.bucket}/${key}${options.versionId ? ` (version ${options.versionId})` : ''} does not exist`);
            throw err;
        }
    }
    async readDirect(key, versionId) {
        this.direct ??= DirectGet.for(this.client, this.bucket, this.maxSockets).catch(() => undefined);
        return (await this.direct)?.get(key, versionId);
    }
}
const DEFAULT_MAX_SOCKETS = 50;
/** An S3 client as every S3 user in this project configures it (see S3Store). */
function createS3Client(options, tuning = {}) {
    const maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
    // The service-specific variable wins over the general one, as in the SDK's own resolution.
    const env = options.env;
    const endpoint = options.endpoint || env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined;
    return new dist_cjs.S3Client({
        region: options.region || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1',
        ...(endpoint ? { endpoint } : {}),
        // Path-style by default on S3-compatible endpoints: most of them need it.
        forcePathStyle: options.pathStyle ?? endpoint !== undefined,
        ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
        maxAttempts: 6,
        retryMode: 'standard',
        ...tuning,
        // We verify every byte ourselves (md5 or size); the SDK's own CRC checks
        // are not supported by every S3-compatible store.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { httpAgent: { keepAlive: true, maxSockets }, httpsAgent: { keepAlive: true, maxSockets }, connectionTimeout: 10_000, requestTimeout: 120_000 },
    });
}
function etagOf(raw) {
    return raw ? { etag: raw.replace(/"/g, '') } : {};
}
function isNotFound(err) {
    if (err instanceof dist_cjs.S3ServiceException)
        return err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound' || err.name === 'NoSuchVersion';
    return false;
}
/** The SDK's NoSuchBucket as the stores' BucketNotFoundError (bad input, whichever kind of store); any other error unchanged. */
function asBucketNotFound(err, description) {
    return err?.name === 'NoSuchBucket' ? new types/* BucketNotFoundError */.k_(`${description}: the bucket does not exist`, { cause: err }) : err;
}

// EXTERNAL MODULE: ./packages/core/src/registry/local-blob-store.ts
var local_blob_store = __webpack_require__(34268);
;// CONCATENATED MODULE: ./packages/core/src/registry/s3-blob-store.ts






/** Part size of multipart uploads; also what the expected multipart ETag is computed with. */
const PART_SIZE = 8 * 1024 * 1024;
/**
 * A bucket prefix as a registry store. Conditional writes are S3's own:
 * `If-None-Match: *` creates only when absent, `If-Match: <etag>` replaces
 * only that version; both answer 412 when they lose. Credentials come from the
 * SDK's default chain, so this file never sees a secret.
 */
class S3BlobStore {
    options;
    description;
    client;
    constructor(options) {
        this.options = options;
        this.description = `s3://${options.bucket}/${options.prefix}`;
        // The project's one S3 client configuration (endpoint from the input or the environment, path style with it).
        this.client = createS3Client({ env: options.env, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
    }
    async get(key) {
        try {
            const response = await this.client.send(new dist_cjs.GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
            const body = Buffer.from(await response.Body.transformToByteArray());
            return { body, etag: response.ETag ?? '' };
        }
        catch (err) {
            if (isStatus(err, 404))
                return null;
            throw err;
        }
    }
    async createOnly(key, body) {
        return this.conditionalPut(key, body, { IfNoneMatch: '*' });
    }
    async replaceIf(key, body, etag) {
        return this.conditionalPut(key, body, { IfMatch: etag });
    }
    async list(prefix) {
        const keys = [];
        let token;
        do {
            const page = await this.client.send(new dist_cjs.ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.keyOf(prefix), ContinuationToken: token })).catch((err) => {
                throw asBucketNotFound(err, this.description);
            });
            for (const item of page.Contents ?? [])
                if (item.Key && !item.Key.endsWith('/'))
                    keys.push(item.Key.slice(this.options.prefix.length));
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return keys;
    }
    /** Multipart for large files (lib-storage); the ETag S3 reports is checked against the one computed locally. */
    async upload(key, file, sha256, size, onProgress) {
        const upload = new lib_storage_dist_cjs/* Upload */._({
            client: this.client,
            partSize: PART_SIZE,
            queueSize: 4,
            leavePartsOnError: false,
            params: { Bucket: this.options.bucket, Key: this.keyOf(key), Body: (0,external_node_fs_.createReadStream)(file), ContentLength: size, Metadata: { sha256 } },
        });
        if (onProgress)
            upload.on('httpUploadProgress', (progress) => onProgress(progress.loaded ?? 0));
        await upload.done();
        const head = await this.client.send(new dist_cjs.HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
        const expected = await expectedEtag(file, size);
        if (unquote(head.ETag) !== expected || head.ContentLength !== size) {
            throw new Error(`${this.locate(key)} does not match ${file} after upload (ETag ${head.ETag}, expected "${expected}"; ${head.ContentLength} of ${size} bytes)`);
        }
    }
    locate(key) {
        return `s3://${this.options.bucket}/${this.keyOf(key)}`;
    }
    async delete(key) {
        await this.client.send(new dist_cjs.DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
    }
    /** Aborts multipart uploads a killed writer left open (their parts are stored, and billed, until aborted). */
    async removeLeftovers(prefix, before) {
        const removed = [];
        let keyMarker;
        let uploadIdMarker;
        do {
            const page = await this.client.send(new dist_cjs.ListMultipartUploadsCommand({ Bucket: this.options.bucket, Prefix: this.keyOf(prefix), KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }));
            for (const upload of page.Uploads ?? []) {
                if (!upload.Key || !upload.UploadId || !upload.Initiated || upload.Initiated >= before)
                    continue;
                await this.client.send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: this.options.bucket, Key: upload.Key, UploadId: upload.UploadId }));
                removed.push(`s3://${this.options.bucket}/${upload.Key} (incomplete multipart upload)`);
            }
            const more = page.IsTruncated === true;
            keyMarker = more ? page.NextKeyMarker : undefined;
            uploadIdMarker = more ? page.NextUploadIdMarker : undefined;
        } while (keyMarker);
        return removed;
    }
    keyOf(key) {
        return `${this.options.prefix}${key}`;
    }
    async conditionalPut(key, body, condition) {
        try {
            await this.client.send(new dist_cjs.PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key), Body: body, ContentType: 'application/json', ...condition }));
            return true;
        }
        catch (err) {
            // 412: the condition failed. 409: a concurrent conditional write on the key is in flight (AWS); also a lost race.
            if (isStatus(err, 412) || isStatus(err, 409))
                return false;
            throw err;
        }
    }
}
function isStatus(err, status) {
    return err instanceof dist_cjs.S3ServiceException && err.$metadata.httpStatusCode === status;
}
function unquote(etag) {
    return (etag ?? '').replace(/^"|"$/g, '');
}
/** md5 of the file for a single PUT; md5 of the parts' md5s plus `-<parts>` for multipart. */
async function expectedEtag(file, size) {
    if (size < PART_SIZE)
        return (await (0,local_blob_store/* fileDigests */.KQ)(file, ['md5'])).md5.toString('hex');
    const partDigests = [];
    for (let start = 0; start < size; start += PART_SIZE) {
        partDigests.push((await (0,local_blob_store/* fileDigests */.KQ)(file, ['md5'], { range: { start, end: Math.min(size, start + PART_SIZE) - 1 } })).md5);
    }
    return `${(0,external_node_crypto_.createHash)('md5').update(Buffer.concat(partDigests)).digest('hex')}-${partDigests.length}`;
}

;// CONCATENATED MODULE: ./packages/core/src/storage/s3-backend.ts


/** S3 and S3-compatible stores (versitygw, MinIO, Ceph) through @aws-sdk/client-s3. */
const s3Backend = {
    readStore: (location, options) => new S3Store({ ...options, bucket: location.bucket }),
    writeStore: (location, options) => new S3BlobStore({ bucket: location.bucket, prefix: location.prefix, endpoint: options.endpoint ?? '', env: options.env }),
};


/***/ })

};
