export const id = 759;
export const ids = [759];
export const modules = {

/***/ 4759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitLabHost: () => (/* binding */ GitLabHost)
});

// UNUSED EXPORTS: sectionName

// EXTERNAL MODULE: ./packages/core/src/fs-atomic.ts
var fs_atomic = __webpack_require__(48162);
// EXTERNAL MODULE: ./packages/core/src/spec/inputs.ts
var inputs = __webpack_require__(94944);
// EXTERNAL MODULE: ./packages/core/src/host/context.ts
var context = __webpack_require__(50919);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/spec/output-file.ts
var output_file = __webpack_require__(39867);
;// CONCATENATED MODULE: ./packages/core/src/host/dotenv.ts


/**
 * What GitLab accepts in a dotenv report (`artifacts:reports:dotenv`), from
 * its docs (doc/ci/yaml/artifacts_reports.md, "artifacts:reports:dotenv") and
 * the parser they describe (app/services/ci/parse_dotenv_artifact_service.rb):
 *
 * - a key holds only letters, digits and `_`;
 * - one `KEY=value` a line: no multiline values, no quoting or escapes, no
 *   empty lines; the parser splits at line breaks and strips both sides of
 *   `=`, so a value with a line break or with whitespace at either end would
 *   arrive changed;
 * - the file is smaller than 5 KB: the parser requires `size < dotenv_size`,
 *   5120 bytes unless an administrator raised it;
 * - at most 20 variables: the `dotenv_variables` default of GitLab
 *   Self-Managed (GitLab.com allows 50, 100 or 150 by tier), the lowest
 *   documented figure, so a pipeline that works here works everywhere;
 * - UTF-8 only.
 *
 * An output of several lines is a list, one item a line (data-pull's `path`
 * with several DVC outs, promote-model's `removed`): it goes in as the JSON
 * array of its lines, one line that `jq` or any JSON reader takes apart.
 * Any other value that breaks one of these is refused with the output's name,
 * never cut or changed to fit.
 */
const DOTENV_LIMITS = {
    /** The file must be smaller than this, in bytes. */
    fileBytes: 5 * 1024,
    variables: 20,
};
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Half a UTF-16 pair: text that has no UTF-8 form. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * The dotenv report this step is asked for, or null when MLOPS_CI_DOTENV is
 * unset. The prefix defaults to `MLOPS_CI_<STEP>_` (`data-pull` →
 * `MLOPS_CI_DATA_PULL_`); one GitLab cannot use as a key, or a file that can
 * never be written (a folder, a path under a file), is bad input, said before
 * the step does anything, as for every file a step writes.
 */
function dotenvTarget(step, env, cwd) {
    const file = env['MLOPS_CI_DOTENV']?.trim();
    if (!file)
        return null;
    const prefix = env['MLOPS_CI_DOTENV_PREFIX']?.trim() || `MLOPS_CI_${envName(step)}_`;
    if (!KEY.test(prefix)) {
        throw new errors/* InputError */.dz('MLOPS_CI_DOTENV_PREFIX', `got '${prefix.slice(0, 80)}', expected letters, digits and '_' not starting with a digit (GitLab's dotenv keys), such as MLOPS_CI_GATE_`);
    }
    return { file: (0,output_file/* outputFilePath */.f)('MLOPS_CI_DOTENV', file, cwd), prefix };
}
/**
 * The step's outputs as dotenv lines, checked one by one as they are set, so
 * a value GitLab could not carry fails the step before anything is written.
 */
class DotenvReport {
    target;
    lines = new Map();
    constructor(target) {
        this.target = target;
    }
    /** Adds (or replaces) the output's line; throws naming the output when GitLab could not carry it. */
    add(output, value) {
        const key = `${this.target.prefix}${envName(output)}`;
        const refuse = (why) => new Error(`output '${output}' cannot go into the dotenv report ${this.target.file} as ${key}: ${why}. Read it from the JSON on stdout instead, or unset MLOPS_CI_DOTENV.`);
        if (value !== value.trim())
            throw refuse('it starts or ends with whitespace, which GitLab strips');
        if (LONE_SURROGATE.test(value))
            throw refuse('it is not valid UTF-8 text');
        const lines = new Map(this.lines).set(key, `${key}=${oneLine(value)}\n`);
        if (lines.size > DOTENV_LIMITS.variables)
            throw refuse(`GitLab takes at most ${DOTENV_LIMITS.variables} variables from one report`);
        const bytes = Buffer.byteLength(this.text(lines));
        if (bytes >= DOTENV_LIMITS.fileBytes)
            throw refuse(`the report would be ${bytes} bytes, and GitLab takes less than ${DOTENV_LIMITS.fileBytes}`);
        this.lines.set(key, lines.get(key));
    }
    isEmpty() {
        return this.lines.size === 0;
    }
    text(lines = this.lines) {
        return [...lines.values()].join('');
    }
}
/** A list output (one item a line) as the JSON array of its lines; any other value as it is. */
function oneLine(value) {
    return /[\r\n]/.test(value) ? JSON.stringify(value.split(/\r?\n/)) : value;
}
/** `data-pull` → `DATA_PULL`, as the contract names variables. */
function envName(name) {
    return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

// EXTERNAL MODULE: ./packages/core/src/host/plain-host.ts
var plain_host = __webpack_require__(63087);
// EXTERNAL MODULE: ./packages/core/src/host/raw-inputs.ts
var raw_inputs = __webpack_require__(38778);
;// CONCATENATED MODULE: ./packages/core/src/host/gitlab.ts






/**
 * The token the gate reports with and the credentials GitLab itself masks
 * (docs: ci/variables/predefined_variables.md): hidden from the log even when
 * a step's message quotes one, as GitLab hides masked variables.
 */
const MASKED_VARIABLES = ['GITLAB_TOKEN', 'CI_JOB_TOKEN', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_DEPENDENCY_PROXY_PASSWORD'];
const ESC = '\u001b';
/**
 * Section names are `[a-zA-Z0-9_.-]+` for GitLab's log parser (lib/gitlab/regex.rb,
 * build_trace_section_regex); this many characters are enough to tell sections apart.
 */
const SECTION_NAME_LIMIT = 60;
/**
 * GitLab CI/CD (GITLAB_CI=true): inputs from `--name value`, then
 * MLOPS_CI_INPUT_<NAME> job variables, then MLOPS_CI_INPUTS; the run context
 * from GitLab's predefined variables; log groups as collapsed sections; the
 * outputs as JSON on stdout and, when MLOPS_CI_DOTENV names a file, as a
 * dotenv report a later job of the pipeline gets as variables.
 */
class GitLabHost extends plain_host/* PlainHost */.N {
    report;
    kind = 'gitlab';
    /** Set while no output may be handed on: one was refused, or the dotenv report is not written yet. */
    outputsWithheld = false;
    sectionCount = 0;
    constructor(inputs, context, step, env, report) {
        super(inputs, context, step, env);
        this.report = report;
        for (const name of MASKED_VARIABLES) {
            const value = env[name];
            if (value)
                this.setSecret(value);
        }
    }
    static create(step, { env, cwd }, cliInputs = {}) {
        const fromJson = env['MLOPS_CI_INPUTS'] ? (0,inputs/* parseInputsJson */.nK)(env['MLOPS_CI_INPUTS']) : {};
        const target = dotenvTarget(step, env, cwd);
        return new GitLabHost((0,raw_inputs/* gitlabInputs */.JZ)(env, cliInputs, fromJson), (0,context/* gitlabContext */.fN)(env, cwd), step, env, target && new DotenvReport(target));
    }
    /** A section GitLab folds shut: the log shows its header and how long it took. */
    async group(name, fn) {
        const id = sectionName(name, ++this.sectionCount);
        this.writeLine(`${ESC}[0Ksection_start:${unixSeconds()}:${id}[collapsed=true]\r${ESC}[0K${this.headerText(name)}`);
        try {
            return await fn();
        }
        finally {
            this.writeLine(`${ESC}[0Ksection_end:${unixSeconds()}:${id}\r${ESC}[0K`);
        }
    }
    /**
     * Checks the value against GitLab's dotenv rules as it is set, so a value
     * the report cannot carry fails the step (naming the output) before any
     * output is handed on.
     */
    setOutput(name, value, type) {
        try {
            this.report?.add(name, value);
        }
        catch (err) {
            this.outputsWithheld = true;
            throw err;
        }
        super.setOutput(name, value, type);
    }
    async finish(outcome) {
        if (this.report && !this.report.isEmpty() && !this.outputsWithheld) {
            // Withheld until written: a failed write ends the step through runStep's error path, which calls finish again.
            this.outputsWithheld = true;
            await (0,fs_atomic/* writeFileAtomic */.Z)(this.report.target.file, this.report.text());
            this.outputsWithheld = false;
            this.debug(`wrote the outputs to the dotenv report ${this.report.target.file}`);
        }
        if (outcome.error)
            this.error(outcome.error.message, outcome.error.at);
        process.stdout.write(`${this.outputsWithheld ? '{}' : this.stdoutJson()}\n`);
    }
    /** The header on one line, secrets hidden: a line break would end GitLab's marker line. */
    headerText(name) {
        return this.redact(name).replace(/\p{Cc}+/gu, ' ');
    }
}
/** `Plan the pull` → `mlops_ci_1_Plan_the_pull`: numbered, since GitLab pairs start and end markers by name. */
function sectionName(name, index) {
    const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '');
    return `mlops_ci_${index}${safe ? `_${safe}` : ''}`.slice(0, SECTION_NAME_LIMIT);
}
function unixSeconds() {
    return Math.floor(Date.now() / 1000);
}


/***/ }),

/***/ 39867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ outputFolderPath),
/* harmony export */   f: () => (/* binding */ outputFilePath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/* harmony import */ var _fs_place_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52300);



/**
 * The absolute path of a file a step will write, named by the input `input`.
 * Checked while reading inputs, before any work: a path that can never be
 * written as a file (an existing folder, a name ending in `/`, a path under
 * a file, a device or FIFO that writing through a temp name would replace)
 * is bad input, exit 2, not a failure after the work is done.
 */
function outputFilePath(input, given, cwd) {
    const refuse = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(given)}, ${why}; give the path of a file to write`);
    };
    if (/[\\/]$/.test(given))
        refuse('which names a folder');
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, given);
    const kind = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .placeKind */ .SD)(file);
    if (kind === 'folder')
        refuse('which is a folder');
    if (kind === 'other')
        refuse('which is not a regular file');
    if (kind === 'missing') {
        const blocker = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .nonFolderAncestor */ .hc)(file);
        if (blocker)
            refuse(`but ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(blocker)} is a file, not a folder`);
    }
    return file;
}
/**
 * The absolute path of a folder a step will write in (made when missing),
 * named by the input `input`: an existing file, device or FIFO there, or a
 * file where one of its parent folders should be, is bad input, exit 2,
 * instead of ENOTDIR once the work has started.
 */
function outputFolderPath(input, given, cwd) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, given);
    const kind = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .placeKind */ .SD)(folder);
    const refuse = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(given)}, ${why}; give a folder (it is made when missing)`);
    };
    if (kind === 'file' || kind === 'other')
        refuse('which is not a folder');
    if (kind === 'missing') {
        const blocker = (0,_fs_place_js__WEBPACK_IMPORTED_MODULE_2__/* .nonFolderAncestor */ .hc)(folder);
        if (blocker)
            refuse(`but ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .A0)(blocker)} is a file, not a folder`);
    }
    return folder;
}


/***/ })

};
