export const id = 994;
export const ids = [994];
export const modules = {

/***/ 90994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MlflowRegistry: () => (/* binding */ MlflowRegistry),
/* harmony export */   mlflowAuthFromEnv: () => (/* binding */ mlflowAuthFromEnv)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49241);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40224);




const API = '/api/2.0/mlflow';
const ARTIFACTS = '/api/2.0/mlflow-artifacts/artifacts';
/** A model version is usable once READY; registration of a copied artifact takes a moment. */
const READY_TIMEOUT_MS = 120_000;
/** Tries of an alias set that lost the server's own insert race. */
const UPSERT_ATTEMPTS = 5;
class MlflowApiError extends Error {
    status;
    errorCode;
    constructor(message, status, errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }
}
/**
 * The MLflow model registry through its REST API (`mlflow+http://host:port`).
 * The model files go to the server's artifact store (`mlflow-artifacts:`,
 * served by `mlflow server`), the version is created with that source and
 * awaited until READY, lineage fields become version tags (the whole
 * version.json is stored beside the files), and aliases are set through
 * `registered-models/alias`. MLflow allocates version numbers itself; its
 * alias API has no compare-and-swap, so two concurrent moves of one alias
 * end with the last writer's. Stages are deprecated since MLflow 2.9: aliases only.
 */
class MlflowRegistry {
    baseUrl;
    auth;
    description;
    /**
     * @param auth the `Authorization` header value, or null: MLflow's own client
     *   variables MLFLOW_TRACKING_TOKEN (bearer) or MLFLOW_TRACKING_USERNAME/PASSWORD (basic).
     */
    constructor(baseUrl, auth = null) {
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.description = `mlflow+${baseUrl}`;
    }
    async register(model, files, pending, mover) {
        // MLflow 3 accepts a version source only inside the run named with it: the files go into a run's artifacts.
        const run = await this.createRun(model, pending);
        let registered;
        try {
            registered = await this.registerInRun(run, model, files, pending, mover);
        }
        catch (err) {
            await this.endRun(run.runId, 'FAILED').catch((cause) => {
                throw new Error(`${err.message} (and marking MLflow run ${run.runId} FAILED failed too: ${cause.message})`, { cause: err });
            });
            throw err;
        }
        await this.endRun(run.runId, 'FINISHED');
        return registered;
    }
    /** Uploads the files into the run, creates the version from them and waits until it is READY. */
    async registerInRun(run, model, files, pending, mover) {
        const folder = `${run.artifactUri.replace(/^mlflow-artifacts:\/+/, '')}/model`;
        for (const file of files)
            await this.uploadArtifact(`${folder}/${file.path}`, { file: file.absolutePath, size: file.size });
        await this.ensureRegisteredModel(model);
        const source = `${run.artifactUri}/model`;
        const created = await this.call('POST', 'model-versions/create', {
            name: model,
            source,
            run_id: run.runId,
            description: `Registered by mlops-ci from ${pending.git.commit ?? 'an unknown commit'}`,
            tags: lineageTags(pending, mover),
        });
        const version = await this.waitUntilReady(model, created.model_version.version);
        const lineage = { ...pending, version: version.version };
        await this.uploadArtifact(`${folder}/version.json`, Buffer.from(`${JSON.stringify(lineage, null, 2)}\n`));
        return { version: version.version, uri: source, lineage };
    }
    /** Ends the run: FINISHED once the version is registered, FAILED when registering it failed (never left RUNNING). */
    async endRun(runId, status) {
        await this.call('POST', 'runs/update', { run_id: runId, status, end_time: Date.now() });
    }
    /** A run in the `mlops-ci` experiment holding the model files, its metrics logged. */
    async createRun(model, pending) {
        const experimentId = await this.experimentId('mlops-ci');
        const created = await this.call('POST', 'runs/create', {
            experiment_id: experimentId,
            run_name: `register ${model}`,
            start_time: Date.now(),
            tags: [{ key: 'mlflow.source.git.commit', value: pending.git.commit ?? '' }].filter((tag) => tag.value),
        });
        const { run_id: runId, artifact_uri: artifactUri } = created.run.info;
        const metrics = Object.entries(pending.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: Date.now(), step: 0 }));
        if (metrics.length > 0)
            await this.call('POST', 'runs/log-batch', { run_id: runId, metrics });
        return { runId, artifactUri };
    }
    async experimentId(name) {
        try {
            return (await this.call('GET', `experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`)).experiment.experiment_id;
        }
        catch (err) {
            if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST'))
                throw err;
        }
        try {
            return (await this.call('POST', 'experiments/create', { name })).experiment_id;
        }
        catch (err) {
            // Another pipeline created it meanwhile.
            if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS'))
                throw err;
            return (await this.call('GET', `experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`)).experiment.experiment_id;
        }
    }
    async refusalOf(change) {
        switch (change.kind) {
            case 'register':
                return null;
            case 'set-alias':
                return this.missingVersion(change.model, change.version);
            case 'remove-alias':
                return (await this.aliasVersion(change.model, change.alias)) ? null : this.unsetAlias(change.model, change.alias);
            case 'rollback':
                return (await this.rollbackTarget(change.model, change.alias)) ? null : this.nothingToRollBack(change.model, change.alias);
        }
    }
    async setAlias(model, alias, version, _mover) {
        const missing = await this.missingVersion(model, version);
        if (missing)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryRefusal */ .O(missing);
        const previous = (await this.aliasVersion(model, alias))?.version ?? null;
        await this.upsert('registered-models/alias', { name: model, alias, version });
        // MLflow keeps no history of an alias: the version before this move is a tag, for rollback.
        await this.upsert('registered-models/set-tag', { name: model, key: previousTag(alias), value: previous ?? '' });
        return { alias, version, previous };
    }
    async removeAlias(model, alias, _mover) {
        const current = await this.aliasVersion(model, alias);
        if (!current)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryRefusal */ .O(this.unsetAlias(model, alias));
        await this.call('DELETE', 'registered-models/alias', { name: model, alias });
        await this.upsert('registered-models/set-tag', { name: model, key: previousTag(alias), value: current.version });
        return { alias, previous: current.version };
    }
    async rollback(model, alias, mover) {
        const previous = await this.rollbackTarget(model, alias);
        if (!previous)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryRefusal */ .O(this.nothingToRollBack(model, alias));
        return this.setAlias(model, alias, previous, mover);
    }
    /** The version the alias pointed to before its last move (a tag: MLflow keeps no alias history); null when none. */
    async rollbackTarget(model, alias) {
        const registered = await this.call('GET', `registered-models/get?name=${encodeURIComponent(model)}`);
        return registered.registered_model.tags?.find((tag) => tag.key === previousTag(alias))?.value || null;
    }
    async missingVersion(model, version) {
        if (/^\d+$/.test(version) && (await this.modelVersion(model, version)))
            return null;
        return `version ${version} of ${model} does not exist in ${this.description}`;
    }
    unsetAlias(model, alias) {
        return `alias ${alias} of ${model} is not set in ${this.description}: nothing to remove`;
    }
    nothingToRollBack(model, alias) {
        return `alias ${alias} of ${model} has no version to go back to in ${this.description}: nothing to roll back to`;
    }
    async describe(model, ref) {
        const version = 'alias' in ref ? await this.aliasVersion(model, ref.alias) : /^\d+$/.test(ref.version) ? await this.modelVersion(model, ref.version) : null;
        if (!version)
            return null;
        const folder = version.source.replace(/^mlflow-artifacts:\/+/, '');
        const stored = await this.request('GET', `${ARTIFACTS}/${encodePath(folder)}/version.json`);
        if (stored.status === 404)
            return null; // not registered by mlops-ci, or its registration never finished
        if (!stored.ok)
            throw new Error(`${this.description}: reading the lineage of ${model} ${version.version} failed with HTTP ${stored.status}`);
        return { uri: version.source, lineage: this.parseLineage(await stored.text(), `${version.source}/version.json`, model, version.version) };
    }
    /** The stored version.json; not a JSON object: a RegistryCorrupt naming it (its text is not quoted). */
    parseLineage(text, where, model, version) {
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            parsed = undefined;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryCorrupt */ .R(`registry file ${where} (${model} version ${version}) in ${this.description} is damaged: it is not a JSON object (${Buffer.byteLength(text)} bytes)`);
        }
        return parsed;
    }
    async overview(model) {
        let registered;
        try {
            registered = await this.call('GET', `registered-models/get?name=${encodeURIComponent(model)}`);
        }
        catch (err) {
            if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')
                return { hasVersions: false, aliases: [] };
            throw err;
        }
        const found = await this.call('GET', `model-versions/search?filter=${encodeURIComponent(`name='${model}'`)}&max_results=1`);
        return { hasVersions: (found.model_versions ?? []).length > 0, aliases: (registered.registered_model.aliases ?? []).map((a) => a.alias).sort() };
    }
    async readFile(model, version, file) {
        const found = /^\d+$/.test(version) ? await this.modelVersion(model, version) : null;
        if (!found || !(0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .isModelFilePath */ .pR)(file))
            return null;
        const folder = found.source.replace(/^mlflow-artifacts:\/+/, '');
        const response = await this.request('GET', `${ARTIFACTS}/${encodePath(folder)}/${encodePath(file)}`);
        if (response.status === 404)
            return null;
        if (!response.ok)
            throw new Error(`${this.description}: reading ${file} of ${model} ${version} failed with HTTP ${response.status}`);
        return Buffer.from(await response.arrayBuffer());
    }
    /**
     * A POST that sets a row (an alias, a tag). The server reads, then inserts:
     * two first-time sets of one key at once make the loser fail on the table's
     * unique key (seen with MLflow 3.17 on sqlite, for aliases and for tags). A
     * retry finds the row and updates it.
     */
    async upsert(endpoint, body) {
        for (let attempt = 1;; attempt++) {
            try {
                await this.call('POST', endpoint, body);
                return;
            }
            catch (err) {
                const lostInsertRace = err instanceof MlflowApiError && /UNIQUE constraint|IntegrityError|duplicate key/i.test(err.message);
                if (!lostInsertRace || attempt >= UPSERT_ATTEMPTS)
                    throw err;
                await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
            }
        }
    }
    async ensureRegisteredModel(model) {
        try {
            await this.call('POST', 'registered-models/create', { name: model });
        }
        catch (err) {
            if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS'))
                throw err;
        }
    }
    async waitUntilReady(model, version) {
        const deadline = Date.now() + READY_TIMEOUT_MS;
        for (;;) {
            const current = await this.modelVersion(model, version);
            if (current?.status === 'READY')
                return current;
            if (current?.status === 'FAILED_REGISTRATION')
                throw new Error(`${this.description}: ${model} version ${version} failed to register: ${current.status_message ?? ''}`);
            if (Date.now() > deadline)
                throw new Error(`${this.description}: ${model} version ${version} was not READY after ${READY_TIMEOUT_MS / 1000} s`);
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    }
    async modelVersion(model, version) {
        try {
            const found = await this.call('GET', `model-versions/get?name=${encodeURIComponent(model)}&version=${encodeURIComponent(version)}`);
            return found.model_version;
        }
        catch (err) {
            if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')
                return null;
            throw err;
        }
    }
    async aliasVersion(model, alias) {
        try {
            const found = await this.call('GET', `registered-models/alias?name=${encodeURIComponent(model)}&alias=${encodeURIComponent(alias)}`);
            return found.model_version;
        }
        catch (err) {
            // An unknown alias is INVALID_PARAMETER_VALUE in some versions, RESOURCE_DOES_NOT_EXIST in others.
            if (err instanceof MlflowApiError && (err.errorCode === 'RESOURCE_DOES_NOT_EXIST' || err.errorCode === 'INVALID_PARAMETER_VALUE' || err.status === 404))
                return null;
            throw err;
        }
    }
    /** PUT to the server's artifact store; a file is streamed, not read into memory (models can be gigabytes). */
    async uploadArtifact(artifactPath, body) {
        const response = await this.request('PUT', `${ARTIFACTS}/${encodePath(artifactPath)}`, body);
        if (!response.ok)
            throw new Error(`${this.description}: uploading ${artifactPath} failed with HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    async call(method, endpoint, body) {
        const response = await this.request(method, `${API}/${endpoint}`, body === undefined ? undefined : JSON.stringify(body));
        const text = await response.text();
        if (response.ok)
            return (text ? JSON.parse(text) : {});
        let parsed = {};
        try {
            parsed = JSON.parse(text);
        }
        catch {
            // not JSON: an HTML error page from a proxy
        }
        throw new MlflowApiError(`${this.description}: ${method} ${endpoint.split('?')[0]} failed with HTTP ${response.status}: ${parsed.message ?? text.slice(0, 300)}`, response.status, parsed.error_code);
    }
    async request(method, pathAndQuery, body) {
        try {
            const headers = this.auth ? { authorization: this.auth } : {};
            if (body !== undefined)
                headers['content-type'] = typeof body === 'string' ? 'application/json' : 'application/octet-stream';
            let payload;
            if (typeof body === 'string')
                payload = body;
            else if (Buffer.isBuffer(body))
                payload = new Uint8Array(body);
            else if (body) {
                headers['content-length'] = String(body.size);
                payload = node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.toWeb((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(body.file));
            }
            // A streamed body needs duplex: 'half' (undici); it is harmless for the others.
            const init = { method, headers, ...(payload === undefined ? {} : { body: payload, duplex: 'half' }) };
            return await fetch(`${this.baseUrl}${pathAndQuery}`, init);
        }
        catch (err) {
            throw new Error(`${this.description} is not reachable: ${err.message}`, { cause: err });
        }
    }
}
/** The Authorization header MLflow's own clients would send, from their environment variables; null without them. */
function mlflowAuthFromEnv(env) {
    if (env['MLFLOW_TRACKING_TOKEN'])
        return `Bearer ${env['MLFLOW_TRACKING_TOKEN']}`;
    const user = env['MLFLOW_TRACKING_USERNAME'];
    const password = env['MLFLOW_TRACKING_PASSWORD'];
    return user && password ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : null;
}
/** Lineage fields as version tags, so the MLflow UI and API show them without our file. */
function lineageTags(lineage, mover) {
    const tags = {
        'mlops_ci.git_commit': lineage.git.commit,
        'mlops_ci.repository': lineage.git.repository,
        'mlops_ci.run_url': lineage.run.url,
        'mlops_ci.host': lineage.run.host,
        'mlops_ci.actor': mover.actor,
        'mlops_ci.gate_passed': lineage.gate ? String(lineage.gate.passed) : null,
        'mlops_ci.data_digest': lineage.data.digest,
        'mlops_ci.env_fingerprint': lineage.env.fingerprint,
        'mlops_ci.image_digest': lineage.image.digest,
        'mlops_ci.files': lineage.files.map((file) => `${file.path} sha256:${file.sha256}`).join('\n'),
        ...Object.fromEntries(Object.entries(lineage.metrics ?? {}).map(([name, value]) => [`mlops_ci.metric.${name}`, String(value)])),
    };
    return Object.entries(tags)
        .filter((entry) => entry[1] !== null && entry[1] !== '')
        .map(([key, value]) => ({ key, value: value.slice(0, 5000) }));
}
function previousTag(alias) {
    return `mlops_ci.alias.${alias}.previous`;
}
function encodePath(artifactPath) {
    return artifactPath.split('/').map(encodeURIComponent).join('/');
}


/***/ })

};
