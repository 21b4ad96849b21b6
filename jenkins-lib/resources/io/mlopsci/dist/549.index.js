export const id = 549;
export const ids = [549];
export const modules = {

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubHost: () => (/* binding */ GitHubHost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6665);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(919);
/* harmony import */ var _raw_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8778);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3494);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(796);






/** GitHub refuses a step summary over 1 MiB; leave room for what other steps add. */
const STEP_SUMMARY_LIMIT = 512 * 1024;
/**
 * GitHub Actions, as a JavaScript action: @actions/core for inputs, outputs,
 * groups, masking and the step summary; @actions/cache for the cache (only
 * JavaScript actions get the cache token: README, "Why JavaScript actions").
 */
class GitHubHost {
    kind = 'github';
    inputs = (0,_raw_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputs */ .DH)(process.env);
    context = (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .githubContext */ .h4)(process.env);
    cache = new ActionsCache(this);
    // Every text goes out through redactUrlCredentials (a URL a user gave may
    // carry a password the runner was never told to mask).
    debug(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrlCredentials */ .d)(message));
    }
    /**
     * The one log call that prints text as it is (debug, notice, warning, error
     * and group titles go out as commands whose data @actions/core escapes), so
     * the one place where a printed value could become a workflow command.
     */
    info(message) {
        for (const line of (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .inertLines */ .w)((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrlCredentials */ .d)(message)))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line);
    }
    notice(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrlCredentials */ .d)(message));
    }
    warning(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrlCredentials */ .d)(message));
    }
    error(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrlCredentials */ .d)(message));
    }
    group(name, fn) {
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrlCredentials */ .d)(name), fn);
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
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw((0,_report_format_js__WEBPACK_IMPORTED_MODULE_5__/* .truncate */ .xv)(markdown, STEP_SUMMARY_LIMIT, '_Cut to fit GitHub’s 1 MiB step summary; the full report is in the report file._'), true).write();
    }
    async finish(outcome) {
        if (outcome.error)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrlCredentials */ .d)(outcome.error.message));
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
