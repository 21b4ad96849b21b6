import io.mlopsci.StepRunner

/**
 * Runs any mlops-ci step by name: mlopsStep('data-pull', dvc: 'data/raw.dvc').
 *
 * Keys of args are the step's inputs, in camelCase or kebab-case (pythonVersion or
 * python-version); lists and maps stay typed. The shim's own keys: credentials ids
 * (githubTokenCredentialsId, awsCredentialsId: generated from the step's spec), credentials
 * (the general list, bound with withCredentials), nodeTool or nodeImage (where node comes from),
 * onGateFail ('unstable' or 'error') and description (false: leave currentBuild.description alone).
 * See io.mlopsci.StepArgs.
 *
 * Returns the step's outputs as every mlops-ci var does: a Map keyed in camelCase, each value of
 * the type the step's spec declares (a Boolean, a Number or a String); see
 * io.mlopsci.StepRunner.
 */
Map call(String step, Map args = [:]) {
    return new StepRunner(this, step, args).run()
}

/** Named arguments after the step name arrive first in Groovy: mlopsStep('data-pull', dvc: '...'). */
Map call(Map args, String step) {
    return call(step, args)
}
