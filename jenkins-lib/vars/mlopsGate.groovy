import groovy.transform.Field

/** The step this var runs. */
@Field static final String STEP_NAME = 'evaluate-and-gate'

/**
 * Compares candidate models' metrics with rules (and a baseline) and picks the best one:
 * mlopsGate(metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9', githubTokenCredentialsId: 'gh').
 *
 * The verdict is added to currentBuild.description (description: false leaves it alone).
 *
 * Returns the step's outputs as a typed Map with camelCase keys (passed: a Boolean, best,
 * resultsFile, ...).
 */
Map call(Map args = [:]) {
    return mlopsStep(STEP_NAME, args)
}
