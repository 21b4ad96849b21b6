/*
 * Runs the Groovy tests of the Jenkins shim (test/jenkins/tests/*Test.groovy).
 * Run it through run.sh, from the repository root: bash test/jenkins/run.sh [name filter]
 */
import harness.TestRunner

File testsDir = new File('test/jenkins/tests')
if (!testsDir.directory) {
    System.err.println('run-tests.groovy: run it from the repository root (bash test/jenkins/run.sh)')
    System.exit(2)
}
List<Class> classes = testsDir.listFiles()
    .findAll { it.name.endsWith('Test.groovy') }
    .sort { it.name }
    .collect { Class.forName('tests.' + (it.name - '.groovy'), true, this.class.classLoader) }
String filter = args ? args[0] : null
int failed = new TestRunner().run(classes, filter)
System.exit(failed == 0 ? 0 : 1)
