package tests

import groovy.json.JsonOutput
import harness.PipelineTest
import harness.Test

/** currentBuild.description: the gate's verdict and what was promoted, appended, escaped. */
class BuildDescriptionTest extends PipelineTest {

    static final Map FAILED_RESULTS = [
        passed    : false,
        best      : null,
        candidates: [
            gb: [passed: false, rules: [
                [rule: 'accuracy >= 0.95', passed: false, verdict: 'failed'], [rule: 'f1 >= 0.9', passed: false, verdict: 'failed']]],
            rf: [passed: false, rules: [
                [rule: 'accuracy >= 0.95', passed: false, verdict: 'failed'], [rule: 'f1 >= 0.9', passed: true, verdict: 'passed'],
                [rule: 'f1 >= baseline.f1', passed: false, verdict: 'skipped']]],
        ],
    ]

    @Test
    void describesAPassingGate() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf'])

        // when
        mlopsGate().call(metrics: ['m.json'], rules: 'accuracy >= 0.9')

        // then
        assert harness.currentBuild.description == 'gate passed — best: rf'
    }

    @Test
    void describesAFailedGateByTheNearestCandidatesFirstFailedRule() {
        // given
        bundleAnswers(3, [passed: 'false', best: '', results: JsonOutput.toJson(FAILED_RESULTS)],
            [message: 'the gate did not pass', category: 'gate', exitCode: 3])

        // when
        Map gate = mlopsGate().call(metrics: ['m.json'], rules: 'accuracy >= 0.95\nf1 >= 0.9')

        // then: rf failed one rule, gb two: rf is named, the other two counted
        assert harness.currentBuild.description == 'gate failed: rf: accuracy &gt;= 0.95 (+2 more)'
        assert harness.result == 'UNSTABLE'
        assert gate.passed == false
    }

    @Test
    void describesAFailedGateEvenWhenItFailsTheBuild() {
        // given
        Map oneRule = [candidates: [rf: [passed: false, rules: [[rule: 'accuracy >= 0.95', passed: false, verdict: 'failed']]]]]
        bundleAnswers(3, [passed: 'false', results: JsonOutput.toJson(oneRule)],
            [message: 'the gate did not pass', category: 'gate', exitCode: 3])

        // when
        errorMessageOf { mlopsGate().call(metrics: ['m.json'], onGateFail: 'error') }

        // then
        assert harness.currentBuild.description == 'gate failed: rf: accuracy &gt;= 0.95'
        assert harness.result == 'FAILURE'
    }

    @Test
    void describesAPromotion() {
        // given
        bundleAnswers(0, [version: '3', 'previous-version': '2'])

        // when
        harness.loadVar('mlopsPromote').call(model: 'iris-classifier', path: 'm.pkl', alias: 'champion')

        // then
        assert harness.currentBuild.description == 'promoted iris-classifier v3 → @champion'
    }

    @Test
    void describesRollbacksAndMovesAndNotDescribeOrGc() {
        Map<Map, String> cases = [
            ([model: 'iris', alias: 'prod', rollback: true])        : 'rolled back iris @prod → v1',
            ([model: 'iris', alias: 'prod', toVersion: '7'])        : 'moved iris @prod → v1',
            ([model: 'iris', path: 'm.pkl'])                        : 'promoted iris v1',
            ([model: 'iris', path: 'm.pkl', alias: 'x', push: true]): 'promoted iris v1 → @x',
            ([describe: 'iris@prod'])                               : null,
            ([gc: true])                                            : null,
            ([model: 'iris', alias: 'prod', removeAlias: true])     : null,
        ]
        cases.each { Map args, String expected ->
            // given
            freshHarness()
            bundleAnswers(0, [version: '1'])

            // when
            harness.loadVar('mlopsPromote').call(args)

            // then
            assert harness.currentBuild.description == expected: args
        }
    }

    @Test
    void appendsToTheDescriptionOtherStepsSet() {
        // given: a description set earlier in the pipeline, then a gate and a promotion
        bundleAnswers(0, [passed: 'true', best: 'rf', version: '4'])

        // when
        harness.runPipeline('''
            currentBuild.description = 'nightly <b>run</b>'
            def gate = mlopsGate(metrics: ['m.json'], rules: 'accuracy >= 0.9')
            mlopsPromote(model: 'iris', path: 'm.pkl', alias: 'production')
        ''')

        // then: each line after what was there, which is kept as it was
        assert harness.currentBuild.description ==
            'nightly <b>run</b> · gate passed — best: rf · promoted iris v4 → @production'
    }

    @Test
    void escapesWhatUsersAndFilesGave() {
        // given
        bundleAnswers(0, [passed: 'true', best: '<img src=x onerror=alert(1)>', version: '1'])

        // when
        mlopsGate().call(metrics: ['m.json'])
        harness.loadVar('mlopsPromote').call(model: 'a&b', path: 'm.pkl', alias: '"x"')

        // then
        assert harness.currentBuild.description ==
            'gate passed — best: &lt;img src=x onerror=alert(1)&gt; · promoted a&amp;b v1 → @&quot;x&quot;'
    }

    @Test
    void keepsItShort() {
        // given
        String longName = 'candidate-' + ('x' * 200)
        bundleAnswers(0, [passed: 'true', best: longName])

        // when
        mlopsGate().call(metrics: ['m.json'])

        // then
        assert harness.currentBuild.description == 'gate passed — best: ' + longName.take(59) + '…'
    }

    @Test
    void leavesTheDescriptionAloneWhenToldOrWhenTheStepFailed() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf'])

        // when: turned off
        mlopsGate().call(metrics: ['m.json'], description: false)

        // then
        assert harness.currentBuild.description == null

        // given: a step that failed (exit 1)
        bundleAnswers(1, [:], [message: 'boom', category: 'failure', exitCode: 1])

        // when
        errorMessageOf { mlopsGate().call(metrics: ['m.json']) }

        // then
        assert harness.currentBuild.description == null
        // and: the other steps describe nothing
        bundleAnswers(0, [path: 'data', files: '3'])
        mlopsStep().call('data-pull', [source: 's3://b/p/'])
        assert harness.currentBuild.description == null
    }

    @Test
    void rejectsADescriptionThatIsNotABoolean() {
        // when
        String message = errorMessageOf { mlopsGate().call(metrics: ['m.json'], description: 'false') }

        // then: the string 'false' would be true in Groovy
        assert message == "mlops-ci evaluate-and-gate: bad input: description is 'false'; accepted: true or false (a Boolean)"
        assert harness.calls('sh').empty
    }

    private void freshHarness() {
        tearDown(null)
        setUp()
    }

}
