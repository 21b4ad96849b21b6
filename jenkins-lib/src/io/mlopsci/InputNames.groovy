package io.mlopsci

import com.cloudbees.groovy.cps.NonCPS

/**
 * How names travel between a Jenkinsfile and the bundle.
 *
 * Users write Groovy map keys in camelCase (`pythonVersion`); the bundle knows its
 * inputs by their kebab-case names (`python-version`), the names in each step's spec.
 * Secret inputs reach the bundle as environment variables set by withCredentials:
 * `github-token` is read from `MLOPS_CI_SECRET_GITHUB_TOKEN`; so does the path of a Secret
 * file given to a credential-file input: `kubeconfig` from `MLOPS_CI_FILE_KUBECONFIG`.
 */
class InputNames implements Serializable {

    /** A step name as the bundle's CLI knows it. It is the only value the shim passes to a shell. */
    static final String STEP_NAME_PATTERN = '^[a-z][a-z0-9-]*$'

    /** A name the shell and every OS accept as an environment variable (dash drops names with a hyphen). */
    static final String ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$'

    /** Prefix of the variables that carry secret inputs; the rest is the input name upper-cased, `-` → `_`. */
    static final String SECRET_PREFIX = 'MLOPS_CI_SECRET_'

    /** Prefix of the variables that carry the path of a credential file given to an input. */
    static final String FILE_PREFIX = 'MLOPS_CI_FILE_'

    /** Prefix the shim reserves for its own variables (inputs, outputs, entry, secrets). */
    static final String RESERVED_PREFIX = 'MLOPS_CI_'

    private static final long serialVersionUID = 1L

    /** Returns true when `name` may be passed to the bundle as a step name. False for null. */
    @NonCPS
    static boolean isStepName(String name) {
        return name != null && name ==~ STEP_NAME_PATTERN
    }

    /** Returns true when `name` is a usable environment variable name. False for null. */
    @NonCPS
    static boolean isEnvName(String name) {
        return name != null && name ==~ ENV_NAME_PATTERN
    }

    /**
     * Returns the kebab-case input name for a map key as a user wrote it.
     * Kebab-case keys come back unchanged.
     *
     * @example toKebab('pythonVersion') == 'python-version'
     * @example toKebab('modelURI') == 'model-uri'; toKebab('s3Bucket') == 's3-bucket'
     */
    @NonCPS
    static String toKebab(String key) {
        return key
            .replaceAll('([A-Z]+)([A-Z][a-z])', '$1-$2')
            .replaceAll('([a-z0-9])([A-Z])', '$1-$2')
            .toLowerCase(Locale.ROOT)
    }

    /** Returns the camelCase key for a kebab-case input name: `github-token` → `githubToken`. */
    @NonCPS
    static String toCamel(String input) {
        return input.replaceAll(/-([a-z0-9])/) { String all, String letter -> letter.toUpperCase(Locale.ROOT) }
    }

    /** Returns the variable a secret input is read from: `github-token` → `MLOPS_CI_SECRET_GITHUB_TOKEN`. */
    @NonCPS
    static String secretVariable(String input) {
        return SECRET_PREFIX + variableSuffix(input)
    }

    /** Returns the variable a credential file's path is read from: `kubeconfig` → `MLOPS_CI_FILE_KUBECONFIG`. */
    @NonCPS
    static String fileVariable(String input) {
        return FILE_PREFIX + variableSuffix(input)
    }

    @NonCPS
    private static String variableSuffix(String input) {
        return toKebab(input).toUpperCase(Locale.ROOT).replaceAll('[^A-Z0-9]', '_')
    }

}
