package io.mlopsci

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonException
import groovy.json.JsonSlurperClassic

/**
 * The line a step adds to currentBuild.description, which Jenkins shows under the build in the
 * build list: the gate's verdict, what promote-model promoted. Short, because that list is narrow;
 * HTML, because Jenkins renders the description with its markup formatter, so every value that
 * came from a user or a file is escaped. Lines are appended with SEPARATOR: other steps of the
 * pipeline may have described the build already.
 */
class BuildDescription implements Serializable {

    /** Between lines; plain text, so it reads the same under the plain-text and the HTML formatter. */
    static final String SEPARATOR = ' · '

    /** Longest value (a name, a rule) kept whole; longer ones are cut with an ellipsis. */
    static final int MAX_VALUE_LENGTH = 60

    private static final long serialVersionUID = 1L

    /**
     * The line for a step that ran to a verdict, from its inputs (kebab-case keys) and the outputs
     * as the bundle wrote them (kebab-case keys, strings); null when the step has nothing to say.
     */
    @NonCPS
    static String lineFor(String step, Map<String, Object> inputs, Map<String, Object> outputs) {
        switch (step) {
            case 'evaluate-and-gate':
                return gateLine(outputs)
            case 'promote-model':
                return promoteLine(inputs, outputs)
            default:
                return null
        }
    }

    /** `existing` with `line` after it, or `line` alone when the build has no description yet. */
    @NonCPS
    static String append(String existing, String line) {
        return existing?.trim() ? existing + SEPARATOR + line : line
    }

    /**
     * `gate passed — best: rf`, or `gate failed: rf: accuracy >= 0.95 (+2 more)`: the first failed
     * rule of the candidate that failed the fewest (the nearest to passing), and how many others failed.
     */
    @NonCPS
    static String gateLine(Map<String, Object> outputs) {
        if (String.valueOf(outputs.passed) == 'true') {
            return 'gate passed — best: ' + escape(outputs.best)
        }
        List<List<String>> failed = failedRules(outputs.results)
        if (failed.empty) {
            return 'gate failed'
        }
        List<String> nearest = failed.min { List<String> rules -> rules.size() }
        // Each entry is the name, then the rules: the line shows one rule of all the failed ones.
        int others = (failed.sum { List<String> rules -> rules.size() - 1 } as int) - 1
        String more = others > 0 ? " (+${others} more)" : ''
        return "gate failed: ${escape(nearest[0])}: ${escape(nearest[1])}${more}"
    }

    /**
     * Per candidate that failed, in the results' order: its name, then the text of each failed rule.
     * Empty when `results` is not the gate's JSON (then the line just says the gate failed).
     */
    @NonCPS
    private static List<List<String>> failedRules(Object results) {
        if (!results) {
            return []
        }
        Object parsed
        try {
            parsed = new JsonSlurperClassic().parseText(String.valueOf(results))
        } catch (JsonException e) {
            return []
        }
        Object candidates = parsed instanceof Map ? parsed.candidates : null
        if (!(candidates instanceof Map)) {
            return []
        }
        List<List<String>> failed = []
        candidates.each { Object name, Object candidate ->
            List<String> rules = failedRuleTexts(candidate)
            if (rules) {
                failed << ([String.valueOf(name)] + rules)
            }
        }
        return failed
    }

    /**
     * The text of each rule a candidate of the results failed; empty for anything that is not a
     * candidate. A skipped baseline rule has `passed: false` too, but it is not why the gate failed.
     */
    @NonCPS
    private static List<String> failedRuleTexts(Object candidate) {
        if (!(candidate instanceof Map) || !(candidate.rules instanceof List)) {
            return []
        }
        return candidate.rules
            .findAll { Object rule -> rule instanceof Map && rule.verdict == 'failed' }
            .collect { Map rule -> String.valueOf(rule.rule) }
    }

    /**
     * `promoted iris v3 → @production` for a registration, `rolled back iris @production → v1`,
     * `moved iris @production → v7` (to-version); null for describe, gc and remove-alias, which
     * promote nothing, and when no version came out.
     */
    @NonCPS
    static String promoteLine(Map<String, Object> inputs, Map<String, Object> outputs) {
        String version = outputs.version ? versionLabel(String.valueOf(outputs.version)) : null
        if (version == null || inputs.describe || isOn(inputs.gc) || isOn(inputs['remove-alias'])) {
            return null
        }
        List<String> model = [escape(inputs.model)]
        List<String> alias = inputs.alias ? ['@' + escape(inputs.alias)] : []
        List<String> words
        if (isOn(inputs.rollback)) {
            words = ['rolled back'] + model + alias + ['→', version]
        } else if (inputs['to-version']) {
            words = ['moved'] + model + alias + ['→', version]
        } else {
            words = ['promoted'] + model + [version] + (alias ? ['→'] + alias : [])
        }
        return words.join(' ')
    }

    /** `3` → `v3`; a version with its own form (`v1.2.0`, a tag) is kept. */
    @NonCPS
    private static String versionLabel(String version) {
        return version ==~ /\d+/ ? 'v' + version : escape(version)
    }

    /** A switch input as a Jenkinsfile may give it: true, or the text the bundle reads as on. */
    @NonCPS
    private static boolean isOn(Object value) {
        return value != null && String.valueOf(value).trim().toLowerCase(Locale.ROOT) in ['true', 'yes', '1', 'on']
    }

    /** Text for the HTML description: cut to MAX_VALUE_LENGTH, then escaped. */
    @NonCPS
    static String escape(Object value) {
        String text = value == null ? '' : String.valueOf(value)
        if (text.length() > MAX_VALUE_LENGTH) {
            text = text.substring(0, MAX_VALUE_LENGTH - 1) + '…'
        }
        return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;').replace("'", '&#39;')
    }

}
