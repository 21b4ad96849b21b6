export const id = 224;
export const ids = [224];
export const modules = {

/***/ 224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RegistryRefusal: () => (/* binding */ RegistryRefusal)
/* harmony export */ });
/**
 * The model registry seen by promote-model (and by evaluate-and-gate's
 * `registry:` baseline): one interface, one implementation per backend
 * (object store, MLflow, git tags), chosen by openRegistry() from the URL.
 * Types only: importing this module loads no behaviour.
 */
/** A request the registry refuses because of what it holds (unknown version, no previous version): exit 2. */
class RegistryRefusal extends Error {
    name = 'RegistryRefusal';
}


/***/ })

};
