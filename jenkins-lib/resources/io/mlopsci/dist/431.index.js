export const id = 431;
export const ids = [431];
export const modules = {

/***/ 4158:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


/**
 * @license
 * Copyright 2020 Balena Ltd.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *    http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * ------------------------------------------------------------------------
 *
 * Copyright 2018 Zeit, Inc.
 * Licensed under the MIT License. See file LICENSE.md for a full copy.
 *
 * ------------------------------------------------------------------------
 */

/**
 * This module implements the [dockerignore
 * spec](https://docs.docker.com/engine/reference/builder/#dockerignore-file),
 * closely following Docker's (Moby) Golang implementation:
 * https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/archive/archive.go#L825
 *
 * Something the spec is not clear about, but we discovered by reading source code
 * and testing against the "docker build" command, is the handling of backslashes and
 * forward slashes as path separators and escape characters in the .dockerignore file
 * across platforms including Windows, Linux and macOS:
 *
 * * On Linux and macOS, only forward slashes can be used as path separators in the
 *   .dockerignore file, and the backslash works as an escape character.
 * * On Windows, both forward slashes and backslashes are allowed as path separators
 *   in the .dockerignore file, and the backslash is not used as an escape character.
 *
 * This is consistent with how Windows works generally: both forward slashes and
 * backslashes are accepted as path separators by the cmd.exe Command Prompt or
 * PowerShell, and by library functions like the Golang filepath.Clean or the
 * Node.js path.normalize.
 *
 * Similarly, path strings provided to the IgnoreBase.ignores() and IgnoreBase.filter()
 * methods can use either forward slashes or backslashes as path separators on Windows,
 * but only forward slashes are accepted as path separators on Linux and macOS.
 */

const path = __webpack_require__(6928);

const factory = options => new IgnoreBase(options); // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L538-L539
// Fixes typescript module import


factory.default = factory;
module.exports = factory;

function make_array(subject) {
  return Array.isArray(subject) ? subject : [subject];
}

const REGEX_TRAILING_SLASH = /(?<=.)\/$/;
const REGEX_TRAILING_BACKSLASH = /(?<=.)\\$/;
const REGEX_TRAILING_PATH_SEP = path.sep === '\\' ? REGEX_TRAILING_BACKSLASH : REGEX_TRAILING_SLASH;
const KEY_IGNORE = typeof Symbol !== 'undefined' ? Symbol.for('dockerignore') : 'dockerignore'; // An implementation of Go's filepath.Clean
// https://golang.org/pkg/path/filepath/#Clean
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Note that, like Go, on Windows this function converts forward slashes
// to backslashes.

function cleanPath(file) {
  return path.normalize(file).replace(REGEX_TRAILING_PATH_SEP, '');
} // Javascript port of Golang's filepath.ToSlash
// https://golang.org/pkg/path/filepath/#ToSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Convert any OS-specific path separator to '/'. Backslash is converted
// to forward slash on Windows, but not on Linux/macOS.
// Note that both forward slashes and backslashes are valid path separators on
// Windows. As a result, code such as `pattern.split(path.sep).join('/')` fails
// on Windows when forward slashes are used as path separators.


function toSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\\/g, '/');
} // Javascript port of Golang's filepath.FromSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go


function fromSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\//g, path.sep);
}

class IgnoreBase {
  constructor({
    // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L372
    ignorecase = true
  } = {}) {
    this._rules = [];
    this._ignorecase = ignorecase;
    this[KEY_IGNORE] = true;

    this._initCache();
  }

  _initCache() {
    this._cache = {};
  } // @param {Array.<string>|string|Ignore} pattern


  add(pattern) {
    this._added = false;

    if (typeof pattern === 'string') {
      pattern = pattern.split(/\r?\n/g);
    }

    make_array(pattern).forEach(this._addPattern, this); // Some rules have just added to the ignore,
    // making the behavior changed.

    if (this._added) {
      this._initCache();
    }

    return this;
  } // legacy


  addPattern(pattern) {
    return this.add(pattern);
  }

  _addPattern(pattern) {
    // https://github.com/kaelzhang/node-ignore/issues/32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules);
      this._added = true;
      return;
    }

    if (this._checkPattern(pattern)) {
      const rule = this._createRule(pattern.trim());

      if (rule !== null) {
        this._added = true;

        this._rules.push(rule);
      }
    }
  }

  _checkPattern(pattern) {
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L34-L40
    return pattern && typeof pattern === 'string' && pattern.indexOf('#') !== 0 && pattern.trim() !== "";
  }

  filter(paths) {
    return make_array(paths).filter(path => this._filter(path));
  }

  createFilter() {
    return path => this._filter(path);
  }

  ignores(path) {
    return !this._filter(path);
  } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L41-L53
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L29-L55


  _createRule(pattern) {
    const origin = pattern;
    let negative = false; // > An optional prefix "!" which negates the pattern;
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L43-L46

    if (pattern[0] === '!') {
      negative = true;
      pattern = pattern.substring(1).trim();
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L47-L53


    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      pattern = toSlash(pattern);

      if (pattern.length > 1 && pattern[0] === '/') {
        pattern = pattern.slice(1);
      }
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L54-L55


    if (negative) {
      pattern = '!' + pattern;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L30


    pattern = pattern.trim();

    if (pattern === "") {
      return null;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L34
    // convert forward slashes to backslashes on Windows


    pattern = cleanPath(pattern); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L36-L42

    if (pattern[0] === '!') {
      if (pattern.length === 1) {
        return null;
      }

      negative = true;
      pattern = pattern.substring(1);
    } else {
      negative = false;
    }

    return {
      origin,
      pattern,
      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L54
      dirs: pattern.split(path.sep),
      negative
    };
  } // @returns `Boolean` true if the `path` is NOT ignored


  _filter(path) {
    if (!path) {
      return false;
    }

    if (path in this._cache) {
      return this._cache[path];
    }

    return this._cache[path] = this._test(path);
  } // @returns {Boolean} true if a file is NOT ignored
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L62


  _test(file) {
    file = fromSlash(file); // equivalent to golang filepath.Dir() https://golang.org/src/path/filepath/path.go

    const parentPath = cleanPath(path.dirname(file));
    const parentPathDirs = parentPath.split(path.sep);
    let matched = false;

    this._rules.forEach(rule => {
      let match = this._match(file, rule); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L80


      if (!match && parentPath !== ".") {
        // Check to see if the pattern matches one of our parent dirs.
        if (rule.dirs.includes('**')) {
          // Ah shucks! We have to test every possible parent path that has 
          // a number of dirs _n_ where 
          // `rule.dirs.filter(doubleStar).length <= _n_ <= parentPathDirs.length`
          // since the ** can imply any number of directories including 0
          for (let i = rule.dirs.filter(x => x !== '**').length; i <= parentPathDirs.length; i++) {
            match = match || this._match(parentPathDirs.slice(0, i).join(path.sep), rule);
          }
        } else if (rule.dirs.length <= parentPathDirs.length) {
          // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L83
          match = this._match(parentPathDirs.slice(0, rule.dirs.length).join(path.sep), rule);
        }
      }

      if (match) {
        matched = !rule.negative;
      }
    });

    return !matched;
  } // @returns {Boolean} true if a file is matched by a rule


  _match(file, rule) {
    return this._compile(rule).regexp.test(file);
  } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L139


  _compile(rule) {
    if (rule.regexp) {
      return rule;
    }

    let regStr = '^'; // Go through the pattern and convert it to a regexp.

    let escapedSlash = path.sep === '\\' ? '\\\\' : path.sep;

    for (let i = 0; i < rule.pattern.length; i++) {
      const ch = rule.pattern[i];

      if (ch === '*') {
        if (rule.pattern[i + 1] === '*') {
          // is some flavor of "**"
          i++; // Treat **/ as ** so eat the "/"

          if (rule.pattern[i + 1] === path.sep) {
            i++;
          }

          if (rule.pattern[i + 1] === undefined) {
            // is "**EOF" - to align with .gitignore just accept all
            regStr += ".*";
          } else {
            // is "**"
            // Note that this allows for any # of /'s (even 0) because
            // the .* will eat everything, even /'s
            regStr += `(.*${escapedSlash})?`;
          }
        } else {
          // is "*" so map it to anything but "/"
          regStr += `[^${escapedSlash}]*`;
        }
      } else if (ch === '?') {
        // "?" is any char except "/"
        regStr += `[^${escapedSlash}]`;
      } else if (ch === '.' || ch === '$') {
        // Escape some regexp special chars that have no meaning
        // in golang's filepath.Match
        regStr += `\\${ch}`;
      } else if (ch === '\\') {
        // escape next char. Note that a trailing \ in the pattern
        // will be left alone (but need to escape it)
        if (path.sep === '\\') {
          // On windows map "\" to "\\", meaning an escaped backslash,
          // and then just continue because filepath.Match on
          // Windows doesn't allow escaping at all
          regStr += escapedSlash;
          continue;
        }

        if (rule.pattern[i + 1] !== undefined) {
          regStr += '\\' + rule.pattern[i + 1];
          i++;
        } else {
          regStr += '\\';
        }
      } else {
        regStr += ch;
      }
    }

    regStr += "$";
    rule.regexp = new RegExp(regStr, this._ignorecase ? 'i' : '');
    return rule;
  }

}


/***/ }),

/***/ 1150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Vp: () => (/* binding */ isValidEnvName),
/* harmony export */   ci: () => (/* binding */ parseEnvLines),
/* harmony export */   nS: () => (/* binding */ parseByteSize),
/* harmony export */   p3: () => (/* binding */ isValidImageReference),
/* harmony export */   zt: () => (/* binding */ parseMount)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);
/**
 * Parsers for the values a container run is described with: durations, byte
 * sizes, image references, mounts and env files. Each returns null (or throws
 * a plain Error saying what is accepted) so the step can turn it into an
 * InputError naming its own input.
 */


/** `45s`, `90m`, `2h`, `1h30m`, or a bare number of seconds. Returns seconds, or null when it does not parse. */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(value))
        return Number(value);
    const match = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(value);
    if (!match || value === '')
        return null;
    const [, hours, minutes, seconds] = match;
    return Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
}
const SIZE_UNITS = {
    '': 1,
    b: 1,
    k: 1024,
    kb: 1024,
    kib: 1024,
    m: 1024 ** 2,
    mb: 1024 ** 2,
    mib: 1024 ** 2,
    g: 1024 ** 3,
    gb: 1024 ** 3,
    gib: 1024 ** 3,
    t: 1024 ** 4,
    tb: 1024 ** 4,
    tib: 1024 ** 4,
};
/**
 * A memory size as Docker reads it (binary units: `512m`, `2g`, `1.5GiB`, `1048576`).
 * Returns whole bytes, or null when it does not parse or is not positive.
 */
function parseByteSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(text.trim().toLowerCase());
    if (!match)
        return null;
    const unit = SIZE_UNITS[match[2] ?? ''];
    if (unit === undefined)
        return null;
    const bytes = Math.floor(Number(match[1]) * unit);
    return bytes > 0 ? bytes : null;
}
/**
 * Docker's image reference grammar (distribution/reference): an optional
 * registry host[:port], lower-case path components, then `:tag` and/or
 * `@sha256:<64 hex>`. Also accepts a bare image ID (`sha256:<hex>`).
 */
function isValidImageReference(ref) {
    if (/^sha256:[a-f0-9]{64}$/.test(ref))
        return true;
    if (ref.length > 255 + 128 + 80)
        return false;
    const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
    const host = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
    const name = `(?:${host}/)?${component}(?:/${component})*`;
    const tag = '[\\w][\\w.-]{0,127}';
    const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
    if (!new RegExp(`^${name}(?::${tag})?(?:@${digest})?$`).test(ref))
        return false;
    // As in Docker, a first part is a registry host only when it has a dot or a port or is localhost; else it is a (lower-case) path component.
    const first = ref.split('/')[0];
    return !ref.includes('/') || /[.:]/.test(first) || first === 'localhost' || new RegExp(`^${component}$`).test(first);
}
/**
 * `host:container[:ro|:rw]`; the host path may be relative (to `cwd`), the
 * container path must be absolute. Throws an Error saying what is accepted.
 */
function parseMount(text, cwd) {
    const parts = text.split(':');
    const mode = parts.length === 3 ? parts[2] : parts.length === 2 ? 'rw' : undefined;
    const [source, target] = parts;
    if (!source || !target || (mode !== 'ro' && mode !== 'rw')) {
        throw new Error(`got '${text}', expected host:container or host:container:ro (or :rw)`);
    }
    if (!node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(target)) {
        throw new Error(`got '${text}': the container path '${target}' must be absolute (start with /)`);
    }
    return { source: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, source), target: node_path__WEBPACK_IMPORTED_MODULE_0___default().normalize(target), readOnly: mode === 'ro' };
}
/** An environment variable name the way shells and Docker accept it. */
function isValidEnvName(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
/**
 * How an error points at a bad `KEY=VALUE` line: its number, and the name it
 * starts with when it starts with one — never the rest, which may be a
 * secret value (`API_TOKEN: s3cr3t` has no `=`, but is still a value).
 */
/**
 * `KEY=VALUE` lines (Docker's env-file format: no quoting, `#` comments,
 * blank lines skipped; a bare `KEY` takes its value from `environment`).
 * Throws an Error naming the first bad line (see describeLine).
 */
function parseEnvLines(lines, environment) {
    const env = new Map();
    lines.forEach((raw, index) => {
        const line = raw.replace(/^\s+/, '');
        if (line === '' || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        const name = eq === -1 ? line.trim() : line.slice(0, eq);
        if (!isValidEnvName(name))
            throw new Error(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeLine */ .ES)(line, index)} is not KEY=VALUE or a variable name`);
        if (eq !== -1)
            env.set(name, line.slice(eq + 1));
        else if (environment[name] !== undefined)
            env.set(name, environment[name]);
    });
    return env;
}


/***/ }),

/***/ 6665:
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


/***/ }),

/***/ 8669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ renderStepSummary)
/* harmony export */ });
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6665);

const MARK = { ok: '✅', failed: '❌' };
/** `### ✅ mlops-ci <step> — <headline>`, then the table when there are rows, then a blank line. */
function renderStepSummary({ step, outcome, headline, rows = [] }) {
    const lines = [`### ${MARK[outcome]} mlops-ci ${step} — ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(headline)}`, ''];
    const shown = rows.filter((row) => row[1] !== null);
    if (shown.length > 0) {
        lines.push('| Detail | Value |', '|---|---|', ...shown.map(([label, value]) => `| ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(label)} | ${cellOf(value)} |`), '');
    }
    return lines.join('\n');
}
function cellOf(value) {
    if (typeof value === 'number')
        return String(value);
    if (typeof value === 'string')
        return value === '' ? '—' : (0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(value);
    return (0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(value.code);
}


/***/ }),

/***/ 4431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  containerName: () => (/* binding */ containerName),
  plan: () => (/* reexport */ planTrain),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(4158);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
// EXTERNAL MODULE: ./packages/core/src/records/step-records.ts
var step_records = __webpack_require__(7011);
;// CONCATENATED MODULE: ./packages/core/src/container/build-key.ts






/**
 * A digest of everything a build reads: the Dockerfile, every file of the
 * context the engine would send (`.dockerignore` honoured), the target, the
 * build args, and the image ID each `FROM` resolves to here (its ARGs expanded
 * with the build args, as the engine expands them). Two builds with
 * the same digest make the same image, so the step tags images by it and
 * skips a build whose tag already exists.
 *
 * `baseImageId(ref)` returns the local image ID of a base image, or null when
 * the engine does not have it (then the reference text stands in).
 */
async function buildInputsDigest(inputs, baseImageId) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const dockerfileText = await (0,promises_.readFile)(inputs.dockerfile, 'utf8');
    hash.update(`dockerfile\0${dockerfileText}\0target\0${inputs.target ?? ''}\0`);
    for (const name of [...inputs.buildArgs.keys()].sort())
        hash.update(`arg\0${name}\0${inputs.buildArgs.get(name)}\0`);
    // Loaded here, not with the step: the Dockerfile parser is most of this chunk's weight and only a build needs it.
    const { baseImages } = await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(828)]).then(__webpack_require__.bind(__webpack_require__, 828));
    for (const ref of baseImages(dockerfileText, inputs.buildArgs))
        hash.update(`from\0${ref}\0${(await baseImageId(ref)) ?? 'absent'}\0`);
    for (const file of await contextFiles(inputs.context)) {
        hash.update(`file\0${file}\0${await entryDigest(external_node_path_default().join(inputs.context, file))}\0`);
    }
    return hash.digest('hex');
}
/**
 * Context files relative to the context, sorted, minus what `.dockerignore`
 * excludes, matched as Docker matches (`@balena/dockerignore`: last matching
 * pattern wins, `!` re-includes, case-sensitive).
 */
async function contextFiles(context) {
    const patterns = await dockerignorePatterns(context);
    checkPatterns(context, patterns);
    const rules = ignore_default()({ ignorecase: false }).add(patterns);
    const reincludes = reincludePrefixes(patterns);
    const files = [];
    const walk = async (dir) => {
        for (const entry of await (0,promises_.readdir)(external_node_path_default().join(context, dir), { withFileTypes: true })) {
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            // Step records (.mlops-ci/train-in-container.json) change after every run and are never a build input.
            if (rel === step_records/* RECORDS_DIR */.v7)
                continue;
            const excluded = rules.ignores(rel);
            if (entry.isDirectory()) {
                // Like Docker, walk into an excluded folder only when a `!` pattern may re-include something below it.
                if (!excluded || reincludes.some((prefix) => mayReachBelow(prefix, rel)))
                    await walk(rel);
            }
            else if (!excluded && (entry.isFile() || entry.isSymbolicLink()))
                files.push(rel);
        }
    };
    await walk('');
    return files.sort();
}
async function dockerignorePatterns(context) {
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(context, '.dockerignore'), 'utf8');
    }
    catch {
        return [];
    }
    return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}
/**
 * A pattern the matcher cannot compile (`[`, `[z-a]`) would otherwise throw a
 * bare "Invalid regular expression" halfway through the walk: name the file
 * and the pattern instead, before any file is read.
 */
function checkPatterns(context, patterns) {
    for (const pattern of patterns) {
        try {
            ignore_default()({ ignorecase: false }).add(pattern).ignores('probe');
        }
        catch {
            throw new Error(`${external_node_path_default().join(context, '.dockerignore')}: '${pattern}' is not a valid pattern (Docker would refuse it too)`);
        }
    }
}
/** The literal start (up to the first wildcard) of each `!` pattern, cleaned as Docker cleans patterns. */
function reincludePrefixes(patterns) {
    return patterns
        .filter((pattern) => pattern.startsWith('!'))
        .map((pattern) => external_node_path_default().posix.normalize(pattern.slice(1).trim()).replace(/^\/+/, ''))
        .map((pattern) => pattern.split(/[*?[\\]/, 1)[0]);
}
/** Whether a pattern starting with `prefix` can match a path inside folder `dir`. */
function mayReachBelow(prefix, dir) {
    const inside = `${dir}/`;
    return prefix.startsWith(inside) || inside.startsWith(prefix);
}
/** A symbolic link goes into the context as the link itself, not what it points to. */
async function entryDigest(file) {
    const info = await (0,promises_.lstat)(file);
    if (info.isSymbolicLink())
        return `link\0${await (0,promises_.readlink)(file)}`;
    return `${info.mode & 0o111 ? 'x' : '-'}\0${await fileDigest(file)}`;
}
function fileDigest(file) {
    return new Promise((resolve, reject) => {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        (0,external_node_fs_.createReadStream)(file)
            .on('data', (chunk) => hash.update(chunk))
            .on('error', reject)
            .on('end', () => resolve(hash.digest('hex')));
    });
}

// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(6192);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./packages/core/src/container/line-process.ts

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
/**
 * Spawns a program (argv only, never a shell string) and hands each line of
 * its stdout and stderr to `onLine` as it comes, so training logs stream live.
 * A carriage-return progress bar (tqdm) keeps only its latest state per line.
 */
function spawnStreaming(command, args, options, onLine) {
    const child = (0,external_node_child_process_.spawn)(command, args, { env: options.env, cwd: options.cwd, detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
    const drained = [child.stdout, child.stderr].map((stream) => new Promise((resolve) => {
        let rest = '';
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk) => {
            const parts = (rest + chunk).split('\n');
            rest = parts.pop() ?? '';
            for (const part of parts)
                onLine(lastCarriageSegment(part));
        });
        stream?.on('close', () => {
            if (rest !== '')
                onLine(lastCarriageSegment(rest));
            resolve();
        });
        if (!stream)
            resolve();
    }));
    const exited = new Promise((resolve, reject) => {
        child.once('error', (err) => reject(new Error(`could not run ${command}: ${err.message}`, { cause: err })));
        child.once('close', (code, signal) => {
            void Promise.all(drained).then(() => resolve(code ?? 128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0)));
        });
    });
    return { child, exited };
}
function lastCarriageSegment(line) {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    const cut = trimmed.lastIndexOf('\r');
    return cut === -1 ? trimmed : trimmed.slice(cut + 1);
}

;// CONCATENATED MODULE: ./packages/core/src/container/registry.ts
/**
 * The little of the OCI distribution API train-in-container needs: where a
 * `push` input points, and which manifest digest a registry holds for a tag
 * (`HEAD /v2/<repository>/manifests/<tag>`, `Docker-Content-Digest`), so an
 * image already pushed is not pushed again. Pushing itself is the engine's
 * (`docker push`), with the engine's own login.
 */
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;
const PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/**
 * Reads `<registry>/<repository>`: a registry host (with a dot or a port, or
 * `localhost`, as Docker tells hosts from names) and a repository path, with
 * no tag or digest (the step makes the tag). Returns an explanation instead
 * when the text is not that.
 */
function parseRegistryRepository(text) {
    if (/[@]/.test(text) || /:[^/]*$/.test(text.slice(text.indexOf('/') + 1))) {
        return 'expected <registry>/<repository> with no tag or digest (the step tags the image with its build-inputs digest)';
    }
    const slash = text.indexOf('/');
    const registry = slash === -1 ? '' : text.slice(0, slash);
    const repository = slash === -1 ? text : text.slice(slash + 1);
    if (!(HOST.test(registry) && (/[.:]/.test(registry) || registry === 'localhost'))) {
        return 'expected <registry>/<repository> starting with a registry host such as ghcr.io, registry.example.com:5000 or docker.io (for Docker Hub)';
    }
    if (!PATH.test(repository))
        return `expected a repository path of lower-case letters, digits, '.', '_', '-' and '/' after ${registry}/`;
    return { registry, repository };
}
/**
 * The name Docker prints for a repository in `RepoDigests`: Docker Hub's
 * `docker.io/` prefix and its `library/` namespace are left out.
 */
function engineRepositoryName(target) {
    if (target.registry !== 'docker.io' && target.registry !== 'index.docker.io')
        return `${target.registry}/${target.repository}`;
    return target.repository.startsWith('library/') ? target.repository.slice('library/'.length) : target.repository;
}
/** The manifest types an engine pushes; asking for them all makes the registry report the digest of what is stored. */
const MANIFEST_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');
/**
 * The digest (`sha256:…`) the registry holds under `tag`, or null when it
 * holds nothing there or cannot be asked anonymously (a private registry):
 * the caller then pushes, and the engine skips the layers already there.
 * Loopback registries are spoken to over plain HTTP, as Docker does.
 */
async function registryManifestDigest(target, tag, fetchImpl = fetch) {
    const url = `${registryBase(target.registry)}/v2/${target.repository}/manifests/${encodeURIComponent(tag)}`;
    const headers = { Accept: MANIFEST_TYPES };
    let response = await fetchImpl(url, { method: 'HEAD', headers, signal: AbortSignal.timeout(15_000) }).catch(() => null);
    if (response === null)
        return null;
    if (response.status === 401) {
        // Docker Hub and most registries give even public reads through a bearer token, anonymous when no login.
        const token = await anonymousToken(response.headers.get('www-authenticate'), fetchImpl);
        if (token === null)
            return null;
        response = await fetchImpl(url, { method: 'HEAD', headers: { ...headers, Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) }).catch(() => null);
    }
    if (response === null || !response.ok)
        return null;
    const digest = response.headers.get('docker-content-digest');
    return digest !== null && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : null;
}
function registryBase(registry) {
    const host = registry.replace(/:[0-9]+$/, '');
    if (registry === 'docker.io' || registry === 'index.docker.io')
        return 'https://registry-1.docker.io';
    const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
    return `${loopback ? 'http' : 'https'}://${registry}`;
}
/** A token from a `Bearer realm=…,service=…,scope=…` challenge, asked for without credentials; null when refused. */
async function anonymousToken(challenge, fetchImpl) {
    if (!challenge || !/^bearer\s/i.test(challenge))
        return null;
    const params = new Map([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1].toLowerCase(), match[2]]));
    const realm = params.get('realm');
    if (!realm)
        return null;
    const url = new URL(realm);
    for (const key of ['service', 'scope']) {
        const value = params.get(key);
        if (value)
            url.searchParams.set(key, value);
    }
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
    if (response === null || !response.ok)
        return null;
    const body = (await response.json().catch(() => ({})));
    const token = body.token ?? body.access_token;
    return typeof token === 'string' ? token : null;
}

;// CONCATENATED MODULE: ./packages/core/src/container/run-args.ts
/**
 * The argv of `docker run` / `podman run` for a plan. Every user value is its
 * own argument (no shell ever reads it), and env values are not here at all:
 * `-e NAME` makes the engine client take the value from its own environment,
 * so values stay out of `ps` and out of logs that echo commands.
 */
function engineRunArgs(engine, plan) {
    const args = ['run', '--rm', '--name', plan.name, '--init'];
    for (const [key, value] of Object.entries(plan.labels))
        args.push('--label', `${key}=${value}`);
    args.push('--user', plan.user, '--workdir', plan.workdir);
    for (const mount of plan.mounts)
        args.push('--volume', `${mount.source}:${mount.target}:${mount.readOnly ? 'ro' : 'rw'}`);
    for (const name of plan.env.keys())
        args.push('--env', name);
    args.push(...resourceArgs(engine, plan));
    args.push(plan.image);
    if (plan.command.kind === 'shell')
        args.push('/bin/sh', '-c', plan.command.script);
    else
        args.push(...plan.command.argv);
    return args;
}
function resourceArgs(engine, plan) {
    const { gpus, cpus, memoryBytes, shmBytes, network } = plan.resources;
    const args = ['--network', network];
    if (cpus !== undefined)
        args.push('--cpus', String(cpus));
    // Bytes with an explicit unit: both engines read a bare number as bytes, but `b` leaves no doubt.
    if (memoryBytes !== undefined)
        args.push('--memory', `${memoryBytes}b`);
    if (shmBytes !== undefined)
        args.push('--shm-size', `${shmBytes}b`);
    if (gpus !== undefined)
        args.push(...gpuArgs(engine, gpus));
    return args;
}
/**
 * `gpus` arrives normalised: `all`, a count (`2`) or `device=<id>[,<id>...]`.
 * Docker takes `--gpus` (NVIDIA container toolkit), with the device list
 * quoted because Docker reads that value as CSV; podman takes CDI devices
 * (`--device nvidia.com/gpu=all`, one per id) and has no count form.
 */
function gpuArgs(engine, gpus) {
    if (engine === 'docker')
        return ['--gpus', gpus.startsWith('device=') ? `"${gpus}"` : gpus];
    if (gpus === 'all')
        return ['--device', 'nvidia.com/gpu=all'];
    const ids = gpus.startsWith('device=') ? gpus.slice('device='.length).split(',') : [];
    if (ids.length === 0)
        throw new Error(`podman cannot take a GPU count ('${gpus}'): give \`all\` or device ids (\`device=0,1\`)`);
    return ids.flatMap((id) => ['--device', `nvidia.com/gpu=${id}`]);
}

;// CONCATENATED MODULE: ./packages/core/src/container/engine.ts






/** Where CDI device specs live (podman's way to GPUs). */
const CDI_DIRS = ['/etc/cdi', '/var/run/cdi'];
/**
 * Docker or podman, driven through their CLI with argv (the two accept the
 * same run/build/inspect/stop/rm arguments for what this step uses). Values
 * of env vars and build args reach the CLI through its environment only.
 */
class EngineRuntime {
    kind;
    place;
    constructor(kind, 
    /** Where the engine CLI runs: the run context's folder and environment. */
    place) {
        this.kind = kind;
        this.place = place;
    }
    async verify(resources) {
        const version = await this.cli(['version', '--format', '{{.Server.Version}}'], { ignoreReturnCode: true });
        if (version.exitCode !== 0) {
            throw new Error(`${this.kind} does not answer (${firstLine(version.stderr) || `exit ${version.exitCode}`}). Start the engine, or use runtime: ${this.kind === 'docker' ? 'podman' : 'docker'} or runtime: host.`);
        }
        if (resources.gpus !== undefined)
            await this.verifyGpus(resources.gpus);
        return `${this.kind} ${version.stdout.trim()}`;
    }
    async findImage(ref) {
        const inspect = await this.cli(['image', 'inspect', '--format', '{{.Id}} {{json .RepoDigests}}', ref], { ignoreReturnCode: true });
        if (inspect.exitCode !== 0)
            return null;
        const text = inspect.stdout.trim();
        const space = text.indexOf(' ');
        const rawId = space === -1 ? text : text.slice(0, space);
        const id = rawId.includes(':') ? rawId : `sha256:${rawId}`;
        const repoDigests = parseDigests(space === -1 ? '[]' : text.slice(space + 1));
        return { id, digest: pinnedDigest(ref, id, repoDigests), repoDigests };
    }
    async resolveImage(ref, onLine) {
        const local = await this.findImage(ref);
        if (local)
            return local;
        onLine(`${ref} is not on this machine: pulling it`);
        const pull = spawnStreaming(this.kind, ['pull', ref], this.place, onLine);
        const code = await pull.exited;
        if (code !== 0)
            throw new Error(`image '${ref}' is not on this machine and ${this.kind} pull failed (exit ${code}); build it first or check the name`);
        const pulled = await this.findImage(ref);
        if (!pulled)
            throw new Error(`image '${ref}' was pulled but ${this.kind} cannot inspect it`);
        return pulled;
    }
    async build(request, onLine) {
        const args = ['build', '--file', request.dockerfile, '--tag', request.tag];
        if (request.target)
            args.push('--target', request.target);
        for (const name of request.buildArgs.keys())
            args.push('--build-arg', name);
        for (const [key, value] of Object.entries(request.labels))
            args.push('--label', `${key}=${value}`);
        args.push(request.context);
        const env = { ...this.place.env, ...Object.fromEntries(request.buildArgs) };
        const code = await spawnStreaming(this.kind, args, { cwd: this.place.cwd, env }, onLine).exited;
        if (code !== 0)
            throw new Error(`${this.kind} build of ${request.dockerfile} failed (exit ${code}); its log is above`);
        const built = await this.findImage(request.tag);
        if (!built)
            throw new Error(`${this.kind} build succeeded but the image ${request.tag} cannot be found`);
        return built;
    }
    async push(image, target, tag, onLine) {
        const name = engineRepositoryName(target);
        const ref = `${target.registry}/${target.repository}:${tag}`;
        const pushedBefore = image.repoDigests.find((digest) => digest.startsWith(`${name}@`));
        if (pushedBefore !== undefined) {
            const held = await registryManifestDigest(target, tag).catch(() => null);
            if (held !== null && pushedBefore === `${name}@${held}`) {
                onLine(`Push skipped: ${ref} already holds this image (${held}).`);
                return pushedBefore;
            }
        }
        const tagged = await this.cli(['tag', image.id, ref], { ignoreReturnCode: true });
        if (tagged.exitCode !== 0)
            throw new Error(`${this.kind} tag ${image.id} ${ref} failed: ${firstLine(tagged.stderr)}`);
        onLine(`Pushing ${ref}`);
        const code = await spawnStreaming(this.kind, ['push', ref], this.place, onLine).exited;
        if (code !== 0)
            throw new Error(`${this.kind} push ${ref} failed (exit ${code}); its log is above. Log in to ${target.registry} first (${this.kind} login ${target.registry}) if it needs credentials.`);
        const pushed = (await this.findImage(ref))?.repoDigests.find((digest) => digest.startsWith(`${name}@`));
        if (pushed === undefined)
            throw new Error(`${this.kind} pushed ${ref} but reports no digest for it in ${name}`);
        return pushed;
    }
    start(plan, onLine) {
        const env = { ...this.place.env, ...Object.fromEntries(plan.env) };
        const run = spawnStreaming(this.kind, engineRunArgs(this.kind, plan), { cwd: this.place.cwd, env }, onLine);
        return {
            exited: run.exited,
            // The engine stops the container: SIGTERM to its init, SIGKILL after the grace period.
            stop: async (graceSeconds) => {
                await this.cli(['stop', '--time', String(Math.max(0, Math.round(graceSeconds))), plan.name], { ignoreReturnCode: true });
            },
        };
    }
    async remove(name) {
        const result = await this.cli(['rm', '--force', name], { ignoreReturnCode: true });
        if (result.exitCode !== 0 && !/no such container|no container with name/i.test(result.stderr)) {
            throw new Error(`could not remove container ${name}: ${firstLine(result.stderr)}`);
        }
    }
    async handBack(image, dir, owner) {
        const inside = '/mlops-ci-outputs';
        // --entrypoint: the image's own entrypoint must not run (or wrap) chown; no network: it needs none.
        const args = ['run', '--rm', '--user', '0:0', '--network', 'none', '--label', 'io.mlops-ci.step=train-in-container', '--volume', `${dir}:${inside}:rw`, '--entrypoint', 'chown', image, '-R', owner, inside];
        const result = await this.cli(args, { ignoreReturnCode: true });
        if (result.exitCode !== 0)
            throw new Error(`could not hand ${dir} back to ${owner} (chown -R in the image as root, exit ${result.exitCode}): ${firstLine(result.stderr)}`);
    }
    /** GPU support is checked before anything runs, so a missing runtime fails in seconds, not after a build. */
    async verifyGpus(gpus) {
        if (this.kind === 'docker') {
            const info = await this.cli(['info', '--format', '{{json .Runtimes}}'], { ignoreReturnCode: true });
            const hasRuntime = /nvidia/i.test(info.stdout) || onPath('nvidia-container-cli', this.place.env) || onPath('nvidia-container-runtime-hook', this.place.env);
            if (!hasRuntime) {
                throw new Error(`gpus: '${gpus}' asks for GPUs, but this Docker has no NVIDIA runtime (no 'nvidia' in docker info's runtimes, no nvidia-container-cli on PATH). Install the NVIDIA Container Toolkit on a GPU host, or drop the gpus input.`);
            }
            return;
        }
        gpuArgs('podman', gpus);
        if (!hasNvidiaCdiSpec()) {
            throw new Error(`gpus: '${gpus}' asks for GPUs, but podman has no NVIDIA CDI spec in ${CDI_DIRS.join(' or ')}. Run \`nvidia-ctk cdi generate\` on a GPU host, or drop the gpus input.`);
        }
    }
    cli(args, options = {}) {
        return (0,exec/* execCapture */.Wp)(this.kind, args, { ...this.place, ...options });
    }
}
function parseDigests(json) {
    try {
        const value = JSON.parse(json);
        return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
    }
    catch {
        return [];
    }
}
/**
 * What pins the image `ref` names: the reference itself when it is already
 * by digest; else the registry digest (RepoDigest) of its repository, when the
 * image was pulled from or pushed to it; else, for an image only this engine
 * has, its ID.
 */
function pinnedDigest(ref, id, repoDigests) {
    if (/@sha256:[0-9a-f]{64}$/.test(ref))
        return ref;
    const name = shortName(ref.replace(/:[\w][\w.-]*$/, ''));
    return repoDigests.find((digest) => shortName(digest.slice(0, digest.indexOf('@'))) === name) ?? id;
}
/** A repository name as Docker prints it: no `docker.io/`, no `library/` for official images. */
function shortName(name) {
    return name.replace(/^(?:docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}
function firstLine(text) {
    return text.trim().split('\n')[0] ?? '';
}
function onPath(program, environment) {
    return (environment['PATH'] ?? '').split((external_node_path_default()).delimiter).some((dir) => dir !== '' && (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, program)));
}
function hasNvidiaCdiSpec() {
    return CDI_DIRS.some((dir) => {
        try {
            return (0,external_node_fs_.readdirSync)(dir).some((file) => /\.(ya?ml|json)$/.test(file) && (0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, file), 'utf8').includes('nvidia.com/gpu'));
        }
        catch {
            return false;
        }
    });
}

;// CONCATENATED MODULE: ./packages/core/src/container/host-runtime.ts

/**
 * `runtime: host`: the command runs directly on this machine, for runners
 * without a container engine. Nothing is isolated: mounts are not needed
 * (data and outputs are already at their paths), and network, user, CPU,
 * memory and GPU limits are not enforced — the step says so loudly.
 */
class HostRuntime {
    environment;
    kind = 'host';
    constructor(environment) {
        this.environment = environment;
    }
    async verify() {
        return `host (${process.platform}, no container)`;
    }
    async findImage() {
        return null;
    }
    async resolveImage() {
        return { id: '', digest: '', repoDigests: [] };
    }
    async build() {
        throw new Error('runtime: host cannot build a dockerfile; use runtime: docker or podman, or give no dockerfile');
    }
    async push() {
        throw new Error('runtime: host has no image to push; use runtime: docker, or give no push');
    }
    start(plan, onLine) {
        const [program, ...args] = plan.command.kind === 'shell' ? ['/bin/sh', '-c', plan.command.script] : plan.command.argv;
        const env = { ...this.environment, ...Object.fromEntries(plan.env) };
        // Its own process group, so stopping it reaches whatever the command started.
        const run = spawnStreaming(program, args, { env, cwd: plan.workdir, detached: true }, onLine);
        let ended = false;
        void run.exited.then(() => (ended = true), () => (ended = true));
        const signalGroup = (signal) => {
            const pid = run.child.pid;
            if (pid === undefined || ended)
                return;
            try {
                process.kill(-pid, signal);
            }
            catch {
                // Already gone.
            }
        };
        return {
            exited: run.exited,
            stop: async (graceSeconds) => {
                signalGroup('SIGTERM');
                const killer = setTimeout(() => signalGroup('SIGKILL'), graceSeconds * 1000);
                await run.exited.catch(() => undefined);
                clearTimeout(killer);
            },
        };
    }
    async remove() {
        // Nothing to remove: no container was created.
    }
    async handBack() {
        // The command ran as the caller: its files are the caller's already.
    }
}

;// CONCATENATED MODULE: ./packages/core/src/container/runtime.ts


/**
 * The runtime for a `runtime` input value; throws on a kind it does not know.
 * `place` is the run context's folder and environment: the engine CLI runs
 * there, and the command itself (in its own working folder) with that environment.
 */
function createRuntime(kind, place) {
    switch (kind) {
        case 'docker':
        case 'podman':
            return new EngineRuntime(kind, place);
        case 'host':
            return new HostRuntime(place.env);
        default:
            throw new Error(`unknown container runtime '${String(kind)}'`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/container/staged-outputs.ts



/**
 * The folder a run writes its outputs into: a fresh hidden sibling of
 * `outputs` (the same filesystem, so moving it is a rename), moved into place
 * only when the run succeeded. A failed, timed-out or cancelled run leaves
 * `outputs` exactly as it was; a process killed outright leaves at most the
 * hidden staging folder beside it, never a half-written file inside it.
 */
class StagedOutputs {
    outputs;
    folder;
    madeOutputs;
    constructor(
    /** Where the results belong. */
    outputs, 
    /** Where the command writes them meanwhile (mounted at `outputs` inside the container). */
    folder, 
    /** Whether `outputs` was made for this run, so a failed run takes it away again. */
    madeOutputs) {
        this.outputs = outputs;
        this.folder = folder;
        this.madeOutputs = madeOutputs;
    }
    static async create(outputs) {
        const parent = external_node_path_default().dirname(outputs);
        await (0,promises_.mkdir)(parent, { recursive: true });
        // The engine would make a missing mount point itself, as root; made here it is the caller's.
        const madeOutputs = (await (0,promises_.mkdir)(outputs, { recursive: true })) !== undefined;
        const folder = external_node_path_default().join(parent, `.${external_node_path_default().basename(outputs)}.mlops-ci-staging-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        await (0,promises_.mkdir)(folder);
        return new StagedOutputs(outputs, folder, madeOutputs);
    }
    /**
     * Puts the staged results into `outputs`: the whole folder by one rename
     * when `outputs` is an empty folder; else entry by entry, each replacing
     * the entry of the same name (what the run did not write stays).
     */
    async commit() {
        try {
            await (0,promises_.rename)(this.folder, this.outputs);
            return;
        }
        catch (err) {
            // Not empty, or a symbolic link to the folder: its entries are replaced instead.
            if (!isCode(err, 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'))
                throw err;
        }
        const replaced = `${this.folder}-replaced`;
        await (0,promises_.mkdir)(replaced);
        try {
            for (const name of await (0,promises_.readdir)(this.folder))
                await replaceEntry(external_node_path_default().join(this.folder, name), external_node_path_default().join(this.outputs, name), external_node_path_default().join(replaced, name));
        }
        finally {
            await (0,promises_.rm)(replaced, { recursive: true, force: true });
        }
        await (0,promises_.rm)(this.folder, { recursive: true, force: true });
    }
    /** Removes the staged results (the run failed), and `outputs` when it was made for this run and is still empty. */
    async discard() {
        await (0,promises_.rm)(this.folder, { recursive: true, force: true });
        if (this.madeOutputs)
            await (0,promises_.rmdir)(this.outputs).catch(() => undefined);
    }
}
/**
 * Renames `from` onto `to`. A rename replaces a file or an empty folder at
 * once; a folder that holds files, or an entry of the other kind, is first
 * moved aside to `aside` (removed afterwards).
 */
async function replaceEntry(from, to, aside) {
    try {
        await (0,promises_.rename)(from, to);
        return;
    }
    catch (err) {
        if (!isCode(err, 'ENOTEMPTY', 'EEXIST', 'EISDIR', 'ENOTDIR'))
            throw err;
    }
    await (0,promises_.rename)(to, aside);
    await (0,promises_.rename)(from, to);
}
function isCode(err, ...codes) {
    return codes.includes(err.code ?? '');
}

;// CONCATENATED MODULE: ./packages/core/src/container/supervise.ts
/** Seconds `docker stop` waits after SIGTERM before SIGKILL when the timeout is hit. */
const TIMEOUT_GRACE_SECONDS = 10;
/**
 * Seconds of grace when the step is cancelled: GitHub sends SIGINT, then
 * SIGTERM 7.5 s later, then SIGKILL 2.5 s after that, so the container must
 * be gone well within that window.
 */
const CANCEL_GRACE_SECONDS = 3;
/**
 * The longest `timeout` accepted: 576 h (24 days). Node's timers hold at most
 * 2^31-1 ms (24.8 days) and fire at once above that, which would kill the
 * command as it starts; a round number of hours below the limit is easy to state.
 */
const MAX_TIMEOUT_SECONDS = 576 * 3600;
/** How often a silent command gets a "still running" line, so a log never looks hung. */
const QUIET_INTERVAL_MS = 60_000;
/**
 * Runs the plan and guarantees the container is gone afterwards, whatever
 * happens: the command ends, the timeout hits (stop, then kill), or this node
 * process gets SIGTERM/SIGINT (the step is cancelled). Removal is in a
 * `finally`, and stopping repeats until the engine client has exited, so a
 * signal arriving while the container is still being created is not lost.
 */
async function superviseRun(runtime, plan, options) {
    const started = performance.now();
    let timedOut = false;
    let cancelledBy = null;
    let exited = false;
    let lastLineAt = started;
    const running = runtime.start(plan, (line) => {
        lastLineAt = performance.now();
        options.onLine(line);
    });
    const stopUntilExited = async (graceSeconds) => {
        while (!exited) {
            await running.stop(graceSeconds).catch(() => undefined);
            if (!exited)
                await sleep(500);
        }
    };
    const timer = options.timeoutSeconds !== undefined
        ? setTimeout(() => {
            timedOut = true;
            void stopUntilExited(TIMEOUT_GRACE_SECONDS);
        }, options.timeoutSeconds * 1000)
        : undefined;
    const onSignal = (signal) => {
        if (cancelledBy !== null)
            return;
        cancelledBy = signal;
        void stopUntilExited(CANCEL_GRACE_SECONDS);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    const quietInterval = options.quietIntervalMs ?? QUIET_INTERVAL_MS;
    const quietTimer = setInterval(() => {
        const now = performance.now();
        if (now - lastLineAt >= quietInterval)
            options.onQuiet?.(Math.round((now - started) / 1000));
    }, quietInterval);
    let outcome;
    try {
        const exitCode = await running.exited;
        outcome = { exitCode, durationSeconds: (performance.now() - started) / 1000, timedOut, cancelledBy };
        return outcome;
    }
    finally {
        exited = true;
        clearTimeout(timer);
        clearInterval(quietTimer);
        // The signal handlers stay until the container is removed: a SIGTERM now must not end node before that.
        try {
            // A failure to remove is reported, unless the run itself failed to start (its error says more).
            await runtime.remove(plan.name).catch((err) => {
                if (outcome)
                    throw err;
            });
        }
        finally {
            process.off('SIGTERM', onSignal);
            process.off('SIGINT', onSignal);
        }
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// EXTERNAL MODULE: ./packages/core/src/redact.ts
var redact = __webpack_require__(796);
// EXTERNAL MODULE: ./packages/core/src/steps/summary.ts
var summary = __webpack_require__(8669);
// EXTERNAL MODULE: ./packages/core/src/container/parse.ts
var parse = __webpack_require__(1150);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/steps/train-in-container/plan.ts






/** A build stage (`target`) or a network name, as the engines accept them. */
const ENGINE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/**
 * Reads and checks every input before any work: a bad reference, mount,
 * size, duration or an empty command ends the step here (exit 2), before an
 * engine is asked anything or a folder is created. Relative paths resolve
 * against the run's working folder; the working directory of the command
 * defaults to the workspace.
 */
function planTrain(reader, host) {
    const { cwd, env: environment, workspace } = host.context;
    const runtime = reader.get('runtime');
    return {
        runtime,
        image: imageSource(reader, cwd, runtime),
        command: reader.get('command'),
        workdir: existingDir('workdir', external_node_path_default().resolve(cwd, reader.get('workdir') ?? workspace)),
        mounts: reader.get('mounts').map((text) => existingMount(text, cwd)),
        data: optionalPath(reader.get('data'), (text) => existingDir('data', external_node_path_default().resolve(cwd, text))),
        outputs: optionalPath(reader.get('outputs'), (text) => outputsDir(external_node_path_default().resolve(cwd, text))),
        metricsFile: metricsFile(reader.get('metrics-file')),
        env: commandEnv(reader, host, environment),
        resources: resources(reader),
        ...optional('timeoutSeconds', timeoutSeconds(reader.get('timeout'))),
        user: user(reader.get('user')),
    };
}
/** A Dockerfile to build, else an image reference; `image` and `dockerfile` together are refused by the spec's relation. */
function imageSource(reader, cwd, runtime) {
    const dockerfile = reader.get('dockerfile');
    if (dockerfile !== undefined)
        return buildSource(reader, cwd, runtime, dockerfile);
    const ref = reader.get('image');
    if (ref === undefined) {
        if (runtime === 'host')
            return { kind: 'reference', ref: '' };
        throw new errors/* InputError */.dz('image', 'is required: give an image reference (or a dockerfile to build)');
    }
    if (!(0,parse/* isValidImageReference */.p3)(ref)) {
        throw new errors/* InputError */.dz('image', `got '${ref}', expected an image reference such as python:3.12-slim, registry:5000/team/train:v1 or name@sha256:<digest>`);
    }
    return { kind: 'reference', ref };
}
function buildSource(reader, cwd, runtime, dockerfile) {
    const push = pushTarget(reader.get('push'), runtime);
    if (runtime === 'host')
        throw new errors/* InputError */.dz('dockerfile', 'needs a container engine: runtime: host runs the command directly and cannot build images');
    const file = external_node_path_default().resolve(cwd, dockerfile);
    if (!statOf('dockerfile', file)?.isFile())
        throw new errors/* InputError */.dz('dockerfile', `got '${dockerfile}': ${file} is not a file`);
    const context = existingDir('context', external_node_path_default().resolve(cwd, reader.get('context')));
    const target = reader.get('target');
    if (target !== undefined && !ENGINE_NAME.test(target))
        throw new errors/* InputError */.dz('target', `got '${target}', expected a build stage name`);
    return { kind: 'build', dockerfile: file, context, ...optional('target', target), buildArgs: variables('build-args', reader.get('build-args')), ...optional('push', push) };
}
/**
 * Where to push the built image. Docker only: podman speaks plain HTTP to a
 * loopback registry only with --tls-verify=false and reports digests its own
 * way, so it is refused rather than half supported.
 */
function pushTarget(text, runtime) {
    if (text === undefined)
        return undefined;
    if (runtime === 'host')
        throw new errors/* InputError */.dz('push', 'cannot be used with runtime: host, which runs the command directly and builds no image; use runtime: docker, or give no push');
    if (runtime === 'podman')
        throw new errors/* InputError */.dz('push', 'is supported with runtime: docker only, not with runtime: podman; use runtime: docker, or push the image yourself and give image');
    const target = parseRegistryRepository(text);
    if (typeof target === 'string')
        throw new errors/* InputError */.dz('push', `got '${text}', ${target}`);
    return target;
}
function existingMount(text, cwd) {
    let mount;
    try {
        mount = (0,parse/* parseMount */.zt)(text, cwd);
    }
    catch (err) {
        throw new errors/* InputError */.dz('mounts', err.message);
    }
    if (!statOf('mounts', mount.source))
        throw new errors/* InputError */.dz('mounts', `got '${text}': the host path ${mount.source} does not exist`);
    return mount;
}
function metricsFile(name) {
    if (external_node_path_default().isAbsolute(name) || external_node_path_default().normalize(name).startsWith('..')) {
        throw new errors/* InputError */.dz('metrics-file', `got '${name}', expected a path inside outputs such as metrics.json`);
    }
    return name;
}
/** The command's variables: env-file, then env, then secrets, later ones winning. */
function commandEnv(reader, host, environment) {
    const envFile = reader.get('env-file');
    const env = envFile === undefined ? new Map() : envFileVariables(external_node_path_default().resolve(host.context.cwd, envFile), environment);
    for (const [key, value] of variables('env', reader.get('env')))
        env.set(key, value);
    for (const name of reader.get('secrets'))
        env.set(name, secretValue(name, host, environment));
    return env;
}
/** Docker's env-file format; a bare `KEY` takes its value from the step's environment. */
function envFileVariables(file, environment) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* InputError */.dz('env-file', `cannot read ${file}: ${err.code ?? err.message}`);
    }
    try {
        return (0,parse/* parseEnvLines */.ci)(text.split(/\r?\n/), environment);
    }
    catch (err) {
        throw new errors/* InputError */.dz('env-file', `${file} ${err.message}`);
    }
}
/** The pairs of a map input, whose keys must be variable names (the engines and the shell take nothing else). */
function variables(input, pairs) {
    for (const key of pairs.keys()) {
        if (!(0,parse/* isValidEnvName */.Vp)(key))
            throw new errors/* InputError */.dz(input, `${describeKey(key)} is not a valid variable name`);
    }
    return pairs;
}
/**
 * A bad key is cited by the variable name it starts with, never whole: a line
 * such as `API TOKEN s3cr3t=x` puts the value before the `=`.
 */
function describeKey(key) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(key)?.[0];
    if (name !== undefined)
        return `the name starting with ${name}`;
    return key === '' ? 'an empty name' : 'a name starting with neither a letter nor _';
}
/** The value of a variable of this step's environment passed through by name, masked from now on. */
function secretValue(name, host, environment) {
    if (!(0,parse/* isValidEnvName */.Vp)(name))
        throw new errors/* InputError */.dz('secrets', `'${name}' is not a valid variable name; give names of environment variables, not values`);
    const value = environment[name];
    if (value === undefined)
        throw new errors/* InputError */.dz('secrets', `names ${name}, which is not set in this step's environment`);
    host.setSecret(value);
    return value;
}
function resources(reader) {
    return {
        ...optional('gpus', gpus(reader.get('gpus'))),
        ...optional('cpus', cpus(reader.get('cpus'))),
        network: network(reader.get('network')),
        ...optional('memoryBytes', byteSize('memory', reader.get('memory'))),
        ...optional('shmBytes', byteSize('shm-size', reader.get('shm-size'))),
    };
}
/** Normalises `gpus` to `all`, a count, or `device=<ids>`. */
function gpus(text) {
    if (text === undefined)
        return undefined;
    if (text === 'all' || /^[1-9]\d*$/.test(text))
        return text;
    const ids = (text.startsWith('device=') ? text.slice('device='.length) : text).split(',').map((id) => id.trim());
    if (ids.length > 0 && ids.every((id) => /^(\d+|GPU-[0-9a-fA-F-]+|MIG-[0-9a-fA-F/-]+)$/.test(id)) && (text.startsWith('device=') || ids.length > 1)) {
        return `device=${ids.join(',')}`;
    }
    throw new errors/* InputError */.dz('gpus', `got '${text}', expected all, a count such as 2, or device ids such as device=0,1`);
}
/**
 * A fraction of CPUs. Read as text rather than a `number` input: the limit
 * must be above 0, a bound the spec's inclusive `min` cannot say.
 */
function cpus(text) {
    if (text === undefined)
        return undefined;
    const count = Number(text);
    if (!(Number.isFinite(count) && count > 0))
        throw new errors/* InputError */.dz('cpus', `got '${text}', expected a positive number such as 1.5`);
    return count;
}
function network(name) {
    if (!ENGINE_NAME.test(name))
        throw new errors/* InputError */.dz('network', `got '${name}', expected bridge, none, host or a network name`);
    return name;
}
function byteSize(input, text) {
    if (text === undefined)
        return undefined;
    const bytes = (0,parse/* parseByteSize */.nS)(text);
    if (bytes === null)
        throw new errors/* InputError */.dz(input, `got '${text}', expected a size such as 512m, 4g or 1.5GiB`);
    return bytes;
}
function timeoutSeconds(text) {
    if (text === undefined)
        return undefined;
    const seconds = (0,parse/* parseDuration */.E9)(text);
    if (seconds === null || seconds <= 0)
        throw new errors/* InputError */.dz('timeout', `got '${text}', expected a duration such as 45s, 90m, 2h or 1h30m`);
    if (seconds > MAX_TIMEOUT_SECONDS) {
        throw new errors/* InputError */.dz('timeout', `got '${text}', which is more than the maximum of ${MAX_TIMEOUT_SECONDS / 3600}h (24 days); for a longer run give no timeout (the CI job's own limit still applies)`);
    }
    return seconds;
}
/** The uid:gid of this process: who outputs belong to, and whom the command runs as by default. */
function callerUser() {
    return `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`;
}
function user(text) {
    if (text === undefined)
        return callerUser();
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(text))
        throw new errors/* InputError */.dz('user', `got '${text}', expected uid:gid or a user name`);
    return text;
}
/** The checked path of an optional path input, or null when it was not given. */
function optionalPath(text, check) {
    return text === undefined ? null : check(text);
}
function existingDir(input, dir) {
    if (!statOf(input, dir)?.isDirectory())
        throw new errors/* InputError */.dz(input, `got '${dir}', which is not an existing folder`);
    return dir;
}
function outputsDir(dir) {
    const info = statOf('outputs', dir);
    if (info && !info.isDirectory())
        throw new errors/* InputError */.dz('outputs', `got '${dir}', which exists and is not a folder`);
    return dir;
}
/**
 * What is at the path of `input`, or undefined when nothing is. A path the
 * system cannot look up at all (too long, a file where a folder should be on
 * the way, no permission) is bad input too; the error gives the reason, not
 * the path, which can be any size.
 */
function statOf(input, file) {
    try {
        return (0,external_node_fs_.statSync)(file, { throwIfNoEntry: false });
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `the path given cannot be looked up (${err.code ?? err.message})`);
    }
}
/** `{ key: value }` when the value is defined, else `{}` (exactOptionalPropertyTypes-friendly). */
function optional(key, value) {
    return value === undefined ? {} : { [key]: value };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/train-in-container/index.ts
/**
 * train-in-container: run training in a container, the same image on a
 * laptop, a GitHub runner and a Jenkins agent.
 *
 * The story: read every input (bad input stops here, exit 2, nothing done) →
 * check the runtime answers and can give what was asked (GPUs) → get the
 * image (pull, or build from the Dockerfile unless an image with the same
 * build-inputs digest exists) → create a staging folder beside outputs →
 * run the command with logs streaming live, under the timeout and the cancel
 * signals, and remove the container whatever happens → hand the staged files
 * back to the caller, and move them into outputs only when the command
 * succeeded → return the outputs, failed (exit 1) with the last log lines
 * when the command failed or hit the timeout.
 */











/** Log lines repeated in the error when the command fails. */
const TAIL_LINES = 30;
/** Label on every container and built image, to find them (and any leftover) by. */
const LABEL = 'io.mlops-ci.step';
async function run(inputs, host) {
    const runtime = createRuntime(inputs.runtime, { cwd: host.context.cwd, env: host.context.env });
    const described = await host.group('Check the runtime', () => runtime.verify(inputs.resources));
    if (inputs.runtime === 'host')
        warnAboutHostRuntime(inputs, host);
    else
        host.info(`Runtime: ${described}`);
    const image = inputs.runtime === 'host' ? { id: '', digest: '', repoDigests: [] } : await host.group('Get the image', () => prepareImage(runtime, inputs.image, host));
    const staged = await prepareOutputs(inputs);
    let settled = false;
    try {
        const plan = planRun(inputs, host, image, staged);
        const tail = [];
        // Each line goes through the host, which keeps a line the runner could read as a workflow command inert.
        const outcome = await host.group(`Train (${inputs.runtime}, container ${plan.name})`, () => superviseRun(runtime, plan, {
            ...(inputs.timeoutSeconds !== undefined ? { timeoutSeconds: inputs.timeoutSeconds } : {}),
            onLine: (line) => {
                tail.push(line);
                if (tail.length > TAIL_LINES)
                    tail.shift();
                host.info(line);
            },
            onQuiet: (elapsed) => host.info(`[mlops-ci] still running after ${formatSeconds(elapsed)}, no output in the last minute`),
        }));
        const failure = failureOf(outcome, inputs, tail);
        if (staged) {
            await settleOutputs(staged, runtime, image, inputs, failure === null);
            settled = true;
        }
        const outputs = {
            'exit-code': String(outcome.exitCode),
            'duration-seconds': outcome.durationSeconds.toFixed(3),
            'image-id': image.id,
            'image-digest': image.digest,
            outputs: inputs.outputs ?? '',
            // A failed run moved nothing into outputs: a metrics file there is an earlier run's.
            metrics: failure === null ? await findMetrics(inputs) : '',
        };
        await host.appendSummary(train_in_container_summary(inputs, described, image, outcome, failure === null));
        // A failed run still hands back its outputs, so a later `if: failure()` step can read the exit code.
        if (failure)
            return { outputs, failure: { kind: 'failed', message: failure } };
        host.info(`The command exited 0 after ${formatSeconds(outcome.durationSeconds)}.`);
        return { outputs };
    }
    finally {
        // The run could not start, or handing back failed: what was staged is not kept, and outputs stays as it was.
        if (staged && !settled)
            await staged.discard().catch((err) => host.warning(`could not remove the staging folder ${staged.folder}: ${err.message}`));
    }
}
/**
 * In a container the command writes `outputs` into a staging folder mounted
 * at its path (see StagedOutputs); the host runtime has no mounts to do that
 * with, so there the folder is written in place, as the step warns.
 */
async function prepareOutputs(inputs) {
    if (!inputs.outputs)
        return null;
    if (inputs.runtime === 'host') {
        await (0,promises_.mkdir)(inputs.outputs, { recursive: true });
        return null;
    }
    return StagedOutputs.create(inputs.outputs);
}
/**
 * Hands the staged files to the caller when the command ran as another user
 * (the caller could not otherwise move or remove them), then moves them into
 * place when the run succeeded, or removes them when it did not.
 */
async function settleOutputs(staged, runtime, image, inputs, succeeded) {
    const caller = callerUser();
    if (inputs.user !== caller)
        await runtime.handBack(image.id, staged.folder, caller);
    if (succeeded)
        await staged.commit();
    else
        await staged.discard();
}
/** A reference is resolved (pulled when missing); a Dockerfile is built unless its build-inputs digest is already an image. */
async function prepareImage(runtime, source, host) {
    if (source.kind === 'reference') {
        const image = await runtime.resolveImage(source.ref, (line) => host.info(line));
        host.info(`Image ${source.ref}: ${image.id}`);
        if (image.digest === image.id)
            host.info(`${source.ref} has no registry digest (it was never pulled from or pushed to a registry): image-digest is its ID, which only this machine can resolve.`);
        return image;
    }
    const digest = await buildInputsDigest(source, async (ref) => (await runtime.findImage(ref))?.id ?? null);
    // The same digest prefix tags the image locally and in the registry, so either tells which build inputs made it.
    const tagPart = digest.slice(0, 32);
    const image = await buildUnlessTagged(runtime, source, digest, `mlops-ci-train:${tagPart}`, host);
    if (!source.push)
        return image;
    const pushed = await runtime.push(image, source.push, tagPart, (line) => host.info(line));
    host.info(`Image pinned as ${pushed}`);
    return { ...image, digest: pushed };
}
async function buildUnlessTagged(runtime, source, digest, tag, host) {
    const existing = await runtime.findImage(tag);
    if (existing) {
        host.info(`Build skipped: ${tag} already holds this Dockerfile, context and build args (${existing.id}).`);
        return existing;
    }
    host.info(`Building ${external_node_path_default().relative(host.context.cwd, source.dockerfile) || source.dockerfile} as ${tag}`);
    return runtime.build({ dockerfile: source.dockerfile, context: source.context, ...(source.target ? { target: source.target } : {}), buildArgs: source.buildArgs, tag, labels: { [LABEL]: 'train-in-container', 'io.mlops-ci.build-inputs': digest } }, (line) => host.info(line));
}
/** Host folders at the same absolute paths inside: workdir, data (read-only), outputs (its staging folder), then the extra mounts. */
function planRun(inputs, host, image, staged) {
    const mounts = [{ source: inputs.workdir, target: inputs.workdir, readOnly: false }];
    if (inputs.data)
        mounts.push({ source: inputs.data, target: inputs.data, readOnly: true });
    if (staged)
        mounts.push({ source: staged.folder, target: staged.outputs, readOnly: false });
    mounts.push(...inputs.mounts);
    // One mount per container path (the engine refuses duplicates): a later, more specific one wins.
    const byTarget = new Map(mounts.map((mount) => [mount.target, mount]));
    const env = new Map();
    // The caller's uid usually has no passwd entry in the image, so HOME would be `/`, which it cannot write.
    if (inputs.runtime !== 'host')
        env.set('HOME', '/tmp');
    if (inputs.data)
        env.set('MLOPS_DATA_DIR', inputs.data);
    if (inputs.outputs)
        env.set('MLOPS_OUTPUT_DIR', inputs.outputs);
    for (const [key, value] of inputs.env)
        env.set(key, value);
    const name = containerName(host);
    return {
        name,
        image: image.id,
        command: inputs.command,
        workdir: inputs.workdir,
        mounts: [...byTarget.values()],
        env,
        resources: inputs.resources,
        user: inputs.user,
        labels: { [LABEL]: 'train-in-container', 'io.mlops-ci.run': name },
    };
}
/**
 * Named after the run (GitHub run id and attempt, Jenkins job and build
 * number), plus a random part so the jobs of a matrix never collide.
 */
function containerName(host) {
    const runPath = host.context.runUrl ? new URL(host.context.runUrl).pathname : '';
    const runPart = runPath
        .split('/')
        .filter((part) => part !== '' && !['actions', 'runs', 'attempts', 'job'].includes(part))
        .slice(-3)
        .join('-')
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .slice(-40);
    return ['mlops-train', runPart || host.kind, (0,external_node_crypto_.randomBytes)(4).toString('hex')].join('-');
}
function failureOf(outcome, inputs, tail) {
    const last = tail.length > 0 ? `\nLast ${tail.length} lines of the log:\n${tail.join('\n')}` : '';
    if (outcome.cancelledBy)
        return `the step was cancelled (${outcome.cancelledBy}): the command was stopped and its container removed${last}`;
    if (outcome.timedOut) {
        return `the command hit the timeout of ${formatSeconds(inputs.timeoutSeconds ?? 0)}: it was stopped (SIGTERM, then SIGKILL after ${TIMEOUT_GRACE_SECONDS} s) and its container removed${last}`;
    }
    if (outcome.exitCode === 0)
        return null;
    const why = outcome.exitCode === 137 ? ' (killed: out of memory, or SIGKILL)' : outcome.exitCode === 125 && inputs.runtime !== 'host' ? ` (${inputs.runtime} could not start the container)` : '';
    return `the command exited with ${outcome.exitCode}${why} after ${formatSeconds(outcome.durationSeconds)}${last}`;
}
async function findMetrics(inputs) {
    if (!inputs.outputs)
        return '';
    const file = external_node_path_default().join(inputs.outputs, inputs.metricsFile);
    const info = await (0,promises_.stat)(file).catch(() => undefined);
    return info?.isFile() ? file : '';
}
function warnAboutHostRuntime(inputs, host) {
    host.warning('runtime: host — the command runs DIRECTLY ON THIS RUNNER, not in a container: no image, no isolation, outputs written in place (a failed run can leave partial files), and the network, user, cpus, memory, shm-size and gpus inputs are not enforced. Results depend on what this machine has installed.');
    if (inputs.mounts.length > 0)
        host.warning(`runtime: host ignores mounts (${inputs.mounts.map((mount) => `${mount.source}:${mount.target}`).join(', ')}): the command sees host paths as they are.`);
    if (inputs.image.kind === 'reference' && inputs.image.ref)
        host.warning(`runtime: host ignores image ${inputs.image.ref}.`);
}
/** What ran, where, in what image, how long and how it ended: the facts a reader of a failed job looks for first. */
function train_in_container_summary(inputs, runtime, image, outcome, succeeded) {
    const inContainer = inputs.runtime !== 'host';
    return (0,summary/* renderStepSummary */.P)({
        step: 'train-in-container',
        outcome: succeeded ? 'ok' : 'failed',
        headline: `${endingOf(outcome)} after ${formatSeconds(outcome.durationSeconds)}`,
        rows: [
            ['runtime', inContainer ? runtime : 'host (no container)'],
            ['image', inContainer ? imageSourceOf(inputs.image) : null],
            ['image digest', inContainer ? { code: image.digest } : null],
            ['command', { code: (0,redact/* redactUrlCredentials */.d)(commandText(inputs.command)) }],
            ['duration', formatSeconds(outcome.durationSeconds)],
            ['exit code', outcome.exitCode],
            ['outputs', inputs.outputs ? (succeeded ? { code: inputs.outputs } : `${inputs.outputs} (left as it was: the run failed)`) : null],
        ],
    });
}
function endingOf(outcome) {
    if (outcome.cancelledBy)
        return `cancelled (${outcome.cancelledBy})`;
    if (outcome.timedOut)
        return 'stopped at the timeout';
    return `exited ${outcome.exitCode}`;
}
function imageSourceOf(source) {
    return source.kind === 'reference' ? source.ref : `built from ${source.dockerfile}`;
}
/** argv as JSON (unambiguous about spaces and quotes), a shell script as written. */
function commandText(command) {
    return command.kind === 'argv' ? JSON.stringify(command.argv) : command.script;
}
function formatSeconds(seconds) {
    if (seconds < 120)
        return `${Math.round(seconds * 10) / 10} s`;
    const minutes = Math.floor(seconds / 60);
    return minutes < 120 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}


/***/ })

};
