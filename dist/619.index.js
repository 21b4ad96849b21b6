export const id = 619;
export const ids = [619];
export const modules = {

/***/ 44158:
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

const path = __webpack_require__(16928);

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

/***/ 81150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Vp: () => (/* binding */ isValidEnvName),
/* harmony export */   ci: () => (/* binding */ parseEnvLines),
/* harmony export */   nS: () => (/* binding */ parseByteSize),
/* harmony export */   p3: () => (/* binding */ isValidImageReference),
/* harmony export */   zt: () => (/* binding */ parseMount)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
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

/***/ 90619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* binding */ plan),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(96192);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
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
 * The runtime for a `runtime` input value; throws on a kind it does not know,
 * and on `kubernetes`, which the step routes before it gets here.
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
        case 'kubernetes':
            // A Job on a cluster has no local container to start, attach to and remove: the step takes another path for it.
            throw new Error('runtime kubernetes runs through the Kubernetes path, not a ContainerRuntime');
        default:
            throw new Error(`unknown container runtime '${String(kind)}'`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
 * Anything that starts and removes a run by name can be supervised: a
 * `ContainerRuntime` with its `RunPlan`, or a Kubernetes Job.
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
var redact = __webpack_require__(10796);
// EXTERNAL MODULE: ./packages/core/src/steps/summary.ts
var summary = __webpack_require__(18669);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
;// CONCATENATED MODULE: ./packages/core/src/container/kubernetes/cluster.ts
/**
 * The connection to the cluster: which kubeconfig (the `kubeconfig` input,
 * else `KUBECONFIG`, else `~/.kube/config`, else the pod's own service
 * account), which context and namespace. @kubernetes/client-node is loaded
 * here on first use only, so no other step or runtime ever loads it (ncc puts
 * it in a chunk of its own).
 */




/** Reads the configuration the target points to; throws naming the input or variable when it cannot. */
async function connectToCluster(target, env) {
    const k8s = await Promise.all(/* import() */[__webpack_require__.e(171), __webpack_require__.e(352), __webpack_require__.e(543)]).then(__webpack_require__.bind(__webpack_require__, 45543));
    const config = new k8s.KubeConfig();
    const source = loadConfig(k8s, config, target, env);
    if (target.context !== undefined) {
        if (config.getContextObject(target.context) === null) {
            const known = config.getContexts().map((context) => context.name);
            throw new errors/* InputError */.dz('kube-context', `${source} has no context '${target.context}'${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}`);
        }
        config.setCurrentContext(target.context);
    }
    const cluster = config.getCurrentCluster();
    if (cluster === null) {
        // client-node leaves the current context undefined when the file had none: say so rather than print 'undefined'.
        const current = config.getCurrentContext() ? `its current context '${config.getCurrentContext()}' names no cluster` : 'it names no current context';
        throw new errors/* InputError */.dz(target.context !== undefined ? 'kube-context' : 'kubeconfig', `${source}: ${current}; give a context that has one (input 'kube-context')`);
    }
    const namespace = target.namespace ?? config.getContextObject(config.getCurrentContext())?.namespace ?? 'default';
    return { k8s, config, batch: config.makeApiClient(k8s.BatchV1Api), core: config.makeApiClient(k8s.CoreV1Api), namespace, server: cluster.server, source };
}
/** Loads the first configuration found, in kubectl's order; returns what it was, for messages. */
function loadConfig(k8s, config, target, env) {
    if (target.kubeconfig !== undefined) {
        const source = `kubeconfig ${target.kubeconfig}`;
        loadKubeconfig(config, target.kubeconfig, source);
        return source;
    }
    // KUBECONFIG may list several files, as kubectl reads it: the first one's current context is used.
    const listed = (env['KUBECONFIG'] ?? '').split((external_node_path_default()).delimiter).filter((file) => file !== '' && (0,external_node_fs_.existsSync)(file));
    if (listed.length > 0) {
        loadKubeconfig(config, listed[0], `KUBECONFIG (${listed[0]})`);
        for (const file of listed.slice(1)) {
            const more = new k8s.KubeConfig();
            loadKubeconfig(more, file, `KUBECONFIG (${file})`);
            config.mergeConfig(more, true);
        }
        return `KUBECONFIG (${listed.join((external_node_path_default()).delimiter)})`;
    }
    const home = env['HOME'] || (0,external_node_os_.homedir)();
    const fallback = external_node_path_default().join(home, '.kube', 'config');
    if ((0,external_node_fs_.existsSync)(fallback)) {
        loadKubeconfig(config, fallback, fallback);
        return fallback;
    }
    if (env['KUBERNETES_SERVICE_HOST']) {
        config.loadFromCluster();
        return "this pod's service account";
    }
    throw new Error(`no Kubernetes configuration: give the input 'kubeconfig', set KUBECONFIG, create ${fallback}, or run the step in a pod (its service account is used)`);
}
/**
 * Loads one kubeconfig file. client-node accepts any YAML (even
 * /etc/passwd) as an empty configuration, so a file with neither contexts
 * nor clusters is refused here, as bad input naming where it came from.
 */
function loadKubeconfig(config, file, source) {
    try {
        config.loadFromFile(file);
    }
    catch (err) {
        throw new errors/* InputError */.dz('kubeconfig', `cannot read ${source}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (config.getContexts().length === 0 && config.getClusters().length === 0) {
        throw new errors/* InputError */.dz('kubeconfig', `${source} is not a kubeconfig: it has no contexts and no clusters`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/container/kubernetes/image.ts
/**
 * The image a Job runs, pinned: every pod of the run, every retry, and anyone
 * reproducing it later pulls the very same bytes. A reference by digest is
 * used as is; one by tag is resolved to the digest the registry holds for it
 * now, before anything is created.
 */

/** `name@sha256:…` for `ref`; throws naming the `image` input when the registry cannot say (a cluster must not run an unknown image). */
async function pinImage(ref, fetchImpl = fetch) {
    const digestAt = ref.indexOf('@');
    if (digestAt !== -1)
        return ref;
    const { name, tag } = splitTag(ref);
    const target = registryRepositoryOf(name);
    const digest = await registryManifestDigest(target, tag, fetchImpl);
    if (digest === null) {
        throw new Error(`input 'image': cannot resolve ${ref} to a digest: the registry ${target.registry} did not answer for ${target.repository}:${tag} (unreachable, no such tag, or private without anonymous reads). The Job must run a pinned image: give image by digest (name@sha256:…).`);
    }
    return `${name}@${digest}`;
}
/** `name[:tag]` → the name and the tag (`latest` when none), as Docker reads a reference. */
function splitTag(ref) {
    const colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/'))
        return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
    return { name: ref, tag: 'latest' };
}
/** Docker's normalisation: a first component without `.` or `:` (and not `localhost`) is a Docker Hub name, `library/` for official images. */
function registryRepositoryOf(name) {
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    if (first !== '' && (/[.:]/.test(first) || first === 'localhost'))
        return { registry: first, repository: name.slice(slash + 1) };
    return { registry: 'docker.io', repository: slash === -1 ? `library/${name}` : name };
}

;// CONCATENATED MODULE: ./packages/core/src/container/kubernetes/api-errors.ts
/**
 * What the API server's refusals mean for the person who wrote the inputs:
 * a 422 names the field and the input behind it, a 403 names the verb and
 * resource the service account lacks, a 401 the credentials, a refused
 * connection the server. Works on any thrown value (no import of the client).
 */
/** The API server refused the objects as invalid (422): bad input, though found only when the objects were sent. */
class KubeRefusedError extends Error {
    input;
    reason;
    name = 'KubeRefusedError';
    constructor(
    /** The input behind the first refused field, when one is. */
    input, 
    /** What was refused and why, without the input's name. */
    reason, options) {
        super(input !== undefined ? `input '${input}': ${reason}` : reason, options);
        this.input = input;
        this.reason = reason;
    }
}
/** Which input fills each part of the pod spec, by the path the API server names in `details.causes[].field`. */
const FIELD_INPUTS = [
    [/\.labels\b/, 'labels'],
    [/\.annotations\b/, 'annotations'],
    [/\.nodeSelector\b/, 'node-selector'],
    [/\.tolerations\b/, 'tolerations'],
    [/\.serviceAccountName\b/, 'service-account'],
    [/\.imagePullSecrets\b/, 'image-pull-secrets'],
    [/\.volumes?\b|\.volumeMounts\b/, 'volumes'],
    [/\.resources\.(limits|requests)\[(cpu)\]/, 'cpus'],
    [/\.resources\.(limits|requests)\[(memory)\]/, 'memory'],
    [/\.resources\b/, 'gpus'],
    [/\.env\b/, 'env'],
    [/\.image\b/, 'image'],
    [/\.args\b/, 'command'],
    [/\.backoffLimit\b/, 'retries'],
    [/\.activeDeadlineSeconds\b/, 'timeout'],
    [/\.ttlSecondsAfterFinished\b/, 'ttl-after-finished'],
    [/\.(completions|parallelism)\b/, 'workers'],
    [/\.ports\b/, 'rendezvous-port'],
    [/^metadata\.namespace$/, 'namespace'],
];
function inputOfField(field) {
    return FIELD_INPUTS.find(([pattern]) => pattern.test(field))?.[1];
}
/** The error to throw for a failed request: explained when the server (or the connection) says why, else the original. */
function explainApiError(err, action, server) {
    const code = statusCodeOf(err);
    const status = statusBodyOf(err);
    const what = `${action.verb} ${action.resource} in namespace ${action.namespace}`;
    if (code === 422) {
        const causes = (status?.details?.causes ?? []);
        const first = causes.find((cause) => cause.field !== undefined && inputOfField(cause.field) !== undefined) ?? causes[0];
        const input = first?.field !== undefined ? inputOfField(first.field) : undefined;
        const reasons = causes.length > 0 ? causes.map((cause) => `${cause.field ?? '?'}: ${cause.message ?? ''}`).join('; ') : (status?.message ?? 'invalid');
        return new KubeRefusedError(input, `refused by the API server (${what}): ${reasons}`, { cause: err });
    }
    if (code === 403) {
        const [resource, group] = splitResource(action.resource);
        return new Error(`the service account may not ${what} (403 Forbidden): add the verb '${action.verb}' on '${resource}' (apiGroups: ['${group}']) to its Role in ${action.namespace}${status?.message ? ` — the server says: ${status.message}` : ''}`, { cause: err });
    }
    if (code === 401)
        return new Error(`the API server ${server} did not accept the credentials of the kubeconfig (401 Unauthorized) when asked to ${what}: the token or certificate is wrong or expired`, { cause: err });
    const network = networkCodeOf(err);
    if (network !== undefined)
        return new Error(`cannot reach the Kubernetes API server ${server} (${network}) to ${what}: check the kubeconfig's server address and that the cluster is up`, { cause: err });
    if (code !== undefined)
        return new Error(`the API server refused to ${what} (${code}${status?.message ? `: ${status.message}` : ''})`, { cause: err });
    return err instanceof Error ? err : new Error(String(err));
}
/** The HTTP status of an ApiException (`code`) or of a watch that failed (`statusCode`). */
function statusCodeOf(err) {
    if (typeof err !== 'object' || err === null)
        return undefined;
    const { code, statusCode } = err;
    if (typeof code === 'number')
        return code;
    return typeof statusCode === 'number' ? statusCode : undefined;
}
/** The `Status` object in an ApiException's body, which the client hands over as text or parsed. */
function statusBodyOf(err) {
    const body = err?.body;
    if (typeof body === 'object' && body !== null)
        return body;
    if (typeof body !== 'string')
        return undefined;
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
function networkCodeOf(err) {
    let current = err;
    for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
        const { code } = current;
        if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_\w+)$/.test(code))
            return code;
        current = current.cause;
    }
    return undefined;
}
/** `jobs.batch` → `['jobs', 'batch']`; `pods/log` → `['pods/log', '']`. */
function splitResource(resource) {
    const dot = resource.indexOf('.');
    return dot === -1 ? [resource, ''] : [resource.slice(0, dot), resource.slice(dot + 1)];
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./packages/core/src/container/kubernetes/pod-status.ts
/**
 * Container waiting reasons the kubelet only gives once a retry did not help
 * (ErrImagePull alone may be a registry hiccup, retried as ImagePullBackOff).
 */
const STUCK_WAITING = {
    ImagePullBackOff: 'image',
    InvalidImageName: 'image',
    ErrImageNeverPull: 'image',
    CreateContainerConfigError: 'secrets',
};
function podProblem(pod, gpuResource) {
    return unschedulable(pod, gpuResource) ?? stuckContainer(pod);
}
function unschedulable(pod, gpuResource) {
    const scheduled = pod.status?.conditions?.find((condition) => condition.type === 'PodScheduled');
    if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable')
        return undefined;
    const message = scheduled.message ?? '';
    const asked = [
        [gpuResource, 'gpus'],
        ['cpu', 'cpus'],
        ['memory', 'memory'],
    ];
    const lacking = asked.find(([resource]) => message.includes(`Insufficient ${resource}`));
    // Other reasons (a node selector or taint nothing matches yet) may be fixed by an autoscaler: the run waits, under its timeout.
    if (lacking === undefined)
        return undefined;
    const [resource, input] = lacking;
    return {
        input,
        message: `no node of the cluster can give pod ${pod.metadata?.name ?? ''} the ${resource} it asks for (the scheduler says: ${message}). Ask for less, or run where nodes have it (node-selector, tolerations, another cluster).`,
    };
}
function stuckContainer(pod) {
    for (const status of pod.status?.containerStatuses ?? []) {
        const waiting = status.state?.waiting;
        const input = waiting?.reason !== undefined ? STUCK_WAITING[waiting.reason] : undefined;
        if (input === undefined)
            continue;
        return { input, message: `pod ${pod.metadata?.name ?? ''} cannot start its container: ${waiting.reason}${waiting.message ? ` (${waiting.message})` : ''}.` };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/container/kubernetes/manifests.ts
/** The one container of every pod; logs are read from it by this name. */
const CONTAINER_NAME = 'train';
/** On everything the step creates, so a leftover is easy to find (`kubectl get jobs -l app.kubernetes.io/managed-by=mlops-ci`). */
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const MANAGED_BY = 'mlops-ci';
/** The annotation the Job controller sets on every pod of an Indexed Job. */
const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** The label the Job controller sets on its pods, with the Job's uid: what the Service and the watches select on. */
const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
/** `<outputsUrl><job-name>/`: a fresh prefix per run under the base the user gave. */
function outputsUrlOf(run) {
    const base = run.target.outputsUrl;
    if (base === undefined)
        return undefined;
    return `${base.endsWith('/') ? base : `${base}/`}${run.name}/`;
}
function secretNameOf(run) {
    return `${run.name}-env`;
}
/** The headless Service is named as its Job: pod 0 is then `<job>-0.<job>`. */
function serviceNameOf(run) {
    return run.name;
}
/**
 * The Job, suspended: no pod starts before the Secret and Service it refers
 * to exist (they need the Job's uid for their owner reference, so they can
 * only be made after it); the runtime then lifts `suspend`.
 */
function jobManifest(run) {
    const { target } = run;
    const indexed = target.workers > 1;
    return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: run.name, namespace: run.namespace, ...objectMeta(target) },
        spec: {
            suspend: true,
            backoffLimit: target.retries,
            ttlSecondsAfterFinished: target.ttlSecondsAfterFinished,
            ...(run.timeoutSeconds !== undefined ? { activeDeadlineSeconds: Math.ceil(run.timeoutSeconds) } : {}),
            ...(indexed ? { completionMode: 'Indexed', completions: target.workers, parallelism: target.workers } : { completions: 1, parallelism: 1 }),
            template: {
                metadata: objectMeta(target),
                spec: podSpec(run, indexed),
            },
        },
    };
}
function podSpec(run, indexed) {
    const { target } = run;
    return {
        // The Job controller makes a new pod for a retry; the kubelet restarting a container in place would hide the failure.
        restartPolicy: 'Never',
        containers: [container(run, indexed)],
        ...(indexed ? { subdomain: serviceNameOf(run) } : {}),
        ...(target.serviceAccount !== undefined ? { serviceAccountName: target.serviceAccount } : {}),
        ...(target.imagePullSecrets.length > 0 ? { imagePullSecrets: target.imagePullSecrets.map((name) => ({ name })) } : {}),
        ...(target.nodeSelector.size > 0 ? { nodeSelector: Object.fromEntries(target.nodeSelector) } : {}),
        ...(target.tolerations.length > 0 ? { tolerations: target.tolerations.map((toleration) => ({ ...toleration })) } : {}),
        ...(target.volumes.length > 0
            ? { volumes: target.volumes.map((volume, index) => ({ name: volumeName(index), persistentVolumeClaim: { claimName: volume.claim, readOnly: volume.readOnly } })) }
            : {}),
    };
}
function container(run, indexed) {
    const { target } = run;
    const limits = resourceQuantities(run);
    return {
        name: CONTAINER_NAME,
        image: run.image,
        // `args`, not `command`: as with `docker run <image> <argv>`, the image's entrypoint still runs.
        args: run.command.kind === 'shell' ? ['/bin/sh', '-c', run.command.script] : [...run.command.argv],
        env: envVars(run, indexed),
        // Requests equal to limits: the scheduler reserves exactly what the run may use (and GPUs allow nothing else).
        ...(Object.keys(limits).length > 0 ? { resources: { requests: limits, limits } } : {}),
        ...(target.volumes.length > 0
            ? { volumeMounts: target.volumes.map((volume, index) => ({ name: volumeName(index), mountPath: volume.mountPath, readOnly: volume.readOnly })) }
            : {}),
    };
}
function resourceQuantities(run) {
    const quantities = {};
    if (run.cpus !== undefined)
        quantities['cpu'] = String(run.cpus);
    if (run.memoryBytes !== undefined)
        quantities['memory'] = String(run.memoryBytes);
    if (run.gpus !== undefined && run.gpus > 0)
        quantities[run.target.gpuResource] = String(run.gpus);
    return quantities;
}
/** Plain variables first, then the secret ones by reference, then what the step itself tells the command (which wins). */
function envVars(run, indexed) {
    const vars = new Map();
    for (const [name, value] of run.env)
        vars.set(name, { name, value });
    for (const name of run.secretEnv.keys())
        vars.set(name, { name, valueFrom: { secretKeyRef: { name: secretNameOf(run), key: name } } });
    const { dataUrl } = run.target;
    if (dataUrl !== undefined)
        vars.set('MLOPS_DATA_URL', { name: 'MLOPS_DATA_URL', value: dataUrl });
    const outputsUrl = outputsUrlOf(run);
    if (outputsUrl !== undefined)
        vars.set('MLOPS_OUTPUT_URL', { name: 'MLOPS_OUTPUT_URL', value: outputsUrl });
    if (indexed)
        for (const variable of rendezvousEnv(run))
            vars.set(variable.name, variable);
    return [...vars.values()];
}
/**
 * torchrun/DDP's rendezvous: pod 0 is the master. An Indexed Job's pod is
 * named `<job>-<index>` as its hostname, and with `subdomain` set to the
 * headless Service it resolves as `<job>-<index>.<service>` in the namespace.
 */
function rendezvousEnv(run) {
    return [
        { name: 'MASTER_ADDR', value: `${run.name}-0.${serviceNameOf(run)}` },
        { name: 'MASTER_PORT', value: String(run.target.rendezvousPort) },
        { name: 'WORLD_SIZE', value: String(run.target.workers) },
        { name: 'RANK', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX_ANNOTATION}']` } } },
    ];
}
/** The Secret holding the `secrets` values; owned by the Job, so it goes when the Job goes. */
function secretManifest(run, owner) {
    return {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: secretNameOf(run), namespace: run.namespace, ownerReferences: [owner], ...objectMeta(run.target) },
        type: 'Opaque',
        stringData: Object.fromEntries(run.secretEnv),
    };
}
/**
 * The headless Service behind the pods' DNS names. Addresses are published
 * before readiness: the master must be resolvable while the workers start.
 */
function serviceManifest(run, owner, jobUid) {
    return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: serviceNameOf(run), namespace: run.namespace, ownerReferences: [owner], ...objectMeta(run.target) },
        spec: {
            clusterIP: 'None',
            publishNotReadyAddresses: true,
            selector: { [CONTROLLER_UID_LABEL]: jobUid },
            ports: [{ name: 'rendezvous', port: run.target.rendezvousPort, targetPort: run.target.rendezvousPort }],
        },
    };
}
/** What makes the garbage collector delete an object with its Job. */
function jobOwnerReference(job) {
    return { apiVersion: 'batch/v1', kind: 'Job', name: job.name, uid: job.uid };
}
function objectMeta(target) {
    return {
        labels: { ...Object.fromEntries(target.labels), [MANAGED_BY_LABEL]: MANAGED_BY },
        ...(target.annotations.size > 0 ? { annotations: Object.fromEntries(target.annotations) } : {}),
    };
}
function volumeName(index) {
    return `pvc-${index}`;
}

;// CONCATENATED MODULE: ./packages/core/src/container/kubernetes/job-run.ts
/**
 * One training run as a Kubernetes Job, from submission to its end:
 *
 * submit — the Job suspended, then the Secret and the Service owned by it,
 * then `suspend: false` (a failure on the way deletes the Job, and with it
 * what it owns) → watch the Job and its pods (a list, then a watch from the
 * list's resourceVersion; a dropped watch, or a 410 Gone, is a new list) →
 * follow pod 0's log live → end when the Job is Complete or Failed (exit
 * code from the failing pod's terminated container), when a pod cannot be
 * scheduled for lack of a resource the run asks for, or when it was stopped
 * (the Job deleted, and every pod gone).
 *
 * It is a `RunningCommand`, so `superviseRun` gives it the same timeout and
 * cancel handling as a container: `stop()` deletes the Job.
 */




/** Exit code reported when the Job was stopped (deadline, cancel) and no container said its own: the kubelet's SIGTERM. */
const STOPPED_EXIT_CODE = 143;
/** How long the end of pod 0's log may take to arrive after the Job ended. */
const LOG_DRAIN_MS = 2_000;
/** How long a failed Job's pods may take to show their terminated state after the Job says Failed. */
const FAILED_POD_WAIT_MS = 3_000;
/** How long removal waits for the pods of a deleted Job to be gone. */
const POD_GONE_TIMEOUT_MS = 60_000;
/** Stands in for the Job's uid in a dry run's owner references: the Job is not created, so it has none. */
const DRY_RUN_UID = '00000000-0000-0000-0000-000000000000';
/**
 * Has the API server validate every object the run creates — the Job, and
 * the Secret and Service when the run has them — without storing any (a
 * server-side dry run: admission, defaulting, validation and RBAC, as for
 * the real create), so what it would refuse, a missing permission included,
 * is found while planning, before an image is built or anything is created.
 */
async function dryRunObjects(connection, run) {
    const { batch, core } = connection;
    const { namespace } = run;
    const explained = (resource) => (err) => {
        throw explainApiError(err, { verb: 'create', resource, namespace }, connection.server);
    };
    await batch.createNamespacedJob({ namespace, body: jobManifest(run), dryRun: 'All' }).catch(explained('jobs.batch'));
    const owner = jobOwnerReference({ name: run.name, uid: DRY_RUN_UID });
    if (run.secretEnv.size > 0)
        await core.createNamespacedSecret({ namespace, body: secretManifest(run, owner), dryRun: 'All' }).catch(explained('secrets'));
    if (run.target.workers > 1)
        await core.createNamespacedService({ namespace, body: serviceManifest(run, owner, DRY_RUN_UID), dryRun: 'All' }).catch(explained('services'));
}
class KubeJobRun {
    connection;
    run;
    onLine;
    hooks;
    exited;
    result;
    job;
    jobGone = false;
    pods = new Map();
    /** A pods list succeeded: until one does, `pods` being empty says nothing about the cluster. */
    podsListed = false;
    /** The pods could not be listed or watched, for good (403, or failing again and again). */
    podsUnwatchable = false;
    /** `suspend: false` was sent and not refused: until then the Job can have no pod. */
    unsuspended = false;
    uid;
    stopRequested = false;
    /** The Job ended Complete or Failed by itself: it stays for inspection until its TTL. */
    endedOnItsOwn = false;
    deleted = false;
    closed = false;
    /** Waiting for pod 0's log to end before settling. */
    draining = false;
    /** Waiting for a failed Job's pods to show their exit codes. */
    awaitingFailedPods = false;
    loops = [];
    followed;
    settle;
    fail;
    waiters = [];
    constructor(connection, run, onLine, hooks = {}) {
        this.connection = connection;
        this.run = run;
        this.onLine = onLine;
        this.hooks = hooks;
        this.exited = new Promise((resolve, reject) => {
            this.settle = resolve;
            this.fail = reject;
        });
        this.exited.catch(() => undefined);
        void this.begin().catch((err) => this.fail(err instanceof Error ? err : new Error(String(err))));
    }
    /** How the run ended; undefined until `exited` resolved. */
    get outcome() {
        return this.result;
    }
    /** Deletes the Job (its pods, Secret and Service go with it); `exited` resolves once every pod is gone. */
    async stop() {
        this.stopRequested = true;
        // superviseRun calls stop() until the run has ended: one successful delete is enough.
        if (this.uid !== undefined && !this.deleted) {
            await this.deleteJob();
            this.deleted = true;
        }
        this.evaluate();
    }
    /**
     * After the run: a Job that did not end on its own (stopped, refused a
     * pod, or the step failed while watching) is deleted and its pods waited
     * for; a finished one stays for `ttl-after-finished`, to be inspected.
     */
    async remove() {
        try {
            if (!this.endedOnItsOwn && this.uid !== undefined) {
                await this.deleteJob();
                // A Job deleted while still suspended never had a pod: there is nothing to wait for, or to leave unverified.
                if (this.unsuspended)
                    await this.waitForPods(() => this.pods.size === 0, `the pods of Job ${this.run.name} were not gone ${POD_GONE_TIMEOUT_MS / 1000} s after it was deleted`);
            }
            else if (this.result?.deadlineExceeded) {
                // At its deadline the Job controller deletes the pods still running: the step ends when they are gone, as after its own timeout.
                await this.waitForPods(() => ![...this.pods.values()].some(isActive), `pods of Job ${this.run.name} were still running ${POD_GONE_TIMEOUT_MS / 1000} s after its deadline`);
            }
        }
        finally {
            this.close();
        }
    }
    /** The last `lines` lines of a pod's log ('' when it cannot be read). */
    async tailOf(pod, lines) {
        const text = await this.connection.core.readNamespacedPodLog({ name: pod, namespace: this.run.namespace, container: CONTAINER_NAME, tailLines: lines }).catch(() => '');
        return typeof text === 'string' ? text.replace(/\n$/, '') : '';
    }
    async begin() {
        const uid = await this.submit();
        if (this.stopRequested)
            await this.deleteJob();
        const selector = `${CONTROLLER_UID_LABEL}=${uid}`;
        this.loops.push(new ListWatch(this.connection, 'job', `/apis/batch/v1/namespaces/${this.run.namespace}/jobs`, { fieldSelector: `metadata.name=${this.run.name}` }, this.hooks, {
            list: async () => {
                const list = await this.connection.batch.listNamespacedJob({ namespace: this.run.namespace, fieldSelector: `metadata.name=${this.run.name}` });
                return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
            },
            reset: (items) => {
                const mine = items.find((job) => job.metadata?.uid === uid);
                this.job = mine;
                this.jobGone = mine === undefined;
                this.evaluate();
            },
            apply: (type, job) => {
                if (job.metadata?.uid !== uid)
                    return;
                this.job = job;
                if (type === 'DELETED')
                    this.jobGone = true;
                this.evaluate();
            },
            action: this.action('watch', 'jobs.batch'),
            onFatal: (err) => this.abandon(err),
        }), new ListWatch(this.connection, 'pods', `/api/v1/namespaces/${this.run.namespace}/pods`, { labelSelector: selector }, this.hooks, {
            list: async () => {
                const list = await this.connection.core.listNamespacedPod({ namespace: this.run.namespace, labelSelector: selector });
                return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
            },
            reset: (items) => {
                this.pods.clear();
                for (const pod of items)
                    this.pods.set(pod.metadata?.name ?? '', pod);
                this.podsListed = true;
                this.evaluate();
            },
            apply: (type, pod) => {
                const name = pod.metadata?.name ?? '';
                if (type === 'DELETED')
                    this.pods.delete(name);
                else
                    this.pods.set(name, pod);
                this.evaluate();
            },
            action: this.action('watch', 'pods'),
            onFatal: (err) => {
                this.podsUnwatchable = true;
                this.abandon(this.podsListed ? err : new Error(`${err.message} — ${this.unverifiedPods()}`, { cause: err }));
                this.evaluate();
            },
        }));
        for (const loop of this.loops)
            await loop.start();
    }
    /** Creates the objects; returns the Job's uid. Nothing is left behind when one of them is refused. */
    async submit() {
        const { batch, core } = this.connection;
        const { namespace } = this.run;
        const created = await batch.createNamespacedJob({ namespace, body: jobManifest(this.run) }).catch((err) => {
            throw explainApiError(err, this.action('create', 'jobs.batch'), this.connection.server);
        });
        const uid = created.metadata?.uid;
        if (uid === undefined)
            throw new Error(`the API server created Job ${this.run.name} without a uid`);
        this.uid = uid;
        try {
            const owner = jobOwnerReference({ name: this.run.name, uid });
            if (this.run.secretEnv.size > 0) {
                await core.createNamespacedSecret({ namespace, body: secretManifest(this.run, owner) }).catch((err) => {
                    throw explainApiError(err, this.action('create', 'secrets'), this.connection.server);
                });
            }
            if (this.run.target.workers > 1) {
                await core.createNamespacedService({ namespace, body: serviceManifest(this.run, owner, uid) }).catch((err) => {
                    throw explainApiError(err, this.action('create', 'services'), this.connection.server);
                });
            }
            const { k8s } = this.connection;
            // Counted as sent before the answer: a patch whose answer was lost may still have started pods.
            this.unsuspended = true;
            await batch
                .patchNamespacedJob({ name: this.run.name, namespace, body: { spec: { suspend: false } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch))
                .catch((err) => {
                const code = statusCodeOf(err);
                // The server answered no (403, 422…): the Job stayed suspended.
                if (code !== undefined && code >= 400 && code < 500)
                    this.unsuspended = false;
                throw explainApiError(err, this.action('patch', 'jobs.batch'), this.connection.server);
            });
        }
        catch (err) {
            // The Job owns whatever was made: deleting it takes them too.
            await this.deleteJob().catch(() => undefined);
            throw err;
        }
        return uid;
    }
    async deleteJob() {
        await this.connection.batch.deleteNamespacedJob({ name: this.run.name, namespace: this.run.namespace, propagationPolicy: 'Background' }).catch((err) => {
            if (statusCodeOf(err) === 404)
                return;
            throw explainApiError(err, this.action('delete', 'jobs.batch'), this.connection.server);
        });
    }
    /** Decides, after every change seen, whether the run has ended, and follows pod 0's log. */
    evaluate() {
        for (const waiter of this.waiters)
            waiter();
        if (this.result !== undefined || this.draining || this.awaitingFailedPods || this.uid === undefined)
            return;
        this.followPodZero();
        if (this.stopRequested) {
            // No pod left counts only once the pods were listed: an empty map before that knows nothing.
            if (this.jobGone && this.podsListed && this.pods.size === 0)
                this.finish(this.stoppedResult(false));
            return;
        }
        const refusal = this.podThatWillNotRun();
        if (refusal !== undefined)
            return this.abandon(refusal);
        if (this.jobGone)
            return this.abandon(new Error(`Job ${this.run.name} was deleted in namespace ${this.run.namespace} while it ran, by someone else`));
        const condition = this.job?.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
        if (condition?.type === 'Complete')
            this.finish(this.successResult());
        else if (condition?.type === 'Failed')
            this.finishFailed(condition.reason === 'DeadlineExceeded');
    }
    /** A pod that will never run (see pod-status.ts): waiting for the Job would only wait for the timeout. */
    podThatWillNotRun() {
        for (const pod of this.pods.values()) {
            const problem = podProblem(pod, this.run.target.gpuResource);
            if (problem !== undefined)
                return new Error(`input '${problem.input}': ${problem.message} The Job was deleted, with its pods.`);
        }
        return undefined;
    }
    followPodZero() {
        const pod = this.podZero();
        const name = pod?.metadata?.name;
        if (pod === undefined || name === undefined || this.followed?.pod === name)
            return;
        const phase = pod.status?.phase;
        if (phase !== 'Running' && phase !== 'Succeeded' && phase !== 'Failed')
            return;
        // A retry replaces pod 0: its log is the one to follow now.
        this.followed?.abort?.abort();
        const followed = { pod: name, abort: undefined, ended: false };
        this.followed = followed;
        const stream = lineWriter(this.onLine, () => {
            followed.ended = true;
            this.evaluate();
        });
        new this.connection.k8s.Log(this.connection.config)
            .log(this.run.namespace, name, CONTAINER_NAME, stream, { follow: true })
            .then((abort) => {
            followed.abort = abort;
            // The run ended while the log request was on its way: a followed log would otherwise stay open.
            if (this.closed || this.result !== undefined || this.followed !== followed)
                abort.abort();
        })
            .catch(() => {
            // A log that cannot be read (the pod went, or no permission) must not end the run: its end is the Job's.
            followed.ended = true;
        });
    }
    /** The newest pod of index 0 (the only pod of a one-worker Job). */
    podZero() {
        const candidates = [...this.pods.values()].filter((pod) => (pod.metadata?.annotations?.[COMPLETION_INDEX_ANNOTATION] ?? '0') === '0' && pod.metadata?.deletionTimestamp === undefined);
        return candidates.sort((a, b) => timeOf(b.metadata?.creationTimestamp) - timeOf(a.metadata?.creationTimestamp))[0];
    }
    successResult() {
        const pod = this.podZero() ?? [...this.pods.values()][0];
        return { exitCode: 0, pod: pod?.metadata?.name ?? '', node: pod?.spec?.nodeName ?? '', deadlineExceeded: false, failedPods: [] };
    }
    finishFailed(deadlineExceeded) {
        const failed = this.failedPods();
        if (failed.length > 0 || deadlineExceeded)
            return this.finish(failed.length > 0 ? failedResult(failed, deadlineExceeded) : this.stoppedResult(true));
        // The Job said Failed before its pod's last update arrived: give the pod watch a moment.
        this.awaitingFailedPods = true;
        setTimeout(() => {
            this.awaitingFailedPods = false;
            const late = this.failedPods();
            this.finish(late.length > 0 ? failedResult(late, false) : { ...this.stoppedResult(false), exitCode: 1 });
        }, FAILED_POD_WAIT_MS).unref();
    }
    stoppedResult(deadlineExceeded) {
        const failed = this.failedPods();
        if (failed.length > 0)
            return failedResult(failed, deadlineExceeded);
        const pod = this.podZero();
        return { exitCode: STOPPED_EXIT_CODE, pod: pod?.metadata?.name ?? '', node: pod?.spec?.nodeName ?? '', deadlineExceeded, failedPods: [] };
    }
    /** Pods whose container ended with a non-zero code, the first to end first. */
    failedPods() {
        return [...this.pods.values()]
            .filter((pod) => (terminatedOf(pod)?.exitCode ?? 0) !== 0)
            .sort((a, b) => timeOf(terminatedOf(a)?.finishedAt) - timeOf(terminatedOf(b)?.finishedAt));
    }
    /** Ends the run once pod 0's log has drained (or a moment has passed: a log stream does not always end with its pod). */
    finish(result) {
        if (this.result !== undefined || this.draining)
            return;
        const followed = this.followed;
        if (followed === undefined || followed.ended)
            return this.conclude(result);
        this.draining = true;
        const timer = setTimeout(() => this.conclude(result), LOG_DRAIN_MS);
        timer.unref();
        this.waiters.push(() => {
            if (!followed.ended)
                return;
            clearTimeout(timer);
            this.conclude(result);
        });
    }
    conclude(result) {
        if (this.result !== undefined)
            return;
        this.result = result;
        this.endedOnItsOwn = !this.stopRequested;
        this.followed?.abort?.abort();
        this.settle(result.exitCode);
    }
    /** The run cannot go on: `exited` rejects, and `remove()` deletes the Job. */
    abandon(err) {
        if (this.result !== undefined)
            return;
        this.result = { exitCode: 1, pod: '', node: '', deadlineExceeded: false, failedPods: [] };
        this.fail(err);
    }
    /**
     * Waits until the pods are as `done` wants them. Never fails open: an
     * empty map means no pod only once a pods list succeeded, and only while
     * the pods are still watched; otherwise the error says they are unverified.
     */
    async waitForPods(done, message) {
        if (this.podsUnwatchable)
            throw new Error(this.unverifiedPods());
        await this.waitUntil(() => this.podsListed && done(), POD_GONE_TIMEOUT_MS, this.podsListed ? message : this.unverifiedPods());
    }
    unverifiedPods() {
        const why = this.podsListed ? 'could no longer be watched' : 'could never be listed';
        return `the pods of Job ${this.run.name} ${why}, so whether any is still running is unverified: check with kubectl get pods -n ${this.run.namespace} -l ${CONTROLLER_UID_LABEL}=${this.uid ?? '?'}`;
    }
    waitUntil(done, timeoutMs, message) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(message)), timeoutMs);
            const check = () => {
                if (!done())
                    return;
                clearTimeout(timer);
                this.waiters = this.waiters.filter((waiter) => waiter !== check);
                resolve();
            };
            this.waiters.push(check);
            check();
        });
    }
    close() {
        this.closed = true;
        for (const loop of this.loops)
            loop.close();
        this.followed?.abort?.abort();
    }
    action(verb, resource) {
        return { verb, resource, namespace: this.run.namespace };
    }
}
/** A pod not yet in a final phase: it may still be running the command. */
function isActive(pod) {
    return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}
function failedResult(failed, deadlineExceeded) {
    const first = failed[0];
    return {
        exitCode: terminatedOf(first)?.exitCode ?? 1,
        pod: first.metadata?.name ?? '',
        node: first.spec?.nodeName ?? '',
        deadlineExceeded,
        failedPods: failed.map((pod) => pod.metadata?.name ?? ''),
    };
}
function terminatedOf(pod) {
    const status = pod.status?.containerStatuses?.find((c) => c.name === CONTAINER_NAME);
    return status?.state?.terminated ?? undefined;
}
function timeOf(date) {
    return date === undefined ? 0 : new Date(date).getTime();
}
/** A writable that hands each complete line to `onLine` (a progress bar's carriage returns keep its last state). */
function lineWriter(onLine, onEnd) {
    let rest = '';
    const emit = (line) => {
        const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
        onLine(trimmed.slice(trimmed.lastIndexOf('\r') + 1));
    };
    return new external_node_stream_.Writable({
        write(chunk, _encoding, callback) {
            const parts = (rest + chunk.toString()).split('\n');
            rest = parts.pop() ?? '';
            for (const part of parts)
                emit(part);
            callback();
        },
        final(callback) {
            if (rest !== '')
                emit(rest);
            rest = '';
            onEnd();
            callback();
        },
    }).on('close', onEnd);
}
/** Consecutive failed lists tolerated (a restarting API server) before the run is given up. */
const MAX_LIST_FAILURES = 8;
/** Consecutive watches that failed before delivering any event, tolerated before the run is given up. */
const MAX_WATCH_FAILURES = 8;
/**
 * List, then watch from the list's resourceVersion; whenever the watch ends
 * (the server closed it, the connection dropped, or the server said 410 Gone
 * because that version is too old) list again: the list is the truth, so
 * whatever happened while no watch was open is never missed.
 */
class ListWatch {
    connection;
    kind;
    path;
    params;
    hooks;
    source;
    closed = false;
    abort;
    failures = 0;
    /** Watches that failed without delivering an event since the last that did: a good list alone does not reset it. */
    watchFailures = 0;
    constructor(connection, kind, path, params, hooks, 
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop serves Jobs and pods
    source) {
        this.connection = connection;
        this.kind = kind;
        this.path = path;
        this.params = params;
        this.hooks = hooks;
        this.source = source;
    }
    async start() {
        await this.listAndWatch();
    }
    close() {
        this.closed = true;
        this.abort?.abort();
    }
    async listAndWatch() {
        while (!this.closed) {
            let resourceVersion;
            try {
                this.hooks.onList?.(this.kind);
                const { items, resourceVersion: version } = await this.source.list();
                this.source.reset(items);
                resourceVersion = version;
                this.failures = 0;
            }
            catch (err) {
                const code = statusCodeOf(err);
                if (code === 401 || code === 403 || ++this.failures > MAX_LIST_FAILURES) {
                    return this.source.onFatal(explainApiError(err, { ...this.source.action, verb: 'list' }, this.connection.server));
                }
                await job_run_sleep(Math.min(200 * 2 ** this.failures, 5_000));
                continue;
            }
            if (this.closed)
                return;
            let ended = false;
            const abort = await new this.connection.k8s.Watch(this.connection.config).watch(this.path, { ...this.params, resourceVersion, allowWatchBookmarks: true }, (type, item) => {
                // ERROR carries a Status (410 Gone: the version is too old); the server then ends the watch, and the end re-lists.
                if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')
                    this.source.apply(type, item);
                if (type !== 'ERROR')
                    this.watchFailures = 0;
            }, (err) => {
                if (ended || this.closed)
                    return;
                ended = true;
                const code = statusCodeOf(err);
                if (code === 401 || code === 403)
                    return this.source.onFatal(explainApiError(err, this.source.action, this.connection.server));
                // A watch the server closed in good order is routine; one failing again and again, even between good lists, is not.
                if (err !== null && err !== undefined && ++this.watchFailures > MAX_WATCH_FAILURES) {
                    const reason = err instanceof Error ? err.message : String(err);
                    return this.source.onFatal(new Error(`the watch to ${this.source.action.verb} ${this.source.action.resource} in namespace ${this.source.action.namespace} failed ${this.watchFailures} times in a row (last: ${reason}): giving up`, { cause: err }));
                }
                void job_run_sleep(Math.min(100 * 2 ** this.watchFailures, 5_000)).then(() => this.listAndWatch());
            });
            this.abort = abort;
            if (this.closed)
                abort.abort();
            this.hooks.onWatch?.(this.kind, () => abort.abort());
            return;
        }
    }
}
function job_run_sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./packages/core/src/data/safe-path.ts
var safe_path = __webpack_require__(51561);
// EXTERNAL MODULE: ./packages/core/src/storage/location.ts
var storage_location = __webpack_require__(3328);
// EXTERNAL MODULE: ./packages/core/src/storage/open.ts
var storage_open = __webpack_require__(55755);
;// CONCATENATED MODULE: ./packages/core/src/container/kubernetes/outputs.ts
/**
 * Brings what the pods wrote under the run's outputs prefix back to the
 * runner, with the project's S3 store (the SDK is loaded only now): the
 * files land in the staging folder, which the step moves into `outputs` only
 * when the run succeeded, as after a container run.
 */







/** Downloads every object under `url` (an `s3://bucket/prefix/`) into `folder`; returns how many files. */
async function downloadOutputs(url, folder, place) {
    // Checked while planning (`planKubernetes` takes s3:// only): a refusal here would be a bug, hence a plain error.
    const { store, prefix } = (0,storage_open/* openStore */.C)((0,storage_location/* parseLocation */.zS)(url, { base: place.cwd }), { env: place.env });
    const guard = new safe_path/* DestinationGuard */.q2();
    let count = 0;
    for await (const object of store.list(prefix)) {
        const relpath = object.key.slice(prefix.length);
        const unsafe = (0,safe_path/* unsafeRelpath */.to)(relpath);
        if (unsafe !== undefined)
            throw new Error(`refusing to download ${url}${relpath}: its path below the prefix ${unsafe}`);
        guard.check(folder, relpath);
        const file = external_node_path_default().join(folder, ...relpath.split('/'));
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        await (0,external_node_stream_promises_.pipeline)(await store.read(object.key), (0,external_node_fs_.createWriteStream)(file));
        count++;
    }
    return count;
}

// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(44158);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
// EXTERNAL MODULE: ./packages/core/src/records/step-records.ts
var step_records = __webpack_require__(87011);
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
    const { baseImages } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(828)]).then(__webpack_require__.bind(__webpack_require__, 10828));
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

;// CONCATENATED MODULE: ./packages/core/src/steps/train-in-container/prepare.ts
/**
 * What a run prepares before it starts, whichever runtime runs it: the image
 * (resolved, or built unless unchanged, and pushed) and the run's name.
 */




/** Label on every container and built image, to find them (and any leftover) by. */
const LABEL = 'io.mlops-ci.step';
/** Log lines repeated in the error when the command fails (per failing pod on Kubernetes). */
const TAIL_LINES = 30;
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
/** The metrics file the run left in `outputs`, or '' when it left none. */
async function findMetrics(inputs) {
    if (!inputs.outputs)
        return '';
    const file = external_node_path_default().join(inputs.outputs, inputs.metricsFile);
    const info = await (0,promises_.stat)(file).catch(() => undefined);
    return info?.isFile() ? file : '';
}
/**
 * The outputs every runtime reports. A failed run moved nothing into
 * outputs, so a metrics file there is an earlier run's and is not reported.
 */
async function runOutputs(inputs, outcome, image, succeeded) {
    return {
        'exit-code': String(outcome.exitCode),
        'duration-seconds': outcome.durationSeconds.toFixed(3),
        'image-id': image.id,
        'image-digest': image.digest,
        outputs: inputs.outputs ?? '',
        metrics: succeeded ? await findMetrics(inputs) : '',
    };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/train-in-container/kubernetes.ts
/**
 * train-in-container with `runtime: kubernetes`: the training runs as a Job
 * on a cluster, with the same inputs, outputs, logs, timeout and cancel
 * semantics as a container run.
 *
 * The story: connect (kubeconfig, context, namespace) → pin the image (a tag
 * resolved to its registry digest; a Dockerfile built and pushed by Docker,
 * as the Docker path does) → submit the Job and watch it under superviseRun
 * (the timeout and SIGTERM/SIGINT delete the Job, and the step waits until
 * no pod is left) with pod 0's log streamed live → on success, download the
 * run's outputs prefix into a staging folder and move it into `outputs` →
 * return the outputs, failed (exit 1) with the failing pods' last log lines
 * when the Job failed.
 */














/** At most this many failing pods have their log tail in the error (a 100-worker Job can fail everywhere at once). */
const TAILED_PODS = 3;
/**
 * Job names are DNS-1123 labels, and an Indexed Job's pods are named
 * `<job>-<index>` as their hostname (63 at most), so the name leaves room for the index.
 */
const MAX_JOB_NAME = 52;
async function runOnKubernetes(inputs, target, host) {
    const connection = await connectionFor(target, host);
    host.info(`Cluster ${connection.server}, namespace ${connection.namespace} (from ${connection.source})`);
    const image = await host.group('Get the image', () => pinnedImage(inputs, host));
    const run = kubeRun(inputs, target, connection.namespace, image.digest, jobName(host));
    const outputsUrl = outputsUrlOf(run);
    const staged = inputs.outputs !== null && outputsUrl !== undefined ? await StagedOutputs.create(inputs.outputs) : null;
    let settled = false;
    try {
        let job;
        const outcome = await host.group(`Train (kubernetes, Job ${run.name} in namespace ${run.namespace})`, () => superviseRun({
            start: (_run, onLine) => (job = new KubeJobRun(connection, run, onLine)),
            remove: async () => job?.remove(),
        }, run, {
            ...(inputs.timeoutSeconds !== undefined ? { timeoutSeconds: inputs.timeoutSeconds } : {}),
            // The error repeats the failing pods' log tails, read from the cluster (tailsOf), not pod 0's stream.
            onLine: (line) => host.info(line),
            onQuiet: (elapsed) => host.info(`[mlops-ci] Job ${run.name} still running after ${elapsed} s, no output in the last minute`),
        }));
        const result = job?.outcome;
        const failure = await failureOf(outcome, job, inputs);
        if (staged && outputsUrl !== undefined) {
            if (failure === null) {
                await host.group(`Download the outputs from ${outputsUrl}`, () => fetchOutputs(outputsUrl, staged, host));
                await staged.commit();
            }
            else
                await staged.discard();
            settled = true;
        }
        const outputs = {
            ...(await runOutputs(inputs, outcome, image, failure === null)),
            'job-name': run.name,
            namespace: run.namespace,
            pod: result?.pod ?? '',
            node: result?.node ?? '',
        };
        await host.appendSummary(kubernetes_summary(inputs, run, outputs, failure === null));
        if (failure !== null)
            return { outputs, failure: { kind: 'failed', message: failure } };
        host.info(`Job ${run.name} completed after ${outcome.durationSeconds.toFixed(1)} s.`);
        return { outputs };
    }
    finally {
        if (staged && !settled)
            await staged.discard().catch((err) => host.warning(`could not remove the staging folder ${staged.folder}: ${err.message}`));
    }
}
/**
 * Planning's last check: the API server validates the Job, and the Secret
 * and Service the run makes beside it, as the inputs make them (a dry run,
 * nothing stored). A value only the server refuses, such as a label it
 * reserves, or a namespace that does not exist, is then bad input (exit 2)
 * naming the input, found before an image is built or pushed; so is a
 * missing permission to create them, or a cluster that does not answer
 * (exit 1, nothing done).
 */
async function checkWithCluster(inputs, target, host) {
    const connection = await connectionFor(target, host);
    // The image is pinned later (a tag resolved, a Dockerfile built): any reference of the same shape validates alike.
    const image = inputs.image.kind === 'reference' ? inputs.image.ref : `${inputs.image.push ? `${inputs.image.push.registry}/${inputs.image.push.repository}` : 'image'}:latest`;
    try {
        await dryRunObjects(connection, kubeRun(inputs, target, connection.namespace, image, jobName(host)));
    }
    catch (err) {
        if (err instanceof KubeRefusedError && err.input !== undefined)
            throw new errors/* InputError */.dz(err.input, err.reason, { cause: err });
        if (err instanceof Error && statusCodeOf(err.cause) === 404) {
            throw new errors/* InputError */.dz('namespace', `namespace '${connection.namespace}' does not exist on the cluster ${connection.server} (from ${connection.source})`, { cause: err });
        }
        throw err;
    }
}
/**
 * One connection per target: planning connects to dry-run the Job, and the
 * run reuses that connection (the kubeconfig is read, and the client loaded,
 * once). Keyed by the plan's own target object, so a new plan connects anew.
 */
const connections = new WeakMap();
function connectionFor(target, host) {
    let connection = connections.get(target);
    if (connection === undefined) {
        connection = connectToCluster(target, host.context.env);
        // A failed connection is not kept: the error is thrown to this caller, and a later one tries again.
        connection.catch(() => connections.delete(target));
        connections.set(target, connection);
    }
    return connection;
}
/**
 * Downloads what the pods wrote under the run's prefix into the staging
 * folder. A Job that completed yet wrote nothing there most often wrote
 * elsewhere (a wrong `outputs-url`, or a training that ignores
 * MLOPS_OUTPUT_URL): warned about, with the exact prefix, so it is seen at once.
 */
async function fetchOutputs(outputsUrl, staged, host) {
    const count = await downloadOutputs(outputsUrl, staged.folder, host.context);
    if (count === 0) {
        host.warning(`the Job completed but wrote nothing under ${outputsUrl}, the prefix its pods were told as MLOPS_OUTPUT_URL (from the input 'outputs-url'): ${staged.outputs} stays empty. Check that the training writes there.`);
    }
    else
        host.info(`${count} file${count === 1 ? '' : 's'} from ${outputsUrl} into ${staged.outputs}`);
    return count;
}
/** A reference pinned to its registry digest; a Dockerfile built and pushed (the plan requires `push`: the cluster must pull it). */
async function pinnedImage(inputs, host) {
    const source = inputs.image;
    if (source.kind === 'reference') {
        const digest = await pinImage(source.ref);
        host.info(`Image ${source.ref}: ${digest}`);
        return { id: '', digest, repoDigests: [digest] };
    }
    const docker = createRuntime('docker', { cwd: host.context.cwd, env: host.context.env });
    return prepareImage(docker, source, host);
}
function kubeRun(inputs, target, namespace, image, name) {
    const env = new Map();
    const secretEnv = new Map();
    for (const [key, value] of inputs.env)
        (inputs.secretNames.has(key) ? secretEnv : env).set(key, value);
    // The plan took a positive count of GPUs for runtime: kubernetes.
    const gpus = inputs.resources.gpus === undefined ? undefined : Number(inputs.resources.gpus);
    return {
        name,
        namespace,
        image,
        command: inputs.command,
        env,
        secretEnv,
        ...(inputs.resources.cpus !== undefined ? { cpus: inputs.resources.cpus } : {}),
        ...(inputs.resources.memoryBytes !== undefined ? { memoryBytes: inputs.resources.memoryBytes } : {}),
        ...(gpus !== undefined ? { gpus } : {}),
        ...(inputs.timeoutSeconds !== undefined ? { timeoutSeconds: inputs.timeoutSeconds } : {}),
        target,
    };
}
/** The run's container name made a DNS-1123 label: lower case, `-` for anything else, short enough for pod hostnames. */
function jobName(host) {
    const base = containerName(host)
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-+/g, '-');
    // containerName ends with its random part: that part is kept whole, the run part before it is what gets cut.
    const cut = base.lastIndexOf('-');
    const random = base.slice(cut + 1) || (0,external_node_crypto_.randomBytes)(4).toString('hex');
    const head = base.slice(0, Math.min(cut, MAX_JOB_NAME - random.length - 1)).replace(/-+$/, '');
    return `${head}-${random}`;
}
async function failureOf(outcome, job, inputs) {
    const result = job?.outcome;
    const tails = job && result ? await tailsOf(job, result.failedPods) : '';
    if (outcome.cancelledBy)
        return `the step was cancelled (${outcome.cancelledBy}): the Job was deleted and its pods are gone${tails}`;
    if (outcome.timedOut || result?.deadlineExceeded) {
        return `the Job hit the timeout of ${inputs.timeoutSeconds ?? 0} s (activeDeadlineSeconds, and the step's own deadline): it was stopped and its pods are gone${tails}`;
    }
    if (outcome.exitCode === 0)
        return null;
    const pod = result?.pod ? ` in pod ${result.pod}${result.node ? ` on node ${result.node}` : ''}` : '';
    return `the command exited with ${outcome.exitCode}${pod} after ${outcome.durationSeconds.toFixed(1)} s${tails}`;
}
/** The last lines of the failing pods' logs, read from the cluster (pod 0's stream may not be the one that failed). */
async function tailsOf(job, pods) {
    const parts = [];
    for (const pod of pods.slice(0, TAILED_PODS)) {
        const text = await job.tailOf(pod, TAIL_LINES);
        if (text !== '')
            parts.push(`\nLast lines of the log of pod ${pod}:\n${text}`);
    }
    if (pods.length > TAILED_PODS)
        parts.push(`\n(${pods.length - TAILED_PODS} more pods failed: kubectl logs -l job-name=… shows them until the Job's TTL)`);
    return parts.join('');
}
function kubernetes_summary(inputs, run, outputs, succeeded) {
    return (0,summary/* renderStepSummary */.P)({
        step: 'train-in-container',
        outcome: succeeded ? 'ok' : 'failed',
        headline: `Job ${run.name} ${succeeded ? 'completed' : 'failed'} after ${Number(outputs['duration-seconds']).toFixed(1)} s`,
        rows: [
            ['runtime', `kubernetes (namespace ${run.namespace})`],
            ['job', { code: run.name }],
            ['workers', run.target.workers],
            ['pod', outputs['pod'] ? { code: `${outputs['pod']}${outputs['node'] ? ` on ${outputs['node']}` : ''}` } : null],
            ['image digest', { code: run.image }],
            ['command', { code: (0,redact/* redactUrlCredentials */.d)(inputs.command.kind === 'argv' ? JSON.stringify(inputs.command.argv) : inputs.command.script) }],
            ['exit code', outputs['exit-code'] ?? ''],
            ['outputs', inputs.outputs ? (succeeded ? { code: inputs.outputs } : `${inputs.outputs} (left as it was: the run failed)`) : null],
        ],
    });
}

// EXTERNAL MODULE: ./packages/core/src/container/parse.ts
var parse = __webpack_require__(81150);
// EXTERNAL MODULE: ./packages/core/src/fs-place.ts
var fs_place = __webpack_require__(52300);
;// CONCATENATED MODULE: ./packages/core/src/steps/train-in-container/kube-plan.ts
/**
 * The inputs of `runtime: kubernetes`, read and checked into a KubeTarget
 * before anything starts: a name the API server would refuse (422, after a
 * Secret or a Service may already exist) is refused here instead, naming the
 * input, with the rule it breaks.
 */





/** The inputs only `runtime: kubernetes` reads; other runtimes warn that they ignore them. */
const KUBERNETES_ONLY_INPUTS = [
    'kubeconfig',
    'kube-context',
    'namespace',
    'gpu-resource',
    'node-selector',
    'tolerations',
    'service-account',
    'image-pull-secrets',
    'labels',
    'annotations',
    'workers',
    'rendezvous-port',
    'data-url',
    'outputs-url',
    'volumes',
    'retries',
    'ttl-after-finished',
];
/** Name host folders, which a pod cannot see: given with `runtime: kubernetes`, the run could not do what they ask, so they are refused. */
const HOST_FOLDER_INPUTS = {
    data: 'give data-url (s3://bucket/prefix/), which the pods read as MLOPS_DATA_URL, or mount a claim with volumes',
    mounts: 'mount existing PersistentVolumeClaims with volumes (pvc:<claim>:<mount>[:ro]) instead',
    workdir: 'the command runs in the working directory of its image',
};
/** Tune the engine's container, not a pod: given with `runtime: kubernetes`, they are ignored with a warning, as `runtime: host` does. */
const ENGINE_ONLY_INPUTS = ['network', 'shm-size', 'user'];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** What the API server accepts as annotations on one object, keys and values together (256 KiB). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;
/**
 * The target of a Kubernetes run. Also refuses the inputs that name host
 * folders (`data`, `mounts`, `workdir`) and, with `outputs`, a missing
 * `outputs-url`: the cluster cannot write the runner's folder.
 */
function planKubernetes(reader, cwd) {
    refuseHostFolders(reader);
    if (reader.given('outputs') && !reader.given('outputs-url')) {
        throw new errors/* InputError */.dz('outputs-url', 'is required with outputs and runtime: kubernetes: the pods cannot write the runner’s folder, so they write under outputs-url (s3://bucket/prefix/) and the step downloads that into outputs');
    }
    return {
        ...optional('kubeconfig', kubeconfigFile(reader.get('kubeconfig'), cwd)),
        ...optional('context', reader.get('kube-context')),
        ...optional('namespace', optionalName('namespace', reader.get('namespace'), dnsLabelProblem)),
        gpuResource: gpuResource(reader.get('gpu-resource')),
        nodeSelector: labelPairs('node-selector', reader.get('node-selector')),
        tolerations: reader.get('tolerations').map(parseToleration),
        ...optional('serviceAccount', optionalName('service-account', reader.get('service-account'), dnsSubdomainProblem)),
        imagePullSecrets: reader.get('image-pull-secrets').map((name) => checkedName('image-pull-secrets', name, dnsSubdomainProblem)),
        labels: labelPairs('labels', reader.get('labels')),
        annotations: annotations(reader.get('annotations')),
        workers: reader.get('workers'),
        rendezvousPort: reader.get('rendezvous-port'),
        ...optional('dataUrl', s3Prefix('data-url', reader.get('data-url'), cwd)),
        ...optional('outputsUrl', s3Prefix('outputs-url', reader.get('outputs-url'), cwd)),
        volumes: pvcVolumes(reader.get('volumes')),
        retries: reader.get('retries'),
        ttlSecondsAfterFinished: ttlSeconds(reader.get('ttl-after-finished')),
    };
}
/**
 * What the host prints before the run: the inputs given that this runtime
 * does not read, and why. Told, not refused, as `runtime: host` tells what it
 * does not enforce: a workflow can keep one set of inputs and switch runtimes.
 */
function ignoredInputWarnings(reader, runtime) {
    if (runtime === 'kubernetes') {
        const ignored = ENGINE_ONLY_INPUTS.filter((name) => reader.given(name));
        if (ignored.length === 0)
            return [];
        return [`runtime: kubernetes ignores ${listOf(ignored)}: ${ignored.length === 1 ? 'it sets' : 'they set'} up a local container; a pod's network, /dev/shm and user come from the cluster and the image.`];
    }
    const ignored = KUBERNETES_ONLY_INPUTS.filter((name) => reader.given(name));
    if (ignored.length === 0)
        return [];
    return [`runtime: ${runtime} ignores ${listOf(ignored)}: ${ignored.length === 1 ? 'it applies' : 'they apply'} to runtime: kubernetes only.`];
}
function refuseHostFolders(reader) {
    for (const [name, instead] of Object.entries(HOST_FOLDER_INPUTS)) {
        if (reader.given(name))
            throw new errors/* InputError */.dz(name, `names a folder of the runner, which the pods of runtime: kubernetes cannot see: ${instead}`);
    }
}
function kubeconfigFile(text, cwd) {
    if (text === undefined)
        return undefined;
    const file = external_node_path_default().resolve(cwd, text);
    let kind;
    try {
        kind = (0,fs_place/* placeKind */.SD)(file);
    }
    catch (err) {
        throw new errors/* InputError */.dz('kubeconfig', `the path given cannot be looked up (${err.code ?? err.message})`);
    }
    if (kind !== 'file')
        throw new errors/* InputError */.dz('kubeconfig', `got ${(0,errors/* quote */.A0)(text)}: ${file} is not a file`);
    return file;
}
/**
 * An extended resource, `<domain>/<name>`: the API server takes no other
 * name for a device in a pod's limits, and `kubernetes.io` is its own.
 */
function gpuResource(name) {
    const problem = qualifiedNameProblem(name);
    if (problem !== null)
        throw new errors/* InputError */.dz('gpu-resource', `got ${(0,errors/* quote */.A0)(name)}: ${problem}`);
    const domain = name.includes('/') ? name.slice(0, name.indexOf('/')) : '';
    if (domain === '' || domain === 'kubernetes.io' || domain.endsWith('.kubernetes.io')) {
        throw new errors/* InputError */.dz('gpu-resource', `got ${(0,errors/* quote */.A0)(name)}, expected an extended resource <domain>/<name> such as nvidia.com/gpu or amd.com/gpu`);
    }
    return name;
}
/** Label pairs (`labels`, and `node-selector`, which matches node labels): keys are qualified names, values label values. */
function labelPairs(input, pairs) {
    const checked = new Map();
    for (const [key, rawValue] of pairs) {
        const value = rawValue.trim();
        const problem = qualifiedNameProblem(key) ?? labelValueProblem(value);
        if (problem !== null)
            throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(`${key}=${value}`)}: ${problem}`);
        checked.set(key, value);
    }
    return checked;
}
/** Annotation keys follow the label-key rule; their values are free text, up to the API server's total size. */
function annotations(pairs) {
    let bytes = 0;
    for (const [key, value] of pairs) {
        const problem = qualifiedNameProblem(key);
        if (problem !== null)
            throw new errors/* InputError */.dz('annotations', `the key ${(0,errors/* quote */.A0)(key)}: ${problem}`);
        bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
    }
    if (bytes > MAX_ANNOTATIONS_BYTES)
        throw new errors/* InputError */.dz('annotations', `hold ${bytes} bytes; Kubernetes takes at most ${MAX_ANNOTATIONS_BYTES} (256 KiB) of annotations on an object`);
    return pairs;
}
/**
 * One `tolerations` line, in `kubectl taint`'s notation:
 *
 *     line   = key [ "=" value ] [ ":" effect ]  |  ":" effect
 *     effect = NoSchedule | PreferNoSchedule | NoExecute
 *
 * With a value the toleration matches that value (`Equal`), without one any
 * value (`Exists`); without an effect every effect. `:NoSchedule` alone
 * tolerates every taint of that effect (no key, `Exists`).
 */
function parseToleration(line) {
    const colon = line.lastIndexOf(':');
    const effect = colon < 0 ? undefined : tolerationEffect(line, line.slice(colon + 1));
    const taint = colon < 0 ? line : line.slice(0, colon);
    if (taint === '') {
        if (effect === undefined)
            throw new errors/* InputError */.dz('tolerations', `got ${(0,errors/* quote */.A0)(line)}, expected key=value:Effect, key:Effect, key=value, key or :Effect`);
        return { operator: 'Exists', effect };
    }
    const eq = taint.indexOf('=');
    const key = eq < 0 ? taint : taint.slice(0, eq);
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem !== null)
        throw new errors/* InputError */.dz('tolerations', `${(0,errors/* quote */.A0)(line)}: the key ${(0,errors/* quote */.A0)(key)}: ${keyProblem}`);
    if (eq < 0)
        return { key, operator: 'Exists', ...optional('effect', effect) };
    const value = taint.slice(eq + 1);
    const valueProblem = labelValueProblem(value);
    if (valueProblem !== null)
        throw new errors/* InputError */.dz('tolerations', `${(0,errors/* quote */.A0)(line)}: the value: ${valueProblem}`);
    return { key, operator: 'Equal', value, ...optional('effect', effect) };
}
function tolerationEffect(line, text) {
    const effect = EFFECTS.find((known) => known === text);
    if (effect === undefined)
        throw new errors/* InputError */.dz('tolerations', `${(0,errors/* quote */.A0)(line)}: got the effect ${(0,errors/* quote */.A0)(text)}, expected ${EFFECTS.join(', ')}`);
    return effect;
}
/** `pvc:<claim>:<mount>[:ro]`, one mount path per volume. */
function pvcVolumes(lines) {
    const volumes = lines.map(parsePvcVolume);
    const seen = new Set();
    for (const volume of volumes) {
        if (seen.has(volume.mountPath))
            throw new errors/* InputError */.dz('volumes', `mount ${volume.mountPath} more than once; give each volume its own mount path`);
        seen.add(volume.mountPath);
    }
    return volumes;
}
function parsePvcVolume(line) {
    const parts = line.split(':');
    const [kind, claim, mountPath, mode, ...rest] = parts;
    const expected = `got ${(0,errors/* quote */.A0)(line)}, expected pvc:<claim>:<absolute mount path>[:ro] such as pvc:datasets:/datasets:ro`;
    if (kind !== 'pvc' || claim === undefined || mountPath === undefined || rest.length > 0 || (mode !== undefined && mode !== 'ro'))
        throw new errors/* InputError */.dz('volumes', expected);
    checkedName('volumes', claim, dnsSubdomainProblem);
    if (!external_node_path_default().posix.isAbsolute(mountPath))
        throw new errors/* InputError */.dz('volumes', `${(0,errors/* quote */.A0)(line)}: the mount path ${(0,errors/* quote */.A0)(mountPath)} is not absolute`);
    // resolve, not normalize: `/data/` and `/data` are one mount path, which the duplicate check must see.
    return { claim, mountPath: external_node_path_default().posix.resolve(mountPath), readOnly: mode === 'ro' };
}
/** `s3://bucket/prefix` checked and ending in `/` (as every S3 location does), so that `<base><job-name>/` and the keys under it never run into a sibling prefix. */
function s3Prefix(input, url, cwd) {
    if (url === undefined)
        return undefined;
    const location = (0,storage_location/* readLocation */.mb)(input, url, { base: cwd, kinds: ['s3'] });
    return location.kind === 's3' ? location.url : undefined;
}
function ttlSeconds(text) {
    const seconds = (0,parse/* parseDuration */.E9)(text);
    if (seconds === null || seconds < 1 || !Number.isInteger(seconds) || seconds > 2 ** 31 - 1) {
        throw new errors/* InputError */.dz('ttl-after-finished', `got ${(0,errors/* quote */.A0)(text)}, expected a whole number of seconds of at least 1s, such as 30m, 1h or 24h`);
    }
    return seconds;
}
function optionalName(input, name, problemOf) {
    return name === undefined ? undefined : checkedName(input, name, problemOf);
}
function checkedName(input, name, problemOf) {
    const problem = problemOf(name);
    if (problem !== null)
        throw new errors/* InputError */.dz(input, `got ${(0,errors/* quote */.A0)(name)}: ${problem}`);
    return name;
}
// Kubernetes' own rules (k8s.io/apimachinery/pkg/util/validation), each returning what is wrong or null.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** A namespace: a DNS-1123 label. */
function dnsLabelProblem(name) {
    if (name.length > 63)
        return `${name.length} characters, more than 63`;
    return DNS_LABEL.test(name) ? null : 'expected lower-case letters, digits and -, starting and ending with a letter or digit (a DNS-1123 label)';
}
/** A ServiceAccount, Secret or PersistentVolumeClaim name: a DNS-1123 subdomain. */
function dnsSubdomainProblem(name) {
    if (name.length > 253)
        return `${name.length} characters, more than 253`;
    return DNS_SUBDOMAIN.test(name) ? null : 'expected lower-case letters, digits, - and ., starting and ending with a letter or digit (a DNS-1123 subdomain)';
}
/** A label or annotation key: `[<DNS-1123 subdomain>/]<name>`, the name up to 63 letters, digits, `-`, `_` and `.`. */
function qualifiedNameProblem(key) {
    const slash = key.indexOf('/');
    const prefix = slash < 0 ? undefined : key.slice(0, slash);
    const name = slash < 0 ? key : key.slice(slash + 1);
    if (prefix !== undefined && (prefix === '' || dnsSubdomainProblem(prefix) !== null))
        return `the prefix ${(0,errors/* quote */.A0)(prefix)} before / is not a DNS-1123 subdomain such as example.com`;
    if (name.length > 63)
        return `the name is ${name.length} characters, more than 63`;
    return NAME_PART.test(name) ? null : 'expected a name of letters, digits, -, _ and ., starting and ending with a letter or digit, with an optional DNS prefix (example.com/name)';
}
/** A label value: empty, or up to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. */
function labelValueProblem(value) {
    if (value.length > 63)
        return `the value is ${value.length} characters, more than 63`;
    return value === '' || NAME_PART.test(value) ? null : 'expected a value of letters, digits, -, _ and ., starting and ending with a letter or digit';
}
/** `a`, `a and b`, `a, b and c`. */
function listOf(names) {
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
/** `{ key: value }` when the value is defined, else `{}` (exactOptionalPropertyTypes-friendly). plan.ts uses it too. */
function optional(key, value) {
    return value === undefined ? {} : { [key]: value };
}

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
    // First: it refuses the inputs naming runner folders, before those are looked up.
    const kubernetes = runtime === 'kubernetes' ? planKubernetes(reader, cwd) : null;
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
        secretNames: new Set(reader.get('secrets')),
        resources: resources(reader, runtime),
        ...optional('timeoutSeconds', timeoutSeconds(reader.get('timeout'))),
        user: user(reader.get('user')),
        kubernetes,
        warnings: ignoredInputWarnings(reader, runtime),
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
    if (runtime === 'kubernetes' && push === undefined) {
        throw new errors/* InputError */.dz('dockerfile', "needs 'push' as well with runtime: kubernetes: the cluster pulls the image from a registry, so the image built here must be pushed to one");
    }
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
function resources(reader, runtime) {
    return {
        ...optional('gpus', runtime === 'kubernetes' ? gpuCount(reader.get('gpus')) : gpus(reader.get('gpus'))),
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
/** A pod asks for a number of devices of a resource; which devices is the scheduler's choice, and `all` has no meaning on a cluster. */
function gpuCount(text) {
    if (text === undefined || /^[1-9]\d*$/.test(text))
        return text;
    throw new errors/* InputError */.dz('gpus', `got '${text}': runtime: kubernetes takes a count of GPUs per pod such as 2 (all and device ids are for docker and podman)`);
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









/** Reads the inputs; a Kubernetes run also has the API server validate its Job (a dry run), so a refusal is bad input. */
async function plan(reader, host) {
    const planned = planTrain(reader, host);
    if (planned.kubernetes !== null)
        await checkWithCluster(planned, planned.kubernetes, host);
    return planned;
}
async function run(inputs, host) {
    for (const warning of inputs.warnings)
        host.warning(warning);
    // A Job on a cluster is no ContainerRuntime: no local container, mounts or staging mount.
    if (inputs.kubernetes !== null)
        return runOnKubernetes(inputs, inputs.kubernetes, host);
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
        const failure = train_in_container_failureOf(outcome, inputs, tail);
        if (staged) {
            await settleOutputs(staged, runtime, image, inputs, failure === null);
            settled = true;
        }
        const outputs = await runOutputs(inputs, outcome, image, failure === null);
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
function train_in_container_failureOf(outcome, inputs, tail) {
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
