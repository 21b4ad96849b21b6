package tests

import groovy.json.JsonOutput
import harness.PipelineTest
import harness.SkipTest
import harness.StepCall
import harness.Test

class MlopsPromoteTest extends PipelineTest {

    static final String REAL_MANIFEST = 'jenkins-lib/resources/io/mlopsci/dist/manifest.json'

    Script mlopsPromote() {
        return harness.loadVar('mlopsPromote')
    }

    @Test
    void delegatesToMlopsStepWithThePromoteStepNameAndKebabCaseInputs() {
        // given
        bundleAnswers(0, [version: '3', uri: '/ws/.mlops-ci/registry/iris/versions/3', 'previous-version': '2'])

        // when
        Map outputs = mlopsPromote().call(model: 'iris', path: 'out/rf/model.pkl', alias: 'staging', gateResults: 'gate/results.json', requireGate: true)

        // then: one mlopsStep call for promote-model; camelCase keys arrive kebab-cased, booleans typed
        StepCall step = harness.onlyCall('mlopsStep')
        assert step.args[0] == 'promote-model'
        assert harness.onlyCall('sh').env.MLOPS_CI_STEP == 'promote-model'
        assert sentInputs() == [model: 'iris', path: 'out/rf/model.pkl', alias: 'staging', 'gate-results': 'gate/results.json', 'require-gate': true]
        assert outputs.version == '3'
        assert outputs.previousVersion == '2'
    }

    @Test
    void failsTheBuildWhenTheGateDidNotPass() {
        // given: the bundle refuses a failed gate with exit 2 and the failed rules
        bundleAnswers(2, [:], [message: "input 'gate-results': the gate did not pass, so the model is not promoted; failed rules: rf: accuracy >= 0.9", category: 'input', exitCode: 2])

        // when
        String message = errorMessageOf { mlopsPromote().call(model: 'iris', path: 'm.pkl', gateResults: 'results.json') }

        // then
        assert message.startsWith('mlops-ci promote-model: bad input: ')
        assert message.contains('failed rules: rf: accuracy >= 0.9')
        assert harness.calls('unstable').empty
    }

    @Test
    void registersMovesAndRollsBackWithTheRealBundle() {
        // given: the library's own bundle, run for real, on a model, its metrics and the real gate's results
        useTheRealBundle()
        file('out/model.pkl', 'weights')
        file('out/metrics.json', JsonOutput.toJson([accuracy: 0.95]))
        harness.loadVar('mlopsGate').call(metrics: ['rf=out/metrics.json'], rules: 'accuracy >= 0.9', resultsFile: 'results.json')

        // when: two registrations, then a rollback
        Map first = mlopsPromote().call(model: 'iris', path: 'out/model.pkl', alias: 'production', gateResults: 'results.json')
        Map second = mlopsPromote().call(model: 'iris', path: 'out/model.pkl', alias: 'production', gateResults: 'results.json')
        Map back = mlopsPromote().call(model: 'iris', alias: 'production', rollback: true)

        // then
        assert first.version == '1'
        assert second.version == '2' && second.previousVersion == '1'
        assert back.version == '1' && back.previousVersion == '2'
        assert new File(harness.workspace, '.mlops-ci/registry/iris/versions/2/model.pkl').text == 'weights'
        Map lineage = (Map) new groovy.json.JsonSlurperClassic().parse(new File(back.lineage))
        assert lineage.run == [url: 'http://jenkins.invalid/job/demo/1/', host: 'jenkins']
        assert lineage.gate.passed == true
    }

    @Test
    void refusesABadModelNameWithTheRealBundle() {
        // given
        useTheRealBundle()

        // when
        String message = errorMessageOf { mlopsPromote().call(model: '../etc', path: 'nope', requireGate: false) }

        // then
        assert message.startsWith("mlops-ci promote-model: bad input: input 'model'")
        assert !new File(harness.workspace, '.mlops-ci').exists()
    }

    private void useTheRealBundle() {
        if (!new File(REPO_ROOT, REAL_MANIFEST).file) {
            println '!!!! SKIP: the real bundle is not built: ' + REAL_MANIFEST + ' is missing (run the build first) !!!!'
            throw new SkipTest('real bundle absent: ' + REAL_MANIFEST)
        }
        harness.resourcesDir = new File(REPO_ROOT, 'jenkins-lib/resources')
        harness.runShForReal()
    }

    private File file(String path, String text) {
        File file = new File(harness.workspace, path)
        file.parentFile.mkdirs()
        file.text = text
        return file
    }

}
