package tests

import harness.PipelineError
import harness.PipelineTest
import harness.StepCall
import harness.Test

class MlopsStepTest extends PipelineTest {

    static final String EXPECTED_SCRIPT = 'node "$MLOPS_CI_ENTRY" "$MLOPS_CI_STEP"'

    @Test
    void sendsAllInputsAsOneJsonVariableWithKebabCaseNames() {
        // given
        bundleAnswers(0)
        String version = '3.12'

        // when
        mlopsStep().call('setup-env', [
            pythonVersion: "${version}",
            'status-context': 'ml/gate',
            targets: ['data/raw', 'data/ref'],
            extraEnv: [MODEL_DIR: 'out', nestedKey: [1, 2]],
            bootstrapResamples: 200,
            checkRun: true,
            baseline: null,
        ])

        // then: one JSON object, keys renamed at the top level only, values keep their JSON type
        assert sentInputs() == [
            'python-version'     : '3.12',
            'status-context'     : 'ml/gate',
            'targets'            : ['data/raw', 'data/ref'],
            'extra-env'          : [MODEL_DIR: 'out', nestedKey: [1, 2]],
            'bootstrap-resamples': 200,
            'check-run'          : true,
        ]
        // and: the shim's own variables are all that is added
        assert harness.onlyCall('withEnv').args[0].collect { it.split('=', 2)[0] } ==
            ['MLOPS_CI_ENTRY', 'MLOPS_CI_STEP', 'MLOPS_CI_INPUTS', 'MLOPS_CI_OUTPUTS', 'MLOPS_CI_ERROR_FILE']
    }

    @Test
    void runsTheBundleWithOneFixedSingleQuotedScript() {
        // given
        bundleAnswers(0)

        // when
        mlopsStep().call('data-pull', [targets: ['data']])

        // then: the script is the same constant for every step; the step name travels in the env
        StepCall sh = harness.onlyCall('sh')
        assert sh.arg('script') == EXPECTED_SCRIPT
        assert sh.arg('returnStatus') == true
        assert sh.arg('label') == 'mlops-ci data-pull'
        assert sh.env.MLOPS_CI_STEP == 'data-pull'
        assert sh.env.MLOPS_CI_ENTRY == "${harness.tmpDir}/${new File(sh.env.MLOPS_CI_ENTRY).parentFile.name}/mlops-ci.mjs"
        assert new File(sh.env.MLOPS_CI_ENTRY).file
        assert sh.env.MLOPS_CI_OUTPUTS.startsWith(harness.tmpDir.path + '/')
        assert sh.env.MLOPS_CI_ERROR_FILE.startsWith(harness.tmpDir.path + '/')
    }

    @Test
    void keepsHostileValuesOutOfTheShellAndDeliversThemIntact() {
        // given: values a shell would execute if they were ever interpolated into a script
        bundleAnswers(0)
        List<String> hostile = [
            "'; rm -rf / #", '$(touch /tmp/pwned)', '`touch /tmp/pwned`', 'say "hi"; exit 1',
            'line one\nline two\r\n', '${MLOPS_CI_ENTRY}', 'back\\slash', 'tab\there', 'ünïcödé ✓',
        ]

        // when
        mlopsStep().call('evaluate-and-gate', [rules: hostile.join('\n'), metrics: hostile, select: hostile[0]])

        // then: no sh script holds any of them
        harness.calls('sh').each { StepCall sh ->
            assert sh.arg('script') == EXPECTED_SCRIPT
            hostile.each { String value -> assert !String.valueOf(sh.args).contains(value) }
        }
        // and: they arrive in MLOPS_CI_INPUTS exactly as given
        assert sentInputs() == [rules: hostile.join('\n'), metrics: hostile, select: hostile[0]]
        // and: the variable itself is one line (JSON escapes newlines)
        assert !harness.onlyCall('sh').env.MLOPS_CI_INPUTS.contains('\n')
    }

    @Test
    void returnsTheOutputsMapOnExitZero() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf', report: '/tmp/report.md'])

        // when
        Map outputs = mlopsStep().call('evaluate-and-gate', [metrics: ['m.json'], rules: 'acc >= 0.9'])

        // then
        assert outputs == [passed: true, best: 'rf', report: '/tmp/report.md']
        assert harness.result == 'SUCCESS'
        // and: a plain serializable map, as CPS needs to keep it across steps
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(outputs)
    }

    @Test
    void returnsEachOutputUnderItsCamelCaseKeyAsTheTypeItsSpecDeclares() {
        // given: the text the bundle writes (GitHub outputs are strings)
        bundleAnswers(0, ['exit-code': '0', 'duration-seconds': '12.345', 'image-id': 'sha256:abc', metrics: ''])

        // when
        Map outputs = mlopsStep().call('train-in-container', [image: 'python:3.12', command: 'true'])

        // then
        assert outputs == [exitCode: 0L, durationSeconds: 12.345G, imageId: 'sha256:abc', metrics: '']
        assert outputs.exitCode instanceof Number && outputs.durationSeconds instanceof Number
        // and: still a plain serializable map
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(outputs)
    }

    @Test
    void keepsAJsonOutputAsTextAndReadsAnEmptyBooleanAsNull() {
        // given: results stays JSON text, which promote-model's gateResults takes back
        bundleAnswers(0, [passed: 'false', results: '{"passed":false,"best":"","candidates":{}}', 'results-file': '/ws/r.json'])

        // when
        Map gate = mlopsStep().call('evaluate-and-gate', [metrics: ['m.json'], rules: 'acc >= 0.9'])
        // and: found is empty unless the step was told to describe a version
        bundleAnswers(0, [version: '3', found: ''])
        Map promoted = mlopsStep().call('promote-model', [model: 'iris', path: 'out/rf'])

        // then
        assert gate == [passed: false, results: '{"passed":false,"best":"","candidates":{}}', resultsFile: '/ws/r.json']
        assert promoted == [version: '3', found: null]
    }

    @Test
    void failsTheBuildWhenAnOutputIsNotOfItsType() {
        // given: what only a bundle of another version could write
        bundleAnswers(0, [passed: 'yes'])

        // when
        String message = errorMessageOf { mlopsStep().call('evaluate-and-gate', [metrics: ['m.json'], rules: 'x']) }

        // then
        assert message == "mlops-ci evaluate-and-gate: the bundle wrote an output this library cannot read: output 'passed' is 'yes', not a boolean"
    }

    @Test
    void returnsAnEmptyMapWhenTheBundleWroteNoOutputs() {
        // given
        harness.onSh { StepCall call -> 0 }

        // when
        Map outputs = mlopsStep().call('setup-env')

        // then
        assert outputs == [:]
    }

    @Test
    void failsWithBadInputAndTheBundlesMessageOnExitTwo() {
        // given
        bundleAnswers(2, [:], [message: "input 'rules' is required", category: 'input', exitCode: 2])

        // when
        String message = errorMessageOf { mlopsStep().call('evaluate-and-gate', [metrics: ['m.json']]) }

        // then
        assert message == "mlops-ci evaluate-and-gate: bad input: input 'rules' is required"
        assert harness.result == 'FAILURE'
    }

    @Test
    void failsWithTheBundlesMessageOnExitOne() {
        // given
        bundleAnswers(1, [:], [message: 'S3 bucket models is not reachable', category: 'failure', exitCode: 1])

        // when
        String message = errorMessageOf { mlopsStep().call('data-pull') }

        // then
        assert message == 'mlops-ci data-pull failed: S3 bucket models is not reachable'
    }

    @Test
    void failsWithTheExitCodeWhenTheBundleWroteNoDetails() {
        // given: node is missing on the agent
        harness.onSh { StepCall call -> 127 }

        // when
        String message = errorMessageOf { mlopsStep().call('data-pull') }

        // then
        assert message.startsWith('mlops-ci data-pull failed with exit code 127: ')
        assert message.contains('Node.js')
    }

    @Test
    void marksTheBuildUnstableAndReturnsTheOutputsWhenTheGateFails() {
        // given
        bundleAnswers(3, [passed: 'false', best: ''], [message: 'accuracy 0.8 < 0.9', category: 'gate', exitCode: 3])

        // when
        Map outputs = mlopsStep().call('evaluate-and-gate', [metrics: ['m.json'], rules: 'accuracy >= 0.9'])

        // then
        assert outputs == [passed: false, best: '']
        assert harness.result == 'UNSTABLE'
        assert harness.onlyCall('unstable').arg('message', true) ==
            'mlops-ci evaluate-and-gate: the gate did not pass: accuracy 0.8 < 0.9'
        assert harness.calls('error').empty
    }

    @Test
    void failsTheBuildWhenTheGateFailsAndOnGateFailIsError() {
        // given
        bundleAnswers(3, [passed: 'false'], [message: 'accuracy 0.8 < 0.9', category: 'gate', exitCode: 3])

        // when
        String message = errorMessageOf {
            mlopsStep().call('evaluate-and-gate', [metrics: ['m.json'], rules: 'x', onGateFail: 'error'])
        }

        // then
        assert message == 'mlops-ci evaluate-and-gate: the gate did not pass: accuracy 0.8 < 0.9'
        assert harness.calls('unstable').empty
        // and: onGateFail is the shim's, not an input of the bundle
        assert !sentInputs().containsKey('on-gate-fail')
    }

    @Test
    void rejectsAnUnknownOnGateFailBeforeRunningAnything() {
        // when
        String message = errorMessageOf { mlopsStep().call('evaluate-and-gate', [onGateFail: 'ignore']) }

        // then
        assert message == "mlops-ci evaluate-and-gate: bad input: onGateFail is 'ignore'; accepted: unstable, error"
        assert harness.calls('sh').empty
        assert harness.calls('writeFile').empty
    }

    @Test
    void rejectsAStepNameAShellCouldMisread() {
        // when
        String message = errorMessageOf { mlopsStep().call('data-pull; touch /tmp/pwned', [:]) }

        // then
        assert message.startsWith("mlops-ci: bad input: step name 'data-pull; touch /tmp/pwned' must match ")
        assert harness.calls('sh').empty
    }

    @Test
    void rejectsTwoSpellingsOfOneInput() {
        // when
        String message = errorMessageOf {
            mlopsStep().call('setup-env', [pythonVersion: '3.11', 'python-version': '3.12'])
        }

        // then
        assert message ==
            "mlops-ci setup-env: bad input: 'pythonVersion' and 'python-version' both name the input 'python-version'; give it once"
        assert harness.calls('sh').empty
    }

    @Test
    void rejectsValuesThatAreNotJson() {
        // when
        String message = errorMessageOf { mlopsStep().call('data-pull', [targets: [new File('x')]]) }

        // then
        assert message == "mlops-ci data-pull: bad input: input 'targets[0]' is a java.io.File; " +
            'accepted: strings, numbers, booleans, lists and maps'
    }

    @Test
    void usesFreshOutputFilesForEachInvocation() {
        // given: the first run writes outputs, the second writes none
        int runs = 0
        harness.onSh { StepCall call ->
            if (runs++ == 0) {
                new File(call.env.MLOPS_CI_OUTPUTS).text = '{"best":"rf"}'
            }
            return 0
        }

        // when
        Map first = mlopsStep().call('evaluate-and-gate')
        Map second = mlopsStep().call('evaluate-and-gate')

        // then: the second call does not return the first one's outputs
        assert first == [best: 'rf']
        assert second == [:]
        List<StepCall> shells = harness.calls('sh')
        assert shells[0].env.MLOPS_CI_OUTPUTS != shells[1].env.MLOPS_CI_OUTPUTS
        assert shells[0].env.MLOPS_CI_ERROR_FILE != shells[1].env.MLOPS_CI_ERROR_FILE
    }

    @Test
    void readsTheFilesTheBundleWroteEvenWhenShIsInterrupted() {
        // given: the bundle wrote its error details, then the build was aborted
        harness.onSh { StepCall call ->
            new File(call.env.MLOPS_CI_ERROR_FILE).text = '{"message":"interrupted","category":"failure","exitCode":1}'
            throw new PipelineError('aborted by user')
        }

        // when
        String message = errorMessageOf { mlopsStep().call('train-in-container') }

        // then: the abort propagates, and the files were read after sh, in the finally
        assert message == 'aborted by user'
        List<String> order = harness.calls.collect { it.name }
        assert order.lastIndexOf('readFile') > order.indexOf('sh')
    }

    @Test
    void ignoresOutputsThatAreNotAJsonObject() {
        // given
        harness.onSh { StepCall call ->
            new File(call.env.MLOPS_CI_OUTPUTS).text = '["not", "an", "object"]'
            return 0
        }

        // when
        Map outputs = mlopsStep().call('setup-env')

        // then: an empty map, and a line in the log that says why
        assert outputs == [:]
        assert harness.log.any { it.startsWith('StepRunner.readJsonIfPresent: ignoring ') && it.contains('JSON object') }
    }

    @Test
    void refusesToRunOnAWindowsAgent() {
        // given
        harness.unix = false

        // when
        String message = errorMessageOf { mlopsStep().call('setup-env') }

        // then
        assert message.startsWith('mlops-ci setup-env: runs on Unix agents only')
        assert harness.calls('sh').empty
    }

    @Test
    void everyVarReturnsTheOutputsMap() {
        // then: the project's return convention, for each var in vars/
        harness.varsDir.listFiles().findAll { it.name.endsWith('.groovy') }.each { File file ->
            Script script = harness.loadVar(file.name - '.groovy')
            List calls = script.class.declaredMethods.findAll { it.name == 'call' }
            assert calls && calls.every { it.returnType == Map }: "${file.name}: call() must return Map"
        }
    }

}
