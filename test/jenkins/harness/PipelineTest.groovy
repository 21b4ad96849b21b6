package harness

import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic

/**
 * Base of the shim's tests, like JenkinsPipelineUnit's BasePipelineTest: a fresh harness per
 * test, the library's vars loaded, and helpers to play the bundle's part of the contract.
 */
abstract class PipelineTest {

    /** The repository root; run-tests.groovy runs from it. */
    static final File REPO_ROOT = new File('.').canonicalFile

    PipelineHarness harness

    void setUp() {
        harness = new PipelineHarness(REPO_ROOT)
        // Unit tests run against a small fake bundle; BundleTest also drives the real one.
        harness.resourcesDir = FakeBundle.write(new File(harness.root, 'resources'))
    }

    void tearDown(Throwable problem) {
        if (problem == null) {
            harness.cleanUp()
        }
    }

    /** Printed under a failing test: what the pipeline did. */
    String failureContext() {
        return "call stack:\n${harness.callStack()}\nlog:\n${harness.log.join('\n')}\nworkspace: ${harness.root}"
    }

    Script mlopsStep() {
        return harness.loadVar('mlopsStep')
    }

    Script mlopsGate() {
        return harness.loadVar('mlopsGate')
    }

    /**
     * Makes sh play the bundle: write `outputs` to MLOPS_CI_OUTPUTS and, when `error` is given,
     * error details to MLOPS_CI_ERROR_FILE, then exit with `status`.
     */
    void bundleAnswers(int status, Map outputs = [:], Map error = null) {
        harness.onSh { StepCall call ->
            new File(call.env.MLOPS_CI_OUTPUTS).setText(JsonOutput.toJson(outputs), 'UTF-8')
            if (error != null) {
                new File(call.env.MLOPS_CI_ERROR_FILE).setText(JsonOutput.toJson(error), 'UTF-8')
            }
            return status
        }
    }

    /** The inputs the bundle received in the single sh call, parsed. */
    Map sentInputs() {
        return (Map) new JsonSlurperClassic().parseText(harness.onlyCall('sh').env.MLOPS_CI_INPUTS)
    }

    /** Runs `body`, expecting error(); returns the error's message. */
    String errorMessageOf(Closure body) {
        try {
            body.call()
        } catch (PipelineError e) {
            return e.message
        }
        throw new AssertionError("expected error(), but it returned; call stack:\n${harness.callStack()}")
    }

}
