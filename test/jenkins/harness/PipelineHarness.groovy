package harness

import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.runtime.InvokerHelper

/**
 * A small JenkinsPipelineUnit: runs the shared library's vars/*.groovy under plain groovy.
 *
 * - Each var is a script bound to one Binding; calling a step from a var (or from a class in
 *   jenkins-lib/src through `script.sh(...)`) lands in Script.invokeMethod, which finds the
 *   step as a closure in the binding, as JenkinsPipelineUnit does. Only the steps registered
 *   here exist: anything else fails with MissingMethodException.
 * - Every step and var call is recorded in `calls`, with its arguments and the environment it saw.
 * - withEnv and withCredentials really change the environment of what runs inside them.
 * - libraryResource reads `resourcesDir`; writeFile/readFile/fileExists do real IO relative to
 *   a temp workspace; pwd(tmp: true) is a real temp dir; error throws PipelineError.
 * - sh goes to `shHandler`: a canned answer (see onSh), or the real /bin/sh (runShForReal).
 * - `pipeline { }` runs a Declarative Pipeline (DeclarativePipeline); runJenkinsfile runs a whole
 *   Jenkinsfile of this library; junit reads the real report and marks the build UNSTABLE on failures.
 */
class PipelineHarness {

    static final List<String> STEPS = [
        'sh', 'withEnv', 'withCredentials', 'string', 'usernamePassword', 'file', 'libraryResource',
        'writeFile', 'readFile', 'fileExists', 'pwd', 'error', 'unstable', 'echo', 'isUnix',
        'pipeline', 'script', 'junit', 'checkout', 'archiveArtifacts', 'nodejs',
    ]

    /** The line a Jenkinsfile of this library starts with; Jenkins loads the library, the harness has it loaded. */
    static final String LIBRARY_LINE = "@Library('mlops-ci') _"

    /** What `junit` recorded: one entry per call, with the counts it read. */
    final List<Map<String, Object>> testReports = []

    /** Declarative stages that ran, and those a `when` skipped, by name, in order. */
    final List<String> ranStages = []
    final List<String> skippedStages = []

    /** Variables of this process that a real sh keeps (node must be found; nothing else leaks in). */
    static final List<String> INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'NODE_OPTIONS']

    /** Compiled vars, shared by every harness of this JVM: compiling is the slow part. */
    private static final Map<String, Class> COMPILED_VARS = [:]
    private static GroovyShell shell

    final File repoRoot
    final File varsDir
    final File root
    final File workspace
    final File tmpDir

    /** Where libraryResource reads from: the library's resources, or a fake tree of a test. */
    File resourcesDir

    /** What isUnix() answers. */
    boolean unix = true

    /** The build result as unstable()/error() leave it. */
    String result = 'SUCCESS'

    /** Environment of the build (Jenkins' own variables); withEnv layers go on top. */
    final Map<String, String> baseEnv = [:]

    /**
     * Credentials the controller would hold: id → secret text, [username: .., password: ..], or
     * [fileName: .., content: ..] for a Secret file.
     */
    final Map<String, Object> credentialStore = [:]

    final List<StepCall> calls = []

    /** The block steps (and docker.image(…).inside) the pipeline is in now, outermost first. */
    private final List<String> blocks = []

    /** NodeJS installations the nodejs step knows, as Manage Jenkins → Tools would list them. */
    final List<String> nodeInstallations = ['node24']

    /** `currentBuild`: what the build shows in the UI (its description). */
    final CurrentBuild currentBuild = new CurrentBuild()

    /** Lines of the build log: echo, unstable, error, and the output of real sh runs. */
    final List<String> log = []

    /** Decides what an sh call returns; gets the StepCall (with the env it saw). */
    Closure shHandler = { StepCall call -> throw new IllegalStateException("no sh handler set for ${call}") }

    final Binding binding = new Binding()
    private final List<Map<String, String>> envLayers = []
    private final Map<String, Script> vars = [:]

    PipelineHarness(File repoRoot) {
        this(repoRoot, null)
    }

    /** With `workspace` given, builds run in it (a checkout made by the test) instead of an empty temp one. */
    PipelineHarness(File repoRoot, File workspace) {
        this.repoRoot = repoRoot.canonicalFile
        this.varsDir = new File(this.repoRoot, 'jenkins-lib/vars')
        this.resourcesDir = new File(this.repoRoot, 'jenkins-lib/resources')
        this.root = File.createTempDir('mlops-ci-jenkins-', '')
        this.workspace = workspace?.canonicalFile ?: new File(root, 'workspace')
        this.tmpDir = new File(root, 'workspace@tmp')
        this.workspace.mkdirs()
        initEnv()
        STEPS.each { String step -> allow(step) { StepCall call -> this."${stepMethod(step)}"(call) } }
        binding.setVariable('env', new EnvView(this))
        binding.setVariable('currentBuild', currentBuild)
        binding.setVariable('docker', new DockerGlobal(this))
        binding.setVariable('scm', [$class: 'GitSCM', note: 'the workspace is the checkout'])
        loadVars()
    }

    // ---- loading ---------------------------------------------------------------------------

    /** Returns the var's script object; `harness.loadVar('mlopsStep').call(...)` is a Jenkinsfile call. */
    Script loadVar(String name) {
        Script script = vars[name]
        if (script == null) {
            throw new IllegalArgumentException("no var ${name} in ${varsDir}")
        }
        return script
    }

    /** Runs `text` as a Jenkinsfile would run, with this harness's steps and vars; returns its value. */
    Object runPipeline(String text) {
        Script script = groovyShell().parse(text)
        script.binding = binding
        return script.run()
    }

    /**
     * Runs a Jenkinsfile: it must load this library with LIBRARY_LINE (the line is then dropped, the
     * harness has the library's vars already), and is otherwise run as written. Returns the result.
     */
    String runJenkinsfile(File jenkinsfile) {
        String text = jenkinsfile.getText('UTF-8')
        List<String> lines = text.readLines()
        int at = lines.findIndexOf { it.trim() == LIBRARY_LINE }
        if (at < 0) {
            throw new IllegalArgumentException("${jenkinsfile} does not load the library with ${LIBRARY_LINE}")
        }
        lines[at] = ''
        runPipeline(lines.join('\n'))
        return result
    }

    private void loadVars() {
        varsDir.listFiles().findAll { it.name.endsWith('.groovy') }.sort { it.name }.each { File file ->
            String name = file.name - '.groovy'
            Script script = InvokerHelper.createScript(compiledVar(file), binding)
            vars[name] = script
            // A var calls another var by name, as in Jenkins: record it, then run its call().
            binding.setVariable(name, { Object[] args ->
                record(name, args as List)
                return script.invokeMethod('call', args)
            })
        }
    }

    private Class compiledVar(File file) {
        synchronized (COMPILED_VARS) {
            String key = file.canonicalPath + '@' + file.lastModified()
            if (!COMPILED_VARS.containsKey(key)) {
                COMPILED_VARS[key] = groovyShell().classLoader.parseClass(file)
            }
            return COMPILED_VARS[key]
        }
    }

    /** One shell whose class path holds jenkins-lib/src and the stand-in for @NonCPS. */
    private GroovyShell groovyShell() {
        if (shell == null) {
            shell = new GroovyShell(PipelineHarness.classLoader, new Binding(), new CompilerConfiguration())
            shell.classLoader.addClasspath(new File(repoRoot, 'jenkins-lib/src').path)
            shell.classLoader.addClasspath(new File(repoRoot, 'test/jenkins/stubs').path)
        }
        return shell
    }

    // ---- environment -----------------------------------------------------------------------

    private void initEnv() {
        INHERITED_ENV.each { String name ->
            if (System.getenv(name) != null) {
                baseEnv[name] = System.getenv(name)
            }
        }
        baseEnv.putAll([
            JENKINS_URL : 'http://jenkins.invalid/',
            BUILD_URL   : 'http://jenkins.invalid/job/demo/1/',
            BUILD_NUMBER: '1',
            BUILD_TAG   : 'jenkins-demo-1',
            JOB_NAME    : 'demo',
            WORKSPACE   : workspace.path,
        ])
    }

    /** The environment as a step at this point sees it. */
    Map<String, String> currentEnv() {
        Map<String, String> env = new TreeMap<String, String>(baseEnv)
        envLayers.each { env.putAll(it) }
        return env
    }

    /** Runs body with `layer` over the environment, as a Declarative `environment { }` block does. */
    Object withEnvironment(Map<String, String> layer, Closure body) {
        return withLayer(layer, body)
    }

    private Object withLayer(Map<String, String> layer, Closure body) {
        envLayers << layer
        try {
            return body.call()
        } finally {
            envLayers.remove(envLayers.size() - 1)
        }
    }

    // ---- recording -------------------------------------------------------------------------

    private void allow(String step, Closure impl) {
        binding.setVariable(step, { Object[] args -> return impl.call(record(step, args as List)) })
    }

    /** Records a call with the environment and the blocks it is in; returns it. */
    StepCall record(String name, List<Object> args) {
        StepCall call = new StepCall(name: name, args: args, env: currentEnv(), within: new ArrayList<String>(blocks))
        calls << call
        return call
    }

    /** Runs body inside the block `name` (what later calls record as `within`). */
    Object inBlock(String name, Closure body) {
        blocks << name
        try {
            return body.call()
        } finally {
            blocks.remove(blocks.size() - 1)
        }
    }

    private static String stepMethod(String step) {
        return 'step' + step.capitalize()
    }

    /** Calls of one step (or var), in order. */
    List<StepCall> calls(String name) {
        return calls.findAll { it.name == name }
    }

    /** The only call of a step; fails when there is none or several. */
    StepCall onlyCall(String name) {
        List<StepCall> found = calls(name)
        assert found.size() == 1: "expected one ${name} call, got ${found.size()}:\n${callStack()}"
        return found[0]
    }

    /** Every argument of every recorded call, and the log: all a user or a log could ever show. */
    String recordedText() {
        return (calls.collect { it.toString() } + log).join('\n')
    }

    /** The call stack, one call a line, as JenkinsPipelineUnit prints it. */
    String callStack() {
        return calls.collect { "   ${it}" }.join('\n')
    }

    // ---- sh --------------------------------------------------------------------------------

    /**
     * Makes sh answer with `handler(call)`: an Integer exit status (or a String for returnStdout).
     * The handler may write files as the real bundle would, using call.env (MLOPS_CI_OUTPUTS, ...).
     */
    void onSh(Closure handler) {
        shHandler = handler
    }

    /** Makes sh run the script with /bin/sh in the workspace, with exactly the env the step sees. */
    void runShForReal() {
        shHandler = { StepCall call -> runShell(call) }
    }

    private Object runShell(StepCall call) {
        ProcessBuilder builder = new ProcessBuilder('/bin/sh', '-c', String.valueOf(call.arg('script', true)))
        builder.directory(workspace).redirectErrorStream(true)
        builder.environment().clear()
        builder.environment().putAll(call.env)
        Process process = builder.start()
        String output = process.inputStream.getText('UTF-8')
        int status = process.waitFor()
        output.readLines().each { log << "[sh] ${it}".toString() }
        return call.arg('returnStdout') ? output : status
    }

    private Object stepSh(StepCall call) {
        Object answer = shHandler.call(call)
        if (call.arg('returnStdout')) {
            return String.valueOf(answer)
        }
        int status = answer as int
        if (call.arg('returnStatus')) {
            return status
        }
        if (status != 0) {
            throw new PipelineError("script returned exit code ${status}")
        }
        return null
    }

    // ---- block steps -----------------------------------------------------------------------

    private Object stepWithEnv(StepCall call) {
        Map<String, String> layer = [:]
        (call.args[0] as List).each { Object entry ->
            String text = String.valueOf(entry)
            int equals = text.indexOf('=')
            assert equals > 0: "withEnv entry without '=': ${text}"
            layer[text.substring(0, equals)] = text.substring(equals + 1)
        }
        return inBlock('withEnv') { withLayer(layer, call.body()) }
    }

    /**
     * The NodeJS plugin's wrapper, which puts the named installation's node first on PATH. Here
     * every installation in nodeInstallations is the node the harness runs on.
     */
    private Object stepNodejs(StepCall call) {
        String name = call.arg('nodeJSInstallationName', true)
        if (!(name in nodeInstallations)) {
            throw new PipelineError("No NodeJS installation named ${name} was found")
        }
        return inBlock('nodejs', call.body())
    }

    /**
     * Binds like the Credentials Binding plugin: a Secret file is written to a fresh folder under
     * the temp dir for the block only, and the variable holds its path.
     */
    private Object stepWithCredentials(StepCall call) {
        Map<String, String> layer = [:]
        List<File> secretFolders = []
        (call.args[0] as List).each { Object binding ->
            Map<String, String> spec = (Map<String, String>) binding
            Object secret = credentialStore[spec.credentialsId]
            if (secret == null) {
                throw new PipelineError("Could not find credentials entry with ID '${spec.credentialsId}'")
            }
            if (spec.kind == 'usernamePassword') {
                layer[spec.usernameVariable] = ((Map) secret).username
                layer[spec.passwordVariable] = ((Map) secret).password
            } else if (spec.kind == 'file') {
                if (!(secret instanceof Map) || !((Map) secret).containsKey('content')) {
                    throw new PipelineError("Credentials '${spec.credentialsId}' is of type '${secret.getClass().simpleName}' " +
                        "where 'org.jenkinsci.plugins.plaincredentials.FileCredentials' was expected")
                }
                File folder = new File(tmpDir, "secretFiles/${UUID.randomUUID()}")
                folder.mkdirs()
                secretFolders << folder
                File file = new File(folder, String.valueOf(((Map) secret).fileName ?: 'secret'))
                file.setText(String.valueOf(((Map) secret).content), 'UTF-8')
                layer[spec.variable] = file.absolutePath
            } else {
                layer[spec.variable] = String.valueOf(secret)
            }
        }
        try {
            return inBlock('withCredentials') { withLayer(layer, call.body()) }
        } finally {
            secretFolders.each { File folder -> folder.deleteDir() }
        }
    }

    /** Like Jenkins' binding objects: what to bind, never the secret itself. */
    private Map<String, String> stepString(StepCall call) {
        return [kind: 'string', credentialsId: call.arg('credentialsId'), variable: call.arg('variable')]
    }

    private Map<String, String> stepFile(StepCall call) {
        return [kind: 'file', credentialsId: call.arg('credentialsId'), variable: call.arg('variable')]
    }

    private Map<String, String> stepUsernamePassword(StepCall call) {
        return [kind: 'usernamePassword', credentialsId: call.arg('credentialsId'),
                usernameVariable: call.arg('usernameVariable'), passwordVariable: call.arg('passwordVariable')]
    }

    // ---- files -----------------------------------------------------------------------------

    private File resolve(Object path) {
        File file = new File(String.valueOf(path))
        return file.absolute ? file : new File(workspace, file.path)
    }

    private String stepLibraryResource(StepCall call) {
        String name = call.arg('resource', true)
        File file = new File(resourcesDir, name)
        if (!file.file) {
            throw new PipelineError("No such library resource ${name} could be found.")
        }
        String encoding = call.arg('encoding') ?: 'UTF-8'
        return encoding == 'Base64' ? file.bytes.encodeBase64().toString() : file.getText(encoding)
    }

    private void stepWriteFile(StepCall call) {
        File file = resolve(call.arg('file'))
        file.parentFile.mkdirs()
        String encoding = call.arg('encoding') ?: 'UTF-8'
        String text = call.arg('text')
        if (encoding == 'Base64') {
            file.bytes = text.decodeBase64()
        } else {
            file.setText(text, encoding)
        }
    }

    private String stepReadFile(StepCall call) {
        File file = resolve(call.arg('file', true))
        if (!file.file) {
            throw new PipelineError("${file} does not exist.")
        }
        return file.getText(call.arg('encoding') ?: 'UTF-8')
    }

    private boolean stepFileExists(StepCall call) {
        return resolve(call.arg('file', true)).exists()
    }

    private String stepPwd(StepCall call) {
        if (call.arg('tmp')) {
            tmpDir.mkdirs()
            return tmpDir.path
        }
        return workspace.path
    }

    // ---- declarative and publishing steps ---------------------------------------------------

    private String stepPipeline(StepCall call) {
        return new DeclarativePipeline(this).run(call.body())
    }

    /** A Declarative `script { }` block: Groovy run as written. */
    private Object stepScript(StepCall call) {
        return call.body().call()
    }

    /** The workspace is already the checkout (the test made it); recorded only. */
    private void stepCheckout(StepCall call) {
    }

    private void stepArchiveArtifacts(StepCall call) {
    }

    /**
     * Reads the JUnit XML as Jenkins' junit step does: no report fails the build (unless
     * allowEmptyResults), a report with failures or errors makes it UNSTABLE (unless
     * skipMarkingBuildUnstable).
     */
    private void stepJunit(StepCall call) {
        File report = resolve(call.arg('testResults', true))
        if (!report.file) {
            if (call.arg('allowEmptyResults')) {
                return
            }
            throw new PipelineError("No test report files were found. Configuration error? (${report})")
        }
        def suites = new XmlSlurper().parse(report)
        def cases = suites.'**'.findAll { it.name() == 'testcase' }
        int failed = cases.count { it.failure.size() > 0 || it.error.size() > 0 }
        testReports << [file: report.path, tests: cases.size(), failed: failed, skipped: cases.count { it.skipped.size() > 0 }]
        log << "Recording test results: ${cases.size()} tests, ${failed} failed".toString()
        if (failed > 0 && result == 'SUCCESS' && !call.arg('skipMarkingBuildUnstable')) {
            result = 'UNSTABLE'
        }
    }

    // ---- results and log -------------------------------------------------------------------

    private void stepError(StepCall call) {
        String message = call.arg('message', true)
        log << "ERROR: ${message}".toString()
        result = 'FAILURE'
        throw new PipelineError(message)
    }

    private void stepUnstable(StepCall call) {
        String message = call.arg('message', true)
        log << "WARNING: ${message}".toString()
        if (result == 'SUCCESS') {
            result = 'UNSTABLE'
        }
    }

    private void stepEcho(StepCall call) {
        log << String.valueOf(call.arg('message', true))
    }

    private boolean stepIsUnix(StepCall call) {
        return unix
    }

    /** Removes the temp workspace. */
    void cleanUp() {
        root.deleteDir()
    }

}

/** `env` in a pipeline: reads the environment as the current step sees it; writes the build's. */
class EnvView {
    private final PipelineHarness harness

    EnvView(PipelineHarness harness) {
        this.harness = harness
    }

    Object propertyMissing(String name) {
        return harness.currentEnv()[name]
    }

    void propertyMissing(String name, Object value) {
        harness.baseEnv[name] = String.valueOf(value)
    }

    Object getAt(String name) {
        return harness.currentEnv()[name]
    }
}

/** `currentBuild` in a pipeline: only what the library sets. */
class CurrentBuild {
    String description
}

/**
 * `docker` in a pipeline (Docker Pipeline plugin): `docker.image(name).inside { }` records
 * `docker.image` and `docker.image.inside` and runs the body within `docker.image.inside`.
 * The container is not real: the body runs on this machine, as the workspace mounted at the
 * same path would make it look.
 */
class DockerGlobal {
    private final PipelineHarness harness

    DockerGlobal(PipelineHarness harness) {
        this.harness = harness
    }

    DockerImage image(String name) {
        harness.record('docker.image', [name])
        return new DockerImage(harness, name)
    }
}

class DockerImage {
    private final PipelineHarness harness
    final String name

    DockerImage(PipelineHarness harness, String name) {
        this.harness = harness
        this.name = name
    }

    Object inside(Closure body) {
        harness.record('docker.image.inside', [name, body])
        return harness.inBlock('docker.image.inside', body)
    }
}
