package tests

import harness.PipelineTest
import harness.StepCall
import harness.Test
import io.mlopsci.ShimCredentials

/**
 * Credentials the Piper way: `githubTokenCredentialsId: 'gh'`, `awsCredentialsId: 'aws'`, one
 * parameter per secret input and per environment credential of the step's spec (ShimCredentials).
 */
class CredentialIdsTest extends PipelineTest {

    /** A secret that would also do damage if a shell ever saw it. */
    static final String TOKEN = "ghp_p1per'; touch pwned #\$(touch pwned)`touch pwned`"
    static final String AWS_KEY_ID = 'AKIAPIPERKEYID'
    static final String AWS_SECRET = 'piper/secret+KEY=="quoted"'

    static final Map<String, String> VAR_STEPS = [
        mlopsSetupEnv: 'setup-env', mlopsDataPull: 'data-pull', mlopsTrain: 'train-in-container',
        mlopsGate    : 'evaluate-and-gate', mlopsPromote: 'promote-model',
    ]

    void setUp() {
        super.setUp()
        harness.credentialStore['gh'] = TOKEN
        harness.credentialStore['aws'] = [username: AWS_KEY_ID, password: AWS_SECRET]
    }

    @Test
    void bindsGithubTokenCredentialsIdToTheSecretInputThroughTheEnvironmentOnly() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf'])

        // when
        mlopsGate().call(metrics: ['m.json'], rules: 'accuracy >= 0.9', githubTokenCredentialsId: 'gh')

        // then: a Secret text binding by id, to the variable the bundle reads `github-token` from
        assert harness.onlyCall('string').args == [[credentialsId: 'gh', variable: 'MLOPS_CI_SECRET_GITHUB_TOKEN']]
        StepCall sh = harness.onlyCall('sh')
        assert sh.env.MLOPS_CI_SECRET_GITHUB_TOKEN == TOKEN
        assert sh.within == ['withEnv', 'withCredentials']
        // and: neither an input nor any sh script, log line or argument carries it
        assert sentInputs() == [metrics: ['m.json'], rules: 'accuracy >= 0.9']
        assert harness.calls('sh').every { !String.valueOf(it.arg('script')).contains(TOKEN) }
        assert harness.log.every { !it.contains(TOKEN) }
        assert !harness.recordedText().contains(TOKEN)
        assert !harness.recordedText().contains('ghp_')
    }

    @Test
    void deliversTheTokenToARealNodeProcessWithoutShowingOrRunningIt() {
        // given: the fake bundle run for real by /bin/sh; it reports only a hash of what it got
        harness.runShForReal()

        // when
        Map outputs = mlopsGate().call(metrics: ['m.json'], githubTokenCredentialsId: 'gh', awsCredentialsId: 'aws')

        // then
        assert outputs['github-token-sha256'] == CredentialsTest.sha256(TOKEN)
        assert outputs['aws-access-key-id-sha256'] == CredentialsTest.sha256(AWS_KEY_ID)
        assert outputs['aws-secret-access-key-sha256'] == CredentialsTest.sha256(AWS_SECRET)
        [TOKEN, AWS_KEY_ID, AWS_SECRET].each { assert !harness.recordedText().contains(it) }
        assert !new File(harness.workspace, 'pwned').exists()
    }

    @Test
    void bindsAwsCredentialsIdOnEveryVarWhoseStepTalksToS3() {
        ['mlopsSetupEnv', 'mlopsDataPull', 'mlopsGate', 'mlopsPromote'].each { String var ->
            // given
            freshHarness()
            bundleAnswers(0)

            // when
            harness.loadVar(var).call(awsCredentialsId: 'aws')

            // then: a Username with password binding to the variables the AWS SDK reads
            assert harness.onlyCall('usernamePassword').args == [[credentialsId: 'aws',
                usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY']]
            StepCall sh = harness.onlyCall('sh')
            assert sh.env.AWS_ACCESS_KEY_ID == AWS_KEY_ID
            assert sh.env.AWS_SECRET_ACCESS_KEY == AWS_SECRET
            assert sentInputs() == [:]: var
            assert !harness.recordedText().contains(AWS_SECRET)
        }
    }

    @Test
    void theParametersComeFromTheSpecsSecretInputsAndEnvironmentCredentials() {
        // then: generated from the specs; train-in-container takes a kubeconfig file, and reads S3 for runtime: kubernetes's outputs
        Map<String, List<String>> parameters = VAR_STEPS.collectEntries { String var, String step ->
            [(var): ShimCredentials.BY_STEP[step].collect { String key -> ShimCredentials.PARAMETERS[key][0] }]
        }
        assert parameters == [
            mlopsSetupEnv: ['awsCredentialsId'], mlopsDataPull: ['awsCredentialsId'], mlopsTrain: ['kubeconfigCredentialsId', 'awsCredentialsId'],
            mlopsGate    : ['githubTokenCredentialsId', 'awsCredentialsId'], mlopsPromote: ['awsCredentialsId'],
        ]
    }

    @Test
    void bindsNothingWhenNoCredentialsIdIsGiven() {
        // given
        bundleAnswers(0, [passed: 'true', best: 'rf'])

        // when
        mlopsGate().call(metrics: ['m.json'], rules: 'accuracy >= 0.9')

        // then
        assert harness.calls('withCredentials').empty
        StepCall sh = harness.onlyCall('sh')
        assert sh.within == ['withEnv']
        assert !sh.env.keySet().any { it.startsWith('MLOPS_CI_SECRET_') || it.startsWith('AWS_') }
    }

    @Test
    void failsTheBuildNamingTheParameterWhoseCredentialsIdIsMissing() {
        [[githubTokenCredentialsId: 'no-such-token'], [awsCredentialsId: 'no-such-keys']].each { Map given ->
            // given
            freshHarness()
            bundleAnswers(0)
            String parameter = given.keySet()[0]

            // when
            String message = errorMessageOf { mlopsGate().call([metrics: ['m.json']] + given) }

            // then: the parameter and the id are named, and the bundle never ran
            assert message.startsWith("mlops-ci evaluate-and-gate: could not bind the credentials " +
                "(${parameter}: '${given[parameter]}'): Could not find credentials entry with ID '${given[parameter]}'")
            assert harness.calls('sh').empty
            assert harness.result == 'FAILURE'
        }
    }

    @Test
    void namesOnlyTheParameterWhoseIdIsMissingWhenSeveralAreGiven() {
        // when
        String message = errorMessageOf {
            mlopsGate().call(metrics: ['m.json'], githubTokenCredentialsId: 'gh', awsCredentialsId: 'missing-aws')
        }

        // then
        assert message.contains("(awsCredentialsId: 'missing-aws')")
        assert !message.contains('githubTokenCredentialsId')
    }

    @Test
    void rejectsTheCredentialsIdTogetherWithTheSecretAsAValueInEitherSpelling() {
        ['githubToken', 'github-token'].each { String literal ->
            // when
            String message = errorMessageOf {
                mlopsGate().call(metrics: ['m.json'], githubTokenCredentialsId: 'gh', (literal): 'ghp_plain')
            }

            // then: both are named, before anything is bound or run
            assert message == "mlops-ci evaluate-and-gate: bad input: githubTokenCredentialsId and githubToken both " +
                "give the secret input 'github-token'; give it once, as githubTokenCredentialsId " +
                '(a credentials id, so the secret stays out of the Jenkinsfile)'
        }
        assert harness.calls('withCredentials').empty
        assert harness.calls('sh').empty
    }

    @Test
    void rejectsACredentialsIdAndACredentialsEntryThatBindTheSameVariable() {
        // when
        String message = errorMessageOf {
            mlopsDataPull().call(awsCredentialsId: 'aws', credentials: [[type: 'usernamePassword', credentialsId: 'aws2',
                usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY']])
        }

        // then
        assert message == 'mlops-ci data-pull: bad input: awsCredentialsId and credentials[0] both bind AWS_ACCESS_KEY_ID; give one'
        assert harness.calls('sh').empty
    }

    @Test
    void rejectsACredentialsIdThatIsNotAString() {
        // when
        String message = errorMessageOf { mlopsGate().call(metrics: ['m.json'], githubTokenCredentialsId: ['gh']) }

        // then
        assert message == "mlops-ci evaluate-and-gate: bad input: githubTokenCredentialsId must be a non-empty string, " +
            "e.g. githubTokenCredentialsId: '…'"
    }

    @Test
    void keepsTheGeneralCredentialsListAndAnEnclosingWithCredentialsWorking() {
        // given
        bundleAnswers(0)

        // when: the list form next to a Piper-style id, inside the user's own withCredentials
        harness.runPipeline('''
            withCredentials([string(credentialsId: 'gh', variable: 'MLFLOW_TRACKING_TOKEN')]) {
                mlopsPromote(model: 'iris', awsCredentialsId: 'aws',
                             credentials: [[credentialsId: 'gh', variable: 'OTHER_TOKEN']])
            }
        ''')

        // then: all three reach the bundle
        StepCall sh = harness.onlyCall('sh')
        assert sh.env.MLFLOW_TRACKING_TOKEN == TOKEN
        assert sh.env.OTHER_TOKEN == TOKEN
        assert sh.env.AWS_ACCESS_KEY_ID == AWS_KEY_ID
        assert sentInputs() == [model: 'iris']
    }

    /** A new harness for the next case of a loop; the last one is removed by the runner's tearDown. */
    private void freshHarness() {
        tearDown(null)
        setUp()
    }

    private Script mlopsDataPull() {
        return harness.loadVar('mlopsDataPull')
    }

}
