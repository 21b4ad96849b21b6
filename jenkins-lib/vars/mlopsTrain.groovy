import groovy.transform.Field

/** The step this var runs. */
@Field static final String STEP_NAME = 'train-in-container'

/**
 * Runs training in a container with the data mounted and the results collected:
 * mlopsTrain(image: 'python:3.12-slim', command: ['python', 'train.py'], data: 'data', outputs: 'out/rf').
 *
 * A list `command` runs as argv (no shell); a string runs in the image's shell. `env` may be a Map.
 * Returns the step's outputs as a typed Map with camelCase keys (exitCode: a Number, imageDigest,
 * metrics, ...).
 */
Map call(Map args = [:]) {
    return mlopsStep(STEP_NAME, args)
}
