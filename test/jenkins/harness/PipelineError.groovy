package harness

/** What the harness's `error` step throws (Jenkins throws hudson.AbortException). */
class PipelineError extends RuntimeException {
    PipelineError(String message) {
        super(message)
    }
}
