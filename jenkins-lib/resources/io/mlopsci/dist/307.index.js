export const id = 307;
export const ids = [307];
export const modules = {

/***/ 4307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3BlobStore: () => (/* binding */ S3BlobStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3711);
/* harmony import */ var _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2358);




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
        this.client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.S3Client({
            region: process.env['AWS_REGION'] || process.env['AWS_DEFAULT_REGION'] || 'us-east-1',
            ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
            maxAttempts: 6,
            // We verify uploads by their ETag; the SDK's CRC checksums are not supported by every S3-compatible store.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
        });
    }
    async get(key) {
        try {
            const response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
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
            const page = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.keyOf(prefix), ContinuationToken: token }));
            for (const item of page.Contents ?? [])
                if (item.Key && !item.Key.endsWith('/'))
                    keys.push(item.Key.slice(this.options.prefix.length));
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return keys;
    }
    /** Multipart for large files (lib-storage); the ETag S3 reports is checked against the one computed locally. */
    async upload(key, file, sha256, size, onProgress) {
        const upload = new _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__/* .Upload */ ._({
            client: this.client,
            partSize: PART_SIZE,
            queueSize: 4,
            leavePartsOnError: false,
            params: { Bucket: this.options.bucket, Key: this.keyOf(key), Body: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file), ContentLength: size, Metadata: { sha256 } },
        });
        if (onProgress)
            upload.on('httpUploadProgress', (progress) => onProgress(progress.loaded ?? 0));
        await upload.done();
        const head = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
        const expected = await expectedEtag(file, size);
        if (unquote(head.ETag) !== expected || head.ContentLength !== size) {
            throw new Error(`${this.locate(key)} does not match ${file} after upload (ETag ${head.ETag}, expected "${expected}"; ${head.ContentLength} of ${size} bytes)`);
        }
    }
    locate(key) {
        return `s3://${this.options.bucket}/${this.keyOf(key)}`;
    }
    keyOf(key) {
        return `${this.options.prefix}${key}`;
    }
    async conditionalPut(key, body, condition) {
        try {
            await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key), Body: body, ContentType: 'application/json', ...condition }));
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
    return err instanceof _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.S3ServiceException && err.$metadata.httpStatusCode === status;
}
function unquote(etag) {
    return (etag ?? '').replace(/^"|"$/g, '');
}
/** md5 of the file for a single PUT; md5 of the parts' md5s plus `-<parts>` for multipart. */
async function expectedEtag(file, size) {
    if (size < PART_SIZE)
        return md5Of((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file));
    const partDigests = [];
    for (let start = 0; start < size; start += PART_SIZE) {
        partDigests.push(Buffer.from(await md5Of((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { start, end: Math.min(size, start + PART_SIZE) - 1 })), 'hex'));
    }
    return `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(Buffer.concat(partDigests)).digest('hex')}-${partDigests.length}`;
}
async function md5Of(stream) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5');
    for await (const chunk of stream)
        hash.update(chunk);
    return hash.digest('hex');
}


/***/ })

};
