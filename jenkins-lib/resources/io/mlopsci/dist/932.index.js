export const id = 932;
export const ids = [932];
export const modules = {

/***/ 15756:
/***/ ((module) => {

const { hasOwnProperty } = Object.prototype

const encode = (obj, opt = {}) => {
  if (typeof opt === 'string') {
    opt = { section: opt }
  }
  opt.align = opt.align === true
  opt.newline = opt.newline === true
  opt.sort = opt.sort === true
  opt.whitespace = opt.whitespace === true || opt.align === true
  // The `typeof` check is required because accessing the `process` directly fails on browsers.
  /* istanbul ignore next */
  opt.platform = opt.platform || (typeof process !== 'undefined' && process.platform)
  opt.bracketedArray = opt.bracketedArray !== false

  /* istanbul ignore next */
  const eol = opt.platform === 'win32' ? '\r\n' : '\n'
  const separator = opt.whitespace ? ' = ' : '='
  const children = []

  const keys = opt.sort ? Object.keys(obj).sort() : Object.keys(obj)

  let padToChars = 0
  // If aligning on the separator, then padToChars is determined as follows:
  // 1. Get the keys
  // 2. Exclude keys pointing to objects unless the value is null or an array
  // 3. Add `[]` to array keys
  // 4. Ensure non empty set of keys
  // 5. Reduce the set to the longest `safe` key
  // 6. Get the `safe` length
  if (opt.align) {
    padToChars = safe(
      (
        keys
          .filter(k => obj[k] === null || Array.isArray(obj[k]) || typeof obj[k] !== 'object')
          .map(k => Array.isArray(obj[k]) ? `${k}[]` : k)
      )
        .concat([''])
        .reduce((a, b) => safe(a).length >= safe(b).length ? a : b)
    ).length
  }

  let out = ''
  const arraySuffix = opt.bracketedArray ? '[]' : ''

  for (const k of keys) {
    const val = obj[k]
    if (val && Array.isArray(val)) {
      for (const item of val) {
        out += safe(`${k}${arraySuffix}`).padEnd(padToChars, ' ') + separator + safe(item) + eol
      }
    } else if (val && typeof val === 'object') {
      children.push(k)
    } else {
      out += safe(k).padEnd(padToChars, ' ') + separator + safe(val) + eol
    }
  }

  if (opt.section && out.length) {
    out = '[' + safe(opt.section) + ']' + (opt.newline ? eol + eol : eol) + out
  }

  for (const k of children) {
    const nk = splitSections(k, '.').join('\\.')
    const section = (opt.section ? opt.section + '.' : '') + nk
    const child = encode(obj[k], {
      ...opt,
      section,
    })
    if (out.length && child.length) {
      out += eol
    }

    out += child
  }

  return out
}

function splitSections (str, separator) {
  var lastMatchIndex = 0
  var lastSeparatorIndex = 0
  var nextIndex = 0
  var sections = []

  do {
    nextIndex = str.indexOf(separator, lastMatchIndex)

    if (nextIndex !== -1) {
      lastMatchIndex = nextIndex + separator.length

      if (nextIndex > 0 && str[nextIndex - 1] === '\\') {
        continue
      }

      sections.push(str.slice(lastSeparatorIndex, nextIndex))
      lastSeparatorIndex = nextIndex + separator.length
    }
  } while (nextIndex !== -1)

  sections.push(str.slice(lastSeparatorIndex))

  return sections
}

const decode = (str, opt = {}) => {
  opt.bracketedArray = opt.bracketedArray !== false
  const out = Object.create(null)
  let p = out
  let section = null
  //          section          |key      = value
  const re = /^\[([^\]]*)\]\s*$|^([^=]+)(=(.*))?$/i
  const lines = str.split(/[\r\n]+/g)
  const duplicates = {}

  for (const line of lines) {
    if (!line || line.match(/^\s*[;#]/) || line.match(/^\s*$/)) {
      continue
    }
    const match = line.match(re)
    if (!match) {
      continue
    }
    if (match[1] !== undefined) {
      section = unsafe(match[1])
      if (section === '__proto__') {
        // not allowed
        // keep parsing the section, but don't attach it.
        p = Object.create(null)
        continue
      }
      p = out[section] = out[section] || Object.create(null)
      continue
    }
    const keyRaw = unsafe(match[2])
    let isArray
    if (opt.bracketedArray) {
      isArray = keyRaw.length > 2 && keyRaw.slice(-2) === '[]'
    } else {
      duplicates[keyRaw] = (duplicates?.[keyRaw] || 0) + 1
      isArray = duplicates[keyRaw] > 1
    }
    const key = isArray && keyRaw.endsWith('[]')
      ? keyRaw.slice(0, -2) : keyRaw

    if (key === '__proto__') {
      continue
    }
    const valueRaw = match[3] ? unsafe(match[4]) : true
    const value = valueRaw === 'true' ||
      valueRaw === 'false' ||
      valueRaw === 'null' ? JSON.parse(valueRaw)
      : valueRaw

    // Convert keys with '[]' suffix to an array
    if (isArray) {
      if (!hasOwnProperty.call(p, key)) {
        p[key] = []
      } else if (!Array.isArray(p[key])) {
        p[key] = [p[key]]
      }
    }

    // safeguard against resetting a previously defined
    // array by accidentally forgetting the brackets
    if (Array.isArray(p[key])) {
      p[key].push(value)
    } else {
      p[key] = value
    }
  }

  // {a:{y:1},"a.b":{x:2}} --> {a:{y:1,b:{x:2}}}
  // use a filter to return the keys that have to be deleted.
  const remove = []
  for (const k of Object.keys(out)) {
    if (!hasOwnProperty.call(out, k) ||
      typeof out[k] !== 'object' ||
      Array.isArray(out[k])) {
      continue
    }

    // see if the parent section is also an object.
    // if so, add it to that, and mark this one for deletion
    const parts = splitSections(k, '.')
    p = out
    const l = parts.pop()
    const nl = l.replace(/\\\./g, '.')
    for (const part of parts) {
      if (part === '__proto__') {
        continue
      }
      if (!hasOwnProperty.call(p, part) || typeof p[part] !== 'object') {
        p[part] = Object.create(null)
      }
      p = p[part]
    }
    if (p === out && nl === l) {
      continue
    }

    p[nl] = out[k]
    remove.push(k)
  }
  for (const del of remove) {
    delete out[del]
  }

  return out
}

const isQuoted = val => {
  return (val.startsWith('"') && val.endsWith('"')) ||
    (val.startsWith("'") && val.endsWith("'"))
}

const safe = val => {
  if (
    typeof val !== 'string' ||
    val.match(/[=\r\n]/) ||
    val.match(/^\[/) ||
    (val.length > 1 && isQuoted(val)) ||
    val !== val.trim()
  ) {
    return JSON.stringify(val)
  }
  return val.split(';').join('\\;').split('#').join('\\#')
}

const unsafe = val => {
  val = (val || '').trim()
  if (isQuoted(val)) {
    // remove the single quotes before calling JSON.parse
    if (val.charAt(0) === "'") {
      val = val.slice(1, -1)
    }
    try {
      val = JSON.parse(val)
    } catch {
      // ignore errors
    }
  } else {
    // walk the val to find the first not-escaped ; character
    let esc = false
    let unesc = ''
    for (let i = 0, l = val.length; i < l; i++) {
      const c = val.charAt(i)
      if (esc) {
        if ('\\;#'.indexOf(c) !== -1) {
          unesc += c
        } else {
          unesc += '\\' + c
        }

        esc = false
      } else if (';#'.indexOf(c) !== -1) {
        break
      } else if (c === '\\') {
        esc = true
      } else {
        unesc += c
      }
    }
    if (esc) {
      unesc += '\\'
    }

    return unesc.trim()
  }
  return val
}

module.exports = {
  parse: decode,
  decode,
  stringify: encode,
  encode,
  safe,
  unsafe,
}


/***/ }),

/***/ 27562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ cacheStoreFor)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37638);
/* harmony import */ var _fs_place_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52300);
/* harmony import */ var _storage_location_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3328);
/* harmony import */ var _directory_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94648);




/**
 * The cache a step uses: the host's own (GitHub: @actions/cache; elsewhere a
 * folder under ~/.cache/mlops-ci) unless the `cache-url` input names another
 * place — a folder (path or file://) shared by Jenkins agents, or an object-store
 * prefix (s3://, gs://, azure://).
 * `maxBytes` caps a folder cache (default DEFAULT_CACHE_MAX_BYTES).
 */
async function cacheStoreFor(cacheUrl, host, input = 'cache-url', maxBytes) {
    const url = cacheUrl.trim();
    if (url === '')
        return host.cache;
    const location = (0,_storage_location_js__WEBPACK_IMPORTED_MODULE_2__/* .readLocation */ .mb)(input, url, { base: host.context.cwd });
    if (location.kind !== 'folder') {
        const { StoreCache } = await __webpack_require__.e(/* import() */ 346).then(__webpack_require__.bind(__webpack_require__, 26346));
        return StoreCache.at(location, host);
    }
    return directoryCache(location.path, url, host, input, maxBytes);
}
/**
 * A folder cache at `root`, made when missing. A path that exists and is not
 * a folder is bad input: every save and restore would only warn, and the
 * step would pass with a cache that never works.
 */
function directoryCache(root, given, host, input, maxBytes) {
    const kind = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_1__/* .placeKind */ .SD)(root);
    if (kind === 'missing' && (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_1__/* .nonFolderAncestor */ .hc)(root))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `got '${given}': a part of ${root} is a file, not a folder; give a folder for the cache (it is made when missing)`);
    if (kind === 'file' || kind === 'other')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `got '${given}': ${root} exists and is not a folder; give a folder for the cache (it is made when missing)`);
    return new _directory_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .DirectoryCache */ .Q(root, host, host.context.env, maxBytes);
}


/***/ }),

/***/ 66087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readInputText),
/* harmony export */   n_: () => (/* binding */ readInputTextIfExists)
/* harmony export */ });
/* unused harmony exports MAX_INPUT_FILE_BYTES, readInputFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37638);
/**
 * Reading a file a user named in an input, safely: only a regular file (a
 * FIFO would wait for a writer forever, `/dev/zero` never ends), only up to a
 * stated size, read with a bounded read (a file that grows, or reports size 0
 * like those in /proc, is still never read past the limit), and every refusal
 * is an InputError naming the input (exit 2).
 *
 * For any step: metrics, samples, rules and baseline files of the gate, the
 * gate results and data manifest promote-model reads.
 */




/** The default largest input file: 16 MiB, far above any metrics or rules file. */
const MAX_INPUT_FILE_BYTES = 16 * 1024 * 1024;
/**
 * The bytes of a user's input file.
 * @throws InputError(spec.input) when the file does not exist, cannot be
 *   opened, is not a regular file (directory, FIFO, device, socket) or is
 *   larger than `maxBytes`. Other I/O errors (EIO) are thrown as they are: a fault.
 */
async function readInputFile(spec) {
    const handle = await openRegularFile(spec);
    try {
        return await readBounded(handle, spec);
    }
    finally {
        await handle.close();
    }
}
/** `readInputFile` decoded as UTF-8. */
async function readInputText(spec) {
    return (await readInputFile(spec)).toString('utf8');
}
/**
 * `readInputText`, except that a file that does not exist is null rather
 * than an error (a baseline not written yet).
 */
async function readInputTextIfExists(spec) {
    try {
        return await readInputText(spec);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz && err.cause?.code === 'ENOENT')
            return null;
        throw err;
    }
}
async function openRegularFile(spec) {
    let handle;
    try {
        // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer; it changes nothing for a regular file.
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(spec.cwd, spec.file), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (err) {
        const reason = OPEN_ERRORS[err.code ?? ''];
        if (reason === undefined)
            throw err;
        throw refusal(spec, reason, err);
    }
    try {
        const info = await handle.stat();
        if (!info.isFile())
            throw refusal(spec, `it is ${kindOf(info)}, not a regular file`);
        if (info.size > limitOf(spec))
            throw tooLarge(spec, `it is ${formatBytes(info.size)}`);
        return handle;
    }
    catch (err) {
        await handle.close();
        throw err;
    }
}
/** Reads to the end, but never more than the limit: the size fstat gave is not trusted. */
async function readBounded(handle, spec) {
    const limit = limitOf(spec);
    const chunks = [];
    let total = 0;
    for (;;) {
        const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0)
            return Buffer.concat(chunks, total);
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > limit)
            throw tooLarge(spec, 'it grew while being read');
    }
}
/** Open errors that are the user's to fix, in words. */
const OPEN_ERRORS = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'a loop of symbolic links',
    ENOTDIR: 'a part of the path is not a folder',
    ENAMETOOLONG: 'the name is too long',
    ENXIO: 'it is a socket or a device with nothing behind it, not a regular file',
};
function kindOf(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a named pipe (FIFO)';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    if (info.isSocket())
        return 'a socket';
    return 'not a file';
}
function limitOf(spec) {
    return spec.maxBytes ?? MAX_INPUT_FILE_BYTES;
}
function tooLarge(spec, found) {
    return refusal(spec, `${found}, more than the ${formatBytes(limitOf(spec))} a ${spec.what} may be`);
}
function refusal(spec, reason, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(spec.input, `cannot read ${spec.what} '${spec.file}': ${reason}`, cause === undefined ? undefined : { cause });
}
/** 16 MiB, 1.5 GiB, 300 bytes. */
function formatBytes(bytes) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}


/***/ }),

/***/ 32932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  evictToCap: () => (/* binding */ evictToCap),
  plan: () => (/* binding */ plan),
  restoreCache: () => (/* binding */ restoreCache),
  run: () => (/* binding */ run),
  saveCache: () => (/* binding */ saveCache)
});

// EXTERNAL MODULE: ./packages/core/src/data/destination-lock.ts
var destination_lock = __webpack_require__(64024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(38321);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/fs-atomic.ts
var fs_atomic = __webpack_require__(48162);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/core/src/data/hashing.ts

const TEXT_SAMPLE = 512;
/** Bytes DVC counts as text: printable ASCII and \n \r \t \f \b. */
const TEXT_BYTES = new Uint8Array(256);
for (let b = 32; b < 127; b++)
    TEXT_BYTES[b] = 1;
for (const b of [0x0a, 0x0d, 0x09, 0x0c, 0x08])
    TEXT_BYTES[b] = 1;
/**
 * DVC's text test on a file's first 512 bytes: empty is text, a NUL is
 * binary, otherwise text when at most 30% of the bytes are non-text.
 */
function isTextBlock(block) {
    if (block.length === 0)
        return true;
    let nonText = 0;
    for (const byte of block) {
        if (byte === 0)
            return false;
        if (!TEXT_BYTES[byte])
            nonText++;
    }
    return nonText / block.length <= 0.3;
}
/**
 * Hashes a stream chunk by chunk while it is written elsewhere, so
 * verification costs no second read. Both the raw md5 (the content-address
 * of the cache) and, for `md5-dos2unix`, the DVC 2.x hash are computed.
 */
class StreamingHasher {
    name;
    raw = (0,external_node_crypto_.createHash)('md5');
    dos2unix;
    head = [];
    headBytes = 0;
    decided = false;
    pendingCR = false;
    size = 0;
    constructor(name) {
        this.name = name;
        if (name === 'md5-dos2unix')
            this.dos2unix = (0,external_node_crypto_.createHash)('md5');
    }
    update(chunk) {
        this.raw.update(chunk);
        this.size += chunk.length;
        if (!this.dos2unix)
            return;
        if (this.decided) {
            this.feedDos2unix(chunk);
            return;
        }
        // Hold the first 512 bytes until we know whether the file is text.
        this.head.push(chunk);
        this.headBytes += chunk.length;
        if (this.headBytes >= TEXT_SAMPLE)
            this.decide();
    }
    /** The raw md5, the hash under `name`, and the byte count. */
    digest() {
        if (this.dos2unix && !this.decided)
            this.decide();
        const md5 = this.raw.digest('hex');
        if (!this.dos2unix)
            return { md5, hash: md5, size: this.size };
        if (this.pendingCR)
            this.dos2unix.update(Buffer.from([0x0d]));
        return { md5, hash: this.dos2unix.digest('hex'), size: this.size };
    }
    decide() {
        const head = Buffer.concat(this.head);
        this.head = [];
        this.decided = true;
        if (!isTextBlock(head.subarray(0, TEXT_SAMPLE))) {
            // Binary: the 2.x hash is the raw md5; stop the second hash.
            this.dos2unix = undefined;
            return;
        }
        this.feedDos2unix(head);
    }
    /** CRLF → LF, carrying a trailing CR over to the next chunk so a pair split by chunking still converts. */
    feedDos2unix(chunk) {
        const hash = this.dos2unix;
        if (!hash)
            return;
        let data = chunk;
        if (this.pendingCR) {
            this.pendingCR = false;
            if (data[0] !== 0x0a)
                hash.update(Buffer.from([0x0d]));
        }
        if (data.length > 0 && data[data.length - 1] === 0x0d) {
            this.pendingCR = true;
            data = data.subarray(0, data.length - 1);
        }
        let start = 0;
        for (let i = data.indexOf(0x0d); i !== -1; i = data.indexOf(0x0d, i + 1)) {
            if (data[i + 1] === 0x0a) {
                hash.update(data.subarray(start, i));
                start = i + 1;
            }
        }
        hash.update(data.subarray(start));
    }
}
/** Whether an S3 ETag is the md5 of the object's bytes (single-part, no SSE-KMS). */
function isPlainMd5(etag) {
    return etag !== undefined && /^[0-9a-f]{32}$/.test(etag);
}

// EXTERNAL MODULE: ./packages/core/src/data/safe-path.ts
var safe_path = __webpack_require__(51561);
// EXTERNAL MODULE: ./packages/core/src/fs-input.ts
var fs_input = __webpack_require__(66087);
// EXTERNAL MODULE: ./packages/core/src/storage/local.ts
var local = __webpack_require__(42872);
// EXTERNAL MODULE: ./packages/core/src/storage/types.ts
var types = __webpack_require__(90626);
;// CONCATENATED MODULE: ./packages/core/src/data/source-plan.ts







/**
 * Plans a plain `source` sync: every object under the prefix (as it is now,
 * as it was at `as-of`, or exactly the versions a manifest pins) becomes a
 * file at its key relative to the prefix. A key that would land outside the
 * destination is refused before anything is written.
 */
async function planSource(request) {
    const prefix = request.prefix === '' || request.prefix.endsWith('/') ? request.prefix : `${request.prefix}/`;
    const files = [];
    let found = 0;
    if (request.pinned) {
        for (const [key, pin] of request.pinned) {
            if (!key.startsWith(prefix))
                throw new errors/* InputError */.dz('version', `pins ${key}, which is not under ${request.url}`);
            const relpath = checkedRelpath(key, prefix, 'version');
            found++;
            if (!request.filter(relpath))
                continue;
            files.push({ relpath, key, size: pin.size, check: { kind: 'md5', hash: pin.md5 }, ...(pin.versionId ? { versionId: pin.versionId } : {}) });
        }
    }
    else {
        const listing = request.asOf ? request.store.listAsOf(prefix, request.asOf) : request.store.list(prefix);
        try {
            for await (const object of listing) {
                const relpath = checkedRelpath(object.key, prefix, 'source');
                found++;
                if (request.filter(relpath))
                    files.push(plannedObject(object, relpath));
            }
        }
        catch (err) {
            throw listingFailure(err, 'source', request.url);
        }
    }
    checkNotEmpty(request, found, files.length);
    return { root: request.dest, kind: 'dir', store: request.store, files, source: request.url };
}
/**
 * What a failed listing of `url` (given as `input`) is: a bucket or container
 * that does not exist, or an entry a folder cannot hold, is bad input naming
 * it, as are store settings that name no usable store (StoreSettingsError:
 * e.g. Azure credentials naming no account); a store without
 * versions is bad input naming `as-of`; anything else (network, credentials
 * the service refuses) stays the store's failure, returned unchanged.
 */
function listingFailure(err, input, url) {
    if (err instanceof types/* BucketNotFoundError */.k_)
        return new errors/* InputError */.dz(input, `${url}: the bucket does not exist`, { cause: err });
    if (err instanceof local/* UnsupportedEntryError */.u)
        return new errors/* InputError */.dz(input, err.message, { cause: err });
    if (err instanceof types/* VersionsNotKeptError */.BM)
        return new errors/* InputError */.dz('as-of', err.message, { cause: err });
    // The settings are wrong, not the service: e.g. no Azure account named, or a malformed connection string.
    if (err instanceof types/* StoreSettingsError */.Nt)
        return new errors/* InputError */.dz(input, err.message, { cause: err });
    return err;
}
/**
 * An empty plan that cannot be told from a mistake is a bad input. S3 has no
 * folders, so a prefix with no objects is as likely a typo as an empty
 * dataset: refused. An existing empty folder is an empty dataset (0 files),
 * except under `delete`, where it would only empty the destination.
 */
function checkNotEmpty(request, found, selected) {
    if (found === 0 && !request.pinned && request.kind !== 'folder') {
        if (request.asOf)
            throw new errors/* InputError */.dz('as-of', `no objects under ${request.url} existed at ${request.asOf.toISOString()}`);
        throw new errors/* InputError */.dz('source', `no objects under ${request.url} (object stores have no empty folders: check the bucket and prefix)`);
    }
    if (!request.deleting || selected > 0)
        return;
    if (found === 0) {
        const input = request.pinned ? 'version' : 'source';
        throw new errors/* InputError */.dz(input, `${request.pinned ? 'pins' : 'has'} no files under ${request.url}; with delete that would only empty ${request.dest}: refusing`);
    }
    throw new errors/* InputError */.dz('include', `include/exclude select none of the ${found} files of ${request.url}; with delete that would only remove files from ${request.dest}: refusing`);
}
function plannedObject(object, relpath) {
    return {
        relpath,
        key: object.key,
        size: object.size,
        // A single-part upload's ETag is the md5 of its bytes: verify against it.
        check: isPlainMd5(object.etag) ? { kind: 'md5', hash: object.etag } : { kind: 'size' },
        ...(object.etag ? { etag: object.etag } : {}),
        ...(object.versionId ? { versionId: object.versionId } : {}),
    };
}
function checkedRelpath(key, prefix, input) {
    const relpath = key.slice(prefix.length);
    const unsafe = (0,safe_path/* unsafeRelpath */.to)(relpath);
    if (unsafe)
        throw new errors/* InputError */.dz(input, `object key ${JSON.stringify(key)} ${unsafe}; refusing to write it outside the destination`);
    return relpath;
}
/** Reads the `version` input: a manifest written by an earlier data-pull, pinning each key's version. */
async function readPinnedVersions(file) {
    // As every input file is read: a regular file, bounded (a FIFO is refused, not waited on).
    const text = await (0,fs_input/* readInputText */._)({ input: 'version', what: 'version manifest', file, cwd: external_node_path_default().dirname(file) });
    let manifest;
    try {
        manifest = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz('version', `${file} is not valid JSON (${err.message})`);
    }
    if (!Array.isArray(manifest?.files))
        throw new errors/* InputError */.dz('version', `${file} is not a data-pull manifest (no "files" list)`);
    const pins = new Map();
    manifest.files.forEach((entry, index) => {
        if (typeof entry?.key !== 'string' || typeof entry.md5 !== 'string' || !/^[0-9a-f]{32}$/.test(entry.md5) || typeof entry.size !== 'number') {
            throw new errors/* InputError */.dz('version', `${file}: files[${index}] needs key, md5 and size`);
        }
        pins.set(entry.key, { md5: entry.md5, size: entry.size, ...(typeof entry.versionId === 'string' ? { versionId: entry.versionId } : {}) });
    });
    return pins;
}

;// CONCATENATED MODULE: ./packages/core/src/data/delta/replay.ts
/**
 * The Delta Lake log's actions and their replay into the state of one table
 * version: which data files make it, under which protocol and metadata. Pure:
 * the log is read elsewhere (log.ts, checkpoint.ts). The protocol's rules
 * followed here: a commit's `add` puts a file in, a later `remove` of the
 * same path takes it out, the newest `protocol` and `metaData` win, and a
 * checkpoint is the whole state at its version.
 */
/** A log that cannot be read as the protocol says: a bad action, a path out of the table, a feature not implemented. */
class DeltaLogError extends Error {
    name = 'DeltaLogError';
}
/**
 * Replays commits over a starting state (a checkpoint's actions, or nothing
 * when the log is read from version 0) to the state after the last commit.
 * `commits` are in version order and contiguous; the caller checks that.
 */
function replay(start, commits) {
    const files = new Map();
    let protocol;
    let metaData;
    let version = start?.version ?? -1;
    const apply = (actions, at) => {
        for (const action of actions) {
            switch (action.kind) {
                case 'add':
                    files.set(relativePathOf(action.add.path, at), action.add);
                    break;
                case 'remove':
                    files.delete(relativePathOf(action.path, at));
                    break;
                case 'protocol':
                    protocol = action.protocol;
                    break;
                case 'metaData':
                    metaData = action.metaData;
                    break;
            }
        }
    };
    if (start)
        apply(start.actions, start.version);
    for (const commit of commits) {
        apply(commit.actions, commit.version);
        version = commit.version;
    }
    if (!protocol || !metaData)
        throw new DeltaLogError(`version ${version} has no ${protocol ? 'metaData' : 'protocol'} action: not a Delta table log`);
    return { version, protocol, metaData, files };
}
/**
 * The reader features whose meaning stays in the files and the metadata
 * this module copies: the pulled files read back as the same rows. Column
 * mapping renames columns in the schema only; timestampNtz and type widening
 * are types in the schema; vacuumProtocolCheck only guards writers' vacuum.
 */
const READER_FEATURES_KEPT = new Set(['columnMapping', 'timestampNtz', 'typeWidening', 'typeWidening-preview', 'vacuumProtocolCheck']);
/**
 * Why the snapshot cannot be pulled without changing its rows, or undefined
 * when it can. Deletion vectors hide rows of a file outside the file itself:
 * copying the files would bring those rows back, so they are refused, as is
 * any reader feature or reader version this module does not know.
 */
function unsupportedFeature(snapshot) {
    const { minReaderVersion, readerFeatures = [] } = snapshot.protocol;
    if (minReaderVersion > 3)
        return `its protocol needs reader version ${minReaderVersion}; this tool reads up to 3`;
    if (minReaderVersion === 3) {
        const unknown = readerFeatures.filter((feature) => !READER_FEATURES_KEPT.has(feature));
        if (unknown.length > 0)
            return `its protocol needs the reader feature${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which this tool does not implement${unknown.includes('deletionVectors') ? ' (deletion vectors hide rows the files still hold)' : ''}`;
    }
    for (const [relpath, add] of snapshot.files) {
        if (add.deletionVector !== undefined && add.deletionVector !== null)
            return `${relpath} has a deletion vector (rows the file still holds are deleted), which this tool does not implement`;
    }
    return undefined;
}
/**
 * The file's path relative to the table, percent-decoded as the protocol
 * writes it. An absolute URI (a shallow clone points at its source table's
 * files) or an absolute path is refused: the files live elsewhere.
 */
function relativePathOf(logPath, version) {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(logPath) || logPath.startsWith('/')) {
        throw new DeltaLogError(`version ${version} names the data file ${JSON.stringify(logPath)} by an absolute URI (a shallow clone?): only files inside the table can be pulled`);
    }
    try {
        return decodeURIComponent(logPath);
    }
    catch {
        throw new DeltaLogError(`version ${version} names the data file ${JSON.stringify(logPath)}, which is not a valid URL-encoded path`);
    }
}
/**
 * The actions of a commit file: one JSON object per line. Lines that decide
 * nothing here (commitInfo, txn, cdc, …) are skipped; a line that is not
 * JSON, or an add without path and size, is an error.
 */
function parseCommit(text, version) {
    const actions = [];
    text.split('\n').forEach((line, index) => {
        if (line.trim() === '')
            return;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch (err) {
            throw new DeltaLogError(`commit ${version}, line ${index + 1} is not JSON (${err.message})`);
        }
        const action = actionOf(value, `commit ${version}, line ${index + 1}`);
        if (action)
            actions.push(action);
    });
    return actions;
}
/**
 * Whether a commit carries an in-commit timestamp (`commitInfo.inCommitTimestamp`):
 * its table then dates commits by that, not by the commit file's time.
 */
function hasInCommitTimestamp(text) {
    return text.split('\n').some((line) => {
        if (!line.includes('inCommitTimestamp'))
            return false;
        try {
            const value = JSON.parse(line);
            return value.commitInfo?.inCommitTimestamp !== undefined;
        }
        catch {
            return false;
        }
    });
}
/**
 * One action from a commit line or a checkpoint row (whose empty columns are
 * null), or undefined when it is of a kind that does not decide the file set.
 */
function actionOf(value, where) {
    if (!isRecord(value))
        throw new DeltaLogError(`${where} is not an action object`);
    if (isRecord(value['add']))
        return { kind: 'add', add: addOf(value['add'], where) };
    if (isRecord(value['remove'])) {
        const removed = value['remove']['path'];
        if (typeof removed !== 'string')
            throw new DeltaLogError(`${where}: a remove action without a path`);
        return { kind: 'remove', path: removed };
    }
    if (isRecord(value['protocol']))
        return { kind: 'protocol', protocol: protocolOf(value['protocol'], where) };
    if (isRecord(value['metaData']))
        return { kind: 'metaData', metaData: plainValue(value['metaData']) };
    return undefined;
}
function addOf(add, where) {
    const size = numberOf(add['size']);
    if (typeof add['path'] !== 'string' || size === undefined || size < 0)
        throw new DeltaLogError(`${where}: an add action needs a path and a size`);
    const plain = plainValue(add);
    return {
        path: add['path'],
        size,
        // Raw, not plainValue: a null partition value is a value, not a field to drop.
        partitionValues: (isRecord(add['partitionValues']) ? add['partitionValues'] : {}),
        modificationTime: numberOf(add['modificationTime']) ?? 0,
        dataChange: add['dataChange'] !== false,
        ...(typeof plain['stats'] === 'string' ? { stats: plain['stats'] } : {}),
        ...(isRecord(plain['tags']) ? { tags: plain['tags'] } : {}),
        ...(plain['deletionVector'] !== undefined ? { deletionVector: plain['deletionVector'] } : {}),
    };
}
function protocolOf(protocol, where) {
    const reader = numberOf(protocol['minReaderVersion']);
    const writer = numberOf(protocol['minWriterVersion']);
    if (reader === undefined || writer === undefined)
        throw new DeltaLogError(`${where}: a protocol action needs minReaderVersion and minWriterVersion`);
    const features = (name) => {
        const list = protocol[name];
        return Array.isArray(list) ? list.filter((item) => typeof item === 'string') : undefined;
    };
    const readerFeatures = features('readerFeatures');
    const writerFeatures = features('writerFeatures');
    return { minReaderVersion: reader, minWriterVersion: writer, ...(readerFeatures ? { readerFeatures } : {}), ...(writerFeatures ? { writerFeatures } : {}) };
}
/** A number from JSON or from a Parquet INT64 (a bigint). */
function numberOf(value) {
    if (typeof value === 'bigint')
        return Number(value);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/**
 * A value as JSON would hold it: a checkpoint row's bigints become numbers
 * and its null fields are dropped, so an action read from a checkpoint is
 * written back as a commit would have written it.
 */
function plainValue(value) {
    if (typeof value === 'bigint')
        return Number(value);
    if (Array.isArray(value))
        return value.map(plainValue);
    if (!isRecord(value))
        return value;
    const plain = {};
    for (const [key, item] of Object.entries(value))
        if (item !== null && item !== undefined)
            plain[key] = plainValue(item);
    return plain;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/core/src/data/delta/checkpoint.ts
/**
 * Reads a Delta checkpoint (Parquet, one action per row) with hyparquet,
 * through the store's ranged reads: the footer first, then only the column
 * chunks of the actions that decide a version's files.
 */


/**
 * A checkpoint holds the whole state at its version: its adds are the live
 * files (its removes are tombstones kept for vacuum, already out of the set).
 */
const COLUMNS = ['add', 'metaData', 'protocol'];
/** The actions of every part of a checkpoint, in order. */
async function readCheckpoint(store, version, parts) {
    const { parquetReadObjects } = await __webpack_require__.e(/* import() */ 148).then(__webpack_require__.bind(__webpack_require__, 54148));
    const actions = [];
    for (const [index, part] of parts.entries()) {
        const where = `checkpoint ${version}${parts.length > 1 ? ` part ${index + 1}/${parts.length}` : ''}`;
        const file = storeBuffer(store, part);
        let rows;
        try {
            rows = await parquetReadObjects({ file, columns: COLUMNS });
        }
        catch (err) {
            // A read the store failed (network, credentials, a short read) is the store's failure, not a bad log.
            if (file.readFailure !== undefined)
                throw file.readFailure.error;
            throw new DeltaLogError(`${where} (${part.key}) cannot be read as Parquet: ${err.message}`, { cause: err });
        }
        for (const row of rows) {
            const action = actionOf(row, where);
            if (action)
                actions.push(action);
        }
    }
    return actions;
}
/**
 * An object of the store as hyparquet's random-access buffer: each slice is
 * one ranged read. The first read that fails is kept, so the caller can tell
 * it from a decoding failure, whatever hyparquet wraps it in.
 */
function storeBuffer(store, object) {
    const file = {
        byteLength: object.size,
        async slice(start, end = object.size) {
            if (end <= start)
                return new ArrayBuffer(0);
            try {
                const bytes = await (0,consumers_.buffer)(await store.read(object.key, { range: { start, end: end - 1 } }));
                if (bytes.length !== end - start)
                    throw new Error(`${object.key}: got ${bytes.length} bytes of range ${start}-${end - 1}`);
                return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
            }
            catch (error) {
                file.readFailure ??= { error };
                throw error;
            }
        },
    };
    return file;
}

;// CONCATENATED MODULE: ./packages/core/src/data/delta/log.ts
/**
 * What a listing of `_delta_log/` says: which commits and complete
 * checkpoints are still there, hence which versions can be read, from where,
 * and which version was current at a time. Pure; reading is in table.ts.
 *
 * Names, from the Delta protocol: `<20-digit version>.json` (a commit),
 * `<version>.checkpoint.parquet` and `<version>.checkpoint.<i>.<n>.parquet`
 * (a checkpoint in n parts). Other names (`.crc`, `_last_checkpoint`,
 * UUID-named v2 checkpoints, compacted logs) are not needed: the listing
 * names every checkpoint, and a v2-checkpoint table is refused by its
 * protocol (replay.ts).
 */

const COMMIT = /^(\d{20})\.json$/;
const CHECKPOINT = /^(\d{20})\.checkpoint\.parquet$/;
const CHECKPOINT_PART = /^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$/;
/** Sorts the objects under `logPrefix` (which ends with `_delta_log/`) into commits and complete checkpoints. */
function readLogListing(objects, logPrefix) {
    const commits = new Map();
    const parts = new Map();
    const partsOf = (version, count) => {
        let entry = parts.get(version);
        // Two part counts for one version (a retried writer): keep the one seen first, and let completeness decide.
        if (!entry)
            parts.set(version, (entry = { count, parts: new Map() }));
        return entry.count === count ? entry : undefined;
    };
    for (const object of objects) {
        const name = object.key.slice(logPrefix.length);
        let match;
        if ((match = COMMIT.exec(name)))
            commits.set(Number(match[1]), object);
        else if ((match = CHECKPOINT.exec(name)))
            partsOf(Number(match[1]), 1)?.parts.set(1, object);
        else if ((match = CHECKPOINT_PART.exec(name)))
            partsOf(Number(match[1]), Number(match[3]))?.parts.set(Number(match[2]), object);
    }
    const checkpoints = new Map();
    for (const [version, entry] of parts) {
        const ordered = Array.from({ length: entry.count }, (_, index) => entry.parts.get(index + 1));
        if (ordered.every((part) => part !== undefined))
            checkpoints.set(version, ordered);
    }
    return { commits, checkpoints };
}
/** The newest version the log holds, or undefined when it holds none (not a Delta table). */
function latestVersion(listing) {
    const versions = [...listing.commits.keys(), ...listing.checkpoints.keys()];
    return versions.length === 0 ? undefined : Math.max(...versions);
}
/**
 * How to read `version`: from the newest complete checkpoint at or before it
 * whose later commits are all there, else from version 0 when every commit
 * is; undefined when neither (the log was cleaned up past it).
 */
function readPlanFor(listing, version) {
    const commitsFrom = (first) => {
        const commits = [];
        for (let v = first; v <= version; v++) {
            const object = listing.commits.get(v);
            if (!object)
                return undefined;
            commits.push({ version: v, object });
        }
        return commits;
    };
    const starts = [...listing.checkpoints.keys()].filter((v) => v <= version).sort((a, b) => b - a);
    for (const start of starts) {
        const commits = commitsFrom(start + 1);
        if (commits)
            return { checkpoint: { version: start, parts: listing.checkpoints.get(start) }, commits };
    }
    const commits = commitsFrom(0);
    return commits ? { commits } : undefined;
}
/**
 * The version current at `time`: the newest commit whose timestamp is not
 * after it, or undefined when every commit the log holds is later. A
 * commit's timestamp is its file's modification time, as the protocol says
 * for tables without in-commit timestamps, made strictly increasing (a
 * commit stamped before its parent counts as 1 ms after it), as Delta does.
 * A store that gives no such time leaves `as-of` nothing to pick by: bad input.
 */
function versionAsOf(listing, time) {
    let found;
    let previous = -Infinity;
    for (const version of [...listing.commits.keys()].sort((a, b) => a - b)) {
        const modified = listing.commits.get(version)?.lastModified;
        if (!modified)
            throw new errors/* InputError */.dz('as-of', `picks a version by commit times, and the store does not say when commit ${version} was written; give the version with 'version'`);
        const stamp = Math.max(modified.getTime(), previous + 1);
        previous = stamp;
        if (stamp <= time.getTime())
            found = version;
        else
            break;
    }
    return found;
}
/** The oldest commit the log holds, for messages. */
function oldestCommit(listing) {
    const versions = [...listing.commits.keys()];
    if (versions.length === 0)
        return undefined;
    const version = Math.min(...versions);
    const at = listing.commits.get(version)?.lastModified;
    return { version, ...(at ? { at } : {}) };
}
/** A version's commit file name. */
function commitName(version) {
    return `${String(version).padStart(20, '0')}.json`;
}

;// CONCATENATED MODULE: ./packages/core/src/data/delta/stats.ts

/** The row count the log recorded for the file (`stats.numRecords`), or undefined when it recorded none (stats are optional). */
function recordedRows(add, version) {
    if (add.stats === undefined)
        return undefined;
    let stats;
    try {
        stats = JSON.parse(add.stats);
    }
    catch (err) {
        throw new DeltaLogError(`version ${version}: the stats of ${add.path} are not JSON (${err.message})`);
    }
    const rows = stats?.numRecords;
    if (rows === undefined)
        return undefined;
    if (typeof rows !== 'number' || !Number.isSafeInteger(rows) || rows < 0) {
        throw new DeltaLogError(`version ${version}: the stats of ${add.path} give numRecords ${JSON.stringify(rows)}, not a row count`);
    }
    return rows;
}
/** Checks that a Parquet file's footer (read alone, not the data) counts `rows` rows. */
function parquetRowCount(rows) {
    return async (file) => {
        const { asyncBufferFromFile, parquetMetadataAsync } = await __webpack_require__.e(/* import() */ 148).then(__webpack_require__.bind(__webpack_require__, 54148));
        let found;
        try {
            found = (await parquetMetadataAsync(await asyncBufferFromFile(file))).num_rows;
        }
        catch (err) {
            return `is not a Parquet file whose footer can be read (${err.message})`;
        }
        return found === BigInt(rows) ? undefined : `its Parquet footer counts ${found} rows, the Delta log's stats say ${rows}`;
    };
}

;// CONCATENATED MODULE: ./packages/core/src/data/delta/table.ts
/**
 * Plans a pull of one Delta table version (`delta`): list the table once
 * (its log and its data files), pick the version (latest, `version`, or
 * current at `as-of`), replay the log from the newest usable checkpoint to
 * the exact file set of that version, and check every file is still there
 * with the size the log recorded. Everything here runs while planning, so a
 * version that was vacuumed away or a table this tool cannot read faithfully
 * is bad input (exit 2) before anything is written.
 */












const LOG_FOLDER = '_delta_log';
/** Commits read at once: a version far from its checkpoint means many small reads. */
const COMMIT_READS_IN_FLIGHT = 16;
async function planDelta(request) {
    await checkDestinationLog(request.dest, request.layout);
    const objects = await listTable(request);
    const logPrefix = `${request.prefix}${LOG_FOLDER}/`;
    const listing = readLogListing([...objects.values()].filter((object) => object.key.startsWith(logPrefix)), logPrefix);
    if (request.point.kind === 'as-of')
        await checkCommitTimes(request.store, listing, request.url);
    const version = resolveVersion(listing, request);
    const readPlan = readPlanFor(listing, version);
    if (!readPlan) {
        throw new errors/* InputError */.dz(inputOf(request.point), `version ${version} of ${request.url} can no longer be read: the log was cleaned up before it (no checkpoint at or before it with every later commit, and not every commit from version 0)`);
    }
    const snapshot = await asInputError(() => readSnapshot(request.store, readPlan), request.url);
    const unsupported = unsupportedFeature(snapshot);
    if (unsupported)
        throw new errors/* InputError */.dz('delta', `${request.url} version ${version}: ${unsupported}; refusing rather than pulling rows that differ from the table's`);
    // A file's stats that are not what the protocol says are a bad log, as a bad action is.
    const files = await asInputError(async () => inPathOrder(snapshot).map((file) => plannedFile(file, snapshot, objects, request)), request.url);
    const target = { root: request.dest, kind: 'dir', store: request.store, files, source: `${request.url}@v${version}` };
    return { target, version, ...(request.layout === 'table' ? { logCommit: tableCommit(snapshot) } : {}) };
}
/** Writes the pulled table's log whole or not at all, after its files are in place. */
async function writeTableLog(dest, logCommit) {
    await (0,fs_atomic/* writeFileAtomic */.Z)(external_node_path_default().join(dest, LOG_FOLDER, commitName(0)), logCommit);
}
/**
 * A destination's own `_delta_log` must be one this step wrote: any other
 * commit there would make the pulled table read as another version, and
 * with layout `files` any log would describe files that may be gone.
 */
async function checkDestinationLog(dest, layout) {
    const names = await (0,promises_.readdir)(external_node_path_default().join(dest, LOG_FOLDER)).catch(() => undefined);
    if (names === undefined)
        return;
    const ours = (name) => name.startsWith(commitName(0));
    if (layout === 'files') {
        throw new errors/* InputError */.dz('path', `${dest} holds a ${LOG_FOLDER} folder: with delta-layout files it would describe files that may no longer be there; remove it, or pull with delta-layout table`);
    }
    const foreign = names.filter((name) => !ours(name));
    if (foreign.length > 0) {
        throw new errors/* InputError */.dz('path', `${dest}/${LOG_FOLDER} holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}, not written by data-pull: the pulled table would read as another version; give an empty folder or one an earlier delta pull wrote`);
    }
}
/** Every object under the table's prefix, by key: the log and the data files, in one listing. */
async function listTable({ store, prefix, url }) {
    const objects = new Map();
    try {
        for await (const object of store.list(prefix))
            objects.set(object.key, object);
    }
    catch (err) {
        throw listingFailure(err, 'delta', url);
    }
    return objects;
}
function resolveVersion(listing, { point, url }) {
    const latest = latestVersion(listing);
    if (latest === undefined)
        throw new errors/* InputError */.dz('delta', `${url} is not a Delta table: ${LOG_FOLDER}/ holds no commit`);
    switch (point.kind) {
        case 'latest':
            return latest;
        case 'version':
            if (point.version > latest)
                throw new errors/* InputError */.dz('version', `${url} has no version ${point.version}: its latest is ${latest}`);
            return point.version;
        case 'as-of': {
            const version = versionAsOf(listing, point.time);
            if (version !== undefined)
                return version;
            const oldest = oldestCommit(listing);
            const since = oldest?.at ? ` (version ${oldest.version}, ${oldest.at.toISOString()})` : '';
            throw new errors/* InputError */.dz('as-of', `${point.time.toISOString()} is before the oldest commit ${url} holds${since}`);
        }
    }
}
/**
 * `as-of` dates commits by their files' times, as the protocol says for a
 * table without in-commit timestamps. A table that keeps them (its newest
 * commit carries one) dates them otherwise, and Delta readers would pick
 * another version: refused rather than guessed.
 */
async function checkCommitTimes(store, listing, url) {
    const newest = Math.max(...listing.commits.keys());
    const commit = listing.commits.get(newest);
    if (!commit)
        return;
    if (hasInCommitTimestamp((await (0,consumers_.buffer)(await store.read(commit.key))).toString('utf8'))) {
        throw new errors/* InputError */.dz('as-of', `${url} dates its commits by in-commit timestamps, which as-of does not read yet; give the table version with 'version'`);
    }
}
function inputOf(point) {
    return point.kind === 'latest' ? 'delta' : point.kind;
}
/** Reads the checkpoint and the commits after it, and replays them. */
async function readSnapshot(store, plan) {
    const start = plan.checkpoint ? { version: plan.checkpoint.version, actions: await readCheckpoint(store, plan.checkpoint.version, plan.checkpoint.parts) } : undefined;
    const commits = [];
    for (let i = 0; i < plan.commits.length; i += COMMIT_READS_IN_FLIGHT) {
        const batch = plan.commits.slice(i, i + COMMIT_READS_IN_FLIGHT);
        commits.push(...(await Promise.all(batch.map(async ({ version, object }) => ({ version, actions: parseCommit((await (0,consumers_.buffer)(await store.read(object.key))).toString('utf8'), version) })))));
    }
    return replay(start, commits);
}
/** A log this module cannot read faithfully is bad input naming `delta`; a store failure stays a failure. */
async function asInputError(read, url) {
    try {
        return await read();
    }
    catch (err) {
        if (err instanceof DeltaLogError)
            throw new errors/* InputError */.dz('delta', `${url}: ${err.message}`, { cause: err });
        throw err;
    }
}
/**
 * One data file of the version, checked against the listing: gone (vacuumed)
 * or of another size than the log says is bad input naming what picked the
 * version. A single-part S3 upload's ETag is its md5, checked on arrival, and
 * so is the row count the log's stats give, against the file's footer.
 */
function plannedFile([relpath, add], snapshot, objects, request) {
    const unsafe = (0,safe_path/* unsafeRelpath */.to)(relpath) ?? (relpath.split('/')[0] === LOG_FOLDER ? `is inside ${LOG_FOLDER}/` : undefined);
    if (unsafe)
        throw new errors/* InputError */.dz('delta', `${request.url} version ${snapshot.version} names the data file ${JSON.stringify(relpath)}, which ${unsafe}: refusing to write it`);
    const key = `${request.prefix}${relpath}`;
    const object = objects.get(key);
    const input = inputOf(request.point);
    if (!object)
        throw new errors/* InputError */.dz(input, `version ${snapshot.version} of ${request.url} can no longer be pulled: its data file ${relpath} is gone (vacuumed?)`);
    if (object.size !== add.size)
        throw new errors/* InputError */.dz(input, `version ${snapshot.version} of ${request.url}: its data file ${relpath} has ${object.size} bytes, the log says ${add.size}`);
    const rows = recordedRows(add, snapshot.version);
    return {
        relpath,
        key,
        size: object.size,
        check: isPlainMd5(object.etag) ? { kind: 'md5', hash: object.etag } : { kind: 'size' },
        ...(object.etag ? { etag: object.etag } : {}),
        ...(rows !== undefined ? { contentCheck: parquetRowCount(rows) } : {}),
    };
}
/**
 * The pulled table's one commit: the version's protocol, metadata and adds
 * (paths as the log wrote them, so relative and encoded alike), so a Delta
 * reader sees version 0 with the same rows.
 */
function tableCommit(snapshot) {
    const adds = inPathOrder(snapshot)
        // unsupportedFeature() refused any deletion vector: the adds carry none to drop.
        .map(([, add]) => ({ add: { ...add, dataChange: true } }));
    const lines = [{ protocol: snapshot.protocol }, { metaData: snapshot.metaData }, ...adds];
    return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}
/** The version's files by relative path, in code-unit order (as the pulled log and the manifest list them). */
function inPathOrder(snapshot) {
    return [...snapshot.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

;// CONCATENATED MODULE: ./packages/core/src/data/dvc-dir.ts


/**
 * Parses a `.dir` object: the JSON array of `{"md5", "relpath"}` DVC writes
 * for a directory out. Bad JSON or a bad entry is bad input data (exit 2)
 * naming the object and the line; a relpath that would leave the out's
 * folder is refused.
 */
function parseDirManifest(bytes, name, input = 'dvc') {
    const text = bytes.toString('utf8');
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        const line = text.slice(0, errorOffset(text)).split('\n').length;
        throw new errors/* InputError */.dz(input, `${name}:${line}: the .dir manifest is not valid JSON (${err.message})`);
    }
    if (!Array.isArray(parsed))
        throw new errors/* InputError */.dz(input, `${name}:1: a .dir manifest must be a JSON array of {md5, relpath}`);
    return parsed.map((entry, index) => {
        const item = entry;
        const where = `${name}: entry ${index + 1}`;
        if (typeof item?.md5 !== 'string' || !/^[0-9a-f]{32}$/.test(item.md5))
            throw new errors/* InputError */.dz(input, `${where} has no md5 hex digest`);
        if (typeof item.relpath !== 'string')
            throw new errors/* InputError */.dz(input, `${where} has no relpath`);
        const unsafe = (0,safe_path/* unsafeRelpath */.to)(item.relpath);
        if (unsafe)
            throw new errors/* InputError */.dz(input, `${where}: relpath ${JSON.stringify(item.relpath)} ${unsafe}; refusing to write outside the out's folder`);
        return { md5: item.md5, relpath: item.relpath };
    });
}
/**
 * Where JSON.parse gives up: V8 names the position only in some messages, so
 * find the shortest prefix that fails for a reason other than ending early.
 */
function errorOffset(text) {
    const failsInside = (length) => {
        try {
            JSON.parse(text.slice(0, length));
            return false;
        }
        catch (err) {
            return !/end of JSON input|Unterminated/i.test(err.message);
        }
    };
    let low = 0;
    let high = text.length;
    while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (failsInside(middle))
            high = middle;
        else
            low = middle + 1;
    }
    return Math.max(low - 1, 0);
}
/** The object key of a hash in a DVC remote: 3.x under `files/md5/`, 2.x at the root. */
function dvcObjectKey(prefix, md5, legacy) {
    const base = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    return `${base}${legacy ? '' : 'files/md5/'}${md5.slice(0, 2)}/${md5.slice(2)}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./packages/core/src/data/hash-pool.ts


/**
 * md5 of files being written, computed in worker threads so that hashing
 * large objects neither blocks the event loop nor is limited to one core.
 * md5 is sequential, so one file is always hashed by one worker; the writer
 * tells it how far the file is written (`advance`) and the worker reads that
 * much back from the page cache and hashes it, overlapping with the download.
 *
 * The worker is an eval'd CommonJS script because the bundler (ncc) copies a
 * separate worker module as a raw asset instead of compiling it.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const jobs = new Map();
const buffer = Buffer.allocUnsafe(1 << 20);
function close(id, job) {
  jobs.delete(id);
  if (job.fd >= 0) closeSync(job.fd);
}
function hashUpTo(job, upTo) {
  while (job.hashed < upTo) {
    const n = readSync(job.fd, buffer, 0, Math.min(buffer.length, upTo - job.hashed), job.hashed);
    if (n === 0) throw new Error('the file ended at ' + job.hashed + ' bytes, ' + upTo + ' were written');
    job.hash.update(buffer.subarray(0, n));
    job.hashed += n;
  }
}
parentPort.on('message', (m) => {
  let job = jobs.get(m.id);
  if (m.abort) {
    if (job) close(m.id, job);
    return;
  }
  if (!job) {
    job = { fd: -1, hash: createHash('md5'), hashed: 0, error: undefined };
    jobs.set(m.id, job);
  }
  // The first failure is kept and reported at the end: the writer only waits for that reply.
  try {
    if (job.error === undefined) {
      if (job.fd < 0) job.fd = openSync(m.path, 'r');
      hashUpTo(job, m.upTo);
    }
  } catch (err) {
    job.error = err.message;
  }
  if (!m.end) return;
  close(m.id, job);
  parentPort.postMessage(job.error === undefined ? { id: m.id, md5: job.hash.digest('hex') } : { id: m.id, error: job.error });
});
`;
/** Starts one md5 worker thread. */
function startHashWorker() {
    return new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true });
}
/** Tell the worker about written bytes in steps of at least this much (fewer messages, same overlap). */
const ADVANCE_STEP = 4 * 1024 * 1024;
/** One file being hashed by a worker. */
class FileMd5 {
    pool;
    slot;
    id;
    path;
    told = 0;
    ended = false;
    constructor(pool, slot, id, path) {
        this.pool = pool;
        this.slot = slot;
        this.id = id;
        this.path = path;
    }
    /** The first `written` bytes of the file are on disk. */
    advance(written) {
        if (written - this.told < ADVANCE_STEP || this.slot.stopped)
            return;
        this.told = written;
        this.slot.worker.postMessage({ id: this.id, path: this.path, upTo: written });
    }
    /**
     * The md5 of the first `size` bytes (the whole file, once every write has
     * completed). Rejects when the worker stops before it answers.
     */
    digest(size) {
        this.ended = true;
        const result = new Promise((resolve, reject) => {
            if (this.slot.stopped)
                return reject(this.slot.stopped);
            this.slot.waiting.set(this.id, { resolve, reject });
            this.slot.worker.postMessage({ id: this.id, path: this.path, upTo: size, end: true });
        });
        return result.finally(() => this.pool.release(this.slot));
    }
    /** Stops hashing (the transfer failed); idempotent. */
    abort() {
        if (this.ended)
            return;
        this.ended = true;
        if (!this.slot.stopped)
            this.slot.worker.postMessage({ id: this.id, abort: true });
        this.pool.release(this.slot);
    }
}
/**
 * A few md5 workers, started on first use, that never keep the process
 * alive. A worker that stops fails only the files it held (the transfer
 * retries them) and is replaced on the next file: the pool never hangs.
 */
class HashPool {
    size;
    start;
    slots = [];
    nextId = 1;
    constructor(size = Math.max(1, Math.min((0,external_node_os_.availableParallelism)(), 4)), start = startHashWorker) {
        this.size = size;
        this.start = start;
    }
    /** Starts hashing `path`, which is being written from offset 0. */
    hashFile(path) {
        const slot = this.leastBusy();
        slot.active++;
        if (slot.active === 1)
            slot.worker.ref();
        return new FileMd5(this, slot, this.nextId++, path);
    }
    release(slot) {
        slot.active--;
        if (slot.active === 0)
            slot.worker.unref();
    }
    leastBusy() {
        if (this.slots.length < this.size) {
            const slot = this.startWorker();
            this.slots.push(slot);
            return slot;
        }
        return this.slots.reduce((best, slot) => (slot.active < best.active ? slot : best));
    }
    startWorker() {
        const worker = this.start();
        const slot = { worker, waiting: new Map(), active: 0, stopped: undefined };
        worker.unref();
        worker.on('message', (reply) => {
            const waiter = slot.waiting.get(reply.id);
            slot.waiting.delete(reply.id);
            if (reply.md5 !== undefined)
                waiter?.resolve(reply.md5);
            else
                waiter?.reject(new Error(`hashing failed: ${reply.error ?? 'no reason given'}`));
        });
        // 'error' (an uncaught exception, ERR_WORKER_OUT_OF_MEMORY) is always followed by 'exit'; keep its reason.
        let failure;
        worker.on('error', (err) => {
            failure ??= err;
        });
        worker.on('exit', (code) => this.retire(slot, new Error(`hashing failed: the md5 worker stopped (exit code ${code})${failure ? `: ${failure.message}` : ''}`)));
        return slot;
    }
    /** Takes a stopped worker out of the pool and fails what it held. */
    retire(slot, reason) {
        slot.stopped = reason;
        const index = this.slots.indexOf(slot);
        if (index >= 0)
            this.slots.splice(index, 1);
        for (const waiter of slot.waiting.values())
            waiter.reject(reason);
        slot.waiting.clear();
    }
}

;// CONCATENATED MODULE: ./packages/core/src/data/transfer.ts









/** The bytes arrived but are not the ones recorded: never retried, never kept. */
class VerificationError extends Error {
    name = 'VerificationError';
}
/** Objects at least this big are fetched as ranged parts in parallel. */
const RANGED_THRESHOLD = 64 * 1024 * 1024;
const PART_SIZE = 16 * 1024 * 1024;
const PARTS_IN_FLIGHT = 4;
const ATTEMPTS = 5;
/** Objects past this size are hashed in a worker thread; below it the round trip costs more than the md5. */
const WORKER_HASH_THRESHOLD = 1024 * 1024;
/** Objects up to this size (when the plan knows it) are received in memory and written with one call. */
const SMALL_OBJECT = 256 * 1024;
const HASH_POOL = new HashPool();
/**
 * Streams an object into `tempFile`, hashing while writing, and checks size
 * and hash before returning. Transient faults (resets, 5xx that outlived the
 * SDK's own retries, truncated bodies) restart the object after a backoff
 * with jitter; a missing object or a hash mismatch fails at once. On failure
 * the temp file is gone.
 */
async function downloadVerified(store, file, tempFile, onBytes) {
    for (let attempt = 1;; attempt++) {
        let counted = 0;
        const count = (n) => {
            counted += n;
            onBytes(n);
        };
        try {
            // md5 is sequential: ranged parts arriving out of order need it from the file, so DVC 2.x objects stream whole.
            const hashed = file.size !== undefined && file.size >= RANGED_THRESHOLD && file.check.kind !== 'md5-dos2unix'
                ? verify(file, await downloadRanged(store, file, file.size, tempFile, count))
                : verify(file, await writeHashed(await store.read(file.key, versionOf(file)), file, tempFile, count));
            await checkContent(file, tempFile);
            return hashed;
        }
        catch (err) {
            onBytes(-counted); // progress counts only bytes that stay
            await (0,promises_.rm)(tempFile, { force: true });
            if (err instanceof types/* NotFoundError */.m_ || err instanceof VerificationError || attempt >= ATTEMPTS) {
                throw new Error(`${store.description}/${file.key}: ${err.message}`, { cause: err });
            }
            await sleep(backoffMs(attempt));
        }
    }
}
/** Copies a cached object to a temp file beside `dest` while hashing it, then renames it over `dest`. */
async function installVerified(source, file, dest) {
    const temp = tempBeside(dest);
    try {
        const hashed = verify(file, await writeHashed((0,external_node_fs_.createReadStream)(source, { highWaterMark: 1024 * 1024 }), file, temp, () => undefined));
        await checkContent(file, temp);
        await (0,promises_.rename)(temp, dest);
        return hashed;
    }
    catch (err) {
        await (0,promises_.rm)(temp, { force: true });
        throw err;
    }
}
/** Hashes a file already in the destination; its hash under the plan's check, or undefined when it does not match. */
async function matchesExisting(dest, file) {
    if (file.check.kind === 'size')
        return undefined; // nothing to compare with but the size: fetch it
    const hasher = new StreamingHasher(file.check.kind);
    try {
        await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(dest, { highWaterMark: 1024 * 1024 }), hashingSink(hasher));
        const hashed = verify(file, hasher.digest());
        await checkContent(file, dest);
        return hashed;
    }
    catch {
        return undefined;
    }
}
function verify(file, { md5, hash, size }) {
    if (file.size !== undefined && size !== file.size)
        throw new VerificationError(`got ${size} bytes, expected ${file.size}`);
    if (file.check.kind !== 'size' && hash !== file.check.hash) {
        throw new VerificationError(`content does not match its recorded ${file.check.kind} (expected ${file.check.hash}, got ${hash})`);
    }
    return { md5, size };
}
/** The plan's check beyond size and hash, on bytes already verified by both. */
async function checkContent(file, onDisk) {
    const wrong = await file.contentCheck?.(onDisk);
    if (wrong !== undefined)
        throw new VerificationError(wrong);
}
async function downloadRanged(store, file, size, tempFile, onBytes) {
    // Parts stream straight to their offsets, PARTS_IN_FLIGHT at a time, so
    // memory stays flat; a worker hashes the file as its contiguous written
    // prefix grows (md5 cannot be computed out of order).
    const parts = Math.ceil(size / PART_SIZE);
    const written = new Array(parts).fill(0);
    const fd = (0,external_node_fs_.openSync)(tempFile, 'w');
    const md5 = HASH_POOL.hashFile(tempFile);
    let complete = 0; // parts below this index are fully written
    const advance = () => {
        while (complete < parts && written[complete] === partLength(size, complete))
            complete++;
        md5.advance(complete < parts ? complete * PART_SIZE + written[complete] : size);
    };
    let next = 0;
    let stopped = false; // a part failed: the others stop at their next chunk
    const fetchPart = async (index) => {
        const start = index * PART_SIZE;
        const end = start + partLength(size, index) - 1;
        for await (const chunk of await store.read(file.key, { ...versionOf(file), range: { start, end } })) {
            if (stopped)
                return;
            const buffer = chunk;
            const position = start + written[index];
            if (position + buffer.length > end + 1)
                throw new Error(`part ${index + 1}/${parts}: more bytes than the range asked for`);
            writeAll(fd, buffer, position);
            written[index] = written[index] + buffer.length;
            onBytes(buffer.length);
            if (index === complete)
                advance();
        }
        if (written[index] !== end - start + 1)
            throw new Error(`part ${index + 1}/${parts}: got ${written[index]} bytes, expected ${end - start + 1}`);
        advance();
    };
    const fetchParts = async () => {
        try {
            while (!stopped && next < parts)
                await fetchPart(next++);
        }
        catch (err) {
            stopped = true;
            throw err;
        }
    };
    // Every part settles before the descriptor closes: a write after close could land in a file that reused its number.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(PARTS_IN_FLIGHT, parts) }, fetchParts));
    (0,external_node_fs_.closeSync)(fd);
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure) {
        md5.abort();
        throw failure.reason;
    }
    const hex = await md5.digest(size);
    return { md5: hex, hash: hex, size };
}
function partLength(size, index) {
    return Math.min(PART_SIZE, size - index * PART_SIZE);
}
/**
 * Writes a stream to `tempFile` (created or truncated), hashing what is
 * written: inline while the object is small or a DVC 2.x text object, else
 * in a worker that reads the written bytes back from the page cache.
 */
async function writeHashed(source, file, tempFile, onBytes) {
    if (file.size !== undefined && file.size <= SMALL_OBJECT)
        return writeSmall(source, file, file.size, tempFile, onBytes);
    const fd = (0,external_node_fs_.openSync)(tempFile, 'w');
    const hash = new AdaptiveHash(file, tempFile);
    try {
        await (0,external_node_stream_promises_.pipeline)(source, fileWriter(fd, hash, onBytes));
    }
    catch (err) {
        hash.abort();
        throw err;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return hash.digest();
}
/**
 * A small object: hashed as it arrives, written with one synchronous call.
 * For a few KiB a synchronous write is cheaper than the thread-pool round
 * trips of a stream (open, write, close each wake a thread), which dominate
 * pulls of many small files on a busy machine.
 */
async function writeSmall(source, file, size, tempFile, onBytes) {
    const hasher = new StreamingHasher(hashNameOf(file.check));
    const chunks = [];
    let received = 0;
    for await (const chunk of source) {
        const buffer = chunk;
        received += buffer.length;
        if (received > size)
            throw new VerificationError(`got more than the ${size} bytes listed`);
        hasher.update(buffer);
        chunks.push(buffer);
        onBytes(buffer.length);
    }
    (0,external_node_fs_.writeFileSync)(tempFile, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    return hasher.digest();
}
/**
 * The end of a pipeline that writes chunks in order to `fd` and reports each
 * written one. Writes are synchronous: a network chunk goes to the page cache
 * in microseconds, less than the thread-pool round trip of an async write.
 */
function fileWriter(fd, hash, onBytes) {
    let position = 0;
    return new external_node_stream_.Writable({
        write(chunk, _encoding, done) {
            try {
                writeAll(fd, chunk, position);
            }
            catch (err) {
                done(err);
                return;
            }
            position += chunk.length;
            hash.written(chunk, position);
            onBytes(chunk.length);
            done();
        },
    });
}
/** pwrite until the whole buffer is written (a write may be partial). */
function writeAll(fd, buffer, position) {
    for (let done = 0; done < buffer.length;)
        done += (0,external_node_fs_.writeSync)(fd, buffer, done, buffer.length - done, position + done);
}
/**
 * Hashes bytes as they are written: inline (StreamingHasher) until the
 * object turns out large, then — for plain md5 — hands over to a worker
 * that hashes the file from its start, so big objects never hash on the
 * event loop. DVC 2.x hashes stay inline (their text rules live here only).
 */
class AdaptiveHash {
    file;
    path;
    inline;
    worker;
    size = 0;
    constructor(file, path) {
        this.file = file;
        this.path = path;
        if (this.canUseWorker() && file.size !== undefined && file.size >= WORKER_HASH_THRESHOLD)
            this.worker = HASH_POOL.hashFile(path);
        else
            this.inline = new StreamingHasher(hashNameOf(file.check));
    }
    /** `chunk` is now on disk, ending at byte `end`. */
    written(chunk, end) {
        this.size = end;
        if (this.inline && this.canUseWorker() && end >= WORKER_HASH_THRESHOLD) {
            this.inline = undefined;
            this.worker = HASH_POOL.hashFile(this.path);
        }
        if (this.inline)
            this.inline.update(chunk);
        else
            this.worker?.advance(end);
    }
    async digest() {
        if (this.inline)
            return this.inline.digest();
        const md5 = await this.worker.digest(this.size);
        return { md5, hash: md5, size: this.size };
    }
    abort() {
        this.worker?.abort();
    }
    canUseWorker() {
        return this.file.check.kind !== 'md5-dos2unix';
    }
}
/** The end of a pipeline that only hashes (a Transform nobody reads from would stall at its buffer size). */
function hashingSink(hasher) {
    return new external_node_stream_.Writable({
        write(chunk, _encoding, done) {
            hasher.update(chunk);
            done();
        },
    });
}
function hashNameOf(check) {
    return check.kind === 'md5-dos2unix' ? 'md5-dos2unix' : 'md5';
}
function versionOf(file) {
    return file.versionId ? { versionId: file.versionId } : {};
}
/**
 * A temp file name in the same folder as `dest` (so the rename over it is
 * atomic): `.<name>.mlops-ci-<8 hex>.tmp`. A killed run can leave one; the
 * next run sweeps them (isTempBeside).
 */
function tempBeside(dest) {
    return external_node_path_default().join(external_node_path_default().dirname(dest), `.${external_node_path_default().basename(dest)}.mlops-ci-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}.tmp`);
}
const TEMP_BESIDE = /^\..+\.mlops-ci-[0-9a-f]{8}\.tmp$/;
/** Whether a file name is one tempBeside makes. */
function isTempBeside(name) {
    return TEMP_BESIDE.test(name);
}
/** Exponential backoff with full jitter: 0.25 s, 0.5 s, 1 s... times 0.5–1.5. */
function backoffMs(attempt) {
    return 250 * 2 ** (attempt - 1) * (0.5 + Math.random());
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./packages/core/src/data/dvc-plan.ts



/**
 * Turns DVC outs into targets: a file out is one object; a directory out is
 * the files its `.dir` manifest lists (fetched once, verified, and kept in
 * the local cache like any object). Keys follow the out's format: 3.x under
 * `files/md5/`, 2.x (md5-dos2unix) at the remote's root.
 */
async function planDvc(pulls, context) {
    const targets = [];
    for (const pull of pulls) {
        const { out } = pull;
        const { store, prefix } = context.storeFor(pull.remote);
        const legacy = out.hashName === 'md5-dos2unix';
        const objectFile = (md5, relpath, size) => ({
            relpath,
            key: dvcObjectKey(prefix, md5, legacy),
            check: { kind: out.hashName, hash: md5 },
            ...(size !== undefined ? { size } : {}),
        });
        if (!out.isDir) {
            const files = context.filter(pull.displayPath) ? [objectFile(out.md5, external_node_path_default().basename(pull.dest), out.size)] : [];
            targets.push({ root: pull.dest, kind: 'file', store, files, source: out.origin });
            continue;
        }
        const entries = parseDirManifest(await readDirObject(pull, store, prefix, context), `${out.md5}.dir (${out.origin})`);
        const files = entries.filter((entry) => context.filter(`${pull.displayPath}/${entry.relpath}`)).map((entry) => objectFile(entry.md5, entry.relpath));
        targets.push({ root: pull.dest, kind: 'dir', store, files, source: out.origin });
    }
    return targets;
}
/** The `.dir` object: from the local cache when there, else from the remote (verified, then cached). */
async function readDirObject(pull, store, prefix, { cache, cwd }) {
    const { out } = pull;
    const id = `${out.hashName}/${out.md5}.dir`;
    const cached = await cache.read(id);
    if (cached)
        return cached;
    const file = { relpath: `${out.md5}.dir`, key: `${dvcObjectKey(prefix, out.md5, out.hashName === 'md5-dos2unix')}.dir`, check: { kind: out.hashName, hash: out.md5 } };
    const temp = cache.tempPath();
    try {
        await downloadVerified(store, file, temp, () => undefined);
    }
    catch (err) {
        throw new Error(`cannot read the .dir manifest of ${external_node_path_default().relative(cwd, out.path) || out.path} (${out.origin}) from remote '${pull.remote.name}': ${err.message}`, { cause: err });
    }
    await cache.adopt(temp, id);
    return (await cache.read(id));
}

;// CONCATENATED MODULE: ./packages/core/src/data/plan.ts
/**
 * The content-addressed name of a file's bytes in the local cache, when it is
 * known before downloading: by recorded hash, else by ETag and size.
 */
function cacheIdOf(file) {
    if (file.check.kind !== 'size')
        return `${file.check.kind}/${file.check.hash}`;
    if (file.etag && file.size !== undefined)
        return `etag/${file.etag.replace(/[^0-9A-Za-z-]/g, '')}-${file.size}`;
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/data/manifest.ts




/**
 * The dataset as pulled: every file with size, md5 and source version, in
 * path order, and a digest of the whole (sha256 over sorted `path NUL md5`
 * lines) that does not depend on where or how the files were fetched.
 */
function buildManifest(files, base) {
    const relative = relativePaths(base);
    const entries = files
        .map((synced) => ({
        path: relative(synced),
        size: synced.size,
        md5: synced.md5,
        source: `${synced.target.store.description}/${synced.file.key}`,
        key: synced.file.key,
        ...(synced.file.versionId ? { versionId: synced.file.versionId } : {}),
    }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { version: 1, base, digest: digestOf(entries), files: entries };
}
function digestOf(entries) {
    // One update over the joined lines: ten thousand small updates cost more than the hashing.
    return (0,external_node_crypto_.createHash)('sha256')
        .update(entries.map((entry) => `${entry.path}\0${entry.md5}\n`).join(''))
        .digest('hex');
}
/**
 * A file's path relative to `base`, `/`-separated. A folder target's files
 * are its root's relative path plus their relpath: one path.relative per
 * target, not per file.
 */
function relativePaths(base) {
    const roots = new Map();
    const slashed = (native) => native.split((external_node_path_default()).sep).join('/');
    return (synced) => {
        if (synced.target.kind !== 'dir')
            return slashed(external_node_path_default().relative(base, synced.path));
        let root = roots.get(synced.target.root);
        if (root === undefined) {
            root = slashed(external_node_path_default().relative(base, synced.target.root));
            roots.set(synced.target.root, root);
        }
        return root === '' ? synced.file.relpath : `${root}/${synced.file.relpath}`;
    };
}
async function writeManifest(file, manifest) {
    await (0,fs_atomic/* writeFileAtomic */.Z)(file, `${JSON.stringify(manifest, null, 1)}\n`);
}
/**
 * A short, stable name of what the plan asks for (before any download), for
 * the cross-run cache key: the same dataset version gives the same key.
 */
function planIdentity(targets) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    // Not the absolute destination: the same dataset on another runner is the same key.
    const lines = targets.flatMap((target, index) => target.files.map((file) => `${index}/${file.relpath}\0${cacheIdOf(file) ?? `${file.key}|${file.size ?? ''}`}|${file.versionId ?? ''}`));
    return hash.update(lines.sort().map((line) => `${line}\n`).join('')).digest('hex').slice(0, 40);
}

// EXTERNAL MODULE: ./packages/core/src/cache-cap.ts
var cache_cap = __webpack_require__(2674);
;// CONCATENATED MODULE: ./packages/core/src/data/object-cache.ts





/** A temp file older than this is a killed run's: in-flight ones are written to continually. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/**
 * The local content-addressed cache (`cache-dir`): every verified object,
 * named by its hash (`md5/ab/cdef…`, `md5-dos2unix/…`, `etag/…`), plus the
 * state files. Objects enter only whole and verified, through a temp file in
 * the same folder tree and a rename, so a killed pull never leaves a bad one.
 * This folder is what the cross-run cache saves and restores.
 *
 * An object's mtime is its last use (set when a run finds it, kept through
 * the cross-run cache's tar), which is what `evictToCap` orders by.
 */
class ObjectCache {
    root;
    madeDirs = new Set();
    /** Objects this run found or added: never evicted by it. */
    used = new Set();
    added = false;
    /** Whether this run added an object: only then can the cache have grown past its cap. */
    get grew() {
        return this.added;
    }
    constructor(root) {
        this.root = root;
    }
    pathOf(id) {
        const [kind, name = ''] = id.split('/', 2);
        return external_node_path_default().join(this.root, 'objects', kind, name.slice(0, 2), name.slice(2));
    }
    /** Whether the cache holds `id`; a found object counts as used now (see evictToCap). */
    has(id) {
        const found = (0,external_node_fs_.existsSync)(this.pathOf(id));
        if (found)
            this.markUsed(id);
        return found;
    }
    /** A fresh temp path inside the cache (same file system as the objects, so rename is atomic). */
    tempPath() {
        const dir = this.tempDir();
        this.ensureDir(dir);
        return external_node_path_default().join(dir, (0,external_node_crypto_.randomUUID)());
    }
    /**
     * Removes temp files a killed pull left (they would otherwise stay, and
     * travel with every cross-run save). Only old ones: another pull on this
     * machine may be writing into the same cache right now.
     */
    async sweepStaleTemps(now = Date.now()) {
        const dir = this.tempDir();
        for (const name of await (0,promises_.readdir)(dir).catch(() => [])) {
            const file = external_node_path_default().join(dir, name);
            const info = await (0,promises_.stat)(file).catch(() => undefined);
            if (info && now - info.mtimeMs > STALE_TEMP_MS)
                await (0,promises_.rm)(file, { force: true });
        }
    }
    /** Moves a verified temp file into place under `id`. */
    async adopt(tempFile, id) {
        const target = this.pathOf(id);
        this.ensureDir(external_node_path_default().dirname(target));
        await (0,promises_.rename)(tempFile, target);
        this.used.add(id);
        this.added = true;
        return target;
    }
    /**
     * Adds a copy of a verified file under `id`: a reflink where the file
     * system has them, else a copy in the kernel, off the event loop. Never a
     * hard link: the destination file would share its inode, and editing that
     * file in place would destroy the one copy meant to put it right.
     */
    async keep(file, id) {
        if (this.has(id))
            return; // the same bytes, kept by a parallel transfer
        const temp = this.tempPath();
        try {
            await (0,promises_.copyFile)(file, temp, external_node_fs_.constants.COPYFILE_FICLONE);
            await this.adopt(temp, id);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
    }
    async read(id) {
        const bytes = await (0,promises_.readFile)(this.pathOf(id)).catch(() => undefined);
        if (bytes !== undefined)
            this.markUsed(id);
        return bytes;
    }
    /**
     * Removes the least recently used objects until the cache holds at most
     * `maxBytes`, after a pull. Never one this run used or added, one `needed`
     * names (the run's plan), or one another run used in the last minutes
     * (IN_USE_GRACE_MS). Each object is one file, so a removal is one unlink: a
     * killed eviction leaves every object whole or gone, never half. Temp
     * files and state files are not counted (both are small and swept).
     */
    async evictToCap(maxBytes, needed = new Set(), now = Date.now()) {
        const objects = this.listObjects();
        const { evict, remainingBytes } = (0,cache_cap/* planEviction */.fg)(objects, maxBytes, (object) => this.used.has(object.name) || needed.has(object.name), now);
        for (const object of evict)
            await (0,promises_.rm)(this.pathOf(object.name), { force: true });
        return { evicted: evict.length, evictedBytes: evict.reduce((sum, object) => sum + object.bytes, 0), remainingBytes };
    }
    /** Drops an object found corrupt, so the next read goes to the remote. */
    async evict(id) {
        await (0,promises_.rm)(this.pathOf(id), { force: true });
    }
    statePath(name) {
        const dir = external_node_path_default().join(this.root, 'state');
        this.ensureDir(dir);
        return external_node_path_default().join(dir, `${name}.json`);
    }
    /**
     * Every object, named by its id (`<kind>/<hash>`), with its size and last
     * use. Synchronous: ten thousand stats on one thread take a fraction of
     * their cost through the thread pool, and the step waits for them anyway.
     */
    listObjects() {
        const objects = [];
        const root = external_node_path_default().join(this.root, 'objects');
        for (const kind of namesIn(root)) {
            for (const prefix of namesIn(external_node_path_default().join(root, kind))) {
                for (const rest of namesIn(external_node_path_default().join(root, kind, prefix))) {
                    const info = (0,external_node_fs_.statSync)(external_node_path_default().join(root, kind, prefix, rest), { throwIfNoEntry: false });
                    if (info?.isFile())
                        objects.push({ name: `${kind}/${prefix}${rest}`, bytes: info.size, lastUsedMs: info.mtimeMs });
                }
            }
        }
        return objects;
    }
    /** Records a use: in this run (never evicted by it), and on disk as the mtime (for later runs' LRU). */
    markUsed(id) {
        if (this.used.has(id))
            return;
        this.used.add(id);
        const now = new Date();
        try {
            (0,external_node_fs_.utimesSync)(this.pathOf(id), now, now);
        }
        catch {
            // A cache on a read-only or foreign-owned disk still serves; its order is only less exact.
        }
    }
    tempDir() {
        return external_node_path_default().join(this.root, 'tmp');
    }
    ensureDir(dir) {
        if (this.madeDirs.has(dir))
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        this.madeDirs.add(dir);
    }
}
function namesIn(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir);
    }
    catch {
        return [];
    }
}

// EXTERNAL MODULE: ./packages/core/src/data/progress.ts
var data_progress = __webpack_require__(73519);
;// CONCATENATED MODULE: ./packages/core/src/data/state.ts



/**
 * The state file of one destination, kept in the cache folder (never in the
 * user's data): relpath → size, mtime, inode, md5. A file whose stat still
 * matches is known right without reading a byte — this is what makes a
 * re-pull of an unchanged dataset of 10,000 files take milliseconds.
 */
class DestinationState {
    file;
    root;
    files;
    dirty = false;
    constructor(file, root, files) {
        this.file = file;
        this.root = root;
        this.files = files;
    }
    get(relpath) {
        return this.files.get(relpath);
    }
    set(relpath, state) {
        this.files.set(relpath, state);
        this.dirty = true;
    }
    /** Forgets files no longer planned, so the state does not grow with every version. */
    retainOnly(relpaths) {
        for (const relpath of this.files.keys()) {
            if (relpaths.has(relpath))
                continue;
            this.files.delete(relpath);
            this.dirty = true;
        }
    }
    static async load(cache, root) {
        const file = cache.statePath((0,external_node_crypto_.createHash)('sha256').update(root).digest('hex').slice(0, 32));
        const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
        let files = new Map();
        if (text !== undefined) {
            try {
                const doc = JSON.parse(text);
                if (doc.version === 1 && doc.root === root)
                    files = new Map(Object.entries(doc.files));
            }
            catch {
                // A damaged state file only costs a re-check of the files.
            }
        }
        return new DestinationState(file, root, files);
    }
    /** Writes the state when it changed (an unchanged re-pull writes nothing). */
    async save() {
        if (!this.dirty)
            return;
        this.dirty = false;
        const doc = { version: 1, root: this.root, files: Object.fromEntries(this.files) };
        await (0,fs_atomic/* writeFileAtomic */.Z)(this.file, JSON.stringify(doc));
    }
}

;// CONCATENATED MODULE: ./packages/core/src/data/sync.ts








/**
 * Puts every planned file in place, verified: files the state file vouches
 * for are kept without a read; the rest come from the local cache or the
 * store, in parallel. Every write goes through a temp file and a rename, so
 * the destination never holds a partial or unverified file.
 */
async function syncTargets(targets, cache, options) {
    // Every destination is checked before anything is written.
    const guard = new safe_path/* DestinationGuard */.q2();
    const destinations = new Map(targets.map((target) => [target, target.files.map((file) => destinationOf(target, file, guard))]));
    const states = new Map();
    for (const target of targets)
        states.set(target, await DestinationState.load(cache, target.root));
    const synced = [];
    const work = [];
    for (const target of targets) {
        const state = states.get(target);
        const dests = destinations.get(target);
        for (const [index, file] of target.files.entries()) {
            const dest = dests[index];
            const known = vouchedFor(state, file, dest);
            if (known)
                synced.push({ target, file, path: dest, size: known.size, md5: known.md5 });
            else
                work.push({ target, state, file, dest });
        }
    }
    const counts = { kept: synced.length, fromCache: 0, downloaded: 0, bytesDownloaded: 0 };
    if (work.length > 0) {
        await sweepLeftTemps(work);
        await cache.sweepStaleTemps();
        const totalBytes = work.reduce((sum, item) => sum + (item.file.size ?? 0), 0);
        const progress = new data_progress/* Progress */.k(options.log, work.length, totalBytes, options.progressIntervalMs);
        progress.start();
        const folders = new FolderMaker();
        try {
            await runPool(work, options.concurrency, async (item) => {
                const outcome = await placeFile(item, cache, folders, options, (n) => {
                    progress.addBytes(n);
                    counts.bytesDownloaded += n;
                });
                counts[outcome.how]++;
                progress.fileDone();
                item.state.set(item.file.relpath, stateOf(item, outcome));
                synced.push({ target: item.target, file: item.file, path: item.dest, size: outcome.size, md5: outcome.md5 });
            });
        }
        finally {
            progress.stop();
            // Keep what was done even when a file failed: the next run resumes from there.
            for (const state of states.values())
                await state.save();
        }
        options.log.info(progress.line());
    }
    for (const [target, state] of states)
        forgetMissing(state, target);
    for (const state of states.values())
        await state.save();
    const deleted = options.deleteExtra ? await deleteExtras(targets, options.isManaged) : [];
    return { files: synced, ...counts, deleted };
}
/** One file: right already, else from the cache, else from the store (written once, beside it, then kept in the cache when asked). */
async function placeFile(item, cache, folders, { log, keepObjects }, onBytes) {
    const { file, dest, target } = item;
    const existing = (0,external_node_fs_.lstatSync)(dest, { throwIfNoEntry: false });
    if (existing?.isFile()) {
        const hashed = await matchesExisting(dest, file);
        if (hashed)
            return { how: 'kept', ...hashed };
    }
    folders.ensure(external_node_path_default().dirname(dest));
    const id = cacheIdOf(file);
    if (id && cache.has(id)) {
        try {
            return { how: 'fromCache', ...(await installVerified(cache.pathOf(id), file, dest)) };
        }
        catch (err) {
            if (!(err instanceof VerificationError))
                throw err;
            log.warning(`cached object ${id} is damaged (${err.message}); fetching it again`);
            await cache.evict(id);
        }
    }
    const temp = tempBeside(dest);
    const hashed = await downloadVerified(target.store, file, temp, onBytes);
    try {
        if (keepObjects)
            await cache.keep(temp, id ?? `md5/${hashed.md5}`);
        (0,external_node_fs_.renameSync)(temp, dest); // metadata only: cheaper than a thread-pool round trip
    }
    catch (err) {
        await (0,promises_.rm)(temp, { force: true });
        throw err;
    }
    return { how: 'downloaded', ...hashed };
}
/**
 * Removes the temp files a killed run left beside the files it was writing.
 * Such a file is only ever beside a file that was still to place, and that
 * file stays to place (unvouched) until a run puts it there, so sweeping the
 * folders of this run's work finds them (a file the dataset dropped since
 * takes its temp with it under `delete`). A re-pull with nothing to do reads
 * no folder. Two pulls into one destination never run at once (the step's
 * destination lock).
 */
async function sweepLeftTemps(work) {
    const folders = new Set(work.map((item) => external_node_path_default().dirname(item.dest)));
    for (const folder of folders) {
        const names = await (0,promises_.readdir)(folder).catch(() => []);
        for (const name of names)
            if (isTempBeside(name))
                await (0,promises_.rm)(external_node_path_default().join(folder, name), { force: true });
    }
}
/** mkdir -p, once per folder: a dataset of many small files shares few folders. */
class FolderMaker {
    made = new Set();
    ensure(dir) {
        if (this.made.has(dir))
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        this.made.add(dir);
    }
}
/** The state entry for a file, when its stat still matches what we wrote and the plan did not change. */
function vouchedFor(state, file, dest) {
    const known = state.get(file.relpath);
    if (!known || known.source !== sourceOf(file))
        return undefined;
    const info = (0,external_node_fs_.lstatSync)(dest, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size !== known.size || info.mtimeMs !== known.mtimeMs || info.ino !== known.ino)
        return undefined;
    return known;
}
function stateOf(item, outcome) {
    const info = (0,external_node_fs_.lstatSync)(item.dest);
    return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, md5: outcome.md5, source: sourceOf(item.file) };
}
/** What identifies a file's content in the plan: a change means the file must be checked again. */
function sourceOf(file) {
    return cacheIdOf(file) ?? `${file.key}|${file.size ?? ''}|${file.versionId ?? ''}`;
}
function destinationOf(target, file, guard) {
    if (target.kind === 'file')
        return target.root;
    guard.check(target.root, file.relpath);
    return (0,safe_path/* joinRelpath */.dd)(target.root, file.relpath);
}
function forgetMissing(state, target) {
    state.retainOnly(new Set(target.files.map((file) => file.relpath)));
}
/** Files in folder targets that the dataset no longer has (symlinks are never followed). */
async function deleteExtras(targets, isManaged) {
    const deleted = [];
    for (const target of targets) {
        if (target.kind !== 'dir')
            continue;
        const planned = new Set(target.files.map((file) => file.relpath));
        for await (const relpath of walkFiles(target.root, '')) {
            if (planned.has(relpath) || !(isManaged(relpath) || isTempBeside(external_node_path_default().posix.basename(relpath))))
                continue;
            const file = external_node_path_default().join(target.root, ...relpath.split('/'));
            await (0,promises_.rm)(file, { force: true });
            deleted.push(file);
        }
    }
    return deleted;
}
async function* walkFiles(root, prefix) {
    const dir = await (0,promises_.opendir)(external_node_path_default().join(root, prefix)).catch(() => undefined);
    if (!dir)
        return;
    for await (const entry of dir) {
        const relpath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory())
            yield* walkFiles(root, relpath);
        else
            yield relpath;
    }
}
/** Runs `task` over `items` with at most `limit` at once; the first failure stops new work and is thrown. */
async function runPool(items, limit, task) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const item = items[next++];
            try {
                await task(item);
            }
            catch (err) {
                failure ??= err;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure !== undefined)
        throw failure;
}

// EXTERNAL MODULE: ./packages/core/src/storage/location.ts
var storage_location = __webpack_require__(3328);
// EXTERNAL MODULE: ./packages/core/src/storage/open.ts
var storage_open = __webpack_require__(55755);
// EXTERNAL MODULE: ./packages/core/src/steps/summary.ts
var summary = __webpack_require__(18669);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(96192);
;// CONCATENATED MODULE: ./packages/core/src/data/lfs/credentials.ts
/**
 * Credentials for an LFS server, as git-lfs finds them, without git-lfs:
 * `user:password@` in the configured URL; else `GITHUB_TOKEN` for
 * github.com (as `x-access-token`, the way actions/checkout's token
 * authenticates); else git's credential helpers through `git credential fill`,
 * asked only once the server answered 401. git never prompts: a CI job has
 * no one to answer.
 */

/** `GITHUB_TOKEN` for an endpoint on github.com (or on the GitHub server the run is on). */
function githubToken(endpoint, env) {
    const token = env['GITHUB_TOKEN'];
    if (!token)
        return undefined;
    const host = new URL(endpoint).hostname.toLowerCase();
    const serverHost = hostOf(env['GITHUB_SERVER_URL']);
    return host === 'github.com' || (serverHost !== undefined && host === serverHost) ? { username: 'x-access-token', password: token } : undefined;
}
function hostOf(url) {
    if (!url)
        return undefined;
    try {
        return new URL(url).hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
}
/**
 * Asks git's credential helpers for `url`'s credentials: the request is
 * written to stdin (never a command line), the answer read from stdout.
 * Undefined when no helper has one.
 */
async function gitCredentialFill(url, place) {
    const { protocol, host, pathname } = new URL(url);
    const request = `protocol=${protocol.replace(/:$/, '')}\nhost=${host}\npath=${pathname.replace(/^\//, '')}\n\n`;
    const env = { ...place.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' };
    const result = await (0,exec/* execCapture */.Wp)('git', ['credential', 'fill'], { cwd: place.cwd, env, input: request, ignoreReturnCode: true, timeoutMs: 60_000 });
    if (result.exitCode !== 0)
        return undefined;
    const fields = new Map(result.stdout
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    const username = fields.get('username');
    const password = fields.get('password');
    return username !== undefined && password !== undefined ? { username, password } : undefined;
}
function basicAuthorization(credential) {
    return `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
}

;// CONCATENATED MODULE: ./packages/core/src/data/lfs/client.ts
/**
 * The LFS batch API client (https://github.com/git-lfs/git-lfs/blob/main/docs/api/batch.md),
 * download side only, `basic` transfers: asks the server where each object
 * is (`POST <endpoint>/objects/batch`, 100 objects a request) and streams it
 * from there, checking its sha256 and size on the way.
 */






const MEDIA_TYPE = 'application/vnd.git-lfs+json';
/** The batch API's own advice: servers may cap a request, 100 is what git-lfs sends. */
const BATCH_SIZE = 100;
/** An action due to expire this soon is asked for again rather than started. */
const EXPIRY_MARGIN_MS = 5_000;
const client_ATTEMPTS = 3;
/** The object's bytes are not the ones its pointer names: never retried, never kept. */
class LfsVerificationError extends Error {
    name = 'LfsVerificationError';
}
class LfsClient {
    options;
    credential;
    asked = false;
    constructor(options) {
        this.options = options;
        this.credential = options.credential;
        if (this.credential)
            options.mask(this.credential.password);
    }
    get endpoint() {
        return this.options.endpoint;
    }
    /** Where each object is, by oid: one request per BATCH_SIZE objects. */
    async batch(objects) {
        const answers = new Map();
        for (let start = 0; start < objects.length; start += BATCH_SIZE) {
            const chunk = objects.slice(start, start + BATCH_SIZE);
            for (const [oid, answer] of await this.batchOnce(chunk))
                answers.set(oid, answer);
            for (const { oid } of chunk)
                if (!answers.has(oid))
                    answers.set(oid, { kind: 'error', message: 'the server did not answer for it' });
        }
        return answers;
    }
    /**
     * Streams the object into `tempFile` through sha256 and md5, checking both
     * size and oid before returning; on any failure the temp file is gone. An
     * action that has expired is asked for again first.
     */
    async download(pointer, action, tempFile, onBytes) {
        let current = action;
        for (let attempt = 1;; attempt++) {
            if (hasExpired(current)) {
                current = await this.freshAction(pointer);
                if (hasExpired(current))
                    throw new Error('the server gives only download actions that have expired');
            }
            let counted = 0;
            try {
                return await this.downloadOnce(pointer, current, tempFile, (n) => {
                    counted += n;
                    onBytes(n);
                });
            }
            catch (err) {
                onBytes(-counted);
                await (0,promises_.rm)(tempFile, { force: true });
                if (err instanceof LfsVerificationError || (err instanceof HttpStatusError && !isTransient(err.status)) || attempt >= client_ATTEMPTS)
                    throw err;
                await client_sleep(250 * 2 ** attempt);
            }
        }
    }
    async freshAction(pointer) {
        const answer = (await this.batchOnce([pointer])).get(pointer.oid);
        if (answer?.kind !== 'download')
            throw new Error(answer?.message ?? 'the server did not answer for it');
        return answer.action;
    }
    async downloadOnce(pointer, action, tempFile, onBytes) {
        const response = await fetch(action.href, { headers: { ...action.header } });
        if (!response.ok || !response.body) {
            await response.body?.cancel();
            throw new HttpStatusError(response.status, `download answered HTTP ${response.status}`);
        }
        const sha256 = (0,external_node_crypto_.createHash)('sha256');
        const md5 = (0,external_node_crypto_.createHash)('md5');
        let size = 0;
        const hashing = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                size += chunk.length;
                // More bytes than the pointer says: stop now, not after the whole body.
                if (size > pointer.size)
                    return done(new LfsVerificationError(`got more than the ${pointer.size} bytes its pointer says`));
                sha256.update(chunk);
                md5.update(chunk);
                onBytes(chunk.length);
                done(null, chunk);
            },
        });
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(response.body), hashing, (0,external_node_fs_.createWriteStream)(tempFile));
        if (size !== pointer.size)
            throw new LfsVerificationError(`got ${size} bytes, its pointer says ${pointer.size}`);
        const oid = sha256.digest('hex');
        if (oid !== pointer.oid)
            throw new LfsVerificationError(`content does not match its oid (got sha256 ${oid})`);
        return { md5: md5.digest('hex'), size };
    }
    async batchOnce(objects) {
        const body = JSON.stringify({ operation: 'download', transfers: ['basic'], objects: objects.map(({ oid, size }) => ({ oid, size })), hash_algo: 'sha256' });
        const sentAt = Date.now();
        const response = await this.post(body);
        const answer = (await response.json().catch(() => undefined));
        if (!answer || !Array.isArray(answer.objects))
            throw new Error(`${this.describe()}: the batch answer is not LFS JSON`);
        if (answer.transfer !== undefined && answer.transfer !== 'basic')
            throw new Error(`${this.describe()}: the server chose transfer '${String(answer.transfer)}', only 'basic' is supported`);
        if (answer.hash_algo !== undefined && answer.hash_algo !== 'sha256')
            throw new Error(`${this.describe()}: the server uses hash '${String(answer.hash_algo)}', only sha256 is supported`);
        const answers = new Map();
        for (const object of answer.objects) {
            if (typeof object?.oid === 'string')
                answers.set(object.oid, answerOf(object, sentAt));
        }
        return answers;
    }
    /** The batch POST, with credentials when it takes them: asked once from git on a 401; transient failures retried. */
    async post(body) {
        for (let attempt = 1;; attempt++) {
            const headers = { Accept: MEDIA_TYPE, 'Content-Type': MEDIA_TYPE };
            if (this.credential)
                headers['Authorization'] = basicAuthorization(this.credential);
            let response;
            try {
                response = await fetch(`${this.options.endpoint}/objects/batch`, { method: 'POST', headers, body });
            }
            catch (err) {
                if (attempt >= client_ATTEMPTS)
                    throw new Error(`${this.describe()}: ${err.message}`, { cause: err });
                await client_sleep(250 * 2 ** attempt);
                continue;
            }
            if (response.ok)
                return response;
            const message = await errorMessageOf(response);
            if (response.status === 401 && !this.asked) {
                this.asked = true;
                const credential = await this.options.askCredential();
                if (credential) {
                    this.options.mask(credential.password);
                    this.credential = credential;
                    continue;
                }
                throw new Error(`${this.describe()}: the server asks for credentials (HTTP 401) and git's credential helpers have none for it${message}`);
            }
            if (isTransient(response.status) && attempt < client_ATTEMPTS) {
                await client_sleep(250 * 2 ** attempt);
                continue;
            }
            const why = response.status === 401 || response.status === 403 ? ' (the credentials were refused)' : response.status === 404 ? ' (no LFS server there, or no access)' : '';
            throw new Error(`${this.describe()}: batch request answered HTTP ${response.status}${why}${message}`);
        }
    }
    describe() {
        return `LFS server ${this.options.endpoint}`;
    }
}
function hasExpired(action) {
    return action.expiresAtMs !== undefined && action.expiresAtMs - EXPIRY_MARGIN_MS <= Date.now();
}
/** An HTTP error status from object storage: retried only when transient. */
class HttpStatusError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** A server error, a rate limit or a timeout may pass on another try; any other 4xx would get the same answer. */
function isTransient(status) {
    return status >= 500 || status === 429 || status === 408;
}
function answerOf(object, sentAt) {
    if (object.error)
        return { kind: 'error', message: `the server says ${String(object.error.code ?? '')} ${String(object.error.message ?? '')}`.trim() };
    const download = object.actions?.download;
    if (!download || typeof download.href !== 'string')
        return { kind: 'error', message: 'the server gave no download action for it' };
    const header = {};
    if (download.header && typeof download.header === 'object') {
        for (const [name, value] of Object.entries(download.header))
            if (typeof value === 'string')
                header[name] = value;
    }
    const expiresAtMs = expiryOf(download.expires_at, download.expires_in, sentAt);
    return { kind: 'download', action: { href: download.href, header, ...(expiresAtMs !== undefined ? { expiresAtMs } : {}) } };
}
/**
 * `expires_in` (seconds, from when the request was sent) wins over
 * `expires_at`, as in git-lfs. A zero time (Go's `0001-01-01T00:00:00Z`,
 * which some servers always send) means no expiry.
 */
function expiryOf(expiresAt, expiresIn, sentAt) {
    if (typeof expiresIn === 'number' && expiresIn !== 0)
        return sentAt + expiresIn * 1000;
    if (typeof expiresAt !== 'string')
        return undefined;
    const time = Date.parse(expiresAt);
    return Number.isNaN(time) || new Date(time).getUTCFullYear() <= 1 ? undefined : time;
}
/** The server's own `message` (LFS JSON errors carry one), for the error line. */
async function errorMessageOf(response) {
    const text = await response.text().catch(() => '');
    try {
        const message = JSON.parse(text).message;
        return typeof message === 'string' && message !== '' ? `: ${message.slice(0, 300)}` : '';
    }
    catch {
        return '';
    }
}
function client_sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./packages/core/src/data/lfs/endpoint.ts
/**
 * Where a repository's LFS objects live: the LFS server's URL, found as
 * git-lfs finds it (https://github.com/git-lfs/git-lfs/blob/main/docs/api/server-discovery.md):
 *
 * 1. `lfs.url`, then `remote.<remote>.lfsurl` — from git's config, else from
 *    the repository's committed `.lfsconfig` (git's config wins key by key);
 * 2. else the remote's URL + `/info/lfs`, with `.git` added when the URL
 *    lacks it; an SSH remote (`git@host:path`, `ssh://host/path`) maps to
 *    `https://host/path` as git-lfs does when it cannot ask the server over SSH.
 *
 * Pure: the caller reads both configs (git does) and passes them in.
 */
/** Why no endpoint could be found, in words for the user (the caller names the input). */
class EndpointError extends Error {
    name = 'EndpointError';
}
function discoverEndpoint(gitConfig, lfsConfig, remote) {
    for (const key of ['lfs.url', `remote.${remote}.lfsurl`]) {
        const configured = gitConfig.get(key);
        if (configured !== undefined)
            return endpointOf(configured, `${key} in git config`);
        const committed = lfsConfig.get(key);
        if (committed !== undefined)
            return endpointOf(committed, `${key} in .lfsconfig`);
    }
    const remoteUrl = gitConfig.get(`remote.${remote}.url`);
    if (remoteUrl === undefined)
        throw new EndpointError(`the repository has no remote '${remote}' (remote.${remote}.url) and no lfs.url in git config or .lfsconfig`);
    return endpointOf(endpointFromRemote(remoteUrl), `remote '${remote}'`);
}
/** The LFS endpoint a git remote URL implies (server discovery's default). */
function endpointFromRemote(remoteUrl) {
    const http = /^https?:\/\//i.test(remoteUrl) ? remoteUrl : sshAsHttps(remoteUrl);
    let url;
    try {
        url = new URL(http);
    }
    catch {
        throw new EndpointError(`remote URL ${describeUrl(remoteUrl)} is not a valid URL, so it names no LFS server; fix it or set lfs.url in git config or .lfsconfig`);
    }
    url.search = '';
    url.hash = '';
    let pathname = url.pathname.replace(/\/+$/, '');
    if (!pathname.endsWith('.git'))
        pathname += '.git';
    url.pathname = `${pathname}/info/lfs`;
    return url.toString();
}
/**
 * `git@host:owner/repo.git` (scp-like) and `ssh://[user@]host[:port]/path`
 * as https: git-lfs's fallback when `git-lfs-authenticate` is not used. The
 * SSH port says nothing about the HTTPS one, so it is dropped.
 */
function sshAsHttps(remoteUrl) {
    const sshUrl = /^(?:git\+)?ssh:\/\/(?:[^@/]+@)?(\[[^\]]+\]|[^:/]+)(?::\d+)?\/(.+)$/i.exec(remoteUrl);
    if (sshUrl)
        return `https://${sshUrl[1]}/${sshUrl[2]}`;
    // scp-like: a colon before any slash, and not a Windows drive letter.
    const scpLike = /^(?:[^@/:]+@)?([^/:]{2,}):\/?([^/].*)$/.exec(remoteUrl);
    if (scpLike)
        return `https://${scpLike[1]}/${scpLike[2]}`;
    throw new EndpointError(`remote URL ${describeUrl(remoteUrl)} is not an http(s) or SSH URL, so it has no LFS server; set lfs.url in git config or .lfsconfig`);
}
function endpointOf(text, from) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new EndpointError(`${from}: ${describeUrl(text)} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new EndpointError(`${from}: ${describeUrl(text)} is not an http(s) URL`);
    const userinfo = url.username !== '' ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : undefined;
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return { url: url.toString().replace(/\/+$/, ''), from, ...(userinfo ? { userinfo } : {}) };
}
/** A URL for a message: credentials never shown. */
function describeUrl(text) {
    return `'${text.replace(/\/\/[^/@\s]*@/, '//***@').slice(0, 200)}'`;
}

;// CONCATENATED MODULE: ./packages/core/src/data/lfs/pull.ts
/**
 * Pulls the LFS objects of the files `findLfsFiles` selected, in two phases
 * so that a failure replaces nothing:
 *
 * 1. fetch — every object not in the local cache is asked of the LFS server
 *    and streamed into the cache (`sha256/<oid>`, beside data-pull's md5
 *    objects), checked by sha256 and size; a cached object is read back
 *    through the same checks. A wrong byte stops the pull here.
 * 2. check out — each pointer file is replaced by its object: a copy beside it
 *    (same folder, same mode), renamed over it.
 *
 * Files that already hold their object are kept (vouched for by the state
 * file, as data-pull's other modes do, else hashed; never fetched); files
 * whose committed blob is a pointer but whose content is neither that
 * pointer nor its object are someone's change, left alone and reported.
 */







/** The cache id of an LFS object: its own area of the cache, keyed by the oid itself. */
function lfsCacheId(oid) {
    return `sha256/${oid}`;
}
async function pullLfs(root, files, options) {
    // Its own state, apart from a folder pull's into the same root: each forgets the other's files.
    const state = await DestinationState.load(options.cache, `lfs:${root}`);
    const { kept, changed } = await checkReplaced(files.filter((file) => file.holds === 'content'), state);
    const pointers = files.filter((file) => file.holds === 'pointer');
    const objects = uniqueObjects(pointers);
    const pathsOf = (oid) => pointers.filter((file) => file.pointer.oid === oid).map((file) => file.relpath);
    const fetched = await fetchObjects(objects, pathsOf, options);
    let checkedOut;
    try {
        checkedOut = await checkOut(pointers, fetched.md5s, state, options);
        state.retainOnly(new Set(files.map((file) => file.relpath)));
    }
    finally {
        // Also after a failed check-out: the files already replaced stay vouched for.
        await state.save();
    }
    return {
        files: [...kept, ...checkedOut].sort((a, b) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0)),
        kept: kept.length,
        fromCache: pointers.filter((file) => !fetched.downloaded.has(file.pointer.oid)).length,
        downloaded: fetched.downloaded.size,
        bytesDownloaded: fetched.bytes,
        changed,
    };
}
/**
 * Files whose working copy is not their pointer: their object (kept), or a
 * local change. A file this pull's state file vouches for (same size, mtime,
 * inode and oid as when it was put there) is kept without a read: re-hashing
 * every model on every run would cost what the pull saves.
 */
async function checkReplaced(files, state) {
    const kept = [];
    const changed = [];
    for (const file of files) {
        const info = await (0,promises_.stat)(file.path);
        const known = state.get(file.relpath);
        if (known && known.source === lfsCacheId(file.pointer.oid) && known.size === info.size && known.mtimeMs === info.mtimeMs && known.ino === info.ino) {
            kept.push({ relpath: file.relpath, oid: file.pointer.oid, size: file.pointer.size, md5: known.md5 });
            continue;
        }
        const hashes = info.size === file.pointer.size ? await hashFile(file.path) : undefined;
        if (hashes?.sha256 !== file.pointer.oid) {
            changed.push(file.relpath);
            continue;
        }
        kept.push({ relpath: file.relpath, oid: file.pointer.oid, size: file.pointer.size, md5: hashes.md5 });
        state.set(file.relpath, pull_stateOf(info, hashes.md5, file.pointer.oid));
    }
    return { kept, changed };
}
function pull_stateOf(info, md5, oid) {
    return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, md5, source: lfsCacheId(oid) };
}
function uniqueObjects(files) {
    const byOid = new Map();
    for (const { pointer } of files)
        byOid.set(pointer.oid, pointer);
    return [...byOid.values()];
}
/** Phase 1: every object verified in the cache, downloading those it lacks (or holds damaged). */
async function fetchObjects(objects, pathsOf, options) {
    const { cache, log } = options;
    const md5s = new Map();
    const missing = [];
    for (const object of objects) {
        const id = lfsCacheId(object.oid);
        if (!cache.has(id)) {
            missing.push(object);
            continue;
        }
        const hashes = await hashFile(cache.pathOf(id));
        if (hashes.sha256 === object.oid && hashes.size === object.size)
            md5s.set(object.oid, hashes.md5);
        else {
            log.warning(`cached LFS object ${object.oid} is damaged; fetching it again`);
            await cache.evict(id);
            missing.push(object);
        }
    }
    let bytes = 0;
    if (missing.length > 0) {
        const { client } = options;
        if (!client)
            throw new Error(`${missing.length} LFS objects are missing from the cache and no LFS server was planned for them`);
        const answers = await client.batch(missing);
        const downloads = missing.map((object) => {
            const answer = answers.get(object.oid);
            if (answer?.kind !== 'download')
                throw new LfsObjectError(object, pathsOf(object.oid), answer?.message ?? 'no answer');
            return { object, action: answer.action };
        });
        await cache.sweepStaleTemps();
        const progress = new data_progress/* Progress */.k(log, missing.length, missing.reduce((sum, object) => sum + object.size, 0), options.progressIntervalMs);
        progress.start();
        try {
            await runPool(downloads, options.concurrency, async ({ object, action }) => {
                const temp = cache.tempPath();
                try {
                    const done = await client.download(object, action, temp, (n) => {
                        progress.addBytes(n);
                        bytes += n;
                    });
                    await cache.adopt(temp, lfsCacheId(object.oid));
                    md5s.set(object.oid, done.md5);
                }
                catch (err) {
                    await (0,promises_.rm)(temp, { force: true });
                    throw new LfsObjectError(object, pathsOf(object.oid), err.message, err);
                }
                progress.fileDone();
            });
        }
        finally {
            progress.stop();
        }
        log.info(progress.line());
    }
    return { md5s, downloaded: new Set(missing.map((object) => object.oid)), bytes };
}
/** Phase 2: each pointer file replaced by its verified object, atomically, keeping the file's mode. */
async function checkOut(pointers, md5s, state, options) {
    const placed = [];
    await runPool(pointers, options.concurrency, async (file) => {
        const md5 = md5s.get(file.pointer.oid);
        if (md5 === undefined)
            throw new Error(`${file.relpath}: object ${file.pointer.oid} was not fetched`);
        const { mode } = await (0,promises_.stat)(file.path);
        const temp = tempBeside(file.path);
        try {
            // A reflink where the file system has them; never a hard link, which would let an edit of the file change the cache.
            await (0,promises_.copyFile)(options.cache.pathOf(lfsCacheId(file.pointer.oid)), temp, external_node_fs_.constants.COPYFILE_FICLONE);
            await (0,promises_.chmod)(temp, mode & 0o7777);
            await (0,promises_.rename)(temp, file.path);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
        state.set(file.relpath, pull_stateOf(await (0,promises_.stat)(file.path), md5, file.pointer.oid));
        placed.push({ relpath: file.relpath, oid: file.pointer.oid, size: file.pointer.size, md5 });
    });
    return placed;
}
async function hashFile(file) {
    const sha256 = (0,external_node_crypto_.createHash)('sha256');
    const md5 = (0,external_node_crypto_.createHash)('md5');
    let size = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1024 * 1024 })) {
        sha256.update(chunk);
        md5.update(chunk);
        size += chunk.length;
    }
    return { sha256: sha256.digest('hex'), md5: md5.digest('hex'), size };
}
/** An object the pull could not get or verify, named for the user by its file and oid. */
class LfsObjectError extends Error {
    object;
    paths;
    name = 'LfsObjectError';
    constructor(object, paths, reason, cause) {
        const named = paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
        super(`${named}: LFS object ${object.oid} (${object.size} bytes): ${reason}`, cause === undefined ? undefined : { cause });
        this.object = object;
        this.paths = paths;
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/core/src/data/lfs/pointer.ts
/**
 * Git LFS pointer files (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md):
 * what git stores in place of a large file, three `key value` lines.
 *
 *   version https://git-lfs.github.com/spec/v1
 *   oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
 *   size 12345
 *
 * Read strictly: exactly these keys in this order, each line ending in LF,
 * nothing else. A file that is almost a pointer is real content, never a
 * pointer guessed at: replacing it would destroy a user's file.
 */
/** A pointer's largest size: git-lfs itself reads no further when looking for one. */
const MAX_POINTER_BYTES = 1024;
const POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\noid sha256:([0-9a-f]{64})\nsize (0|[1-9][0-9]{0,15})\n$/;
/** The pointer `bytes` hold, or undefined when they are anything else. */
function parsePointer(bytes) {
    if (bytes.length > MAX_POINTER_BYTES)
        return undefined;
    const match = POINTER.exec(Buffer.from(bytes).toString('latin1'));
    if (!match)
        return undefined;
    const size = Number(match[2]);
    if (!Number.isSafeInteger(size))
        return undefined;
    return { oid: match[1], size };
}

;// CONCATENATED MODULE: ./packages/core/src/data/lfs/repo.ts
/**
 * What data-pull's `lfs` mode asks of the repository, through git alone (git-lfs
 * need not be installed): its root, its config and `.lfsconfig`, which files
 * the globs select, and which of them are LFS files — a pointer in the
 * working tree, or a file whose committed (index) blob is a pointer, i.e. one
 * already replaced by its content.
 */





/** The repository's root, or git's own words on why there is none (not a repository, a "dubious ownership" refusal…). */
async function repositoryRoot(place) {
    const result = await (0,exec/* execCapture */.Wp)('git', ['rev-parse', '--show-toplevel'], { ...place, ignoreReturnCode: true });
    if (result.exitCode === 0)
        return { root: result.stdout.trim() };
    return { why: result.stderr.trim().split('\n')[0]?.replace(/^fatal: /, '') || `git exited with ${result.exitCode}` };
}
/** `git config --list` of the repository (local, global, system), or of a file such as `.lfsconfig`. */
async function readGitConfig(place, file) {
    const args = file === undefined ? ['config', '-z', '--list'] : ['config', '-z', '--file', file, '--list'];
    const result = await (0,exec/* execCapture */.Wp)('git', args, { ...place, ignoreReturnCode: true });
    const config = new Map();
    // An absent .lfsconfig is exit 1 and no output: no entries.
    if (result.exitCode !== 0)
        return config;
    for (const entry of result.stdout.split('\0')) {
        const newline = entry.indexOf('\n');
        if (entry === '')
            continue;
        const key = newline === -1 ? entry : entry.slice(0, newline);
        // The last value wins, as `git config --get` answers for a key set at several levels.
        config.set(key, newline === -1 ? 'true' : entry.slice(newline + 1));
    }
    return config;
}
/**
 * Compiles one `lfs` glob as `git lfs pull --include` reads it: a glob
 * without `/` matches a file name at any depth, and a glob matching a folder
 * selects every file under it. One matcher per glob, so that the caller can
 * tell which glob selected nothing. Throws picomatch's error on a bad glob.
 */
function lfsMatcher(glob) {
    const isMatch = picomatch_default()(glob.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true, basename: true });
    return (relpath) => {
        if (isMatch(relpath))
            return true;
        for (let slash = relpath.lastIndexOf('/'); slash > 0; slash = relpath.lastIndexOf('/', slash - 1)) {
            if (isMatch(relpath.slice(0, slash)))
                return true;
        }
        return false;
    };
}
/** Tracked and untracked (not ignored) files of the working tree, with the index blob of tracked ones. */
async function workingTree(root, place) {
    const here = { ...place, cwd: root };
    const files = new Map();
    const staged = await (0,exec/* execCapture */.Wp)('git', ['ls-files', '-z', '--stage'], here);
    for (const entry of staged.stdout.split('\0')) {
        const match = /^(\d+) ([0-9a-f]+) (\d)\t(.+)$/s.exec(entry);
        // Submodules (160000) are not files; a conflicted path keeps its first stage.
        if (match && match[1] !== '160000' && !files.has(match[4]))
            files.set(match[4], match[2]);
    }
    const untracked = await (0,exec/* execCapture */.Wp)('git', ['ls-files', '-z', '--others', '--exclude-standard'], here);
    for (const relpath of untracked.stdout.split('\0'))
        if (relpath !== '' && !files.has(relpath))
            files.set(relpath, undefined);
    return files;
}
/**
 * The LFS files among those `selected`: a working file that is a pointer, or
 * a tracked file whose index blob is one. Symlinks and files that vanished
 * are skipped: a pointer is always a regular file.
 */
async function findLfsFiles(root, selected, place) {
    const found = [];
    const notPointers = new Map(); // relpath → index blob, to ask git
    for (const [relpath, blob] of await workingTree(root, place)) {
        if (!selected(relpath))
            continue;
        const file = external_node_path_default().join(root, ...relpath.split('/'));
        const info = await (0,promises_.lstat)(file).catch(() => undefined);
        if (!info?.isFile())
            continue;
        const pointer = info.size <= MAX_POINTER_BYTES ? parsePointer(await readHead(file)) : undefined;
        if (pointer)
            found.push({ relpath, path: file, pointer, holds: 'pointer' });
        else if (blob !== undefined)
            notPointers.set(relpath, blob);
    }
    for (const [relpath, pointer] of await committedPointers(notPointers, { ...place, cwd: root })) {
        found.push({ relpath, path: external_node_path_default().join(root, ...relpath.split('/')), pointer, holds: 'content' });
    }
    return found.sort((a, b) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0));
}
async function readHead(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(MAX_POINTER_BYTES + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/** Which of these index blobs are pointers: sizes first (`--batch-check`), then only the small blobs read. */
async function committedPointers(blobs, place) {
    const pointers = new Map();
    if (blobs.size === 0)
        return pointers;
    const unique = [...new Set(blobs.values())];
    const checked = await (0,exec/* execCapture */.Wp)('git', ['cat-file', '--batch-check'], { ...place, input: `${unique.join('\n')}\n` });
    const small = checked.stdout
        .split('\n')
        .map((line) => /^([0-9a-f]+) blob (\d+)$/.exec(line))
        .filter((match) => match !== null && Number(match[2]) <= MAX_POINTER_BYTES)
        .map((match) => match[1]);
    if (small.length === 0)
        return pointers;
    const read = (await (0,exec/* execCaptureBytes */.nR)('git', ['cat-file', '--batch'], { ...place, input: `${small.join('\n')}\n` })).stdout;
    const byBlob = new Map();
    let at = 0;
    while (at < read.length) {
        const headerEnd = read.indexOf(0x0a, at);
        const header = /^([0-9a-f]+) blob (\d+)$/.exec(read.subarray(at, headerEnd).toString('latin1'));
        if (!header)
            break;
        const size = Number(header[2]);
        const pointer = parsePointer(read.subarray(headerEnd + 1, headerEnd + 1 + size));
        if (pointer)
            byBlob.set(header[1], pointer);
        at = headerEnd + 1 + size + 1; // the content, then its LF
    }
    for (const [relpath, blob] of blobs) {
        const pointer = byBlob.get(blob);
        if (pointer)
            pointers.set(relpath, pointer);
    }
    return pointers;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/data-pull/lfs.ts
/**
 * data-pull's `lfs` mode: the Git LFS files of the checkout that the globs
 * select, replaced in place by their objects (data/lfs/).
 *
 * Planning finds the repository, the LFS files the globs select (none is bad
 * input: a glob that selects nothing must not pass as a pull), and, when a
 * pointer is left to replace, the LFS server. The run restores the
 * cross-run cache, fetches and verifies every object missing from the local
 * cache, then replaces the pointers; the manifest and digest are those of
 * every other mode (path and md5 of each file, relative to the repository root).
 */











const CACHE_KEY_PREFIX = 'mlops-ci-data-pull-lfs-';
async function planLfs(mode, filter, host) {
    const { cwd, env } = host.context;
    const repository = await repositoryRoot({ cwd, env });
    if ('why' in repository)
        throw new errors/* InputError */.dz('lfs', `pulls the LFS files of a git checkout, and git finds none at ${cwd}: ${repository.why}`);
    const { root } = repository;
    const globs = mode.globs.flatMap(splitCommas).map((glob) => ({ glob, matches: compileGlob(glob) }));
    if (globs.length === 0)
        throw new errors/* InputError */.dz('lfs', 'names no glob');
    const files = await findLfsFiles(root, (relpath) => filter(relpath) && globs.some(({ matches }) => matches(relpath)), { cwd: root, env });
    // Each glob on its own: a mistyped one beside a good one must not pass as a pull.
    const idle = globs.filter(({ matches }) => !files.some((file) => matches(file.relpath))).map(({ glob }) => `'${glob}'`);
    if (idle.length > 0)
        throw new errors/* InputError */.dz('lfs', `${idle.join(', ')} ${idle.length === 1 ? 'selects' : 'select'} no Git LFS file (pointer) in ${root}`);
    const pointers = files.filter((file) => file.holds === 'pointer').length;
    host.info(`${files.length} LFS files selected in ${root}: ${pointers} pointers to replace, ${files.length - pointers} already replaced`);
    // Needed only to replace a pointer: with none left, a checkout without a remote still re-pulls.
    const endpoint = pointers > 0 ? await planEndpoint(mode, root, host) : undefined;
    if (endpoint)
        host.info(`LFS server ${endpoint.url} (${endpoint.from})`);
    return { root, files, endpoint };
}
async function planEndpoint(mode, root, host) {
    const place = { cwd: root, env: host.context.env };
    const [gitConfig, lfsConfig] = await Promise.all([readGitConfig(place), readGitConfig(place, '.lfsconfig')]);
    try {
        const endpoint = discoverEndpoint(gitConfig, lfsConfig, mode.remote);
        if (endpoint.userinfo)
            host.setSecret(endpoint.userinfo.password);
        return endpoint;
    }
    catch (err) {
        if (err instanceof EndpointError)
            throw new errors/* InputError */.dz(mode.remoteGiven ? 'lfs-remote' : 'lfs', `no LFS server: ${err.message}`);
        throw err;
    }
}
async function runLfs(plan, inputs, cache, host) {
    const cacheKey = `${CACHE_KEY_PREFIX}${lfsIdentity(plan.files)}`;
    const restoredKey = await restoreCache(inputs, cacheKey, CACHE_KEY_PREFIX, host);
    const report = await host.group('Pull', () => pullLfs(plan.root, plan.files, { cache, client: clientFor(plan, host), concurrency: inputs.concurrency, log: host, progressIntervalMs: inputs.progressIntervalMs }));
    logOutcome(report, host);
    await evictToCap(cache, new Set(plan.files.map((file) => lfsCacheId(file.pointer.oid))), inputs.cacheMaxBytes, host);
    const manifest = manifestOf(report, plan);
    await writeManifest(inputs.manifestFile, manifest);
    await saveCache(inputs, cacheKey, restoredKey, report.downloaded, host);
    const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
    await host.appendSummary((0,summary/* renderStepSummary */.P)({
        step: 'data-pull',
        outcome: 'ok',
        headline: `${manifest.files.length} LFS files, ${(0,data_progress/* formatBytes */.z)(bytes)}`,
        rows: [
            ['files', manifest.files.length],
            ['size', (0,data_progress/* formatBytes */.z)(bytes)],
            ['downloaded', `${report.downloaded} (${(0,data_progress/* formatBytes */.z)(report.bytesDownloaded)})`],
            ['already in place', report.kept],
            ['left as changed', report.changed.length],
            ['digest', { code: manifest.digest }],
        ],
    }));
    return {
        outputs: {
            path: plan.root,
            files: String(manifest.files.length),
            bytes: String(bytes),
            digest: manifest.digest,
            manifest: inputs.manifestFile,
            'cache-hit': String(restoredKey === cacheKey),
            transferred: String(report.downloaded),
        },
    };
}
/** The client of the planned LFS server; none when planning found no pointer to replace (nothing to fetch). */
function clientFor(plan, host) {
    if (!plan.endpoint)
        return undefined;
    const endpoint = plan.endpoint.url;
    const known = plan.endpoint.userinfo ?? githubToken(endpoint, host.context.env);
    return new LfsClient({
        endpoint,
        ...(known ? { credential: known } : {}),
        askCredential: () => gitCredentialFill(endpoint, { cwd: plan.root, env: host.context.env }),
        mask: (secret) => host.setSecret(secret),
    });
}
function logOutcome(report, host) {
    host.info(`${report.files.length} LFS files in place: ${report.kept} already replaced, ${report.fromCache} from the local cache, ${report.downloaded} objects downloaded (${(0,data_progress/* formatBytes */.z)(report.bytesDownloaded)})`);
    if (report.changed.length > 0) {
        const shown = report.changed.slice(0, 20).join(', ');
        host.warning(`${report.changed.length} selected LFS files hold neither their pointer nor their object (changed locally), left as they are: ${shown}${report.changed.length > 20 ? ', …' : ''}`);
    }
}
function manifestOf(report, plan) {
    const source = plan.endpoint?.url ?? 'lfs';
    const files = report.files.map((file) => ({ path: file.relpath, size: file.size, md5: file.md5, source: `${source}/${file.oid}`, key: file.oid }));
    return { version: 1, base: plan.root, digest: digestOf(files), files };
}
/** The cross-run cache key's part that names the dataset: each file's path and oid. */
function lfsIdentity(files) {
    const lines = files.map((file) => `${file.relpath}\0${file.pointer.oid}\n`).sort();
    return (0,external_node_crypto_.createHash)('sha256').update(lines.join('')).digest('hex').slice(0, 40);
}
function compileGlob(glob) {
    try {
        return lfsMatcher(glob);
    }
    catch (err) {
        throw new errors/* InputError */.dz('lfs', `has a bad glob '${glob}' (${err.message})`);
    }
}
/** `a,b` as git-lfs's `--include` reads it; a comma inside `{…}` belongs to the glob. */
function splitCommas(text) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const char of text) {
        if (char === '{')
            depth++;
        if (char === '}')
            depth = Math.max(0, depth - 1);
        if (char === ',' && depth === 0) {
            parts.push(current);
            current = '';
        }
        else
            current += char;
    }
    parts.push(current);
    return parts.map((part) => part.trim()).filter((part) => part !== '');
}

// EXTERNAL MODULE: ./packages/core/src/cache/open.ts
var cache_open = __webpack_require__(27562);
// EXTERNAL MODULE: ./node_modules/ini/lib/ini.js
var ini = __webpack_require__(15756);
var ini_default = /*#__PURE__*/__webpack_require__.n(ini);
;// CONCATENATED MODULE: ./packages/core/src/data/dvc-config.ts






/** The folder holding `.dvc/`, searching up from `start`; undefined outside a DVC repo. */
function findDvcRoot(start) {
    for (let dir = external_node_path_default().resolve(start);; dir = external_node_path_default().dirname(dir)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, '.dvc', 'config')) || (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, '.dvc', 'config.local')))
            return dir;
        if (external_node_path_default().dirname(dir) === dir)
            return undefined;
    }
}
/**
 * The remote to pull from: `override` (a remote name or a URL: the `remote`
 * input), else the out's own remote, else `core.remote` of `.dvc/config`
 * with `.dvc/config.local` layered over it, as DVC reads them.
 */
async function resolveDvcRemote(dvcRoot, override, outRemote, input = 'remote') {
    const wanted = override?.trim() ?? '';
    // Only a URL or an absolute path is a location here (anything else names a remote): no base folder applies.
    if ((0,storage_location/* isUrl */.gU)(wanted) || external_node_path_default().isAbsolute(wanted))
        return { name: wanted, location: remoteLocation(wanted, (external_node_path_default()).sep, input) };
    if (!dvcRoot)
        throw new errors/* InputError */.dz(input, `no .dvc/config found above the DVC files; name the remote by URL (s3://bucket/prefix or a folder)`);
    const config = await readConfig(dvcRoot);
    const name = wanted || outRemote || stringOf(config['core']?.['remote']);
    if (!name)
        throw new errors/* InputError */.dz(input, `no default remote in ${external_node_path_default().join(dvcRoot, '.dvc', 'config')} ([core] remote = ...); give 'remote' a name or a URL`);
    const section = config[`remote "${name}"`];
    const url = stringOf(section?.['url']);
    if (!section || !url) {
        const known = Object.keys(config).filter((key) => key.startsWith('remote "')).map((key) => key.slice(8, -1));
        throw new errors/* InputError */.dz(input, `no remote '${name}' with a url in .dvc/config(.local) (remotes: ${known.join(', ') || 'none'})`);
    }
    const endpoint = stringOf(section['endpointurl']);
    const region = stringOf(section['region']);
    const accessKeyId = stringOf(section['access_key_id']);
    const secretAccessKey = stringOf(section['secret_access_key']);
    const sessionToken = stringOf(section['session_token']);
    // A relative local remote is relative to the .dvc folder holding the config.
    const location = remoteLocation(url, external_node_path_default().join(dvcRoot, '.dvc'), input, name);
    const azure = location.kind === 'azure' ? azureOptionsOf(section) : undefined;
    return {
        name,
        location,
        ...(location.kind === 'gcs' ? gcsOptionsOf(section, dvcRoot) : {}),
        ...(endpoint ? { endpoint } : {}),
        ...(region ? { region } : {}),
        ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
        ...(azure ? { azure } : {}),
    };
}
/** An Azure remote's `account_name`, `connection_string`, `account_key` and `sas_token` (DVC's names), when any is set. */
function azureOptionsOf(section) {
    const accountName = stringOf(section['account_name']);
    const connectionString = stringOf(section['connection_string']);
    const accountKey = stringOf(section['account_key']);
    const sasToken = stringOf(section['sas_token']);
    if (!accountName && !connectionString && !accountKey && !sasToken)
        return undefined;
    return {
        ...(accountName ? { accountName } : {}),
        ...(connectionString ? { connectionString } : {}),
        ...(accountKey ? { accountKey } : {}),
        ...(sasToken ? { sasToken } : {}),
    };
}
/** A gs:// remote's own options, as `dvc remote modify` names them. DVC reads a relative `credentialpath` from the repository's root, where it runs. */
function gcsOptionsOf(section, dvcRoot) {
    const keyFile = stringOf(section['credentialpath']);
    const projectId = stringOf(section['projectname']);
    const endpoint = stringOf(section['endpointurl']);
    const gcs = { ...(keyFile ? { keyFile: external_node_path_default().resolve(dvcRoot, keyFile) } : {}), ...(projectId ? { projectId } : {}), ...(endpoint ? { endpoint } : {}) };
    return Object.keys(gcs).length > 0 ? { gcs } : {};
}
async function readConfig(dvcRoot) {
    const merged = {};
    for (const name of ['config', 'config.local']) {
        const file = external_node_path_default().join(dvcRoot, '.dvc', name);
        const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
        if (text === undefined)
            continue;
        let parsed;
        try {
            parsed = ini_default().parse(escapeValueSemicolons(escapeSectionDots(text)));
        }
        catch (err) {
            throw new errors/* InputError */.dz('dvc', `${file}: not a valid DVC config (${err.message})`);
        }
        for (const [section, values] of Object.entries(parsed)) {
            if (typeof values !== 'object' || values === null)
                continue;
            merged[unquote(section)] = { ...merged[unquote(section)], ...values };
        }
    }
    return merged;
}
/** `ini` nests sections on dots; a remote called `my.store` must stay one section. */
function escapeSectionDots(text) {
    return text.replace(/^(\s*\[)(.*)(\]\s*)$/gm, (_all, open, name, close) => `${open}${name.replace(/\./g, '\\.')}${close}`);
}
/**
 * DVC's reader (configobj) ends an unquoted value only at `#`; `ini` ends it
 * at `;` too, which would cut an Azure connection_string (`…;AccountKey=…`)
 * short. Escaped, `ini` keeps the `;`.
 */
function escapeValueSemicolons(text) {
    return text.replace(/^(\s*[^\s;#[][^=\n]*=)([^\n]*)$/gm, (all, key, value) => (/^\s*["']/.test(value) ? all : `${key}${value.replace(/;/g, '\\;')}`));
}
/** DVC writes `['remote "name"']`; `ini` may keep the single quotes. */
function unquote(section) {
    return section.replace(/^'(.*)'$/, '$1').trim();
}
function stringOf(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** A remote's URL as a location; a refusal names the remote when it came from the config. */
function remoteLocation(url, base, input, name) {
    try {
        return (0,storage_location/* parseLocation */.zS)(url, { base });
    }
    catch (err) {
        if (!(err instanceof storage_location/* LocationError */.KA))
            throw err;
        throw new errors/* InputError */.dz(input, `${name === undefined ? '' : `remote '${name}': `}${err.message}`, { cause: err });
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/core/src/data/dvc-files.ts






const MD5_OUT = /^([0-9a-f]{32})(\.dir)?$/;
/**
 * Reads the outs of a `.dvc` file, or of a `dvc.lock` (all stages, or those
 * named after a colon: `dvc.lock:train,eval`). Anything that does not parse
 * or lacks what a pull needs is an InputError naming the file and line.
 */
async function readDvcOuts(spec, cwd, input = 'dvc') {
    const { file, stages } = splitStages(spec);
    const absolute = external_node_path_default().resolve(cwd, file);
    const text = await (0,promises_.readFile)(absolute, 'utf8').catch((err) => {
        throw new errors/* InputError */.dz(input, `cannot read ${file}: ${err.code ?? err.message}`);
    });
    const lines = new dist.LineCounter();
    // The failsafe schema keeps every scalar a string: an md5 of digits (and one `e`) must not become a number.
    const doc = (0,dist.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'failsafe' });
    const fail = (node, message) => {
        const line = node?.range ? lines.linePos(node.range[0]).line : 1;
        throw new errors/* InputError */.dz(input, `${file}:${line}: ${message}`);
    };
    const parseError = doc.errors[0];
    if (parseError) {
        const line = parseError.linePos?.[0]?.line ?? 1;
        throw new errors/* InputError */.dz(input, `${file}:${line}: not valid YAML (${parseError.message.split('\n')[0]})`);
    }
    if (!(0,dist.isMap)(doc.contents))
        fail(doc.contents, 'expected a mapping with `outs:` (.dvc) or `stages:` (dvc.lock)');
    const root = doc.contents;
    const base = external_node_path_default().dirname(absolute);
    const repoRoot = findDvcRoot(base);
    const isLock = external_node_path_default().basename(file) === 'dvc.lock' || root.has('stages');
    const outNodes = [];
    if (isLock) {
        const stagesNode = root.get('stages', true);
        if (!(0,dist.isMap)(stagesNode))
            return fail(stagesNode ?? root, 'a dvc.lock needs a `stages:` mapping');
        const known = stagesNode.items.map((pair) => String((0,dist.isScalar)(pair.key) ? pair.key.value : pair.key));
        for (const wanted of stages) {
            if (!known.includes(wanted))
                throw new errors/* InputError */.dz(input, `${file}: no stage '${wanted}' (stages: ${known.join(', ') || 'none'})`);
        }
        for (const pair of stagesNode.items) {
            const name = String((0,dist.isScalar)(pair.key) ? pair.key.value : pair.key);
            if (stages.length > 0 && !stages.includes(name))
                continue;
            if (!(0,dist.isMap)(pair.value))
                fail(pair.value, `stage '${name}' is not a mapping`);
            const outs = pair.value.get('outs', true);
            if (outs === undefined)
                continue;
            if (!(0,dist.isSeq)(outs))
                fail(outs, `outs of stage '${name}' must be a list`);
            if ((0,dist.isSeq)(outs))
                outNodes.push(...outs.items);
        }
    }
    else {
        if (stages.length > 0)
            throw new errors/* InputError */.dz(input, `${file}: only a dvc.lock has stages to name ('${spec}')`);
        const outs = root.get('outs', true);
        if (!(0,dist.isSeq)(outs))
            return fail(outs ?? root, 'a .dvc file needs an `outs:` list');
        outNodes.push(...outs.items);
    }
    return outNodes.map((node) => parseOut(node, base, repoRoot, file, lines, fail));
}
/**
 * An out is written where its path says, so it must stay inside the DVC
 * repository, on real paths: a `../` that climbs out, the repository root
 * itself, or a parent folder that is a symlink leading out are refused (DVC
 * itself writes nothing there). A symlink at the out itself is followed, as
 * DVC does.
 */
function outsideRepo(outPath, resolved, base, repoRoot) {
    const bound = repoRoot ?? base;
    const where = repoRoot ? `the DVC repository ${bound}` : `${bound}, the folder of the DVC file (no .dvc/config above it)`;
    if (!(0,safe_path/* isInside */.FK)(bound, resolved))
        return `out '${outPath}' is outside ${where}; refusing to write there`;
    const real = external_node_path_default().join((0,safe_path/* realPathOf */.dN)(external_node_path_default().dirname(resolved)), external_node_path_default().basename(resolved));
    if (!(0,safe_path/* isInside */.FK)((0,safe_path/* realPathOf */.dN)(bound), real))
        return `out '${outPath}' resolves to ${real} (through a symlink), outside ${where}; refusing to write there`;
    return undefined;
}
function parseOut(node, base, repoRoot, file, lines, fail) {
    if (!(0,dist.isMap)(node))
        return fail(node, 'an out must be a mapping with md5 and path');
    const field = (name) => {
        const value = node.get(name, true);
        return (0,dist.isScalar)(value) ? value.value : value === undefined ? undefined : fail(value, `out field '${name}' must be a single value`);
    };
    const outPath = field('path');
    if (typeof outPath !== 'string' || outPath === '')
        return fail(node, 'an out needs a `path:`');
    if (external_node_path_default().isAbsolute(outPath) || /^[a-z][a-z0-9+.-]*:\/\//i.test(outPath))
        return fail(node, `out '${outPath}' is not a workspace path; data-pull pulls only workspace outs`);
    const resolved = external_node_path_default().resolve(base, outPath);
    const outside = outsideRepo(outPath, resolved, base, repoRoot);
    if (outside)
        return fail(node, outside);
    const md5 = field('md5');
    if (md5 === undefined)
        return fail(node, `out '${outPath}' has no md5: it was never committed (run dvc commit/push first)`);
    const match = typeof md5 === 'string' ? MD5_OUT.exec(md5) : null;
    if (!match?.[1])
        return fail(node, `out '${outPath}': md5 '${String(md5)}' is not an md5 hex digest (optionally with .dir)`);
    const hash = field('hash');
    if (hash !== undefined && hash !== 'md5')
        return fail(node, `out '${outPath}': hash '${String(hash)}' is not supported (md5 only)`);
    const size = wholeNumber(field('size'));
    const nfiles = wholeNumber(field('nfiles'));
    const remote = field('remote');
    const line = node.range ? lines.linePos(node.range[0]).line : 1;
    return {
        origin: `${file}:${line}`,
        path: resolved,
        repoRoot,
        md5: match[1],
        isDir: match[2] === '.dir',
        hashName: hash === 'md5' ? 'md5' : 'md5-dos2unix',
        ...(typeof size === 'number' ? { size } : {}),
        ...(typeof nfiles === 'number' ? { nfiles } : {}),
        ...(typeof remote === 'string' ? { remote } : {}),
    };
}
function wholeNumber(value) {
    return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}
function splitStages(spec) {
    const match = /^(.*dvc\.lock):([^/\\]+)$/.exec(spec.trim());
    if (!match?.[1] || !match[2])
        return { file: spec.trim(), stages: [] };
    return { file: match[1], stages: match[2].split(',').map((s) => s.trim()).filter(Boolean) };
}

// EXTERNAL MODULE: ./packages/core/src/storage/azure/credentials.ts
var credentials = __webpack_require__(73969);
;// CONCATENATED MODULE: ./packages/core/src/storage/capabilities.ts
/**
 * What each kind of store can do, as the code behind it does it today, so an
 * input that needs more than its store has (`as-of` on a folder) is refused
 * while planning, naming the input, instead of failing halfway through work.
 */


/**
 * Per kind, with where the code does it: LocalStore and LocalBlobStore for a
 * folder (link() for create-only, a lock file and the content's sha256 for
 * compare-and-swap); S3Store and S3BlobStore for S3 (ListObjectsV2, Range,
 * ListObjectVersions and versionId reads, If-None-Match: *, If-Match); GCS
 * (generations, ifGenerationMatch: 0, ifGenerationMatch: <generation>); AzureStore
 * and AzureBlobStore for Azure Blob (List Blobs, ranged Get Blob, blob versions,
 * If-None-Match: *, If-Match: <etag>). Versions are the storage account's
 * setting, not the URL's: an account without them (and Azurite, which has
 * none) is refused when an as-of listing finds no version ids.
 */
const STORE_CAPABILITIES = {
    folder: { list: true, rangedRead: true, objectVersions: false, conditionalCreate: true, compareAndSwap: true },
    s3: { list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true },
    gcs: { list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true },
    azure: { list: true, rangedRead: true, objectVersions: true, conditionalCreate: true, compareAndSwap: true },
};
/** How a refusal names a capability: "needs a store that …". */
const WHAT_IT_DOES = {
    list: 'lists its objects',
    rangedRead: 'reads byte ranges',
    objectVersions: 'keeps object versions',
    conditionalCreate: 'creates an object only when none is there',
    compareAndSwap: 'replaces an object only when it is unchanged',
};
/** How a refusal names a kind (its forms, to show one that has the capability, are location.ts's). */
const KIND_NOUNS = {
    folder: 'a folder',
    s3: 'an S3 prefix',
    gcs: 'a Google Cloud Storage prefix',
    azure: 'an Azure Blob Storage prefix',
};
/** Whether the store at `location` can do `capability`. */
function hasCapability(location, capability) {
    return STORE_CAPABILITIES[location.kind][capability];
}
/**
 * Refuses, as bad input naming `input`, a location whose store lacks
 * `capability`: e.g. `as-of` on a folder source, which keeps no versions.
 */
function requireCapability(location, capability, input) {
    if (hasCapability(location, capability))
        return;
    const able = storage_location/* SUPPORTED_KINDS */.Lp.filter((kind) => STORE_CAPABILITIES[kind][capability]);
    const instead = able.length === 0 ? '' : ` (${able.map((kind) => storage_location/* LOCATION_FORMS */.yJ[kind][0]).join(', ')})`;
    throw new errors/* InputError */.dz(input, `needs a store that ${WHAT_IT_DOES[capability]}${instead}; ${(0,errors/* quote */.A0)((0,storage_location/* describeLocation */.lR)(location))} is ${KIND_NOUNS[location.kind]}, which does not`);
}

// EXTERNAL MODULE: ./packages/core/src/fs-place.ts
var fs_place = __webpack_require__(52300);
;// CONCATENATED MODULE: ./packages/core/src/steps/data-pull/guards.ts
/**
 * Checks on the places data-pull reads from, writes to and deletes in, made
 * while reading the inputs: a path that is missing, of the wrong kind, or
 * outside where deleting is safe ends the step with exit 2 before anything
 * is written or removed.
 */





/**
 * A local `source` (a folder path or `file:///`) must be an existing folder:
 * a typo would otherwise read as an empty dataset (and, with `delete`, empty
 * the destination). A symlink at the root is followed.
 */
function checkLocalSource(source, folder) {
    const kind = (0,fs_place/* placeKind */.SD)(folder);
    if (kind === 'missing')
        throw new errors/* InputError */.dz('source', `${source} does not exist (expected a folder, s3://bucket/prefix/ or file:///abs/dir)`);
    if (kind !== 'folder')
        throw new errors/* InputError */.dz('source', `${source} is not a folder; give the folder that holds the dataset`);
}
/** A local `delta` table must be an existing folder: a typo is bad input, not "not a Delta table" later. */
function checkLocalTable(delta, folder) {
    const kind = (0,fs_place/* placeKind */.SD)(folder);
    if (kind === 'missing')
        throw new errors/* InputError */.dz('delta', `${delta} does not exist (expected the folder of a Delta table, s3://bucket/table/ or file:///abs/table)`);
    if (kind !== 'folder')
        throw new errors/* InputError */.dz('delta', `${delta} is not a folder; give the folder that holds the table and its _delta_log`);
}
/**
 * An input naming a folder (existing or to be made): a file there, or a file
 * where one of its parent folders should be, is a bad input, not a failure
 * halfway through the pull.
 */
function checkFolderPath(input, folder, what = '') {
    const kind = (0,fs_place/* placeKind */.SD)(folder);
    if (kind === 'missing')
        checkParentFolders(input, folder, what);
    else if (kind !== 'folder')
        throw new errors/* InputError */.dz(input, `${prefixed(what)}${folder} is a file, not a folder`);
}
/** An input naming a file to write: a folder there, or a file where its folder should be, is a bad input. */
function checkFilePath(input, file, what = '') {
    if ((0,fs_place/* placeKind */.SD)(file) === 'folder')
        throw new errors/* InputError */.dz(input, `${prefixed(what)}${file} is a folder; give the path of a file`);
    checkParentFolders(input, file, what);
}
/** The nearest existing folder above `target` must be a folder. */
function checkParentFolders(input, target, what) {
    const blocker = (0,fs_place/* nonFolderAncestor */.hc)(target);
    if (blocker)
        throw new errors/* InputError */.dz(input, `${prefixed(what)}${target}: ${blocker} is a file, not a folder`);
}
/** `what` (which place a message is about, when the input alone does not say) and a space. */
function prefixed(what) {
    return what === '' ? '' : `${what} `;
}
/**
 * `delete` removes files only in a folder strictly inside the workspace,
 * judged on real paths (a symlink leading out counts as out): never the
 * workspace itself, a folder above it, anything beside it, or the root of a
 * repository checked out inside it.
 */
function checkDeleteScope(dest, workspace) {
    const realWorkspace = (0,safe_path/* realPathOf */.dN)(workspace);
    const realDest = (0,safe_path/* realPathOf */.dN)(dest);
    const refuse = (why) => {
        throw new errors/* InputError */.dz('delete', `refusing to delete files in ${dest} ('path'): ${why}; with delete, point 'path' at a folder inside the workspace`);
    };
    if (realDest === realWorkspace)
        refuse(`it is the workspace root (${workspace})`);
    if ((0,safe_path/* isInside */.FK)(realDest, realWorkspace))
        refuse(`it is above the workspace (${workspace})`);
    if (!(0,safe_path/* isInside */.FK)(realWorkspace, realDest)) {
        const throughLink = (0,safe_path/* isInside */.FK)(external_node_path_default().resolve(workspace), external_node_path_default().resolve(dest));
        refuse(`it is outside the workspace (${workspace})${throughLink ? `: ${realDest} through a symlink` : ''}`);
    }
    // A repository checked out into a folder of the workspace: everything in it would be "not in the dataset".
    const marker = REPOSITORY_MARKERS.find((name) => (0,external_node_fs_.existsSync)(external_node_path_default().join(realDest, name)));
    if (marker)
        refuse(`it is the root of a repository (it holds ${marker})`);
}
const REPOSITORY_MARKERS = ['.git', '.dvc'];

;// CONCATENATED MODULE: ./packages/core/src/steps/data-pull/plan.ts
/**
 * Plans a pull: reads every input, and every local file they name (DVC files,
 * `.dvc/config`, a pinning manifest), and checks every place the pull writes
 * to or deletes in, before any transfer. A bad input ends the step here with
 * exit 2 and nothing written. The spec's relations (source, dvc or delta;
 * source and delta need path; never version and as-of both) were checked
 * by the reader before this runs.
 */













async function planRequest(reader, host) {
    const { cwd } = host.context;
    const endpoint = readEndpoint(reader);
    const pathStyle = reader.get('path-style');
    const region = reader.get('region');
    const concurrency = reader.get('concurrency') ?? defaultConcurrency();
    const progressIntervalMs = reader.get('progress-interval') * 1000;
    const delta = reader.get('delta');
    // A table with files left out would read as other rows: delta pulls a version whole.
    const filter = delta !== undefined ? outsideDeltaLog(reader) : pathFilter(reader.get('include'), reader.get('exclude'));
    const cacheDir = external_node_path_default().resolve(cwd, reader.get('cache-dir') ?? defaultCacheDir(host.context.env));
    const cacheMaxBytes = readByteSize('cache-max-size', reader.get('cache-max-size'));
    const crossRunCache = await planCrossRunCache(reader, host, cacheMaxBytes);
    const manifestFile = external_node_path_default().resolve(cwd, reader.get('manifest') ?? defaultManifestFile(host.context.tempDir));
    const deleteExtra = reader.get('delete');
    const pathText = reader.get('path');
    const source = reader.get('source');
    const lfs = reader.get('lfs');
    const mode = source !== undefined
        ? await sourceMode(reader, source, cwd)
        : delta !== undefined
            ? deltaMode(reader, delta, cwd)
            : lfs.length > 0
                ? lfsMode(reader, lfs)
                : await dvcMode(reader, pathText, cwd, host);
    checkPlaces(mode, cacheDir, manifestFile, pathText !== undefined);
    if ((mode.kind === 'source' || mode.kind === 'delta') && (mode.location.kind === 'gcs' || mode.location.kind === 'azure')) {
        refuseS3Settings(mode.url, mode.location.kind, { endpoint, 'path-style': pathStyle === 'auto' ? undefined : pathStyle, region });
    }
    if (deleteExtra)
        for (const dest of deletedIn(mode))
            checkDeleteScope(dest, host.context.workspace);
    const store = storeOptions(endpoint, pathStyle, region, concurrency);
    return { mode, store, filter, concurrency, deleteExtra, cacheDir, cacheMaxBytes, crossRunCache, manifestFile, progressIntervalMs };
}
function readEndpoint(reader) {
    const endpoint = reader.get('endpoint');
    if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint))
        throw new errors/* InputError */.dz('endpoint', `got '${endpoint}', expected an http(s):// URL`);
    return endpoint;
}
/**
 * `endpoint`, `path-style` and `region` speak to S3 only: with a gs:// or
 * azure:// source or table they would be dropped, and the pull would go to
 * the cloud instead of the server they name. (With DVC they apply to the S3
 * remotes among the outs.)
 */
function refuseS3Settings(url, kind, given) {
    const input = Object.keys(given).find((name) => given[name] !== undefined);
    if (input === undefined)
        return;
    const other = kind === 'gcs'
        ? 'Google Cloud Storage, whose client reads STORAGE_EMULATOR_HOST for another server'
        : 'Azure Blob Storage, whose client takes another server from the BlobEndpoint of AZURE_STORAGE_CONNECTION_STRING';
    throw new errors/* InputError */.dz(input, `is for S3 sources; ${(0,errors/* quote */.A0)(url)} is ${other}`);
}
function storeOptions(endpoint, pathStyle, region, concurrency) {
    return {
        ...(endpoint !== undefined ? { endpoint } : {}),
        ...(pathStyle !== 'auto' ? { pathStyle: pathStyle === 'true' } : {}),
        ...(region !== undefined ? { region } : {}),
        maxSockets: concurrency,
    };
}
/**
 * Outside GitHub the cache folder already outlives the run on the same disk: a
 * second copy through the host's folder cache would only double it. cache-url
 * names a shared one.
 */
async function planCrossRunCache(reader, host, maxBytes) {
    const cacheUrl = reader.get('cache-url');
    const crossRun = reader.get('cache') && (host.kind === 'github' || cacheUrl !== undefined);
    if (!crossRun)
        return null;
    return cacheUrl === undefined ? host.cache : (0,cache_open/* cacheStoreFor */.Z)(cacheUrl, host, 'cache-url', maxBytes);
}
/**
 * `source`: its location checked (a folder must exist), as of a time or
 * pinned by a manifest; either needs a store that keeps versions, though a
 * manifest from a folder pull pins no version ids, only md5s, which any
 * store can check.
 */
async function sourceMode(reader, source, cwd) {
    const dest = external_node_path_default().resolve(cwd, givenByRelation(reader.get('path'), 'path'));
    const location = (0,storage_location/* readLocation */.mb)('source', source, { base: cwd });
    if (location.kind === 'folder')
        checkLocalSource(source, location.path);
    const asOfText = reader.get('as-of');
    const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText);
    if (asOf)
        requireCapability(location, 'objectVersions', 'as-of');
    const version = reader.get('version');
    const pinned = version === undefined ? undefined : await readPinnedVersions(external_node_path_default().resolve(cwd, version));
    if (pinned && [...pinned.values()].some((pin) => pin.versionId !== undefined))
        requireCapability(location, 'objectVersions', 'version');
    return { kind: 'source', url: source, location, dest, ...(asOf ? { asOf } : {}), ...(pinned ? { pinned } : {}) };
}
/**
 * `delta`: a table location (any store that lists and reads ranges), at the
 * version `version` names, or current at `as-of`, else the latest.
 */
function deltaMode(reader, delta, cwd) {
    const dest = external_node_path_default().resolve(cwd, givenByRelation(reader.get('path'), 'path'));
    const location = (0,storage_location/* readLocation */.mb)('delta', delta, { base: cwd });
    if (location.kind === 'folder')
        checkLocalTable(delta, location.path);
    requireCapability(location, 'list', 'delta');
    requireCapability(location, 'rangedRead', 'delta');
    return { kind: 'delta', url: delta, location, dest, point: deltaPoint(reader), layout: reader.get('delta-layout') };
}
function deltaPoint(reader) {
    const version = reader.get('version');
    const asOf = reader.get('as-of');
    if (version !== undefined) {
        const number = /^\d{1,15}$/.test(version) ? Number(version) : NaN;
        if (!Number.isSafeInteger(number))
            throw new errors/* InputError */.dz('version', `got ${(0,errors/* quote */.A0)(version)}, expected a table version: a whole number, 0 or more`);
        return { kind: 'version', version: number };
    }
    return asOf === undefined ? { kind: 'latest' } : { kind: 'as-of', time: parseAsOf(asOf) };
}
/** With `delta` every file of the version is pulled; under `delete`, the pulled table's own log is never a file to remove. */
function outsideDeltaLog(reader) {
    for (const name of ['include', 'exclude']) {
        if (reader.given(name))
            throw new errors/* InputError */.dz(name, 'does not apply to delta: a table version is pulled whole (a table missing files would read as other rows)');
    }
    return (relpath) => !relpath.startsWith('_delta_log/');
}
/**
 * An input the spec's relations make present here (the reader checked them
 * before plan ran); its type cannot say so, hence this check for the compiler.
 */
function givenByRelation(value, name) {
    if (value === undefined)
        throw new Error(`data-pull: '${name}' was not given, though the spec's relations require it here`);
    return value;
}
/** Every place the pull writes is of the kind it needs (a folder, or a file), before anything is written. */
function checkPlaces(mode, cacheDir, manifestFile, pathGiven) {
    checkFolderPath('cache-dir', cacheDir);
    checkFilePath('manifest', manifestFile);
    if (mode.kind === 'lfs')
        return; // each file is replaced where it is
    if (mode.kind !== 'dvc')
        return checkFolderPath('path', mode.dest);
    for (const { out, dest, displayPath } of mode.pulls) {
        // With `path` the user named the place; else the DVC file did.
        const [input, what] = pathGiven ? ['path', `'path' (${out.isDir ? 'folder' : 'file'} out ${displayPath})`] : ['dvc', `${out.origin}: out ${displayPath}`];
        if (out.isDir)
            checkFolderPath(input, dest, what);
        else
            checkFilePath(input, dest, what);
    }
}
/** The folders `delete` would remove files in: the destination, or each directory out's. */
function deletedIn(mode) {
    if (mode.kind === 'lfs')
        return []; // the spec refuses delete with lfs
    return mode.kind !== 'dvc' ? [mode.dest] : mode.pulls.filter((pull) => pull.out.isDir).map((pull) => pull.dest);
}
/** `lfs`: the pointer files the globs select; steps/data-pull/lfs.ts plans the rest. A pointer pins its object by hash: no version or time applies. */
function lfsMode(reader, globs) {
    for (const name of ['version', 'as-of']) {
        if (reader.given(name))
            throw new errors/* InputError */.dz(name, 'applies to source or delta, not to lfs (a pointer file pins its object by hash)');
    }
    return { kind: 'lfs', globs, remote: reader.get('lfs-remote'), remoteGiven: reader.given('lfs-remote') };
}
/** `dvc`: every out of the DVC files, with the remote its repository configures and where it lands. */
async function dvcMode(reader, pathText, cwd, host) {
    // A DVC file already pins its data by hash: a version or a time has nothing to pick.
    for (const name of ['version', 'as-of']) {
        if (reader.given(name))
            throw new errors/* InputError */.dz(name, 'applies to source or delta, not to dvc (a DVC file pins its data by hash)');
    }
    const files = reader.get('dvc');
    const remoteInput = reader.get('remote');
    const outs = (await Promise.all(files.map((file) => readDvcOuts(file, cwd)))).flat();
    if (outs.length === 0)
        throw new errors/* InputError */.dz('dvc', `no outs to pull in ${files.join(', ')}`);
    const base = outs[0]?.repoRoot ?? cwd;
    const pulls = [];
    for (const out of outs) {
        // The DVC file's repository configures its remotes, wherever its out lies.
        const remote = await resolveDvcRemote(out.repoRoot, remoteInput, out.remote);
        if (remote.credentials) {
            host.setSecret(remote.credentials.secretAccessKey);
            if (remote.credentials.sessionToken)
                host.setSecret(remote.credentials.sessionToken);
        }
        for (const secret of (0,credentials/* azureSecrets */.BY)(remote.azure, {}))
            host.setSecret(secret);
        const displayPath = external_node_path_default().relative(base, out.path).split((external_node_path_default()).sep).join('/');
        let dest = out.path;
        if (pathText !== undefined)
            dest = outs.length === 1 ? external_node_path_default().resolve(cwd, pathText) : external_node_path_default().resolve(cwd, pathText, displayPath);
        pulls.push({ out, remote, dest, displayPath });
    }
    return { kind: 'dvc', pulls, base: pathText !== undefined && outs.length > 1 ? external_node_path_default().resolve(cwd, pathText) : base };
}
function readByteSize(name, text) {
    const bytes = (0,cache_cap/* parseByteSize */.nS)(text);
    // A size is short: quote at most its start, without control characters, so a huge or hostile value is never echoed.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
    const shown = (text.length > 32 ? `${text.slice(0, 32)}…` : text).replace(/[\u0000-\u001f\u007f]/g, '?');
    if (bytes === undefined)
        throw new errors/* InputError */.dz(name, `got '${shown}', expected a size such as 10GiB, 500MB, 750M or a number of bytes`);
    return bytes;
}
function parseAsOf(text) {
    // ISO 8601 with a date; a time without a zone would depend on the runner's zone, so require one.
    const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;
    const date = new Date(text);
    if (!iso.test(text) || Number.isNaN(date.getTime()))
        throw new errors/* InputError */.dz('as-of', `got '${text}', expected an ISO 8601 time such as 2026-05-01T12:00:00Z`);
    return date;
}
function pathFilter(include, exclude) {
    const compile = (name, globs) => {
        if (globs.length === 0)
            return undefined;
        try {
            return picomatch_default()(globs, { dot: true });
        }
        catch (err) {
            throw new errors/* InputError */.dz(name, `has a bad glob (${err.message})`);
        }
    };
    const included = compile('include', include);
    const excluded = compile('exclude', exclude);
    return (relpath) => (included ? included(relpath) : true) && !(excluded?.(relpath) ?? false);
}
/** Small objects are latency-bound, not CPU-bound: on 2 CPUs, 48 in flight beat 16 by a third (bench/data-pull). */
function defaultConcurrency() {
    return Math.min(64, Math.max(32, external_node_os_default().availableParallelism() * 16));
}
function defaultCacheDir(env) {
    const toolCache = env['RUNNER_TOOL_CACHE'];
    return toolCache ? external_node_path_default().join(toolCache, 'mlops-ci', 'data-pull') : external_node_path_default().join(external_node_os_default().homedir(), '.cache', 'mlops-ci', 'data-pull');
}
/** One per process: two pulls in one run must not write each other's manifest. */
function defaultManifestFile(tempDir) {
    return external_node_path_default().join(tempDir, 'mlops-ci', `data-pull-manifest-${process.pid}.json`);
}

;// CONCATENATED MODULE: ./packages/core/src/steps/data-pull/index.ts














/**
 * Reads the inputs, then plans the pull: lists the source or reads the DVC
 * outs and their .dir manifests. Both are reading what the inputs name, so a
 * source with nothing to pull or a manifest that climbs out of its folder is
 * bad input (exit 2) found before anything is put in place.
 */
async function plan(reader, host) {
    const inputs = await planRequest(reader, host);
    const cache = new ObjectCache(inputs.cacheDir);
    const { mode } = inputs;
    if (mode.kind === 'lfs')
        return { kind: 'lfs', inputs, cache, lfs: await host.group('Plan the pull', () => planLfs(mode, inputs.filter, host)) };
    const request = { ...inputs, mode };
    if (mode.kind === 'delta') {
        const delta = await host.group('Plan the pull', () => planDeltaPull(mode, inputs, host));
        return { kind: 'targets', inputs: request, cache, targets: [delta.target], delta };
    }
    const targets = await host.group('Plan the pull', () => planTargets(mode, inputs, cache, host));
    return { kind: 'targets', inputs: request, cache, targets };
}
const data_pull_CACHE_KEY_PREFIX = 'mlops-ci-data-pull-';
async function run(plan, host) {
    if (plan.kind === 'lfs')
        return runLfs(plan.lfs, plan.inputs, plan.cache, host);
    const { inputs, cache, targets, delta } = plan;
    const fileCount = targets.reduce((sum, target) => sum + target.files.length, 0);
    host.info(`${fileCount} files from ${describeSources(targets)}`);
    const cacheKey = `${data_pull_CACHE_KEY_PREFIX}${planIdentity(targets)}`;
    const restoredKey = await restoreCache(inputs, cacheKey, data_pull_CACHE_KEY_PREFIX, host);
    const report = await host.group('Pull', () => pullLocked(targets, cache, inputs, host, delta));
    data_pull_logOutcome(report, host);
    await evictToCap(cache, neededBy(targets), inputs.cacheMaxBytes, host);
    const base = inputs.mode.kind === 'dvc' ? inputs.mode.base : inputs.mode.dest;
    const manifest = buildManifest(report.files, base);
    await writeManifest(inputs.manifestFile, manifest);
    await saveCache(inputs, cacheKey, restoredKey, report.downloaded, host);
    const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
    await host.appendSummary(summaryOf(manifest.files.length, bytes, manifest.digest, report));
    return {
        outputs: {
            path: inputs.mode.kind === 'dvc' ? targets.map((target) => target.root).join('\n') : inputs.mode.dest,
            files: String(manifest.files.length),
            bytes: String(bytes),
            digest: manifest.digest,
            manifest: inputs.manifestFile,
            'cache-hit': String(restoredKey === cacheKey),
            transferred: String(report.downloaded),
            'delta-version': delta ? String(delta.version) : '',
        },
    };
}
/**
 * Puts the files in place while holding every destination's lock: a second
 * pull into one waits for the first. A pulled Delta table's log is written
 * last, so it never names a file not yet in place.
 */
async function pullLocked(targets, cache, inputs, host, delta) {
    const lock = await destination_lock/* DestinationLock */.Gu.acquire(targets.map((target) => target.root), { log: host, progressIntervalMs: inputs.progressIntervalMs });
    try {
        const report = await syncTargets(targets, cache, {
            concurrency: inputs.concurrency,
            deleteExtra: inputs.deleteExtra,
            isManaged: inputs.filter,
            log: host,
            progressIntervalMs: inputs.progressIntervalMs,
            keepObjects: inputs.mode.kind === 'dvc' || inputs.crossRunCache !== null,
        });
        if (delta?.logCommit !== undefined)
            await writeTableLog(delta.target.root, delta.logCommit);
        lock.assertHeld();
        return report;
    }
    finally {
        lock.release();
    }
}
/**
 * Keeps cache-dir within cache-max-size, before a cross-run save so the saved
 * cache is within it too. Only after a pull that added objects: nothing else
 * grows the cache, and an unchanged re-pull stays free of a walk of it.
 */
async function evictToCap(cache, needed, maxBytes, host) {
    if (!cache.grew)
        return;
    const result = await cache.evictToCap(maxBytes, needed);
    if (result.evicted > 0)
        host.info(`cache: evicted ${result.evicted} least recently used objects (${(0,data_progress/* formatBytes */.z)(result.evictedBytes)}) to stay within cache-max-size`);
    if (result.remainingBytes > maxBytes) {
        host.info(`cache: holds ${(0,data_progress/* formatBytes */.z)(result.remainingBytes)}, over cache-max-size (${(0,data_progress/* formatBytes */.z)(maxBytes)}): this dataset, or objects another run used in the last minutes, take that much`);
    }
}
/** The cache entries the targets' files come from: never evicted while this dataset is pulled. */
function neededBy(targets) {
    return new Set(targets.flatMap((target) => target.files.map(cacheIdOf)).filter((id) => id !== undefined));
}
/** A Delta table version: its log replayed to the exact files, each checked to be still there. */
async function planDeltaPull(mode, inputs, host) {
    const { store, prefix } = (0,storage_open/* openStore */.C)(mode.location, data_pull_storeOptions(inputs.store, host.context.env));
    const pulled = await planDelta({ url: mode.url, store, prefix, dest: mode.dest, point: mode.point, layout: mode.layout });
    host.info(`${mode.url}: version ${pulled.version}, ${pulled.target.files.length} data files${mode.layout === 'table' ? ', pulled as a Delta table' : ''}`);
    return pulled;
}
/** What to put where: listing the source, or reading the DVC outs. */
async function planTargets(mode, inputs, cache, host) {
    if (mode.kind === 'source') {
        const { store, prefix } = (0,storage_open/* openStore */.C)(mode.location, data_pull_storeOptions(inputs.store, host.context.env));
        if (mode.asOf)
            host.info(`as of ${mode.asOf.toISOString()}`);
        if (mode.pinned)
            host.info(`${mode.pinned.size} object versions pinned by the version manifest`);
        return [await planSource({ url: mode.url, kind: mode.location.kind, store, prefix, dest: mode.dest, filter: inputs.filter, deleting: inputs.deleteExtra, ...(mode.asOf ? { asOf: mode.asOf } : {}), ...(mode.pinned ? { pinned: mode.pinned } : {}) })];
    }
    const stores = new Map();
    for (const { remote } of mode.pulls) {
        const place = (0,storage_location/* describeLocation */.lR)(remote.location);
        if (!stores.has(place))
            stores.set(place, (0,storage_open/* openStore */.C)(remote.location, data_pull_storeOptions({ ...remoteOptions(remote), ...inputs.store }, host.context.env)));
    }
    const storeFor = (remote) => stores.get((0,storage_location/* describeLocation */.lR)(remote.location));
    for (const pull of mode.pulls)
        host.info(`${pull.displayPath} (${pull.out.origin}, ${pull.out.hashName === 'md5' ? 'DVC 3.x' : 'DVC 2.x'}) from remote '${pull.remote.name}'`);
    return planDvc(mode.pulls, { cache, storeFor, filter: inputs.filter, log: host, cwd: host.context.cwd });
}
/** A DVC remote's own endpoint, region and keys (a gs:// remote's key file and project: no secret; an azure:// remote's account and secrets: masked); the step's inputs win over them. */
function remoteOptions(remote) {
    return {
        ...(remote.gcs ? { gcs: remote.gcs } : {}),
        ...(remote.endpoint ? { endpoint: remote.endpoint } : {}),
        ...(remote.region ? { region: remote.region } : {}),
        ...(remote.credentials ? { credentials: remote.credentials } : {}),
        ...(remote.azure ? { azure: remote.azure } : {}),
    };
}
/** Path-style addressing by default when talking to an S3-compatible endpoint; AWS_* defaults from the run's environment. */
function data_pull_storeOptions(options, env) {
    const endpoint = options.endpoint ?? env['AWS_ENDPOINT_URL'];
    return { ...options, pathStyle: options.pathStyle ?? endpoint !== undefined, env };
}
/** The cross-run cache's key restored into cache-dir: `key` itself, else the newest starting with `prefix`; undefined on a miss or without `cache`. */
async function restoreCache(inputs, key, prefix, host) {
    const cache = inputs.crossRunCache;
    if (!cache)
        return undefined;
    return host.group('Restore the cache', async () => {
        const restored = await cache.restore([inputs.cacheDir], key, [prefix]);
        host.info(restored === undefined ? 'cache miss' : restored === key ? `cache hit: ${key}` : `partial cache hit: ${restored}`);
        return restored;
    });
}
/** Keys are immutable: saves cache-dir only for a dataset the cache did not hold whole. */
async function saveCache(inputs, key, restoredKey, downloaded, host) {
    const cache = inputs.crossRunCache;
    if (cache && restoredKey !== key && downloaded > 0)
        await host.group('Save the cache', () => cache.save([inputs.cacheDir], key));
}
function data_pull_logOutcome(report, host) {
    host.info(`${report.files.length} files in place: ${report.kept} already right, ${report.fromCache} from the local cache, ${report.downloaded} downloaded (${(0,data_progress/* formatBytes */.z)(report.bytesDownloaded)})` +
        (report.deleted.length > 0 ? `; ${report.deleted.length} removed` : ''));
    for (const file of report.deleted.slice(0, 20))
        host.debug(`removed ${file}`);
}
function describeSources(targets) {
    const sources = [...new Set(targets.map((target) => `${target.store.description}`))];
    return sources.join(', ');
}
function summaryOf(files, bytes, digest, report) {
    return (0,summary/* renderStepSummary */.P)({
        step: 'data-pull',
        outcome: 'ok',
        headline: `${files} files, ${(0,data_progress/* formatBytes */.z)(bytes)}`,
        rows: [
            ['files', files],
            ['size', (0,data_progress/* formatBytes */.z)(bytes)],
            ['downloaded', `${report.downloaded} (${(0,data_progress/* formatBytes */.z)(report.bytesDownloaded)})`],
            ['from the cache', report.fromCache],
            ['already in place', report.kept],
            ['digest', { code: digest }],
        ],
    });
}


/***/ })

};
