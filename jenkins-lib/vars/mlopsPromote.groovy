import groovy.transform.Field

/** The step this var runs. */
@Field static final String STEP_NAME = 'promote-model'

/**
 * Registers a model that passed its gate as a new version, with its lineage, and moves an alias to it:
 * mlopsPromote(model: 'iris', path: 'out/rf/model.pkl', alias: 'staging', gateResults: gate.resultsFile).
 *
 * rollback: true moves the alias back; toVersion: '7' moves it to a version; describe: 'iris@production'
 * prints a version's lineage. A gate that did not pass is refused (the build fails with the failed rules).
 * What was promoted is added to currentBuild.description (description: false leaves it alone);
 * an s3:// registry takes awsCredentialsId: 'aws'.
 * Returns the step's outputs as a typed Map with camelCase keys (version, uri, previousVersion,
 * lineage, found: a Boolean).
 */
Map call(Map args = [:]) {
    return mlopsStep(STEP_NAME, args)
}
