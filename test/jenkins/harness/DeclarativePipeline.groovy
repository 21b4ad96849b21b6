package harness

/**
 * Declarative Pipeline under the harness: `pipeline { agent …; environment {…}; stages {…}; post {…} }`
 * read into plain objects first (as Jenkins validates the whole block before running it), then run
 * the way Jenkins runs it:
 *
 * - stages in order; once one fails (a PipelineError: `error`, a failing `sh`, a var that errors)
 *   the build is FAILURE and later stages are skipped;
 * - `when` (expression, branch, changeRequest, not, allOf, anyOf) decides before a stage runs;
 * - `environment` values become the environment of what runs inside (pipeline and stage level);
 * - `parallel` runs every branch even when one fails, then fails the stage with the first error;
 * - `post` blocks (always, success, unstable, failure, cleanup) run after their stage and after
 *   the pipeline, chosen by the build result at that point.
 *
 * Unlike Jenkins, parallel branches run one after another: the harness's environment stack is
 * not shared between threads. Options and agent are recorded, not enforced.
 */
class DeclarativePipeline {

    private final PipelineHarness harness

    DeclarativePipeline(PipelineHarness harness) {
        this.harness = harness
    }

    /** The `pipeline` step: reads the block, runs it, returns the build result. */
    String run(Closure body) {
        PipelineSpec spec = new PipelineSpec()
        Dsl.apply(body, spec)
        if (spec.stages == null) {
            throw new IllegalArgumentException('pipeline without stages { }: Jenkins refuses it')
        }
        harness.log << "[Pipeline] agent ${spec.agent}".toString()
        Throwable failure = harness.withEnvironment(spec.environment) {
            Throwable first = runStages(spec.stages.stages)
            runPost(spec.post)
            return first
        }
        if (failure != null) {
            harness.log << "ERROR: ${failure.message}".toString()
        }
        harness.log << "Finished: ${harness.result}".toString()
        return harness.result
    }

    /** Runs stages in order; returns the first failure (later stages are then skipped). */
    private Throwable runStages(List<StageSpec> stages) {
        Throwable failure = null
        stages.each { StageSpec stage ->
            if (failure != null) {
                harness.log << "[Pipeline] { (${stage.name}) Stage skipped due to earlier failure(s)".toString()
                return
            }
            failure = runStage(stage)
        }
        return failure
    }

    private Throwable runStage(StageSpec stage) {
        if (stage.when != null && !stage.when.holds(harness)) {
            harness.log << "[Pipeline] { (${stage.name}) Stage skipped due to when conditional".toString()
            harness.skippedStages << stage.name
            return null
        }
        harness.log << "[Pipeline] { (${stage.name})".toString()
        harness.ranStages << stage.name
        Throwable failure = harness.withEnvironment(stage.environment) {
            Throwable caught = null
            try {
                if (stage.parallel != null) {
                    caught = runParallel(stage.parallel.stages)
                } else if (stage.steps != null) {
                    stage.steps.call()
                } else if (stage.stages != null) {
                    caught = runStages(stage.stages.stages)
                }
            } catch (PipelineError e) {
                caught = e
            }
            if (caught != null) {
                harness.result = 'FAILURE'
            }
            runPost(stage.post)
            return caught
        }
        harness.log << "[Pipeline] } (${stage.name})".toString()
        return failure
    }

    /** Every branch runs, whatever the others do (failFast is off by default). */
    private Throwable runParallel(List<StageSpec> branches) {
        List<Throwable> failures = branches.collect { StageSpec branch -> runStage(branch) }.findAll { it != null }
        return failures ? failures[0] : null
    }

    private void runPost(PostSpec post) {
        if (post == null) {
            return
        }
        String result = harness.result
        List<String> conditions = ['always', result.toLowerCase(), 'cleanup']
        conditions.each { String condition ->
            Closure block = post.blocks[condition]
            if (block != null) {
                block.call()
            }
        }
    }
}

// ---- the DSL: what each block may contain ---------------------------------------------------

/** Runs a block with a spec object as its delegate: the spec's methods first, then the Jenkinsfile. */
class Dsl {
    static void apply(Closure body, Object spec) {
        Closure block = (Closure) body.clone()
        block.delegate = spec
        block.resolveStrategy = Closure.DELEGATE_FIRST
        block.call()
    }
}

/** What the pipeline and a stage may both hold: agent, environment, nested stages, post. */
class SectionSpec {
    Object agent
    final Map<String, String> environment = [:]
    StagesSpec stages
    PostSpec post

    /** `agent any` reads the property `any`; `agent { label 'x' }` passes a block. */
    String getAny() {
        return 'any'
    }

    void agent(Object value) {
        agent = value instanceof Closure ? 'block' : value
    }

    void environment(Closure body) {
        EnvironmentSpec spec = new EnvironmentSpec()
        Dsl.apply(body, spec)
        environment.putAll(spec.values)
    }

    void stages(Closure body) {
        stages = StagesSpec.of(body)
    }

    void post(Closure body) {
        post = PostSpec.of(body)
    }
}

class PipelineSpec extends SectionSpec {
    final Map<String, Object> options = [:]

    void options(Closure body) {
        OptionsSpec spec = new OptionsSpec()
        Dsl.apply(body, spec)
        options.putAll(spec.values)
    }
}

class StagesSpec {
    final List<StageSpec> stages = []

    static StagesSpec of(Closure body) {
        StagesSpec spec = new StagesSpec()
        Dsl.apply(body, spec)
        return spec
    }

    void stage(String name, Closure body) {
        StageSpec stage = new StageSpec(name: name)
        Dsl.apply(body, stage)
        stages << stage
    }
}

class StageSpec extends SectionSpec {
    String name
    WhenSpec when
    Closure steps
    StagesSpec parallel

    void when(Closure body) {
        when = WhenSpec.of(body)
    }

    void steps(Closure body) {
        steps = body
    }

    void parallel(Closure body) {
        parallel = StagesSpec.of(body)
    }
}

/** `NAME = value` lines; reads of other names (env, params) fall through to the Jenkinsfile. */
class EnvironmentSpec {
    final Map<String, String> values = [:]

    void setProperty(String name, Object value) {
        values[name] = String.valueOf(value)
    }
}

/** Options are recorded as given (`timeout(time: 30, unit: 'MINUTES')`), not enforced. */
class OptionsSpec {
    final Map<String, Object> values = [:]

    Object methodMissing(String name, Object args) {
        values[name] = args
        return null
    }
}

class PostSpec {
    final Map<String, Closure> blocks = [:]

    static PostSpec of(Closure body) {
        PostSpec spec = new PostSpec()
        Dsl.apply(body, spec)
        return spec
    }

    void always(Closure body) { blocks.always = body }

    void success(Closure body) { blocks.success = body }

    void unstable(Closure body) { blocks.unstable = body }

    void failure(Closure body) { blocks.failure = body }

    void cleanup(Closure body) { blocks.cleanup = body }
}

/** Conditions of `when`; all of them must hold. Evaluated when the stage is reached. */
class WhenSpec {
    final List<Closure> conditions = []

    static WhenSpec of(Closure body) {
        WhenSpec spec = new WhenSpec()
        Dsl.apply(body, spec)
        return spec
    }

    boolean holds(PipelineHarness harness) {
        return conditions.every { Closure condition -> condition.call(harness) }
    }

    void expression(Closure body) {
        conditions << { PipelineHarness h -> body.call() as boolean }
    }

    /** `branch 'main'` or a glob: `branch 'release-*'`, matched against BRANCH_NAME. */
    void branch(String pattern) {
        String regex = pattern.split('\\*', -1).collect { java.util.regex.Pattern.quote(it) }.join('.*')
        conditions << { PipelineHarness h -> (h.currentEnv().BRANCH_NAME ?: '') ==~ regex }
    }

    /** A pull request build: CHANGE_ID is set. */
    void changeRequest() {
        conditions << { PipelineHarness h -> h.currentEnv().CHANGE_ID as boolean }
    }

    void not(Closure body) {
        WhenSpec inner = of(body)
        conditions << { PipelineHarness h -> !inner.holds(h) }
    }

    void allOf(Closure body) {
        WhenSpec inner = of(body)
        conditions << { PipelineHarness h -> inner.holds(h) }
    }

    void anyOf(Closure body) {
        WhenSpec inner = of(body)
        conditions << { PipelineHarness h -> inner.conditions.any { Closure c -> c.call(h) } }
    }
}
