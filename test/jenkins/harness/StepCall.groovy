package harness

/**
 * One recorded invocation of a pipeline step or var: its name, its arguments as given, and the
 * environment it saw (base environment plus every enclosing withEnv/withCredentials).
 */
class StepCall {
    String name
    List<Object> args
    Map<String, String> env

    /** The block steps the call ran in, outermost first (withEnv, withCredentials, nodejs, …). */
    List<String> within = []

    /**
     * A named argument: from the map form `step(key: value)`, or the single positional argument
     * when `key` is the step's default parameter (`sh 'ls'` → arg('script', true) == 'ls').
     */
    Object arg(String key, boolean positionalDefault = false) {
        if (args && args[0] instanceof Map) {
            return ((Map) args[0])[key]
        }
        return positionalDefault && args ? args[0] : null
    }

    /** The trailing closure of a block step (withEnv, withCredentials), or null. */
    Closure body() {
        return args && args[-1] instanceof Closure ? (Closure) args[-1] : null
    }

    /** Every argument rendered as text (closures omitted): what a log or a UI could show. */
    String argsText() {
        return args.findAll { !(it instanceof Closure) }.collect { String.valueOf(it) }.join(', ')
    }

    @Override
    String toString() {
        return "${name}(${argsText()}${body() ? ', {…}' : ''})"
    }
}
