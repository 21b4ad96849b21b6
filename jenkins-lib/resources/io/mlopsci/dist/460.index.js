export const id = 460;
export const ids = [460,327,224,268];
export const modules = {

/***/ 5327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UnknownRegistryError: () => (/* binding */ UnknownRegistryError),
/* harmony export */   openRegistry: () => (/* binding */ openRegistry),
/* harmony export */   parseRegistryLocation: () => (/* binding */ parseRegistryLocation)
/* harmony export */ });
/* unused harmony export DEFAULT_REGISTRY */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** The embedded default: a folder in the workspace, so a first run needs no service. */
const DEFAULT_REGISTRY = '.mlops-ci/registry';
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
    const text = value.trim() || DEFAULT_REGISTRY;
    if (text === 'git-tags' || text.startsWith('git-tags:')) {
        return { kind: 'git-tags', repo: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, text.slice('git-tags:'.length) || '.') };
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
    if (scheme === undefined)
        return { kind: 'local', root: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, text) };
    if (scheme === 'file')
        return { kind: 'local', root: new URL(text).pathname };
    if (scheme === 's3') {
        const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(text);
        if (!match)
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
            const [{ ObjectStoreRegistry }, { LocalBlobStore }] = await Promise.all([__webpack_require__.e(/* import() */ 516).then(__webpack_require__.bind(__webpack_require__, 2516)), __webpack_require__.e(/* import() */ 268).then(__webpack_require__.bind(__webpack_require__, 4268))]);
            return new ObjectStoreRegistry(new LocalBlobStore(location.root), options.log);
        }
        case 's3': {
            const [{ ObjectStoreRegistry }, { S3BlobStore }] = await Promise.all([__webpack_require__.e(/* import() */ 516).then(__webpack_require__.bind(__webpack_require__, 2516)), Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(358), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307))]);
            return new ObjectStoreRegistry(new S3BlobStore({ bucket: location.bucket, prefix: location.prefix, endpoint: options.s3Endpoint ?? '' }), options.log);
        }
        case 'mlflow': {
            const { MlflowRegistry, mlflowAuthFromEnv } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.bind(__webpack_require__, 994));
            return new MlflowRegistry(location.baseUrl, mlflowAuthFromEnv(process.env));
        }
        case 'git-tags': {
            const { GitTagsRegistry } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(287)]).then(__webpack_require__.bind(__webpack_require__, 2287));
            return new GitTagsRegistry(location.repo, { push: options.push ?? false, bump: options.bump ?? 'patch' });
        }
    }
}


/***/ }),

/***/ 4268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalBlobStore: () => (/* binding */ LocalBlobStore),
/* harmony export */   hashFile: () => (/* binding */ hashFile),
/* harmony export */   isScratch: () => (/* binding */ isScratch)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);





/** A lock older than this is stale whoever holds it: a critical section here lasts milliseconds. */
const STALE_LOCK_MS = 30_000;
const LOCK_RETRY_MS = 5;
/**
 * A folder as a registry store, with S3's conditional-write guarantees:
 * - every write goes to a unique temp name first, so no reader ever sees half a file;
 * - create-only is `link(temp, key)`, which fails when the key exists (atomic on POSIX);
 * - compare-and-swap holds `<key>.lock` (exclusive create) while it compares
 *   the tag (sha256 of the content) and renames the new content into place.
 * A lock left by a killed process is broken when its owner is gone (same
 * host), or, taken from another host sharing the folder, when it is older than 30 s.
 */
class LocalBlobStore {
    root;
    description;
    constructor(root) {
        this.root = root;
        this.description = root;
    }
    async get(key) {
        try {
            const body = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(this.pathOf(key));
            return { body, etag: sha256(body) };
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return null;
            throw err;
        }
    }
    async createOnly(key, body) {
        const target = this.pathOf(key);
        const staging = await this.stage(target, body);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(staging, target);
            return true;
        }
        catch (err) {
            if (err.code === 'EEXIST')
                return false;
            throw err;
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { force: true });
        }
    }
    async replaceIf(key, body, etag) {
        const target = this.pathOf(key);
        const staging = await this.stage(target, body);
        try {
            return await this.withLock(target, async () => {
                const current = await this.get(key);
                if (!current || current.etag !== etag)
                    return false;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(staging, target);
                return true;
            });
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { force: true });
        }
    }
    async list(prefix) {
        const keys = [];
        const walk = async (dir, keyPrefix) => {
            let entries;
            try {
                entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir, { withFileTypes: true });
            }
            catch (err) {
                if (err.code === 'ENOENT')
                    return;
                throw err;
            }
            for (const entry of entries) {
                if (isScratch(entry.name))
                    continue;
                if (entry.isDirectory())
                    await walk(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, entry.name), `${keyPrefix}${entry.name}/`);
                else
                    keys.push(`${keyPrefix}${entry.name}`);
            }
        };
        await walk(this.pathOf(prefix), prefix);
        return keys;
    }
    async upload(key, file, expectedSha256, size) {
        const target = this.pathOf(key);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target), { recursive: true });
        const staging = scratchName(target);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(file, staging);
            const copied = await hashFile(staging);
            const { size: copiedSize } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(staging);
            if (copied !== expectedSha256 || copiedSize !== size) {
                throw new Error(`copy of ${file} to ${this.locate(key)} does not match its sha256 (the file changed while uploading?)`);
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(staging, target);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { force: true });
        }
    }
    /** The path of `key`; a prefix (`…/`) keeps its trailing slash, as on S3. */
    locate(key) {
        return key.endsWith('/') ? `${this.pathOf(key)}${(node_path__WEBPACK_IMPORTED_MODULE_4___default().sep)}` : this.pathOf(key);
    }
    pathOf(key) {
        return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.root, ...key.split('/'));
    }
    /** The content at a unique temp name beside the target (same filesystem, so link/rename are atomic). */
    async stage(target, body) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target), { recursive: true });
        const staging = scratchName(target);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(staging, body);
        return staging;
    }
    async withLock(target, fn) {
        const lock = `${target}.lock`;
        const token = `${node_os__WEBPACK_IMPORTED_MODULE_3___default().hostname()} ${process.pid} ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
        // The lock appears whole, owner included (link of a written file), so a
        // process killed while taking it never leaves an anonymous lock behind.
        const staged = await this.stage(lock, token);
        try {
            for (;;) {
                try {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(staged, lock);
                    // Its age counts from now, not from when it was staged (another host judges it by age).
                    const now = new Date();
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.utimes)(lock, now, now);
                    break;
                }
                catch (err) {
                    if (err.code !== 'EEXIST')
                        throw err;
                    await breakIfStale(lock);
                    await sleep(LOCK_RETRY_MS + Math.random() * LOCK_RETRY_MS);
                }
            }
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staged, { force: true });
        }
        try {
            return await fn();
        }
        finally {
            // Release only our own lock: a stale-lock breaker may have taken it already.
            const holder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(lock, 'utf8').catch(() => null);
            if (holder === token)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(lock).catch(() => undefined);
        }
    }
}
/**
 * Removes a lock whose owner is gone. It is renamed away first (atomic), and
 * only deleted when the renamed file is the one judged stale; a fresh lock
 * taken meanwhile is put back.
 */
async function breakIfStale(lock) {
    const holder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(lock, 'utf8').catch(() => null);
    if (holder === null)
        return;
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(lock).catch(() => null);
    if (!info || !isStale(holder, info.mtimeMs))
        return;
    const aside = scratchName(lock);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(lock, aside);
    }
    catch {
        return; // someone else broke or released it
    }
    const taken = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(aside, 'utf8').catch(() => null);
    if (taken !== holder)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(aside, lock).catch(() => undefined);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(aside, { force: true });
}
/** On this host a lock is stale when its owner is gone; a lock from another host (a shared folder), when it is old. */
function isStale(holder, mtimeMs) {
    const [host, pid] = holder.split(' ');
    if (host !== node_os__WEBPACK_IMPORTED_MODULE_3___default().hostname() || !pid)
        return Date.now() - mtimeMs > STALE_LOCK_MS;
    try {
        process.kill(Number(pid), 0);
        return false;
    }
    catch (err) {
        return err.code === 'ESRCH';
    }
}
const SCRATCH = '.mlops-ci-tmp-';
function scratchName(target) {
    return node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target), `${SCRATCH}${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(target)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
}
/** Temp files and locks are not objects: listings skip them. */
function isScratch(name) {
    return name.startsWith(SCRATCH) || name.endsWith('.lock');
}
function sha256(body) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex');
}
/** sha256 of a file, streamed; `onProgress` hears the bytes hashed so far after each chunk. */
async function hashFile(file, onProgress) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let bytes = 0;
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file)) {
        hash.update(chunk);
        bytes += chunk.length;
        onProgress?.(bytes);
    }
    return hash.digest('hex');
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

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


/***/ }),

/***/ 3460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getInputs: () => (/* reexport */ readPromoteInputs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/fs-atomic.ts
var fs_atomic = __webpack_require__(8162);
// EXTERNAL MODULE: ./packages/core/src/registry/factory.ts
var factory = __webpack_require__(5327);
// EXTERNAL MODULE: ./packages/core/src/registry/local-blob-store.ts
var local_blob_store = __webpack_require__(4268);
;// CONCATENATED MODULE: ./packages/core/src/registry/lineage.ts


/** Assembles version.json (everything but the version number, which the registry allocates). */
function assembleLineage(parts) {
    const { context } = parts;
    return {
        schema: 1,
        model: parts.model,
        registeredAt: new Date().toISOString(),
        actor: parts.actor,
        files: parts.files.map(({ path: file, size, sha256 }) => ({ path: file, size, sha256 })),
        metrics: parts.metrics,
        gate: parts.gate ? gateSummary(parts.gate) : null,
        git: { commit: context.sha, repository: context.repository ? `${context.repository.owner}/${context.repository.repo}` : null },
        run: { url: context.runUrl, host: parts.host },
        data: { digest: parts.provenance.dataDigest, manifest: parts.provenance.dataManifest },
        env: { fingerprint: parts.provenance.envFingerprint },
        image: { digest: parts.provenance.imageDigest },
        extra: parts.extra,
    };
}
/** Who is acting, for alias records and the audit log. */
function moverOf(actor, host, context) {
    return { actor, runUrl: context.runUrl, host };
}
/** The CI user: GitHub's actor, Jenkins' build user, else the login name. */
function actorFrom(env) {
    return env['GITHUB_ACTOR'] || env['BUILD_USER_ID'] || env['USER'] || env['LOGNAME'] || null;
}
function gateSummary(results) {
    const rules = Object.entries(results.candidates).flatMap(([candidate, result]) => result.rules.map((rule) => ({ candidate, rule: rule.rule, verdict: rule.verdict, value: rule.value })));
    return { passed: results.passed, best: results.best, rules };
}
/**
 * A well-known file another step leaves in `.mlops-ci/` of the workspace
 * (`data-pull.json`, `setup-env.json`, `train-in-container.json`): its
 * outputs as JSON. Null when the step did not run here or wrote nothing.
 */
async function readStepRecord(workspace, step) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(workspace, '.mlops-ci', `${step}.json`), 'utf8'));
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : null;
    }
    catch {
        return null;
    }
}
/** One line per fact, for the log and `--describe`. */
function renderLineage(lineage, uri) {
    const lines = [
        `${lineage.model} version ${lineage.version ?? '?'}  (${uri})`,
        `  registered ${lineage.registeredAt} by ${lineage.actor ?? 'unknown'} on ${lineage.run.host}${lineage.run.url ? ` — ${lineage.run.url}` : ''}`,
        `  commit     ${lineage.git.commit ?? 'unknown'}${lineage.git.repository ? ` (${lineage.git.repository})` : ''}`,
        `  gate       ${lineage.gate ? (lineage.gate.passed ? `passed (best: ${lineage.gate.best ?? '-'})` : 'did not pass') : 'none recorded'}`,
        `  metrics    ${lineage.metrics ? Object.entries(lineage.metrics).map(([k, v]) => `${k}=${v}`).join(', ') : 'none recorded'}`,
        `  data       ${lineage.data.digest ?? 'unknown'}`,
        `  env        ${lineage.env.fingerprint ?? 'unknown'}`,
        `  image      ${lineage.image.digest ?? 'unknown'}`,
        ...lineage.files.map((file) => `  file       ${file.path}  ${file.size} bytes  sha256:${file.sha256}`),
    ];
    return lines.join('\n');
}

// EXTERNAL MODULE: ./packages/core/src/registry/types.ts
var types = __webpack_require__(224);
// EXTERNAL MODULE: ./packages/core/src/host/git.ts
var git = __webpack_require__(8260);
// EXTERNAL MODULE: ./packages/core/src/metrics/load.ts
var load = __webpack_require__(5255);
// EXTERNAL MODULE: ./packages/core/src/registry/names.ts
var names = __webpack_require__(9241);
;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/inputs.ts








/**
 * Reads and checks every input, and the files they name, before any work:
 * a bad name, a missing path, an unknown registry scheme or a gate that did
 * not pass ends the step here (exit 2) with nothing written to the registry.
 */
async function readPromoteInputs(reader, host) {
    const cwd = process.cwd();
    const workspace = host.context.workspace;
    const common = {
        registry: registryOf(reader.string('registry'), workspace),
        s3Endpoint: reader.string('s3-endpoint').trim(),
        push: reader.boolean('push'),
        bump: reader.choice('bump'),
        actor: actorFrom(process.env),
    };
    if (common.registry.kind === 'git-tags')
        await checkGitTagsRepository(common.registry.repo, common.push);
    const describe = reader.string('describe').trim();
    const allowMissing = reader.boolean('allow-missing');
    if (describe)
        return { ...common, mode: 'describe', ...parseDescribe(describe), allowMissing };
    if (allowMissing)
        throw new errors/* InputError */.dz('allow-missing', 'only applies to describe; give describe: <model>@<alias> with it');
    const model = checkedModel(reader.requiredString('model').trim(), 'model');
    const aliasText = reader.string('alias').trim();
    const alias = aliasText ? checkedAlias(aliasText) : null;
    const rollback = reader.boolean('rollback');
    const removeAlias = reader.boolean('remove-alias');
    const toVersion = reader.string('to-version').trim();
    const modes = [rollback && 'rollback', removeAlias && 'remove-alias', toVersion && 'to-version'].filter((mode) => Boolean(mode));
    if (modes.length > 1)
        throw new errors/* InputError */.dz(modes[1], `was given together with ${modes[0]}; give only one of rollback, remove-alias and to-version`);
    const which = modes[0];
    if (which) {
        if (!alias)
            throw new errors/* InputError */.dz('alias', `is required with ${which}: name the alias (e.g. production)`);
        if (rollback)
            return { ...common, mode: 'rollback', model, alias };
        if (removeAlias)
            return { ...common, mode: 'remove-alias', model, alias };
        if (!/^(\d+|v?\d+\.\d+\.\d+)$/.test(toVersion)) {
            throw new errors/* InputError */.dz('to-version', `got '${toVersion}', expected a version number (7) or, for git-tags, vX.Y.Z`);
        }
        return { ...common, mode: 'to-version', model, alias, version: toVersion };
    }
    const files = await modelFiles(reader.requiredString('path').trim(), cwd);
    const metricsFile = reader.string('metrics').trim();
    const metrics = metricsFile ? await (0,load/* loadMetricsFile */.mS)(metricsFile, cwd) : null;
    const gate = await readGate(reader.string('gate-results').trim(), cwd);
    if (reader.boolean('require-gate'))
        requirePassedGate(gate);
    return {
        ...common,
        mode: 'register',
        model,
        alias,
        files,
        metrics,
        gate,
        extra: parseExtraLineage(reader.string('lineage')),
        provenance: await readProvenance(reader, workspace, cwd),
    };
}
function registryOf(value, workspace) {
    try {
        return (0,factory.parseRegistryLocation)(value, workspace);
    }
    catch (err) {
        if (err instanceof factory.UnknownRegistryError || err instanceof TypeError)
            throw new errors/* InputError */.dz('registry', err.message);
        throw err;
    }
}
/** git-tags needs a repository with a commit to tag, and an `origin` to push to when push is on. */
async function checkGitTagsRepository(repo, push) {
    if (!(await (0,git/* revParse */.DJ)(repo, 'HEAD'))) {
        throw new errors/* InputError */.dz('registry', `is git-tags, but ${repo} is not a git repository with a commit to tag (check out the repository first)`);
    }
    if (push && !(await (0,git/* remoteUrl */.gX)(repo)))
        throw new errors/* InputError */.dz('push', `is true, but the repository in ${repo} has no remote named origin`);
}
function checkedModel(model, input) {
    const problem = (0,names/* modelNameProblem */.W)(model);
    if (problem)
        throw new errors/* InputError */.dz(input, `got model name '${model}', which ${problem}`);
    return model;
}
function checkedAlias(alias) {
    const problem = (0,names/* aliasProblem */.C1)(alias);
    if (problem)
        throw new errors/* InputError */.dz('alias', `got '${alias}', which ${problem}`);
    return alias;
}
/** `model@alias` or `model@<version>` (7, v1.2.0). */
function parseDescribe(text) {
    const at = text.lastIndexOf('@');
    if (at <= 0 || at === text.length - 1)
        throw new errors/* InputError */.dz('describe', `got '${text}', expected <model>@<alias> or <model>@<version> (e.g. iris@production)`);
    const model = checkedModel(text.slice(0, at), 'describe');
    const ref = text.slice(at + 1);
    if (/^(\d+|v\d+\.\d+\.\d+)$/.test(ref))
        return { model, ref: { version: ref } };
    const problem = (0,names/* aliasProblem */.C1)(ref);
    if (problem)
        throw new errors/* InputError */.dz('describe', `got alias '${ref}', which ${problem}`);
    return { model, ref: { alias: ref } };
}
/** The file, or every file under the folder (sorted), as paths relative to the model. */
async function modelFiles(modelPath, cwd) {
    const absolute = external_node_path_default().resolve(cwd, modelPath);
    const info = await (0,promises_.stat)(absolute).catch(() => null);
    if (!info)
        throw new errors/* InputError */.dz('path', `got '${modelPath}', which does not exist`);
    if (info.isFile())
        return [{ path: external_node_path_default().basename(absolute), absolutePath: absolute }];
    if (!info.isDirectory())
        throw new errors/* InputError */.dz('path', `got '${modelPath}', which is neither a file nor a folder`);
    const entries = await (0,promises_.readdir)(absolute, { recursive: true, withFileTypes: true });
    const files = entries
        .filter((entry) => entry.isFile())
        .map((entry) => {
        const full = external_node_path_default().join(entry.parentPath, entry.name);
        return { path: external_node_path_default().relative(absolute, full).split((external_node_path_default()).sep).join('/'), absolutePath: full };
    })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (files.length === 0)
        throw new errors/* InputError */.dz('path', `got '${modelPath}', a folder with no files in it`);
    if (files.some((file) => file.path === 'version.json')) {
        throw new errors/* InputError */.dz('path', `'${modelPath}' holds a version.json at its top, the name the registry keeps the lineage under; rename it`);
    }
    return files;
}
/** evaluate-and-gate's results: the JSON itself (the `results` output) or a file holding it. */
async function readGate(value, cwd) {
    if (!value)
        return null;
    const text = value.startsWith('{') ? value : await (0,load/* readTextFile */.Gu)('gate-results', 'gate results file', value, cwd);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz('gate-results', `is not the JSON evaluate-and-gate writes (${err.message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.passed !== 'boolean') {
        throw new errors/* InputError */.dz('gate-results', 'has no top-level boolean "passed": expected the `results` output (or `results-file`) of evaluate-and-gate');
    }
    const results = parsed;
    return { ...results, candidates: results.candidates ?? {} };
}
/** require-gate: only a gate that passed lets a model in; the refusal lists the rules that failed. */
function requirePassedGate(gate) {
    if (!gate) {
        throw new errors/* InputError */.dz('gate-results', 'is required while require-gate is true: pass the results of evaluate-and-gate, or set require-gate: false');
    }
    if (gate.passed)
        return;
    const failed = Object.entries(gate.candidates).flatMap(([name, candidate]) => (candidate.rules ?? []).filter((rule) => !rule.passed).map((rule) => `${name}: ${rule.rule} (${rule.metric} = ${rule.value ?? 'missing'})`));
    throw new errors/* InputError */.dz('gate-results', `the gate did not pass, so the model is not promoted; failed rules: ${failed.length ? failed.join('; ') : 'none listed'}`);
}
/** A JSON object, or `key=value` lines. */
function parseExtraLineage(text) {
    const trimmed = text.trim();
    if (!trimmed)
        return {};
    if (trimmed.startsWith('{')) {
        try {
            const parsed = JSON.parse(trimmed);
            if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
                return parsed;
        }
        catch (err) {
            throw new errors/* InputError */.dz('lineage', `is not valid JSON (${err.message})`);
        }
        throw new errors/* InputError */.dz('lineage', 'must be a JSON object or key=value lines');
    }
    const extra = {};
    for (const line of trimmed.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new errors/* InputError */.dz('lineage', `got line '${line}', expected key=value`);
        extra[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    return extra;
}
/** Inputs first; else the records data-pull, setup-env and train-in-container leave in `.mlops-ci/`. */
async function readProvenance(reader, workspace, cwd) {
    const [data, env, train] = await Promise.all([
        readStepRecord(workspace, 'data-pull'),
        readStepRecord(workspace, 'setup-env'),
        readStepRecord(workspace, 'train-in-container'),
    ]);
    const manifestPath = reader.string('data-manifest').trim() || stringField(data, 'manifest');
    return {
        dataDigest: reader.string('data-digest').trim() || stringField(data, 'digest'),
        dataManifest: manifestPath ? await readManifest(manifestPath, cwd) : null,
        envFingerprint: reader.string('env-fingerprint').trim() || stringField(env, 'fingerprint'),
        imageDigest: reader.string('image-digest').trim() || stringField(train, 'image-digest'),
    };
}
async function readManifest(file, cwd) {
    const text = await (0,load/* readTextFile */.Gu)('data-manifest', 'data manifest', file, cwd);
    try {
        return JSON.parse(text);
    }
    catch {
        return text; // a manifest in another format is recorded as text
    }
}
function stringField(record, key) {
    const value = record?.[key];
    return typeof value === 'string' && value !== '' ? value : null;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/promote-model/index.ts
/**
 * promote-model: register a model that passed its gate, with its lineage, and
 * move an alias to it — race-free against other pipelines doing the same.
 *
 * The story: read every input (a bad name, a missing path, an unknown
 * registry or a gate that did not pass stops here, exit 2, nothing written)
 * → open the registry → then one of: hash the model files, register them as
 * the next version with their lineage and move the alias (the main path);
 * describe a version; roll an alias back; remove an alias; move an alias to
 * an existing version → a local copy of the lineage, the summary, outputs.
 */











/** How often long work (hashing a large file) says how far it got. */
const PROGRESS_EVERY_MS = 5000;
/** Credentials MLflow's clients and the AWS SDK read from the environment: masked, whatever a log line quotes. */
const SECRET_ENV = ['MLFLOW_TRACKING_TOKEN', 'MLFLOW_TRACKING_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
async function run(inputs, host) {
    for (const name of SECRET_ENV)
        if (process.env[name])
            host.setSecret(process.env[name]);
    const registry = await (0,factory.openRegistry)(inputs.registry, {
        workspace: host.context.workspace,
        s3Endpoint: inputs.s3Endpoint,
        push: inputs.push,
        bump: inputs.bump,
        log: (message) => host.info(message),
    });
    host.info(`Registry: ${registry.description}`);
    const mover = moverOf(inputs.actor, host.kind, host.context);
    switch (inputs.mode) {
        case 'describe':
            return describeVersion(registry, inputs, host);
        case 'rollback':
            return rollBack(registry, inputs.model, inputs.alias, mover, host);
        case 'remove-alias':
            return removeAlias(registry, inputs.model, inputs.alias, mover, host);
        case 'to-version':
            return moveAlias(registry, inputs.model, inputs.alias, inputs.version, mover, host);
        case 'register':
            return registerAndPromote(registry, inputs, mover, host);
    }
}
/** The main path: hash, register with lineage, then move the alias (when one is given). */
async function registerAndPromote(registry, inputs, mover, host) {
    const files = await host.group('Hash the model files', () => hashModelFiles(inputs.files, host));
    const pending = assembleLineage({ ...inputs, files, host: host.kind, context: host.context });
    const registered = await host.group(`Register ${inputs.model} in ${registry.description}`, () => refusalsAsInputErrors('registry', () => registry.register(inputs.model, files, pending, mover)));
    host.info(renderLineage(registered.lineage, registered.uri));
    let previous = null;
    if (inputs.alias) {
        const move = await registry.setAlias(inputs.model, inputs.alias, registered.version, mover);
        previous = move.previous;
        host.info(`${inputs.model}@${move.alias}: ${move.previous ?? '(new)'} → ${move.version}`);
    }
    await host.appendSummary(summary(registered.lineage, registered.uri, inputs.alias, previous));
    return { outputs: await versionOutputs(registered, previous, host) };
}
async function describeVersion(registry, { model, ref, allowMissing }, host) {
    const found = await registry.describe(model, ref);
    if (!found) {
        const missing = `${model}@${'alias' in ref ? ref.alias : ref.version} does not exist in ${registry.description}`;
        if (!allowMissing)
            throw new errors/* InputError */.dz('describe', missing);
        host.info(`${missing} (allow-missing: found = false)`);
        return { outputs: { version: '', uri: '', 'previous-version': '', lineage: '', found: 'false' } };
    }
    host.info(renderLineage(found.lineage, found.uri));
    host.info(JSON.stringify(found.lineage, null, 2));
    return { outputs: { ...(await versionOutputs(found, null, host)), found: 'true' } };
}
async function rollBack(registry, model, alias, mover, host) {
    const move = await refusalsAsInputErrors('rollback', () => registry.rollback(model, alias, mover));
    host.info(`${model}@${alias}: rolled back from ${move.previous ?? '(none)'} to ${move.version}`);
    await host.appendSummary(`### promote-model: ${model}@${alias} rolled back from ${move.previous ?? '(none)'} to ${move.version}\n`);
    return { outputs: await aliasOutputs(registry, model, move, host) };
}
async function removeAlias(registry, model, alias, mover, host) {
    const removed = await refusalsAsInputErrors('remove-alias', () => registry.removeAlias(model, alias, mover));
    host.info(`${model}@${alias}: removed (it pointed to ${removed.previous})`);
    await host.appendSummary(`### promote-model: ${model}@${alias} removed (it pointed to ${removed.previous})\n`);
    return { outputs: { version: '', uri: '', 'previous-version': removed.previous, lineage: '' } };
}
async function moveAlias(registry, model, alias, version, mover, host) {
    const move = await refusalsAsInputErrors('to-version', () => registry.setAlias(model, alias, version, mover));
    host.info(`${model}@${alias}: ${move.previous ?? '(new)'} → ${move.version}`);
    await host.appendSummary(`### promote-model: ${model}@${alias} moved from ${move.previous ?? '(new)'} to ${move.version}\n`);
    return { outputs: await aliasOutputs(registry, model, move, host) };
}
/** sha256 of every file: a line per file, and every 5 s while a large one hashes (models can be gigabytes). */
async function hashModelFiles(refs, host) {
    const files = [];
    for (const ref of refs) {
        const size = await fileSize(ref.absolutePath);
        let last = Date.now();
        const sha256 = await (0,local_blob_store.hashFile)(ref.absolutePath, (bytes) => {
            if (Date.now() - last < PROGRESS_EVERY_MS)
                return;
            last = Date.now();
            host.info(`  ${ref.path}: hashed ${Math.round((100 * bytes) / Math.max(1, size))}% (${bytes} of ${size} bytes)`);
        });
        files.push({ ...ref, sha256, size });
        host.info(`  ${ref.path}  ${size} bytes  sha256:${sha256}`);
    }
    return files;
}
async function fileSize(file) {
    return (await (0,promises_.stat)(file)).size;
}
/** A request the registry's contents refuse (unknown version, nothing to roll back) is bad input: exit 2. */
async function refusalsAsInputErrors(input, fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof types.RegistryRefusal)
            throw new errors/* InputError */.dz(input, err.message);
        throw err;
    }
}
async function aliasOutputs(registry, model, move, host) {
    const found = await registry.describe(model, { version: move.version });
    if (!found)
        throw new Error(`${model} version ${move.version} vanished from ${registry.description} right after the alias moved to it`);
    return versionOutputs(found, move.previous, host);
}
async function versionOutputs(found, previous, host) {
    return { version: found.lineage.version, uri: found.uri, 'previous-version': previous ?? '', lineage: await lineageFile(found, host) };
}
/** The version.json in a local registry; for remote ones a copy in the run's temp folder. */
async function lineageFile(found, host) {
    const inPlace = external_node_path_default().join(found.uri, 'version.json');
    if (external_node_path_default().isAbsolute(found.uri) && (0,external_node_fs_.existsSync)(inPlace))
        return inPlace;
    const safeModel = found.lineage.model.replace(/[^A-Za-z0-9_.-]+/g, '-');
    const copy = external_node_path_default().join(host.context.tempDir, 'mlops-ci', 'promote-model', safeModel, found.lineage.version, 'version.json');
    await (0,fs_atomic/* writeFileAtomic */.Z)(copy, `${JSON.stringify(found.lineage, null, 2)}\n`);
    return copy;
}
function summary(lineage, uri, alias, previous) {
    const rows = [
        ['version', lineage.version],
        ['files', `${lineage.files.length} (${uri})`],
        ['alias', alias ? `${alias}: ${previous ?? '(new)'} → ${lineage.version}` : '—'],
        ['gate', lineage.gate ? (lineage.gate.passed ? 'passed' : 'did not pass') : '—'],
        ['commit', lineage.git.commit ?? '—'],
    ];
    return [`### promote-model: ${lineage.model} ${lineage.version}`, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''].join('\n');
}


/***/ })

};
