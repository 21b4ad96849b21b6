import type { GateResults, RuleResult } from '../types/gate.js';
import { formatNumber } from './format.js';

/**
 * The gate as JUnit XML: one testsuite per candidate, one testcase per rule,
 * so Jenkins' `junit` step and test reporters show which rule failed where.
 */
export function renderJUnit(results: GateResults): string {
  const names = Object.keys(results.candidates).sort();
  const all = names.flatMap((name) => results.candidates[name]?.rules ?? []);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mlops-ci evaluate-and-gate" tests="${all.length}" failures="${count(all, 'failed')}" skipped="${count(all, 'skipped')}">`,
  ];
  for (const name of names) {
    const candidate = results.candidates[name];
    if (!candidate) continue;
    const rules = candidate.rules;
    lines.push(
      `  <testsuite name="${xml(name)}" tests="${rules.length}" failures="${count(rules, 'failed')}" skipped="${count(rules, 'skipped')}" errors="0">`,
    );
    lines.push(`    <properties><property name="metrics-file" value="${xml(candidate.metricsFile)}"/></properties>`);
    for (const rule of rules) lines.push(...testcase(name, rule));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function testcase(candidate: string, rule: RuleResult): string[] {
  const open = `    <testcase classname="mlops-ci.gate.${xml(candidate)}" name="${xml(rule.rule)}">`;
  const detail = describe(rule);
  switch (rule.verdict) {
    case 'passed':
      return [open, `      <system-out>${xml(detail)}</system-out>`, '    </testcase>'];
    case 'skipped':
      return [open, `      <skipped message="${xml(rule.note ?? 'skipped')}"/>`, '    </testcase>'];
    case 'failed':
      return [open, `      <failure message="${xml(rule.note ?? detail)}" type="GateRuleFailed">${xml(detail)}</failure>`, '    </testcase>'];
  }
}

function describe(rule: RuleResult): string {
  const parts = [`${rule.metric} = ${formatNumber(rule.value)}`];
  if (rule.baseline !== null) parts.push(`baseline = ${formatNumber(rule.baseline)}`);
  if (rule.threshold !== null) parts.push(`threshold = ${formatNumber(rule.threshold)}`);
  if (rule.interval) {
    parts.push(`${Math.round(rule.interval.level * 100)}% CI of the difference = [${formatNumber(rule.interval.lower)}, ${formatNumber(rule.interval.upper)}]`);
  }
  if (rule.note) parts.push(rule.note);
  return parts.join('; ');
}

function count(rules: readonly RuleResult[], verdict: RuleResult['verdict']): number {
  return rules.filter((rule) => rule.verdict === verdict).length;
}

/** Escapes for attributes and text, and drops characters XML 1.0 cannot hold. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
