import groovy.transform.Field

/** The step this var runs. */
@Field static final String STEP_NAME = 'data-pull'

/**
 * Pulls an exact dataset version, verified and incremental, from S3 (or an S3-compatible store),
 * a folder or a DVC remote: mlopsDataPull(dvc: ['data/iris.dvc'], cacheUrl: 's3://ci-cache/data')
 * or mlopsDataPull(source: 's3://datasets/iris/v3/', path: 'data/iris').
 *
 * AWS credentials: awsCredentialsId: 'aws' (a Username with password credential), or the agent's
 * own (the AWS SDK chain); never as values. Returns the step's outputs as a typed Map with camelCase keys (path,
 * files and bytes: Numbers, digest, manifest, cacheHit: a Boolean, transferred: a Number).
 */
Map call(Map args = [:]) {
    return mlopsStep(STEP_NAME, args)
}
