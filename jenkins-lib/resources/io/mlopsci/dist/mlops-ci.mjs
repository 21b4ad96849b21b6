#!/usr/bin/env -S node --
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 21916:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = true;
exports.Io = __webpack_unused_export__ = void 0;
var peq = new Uint32Array(0x10000);
var myers_32 = function (a, b) {
    var n = a.length;
    var m = b.length;
    var lst = 1 << (n - 1);
    var pv = -1;
    var mv = 0;
    var sc = n;
    var i = n;
    while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
    }
    for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= ((eq & pv) + pv) ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
            sc++;
        }
        if (pv & lst) {
            sc--;
        }
        mv = (mv << 1) | 1;
        pv = (pv << 1) | ~(xv | mv);
        mv &= xv;
    }
    i = n;
    while (i--) {
        peq[a.charCodeAt(i)] = 0;
    }
    return sc;
};
var myers_x = function (b, a) {
    var n = a.length;
    var m = b.length;
    var mhc = [];
    var phc = [];
    var hsize = Math.ceil(n / 32);
    var vsize = Math.ceil(m / 32);
    for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
    }
    var j = 0;
    for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
            var eq = peq[a.charCodeAt(i)];
            var pb = (phc[(i / 32) | 0] >>> i) & 1;
            var mb = (mhc[(i / 32) | 0] >>> i) & 1;
            var xv = eq | mv_1;
            var xh = ((((eq | mb) & pv_1) + pv_1) ^ pv_1) | eq | mb;
            var ph = mv_1 | ~(xh | pv_1);
            var mh = pv_1 & xh;
            if ((ph >>> 31) ^ pb) {
                phc[(i / 32) | 0] ^= 1 << i;
            }
            if ((mh >>> 31) ^ mb) {
                mhc[(i / 32) | 0] ^= 1 << i;
            }
            ph = (ph << 1) | pb;
            mh = (mh << 1) | mb;
            pv_1 = mh | ~(xv | ph);
            mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] = 0;
        }
    }
    var mv = 0;
    var pv = -1;
    var start = j * 32;
    var vlen = Math.min(32, m - start) + start;
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
    }
    var score = m;
    for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = (phc[(i / 32) | 0] >>> i) & 1;
        var mb = (mhc[(i / 32) | 0] >>> i) & 1;
        var xv = eq | mv;
        var xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += (ph >>> (m - 1)) & 1;
        score -= (mh >>> (m - 1)) & 1;
        if ((ph >>> 31) ^ pb) {
            phc[(i / 32) | 0] ^= 1 << i;
        }
        if ((mh >>> 31) ^ mb) {
            mhc[(i / 32) | 0] ^= 1 << i;
        }
        ph = (ph << 1) | pb;
        mh = (mh << 1) | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
    }
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
    }
    return score;
};
var distance = function (a, b) {
    if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
    }
    if (b.length === 0) {
        return a.length;
    }
    if (a.length <= 32) {
        return myers_32(a, b);
    }
    return myers_x(a, b);
};
exports.Io = distance;
var closest = function (str, arr) {
    var min_distance = Infinity;
    var min_index = 0;
    for (var i = 0; i < arr.length; i++) {
        var dist = distance(str, arr[i]);
        if (dist < min_distance) {
            min_distance = dist;
            min_index = i;
        }
    }
    return arr[min_index];
};
__webpack_unused_export__ = closest;


/***/ }),

/***/ 2674:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ DEFAULT_CACHE_MAX_BYTES),
/* harmony export */   fg: () => (/* binding */ planEviction),
/* harmony export */   nS: () => (/* binding */ parseByteSize),
/* harmony export */   ss: () => (/* binding */ DEFAULT_CACHE_MAX_SIZE)
/* harmony export */ });
/* unused harmony export IN_USE_GRACE_MS */
/**
 * The size cap shared by data-pull's object cache and the folder cache:
 * what a size input means, and which entries to evict, least recently used
 * first, so that the rest fit.
 */
/** The cap when none is given: room for a few datasets or built envs, on any CI disk (data-pull's `cache-max-size` default). */
const DEFAULT_CACHE_MAX_SIZE = '10GiB';
/**
 * Entries used this recently are never evicted, whatever the cap: another
 * run on this machine may have just found one and be about to read it.
 */
const IN_USE_GRACE_MS = 10 * 60_000;
const UNITS = {
    '': 1,
    b: 1,
    k: 1024,
    kb: 1000,
    kib: 1024,
    m: 1024 ** 2,
    mb: 1000 ** 2,
    mib: 1024 ** 2,
    g: 1024 ** 3,
    gb: 1000 ** 3,
    gib: 1024 ** 3,
    t: 1024 ** 4,
    tb: 1000 ** 4,
    tib: 1024 ** 4,
};
/**
 * A size such as `10GiB`, `500MB`, `750M` or `1048576` in bytes: binary
 * units (KiB, MiB, GiB, TiB, and the bare K, M, G, T) or decimal ones (kB,
 * MB, GB, TB); a plain number is bytes. Undefined when the text is not a size.
 */
function parseByteSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
    if (!match)
        return undefined;
    const factor = UNITS[(match[2] ?? '').toLowerCase()];
    if (factor === undefined)
        return undefined;
    return Math.floor(Number(match[1]) * factor);
}
/**
 * Which entries to evict so that the cache fits `maxBytes`: the least
 * recently used first, never one `mustKeep` names (this run used or needs
 * it) and never one used within IN_USE_GRACE_MS.
 */
function planEviction(entries, maxBytes, mustKeep, now) {
    let remainingBytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    const evict = [];
    const candidates = entries.filter((entry) => !mustKeep(entry) && now - entry.lastUsedMs >= IN_USE_GRACE_MS).sort((a, b) => a.lastUsedMs - b.lastUsedMs || a.name.localeCompare(b.name));
    for (const entry of candidates) {
        if (remainingBytes <= maxBytes)
            break;
        evict.push(entry);
        remainingBytes -= entry.bytes;
    }
    return { evict, remainingBytes };
}
/** DEFAULT_CACHE_MAX_SIZE in bytes, for the caches no input sizes (setup-env's folder cache). */
const DEFAULT_CACHE_MAX_BYTES = parseByteSize(DEFAULT_CACHE_MAX_SIZE);


/***/ }),

/***/ 94648:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ DirectoryCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _cache_cap_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2674);
/* harmony import */ var _data_progress_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(73519);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(96192);







/** An entry's name ends with how it is kept: one tar archive, or (link mode) a folder tree. */
const TAR = '.tar';
const TREE = '.tree';
/** Names a save or an eviction works under; never restored. */
const TEMP_PREFIX = '.tmp-';
/** A temp name older than this is a killed save's or eviction's: live ones finish in seconds. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/**
 * A cache in a plain folder, for Jenkins agents and laptops: each key is one
 * tar archive of the saved paths (by absolute location, as @actions/cache
 * keys them). tar rather than a file-by-file copy: a virtualenv is many small
 * files, and one archive restores many times faster (bench/setup-env/README.md).
 * With `link`, an entry is a
 * folder tree instead, whose files a save and a restore hard-link, so no file
 * content is written at all (they are copied only when the cache is on
 * another filesystem). A save is written to a temp name and renamed, so a
 * killed save never leaves an entry a later restore would trust.
 *
 * The folder is capped (`maxBytes`): after a save, the least recently used
 * entries are evicted. Last use is an entry's access time, set on every
 * restore, so the modification time stays the save time that a restore
 * prefix picks the newest by. An eviction renames the entry to a temp name
 * first, so a kill halfway through removing a tree leaves nothing a restore
 * would trust.
 */
class DirectoryCache {
    root;
    log;
    env;
    maxBytes;
    /** Entry files this run restored or saved: never evicted by it. */
    used = new Set();
    constructor(root, log, 
    /** The step's environment (`host.context.env`): tar and cp run with it. */
    env, maxBytes = _cache_cap_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CACHE_MAX_BYTES */ .KH) {
        this.root = root;
        this.log = log;
        this.env = env;
        this.maxBytes = maxBytes;
    }
    /** tar and cp get absolute paths only (members relative to `-C /`), so they run from / with the step's environment. */
    get tools() {
        return { cwd: '/', env: this.env };
    }
    async restore(paths, key, restoreKeys = [], options = {}) {
        const suffix = options.link ? TREE : TAR;
        try {
            const matched = await this.findEntry(key, restoreKeys, suffix);
            if (!matched)
                return undefined;
            const members = paths.map(member);
            if (options.link) {
                await this.placeMembers(this.entryFile(matched, TREE), members);
            }
            else {
                // Only the members asked for; `--` so no member can be read as an option.
                await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .execCapture */ .Wp)('tar', ['-x', '-f', this.entryFile(matched, TAR), '-C', '/', '--', ...(await this.membersIn(matched, members))], this.tools);
            }
            await this.markUsed(this.entryFile(matched, suffix));
            return matched;
        }
        catch (err) {
            this.log.warning(`cache restore failed, continuing without it: ${err.message}`);
            return undefined;
        }
    }
    async save(paths, key, options = {}) {
        const suffix = options.link ? TREE : TAR;
        const final = this.entryFile(key, suffix);
        if (await exists(final)) {
            await this.markUsed(final);
            return; // keys are immutable, as on GitHub
        }
        const staging = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.root, `${TEMP_PREFIX}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)()}${suffix}`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(this.root, { recursive: true });
            const present = [];
            for (const source of paths)
                if (await exists(source))
                    present.push(member(source));
            if (present.length === 0) {
                this.log.debug(`DirectoryCache.save: none of ${paths.join(', ')} exists; nothing saved for ${key}`);
                return;
            }
            if (options.link) {
                for (const name of present)
                    await placeTree(node_path__WEBPACK_IMPORTED_MODULE_3___default().join('/', name), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(staging, name), this.tools);
            }
            else {
                await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .execCapture */ .Wp)('tar', ['-c', '-f', staging, '-C', '/', '--', ...present], this.tools);
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(staging, final);
            this.used.add(final);
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(staging, { recursive: true, force: true }).catch(() => undefined);
            this.log.warning(`cache save failed for key ${key}: ${err.message}`);
            return;
        }
        await this.evictToCap();
    }
    /**
     * Sweeps what killed saves and evictions left, then evicts the least
     * recently used entries until the folder holds at most `maxBytes`: never
     * one this run used, nor one used in the last minutes (another agent may
     * be restoring it). Optional work, like the save: a failure only warns.
     */
    async evictToCap() {
        try {
            const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(this.root);
            await this.sweepStaleTemps(names);
            const entries = await Promise.all(names.filter(isEntryName).map((name) => this.entryInfo(name)));
            const { evict, remainingBytes } = (0,_cache_cap_js__WEBPACK_IMPORTED_MODULE_4__/* .planEviction */ .fg)(entries, this.maxBytes, (entry) => this.used.has(entry.file), Date.now());
            for (const entry of evict) {
                const aside = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.root, `${TEMP_PREFIX}evict-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)()}${node_path__WEBPACK_IMPORTED_MODULE_3___default().extname(entry.file)}`);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(entry.file, aside);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(aside, { recursive: true, force: true });
            }
            if (evict.length > 0) {
                const freed = evict.reduce((sum, entry) => sum + entry.bytes, 0);
                this.log.info(`cache: evicted ${evict.length} least recently used entries (${(0,_data_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .formatBytes */ .z)(freed)}) from ${this.root}; ${(0,_data_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .formatBytes */ .z)(remainingBytes)} left, cap ${(0,_data_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .formatBytes */ .z)(this.maxBytes)}`);
            }
        }
        catch (err) {
            this.log.warning(`cache eviction in ${this.root} failed: ${err.message}`);
        }
    }
    async sweepStaleTemps(names) {
        const now = Date.now();
        for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX))) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.root, name);
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file).catch(() => undefined);
            if (info && now - info.mtimeMs > STALE_TEMP_MS)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { recursive: true, force: true });
        }
    }
    async entryInfo(name) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.root, name);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file);
        const bytes = info.isDirectory() ? await treeBytes(file) : info.size;
        return { name, file, bytes, lastUsedMs: info.atimeMs };
    }
    /** Sets the entry's access time to now, keeping its modification time (the save time). */
    async markUsed(file) {
        this.used.add(file);
        try {
            const { mtime } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.utimes)(file, new Date(), mtime);
        }
        catch (err) {
            this.log.debug(`DirectoryCache.markUsed: ${file}: ${err.message}`);
        }
    }
    entryFile(key, suffix) {
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.root, encodeURIComponent(key) + suffix);
    }
    /** Places each requested member the tree entry holds at its own path (a missing one is skipped, as from a tar). */
    async placeMembers(tree, members) {
        for (const name of members) {
            const saved = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tree, name);
            if (await exists(saved))
                await placeTree(saved, node_path__WEBPACK_IMPORTED_MODULE_3___default().join('/', name), this.tools);
        }
    }
    /** The requested members the archive holds (tar -x fails on a name it lacks). */
    async membersIn(key, wanted) {
        const listing = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .execCapture */ .Wp)('tar', ['-t', '-f', this.entryFile(key, TAR)], this.tools);
        const tops = new Set(listing.stdout.split('\n').map((line) => line.replace(/\/$/, '')));
        return wanted.filter((name) => tops.has(name));
    }
    /** The exact key, else for each restore prefix in order the newest entry starting with it. */
    async findEntry(key, restoreKeys, suffix) {
        if (await exists(this.entryFile(key, suffix)))
            return key;
        const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(this.root).catch(() => []))
            .filter((name) => name.endsWith(suffix) && !name.startsWith(TEMP_PREFIX))
            .map((name) => decodeURIComponent(name.slice(0, -suffix.length)));
        for (const prefix of restoreKeys) {
            const candidates = names.filter((name) => name.startsWith(prefix));
            if (candidates.length === 0)
                continue;
            const dated = await Promise.all(candidates.map(async (name) => ({ name, mtime: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(this.entryFile(name, suffix))).mtimeMs })));
            dated.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
            return dated[0]?.name;
        }
        return undefined;
    }
}
/**
 * Puts the folder at `source` onto `target`, replacing what is there with
 * the saved files and keeping files it did not save (as tar does): by hard
 * links when both are on one filesystem, else by a copy that keeps modes and
 * times (a changed mtime would make Python recompile every .pyc).
 */
async function placeTree(source, target, tools) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(target, { recursive: true });
    if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(source)).dev === (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target)).dev)
        linkTree(source, target);
    else
        await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .execCapture */ .Wp)('cp', ['-PpR', `${source}/.`, target], tools); // POSIX flags: GNU and BSD cp alike
}
/**
 * Recreates the folders of `source` under `target` and hard-links every file
 * and symlink into them. Synchronous on purpose: the step waits for the
 * restore anyway, and making the links on one thread is faster than through
 * the thread pool (bench/setup-env/README.md).
 */
function linkTree(source, target) {
    for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(source, { withFileTypes: true })) {
        const from = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(source, entry.name);
        const to = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(target, entry.name);
        if (entry.isDirectory()) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(to, { recursive: true, mode: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(from).mode });
            linkTree(from, to);
        }
        else if (entry.isSymbolicLink()) {
            replaceWith(to, () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(from), to));
        }
        else {
            replaceWith(to, () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(from, to));
        }
    }
}
/** Runs `make`, first removing what is at `target` when it is in the way. */
function replaceWith(target, make) {
    try {
        make();
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(target, { recursive: true, force: true });
        make();
    }
}
function isEntryName(name) {
    return !name.startsWith(TEMP_PREFIX) && (name.endsWith(TAR) || name.endsWith(TREE));
}
/** The bytes of the files in a tree entry (symlinks count as themselves, never followed). */
async function treeBytes(dir) {
    let total = 0;
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true })) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, entry.name);
        total += entry.isDirectory() ? await treeBytes(file) : (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file)).size;
    }
    return total;
}
/** A path as a member relative to `/` (of a tar archive, or of a tree entry). */
function member(target) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(target).slice(1);
}
async function exists(file) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).then(() => true, () => false);
}


/***/ }),

/***/ 38731:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ runAction),
/* harmony export */   T6: () => (/* binding */ argumentsNodeRead),
/* harmony export */   XE: () => (/* binding */ parseStepArgs),
/* harmony export */   iW: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(37638);
/* harmony import */ var _spec_help_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(92182);
/* harmony import */ var _steps_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(69778);
/* harmony import */ var _steps_run_step_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(17154);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(8109);
/* harmony import */ var _host_workflow_commands_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(93494);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(10796);
/* harmony import */ var _spec_suggest_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(8687);
/**
 * The one entrypoint: `mlops-ci <step> ...` in a terminal and on Jenkins, and,
 * through runAction(), every GitHub action. It loads only specs eagerly;
 * hosts and step code are imported when a step actually runs.
 *
 * The `#!` line ends Node's own options with `--`: Node reads an
 * `--env-file…` argument even after the script's name (and runs the file's
 * NODE_OPTIONS) unless a `--` came before it, so without it
 * `mlops-ci train-in-container --env-file train.env` would hand a repository
 * file to Node. `env -S` splits the line (GNU coreutils 8.30+, BSD/macOS;
 * npm's Windows shims read it too).
 */










/** Runs the CLI with these arguments (without `node` and the script) and returns the exit code. */
async function main(argv, env = process.env, cwd = process.cwd()) {
    silenceSdkNodeNotice();
    const [first, ...rest] = argv;
    if (first === undefined) {
        // Nothing asked for is a usage error: the usage goes where errors go, so `mlops-ci > out` shows it.
        process.stderr.write(`${(0,_spec_help_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsage */ .eY)(specs(), _version_js__WEBPACK_IMPORTED_MODULE_8__/* .VERSION */ .x)}\n`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
        process.stdout.write(`${(0,_spec_help_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsage */ .eY)(specs(), _version_js__WEBPACK_IMPORTED_MODULE_8__/* .VERSION */ .x)}\n`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    }
    if (first === '--version' || first === '-V') {
        process.stdout.write(`${_version_js__WEBPACK_IMPORTED_MODULE_8__/* .VERSION */ .x}\n`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    }
    const entry = (0,_steps_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .findStep */ .M)(first);
    if (!entry) {
        printError(unknownStepMessage(first), env);
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput;
    }
    const parsed = parseStepArgs(entry.spec, rest);
    if (parsed.kind === 'help') {
        process.stdout.write(`${(0,_spec_help_js__WEBPACK_IMPORTED_MODULE_3__/* .renderStepHelp */ .Si)(entry.spec)}\n`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    }
    if (parsed.kind === 'error') {
        printError(parsed.message, env);
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput;
    }
    return (0,_steps_run_step_js__WEBPACK_IMPORTED_MODULE_5__/* .runStep */ .e)(entry, { invocation: 'cli', env, cwd }, parsed.inputs);
}
/** The entry of each GitHub action (dist/<step>.js): the same code, inputs from INPUT_*. */
async function runAction(step) {
    silenceSdkNodeNotice();
    const entry = (0,_steps_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .findStep */ .M)(step);
    if (!entry)
        throw new Error(`no step named ${step}`);
    process.exitCode = await (0,_steps_run_step_js__WEBPACK_IMPORTED_MODULE_5__/* .runStep */ .e)(entry, { invocation: 'action', env: process.env, cwd: process.cwd() });
}
/**
 * Under Node < 22 the AWS SDK prints, on every run, a ten-line notice that its
 * releases after January 2027 will need Node 22. The bundle pins the SDK, so
 * that upgrade is this project's to plan, not something a user can act on: the
 * SDK's documented switch keeps it out of every step's log (unless set).
 */
function silenceSdkNodeNotice() {
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
}
/**
 * `--name value`, `--name=value`; a repeated name makes a list; a boolean
 * input may stand alone (`--check-run`). Values are never interpreted by a shell.
 */
function parseStepArgs(spec, args) {
    const inputs = {};
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--help' || arg === '-h')
            return { kind: 'help' };
        if (!arg.startsWith('--'))
            return { kind: 'error', message: `unexpected argument ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(arg)}: inputs are given as --<input> <value>` };
        const eq = arg.indexOf('=');
        const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        const input = spec.inputs.find((candidate) => candidate.name === name);
        if (!input) {
            return { kind: 'error', message: unknownInputMessage(spec, name) };
        }
        let value;
        if (eq !== -1) {
            value = arg.slice(eq + 1);
        }
        else if (input.type === 'boolean' && (i + 1 >= args.length || args[i + 1].startsWith('--'))) {
            value = 'true';
        }
        else if (i + 1 < args.length) {
            value = args[++i];
        }
        else {
            return { kind: 'error', message: `input '${name}' needs a value` };
        }
        const previous = inputs[name];
        if (previous === undefined)
            inputs[name] = value;
        else if (input.type === 'list' || input.type === 'map')
            inputs[name] = [...(Array.isArray(previous) ? previous : [previous]), value];
        else
            return { kind: 'error', message: `input '${name}' is given twice` };
    }
    return { kind: 'inputs', inputs };
}
function unknownStepMessage(name) {
    const names = specs().map((s) => s.name);
    const meant = (0,_spec_suggest_js__WEBPACK_IMPORTED_MODULE_7__/* .closestName */ .N)(name, names);
    return meant ? `unknown step ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(name)}; did you mean ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(meant)}?` : `unknown step ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(name)}; the steps are: ${names.join(', ')}`;
}
function unknownInputMessage(spec, name) {
    const meant = (0,_spec_suggest_js__WEBPACK_IMPORTED_MODULE_7__/* .closestName */ .N)(name, spec.inputs.map((input) => input.name));
    const hint = meant ? `did you mean ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(meant)}?` : `see mlops-ci ${spec.name} --help`;
    return `input ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(name)} is not an input of ${spec.name}; ${hint}`;
}
/** An error before any host exists; it quotes arguments, so on a runner it is printed inert too. */
function printError(message, env) {
    const text = `error: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_9__/* .redactUrlCredentials */ .d)(message)}`;
    const lines = env['GITHUB_ACTIONS'] === 'true' ? (0,_host_workflow_commands_js__WEBPACK_IMPORTED_MODULE_6__/* .inertLines */ .w)(text) : [text];
    process.stderr.write(`${lines.join('\n')}\n`);
}
function specs() {
    return _steps_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .STEPS */ .U.map((step) => step.spec);
}
function isEntrypoint() {
    const script = process.argv[1];
    if (!script)
        return false;
    try {
        return import.meta.url === (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(script)).href;
    }
    catch {
        return false;
    }
}
/**
 * Arguments of the tool that Node itself acted on before the tool started:
 * Node scans its whole command line up to the first `--` for `--env-file…`,
 * the script's own arguments included. `commandLine` is the process's real
 * argv (node, its options, the script, then `ownArgs`).
 */
function argumentsNodeRead(commandLine, ownArgs) {
    const launcher = commandLine.slice(0, commandLine.length - ownArgs.length);
    const tail = commandLine.slice(launcher.length);
    // A command line that does not end with our arguments is not one we can read: assume nothing.
    if (launcher.length === 0 || tail.some((arg, i) => arg !== ownArgs[i]))
        return [];
    if (launcher.includes('--'))
        return [];
    const separator = ownArgs.indexOf('--');
    return (separator === -1 ? ownArgs : ownArgs.slice(0, separator)).filter((arg) => arg.startsWith('--env-file'));
}
/** This process's argv as exec'd (Linux); null where it cannot be read, and the check is skipped. */
function ownCommandLine() {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/self/cmdline', 'utf8').split('\0').slice(0, -1);
    }
    catch {
        return null;
    }
}
/**
 * `node dist/mlops-ci.js … --env-file x`: Node has already read x, and run
 * its NODE_OPTIONS. That cannot be undone here, but the tool does not go on
 * in such a process, and says how to start it so that it cannot happen.
 */
function refuseArgumentsNodeRead(args, env) {
    const commandLine = ownCommandLine();
    const read = commandLine ? argumentsNodeRead(commandLine, args) : [];
    if (read.length === 0)
        return false;
    const input = read[0].slice(2).split('=')[0];
    printError(`input ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(input)}: Node itself reads ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .A0)(`--${input}`)} when mlops-ci is started as 'node dist/mlops-ci.js …' (it loads the file, and runs its NODE_OPTIONS, before mlops-ci starts). Start it as 'mlops-ci …' or 'node -- dist/mlops-ci.js …'.`, env);
    return true;
}
if (isEntrypoint()) {
    const args = process.argv.slice(2);
    process.exitCode = refuseArgumentsNodeRead(args, process.env) ? _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput : await main(args);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 64024:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ LOCK_FILE_PATTERN),
/* harmony export */   Gu: () => (/* binding */ DestinationLock)
/* harmony export */ });
/* unused harmony exports MAX_WAIT_MS, lockFileOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _process_exists_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(13761);





/**
 * One data-pull at a time per destination. Two pulls writing one folder at
 * once would sweep each other's temp files and race their state files, so
 * the second waits for the first.
 *
 * The lock is a small file beside the destination (`.<name>.mlops-ci-lock`),
 * created whole or not at all (written under a temp name, then hard-linked
 * into place, which fails if it exists). It names its owner: a random token,
 * the pid, the host, and the pid's start time, so a lock left by a killed
 * process is taken over at once, and so is one whose pid now belongs to
 * another process (pid reuse). An owner whose pids we cannot see — another
 * host on a shared disk, or a container with the same host name but its own
 * pid namespace — is judged by its heartbeat instead: the holder touches the
 * file every HEARTBEAT_MS.
 */
/** How often a holder refreshes its lock file's mtime (and checks the lock is still its own). */
const HEARTBEAT_MS = 10_000;
/** A lock whose owner cannot be seen (another host, or no /proc) is stale when not refreshed for this long. */
const SILENT_STALE_MS = 2 * 60_000;
const POLL_MS = 250;
/** How long a pull waits for another one into the same destination before it fails. */
const MAX_WAIT_MS = 30 * 60_000;
/** The locks of a pull's destinations, held until `release`. */
class DestinationLock {
    held;
    constructor(held) {
        this.held = held;
    }
    /**
     * Locks every destination (in a fixed order, so two pulls of overlapping
     * sets cannot deadlock), waiting while another live pull holds one.
     * Throws, naming `path`, when the wait passes `maxWaitMs`.
     */
    static async acquire(destinations, options) {
        const held = [];
        try {
            for (const dest of [...new Set(destinations.map((d) => node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(d)))].sort())
                held.push(await acquireOne(dest, options));
        }
        catch (err) {
            for (const lock of held)
                lock.release();
            throw err;
        }
        return new DestinationLock(held);
    }
    /** Throws when a lock was taken from this pull while it ran (it stalled past the stale limit). */
    assertHeld() {
        for (const lock of this.held)
            lock.assertHeld();
    }
    release() {
        for (const lock of this.held)
            lock.release();
    }
}
/** The lock file for a destination: beside it, so it works for a single-file out too and `delete` never sees it. */
function lockFileOf(dest) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dest), `.${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(dest)}${LOCK_SUFFIX}`);
}
const LOCK_SUFFIX = '.mlops-ci-lock';
/** A gitignore pattern for every lock file (one a killed pull left behind included). */
const LOCK_FILE_PATTERN = `.*${LOCK_SUFFIX}`;
async function acquireOne(dest, options) {
    const file = lockFileOf(dest);
    const owner = ownerOfThisProcess();
    const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
    const started = Date.now();
    let lastSaid = -Infinity;
    lockAttempt(dest, file, () => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file), { recursive: true }));
    for (;;) {
        if (lockAttempt(dest, file, () => tryCreate(file, owner)))
            return new HeldLock(file, owner.token);
        const found = readLock(file);
        if (found === undefined)
            continue; // released between our attempt and the read
        const stale = staleReason(found);
        if (stale !== undefined) {
            options.log.warning(`path ${dest}: taking over the lock of ${describe(found)}: ${stale}`);
            takeOver(file, found);
            continue;
        }
        const waited = Date.now() - started;
        if (waited >= maxWaitMs) {
            throw new Error(`path ${dest} is locked by ${describe(found)}; gave up after waiting ${seconds(waited)} s. If no such pull runs, remove ${file}`);
        }
        if (Date.now() - lastSaid >= options.progressIntervalMs) {
            options.log.info(`path ${dest} is being pulled into by ${describe(found)}: waiting (${seconds(waited)} s so far, at most ${seconds(maxWaitMs)} s)`);
            lastSaid = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
}
/** A lock this process holds: refreshed by a heartbeat that also notices when it stops being ours. */
class HeldLock {
    file;
    token;
    heartbeat;
    lost;
    released = false;
    constructor(file, token) {
        this.file = file;
        this.token = token;
        this.heartbeat = setInterval(() => this.refresh(), HEARTBEAT_MS);
        this.heartbeat.unref(); // the lock never keeps the process alive
    }
    assertHeld() {
        this.lost ??= this.whyNotOurs();
        if (this.lost !== undefined) {
            throw new Error(`the lock ${this.file} ${this.lost} while this pull ran (another pull judged it stale); its files may be mixed: run the pull again`);
        }
    }
    release() {
        if (this.released)
            return;
        this.released = true;
        clearInterval(this.heartbeat);
        if (this.whyNotOurs() === undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(this.file, { force: true });
    }
    refresh() {
        this.lost ??= this.whyNotOurs();
        if (this.lost !== undefined)
            return;
        const now = new Date();
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.utimesSync)(this.file, now, now);
        }
        catch {
            // Checked again at the next beat and at the end.
        }
    }
    whyNotOurs() {
        const found = readLock(this.file);
        if (found === undefined)
            return 'was removed';
        return found.owner?.token === this.token ? undefined : `was taken by ${describe(found)}`;
    }
}
function ownerOfThisProcess() {
    return { token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(), pid: process.pid, host: node_os__WEBPACK_IMPORTED_MODULE_2___default().hostname(), pidNamespace: pidNamespace(), pidStart: processStart(process.pid), since: new Date().toISOString() };
}
/** Runs one step of making the lock, with a failure that says what data-pull needs (a writable parent folder). */
function lockAttempt(dest, file, step) {
    try {
        return step();
    }
    catch (err) {
        throw new Error(`path ${dest}: cannot create its lock ${file}: ${err.message}; data-pull writes its lock in the folder that holds path`, { cause: err });
    }
}
/** Creates the lock file with its whole content, or returns false when one is there. */
function tryCreate(file, owner) {
    const temp = `${file}.${owner.token}.tmp`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temp, JSON.stringify(owner));
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.linkSync)(temp, file);
        return true;
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return false;
        throw err;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
    }
}
function readLock(file) {
    try {
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8');
        const { mtimeMs } = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file);
        return { text, owner: parseOwner(text), mtimeMs };
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
function parseOwner(text) {
    try {
        const value = JSON.parse(text);
        return typeof value.token === 'string' && typeof value.pid === 'number' && typeof value.host === 'string' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Why a found lock no longer protects anything, or undefined while its owner may still be pulling. */
function staleReason(found) {
    const { owner } = found;
    if (owner && canSeePidsOf(owner)) {
        if (!(0,_process_exists_js__WEBPACK_IMPORTED_MODULE_4__/* .processExists */ ._)(owner.pid))
            return `process ${owner.pid} is gone`;
        const start = processStart(owner.pid);
        if (owner.pidStart !== null && start !== null && start !== owner.pidStart)
            return `pid ${owner.pid} now belongs to another process`;
        return undefined;
    }
    const silentMs = Date.now() - found.mtimeMs;
    return silentMs > SILENT_STALE_MS ? `not refreshed for ${seconds(silentMs)} s` : undefined;
}
/**
 * Removes exactly the stale lock that was judged: it is first renamed aside
 * (atomic), and if what was moved is not that lock (another waiter took over
 * first and a live pull now holds it), it is linked back.
 */
function takeOver(file, judged) {
    const aside = `${file}.stale-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(file, aside);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw err;
    }
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(aside, 'utf8') !== judged.text)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.linkSync)(aside, file);
    }
    catch {
        // Someone holds the name again already: the holder whose lock was moved sees it at its next heartbeat.
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(aside, { force: true });
    }
}
/** Whether the owner's pid is one of ours to check: same host, same pid namespace. */
function canSeePidsOf(owner) {
    return owner.host === node_os__WEBPACK_IMPORTED_MODULE_2___default().hostname() && (owner.pidNamespace ?? null) === pidNamespace();
}
function pidNamespace() {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)('/proc/self/ns/pid');
    }
    catch {
        return null;
    }
}
/** Field 22 of /proc/<pid>/stat (start time); null off Linux or for a pid that is gone. */
function processStart(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
    }
    catch {
        return null;
    }
}
function describe(found) {
    const { owner } = found;
    return owner ? `another data-pull (pid ${owner.pid} on ${owner.host}, since ${owner.since})` : 'another data-pull (its lock file is unreadable)';
}
function seconds(ms) {
    return Math.round(ms / 1000);
}


/***/ }),

/***/ 73519:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ Progress),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/**
 * Progress of a transfer, logged at a steady rate (every `intervalMs`, not a
 * line per file): files and bytes done, rate and ETA. Silent when the work
 * ends before the first tick, so a no-change re-pull logs nothing extra.
 */
class Progress {
    log;
    totalFiles;
    totalBytes;
    intervalMs;
    files = 0;
    bytes = 0;
    started = Date.now();
    timer;
    constructor(log, totalFiles, totalBytes, intervalMs) {
        this.log = log;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.intervalMs = intervalMs;
    }
    start() {
        if (this.totalFiles === 0)
            return;
        this.timer = setInterval(() => this.log.info(this.line()), this.intervalMs);
        this.timer.unref();
    }
    addBytes(count) {
        this.bytes += count;
    }
    fileDone() {
        this.files++;
    }
    stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
    }
    line() {
        const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
        const rate = this.bytes / seconds;
        // DVC directory entries carry no sizes: then the ETA follows the file count.
        const sizesKnown = this.totalBytes >= this.bytes && this.totalBytes > 0;
        const left = sizesKnown ? (this.totalBytes - this.bytes) / Math.max(rate, 1) : ((this.totalFiles - this.files) * seconds) / Math.max(this.files, 1);
        const eta = left > 0 && (this.files > 0 || this.bytes > 0) ? ` ETA ${formatDuration(left)}` : '';
        const bytes = sizesKnown ? `${formatBytes(this.bytes)}/${formatBytes(this.totalBytes)}` : formatBytes(this.bytes);
        return `progress: ${this.files}/${this.totalFiles} files, ${bytes}, ${formatBytes(rate)}/s${eta}`;
    }
}
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}
function formatDuration(seconds) {
    if (seconds < 60)
        return `${Math.ceil(seconds)}s`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}


/***/ }),

/***/ 10168:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ DOWNLOAD_CACHE_VARIABLE),
/* harmony export */   t: () => (/* binding */ MANAGER_NAMES)
/* harmony export */ });
/** What `manager` accepts besides `auto`. */
const MANAGER_NAMES = ['venv', 'pipenv', 'poetry', 'uv', 'conda', 'mamba', 'micromamba'];
/** The variable each manager's tool reads its download cache folder from. */
const DOWNLOAD_CACHE_VARIABLE = {
    venv: 'PIP_CACHE_DIR',
    pipenv: 'PIP_CACHE_DIR',
    poetry: 'POETRY_CACHE_DIR',
    uv: 'UV_CACHE_DIR',
    conda: 'CONDA_PKGS_DIRS',
    mamba: 'CONDA_PKGS_DIRS',
    micromamba: 'CONDA_PKGS_DIRS',
};


/***/ }),

/***/ 37638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ quote),
/* harmony export */   ES: () => (/* binding */ describeLine),
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   Qd: () => (/* binding */ categoryOf),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   hD: () => (/* binding */ locationOf)
/* harmony export */ });
/* unused harmony export QUOTE_LIMIT */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(10796);
/**
 * The error kinds a step can end with, and the exit code each maps to
 * (README, "Contracts"). Library code throws these; only the entry turns
 * them into an exit code and a message.
 */

const EXIT = {
    ok: 0,
    failure: 1,
    badInput: 2,
    gateFailed: 3,
};
/** How much of a user's value a message quotes: enough to recognise it, never a whole file or a 100 kB argument. */
const QUOTE_LIMIT = 200;
/** The net under an InputError whose caller quoted a value whole: the message is cut here. */
const MESSAGE_LIMIT = 1_000;
/**
 * Bad input or bad input data: nothing was done (exit 2).
 * The message names the input, what was given and what is accepted;
 * `at` is where in an input file the problem is, when it is in one.
 */
class InputError extends Error {
    input;
    name = 'InputError';
    at;
    constructor(
    /** The kebab-case input name the problem is about. */
    input, message, options) {
        super(excerpt((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactUrlCredentials */ .d)(`input '${input}': ${message}`), MESSAGE_LIMIT), options);
        this.input = input;
        this.at = options?.at;
    }
}
/** Where in a user's file an error is, when it says. */
function locationOf(err) {
    return err instanceof InputError ? err.at : undefined;
}
/**
 * A user's value as a message quotes it: in single quotes, on one line (line
 * breaks and other control characters written as escapes, so a value cannot
 * start a log line of its own or drive a terminal), URL credentials hidden,
 * and at most `limit` characters of it.
 */
function quote(value, limit = QUOTE_LIMIT) {
    return `'${excerpt(visibleControls((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactUrlCredentials */ .d)(value)), limit)}'`;
}
/**
 * A line of `KEY=VALUE` input as an error names it: its number and the
 * variable name it starts with, never the rest (the value may be a secret).
 */
function describeLine(line, index) {
    const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(line)?.[1];
    return `line ${index + 1}${name ? ` (starting with the name ${name})` : ''}`;
}
/** At most `limit` characters of `text`, saying how many were left out. */
function excerpt(text, limit) {
    if (text.length <= limit)
        return text;
    // Never end on the first half of a surrogate pair.
    const head = text.slice(0, limit).replace(/[\uD800-\uDBFF]$/, '');
    return `${head}… (${text.length - head.length} more characters)`;
}
const NAMED_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function visibleControls(text) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
    return text.replace(/[\u0000-\u001f\u007f]/g, (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function exitCodeOf(err) {
    if (err instanceof InputError)
        return EXIT.badInput;
    return EXIT.failure;
}
function categoryOf(err) {
    if (err instanceof InputError)
        return 'input';
    return 'failure';
}
function messageOf(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 96192:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Wp: () => (/* binding */ execCapture),
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   nR: () => (/* binding */ execCaptureBytes)
/* harmony export */ });
/* unused harmony export TIMED_OUT */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** The exit code of a command killed by `timeoutMs`, as timeout(1) reports it. */
const TIMED_OUT = 124;
/**
 * The one way this project runs a program to completion: argv only, never a
 * shell string, so user values can never be run as code. Output is captured
 * and, with `onLine`, also handed over line by line. Training runs, which
 * need the child to stop it on cancel, use container/line-process.ts.
 */
async function execCapture(command, args, options) {
    const result = await execCaptureBytes(command, args, options);
    return { ...result, stdout: result.stdout.toString('utf8') };
}
/** execCapture for a program whose output is bytes, not text (`git cat-file --batch`): stdout comes back undecoded. */
async function execCaptureBytes(command, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { cwd: options.cwd, env: options.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        const stdout = [];
        const stderr = [];
        child.stdout?.on('data', collect(stdout, options.onLine));
        child.stderr?.on('data', collect(stderr, options.onLine));
        let timedOut = false;
        const timer = options.timeoutMs
            ? setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, options.timeoutMs)
            : undefined;
        child.on('error', (err) => {
            if (timer)
                clearTimeout(timer);
            reject(new Error(`could not run ${command}: ${err.message}`, { cause: err }));
        });
        child.on('close', (code) => {
            if (timer)
                clearTimeout(timer);
            const result = {
                exitCode: timedOut ? TIMED_OUT : (code ?? 1),
                stdout: Buffer.concat(stdout),
                stderr: Buffer.concat(stderr).toString('utf8'),
            };
            if (result.exitCode !== 0 && !options.ignoreReturnCode) {
                const tail = (result.stderr.trim() || result.stdout.toString('utf8').trim()).split('\n').slice(-15).join('\n');
                reject(new Error(`${formatCommand(command, args)} ${timedOut ? 'timed out' : `exited with ${result.exitCode}`}${tail ? `:\n${tail}` : ''}`));
            }
            else {
                resolve(result);
            }
        });
        if (child.stdin) {
            // A program may exit before reading its input; that is its answer, not our error.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input);
        }
    });
}
/** A command as a reader would type it (for logs and errors only: it is never run through a shell). */
function formatCommand(command, args) {
    return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}
/** Keeps the chunks, and hands complete non-blank lines to `onLine` when there is one. */
function collect(sink, onLine) {
    let rest = '';
    return (chunk) => {
        sink.push(chunk);
        if (!onLine)
            return;
        const lines = (rest + chunk.toString('utf8')).split(/\r?\n|\r/);
        rest = lines.pop() ?? '';
        for (const line of lines)
            if (line.trim() !== '')
                onLine(line);
    };
}


/***/ }),

/***/ 48162:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Writes a file whole or not at all: the content goes to a temp name beside
 * it and is renamed over the target, so a reader (or a killed process) never
 * sees half a report or half an outputs file.
 */
async function writeFileAtomic(file, content) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    const staging = `${file}.tmp-${process.pid}-${Date.now()}`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(staging, content);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(staging, file);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(staging, { force: true });
        throw err;
    }
}


/***/ }),

/***/ 52300:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SD: () => (/* binding */ placeKind),
/* harmony export */   hc: () => (/* binding */ nonFolderAncestor),
/* harmony export */   wm: () => (/* binding */ relativeIfInside)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** What is at `target`, symlinks followed; `missing` also when a parent is a file (ENOTDIR). */
function placeKind(target) {
    let info;
    try {
        info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target, { throwIfNoEntry: false });
    }
    catch (err) {
        // ENOTDIR: a parent is a file, so nothing exists here; nonFolderAncestor finds that parent.
        if (err.code === 'ENOTDIR')
            return 'missing';
        throw err;
    }
    if (!info)
        return 'missing';
    if (info.isDirectory())
        return 'folder';
    return info.isFile() ? 'file' : 'other';
}
/** The nearest existing ancestor of `target` when it is not a folder (nothing can be made under it), else null. */
function nonFolderAncestor(target) {
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(target));; dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)) {
        const kind = placeKind(dir);
        if (kind === 'folder')
            return null;
        if (kind !== 'missing')
            return dir;
        if (dir === node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir))
            return null;
    }
}
/**
 * `absolute` as a reader finds it from `base`: relative with `/` separators
 * when inside `base` (a name like `..cache` is inside), else absolute.
 */
function relativeIfInside(base, absolute) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(base), absolute);
    const outside = relative === '' || relative === '..' || relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative);
    return outside ? absolute : relative.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}


/***/ }),

/***/ 13223:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ locationText),
/* harmony export */   y: () => (/* binding */ annotationFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_place_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(52300);


/**
 * The file of an annotation as the host shows it: relative to the workspace
 * (GITHUB_WORKSPACE on GitHub), with `/` separators, which is how GitHub
 * matches an annotation to a file of the repository and of a PR's diff. A
 * file outside the workspace keeps its absolute path: GitHub cannot link it,
 * but a reader can still find it.
 */
function annotationFile(at, context) {
    return (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_1__/* .relativeIfInside */ .wm)(context.workspace, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(context.cwd, at.file));
}
/**
 * `file:line:col` (or `file:line`), the form compilers print and editors,
 * terminals and Jenkins' warnings plugins turn into a link.
 */
function locationText(at, context) {
    return [annotationFile(at, context), at.line, ...(at.col === undefined ? [] : [at.col])].join(':');
}


/***/ }),

/***/ 50919:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   NV: () => (/* binding */ localContext),
/* harmony export */   Sk: () => (/* binding */ jenkinsContext),
/* harmony export */   fN: () => (/* binding */ gitlabContext),
/* harmony export */   h4: () => (/* binding */ githubContext)
/* harmony export */ });
/* unused harmony export runIdentity */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _scm_git_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(13931);



const PUBLIC_API = 'https://api.github.com';
const PUBLIC_GITLAB = 'https://gitlab.com';
/** GitHub Actions: the runner's variables and the event payload. */
function githubContext(env, cwd) {
    const payload = readEventPayload(env['GITHUB_EVENT_PATH']);
    const pullRequest = payload?.pull_request;
    const repository = parseOwnerRepo(env['GITHUB_REPOSITORY']);
    const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const runId = env['GITHUB_RUN_ID'];
    const attempt = env['GITHUB_RUN_ATTEMPT'];
    return {
        repository,
        projectId: null,
        // On pull_request events GITHUB_SHA is the test merge commit; the PR's checks live on its head.
        sha: pullRequest?.head?.sha ?? env['GITHUB_SHA'] ?? null,
        pullRequest: typeof pullRequest?.number === 'number' ? pullRequest.number : null,
        pullRequestFromFork: isFromFork(pullRequest),
        runUrl: repository && runId ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}` : null,
        eventName: env['GITHUB_EVENT_NAME'] ?? null,
        apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
        workspace: env['GITHUB_WORKSPACE'] ?? cwd,
        cwd,
        env,
        tempDir: env['RUNNER_TEMP'] || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(),
        run: runIdentity(env, 'github'),
    };
}
/** Head and base in different repositories; a head whose repository is gone was a fork too. */
function isFromFork(pullRequest) {
    const base = pullRequest?.base?.repo?.full_name;
    const head = pullRequest?.head?.repo;
    if (base === undefined || head === undefined)
        return false;
    if (head === null)
        return true;
    return head.full_name !== undefined && head.full_name.toLowerCase() !== base.toLowerCase();
}
/**
 * Jenkins (multibranch or plain): CHANGE_ID is the PR number, CHANGE_URL names
 * the repository. GIT_COMMIT is unreliable, so the sha comes from git; on a
 * PR-* build whose HEAD is a two-parent merge, statuses go on HEAD^1, the PR
 * head.
 */
async function jenkinsContext(env, cwd) {
    const workspace = env['WORKSPACE'] ?? cwd;
    const prNumber = parsePrNumber(env['CHANGE_ID']);
    const fromEnv = (env['CHANGE_URL'] && (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryUrl */ .fn)(env['CHANGE_URL'])) || (env['GIT_URL'] && (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryUrl */ .fn)(env['GIT_URL']));
    const checkout = { cwd: workspace, env };
    const [repository, sha] = await Promise.all([
        fromEnv || repositoryFromGit(checkout),
        jenkinsSha(checkout, prNumber !== null || (env['BRANCH_NAME'] ?? '').startsWith('PR-')),
    ]);
    return {
        repository,
        projectId: null,
        sha,
        pullRequest: prNumber,
        pullRequestFromFork: false,
        runUrl: env['BUILD_URL'] ?? null,
        eventName: null,
        apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
        workspace,
        cwd,
        env,
        tempDir: env['WORKSPACE_TMP'] || (env['WORKSPACE'] ? `${env['WORKSPACE']}@tmp` : node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir()),
        run: runIdentity(env, 'jenkins'),
    };
}
/**
 * GitLab CI/CD, from its predefined variables (docs: ci/variables/predefined_variables.md).
 * In a merged-results pipeline CI_COMMIT_SHA is the merge commit GitLab made,
 * and the MR's statuses live on its source branch's head,
 * CI_MERGE_REQUEST_SOURCE_BRANCH_SHA (empty in other pipelines); an MR
 * pipeline's CI_MERGE_REQUEST_IID is the MR its notes go on. The project is
 * named by CI_PROJECT_ID, what GitLab's API takes.
 */
function gitlabContext(env, cwd) {
    const value = (name) => env[name]?.trim() || null;
    return {
        repository: parseProjectPath(value('CI_PROJECT_PATH')),
        projectId: value('CI_PROJECT_ID'),
        sha: value('CI_MERGE_REQUEST_SOURCE_BRANCH_SHA') ?? value('CI_COMMIT_SHA'),
        pullRequest: parsePrNumber(value('CI_MERGE_REQUEST_IID') ?? undefined),
        pullRequestFromFork: false,
        runUrl: value('CI_PIPELINE_URL'),
        eventName: value('CI_PIPELINE_SOURCE'),
        apiUrl: value('CI_API_V4_URL') ?? `${value('CI_SERVER_URL') ?? PUBLIC_GITLAB}/api/v4`,
        workspace: value('CI_PROJECT_DIR') ?? cwd,
        cwd,
        env,
        // GitLab has no per-job temp folder variable; the runner's builds folder is the checkout's parent, not scratch.
        tempDir: node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(),
        run: runIdentity(env, 'gitlab'),
    };
}
/** `group/subgroup/project` → owner `group/subgroup`, repo `project`. */
function parseProjectPath(projectPath) {
    const cut = projectPath?.lastIndexOf('/') ?? -1;
    if (!projectPath || cut <= 0 || cut === projectPath.length - 1)
        return null;
    return { owner: projectPath.slice(0, cut), repo: projectPath.slice(cut + 1) };
}
/** A terminal: whatever git says about the current folder; the CLI in a workflow's `run:` step: the workflow's context. */
async function localContext(env, cwd) {
    if (env['GITHUB_ACTIONS'] === 'true')
        return githubContext(env, cwd);
    // Two git processes at once: their start-up is paid on every step.
    const here = { cwd, env };
    const [repository, sha] = await Promise.all([repositoryFromGit(here), (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .revParse */ .DJ)(here, 'HEAD')]);
    return {
        repository,
        projectId: null,
        sha,
        pullRequest: parsePrNumber(env['MLOPS_CI_PULL_REQUEST']),
        pullRequestFromFork: false,
        runUrl: null,
        eventName: null,
        apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
        workspace: cwd,
        cwd,
        env,
        tempDir: node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(),
        run: runIdentity(env, 'local'),
    };
}
/**
 * Made once per process: a step that nothing ties to a run (no CI variables,
 * no MLOPS_CI_RUN_ID) is a run of its own, started now.
 */
const THIS_PROCESS = { id: `process:${new Date().toISOString()}/${process.pid}`, source: 'process' };
/**
 * Which run the step belongs to (RunIdentity): the CI's own run first — its
 * id is the one thing every step of the run sees alike — then MLOPS_CI_RUN_ID,
 * which a script chaining steps outside CI exports once, else this process.
 * A GitHub re-run (GITHUB_RUN_ATTEMPT) is a run of its own: on a self-hosted
 * runner it finds the first attempt's records in the workspace.
 */
function runIdentity(env, ci) {
    const value = (name) => env[name]?.trim() || null;
    const githubRun = ci === 'github' ? value('GITHUB_RUN_ID') : null;
    if (githubRun)
        return { id: `github:${githubRun}.${value('GITHUB_RUN_ATTEMPT') ?? '1'}`, source: 'github' };
    // Every job of a GitLab pipeline, a retried one too, shares its pipeline id: the jobs are steps of one run.
    const gitlabPipeline = ci === 'gitlab' ? value('CI_PIPELINE_ID') : null;
    if (gitlabPipeline)
        return { id: `gitlab:${value('CI_PROJECT_ID') ?? '?'}/${gitlabPipeline}`, source: 'gitlab' };
    const jenkinsBuild = ci === 'jenkins' ? (value('BUILD_TAG') ?? value('BUILD_URL')) : null;
    if (jenkinsBuild)
        return { id: `jenkins:${jenkinsBuild}`, source: 'jenkins' };
    const chosen = value('MLOPS_CI_RUN_ID');
    return chosen ? { id: `env:${chosen}`, source: 'env' } : THIS_PROCESS;
}
async function jenkinsSha(workspace, isPullRequest) {
    const head = await (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .revParse */ .DJ)(workspace, 'HEAD');
    if (!head || !isPullRequest)
        return head;
    const parents = await (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parentsOf */ .fY)(workspace, head);
    return parents.length === 2 ? parents[0] : head;
}
async function repositoryFromGit(at) {
    const url = await (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .remoteUrl */ .gX)(at);
    return url ? (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryUrl */ .fn)(url) : null;
}
function parseOwnerRepo(value) {
    const [owner, repo, ...rest] = (value ?? '').split('/');
    return owner && repo && rest.length === 0 ? { owner, repo } : null;
}
function parsePrNumber(value) {
    return value && /^\d+$/.test(value) ? Number(value) : null;
}
function readEventPayload(file) {
    if (!file)
        return null;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 87666:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JenkinsHost: () => (/* binding */ JenkinsHost),
/* harmony export */   k: () => (/* binding */ writeErrorFile)
/* harmony export */ });
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48162);
/* harmony import */ var _spec_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(94944);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(50919);
/* harmony import */ var _plain_host_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(63087);
/* harmony import */ var _raw_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(38778);





/**
 * Jenkins, through the shim in jenkins-lib: inputs arrive as one JSON object in
 * MLOPS_CI_INPUTS (dash drops hyphenated variable names), outputs go back as a
 * JSON file named by MLOPS_CI_OUTPUTS, and error details to MLOPS_CI_ERROR_FILE.
 *
 * The CLI run by hand in a Jenkins `sh` step (no shim) is on this host too, for
 * the build's context: its `--name value` arguments count as inputs (over
 * MLOPS_CI_INPUTS, as on the local host), and with no MLOPS_CI_OUTPUTS its
 * outputs are the JSON on stdout the CLI always prints.
 */
class JenkinsHost extends _plain_host_js__WEBPACK_IMPORTED_MODULE_3__/* .PlainHost */ .N {
    kind = 'jenkins';
    static async create(step, { env, cwd }, cliInputs = {}) {
        const inputs = (0,_raw_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonInputs */ .iV)({ ...(0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputsJson */ .nK)(env['MLOPS_CI_INPUTS'] ?? '{}'), ...cliInputs });
        return new JenkinsHost(inputs, await (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .jenkinsContext */ .Sk)(env, cwd), step, env);
    }
    async finish(outcome) {
        const outputsFile = this.env['MLOPS_CI_OUTPUTS'];
        if (outputsFile)
            await this.writeJsonFile(outputsFile, this.outputs);
        else
            process.stdout.write(`${this.stdoutJson()}\n`);
        if (outcome.error) {
            this.error(outcome.error.message, outcome.error.at);
            await writeErrorFile(this.env, { message: this.redact(outcome.error.message), category: outcome.error.category, exitCode: outcome.exitCode });
        }
    }
}
/** Writes the error record where the shim looks for it (nothing when MLOPS_CI_ERROR_FILE is unset). */
async function writeErrorFile(env, record) {
    const file = env['MLOPS_CI_ERROR_FILE'];
    if (file)
        await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .writeFileAtomic */ .Z)(file, `${JSON.stringify(record, null, 2)}\n`);
}


/***/ }),

/***/ 63087:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ PlainHost)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48162);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _cache_directory_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(94648);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(93494);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(10796);
/* harmony import */ var _annotation_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(13223);








const writeStderr = (line) => process.stderr.write(`${line}\n`);
/**
 * What the GitLab, Jenkins and local hosts share: logging to stderr with secrets
 * redacted, a summary file printed to the log, a directory cache, outputs
 * collected in memory and flushed at the end. Subclasses say where outputs go.
 */
class PlainHost {
    inputs;
    context;
    step;
    env;
    write;
    cache;
    outputs = {};
    jsonOutputs = new Set();
    secrets = [];
    debugEnabled;
    /**
     * The CLI in a workflow's `run:` step: the runner reads this process's
     * stdout and stderr for workflow commands, so printed text is made inert.
     */
    onGitHubRunner;
    summaryStarted = false;
    constructor(inputs, context, step, env, write = writeStderr) {
        this.inputs = inputs;
        this.context = context;
        this.step = step;
        this.env = env;
        this.write = write;
        this.debugEnabled = ['1', 'true'].includes(env['MLOPS_CI_DEBUG'] ?? env['RUNNER_DEBUG'] ?? '');
        this.onGitHubRunner = env['GITHUB_ACTIONS'] === 'true';
        // Absolute, like every path the cache's tar is given: a relative MLOPS_CI_CACHE_DIR is relative to the run's folder.
        const cacheRoot = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(context.cwd, env['MLOPS_CI_CACHE_DIR'] ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.cache', 'mlops-ci', 'cache'));
        this.cache = new _cache_directory_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .DirectoryCache */ .Q(cacheRoot, this, env);
    }
    debug(message) {
        if (this.debugEnabled)
            this.emit(`[debug] ${message}`);
    }
    info(message) {
        this.emit(message);
    }
    notice(message, at) {
        this.emit(this.located('notice', message, at));
    }
    warning(message, at) {
        this.emit(this.located('warning', message, at));
    }
    error(message, at) {
        this.emit(this.located('error', message, at));
    }
    async group(name, fn) {
        this.emit(`── ${name} ──`);
        return fn();
    }
    setSecret(value) {
        // Redact longer secrets first so a secret containing another is fully hidden.
        if (value.trim() !== '' && !this.secrets.includes(value)) {
            this.secrets.push(value);
            this.secrets.sort((a, b) => b.length - a.length);
        }
    }
    setOutput(name, value, type) {
        this.outputs[name] = value;
        if (type === 'json')
            this.jsonOutputs.add(name);
        else
            this.jsonOutputs.delete(name);
    }
    /**
     * The outputs as the CLI prints them on stdout, one JSON document: the text
     * of each output, as GitHub has it, except that a `json` output is its
     * value (`.results.passed` is a boolean to jq, not a string to parse again).
     */
    stdoutJson() {
        const document = { ...this.outputs };
        for (const name of this.jsonOutputs)
            document[name] = parsedOrText(this.outputs[name] ?? '');
        return JSON.stringify(document, null, 2);
    }
    addPath(dir) {
        this.info(`Following steps can find it in ${dir} (add it to PATH, or use the step's outputs).`);
    }
    async appendSummary(markdown) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.context.tempDir, 'mlops-ci', `${this.step}-summary.md`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file), { recursive: true });
            // One summary per run, like GitHub's per-step summary: the first write of this process starts it afresh.
            await (this.summaryStarted ? node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile : node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${markdown}\n`);
            this.summaryStarted = true;
            this.emit(`── summary (${file}) ──`);
        }
        catch (err) {
            // The summary is a copy of what the log shows: a temp folder shared with
            // another user (os.tmpdir() on a laptop) must not fail the step that did its work.
            this.warning(`Could not write the summary file ${file} (${err.message}); the summary is only in this log.`);
            this.emit('── summary ──');
        }
        for (const line of markdown.split('\n'))
            this.emit(line);
    }
    /**
     * `level: message`, or `level: file:line:col: title: message` when it
     * points into a file: every error line still starts with `error:`.
     */
    located(level, message, at) {
        if (!at)
            return `${level}: ${message}`;
        return `${level}: ${(0,_annotation_js__WEBPACK_IMPORTED_MODULE_6__/* .locationText */ .f)(at, this.context)}: ${at.title ? `${at.title}: ` : ''}${message}`;
    }
    /** Secrets this run was told about, and credentials inside any URL. */
    redact(text) {
        let out = (0,_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactUrlCredentials */ .d)(text);
        for (const secret of this.secrets)
            out = out.split(secret).join('***');
        return out;
    }
    /** One line as it is, for a host's own control sequences (GitLab's section markers): the caller redacts any text it puts in. */
    writeLine(line) {
        this.write(line);
    }
    emit(message) {
        const text = this.redact(message);
        for (const block of this.onGitHubRunner ? (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .inertLines */ .w)(text) : [text]) {
            for (const line of block.split('\n'))
                this.write(line);
        }
    }
    /** Writes JSON whole, so the shim never reads half of it. */
    async writeJsonFile(file, value) {
        await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomic */ .Z)(file, `${JSON.stringify(value, null, 2)}\n`);
    }
}
/** A `json` output's value; its text when it is not JSON (empty: the step had nothing to say), so nothing is lost. */
function parsedOrText(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}


/***/ }),

/***/ 38778:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DH: () => (/* binding */ envInputs),
/* harmony export */   JZ: () => (/* binding */ gitlabInputs),
/* harmony export */   iV: () => (/* binding */ jsonInputs),
/* harmony export */   rg: () => (/* binding */ withEnvFallbacks)
/* harmony export */ });
/* harmony import */ var _spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(94944);

/** Inputs given as one object (Jenkins JSON, CLI arguments). */
function jsonInputs(values) {
    return {
        get: (name) => values[name],
        givenNames: () => Object.keys(values),
    };
}
/**
 * GitHub: the runner sets INPUT_<NAME> (upper-cased, hyphens kept) for a
 * JavaScript action. Values are handed on as written: the reader trims and
 * treats blank as absent, the same for every host.
 */
function envInputs(env) {
    return {
        get: (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`],
        givenNames: () => [],
    };
}
/**
 * GitLab, highest first: the CLI's `--name value`, then MLOPS_CI_INPUT_<NAME>
 * (how a component passes an input: as a job variable, never as text in
 * `script:`), then the MLOPS_CI_INPUTS object. A blank value is not given, so
 * a component's empty default lets a lower layer speak.
 *
 * Only the CLI and JSON names count as given names (typos are rejected): an
 * MLOPS_CI_INPUT_* variable is looked up by the spec's names, because a
 * pipeline-wide variable meant for another step reaches this job too.
 */
function gitlabInputs(env, cliInputs, fromJson) {
    const layers = [(name) => cliInputs[name], (name) => env[(0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputEnvName */ .d_)(name)], (name) => fromJson[name]];
    return {
        get: (name) => layers.map((layer) => layer(name)).find(isGiven),
        givenNames: () => [...new Set([...Object.keys(cliInputs), ...Object.keys(fromJson)])].filter((name) => isGiven(cliInputs[name]) || isGiven(fromJson[name])),
    };
}
/** Anything but nothing, null or blank text. */
function isGiven(value) {
    return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}
/**
 * Fills absent inputs from the environment: secrets from MLOPS_CI_SECRET_<NAME>
 * and credential files' paths from MLOPS_CI_FILE_<NAME> (where the Jenkins
 * shim's withCredentials puts them), then the input's `envFallback` (GITHUB_TOKEN, ...).
 */
function withEnvFallbacks(raw, spec, env) {
    const byName = new Map(spec.inputs.map((input) => [input.name, input]));
    return {
        get: (name) => {
            const given = raw.get(name);
            if (isGiven(given))
                return given;
            const input = byName.get(name);
            if (input?.secret && env[(0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .secretEnvName */ .ln)(name)])
                return env[(0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .secretEnvName */ .ln)(name)];
            if (input?.credentialFile && env[(0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialFileEnvName */ .U4)(name)])
                return env[(0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialFileEnvName */ .U4)(name)];
            if (input?.envFallback && env[input.envFallback])
                return env[input.envFallback];
            return given;
        },
        givenNames: () => raw.givenNames(),
    };
}


/***/ }),

/***/ 93494:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ inertJson),
/* harmony export */   w: () => (/* binding */ inertLines)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A GitHub runner reads every line a step prints, on stdout and stderr, for
 * workflow commands: `::name props::data` after leading whitespace, and the
 * older `##[name props]data` anywhere in a line. Log text made of repository
 * values (a folder name, a metrics key, a record) could therefore set outputs,
 * add masks or raise errors. The hosts that print on a runner pass all free
 * text through here, so no step has to remember.
 */
/** Anything the runner could read as a command, on any of the lines of `text`. */
const COMMAND_LIKE = /::|##\[/;
/**
 * The lines to print for `text` so that none of it runs: unchanged when it
 * cannot look like a command, else between `::stop-commands::<token>` and
 * `::<token>::` (GitHub's documented way to print untrusted text), with a
 * fresh token the text does not contain, so the text cannot end the pause.
 */
function inertLines(text, newToken = randomToken) {
    if (!COMMAND_LIKE.test(text))
        return [text];
    let token = newToken();
    while (text.toLowerCase().includes(token.toLowerCase()))
        token = newToken();
    return [`::stop-commands::${token}`, text, `::${token}::`];
}
/**
 * JSON the CLI prints on stdout (its outputs) must stay one parseable
 * document, so it cannot be wrapped. JSON.stringify already escapes line
 * breaks, so no line can start with `::`; the only way in is `##[` inside a
 * string. `#` appears in JSON only inside strings, where `\u0023` is the same
 * character to any JSON reader.
 */
function inertJson(json) {
    return json.replace(/#/g, '\\u0023');
}
function randomToken() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
}


/***/ }),

/***/ 34925:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KP: () => (/* binding */ DEFAULT_SEED),
/* harmony export */   Wx: () => (/* binding */ pairedBootstrap),
/* harmony export */   jF: () => (/* binding */ DEFAULT_RESAMPLES)
/* harmony export */ });
/* unused harmony exports mulberry32, percentile */
// Bound once: inside a vm context (jest) every lookup of a global such as
// `Math` goes through the context's interceptor, which in the resampling loop
// costs more than the loop itself (bench/evaluate-and-gate/README.md).
const imul = Math.imul;
const DEFAULT_RESAMPLES = 10_000;
const DEFAULT_SEED = 42;
/**
 * Mulberry32 (Tommy Ettinger's 32-bit generator): one 32-bit state word,
 * period 2^32, good enough statistical quality for resampling indices, and
 * tiny, so it is easy to check and identical on every platform.
 * Returns a function giving uniform numbers in [0, 1).
 * The seed is reduced to an unsigned 32-bit integer.
 */
function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = imul(state ^ (state >>> 15), state | 1);
        t ^= t + imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/**
 * Paired bootstrap percentile interval of mean(candidate_i - baseline_i).
 *
 * Each resample draws n example indices with replacement (the same index for
 * both models: that is what makes it paired) and records the mean difference.
 * The interval is the (1-level)/2 and (1+level)/2 percentiles of those means,
 * interpolated linearly between order statistics (numpy's default, "type 7").
 *
 * Allocates two typed arrays up front and nothing per resample.
 *
 * @throws RangeError when the series differ in length, are empty or hold a
 *   value that is not a finite number: the gate checks its samples while it
 *   plans (prepareGate), so here that is a caller's bug, not bad input.
 * @throws RangeError for a level outside (0, 1) or resamples not a positive integer.
 */
function pairedBootstrap(candidate, baseline, { level, resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED }) {
    if (!(level > 0 && level < 1))
        throw new RangeError(`bootstrap level must be between 0 and 1, got ${level}`);
    if (!Number.isInteger(resamples) || resamples < 1) {
        throw new RangeError(`bootstrap resamples must be a positive integer, got ${resamples}`);
    }
    const differences = pairedDifferences(candidate, baseline);
    const means = resampleMeans(differences, resamples, seed);
    means.sort(); // typed-array sort is numeric
    const tail = (1 - level) / 2;
    return {
        level,
        lower: percentile(means, tail),
        upper: percentile(means, 1 - tail),
        resamples,
        seed,
    };
}
function pairedDifferences(candidate, baseline) {
    if (candidate.length !== baseline.length) {
        throw new RangeError(`the candidate has ${candidate.length} per-example scores and the baseline ${baseline.length}; ` +
            'they must score the same evaluation set in the same order');
    }
    if (candidate.length === 0)
        throw new RangeError('no per-example scores to compare (the series are empty)');
    const differences = new Float64Array(candidate.length);
    for (let i = 0; i < candidate.length; i++) {
        const c = candidate[i] ?? Number.NaN;
        const b = baseline[i] ?? Number.NaN;
        if (!Number.isFinite(c) || !Number.isFinite(b)) {
            throw new RangeError(`per-example score ${i + 1} is not a finite number (candidate ${c}, baseline ${b})`);
        }
        differences[i] = c - b;
    }
    return differences;
}
function resampleMeans(differences, resamples, seed) {
    const n = differences.length;
    const means = new Float64Array(resamples);
    const random = mulberry32(seed);
    for (let r = 0; r < resamples; r++) {
        let sum = 0;
        for (let i = 0; i < n; i++) {
            // u * n with u in [0, 1) lies in [0, n); `| 0` floors it (n < 2^31) without a global lookup.
            sum += differences[(random() * n) | 0];
        }
        means[r] = sum / n;
    }
    return means;
}
/** The p-quantile of sorted values, interpolating linearly between neighbours. */
function percentile(sorted, p) {
    const last = sorted.length - 1;
    const position = last * p;
    const below = Math.floor(position);
    const above = Math.min(below + 1, last);
    const low = sorted[below];
    const high = sorted[above];
    return low + (position - below) * (high - low);
}


/***/ }),

/***/ 13761:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ processExists)
/* harmony export */ });
/**
 * Whether a process with this pid exists on this host: signal 0 checks
 * without sending anything. EPERM means it exists but belongs to another
 * user. Locks use it to tell a dead owner from a live one; a live pid alone
 * proves nothing (it may have been reused), so they check more than this.
 */
function processExists(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}


/***/ }),

/***/ 87011:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jf: () => (/* binding */ writeStepRecord),
/* harmony export */   Y$: () => (/* binding */ readRunRecords),
/* harmony export */   m2: () => (/* binding */ ignoredRecordWarning),
/* harmony export */   v7: () => (/* binding */ RECORDS_DIR)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(48162);




/**
 * `.mlops-ci/` in the workspace: where each step leaves a record of its
 * outputs and how it ended for the steps after it (promote-model's lineage: data digest, env
 * fingerprint, image digest). This module is the only one that writes or
 * reads records there. A workspace outlives a run (a reused Jenkins
 * workspace, a self-hosted runner), so every record names the run that wrote
 * it, and a reader takes only the records of its own run.
 *
 * Layout:
 *   .mlops-ci/<step>.json                  the step's last record (one per run is enough)
 *   .mlops-ci/<step>/<key digest>.json     steps keyed by one of their outputs:
 *                                          one record per key, so two trainings
 *                                          into two folders (Jenkins `parallel`)
 *                                          both keep theirs
 */
const RECORDS_DIR = '.mlops-ci';
/**
 * The records format; a bare outputs object (what mlops-ci wrote before runs
 * were recorded) has none. Schema 2 had no outcome: it was written only on
 * success, so it reads as 'ok'.
 */
const SCHEMA = 3;
const SCHEMA_WITHOUT_OUTCOME = 2;
/** A keyed record's name: the first hex digits of the sha256 of its key. */
const KEY_DIGITS = 16;
const KEYED_RECORD_NAME = new RegExp(`^[0-9a-f]{${KEY_DIGITS}}\\.json$`);
/** When a record was written, as `toISOString()` gives it; the only form it is ever printed in. */
const WRITTEN_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** A record is a few hundred bytes; anything much larger is not one (and is not read whole). */
const MAX_RECORD_BYTES = 1024 * 1024;
/**
 * Steps whose records are keyed by one of their outputs, one record per
 * value: a training by its `outputs` folder, so promote-model can pick the
 * training whose folder holds the model it registers.
 */
const KEYED_BY = { 'train-in-container': 'outputs' };
const OUTCOMES = ['ok', 'gate-failed', 'failed'];
/**
 * Writes the record of a step's outputs for this run, whole or not at all,
 * and returns its path relative to the workspace. Throws when the records
 * folder is not a plain folder (a symlink planted in the repository would
 * lead the write outside the workspace): the caller decides whether that
 * fails anything.
 */
async function writeStepRecord(context, step, outcome, outputs) {
    const file = recordFile(step, outputs);
    await refuseNonFolder(context.workspace, RECORDS_DIR);
    if (KEYED_BY[step] !== undefined)
        await refuseNonFolder(context.workspace, node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file));
    const record = {
        schema: SCHEMA,
        step,
        outcome,
        run: context.run,
        writtenAt: new Date().toISOString(),
        outputs,
    };
    await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Z)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(context.workspace, file), `${JSON.stringify(record, null, 2)}\n`);
    return file;
}
/**
 * Every record of `step` in the workspace, split into those this run wrote
 * and the rest (another run's, an older mlops-ci's without a run, damaged
 * ones): only the first may be trusted. No records at all is not an error.
 */
async function readRunRecords(workspace, run, step) {
    const files = KEYED_BY[step] !== undefined ? await keyedRecordFiles(workspace, step) : [node_path__WEBPACK_IMPORTED_MODULE_2___default().join(RECORDS_DIR, `${step}.json`)];
    const mine = [];
    const ignored = [];
    for (const file of files) {
        const read = await readRecord(workspace, file, step);
        if (read === null)
            continue;
        if ('reason' in read)
            ignored.push(read);
        else if (read.run.id === run.id)
            mine.push(read);
        else
            ignored.push({ file, reason: `it was written at ${read.writtenAt} by run ${JSON.stringify(read.run.id)}, not this run (${JSON.stringify(run.id)})` });
    }
    return { mine, ignored };
}
/**
 * The warning for a record left aside, naming it and its run; outside CI it
 * also says how to make several commands one run.
 */
function ignoredRecordWarning(ignored, run, instead) {
    const chain = run.source === 'process'
        ? ' Outside CI every mlops-ci command is a run of its own unless MLOPS_CI_RUN_ID is set: export one MLOPS_CI_RUN_ID before the steps of one pipeline.'
        : '';
    return `Ignored ${ignored.file}: ${ignored.reason}.${chain} Give ${instead} to record it.`;
}
function recordFile(step, outputs) {
    const keyOutput = KEYED_BY[step];
    if (keyOutput === undefined)
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(RECORDS_DIR, `${step}.json`);
    // A digest, not the value: the key is an absolute path, and a file name must stay one name.
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(outputs[keyOutput] ?? '').digest('hex').slice(0, KEY_DIGITS);
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(RECORDS_DIR, step, `${key}.json`);
}
async function keyedRecordFiles(workspace, step) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(RECORDS_DIR, step);
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workspace, folder)).catch(() => []);
    // Only names this module writes: a writer's staging file (`<name>.json.tmp-…`) is skipped, and a
    // planted name (one holding a newline and a workflow command) never reaches a log line.
    return entries.filter((name) => KEYED_RECORD_NAME.test(name)).sort().map((name) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(folder, name));
}
/** The record in `file`, a reason to ignore it, or null when there is none. */
async function readRecord(workspace, file, step) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workspace, file);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(absolute).catch(() => null);
    if (!info)
        return null;
    // A FIFO would block the read forever, a symlink could lead anywhere: mlops-ci writes neither.
    if (!info.isFile())
        return { file, reason: 'it is not a regular file' };
    if (info.size > MAX_RECORD_BYTES)
        return { file, reason: `it is ${info.size} bytes, more than a record can be` };
    let parsed;
    try {
        parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(absolute, 'utf8'));
    }
    catch {
        return { file, reason: 'it is not JSON' };
    }
    return recordFrom(parsed, file, step);
}
function recordFrom(parsed, file, step) {
    if (!isObject(parsed))
        return { file, reason: 'it is not a record mlops-ci wrote' };
    if (parsed['schema'] === undefined)
        return { file, reason: 'it was written by an older mlops-ci, which did not record the run' };
    const { schema, run, writtenAt, outputs } = parsed;
    const outcome = schema === SCHEMA_WITHOUT_OUTCOME ? 'ok' : parsed['outcome'];
    const outcomeOk = typeof outcome === 'string' && OUTCOMES.includes(outcome);
    const runOk = isObject(run) && typeof run['id'] === 'string' && typeof run['source'] === 'string';
    const outputsOk = isObject(outputs) && Object.values(outputs).every((value) => typeof value === 'string');
    const writtenAtOk = typeof writtenAt === 'string' && WRITTEN_AT.test(writtenAt);
    const schemaOk = schema === SCHEMA || schema === SCHEMA_WITHOUT_OUTCOME;
    if (!schemaOk || parsed['step'] !== step || !outcomeOk || !runOk || !writtenAtOk || !outputsOk) {
        return { file, reason: 'it is not a record mlops-ci wrote' };
    }
    return { step, outcome: outcome, run: run, writtenAt: writtenAt, outputs: outputs, file };
}
/** Throws when `relative` exists and is anything but a real folder. */
async function refuseNonFolder(workspace, relative) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workspace, relative)).catch(() => null);
    if (info && !info.isDirectory())
        throw new Error(`${relative} in the workspace is not a folder (a symlink or a file), so no record is written there`);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 10796:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ redactUrlCredentials)
/* harmony export */ });
/* unused harmony export REDACTED */
/**
 * Credentials users put in URLs (`https://user:token@host`, `?access_token=…`)
 * end up in messages the tool prints: an input quoted back in an error, an
 * HTTP client's error naming the request URL. Hosts pass every line they
 * print through redactUrlCredentials, so no caller has to remember.
 */
/** `scheme://userinfo@`: everything between `://` and the last `@` before the path (a password may hold a raw `@`). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]+@/gi;
/**
 * A query parameter whose name says it holds a credential (`token`,
 * `access_token`, `api_key`, `X-Amz-Signature`, `sig`, `password`, …).
 */
const CREDENTIAL_PARAM = /([?&;][^=&;#\s]*(?:token|key|secret|password|passwd|pwd|sig|signature|credential|auth)[^=&;#\s]*=)[^&;#\s'"]+/gi;
const REDACTED = '***';
/** The text with URL userinfo and credential-like query values replaced by `***`. */
function redactUrlCredentials(text) {
    return text.replace(URL_USERINFO, `$1${REDACTED}@`).replace(CREDENTIAL_PARAM, `$1${REDACTED}`);
}


/***/ }),

/***/ 49241:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ aliasProblem),
/* harmony export */   W: () => (/* binding */ modelNameProblem),
/* harmony export */   pR: () => (/* binding */ isModelFilePath),
/* harmony export */   sx: () => (/* binding */ DEFAULT_REGISTRY)
/* harmony export */ });
/* unused harmony export MODEL_NAME_MAX_LENGTH */
/**
 * What a model and an alias may be called. Both become parts of object keys,
 * file paths, git tag names and URLs, so they are checked strictly before
 * anything is written.
 */
/**
 * The registry when none is named: a folder beside the step records, so a
 * first run needs no service. promote-model's `registry` default, and where a
 * gate's `registry:<model>@<alias>` baseline looks when it names no registry.
 */
const DEFAULT_REGISTRY = '.mlops-ci/registry';
/**
 * One path segment in the alphabet every backend accepts. GTO is the
 * strictest: its artifact names are `[a-z0-9]([a-z0-9-/]*[a-z0-9])?` (no
 * capitals, `_` or `.`); MLflow and S3 accept more. `/` is refused although
 * GTO allows it: a model name is one folder of the object-store layout, so
 * `iris/versions/1` would write into model iris's own versions. Lowercase only
 * also keeps `Iris` and `iris` from being one folder on a case-insensitive disk.
 */
const MODEL_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const MODEL_NAME_MAX_LENGTH = 100;
/** A plain word: letters, digits, `-` and `_`, starting with a letter (`staging`, `prod-eu`). */
const ALIAS_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Why `name` is not a valid model name, or null when it is. */
function modelNameProblem(name) {
    if (name === '')
        return 'is empty';
    if (name.length > MODEL_NAME_MAX_LENGTH)
        return `is longer than ${MODEL_NAME_MAX_LENGTH} characters`;
    if (name.includes('/'))
        return 'must be one name part, without / (a model is one folder of the registry)';
    if (!/^[a-z0-9-]+$/.test(name))
        return 'may hold only lowercase letters, digits and - (the names GTO, MLflow and S3 all accept)';
    if (!MODEL_NAME.test(name))
        return 'must start and end with a letter or digit';
    return null;
}
/** Why `alias` is not a plain word, or null when it is. */
function aliasProblem(alias) {
    return ALIAS_NAME.test(alias) ? null : 'must be a plain word: a letter, then letters, digits, - or _ (e.g. staging, production)';
}
/**
 * Whether `file` may name a file inside a registered version (readFile): a
 * relative `/`-separated path with no empty, `.` or `..` part, and not the
 * lineage file itself.
 */
function isModelFilePath(file) {
    return file !== 'version.json' && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}


/***/ }),

/***/ 13931:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ revParse),
/* harmony export */   RS: () => (/* binding */ remoteNames),
/* harmony export */   Wd: () => (/* binding */ fileAt),
/* harmony export */   fE: () => (/* binding */ isShallow),
/* harmony export */   fY: () => (/* binding */ parentsOf),
/* harmony export */   fn: () => (/* binding */ parseRepositoryUrl),
/* harmony export */   gX: () => (/* binding */ remoteUrl),
/* harmony export */   sl: () => (/* binding */ fetchRef)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(96192);

/** The commit `rev` names (`git rev-parse <rev>^{commit}`), or null outside a repository / for an unknown rev. */
async function revParse(at, rev, options = {}) {
    const run = (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { ...at, ignoreReturnCode: true });
    const result = options.throwIfGitCannotRun ? await run : await run.catch(() => null);
    return result && result.exitCode === 0 ? result.stdout.trim() : null;
}
/** The parents of a commit (two for a merge). */
async function parentsOf(at, rev) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['rev-list', '--parents', '-n', '1', rev], { ...at, ignoreReturnCode: true }).catch(() => null);
    if (!result || result.exitCode !== 0)
        return [];
    return result.stdout.trim().split(/\s+/).slice(1);
}
async function remoteUrl(at, remote = 'origin') {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['remote', 'get-url', remote], { ...at, ignoreReturnCode: true }).catch(() => null);
    return result && result.exitCode === 0 ? result.stdout.trim() : null;
}
/** The names of the repository's remotes (`origin`, …); [] outside a repository. */
async function remoteNames(at) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['remote'], { ...at, ignoreReturnCode: true }).catch(() => null);
    return result && result.exitCode === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}
/** Whether the clone is shallow, as actions/checkout leaves it by default (depth 1). */
async function isShallow(at) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['rev-parse', '--is-shallow-repository'], { ...at, ignoreReturnCode: true });
    return result.exitCode === 0 && result.stdout.trim() === 'true';
}
/**
 * `git fetch [--depth=1] <remote> <ref>` (argv, never a shell), then the commit
 * FETCH_HEAD names. `shallow` keeps a shallow clone shallow; a full clone is
 * fetched in full, because `--depth` would make it shallow.
 */
async function fetchRef(at, remote, ref, shallow) {
    const depth = shallow ? ['--depth=1'] : [];
    // No terminal prompt for credentials: a CI step must fail, not wait for a password nobody types.
    const env = { ...at.env, GIT_TERMINAL_PROMPT: '0' };
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['fetch', '--quiet', '--no-tags', ...depth, remote, ref], { cwd: at.cwd, env, ignoreReturnCode: true });
    const detail = withoutCredentials(result.stderr.trim().split('\n').slice(-3).join(' '));
    if (result.exitCode !== 0) {
        // The remote answered and has no such ref (a branch, a tag, or a commit it does not advertise).
        const unknown = /couldn't find remote ref|not our ref|invalid refspec|no such remote ref|unadvertised object/i.test(result.stderr);
        return { kind: unknown ? 'no-such-ref' : 'failed', detail };
    }
    const commit = await revParse(at, 'FETCH_HEAD');
    return commit ? { kind: 'fetched', commit } : { kind: 'no-such-ref', detail: `${ref} at ${remote} is not a commit` };
}
/** A remote URL in git's message may carry a token (`https://x-access-token:…@host`): never print it. */
function withoutCredentials(text) {
    return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s]+@/gi, '$1***@');
}
/** The file at `path` in `commit` (a commit that exists: see revParse). */
async function fileAt(at, commit, path) {
    const object = `${commit}:${path}`;
    const type = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['cat-file', '-t', object], { ...at, ignoreReturnCode: true });
    if (type.exitCode !== 0)
        return { kind: 'absent' };
    if (type.stdout.trim() !== 'blob')
        return { kind: 'not-a-file', type: type.stdout.trim() };
    return { kind: 'file', text: (await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['cat-file', 'blob', object], at)).stdout };
}
/**
 * owner/repo from a GitHub-style URL: https://host/owner/repo(.git), git@host:owner/repo.git,
 * or a PR URL https://host/owner/repo/pull/12 (Jenkins' CHANGE_URL).
 */
function parseRepositoryUrl(url) {
    const match = /^(?:[a-z+]+:\/\/[^/]+\/|[^@\s]+@[^:\s]+:)([^/\s]+)\/([^/\s]+?)(?:\.git)?(?:\/.*)?$/i.exec(url.trim());
    if (!match)
        return null;
    return { owner: match[1], repo: match[2] };
}


/***/ }),

/***/ 92182:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Si: () => (/* binding */ renderStepHelp),
/* harmony export */   eY: () => (/* binding */ renderUsage)
/* harmony export */ });
/* unused harmony export inputDescription */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(94944);

/** `mlops-ci --help`: the steps, one line each. */
function renderUsage(specs, version) {
    const width = Math.max(...specs.map((spec) => spec.name.length));
    return [
        `mlops-ci ${version} — CI/CD steps for ML projects`,
        '',
        'Usage: mlops-ci <step> [--<input> <value>]...',
        '       mlops-ci <step> --help',
        '       mlops-ci --version',
        '',
        'Steps:',
        ...specs.map((spec) => `  ${spec.name.padEnd(width)}  ${spec.description}`),
        '',
        'Inputs may also come as one JSON object in MLOPS_CI_INPUTS. Logs go to stderr;',
        'the outputs are printed as JSON on stdout. Exit codes: 0 done, 1 failed,',
        '2 bad input, 3 the gate did not pass.',
    ].join('\n');
}
/** `mlops-ci <step> --help`: the step's inputs and outputs. */
function renderStepHelp(spec) {
    const lines = [`mlops-ci ${spec.name} — ${spec.description}`, '', 'Inputs:'];
    for (const input of spec.inputs) {
        lines.push(`  --${input.name} ${placeholder(input)}${input.required ? '  (required)' : ''}`);
        lines.push(...wrap(inputDescription(spec, input), 6));
        if (input.default !== undefined)
            lines.push(`      Default: ${input.default}`);
    }
    lines.push('', 'Outputs (JSON on stdout):');
    for (const output of spec.outputs) {
        lines.push(`  ${output.name}`);
        lines.push(...wrap(output.description, 6));
    }
    lines.push('', `Jenkins: ${spec.jenkinsVar}(...)   GitHub: uses: <owner>/mlops-ci/actions/${spec.name}@v0`);
    return lines.join('\n');
}
/**
 * An input's description as every generated doc prints it (action.yml, the
 * Jenkins help, the README tables, `--help`): the spec's words, then what the
 * reader checks — choices, range, relations — so no description repeats them.
 */
function inputDescription(spec, input) {
    return [input.description, ...inputFacts(spec, input)].join(' ');
}
function inputFacts(spec, input) {
    const facts = [];
    if (input.choices)
        facts.push(`One of: ${input.choices.join(', ')}.`);
    const range = rangeOf(input);
    if (range)
        facts.push(range);
    const notWith = [];
    for (const relation of spec.relations ?? []) {
        if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .relationNames */ .FJ)(relation).includes(input.name))
            continue;
        if ('exclusive' in relation) {
            const others = relation.exclusive.filter((name) => name !== input.name).map(code);
            if (relation.required)
                facts.push(`Give this or ${orList(others)} (one of them is required), not both.`);
            else
                notWith.push(...others);
        }
        else if (relation.input === input.name) {
            facts.push(`Needs ${andList(relation.requires.map(code))} as well.`);
        }
    }
    // One sentence for every input this one excludes, however many relations say so.
    if (notWith.length > 0)
        facts.push(`Not together with ${orList(notWith)}.`);
    return facts;
}
function rangeOf(input) {
    if (input.type !== 'number' || (input.min === undefined && input.max === undefined && !input.integer))
        return null;
    const kind = input.integer ? 'A whole number' : 'A number';
    if (input.min !== undefined && input.max !== undefined)
        return `${kind} from ${input.min} to ${input.max}.`;
    if (input.min !== undefined)
        return `${kind}, at least ${input.min}.`;
    if (input.max !== undefined)
        return `${kind}, at most ${input.max}.`;
    return `${kind}.`;
}
const code = (name) => `\`${name}\``;
const orList = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const andList = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
function placeholder(input) {
    switch (input.type) {
        case 'boolean':
            return '<true|false>';
        case 'number':
            return '<number>';
        case 'choice':
            return `<${(input.choices ?? []).join('|')}>`;
        case 'list':
            return '<value> (repeat for more)';
        case 'map':
            return '<KEY=VALUE> (repeat for more)';
        case 'argv':
            return '<command | JSON array of arguments>';
        default:
            return '<value>';
    }
}
function wrap(text, indent, width = 88) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && indent + line.length + 1 + word.length > width) {
            lines.push(' '.repeat(indent) + line);
            line = word;
        }
        else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line)
        lines.push(' '.repeat(indent) + line);
    return lines;
}


/***/ }),

/***/ 94944:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FJ: () => (/* binding */ relationNames),
/* harmony export */   U4: () => (/* binding */ credentialFileEnvName),
/* harmony export */   d_: () => (/* binding */ inputEnvName),
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   ln: () => (/* binding */ secretEnvName),
/* harmony export */   nK: () => (/* binding */ parseInputsJson)
/* harmony export */ });
/* unused harmony export MAX_STRING_LENGTH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(37638);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8687);


const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);
/**
 * The longest value a `string` input or a list item may hold: no path
 * (PATH_MAX), name, URL or version is longer, and a longer one would reach
 * the file system only to fail there as ENAMETOOLONG, a fault instead of bad input.
 */
const MAX_STRING_LENGTH = 4096;
/**
 * Reads a step's inputs through its spec, the one place where input text
 * becomes values: strings are trimmed and a blank one is absent, the spec's
 * default is applied (so an input with a default is never undefined), types,
 * ranges, choices, required inputs and the spec's relations are checked, and
 * every problem is an InputError (exit 2) naming the input, what was given and
 * what is accepted. Unknown input names and the relations are checked when the
 * reader is made, before a step reads anything.
 */
class InputReader {
    spec;
    raw;
    byName;
    constructor(spec, raw) {
        this.spec = spec;
        this.raw = raw;
        this.byName = new Map(spec.inputs.map((input) => [input.name, input]));
        this.rejectUnknownNames();
        this.requireRequired();
        for (const relation of spec.relations ?? [])
            this.checkRelation(relation);
    }
    /** The input's value, typed from the spec. */
    get(name) {
        const input = this.specOf(name);
        const present = isPresent(this.raw.get(name));
        if (!present && input.default === undefined)
            return absentValue(input);
        const value = present ? this.raw.get(name) : input.default;
        return this.parse(input, value);
    }
    /**
     * The one input of an exclusive group that was given, with its value: for a
     * step whose spec says "give exactly one of these" (`exclusive`, `required`),
     * so the step handles each case without an impossible "neither" branch.
     * None given is the same error the relation gives.
     */
    oneOf(...names) {
        const name = names.find((candidate) => this.given(candidate));
        if (name === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(names[0], `is required: give ${oneOf(names)}`);
        return { name, value: this.get(name) };
    }
    /**
     * Whether the user gave the input: a non-blank value other than the
     * input's default. GitHub passes every input's default as if given, so a
     * value equal to the default is what "left alone" looks like there; for
     * the same reason a switch (a boolean input) counts only when on. This is
     * what relations and `oneOf` go by.
     */
    given(name) {
        const value = this.raw.get(name);
        if (!isPresent(value))
            return false;
        const input = this.specOf(name);
        if (input.type === 'boolean')
            return !FALSE_WORDS.has(String(value).trim().toLowerCase());
        return input.default === undefined || typeof value !== 'string' || value.trim() !== input.default;
    }
    parse(input, value) {
        switch (input.type) {
            case 'string':
                return this.checkLength(input.name, this.text(input.name, value).trim(), 'the value of');
            case 'text':
                return this.text(input.name, value);
            case 'boolean':
                return this.booleanOf(input.name, this.text(input.name, value));
            case 'number':
                return this.numberOf(input, this.text(input.name, value).trim());
            case 'choice':
                return this.choiceOf(input, this.text(input.name, value).trim());
            case 'list':
                return this.listOf(input.name, value);
            case 'map':
                return this.mapOf(input.name, value);
            case 'argv':
                return this.commandOf(input.name, value);
        }
    }
    booleanOf(name, text) {
        const word = text.trim().toLowerCase();
        if (TRUE_WORDS.has(word))
            return true;
        if (FALSE_WORDS.has(word))
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(text)}, expected true or false`);
    }
    numberOf(input, text) {
        const parsed = Number(text);
        const kind = input.integer ? 'a whole number' : 'a number';
        if (!Number.isFinite(parsed) || (input.integer && !Number.isInteger(parsed)))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input.name, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(text)}, expected ${kind}`);
        if ((input.min !== undefined && parsed < input.min) || (input.max !== undefined && parsed > input.max)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input.name, `got ${parsed}, expected ${kind} from ${input.min ?? '-∞'} to ${input.max ?? '∞'}`);
        }
        return parsed;
    }
    choiceOf(input, text) {
        const choices = input.choices ?? [];
        if (!choices.includes(text))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input.name, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(text)}, expected one of: ${choices.join(', ')}`);
        return text;
    }
    /** Newline-separated text, or an array (Jenkins). Blank and `#` lines are dropped. */
    listOf(name, value) {
        const items = Array.isArray(value)
            ? value.map((item) => this.scalarText(name, item).trim()).filter((item) => item !== '')
            : this.scalarText(name, value)
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line !== '' && !line.startsWith('#'));
        for (const item of items)
            this.checkLength(name, item, 'an item of');
        return items;
    }
    /**
     * `KEY=VALUE` lines, or an object (Jenkins). An error names the line and the
     * text before `=`, never the value: it may be a secret.
     */
    mapOf(name, value) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            return new Map(Object.entries(value).map(([key, item]) => [key, this.scalarText(name, item)]));
        }
        const pairs = new Map();
        const lines = Array.isArray(value) ? value.map((item) => this.scalarText(name, item)) : this.scalarText(name, value).split(/\r?\n/);
        lines.forEach((line, index) => {
            const trimmed = line.trim();
            if (trimmed === '' || trimmed.startsWith('#'))
                return;
            const eq = trimmed.indexOf('=');
            const key = trimmed.slice(0, Math.max(eq, 0));
            if (eq <= 0 || key.trim() !== key)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLine */ .ES)(trimmed, index)} is not KEY=VALUE`);
            pairs.set(key, trimmed.slice(eq + 1));
        });
        return pairs;
    }
    /** An array (Jenkins list, or JSON array text) is argv; any other text is a shell script. */
    commandOf(name, value) {
        if (Array.isArray(value))
            return this.argvOf(name, value);
        const text = this.text(name, value).trim();
        if (text.startsWith('[')) {
            const parsed = parseJsonArray(text);
            if (parsed)
                return this.argvOf(name, parsed);
        }
        return { kind: 'shell', script: text };
    }
    argvOf(name, items) {
        const valid = items.length > 0 && items.every((item) => typeof item === 'string') && items[0].trim() !== '';
        if (!valid)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(JSON.stringify(items))}, expected a non-empty list of strings such as ["python", "train.py"]`);
        return { kind: 'argv', argv: items };
    }
    /** The value as text: a Jenkins list of scalars joins into lines. */
    text(name, value) {
        return Array.isArray(value) ? value.map((item) => this.scalarText(name, item)).join('\n') : this.scalarText(name, value);
    }
    scalarText(name, value) {
        if (typeof value === 'string')
            return value;
        if (typeof value === 'number' || typeof value === 'boolean')
            return String(value);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(JSON.stringify(value) ?? String(value))}, expected text, a number or true/false`);
    }
    checkLength(name, text, what) {
        if (text.length > MAX_STRING_LENGTH) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `got ${text.length} characters; ${what} this input holds at most ${MAX_STRING_LENGTH} (no path, name or URL is longer)`);
        }
        return text;
    }
    specOf(name) {
        const spec = this.byName.get(name);
        // Only an untyped caller can get here; the spec and its step disagree, a programming error.
        if (!spec)
            throw new Error(`step ${this.spec.name} reads undeclared input '${name}'`);
        return spec;
    }
    rejectUnknownNames() {
        const unknown = this.raw.givenNames().filter((name) => !this.byName.has(name));
        if (unknown.length === 0)
            return;
        const first = unknown[0];
        const known = [...this.byName.keys()];
        const meant = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .closestName */ .N)(first, known);
        const hint = meant ? `did you mean ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(meant)}?` : `its inputs are: ${known.join(', ')}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(first, `is not an input of ${this.spec.name}; ${hint}`);
    }
    requireRequired() {
        for (const input of this.spec.inputs) {
            if (input.required && input.default === undefined && !isPresent(this.raw.get(input.name))) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input.name, `is required: ${input.description}`);
            }
        }
    }
    checkRelation(relation) {
        for (const name of relationNames(relation))
            this.specOf(name);
        if ('exclusive' in relation) {
            const given = relation.exclusive.filter((name) => this.given(name));
            const [first, second] = given;
            if (first !== undefined && second !== undefined) {
                const choice = relation.exclusive.length === 2 ? `${oneOf(relation.exclusive)}, not both` : `only one of ${oneOf(relation.exclusive)}`;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(second, `was given together with '${first}': give ${choice}`);
            }
            if (relation.required && first === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(relation.exclusive[0], `is required: give ${oneOf(relation.exclusive)}`);
            return;
        }
        if (!this.given(relation.input))
            return;
        const missing = relation.requires.find((name) => !this.given(name));
        if (missing !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(relation.input, `needs '${missing}' as well`);
    }
}
/** A value the user wrote: not absent, not blank, not an empty list or map. */
function isPresent(value) {
    if (value === undefined || value === null)
        return false;
    if (typeof value === 'string')
        return value.trim() !== '';
    if (Array.isArray(value))
        return value.length > 0;
    if (typeof value === 'object')
        return Object.keys(value).length > 0;
    return true;
}
/** The value of an input that was not given and has no default. */
function absentValue(input) {
    switch (input.type) {
        case 'boolean':
            return false;
        case 'list':
            return [];
        case 'map':
            return new Map();
        default:
            return undefined;
    }
}
function parseJsonArray(text) {
    try {
        const parsed = JSON.parse(text);
        return Array.isArray(parsed) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function relationNames(relation) {
    return 'exclusive' in relation ? relation.exclusive : [relation.input, ...relation.requires];
}
/** `'a' or 'b'`, `'a', 'b' or 'c'`. */
function oneOf(names) {
    const quoted = names.map((name) => `'${name}'`);
    return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
/** `MLOPS_CI_INPUTS` as sent by the Jenkins shim (and accepted by the CLI): one JSON object. */
function parseInputsJson(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('MLOPS_CI_INPUTS', `is not valid JSON (${err.message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('MLOPS_CI_INPUTS', 'must be a JSON object of input names to values');
    }
    return parsed;
}
/** Environment variable an input is read from on GitLab (a component's job `variables:`): `python-version` → MLOPS_CI_INPUT_PYTHON_VERSION. */
function inputEnvName(input) {
    return `MLOPS_CI_INPUT_${envSuffix(input)}`;
}
/** Environment variable a secret input is read from on Jenkins: `github-token` → MLOPS_CI_SECRET_GITHUB_TOKEN. */
function secretEnvName(input) {
    return `MLOPS_CI_SECRET_${envSuffix(input)}`;
}
/** Environment variable a `credentialFile` input's path is read from on Jenkins: `kubeconfig` → MLOPS_CI_FILE_KUBECONFIG. */
function credentialFileEnvName(input) {
    return `MLOPS_CI_FILE_${envSuffix(input)}`;
}
function envSuffix(input) {
    return input.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}


/***/ }),

/***/ 8687:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ closestName)
/* harmony export */ });
/* harmony import */ var fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(21916);

/**
 * The known name a mistyped one most likely meant, or undefined when none is
 * close. Close means at most 2 edits and at most a third of the typed name:
 * the cap of 2 keeps a long unknown name from matching by chance, the third
 * keeps a short one from "meaning" an unrelated short input ('nope' is two
 * edits from 'mode'). Ties go to the name listed first (spec order).
 */
function closestName(typed, known) {
    const limit = Math.min(2, typed.length / 3);
    let best;
    for (const name of known) {
        const edits = (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .distance */ .Io)(typed, name);
        if (edits <= limit && (best === undefined || edits < best.edits))
            best = { name, edits };
    }
    return best?.name;
}


/***/ }),

/***/ 69778:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  U: () => (/* binding */ STEPS),
  M: () => (/* binding */ findStep)
});

// EXTERNAL MODULE: ./packages/core/src/cache-cap.ts
var cache_cap = __nccwpck_require__(2674);
;// CONCATENATED MODULE: ./packages/core/src/steps/data-pull/spec.ts

const dataPullSpec = {
    name: 'data-pull',
    jenkinsVar: 'mlopsDataPull',
    description: 'Pull an exact dataset version from S3, an S3-compatible store, a folder, a DVC remote, a Delta table or Git LFS: parallel, verified, incremental.',
    branding: { icon: 'download-cloud', color: 'blue' },
    envCredentials: ['aws'],
    inputs: [
        {
            name: 'source',
            type: 'string',
            description: 'What to sync as-is: `s3://bucket/prefix/` (AWS or any S3-compatible store through `endpoint`), `gs://bucket/prefix/` (Google Cloud Storage), `azure://container/prefix/` (Azure Blob Storage), `file:///abs/dir` or a folder path. A folder that does not exist, or a bucket prefix with no objects, is a bad input; an existing empty folder is an empty dataset.',
            example: 's3://datasets/iris/v3/',
        },
        {
            name: 'version',
            type: 'string',
            description: 'With `source`: pin exact object versions, given the `manifest` file of an earlier data-pull of this source (each key with its version: S3 version id, GCS generation or Azure blob version, and md5); every file is checked against the recorded md5. With `delta`: the table version to pull, a number. Not with `dvc` or `lfs`.',
            example: 'data/iris.manifest.json',
        },
        {
            name: 'as-of',
            type: 'string',
            description: 'An ISO 8601 time. With `source`: pull each object as it was then (the newest version not after it), from S3 versioning, GCS object generations or Azure blob versions; objects deleted by then are absent. With `delta`: the table version current then (the newest commit not after it). Not with `dvc` or `lfs`.',
            example: '2026-05-01T00:00:00Z',
        },
        {
            name: 'delta',
            type: 'string',
            description: 'A Delta Lake table to pull at one version (`version`, `as-of`, else the latest): `s3://bucket/table/` (AWS or any S3-compatible store through `endpoint`), `gs://bucket/table/` (Google Cloud Storage), `azure://container/table/` (Azure Blob Storage), `file:///abs/table` or a folder path. Its log is replayed to that version’s exact data files, which are pulled verified into `path`; tables with deletion vectors are refused.',
            example: 's3://lake/iris/',
        },
        {
            name: 'delta-layout',
            type: 'choice',
            choices: ['table', 'files'],
            default: 'table',
            description: 'With `delta`: `table` makes `path` a Delta table itself (the files plus a `_delta_log` of one commit, read as version 0 with the same rows); `files` pulls the Parquet files only.',
        },
        {
            name: 'dvc',
            type: 'list',
            description: 'DVC files to pull, one per line: `.dvc` files, or `dvc.lock` files (every out) or `dvc.lock:stage1,stage2` (the outs of those stages). Read straight from the DVC remote; DVC need not be installed.',
            example: 'data/iris.dvc',
        },
        {
            name: 'remote',
            type: 'string',
            description: 'For `dvc`: the remote, by name in `.dvc/config` (`.dvc/config.local` wins) or as a URL (`s3://bucket/prefix`, `gs://bucket/prefix`, `azure://container/prefix`, a folder). Default: the out’s own remote, else `core.remote`.',
        },
        {
            name: 'lfs',
            type: 'list',
            description: 'Git LFS files to pull in place, by glob relative to the repository root, one per line or comma-separated, as `git lfs pull --include` reads them (`models/**`, `*.onnx`): each selected pointer file is replaced by its object, fetched from the LFS server (`lfs.url` in git config or `.lfsconfig`, else the remote’s URL + `/info/lfs`) and checked by its sha256. Credentials: in that URL, `GITHUB_TOKEN` for github.com, else git’s credential helpers. Git LFS need not be installed. Globs that select no LFS file are a bad input.',
            example: 'models/**',
        },
        {
            name: 'lfs-remote',
            type: 'string',
            default: 'origin',
            description: 'For `lfs`: the git remote whose LFS server to use, when `lfs.url` is not set.',
        },
        {
            name: 'path',
            type: 'string',
            description: 'Where the data lands. With `dvc`, default: each out at its own path; when set, one out lands at `path` and several land under it at their paths in the repository.',
            example: 'data/iris',
        },
        {
            name: 'include',
            type: 'list',
            description: 'Only files whose path (relative to `path`, to the DVC repository, or with `lfs` to the repository root) matches one of these globs (`**/*.csv`). Default: every file.',
        },
        {
            name: 'exclude',
            type: 'list',
            description: 'Skip files whose relative path matches one of these globs. Excluded files are never deleted.',
        },
        {
            name: 'endpoint',
            type: 'string',
            envFallback: 'AWS_ENDPOINT_URL',
            description: 'S3-compatible endpoint URL (MinIO, Ceph, versitygw...). Default: `AWS_ENDPOINT_URL`, or the DVC remote’s `endpointurl`, else AWS.',
        },
        {
            name: 'path-style',
            type: 'choice',
            choices: ['auto', 'true', 'false'],
            default: 'auto',
            description: 'Address buckets in the URL path (`http://host/bucket/key`), as most S3-compatible stores need. `auto`: path-style when an endpoint is set.',
        },
        {
            name: 'region',
            type: 'string',
            description: 'AWS region. Default: `AWS_REGION`, the DVC remote’s `region`, else us-east-1. Credentials always come from the AWS SDK chain (env, profile, web identity / GitHub OIDC).',
        },
        {
            name: 'concurrency',
            type: 'number',
            min: 1,
            max: 512,
            integer: true,
            description: 'Parallel transfers. Default: 16 per CPU, from 32 to 64.',
        },
        {
            name: 'delete',
            type: 'boolean',
            default: 'false',
            description: 'Remove files under `path` that are not in the dataset (only those `include`/`exclude` select). Files already right are always kept. Only in a folder inside the workspace (never its root, a folder above it or outside it, nor a repository root), and never with an empty dataset.',
        },
        {
            name: 'cache-dir',
            type: 'string',
            description: 'Local content-addressed cache of verified objects and state. A `dvc` or `lfs` pull keeps every object it downloads here; a `source` or `delta` pull only when `cache` carries the folder across runs (else the copy would be a second write of every byte that nothing reads). Default: `$RUNNER_TOOL_CACHE/mlops-ci/data-pull`, else `~/.cache/mlops-ci/data-pull`.',
        },
        {
            name: 'cache-max-size',
            type: 'string',
            default: cache_cap/* DEFAULT_CACHE_MAX_SIZE */.ss,
            description: 'Size cap of `cache-dir`, and of a `cache-url` folder: after a pull, the least recently used objects (entries) are evicted down to it — never one this pull used or needs, nor one used in the last 10 minutes. `10GiB`, `500MB`, `750M`, or bytes.',
            example: '20GiB',
        },
        {
            name: 'cache',
            type: 'boolean',
            default: 'true',
            description: 'Save and restore `cache-dir` across CI runs, keyed by the dataset: on GitHub with @actions/cache (or `cache-url`), elsewhere when `cache-url` names a shared folder or a bucket prefix.',
        },
        {
            name: 'cache-url',
            type: 'string',
            description: 'Where the cross-run cache lives outside GitHub: a folder shared by agents (path or `file:///`) or an object-store prefix (`s3://bucket/prefix`, `gs://bucket/prefix`, `azure://container/prefix`). Default: the host cache.',
        },
        {
            name: 'manifest',
            type: 'string',
            description: 'Where to write the manifest (JSON: every file with size, md5, source key and version id). Default: a file in the runner temp folder. Feed it to `version` to pull the same versions again.',
        },
        {
            name: 'progress-interval',
            type: 'number',
            min: 0.1,
            max: 3600,
            default: '10',
            description: 'Seconds between progress lines (files and bytes done, rate, ETA).',
        },
    ],
    relations: [
        { exclusive: ['source', 'dvc', 'delta', 'lfs'], required: true },
        // LFS files are replaced where they are, from the repository's own LFS server.
        { exclusive: ['lfs', 'path'] },
        { exclusive: ['lfs', 'remote'] },
        { exclusive: ['lfs', 'delete'] },
        { input: 'lfs-remote', requires: ['lfs'] },
        { input: 'source', requires: ['path'] },
        { input: 'delta', requires: ['path'] },
        // A DVC file already pins its data by hash: a version or a time applies to a source or a table (plan.ts checks it).
        { exclusive: ['version', 'as-of'] },
    ],
    outputs: [
        { name: 'path', description: 'Where the data landed: `path`, the DVC outs’ paths, one per line, or with `lfs` the repository root.' },
        { name: 'files', type: 'number', description: 'Number of files in the dataset.' },
        { name: 'bytes', type: 'number', description: 'Total size of the dataset in bytes.' },
        { name: 'digest', description: 'sha256 over the sorted `path NUL md5` lines of every file: the same dataset gives the same digest, wherever it came from.' },
        { name: 'manifest', description: 'Path of the manifest JSON.' },
        { name: 'cache-hit', type: 'boolean', description: '`true` when the cross-run cache held exactly this dataset.' },
        { name: 'transferred', type: 'number', description: 'Files downloaded from the store in this run (0 on an unchanged re-pull).' },
        { name: 'delta-version', description: 'With `delta`: the table version pulled (the one `as-of` resolved to, or the latest). Empty otherwise.' },
    ],
    example: {
        dvc: 'data/iris.dvc',
    },
};

// EXTERNAL MODULE: ./packages/core/src/metrics/bootstrap.ts
var bootstrap = __nccwpck_require__(34925);
;// CONCATENATED MODULE: ./packages/core/src/steps/evaluate-and-gate/spec.ts

const evaluateAndGateSpec = {
    name: 'evaluate-and-gate',
    jenkinsVar: 'mlopsGate',
    description: 'Compare candidate models with rules and a baseline, pick the best, and report the verdict to the pull or merge request.',
    branding: { icon: 'check-circle', color: 'green' },
    jenkinsArgs: [
        {
            name: 'onGateFail',
            default: 'unstable',
            description: 'What a gate that did not pass (exit 3) does to the build: `unstable` (the var returns the outputs) or `error`.',
        },
        {
            name: 'description',
            type: 'boolean',
            default: 'true',
            description: 'Add the verdict to `currentBuild.description` (after what is there), e.g. `gate passed — best: rf` or `gate failed: rf: accuracy >= 0.95`. `false`: leave the description alone.',
        },
    ],
    envCredentials: ['aws'],
    jenkinsNote: {
        text: "The HTML report (`report-html`) shows in Jenkins once it is in the workspace: `archiveArtifacts` links it on the build page, the HTML Publisher plugin's `publishHTML` adds a tab. Both take paths relative to the workspace, so give the one you chose, not the `report-html` output (an absolute path). Jenkins serves both under its Content-Security-Policy, which drops the page's stylesheet by default: the report stays readable (borders and chart colours are attributes), only plainer, unless a Resource Root URL is set (Manage Jenkins → Security).",
        groovy: [
            "String reportHtml = 'gate-report.html'",
            "def gate = mlopsGate(metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9', reportHtml: reportHtml)",
            'archiveArtifacts artifacts: reportHtml',
            "publishHTML(target: [reportDir: '.', reportFiles: reportHtml, reportName: 'Gate report',",
            '                     keepAll: true, alwaysLinkToLastBuild: false, allowMissing: false])',
        ].join('\n'),
    },
    inputs: [
        {
            name: 'metrics',
            type: 'list',
            required: true,
            description: 'Candidate metric files (JSON, YAML or TOML; nested keys flatten with dots), one per line, as paths or globs, each optionally named `name=path`. The default name is the parent folder (or the file stem).',
            example: 'rf=out/rf/metrics.json',
        },
        {
            name: 'rules',
            type: 'text',
            description: 'One rule per line: `<metric> <op> <number | baseline.<metric> [+|- number]> [@ <confidence>%]`, ops `>= > <= < == !=`. `#` starts a comment. A rule naming a metric no candidate has is an error.',
            example: 'accuracy >= 0.9',
        },
        {
            name: 'rules-file',
            type: 'string',
            description: 'A file of rules in the same syntax (e.g. `gate.rules` kept in the repository, so a workflow, a Jenkinsfile and a terminal share one set).',
            example: 'gate.rules',
        },
        {
            name: 'baseline',
            type: 'string',
            description: 'Metrics of the current model: a file path, `git:<ref>:<path>` (a ref the clone lacks, as after a depth-1 checkout, is fetched from its remote), or `registry:<model>@<alias>[:<registry-url>]` (the metrics stored with that version by promote-model). Only a file absent at an existing ref (or path) and a model with no version yet count as no baseline: then rules using `baseline.*` are skipped, the headline says so, and `on-missing-baseline` decides. An unknown ref, an alias the model does not have, or a version without metrics is an error.',
            example: 'git:origin/main:metrics.json',
        },
        {
            name: 'on-missing-baseline',
            type: 'choice',
            choices: ['pass', 'fail'],
            default: 'pass',
            description: 'What a skipped baseline rule means for the verdict when there is no baseline: `pass` or `fail`.',
        },
        {
            name: 'samples',
            type: 'list',
            description: 'Per-example scores for the statistical rules (`@ 95%`): one `name=file` per line for each candidate and for `baseline`; a file is a JSON array or a CSV column (`file.csv#column`). Same evaluation rows, same order. With a `registry:` baseline, `baseline=registry:<file>` reads that file of the baseline version (as promote-model stored it); none yet: skipped. At most 100,000 scores per series (a 64 MiB file).',
            example: 'baseline=out/prod/correct.json',
        },
        {
            name: 'bootstrap-resamples',
            type: 'number',
            default: String(bootstrap/* DEFAULT_RESAMPLES */.jF),
            min: 100,
            max: 1_000_000,
            integer: true,
            description: 'Resamples of the paired bootstrap behind `@ <confidence>%` rules. Rows × resamples may be at most 10^9 per candidate.',
        },
        {
            name: 'bootstrap-seed',
            type: 'number',
            default: String(bootstrap/* DEFAULT_SEED */.KP),
            integer: true,
            description: 'Seed of the bootstrap, so a rerun gives the same interval.',
        },
        {
            name: 'select',
            type: 'string',
            description: '`max:<metric>` or `min:<metric>`: the best candidate among those that pass every rule; ties are broken by name.',
            example: 'max:accuracy',
        },
        {
            name: 'on-fail',
            type: 'choice',
            choices: ['fail', 'warn'],
            default: 'fail',
            description: '`fail`: exit 3 when the gate does not pass (Jenkins: unstable or error, as the var is told). `warn`: exit 0, the verdict is in the outputs.',
        },
        {
            name: 'github-token',
            type: 'string',
            secret: true,
            githubOnly: true,
            githubDefault: '${{ github.token }}',
            envFallback: 'GITHUB_TOKEN',
            description: 'Token for the commit status, check run and PR comment. Without one the gate still runs and says it did not report.',
        },
        {
            name: 'github-api-url',
            type: 'string',
            githubOnly: true,
            envFallback: 'GITHUB_API_URL',
            description: 'REST API base URL (GitHub Enterprise Server: `https://HOST/api/v3`). Defaults to `GITHUB_API_URL`, else https://api.github.com.',
        },
        {
            name: 'status-context',
            type: 'string',
            default: 'mlops-ci/gate',
            description: 'Name of the commit status (and check run); also keys the sticky comment, so two gates on one pull or merge request keep two comments.',
        },
        {
            name: 'check-run',
            type: 'boolean',
            githubOnly: true,
            default: 'false',
            description: 'Also create a check run with the report (needs a GitHub App token or GITHUB_TOKEN; a personal token gets a warning).',
        },
        {
            name: 'comment',
            type: 'choice',
            choices: ['sticky', 'new', 'off'],
            default: 'sticky',
            description: 'Comment with the report on the pull request (GitLab: a note on the merge request): `sticky` updates one comment in place, `new` adds one per run, `off` posts none.',
        },
        {
            name: 'report',
            type: 'string',
            gitlabDefault: 'gate-report.md',
            description: 'Where to write the markdown report. Defaults to a file in the runner temp folder (see the `report` output).',
        },
        {
            name: 'report-html',
            type: 'string',
            gitlabDefault: 'gate-report.html',
            description: 'Where to write the report as a standalone HTML page (tables, and the chart as an inline SVG; no scripts). On Jenkins give a path in the workspace for `publishHTML` or `archiveArtifacts`. Defaults to a file beside the report.',
            example: 'gate-report.html',
        },
        {
            name: 'junit',
            type: 'string',
            gitlabDefault: 'gate-junit.xml',
            description: 'Where to write JUnit XML (one testcase per rule per candidate), for Jenkins `junit` or test reporters. Not written when empty.',
            example: 'gate-junit.xml',
        },
        {
            name: 'results-file',
            type: 'string',
            gitlabDefault: 'gate-results.json',
            description: 'Where to write the results JSON (promote-model reads it as `gate-results`). Defaults to a file beside the report.',
        },
    ],
    relations: [{ exclusive: ['rules', 'rules-file'], required: true }],
    outputs: [
        { name: 'passed', type: 'boolean', description: '`true` when every rule passed for at least one candidate and a best one was chosen, else `false`.' },
        { name: 'best', description: 'Name of the best passing candidate; empty when none passed.' },
        { name: 'best-metrics', description: 'Path of the best candidate’s metrics file; empty when none passed.' },
        { name: 'report', description: 'Path of the markdown report.' },
        { name: 'report-html', description: 'Path of the HTML report.' },
        { name: 'results', type: 'json', description: 'The verdict as JSON: `{"passed", "best", "candidates": {name: {"passed", "rules": [...]}}}`.' },
        { name: 'results-file', description: 'Path of a file holding the same JSON.' },
    ],
    example: {
        metrics: 'rf=out/rf/metrics.json\ngb=out/gb/metrics.json',
        rules: 'accuracy >= 0.9\nf1 >= baseline.f1 - 0.01',
        baseline: 'git:origin/main:metrics.json',
        select: 'max:accuracy',
    },
};

// EXTERNAL MODULE: ./packages/core/src/registry/names.ts
var names = __nccwpck_require__(49241);
;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/spec.ts

const promoteModelSpec = {
    name: 'promote-model',
    jenkinsVar: 'mlopsPromote',
    description: 'Register a model that passed its gate as a new version with its lineage, and move an alias to it, race-free.',
    branding: { icon: 'tag', color: 'purple' },
    jenkinsArgs: [
        {
            name: 'description',
            type: 'boolean',
            default: 'true',
            description: 'Add what was promoted to `currentBuild.description` (after what is there), e.g. `promoted iris v3 → @production`. `false`: leave the description alone.',
        },
    ],
    envCredentials: ['aws'],
    inputs: [
        {
            name: 'model',
            type: 'string',
            description: 'Name of the model: one name part of lowercase letters, digits and `-`, starting and ending with a letter or digit, at most 100 characters (the names GTO, MLflow and S3 all accept). Required unless `describe` is given.',
            example: 'iris',
        },
        {
            name: 'path',
            type: 'string',
            description: 'The model to register: a file or a folder (every file in it). Not needed with `rollback`, `remove-alias`, `to-version` or `describe`.',
            example: 'out/rf/model.pkl',
        },
        {
            name: 'alias',
            type: 'string',
            description: 'Alias to move to the new version (`staging`, `production`: a plain word). Empty: register only.',
            example: 'staging',
        },
        {
            name: 'registry',
            type: 'string',
            default: names/* DEFAULT_REGISTRY */.sx,
            description: 'Where versions live: a folder (relative to the working folder, as every path) or `file:///abs/dir`, `s3://bucket/prefix`, `gs://bucket/prefix`, `azure://container/prefix`, `mlflow+http://host:port` (MLflow model registry), or `git-tags` (GTO-compatible tags in the repository of the working folder; `git-tags:<folder>` for another).',
            example: 's3://models/registry',
        },
        {
            name: 's3-endpoint',
            type: 'string',
            envFallback: 'AWS_ENDPOINT_URL',
            description: 'Endpoint of an S3-compatible store (versitygw, MinIO, Ceph); path-style addressing is used with it. Empty: AWS. Credentials come from the AWS SDK chain.',
        },
        {
            name: 'metrics',
            type: 'string',
            description: 'Metrics file recorded with the version (JSON, YAML or TOML; nested keys flatten with dots). evaluate-and-gate reads them back with `baseline: registry:<model>@<alias>`. Empty: the promoted candidate\u2019s metrics from `gate-results`.',
            example: 'out/rf/metrics.json',
        },
        {
            name: 'gate-results',
            type: 'text',
            description: "evaluate-and-gate's `results` output (JSON) or the path of its `results-file`. Recorded with the version; see `require-gate`.",
            example: '${{ steps.gate.outputs.results-file }}',
        },
        {
            name: 'require-gate',
            type: 'boolean',
            default: 'true',
            description: 'Refuse to register (exit 2) unless `gate-results` passed and names a passing candidate whose metrics are the promoted ones: those of `metrics`, else of the candidate whose metrics file is in or beside `path`, checked against the digest the gate recorded.',
        },
        {
            name: 'lineage',
            type: 'text',
            description: 'Extra lineage fields recorded with the version: a JSON object, or `key=value` lines.',
            example: 'dataset=iris-v3',
        },
        {
            name: 'data-digest',
            type: 'string',
            description: "Digest of the training data (data-pull's `digest` output). Empty: from the record data-pull left in this run (a record of another run is ignored, with a warning).",
        },
        {
            name: 'data-manifest',
            type: 'string',
            description: "Path of the data manifest (data-pull's `manifest` output), recorded whole. Empty: from data-pull's record of this run, when it names one.",
        },
        {
            name: 'env-fingerprint',
            type: 'string',
            description: "Fingerprint of the Python environment (setup-env's `fingerprint` output). Empty: from the record setup-env left in this run.",
        },
        {
            name: 'image-digest',
            type: 'string',
            description: "Digest of the training image (train-in-container's `image-digest` output). Empty: from the training of this run whose `outputs` folder holds `path`; exit 2 when two such trainings hold it.",
        },
        {
            name: 'rollback',
            type: 'boolean',
            default: 'false',
            description: 'Move `alias` back to the version it pointed to before its last move. Registers nothing.',
        },
        {
            name: 'to-version',
            type: 'string',
            description: 'Move `alias` to this existing version (`7`; `v1.2.0` for git-tags). Registers nothing.',
        },
        {
            name: 'remove-alias',
            type: 'boolean',
            default: 'false',
            description: 'Remove `alias` from the model (a later `rollback` restores it). Registers nothing.',
        },
        {
            name: 'bump',
            type: 'choice',
            choices: ['major', 'minor', 'patch'],
            default: 'patch',
            description: 'git-tags: which part of the latest `model@vX.Y.Z` the new version increments.',
        },
        {
            name: 'push',
            type: 'boolean',
            default: 'false',
            description: 'git-tags: push the new tags to `origin`.',
        },
        {
            name: 'describe',
            type: 'string',
            description: 'Print the lineage of `model@alias` (or `model@<version>`) and do nothing else.',
            example: 'iris@production',
        },
        {
            name: 'allow-missing',
            type: 'boolean',
            default: 'false',
            description: 'With `describe`: when the alias or version does not exist, succeed with `found` = `false` and empty outputs instead of failing (a pipeline\u2019s first run has no `production` yet). Any other failure still fails.',
        },
        {
            name: 'gc',
            type: 'boolean',
            default: 'false',
            description: 'Remove uploads that writers killed mid-upload left (versions still `uploading` after `gc-older-than`: their files, temp files, old locks, open multipart uploads) from `model`, or from every model when `model` is empty. A ready version is never touched; a small tombstone keeps the number from reuse. Folder and `s3://` registries.',
        },
        {
            name: 'gc-older-than',
            type: 'string',
            default: '24h',
            description: 'How long an upload may stay unfinished before it counts as abandoned (`45m`, `24h`, `1h30m`). Used by `gc`, and by every registration, which removes the model’s abandoned uploads older than this after it succeeds.',
        },
    ],
    // Checked in this order: the first that does not hold is the error.
    relations: [
        // gc removes abandoned uploads and does nothing else.
        ...['path', 'alias', 'describe', 'rollback', 'remove-alias', 'to-version', 'allow-missing', 'metrics', 'gate-results'].map((other) => ({ exclusive: [other, 'gc'] })),
        { exclusive: ['rollback', 'remove-alias', 'to-version'] },
        { input: 'rollback', requires: ['alias'] },
        { input: 'remove-alias', requires: ['alias'] },
        { input: 'to-version', requires: ['alias'] },
        { input: 'allow-missing', requires: ['describe'] },
    ],
    outputs: [
        { name: 'version', description: 'The version registered, or the one the alias now points to (empty after remove-alias).' },
        { name: 'uri', description: 'Where the model files of that version are.' },
        { name: 'previous-version', description: 'What the alias pointed to before; empty when it was new or no alias moved.' },
        { name: 'lineage', description: 'Path of that version’s `version.json` (a local copy for remote registries).' },
        { name: 'removed', description: 'With `gc`: the abandoned uploads removed, as `model@version` lines; empty when none.' },
        { name: 'found', type: 'boolean', description: 'With `describe`: `true` when the version exists, `false` when it does not (only with `allow-missing`). Empty otherwise.' },
    ],
    example: {
        model: 'iris',
        path: 'out/rf/model.pkl',
        alias: 'staging',
        metrics: 'out/rf/metrics.json',
        'gate-results': '${{ steps.gate.outputs.results-file }}',
    },
};

// EXTERNAL MODULE: ./packages/core/src/env/types.ts
var types = __nccwpck_require__(10168);
;// CONCATENATED MODULE: ./packages/core/src/steps/setup-env/spec.ts

const setupEnvSpec = {
    name: 'setup-env',
    jenkinsVar: 'mlopsSetupEnv',
    description: 'Build the project’s Python environment from its lock file (pip, pipenv, poetry, uv or conda), cached across runs, and record what was installed.',
    branding: { icon: 'package', color: 'blue' },
    envCredentials: ['aws'],
    inputs: [
        {
            name: 'manager',
            type: 'choice',
            choices: ['auto', ...types/* MANAGER_NAMES */.t],
            default: 'auto',
            description: '`auto` picks from the files present: uv.lock → uv, poetry.lock → poetry, Pipfile.lock → pipenv, environment.yml → conda, requirements*.txt or pyproject.toml → venv (python -m venv + pip). `conda` uses whichever of micromamba, mamba, conda is on PATH, micromamba first.',
        },
        {
            name: 'python-version',
            type: 'string',
            description: 'Interpreter for the venv: `3.11`, `3.11.7`, `3.x` or `>=3.10,<3.13`. The highest match among the interpreters on PATH, pyenv’s, uv-managed ones and the runner tool cache; none matching is an error listing what was found. Without it, the version in `python-version-file`, else the first python3 on PATH. Conda takes python from environment.yml.',
            example: '3.11',
        },
        {
            name: 'python-version-file',
            type: 'string',
            default: '.python-version',
            description: 'A file holding the version (its first line that is not a comment, as pyenv and actions/setup-python read it), relative to `working-directory`. The default file is read when present; a file named here must exist.',
            example: '.tool-versions.python',
        },
        {
            name: 'working-directory',
            type: 'string',
            default: '.',
            description: 'The project folder: where the lock files are looked for and relative paths start.',
        },
        {
            name: 'requirements',
            type: 'list',
            description: 'venv: the requirements files to install, one per line (default: requirements.txt, else every requirements*.txt, else the project from pyproject.toml). A constraints.txt beside them is applied.',
            example: 'requirements/ci.txt',
        },
        {
            name: 'lock-file',
            type: 'string',
            description: 'Path of the lock file when it is not in working-directory: Pipfile.lock, poetry.lock, uv.lock or environment.yml (its name also picks the manager under `auto`).',
        },
        {
            name: 'env-name',
            type: 'string',
            default: '.venv',
            description: 'Folder of the env, relative to working-directory (or absolute). It must be missing, empty, or an env this step made (it holds `.mlops-ci-env.json` or `.mlops-ci-unfinished`), which is replaced when it is not the env the lock files ask for; any other folder, a file, the project folder or one above it is refused (exit 2).',
        },
        {
            name: 'extras',
            type: 'list',
            description: 'Optional dependency groups to install too: pip `.[extra]` (pyproject), poetry `--extras`, uv `--extra`, pipenv categories.',
            example: 'train',
        },
        {
            name: 'cache',
            type: 'boolean',
            default: 'true',
            description: 'Restore the built env from the cache (exact key only; a restored env that fails its health check is rebuilt) and the download cache (newest partial match), and save both after a build.',
        },
        {
            name: 'cache-key-suffix',
            type: 'string',
            description: 'Appended to the cache keys (letters, digits, `.`, `_`, `-`), to keep envs apart that the lock files do not (a CUDA flavour, a cache reset).',
        },
        {
            name: 'cache-url',
            type: 'string',
            description: 'Where the cache lives outside GitHub: a folder shared by agents (path or file:///dir, made when missing; a path that is a file is refused), s3://bucket/prefix, gs://bucket/prefix or azure://container/prefix. Defaults to the host’s cache (GitHub: the Actions cache; elsewhere ~/.cache/mlops-ci/cache or MLOPS_CI_CACHE_DIR).',
        },
    ],
    relations: [{ exclusive: ['python-version', 'python-version-file'] }],
    outputs: [
        { name: 'python', description: 'Absolute path of the env’s interpreter: later steps run it (on GitHub the env’s bin folder is also first on PATH).' },
        { name: 'env-path', description: 'Absolute path of the env.' },
        { name: 'manager', description: 'The manager that built it: venv, pipenv, poetry, uv, conda, mamba or micromamba.' },
        { name: 'python-version', description: 'The env’s Python version, e.g. `3.11.7`.' },
        { name: 'cache-hit', type: 'boolean', description: '`true` when the env came from the cache (or was already in place) and passed its health check.' },
        { name: 'cache-key', description: 'The cache key of the env.' },
        { name: 'fingerprint', description: 'sha256 of the sorted `name==version` list of every package installed (venv seed tools excluded): two runs that resolve to the same set share it.' },
        { name: 'lock-export', description: 'Path of a file recording what was installed, for lineage: `pip freeze`, or conda’s explicit list.' },
    ],
    example: {
        'python-version': '3.11',
        'cache-key-suffix': 'cpu',
    },
};

;// CONCATENATED MODULE: ./packages/core/src/container/types.ts
/**
 * The runtimes a training can run on, in the order the `runtime` input lists
 * them: the step's spec takes its choices from here, so a new runtime is added once.
 * `kubernetes` runs the training as a Job on a cluster, not through a ContainerRuntime.
 */
const RUNTIME_KINDS = ['docker', 'podman', 'host', 'kubernetes'];

;// CONCATENATED MODULE: ./packages/core/src/steps/train-in-container/spec.ts

const trainInContainerSpec = {
    name: 'train-in-container',
    jenkinsVar: 'mlopsTrain',
    description: 'Run training in a container with the data mounted, the GPU passed, and the results collected.',
    branding: { icon: 'box', color: 'blue' },
    inputs: [
        {
            name: 'image',
            type: 'string',
            description: 'Image to run (a reference such as `python:3.12-slim` or `registry:5000/team/train@sha256:…`). With a container runtime, this or `dockerfile` is required.',
            example: 'mlops-ci-python:bookworm',
        },
        {
            name: 'dockerfile',
            type: 'string',
            description: 'Dockerfile to build the image from first. The image is tagged by a digest of the build inputs (Dockerfile, context files, build args, target, base image IDs), so an unchanged build is skipped; the engine’s layer cache serves the rest.',
            example: 'docker/train.Dockerfile',
        },
        {
            name: 'push',
            type: 'string',
            description: 'After building `dockerfile`, tag the image `<registry>/<repository>:<build-inputs digest>` and push it there (`docker push`, with the engine’s own login: run `docker login <registry>` first when it needs credentials); `image-digest` is then the registry digest `<registry>/<repository>@sha256:…`, which any machine can pull. Nothing is pushed when the registry already holds this image under that tag. Docker only: refused with podman and `runtime: host`; required with `dockerfile` and `runtime: kubernetes` (the image is built with the runner’s Docker, and the cluster pulls it from the registry).',
            example: 'ghcr.io/acme/train',
        },
        { name: 'context', type: 'string', default: '.', description: 'Build context folder for `dockerfile` (`.dockerignore` is honoured).' },
        { name: 'build-args', type: 'map', description: '`KEY=VALUE` build arguments, one per line (values are passed through the environment, not the command line).' },
        { name: 'target', type: 'string', description: 'Build stage to stop at (`--target`).' },
        {
            name: 'command',
            type: 'argv',
            required: true,
            description: 'The training command: one string run by the image’s shell (`/bin/sh -c`), or a JSON array (`["python", "train.py"]`; from Jenkins a list) run as argv with no shell.',
            example: 'python train.py --model rf',
        },
        {
            name: 'workdir',
            type: 'string',
            description: 'Host folder mounted at the same path and used as the working directory. Defaults to the workspace. Refused with `runtime: kubernetes`, whose pods cannot see it.',
        },
        {
            name: 'mounts',
            type: 'list',
            description: 'Extra bind mounts, one per line: `host:container[:ro]` (the host path may be relative; the container path must be absolute). Refused with `runtime: kubernetes`: use `volumes`.',
            example: 'models/pretrained:/models:ro',
        },
        {
            name: 'data',
            type: 'string',
            description: 'Host folder of training data, mounted read-only at the same absolute path; the command sees it as `MLOPS_DATA_DIR`. Refused with `runtime: kubernetes`: use `data-url`.',
            example: 'data',
        },
        {
            name: 'outputs',
            type: 'string',
            description: 'Host folder for results; the command sees it at the same absolute path as `MLOPS_OUTPUT_DIR`. It writes into an empty staging folder beside it, whose files are moved in (replacing those of the same name; others stay) only when the command succeeds: a failed run leaves outputs as it was. Files are handed back to the caller’s uid:gid. With `runtime: host` it is written in place; with `runtime: kubernetes` it receives what the run wrote under `outputs-url`, downloaded when the Job succeeds.',
            example: 'out/rf',
        },
        { name: 'metrics-file', type: 'string', default: 'metrics.json', description: 'Name of the metrics file, relative to `outputs`, reported as the `metrics` output when the command wrote it.' },
        { name: 'env', type: 'map', description: '`KEY=VALUE` variables for the command, one per line (from Jenkins also a map). Values are never echoed.' },
        { name: 'env-file', type: 'string', description: 'A file of `KEY=VALUE` lines (Docker’s env-file format) for the command.' },
        {
            name: 'secrets',
            type: 'list',
            description: 'Names of environment variables of this step to pass through to the command, one per line; their values are masked in the log.',
            example: 'WANDB_API_KEY',
        },
        {
            name: 'gpus',
            type: 'string',
            description: 'GPUs to pass: `all`, a count (`2`) or device ids (`device=0,1`). Fails early when the engine has no NVIDIA runtime. With `runtime: kubernetes` a count only, asked for as `gpu-resource` in each pod’s limits.',
        },
        { name: 'cpus', type: 'string', description: 'CPU limit, e.g. `1.5`.' },
        { name: 'memory', type: 'string', description: 'Memory limit, e.g. `512m`, `4g`, `1.5GiB`.' },
        { name: 'shm-size', type: 'string', description: 'Size of /dev/shm (PyTorch data loaders need more than the 64 MB default), e.g. `2g`. Ignored by `runtime: kubernetes`.' },
        { name: 'network', type: 'string', default: 'bridge', description: '`bridge`, `none` (no network at all), `host`, or the name of a network of the engine. Ignored by `runtime: kubernetes`.' },
        {
            name: 'timeout',
            type: 'string',
            description: 'Limit on the run: `45s`, `90m`, `2h`, `1h30m`. When hit, the container is stopped (SIGTERM, SIGKILL 10 s later) and the step fails saying so. With `runtime: kubernetes` it is also the Job’s `activeDeadlineSeconds`, and when hit the Job is deleted with its pods. At most `576h` (24 days; more is refused). Empty: no limit.',
            example: '2h',
        },
        { name: 'user', type: 'string', description: 'User the command runs as (`uid:gid` or a name). Defaults to the caller’s uid:gid. With another user, the outputs are handed back to the caller afterwards (`chown -R` as root in the same image, which must have chown). Ignored by `runtime: kubernetes`: the image’s user runs it.' },
        {
            name: 'runtime',
            type: 'choice',
            choices: RUNTIME_KINDS,
            default: 'docker',
            description: '`docker`, `podman`, `host` (run the command directly on the runner, without isolation or limits: for runners without an engine), or `kubernetes` (run it as a Job on a cluster: the image must be pullable there, so give `image` or `dockerfile` with `push`; data and outputs travel through `data-url` and `outputs-url`, as the cluster cannot see the runner’s folders).',
        },
        {
            name: 'kubeconfig',
            type: 'string',
            description: '`runtime: kubernetes` only: kubeconfig file of the cluster (relative to the folder the step runs in). Default: `KUBECONFIG`, then `~/.kube/config`, then the pod’s own service account when the step runs in the cluster.',
            credentialFile: true,
            example: 'ci/kubeconfig',
        },
        { name: 'kube-context', type: 'string', description: '`runtime: kubernetes` only: context of the kubeconfig to use. Default: its current context.', example: 'gpu-cluster' },
        { name: 'namespace', type: 'string', description: '`runtime: kubernetes` only: namespace the Job runs in. Default: the context’s namespace, else `default`.', example: 'ml-training' },
        {
            name: 'gpu-resource',
            type: 'string',
            default: 'nvidia.com/gpu',
            description: '`runtime: kubernetes` only: the extended resource `gpus` asks for in each pod’s limits (`amd.com/gpu`, `gpu.intel.com/i915`, …).',
        },
        {
            name: 'node-selector',
            type: 'map',
            description: '`runtime: kubernetes` only: `key=value` node labels the pods must land on, one per line.',
            example: 'cloud.google.com/gke-accelerator=nvidia-tesla-t4',
        },
        {
            name: 'tolerations',
            type: 'list',
            description: '`runtime: kubernetes` only: taints the pods tolerate, one per line, written like `kubectl taint`: `key=value:Effect` (that value), `key:Effect` (any value), `key=value` or `key` (every effect), `:Effect` (every taint of that effect). Effect: `NoSchedule`, `PreferNoSchedule` or `NoExecute`.',
            example: 'nvidia.com/gpu:NoSchedule',
        },
        { name: 'service-account', type: 'string', description: '`runtime: kubernetes` only: ServiceAccount the pods run as (to reach S3 through workload identity, for instance). Default: the namespace’s `default`.' },
        {
            name: 'image-pull-secrets',
            type: 'list',
            description: '`runtime: kubernetes` only: names of Secrets in the namespace the cluster pulls the image with, one per line.',
            example: 'ghcr-pull',
        },
        {
            name: 'labels',
            type: 'map',
            description: '`runtime: kubernetes` only: `key=value` labels put on the Job, its pods and what is made for the run, one per line (Kubernetes’ rules: a key of up to 63 characters with an optional DNS prefix, a value of up to 63).',
            example: 'team=vision',
        },
        {
            name: 'annotations',
            type: 'map',
            description: '`runtime: kubernetes` only: `key=value` annotations put on the Job and its pods, one per line.',
            example: 'cluster-autoscaler.kubernetes.io/safe-to-evict=false',
        },
        {
            name: 'workers',
            type: 'number',
            default: '1',
            min: 1,
            max: 1000,
            integer: true,
            description: '`runtime: kubernetes` only: pods that train together. More than 1: an Indexed Job with a headless Service, and in every pod the torchrun/DDP rendezvous variables `MASTER_ADDR` (pod 0), `MASTER_PORT`, `WORLD_SIZE` and `RANK`.',
        },
        { name: 'rendezvous-port', type: 'number', default: '29500', min: 1, max: 65535, integer: true, description: '`runtime: kubernetes` only: the `MASTER_PORT` pod 0 listens on when `workers` is more than 1.' },
        {
            name: 'data-url',
            type: 'string',
            description: '`runtime: kubernetes` only: `s3://bucket/prefix/` of the training data (where data-pull pulled from, for instance), passed to the command as `MLOPS_DATA_URL`.',
            example: 's3://ml-data/iris/',
        },
        {
            name: 'outputs-url',
            type: 'string',
            description: '`runtime: kubernetes` only: `s3://bucket/prefix/` under which each run writes its results, in `<prefix>/<job-name>/` (given to the command as `MLOPS_OUTPUT_URL`); when the Job succeeds, the step downloads them into `outputs`. Required with `outputs`: the cluster cannot write the runner’s folders.',
            example: 's3://ml-runs/iris/',
        },
        {
            name: 'volumes',
            type: 'list',
            description: '`runtime: kubernetes` only: existing PersistentVolumeClaims mounted into every pod, one per line: `pvc:<claim>:<absolute mount path>[:ro]`.',
            example: 'pvc:datasets:/datasets:ro',
        },
        { name: 'retries', type: 'number', default: '0', min: 0, max: 100, integer: true, description: '`runtime: kubernetes` only: times a failed pod is retried before the step fails (the Job’s `backoffLimit`).' },
        {
            name: 'ttl-after-finished',
            type: 'string',
            default: '1h',
            description: '`runtime: kubernetes` only: how long the finished Job, its pods and what was made for the run stay for inspection before the cluster deletes them: `30m`, `1h`, `24h`.',
        },
    ],
    relations: [{ exclusive: ['dockerfile', 'image'] }, { input: 'push', requires: ['dockerfile'] }],
    // The step downloads what a Kubernetes run wrote under `outputs-url` with the project's S3 store.
    envCredentials: ['aws'],
    outputs: [
        { name: 'exit-code', type: 'number', description: 'Exit code of the command (also set when it failed).' },
        { name: 'duration-seconds', type: 'number', description: 'How long the command ran, in seconds.' },
        { name: 'image-id', description: 'ID of the image the command ran in (empty with runtime: host).' },
        {
            name: 'image-digest',
            description: 'What pins the exact image, for lineage: `image` as given when by digest; else `name@sha256:…`, the registry digest of the image pulled by tag or pushed with `push`; else (an image only this machine has) the image ID `sha256:…`.',
        },
        { name: 'outputs', description: 'Absolute path of the outputs folder (empty when none was given).' },
        { name: 'metrics', description: 'Absolute path of the metrics file in outputs, when the command wrote one; else empty.' },
        { name: 'job-name', description: 'Name of the Kubernetes Job the training ran as (empty with other runtimes).' },
        { name: 'namespace', description: 'Namespace of that Job (empty with other runtimes).' },
        { name: 'pod', description: 'Name of the pod whose exit code is reported: pod 0, or the failing one (empty with other runtimes).' },
        { name: 'node', description: 'Node that pod ran on (empty with other runtimes).' },
    ],
    example: {
        image: 'mlops-ci-python:bookworm',
        command: 'python train.py --model rf',
        data: 'data',
        outputs: 'out/rf',
        timeout: '2h',
    },
};

;// CONCATENATED MODULE: ./packages/core/src/steps/registry.ts





/**
 * Every step, in pipeline order: its spec (plain data, loaded eagerly for
 * help) and its code (a dynamic import, so starting the CLI loads only the
 * step that runs).
 */
const STEPS = [
    { spec: setupEnvSpec, load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(292), __nccwpck_require__.e(818)]).then(__nccwpck_require__.bind(__nccwpck_require__, 24818)) },
    { spec: dataPullSpec, load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(6), __nccwpck_require__.e(868), __nccwpck_require__.e(932)]).then(__nccwpck_require__.bind(__nccwpck_require__, 32932)) },
    { spec: trainInContainerSpec, load: () => Promise.all(/* import() */[__nccwpck_require__.e(868), __nccwpck_require__.e(619)]).then(__nccwpck_require__.bind(__nccwpck_require__, 90619)) },
    { spec: evaluateAndGateSpec, load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(6), __nccwpck_require__.e(292), __nccwpck_require__.e(382), __nccwpck_require__.e(300), __nccwpck_require__.e(128)]).then(__nccwpck_require__.bind(__nccwpck_require__, 95128)) },
    { spec: promoteModelSpec, load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(6), __nccwpck_require__.e(292), __nccwpck_require__.e(382), __nccwpck_require__.e(300), __nccwpck_require__.e(853)]).then(__nccwpck_require__.bind(__nccwpck_require__, 57853)) },
];
function findStep(name) {
    return STEPS.find((step) => step.spec.name === name);
}


/***/ }),

/***/ 17154:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ runStep)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(37638);
;// CONCATENATED MODULE: ./packages/core/src/host/detect.ts
/**
 * An action on GITHUB_ACTIONS=true → github; GITLAB_CI=true → gitlab; JENKINS_URL, or BUILD_URL with
 * WORKSPACE → jenkins; else local. The CLI is never the github host: in a
 * workflow's `run:` step the runner sets no INPUT_* for it, so its inputs are
 * its arguments and its outputs go to stdout, as everywhere else (the run
 * context still comes from the workflow's variables).
 */
function detectHostKind(env, invocation = 'action') {
    if (env['GITHUB_ACTIONS'] === 'true' && invocation === 'action')
        return 'github';
    if (env['GITLAB_CI'] === 'true')
        return 'gitlab';
    if (env['JENKINS_URL'] || (env['BUILD_URL'] && env['WORKSPACE']))
        return 'jenkins';
    return 'local';
}
/**
 * Builds the host for this process. Each implementation is imported only when
 * chosen, so `--help` and `--version` load none of them.
 */
async function createHost(step, launch, cliInputs) {
    switch (detectHostKind(launch.env, launch.invocation)) {
        case 'github': {
            const { GitHubHost } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(838), __nccwpck_require__.e(744)]).then(__nccwpck_require__.bind(__nccwpck_require__, 13744));
            return new GitHubHost(launch.env, launch.cwd);
        }
        case 'gitlab': {
            const { GitLabHost } = await __nccwpck_require__.e(/* import() */ 759).then(__nccwpck_require__.bind(__nccwpck_require__, 4759));
            return GitLabHost.create(step, launch, cliInputs);
        }
        case 'jenkins': {
            const { JenkinsHost } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 87666));
            return JenkinsHost.create(step, launch, cliInputs);
        }
        case 'local': {
            const { LocalHost } = await __nccwpck_require__.e(/* import() */ 455).then(__nccwpck_require__.bind(__nccwpck_require__, 73455));
            return LocalHost.create(step, launch, cliInputs);
        }
    }
}

// EXTERNAL MODULE: ./packages/core/src/host/jenkins.ts
var jenkins = __nccwpck_require__(87666);
// EXTERNAL MODULE: ./packages/core/src/host/raw-inputs.ts
var raw_inputs = __nccwpck_require__(38778);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/data/destination-lock.ts
var destination_lock = __nccwpck_require__(64024);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __nccwpck_require__(96192);
// EXTERNAL MODULE: ./packages/core/src/records/step-records.ts
var step_records = __nccwpck_require__(87011);
;// CONCATENATED MODULE: ./packages/core/src/records/git-exclude.ts





/**
 * What mlops-ci leaves in a work tree: the records folder (with the local
 * registry), and the lock file beside a data-pull destination that a killed
 * pull leaves until the next one. Each matches at any depth: the workspace may
 * be a sub-folder of the repository (examples/iris).
 */
const PATTERNS = [`${step_records/* RECORDS_DIR */.v7}/`, destination_lock/* LOCK_FILE_PATTERN */.AT];
/**
 * Adds `.mlops-ci/` and data-pull's lock files to the repository's `.git/info/exclude`, so that a later
 * `git add -A` in the pipeline (a bump commit, a GTO tag commit) never
 * commits step records or a local registry. `info/exclude` rather than
 * `.gitignore`: it is the clone's own, never part of a commit. Idempotent;
 * throws only when git names an exclude file that cannot be written.
 */
async function excludeRecordsFromGit(workspace) {
    const file = await excludeFileOf(workspace);
    if (!file)
        return 'not-a-work-tree';
    const current = await (0,promises_.readFile)(file, 'utf8').catch((err) => {
        if (err.code === 'ENOENT')
            return '';
        throw err;
    });
    const present = new Set(current.split(/\r?\n/).map((line) => line.trim()));
    const missing = PATTERNS.filter((pattern) => !present.has(pattern));
    if (missing.length === 0)
        return 'present';
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    // Two steps at once (Jenkins `parallel`) can both append: a repeated line is harmless, a lost user line would not be.
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await (0,promises_.appendFile)(file, `${separator}# step records, the local registry and data-pull locks of mlops-ci\n${missing.join('\n')}\n`);
    return 'added';
}
/**
 * The exclude file git reads for the work tree holding `workspace`
 * (`--git-path` knows linked worktrees share their main repository's), or
 * null outside a work tree (no repository, a bare one, no git at all).
 */
async function excludeFileOf(workspace) {
    const result = await (0,exec/* execCapture */.Wp)('git', ['rev-parse', '--is-inside-work-tree', '--git-path', 'info/exclude'], { ...workspace, ignoreReturnCode: true }).catch(() => null);
    if (!result || result.exitCode !== 0)
        return null;
    const [inside, exclude] = result.stdout.split('\n').map((line) => line.trim());
    return inside === 'true' && exclude ? external_node_path_default().resolve(workspace.cwd, exclude) : null;
}

// EXTERNAL MODULE: ./packages/core/src/spec/inputs.ts
var inputs = __nccwpck_require__(94944);
// EXTERNAL MODULE: ./packages/core/src/redact.ts
var redact = __nccwpck_require__(10796);
// EXTERNAL MODULE: ./packages/core/src/storage/azure/credentials.ts
var credentials = __nccwpck_require__(73969);
;// CONCATENATED MODULE: ./packages/core/src/storage/secret-env.ts
/**
 * The credentials store clients read from a step's environment, as texts to
 * mask. The step runner masks them before any step plans, so no step (a
 * setup-env with an azure:// cache-url as much as data-pull) can print one
 * through a client's message.
 */

/**
 * Variables whose whole value is a secret: the AWS SDK's (s3://) and MLflow's
 * (mlflow+http registries). Azure's come from azureSecrets, which also finds
 * the parts of a connection string a message could quote alone.
 * GOOGLE_APPLICATION_CREDENTIALS names a file, not a secret.
 */
const SECRET_ENV = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'MLFLOW_TRACKING_TOKEN', 'MLFLOW_TRACKING_PASSWORD'];
/** Every store secret in `env`, whole and in the parts a message may quote; empty values are left out. */
function storeSecrets(env) {
    const whole = SECRET_ENV.map((name) => env[name]?.trim()).filter((value) => value !== undefined && value !== '');
    return [...new Set([...whole, ...(0,credentials/* azureSecrets */.BY)(undefined, env)])];
}

// EXTERNAL MODULE: ./packages/core/src/version.ts
var version = __nccwpck_require__(8109);
;// CONCATENATED MODULE: ./packages/core/src/steps/run-step.ts










/**
 * Runs one step on the host this process is in and returns the exit code:
 * read and validate inputs, run, publish outputs, map errors to 1/2/3.
 * The same path serves the GitHub action, the Jenkins shim and the CLI.
 *
 * What it guarantees: a StepResult (success, failed gate, failed work) has
 * its outputs published and recorded with its outcome; a thrown error
 * publishes and records nothing. An InputError means exit 2 only from
 * plan; escaping run() it is exit 1, since work had started.
 */
async function runStep(entry, launch, cliInputs = {}) {
    const { env } = launch;
    let host;
    try {
        host = await createHost(entry.spec.name, launch, cliInputs);
    }
    catch (err) {
        process.stderr.write(`error: ${(0,redact/* redactUrlCredentials */.d)((0,errors/* messageOf */.bD)(err))}\n`);
        await writeErrorFileWithoutHost(env, err);
        return (0,errors/* exitCodeOf */.FO)(err);
    }
    // The Node is the host's choice (the runner's node24 on GitHub, the first
    // `node` on PATH elsewhere): a debug log says which one ran the step.
    host.debug(`runStep: mlops-ci ${version/* VERSION */.x} runs ${entry.spec.name} on Node ${process.version}`);
    try {
        const step = await entry.load();
        const raw = (0,raw_inputs/* withEnvFallbacks */.rg)(host.inputs, entry.spec, env);
        maskSecretInputs(entry.spec, raw, host);
        for (const secret of storeSecrets(host.context.env))
            host.setSecret(secret);
        const plan = await step.plan(new inputs/* InputReader */.i_(entry.spec, raw), host);
        const result = await runPastPlanning(() => step.run(plan, host));
        publishOutputs(entry.spec, result, host);
        await recordOutputs(entry.spec.name, result, host);
        const ending = endingOf(result);
        await host.finish(ending);
        return ending.exitCode;
    }
    catch (err) {
        const exitCode = (0,errors/* exitCodeOf */.FO)(err);
        if (exitCode === errors/* EXIT */.dc.failure && err instanceof Error && err.stack)
            host.debug(err.stack);
        const at = (0,errors/* locationOf */.hD)(err);
        await host.finish({ exitCode, error: { message: (0,errors/* messageOf */.bD)(err), category: (0,errors/* categoryOf */.Qd)(err), ...(at ? { at } : {}) } });
        return exitCode;
    }
}
function publishOutputs(spec, result, host) {
    const types = new Map(spec.outputs.map((output) => [output.name, output.type]));
    for (const [name, value] of Object.entries(result.outputs))
        host.setOutput(name, value, types.get(name));
}
/** The exit code and error a result ends the step with. */
function endingOf(result) {
    switch (result.failure?.kind) {
        case undefined:
            return { exitCode: errors/* EXIT */.dc.ok };
        case 'gate':
            return { exitCode: errors/* EXIT */.dc.gateFailed, error: { message: result.failure.message, category: 'gate' } };
        case 'failed':
            return { exitCode: errors/* EXIT */.dc.failure, error: { message: result.failure.message, category: 'failure' } };
    }
}
const OUTCOME_OF = { gate: 'gate-failed', failed: 'failed' };
/**
 * Runs the work. An InputError from here was found after work started, so
 * it cannot promise "nothing done" (exit 2): it becomes a plain failure
 * (exit 1) that keeps its message and says so. Checks that can be made
 * before work belong in plan.
 */
async function runPastPlanning(work) {
    try {
        return await work();
    }
    catch (err) {
        if (err instanceof errors/* InputError */.dz)
            throw new Error(`${err.message} (found after the step had started its work, so it may have done part of it)`, { cause: err });
        throw err;
    }
}
/**
 * No host could be made (MLOPS_CI_INPUTS is not JSON): the Jenkins shim still
 * gets the error file it reads its message from, as from any other failure.
 */
async function writeErrorFileWithoutHost(env, err) {
    await (0,jenkins/* writeErrorFile */.k)(env, { message: (0,errors/* messageOf */.bD)(err), category: (0,errors/* categoryOf */.Qd)(err), exitCode: (0,errors/* exitCodeOf */.FO)(err) }).catch(() => undefined);
}
/**
 * Leaves the step's outputs as this run's record in `.mlops-ci/` of the
 * workspace, which later steps of the same run read when not given a value
 * (promote-model's lineage: the data digest, the env fingerprint, the image
 * digest), and keeps that folder out of git. Optional work: a read-only
 * workspace or repository gets a warning, not a failure.
 */
async function recordOutputs(step, result, host) {
    const { workspace, env } = host.context;
    const outcome = result.failure ? OUTCOME_OF[result.failure.kind] : 'ok';
    await Promise.all([
        (0,step_records/* writeStepRecord */.Jf)(host.context, step, outcome, result.outputs).then((file) => host.debug(`recorded the outputs in ${file} for run ${host.context.run.id}`), (err) => host.warning(`Could not record the outputs in ${step_records/* RECORDS_DIR */.v7}/: ${(0,errors/* messageOf */.bD)(err)}`)),
        excludeRecordsFromGit({ cwd: workspace, env }).then((outcome) => outcome === 'added' && host.info(`Added ${step_records/* RECORDS_DIR */.v7}/ to the repository's .git/info/exclude, so step records are never committed.`), (err) => host.warning(`Could not add ${step_records/* RECORDS_DIR */.v7}/ to .git/info/exclude: ${(0,errors/* messageOf */.bD)(err)}`)),
    ]);
}
function maskSecretInputs(spec, raw, host) {
    for (const input of spec.inputs) {
        const value = input.secret ? raw.get(input.name) : undefined;
        if (typeof value === 'string')
            host.setSecret(value);
    }
}


/***/ }),

/***/ 73969:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ azureSecrets),
/* harmony export */   kl: () => (/* binding */ resolveAzureAccess),
/* harmony export */   sL: () => (/* binding */ AzureCredentialsError)
/* harmony export */ });
/* unused harmony export AZURE_SECRET_ENV */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(90626);

/** No way to reach the account was found: says what to set. Never names a secret. */
class AzureCredentialsError extends _types_js__WEBPACK_IMPORTED_MODULE_0__/* .StoreSettingsError */ .Nt {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ VersionsNotKeptError),
/* harmony export */   Nt: () => (/* binding */ StoreSettingsError),
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
/**
 * The settings meant to reach a store name none that can be used (no account,
 * a malformed account name or connection string): bad input naming the input
 * that pointed at the store, never the service's failure. Each backend throws
 * a subclass of its own.
 */
class StoreSettingsError extends Error {
    name = 'StoreSettingsError';
}
/** The store keeps no versions to answer "as of a time" with (e.g. an Azure account without blob versioning): bad input naming `as-of`, never a read of "now". */
class VersionsNotKeptError extends Error {
    name = 'VersionsNotKeptError';
}


/***/ }),

/***/ 8109:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The product version; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 73339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 38321:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/consumers");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 24876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 69154:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("vm");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(38731);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__argumentsNodeRead = __webpack_exports__.T6;
/******/ var __webpack_exports__main = __webpack_exports__.iW;
/******/ var __webpack_exports__parseStepArgs = __webpack_exports__.XE;
/******/ var __webpack_exports__runAction = __webpack_exports__.Cs;
/******/ export { __webpack_exports__argumentsNodeRead as argumentsNodeRead, __webpack_exports__main as main, __webpack_exports__parseStepArgs as parseStepArgs, __webpack_exports__runAction as runAction };
/******/ 
