package tests

import harness.PipelineTest
import harness.SkipTest
import harness.StepCall
import harness.Test

class MlopsSetupEnvTest extends PipelineTest {

    static final String REAL_MANIFEST = 'jenkins-lib/resources/io/mlopsci/dist/manifest.json'
    static final File TOOLS_BIN = new File(REPO_ROOT, '.cache/venv/bin')

    Script mlopsSetupEnv() {
        return harness.loadVar('mlopsSetupEnv')
    }

    @Test
    void delegatesToMlopsStepWithTheSetupEnvStepNameAndKebabCaseInputs() {
        // given
        bundleAnswers(0, [python: '/ws/.venv/bin/python', 'cache-hit': 'true', manager: 'uv'])

        // when
        Map outputs = mlopsSetupEnv().call(pythonVersion: '3.11', cacheUrl: '/var/cache/mlops-ci', extras: ['train', 'gpu'], cache: true)

        // then: one mlopsStep call for setup-env; the bundle gets kebab-case names, lists and booleans typed
        StepCall step = harness.onlyCall('mlopsStep')
        assert step.args[0] == 'setup-env'
        assert harness.onlyCall('sh').env.MLOPS_CI_STEP == 'setup-env'
        assert sentInputs() == ['python-version': '3.11', 'cache-url': '/var/cache/mlops-ci', extras: ['train', 'gpu'], cache: true]
        assert outputs == [python: '/ws/.venv/bin/python', cacheHit: true, manager: 'uv']
    }

    @Test
    void failsTheBuildWithTheBundlesMessageOnABadInput() {
        // given: the bundle refuses a python-version no interpreter has
        bundleAnswers(2, [:], [message: "input 'python-version': no interpreter matches '3.99'", category: 'input', exitCode: 2])

        // when
        String message = errorMessageOf { mlopsSetupEnv().call(pythonVersion: '3.99') }

        // then
        assert message == "mlops-ci setup-env: bad input: input 'python-version': no interpreter matches '3.99'"
    }

    @Test
    void buildsARealUvEnvThenRestoresItFromTheAgentsCacheFolder() {
        // given: the library's own bundle run by a real sh, uv from the test venv, the uv fixture in the workspace
        useTheRealBundle()
        String fixture = new File(REPO_ROOT, 'test/setup-env/fixtures/uv').path
        assert ['cp', '-R', fixture + '/.', harness.workspace.path].execute().waitFor() == 0
        File cacheDir = new File(harness.root, 'agent-cache')
        harness.baseEnv.PATH = TOOLS_BIN.path + ':' + harness.baseEnv.PATH
        harness.baseEnv.UV_CACHE_DIR = new File(REPO_ROOT, '.cache/test-uv-cache').path
        // How this machine reaches PyPI (its proxy's CA), as an agent's environment would carry it.
        ['SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE', 'PIP_CERT', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'].each { String name ->
            if (System.getenv(name) != null) {
                harness.baseEnv[name] = System.getenv(name)
            }
        }

        // when: a build makes the env, and the next build (fresh workspace contents) finds it cached
        Map first = mlopsSetupEnv().call(cacheUrl: cacheDir.path)
        new File(harness.workspace, '.venv').deleteDir()
        Map second = mlopsSetupEnv().call(cacheUrl: cacheDir.path)

        // then
        assert first.manager == 'uv'
        assert first.cacheHit == false
        assert second.cacheHit == true
        assert second.fingerprint == first.fingerprint
        assert second.python == new File(harness.workspace, '.venv/bin/python').path
        Process probe = [second.python, '-c', 'import dateutil; print(dateutil.__version__)'].execute()
        assert probe.text.trim() == '2.9.0.post0'
    }

    /** Points libraryResource at the library's own resources and runs sh for real; skips loudly without them or uv. */
    private void useTheRealBundle() {
        if (!new File(REPO_ROOT, REAL_MANIFEST).file || !new File(TOOLS_BIN, 'uv').file) {
            println '!!!! SKIP: the real bundle or uv is missing (run the build and scripts/provision/python-venv.sh) !!!!'
            throw new SkipTest('real bundle or uv absent')
        }
        harness.resourcesDir = new File(REPO_ROOT, 'jenkins-lib/resources')
        harness.runShForReal()
    }

}
