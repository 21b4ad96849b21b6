export const id = 287;
export const ids = [287];
export const modules = {

/***/ 72287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitTagsRegistry: () => (/* binding */ GitTagsRegistry)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96192);
/* harmony import */ var _scm_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13931);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40224);




/** Marks the start of the lineage JSON in an annotated tag's message. */
const LINEAGE_MARKER = '--- mlops-ci lineage ---';
/** Re-reads after losing a race for a tag name at origin, before giving up. */
const MAX_ATTEMPTS = 20;
/**
 * A GTO-compatible registry in git tags: `model@vX.Y.Z` registers a version
 * (annotated; the message holds a summary and the lineage JSON) and
 * `model#<stage>#N` assigns a stage (the alias) to the version at that
 * commit, N being the model's highest counter + 1. With `push`, tags go to
 * `origin`, where creating an existing tag is refused: a race lost there is
 * retried with the next number. Model files are not stored: their sha256 are
 * in the lineage, the commit is what reproduces them.
 */
class GitTagsRegistry {
    repo;
    options;
    description;
    constructor(repo, options) {
        this.repo = repo;
        this.options = options;
        this.description = `git-tags (${repo})`;
    }
    async refusalOf(change) {
        await this.fetchTags();
        switch (change.kind) {
            case 'register':
                return this.versionAtHead(change.model);
            case 'set-alias':
                return (await this.tagCommit(versionTag(change.model, change.version))) ? null : noVersion(change.model, change.version);
            case 'remove-alias':
                return assignedNow(change.model, change.alias, await this.assignments(change.model)).refusal ?? null;
            case 'rollback':
                return rollbackOf(change.model, change.alias, await this.assignments(change.model)).refusal ?? null;
        }
    }
    async register(model, _files, pending, _mover) {
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            await this.fetchTags();
            const refused = await this.versionAtHead(model);
            if (refused)
                throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryRefusal */ .O(refused);
            const latest = (await this.versions(model)).at(-1);
            const tagVersion = nextVersion(latest, this.options.bump);
            const name = `${model}@${tagVersion}`;
            const lineage = { ...pending, version: tagVersion };
            const message = `Registering artifact ${model} version ${tagVersion}\n\n${summaryLine(lineage)}\n\n${LINEAGE_MARKER}\n${JSON.stringify(lineage, null, 2)}\n`;
            if (!(await this.createTag(name, 'HEAD', message)))
                continue;
            if (await this.pushTag(name))
                return { version: tagVersion, uri: `${this.repo}#${name}`, lineage };
        }
        throw new Error(`could not register ${model}: ${MAX_ATTEMPTS} attempts lost the race for a version tag at origin`);
    }
    async setAlias(model, alias, version, _mover) {
        await this.fetchTags();
        const tag = versionTag(model, version);
        const commit = await this.tagCommit(tag);
        if (!commit)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryRefusal */ .O(noVersion(model, version));
        return this.assign(model, alias, tag.slice(model.length + 1), commit);
    }
    async removeAlias(model, alias, _mover) {
        await this.fetchTags();
        const { current, refusal } = assignedNow(model, alias, await this.assignments(model));
        if (!current)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryRefusal */ .O(refusal);
        await this.tagStage(model, `${alias}!`, current.commit, `Unassigning stage '${alias}' to artifact '${model}' version '${current.version}'\n`);
        return { alias, previous: current.version };
    }
    async rollback(model, alias, _mover) {
        await this.fetchTags();
        const { before, refusal } = rollbackOf(model, alias, await this.assignments(model));
        if (!before)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryRefusal */ .O(refusal);
        return this.assign(model, alias, before.version, before.commit);
    }
    /** Tags carry the lineage only: the model files stay wherever the pipeline keeps them. */
    async readFile(model, version, file) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryRefusal */ .O(`${this.description} keeps no model files (only tags), so it has no ${file} for ${model} ${version}: give the file's path instead`);
    }
    async describe(model, ref) {
        const version = 'alias' in ref ? await this.aliasVersion(model, ref.alias) : ref.version.startsWith('v') ? ref.version : `v${ref.version}`;
        if (!version)
            return null;
        const tag = `${model}@${version}`;
        const facts = await this.tagFacts(tag);
        if (!facts)
            return null;
        const uri = `${this.repo}#${tag}`;
        const at = facts.message.indexOf(LINEAGE_MARKER);
        // `gto register` (or any tool but mlops-ci) writes no lineage block: the tag itself still says what it is.
        if (at === -1)
            return { uri, lineage: foreignLineage(model, version, facts) };
        try {
            return { uri, lineage: JSON.parse(facts.message.slice(at + LINEAGE_MARKER.length)) };
        }
        catch (err) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryRefusal */ .O(`tag ${tag} holds a damaged mlops-ci lineage block (${err.message}); re-register the version or delete the tag`);
        }
    }
    async overview(model) {
        const assignments = await this.assignments(model);
        const stages = [...new Set(assignments.map((a) => a.stage))];
        const aliases = stages.filter((stage) => {
            const current = stageHistory(assignments, stage).at(-1);
            return current !== undefined && !current.removed;
        });
        return { hasVersions: (await this.versions(model)).length > 0, aliases: aliases.sort() };
    }
    /** Why HEAD cannot take a new version of `model` (it has one), or null. */
    async versionAtHead(model) {
        const head = await this.git(['rev-parse', 'HEAD']);
        const existing = await this.versionAt(model, head.trim());
        return existing ? `HEAD is already ${model}@${existing}, and GTO allows one version of a model per commit: commit the new model (or its metadata) first` : null;
    }
    /** The version a stage is assigned to now; null when never assigned or unassigned. */
    async aliasVersion(model, alias) {
        const current = stageHistory(await this.assignments(model), alias).at(-1);
        if (!current || current.removed)
            return null;
        if (!current.version)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryRefusal */ .O(`${current.tag} assigns ${alias} to commit ${current.commit.slice(0, 12)}, which has no ${model}@vX.Y.Z tag`);
        return current.version;
    }
    /** What a tag says about itself: its commit, message, time and tagger; null when there is no such tag. */
    async tagFacts(tag) {
        const commit = await this.tagCommit(tag);
        if (!commit)
            return null;
        // A lightweight tag has no tagger or message: the commit's date stands for the tag time.
        const format = '%(taggerdate:iso-strict)%00%(committerdate:iso-strict)%00%(taggername)%00%(contents)';
        const [taggedAt = '', committedAt = '', tagger = '', ...message] = (await this.git(['for-each-ref', `--format=${format}`, `refs/tags/${tag}`])).split('\0');
        return { commit, taggedAt: taggedAt || committedAt || null, tagger: tagger || null, message: message.join('\0') };
    }
    async assign(model, alias, version, commit) {
        const current = stageHistory(await this.assignments(model), alias).at(-1);
        const previous = current && !current.removed ? current.version : null;
        await this.tagStage(model, alias, commit, `Assigning stage ${alias} to artifact ${model} version ${version}\n`);
        return { alias, version, previous };
    }
    /** `model#<stage>#N` on `commit`, N = the model's highest counter + 1 (GTO), retried on a lost race. */
    async tagStage(model, stage, commit, message) {
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            const counter = Math.max(0, ...(await this.assignments(model)).map((a) => a.counter)) + 1;
            const name = `${model}#${stage}#${counter}`;
            if ((await this.createTag(name, commit, message)) && (await this.pushTag(name)))
                return;
            await this.fetchTags();
        }
        throw new Error(`could not tag ${model}#${stage}: ${MAX_ATTEMPTS} attempts lost the race for a tag at origin`);
    }
    /** Every `model@vX.Y.Z`, ascending by semver (without the `v`). */
    async versions(model) {
        const names = (await this.git(['tag', '-l', `${model}@v*`])).split('\n').filter(Boolean);
        return names
            .map((name) => name.slice(model.length + 2))
            .filter((v) => semver__WEBPACK_IMPORTED_MODULE_0___default().valid(v) !== null)
            .sort((semver__WEBPACK_IMPORTED_MODULE_0___default().compare));
    }
    async assignments(model) {
        const format = '%(refname:strip=2) %(*objectname) %(objectname) %(contents:subject)';
        const lines = (await this.git(['for-each-ref', `--format=${format}`, `refs/tags/${model}#*`])).split('\n').filter(Boolean);
        const parsed = [];
        for (const line of lines) {
            const [tag, peeled, object, ...subject] = line.split(' ');
            const match = tag ? /^(.+)#([^#!]+)(!?)#(\d+)$/.exec(tag) : null;
            if (!tag || !match || match[1] !== model)
                continue;
            const commit = peeled || object;
            // Two versions may share a commit: the subject says which one was assigned.
            const named = /\s'?(v\d+\.\d+\.\d+[^\s']*)'?$/.exec(` ${subject.join(' ')}`)?.[1] ?? null;
            const version = named ?? (await this.versionAt(model, commit));
            parsed.push({ tag, stage: match[2], removed: match[3] === '!', counter: Number(match[4]), commit, version });
        }
        return parsed.sort((a, b) => a.counter - b.counter);
    }
    /** The newest version tag of `model` on `commit`. */
    async versionAt(model, commit) {
        const names = (await this.git(['tag', '--points-at', commit, '-l', `${model}@v*`])).split('\n').filter(Boolean);
        const versions = names.map((name) => name.slice(model.length + 2)).filter((v) => semver__WEBPACK_IMPORTED_MODULE_0___default().valid(v) !== null).sort((semver__WEBPACK_IMPORTED_MODULE_0___default().compare));
        const newest = versions.at(-1);
        return newest ? `v${newest}` : null;
    }
    tagCommit(tag) {
        return (0,_scm_git_js__WEBPACK_IMPORTED_MODULE_2__/* .revParse */ .DJ)(this.place(), `refs/tags/${tag}`, { throwIfGitCannotRun: true });
    }
    /** Creates an annotated tag; false when the name is taken. */
    async createTag(name, target, message) {
        const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execCapture */ .Wp)('git', ['tag', '-a', '-F', '-', name, target], { cwd: this.repo, input: message, ignoreReturnCode: true, env: withCommitter(this.options.env) });
        if (result.exitCode === 0)
            return true;
        if (/already exists/.test(result.stderr))
            return false;
        throw new Error(`git tag ${name} failed: ${result.stderr.trim()}`);
    }
    /** Pushes a new tag to origin; false (and the local tag removed) when origin already has that name. */
    async pushTag(name) {
        if (!this.options.push)
            return true;
        const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execCapture */ .Wp)('git', ['push', '--porcelain', 'origin', `refs/tags/${name}:refs/tags/${name}`], { ...this.place(), ignoreReturnCode: true });
        if (result.exitCode === 0)
            return true;
        if (/already exists|rejected/.test(result.stdout + result.stderr)) {
            await this.git(['tag', '-d', name]);
            return false;
        }
        throw new Error(`git push origin ${name} failed: ${result.stderr.trim()}`);
    }
    async fetchTags() {
        if (!this.options.push)
            return;
        await this.git(['fetch', '--quiet', '--tags', 'origin']);
    }
    async git(args) {
        return (await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execCapture */ .Wp)('git', args, this.place())).stdout;
    }
    place() {
        return { cwd: this.repo, env: this.options.env };
    }
}
/** The first version follows `bump` too: 0.0.1 (patch), 0.1.0 (minor), 1.0.0 (major). */
function nextVersion(latest, bump) {
    if (latest)
        return `v${semver__WEBPACK_IMPORTED_MODULE_0___default().inc(latest, bump)}`;
    return bump === 'major' ? 'v1.0.0' : bump === 'minor' ? 'v0.1.0' : 'v0.0.1';
}
function summaryLine(lineage) {
    const metrics = Object.entries(lineage.metrics ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
    return [
        `commit: ${lineage.git.commit ?? 'unknown'}`,
        `gate: ${lineage.gate ? (lineage.gate.passed ? 'passed' : 'did not pass') : 'none'}`,
        `metrics: ${metrics || 'none'}`,
        `files: ${lineage.files.map((f) => `${f.path} sha256:${f.sha256.slice(0, 12)}`).join(', ')}`,
        `run: ${lineage.run.url ?? lineage.run.host}`,
    ].join('\n');
}
/**
 * The lineage of a version another tool tagged: what the tag proves (version,
 * commit, tag time, tagger), and null for everything it does not say — no
 * metrics, so a baseline that needs them is refused rather than skipped.
 */
function foreignLineage(model, version, facts) {
    return {
        schema: 1,
        model,
        version,
        registeredAt: facts.taggedAt ?? '',
        actor: facts.tagger,
        files: [],
        metrics: null,
        gate: null,
        git: { commit: facts.commit, repository: null },
        run: { url: null, host: null },
        data: { digest: null, manifest: null },
        env: { fingerprint: null },
        image: { digest: null },
        extra: { registeredBy: 'a tag without an mlops-ci lineage block (e.g. gto register)' },
    };
}
/** The assignments and removals of one stage, oldest first. */
function stageHistory(all, stage) {
    return all.filter((a) => a.stage === stage);
}
/** `model@vX.Y.Z` for a version given as `X.Y.Z` or `vX.Y.Z`. */
function versionTag(model, version) {
    return `${model}@${version.startsWith('v') ? version : `v${version}`}`;
}
function noVersion(model, version) {
    const tag = versionTag(model, version);
    return `version ${tag.slice(model.length + 1)} of ${model} does not exist (no tag ${tag})`;
}
/** The alias's assignment now, or why there is none to remove. */
function assignedNow(model, alias, all) {
    const current = stageHistory(all, alias).at(-1);
    if (!current || current.removed || !current.version)
        return { refusal: `alias ${alias} of ${model} is not assigned: nothing to remove` };
    return { current: current };
}
/** The assignment a rollback returns the alias to, or why there is none. */
function rollbackOf(model, alias, all) {
    const history = stageHistory(all, alias);
    if (history.length === 0)
        return { refusal: `alias ${alias} of ${model} is not assigned (no tag ${model}#${alias}#N): nothing to roll back` };
    const before = history.at(-2);
    if (!before || before.removed || !before.version)
        return { refusal: `alias ${alias} of ${model} has no version to go back to: nothing to roll back to` };
    return { before: before };
}
/** Tags need a committer identity; CI checkouts often have none configured. */
function withCommitter(env) {
    return {
        ...env,
        GIT_COMMITTER_NAME: env['GIT_COMMITTER_NAME'] || 'mlops-ci',
        GIT_COMMITTER_EMAIL: env['GIT_COMMITTER_EMAIL'] || 'mlops-ci@localhost',
    };
}


/***/ })

};
