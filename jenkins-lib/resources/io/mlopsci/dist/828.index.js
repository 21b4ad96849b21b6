export const id = 828;
export const ids = [828];
export const modules = {

/***/ 10828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   baseImages: () => (/* binding */ baseImages)
/* harmony export */ });
/* unused harmony export expandVariables */
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78390);

/**
 * The images a Dockerfile's `FROM` lines pull, as the engine resolves them.
 *
 * dockerfile-ast does the Dockerfile syntax (line continuations, comments, the
 * `escape` directive, quoted `ARG` values, `--platform`, `AS name`, any case),
 * but it reports the variables of a `FROM` without expanding them, and it
 * knows nothing of `--build-arg`. So only that part is written here, after
 * Docker's rules: `ARG`s declared before the first `FROM` are the only ones a
 * `FROM` sees; a build arg overrides a declared ARG's default; a default may
 * use the ARGs declared above it.
 */
function baseImages(dockerfileText, buildArgs) {
    const dockerfile = dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(dockerfileText);
    const escape = dockerfile.getEscapeCharacter();
    const scope = globalArgs(dockerfile, buildArgs, escape);
    const stages = new Set();
    const refs = [];
    for (const from of dockerfile.getFROMs()) {
        const written = from.getImage();
        if (written === null)
            continue;
        const ref = expandVariables(written, scope, escape);
        if (ref === '')
            throw new Error(`FROM ${written} names no image: give its ARG a default or a value in build-args`);
        // Stage names are case-insensitive; a FROM naming an earlier stage builds on it, not on an image.
        if (ref !== 'scratch' && !stages.has(ref.toLowerCase()) && !refs.includes(ref))
            refs.push(ref);
        const stage = from.getBuildStage();
        if (stage)
            stages.add(stage.toLowerCase());
    }
    return refs;
}
/** Values of the global ARGs in declaration order; an ARG with no default and no build arg stays unset. */
function globalArgs(dockerfile, buildArgs, escape) {
    const scope = new Map();
    for (const arg of dockerfile.getInitialARGs()) {
        for (const property of arg.getProperties()) {
            const name = property.getName();
            const fallback = property.getValue();
            const value = buildArgs.get(name) ?? (fallback === null ? undefined : expandVariables(fallback, scope, escape));
            if (value === undefined)
                scope.delete(name);
            else
                scope.set(name, value);
        }
    }
    return scope;
}
/**
 * Dockerfile variable substitution: `$NAME`, `${NAME}`, `${NAME:-word}` and
 * `${NAME-word}` (word when unset, or also when empty with the colon),
 * `${NAME:+word}` and `${NAME+word}` (word when set, and also non-empty with
 * the colon); the word may hold variables too; the escape character makes a
 * `$` literal. An unset variable is empty. Other bash forms are left as
 * written: the digest then covers the text instead of the image.
 */
function expandVariables(text, scope, escape = '\\') {
    let out = '';
    let i = 0;
    while (i < text.length) {
        const char = text[i];
        if (char === escape && text[i + 1] === '$') {
            out += '$';
            i += 2;
        }
        else if (char === '$') {
            const variable = readVariable(text, i, scope, escape);
            out += variable.value;
            i = variable.end;
        }
        else {
            out += char;
            i += 1;
        }
    }
    return out;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** The variable starting at `text[start]` (a `$`): its value and where it ends. */
function readVariable(text, start, scope, escape) {
    if (text[start + 1] !== '{') {
        const name = NAME.exec(text.slice(start + 1))?.[0];
        return name ? { value: scope.get(name) ?? '', end: start + 1 + name.length } : { value: '$', end: start + 1 };
    }
    const close = closingBrace(text, start + 2, escape);
    // An unclosed `${` is left as written; the engine will refuse it.
    if (close === text.length)
        return { value: text.slice(start), end: text.length };
    const body = text.slice(start + 2, close);
    const end = close + 1;
    const parts = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([\s\S]*))?$/.exec(body);
    if (!parts)
        return { value: text.slice(start, end), end };
    const [, name, colon, modifier, word] = parts;
    const value = scope.get(name);
    const counts = value !== undefined && !(colon === ':' && value === '');
    if (modifier === '-')
        return { value: counts ? value : expandVariables(word ?? '', scope, escape), end };
    if (modifier === '+')
        return { value: counts ? expandVariables(word ?? '', scope, escape) : '', end };
    return { value: value ?? '', end };
}
/** Index of the `}` closing a `${` whose body starts at `from` (nested `${…}` in a word included), or the text's length. */
function closingBrace(text, from, escape) {
    let depth = 1;
    for (let i = from; i < text.length; i += 1) {
        if (text[i] === escape)
            i += 1;
        else if (text[i] === '$' && text[i + 1] === '{') {
            depth += 1;
            i += 1;
        }
        else if (text[i] === '}' && (depth -= 1) === 0)
            return i;
    }
    return text.length;
}


/***/ })

};
