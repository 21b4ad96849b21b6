package io.mlopsci

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic

/**
 * Runs one mlops-ci step from a pipeline: the one place behind every var in vars/.
 *
 * The contract with the bundle (README, "Contracts"):
 * - `node "$MLOPS_CI_ENTRY" "$MLOPS_CI_STEP"` is the whole shell script. No value a user gave
 *   is ever part of it: inputs travel in the environment, so quoting cannot go wrong.
 * - MLOPS_CI_INPUTS: the inputs as one JSON object keyed by kebab-case input names.
 * - MLOPS_CI_SECRET_<INPUT>: a secret input, bound by withCredentials and read by the bundle
 *   when the input is absent from MLOPS_CI_INPUTS (where secrets never are).
 * - MLOPS_CI_FILE_<INPUT>: the path of a Secret file bound by withCredentials, read the same way
 *   as a credential-file input (`kubeconfig`); the file's content is never in a variable.
 * - MLOPS_CI_OUTPUTS: a file the bundle writes its outputs to, as one JSON object of strings.
 * - MLOPS_CI_ERROR_FILE: a file the bundle writes `{"message", "category", "exitCode"}` to on failure.
 * - Exit codes: 0 done, 1 failed, 2 bad input, 3 the gate did not pass.
 *
 * Return convention of the project: every var returns the step's outputs as a Map keyed in camelCase
 * (resultsFile), each value of its spec's type (ShimOutputs, generated from the specs): a Boolean, a
 * Number or a String; an empty Boolean or Number is null. The bundle writes strings because GitHub
 * outputs are strings, and in Groovy the string 'false' is true. Only the camelCase keys: a second,
 * string-valued kebab-case copy of each would be a trap of its own.
 */
class StepRunner implements Serializable {

    static final int EXIT_OK = 0
    static final int EXIT_FAILED = 1
    static final int EXIT_BAD_INPUT = 2
    static final int EXIT_GATE_FAILED = 3

    /** What sh returns when the shell could not find a command (here: node). */
    static final int EXIT_COMMAND_NOT_FOUND = 127

    /** The whole shell script, for every step: single-quoted, so Groovy interpolates nothing into it. */
    static final String SH_SCRIPT = 'node "$MLOPS_CI_ENTRY" "$MLOPS_CI_STEP"'

    static final String GATE_FAIL_UNSTABLE = 'unstable'

    private static final long serialVersionUID = 1L

    // Not private: runBundle()'s closures use them, and a closure in a CPS-transformed class
    // cannot be relied on to reach its owner's private members.

    /** The pipeline script (`this` of the var), through which every step is called. */
    final Object script
    final String step
    final Map userArgs

    /** What the bundle's sh returned; set inside the wrappers, so their own return values do not matter. */
    int bundleStatus = -1

    /** Set when withCredentials got as far as its body: a throw before that is a binding that failed. */
    boolean credentialsBound = false

    /**
     * @param script the calling var's `this`
     * @param step a step name of the bundle, e.g. 'evaluate-and-gate'
     * @param userArgs the var's argument map as the user wrote it (camelCase or kebab-case keys)
     */
    StepRunner(Object script, String step, Map userArgs) {
        this.script = script
        this.step = step
        this.userArgs = userArgs
    }

    /**
     * Runs the step and returns its outputs (an empty map when it wrote none).
     * Fails the build with error() on exit 1, 2 and unknown codes; on exit 3 marks the build
     * UNSTABLE and returns the outputs, or fails it when `onGateFail: 'error'`.
     */
    Map<String, Object> run() {
        StepArgs args = checkArgs()
        requireUnixAgent()
        String entry = new Bundle(script).materialize()
        String invocation = script.pwd(tmp: true) + '/mlops-ci-' + step + '-' + UUID.randomUUID()
        String outputsFile = invocation + '-outputs.json'
        String errorFile = invocation + '-error.json'
        List<String> env = [
            'MLOPS_CI_ENTRY=' + entry,
            'MLOPS_CI_STEP=' + step,
            'MLOPS_CI_INPUTS=' + JsonOutput.toJson(args.inputs),
            'MLOPS_CI_OUTPUTS=' + outputsFile,
            'MLOPS_CI_ERROR_FILE=' + errorFile,
        ]
        Map<String, Object> outputs = [:]
        Map<String, Object> errorDetails = [:]
        try {
            runWithNode(args, env)
        } finally {
            // Read even when sh threw (an abort): the files say what the bundle got done.
            outputs = readJsonIfPresent(outputsFile)
            errorDetails = readJsonIfPresent(errorFile)
        }
        // Before handleExit: a gate that fails the build (onGateFail: 'error') still says why in the build list.
        describeBuild(args, bundleStatus, outputs)
        return typedOutputs(handleExit(bundleStatus, args, outputs, errorDetails))
    }

    /**
     * Runs the bundle where node is: inside the NodeJS plugin's wrapper (nodeTool), inside a
     * container of an image (nodeImage; the workspace and its @tmp folder, where the bundle was
     * written, are mounted at the same paths), or on the agent's PATH.
     */
    private void runWithNode(StepArgs args, List<String> env) {
        if (args.nodeTool != null) {
            script.nodejs(nodeJSInstallationName: args.nodeTool) {
                runBundle(env, args.credentials)
            }
        } else if (args.nodeImage != null) {
            script.docker.image(args.nodeImage).inside {
                runBundle(env, args.credentials)
            }
        } else {
            runBundle(env, args.credentials)
        }
    }

    private StepArgs checkArgs() {
        if (!InputNames.isStepName(step)) {
            script.error("mlops-ci: bad input: step name '${step}' must match ${InputNames.STEP_NAME_PATTERN}")
        }
        try {
            return StepArgs.parse(step, userArgs)
        } catch (IllegalArgumentException e) {
            script.error("mlops-ci ${step}: bad input: ${e.message}")
        }
        return null
    }

    private void requireUnixAgent() {
        if (!script.isUnix()) {
            script.error("mlops-ci ${step}: runs on Unix agents only (it needs sh and node); " +
                'use a Linux or macOS agent for this stage')
        }
    }

    /** withCredentials bindings: names of variables and credential ids only, never a secret's value. */
    private List<Object> credentialBindings(List<Map<String, String>> credentials) {
        List<Object> bindings = []
        for (int i = 0; i < credentials.size(); i++) {
            Map<String, String> credential = credentials[i]
            if (credential.type == StepArgs.USERNAME_PASSWORD_CREDENTIAL) {
                bindings.add(script.usernamePassword(credentialsId: credential.credentialsId,
                    usernameVariable: credential.usernameVariable, passwordVariable: credential.passwordVariable))
            } else if (credential.type == StepArgs.FILE_CREDENTIAL) {
                bindings.add(script.file(credentialsId: credential.credentialsId, variable: credential.variable))
            } else {
                bindings.add(script.string(credentialsId: credential.credentialsId, variable: credential.variable))
            }
        }
        return bindings
    }

    /** Not private: called from runWithNode()'s closures (see the fields). */
    void runBundle(List<String> env, List<Map<String, String>> credentials) {
        script.withEnv(env) {
            if (credentials.empty) {
                shBundle()
            } else {
                shBundleWithCredentials(credentials)
            }
        }
    }

    /**
     * Binds the credentials around sh only. A credential that cannot be bound (an id the store
     * does not have, or of another kind) fails the build naming the parameter that gave it.
     * Not private: called from runBundle()'s closure.
     */
    void shBundleWithCredentials(List<Map<String, String>> credentials) {
        credentialsBound = false
        try {
            script.withCredentials(credentialBindings(credentials)) {
                credentialsBound = true
                shBundle()
            }
        } catch (InterruptedException e) {
            throw e
        } catch (Exception e) { // groovylint-disable-line CatchException
            if (credentialsBound) {
                throw e
            }
            script.error("mlops-ci ${step}: ${unboundCredentialMessage(credentials, e.message)}")
        }
    }

    /** Not private: called from the closures of runBundle() and shBundleWithCredentials(). */
    void shBundle() {
        bundleStatus = script.sh(script: SH_SCRIPT, returnStatus: true, label: 'mlops-ci ' + step) as int
    }

    /**
     * Names the parameters whose credentials id the failure names (Jenkins says
     * "Could not find credentials entry with ID 'gh'"), or every parameter when it names none.
     */
    @NonCPS
    private static String unboundCredentialMessage(List<Map<String, String>> credentials, String failure) {
        List<Map<String, String>> named = credentials.findAll { Map<String, String> credential ->
            failure?.contains("'${credential.credentialsId}'")
        }
        List<String> given = (named ?: credentials).collect { Map<String, String> credential ->
            "${credential.parameter}: '${credential.credentialsId}'".toString()
        }
        return "could not bind the credentials (${given.join(', ')}): ${failure}; " +
            "check the id, and that the credential is of the kind the parameter takes and visible to this job"
    }

    /** Adds the step's line to currentBuild.description, for what ran to a verdict (exit 0 or 3). */
    private void describeBuild(StepArgs args, int status, Map<String, Object> outputs) {
        if (!args.describeBuild || (status != EXIT_OK && status != EXIT_GATE_FAILED)) {
            return
        }
        String line = BuildDescription.lineFor(step, args.inputs, outputs)
        if (line != null) {
            script.currentBuild.description = BuildDescription.append(script.currentBuild.description as String, line)
        }
    }

    /** A JSON object the bundle wrote, or an empty map when there is none or it cannot be read. */
    private Map<String, Object> readJsonIfPresent(String path) {
        try {
            if (!script.fileExists(path)) {
                return [:]
            }
            return parseJsonObject(script.readFile(file: path, encoding: 'UTF-8'))
        } catch (InterruptedException e) {
            throw e
        } catch (Exception e) { // groovylint-disable-line CatchException
            // Anything else: a broken or unreadable file must not hide the step's own result.
            script.echo('StepRunner.readJsonIfPresent: ignoring ' + path + ': ' + e.message)
        }
        return [:]
    }

    private Map<String, Object> handleExit(int status, StepArgs args, Map<String, Object> outputs,
                                           Map<String, Object> errorDetails) {
        if (status == EXIT_OK) {
            return outputs
        }
        String message = describeFailure(status, errorDetails)
        if (status == EXIT_BAD_INPUT) {
            script.error("mlops-ci ${step}: bad input: ${message}")
        } else if (status == EXIT_GATE_FAILED && args.onGateFail == GATE_FAIL_UNSTABLE) {
            script.unstable("mlops-ci ${step}: the gate did not pass: ${message}")
            return outputs
        } else if (status == EXIT_GATE_FAILED) {
            script.error("mlops-ci ${step}: the gate did not pass: ${message}")
        } else if (status == EXIT_FAILED) {
            script.error("mlops-ci ${step} failed: ${message}")
        } else {
            script.error("mlops-ci ${step} failed with exit code ${status}: ${message}")
        }
        return outputs
    }

    /** The outputs as the var returns them (see the class comment); error() when one is not of its type. */
    private Map<String, Object> typedOutputs(Map<String, Object> outputs) {
        try {
            return typed(ShimOutputs.BY_STEP[step] ?: [:], outputs)
        } catch (IllegalArgumentException e) {
            script.error("mlops-ci ${step}: the bundle wrote an output this library cannot read: ${e.message}")
        }
        return [:] // not reached: error() throws
    }

    /**
     * Renames and converts the outputs the step's spec declares; keeps any other key as the
     * bundle wrote it (only a bundle from another version writes one).
     */
    @NonCPS
    private static Map<String, Object> typed(Map<String, List<String>> declared, Map<String, Object> outputs) {
        Map<String, Object> result = [:]
        outputs.each { String name, Object value ->
            List<String> keyAndType = declared[name]
            if (keyAndType == null) {
                result[name] = value
            } else {
                result[keyAndType[0]] = convert(name, keyAndType[1], String.valueOf(value))
            }
        }
        return result
    }

    @NonCPS
    private static Object convert(String name, String type, String text) {
        if (type == 'string') {
            return text
        }
        if (text.empty) {
            return null
        }
        switch (type) {
            case 'boolean':
                if (text in ['true', 'false']) {
                    return text == 'true'
                }
                break
            case 'number':
                if (text.isLong()) {
                    return text.toLong()
                }
                if (text.isBigDecimal()) {
                    return text.toBigDecimal()
                }
                break
            default:
                break
        }
        throw new IllegalArgumentException("output '${name}' is '${text}', not a ${type}")
    }

    @NonCPS
    private static String describeFailure(int status, Map<String, Object> errorDetails) {
        if (errorDetails.message) {
            return String.valueOf(errorDetails.message)
        }
        return status == EXIT_COMMAND_NOT_FOUND
            ? 'node was not found; the agent needs Node.js 20 or newer on its PATH'
            : "it wrote no error details (exit code ${status}); see the log above"
    }

    /** Parses a JSON object into plain, serializable HashMaps; throws when the text is not one. */
    @NonCPS
    private static Map<String, Object> parseJsonObject(String text) {
        Object parsed = new JsonSlurperClassic().parseText(text)
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException('expected a JSON object, found ' + parsed?.getClass()?.simpleName)
        }
        return new LinkedHashMap<String, Object>(parsed as Map)
    }

}
