package tests

import harness.PipelineTest
import harness.StepCall
import harness.Test

/** Agents without node on PATH: `nodeTool` (NodeJS plugin) or `nodeImage` (Docker Pipeline). */
class NodeAgentTest extends PipelineTest {

    @Test
    void runsTheBundleInsideTheNodejsWrapperOfTheNamedInstallation() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf'])
        harness.credentialStore['gh'] = 'ghp_token'

        // when
        Map outputs = mlopsGate().call(metrics: ['m.json'], nodeTool: 'node24', githubTokenCredentialsId: 'gh')

        // then: sh runs within nodejs, with the shim's environment and credentials inside it
        assert harness.onlyCall('nodejs').args[0] == [nodeJSInstallationName: 'node24']
        assert harness.onlyCall('sh').within == ['nodejs', 'withEnv', 'withCredentials']
        assert harness.calls('docker.image').empty
        // and: the shim's own arguments are not inputs, and the outputs come back through the wrapper
        assert sentInputs() == [metrics: ['m.json']]
        assert outputs == [passed: true, best: 'rf']
    }

    @Test
    void runsTheBundleInsideAContainerOfTheNamedImage() {
        // given
        bundleAnswers(0, [version: '3'])

        // when
        Map outputs = harness.loadVar('mlopsPromote').call(model: 'iris', path: 'm.pkl', nodeImage: 'node:24-bookworm')

        // then
        assert harness.onlyCall('docker.image').args == ['node:24-bookworm']
        assert harness.onlyCall('docker.image.inside').args[0] == 'node:24-bookworm'
        assert harness.onlyCall('sh').within == ['docker.image.inside', 'withEnv']
        assert harness.calls('nodejs').empty
        assert sentInputs() == [model: 'iris', path: 'm.pkl']
        assert outputs.version == '3'
    }

    @Test
    void runsTheRealProcessThroughTheWrapper() {
        // given: the fake bundle run for real by /bin/sh
        harness.runShForReal()

        // when
        Map outputs = mlopsStep().call('data-pull', [nodeTool: 'node24', source: 's3://b/p/'])

        // then: the exit status and the outputs are the bundle's
        assert outputs.step == 'data-pull'
        assert outputs['inputs-json'] == '{"source":"s3://b/p/"}'
        assert harness.result == 'SUCCESS'
    }

    @Test
    void usesTheAgentsNodeWhenNeitherIsGiven() {
        // given
        bundleAnswers(0)

        // when
        mlopsStep().call('train-in-container', [image: 'python:3.12'])

        // then
        assert harness.calls('nodejs').empty
        assert harness.calls('docker.image').empty
        assert harness.onlyCall('sh').within == ['withEnv']
    }

    @Test
    void rejectsNodeToolAndNodeImageTogether() {
        // when
        String message = errorMessageOf {
            mlopsStep().call('setup-env', [nodeTool: 'node24', nodeImage: 'node:24-bookworm'])
        }

        // then: both are named, and nothing ran
        assert message == 'mlops-ci setup-env: bad input: nodeTool and nodeImage are both given; give one: ' +
            'nodeTool for a NodeJS installation, nodeImage for a Docker image with node'
        assert harness.calls('sh').empty
        assert harness.calls('nodejs').empty
    }

    @Test
    void rejectsANodeToolThatIsNotAName() {
        // when
        String message = errorMessageOf { mlopsStep().call('setup-env', [nodeTool: '  ']) }

        // then
        assert message == "mlops-ci setup-env: bad input: nodeTool must be a non-empty string, e.g. nodeTool: '…'"
    }

    @Test
    void failsTheBuildWhenTheInstallationIsUnknownWithoutRunningTheBundle() {
        // given
        bundleAnswers(0)

        // when
        String message = errorMessageOf { mlopsStep().call('setup-env', [nodeTool: 'node99']) }

        // then: Jenkins' own message
        assert message == 'No NodeJS installation named node99 was found'
        assert harness.calls('sh').empty
    }

}
