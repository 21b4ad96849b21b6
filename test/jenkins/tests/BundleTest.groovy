package tests

import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import harness.FakeBundle
import harness.PipelineTest
import harness.SkipTest
import harness.StepCall
import harness.Test

class BundleTest extends PipelineTest {

    static final String REAL_MANIFEST = 'jenkins-lib/resources/io/mlopsci/dist/manifest.json'

    @Test
    void writesEveryManifestFileAndAnEsmPackageJsonIntoTheBuildTempArea() {
        // given
        bundleAnswers(0)

        // when
        mlopsStep().call('setup-env')

        // then: one directory in pwd(tmp: true), named after the bundle's content
        File entry = new File(harness.onlyCall('sh').env.MLOPS_CI_ENTRY)
        File dir = entry.parentFile
        assert dir.parentFile == harness.tmpDir
        assert dir.name ==~ /mlops-ci-[0-9a-f]{16}/
        assert entry.name == 'mlops-ci.mjs'
        // and: every file byte for byte (the binary asset too), with package.json saying ESM
        File dist = new File(harness.resourcesDir, FakeBundle.DIST)
        FakeBundle.FILES.each { String name ->
            assert new File(dir, name).bytes == new File(dist, name).bytes
        }
        assert new File(dir, 'assets/blob.bin').bytes == FakeBundle.BLOB
        assert new JsonSlurperClassic().parseText(new File(dir, 'package.json').text) == [type: 'module']
        // and: everything went through libraryResource and writeFile
        assert harness.calls('writeFile').collect { it.arg('file') - (dir.path + '/') } ==
            FakeBundle.FILES + ['package.json', '.mlops-ci-complete']
    }

    @Test
    void reusesTheBundleForTheNextStepOfTheBuild() {
        // given
        bundleAnswers(0)
        mlopsStep().call('setup-env')
        int writes = harness.calls('writeFile').size()

        // when
        mlopsStep().call('data-pull')

        // then: nothing written again, and both steps ran the same entry
        assert harness.calls('writeFile').size() == writes
        List<StepCall> shells = harness.calls('sh')
        assert shells[0].env.MLOPS_CI_ENTRY == shells[1].env.MLOPS_CI_ENTRY
    }

    @Test
    void writesANewDirectoryWhenTheBundleChanges() {
        // given: a build ran with one bundle version
        bundleAnswers(0)
        mlopsStep().call('setup-env')
        String before = harness.onlyCall('sh').env.MLOPS_CI_ENTRY

        // when: a chunk changes under the same name (ncc chunk names are not content hashes)
        new File(harness.resourcesDir, FakeBundle.DIST + '/100.index.js').text = "export const chunkWord = 'v2';\n"
        mlopsStep().call('setup-env')

        // then
        String after = harness.calls('sh')[1].env.MLOPS_CI_ENTRY
        assert after != before
        assert new File(new File(after).parentFile, '100.index.js').text.contains('v2')
    }

    @Test
    void rewritesADirectoryThatWasLeftHalfWritten() {
        // given: an earlier build stopped before writing the completion marker
        bundleAnswers(0)
        mlopsStep().call('setup-env')
        File dir = new File(harness.onlyCall('sh').env.MLOPS_CI_ENTRY).parentFile
        new File(dir, '.mlops-ci-complete').delete()
        new File(dir, '100.index.js').text = ''

        // when
        mlopsStep().call('setup-env')

        // then
        assert new File(dir, '100.index.js').text == FakeBundle.CHUNK
    }

    @Test
    void failsClearlyOnABrokenManifest() {
        Map<Object, String> cases = [
            (['100.index.js'])              : 'manifest.json does not list the entry mlops-ci.mjs',
            (['mlops-ci.mjs', '../../x.js']): "manifest.json lists '../../x.js', which is not a relative file name",
            (['mlops-ci.mjs', '/etc/passwd']): "manifest.json lists '/etc/passwd', which is not a relative file name",
            ([mlops: 'ci.mjs'])             : 'manifest.json must be a JSON array of file names',
        ]
        cases.each { Object manifest, String expected ->
            // given
            new File(harness.resourcesDir, FakeBundle.DIST + '/manifest.json').text = JsonOutput.toJson(manifest)

            // when
            String message = errorMessageOf { mlopsStep().call('setup-env') }

            // then
            assert message == "mlops-ci: this library's bundle is broken: " + expected
        }
        assert harness.calls('sh').empty
        assert harness.calls('writeFile').empty
    }

    @Test
    void runsTheFakeEntryThroughARealShellAndNode() {
        // given: /bin/sh and node for real, values a shell would execute if it ever saw them
        harness.runShForReal()
        List<String> hostile = [
            "'; touch pwned #", '$(touch pwned)', '`touch pwned`', 'say "hi"', 'a\nb', 'ünïcödé ✓', '\\',
        ]

        // when
        Map outputs = mlopsStep().call('evaluate-and-gate', [metrics: hostile, rules: hostile.join('\n'), seed: 7])

        // then: node got the step as its only argument, loaded the ESM chunk, and wrote outputs back
        assert outputs.step == 'evaluate-and-gate'
        // (outputs no spec declares keep the bundle's name and text)
        assert outputs['argument-count'] == '1'
        assert outputs.chunk == 'loaded as ESM'
        // and: the inputs arrived exactly as given, and no shell ran any of them
        assert new JsonSlurperClassic().parseText(outputs['inputs-json']) ==
            [metrics: hostile, rules: hostile.join('\n'), seed: 7]
        assert !new File(harness.workspace, 'pwned').exists()
    }

    @Test
    void readsTheErrorDetailsARealNodeProcessWrote() {
        // given
        harness.runShForReal()

        // when: the fake bundle exits 2 with a message, as the real one does on a bad input
        String message = errorMessageOf {
            mlopsStep().call('setup-env', [exitCode: 2, message: "input 'python-version' is '2.7'; accepted: 3.9-3.13"])
        }

        // then
        assert message == "mlops-ci setup-env: bad input: input 'python-version' is '2.7'; accepted: 3.9-3.13"
    }

    @Test
    void runsTheRealBundleAsAGate() {
        // given: the library's own bundle, run for real, on two candidates' metrics
        useTheRealBundle()
        File rf = metricsFile('out/rf/metrics.json', [accuracy: 0.95, f1: 0.93])
        File lr = metricsFile('out/lr/metrics.json', [accuracy: 0.91, f1: 0.90])

        // when
        Map outputs = mlopsGate().call(
            metrics: ['rf=' + rf.path, 'lr=' + lr.path],
            rules: 'accuracy >= 0.9\nf1 >= 0.85',
            select: 'max:accuracy',
            comment: 'off',
        )

        // then: typed outputs under camelCase keys, as a pipeline reads them
        assert outputs.passed == true
        assert outputs.best == 'rf'
        assert new JsonSlurperClassic().parseText(outputs.results as String).best == 'rf'
        assert new File(outputs.resultsFile as String).file
        assert outputs.bestMetrics == rf.path
        assert harness.result == 'SUCCESS'
    }

    @Test
    void runsTheRealBundleAsAGateThatDoesNotPass() {
        // given
        useTheRealBundle()
        File lr = metricsFile('out/lr/metrics.json', [accuracy: 0.71])

        // when: exit 3, which the gate var turns into UNSTABLE
        Map outputs = mlopsGate().call(metrics: ['lr=' + lr.path], rules: 'accuracy >= 0.9', comment: 'off')

        // then: a failed gate reads as false in an if, not as the (true) string 'false'
        assert outputs.passed instanceof Boolean
        if (outputs.passed) {
            assert false: 'if (gate.passed) took a failed gate for a passed one'
        }
        assert outputs.best == ''
        assert new File(outputs.resultsFile as String).file
        assert !outputs.containsKey('results-file')
        assert harness.result == 'UNSTABLE'
        assert harness.onlyCall('unstable').arg('message', true).startsWith('mlops-ci evaluate-and-gate: the gate did not pass: ')
    }

    @Test
    void runsTheRealBundleWithABadInput() {
        // given
        useTheRealBundle()
        File rf = metricsFile('out/rf/metrics.json', [accuracy: 0.95])

        // when: rules is missing, so the bundle exits 2 and writes its message to MLOPS_CI_ERROR_FILE
        String message = errorMessageOf { mlopsGate().call(metrics: ['rf=' + rf.path]) }

        // then
        assert message.startsWith("mlops-ci evaluate-and-gate: bad input: input 'rules'")
    }

    /** Points libraryResource at the library's own resources and runs sh for real; skips loudly without them. */
    private void useTheRealBundle() {
        if (!new File(REPO_ROOT, REAL_MANIFEST).file) {
            println '!!!! SKIP: the real bundle is not built: ' + REAL_MANIFEST + ' is missing (run the build first) !!!!'
            throw new SkipTest('real bundle absent: ' + REAL_MANIFEST)
        }
        harness.resourcesDir = new File(REPO_ROOT, 'jenkins-lib/resources')
        harness.runShForReal()
    }

    private File metricsFile(String path, Map metrics) {
        File file = new File(harness.workspace, path)
        file.parentFile.mkdirs()
        file.text = JsonOutput.toJson(metrics)
        return file
    }

}
