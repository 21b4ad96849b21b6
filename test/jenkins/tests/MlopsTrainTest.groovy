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
    void bindsAKubeconfigSecretFileAndGivesItsPathNeverItsContent() {
        // given: a Secret file credential whose content is a kubeconfig with a bearer token
        String token = 'kube-t0ken-93c1'
        String kubeconfig = "apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: ${token}\n"
        harness.credentialStore['gpu-cluster'] = [fileName: 'kubeconfig', content: kubeconfig]
        String seenPath = null
        String seenContent = null
        harness.onSh { StepCall call ->
            seenPath = call.env.MLOPS_CI_FILE_KUBECONFIG
            seenContent = new File(seenPath).getText('UTF-8')
            new File(call.env.MLOPS_CI_OUTPUTS).setText('{"job-name": "mlops-train-7", "node": "kwok-gpu"}', 'UTF-8')
            return 0
        }

        // when
        Map outputs = mlopsTrain().call(runtime: 'kubernetes', kubeconfigCredentialsId: 'gpu-cluster',
            image: 'ghcr.io/acme/train:1', command: 'python train.py', gpus: '2')

        // then: bound as a file around sh, its path where the bundle reads the kubeconfig input from
        assert harness.onlyCall('file').args == [[credentialsId: 'gpu-cluster', variable: 'MLOPS_CI_FILE_KUBECONFIG']]
        assert seenContent == kubeconfig
        assert !new File(seenPath).exists()
        assert harness.onlyCall('withCredentials').env.MLOPS_CI_FILE_KUBECONFIG == null
        // and: the content is in no input, no log line, no recorded call
        assert sentInputs() == [runtime: 'kubernetes', image: 'ghcr.io/acme/train:1', command: 'python train.py', gpus: '2']
        assert !harness.recordedText().contains(token)
        assert outputs == [jobName: 'mlops-train-7', node: 'kwok-gpu']
    }

    @Test
    void refusesAKubeconfigPathTogetherWithItsCredentialsId() {
        // when
        String message = errorMessageOf {
            mlopsTrain().call(runtime: 'kubernetes', kubeconfig: 'ci/kubeconfig', kubeconfigCredentialsId: 'gpu-cluster',
                image: 'img', command: 'true')
        }

        // then: nothing ran, and the message names both and what each is for
        assert message == "mlops-ci train-in-container: bad input: kubeconfigCredentialsId and kubeconfig both give the input 'kubeconfig'; " +
            'give one: kubeconfigCredentialsId for a Secret file credential, kubeconfig for a path'
        assert harness.calls('sh').empty
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
