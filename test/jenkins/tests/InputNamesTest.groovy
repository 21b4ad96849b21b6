package tests

import harness.Test
import io.mlopsci.InputNames

class InputNamesTest {

    @Test
    void mapsCamelCaseKeysToTheKebabCaseInputNames() {
        // when / then: each key as a user writes it maps to the spec's input name
        Map<String, String> expected = [
            pythonVersion     : 'python-version',
            statusContext     : 'status-context',
            githubToken       : 'github-token',
            bootstrapResamples: 'bootstrap-resamples',
            'python-version'  : 'python-version',
            metrics           : 'metrics',
            modelURI          : 'model-uri',
            s3Bucket          : 's3-bucket',
            onGateFail        : 'on-gate-fail',
        ]
        expected.each { String key, String name ->
            assert InputNames.toKebab(key) == name
        }
    }

    @Test
    void namesTheVariableASecretInputIsReadFrom() {
        // then: the same name the bundle derives (MLOPS_CI_SECRET_ + upper-cased, `-` → `_`)
        assert InputNames.secretVariable('github-token') == 'MLOPS_CI_SECRET_GITHUB_TOKEN'
        assert InputNames.secretVariable('githubToken') == 'MLOPS_CI_SECRET_GITHUB_TOKEN'
        assert InputNames.secretVariable('mlflow-tracking-token') == 'MLOPS_CI_SECRET_MLFLOW_TRACKING_TOKEN'
    }

    @Test
    void acceptsOnlyPlainStepNames() {
        // then: lower-case words joined by hyphens pass; anything a shell could read differently does not
        ['evaluate-and-gate', 'data-pull', 'setup-env'].each { assert InputNames.isStepName(it) }
        [null, '', 'Data-pull', '-x', 'a b', 'data-pull\n', 'x;rm -rf /', '$(id)', 'a\nb', 'evaluate_and_gate'].each {
            assert !InputNames.isStepName(it)
        }
    }

}
