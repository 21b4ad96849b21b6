export const id = 516;
export const ids = [516,224];
export const modules = {

/***/ 9241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ aliasProblem),
/* harmony export */   W: () => (/* binding */ modelNameProblem),
/* harmony export */   pR: () => (/* binding */ isModelFilePath)
/* harmony export */ });
/**
 * What a model and an alias may be called. Both become parts of object keys,
 * file paths, git tag names and URLs, so they are checked strictly before
 * anything is written.
 */
/** Letters, digits, `-`, `_`, `.` and `/` between segments; no `..`, no empty or dot-only segment. */
const MODEL_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
/** A plain word: letters, digits, `-` and `_`, starting with a letter (`staging`, `prod-eu`). */
const ALIAS_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Why `name` is not a valid model name, or null when it is. */
function modelNameProblem(name) {
    if (name.includes('..'))
        return 'must not contain ..';
    if (name.length > 200)
        return 'is longer than 200 characters';
    if (!MODEL_NAME.test(name))
        return 'may hold letters, digits, -, _ and / between name parts (no spaces, no leading or trailing /)';
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

/***/ 2516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ObjectStoreRegistry: () => (/* binding */ ObjectStoreRegistry)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9241);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(224);



/** How often a writer re-reads and retries after losing a race, before giving up. */
const MAX_ATTEMPTS = 1000;
const PROGRESS_EVERY_MS = 5000;
/**
 * The registry on an object store (S3 or a folder), race-free without a database:
 *
 *   <model>/versions/<n>/version.json   lineage; created with a create-only write
 *   <model>/versions/<n>/<files>        the model files as uploaded
 *   <model>/aliases/<alias>.json        the version it points to, moved by compare-and-swap
 *   <model>/events/<time>-<id>.json     append-only audit log
 *
 * A version is claimed by creating its version.json (status `uploading`; the
 * loser of a race tries n+1), its files are uploaded and verified, then
 * version.json is replaced with the full lineage (status `ready`). Only ready
 * versions exist for readers and aliases, so a writer killed mid-upload leaves
 * a skipped number, never an alias to missing files.
 */
class ObjectStoreRegistry {
    store;
    log;
    description;
    /** Time of this writer's last event: each next one is later, so the log's name order is this writer's order. */
    lastEventMs = 0;
    /** @param log hears what the registry is doing (uploads, with progress every few seconds). Optional. */
    constructor(store, log = () => undefined) {
        this.store = store;
        this.log = log;
        this.description = store.description;
    }
    async register(model, files, pending, mover) {
        const { version, etag } = await this.claimNextVersion(model, pending);
        const prefix = `${model}/versions/${version}/`;
        this.log(`Claimed version ${version}; uploading ${files.length} file(s) to ${this.store.locate(prefix)}`);
        for (const file of files)
            await this.store.upload(`${prefix}${file.path}`, file.absolutePath, file.sha256, file.size, progressLog(this.log, file));
        const lineage = { ...pending, version };
        const completed = await this.store.replaceIf(`${prefix}version.json`, json({ status: 'ready', ...lineage }), etag);
        if (!completed)
            throw new Error(`${this.store.locate(`${prefix}version.json`)} changed while its files uploaded: another writer touched a claimed version`);
        await this.appendEvent(model, 'registered', { version }, mover);
        return { version, uri: this.store.locate(prefix), lineage };
    }
    async setAlias(model, alias, version, mover) {
        if (!(await this.readyVersion(model, version))) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_1__.RegistryRefusal(`version ${version} of ${model} does not exist in ${this.description}`);
        }
        const previous = await this.swapAlias(model, alias, mover, (current) => ({ version, previous: current?.version ?? null }));
        await this.appendEvent(model, 'alias-set', { alias, version, previous }, mover);
        return { alias, version, previous };
    }
    async removeAlias(model, alias, mover) {
        const previous = await this.swapAlias(model, alias, mover, (current) => {
            if (!current?.version)
                throw new _types_js__WEBPACK_IMPORTED_MODULE_1__.RegistryRefusal(`alias ${alias} of ${model} is not set in ${this.description}: nothing to remove`);
            return { version: null, previous: current.version };
        });
        await this.appendEvent(model, 'alias-removed', { alias, previous }, mover);
        return { alias, previous: previous };
    }
    async rollback(model, alias, mover) {
        let target = '';
        const previous = await this.swapAlias(model, alias, mover, (current) => {
            if (!current)
                throw new _types_js__WEBPACK_IMPORTED_MODULE_1__.RegistryRefusal(`alias ${alias} of ${model} is not set in ${this.description}: nothing to roll back`);
            if (current.previous === null)
                throw new _types_js__WEBPACK_IMPORTED_MODULE_1__.RegistryRefusal(`alias ${alias} of ${model} has no version to go back to (it points to ${current.version ?? 'nothing'}): nothing to roll back to`);
            target = current.previous;
            return { version: current.previous, previous: current.version };
        });
        await this.appendEvent(model, 'rolled-back', { alias, version: target, previous }, mover);
        return { alias, version: target, previous };
    }
    async describe(model, ref) {
        let version;
        if ('alias' in ref) {
            const alias = await this.readAlias(model, ref.alias);
            if (!alias?.record.version)
                return null;
            version = alias.record.version;
        }
        else {
            version = ref.version;
        }
        const lineage = await this.readyVersion(model, version);
        return lineage ? { uri: this.store.locate(`${model}/versions/${version}/`), lineage } : null;
    }
    async readFile(model, version, file) {
        if (!(await this.readyVersion(model, version)))
            return null;
        if (!(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .isModelFilePath */ .pR)(file))
            return null;
        return (await this.store.get(`${model}/versions/${version}/${file}`))?.body ?? null;
    }
    /** Every ready version's number, ascending (for tests and tools). */
    async versions(model) {
        const numbers = await this.claimedNumbers(model);
        const ready = await Promise.all(numbers.map(async (n) => ((await this.readyVersion(model, String(n))) ? n : null)));
        return ready.filter((n) => n !== null);
    }
    /** Creates versions/<n>/version.json for the lowest free n above every claimed one. */
    async claimNextVersion(model, pending) {
        const claimed = await this.claimedNumbers(model);
        let n = (claimed.at(-1) ?? 0) + 1;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, n++) {
            const key = `${model}/versions/${n}/version.json`;
            const claim = { status: 'uploading', model, version: String(n), claimedAt: new Date().toISOString(), actor: pending.actor };
            if (await this.store.createOnly(key, json(claim))) {
                const written = await this.store.get(key);
                if (!written)
                    throw new Error(`${this.store.locate(key)} vanished right after it was created`);
                return { version: String(n), etag: written.etag };
            }
        }
        throw new Error(`could not allocate a version of ${model} after ${MAX_ATTEMPTS} attempts`);
    }
    async claimedNumbers(model) {
        const prefix = `${model}/versions/`;
        const numbers = new Set();
        for (const key of await this.store.list(prefix)) {
            const match = /^(\d+)\/version\.json$/.exec(key.slice(prefix.length));
            if (match)
                numbers.add(Number(match[1]));
        }
        return [...numbers].sort((a, b) => a - b);
    }
    async readyVersion(model, version) {
        if (!/^\d+$/.test(version))
            return null;
        const found = await this.store.get(`${model}/versions/${version}/version.json`);
        if (!found)
            return null;
        const doc = JSON.parse(found.body.toString('utf8'));
        if (doc.status !== 'ready')
            return null;
        const { status: _status, ...lineage } = doc;
        return lineage;
    }
    async readAlias(model, alias) {
        const found = await this.store.get(aliasKey(model, alias));
        return found ? { record: JSON.parse(found.body.toString('utf8')), etag: found.etag } : null;
    }
    /**
     * Compare-and-swap of the alias file: read it, compute the next record,
     * write it only if nobody moved the alias meanwhile; else re-read and retry.
     * Returns the version it pointed to before.
     */
    async swapAlias(model, alias, mover, next) {
        const key = aliasKey(model, alias);
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            const current = await this.readAlias(model, alias);
            const move = next(current?.record ?? null);
            const record = { model, alias, ...move, movedAt: new Date().toISOString(), movedBy: mover.actor, runUrl: mover.runUrl, host: mover.host };
            const body = json(record);
            const written = current ? await this.store.replaceIf(key, body, current.etag) : await this.store.createOnly(key, body);
            if (written)
                return current?.record.version ?? null;
            await sleep(Math.random() * Math.min(50, 2 ** Math.min(attempt, 6)));
        }
        throw new Error(`could not move alias ${alias} of ${model}: ${MAX_ATTEMPTS} concurrent moves won the race first`);
    }
    async appendEvent(model, kind, details, mover) {
        this.lastEventMs = Math.max(Date.now(), this.lastEventMs + 1);
        const at = new Date(this.lastEventMs).toISOString();
        const key = `${model}/events/${at.replace(/[-:.]/g, '')}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().slice(0, 8)}.json`;
        const event = { event: kind, model, ...details, at, actor: mover.actor, runUrl: mover.runUrl, host: mover.host };
        if (!(await this.store.createOnly(key, json(event))))
            throw new Error(`audit event ${key} already exists`);
    }
}
/** Logs an upload's progress at most every 5 s, so a long upload shows it is alive at a steady rate. */
function progressLog(log, file) {
    let last = Date.now();
    return (sent) => {
        if (Date.now() - last < PROGRESS_EVERY_MS)
            return;
        last = Date.now();
        log(`  ${file.path}: ${Math.round((100 * sent) / Math.max(1, file.size))}% (${sent} of ${file.size} bytes)`);
    };
}
function aliasKey(model, alias) {
    return `${model}/aliases/${alias}.json`;
}
function json(value) {
    return `${JSON.stringify(value, null, 2)}\n`;
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

/***/ 224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RegistryRefusal: () => (/* binding */ RegistryRefusal)
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


/***/ })

};
