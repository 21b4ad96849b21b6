export const id = 455;
export const ids = [455];
export const modules = {

/***/ 73455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalHost: () => (/* binding */ LocalHost)
/* harmony export */ });
/* harmony import */ var _spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94944);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50919);
/* harmony import */ var _plain_host_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63087);
/* harmony import */ var _raw_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38778);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(93494);





/**
 * A terminal: `--name value` arguments over MLOPS_CI_INPUTS; logs on stderr,
 * the outputs as one JSON object on stdout at the end.
 */
class LocalHost extends _plain_host_js__WEBPACK_IMPORTED_MODULE_2__/* .PlainHost */ .N {
    kind = 'local';
    static async create(step, { env, cwd }, cliInputs) {
        const fromEnv = env['MLOPS_CI_INPUTS'] ? (0,_spec_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseInputsJson */ .nK)(env['MLOPS_CI_INPUTS']) : {};
        return new LocalHost((0,_raw_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonInputs */ .iV)({ ...fromEnv, ...cliInputs }), await (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .localContext */ .NV)(env, cwd), step, env);
    }
    async finish(outcome) {
        if (outcome.error)
            this.error(outcome.error.message, outcome.error.at);
        const json = this.stdoutJson();
        process.stdout.write(`${this.onGitHubRunner ? (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_4__/* .inertJson */ .n)(json) : json}\n`);
    }
}


/***/ })

};
