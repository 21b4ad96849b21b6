import io.mlopsci.StepRunner

/**
 * Runs any mlops-ci step by name: mlopsStep('data-pull', targets: ['data/raw']).
 *
 * Keys of args are the step's inputs, in camelCase or kebab-case (pythonVersion or
 * python-version); lists and maps stay typed. Two keys are the shim's own:
 * credentials (secrets bound with withCredentials) and onGateFail ('unstable' or 'error').
 * See io.mlopsci.StepArgs.
 *
 * Returns the step's outputs as a Map of strings: every mlops-ci var returns its outputs.
 */
Map call(String step, Map args = [:]) {
    return new StepRunner(this, step, args).run()
}

/** Named arguments after the step name arrive first in Groovy: mlopsStep('data-pull', targets: [...]). */
Map call(Map args, String step) {
    return call(step, args)
}
