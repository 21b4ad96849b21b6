export const id = 128;
export const ids = [128];
export const modules = {

/***/ 59616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitLabClient: () => (/* binding */ GitLabClient),
/* harmony export */   dX: () => (/* binding */ gitlabTokenFrom),
/* harmony export */   gitlabPipelineFrom: () => (/* binding */ gitlabPipelineFrom)
/* harmony export */ });
/* unused harmony exports GITLAB_LIMITS, GitLabApiError */
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96665);
/* harmony import */ var _reporter_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30102);


/**
 * GitLab's documented limits: a status's `description` and `target_url` are
 * "255 characters or fewer" (doc/api/commits.md, "Set the pipeline status of
 * a commit"); a note's body is "Limited to 1,000,000 characters"
 * (doc/api/notes.md); a page holds at most 100 items (doc/api/rest/_index.md).
 */
const GITLAB_LIMITS = {
    statusText: 255,
    noteBody: 1_000_000,
    perPage: 100,
};
/**
 * GITLAB_TOKEN (a project or personal access token with the `api` scope),
 * trimmed; undefined when it is not set. CI_JOB_TOKEN is never used: GitLab
 * lets a job token call only the endpoints its "Job token access" table lists
 * (doc/ci/jobs/ci_job_token.md, https://docs.gitlab.com/ci/jobs/ci_job_token/#job-token-access;
 * "Job token feature access" in earlier versions), and POST …/statuses/:sha
 * and POST or PUT …/merge_requests/:iid/notes are not among them.
 */
function gitlabTokenFrom(env) {
    return env['GITLAB_TOKEN']?.trim() || undefined;
}
/** This job's pipeline from GitLab's predefined variables; null outside a pipeline or when one is missing or malformed. */
function gitlabPipelineFrom(env) {
    const id = env['CI_PIPELINE_ID']?.trim() ?? '';
    const sha = env['CI_COMMIT_SHA']?.trim() ?? '';
    if (!/^[1-9]\d*$/.test(id) || !Number.isSafeInteger(Number(id)) || sha === '')
        return null;
    const mergeRequestPipeline = env['CI_PIPELINE_SOURCE']?.trim() === 'merge_request_event';
    const ref = mergeRequestPipeline ? null : env['CI_COMMIT_REF_NAME']?.trim() || null;
    return { id: Number(id), sha, ref };
}
/** GitLab's status for each of the gate's states: it has no `error`, a gate that could not finish failed. */
const GITLAB_STATE = {
    pending: 'pending',
    success: 'success',
    failure: 'failed',
    error: 'failed',
};
/** A refused or failed call; `status` is absent when GitLab did not answer at all. */
class GitLabApiError extends Error {
    status;
    name = 'GitLabApiError';
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
    }
}
/** How long one call may take before it counts as no answer. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A note list longer than this many pages is not something a merge request has: stop rather than loop. */
const MAX_NOTE_PAGES = 1_000;
/**
 * The GitLab REST calls the gate reports through: a commit status and one
 * sticky merge request note.
 */
class GitLabClient {
    options;
    /** The token's own user, asked once: only its notes are the report's. */
    tokenUser;
    constructor(options) {
        this.options = options;
    }
    async setStatus(sha, status) {
        const targetUrl = status.targetUrl && status.targetUrl.length <= GITLAB_LIMITS.statusText ? status.targetUrl : null;
        try {
            await this.call('POST', this.projectPath(`/statuses/${encodeURIComponent(sha)}`), {
                state: GITLAB_STATE[status.state],
                name: status.context,
                description: (0,_reporter_js__WEBPACK_IMPORTED_MODULE_0__/* .fitStatusDescription */ .c)(status.description, GITLAB_LIMITS.statusText),
                ...(targetUrl ? { target_url: targetUrl } : {}),
                ...this.pipelineFields(sha),
            });
        }
        catch (err) {
            // A job retried after a crash finds its own pending status still open, and
            // GitLab refuses `pending` on a pending status: the commit already says what was asked.
            if (status.state === 'pending' && err instanceof GitLabApiError && err.status === 400 && err.message.includes('from :pending'))
                return;
            throw err;
        }
    }
    async postComment(mergeRequest, body, marker, mode) {
        const text = (0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(`${marker}\n${body}`, GITLAB_LIMITS.noteBody, '_The report was cut to fit GitLab’s note size limit; the full report is in the job log._');
        const existing = mode === 'sticky' ? await this.findNote(mergeRequest, marker) : undefined;
        const notes = this.projectPath(`/merge_requests/${mergeRequest}/notes`);
        const note = (existing === undefined ? await this.call('POST', notes, { body: text }) : await this.call('PUT', `${notes}/${existing}`, { body: text })).body;
        return { url: this.noteUrl(mergeRequest, note.id), updated: existing !== undefined };
    }
    /** `pipeline_id` and `ref` when the status is on this pipeline's own commit; nothing otherwise. */
    pipelineFields(sha) {
        const { pipeline } = this.options;
        if (!pipeline || pipeline.sha !== sha)
            return {};
        return { pipeline_id: pipeline.id, ...(pipeline.ref ? { ref: pipeline.ref } : {}) };
    }
    /**
     * The id of the first note (oldest first) the token's own user wrote with
     * the marker, looking through every page: a reviewer quoting the marker
     * wrote a note GitLab would not let us edit, and it is not the report.
     */
    async findNote(mergeRequest, marker) {
        const me = await this.tokenUserId();
        let page = 1;
        for (let fetched = 0; fetched < MAX_NOTE_PAGES; fetched++) {
            const { body, headers } = await this.call('GET', this.projectPath(`/merge_requests/${mergeRequest}/notes?sort=asc&order_by=created_at&per_page=${GITLAB_LIMITS.perPage}&page=${page}`));
            const notes = body;
            const found = notes.find((note) => !note.system && note.author.id === me && note.body.includes(marker));
            if (found)
                return found.id;
            const next = nextPage(headers, notes.length);
            if (next === null)
                return undefined;
            if (!Number.isInteger(next) || next <= page)
                throw new GitLabApiError(`GitLab named page ${next} after page ${page} of the notes of !${mergeRequest}`);
            page = next;
        }
        throw new GitLabApiError(`merge request !${mergeRequest} has more than ${MAX_NOTE_PAGES} pages of notes; not looking further for the report's note`);
    }
    /** The id of the user the token acts as (GET /user, doc/api/users.md), asked once per client. */
    tokenUserId() {
        this.tokenUser ??= this.call('GET', '/user').then(({ body }) => {
            const id = body.id;
            if (typeof id !== 'number')
                throw new GitLabApiError('GitLab’s answer to GET /user has no user id');
            return id;
        });
        return this.tokenUser;
    }
    projectPath(rest) {
        return `/projects/${encodeURIComponent(this.options.projectId)}${rest}`;
    }
    noteUrl(mergeRequest, noteId) {
        const where = `merge_requests/${mergeRequest}#note_${noteId}`;
        return this.options.projectUrl ? `${this.options.projectUrl.replace(/\/+$/, '')}/-/${where}` : `!${mergeRequest} note ${noteId}`;
    }
    /** One call to `path` under the API root (CI_API_V4_URL). */
    async call(method, path, body) {
        const url = `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
        const what = `${method} ${url.replace(/\?.*$/, '')}`;
        const { token } = this.options;
        let response;
        try {
            response = await fetch(url, {
                method,
                headers: { 'PRIVATE-TOKEN': token, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
                ...(body ? { body: JSON.stringify(body) } : {}),
                signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
        }
        catch (err) {
            const cause = err.cause?.message ?? err.message;
            throw new GitLabApiError(`GitLab did not answer ${what}: ${cause}`, undefined, { cause: err });
        }
        const text = await response.text();
        if (!response.ok)
            throw new GitLabApiError(`GitLab answered ${response.status} to ${what}: ${text.slice(0, 300)}`, response.status);
        try {
            return { body: JSON.parse(text), headers: response.headers };
        }
        catch (err) {
            throw new GitLabApiError(`GitLab's answer to ${what} is not JSON: ${text.slice(0, 100)}`, undefined, { cause: err });
        }
    }
}
/**
 * The next page GitLab names: x-next-page (empty on the last page), else the
 * Link header's rel="next" (GitLab leaves the x-* totals out of very long
 * lists). A full page that names no next page is an error, never taken as the end.
 */
function nextPage(headers, count) {
    const header = headers.get('x-next-page');
    if (header !== null)
        return header.trim() === '' ? null : Number(header);
    const next = /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1];
    if (next)
        return Number(new URL(next).searchParams.get('page'));
    if (count < GITLAB_LIMITS.perPage)
        return null;
    throw new GitLabApiError('GitLab sent a full page of notes without saying whether another follows (no x-next-page or Link header)');
}


/***/ }),

/***/ 30102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ stickyMarker),
/* harmony export */   c: () => (/* binding */ fitStatusDescription)
/* harmony export */ });
/**
 * What the gate reports through, whichever forge hosts the change: a commit
 * status and a comment on the change request (a GitHub pull request, a
 * GitLab merge request). GitHubClient and GitLabClient implement it; the
 * gate's publisher picks one by the host it runs on.
 */
/** The hidden marker of a sticky comment; the context keeps two gates on one change apart. */
function stickyMarker(step, context) {
    return `<!-- mlops-ci:${step}:${context.replace(/-->/g, '')} -->`;
}
/**
 * A status description as one line of at most `limit` characters, cut with
 * an ellipsis: forges refuse a longer one (GitHub 140, GitLab 255).
 */
function fitStatusDescription(text, limit) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length <= limit ? oneLine : `${oneLine.slice(0, limit - 1)}…`;
}


/***/ }),

/***/ 95128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* reexport */ planGate),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/fs-atomic.ts
var fs_atomic = __webpack_require__(48162);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/metrics/digest.ts
var digest = __webpack_require__(91719);
// EXTERNAL MODULE: ./packages/core/src/metrics/bootstrap.ts
var bootstrap = __webpack_require__(34925);
// EXTERNAL MODULE: ./packages/core/src/metrics/names.ts
var metrics_names = __webpack_require__(24131);
// EXTERNAL MODULE: ./packages/core/src/metrics/excerpt.ts
var excerpt = __webpack_require__(23906);
;// CONCATENATED MODULE: ./packages/core/src/metrics/rules.ts
/**
 * The `rules` input: one rule a line, read by a small tokenizer and a
 * recursive-descent parser so that every mistake can be reported with its
 * line, column, what was expected and what was found.
 *
 * Grammar (one line; `#` starts a comment, blank lines are skipped):
 *
 *   rule       := metric comparator right [ '@' confidence ]
 *   comparator := '>=' | '>' | '<=' | '<' | '==' | '!='
 *   right      := number
 *               | 'baseline.' metric [ ('+' | '-') number ]
 *   number     := [ '+' | '-' ] digits [ '.' digits ] [ ('e' | 'E') [ '+' | '-' ] digits ]   (also `.5`)
 *   confidence := number '%'          (0 < n < 100, e.g. `95%`, `99.5%`)
 *               | number              (a fraction 0 < n < 1, e.g. `0.95`)
 *   metric     := bare name | quoted name
 *
 * A bare name starts with a letter or `_` and continues with letters, digits,
 * `_`, `.` and `/`; a `-` belongs to the name only when a letter or `_` follows
 * (`f1-score` is a name, `f1-0.01` is not). Anything else (spaces, say) goes in
 * quotes: `"macro avg.f1-score" >= 0.8`, `baseline."macro avg.f1-score"`.
 *
 * A statistical rule (`@ 95%`) must compare a metric with its own baseline
 * (`accuracy >= baseline.accuracy - 0.01 @ 95%`) using >=, >, <= or <, and all
 * statistical rules must be about the same metric, because `samples` holds one
 * per-example score per model.
 */



const COMPARATORS = ['>=', '>', '<=', '<', '==', '!='];
const BASELINE_PREFIX = 'baseline.';
const INLINE_RULES = { input: 'rules' };
/**
 * Parses rules: the `rules` input, or the text of the file `origin` names.
 * Blank lines and `#` comments (whole-line or trailing) are ignored;
 * `Rule.text` is the rule without its comment.
 * @throws InputError(origin.input) naming the line and column of the first
 *   mistake, or when there is no rule at all.
 */
function parseRules(text, origin = INLINE_RULES) {
    const rules = [];
    const lines = text.split(/\r?\n/);
    try {
        lines.forEach((lineText, index) => {
            const rule = parseRuleLine(lineText, index + 1);
            if (rule !== undefined)
                rules.push(rule);
        });
        if (rules.length === 0) {
            throw new errors/* InputError */.dz(origin.input, inFile(origin, "no rules given: give one or more rules, one a line, e.g. 'accuracy >= 0.9'"));
        }
        checkStatisticalRulesShareOneMetric(rules, lines);
    }
    catch (err) {
        if (err instanceof RuleSyntaxError) {
            throw new errors/* InputError */.dz(origin.input, `${lineRef(origin, err.line)}, column ${err.column}: ${err.message}`, { cause: err, ...placeIn(origin, err.line, err.column) });
        }
        throw err;
    }
    return rules;
}
/** "rules line 3" for the input itself, "gate.rules: line 3" for a file. */
function lineRef(origin, line) {
    return origin.input === 'rules' ? `rules line ${line}` : `${origin.file}: line ${line}`;
}
/**
 * The place of a rule for an annotation on its line: only in a rules file
 * (the `rules` input is no file to point into).
 */
function placeIn(origin, line, col) {
    if (origin.input !== 'rules-file')
        return {};
    return { at: { file: origin.file, line, ...(col !== undefined ? { col } : {}) } };
}
function inFile(origin, message) {
    return origin.input === 'rules' ? message : `${origin.file}: ${message}`;
}
/** Parses one line; undefined for a blank or comment-only line. */
function parseRuleLine(lineText, line) {
    const tokens = tokenize(lineText, line);
    const first = tokens[0];
    if (first === undefined || first.kind === 'end')
        return undefined;
    return new LineParser(lineText, line, tokens).parseRule();
}
// ---------------------------------------------------------------- tokenizer
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const BARE_NAME = /[A-Za-z_][A-Za-z0-9_./]*(?:-[A-Za-z_][A-Za-z0-9_./]*)*/y;
/** A run of characters that can't be split further, to show in "found '…'" messages. */
const WORD = /[A-Za-z0-9_./]+/y;
function tokenize(lineText, line) {
    const tokens = [];
    let pos = 0;
    const at = (regex) => {
        regex.lastIndex = pos;
        return regex.exec(lineText)?.[0];
    };
    const push = (kind, text, value = text) => {
        tokens.push({ kind, text, value, start: pos, end: pos + text.length });
        pos += text.length;
    };
    while (pos < lineText.length) {
        const ch = lineText[pos] ?? '';
        if (ch === ' ' || ch === '\t') {
            pos++;
        }
        else if (ch === '#') {
            break; // comment to the end of the line
        }
        else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(lineText[pos + 1] ?? ''))) {
            const number = at(NUMBER) ?? '';
            const word = at(WORD) ?? number;
            // `0.9abc` or `1.2.3`: keep it whole so the error shows what was written.
            push(word.length > number.length ? 'symbol' : 'number', word.length > number.length ? word : number);
        }
        else if (/[A-Za-z_]/.test(ch)) {
            const name = at(BARE_NAME) ?? ch;
            const quote = lineText[pos + name.length];
            if (name.endsWith('.') && (quote === '"' || quote === "'")) {
                // `baseline."macro avg.f1"`: the quoted part continues the name.
                const quoted = readQuoted(lineText, pos + name.length, line);
                push('name', name + quoted.text, name + quoted.value);
            }
            else {
                push('name', name);
            }
        }
        else if (ch === '"' || ch === "'") {
            const quoted = readQuoted(lineText, pos, line);
            push('name', quoted.text, quoted.value);
        }
        else {
            const two = lineText.slice(pos, pos + 2);
            if (COMPARATORS.includes(two))
                push('comparator', two);
            else if (ch === '>' || ch === '<')
                push('comparator', ch);
            else
                push('symbol', ch);
        }
    }
    tokens.push({ kind: 'end', text: '', value: '', start: pos, end: pos });
    return tokens;
}
function readQuoted(lineText, start, line) {
    const quote = lineText[start] ?? '"';
    const close = lineText.indexOf(quote, start + 1);
    if (close < 0) {
        throw rulesError(line, lineText.length + 1, `expected a closing ${quote} for the name that starts at column ${start + 1}, found end of line`);
    }
    const value = lineText.slice(start + 1, close);
    if (value === '')
        throw rulesError(line, start + 1, 'expected a metric name between the quotes, found an empty name');
    return { text: lineText.slice(start, close + 1), value };
}
// ---------------------------------------------------------------- parser
class LineParser {
    lineText;
    line;
    tokens;
    index = 0;
    constructor(lineText, line, tokens) {
        this.lineText = lineText;
        this.line = line;
        this.tokens = tokens;
    }
    parseRule() {
        const metricToken = this.peek();
        const metric = this.parseLeftMetric();
        const comparatorToken = this.peek();
        const comparator = this.parseComparator(metricToken);
        const rightToken = this.peek();
        const right = this.parseRight(comparatorToken);
        const confidence = this.parseOptionalConfidence();
        const last = this.expectEnd();
        const text = this.lineText.slice(metricToken.start, last.end).trim();
        if (confidence !== undefined)
            this.checkStatistical(metric, comparatorToken, rightToken, right);
        const rule = { text, line: this.line, metric, comparator, right };
        return confidence === undefined ? rule : { ...rule, confidence: confidence.level };
    }
    parseLeftMetric() {
        const token = this.peek();
        if (token.kind !== 'name')
            this.fail(token, 'expected a metric name');
        if (token.value.startsWith(BASELINE_PREFIX) && !token.text.startsWith('"') && !token.text.startsWith("'")) {
            this.fail(token, `expected a candidate metric on the left (baseline.<metric> goes on the right)`);
        }
        this.index++;
        return token.value;
    }
    parseComparator(after) {
        const token = this.peek();
        if (token.kind !== 'comparator') {
            const hint = token.text === '=' ? " (use '==' for equality)" : '';
            this.fail(token, `expected a comparison (>=, >, <=, <, == or !=) after '${(0,excerpt/* excerpt */.K)(after.text)}'`, hint);
        }
        this.index++;
        return token.text;
    }
    parseRight(after) {
        const token = this.peek();
        const expected = `expected a number or baseline.<metric> after '${(0,excerpt/* excerpt */.K)(after.text)}'`;
        if (token.kind === 'number' || token.text === '-' || token.text === '+') {
            return { kind: 'number', value: this.parseSignedNumber(expected) };
        }
        if (token.kind !== 'name' || !token.value.startsWith(BASELINE_PREFIX) || token.value === BASELINE_PREFIX) {
            this.fail(token, expected);
        }
        this.index++;
        const metric = token.value.slice(BASELINE_PREFIX.length);
        return { kind: 'baseline', metric, offset: this.parseOptionalOffset(token) };
    }
    /** `+ 0.01` / `- 0.01` after a baseline metric; 0 when there is none. */
    parseOptionalOffset(after) {
        const token = this.peek();
        if (token.text !== '+' && token.text !== '-') {
            if (token.kind !== 'end' && token.text !== '@') {
                this.fail(token, `expected '+', '-', '@' or end of line after '${(0,excerpt/* excerpt */.K)(after.text)}'`);
            }
            return 0;
        }
        this.index++;
        const number = this.peek();
        if (number.kind !== 'number')
            this.fail(number, `expected a number after '${(0,excerpt/* excerpt */.K)(token.text)}'`);
        this.index++;
        const magnitude = Number(number.text);
        return token.text === '-' ? -magnitude : magnitude;
    }
    /** A number with an optional sign; `expected` describes what may stand here. */
    parseSignedNumber(expected) {
        let sign = 1;
        let expectation = expected;
        const first = this.peek();
        if (first.text === '-' || first.text === '+') {
            sign = first.text === '-' ? -1 : 1;
            expectation = `expected a number after '${(0,excerpt/* excerpt */.K)(first.text)}'`;
            this.index++;
        }
        const number = this.peek();
        if (number.kind !== 'number')
            this.fail(number, expectation);
        this.index++;
        return sign * Number(number.text);
    }
    /** `@ 95%`, `@95%`, `@ 0.95`; undefined when there is no `@`. */
    parseOptionalConfidence() {
        const at = this.peek();
        if (at.text !== '@')
            return undefined;
        this.index++;
        const number = this.peek();
        const expected = "expected a confidence level like 95% or 0.95 after '@'";
        if (number.kind !== 'number')
            this.fail(number, expected);
        this.index++;
        const value = Number(number.text);
        if (this.peek().text === '%') {
            const percent = this.peek();
            this.index++;
            if (!(value > 0 && value < 100)) {
                this.fail(number, 'expected a confidence level between 0% and 100%', '', `'${number.text}${percent.text}'`);
            }
            return { level: value / 100 };
        }
        if (!(value > 0 && value < 1)) {
            // `@ 95` is most likely a forgotten '%'; say so rather than guess.
            this.fail(number, `${expected} (a percentage needs '%', a fraction is between 0 and 1)`);
        }
        return { level: value };
    }
    expectEnd() {
        const token = this.peek();
        const previous = this.tokens[this.index - 1];
        if (token.kind !== 'end')
            this.fail(token, `expected end of line after '${(0,excerpt/* excerpt */.K)(previous?.text ?? '')}'`);
        return previous ?? token;
    }
    /** A statistical rule compares a metric with its own baseline, in a direction. */
    checkStatistical(metric, comparatorToken, rightToken, right) {
        if (comparatorToken.text === '==' || comparatorToken.text === '!=') {
            this.fail(comparatorToken, "a statistical rule ('@') needs >=, >, <= or <");
        }
        if (right.kind !== 'baseline' || right.metric !== metric) {
            this.fail(rightToken, `a statistical rule ('@') compares a metric with its own baseline: expected baseline.${metric}`);
        }
    }
    peek() {
        // The token list always ends with an 'end' token, and the parser never moves past it.
        return this.tokens[Math.min(this.index, this.tokens.length - 1)];
    }
    /** Throws a syntax error at line L, column C: "<expected>, found '<token>'<hint>"; `found` overrides the token's text. */
    fail(token, expected, hint = '', found = describe(token)) {
        throw rulesError(this.line, token.start + 1, `${expected}, found ${found}${hint}`);
    }
}
/** A token as quoted in errors: a short, masked excerpt, since rules-file may lead to any file. */
function describe(token) {
    return token.kind === 'end' ? 'end of line' : `'${(0,excerpt/* excerpt */.K)(token.text)}'`;
}
/** A mistake at a place in the rules text; parseRules turns it into an InputError naming where the text came from. */
class RuleSyntaxError extends Error {
    line;
    column;
    constructor(line, column, message) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
function rulesError(line, column, message) {
    return new RuleSyntaxError(line, column, message);
}
/**
 * `samples` holds one series of per-example scores per model, so statistical
 * rules on two different metrics would compare both with the same series.
 */
function checkStatisticalRulesShareOneMetric(rules, lines) {
    const statistical = rules.filter((rule) => rule.confidence !== undefined);
    const first = statistical[0];
    if (first === undefined)
        return;
    const other = statistical.find((rule) => rule.metric !== first.metric);
    if (other === undefined)
        return;
    const column = (lines[other.line - 1] ?? '').indexOf(other.text) + 1;
    throw rulesError(other.line, Math.max(column, 1), `statistical rules ('@') must all be about one metric, because 'samples' holds one per-example score per model: ` +
        `line ${first.line} uses '${first.metric}', this one '${other.metric}'`);
}
/**
 * Checks that every metric the rules name exists somewhere, so a typo is a bad
 * input rather than a silent pass or a failure blamed on the candidates:
 * - a left-hand metric must exist in at least one candidate;
 * - a `baseline.<metric>` must exist in the baseline (when `baselineKeys` is
 *   given) or in at least one candidate. A metric only the candidates have is
 *   fine: the baseline predates it, and those rules are skipped like a missing baseline.
 *
 * Candidates lacking a metric some other candidate has are not an error here:
 * those candidates fail the rule with a note.
 * @throws InputError(origin.input) naming the rule's line, the metric and the metrics available.
 */
function checkRuleMetrics(rules, candidateKeys, baselineKeys, origin = INLINE_RULES) {
    const known = new Set();
    for (const keys of Object.values(candidateKeys))
        for (const key of keys)
            known.add(key);
    const baseline = baselineKeys === undefined ? undefined : new Set(baselineKeys);
    const names = Object.keys(candidateKeys);
    for (const rule of rules) {
        if (!known.has(rule.metric)) {
            throw new errors/* InputError */.dz(origin.input, `${lineRef(origin, rule.line)}: '${rule.metric}' is not a metric of any candidate (${names.join(', ')}); ` +
                `${availableMetrics(known)}`, placeIn(origin, rule.line));
        }
        const right = rule.right;
        if (right.kind !== 'baseline')
            continue;
        if (!known.has(right.metric) && !(baseline?.has(right.metric) ?? false)) {
            throw new errors/* InputError */.dz(origin.input, `${lineRef(origin, rule.line)}: 'baseline.${right.metric}' names a metric neither the baseline nor any candidate has; ` +
                `${availableMetrics(new Set([...known, ...(baseline ?? [])]))}`, placeIn(origin, rule.line));
        }
    }
}
function availableMetrics(keys) {
    if (keys.size === 0)
        return 'the metric files hold no numeric metrics';
    const sorted = [...keys].sort(metrics_names/* compareNames */.MP);
    // Metric names come from files a path may lead anywhere (a symlinked secret): masked excerpts.
    const shown = sorted.slice(0, 20).map((name) => (0,excerpt/* excerpt */.K)(name)).join(', ');
    return `metrics found: ${shown}${sorted.length > 20 ? `, … (${sorted.length} in all)` : ''}`;
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/select.ts
/**
 * The `select` input (`max:<metric>` / `min:<metric>`) and the choice of the
 * best candidate among those that passed every rule.
 */


/**
 * Parses `max:<metric>` or `min:<metric>` (spaces around the parts allowed; the
 * metric may be quoted). The caller treats an empty `select` as "no selection"
 * and does not call this.
 * @throws InputError('select') for anything else: `maximum:acc`, `max:`,
 *   `accuracy`, `max:baseline.accuracy`, an empty text.
 */
function parseSelect(text) {
    const trimmed = text.trim();
    const match = /^([A-Za-z]*)\s*:\s*(.*)$/s.exec(trimmed);
    const expected = 'expected max:<metric> or min:<metric>, e.g. max:accuracy';
    if (match === null)
        throw new errors/* InputError */.dz('select', `${expected}; found '${trimmed}'`);
    const [, mode = '', rawMetric = ''] = match;
    if (mode !== 'max' && mode !== 'min') {
        throw new errors/* InputError */.dz('select', `${expected}; found '${mode}' before ':' (it must be 'max' or 'min')`);
    }
    const metric = unquote(rawMetric.trim());
    if (metric === '')
        throw new errors/* InputError */.dz('select', `${expected}; found no metric after '${mode}:'`);
    if (metric.startsWith('baseline.')) {
        throw new errors/* InputError */.dz('select', `select picks among candidates, so name a candidate metric, not '${metric}'`);
    }
    return { mode, metric };
}
function unquote(text) {
    const quoted = /^(["'])(.*)\1$/s.exec(text);
    return quoted?.[2] ?? text;
}
/**
 * Picks the best of the candidates that passed every rule.
 *
 * - None passed: best is null.
 * - With a selection: the highest (`max`) / lowest (`min`) value wins; ties go
 *   to the first name in code-unit order, and the note names the tie
 *   ("rf and gb tie on accuracy = 0.95; chose gb by name"). Passing candidates
 *   whose value is missing or NaN are not ranked (the note says so); when none
 *   has a value, the first by name is chosen.
 * - Without a selection: the only passing candidate, or the first by name.
 *
 * `passing` keeps the caller's order (the `metrics` input's), which the note
 * uses when listing names; `total` is the number of candidates evaluated.
 */
function selectBest(passing, selection, total) {
    if (passing.length === 0) {
        return { best: null, note: total === 1 ? 'the candidate did not pass every rule' : `none of the ${total} candidates passed every rule` };
    }
    const byName = [...passing].sort((a, b) => (0,metrics_names/* compareNames */.MP)(a.name, b.name));
    const firstByName = byName[0];
    if (passing.length === 1) {
        const only = total === 1 ? `${firstByName.name} is the only candidate, and it passed` : `${firstByName.name} is the only candidate that passed`;
        return { best: firstByName.name, note: only };
    }
    if (selection === null) {
        return {
            best: firstByName.name,
            note: `${(0,metrics_names/* listInWords */.Dq)(passing.map((c) => c.name))} passed; with no 'select', chose ${firstByName.name}, the first by name`,
        };
    }
    return selectByMetric(passing, selection);
}
function selectByMetric(passing, selection) {
    const { metric, mode } = selection;
    const ranked = passing.filter((c) => isComparable(c.metrics[metric]));
    const unranked = passing.filter((c) => !isComparable(c.metrics[metric])).map((c) => c.name);
    const unrankedNote = unranked.length === 0 ? '' : `; ${(0,metrics_names/* listInWords */.Dq)(unranked)} not ranked (no usable ${metric})`;
    if (ranked.length === 0) {
        const first = [...passing].sort((a, b) => (0,metrics_names/* compareNames */.MP)(a.name, b.name))[0];
        return { best: first.name, note: `no passing candidate has a usable ${metric}; chose ${first.name}, the first by name` };
    }
    const better = (a, b) => (mode === 'max' ? a > b : a < b);
    let bestValue = ranked[0]?.metrics[metric];
    for (const candidate of ranked) {
        const value = candidate.metrics[metric];
        if (better(value, bestValue))
            bestValue = value;
    }
    const tied = ranked.filter((c) => c.metrics[metric] === bestValue).map((c) => c.name);
    const winner = [...tied].sort(metrics_names/* compareNames */.MP)[0];
    const word = mode === 'max' ? 'highest' : 'lowest';
    if (tied.length > 1) {
        return { best: winner, note: `${(0,metrics_names/* listInWords */.Dq)(tied)} tie on ${metric} = ${bestValue}; chose ${winner} by name${unrankedNote}` };
    }
    if (ranked.length === 1) {
        return { best: winner, note: `${winner} is the only passing candidate with a usable ${metric} (${bestValue})${unrankedNote}` };
    }
    const others = ranked.filter((c) => c.name !== winner).map((c) => `${c.name} ${c.metrics[metric]}`);
    return { best: winner, note: `chose ${winner}: ${word} ${metric} (${bestValue}; ${others.join(', ')})${unrankedNote}` };
}
/** NaN or a missing value can't be ranked; ±Infinity can. */
function isComparable(value) {
    return value !== undefined && !Number.isNaN(value);
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/evaluate.ts
/**
 * The gate's decision: every rule for every candidate, with the numbers that
 * justify each verdict, then the best passing candidate. Pure: no IO, no
 * clock, no global randomness (the bootstrap is seeded).
 */






/**
 * Checks everything `evaluateGate` will rely on, once, before any work or any
 * report: the step calls this while reading its inputs, so a mistake is exit 2
 * before a commit status goes pending.
 *
 * @param rulesOrigin where the rules came from, so a rule error names `rules` or `rules-file`.
 * @throws InputError('metrics') with no candidates or two with one name;
 *   InputError(rules or rules-file) for a rule naming a metric no candidate has
 *   (`checkRuleMetrics`); InputError('select') for a select metric no candidate
 *   has; InputError('samples') for scores named after no candidate, empty
 *   series, series of different lengths or with non-finite values, or a
 *   statistical rule to evaluate without scores for a candidate or the baseline.
 */
function prepareGate(input, rulesOrigin) {
    checkCandidates(input.candidates);
    checkRuleMetrics(input.rules, Object.fromEntries(input.candidates.map((candidate) => [candidate.name, Object.keys(candidate.metrics)])), input.baseline === null ? undefined : Object.keys(input.baseline.metrics), rulesOrigin);
    checkSelection(input.selection, input.candidates);
    checkSamples(input);
    return input;
}
/**
 * Evaluates every rule for every candidate and picks the best passing one.
 * Total: the gate was checked by `prepareGate`, so nothing here depends on
 * input being right.
 *
 * Per rule (see `RuleResult`):
 * - the candidate's value missing or NaN → failed, with a note naming the file;
 * - a `baseline.*` rule with no baseline, or a baseline lacking that metric (or
 *   holding NaN) → skipped (passed: false), with a note;
 * - a statistical rule (`@ N%`) passes when the paired bootstrap interval of
 *   mean(candidate − baseline) clears the rule's offset: its lower bound for
 *   `>=`/`>`, its upper bound for `<=`/`<`; `value`/`baseline` stay the metric
 *   files' values and `interval` holds the interval;
 * - otherwise value and threshold are compared. Comparisons allow a relative
 *   difference of 1e-9, so decimal arithmetic (0.2 + 0.1 ≠ 0.3 in binary) cannot
 *   flip a verdict.
 *
 * A candidate passes when every rule passed, or when the only others were
 * skipped for want of a baseline and `onMissingBaseline` is 'pass'. The gate
 * passes when at least one candidate passed (then `best` is set).
 */
function evaluateGate(input) {
    const evaluator = new RuleEvaluator(input);
    const candidates = {};
    for (const candidate of input.candidates) {
        const rules = input.rules.map((rule) => evaluator.evaluate(candidate, rule));
        candidates[candidate.name] = {
            passed: rules.every((rule) => counts(rule, input.onMissingBaseline)),
            metricsFile: candidate.file,
            metrics: candidate.metrics,
            metricsDigest: (0,digest/* metricsDigest */.M)(candidate.metrics),
            rules,
        };
    }
    const passing = input.candidates.filter((candidate) => candidates[candidate.name]?.passed === true);
    const { best, note } = selectBest(passing, input.selection, input.candidates.length);
    return {
        passed: best !== null,
        best,
        candidates,
        baseline: {
            source: input.baseline?.source ?? input.missingBaselineSource ?? null,
            metrics: input.baseline?.metrics ?? null,
        },
        selection: input.selection,
        selectionNote: note,
    };
}
/** A passed rule counts for the candidate; a skipped one only when on-missing-baseline is 'pass'. */
function counts(rule, onMissingBaseline) {
    return rule.verdict === 'passed' || (rule.verdict === 'skipped' && onMissingBaseline === 'pass');
}
// ---------------------------------------------------------------- checks
function checkCandidates(candidates) {
    if (candidates.length === 0)
        throw new errors/* InputError */.dz('metrics', 'no candidates to evaluate: give one or more metric files');
    const seen = new Map();
    for (const { name, file } of candidates) {
        const earlier = seen.get(name);
        if (earlier !== undefined) {
            throw new errors/* InputError */.dz('metrics', `two candidates are named '${name}': ${earlier} and ${file}; name them apart with name=path`);
        }
        seen.set(name, file);
    }
}
function checkSelection(selection, candidates) {
    if (selection === null)
        return;
    if (candidates.some((candidate) => Object.hasOwn(candidate.metrics, selection.metric)))
        return;
    throw new errors/* InputError */.dz('select', `'${selection.mode}:${selection.metric}' names a metric no candidate has (${candidates.map((c) => c.name).join(', ')})`);
}
/**
 * Scores must belong to known candidates and all have one length (the same
 * evaluation set); statistical rules that will run need scores for every
 * candidate and the baseline. Checked before any bootstrap runs.
 */
function checkSamples(input) {
    const names = new Set(input.candidates.map((candidate) => candidate.name));
    const series = [];
    if (input.samples !== undefined) {
        for (const [name, scores] of Object.entries(input.samples.candidates)) {
            if (!names.has(name)) {
                throw new errors/* InputError */.dz('samples', `scores are given for '${name}', which is not a candidate (candidates: ${[...names].join(', ')}; the baseline's are named 'baseline')`);
            }
            series.push([`candidate '${name}'`, scores]);
        }
        if (input.samples.baseline !== undefined)
            series.push(['the baseline', input.samples.baseline]);
    }
    const [first] = series;
    for (const [label, scores] of series) {
        if (first !== undefined && scores.length !== first[1].length) {
            throw new errors/* InputError */.dz('samples', `${first[0]} has ${first[1].length} per-example scores but ${label} has ${scores.length}; ` +
                'all must score the same evaluation set in the same order');
        }
        if (scores.length === 0)
            throw new errors/* InputError */.dz('samples', `${label} has no per-example scores (the series is empty)`);
        const bad = scores.findIndex((score) => !Number.isFinite(score));
        if (bad >= 0)
            throw new errors/* InputError */.dz('samples', `per-example score ${bad + 1} of ${label} is ${scores[bad]}, not a finite number`);
    }
    const statistical = input.rules.find((rule) => rule.confidence !== undefined);
    if (statistical === undefined || input.baseline === null)
        return; // skipped without a baseline
    if (first !== undefined)
        checkBootstrapBudget(first[1].length, input.bootstrap?.resamples ?? bootstrap/* DEFAULT_RESAMPLES */.jF);
    const missing = input.candidates.filter((c) => input.samples?.candidates[c.name] === undefined).map((c) => `candidate '${c.name}'`);
    if (input.samples?.baseline === undefined)
        missing.push('the baseline');
    if (missing.length > 0) {
        throw new errors/* InputError */.dz('samples', `rules line ${statistical.line} ('${statistical.text}') is statistical and needs per-example scores for every candidate ` +
            `and for the baseline; none given for ${(0,metrics_names/* listInWords */.Dq)(missing)}`);
    }
}
/**
 * The most examples one candidate's bootstrap may draw (rows × resamples):
 * enough for any evaluation set the gate is meant for, while keeping one
 * candidate's bootstrap to seconds (bench/evaluate-and-gate/README.md has the
 * cost of a draw).
 */
const MAX_BOOTSTRAP_DRAWS = 1_000_000_000;
function checkBootstrapBudget(rows, resamples) {
    if (rows * resamples <= MAX_BOOTSTRAP_DRAWS)
        return;
    const count = (n) => n.toLocaleString('en-US');
    throw new errors/* InputError */.dz('bootstrap-resamples', `${count(resamples)} resamples of ${count(rows)} per-example scores are ${count(rows * resamples)} draws per candidate; ` +
        `the gate allows ${count(MAX_BOOTSTRAP_DRAWS)} (here at most ${count(Math.floor(MAX_BOOTSTRAP_DRAWS / rows))} resamples)`);
}
// ---------------------------------------------------------------- rules
class RuleEvaluator {
    input;
    intervals = new Map();
    constructor(input) {
        this.input = input;
    }
    evaluate(candidate, rule) {
        const right = rule.right;
        const value = candidate.metrics[rule.metric];
        const base = right.kind === 'baseline' ? this.baselineValue(right.metric) : undefined;
        const shown = { rule: rule.text, metric: rule.metric, value: usable(value), baseline: usable(base) };
        const unknown = { threshold: null, delta: null, passed: false };
        const valueProblem = problemWith(value, rule.metric, candidate.file);
        if (valueProblem !== undefined)
            return { ...shown, ...unknown, verdict: 'failed', note: valueProblem };
        const presentValue = value;
        if (right.kind === 'number') {
            return this.compareWithThreshold(shown, rule, presentValue, right.value, Math.abs(right.value));
        }
        const baselineProblem = this.baselineProblem(right.metric, base);
        if (baselineProblem !== undefined)
            return { ...shown, ...unknown, verdict: 'skipped', note: baselineProblem };
        const baselineValue = base;
        const threshold = baselineValue + right.offset;
        const delta = presentValue - baselineValue;
        if (rule.confidence !== undefined)
            return this.compareByInterval(shown, rule, candidate.name, threshold, delta, right.offset);
        const scale = Math.max(Math.abs(baselineValue), Math.abs(right.offset));
        // A baseline rule's delta is against the baseline itself, not baseline + offset.
        return { ...this.compareWithThreshold(shown, rule, presentValue, threshold, scale), delta: notNaN(delta) };
    }
    compareWithThreshold(shown, rule, value, threshold, rightScale) {
        const passed = compare(value, rule.comparator, threshold, Math.max(Math.abs(value), Math.abs(threshold), rightScale));
        return {
            ...shown,
            threshold: notNaN(threshold),
            delta: notNaN(value - threshold),
            passed,
            verdict: passed ? 'passed' : 'failed',
        };
    }
    /** Statistical rule: the interval of mean(candidate − baseline) must clear the offset. */
    compareByInterval(shown, rule, name, threshold, delta, margin) {
        const interval = this.intervalFor(name, rule.confidence);
        const higherIsBetter = rule.comparator === '>=' || rule.comparator === '>';
        const bound = higherIsBetter ? interval.lower : interval.upper;
        const scale = Math.max(Math.abs(interval.lower), Math.abs(interval.upper), Math.abs(margin));
        const passed = compare(bound, rule.comparator, margin, scale);
        const result = {
            ...shown,
            threshold: notNaN(threshold),
            delta: notNaN(delta),
            passed,
            verdict: passed ? 'passed' : 'failed',
            interval,
        };
        if (passed)
            return result;
        const percent = `${formatNumber(interval.level * 100)}%`;
        const which = higherIsBetter ? 'lower' : 'upper';
        return {
            ...result,
            note: `the ${percent} interval of mean(candidate − baseline) is [${formatNumber(interval.lower)}, ${formatNumber(interval.upper)}]; ` +
                `its ${which} bound must be ${rule.comparator} ${formatNumber(margin)}`,
        };
    }
    /** One bootstrap per candidate and level, shared by the rules that need it. */
    intervalFor(name, level) {
        const key = `${level}\u0000${name}`;
        const cached = this.intervals.get(key);
        if (cached !== undefined)
            return cached;
        // prepareGate made sure both series exist, are not empty and match whenever a statistical rule runs.
        const candidate = this.input.samples?.candidates[name] ?? [];
        const baseline = this.input.samples?.baseline ?? [];
        const interval = (0,bootstrap/* pairedBootstrap */.Wx)(candidate, baseline, {
            level,
            resamples: this.input.bootstrap?.resamples ?? bootstrap/* DEFAULT_RESAMPLES */.jF,
            seed: this.input.bootstrap?.seed ?? bootstrap/* DEFAULT_SEED */.KP,
        });
        this.intervals.set(key, interval);
        return interval;
    }
    baselineValue(metric) {
        const metrics = this.input.baseline?.metrics;
        return metrics !== undefined && Object.hasOwn(metrics, metric) ? metrics[metric] : undefined;
    }
    /** Why a baseline rule must be skipped, or undefined when the baseline value is usable. */
    baselineProblem(metric, value) {
        const baseline = this.input.baseline;
        if (baseline === null) {
            const source = this.input.missingBaselineSource;
            return source ? `no baseline: ${source} was not found` : 'no baseline was given';
        }
        if (value === undefined)
            return `the baseline has no ${metric} (${baseline.source})`;
        if (Number.isNaN(value))
            return `baseline.${metric} is NaN in ${baseline.source}`;
        return undefined;
    }
}
/** A note when a candidate's metric can't be compared: missing, or NaN. */
function problemWith(value, metric, file) {
    if (value === undefined)
        return `${metric} is missing in ${file}`;
    if (Number.isNaN(value))
        return `${metric} is NaN in ${file}`;
    return undefined;
}
/**
 * Compares with a relative tolerance of 1e-9 of the largest magnitude involved
 * (`scale`), so rounding in `baseline + offset` decides nothing. Infinite
 * values compare exactly.
 */
function compare(left, comparator, right, scale) {
    const exact = !Number.isFinite(left) || !Number.isFinite(right) || !Number.isFinite(scale);
    const equal = exact ? left === right : Math.abs(left - right) <= 1e-9 * scale;
    switch (comparator) {
        case '>=':
            return equal || left > right;
        case '>':
            return !equal && left > right;
        case '<=':
            return equal || left < right;
        case '<':
            return !equal && left < right;
        case '==':
            return equal;
        case '!=':
            return !equal;
    }
}
/** NaN (and missing) become null, so the results JSON says "no number" rather than a wrong one. */
function usable(value) {
    return value === undefined || Number.isNaN(value) ? null : value;
}
/** NaN (from Infinity - Infinity) becomes null; infinities stay. */
function notNaN(value) {
    return Number.isNaN(value) ? null : value;
}
/** Up to 4 significant digits, without trailing zeros: 0.0133333 → 0.01333. */
function formatNumber(value) {
    return String(Number(value.toPrecision(4)));
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/direction.ts
/** Name parts that mean "lower is better". */
const LOWER_IS_BETTER = new Set(['loss', 'error', 'err', 'latency', 'mse', 'rmse', 'mae', 'time', 'duration', 'size']);
/**
 * The better direction of `metric`, from the strongest evidence available:
 * 1. the rules on it: `>=` / `>` mean higher is better, `<=` / `<` lower
 *    (`==`, `!=` say nothing; rules pointing both ways, a range, say nothing);
 * 2. else `select`, when it is about this metric: `max` → higher, `min` → lower;
 * 3. else the name: a part (split at `.`, `_`, `-`, `/`, spaces and camelCase)
 *    that is loss, error, err, latency, mse, rmse, mae, time, duration or size
 *    → lower (`val_loss`, `eval.latency_ms`, `trainTime`);
 * 4. else higher.
 */
function metricDirection(metric, rules, selection) {
    return metricDirections(rules, selection)(metric);
}
/**
 * `metricDirection` for many metrics: the rules are indexed by metric once,
 * so a report of R rows over R rules costs O(R), not a scan of every rule
 * for every row, which is quadratic (bench/evaluate-and-gate/README.md).
 */
function metricDirections(rules, selection) {
    const fromRules = directionsFromRules(rules);
    return (metric) => {
        const stated = fromRules.get(metric);
        if (stated !== undefined && stated.size === 1)
            return [...stated][0];
        if (selection !== null && selection.metric === metric)
            return selection.mode === 'max' ? 'higher' : 'lower';
        return nameParts(metric).some((part) => LOWER_IS_BETTER.has(part)) ? 'lower' : 'higher';
    };
}
/** The directions each metric's rules point in; one direction is evidence, two (a range) are none. */
function directionsFromRules(rules) {
    const byMetric = new Map();
    for (const rule of rules) {
        const direction = comparatorDirection(rule);
        if (direction === undefined)
            continue;
        const seen = byMetric.get(rule.metric) ?? new Set();
        seen.add(direction);
        byMetric.set(rule.metric, seen);
    }
    return byMetric;
}
/** `>=` / `>` mean higher is better, `<=` / `<` lower; `==` and `!=` say nothing. */
function comparatorDirection(rule) {
    if (rule.comparator === '>=' || rule.comparator === '>')
        return 'higher';
    if (rule.comparator === '<=' || rule.comparator === '<')
        return 'lower';
    return undefined;
}
function nameParts(metric) {
    return metric
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((part) => part !== '');
}

// EXTERNAL MODULE: ./packages/core/src/report/format.ts
var format = __webpack_require__(96665);
;// CONCATENATED MODULE: ./packages/core/src/report/chart.ts

/**
 * The chart as a mermaid `xychart-beta`: GitHub renders it in PR comments and
 * step summaries, so it needs no image hosting.
 *
 * Horizontal, so eight long candidate names each get a line of their own
 * instead of being drawn over each other under the bars. xychart has no
 * legend, one colour per series, and draws the slots of every series: a
 * second bar series for the baseline would put zero-height stubs under every
 * candidate. So the candidates are the bars (each label marked ✅/❌, as a
 * tall failed bar must not look like the winner), and the baseline and every
 * number rule's threshold are flat lines across them, named with their values
 * in the title. Values are printed on the bars (`showDataLabel`; a renderer
 * that predates it ignores the setting), and the height follows the number of
 * bars: the label's size follows the bar's, and two bars on the default
 * 500 pixels print their values a hand high.
 */
function renderMermaidChart(chart) {
    const candidates = chart.bars.filter((bar) => !bar.isBaseline);
    if (candidates.length === 0)
        return '';
    const baseline = chart.bars.find((bar) => bar.isBaseline);
    // Each line's name for the title; the rule text would not fit, "threshold" does.
    const lines = [
        ...(baseline ? [{ name: 'baseline', value: baseline.value }] : []),
        ...chart.thresholds.map((threshold) => ({ name: 'threshold', value: threshold.value })),
    ];
    const legend = lines.map((line) => `${line.name} ${decimal(line.value)}`);
    const title = legend.length > 0 ? `${chart.title} · lines: ${legend.join(', ')}` : chart.title;
    const flat = (value) => `[${candidates.map(() => decimal(value)).join(', ')}]`;
    return [
        '```mermaid',
        '---',
        'config:',
        '  xyChart:',
        '    showDataLabel: true',
        `    height: ${chartHeight(candidates.length)}`,
        '---',
        'xychart-beta horizontal',
        `  title "${quote(title)}"`,
        `  x-axis [${candidates.map((bar) => `"${quote(`${bar.label} ${bar.passed ? '✅' : '❌'}`)}"`).join(', ')}]`,
        `  y-axis "${quote(chart.metric)}" ${decimal(chart.axis.min)} --> ${decimal(chart.axis.max)}`,
        `  bar [${candidates.map((bar) => decimal(bar.value)).join(', ')}]`,
        ...lines.map((line) => `  line ${flat(line.value)}`),
        '```',
    ].join('\n');
}
/** Pixels: room for the axis and title, then a bar of about 28 px per candidate. */
function chartHeight(bars) {
    return 110 + 40 * Math.max(bars, 2);
}
/** Four significant digits written out: mermaid's number syntax has no exponent (1e-7). */
function decimal(value) {
    const text = (0,format/* formatNumber */.ZV)(value);
    return /e/i.test(text) ? Number(text).toFixed(20).replace(/\.?0+$/, '') : text;
}
function quote(text) {
    // Mermaid labels are markup to some renderers: keep quotes, brackets and newlines out.
    return text.replace(/["\\\n\r<>]/g, ' ');
}

;// CONCATENATED MODULE: ./packages/core/src/report/view.ts

const MARKS = { passed: '✅', failed: '❌', skipped: '⏭️' };
function buildReportView(results, options) {
    const order = candidateOrder(results);
    const leader = order[0] ?? null;
    return {
        passed: results.passed,
        headline: headline(results, options.context),
        context: contextLine(results),
        comparison: comparisonTable(results, order, options.rules),
        chart: chartData(results, order, options.rules),
        candidates: order.map((name) => candidateSection(name, results.candidates[name], results.best === name, name === leader, options)),
        runUrl: options.runUrl,
    };
}
function verdictOf(results) {
    const leader = candidateOrder(results)[0] ?? null;
    const rules = leader === null ? [] : (results.candidates[leader]?.rules ?? []);
    const failed = rules.filter((rule) => rule.verdict === 'failed');
    const failedCandidates = Object.values(results.candidates).filter((candidate) => !candidate.passed).length;
    return {
        leader,
        failure: results.passed ? null : (failed[0] ?? null),
        otherFailedRules: results.passed ? 0 : Math.max(0, failed.length - 1),
        otherFailedCandidates: results.passed ? 0 : Math.max(0, failedCandidates - 1),
        skipped: skippedBaselineSummary(results),
    };
}
/**
 * "N baseline rules skipped: <why>" when any rule was skipped for want of a
 * baseline, else null: a pass that compared nothing with the baseline must
 * say so where it is read first (the headline, the log).
 */
function skippedBaselineSummary(results) {
    const skipped = skippedRules(results);
    if (skipped.length === 0)
        return null;
    const reasons = [...new Set(skipped.map((rule) => rule.note ?? 'no baseline'))];
    const shown = reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; and ${reasons.length - 3} more` : '');
    return `${skipped.length} baseline rule${plural(skipped.length)} skipped: ${shown}`;
}
function skippedRules(results) {
    return Object.values(results.candidates).flatMap((candidate) => candidate.rules.filter((rule) => rule.verdict === 'skipped'));
}
/** One line for a commit status (GitHub allows 140 characters): the headline, short. */
function statusDescription(results) {
    const verdict = verdictOf(results);
    const parts = [];
    if (results.passed) {
        const names = Object.values(results.candidates);
        parts.push(`Passed: best ${results.best} (${names.filter((candidate) => candidate.passed).length}/${names.length} candidates pass)`);
    }
    else {
        parts.push(`Failed: ${verdict.leader}: ${verdict.failure ? `${verdict.failure.rule} (${evidence(verdict.failure)})` : 'no rule failed, but skipped baseline rules count as failures'}`);
        if (verdict.otherFailedRules > 0)
            parts.push(`+${verdict.otherFailedRules} other failed rule${plural(verdict.otherFailedRules)}`);
        if (verdict.otherFailedCandidates > 0)
            parts.push(`${verdict.otherFailedCandidates} other candidate${plural(verdict.otherFailedCandidates)} failed`);
    }
    const skipped = skippedRules(results).length;
    if (skipped > 0)
        parts.push(`${skipped} baseline rule${plural(skipped)} skipped`);
    const text = parts.join('; ');
    return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}
function headline(results, context) {
    const verdict = verdictOf(results);
    const parts = [{ text: `${results.passed ? '✅' : '❌'} mlops-ci gate ` }, { text: context, style: 'code' }];
    if (results.passed) {
        parts.push({ text: ' passed — best: ' }, { text: results.best ?? '', style: 'strong' });
    }
    else {
        parts.push({ text: ' did not pass — ' }, { text: verdict.leader ?? '', style: 'strong' });
        if (verdict.failure) {
            parts.push({ text: ' failed ' }, { text: verdict.failure.rule, style: 'code' }, { text: ` (${evidence(verdict.failure)})` });
        }
        else {
            parts.push({ text: ' failed no rule, but its skipped baseline rules count as failures (on-missing-baseline: fail)' });
        }
        if (verdict.otherFailedRules > 0)
            parts.push({ text: ` and ${verdict.otherFailedRules} other failed rule${plural(verdict.otherFailedRules)}` });
        if (verdict.otherFailedCandidates > 0) {
            parts.push({ text: ` · ${verdict.otherFailedCandidates} other candidate${plural(verdict.otherFailedCandidates)} failed` });
        }
    }
    if (verdict.skipped)
        parts.push({ text: ` · ⏭️ ${verdict.skipped}` });
    return parts;
}
/** What a failed rule found: the note when a number cannot tell (missing value, an interval), else the value. */
function evidence(rule) {
    return rule.note ?? `${rule.metric} = ${(0,format/* formatNumber */.ZV)(rule.value)}`;
}
function contextLine(results) {
    const { source, metrics } = results.baseline;
    const parts = [];
    if (metrics)
        parts.push({ text: 'Baseline: ' }, { text: source ?? '', style: 'code' });
    else if (source)
        parts.push({ text: 'Baseline: none (' }, { text: source, style: 'code' }, { text: ' not found)' });
    else
        parts.push({ text: 'Baseline: none' });
    if (results.selection)
        parts.push({ text: ` · Selection: ${results.selection.mode} ` }, { text: results.selection.metric, style: 'code' });
    parts.push({ text: ` · ${results.selectionNote}` });
    return parts;
}
/**
 * The best first, then the others by name: the reader sees the winner first.
 * When none passed, the best-ranked comes first instead, the one the headline
 * explains: by `select` when given (the ranking the user asked for), else the
 * fewest failed rules; ties by name.
 */
function candidateOrder(results) {
    const names = Object.keys(results.candidates).sort(byName);
    const leader = leaderOf(results);
    return leader === undefined ? names : [leader, ...names.filter((name) => name !== leader)];
}
/**
 * The candidate the report leads with: the best, or when none passed the
 * best-ranked (by `select` when given, else the fewest failed rules; ties by
 * name). The headline, the status line and the annotations all name this one.
 */
function leaderOf(results) {
    const best = results.best !== null && Object.hasOwn(results.candidates, results.best) ? results.best : undefined;
    return best ?? Object.keys(results.candidates).sort((a, b) => rank(results, a, b))[0];
}
function rank(results, a, b) {
    const candidates = results.candidates;
    const selection = results.selection;
    if (selection) {
        const score = (name) => {
            const value = candidates[name]?.metrics[selection.metric];
            if (value === undefined || Number.isNaN(value))
                return Number.NEGATIVE_INFINITY;
            return selection.mode === 'max' ? value : -value;
        };
        const difference = score(b) - score(a);
        if (difference !== 0 && !Number.isNaN(difference))
            return difference;
    }
    else {
        const failures = (name) => candidates[name]?.rules.filter((rule) => rule.verdict === 'failed').length ?? 0;
        const difference = failures(a) - failures(b);
        if (difference !== 0)
            return difference;
    }
    return byName(a, b);
}
function byName(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
// ---------------------------------------------------------------- comparison table
function comparisonTable(results, order, rules) {
    const metrics = [...new Set([...rules.map((rule) => rule.metric), ...(results.selection ? [results.selection.metric] : [])])];
    const rows = order.map((name) => {
        const candidate = results.candidates[name];
        const marks = marksByMetric(candidate);
        return {
            name,
            isBaseline: false,
            cells: metrics.map((metric) => withMark(formatValue(candidate.metrics[metric]), marks.get(metric) ?? null)),
            verdict: overallVerdict(candidate, results.best === name),
        };
    });
    const baseline = results.baseline.metrics;
    if (baseline)
        rows.push({ name: 'baseline', isBaseline: true, cells: metrics.map((metric) => formatValue(baseline[metric])), verdict: '—' });
    return { metrics, rows };
}
/**
 * The worst verdict among a candidate's rules on each metric (failed, then
 * skipped, then passed); a metric no rule is about (the `select` one) has
 * none. One pass over the rules: a scan per column would be quadratic.
 */
function marksByMetric(candidate) {
    const worst = new Map();
    const severity = { passed: 0, skipped: 1, failed: 2 };
    for (const rule of candidate.rules) {
        const seen = worst.get(rule.metric);
        if (seen === undefined || severity[rule.verdict] > severity[seen])
            worst.set(rule.metric, rule.verdict);
    }
    return new Map([...worst].map(([metric, verdict]) => [metric, MARKS[verdict]]));
}
function withMark(value, mark) {
    return mark === null ? value : `${value} ${mark}`;
}
function formatValue(value) {
    return value === undefined ? '—' : (0,format/* formatNumber */.ZV)(value);
}
function overallVerdict(candidate, best) {
    if (candidate.passed)
        return best ? '✅ best' : '✅ passed';
    const failed = candidate.rules.filter((rule) => rule.verdict === 'failed').length;
    if (failed > 0)
        return `❌ ${failed} failed rule${plural(failed)}`;
    const skipped = candidate.rules.filter((rule) => rule.verdict === 'skipped').length;
    return `❌ ${skipped} skipped rule${plural(skipped)}`;
}
// ---------------------------------------------------------------- per-candidate rule tables
function candidateSection(name, candidate, best, open, options) {
    return {
        name,
        verdict: `${candidate.passed ? '✅ passed' : '❌ failed'}${best ? ' · best' : ''}`,
        open,
        metricsFile: candidate.metricsFile,
        rules: candidate.rules.map((result, index) => ruleRow(result, ruleFor(options.rules, index, result), options.direction(result.metric))),
    };
}
/** The parsed rule behind a result; undefined if the lists do not line up (then no margin is shown). */
function ruleFor(rules, index, result) {
    const rule = rules[index];
    return rule?.text === result.rule ? rule : undefined;
}
function ruleRow(result, rule, direction) {
    const details = [];
    const margin = rule?.right.kind === 'number' ? marginOf(result, rule.comparator) : null;
    if (margin !== null)
        details.push(`margin ${(0,format/* formatSigned */.Gp)(margin)}`);
    if (result.interval)
        details.push(intervalText(result.interval));
    return {
        metric: result.metric,
        value: (0,format/* formatNumber */.ZV)(result.value),
        baseline: (0,format/* formatNumber */.ZV)(result.baseline),
        delta: deltaText(result, direction),
        rule: result.rule,
        details,
        verdict: ruleVerdict(result),
    };
}
/**
 * How far a value is on the passing side of its threshold (negative: on the
 * failing side). `==` and `!=` have no side, so no margin.
 */
function marginOf(result, comparator) {
    if (result.value === null || result.threshold === null)
        return null;
    const difference = result.value - result.threshold;
    if (!Number.isFinite(difference))
        return null;
    if (comparator === '>=' || comparator === '>')
        return difference;
    if (comparator === '<=' || comparator === '<')
        return -difference;
    return null;
}
/**
 * Δ is "vs baseline" only, computed here from `value` and `baseline`:
 * `RuleResult.delta` of a rule against a number is value − threshold, which
 * belongs in the rule's margin, not in this column (the results JSON keeps it).
 */
function deltaText(result, direction) {
    if (result.value === null || result.baseline === null)
        return '—';
    const delta = result.value - result.baseline;
    if (!Number.isFinite(delta))
        return '—';
    if (delta === 0)
        return '±0';
    const up = delta > 0;
    const better = up === (direction === 'higher');
    return `${up ? '▲' : '▼'} ${(0,format/* formatSigned */.Gp)(delta)} ${better ? '🟢' : '🔴'}`;
}
function intervalText(interval) {
    const level = `${Math.round(interval.level * 100)}% CI of Δ`;
    // The same scores for candidate and baseline make every resample's mean 0: say that, not "[±0, ±0]".
    if (interval.lower === 0 && interval.upper === 0)
        return `${level}: no difference (identical samples)`;
    return `${level}: [${(0,format/* formatSigned */.Gp)(interval.lower)}, ${(0,format/* formatSigned */.Gp)(interval.upper)}]`;
}
function ruleVerdict(rule) {
    const word = { passed: 'pass', failed: 'fail', skipped: 'skipped' }[rule.verdict];
    return `${MARKS[rule.verdict]} ${word}${rule.note ? ` — ${rule.note}` : ''}`;
}
// ---------------------------------------------------------------- chart
/**
 * The candidates and the baseline on the selected metric (else the first
 * rule's), with the thresholds of number rules on it.
 */
function chartData(results, order, rules) {
    const metric = results.selection?.metric ?? rules[0]?.metric ?? firstRuleMetric(results);
    if (metric === undefined)
        return null;
    const bars = [];
    for (const name of order) {
        const value = results.candidates[name]?.metrics[metric];
        if (value !== undefined && Number.isFinite(value))
            bars.push({ label: name, value, isBaseline: false, passed: results.candidates[name]?.passed ?? false });
    }
    const baseline = results.baseline.metrics?.[metric];
    if (baseline !== undefined && Number.isFinite(baseline))
        bars.push({ label: 'baseline', value: baseline, isBaseline: true, passed: true });
    if (bars.length === 0)
        return null;
    const thresholds = rules
        .filter((rule) => rule.metric === metric && rule.right.kind === 'number' && Number.isFinite(rule.right.value))
        .map((rule) => ({ label: rule.text, value: rule.right.value }));
    const values = [...bars.map((bar) => bar.value), ...thresholds.map((threshold) => threshold.value)];
    return { title: `${metric} by candidate`, metric, bars, thresholds, axis: axisFromZero(values) };
}
function firstRuleMetric(results) {
    return Object.values(results.candidates).find((candidate) => candidate.rules.length > 0)?.rules[0]?.metric;
}
/**
 * An axis that includes 0, in round steps. Bars are read by their length: on
 * an axis zoomed to the data, 0.93 and 0.95 look twice apart, which is a lie
 * a reader at a glance believes. The exact numbers and differences are in the
 * tables; the chart shows the scale honestly.
 */
function axisFromZero(values) {
    const low = Math.min(0, ...values);
    const high = Math.max(0, ...values);
    const step = niceStep((high - low || 1) / 5);
    const round = (value) => Number(value.toPrecision(12));
    const min = round(Math.floor(low / step) * step);
    const max = round(Math.ceil(high / step) * step);
    return { min, max: max > min ? max : round(min + step), step };
}
/** 1, 2 or 5 times a power of ten, at least `rough`. */
function niceStep(rough) {
    const power = 10 ** Math.floor(Math.log10(rough));
    const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough * (1 - 1e-9)) ?? 10 * power;
    return Number(step.toPrecision(12));
}
function plural(count) {
    return count === 1 ? '' : 's';
}

;// CONCATENATED MODULE: ./packages/core/src/report/gate-report.ts



/**
 * The gate's report in markdown: the verdict and why in the headline, one
 * table comparing every candidate with the baseline on the rule metrics, a
 * mermaid chart, then each candidate's rules in a `<details>` (the leader's
 * open). One text serves the step summary, the report file, the PR comment
 * and the check run; `renderGateReportHtml` lays out the same view for Jenkins.
 */
function renderGateReport(view) {
    const sections = [`### ${inline(view.headline)}`, inline(view.context), gate_report_comparisonTable(view.comparison)];
    if (view.chart)
        sections.push(renderMermaidChart(view.chart));
    sections.push(...view.candidates.map(candidateDetails));
    if (view.runUrl)
        sections.push(`<sub>[Run](${view.runUrl}) · mlops-ci evaluate-and-gate</sub>`);
    return `${sections.join('\n\n')}\n`;
}
function inline(parts) {
    return parts
        .map((part) => {
        if (part.style === 'code')
            return (0,format/* inlineCode */.ti)(part.text);
        if (part.style === 'strong')
            return `**${(0,format/* escapeCell */.kq)(part.text)}**`;
        return (0,format/* escapeCell */.kq)(part.text);
    })
        .join('');
}
function gate_report_comparisonTable(table) {
    const lines = [
        row(['Candidate', ...table.metrics.map(format/* inlineCode */.ti), 'Verdict']),
        `|---|${table.metrics.map(() => '---:|').join('')}---|`,
    ];
    for (const entry of table.rows) {
        const name = entry.isBaseline ? '_baseline_' : (0,format/* escapeCell */.kq)(entry.name);
        lines.push(row([name, ...entry.cells, entry.verdict]));
    }
    return lines.join('\n');
}
/**
 * A candidate's rules, folded. GitHub renders the table inside `<details>`
 * only with blank lines around it, and the summary is HTML, not markdown.
 */
function candidateDetails(section) {
    const lines = [
        section.open ? '<details open>' : '<details>',
        `<summary><b>${(0,format/* escapeHtml */.ZD)(section.name)}</b> — ${section.verdict}</summary>`,
        '',
        row(['Metric', 'Candidate', 'Baseline', 'Δ vs baseline', 'Rule', 'Verdict']),
        '|---|---:|---:|---:|---|---|',
    ];
    for (const rule of section.rules) {
        const ruleCell = [(0,format/* inlineCode */.ti)(rule.rule), ...rule.details.map(format/* escapeCell */.kq)].join(' · ');
        lines.push(row([(0,format/* inlineCode */.ti)(rule.metric), rule.value, rule.baseline, rule.delta, ruleCell, (0,format/* escapeCell */.kq)(rule.verdict)]));
    }
    if (section.rules.length === 0)
        lines.push('| — | | | | no rules | ✅ |');
    lines.push('', `<sub>${(0,format/* escapeCell */.kq)(section.metricsFile)}</sub>`, '', '</details>');
    return lines.join('\n');
}
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}

;// CONCATENATED MODULE: ./packages/core/src/report/html.ts
/**
 * A small writer of HTML and SVG markup. Every string child is text and is
 * escaped; only `Markup` made here passes through as it is, so user text
 * (candidate names, rules, paths) cannot become markup by forgetting a call.
 * The output is also well-formed XML: every element is closed, empty ones
 * that HTML allows to be void are written `<x/>`, and attributes are quoted.
 */

/** Elements written as `<x/>`: HTML's void elements, and the SVG shapes that never have content. */
const SELF_CLOSING = new Set(['meta', 'br', 'hr', 'img', 'link', 'rect', 'line', 'path', 'circle', 'polyline']);
function html_element(name, attributes = {}, ...children) {
    const attrs = Object.entries(attributes)
        .filter(([, value]) => value !== undefined && value !== null && value !== false)
        // A boolean attribute is written name="name": valid HTML, and well-formed XML.
        .map(([key, value]) => ` ${key}="${(0,format/* escapeHtml */.ZD)(value === true ? key : typeof value === 'number' ? formatCoordinate(value) : String(value))}"`)
        .join('');
    const content = fragment(...children).markup;
    if (content === '' && SELF_CLOSING.has(name))
        return { markup: `<${name}${attrs}/>` };
    return { markup: `<${name}${attrs}>${content}</${name}>` };
}
function fragment(...children) {
    return { markup: children.map((child) => (typeof child === 'string' ? (0,format/* escapeHtml */.ZD)(child) : child ? child.markup : '')).join('') };
}
/** Markup written in this codebase (a doctype, a style sheet): never user text. */
function trusted(markup) {
    return { markup };
}
/** Coordinates to two decimals: enough for a screen, short in the file. */
function formatCoordinate(value) {
    return String(Math.round(value * 100) / 100);
}

;// CONCATENATED MODULE: ./packages/core/src/report/svg-chart.ts


/**
 * The chart as an inline SVG, for the HTML report (Jenkins shows no mermaid).
 * Horizontal bars, one row each, so eight or eighty long candidate names stay
 * readable; the axis includes 0 (see `axisFromZero`), each bar is labelled
 * with its value, the baseline is grey with a dashed outline and named, and
 * each number rule on the metric is a red dashed line at its threshold.
 *
 * Colours and dashes are SVG attributes, not CSS: Jenkins serves reports with
 * a Content-Security-Policy that blocks inline styles by default, and the
 * chart must still read right there.
 */
function renderSvgChart(chart) {
    const layout = new Layout(chart);
    const height = layout.bottom + AXIS_BELOW;
    return html_element('svg', { xmlns: 'http://www.w3.org/2000/svg', width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'font-family': 'sans-serif', 'font-size': 12 }, html_element('title', {}, chart.title), html_element('text', { x: WIDTH / 2, y: 16, 'text-anchor': 'middle', 'font-weight': 'bold' }, chart.title), grid(layout, chart), ...chart.bars.map((bar, index) => barRow(layout, bar, index)), ...chart.thresholds.map((threshold, index) => thresholdLine(layout, threshold, index)));
}
const WIDTH = 720;
const LABEL_WIDTH = 190;
const VALUE_ROOM = 70;
const TOP = 34;
const ROW = 26;
const BAR = 18;
const AXIS_BELOW = 34;
/** Longer names are cut in the label; the full name is the bar's tooltip. */
const LABEL_CHARS = 26;
const COLOURS = { candidate: '#4e79a7', baseline: '#bab0ac', baselineOutline: '#555555', threshold: '#e15759', grid: '#dddddd', text: '#333333' };
class Layout {
    chart;
    left = LABEL_WIDTH;
    right = WIDTH - VALUE_ROOM;
    top = TOP;
    bottom;
    constructor(chart) {
        this.chart = chart;
        this.bottom = TOP + chart.bars.length * ROW + 6;
    }
    x(value) {
        const { min, max } = this.chart.axis;
        return this.left + ((value - min) / (max - min)) * (this.right - this.left);
    }
}
function grid(layout, chart) {
    const { min, max, step } = chart.axis;
    const ticks = [];
    for (let i = 0; min + i * step <= max + step * 1e-9; i++)
        ticks.push(Number((min + i * step).toPrecision(12)));
    return fragment(...ticks.map((tick) => fragment(html_element('line', { x1: layout.x(tick), x2: layout.x(tick), y1: layout.top, y2: layout.bottom, stroke: tick === 0 ? COLOURS.text : COLOURS.grid }), html_element('text', { x: layout.x(tick), y: layout.bottom + 16, 'text-anchor': 'middle', fill: COLOURS.text }, (0,format/* formatNumber */.ZV)(tick)))), html_element('text', { x: (layout.left + layout.right) / 2, y: layout.bottom + 30, 'text-anchor': 'middle', fill: COLOURS.text }, chart.metric));
}
function barRow(layout, bar, index) {
    const y = layout.top + index * ROW + (ROW - BAR) / 2;
    const zero = layout.x(0);
    const end = layout.x(bar.value);
    const label = bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label;
    const style = bar.isBaseline
        ? { fill: COLOURS.baseline, stroke: COLOURS.baselineOutline, 'stroke-dasharray': '4 2' }
        : { fill: COLOURS.candidate };
    const negative = bar.value < 0;
    return html_element('g', {}, html_element('title', {}, `${bar.label}: ${(0,format/* formatNumber */.ZV)(bar.value)}`), html_element('text', { x: layout.left - 8, y: y + BAR - 5, 'text-anchor': 'end', fill: COLOURS.text, 'font-style': bar.isBaseline ? 'italic' : undefined }, label), html_element('rect', { x: Math.min(zero, end), y, width: Math.max(Math.abs(end - zero), 1), height: BAR, ...style }), html_element('text', { x: negative ? end - 4 : end + 4, y: y + BAR - 5, 'text-anchor': negative ? 'end' : 'start', fill: COLOURS.text }, (0,format/* formatNumber */.ZV)(bar.value)));
}
function thresholdLine(layout, threshold, index) {
    const x = layout.x(threshold.value);
    return html_element('g', {}, html_element('line', { x1: x, x2: x, y1: layout.top - 4, y2: layout.bottom, stroke: COLOURS.threshold, 'stroke-width': 2, 'stroke-dasharray': '6 3' }), html_element('text', { x: x - 4, y: layout.top - 6 - index * 12, 'text-anchor': 'end', fill: COLOURS.threshold }, threshold.label));
}

;// CONCATENATED MODULE: ./packages/core/src/report/html-report.ts


/**
 * The gate's report as one standalone HTML page, for Jenkins (`publishHTML`,
 * or an archived artifact): the same view as the markdown report — headline,
 * comparison table, chart, each candidate's rules — with the chart as inline
 * SVG. No script and nothing fetched: Jenkins serves it under a
 * Content-Security-Policy that allows neither. That policy also blocks the
 * inline style sheet by default, so the page reads right without it: tables
 * have borders and the chart its colours as attributes.
 */
function renderGateReportHtml(view) {
    const headline = plainText(view.headline);
    const body = html_element('body', {}, html_element('h1', { class: view.passed ? 'passed' : 'failed' }, html_report_inline(view.headline)), html_element('p', {}, html_report_inline(view.context)), html_report_comparisonTable(view.comparison), view.chart ? html_element('figure', {}, renderSvgChart(view.chart)) : null, html_element('h2', {}, 'Rules per candidate'), ...view.candidates.map(html_report_candidateDetails), footer(view.runUrl));
    const head = html_element('head', {}, html_element('meta', { charset: 'utf-8' }), html_element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), html_element('title', {}, headline), html_element('style', {}, trusted(STYLE)));
    return `<!DOCTYPE html>\n${html_element('html', { lang: 'en' }, head, body).markup}\n`;
}
const STYLE = [
    'body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em; color: #1f2328; }',
    'h1 { font-size: 1.4em; } h1.passed { color: #1a7f37; } h1.failed { color: #cf222e; }',
    'table { border-collapse: collapse; margin: 0.5em 0 1em; } th, td { border: 1px solid #d0d7de; padding: 4px 10px; }',
    'td.number { text-align: right; white-space: nowrap; } tr.baseline { font-style: italic; background: #f6f8fa; }',
    'code { background: #f6f8fa; padding: 0 3px; } summary { cursor: pointer; margin: 0.4em 0; } small { color: #59636e; }',
].join('\n');
function html_report_inline(parts) {
    return fragment(...parts.map((part) => (part.style === 'code' ? html_element('code', {}, part.text) : part.style === 'strong' ? html_element('strong', {}, part.text) : part.text)));
}
function plainText(parts) {
    return parts.map((part) => part.text).join('');
}
function html_report_comparisonTable(table) {
    const header = html_element('tr', {}, html_element('th', {}, 'Candidate'), ...table.metrics.map((metric) => html_element('th', {}, html_element('code', {}, metric))), html_element('th', {}, 'Verdict'));
    const rows = table.rows.map((row) => html_element('tr', { class: row.isBaseline ? 'baseline' : undefined }, html_element('td', {}, row.isBaseline ? html_element('em', {}, row.name) : row.name), ...row.cells.map((cell) => html_element('td', { class: 'number' }, cell)), html_element('td', {}, row.verdict)));
    return html_element('table', { border: 1 }, html_element('thead', {}, header), html_element('tbody', {}, ...rows));
}
function html_report_candidateDetails(section) {
    const header = html_element('tr', {}, ...['Metric', 'Candidate', 'Baseline', 'Δ vs baseline', 'Rule', 'Verdict'].map((title) => html_element('th', {}, title)));
    const rows = section.rules.map((rule) => html_element('tr', {}, html_element('td', {}, html_element('code', {}, rule.metric)), html_element('td', { class: 'number' }, rule.value), html_element('td', { class: 'number' }, rule.baseline), html_element('td', { class: 'number' }, rule.delta), html_element('td', {}, html_element('code', {}, rule.rule), ...rule.details.flatMap((detail) => [html_element('br'), detail])), html_element('td', {}, rule.verdict)));
    if (rows.length === 0)
        rows.push(html_element('tr', {}, html_element('td', { colspan: 6 }, 'no rules: ✅')));
    return html_element('details', { open: section.open }, html_element('summary', {}, html_element('strong', {}, section.name), ` — ${section.verdict}`), html_element('table', { border: 1 }, html_element('thead', {}, header), html_element('tbody', {}, ...rows)), html_element('p', {}, html_element('small', {}, section.metricsFile)));
}
/** A link back to the run; only an http(s) address, never a `javascript:` one. */
function footer(runUrl) {
    const link = runUrl !== null && /^https?:\/\//i.test(runUrl) ? html_element('a', { href: runUrl }, 'Run') : null;
    return html_element('p', {}, html_element('small', {}, link, link ? ' · ' : null, 'mlops-ci evaluate-and-gate'));
}

;// CONCATENATED MODULE: ./packages/core/src/report/junit.ts

/**
 * The gate as JUnit XML: one testsuite per candidate, one testcase per rule,
 * so Jenkins' `junit` step and test reporters show which rule failed where.
 */
function renderJUnit(results) {
    const names = Object.keys(results.candidates).sort();
    const all = names.flatMap((name) => results.candidates[name]?.rules ?? []);
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="mlops-ci evaluate-and-gate" tests="${all.length}" failures="${count(all, 'failed')}" skipped="${count(all, 'skipped')}">`,
    ];
    for (const name of names) {
        const candidate = results.candidates[name];
        if (!candidate)
            continue;
        const rules = candidate.rules;
        lines.push(`  <testsuite name="${xml(name)}" tests="${rules.length}" failures="${count(rules, 'failed')}" skipped="${count(rules, 'skipped')}" errors="0">`);
        lines.push(`    <properties><property name="metrics-file" value="${xml(candidate.metricsFile)}"/></properties>`);
        for (const rule of rules)
            lines.push(...testcase(name, rule));
        lines.push('  </testsuite>');
    }
    lines.push('</testsuites>', '');
    return lines.join('\n');
}
function testcase(candidate, rule) {
    const open = `    <testcase classname="mlops-ci.gate.${xml(candidate)}" name="${xml(rule.rule)}">`;
    const detail = junit_describe(rule);
    switch (rule.verdict) {
        case 'passed':
            return [open, `      <system-out>${xml(detail)}</system-out>`, '    </testcase>'];
        case 'skipped':
            return [open, `      <skipped message="${xml(rule.note ?? 'skipped')}"/>`, '    </testcase>'];
        case 'failed':
            return [open, `      <failure message="${xml(rule.note ?? detail)}" type="GateRuleFailed">${xml(detail)}</failure>`, '    </testcase>'];
    }
}
function junit_describe(rule) {
    const parts = [`${rule.metric} = ${(0,format/* formatNumber */.ZV)(rule.value)}`];
    if (rule.baseline !== null)
        parts.push(`baseline = ${(0,format/* formatNumber */.ZV)(rule.baseline)}`);
    if (rule.threshold !== null)
        parts.push(`threshold = ${(0,format/* formatNumber */.ZV)(rule.threshold)}`);
    if (rule.interval) {
        parts.push(`${Math.round(rule.interval.level * 100)}% CI of the difference = [${(0,format/* formatNumber */.ZV)(rule.interval.lower)}, ${(0,format/* formatNumber */.ZV)(rule.interval.upper)}]`);
    }
    if (rule.note)
        parts.push(rule.note);
    return parts.join('; ');
}
function count(rules, verdict) {
    return rules.filter((rule) => rule.verdict === verdict).length;
}
/** Escapes for attributes and text, and drops characters XML 1.0 cannot hold. */
function xml(text) {
    return text
        // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}

// EXTERNAL MODULE: ./packages/core/src/scm/reporter.ts
var reporter = __webpack_require__(30102);
;// CONCATENATED MODULE: ./packages/core/src/steps/evaluate-and-gate/publish.ts



/** How each forge's parts are named in what the step says. */
const WORDS = {
    github: { forge: 'GitHub', comment: (n) => `PR #${n} comment`, posted: 'PR comment', noChange: 'No pull request in this run: no PR comment.', noToken: 'no github-token was given' },
    gitlab: { forge: 'GitLab', comment: (n) => `MR !${n} note`, posted: 'MR note', noChange: 'No merge request in this run: no MR note.', noToken: 'GITLAB_TOKEN is not set; set it to a project access token with the `api` scope, as CI_JOB_TOKEN cannot set commit statuses or write merge request notes' },
};
/**
 * Reports the gate where people look: a commit status (pending, then the
 * verdict), on GitHub an optional check run, and the PR comment or MR note.
 * Reporting is best effort: a refused call is a warning, the gate's verdict
 * stands.
 *
 * A pending status is always settled: by the verdict, or by `error` (GitLab:
 * `failed`) when the step fails after posting it, so no commit waits on a
 * gate that has ended.
 */
class GatePublisher {
    host;
    inputs;
    target;
    /** Whether the last status this run posted is 'pending' (and so must still be settled). */
    unsettled = false;
    /** The pending status call, awaited before settling so the settling status lands after it. */
    pendingPost = Promise.resolve();
    /** GitHub refused a write because the token is read-only (a fork's PR): said once, nothing more is tried. */
    readOnly = false;
    constructor(host, inputs, target) {
        this.host = host;
        this.inputs = inputs;
        this.target = target;
    }
    /** Where the verdict goes, for the log: GitHub or GitLab. */
    get forge() {
        return WORDS[this.inputs.forge].forge;
    }
    /** Says once, clearly, when nothing will be reported and why. */
    static async create(host, inputs) {
        const target = inputs.forge === 'github' ? await gitHubTarget(host.context, inputs) : await gitLabTarget(host.context, inputs);
        if (typeof target === 'string') {
            host.notice(`Not reporting to ${WORDS[inputs.forge].forge} (${target}): the gate still runs; the verdict is in the outputs and the report.`);
            return new GatePublisher(host, inputs, null);
        }
        return new GatePublisher(host, inputs, target);
    }
    async pending() {
        this.pendingPost = this.status('pending', 'Evaluating candidate models…');
        await this.pendingPost;
    }
    /**
     * Settles a pending status when the step fails after posting it: `error`,
     * with the first line of the reason, the token cut out (GitHub shows the
     * description to anyone who can see the commit; setStatus cuts it to 140
     * characters). Does nothing when no pending status is outstanding.
     */
    async error(err) {
        await this.pendingPost;
        if (!this.unsettled)
            return;
        const firstLine = ((0,errors/* messageOf */.bD)(err).split('\n')[0] ?? '').trim();
        const token = this.inputs.token;
        const reason = token ? firstLine.split(token).join('***') : firstLine;
        await this.status('error', `The gate could not finish: ${reason}`);
    }
    async publish(results, markdown) {
        await this.status(results.passed ? 'success' : 'failure', statusDescription(results));
        await this.checkRun(results, markdown);
        await this.comment(markdown);
    }
    async status(state, description) {
        if (!this.target || this.readOnly)
            return;
        const { reporter, sha } = this.target;
        const post = () => reporter.setStatus(sha, { state, context: this.inputs.context, description, targetUrl: this.host.context.runUrl });
        await this.attempt(`commit status '${this.inputs.context}' (${state}) on ${sha.slice(0, 7)}`, async () => {
            // A lost pending status costs nothing; a lost verdict after it leaves the commit pending: try that again.
            await (this.unsettled ? withRetries(post, SETTLE_ATTEMPTS) : post());
            this.unsettled = state === 'pending';
        });
    }
    async checkRun(results, markdown) {
        const checkRuns = this.target?.checkRuns;
        if (!this.target || !checkRuns || this.readOnly)
            return;
        const { sha } = this.target;
        await this.attempt(`check run '${this.inputs.context}'`, () => checkRuns.createCheckRun(sha, {
            name: this.inputs.context,
            passed: results.passed,
            title: statusDescription(results),
            summary: markdown,
            detailsUrl: this.host.context.runUrl,
        }), 'only a GitHub App token or GITHUB_TOKEN can create check runs; a personal token cannot (set check-run: false)');
    }
    async comment(markdown) {
        const target = this.target;
        if (!target || this.readOnly || this.inputs.comment === 'off')
            return;
        const words = WORDS[this.inputs.forge];
        const change = this.host.context.pullRequest;
        if (change === null) {
            this.host.info(words.noChange);
            return;
        }
        const mode = this.inputs.comment;
        await this.attempt(words.comment(change), async () => {
            const { url, updated } = await target.reporter.postComment(change, markdown, (0,reporter/* stickyMarker */.Y)('evaluate-and-gate', this.inputs.context), mode);
            this.host.info(`${updated ? 'Updated' : 'Posted'} the ${words.posted}: ${url}`);
        });
    }
    async attempt(what, call, forbiddenHint) {
        try {
            await call();
            this.host.info(`Reported ${what}.`);
        }
        catch (err) {
            const status = err.status;
            if (status === 403 && this.host.context.pullRequestFromFork) {
                this.readOnly = true;
                this.host.warning(FORK_READ_ONLY);
                return;
            }
            const hint = status === 403 && forbiddenHint ? ` (${forbiddenHint})` : '';
            this.host.warning(`Could not report ${what}: ${(0,errors/* messageOf */.bD)(err)}${hint}`);
        }
    }
}
/** The GitHub client and commit, or why there is none. */
async function gitHubTarget(context, inputs) {
    const { repository, sha } = context;
    if (!inputs.token)
        return WORDS.github.noToken;
    if (!repository)
        return 'the repository is unknown';
    if (!sha)
        return 'the commit is unknown';
    const { GitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(448)]).then(__webpack_require__.bind(__webpack_require__, 24448));
    const client = new GitHubClient(inputs.token, inputs.apiUrl, repository);
    return { reporter: client, sha, checkRuns: inputs.checkRun ? client : null };
}
/** The GitLab client and commit (CI_PROJECT_ID, the MR's source head or CI_COMMIT_SHA), or why there is none. */
async function gitLabTarget(context, inputs) {
    const { projectId, sha } = context;
    if (!inputs.token)
        return WORDS.gitlab.noToken;
    if (!projectId)
        return 'the project is unknown: CI_PROJECT_ID is not set';
    if (!sha)
        return 'the commit is unknown: CI_COMMIT_SHA is not set';
    const { GitLabClient, gitlabPipelineFrom } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 59616));
    const projectUrl = context.env['CI_PROJECT_URL']?.trim() || null;
    const pipeline = gitlabPipelineFrom(context.env);
    return { reporter: new GitLabClient({ apiUrl: inputs.apiUrl, projectId, token: inputs.token, projectUrl, pipeline }), sha, checkRuns: null };
}
/**
 * Said once when GitHub refuses a write on a pull request from a fork: every
 * later write would be refused the same way, and the verdict is elsewhere.
 */
const FORK_READ_ONLY = "This looks like a pull request from a fork: GITHUB_TOKEN is read-only here, so the gate could not set its commit status or comment on the PR. The verdict is in the job summary, the report file and the outputs; to comment on fork PRs, see README 'Fork pull requests' (a workflow_run workflow).";
/** Tries for a status that settles a pending one; 1 s, then 2 s apart. */
const SETTLE_ATTEMPTS = 3;
/**
 * Calls `call` up to `attempts` times while it fails the way an outage does
 * (a 5xx, or no answer at all); a 4xx is the forge's final word and is thrown at once.
 */
async function withRetries(call, attempts) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (err) {
            const status = err.status;
            const transient = status === undefined || status >= 500;
            if (!transient || attempt >= attempts)
                throw err;
            await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        }
    }
}

// EXTERNAL MODULE: ./packages/core/src/fs-input.ts
var fs_input = __webpack_require__(66087);
// EXTERNAL MODULE: ./packages/core/src/metrics/load.ts
var load = __webpack_require__(65255);
// EXTERNAL MODULE: ./packages/core/src/metrics/flatten.ts
var flatten = __webpack_require__(43449);
// EXTERNAL MODULE: ./packages/core/src/metrics/json.ts
var json = __webpack_require__(34233);
;// CONCATENATED MODULE: ./packages/core/src/metrics/samples.ts
/**
 * Per-example scores for statistical rules (the `samples` input): for each
 * candidate and for `baseline`, one number per row of the same evaluation set,
 * in the same order (1/0 for correct/wrong, a per-example loss, …).
 *
 * A spec is `file` or `file#selector`, split at the last `#`:
 *
 * - JSON (`.json`, or other content starting with `[` / `{`): a list of numbers
 *   or booleans. When the file holds a mapping, `#key` picks the list (a
 *   top-level key, else a dotted path `eval.correct`); without `#key`, the
 *   list under the key named like the metric (`accuracy`, or the metric's last
 *   dotted segment) is used.
 * - CSV (`.csv`; `.tsv` is tab-separated; anything else not JSON): one column.
 *   The first row is a header unless every cell in it is a number or boolean.
 *   `#name` picks the column with that header; `#3` the third column (1-based)
 *   when no header is called "3". Without a selector: the column named like the
 *   metric (`accuracy`, or the metric's last dotted segment), else the only
 *   column whose every non-blank value is a number or boolean; with several such columns
 *   (a numeric row id, say) it is a bad input rather than a guess.
 *
 * Values: finite numbers; booleans (JSON true/false, CSV true/false in any
 * case, as pandas writes True/False) count as 1 and 0. Anything else — empty
 * cells, text, NaN, Infinity — is a bad input naming the row.
 */







/**
 * The most per-example scores one series may hold. The paired bootstrap draws
 * every row once per resample and candidate (10,000 times by default): at
 * this size that takes seconds, ten times more takes minutes
 * (bench/evaluate-and-gate/README.md).
 */
const MAX_SAMPLE_ROWS = 100_000;
/** The largest samples file: 64 MiB, room for 100,000 rows of a CSV with a few text columns. */
const MAX_SAMPLES_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Loads one series of per-example scores from `file` or `file#selector` (see
 * the module comment for formats and column choice).
 * @throws InputError('samples') when the file is missing or malformed, the
 *   selector matches nothing, or a value is not a finite number or boolean.
 */
async function loadSamples(spec, options) {
    const { file, selector } = splitSpec(spec);
    const text = await (0,fs_input/* readInputText */._)({ input: 'samples', what: 'samples file', file, cwd: options.cwd, maxBytes: MAX_SAMPLES_FILE_BYTES });
    return parseSamples(text, file, selector, options.metric);
}
/** One series from the text of a samples file (`file` names it in errors and decides the format by extension). */
function parseSamples(text, file, selector, metric) {
    const extension = external_node_path_default().extname(file).toLowerCase();
    const looksLikeJson = extension === '.json' || (extension !== '.csv' && extension !== '.tsv' && /^\s*[[{]/.test(text));
    if (looksLikeJson)
        return samplesFromJson(text, file, selector, metric);
    return samplesFromCsv(text, file, extension === '.tsv' ? '\t' : ',', selector, metric);
}
/** `registry:<file>`, the baseline's own per-example file stored with its registered version. */
const FROM_REGISTRY = /^registry:(.+)$/;
/**
 * Loads the `samples` input's entries (`name=spec`, or `spec` named after its
 * parent folder / stem like metric files) into the shape `evaluateGate` takes.
 * The name `baseline` is the baseline's series.
 *
 * Returns undefined when there are no entries (blank lines and `#` comments
 * don't count). Does not know the candidates: `evaluateGate` reports a series
 * named after no candidate, or a statistical rule lacking one.
 * @throws InputError('samples') for a bad entry or file, a repeated name, or
 *   series of different lengths (naming both files).
 */
async function loadSampleInputs(entries, cwd, options = {}) {
    const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '' && !entry.startsWith('#'));
    if (wanted.length === 0)
        return undefined;
    const loaded = [];
    for (const entry of wanted) {
        const { name, pattern: spec } = (0,metrics_names/* splitNamedEntry */.QT)(entry, 'samples');
        const resolvedName = name ?? (0,metrics_names/* defaultName */.Z2)(splitSpec(spec).file, cwd);
        const earlier = loaded.find((item) => item.name === resolvedName);
        if (earlier !== undefined) {
            throw new errors/* InputError */.dz('samples', `two entries are named '${resolvedName}': ${earlier.spec} and ${spec}; name them apart with name=file`);
        }
        const fromRegistry = FROM_REGISTRY.exec(spec);
        if (fromRegistry) {
            const { file, selector } = splitSpec(fromRegistry[1]);
            const text = await baselineFileText(resolvedName, file, options.baselineFiles ?? { kind: 'not-a-registry' });
            if (text === null)
                continue;
            loaded.push({ name: resolvedName, spec, scores: parseSamples(text, file, selector, options.metric) });
            continue;
        }
        loaded.push({ name: resolvedName, spec, scores: await loadSamples(spec, { cwd, metric: options.metric }) });
    }
    const first = loaded[0];
    for (const item of loaded) {
        if (first !== undefined && item.scores.length !== first.scores.length) {
            throw new errors/* InputError */.dz('samples', `'${first.name}' has ${first.scores.length} per-example scores (${first.spec}) but '${item.name}' has ` +
                `${item.scores.length} (${item.spec}); all must score the same evaluation set in the same order`);
        }
    }
    const candidates = {};
    let baseline;
    for (const item of loaded) {
        if (item.name === 'baseline')
            baseline = item.scores;
        else
            candidates[item.name] = item.scores;
    }
    return baseline === undefined ? { candidates } : { candidates, baseline };
}
/** The text of `baseline=registry:<file>`; null when there is no baseline version yet. */
async function baselineFileText(name, file, files) {
    if (name !== 'baseline') {
        throw new errors/* InputError */.dz('samples', `'${name}=registry:${file}': only the baseline's series comes from the registry (baseline=registry:<file>)`);
    }
    if (files.kind === 'not-a-registry') {
        throw new errors/* InputError */.dz('samples', `baseline=registry:${file} reads a file of the baseline version, so baseline must be registry:<model>@<alias>`);
    }
    if (files.kind === 'no-version')
        return null;
    return (await files.read(file)).toString('utf8');
}
/** `file#selector` split at the last `#`; a `#` at the very end selects nothing. */
function splitSpec(spec) {
    const hash = spec.lastIndexOf('#');
    if (hash < 0)
        return { file: spec.trim(), selector: undefined };
    const selector = spec.slice(hash + 1).trim();
    return { file: spec.slice(0, hash).trim(), selector: selector === '' ? undefined : selector };
}
// ---------------------------------------------------------------- JSON
function samplesFromJson(text, file, selector, metric) {
    let document;
    try {
        document = (0,json/* parseJsonAllowingNonFinite */.l)(text);
    }
    catch (error) {
        const reason = error instanceof json/* JsonSyntaxError */.q ? error.message : String(error);
        throw new errors/* InputError */.dz('samples', `samples file '${file}' is not valid JSON: ${reason}`, { cause: error });
    }
    const list = pickJsonList(document, file, selector, metric);
    if (list.length > MAX_SAMPLE_ROWS)
        throw tooManyRows(file);
    // Items are counted from 1, like CSV lines, so messages read the same.
    return list.map((item, index) => scoreOf(item, () => `item ${index + 1} of '${file}${selector === undefined ? '' : `#${selector}`}'`));
}
function pickJsonList(document, file, selector, metric) {
    if (Array.isArray(document)) {
        if (selector !== undefined) {
            throw new errors/* InputError */.dz('samples', `'${file}' holds a list, so '#${selector}' has nothing to pick; drop it`);
        }
        return document;
    }
    if (!(0,flatten/* isPlainMapping */.z)(document)) {
        throw new errors/* InputError */.dz('samples', `samples file '${file}' must hold a list of per-example scores (or a mapping of such lists)`);
    }
    const keys = selector !== undefined ? [selector] : metric !== undefined ? namesLike(metric) : [];
    for (const key of keys) {
        const value = lookUpDotted(document, key);
        if (Array.isArray(value))
            return value;
        if (value !== undefined)
            throw new errors/* InputError */.dz('samples', `'${key}' in '${file}' is not a list of per-example scores`);
    }
    const lists = Object.keys(document).filter((key) => Array.isArray(document[key])).map((key) => (0,excerpt/* excerpt */.K)(key));
    const wanted = selector !== undefined ? `no list under '${selector}'` : 'a mapping; say which list with file.json#key';
    throw new errors/* InputError */.dz('samples', `samples file '${file}' holds ${wanted} (lists found: ${lists.join(', ') || 'none'})`);
}
/** A top-level key as written, else a dotted path through nested mappings. */
function lookUpDotted(document, key) {
    if (Object.hasOwn(document, key))
        return document[key];
    let node = document;
    for (const part of key.split('.')) {
        if (!(0,flatten/* isPlainMapping */.z)(node) || !Object.hasOwn(node, part))
            return undefined;
        node = node[part];
    }
    return node;
}
/** `eval.accuracy` may be a column `eval.accuracy` or `accuracy`. */
function namesLike(metric) {
    const last = metric.slice(metric.lastIndexOf('.') + 1);
    return last === metric ? [metric] : [metric, last];
}
function scoreOf(value, where) {
    if (typeof value === 'boolean')
        return value ? 1 : 0;
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    // File content, and the file may be anything a path leads to: a short, masked excerpt.
    const shown = typeof value === 'string' ? `"${(0,excerpt/* excerpt */.K)(value)}"` : (0,excerpt/* excerpt */.K)(String(value));
    throw new errors/* InputError */.dz('samples', `${where()} is ${shown}; per-example scores must be finite numbers or booleans`);
}
function tooManyRows(file) {
    return new errors/* InputError */.dz('samples', `samples file '${file}' holds more than ${MAX_SAMPLE_ROWS.toLocaleString('en-US')} per-example scores; the bootstrap draws every row ` +
        'once per resample (10,000 by default) and candidate, so subsample larger evaluation sets (the same rows for every model) before the gate');
}
function samplesFromCsv(text, file, delimiter, selector, metric) {
    const rows = parseCsv(text, delimiter, file);
    const firstRow = rows[0];
    if (firstRow === undefined)
        throw new errors/* InputError */.dz('samples', `samples file '${file}' is empty`);
    const hasHeader = !firstRow.cells.every((cell) => csvScore(cell) !== undefined);
    const header = hasHeader ? firstRow.cells.map((cell) => cell.trim()) : [];
    const data = hasHeader ? rows.slice(1) : rows;
    if (data.length > MAX_SAMPLE_ROWS)
        throw tooManyRows(file);
    if (data.length === 0)
        throw new errors/* InputError */.dz('samples', `samples file '${file}' has a header but no rows`);
    const column = chooseColumn(header, data, file, selector, metric);
    const columnName = (0,excerpt/* excerpt */.K)(header[column] ?? `column ${column + 1}`);
    return data.map((row) => {
        const cell = row.cells[column] ?? '';
        const score = csvScore(cell);
        if (score === undefined) {
            const shown = cell.trim() === '' ? 'empty' : `'${(0,excerpt/* excerpt */.K)(cell)}'`;
            throw new errors/* InputError */.dz('samples', `'${file}' line ${row.line}, ${columnName}: value is ${shown}; per-example scores must be finite numbers or true/false`);
        }
        return score;
    });
}
function chooseColumn(header, data, file, selector, metric) {
    // A loop, not Math.max(...rows): spreading 1,000,000 rows overflows the call stack.
    let width = header.length;
    for (const row of data)
        width = Math.max(width, row.cells.length);
    const columns = header.length > 0 ? `columns: ${header.map((name) => (0,excerpt/* excerpt */.K)(name)).join(', ')}` : `${width} columns, no header`;
    if (selector !== undefined) {
        const named = header.indexOf(selector);
        if (named >= 0)
            return named;
        if (/^[1-9]\d*$/.test(selector) && Number(selector) <= width)
            return Number(selector) - 1;
        throw new errors/* InputError */.dz('samples', `'${file}' has no column '${selector}' (${columns})`);
    }
    for (const name of metric === undefined ? [] : namesLike(metric)) {
        const named = header.indexOf(name);
        if (named >= 0)
            return named;
    }
    const numeric = [];
    for (let column = 0; column < width; column++) {
        // Blank cells don't disqualify a column: the value check then names their lines.
        const cells = data.map((row) => row.cells[column] ?? '').filter((cell) => cell.trim() !== '');
        if (cells.length > 0 && cells.every((cell) => csvScore(cell) !== undefined))
            numeric.push(column);
    }
    const [only] = numeric;
    if (numeric.length === 1 && only !== undefined)
        return only;
    if (numeric.length === 0) {
        throw new errors/* InputError */.dz('samples', `'${file}' has no column of numbers or booleans (${columns})`);
    }
    // Several candidates (a row id is numeric too): guessing could gate on the wrong column.
    const names = numeric.map((column) => (0,excerpt/* excerpt */.K)(header[column] ?? String(column + 1)));
    throw new errors/* InputError */.dz('samples', `'${file}' has several numeric columns (${names.join(', ')}); pick one with ${file}#column`);
}
/** A cell's score: a finite number, or true/false as 1/0; undefined otherwise. */
function csvScore(cell) {
    const trimmed = cell.trim();
    if (trimmed === '')
        return undefined;
    const lower = trimmed.toLowerCase();
    if (lower === 'true')
        return 1;
    if (lower === 'false')
        return 0;
    const number = Number(trimmed);
    // Number() also accepts "0x1f" and "Infinity"; a score is a plain decimal.
    return Number.isFinite(number) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? number : undefined;
}
/**
 * RFC 4180 CSV: fields may be quoted with `"`, a quote inside is doubled, and a
 * quoted field may span lines. Blank lines are skipped.
 */
function parseCsv(text, delimiter, file) {
    const rows = [];
    let cells = [];
    let cell = '';
    let line = 1;
    let rowLine = 1;
    let inQuotes = false;
    let quoteLine = 0;
    const endRow = () => {
        cells.push(cell);
        if (!(cells.length === 1 && cells[0]?.trim() === ''))
            rows.push({ cells, line: rowLine });
        // Room for a header: stop reading as soon as the file is known to be too long.
        if (rows.length > MAX_SAMPLE_ROWS + 1)
            throw tooManyRows(file);
        cells = [];
        cell = '';
    };
    const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
    for (let i = 0; i < source.length; i++) {
        const ch = source[i];
        if (inQuotes) {
            if (ch === '"' && source[i + 1] === '"') {
                cell += '"';
                i++;
            }
            else if (ch === '"') {
                inQuotes = false;
            }
            else {
                if (ch === '\n')
                    line++;
                cell += ch;
            }
        }
        else if (ch === '"' && cell.trim() === '') {
            inQuotes = true;
            quoteLine = line;
            cell = '';
        }
        else if (ch === delimiter) {
            cells.push(cell);
            cell = '';
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && source[i + 1] === '\n')
                i++;
            endRow();
            line++;
            rowLine = line;
        }
        else {
            cell += ch;
        }
    }
    if (inQuotes)
        throw new errors/* InputError */.dz('samples', `'${file}' line ${quoteLine}: a quoted field is never closed`);
    if (cell !== '' || cells.length > 0)
        endRow();
    return rows;
}

// EXTERNAL MODULE: ./packages/core/src/spec/output-file.ts
var output_file = __webpack_require__(39867);
// EXTERNAL MODULE: ./packages/core/src/registry/names.ts
var names = __webpack_require__(49241);
// EXTERNAL MODULE: ./packages/core/src/scm/git.ts
var git = __webpack_require__(13931);
// EXTERNAL MODULE: ./packages/core/src/registry/types.ts
var types = __webpack_require__(40224);
;// CONCATENATED MODULE: ./packages/core/src/steps/evaluate-and-gate/baseline.ts






/**
 * Reads the `baseline` input (absent: no baseline): a file path,
 * `registry:<model>@<alias>`, or `git:<ref>:<path>` read with
 * `git show` (argv, never a shell). A baseline that does not exist yet is
 * "missing", not an error — the first run of a pipeline has none. One that
 * exists but cannot be parsed is bad input. `here` is the run context's
 * folder (relative paths, the repository) and environment (git, the registry).
 */
async function loadBaseline(spec, here) {
    if (spec === undefined)
        return { kind: 'none' };
    if (spec.startsWith('registry:'))
        return loadRegistryBaseline(spec, here);
    const git = /^git:([^:]+):(.+)$/.exec(spec);
    if (git) {
        const [, ref, file] = git;
        if (ref.startsWith('-'))
            throw new errors/* InputError */.dz('baseline', `got git ref '${ref}', which looks like an option; expected git:<ref>:<path>`);
        return loadGitBaseline(spec, ref, file, here);
    }
    if (spec.startsWith('git:'))
        throw new errors/* InputError */.dz('baseline', `got '${spec}', expected git:<ref>:<path> (e.g. git:origin/main:metrics.json)`);
    const text = await (0,fs_input/* readInputTextIfExists */.n_)({ input: 'baseline', what: 'baseline file', file: spec, cwd: here.cwd });
    if (text === null)
        return { kind: 'missing', source: spec, reason: `${spec} does not exist` };
    return { kind: 'found', source: spec, metrics: parse(text, spec) };
}
/**
 * `git:<ref>:<path>`. Missing only when the ref exists and has no such file
 * (the first run, before the metrics were committed there).
 */
async function loadGitBaseline(spec, ref, file, here) {
    const commit = await resolveRef(ref, here);
    const entry = await (0,git/* fileAt */.Wd)(here, commit, file);
    switch (entry.kind) {
        case 'absent':
            return { kind: 'missing', source: spec, reason: `${file} does not exist at ${ref}` };
        case 'not-a-file':
            throw new errors/* InputError */.dz('baseline', `${file} at ${ref} is a ${entry.type === 'tree' ? 'folder' : entry.type}, not a metrics file`);
        case 'file':
            return { kind: 'found', source: spec, metrics: parse(entry.text, spec) };
    }
}
/**
 * The commit `ref` names. A clone lacks the refs it was not asked for (a PR's
 * depth-1 checkout has no origin/main), so those are fetched from their remote
 * — shallowly in a shallow clone. A ref that still cannot be found is bad
 * input, never a missing baseline: a typo would otherwise skip every rule.
 */
async function resolveRef(ref, here) {
    const local = await (0,git/* revParse */.DJ)(here, ref);
    if (local)
        return local;
    const { remote, name } = remoteRefOf(ref, await (0,git/* remoteNames */.RS)(here));
    const hint = 'check the spelling (e.g. git:origin/main:metrics.json), or check out with fetch-depth: 0 for a ref relative to HEAD';
    if (remote === null)
        throw new errors/* InputError */.dz('baseline', `git ref '${ref}' does not exist in this repository, which has no remote to fetch it from: ${hint}`);
    const fetched = await (0,git/* fetchRef */.sl)(here, remote, name, await (0,git/* isShallow */.fE)(here));
    switch (fetched.kind) {
        case 'fetched':
            return fetched.commit;
        case 'no-such-ref':
            throw new errors/* InputError */.dz('baseline', `git ref '${ref}' does not exist in this clone nor at ${remote} (git fetch ${remote} ${name}: ${fetched.detail}): ${hint}`);
        case 'failed':
            throw new Error(`baseline: git ref '${ref}' is not in this clone, and fetching ${name} from ${remote} failed: ${fetched.detail}`);
    }
}
/** `origin/main` is `main` at origin; any other ref is asked of origin (or the only remote) as written. */
function remoteRefOf(ref, remotes) {
    const named = remotes.find((remote) => ref.startsWith(`${remote}/`));
    if (named !== undefined)
        return { remote: named, name: ref.slice(named.length + 1) };
    return { remote: remotes.includes('origin') ? 'origin' : (remotes[0] ?? null), name: ref };
}
/**
 * `registry:<model>@<alias>`: the metrics promote-model stored with the
 * version the alias points to, in the default registry (`.mlops-ci/registry`
 * in `cwd`), or in another one: `registry:<model>@<alias>:<registry-url>`
 * (`s3://…`, `mlflow+http://…`, `git-tags`, a folder). Missing only while
 * the model has no version; an alias never set, a version without metrics or
 * a damaged record is bad input naming `baseline`.
 */
async function loadRegistryBaseline(spec, here) {
    const match = /^registry:([^@\s]+)@([A-Za-z][A-Za-z0-9_-]*)(?::(.+))?$/.exec(spec);
    if (!match)
        throw new errors/* InputError */.dz('baseline', `got '${spec}', expected registry:<model>@<alias> or registry:<model>@<alias>:<registry-url>`);
    const [, model, alias, url] = match;
    // Checked before any registry is asked: a name no registry may hold is a typo, not a missing model.
    const nameProblem = (0,names/* modelNameProblem */.W)(model);
    if (nameProblem)
        throw new errors/* InputError */.dz('baseline', `model name "${model}" ${nameProblem}`);
    const { openRegistry, parseRegistryLocation } = await __webpack_require__.e(/* import() */ 327).then(__webpack_require__.bind(__webpack_require__, 35327));
    // The S3 endpoint, when any, comes from the environment (the registry's S3 client reads it).
    const registry = await asInputErrors('baseline', async () => openRegistry(parseRegistryLocation(url ?? '', here.cwd), { workspace: here.cwd, env: here.env }));
    const found = await asInputErrors('baseline', () => registry.describe(model, { alias }));
    if (!found)
        return asInputErrors('baseline', () => aliasNotSet(registry, spec, model, alias));
    const { version, files: registered } = found.lineage;
    const files = {
        kind: 'version',
        async read(file) {
            const body = await asInputErrors('samples', () => registry.readFile(model, version, file));
            if (body === null) {
                const names = registered.map((f) => f.path).join(', ') || 'none';
                throw new errors/* InputError */.dz('samples', `baseline=registry:${file}: ${model} version ${version} (${model}@${alias}) has no file ${file}; its files: ${names}`);
            }
            return body;
        },
    };
    if (!found.lineage.metrics) {
        throw new errors/* InputError */.dz('baseline', `${model} version ${version} (${model}@${alias}) in ${registry.description} has no metrics recorded, so there is nothing to compare with: ` +
            'promote a version with metrics (or gate-results) to that alias, or give the baseline as a file or git:<ref>:<path>');
    }
    return { kind: 'found', source: `${spec} (version ${version})`, metrics: found.lineage.metrics, files };
}
/**
 * The gate's one mapping of registry/'s domain errors to its inputs, used
 * while the baseline and samples are read (all in plan): a registry
 * location no backend serves, or a request the registry refuses, is bad
 * input naming `input`; anything else (a service down, damaged data) stays.
 */
async function asInputErrors(input, read) {
    const { UnknownRegistryError } = await __webpack_require__.e(/* import() */ 327).then(__webpack_require__.bind(__webpack_require__, 35327));
    try {
        return await read();
    }
    catch (err) {
        if (err instanceof types/* RegistryRefusal */.O || err instanceof UnknownRegistryError)
            throw new errors/* InputError */.dz(input, err.message, { cause: err });
        throw err;
    }
}
/**
 * An alias that points nowhere: a missing baseline only while the model has
 * no version at all (the first promotion is still to come). On a model that
 * has versions it is a typo or a promotion that never happened: bad input,
 * with what to do in either case.
 */
async function aliasNotSet(registry, spec, model, alias) {
    const { hasVersions, aliases } = await registry.overview(model);
    if (!hasVersions)
        return { kind: 'missing', source: spec, reason: `${model} has no version yet in ${registry.description}`, files: { kind: 'no-version' } };
    const known = aliases.length > 0 ? `its aliases: ${aliases.join(', ')}` : 'it has no alias at all';
    throw new errors/* InputError */.dz('baseline', `${model} has versions in ${registry.description}, but no alias '${alias}' (${known}): ` +
        `if '${alias}' is a typo, check the spelling; if ${model} was never promoted to ${alias}, gate without a baseline until it is ` +
        `(promote-model --describe ${model}@${alias} --allow-missing tells: found = false), or point ${alias} at a version with promote-model --to-version`);
}
function parse(text, source) {
    return (0,load/* metricsFromText */.Z0)(text, source, 'baseline');
}

// EXTERNAL MODULE: ./packages/core/src/scm/gitlab.ts
var gitlab = __webpack_require__(59616);
;// CONCATENATED MODULE: ./packages/core/src/steps/evaluate-and-gate/plan.ts











/**
 * Reads and checks every input and every file they name before any work: a
 * missing metric file, a rule with a typo, a metric no candidate has or
 * scores named after no candidate end the step here with exit 2, before a
 * status is posted or a file written. The one preparation pass: `run` gets a
 * gate whose evaluation cannot fail on input.
 */
async function planGate(reader, host) {
    const { cwd } = host.context;
    const { rules, origin: rulesOrigin } = await planRules(reader, cwd);
    const select = reader.get('select');
    const selection = select === undefined ? null : parseSelect(select);
    const onMissingBaseline = reader.get('on-missing-baseline');
    const onFail = reader.get('on-fail');
    const bootstrap = { resamples: reader.get('bootstrap-resamples'), seed: reader.get('bootstrap-seed') };
    const reporting = planReporting(reader, host);
    const files = planOutputFiles(reader, host, reporting.context);
    const candidates = await loadCandidates(reader.get('metrics'), cwd);
    const baseline = await loadBaseline(reader.get('baseline'), { cwd, env: host.context.env });
    if (baseline.kind === 'missing')
        host.warning(`No baseline: ${baseline.reason}. Rules using baseline.* are skipped (on-missing-baseline: ${onMissingBaseline}).`);
    // A CSV of several columns picks the one named like the statistical rules' metric.
    const statisticalMetric = rules.find((rule) => rule.confidence !== undefined)?.metric;
    const samples = await loadSampleInputs(reader.get('samples'), cwd, {
        ...(statisticalMetric ? { metric: statisticalMetric } : {}),
        baselineFiles: (baseline.kind !== 'none' && baseline.files) || { kind: 'not-a-registry' },
    });
    const evaluation = prepareGate({
        candidates,
        baseline: baseline.kind === 'found' ? { source: baseline.source, metrics: baseline.metrics } : null,
        missingBaselineSource: baseline.kind === 'missing' ? baseline.source : null,
        rules,
        ...(samples ? { samples } : {}),
        selection,
        onMissingBaseline,
        bootstrap,
    }, rulesOrigin);
    return { evaluation, onFail, reporting, files, rulesOrigin };
}
/**
 * The rules, from `rules` or from the file `rules-file` names (the spec's
 * relation lets exactly one of them through), and which: later errors name it.
 */
async function planRules(reader, cwd) {
    const given = reader.oneOf('rules', 'rules-file');
    if (given.name === 'rules')
        return { rules: parseRules(given.value), origin: { input: 'rules' } };
    const file = given.value;
    const origin = { input: 'rules-file', file };
    return { rules: parseRules(await (0,fs_input/* readInputText */._)({ input: 'rules-file', what: 'rules file', file, cwd }), origin), origin };
}
/** The candidates the `metrics` entries name, each with its metrics file loaded. */
async function loadCandidates(entries, cwd) {
    const inputs = await (0,load/* resolveMetricInputs */.k2)(entries, cwd);
    return Promise.all(inputs.map(async (input) => ({ ...input, metrics: await (0,load/* loadMetricsFile */.mS)(input.file, cwd) })));
}
/**
 * Where the verdict goes: GitLab when the gate runs in a GitLab job (its
 * token, API and project come from the job's variables), else GitHub.
 */
function planReporting(reader, host) {
    const common = { context: reader.get('status-context'), comment: reader.get('comment') };
    if (host.kind === 'gitlab') {
        if (reader.get('check-run')) {
            throw new errors/* InputError */.dz('check-run', 'GitLab has no check runs: the gate reports there as a commit status and a merge request note; leave check-run false');
        }
        return { forge: 'gitlab', ...common, token: (0,gitlab/* gitlabTokenFrom */.dX)(host.context.env), apiUrl: host.context.apiUrl };
    }
    const reporting = {
        forge: 'github',
        ...common,
        token: reader.get('github-token'),
        // Depends on the run (a GitHub Enterprise runner names its own), so not a spec default.
        apiUrl: reader.get('github-api-url') ?? host.context.apiUrl,
        checkRun: reader.get('check-run'),
    };
    validateApiUrl(reporting.apiUrl);
    return reporting;
}
/**
 * Where the report (markdown and HTML), results and JUnit files go, each
 * checked writable now. Reports and results default to a per-context folder in the run's temp
 * folder (so two gates in one job keep their files apart); JUnit only when asked.
 */
function planOutputFiles(reader, host, context) {
    const dir = external_node_path_default().join(host.context.tempDir, 'mlops-ci', 'evaluate-and-gate', context.replace(/[^A-Za-z0-9._-]+/g, '-'));
    const given = (name) => {
        const file = reader.get(name);
        return file === undefined ? null : (0,output_file/* outputFilePath */.f)(name, file, host.context.cwd);
    };
    return {
        report: given('report') ?? external_node_path_default().join(dir, 'report.md'),
        reportHtml: given('report-html') ?? external_node_path_default().join(dir, 'report.html'),
        results: given('results-file') ?? external_node_path_default().join(dir, 'results.json'),
        junit: given('junit'),
    };
}
function validateApiUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
            return;
    }
    catch {
        // fall through to the error below
    }
    throw new errors/* InputError */.dz('github-api-url', `got '${url}', expected an http(s) URL such as https://api.github.com or https://HOST/api/v3`);
}

;// CONCATENATED MODULE: ./packages/core/src/steps/evaluate-and-gate/index.ts
/**
 * evaluate-and-gate: decide, with evidence, whether candidate models may go on.
 *
 * The story: read every input and input file (bad input stops here, exit 2,
 * nothing written) → mark the commit pending → evaluate the rules for each
 * candidate (with bootstrap intervals for `@ N%` rules) and pick the best →
 * write the report, results and JUnit files → publish the summary, status,
 * check run and PR comment (GitLab: status and MR note) → exit 3 when the gate did not pass and on-fail is
 * `fail`. A fault once the status is pending settles it as `error` (exit 1).
 */













/**
 * Inputs were checked whole by `plan`; from the pending status on, the
 * only way to fail is a fault (a file that cannot be written), and then the
 * status is settled as `error` before the step ends with exit 1.
 */
async function run(inputs, host) {
    const publisher = await GatePublisher.create(host, inputs.reporting);
    const stopWatching = settleWhenStopped(publisher, host);
    try {
        await publisher.pending();
        return await evaluateAndReport(inputs, host, publisher);
    }
    catch (err) {
        await publisher.error(err);
        throw err;
    }
    finally {
        stopWatching();
    }
}
/** Exit codes of a process ended by a signal, as a shell reports them (128 + the signal's number). */
const STOP_SIGNALS = { SIGTERM: 143, SIGINT: 130 };
/**
 * A cancelled job (the Actions runner sends SIGINT then SIGTERM, a Jenkins
 * abort SIGTERM) would leave the commit pending forever: while the gate runs,
 * a stop signal settles the status as `error` first, then ends the process
 * with the signal's usual exit code. A second signal kills it at once.
 * Returns the function that stops watching.
 */
function settleWhenStopped(publisher, host) {
    const listeners = Object.entries(STOP_SIGNALS).map(([signal, exitCode]) => {
        const listener = () => {
            host.error(`Stopped by ${signal}: marking the commit status as error before exiting.`);
            void publisher.error(new Error(`the run was stopped (${signal})`)).finally(() => process.exit(exitCode));
        };
        process.once(signal, listener);
        return { signal, listener };
    });
    return () => {
        for (const { signal, listener } of listeners)
            process.removeListener(signal, listener);
    };
}
async function evaluateAndReport(inputs, host, publisher) {
    const results = await host.group('Evaluate the rules', async () => {
        const evaluated = evaluateGate(inputs.evaluation);
        logVerdicts(evaluated, host);
        return evaluated;
    });
    annotateFailedRules(inputs, results, host);
    // One view of the verdict, laid out twice: markdown for GitHub and GitLab, HTML for Jenkins.
    const view = buildReportView(results, {
        direction: metricDirections(inputs.evaluation.rules, inputs.evaluation.selection),
        context: inputs.reporting.context,
        runUrl: host.context.runUrl,
        rules: inputs.evaluation.rules,
    });
    const markdown = renderGateReport(view);
    await writeArtifacts(inputs, results, markdown, renderGateReportHtml(view));
    await host.appendSummary(markdown);
    await host.group(`Report to ${publisher.forge}`, () => publisher.publish(results, markdown));
    const best = results.best ? results.candidates[results.best] : undefined;
    return {
        outputs: {
            passed: String(results.passed),
            best: results.best ?? '',
            'best-metrics': best ? external_node_path_default().resolve(host.context.cwd, best.metricsFile) : '',
            report: inputs.files.report,
            'report-html': inputs.files.reportHtml,
            results: JSON.stringify(results),
            'results-file': inputs.files.results,
        },
        ...(!results.passed && inputs.onFail === 'fail' ? { failure: { kind: 'gate', message: failureMessage(results) } } : {}),
    };
}
/** Reports (markdown and HTML), results JSON and JUnit XML, each written whole through a temp name. */
async function writeArtifacts(inputs, results, markdown, html) {
    await (0,fs_atomic/* writeFileAtomic */.Z)(inputs.files.report, markdown);
    await (0,fs_atomic/* writeFileAtomic */.Z)(inputs.files.reportHtml, html);
    await (0,fs_atomic/* writeFileAtomic */.Z)(inputs.files.results, `${JSON.stringify(results, null, 2)}\n`);
    if (inputs.files.junit)
        await (0,fs_atomic/* writeFileAtomic */.Z)(inputs.files.junit, renderJUnit(results));
}
function logVerdicts(results, host) {
    for (const [name, candidate] of Object.entries(results.candidates)) {
        host.info(`${candidate.passed ? 'PASS' : 'FAIL'} ${name} (${candidate.metricsFile})`);
        for (const rule of candidate.rules) {
            const interval = rule.interval ? ` CI [${rule.interval.lower.toFixed(4)}, ${rule.interval.upper.toFixed(4)}]` : '';
            host.info(`  ${rule.verdict.padEnd(7)} ${rule.rule}  (${rule.metric} = ${rule.value ?? 'missing'})${interval}${rule.note ? ` — ${rule.note}` : ''}`);
        }
    }
    host.info(results.passed ? `Best: ${results.best}. ${results.selectionNote}` : `No candidate passed every rule. ${results.selectionNote}`);
    const skipped = skippedBaselineSummary(results);
    if (skipped)
        host.warning(`${skipped}. The verdict did not compare with any baseline for those rules.`);
}
/**
 * When no candidate passed, each rule the best-ranked candidate failed (the
 * one the report's headline names, `leaderOf`) as a warning, or an error when the gate fails the
 * job, on the rule's line of the rules file: the PR's diff and the run page
 * show why the gate stopped on the line to change. Rules from the `rules`
 * input are in no file: the same message, without a place.
 */
function annotateFailedRules({ evaluation, onFail, rulesOrigin, reporting }, results, host) {
    if (results.passed)
        return;
    const name = leaderOf(results);
    const candidate = name === undefined ? undefined : results.candidates[name];
    if (name === undefined || !candidate)
        return;
    const level = onFail === 'fail' ? 'error' : 'warning';
    candidate.rules.forEach((result, index) => {
        const rule = evaluation.rules[index];
        if (result.passed || !rule)
            return;
        const { at } = placeIn(rulesOrigin, rule.line);
        const value = result.value === null ? 'missing' : (0,format/* formatNumber */.ZV)(result.value);
        const message = `${name} ${result.verdict === 'skipped' ? 'did not get past' : 'failed'} the rule '${result.rule}' (${result.metric} = ${value})${result.note ? `: ${result.note}` : ''}`;
        // The title is the gate's status context: two gates in one job stay apart.
        host[level](message, at ? { ...at, title: reporting.context } : undefined);
    });
}
function failureMessage(results) {
    const failed = Object.entries(results.candidates)
        .filter(([, candidate]) => !candidate.passed)
        .map(([name, candidate]) => `${name}: ${candidate.rules.filter((rule) => !rule.passed).map((rule) => rule.rule).join('; ')}`);
    return `the gate did not pass — ${failed.join(' | ')}`;
}


/***/ })

};
