export const id = 448;
export const ids = [448];
export const modules = {

/***/ 24448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubClient: () => (/* binding */ GitHubClient)
/* harmony export */ });
/* unused harmony export LIMITS */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92413);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96665);
/* harmony import */ var _reporter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30102);



/** GitHub's documented limits for statuses, check runs and comments. */
const LIMITS = {
    statusDescription: 140,
    checkRunText: 65_535,
    commentBody: 65_536,
};

/**
 * The few GitHub REST calls the steps report through: commit statuses,
 * check runs and PR comments. The base URL is configurable so GitHub
 * Enterprise Server (and the tests' local server) work the same way.
 */
class GitHubClient {
    repository;
    octokit;
    constructor(token, apiUrl, repository) {
        this.repository = repository;
        this.octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: apiUrl.replace(/\/+$/, '') });
    }
    async setStatus(sha, status) {
        await this.octokit.rest.repos.createCommitStatus({
            ...this.repository,
            sha,
            state: status.state,
            context: status.context,
            description: (0,_reporter_js__WEBPACK_IMPORTED_MODULE_1__/* .fitStatusDescription */ .c)(status.description, LIMITS.statusDescription),
            ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
        });
    }
    /** A completed check run with the report as its summary (cut to GitHub's limit with a note). */
    async createCheckRun(sha, run) {
        await this.octokit.rest.checks.create({
            ...this.repository,
            head_sha: sha,
            name: run.name,
            status: 'completed',
            conclusion: run.passed ? 'success' : 'failure',
            ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
            output: {
                title: run.title,
                summary: (0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(run.summary, LIMITS.checkRunText, '_The report was cut to fit GitHub’s 65,535-character limit; the full report is in the job summary._', 'bytes'),
            },
        });
    }
    /**
     * Posts the report on the PR. `sticky` finds the comment carrying `marker`
     * across every page of comments (a sticky found only on page 1 would be
     * duplicated on busy PRs) and edits it in place; `new` always adds one.
     * Returns the comment's URL.
     */
    async postComment(pullRequest, body, marker, mode) {
        const text = (0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(`${marker}\n${body}`, LIMITS.commentBody, '_The report was cut to fit GitHub’s comment size limit; the full report is in the job summary._');
        const existing = mode === 'sticky' ? await this.findComment(pullRequest, marker) : undefined;
        if (existing !== undefined) {
            const { data } = await this.octokit.rest.issues.updateComment({ ...this.repository, comment_id: existing, body: text });
            return { url: data.html_url, updated: true };
        }
        const { data } = await this.octokit.rest.issues.createComment({ ...this.repository, issue_number: pullRequest, body: text });
        return { url: data.html_url, updated: false };
    }
    async findComment(pullRequest, marker) {
        const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
            ...this.repository,
            issue_number: pullRequest,
            per_page: 100,
        });
        for await (const page of pages) {
            const found = page.data.find((comment) => comment.body?.includes(marker));
            if (found)
                return found.id;
        }
        return undefined;
    }
}


/***/ })

};
