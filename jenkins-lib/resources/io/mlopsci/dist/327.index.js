export const id = 327;
export const ids = [327];
export const modules = {

/***/ 35327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UnknownRegistryError: () => (/* binding */ UnknownRegistryError),
/* harmony export */   openRegistry: () => (/* binding */ openRegistry),
/* harmony export */   parseRegistryLocation: () => (/* binding */ parseRegistryLocation)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49241);
/* harmony import */ var _storage_s3_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40073);



/** A registry URL of a scheme no backend serves. */
class UnknownRegistryError extends Error {
    name = 'UnknownRegistryError';
}
/**
 * Parses a `registry` value: `s3://bucket/prefix`, `mlflow+http(s)://host:port`,
 * `git-tags` (the workspace's repository; `git-tags:<dir>` for another), a
 * folder path or `file:///abs/dir`; empty means `.mlops-ci/registry`.
 * Throws UnknownRegistryError for any other scheme.
 */
function parseRegistryLocation(value, workspace) {
    const text = value.trim() || _names_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_REGISTRY */ .sx;
    if (text === 'git-tags' || text.startsWith('git-tags:')) {
        return { kind: 'git-tags', repo: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, text.slice('git-tags:'.length) || '.') };
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
    if (scheme === undefined)
        return { kind: 'local', root: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, text) };
    if (scheme === 'file')
        return { kind: 'local', root: new URL(text).pathname };
    if (scheme === 's3') {
        const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(text);
        if (!match || !(0,_storage_s3_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidBucketName */ .e)(match[1] ?? ''))
            throw new UnknownRegistryError(`'${text}' is not a valid s3://bucket/prefix URL`);
        const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
        return { kind: 's3', bucket: match[1], prefix: prefix ? `${prefix}/` : '' };
    }
    if (scheme === 'mlflow+http' || scheme === 'mlflow+https') {
        const url = new URL(text.slice('mlflow+'.length));
        return { kind: 'mlflow', baseUrl: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
    }
    throw new UnknownRegistryError(`'${text}' has the unknown scheme '${scheme}://'; expected a folder path, file:///abs/dir, s3://bucket/prefix, mlflow+http://host:port or git-tags`);
}
/** The backend for a parsed location; each is loaded only when used. */
async function openRegistry(location, options) {
    switch (location.kind) {
        case 'local': {
            const [{ ObjectStoreRegistry }, { LocalBlobStore }] = await Promise.all([__webpack_require__.e(/* import() */ 516).then(__webpack_require__.bind(__webpack_require__, 32516)), __webpack_require__.e(/* import() */ 268).then(__webpack_require__.bind(__webpack_require__, 34268))]);
            return new ObjectStoreRegistry(new LocalBlobStore(location.root, options.log), options.log);
        }
        case 's3': {
            const [{ ObjectStoreRegistry }, { S3BlobStore }] = await Promise.all([__webpack_require__.e(/* import() */ 516).then(__webpack_require__.bind(__webpack_require__, 32516)), Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(358), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 14307))]);
            return new ObjectStoreRegistry(new S3BlobStore({ bucket: location.bucket, prefix: location.prefix, endpoint: options.s3Endpoint ?? '', env: options.env }), options.log);
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

/***/ 40073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ parseS3Url),
/* harmony export */   e: () => (/* binding */ isValidBucketName)
/* harmony export */ });
/**
 * `s3://` URLs, apart from the S3 store itself: code that only checks or
 * splits a URL (a step's plan) must not load the AWS SDK that `s3.ts` imports.
 */
/** `s3://bucket/prefix` → bucket and prefix (prefix without a leading `/`). */
function parseS3Url(url) {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
    if (!match?.[1])
        return undefined;
    return { bucket: match[1], prefix: match[2] ?? '' };
}
/** S3's rule for a bucket name: 3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit. */
function isValidBucketName(name) {
    return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name);
}


/***/ })

};
