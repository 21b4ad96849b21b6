import { escapeCell, inlineCode } from '../report/format.js';

/**
 * The job summary every step but the gate writes (the gate's is its report):
 * one `###` heading in the same form for every step, so a job summary with
 * five steps reads as one list, then a two-column table of what the step did.
 *
 * The table has a real header row: GitHub draws a blank one (`| | |`) as an
 * empty grey bar above the rows.
 */

/** A cell's text: plain text is escaped for the table; `code` is shown as inline code (paths, keys, digests). */
export type SummaryValue = string | number | { readonly code: string };

/** One row of the table; a row whose value is null is left out (a fact this run does not have). */
export type SummaryRow = readonly [label: string, value: SummaryValue | null];

export interface StepSummary {
  readonly step: string;
  /** ✅ or ❌ before the step's name. */
  readonly outcome: 'ok' | 'failed';
  /** What happened, in a few words: "Python env (uv): built". */
  readonly headline: string;
  readonly rows?: readonly SummaryRow[];
}

const MARK: Readonly<Record<StepSummary['outcome'], string>> = { ok: '✅', failed: '❌' };

/** `### ✅ mlops-ci <step> — <headline>`, then the table when there are rows, then a blank line. */
export function renderStepSummary({ step, outcome, headline, rows = [] }: StepSummary): string {
  const lines = [`### ${MARK[outcome]} mlops-ci ${step} — ${escapeCell(headline)}`, ''];
  const shown = rows.filter((row): row is readonly [string, SummaryValue] => row[1] !== null);
  if (shown.length > 0) {
    lines.push('| Detail | Value |', '|---|---|', ...shown.map(([label, value]) => `| ${escapeCell(label)} | ${cellOf(value)} |`), '');
  }
  return lines.join('\n');
}

function cellOf(value: SummaryValue): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? '—' : escapeCell(value);
  return inlineCode(value.code);
}

