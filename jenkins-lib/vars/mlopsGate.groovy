import groovy.transform.Field
import io.mlopsci.StepArgs

/** The step this var runs. */
@Field static final String STEP_NAME = 'evaluate-and-gate'

/**
 * Defaults of this var, merged under the user's map (the user's keys win, in either spelling):
 * - onGateFail: 'unstable' — a gate that does not pass marks the build UNSTABLE and the
 *   outputs are returned; 'error' fails the build instead.
 */
@Field static final Map DEFAULTS = [onGateFail: 'unstable'].asImmutable()

/**
 * Compares candidate models' metrics with rules (and a baseline) and picks the best one:
 * mlopsGate(metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9').
 *
 * Returns the step's outputs as a Map of strings (passed, best, report, ...).
 */
Map call(Map args = [:]) {
    return mlopsStep(STEP_NAME, StepArgs.mergeDefaults(DEFAULTS, args))
}
