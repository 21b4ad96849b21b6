package tests

import harness.PipelineTest
import harness.StepCall
import harness.Test

/**
 * The harness's Declarative Pipeline runner behaves as Jenkins does for what the example's
 * Jenkinsfile relies on: stage order, when, environment, parallel, post, failures, junit.
 */
class DeclarativePipelineTest extends PipelineTest {

    @Test
    void runsStagesInOrderWithTheirEnvironmentAndSkipsThoseAWhenRulesOut() {
        // given
        harness.baseEnv.BRANCH_NAME = 'PR-7'
        harness.baseEnv.CHANGE_ID = '7'
        harness.onSh { StepCall call -> 0 }

        // when
        String result = harness.runPipeline('''
            pipeline {
                agent any
                environment { WHERE = "${env.BRANCH_NAME == 'main' ? 'production' : 'staging'}" }
                stages {
                    stage('one') { steps { sh 'one' } }
                    stage('main only') { when { branch 'main' }; steps { sh 'never' } }
                    stage('pr only') { when { changeRequest() }; steps { sh 'pr' } }
                    stage('expression') {
                        environment { STAGE = 'set' }
                        when { expression { env.WHERE == 'staging' } }
                        steps { sh 'last' }
                    }
                }
            }
        ''')

        // then
        assert result == 'SUCCESS'
        assert harness.ranStages == ['one', 'pr only', 'expression']
        assert harness.skippedStages == ['main only']
        assert harness.calls('sh')*.arg('script', true) == ['one', 'pr', 'last']
        assert harness.calls('sh')[-1].env.WHERE == 'staging'
        assert harness.calls('sh')[-1].env.STAGE == 'set'
        assert harness.calls('sh')[0].env.STAGE == null
    }

    @Test
    void aFailingStageFailsTheBuildSkipsTheRestAndStillRunsPost() {
        // given
        harness.onSh { StepCall call -> call.arg('script', true) == 'breaks' ? 1 : 0 }

        // when
        String result = harness.runPipeline('''
            pipeline {
                agent any
                stages {
                    stage('ok') { steps { sh 'fine' } }
                    stage('bad') {
                        steps { sh 'breaks' }
                        post { always { echo 'stage post' }; failure { echo 'stage failed' } }
                    }
                    stage('after') { steps { sh 'never' } }
                }
                post { success { echo 'never' }; failure { echo 'build failed' }; always { echo 'done' } }
            }
        ''')

        // then
        assert result == 'FAILURE'
        assert harness.ranStages == ['ok', 'bad']
        assert harness.calls('sh')*.arg('script', true) == ['fine', 'breaks']
        assert harness.calls('echo')*.arg('message', true) == ['stage post', 'stage failed', 'done', 'build failed']
    }

    @Test
    void parallelRunsEveryBranchEvenWhenOneFails() {
        // given
        harness.onSh { StepCall call -> call.arg('script', true) == 'a' ? 1 : 0 }

        // when
        String result = harness.runPipeline('''
            pipeline {
                agent any
                stages {
                    stage('both') {
                        parallel {
                            stage('a') { steps { sh 'a' } }
                            stage('b') { steps { sh 'b' } }
                        }
                    }
                    stage('after') { steps { sh 'never' } }
                }
            }
        ''')

        // then
        assert result == 'FAILURE'
        assert harness.calls('sh')*.arg('script', true) == ['a', 'b']
        assert harness.ranStages == ['both', 'a', 'b']
    }

    @Test
    void junitMarksTheBuildUnstableOnFailedTestsUnlessToldNotTo() {
        // given
        new File(harness.workspace, 'report.xml').text = '''<testsuites>
            <testsuite name="rf"><testcase name="accuracy"/></testsuite>
            <testsuite name="gb"><testcase name="accuracy"><failure message="too low"/></testcase></testsuite>
        </testsuites>'''

        // when
        harness.runPipeline('''
            pipeline { agent any; stages { stage('x') { steps { junit testResults: 'report.xml', skipMarkingBuildUnstable: true } } } }
        ''')

        // then
        assert harness.result == 'SUCCESS'
        assert harness.testReports == [[file: new File(harness.workspace, 'report.xml').path, tests: 2, failed: 1, skipped: 0]]

        // when
        harness.runPipeline('''
            pipeline { agent any; stages { stage('x') { steps { junit 'report.xml' } } } }
        ''')

        // then
        assert harness.result == 'UNSTABLE'
    }

    @Test
    void aJenkinsfileMustLoadTheLibrary() {
        // given
        File jenkinsfile = new File(harness.root, 'Jenkinsfile')
        jenkinsfile.text = "pipeline { agent any; stages { stage('x') { steps { echo 'hi' } } } }\n"

        // when
        String message = null
        try {
            harness.runJenkinsfile(jenkinsfile)
        } catch (IllegalArgumentException e) {
            message = e.message
        }

        // then
        assert message.contains("@Library('mlops-ci') _")

        // when
        jenkinsfile.text = "@Library('mlops-ci') _\n" + jenkinsfile.text

        // then
        assert harness.runJenkinsfile(jenkinsfile) == 'SUCCESS'
        assert harness.log.contains('hi')
    }

}
