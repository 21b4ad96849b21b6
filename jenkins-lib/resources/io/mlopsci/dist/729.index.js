export const id = 729;
export const ids = [729];
export const modules = {

/***/ 6729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3Store: () => (/* binding */ S3Store),
/* harmony export */   createS3Client: () => (/* binding */ createS3Client),
/* harmony export */   parseS3Url: () => (/* binding */ parseS3Url)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3711);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(626);



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
    constructor(options) {
        this.bucket = options.bucket;
        this.description = `s3://${options.bucket}`;
        // Resolving the SDK's middleware stack per request is a large part of a
        // small GET's CPU; this store never changes the stack, so resolve it once per command type.
        this.client = createS3Client(options, { cacheMiddleware: true });
    }
    async *list(prefix) {
        let token;
        do {
            const page = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
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
            const page = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionMarker }));
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
            const out = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.HeadObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
            return { key, size: out.ContentLength ?? 0, ...etagOf(out.ETag), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
        }
        catch (err) {
            if (isNotFound(err))
                return undefined;
            throw err;
        }
    }
    async read(key, options = {}) {
        try {
            const out = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.GetObjectCommand({
                Bucket: this.bucket,
                Key: key,
                VersionId: options.versionId,
                Range: options.range ? `bytes=${options.range.start}-${options.range.end}` : undefined,
            }));
            if (!(out.Body instanceof node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable))
                throw new Error(`s3://${this.bucket}/${key}: the response has no body stream`);
            return out.Body;
        }
        catch (err) {
            if (isNotFound(err))
                throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .NotFoundError */ .m(`s3://${this.bucket}/${key}${options.versionId ? ` (version ${options.versionId})` : ''} does not exist`);
            throw err;
        }
    }
}
/** An S3 client as every S3 user in this project configures it (see S3Store). */
function createS3Client(options, tuning = {}) {
    const maxSockets = options.maxSockets ?? 50;
    const endpoint = options.endpoint || process.env['AWS_ENDPOINT_URL'] || undefined;
    return new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.S3Client({
        region: options.region || process.env['AWS_REGION'] || process.env['AWS_DEFAULT_REGION'] || 'us-east-1',
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
    if (err instanceof _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.S3ServiceException)
        return err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound' || err.name === 'NoSuchVersion';
    return false;
}
/** `s3://bucket/prefix` → bucket and prefix (prefix without a leading `/`). */
function parseS3Url(url) {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
    if (!match?.[1])
        return undefined;
    return { bucket: match[1], prefix: match[2] ?? '' };
}


/***/ })

};
