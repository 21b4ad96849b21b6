export const id = 516;
export const ids = [516];
export const modules = {

/***/ 32516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ObjectStoreRegistry: () => (/* binding */ ObjectStoreRegistry)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49241);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40224);



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
        checkModelName(model);
        const { version, etag } = await this.claimNextVersion(model, pending);
        const prefix = `${model}/versions/${version}/`;
        this.log(`Claimed version ${version}; uploading ${files.length} file(s) to ${this.store.locate(prefix)}`);
        for (const file of files)
            await this.store.upload(`${prefix}${file.path}`, file.absolutePath, file.sha256, file.size, progressLog(this.log, file));
        const lineage = { ...pending, model, version };
        const completed = await this.store.replaceIf(`${prefix}version.json`, json({ status: 'ready', ...lineage }), etag);
        if (!completed)
            throw new Error(`${this.store.locate(`${prefix}version.json`)} changed while its files uploaded: another writer touched a claimed version`);
        await this.appendEvent(model, 'registered', { version }, mover);
        return { version, uri: this.store.locate(prefix), lineage };
    }
    async refusalOf(change) {
        const nameProblem = modelNameRefusal(change.model);
        if (nameProblem)
            return nameProblem;
        // One listing before any work: a missing bucket or unusable credentials is found now (bad input), not mid-upload.
        if (change.kind === 'register') {
            await this.store.list(`${change.model}/aliases/`);
            return null;
        }
        if (change.kind === 'set-alias')
            return (await this.readyVersion(change.model, change.version)) ? null : this.noVersion(change.model, change.version);
        const current = (await this.readAlias(change.model, change.alias))?.record ?? null;
        const outcome = change.kind === 'remove-alias' ? this.removalOf(change.model, change.alias, current) : this.rollbackOf(change.model, change.alias, current);
        return 'refusal' in outcome ? outcome.refusal : null;
    }
    async setAlias(model, alias, version, mover) {
        checkModelName(model);
        if (!(await this.readyVersion(model, version)))
            throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryRefusal */ .O(this.noVersion(model, version));
        const previous = await this.swapAlias(model, alias, mover, (current) => ({ version, previous: current?.version ?? null }));
        await this.appendEvent(model, 'alias-set', { alias, version, previous }, mover);
        return { alias, version, previous };
    }
    async removeAlias(model, alias, mover) {
        checkModelName(model);
        const previous = await this.swapAlias(model, alias, mover, (current) => {
            const removal = this.removalOf(model, alias, current);
            if ('refusal' in removal)
                throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryRefusal */ .O(removal.refusal);
            return { version: null, previous: removal.previous };
        });
        await this.appendEvent(model, 'alias-removed', { alias, previous }, mover);
        return { alias, previous: previous };
    }
    async rollback(model, alias, mover) {
        checkModelName(model);
        let target = '';
        const previous = await this.swapAlias(model, alias, mover, (current) => {
            const rollback = this.rollbackOf(model, alias, current);
            if ('refusal' in rollback)
                throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryRefusal */ .O(rollback.refusal);
            target = rollback.to;
            return { version: rollback.to, previous: rollback.from };
        });
        await this.appendEvent(model, 'rolled-back', { alias, version: target, previous }, mover);
        return { alias, version: target, previous };
    }
    noVersion(model, version) {
        return `version ${version} of ${model} does not exist in ${this.description}`;
    }
    /** What removing the alias would unset, or why it cannot be removed. */
    removalOf(model, alias, current) {
        if (!current?.version)
            return { refusal: `alias ${alias} of ${model} is not set in ${this.description}: nothing to remove` };
        return { previous: current.version };
    }
    /** Where a rollback would move the alias from and to, or why it cannot. */
    rollbackOf(model, alias, current) {
        if (!current)
            return { refusal: `alias ${alias} of ${model} is not set in ${this.description}: nothing to roll back` };
        if (current.previous === null)
            return { refusal: `alias ${alias} of ${model} has no version to go back to (it points to ${current.version ?? 'nothing'}): nothing to roll back to` };
        return { from: current.version, to: current.previous };
    }
    async describe(model, ref) {
        checkModelName(model);
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
        checkModelName(model);
        if (!(await this.readyVersion(model, version)))
            return null;
        if (!(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .isModelFilePath */ .pR)(file))
            return null;
        return (await this.store.get(`${model}/versions/${version}/${file}`))?.body ?? null;
    }
    async overview(model) {
        const prefix = `${model}/aliases/`;
        const names = (await this.store.list(prefix)).map((key) => key.slice(prefix.length)).filter((key) => /^[^/]+\.json$/.test(key));
        const records = await Promise.all(names.map((name) => this.readAlias(model, name.slice(0, -'.json'.length))));
        const aliases = records.flatMap((found) => (found?.record.version ? [found.record.alias] : [])).sort();
        return { hasVersions: (await this.versions(model)).length > 0, aliases };
    }
    /** Every ready version's number, ascending (for tests and tools). */
    async versions(model) {
        checkModelName(model);
        const numbers = await this.claimedNumbers(model);
        const ready = await Promise.all(numbers.map(async (n) => ((await this.readyVersion(model, String(n))) ? n : null)));
        return ready.filter((n) => n !== null);
    }
    /**
     * Finds uploads abandoned more than `olderThanMs` ago (a version.json still
     * `uploading` since then), turns each into a tombstone by compare-and-swap
     * (so a writer that completes at that moment wins, or fails cleanly: never
     * both), then removes its files. A ready version is never touched. Also
     * removes the store's own leftovers (temp files, old locks, open multipart
     * uploads) older than that.
     */
    async collectGarbage(model, olderThanMs) {
        if (model !== null)
            checkModelName(model);
        const before = new Date(Date.now() - olderThanMs);
        const models = model !== null ? [model] : await this.models();
        const versions = [];
        const leftovers = [];
        for (const name of models) {
            for (const n of await this.claimedNumbers(name)) {
                const abandoned = await this.abandonIfOld(name, String(n), before);
                if (abandoned === null)
                    continue;
                leftovers.push(...(await this.removeVersionFiles(name, String(n))));
                if (abandoned.now)
                    versions.push({ model: name, version: String(n), claimedAt: abandoned.claimedAt });
            }
            leftovers.push(...(await this.store.removeLeftovers(`${name}/`, before)));
        }
        return { versions, leftovers };
    }
    /** Every model in the registry: the first part of each key whose name is a valid model name. */
    async models() {
        const names = new Set((await this.store.list('')).map((key) => key.split('/')[0]));
        return [...names].filter((name) => (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .modelNameProblem */ .W)(name) === null).sort();
    }
    /**
     * Tombstones version `n` when its upload was claimed before `before` and
     * never completed. Returns its claim time and whether it was tombstoned now,
     * or null when the version is ready, young, or was completed meanwhile.
     */
    async abandonIfOld(model, version, before) {
        const key = `${model}/versions/${version}/version.json`;
        const found = await this.readObject(key, `${model} version ${version}`);
        if (!found)
            return null;
        const { value: doc, etag } = found;
        if (doc['status'] === 'abandoned')
            return { claimedAt: String(doc['claimedAt']), now: false };
        if (doc['status'] !== 'uploading')
            return null;
        const claimedAt = typeof doc['claimedAt'] === 'string' ? Date.parse(doc['claimedAt']) : Number.NaN;
        if (Number.isNaN(claimedAt))
            throw this.damaged(key, `${model} version ${version}`, 'is an upload without a valid "claimedAt" time');
        if (claimedAt >= before.getTime())
            return null;
        const tombstone = { ...doc, status: 'abandoned', abandonedAt: new Date().toISOString() };
        if (!(await this.store.replaceIf(key, json(tombstone), etag)))
            return null; // its writer completed it (or another collector won)
        return { claimedAt: String(doc['claimedAt']), now: true };
    }
    /** Removes every file of an abandoned version but its tombstone, and the temp files its writer left there. */
    async removeVersionFiles(model, version) {
        const prefix = `${model}/versions/${version}/`;
        for (const key of await this.store.list(prefix)) {
            if (key !== `${prefix}version.json`)
                await this.store.delete(key);
        }
        return this.store.removeLeftovers(prefix, new Date());
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
    /** The lineage of a ready version; null when absent or still uploading. A damaged version.json is a RegistryCorrupt naming it. */
    async readyVersion(model, version) {
        if (!/^\d+$/.test(version))
            return null;
        const key = `${model}/versions/${version}/version.json`;
        const found = await this.readObject(key, `${model} version ${version}`);
        if (!found)
            return null;
        const doc = found.value;
        const damaged = (problem) => this.damaged(key, `${model} version ${version}`, problem);
        if (doc['status'] === 'uploading' || doc['status'] === 'abandoned')
            return null;
        if (doc['status'] !== 'ready')
            throw damaged(`has status ${quoted(doc['status'])}, expected "uploading", "ready" or "abandoned"`);
        if (doc['model'] !== model || doc['version'] !== version)
            throw damaged(`says it is ${quoted(doc['model'], false)} version ${quoted(doc['version'], false)}`);
        if (!Array.isArray(doc['files']))
            throw damaged('has no "files" list');
        const { status: _status, ...lineage } = doc;
        return lineage;
    }
    async readAlias(model, alias) {
        const key = aliasKey(model, alias);
        const found = await this.readObject(key, `alias ${alias} of ${model}`);
        if (!found)
            return null;
        const damaged = (problem) => this.damaged(key, `alias ${alias} of ${model}`, problem);
        if (!isVersionOrNull(found.value['version']))
            throw damaged('has no "version" (a version number, or null once removed)');
        if (!isVersionOrNull(found.value['previous']))
            throw damaged('has no "previous" (a version number, or null when new)');
        return { record: found.value, etag: found.etag };
    }
    /** A registry JSON object and its tag; null when absent. Not JSON, or not an object: RegistryCorrupt. */
    async readObject(key, what) {
        const found = await this.store.get(key);
        if (!found)
            return null;
        let value;
        try {
            value = JSON.parse(found.body.toString('utf8'));
        }
        catch {
            // The parser's message quotes the text: it is not repeated (a damaged file may hold anything).
            throw this.damaged(key, what, `is not valid JSON (${found.body.length} bytes)`);
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            throw this.damaged(key, what, 'is not a JSON object');
        return { value: value, etag: found.etag };
    }
    damaged(key, what, problem) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryCorrupt */ .R(`registry file ${this.store.locate(key)} (${what}) is damaged: it ${problem}`);
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
/**
 * Every key starts with the model name, so a name that is itself a path
 * (`iris/versions/1`) would write into another model's folders: refused here
 * too, for callers that did not check it at input (a `registry:` baseline).
 */
function checkModelName(model) {
    const refused = modelNameRefusal(model);
    if (refused)
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryRefusal */ .O(refused);
}
function modelNameRefusal(model) {
    const problem = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .modelNameProblem */ .W)(model);
    return problem ? `model name ${quoted(model)} ${problem}` : null;
}
function isVersionOrNull(value) {
    return value === null || (typeof value === 'string' && /^\d+$/.test(value));
}
/** A value from a damaged file, for a message: JSON, at most 40 characters. */
function quoted(value, asJson = true) {
    const text = asJson || typeof value !== 'string' ? (JSON.stringify(value) ?? 'nothing') : value;
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
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


/***/ })

};
