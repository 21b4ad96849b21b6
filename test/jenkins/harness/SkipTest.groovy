package harness

/** Thrown by a test that cannot run here; TestRunner reports it as SKIP with the reason. */
class SkipTest extends RuntimeException {
    SkipTest(String reason) {
        super(reason)
    }
}
