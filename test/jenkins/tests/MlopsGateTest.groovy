package tests

import harness.PipelineTest
import harness.StepCall
import harness.Test

class MlopsGateTest extends PipelineTest {

    @Test
    void delegatesToMlopsStepWithTheGateStepName() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf'])

        // when
        Map outputs = mlopsGate().call(metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9')

        // then: one mlopsStep call, for evaluate-and-gate, with the user's map as given
        StepCall step = harness.onlyCall('mlopsStep')
        assert step.args[0] == 'evaluate-and-gate'
        assert step.args[1] == [metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9']
        assert harness.onlyCall('sh').env.MLOPS_CI_STEP == 'evaluate-and-gate'
        assert sentInputs() == [metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9']
        assert outputs == [passed: true, best: 'rf']
    }

    @Test
    void marksTheBuildUnstableWhenTheGateDoesNotPass() {
        // given
        bundleAnswers(3, [passed: 'false', best: ''], [message: 'no candidate passed', category: 'gate', exitCode: 3])

        // when
        Map outputs = mlopsGate().call(metrics: ['m.json'], rules: 'accuracy >= 0.99')

        // then
        assert harness.result == 'UNSTABLE'
        assert outputs.passed == false
    }

    @Test
    void letsTheUserChooseToFailTheBuildInEitherSpelling() {
        ['onGateFail', 'on-gate-fail'].each { String key ->
            // given
            bundleAnswers(3, [passed: 'false'], [message: 'no candidate passed', category: 'gate', exitCode: 3])

            // when
            String message = errorMessageOf { mlopsGate().call(metrics: ['m.json'], rules: 'x', (key): 'error') }

            // then
            assert message == 'mlops-ci evaluate-and-gate: the gate did not pass: no candidate passed'
        }
        assert harness.calls('unstable').empty
    }

    @Test
    void runsWithNoArgumentsAndLeavesTheCheckToTheBundle() {
        // given
        bundleAnswers(2, [:], [message: "input 'metrics' is required", category: 'input', exitCode: 2])

        // when
        String message = errorMessageOf { mlopsGate().call() }

        // then
        assert message == "mlops-ci evaluate-and-gate: bad input: input 'metrics' is required"
        assert sentInputs() == [:]
    }

    @Test
    void worksFromAJenkinsfileWithNamedArguments() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf'])

        // when: the way a Jenkinsfile calls the vars, named arguments and all
        Object best = harness.runPipeline('''
            def gate = mlopsGate(metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9', select: 'max:accuracy')
            mlopsStep('promote-model', model: 'iris', candidate: gate.best)
            return gate.best
        ''')

        // then
        assert best == 'rf'
        List<StepCall> shells = harness.calls('sh')
        assert shells*.env*.MLOPS_CI_STEP == ['evaluate-and-gate', 'promote-model']
        assert new groovy.json.JsonSlurperClassic().parseText(shells[1].env.MLOPS_CI_INPUTS) ==
            [model: 'iris', candidate: 'rf']
    }

}
