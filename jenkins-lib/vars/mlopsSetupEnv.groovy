import groovy.transform.Field

/** The step this var runs. */
@Field static final String STEP_NAME = 'setup-env'

/**
 * Builds the project's Python env from its lock file (pip, pipenv, poetry, uv or conda), from the
 * cache when it was built before: mlopsSetupEnv(pythonVersion: '3.11', cacheUrl: '/var/cache/mlops-ci').
 *
 * Returns the step's outputs as a typed Map with camelCase keys (python, envPath, cacheHit: a
 * Boolean, fingerprint, lockExport, ...).
 * Jenkins has no "following steps" PATH to change: run the env through the outputs, e.g.
 * def py = mlopsSetupEnv(...); withEnv(["PATH+VENV=${py.envPath}/bin"]) { sh 'python train.py' }.
 */
Map call(Map args = [:]) {
    return mlopsStep(STEP_NAME, args)
}
