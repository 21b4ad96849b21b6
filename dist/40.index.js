export const id = 40;
export const ids = [40];
export const modules = {

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
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/node_modules/@azure/storage-blob/dist/esm/index.js + 57 modules
var esm = __webpack_require__(41290);
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
// EXTERNAL MODULE: ./packages/core/src/storage/types.ts
var types = __webpack_require__(90626);
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
            return { body: Buffer.concat(chunks), etag: response.etag ?? '' };
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
        const md5 = await md5OfFile(file);
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
async function md5OfFile(file) {
    const hash = (0,external_node_crypto_.createHash)('md5');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest();
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


/***/ }),

/***/ 73969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ azureSecrets),
/* harmony export */   kl: () => (/* binding */ resolveAzureAccess),
/* harmony export */   sL: () => (/* binding */ AzureCredentialsError)
/* harmony export */ });
/* unused harmony export AZURE_SECRET_ENV */
/** No way to reach the account was found: says what to set. Never names a secret. */
class AzureCredentialsError extends Error {
    name = 'AzureCredentialsError';
}
/**
 * The access to use, first found wins: a DVC remote's `connection_string`,
 * `account_name` + `account_key`, `account_name` + `sas_token`; then the
 * environment's AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT with
 * AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN; then DefaultAzureCredential
 * for the remote's or the environment's account.
 * Throws AzureCredentialsError when no account is named at all.
 */
function resolveAzureAccess(remote, env) {
    const fromRemote = accessOf(remote?.connectionString, remote?.accountName, remote?.accountKey, remote?.sasToken);
    if (fromRemote)
        return fromRemote;
    const account = remote?.accountName ?? nonEmpty(env['AZURE_STORAGE_ACCOUNT']);
    const fromEnv = accessOf(nonEmpty(env['AZURE_STORAGE_CONNECTION_STRING']), account, nonEmpty(env['AZURE_STORAGE_KEY']), nonEmpty(env['AZURE_STORAGE_SAS_TOKEN']));
    if (fromEnv)
        return fromEnv;
    if (account)
        return { kind: 'default-credential', account };
    throw new AzureCredentialsError('no Azure storage account to reach: set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT (with AZURE_STORAGE_KEY, AZURE_STORAGE_SAS_TOKEN, or an azure/login identity)');
}
function accessOf(connectionString, account, accountKey, sasToken) {
    if (connectionString)
        return { kind: 'connection-string', connectionString };
    if (account && accountKey)
        return { kind: 'shared-key', account, accountKey };
    if (account && sasToken)
        return { kind: 'sas', account, sasToken: sasToken.replace(/^\?/, '') };
    return undefined;
}
/** The environment variables holding Azure secrets, for steps that mask what their clients read. */
const AZURE_SECRET_ENV = ['AZURE_STORAGE_CONNECTION_STRING', 'AZURE_STORAGE_KEY', 'AZURE_STORAGE_SAS_TOKEN'];
/**
 * Every secret text in a remote's settings and the environment: whole values
 * and the parts a message could quote alone (a connection string's
 * AccountKey and SharedAccessSignature, a SAS token's signature).
 */
function azureSecrets(remote, env) {
    const values = [remote?.connectionString, remote?.accountKey, remote?.sasToken, ...AZURE_SECRET_ENV.map((name) => env[name])];
    const secrets = new Set();
    for (const value of values) {
        const text = nonEmpty(value);
        if (!text)
            continue;
        secrets.add(text);
        for (const part of secretParts(text))
            secrets.add(part);
    }
    return [...secrets];
}
/** `AccountKey=…` and `SharedAccessSignature=…` of a connection string; `sig=…` of a SAS (alone or inside one). */
function secretParts(text) {
    const parts = [];
    for (const match of text.matchAll(/(?:^|;)\s*(AccountKey|SharedAccessSignature)=([^;]+)/gi))
        if (match[2])
            parts.push(match[2].trim());
    for (const match of text.matchAll(/(?:^|[?&;])sig=([^&;]+)/gi)) {
        if (!match[1])
            continue;
        parts.push(match[1]);
        // The SDK sends it percent-encoded, and a message may quote either form.
        const decoded = safeDecode(match[1]);
        if (decoded !== match[1])
            parts.push(decoded);
    }
    return parts.filter((part) => part.length >= 8);
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function nonEmpty(value) {
    return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}


/***/ }),

/***/ 90626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ VersionsNotKeptError),
/* harmony export */   k_: () => (/* binding */ BucketNotFoundError),
/* harmony export */   m_: () => (/* binding */ NotFoundError)
/* harmony export */ });
/** The object does not exist: never worth a retry. */
class NotFoundError extends Error {
    name = 'NotFoundError';
}
/** The bucket (or container) itself does not exist: bad input naming the location, never a retry. Stores throw it from `list`. */
class BucketNotFoundError extends Error {
    name = 'BucketNotFoundError';
}
/** The store keeps no versions to answer "as of a time" with (e.g. an Azure account without blob versioning): bad input naming `as-of`, never a read of "now". */
class VersionsNotKeptError extends Error {
    name = 'VersionsNotKeptError';
}


/***/ })

};
