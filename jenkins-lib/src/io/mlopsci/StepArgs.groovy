package io.mlopsci

import com.cloudbees.groovy.cps.NonCPS

/**
 * A var's argument map, split into what the bundle gets and what only the shim uses.
 *
 * - `inputs`: every other key, renamed to its kebab-case input name; values keep their JSON
 *   type (lists stay lists, maps stay maps); a null value means "not given" and is dropped.
 * - `onGateFail`: what exit code 3 (the gate did not pass) does: `unstable` marks the build
 *   UNSTABLE and returns the outputs, `error` fails the build. Optional. Defaults to
 *   ShimDefaults.ON_GATE_FAIL (`unstable`), generated from the evaluate-and-gate spec.
 * - `<name>CredentialsId` (ShimCredentials, generated from the step's spec): the id of a Jenkins
 *   credential, the way SAP's Piper names them. `githubTokenCredentialsId: 'gh'` binds a Secret text
 *   to the secret input `github-token`; `awsCredentialsId: 'aws'` binds a Username with password to
 *   AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; `kubeconfigCredentialsId: 'kc'` binds a Secret file and
 *   gives its path as the input `kubeconfig`. Optional. Defaults to none.
 * - `credentials`: the general form, a list of Jenkins credentials to bind with withCredentials, e.g.
 *   `[type: 'string', credentialsId: 'gh-token', input: 'github-token']` (the bundle reads the
 *   secret input from `MLOPS_CI_SECRET_GITHUB_TOKEN`), or
 *   `[type: 'usernamePassword', credentialsId: 'aws', usernameVariable: 'AWS_ACCESS_KEY_ID',
 *   passwordVariable: 'AWS_SECRET_ACCESS_KEY']` (plain variables for tools that read them).
 *   Optional. Defaults to none.
 * - `nodeTool` / `nodeImage`: where node comes from on an agent without it: a NodeJS plugin
 *   installation (`nodejs(nodeJSInstallationName: …) { }`) or a Docker image
 *   (`docker.image(…).inside { }`); at most one. Optional. Defaults to the agent's PATH.
 * - `description`: false leaves currentBuild.description alone. Optional. Defaults to
 *   ShimDefaults.DESCRIPTION (true).
 *
 * parse() throws IllegalArgumentException with a message for the user on anything it cannot accept.
 */
class StepArgs implements Serializable {

    static final String ON_GATE_FAIL = 'on-gate-fail'
    static final String CREDENTIALS = 'credentials'
    static final String NODE_TOOL = 'node-tool'
    static final String NODE_IMAGE = 'node-image'
    static final String DESCRIPTION = 'description'
    static final List<String> GATE_FAIL_CHOICES = ['unstable', 'error']

    static final String STRING_CREDENTIAL = 'string'
    static final String USERNAME_PASSWORD_CREDENTIAL = 'usernamePassword'
    static final String FILE_CREDENTIAL = 'file'
    static final List<String> CREDENTIAL_TYPES = [STRING_CREDENTIAL, USERNAME_PASSWORD_CREDENTIAL]
    static final String CREDENTIALS_EXAMPLE =
        "[[type: 'string', credentialsId: 'gh-token', input: 'github-token']]"

    private static final long serialVersionUID = 1L

    /** Inputs for the bundle: kebab-case names to JSON-typed values. */
    final Map<String, Object> inputs

    /** `unstable` or `error`. */
    final String onGateFail

    /**
     * Normalized credential bindings: `[type: 'string', credentialsId, variable, input?]`,
     * `[type: 'file', credentialsId, variable, input]` or
     * `[type: 'usernamePassword', credentialsId, usernameVariable, passwordVariable]`, each with
     * `parameter`, what a message calls it (`githubTokenCredentialsId`, `credentials[0]`), and
     * `source` (`credentials` for the list form).
     */
    final List<Map<String, String>> credentials

    /** A NodeJS plugin installation name to run node from, or null. */
    final String nodeTool

    /** A Docker image to run node in, or null. */
    final String nodeImage

    /** Whether the step may add its line to currentBuild.description. */
    final boolean describeBuild

    private StepArgs(Map<String, Object> inputs, String onGateFail, List<Map<String, String>> credentials,
                     Map<String, Object> shimArgs) {
        this.inputs = inputs
        this.onGateFail = onGateFail
        this.credentials = credentials
        this.nodeTool = shimArgs.nodeTool
        this.nodeImage = shimArgs.nodeImage
        this.describeBuild = shimArgs.describeBuild
    }

    /** Splits and checks a var's argument map for `step`; null is taken as an empty map. */
    @NonCPS
    static StepArgs parse(String step, Map userArgs) {
        Map<String, Object> named = kebabKeys(userArgs ?: [:])
        String onGateFail = parseOnGateFail(named.remove(ON_GATE_FAIL))
        Map<String, Object> shimArgs = [
            nodeTool     : optionalText('nodeTool', named.remove(NODE_TOOL)),
            nodeImage    : optionalText('nodeImage', named.remove(NODE_IMAGE)),
            describeBuild: parseDescription(named.remove(DESCRIPTION)),
        ]
        if (shimArgs.nodeTool != null && shimArgs.nodeImage != null) {
            throw new IllegalArgumentException(
                'nodeTool and nodeImage are both given; give one: nodeTool for a NodeJS installation, ' +
                'nodeImage for a Docker image with node')
        }
        List<Map<String, String>> credentials =
            parseCredentialIds(step, named) + parseCredentials(named.remove(CREDENTIALS))
        Map<String, Object> inputs = [:]
        named.each { String name, Object value ->
            if (value != null) {
                inputs[name] = jsonValue(name, value)
            }
        }
        credentials.each { Map<String, String> credential -> rejectSecretGivenAsValue(credential, inputs) }
        rejectVariablesBoundTwice(credentials)
        return new StepArgs(inputs, onGateFail, credentials, shimArgs)
    }

    @NonCPS
    private static void rejectSecretGivenAsValue(Map<String, String> credential, Map<String, Object> inputs) {
        String input = credential.input
        if (input == null || !inputs.containsKey(input)) {
            return
        }
        if (credential.type == FILE_CREDENTIAL) {
            throw new IllegalArgumentException(
                "${credential.parameter} and ${InputNames.toCamel(input)} both give the input '${input}'; " +
                "give one: ${credential.parameter} for a Secret file credential, " +
                "${InputNames.toCamel(input)} for a path")
        }
        if (credential.source == CREDENTIALS) {
            throw new IllegalArgumentException(
                "input '${input}' is given both as a value and in credentials; give it once, in credentials")
        }
        throw new IllegalArgumentException(
            "${credential.parameter} and ${InputNames.toCamel(input)} both give the secret input '${input}'; " +
            "give it once, as ${credential.parameter} (a credentials id, so the secret stays out of the Jenkinsfile)")
    }

    /** Two bindings of one variable: the later one would silently win. */
    @NonCPS
    private static void rejectVariablesBoundTwice(List<Map<String, String>> credentials) {
        Map<String, String> boundBy = [:]
        credentials.each { Map<String, String> credential ->
            List<String> variables = [credential.variable, credential.usernameVariable, credential.passwordVariable]
            variables.findAll().each { String name ->
                if (boundBy.containsKey(name)) {
                    throw new IllegalArgumentException(
                        "${boundBy[name]} and ${credential.parameter} both bind ${name}; give one")
                }
                boundBy[name] = credential.parameter
            }
        }
    }

    /**
     * The step's `<name>CredentialsId` parameters that are given (removed from `named`), as bindings.
     * Each binding's `parameter` names it in messages.
     */
    @NonCPS
    private static List<Map<String, String>> parseCredentialIds(String step, Map<String, Object> named) {
        List<Map<String, String>> credentials = []
        (ShimCredentials.BY_STEP[step] ?: []).each { String key ->
            List<String> parameter = ShimCredentials.PARAMETERS[key]
            String id = optionalText(parameter[0], named.remove(key))
            if (id != null) {
                credentials << credentialOfParameter(parameter, id)
            }
        }
        return credentials
    }

    /**
     * A binding from a ShimCredentials parameter: [name, 'string', input], [name, 'file', input] or
     * [name, 'usernamePassword', user var, password var].
     */
    @NonCPS
    private static Map<String, String> credentialOfParameter(List<String> parameter, String id) {
        Map<String, String> binding = [type: parameter[1], credentialsId: id,
                                       parameter: parameter[0], source: parameter[0]]
        if (parameter[1] == STRING_CREDENTIAL) {
            binding.input = parameter[2]
            binding.variable = InputNames.secretVariable(parameter[2])
        } else if (parameter[1] == FILE_CREDENTIAL) {
            binding.input = parameter[2]
            binding.variable = InputNames.fileVariable(parameter[2])
        } else {
            binding.usernameVariable = parameter[2]
            binding.passwordVariable = parameter[3]
        }
        return binding
    }

    /** A non-blank String argument of the shim, or null when not given. */
    @NonCPS
    private static String optionalText(String name, Object given) {
        if (given == null) {
            return null
        }
        if (!(given instanceof CharSequence) || given.toString().trim().empty) {
            throw new IllegalArgumentException("${name} must be a non-empty string, e.g. ${name}: '…'")
        }
        return given.toString().trim()
    }

    @NonCPS
    private static boolean parseDescription(Object given) {
        if (given == null) {
            return ShimDefaults.DESCRIPTION
        }
        if (!(given instanceof Boolean)) {
            throw new IllegalArgumentException("description is '${given}'; accepted: true or false (a Boolean)")
        }
        return given
    }

    @NonCPS
    private static Map<String, Object> kebabKeys(Map userArgs) {
        Map<String, Object> named = [:]
        Map<String, String> givenAs = [:]
        userArgs.each { Object key, Object value ->
            String given = String.valueOf(key)
            String name = InputNames.toKebab(given)
            if (named.containsKey(name)) {
                throw new IllegalArgumentException(
                    "'${givenAs[name]}' and '${given}' both name the input '${name}'; give it once")
            }
            named[name] = value
            givenAs[name] = given
        }
        return named
    }

    @NonCPS
    private static String parseOnGateFail(Object given) {
        if (given == null) {
            return ShimDefaults.ON_GATE_FAIL
        }
        String choice = String.valueOf(given)
        if (!(choice in GATE_FAIL_CHOICES)) {
            throw new IllegalArgumentException(
                "onGateFail is '${choice}'; accepted: ${GATE_FAIL_CHOICES.join(', ')}")
        }
        return choice
    }

    /** Copies a value into plain JSON types: String, Number, Boolean, null, List, Map with String keys. */
    @NonCPS
    private static Object jsonValue(String path, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value
        }
        if (value instanceof CharSequence) {
            return value.toString()
        }
        if (value instanceof Collection || value instanceof Object[]) {
            List<Object> copy = []
            value.eachWithIndex { Object item, int i -> copy << jsonValue("${path}[${i}]", item) }
            return copy
        }
        if (value instanceof Map) {
            Map<String, Object> copy = [:]
            value.each { Object key, Object item -> copy[String.valueOf(key)] = jsonValue("${path}.${key}", item) }
            return copy
        }
        throw new IllegalArgumentException(
            "input '${path}' is a ${value.getClass().name}; accepted: strings, numbers, booleans, lists and maps")
    }

    @NonCPS
    private static List<Map<String, String>> parseCredentials(Object given) {
        if (given == null) {
            return []
        }
        if (!(given instanceof List)) {
            throw new IllegalArgumentException("credentials must be a list of maps, e.g. ${CREDENTIALS_EXAMPLE}")
        }
        List<Map<String, String>> credentials = []
        given.eachWithIndex { Object item, int i ->
            Map<String, String> credential = parseCredential("credentials[${i}]", item)
            credential.source = CREDENTIALS
            credential.parameter = "credentials[${i}]".toString()
            credentials << credential
        }
        return credentials
    }

    @NonCPS
    private static Map<String, String> parseCredential(String where, Object item) {
        if (!(item instanceof Map)) {
            throw new IllegalArgumentException("${where} must be a map, e.g. ${CREDENTIALS_EXAMPLE}")
        }
        Map<String, String> spec = [:]
        item.each { Object key, Object value ->
            spec[String.valueOf(key)] = value == null ? null : String.valueOf(value)
        }
        String type = spec.type ?: STRING_CREDENTIAL
        if (!(type in CREDENTIAL_TYPES)) {
            throw new IllegalArgumentException(
                "${where}: type is '${type}'; accepted: ${CREDENTIAL_TYPES.join(', ')}")
        }
        if (!spec.credentialsId) {
            throw new IllegalArgumentException("${where}: credentialsId is required")
        }
        if (type == STRING_CREDENTIAL) {
            return parseStringCredential(where, spec)
        }
        return parseUsernamePasswordCredential(where, spec)
    }

    @NonCPS
    private static Map<String, String> parseStringCredential(String where, Map<String, String> spec) {
        rejectUnknownKeys(where, spec, ['type', 'credentialsId', 'input', 'variable'])
        if ((spec.input == null) == (spec.variable == null)) {
            throw new IllegalArgumentException(
                "${where}: give either input (a secret input such as 'github-token') " +
                'or variable (an environment variable for a tool)')
        }
        if (spec.input != null) {
            String input = InputNames.toKebab(spec.input)
            return [type: STRING_CREDENTIAL, credentialsId: spec.credentialsId,
                    input: input, variable: InputNames.secretVariable(input)]
        }
        return [type: STRING_CREDENTIAL, credentialsId: spec.credentialsId,
                variable: plainVariable(where, 'variable', spec.variable)]
    }

    @NonCPS
    private static Map<String, String> parseUsernamePasswordCredential(String where, Map<String, String> spec) {
        rejectUnknownKeys(where, spec, ['type', 'credentialsId', 'usernameVariable', 'passwordVariable'])
        return [type: USERNAME_PASSWORD_CREDENTIAL, credentialsId: spec.credentialsId,
                usernameVariable: plainVariable(where, 'usernameVariable', spec.usernameVariable),
                passwordVariable: plainVariable(where, 'passwordVariable', spec.passwordVariable)]
    }

    @NonCPS
    private static String plainVariable(String where, String key, String name) {
        if (!InputNames.isEnvName(name)) {
            throw new IllegalArgumentException(
                "${where}: ${key} is '${name}'; accepted: an environment variable name such as AWS_ACCESS_KEY_ID")
        }
        if (name.startsWith(InputNames.RESERVED_PREFIX)) {
            throw new IllegalArgumentException(
                "${where}: ${key} '${name}' is reserved for the shim (${InputNames.RESERVED_PREFIX}*); " +
                'for a secret input use input instead')
        }
        return name
    }

    @NonCPS
    private static void rejectUnknownKeys(String where, Map<String, String> spec, List<String> known) {
        List<String> unknown = spec.keySet().findAll { String key -> !(key in known) } as List<String>
        if (unknown) {
            throw new IllegalArgumentException(
                "${where}: unknown key(s) ${unknown.join(', ')}; accepted: ${known.join(', ')}")
        }
    }

}
