package tests

import harness.PipelineTest
import harness.StepCall
import harness.Test

class CredentialsTest extends PipelineTest {

    /** A secret that would also do damage if a shell ever saw it. */
    static final String TOKEN = "ghp_s3cr3t'; touch pwned #\$(touch pwned)`touch pwned`"
    static final String AWS_KEY_ID = 'AKIAEXAMPLEKEYID'
    static final String AWS_SECRET = 'aws/secret+KEY=="quoted"'

    void setUp() {
        super.setUp()
        harness.credentialStore['gh-token'] = TOKEN
        harness.credentialStore['aws'] = [username: AWS_KEY_ID, password: AWS_SECRET]
    }

    @Test
    void bindsASecretInputThroughWithCredentialsWithoutEverWritingItsValue() {
        // given
        bundleAnswers(1, [:], [message: 'GitHub said 401', category: 'failure', exitCode: 1])

        // when
        String message = errorMessageOf {
            mlopsStep().call('evaluate-and-gate', [
                metrics    : ['m.json'],
                credentials: [[type: 'string', credentialsId: 'gh-token', input: 'github-token']],
            ])
        }

        // then: bound by id to the variable the bundle reads the secret input from
        assert harness.onlyCall('string').args == [[credentialsId: 'gh-token', variable: 'MLOPS_CI_SECRET_GITHUB_TOKEN']]
        StepCall sh = harness.onlyCall('sh')
        assert sh.env.MLOPS_CI_SECRET_GITHUB_TOKEN == TOKEN
        // and: neither the inputs JSON nor anything recorded (scripts, echo, error, env lists) holds it
        assert !sentInputs().containsKey('github-token')
        assert !sh.env.MLOPS_CI_INPUTS.contains(TOKEN)
        assert !harness.recordedText().contains(TOKEN)
        assert !message.contains(TOKEN)
        // and: the secret is only bound around sh, not around the whole step
        assert harness.onlyCall('withCredentials').env.MLOPS_CI_SECRET_GITHUB_TOKEN == null
    }

    @Test
    void acceptsTheSecretInputInCamelCaseToo() {
        // given
        bundleAnswers(0)

        // when
        mlopsStep().call('evaluate-and-gate', [credentials: [[credentialsId: 'gh-token', input: 'githubToken']]])

        // then: type defaults to string, and the input name is mapped like any key
        assert harness.onlyCall('sh').env.MLOPS_CI_SECRET_GITHUB_TOKEN == TOKEN
    }

    @Test
    void passesUsernamePasswordVariablesThroughAsPlainEnvironment() {
        // given
        bundleAnswers(0)

        // when
        mlopsStep().call('data-pull', [credentials: [[
            type: 'usernamePassword', credentialsId: 'aws',
            usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY',
        ]]])

        // then
        assert harness.onlyCall('usernamePassword').args == [[credentialsId: 'aws',
            usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY']]
        StepCall sh = harness.onlyCall('sh')
        assert sh.env.AWS_ACCESS_KEY_ID == AWS_KEY_ID
        assert sh.env.AWS_SECRET_ACCESS_KEY == AWS_SECRET
        assert sentInputs() == [:]
        assert !harness.recordedText().contains(AWS_SECRET)
        assert !harness.recordedText().contains(AWS_KEY_ID)
    }

    @Test
    void deliversSecretsToARealNodeProcessWithoutShowingThem() {
        // given: the fake bundle run for real by /bin/sh; it reports only hashes of what it got
        harness.runShForReal()

        // when
        Map outputs = mlopsStep().call('evaluate-and-gate', [
            metrics    : ['m.json'],
            credentials: [
                [type: 'string', credentialsId: 'gh-token', input: 'github-token'],
                [type: 'usernamePassword', credentialsId: 'aws',
                 usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY'],
            ],
        ])

        // then: each secret arrived byte for byte
        assert outputs['github-token-sha256'] == sha256(TOKEN)
        assert outputs['aws-access-key-id-sha256'] == sha256(AWS_KEY_ID)
        assert outputs['aws-secret-access-key-sha256'] == sha256(AWS_SECRET)
        // and: nothing recorded holds a secret, and the hostile token ran nothing
        [TOKEN, AWS_KEY_ID, AWS_SECRET].each { assert !harness.recordedText().contains(it) }
        assert !new File(harness.workspace, 'pwned').exists()
    }

    @Test
    void rejectsASecretInputThatIsAlsoGivenAsAPlainValue() {
        // when
        String message = errorMessageOf {
            mlopsStep().call('evaluate-and-gate', [
                githubToken: 'plain', credentials: [[credentialsId: 'gh-token', input: 'github-token']],
            ])
        }

        // then
        assert message == "mlops-ci evaluate-and-gate: bad input: input 'github-token' is given both as a value " +
            'and in credentials; give it once, in credentials'
        assert harness.calls('sh').empty
    }

    @Test
    void rejectsCredentialsItCannotBind() {
        // then: each mistake is named before anything runs
        Map<List, String> cases = [
            ([[type: 'sshUserPrivateKey', credentialsId: 'k']])                          :
                "credentials[0]: type is 'sshUserPrivateKey'; accepted: string, usernamePassword",
            ([[type: 'string', input: 'github-token']])                                   :
                'credentials[0]: credentialsId is required',
            ([[credentialsId: 'gh-token']])                                               :
                "credentials[0]: give either input (a secret input such as 'github-token') " +
                'or variable (an environment variable for a tool)',
            ([[credentialsId: 'gh-token', variable: 'MLOPS_CI_INPUTS']])                  :
                "credentials[0]: variable 'MLOPS_CI_INPUTS' is reserved for the shim (MLOPS_CI_*); " +
                'for a secret input use input instead',
            ([[type: 'usernamePassword', credentialsId: 'aws', usernameVariable: 'A-B', passwordVariable: 'P']]):
                "credentials[0]: usernameVariable is 'A-B'; accepted: an environment variable name such as AWS_ACCESS_KEY_ID",
            ([[credentialsId: 'gh-token', input: 'github-token', id: 'x']])               :
                'credentials[0]: unknown key(s) id; accepted: type, credentialsId, input, variable',
            (['gh-token'])                                                                :
                "credentials[0] must be a map, e.g. [[type: 'string', credentialsId: 'gh-token', input: 'github-token']]",
        ]
        cases.each { List credentials, String expected ->
            // when
            String message = errorMessageOf { mlopsStep().call('data-pull', [credentials: credentials]) }
            // then
            assert message == 'mlops-ci data-pull: bad input: ' + expected
        }
        assert harness.calls('sh').empty
        assert harness.calls('withCredentials').empty
    }

    @Test
    void bindsAPlainStringCredentialToTheVariableGiven() {
        // given
        bundleAnswers(0)

        // when
        mlopsStep().call('promote-model', [credentials: [[credentialsId: 'gh-token', variable: 'MLFLOW_TRACKING_TOKEN']]])

        // then
        assert harness.onlyCall('sh').env.MLFLOW_TRACKING_TOKEN == TOKEN
        assert !harness.recordedText().contains(TOKEN)
    }

    static String sha256(String text) {
        return java.security.MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeHex().toString()
    }

}
