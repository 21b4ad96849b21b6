/** Number and text formatting shared by the markdown report, JUnit XML and status lines. */

/** Four significant digits, no trailing noise: 0.953333 → 0.9533, 118.25 → 118.3, 3 → 3. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/** A signed number: +0.013, −0.02, ±0. */
export function formatSigned(value: number): string {
  if (value === 0) return '±0';
  const text = formatNumber(Math.abs(value));
  return value > 0 ? `+${text}` : `−${text}`;
}

/** Makes user text (names, rules) safe inside a markdown table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the text. */
export function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${escapeCell(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>')}${pad}${fence}`;
}

/**
 * Cuts text to a limit, ending with a note that says so. The limit counts
 * UTF-16 characters, or UTF-8 bytes with `unit: 'bytes'` (GitHub caps check-run
 * text at 65,535 of both, and the report's ✅ and ▲ take 3 bytes each).
 */
export function truncate(text: string, limit: number, note: string, unit: 'chars' | 'bytes' = 'chars'): string {
  const suffix = `\n\n${note}\n`;
  if (unit === 'chars') {
    return text.length <= limit ? text : text.slice(0, Math.max(0, limit - suffix.length)) + suffix;
  }
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  const keep = Math.max(0, limit - Buffer.byteLength(suffix, 'utf8'));
  // Cutting mid-character leaves a partial sequence that decodes to U+FFFD: drop it.
  const head = bytes.subarray(0, keep).toString('utf8').replace(/\uFFFD+$/, '');
  return head + suffix;
}

/**
 * Escapes text for HTML (and XML) text and quoted attributes, and drops the
 * control characters neither may hold, so any name keeps a page well-formed.
 */
export function escapeHtml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- XML 1.0 (and HTML) forbid these control characters
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
