export const id = 549;
export const ids = [549];
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

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubHost: () => (/* binding */ GitHubHost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6665);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(919);
/* harmony import */ var _raw_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8778);




/** GitHub refuses a step summary over 1 MiB; leave room for what other steps add. */
const STEP_SUMMARY_LIMIT = 512 * 1024;
/**
 * GitHub Actions, as a JavaScript action: @actions/core for inputs, outputs,
 * groups, masking and the step summary; @actions/cache for the cache (only
 * JavaScript actions get the cache token, DESIGN.md).
 */
class GitHubHost {
    kind = 'github';
    inputs = (0,_raw_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputs */ .DH)(process.env);
    context = (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .githubContext */ .h4)(process.env);
    cache = new ActionsCache(this);
    debug(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message);
    }
    info(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message);
    }
    notice(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(message);
    }
    warning(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message);
    }
    error(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message);
    }
    group(name, fn) {
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(name, fn);
    }
    setSecret(value) {
        if (value.trim() !== '')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    }
    setOutput(name, value) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
    }
    addPath(dir) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .addPath */ .fM(dir);
    }
    async appendSummary(markdown) {
        // summary.write() throws when GITHUB_STEP_SUMMARY is unset (some runners, act without it).
        if (!process.env['GITHUB_STEP_SUMMARY']) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('No GITHUB_STEP_SUMMARY on this runner: the summary is only in the report file.');
            return;
        }
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw((0,_report_format_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(markdown, STEP_SUMMARY_LIMIT, '_Cut to fit GitHub’s 1 MiB step summary; the full report is in the report file._'), true).write();
    }
    async finish(outcome) {
        if (outcome.error)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(outcome.error.message);
    }
}
/** @actions/cache, loaded only when a step caches something. */
class ActionsCache {
    log;
    constructor(log) {
        this.log = log;
    }
    async restore(paths, key, restoreKeys = []) {
        try {
            const cache = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 1691));
            return await cache.restoreCache(paths, key, restoreKeys);
        }
        catch (err) {
            this.log.warning(`cache restore failed, continuing without it: ${err.message}`);
            return undefined;
        }
    }
    async save(paths, key) {
        try {
            const cache = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 1691));
            await cache.saveCache(paths, key);
        }
        catch (err) {
            this.log.warning(`cache save failed for key ${key}: ${err.message}`);
        }
    }
}


/***/ }),

/***/ 6665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ formatSigned),
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


/***/ })

};
