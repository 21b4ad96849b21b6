/*
 * Runs one build of a Jenkinsfile under the pipeline harness, for the end-to-end tests:
 * the library's vars and the real bundle from jenkins-lib/resources, every sh run for real.
 *
 *   bash test/jenkins/run.sh --jenkinsfile <Jenkinsfile> <workspace> <build.json> <result.json>
 *
 * build.json: {"env": {NAME: value}, "credentials": {id: "secret" | {"username": .., "password": ..}}}
 *   env is the build's environment (BRANCH_NAME, CHANGE_ID, ... as Jenkins sets them, and the
 *   agent's own variables); credentials is the controller's store.
 * result.json gets: result, ranStages, skippedStages, testReports, log, calls (name and arguments,
 * never a secret: withCredentials binds only names).
 * Exit 0 when the build ran to a result (SUCCESS, UNSTABLE or FAILURE); 1 when the harness broke.
 */
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import harness.PipelineHarness

if (args.length != 4) {
    System.err.println('usage: run-jenkinsfile.groovy <Jenkinsfile> <workspace> <build.json> <result.json>')
    System.exit(2)
}
File jenkinsfile = new File(args[0])
File workspace = new File(args[1])
Map build = (Map) new JsonSlurper().parse(new File(args[2]))
File resultFile = new File(args[3])

PipelineHarness harness = new PipelineHarness(new File('.'), workspace)
harness.baseEnv.putAll((Map<String, String>) (build.env ?: [:]))
harness.credentialStore.putAll((Map<String, Object>) (build.credentials ?: [:]))
harness.runShForReal()

try {
    String result = harness.runJenkinsfile(jenkinsfile)
    resultFile.setText(JsonOutput.prettyPrint(JsonOutput.toJson([
        result       : result,
        ranStages    : harness.ranStages,
        skippedStages: harness.skippedStages,
        testReports  : harness.testReports,
        log          : harness.log,
        calls        : harness.calls.collect { [name: it.name, args: it.argsText()] },
    ])), 'UTF-8')
} finally {
    harness.cleanUp()
}
