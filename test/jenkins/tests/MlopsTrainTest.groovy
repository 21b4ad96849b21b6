package tests

import harness.PipelineTest
import harness.StepCall
import harness.Test

class MlopsTrainTest extends PipelineTest {

    Script mlopsTrain() {
        return harness.loadVar('mlopsTrain')
    }

    @Test
    void delegatesToMlopsStepWithTheTrainStepNameAndKeepsListsAndMapsTyped() {
        // given
        bundleAnswers(0, ['exit-code': '0', metrics: 'out/rf/metrics.json'])

        // when: a list command (argv, no shell) and an env map, as a Jenkinsfile writes them
        Map outputs = mlopsTrain().call(
            image: 'mlops-ci-python:bookworm',
            command: ['python3', 'train.py', 'rf'],
            env: [MODEL: 'rf'],
            shmSize: '2g',
        )

        // then: one mlopsStep call for train-in-container, the JSON inputs keep the list and the map
        StepCall step = harness.onlyCall('mlopsStep')
        assert step.args[0] == 'train-in-container'
        assert harness.onlyCall('sh').env.MLOPS_CI_STEP == 'train-in-container'
        assert sentInputs() == [
            image: 'mlops-ci-python:bookworm',
            command: ['python3', 'train.py', 'rf'],
            env: [MODEL: 'rf'],
            'shm-size': '2g',
        ]
        assert outputs == [exitCode: 0L, metrics: 'out/rf/metrics.json']
    }

    @Test
    void failsTheBuildWithTheLastLogLinesWhenTrainingFails() {
        // given
        bundleAnswers(1, ['exit-code': '3'], [message: 'the command exited with 3 after 1 s\nloss is NaN', category: 'failure', exitCode: 1])

        // when
        String message = errorMessageOf { mlopsTrain().call(image: 'img', command: 'python train.py') }

        // then
        assert message.contains('the command exited with 3')
        assert message.contains('loss is NaN')
    }

}
