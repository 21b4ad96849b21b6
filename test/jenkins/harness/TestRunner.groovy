package harness

import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method

/**
 * A minimal test runner: runs every @Test method of the given classes (a fresh instance each,
 * with setUp()/tearDown() when defined), prints one line per test and a closing
 * `N passed, N failed` line (`, N skipped` added when some were skipped).
 */
class TestRunner {

    int passed = 0
    int failed = 0
    int skipped = 0

    /** Runs the tests whose `Class.method` name contains `filter` (all when null); returns the failure count. */
    int run(List<Class> classes, String filter = null) {
        classes.each { Class testClass ->
            testMethods(testClass).each { Method method ->
                String name = "${testClass.simpleName}.${method.name}"
                if (filter == null || name.contains(filter)) {
                    runOne(testClass, method, name)
                }
            }
        }
        String summary = "${passed} passed, ${failed} failed" + (skipped ? ", ${skipped} skipped" : '')
        println summary
        return failed
    }

    private static List<Method> testMethods(Class testClass) {
        return testClass.declaredMethods.findAll { it.isAnnotationPresent(Test) }.sort { it.name }
    }

    private void runOne(Class testClass, Method method, String name) {
        long started = System.nanoTime()
        Object test = testClass.newInstance()
        Throwable problem = null
        try {
            if (test.respondsTo('setUp')) {
                test.setUp()
            }
            method.invoke(test)
        } catch (InvocationTargetException e) {
            problem = e.cause
        } catch (Throwable e) {
            problem = e
        } finally {
            try {
                if (test.respondsTo('tearDown')) {
                    test.tearDown(problem)
                }
            } catch (Throwable e) {
                problem = problem ?: e
            }
        }
        long millis = (System.nanoTime() - started).intdiv(1000000L)
        if (problem == null) {
            passed++
            println "PASS  ${name} (${millis} ms)"
        } else if (problem instanceof SkipTest) {
            skipped++
            println "SKIP  ${name}: ${problem.message}"
        } else {
            failed++
            println "FAIL  ${name} (${millis} ms)"
            println indent(describe(problem) + contextOf(test))
        }
    }

    private static String describe(Throwable problem) {
        if (problem instanceof AssertionError) {
            return problem.message
        }
        StringWriter trace = new StringWriter()
        problem.printStackTrace(new PrintWriter(trace))
        return trace.toString().readLines().take(25).join('\n')
    }

    private static String contextOf(Object test) {
        return test.respondsTo('failureContext') ? '\n' + test.failureContext() : ''
    }

    private static String indent(String text) {
        return text.readLines().collect { "      ${it}" }.join('\n')
    }

}
