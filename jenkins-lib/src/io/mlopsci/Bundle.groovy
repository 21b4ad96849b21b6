package io.mlopsci

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonSlurperClassic
import java.security.MessageDigest

/**
 * The mlops-ci bundle as this library ships it: resources under io/mlopsci/dist/, listed by
 * manifest.json (a JSON array of file names, the entry mlops-ci.mjs among them).
 *
 * materialize() copies it onto the agent, into the build's temp area, so that
 * `node <dir>/mlops-ci.mjs <step>` can run it. The chunks are ESM `.js` files, so the
 * directory gets a package.json with {"type": "module"} beside them.
 */
class Bundle implements Serializable {

    static final String RESOURCE_DIR = 'io/mlopsci/dist/'
    static final String MANIFEST = 'manifest.json'
    static final String ENTRY = 'mlops-ci.mjs'
    static final String PACKAGE_JSON = '{"type":"module"}\n'
    static final String UTF_8 = 'UTF-8'
    static final String BASE64 = 'Base64'

    /** Written last: its presence says every file of this bundle version is in place. */
    static final String COMPLETE_MARKER = '.mlops-ci-complete'

    /** Resources read and written as text; anything else (a .node or .wasm asset) travels as Base64. */
    static final List<String> TEXT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.json', '.map', '.txt', '.md']

    /** A manifest entry: a relative path whose segments start with a letter, digit or `_` (no `..`, no `/x`). */
    static final String FILE_NAME_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*$'

    /** Hex digits of the content hash kept in the directory name. */
    static final int HASH_LENGTH = 16

    private static final long serialVersionUID = 1L

    /** The pipeline script (`this` of the var), through which every step is called. */
    private final Object script

    Bundle(Object script) {
        this.script = script
    }

    /**
     * Makes sure this library's bundle is on the agent and returns the absolute path of its entry.
     *
     * The directory is named after a hash of the bundle's content, `<pwd(tmp: true)>/mlops-ci-<hash>`,
     * so a second step in the same build (or a later build in the same workspace) reuses it, and
     * a new library version never runs an old chunk. Reusing costs one fileExists.
     */
    String materialize() {
        List<String> names = readManifest()
        String dir = script.pwd(tmp: true) + '/mlops-ci-' + contentHash(names)
        if (script.fileExists(dir + '/' + COMPLETE_MARKER)) {
            return dir + '/' + ENTRY
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names[i]
            String encoding = encodingOf(name)
            String content = script.libraryResource(resource: RESOURCE_DIR + name, encoding: encoding)
            script.writeFile(file: dir + '/' + name, text: content, encoding: encoding)
        }
        script.writeFile(file: dir + '/package.json', text: PACKAGE_JSON, encoding: UTF_8)
        script.writeFile(file: dir + '/' + COMPLETE_MARKER, text: names.join('\n') + '\n', encoding: UTF_8)
        script.echo('Bundle.materialize: wrote ' + names.size() + ' files and package.json to ' + dir)
        return dir + '/' + ENTRY
    }

    private List<String> readManifest() {
        String text = script.libraryResource(resource: RESOURCE_DIR + MANIFEST, encoding: UTF_8)
        try {
            return parseManifest(text)
        } catch (IllegalArgumentException e) {
            script.error('mlops-ci: this library\'s bundle is broken: ' + e.message)
        }
        return []
    }

    /** Hash of every file's name and content: reads each resource once (on the controller, cheap). */
    private String contentHash(List<String> names) {
        List<String> parts = []
        for (int i = 0; i < names.size(); i++) {
            String name = names[i]
            String content = script.libraryResource(resource: RESOURCE_DIR + name, encoding: encodingOf(name))
            parts.add(name + ' ' + sha256(content))
        }
        return sha256(parts.join('\n')).substring(0, HASH_LENGTH)
    }

    /** Returns the file names of a manifest; throws IllegalArgumentException when it is not one. */
    @NonCPS
    static List<String> parseManifest(String text) {
        Object parsed
        try {
            parsed = new JsonSlurperClassic().parseText(text)
        } catch (groovy.json.JsonException e) {
            throw new IllegalArgumentException("${MANIFEST} is not JSON (${e.message})", e)
        }
        if (!(parsed instanceof List) || parsed.any { Object name -> !(name instanceof String) }) {
            throw new IllegalArgumentException("${MANIFEST} must be a JSON array of file names")
        }
        List<String> names = parsed as List<String>
        String bad = names.find { String name -> !(name ==~ FILE_NAME_PATTERN) }
        if (bad != null) {
            throw new IllegalArgumentException("${MANIFEST} lists '${bad}', which is not a relative file name")
        }
        if (!(ENTRY in names)) {
            throw new IllegalArgumentException("${MANIFEST} does not list the entry ${ENTRY}")
        }
        return new ArrayList<String>(names)
    }

    /** `UTF-8` for text files, `Base64` for the rest (libraryResource and writeFile both take it). */
    @NonCPS
    static String encodingOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
        return TEXT_EXTENSIONS.any { String extension -> lower.endsWith(extension) } ? UTF_8 : BASE64
    }

    @NonCPS
    static String sha256(String text) {
        return MessageDigest.getInstance('SHA-256').digest(text.getBytes(UTF_8)).encodeHex().toString()
    }

}
