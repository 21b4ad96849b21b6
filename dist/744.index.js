export const id = 744;
export const ids = [744];
export const modules = {

/***/ 13744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubHost: () => (/* binding */ GitHubHost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./packages/core/src/report/format.ts
var format = __webpack_require__(96665);
// EXTERNAL MODULE: ./packages/core/src/host/context.ts
var context = __webpack_require__(50919);
// EXTERNAL MODULE: ./packages/core/src/host/raw-inputs.ts
var raw_inputs = __webpack_require__(38778);
// EXTERNAL MODULE: ./packages/core/src/host/workflow-commands.ts
var workflow_commands = __webpack_require__(93494);
// EXTERNAL MODULE: ./packages/core/src/redact.ts
var redact = __webpack_require__(10796);
;// CONCATENATED MODULE: ./packages/core/src/cache/actions-cache.ts
/** @actions/cache, loaded only when a step caches something. */
class ActionsCache {
    log;
    constructor(log) {
        this.log = log;
    }
    async restore(paths, key, restoreKeys = []) {
        try {
            const cache = await Promise.all(/* import() */[__webpack_require__.e(171), __webpack_require__.e(88), __webpack_require__.e(184), __webpack_require__.e(728)]).then(__webpack_require__.bind(__webpack_require__, 35728));
            return await cache.restoreCache(paths, key, restoreKeys);
        }
        catch (err) {
            this.log.warning(`cache restore failed, continuing without it: ${err.message}`);
            return undefined;
        }
    }
    async save(paths, key) {
        try {
            const cache = await Promise.all(/* import() */[__webpack_require__.e(171), __webpack_require__.e(88), __webpack_require__.e(184), __webpack_require__.e(728)]).then(__webpack_require__.bind(__webpack_require__, 35728));
            await cache.saveCache(paths, key);
        }
        catch (err) {
            this.log.warning(`cache save failed for key ${key}: ${err.message}`);
        }
    }
}

// EXTERNAL MODULE: ./packages/core/src/host/annotation.ts
var annotation = __webpack_require__(13223);
;// CONCATENATED MODULE: ./packages/core/src/host/github.ts








/** GitHub refuses a step summary over 1 MiB; leave room for what other steps add. */
const STEP_SUMMARY_LIMIT = 512 * 1024;
/**
 * GitHub Actions, as a JavaScript action: @actions/core for inputs, outputs,
 * groups, masking and the step summary; @actions/cache for the cache (only
 * JavaScript actions get the cache token: README, "Why JavaScript actions").
 */
class GitHubHost {
    kind = 'github';
    inputs;
    context;
    cache = new ActionsCache(this);
    /**
     * `env` is the process's own environment in an action: @actions/core
     * reads GITHUB_OUTPUT and the rest from process.env itself, so a host over
     * another environment would write its outputs where that one says.
     */
    constructor(env, cwd) {
        this.inputs = (0,raw_inputs/* envInputs */.DH)(env);
        this.context = (0,context/* githubContext */.h4)(env, cwd);
    }
    // Every text goes out through redactUrlCredentials (a URL a user gave may
    // carry a password the runner was never told to mask).
    debug(message) {
        core/* debug */.Yz((0,redact/* redactUrlCredentials */.d)(message));
    }
    /**
     * The one log call that prints text as it is (debug, notice, warning, error
     * and group titles go out as commands whose data @actions/core escapes), so
     * the one place where a printed value could become a workflow command.
     */
    info(message) {
        for (const line of (0,workflow_commands/* inertLines */.w)((0,redact/* redactUrlCredentials */.d)(message)))
            core/* info */.pq(line);
    }
    notice(message, at) {
        core/* notice */.lm((0,redact/* redactUrlCredentials */.d)(message), this.annotationProperties(at));
    }
    warning(message, at) {
        core/* warning */.$e((0,redact/* redactUrlCredentials */.d)(message), this.annotationProperties(at));
    }
    error(message, at) {
        core/* error */.z3((0,redact/* redactUrlCredentials */.d)(message), this.annotationProperties(at));
    }
    group(name, fn) {
        return core/* group */.Os((0,redact/* redactUrlCredentials */.d)(name), fn);
    }
    setSecret(value) {
        if (value.trim() !== '')
            core/* setSecret */.Pq(value);
    }
    setOutput(name, value) {
        // Outputs are text on GitHub, whatever their type.
        core/* setOutput */.uH(name, value);
    }
    addPath(dir) {
        core/* addPath */.fM(dir);
    }
    async appendSummary(markdown) {
        // summary.write() throws when GITHUB_STEP_SUMMARY is unset (some runners, act without it).
        if (!this.context.env['GITHUB_STEP_SUMMARY']) {
            core/* info */.pq('No GITHUB_STEP_SUMMARY on this runner: the summary is only in the report file.');
            return;
        }
        await core/* summary */.z.addRaw((0,format/* truncate */.xv)(markdown, STEP_SUMMARY_LIMIT, '_Cut to fit GitHub’s 1 MiB step summary; the full report is in the report file._'), true).write();
    }
    async finish({ error }) {
        // Not core.setFailed: that is error() plus an exit code, which runAction sets from runStep's; error() can carry the place.
        if (error)
            this.error(error.message, error.at);
    }
    /**
     * @actions/core's annotation properties (it escapes them as workflow
     * commands require: `%`, CR, LF, `:` and `,`). GitHub refuses a column on
     * an annotation that spans lines, so a span keeps its lines only.
     */
    annotationProperties(at) {
        if (!at)
            return {};
        const spansLines = at.endLine !== undefined && at.endLine !== at.line;
        return {
            file: (0,annotation/* annotationFile */.y)(at, this.context),
            startLine: at.line,
            ...(at.endLine !== undefined ? { endLine: at.endLine } : {}),
            ...(at.col !== undefined && !spansLines ? { startColumn: at.col } : {}),
            ...(at.title !== undefined ? { title: (0,redact/* redactUrlCredentials */.d)(at.title) } : {}),
        };
    }
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


/***/ })

};
