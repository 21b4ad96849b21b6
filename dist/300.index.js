export const id = 300;
export const ids = [300];
export const modules = {

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

/***/ 91719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ metricsDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A digest of a candidate's flat metrics, independent of key order and of the
 * file's format (JSON, YAML, TOML hold the same numbers the same way):
 * `sha256:<hex>` of the sorted `[name, value]` pairs as JSON, values as
 * strings so NaN and ±Infinity stay distinct from each other and from null.
 * evaluate-and-gate records it per candidate; promote-model recomputes it from
 * the metrics it is about to register and refuses a mismatch.
 */
function metricsDigest(metrics) {
    const pairs = Object.keys(metrics)
        .sort()
        .map((name) => [name, String(metrics[name])]);
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(pairs)).digest('hex')}`;
}


/***/ }),

/***/ 23906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ excerpt)
/* harmony export */ });
/* unused harmony export MAX_EXCERPT_CHARS */
/**
 * Quoting a file's content in an error. A path a user gives may lead to any
 * file (a symlink to a credentials file, say), and errors go to CI logs
 * anyone on the project can read. So an error never quotes more than a short
 * excerpt, and masks what looks like a secret: a credential-shaped string,
 * a name that says it is one (`API_TOKEN`), or a long random-looking run.
 */
/** The most characters of file content one quote shows. */
const MAX_EXCERPT_CHARS = 32;
const MASK = '***';
/** Runs of name/token characters: the unit that is masked whole. */
const WORD = /[A-Za-z0-9_./+=:@-]+/g;
/** Credential shapes: GitHub, GitLab, Slack, OpenAI-style and AWS access keys. */
const CREDENTIAL = /^(?:gh[pousr]_|github_pat_|glpat-|xox[abprs]-|sk-|AKIA|ASIA)/;
/** Name parts that say a value is a secret (`API_TOKEN`, `db.password`); `num_tokens` is not one. */
const SECRET_PARTS = new Set(['secret', 'secrets', 'token', 'password', 'passwd', 'pwd', 'credential', 'credentials', 'apikey', 'private']);
/**
 * `text` with every secret-looking word replaced by `***` and control
 * characters escaped, cut to `max` characters (the last one then `…`).
 *
 * @example excerpt('ghp_abc123…')  // '***'
 */
function excerpt(text, max = MAX_EXCERPT_CHARS) {
    const masked = escapeControls(text.replace(WORD, (word) => (looksSecret(word) ? MASK : word)));
    return masked.length <= max ? masked : `${masked.slice(0, max - 1)}…`;
}
function looksSecret(word) {
    return CREDENTIAL.test(word) || namesASecret(word) || looksRandom(word);
}
/** Split at `_ . - / : @ + =` and camelCase: `PWSECRET_API_TOKEN` → pwsecret, api, token; `api_key` counts too. */
function namesASecret(word) {
    const parts = word
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/);
    return parts.some((part, i) => SECRET_PARTS.has(part) || (part === 'key' && ['api', 'access', 'secret', 'private'].includes(parts[i - 1] ?? '')));
}
/** 20 or more characters mixing upper case, lower case and digits: a key, not a metric name. */
function looksRandom(word) {
    return word.length >= 20 && /[A-Z]/.test(word) && /[a-z]/.test(word) && /[0-9]/.test(word);
}
function escapeControls(text) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
    return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`));
}


/***/ }),

/***/ 43449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ flattenMetrics),
/* harmony export */   z: () => (/* binding */ isPlainMapping)
/* harmony export */ });
/**
 * Flattens a parsed metrics document into dotted keys with numeric values.
 *
 * - Nested mappings join keys with a dot: `{ eval: { acc: 0.9 } }` → `eval.acc`.
 * - Lists are flattened by index, as DVC does: `{ folds: [{ acc: 0.9 }] }` → `folds.0.acc`.
 * - Numbers are kept as they are, including NaN and ±Infinity (a NaN metric must
 *   fail its rules with a note, so it has to survive flattening).
 * - Booleans become 1 (true) and 0 (false), so `converged == 1` can be a rule.
 * - BigInts (huge TOML integers) become the nearest number.
 * - Everything else (strings, null, dates, empty mappings/lists) is left out:
 *   a rule on such a key then sees the metric as missing.
 *
 * When two paths flatten to the same key (`{"a.b": 1, "a": {"b": 2}}`), the
 * later one in document order wins.
 */
function flattenMetrics(document) {
    const entries = [];
    collectLeaves(document, '', entries);
    // Object.fromEntries defines own properties, so a key like `__proto__`
    // becomes a metric rather than changing the object's prototype.
    return Object.fromEntries(entries);
}
function collectLeaves(node, prefix, out) {
    const leaf = numericLeaf(node);
    if (leaf !== undefined) {
        // A scalar at the top level has no name to go under; nothing to record.
        if (prefix !== '')
            out.push([prefix, leaf]);
        return;
    }
    if (Array.isArray(node)) {
        node.forEach((item, index) => collectLeaves(item, joinKey(prefix, String(index)), out));
        return;
    }
    if (isPlainMapping(node)) {
        for (const [key, value] of Object.entries(node))
            collectLeaves(value, joinKey(prefix, key), out);
    }
}
/** The number a leaf stands for, or undefined when it is not a numeric leaf. */
function numericLeaf(node) {
    if (typeof node === 'number')
        return node;
    if (typeof node === 'boolean')
        return node ? 1 : 0;
    if (typeof node === 'bigint')
        return Number(node);
    return undefined;
}
function joinKey(prefix, key) {
    return prefix === '' ? key : `${prefix}.${key}`;
}
/**
 * Plain objects and null-prototype objects (what smol-toml returns) are
 * mappings; class instances such as TOML dates are leaves we ignore.
 */
function isPlainMapping(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}


/***/ }),

/***/ 34233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ parseJsonAllowingNonFinite),
/* harmony export */   q: () => (/* binding */ JsonSyntaxError)
/* harmony export */ });
/* harmony import */ var _excerpt_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23906);
/**
 * A small JSON reader that also accepts the bare `NaN`, `Infinity` and
 * `-Infinity` Python's `json.dump` writes by default. `JSON.parse` rejects
 * those, and its error messages give no line or column, which a user needs to
 * find the problem in a metrics file. Everything else follows RFC 8259.
 */

/** A syntax error in JSON text, with the 1-based line and column where it was found. */
class JsonSyntaxError extends Error {
    reason;
    line;
    column;
    name = 'JsonSyntaxError';
    constructor(reason, line, column) {
        super(`line ${line}, column ${column}: ${reason}`);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }
}
/**
 * Parses JSON text, plus bare NaN / Infinity / -Infinity as numbers.
 * Objects come back with a null prototype, so keys such as `__proto__` are
 * ordinary keys. A leading byte-order mark is ignored.
 * @throws JsonSyntaxError naming the line and column of the first problem.
 */
function parseJsonAllowingNonFinite(text) {
    const reader = new JsonReader(text.startsWith('\uFEFF') ? text.slice(1) : text);
    return reader.readDocument();
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /-?[A-Za-z_][A-Za-z0-9_]*/y;
const LITERALS = new Map([
    ['true', true],
    ['false', false],
    ['null', null],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
]);
class JsonReader {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    readDocument() {
        this.skipWhitespace();
        const value = this.readValue('a JSON value');
        this.skipWhitespace();
        if (this.pos < this.text.length)
            this.fail('expected end of file after the JSON value');
        return value;
    }
    readValue(expected) {
        const ch = this.text[this.pos];
        if (ch === '{')
            return this.readObject();
        if (ch === '[')
            return this.readArray();
        if (ch === '"')
            return this.readString();
        if (ch !== undefined && (ch === '-' || (ch >= '0' && ch <= '9'))) {
            const number = this.readNumber();
            if (number !== undefined)
                return number;
        }
        const word = this.match(WORD);
        if (word !== undefined && LITERALS.has(word)) {
            this.pos += word.length;
            return LITERALS.get(word);
        }
        return this.fail(`expected ${expected}`);
    }
    readObject() {
        const object = Object.create(null);
        this.pos++; // '{'
        this.skipWhitespace();
        if (this.text[this.pos] === '}') {
            this.pos++;
            return object;
        }
        for (;;) {
            if (this.text[this.pos] !== '"')
                this.fail('expected a string key in double quotes');
            const key = this.readString();
            this.skipWhitespace();
            if (this.text[this.pos] !== ':')
                this.fail(`expected ':' after the key "${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(key)}"`);
            this.pos++;
            this.skipWhitespace();
            object[key] = this.readValue(`a value for the key "${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(key)}"`);
            this.skipWhitespace();
            const next = this.text[this.pos];
            if (next === '}') {
                this.pos++;
                return object;
            }
            if (next !== ',')
                this.fail(`expected ',' or '}' after the value of "${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(key)}"`);
            this.pos++;
            this.skipWhitespace();
        }
    }
    readArray() {
        const array = [];
        this.pos++; // '['
        this.skipWhitespace();
        if (this.text[this.pos] === ']') {
            this.pos++;
            return array;
        }
        for (;;) {
            array.push(this.readValue('a value in the list'));
            this.skipWhitespace();
            const next = this.text[this.pos];
            if (next === ']') {
                this.pos++;
                return array;
            }
            if (next !== ',')
                this.fail("expected ',' or ']' after a list item");
            this.pos++;
            this.skipWhitespace();
        }
    }
    readString() {
        const start = this.pos;
        this.pos++; // opening quote
        for (;;) {
            const ch = this.text[this.pos];
            if (ch === undefined || ch === '\n') {
                this.pos = start;
                this.fail('unterminated string');
            }
            if (ch === '\\')
                this.pos += 2;
            else if (ch === '"')
                break;
            else
                this.pos++;
        }
        this.pos++; // closing quote
        // The escapes are JSON's own, so JSON.parse decodes the literal exactly;
        // it only fails on a bad escape or a raw control character.
        try {
            return JSON.parse(this.text.slice(start, this.pos));
        }
        catch {
            this.pos = start;
            return this.fail('invalid string (bad escape or control character)');
        }
    }
    /** Reads a number, or returns undefined (position unchanged) when there is none here. */
    readNumber() {
        const literal = this.match(NUMBER);
        if (literal === undefined)
            return undefined; // e.g. '-Infinity', read as a literal by the caller
        this.pos += literal.length;
        return Number(literal);
    }
    match(pattern) {
        pattern.lastIndex = this.pos;
        return pattern.exec(this.text)?.[0];
    }
    skipWhitespace() {
        for (;;) {
            const ch = this.text[this.pos];
            if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r')
                return;
            this.pos++;
        }
    }
    /** Throws a syntax error at the current position, naming what was found there. */
    fail(expected) {
        const { line, column } = lineAndColumn(this.text, this.pos);
        throw new JsonSyntaxError(`${expected}, found ${this.describeFound()}`, line, column);
    }
    describeFound() {
        if (this.pos >= this.text.length)
            return 'end of file';
        const word = this.match(/[A-Za-z0-9_.+-]+/y);
        // The file may be anything a path leads to (a symlinked secret): quote a short, masked excerpt.
        return `'${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(word ?? this.text[this.pos] ?? '')}'`;
    }
}
function lineAndColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text[i] === '\n') {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}


/***/ }),

/***/ 65255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z0: () => (/* binding */ metricsFromText),
/* harmony export */   k2: () => (/* binding */ resolveMetricInputs),
/* harmony export */   mS: () => (/* binding */ loadMetricsFile)
/* harmony export */ });
/* unused harmony export parseMetricsText */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(73382);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3292);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37638);
/* harmony import */ var _fs_input_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66087);
/* harmony import */ var _fs_place_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(52300);
/* harmony import */ var _flatten_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(43449);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(34233);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(24131);
/**
 * Finding and reading candidate metric files: the `metrics` input's entries
 * (`name=path`, plain paths, globs) and the JSON / YAML / TOML files they name.
 */











/**
 * Reads one metrics file and flattens it (see `flattenMetrics`): the format is
 * chosen by extension (.json, .yaml/.yml, .toml); any other extension is tried
 * as JSON, then as YAML. JSON may contain Python's bare NaN / Infinity.
 *
 * @param file  absolute, or relative to `cwd`; error messages show it as given.
 * @throws InputError('metrics') when the file cannot be read, is malformed (the
 *   message gives the parser's line and column), or is not a mapping at the top.
 */
async function loadMetricsFile(file, cwd) {
    const text = await (0,_fs_input_js__WEBPACK_IMPORTED_MODULE_5__/* .readInputText */ ._)({ input: 'metrics', what: 'metrics file', file, cwd });
    return metricsFromText(text, file, 'metrics', { isFile: true });
}
/**
 * Parses metrics text (format from `source`'s extension, as `loadMetricsFile`)
 * and flattens it. For text that did not come from a file, such as a baseline
 * read with `git show`: `source` may be `git:<ref>:<path>`.
 * @throws InputError(input) when the text is malformed (with line and column)
 *   or not a mapping at the top level.
 */
function metricsFromText(text, source, input = 'metrics', kind = {}) {
    const document = parseMetricsText(text, source, input, kind);
    if (!(0,_flatten_js__WEBPACK_IMPORTED_MODULE_9__/* .isPlainMapping */ .z)(document)) {
        const found = document === null || document === undefined ? 'nothing' : Array.isArray(document) ? 'a list' : `a ${typeof document}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, `metrics file '${source}' must hold a mapping of metric names to values at the top level; found ${found}`);
    }
    return (0,_flatten_js__WEBPACK_IMPORTED_MODULE_9__/* .flattenMetrics */ .g)(document);
}
/**
 * Parses metrics text whose format is chosen by `source`'s extension, without
 * flattening; any other extension is tried as JSON, then as YAML.
 * @throws InputError(input) with the source and the parser's line/column.
 */
function parseMetricsText(text, source, input = 'metrics', kind = {}) {
    const format = formatOf(source);
    if (format !== undefined)
        return parseAs(format, text, source, input, kind);
    // Unknown extension: JSON first, because YAML would read a bare NaN in JSON
    // as the string "NaN" and silently drop the metric.
    try {
        return parseAs('json', text, source, input, kind);
    }
    catch (jsonError) {
        try {
            return parseAs('yaml', text, source, input, kind);
        }
        catch (yamlError) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, `metrics file '${source}' is neither JSON nor YAML (name it .json, .yaml or .toml to pick one): ` +
                `as JSON, ${reasonOf(jsonError)}; as YAML, ${reasonOf(yamlError)}`);
        }
    }
}
function formatOf(file) {
    const extension = node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(file).toLowerCase();
    if (extension === '.json')
        return 'json';
    if (extension === '.yaml' || extension === '.yml')
        return 'yaml';
    if (extension === '.toml')
        return 'toml';
    return undefined;
}
/** Parses text as one format; on a syntax error throws an InputError naming the source, line and column. */
function parseAs(format, text, source, input, kind) {
    try {
        if (format === 'json')
            return (0,_json_js__WEBPACK_IMPORTED_MODULE_7__/* .parseJsonAllowingNonFinite */ .l)(text);
        if (format === 'toml')
            return (0,smol_toml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)(text);
        // logLevel 'error': throw on errors, but don't print YAML warnings into the CI log.
        return yaml__WEBPACK_IMPORTED_MODULE_2__.parse(text, { logLevel: 'error' });
    }
    catch (error) {
        const syntax = syntaxErrorOf(error);
        const place = syntax.position ? `line ${syntax.position.line}, column ${syntax.position.col}: ` : '';
        const at = kind.isFile && syntax.position ? { at: { file: source, ...syntax.position } } : {};
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, `metrics file '${source}' is not valid ${format.toUpperCase()}: ${place}${syntax.reason}`, { cause: error, ...at });
    }
}
/** The reason and the 1-based line and column, from whichever parser threw. */
function syntaxErrorOf(error) {
    if (error instanceof _json_js__WEBPACK_IMPORTED_MODULE_7__/* .JsonSyntaxError */ .q)
        return { reason: error.reason, position: { line: error.line, col: error.column } };
    if (error instanceof smol_toml__WEBPACK_IMPORTED_MODULE_3__/* .TomlError */ .zx)
        return { reason: firstLine(error.message), position: { line: error.line, col: error.column } };
    if (error instanceof yaml__WEBPACK_IMPORTED_MODULE_2__.YAMLError) {
        const start = error.linePos?.[0];
        // The yaml package appends "at line L, column C:" and a code excerpt; keep only the reason.
        const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
        return start === undefined ? { reason } : { reason, position: { line: start.line, col: start.col } };
    }
    return { reason: error instanceof Error ? error.message : String(error) };
}
function reasonOf(error) {
    const message = error instanceof Error ? error.message : String(error);
    // Strip the "input 'metrics': metrics file '…' is not valid X: " prefix parseAs added.
    return message.replace(/^.*? is not valid [A-Z]+: /, '');
}
function firstLine(text) {
    return (text.split('\n')[0] ?? '').trim();
}
/**
 * Resolves the `metrics` input's entries to named files, in the order given
 * (a glob's matches sorted by path). Blank entries and `#` comments are ignored.
 *
 * - `name=path` names a file. The text before the first `=` counts as a name
 *   only when it is one (letters, digits, `_`, `.`, `-`, no `/`): write
 *   `./a=b/metrics.json` for a path whose first folder contains `=`.
 * - Without a name, a file is named after its parent folder (`out/rf/metrics.json`
 *   → `rf`), or after its stem when it sits directly in `cwd` (`metrics.json` → `metrics`).
 * - A path that names an existing file is that file; otherwise, if it has glob
 *   characters, it is a glob (tinyglobby, relative to `cwd`, files only). A named
 *   glob must match exactly one file.
 * - Paths are absolute or relative to `cwd`; returned files are relative to
 *   `cwd` when inside it, else absolute.
 *
 * @throws InputError('metrics') when the list is empty, a file is missing, a glob
 *   matches nothing, a name is malformed, or two files get the same name.
 */
async function resolveMetricInputs(entries, cwd) {
    const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '' && !entry.startsWith('#'));
    if (wanted.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('metrics', 'nothing given: give one or more metric files (paths or globs, each optionally name=path)');
    const resolved = [];
    for (const entry of wanted) {
        const { name, pattern } = (0,_names_js__WEBPACK_IMPORTED_MODULE_8__/* .splitNamedEntry */ .QT)(entry, 'metrics');
        const files = await filesOf(pattern, cwd);
        if (name !== undefined && files.length > 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('metrics', `'${entry}' names ${files.length} files (${files.join(', ')}); a name can only go with one file`);
        }
        for (const file of files)
            resolved.push({ name: name ?? (0,_names_js__WEBPACK_IMPORTED_MODULE_8__/* .defaultName */ .Z2)(file, cwd), file });
    }
    return withUniqueNames(resolved);
}
/** The files one entry stands for: itself when it exists, else its glob matches. */
async function filesOf(pattern, cwd) {
    const kind = await fileKind(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, pattern));
    if (kind === 'file')
        return [(0,_fs_place_js__WEBPACK_IMPORTED_MODULE_6__/* .relativeIfInside */ .wm)(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, pattern))];
    if (kind === 'directory') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('metrics', `'${pattern}' is a directory; give the metrics file in it (or a glob)`);
    }
    if (!(0,tinyglobby__WEBPACK_IMPORTED_MODULE_10__/* .isDynamicPattern */ .ey)(pattern))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('metrics', `metrics file '${pattern}' does not exist`);
    const matches = await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_10__/* .glob */ .TI)(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
    if (matches.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('metrics', `the glob '${pattern}' matched no files (relative to ${cwd})`);
    return matches.map((match) => (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_6__/* .relativeIfInside */ .wm)(cwd, match)).sort(_names_js__WEBPACK_IMPORTED_MODULE_8__/* .compareNames */ .MP);
}
async function fileKind(file) {
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file);
        return info.isDirectory() ? 'directory' : 'file';
    }
    catch {
        return 'none';
    }
}
/** Drops exact repeats (same name, same file); any other repeated name is a bad input. */
function withUniqueNames(inputs) {
    const byName = new Map();
    for (const input of inputs) {
        const earlier = byName.get(input.name);
        if (earlier === undefined)
            byName.set(input.name, input);
        else if (earlier.file !== input.file) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('metrics', `two metric files are named '${input.name}': ${earlier.file} and ${input.file}; name them apart with name=path`);
        }
    }
    return [...byName.values()];
}


/***/ }),

/***/ 24131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dq: () => (/* binding */ listInWords),
/* harmony export */   MP: () => (/* binding */ compareNames),
/* harmony export */   QT: () => (/* binding */ splitNamedEntry),
/* harmony export */   Z2: () => (/* binding */ defaultName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/** Naming, ordering and listing candidates (and metrics) the same way everywhere. */


/**
 * Plain UTF-16 code-unit order: "alphabetical" must not depend on the machine's
 * locale, or two runners could pick different winners from a tie.
 */
function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** "a", "a and b", "a, b and c". */
function listInWords(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/**
 * Splits a list entry `name=path` into its name and path. The text before the
 * first `=` is a name only when it looks like one (letters, digits, `_`, `.`,
 * `-`); when it contains a `/`, the `=` belongs to the path and there is no name.
 * @throws InputError(input) for an empty or malformed name, or a name with no path.
 */
function splitNamedEntry(entry, input) {
    const equals = entry.indexOf('=');
    if (equals < 0)
        return { name: undefined, pattern: entry };
    const name = entry.slice(0, equals).trim();
    const pattern = entry.slice(equals + 1).trim();
    if (/[/\\]/.test(name))
        return { name: undefined, pattern: entry };
    if (name === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `'${entry}' has an empty name before '='; write name=path`);
    if (!NAME.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `'${name}' in '${entry}' is not a valid name: use letters, digits, '_', '.' and '-'`);
    }
    if (pattern === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `'${entry}' gives the name '${name}' but no path after '='`);
    return { name, pattern };
}
/**
 * The default name of a file: its parent folder's name (`out/rf/metrics.json` →
 * `rf`), or its stem when it sits directly in `cwd` or the root (`metrics.json` → `metrics`).
 */
function defaultName(file, cwd) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, file);
    const parent = node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(absolute);
    if (parent === node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd) || parent === node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(parent)) {
        return node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(absolute, node_path__WEBPACK_IMPORTED_MODULE_0___default().extname(absolute));
    }
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(parent);
}


/***/ }),

/***/ 40224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ RegistryRefusal),
/* harmony export */   R: () => (/* binding */ RegistryCorrupt)
/* harmony export */ });
/**
 * The model registry seen by promote-model (and by evaluate-and-gate's
 * `registry:` baseline): one interface, one implementation per backend
 * (object store, MLflow, git tags), chosen by openRegistry() from the URL.
 * Types only: importing this module loads no behaviour.
 */
/** A request the registry refuses because of what it holds (unknown version, no previous version): exit 2. */
class RegistryRefusal extends Error {
    name = 'RegistryRefusal';
}
/** A registry file that is not what its name says (not JSON, wrong shape): corrupt data, exit 1. The message names the file. */
class RegistryCorrupt extends Error {
    name = 'RegistryCorrupt';
}


/***/ }),

/***/ 96665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ formatSigned),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/** Number and text formatting shared by the markdown report, JUnit XML and status lines. */
/** Four significant digits, no trailing noise: 0.953333 → 0.9533, 118.25 → 118.3, 3 → 3. */
function formatNumber(value) {
    if (value === null || value === undefined)
        return '—';
    if (Number.isNaN(value))
        return 'NaN';
    if (!Number.isFinite(value))
        return value > 0 ? '∞' : '−∞';
    if (Number.isInteger(value))
        return String(value);
    return String(Number(value.toPrecision(4)));
}
/** A signed number: +0.013, −0.02, ±0. */
function formatSigned(value) {
    if (value === 0)
        return '±0';
    const text = formatNumber(Math.abs(value));
    return value > 0 ? `+${text}` : `−${text}`;
}
/** Makes user text (names, rules) safe inside a markdown table cell. */
function escapeCell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
/** Inline code that survives backticks in the text. */
function inlineCode(text) {
    const fence = text.includes('`') ? '``' : '`';
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${escapeCell(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>')}${pad}${fence}`;
}
/**
 * Cuts text to a limit, ending with a note that says so. The limit counts
 * UTF-16 characters, or UTF-8 bytes with `unit: 'bytes'` (GitHub caps check-run
 * text at 65,535 of both, and the report's ✅ and ▲ take 3 bytes each).
 */
function truncate(text, limit, note, unit = 'chars') {
    const suffix = `\n\n${note}\n`;
    if (unit === 'chars') {
        return text.length <= limit ? text : text.slice(0, Math.max(0, limit - suffix.length)) + suffix;
    }
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= limit)
        return text;
    const keep = Math.max(0, limit - Buffer.byteLength(suffix, 'utf8'));
    // Cutting mid-character leaves a partial sequence that decodes to U+FFFD: drop it.
    const head = bytes.subarray(0, keep).toString('utf8').replace(/\uFFFD+$/, '');
    return head + suffix;
}
/**
 * Escapes text for HTML (and XML) text and quoted attributes, and drops the
 * control characters neither may hold, so any name keeps a page well-formed.
 */
function escapeHtml(text) {
    return text
        // eslint-disable-next-line no-control-regex -- XML 1.0 (and HTML) forbid these control characters
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}


/***/ }),

/***/ 39867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ outputFolderPath),
/* harmony export */   f: () => (/* binding */ outputFilePath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/* harmony import */ var _fs_place_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52300);



/**
 * The absolute path of a file a step will write, named by the input `input`.
 * Checked while reading inputs, before any work: a path that can never be
 * written as a file (an existing folder, a name ending in `/`, a path under
 * a file, a device or FIFO that writing through a temp name would replace)
 * is bad input, exit 2, not a failure after the work is done.
 */
function outputFilePath(input, given, cwd) {
    const refuse = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(given)}, ${why}; give the path of a file to write`);
    };
    if (/[\\/]$/.test(given))
        refuse('which names a folder');
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, given);
    const kind = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .placeKind */ .SD)(file);
    if (kind === 'folder')
        refuse('which is a folder');
    if (kind === 'other')
        refuse('which is not a regular file');
    if (kind === 'missing') {
        const blocker = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .nonFolderAncestor */ .hc)(file);
        if (blocker)
            refuse(`but ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(blocker)} is a file, not a folder`);
    }
    return file;
}
/**
 * The absolute path of a folder a step will write in (made when missing),
 * named by the input `input`: an existing file, device or FIFO there, or a
 * file where one of its parent folders should be, is bad input, exit 2,
 * instead of ENOTDIR once the work has started.
 */
function outputFolderPath(input, given, cwd) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, given);
    const kind = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .placeKind */ .SD)(folder);
    const refuse = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(given)}, ${why}; give a folder (it is made when missing)`);
    };
    if (kind === 'file' || kind === 'other')
        refuse('which is not a folder');
    if (kind === 'missing') {
        const blocker = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .nonFolderAncestor */ .hc)(folder);
        if (blocker)
            refuse(`but ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(blocker)} is a file, not a folder`);
    }
    return folder;
}


/***/ })

};
