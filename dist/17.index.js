export const id = 17;
export const ids = [17];
export const modules = {

/***/ 57017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gcsBackend: () => (/* binding */ gcsBackend)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
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
            const [files, next] = await this.bucket.getFiles({ prefix: this.keyOf(prefix), autoPaginate: false, maxResults: 1000, ...(pageToken ? { pageToken } : {}) });
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
        const md5 = await md5Of(file);
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
/** The file's md5 in Cloud Storage's form (base64). */
async function md5Of(file) {
    const hash = (0,external_node_crypto_.createHash)('md5');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('base64');
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./packages/core/src/storage/types.ts
var types = __webpack_require__(90626);
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




/** Objects asked for per listing page: the JSON API's most. */
const PAGE_SIZE = 1000;
/**
 * A Cloud Storage bucket as data-pull reads it. An object's version is its
 * generation. Every object written in one piece has an md5, which data-pull
 * checks every byte against (it is the etag here); a composite object
 * (`gsutil compose`, parallel composite uploads) has only a crc32c, so it is
 * checked by its size, and its bytes are covered by TLS on the way only.
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
     */
    async *listAsOf(prefix, asOf) {
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
        return source.pipe(body);
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
