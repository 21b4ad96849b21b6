export const id = 666;
export const ids = [666];
export const modules = {

/***/ 6192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wp: () => (/* binding */ execCapture),
/* harmony export */   fE: () => (/* binding */ formatCommand)
/* harmony export */ });
/* unused harmony export TIMED_OUT */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** The exit code of a command killed by `timeoutMs`, as timeout(1) reports it. */
const TIMED_OUT = 124;
/**
 * The one way this project runs a program to completion: argv only, never a
 * shell string, so user values can never be run as code. Output is captured
 * and, with `onLine`, also handed over line by line. Training runs, which
 * need the child to stop it on cancel, use container/line-process.ts.
 */
async function execCapture(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
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
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
            };
            if (result.exitCode !== 0 && !options.ignoreReturnCode) {
                const tail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-15).join('\n');
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

/***/ 919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NV: () => (/* binding */ localContext),
/* harmony export */   Sk: () => (/* binding */ jenkinsContext),
/* harmony export */   h4: () => (/* binding */ githubContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8260);



const PUBLIC_API = 'https://api.github.com';
/** GitHub Actions: the runner's variables and the event payload. */
function githubContext(env) {
    const payload = readEventPayload(env['GITHUB_EVENT_PATH']);
    const pullRequest = payload?.pull_request;
    const repository = parseOwnerRepo(env['GITHUB_REPOSITORY']);
    const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const runId = env['GITHUB_RUN_ID'];
    const attempt = env['GITHUB_RUN_ATTEMPT'];
    return {
        repository,
        // On pull_request events GITHUB_SHA is the test merge commit; the PR's checks live on its head.
        sha: pullRequest?.head?.sha ?? env['GITHUB_SHA'] ?? null,
        pullRequest: typeof pullRequest?.number === 'number' ? pullRequest.number : null,
        runUrl: repository && runId ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}` : null,
        eventName: env['GITHUB_EVENT_NAME'] ?? null,
        apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
        workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
        tempDir: env['RUNNER_TEMP'] || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(),
    };
}
/**
 * Jenkins (multibranch or plain): CHANGE_ID is the PR number, CHANGE_URL names
 * the repository. GIT_COMMIT is unreliable, so the sha comes from git; on a
 * PR-* build whose HEAD is a two-parent merge, statuses go on HEAD^1, the PR
 * head (DESIGN.md "Host").
 */
async function jenkinsContext(env) {
    const workspace = env['WORKSPACE'] ?? process.cwd();
    const prNumber = parsePrNumber(env['CHANGE_ID']);
    const fromEnv = (env['CHANGE_URL'] && (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryUrl */ .fn)(env['CHANGE_URL'])) || (env['GIT_URL'] && (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryUrl */ .fn)(env['GIT_URL']));
    const [repository, sha] = await Promise.all([
        fromEnv || repositoryFromGit(workspace),
        jenkinsSha(workspace, prNumber !== null || (env['BRANCH_NAME'] ?? '').startsWith('PR-')),
    ]);
    return {
        repository,
        sha,
        pullRequest: prNumber,
        runUrl: env['BUILD_URL'] ?? null,
        eventName: null,
        apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
        workspace,
        tempDir: env['WORKSPACE_TMP'] || (env['WORKSPACE'] ? `${env['WORKSPACE']}@tmp` : node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir()),
    };
}
/** A terminal: whatever git says about the current folder; the CLI in a workflow's `run:` step: the workflow's context. */
async function localContext(env, cwd = process.cwd()) {
    if (env['GITHUB_ACTIONS'] === 'true')
        return githubContext(env);
    // Two git processes at once: each costs ~30 ms of start-up, paid on every step.
    const [repository, sha] = await Promise.all([repositoryFromGit(cwd), (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .revParse */ .DJ)(cwd, 'HEAD')]);
    return {
        repository,
        sha,
        pullRequest: parsePrNumber(env['MLOPS_CI_PULL_REQUEST']),
        runUrl: null,
        eventName: null,
        apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
        workspace: cwd,
        tempDir: node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(),
    };
}
async function jenkinsSha(workspace, isPullRequest) {
    const head = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .revParse */ .DJ)(workspace, 'HEAD');
    if (!head || !isPullRequest)
        return head;
    const parents = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parentsOf */ .fY)(workspace, head);
    return parents.length === 2 ? parents[0] : head;
}
async function repositoryFromGit(cwd) {
    const url = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .remoteUrl */ .gX)(cwd);
    return url ? (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryUrl */ .fn)(url) : null;
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

/***/ 7232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ DirectoryCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6192);





/** An entry's name ends with how it is kept: one tar archive, or (link mode) a folder tree. */
const TAR = '.tar';
const TREE = '.tree';
/**
 * A cache in a plain folder, for Jenkins agents and laptops: each key is one
 * tar archive of the saved paths (by absolute location, as @actions/cache
 * keys them). tar rather than a file-by-file copy: a 390 MB virtualenv
 * restores in under a second instead of nine. With `link`, an entry is a
 * folder tree instead, whose files a save and a restore hard-link, so no file
 * content is written at all (they are copied only when the cache is on
 * another filesystem). A save is written to a temp name and renamed, so a
 * killed save never leaves an entry a later restore would trust.
 */
class DirectoryCache {
    root;
    log;
    constructor(root, log) {
        this.root = root;
        this.log = log;
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
                await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .execCapture */ .Wp)('tar', ['-x', '-f', this.entryFile(matched, TAR), '-C', '/', '--', ...(await this.membersIn(matched, members))]);
            }
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
        if (await exists(final))
            return; // keys are immutable, as on GitHub
        const staging = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.root, `.tmp-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)()}${suffix}`);
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
                    await placeTree(node_path__WEBPACK_IMPORTED_MODULE_3___default().join('/', name), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(staging, name));
            }
            else {
                await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .execCapture */ .Wp)('tar', ['-c', '-f', staging, '-C', '/', '--', ...present]);
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(staging, final);
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(staging, { recursive: true, force: true }).catch(() => undefined);
            this.log.warning(`cache save failed for key ${key}: ${err.message}`);
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
                await placeTree(saved, node_path__WEBPACK_IMPORTED_MODULE_3___default().join('/', name));
        }
    }
    /** The requested members the archive holds (tar -x fails on a name it lacks). */
    async membersIn(key, wanted) {
        const listing = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .execCapture */ .Wp)('tar', ['-t', '-f', this.entryFile(key, TAR)]);
        const tops = new Set(listing.stdout.split('\n').map((line) => line.replace(/\/$/, '')));
        return wanted.filter((name) => tops.has(name));
    }
    /** The exact key, else for each restore prefix in order the newest entry starting with it. */
    async findEntry(key, restoreKeys, suffix) {
        if (await exists(this.entryFile(key, suffix)))
            return key;
        const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(this.root).catch(() => []))
            .filter((name) => name.endsWith(suffix) && !name.startsWith('.tmp-'))
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
async function placeTree(source, target) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(target, { recursive: true });
    if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(source)).dev === (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target)).dev)
        linkTree(source, target);
    else
        await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .execCapture */ .Wp)('cp', ['-PpR', `${source}/.`, target]); // POSIX flags: GNU and BSD cp alike
}
/**
 * Recreates the folders of `source` under `target` and hard-links every file
 * and symlink into them. Synchronous on purpose: the step waits for the
 * restore anyway, and making the links on one thread is 1.5x faster than
 * through the thread pool (a poetry env's 6,300 files: 0.18 s vs 0.27 s).
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
/** A path as a member relative to `/` (of a tar archive, or of a tree entry). */
function member(target) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(target).slice(1);
}
async function exists(file) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).then(() => true, () => false);
}


/***/ }),

/***/ 8260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ revParse),
/* harmony export */   II: () => (/* binding */ showFile),
/* harmony export */   fY: () => (/* binding */ parentsOf),
/* harmony export */   fn: () => (/* binding */ parseRepositoryUrl),
/* harmony export */   gX: () => (/* binding */ remoteUrl)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6192);

/** `git rev-parse <rev>`, or null outside a repository / for an unknown rev. */
async function revParse(cwd, rev) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd, ignoreReturnCode: true }).catch(() => null);
    return result && result.exitCode === 0 ? result.stdout.trim() : null;
}
/** The parents of a commit (two for a merge). */
async function parentsOf(cwd, rev) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['rev-list', '--parents', '-n', '1', rev], { cwd, ignoreReturnCode: true }).catch(() => null);
    if (!result || result.exitCode !== 0)
        return [];
    return result.stdout.trim().split(/\s+/).slice(1);
}
async function remoteUrl(cwd, remote = 'origin') {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['remote', 'get-url', remote], { cwd, ignoreReturnCode: true }).catch(() => null);
    return result && result.exitCode === 0 ? result.stdout.trim() : null;
}
/** `git show <ref>:<path>`: the file's text at that ref, or null when the file or ref doesn't exist. */
async function showFile(cwd, ref, path) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execCapture */ .Wp)('git', ['show', `${ref}:${path}`], { cwd, ignoreReturnCode: true });
    return result.exitCode === 0 ? result.stdout : null;
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

/***/ 7666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JenkinsHost: () => (/* binding */ JenkinsHost)
/* harmony export */ });
/* harmony import */ var _spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4944);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(919);
/* harmony import */ var _plain_host_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3087);
/* harmony import */ var _raw_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8778);




/**
 * Jenkins, through the shim in jenkins-lib: inputs arrive as one JSON object in
 * MLOPS_CI_INPUTS (dash drops hyphenated variable names), outputs go back as a
 * JSON file named by MLOPS_CI_OUTPUTS, and error details to MLOPS_CI_ERROR_FILE.
 */
class JenkinsHost extends _plain_host_js__WEBPACK_IMPORTED_MODULE_2__/* .PlainHost */ .N {
    kind = 'jenkins';
    static async create(step, env) {
        const inputs = (0,_raw_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonInputs */ .iV)((0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseInputsJson */ .nK)(env['MLOPS_CI_INPUTS'] ?? '{}'));
        return new JenkinsHost(inputs, await (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .jenkinsContext */ .Sk)(env), step, env);
    }
    async finish(outcome) {
        const outputsFile = this.env['MLOPS_CI_OUTPUTS'];
        if (outputsFile)
            await this.writeJsonFile(outputsFile, this.outputs);
        const errorFile = this.env['MLOPS_CI_ERROR_FILE'];
        if (outcome.error) {
            this.error(outcome.error.message);
            if (errorFile)
                await this.writeJsonFile(errorFile, { ...outcome.error, message: this.redact(outcome.error.message), exitCode: outcome.exitCode });
        }
    }
}


/***/ }),

/***/ 3087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ PlainHost)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8162);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _directory_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7232);





const writeStderr = (line) => process.stderr.write(`${line}\n`);
/**
 * What the Jenkins and local hosts share: logging to stderr with secrets
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
    secrets = [];
    debugEnabled;
    summaryStarted = false;
    constructor(inputs, context, step, env, write = writeStderr) {
        this.inputs = inputs;
        this.context = context;
        this.step = step;
        this.env = env;
        this.write = write;
        this.debugEnabled = ['1', 'true'].includes(env['MLOPS_CI_DEBUG'] ?? env['RUNNER_DEBUG'] ?? '');
        const cacheRoot = env['MLOPS_CI_CACHE_DIR'] ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.cache', 'mlops-ci', 'cache');
        this.cache = new _directory_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .DirectoryCache */ .Q(cacheRoot, this);
    }
    debug(message) {
        if (this.debugEnabled)
            this.emit(`[debug] ${message}`);
    }
    info(message) {
        this.emit(message);
    }
    notice(message) {
        this.emit(`notice: ${message}`);
    }
    warning(message) {
        this.emit(`warning: ${message}`);
    }
    error(message) {
        this.emit(`error: ${message}`);
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
    setOutput(name, value) {
        this.outputs[name] = value;
    }
    addPath(dir) {
        this.info(`Following steps can find it in ${dir} (add it to PATH, or use the step's outputs).`);
    }
    async appendSummary(markdown) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.context.tempDir, 'mlops-ci', `${this.step}-summary.md`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file), { recursive: true });
        // One summary per run, like GitHub's per-step summary: the first write of this process starts it afresh.
        await (this.summaryStarted ? node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile : node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${markdown}\n`);
        this.summaryStarted = true;
        this.emit(`── summary (${file}) ──`);
        for (const line of markdown.split('\n'))
            this.emit(line);
    }
    redact(text) {
        let out = text;
        for (const secret of this.secrets)
            out = out.split(secret).join('***');
        return out;
    }
    emit(message) {
        for (const line of this.redact(message).split('\n'))
            this.write(line);
    }
    /** Writes JSON whole, so the shim never reads half of it. */
    async writeJsonFile(file, value) {
        await (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomic */ .Z)(file, `${JSON.stringify(value, null, 2)}\n`);
    }
}


/***/ })

};
