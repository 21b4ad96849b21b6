/** The pure logic of evaluate-and-gate: metric files, rules, statistics, the verdict. */
export { flattenMetrics } from './flatten.js';
export { JsonSyntaxError, parseJsonAllowingNonFinite } from './json.js';
export { loadMetricsFile, metricsFromText, parseMetricsText, resolveMetricInputs, type MetricInput } from './load.js';
export { checkRuleMetrics, parseRules, type MetricKeys } from './rules.js';
export { parseSelect, selectBest, type PassingCandidate, type SelectionOutcome } from './select.js';
export { DEFAULT_RESAMPLES, DEFAULT_SEED, mulberry32, pairedBootstrap, percentile, type BootstrapOptions } from './bootstrap.js';
export { loadSampleInputs, loadSamples, type LoadSamplesOptions, type SampleSeries } from './samples.js';
export { evaluateGate, prepareGate, type EvaluateGateInput, type GateCandidate, type PreparedGate } from './evaluate.js';
export { metricDirection, metricDirections } from './direction.js';
