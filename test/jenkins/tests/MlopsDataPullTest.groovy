package tests

import harness.PipelineTest
import harness.SkipTest
import harness.StepCall
import harness.Test

class MlopsDataPullTest extends PipelineTest {

    static final String REAL_MANIFEST = 'jenkins-lib/resources/io/mlopsci/dist/manifest.json'

    Script mlopsDataPull() {
        return harness.loadVar('mlopsDataPull')
    }

    @Test
    void delegatesToMlopsStepWithTheDataPullStepNameAndKebabCaseInputs() {
        // given
        bundleAnswers(0, [path: '/ws/data', files: '3', digest: 'abc', 'cache-hit': 'false'])

        // when
        Map outputs = mlopsDataPull().call(dvc: ['data/iris.dvc', 'dvc.lock:prepare'], cacheUrl: 's3://ci-cache/data', delete: true, concurrency: 16)

        // then: one mlopsStep call for data-pull; lists, booleans and numbers stay typed
        StepCall step = harness.onlyCall('mlopsStep')
        assert step.args[0] == 'data-pull'
        assert harness.onlyCall('sh').env.MLOPS_CI_STEP == 'data-pull'
        assert sentInputs() == [dvc: ['data/iris.dvc', 'dvc.lock:prepare'], 'cache-url': 's3://ci-cache/data', delete: true, concurrency: 16]
        assert outputs == [path: '/ws/data', files: 3L, digest: 'abc', cacheHit: false]
    }

    @Test
    void failsTheBuildWithTheBundlesMessageOnABadInput() {
        // given
        bundleAnswers(2, [:], [message: "input 'source': is required: give 'source' or 'dvc'", category: 'input', exitCode: 2])

        // when
        String message = errorMessageOf { mlopsDataPull().call() }

        // then
        assert message == "mlops-ci data-pull: bad input: input 'source': is required: give 'source' or 'dvc'"
    }

    @Test
    void pullsAFolderForRealAndTransfersNothingTheSecondTime() {
        // given: the library's own bundle run by a real sh, a dataset folder beside the workspace
        useTheRealBundle()
        File source = new File(harness.root, 'datasets/iris')
        new File(source, 'tables').mkdirs()
        new File(source, 'tables/iris.csv').setText('sepal,petal\r\n5.1,1.4\r\n', 'UTF-8')
        new File(source, 'README.md').setText('iris\n', 'UTF-8')
        File cacheDir = new File(harness.root, 'agent-cache')
        Map args = [source: source.path, path: 'data/iris', cacheDir: cacheDir.path, cache: false]

        // when
        Map first = mlopsDataPull().call(args)
        Map second = mlopsDataPull().call(args)

        // then
        assert first.files instanceof Number && first.files == 2L
        assert first.cacheHit == false && first.bytes instanceof Number
        assert first.transferred == 2L
        assert first.path == new File(harness.workspace, 'data/iris').path
        assert new File(harness.workspace, 'data/iris/tables/iris.csv').bytes == new File(source, 'tables/iris.csv').bytes
        assert second.transferred == 0L
        assert second.digest == first.digest
    }

    /** Points libraryResource at the library's own resources and runs sh for real; skips loudly without the build. */
    private void useTheRealBundle() {
        if (!new File(REPO_ROOT, REAL_MANIFEST).file) {
            println '!!!! SKIP: the real bundle is missing (run the build) !!!!'
            throw new SkipTest('real bundle absent')
        }
        harness.resourcesDir = new File(REPO_ROOT, 'jenkins-lib/resources')
        harness.runShForReal()
    }

}
