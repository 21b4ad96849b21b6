/**
 * GitLab's collapsible log sections, read the way GitLab reads a job log
 * (lib/gitlab/regex.rb: `section_(start|end):<unix seconds>:<[a-zA-Z0-9_.-]+>`,
 * an optional option list such as `[collapsed=true]`, then CR ESC[0K; the
 * header is the rest of a start line). Docs: ci/jobs/job_logs.md, "Custom
 * collapsible sections".
 */

const ESC = String.fromCharCode(27);

/** One marker line: `^ESC[0K` is optional, as in GitLab's parser. */
const MARKER = new RegExp(`^(?:${ESC}\\[0K)?section_(start|end):(\\d+):([a-zA-Z0-9_.-]+)(?:\\[((?:\\w+=\\w+)(?:, ?\\w+=\\w+)*)\\])?\\r${ESC}\\[0K(.*)$`);

export interface SectionMarker {
  readonly kind: 'start' | 'end';
  readonly unixSeconds: number;
  readonly name: string;
  readonly collapsed: boolean;
  /** The header a start line shows (empty on an end line). */
  readonly header: string;
}

/** The marker the line is, or null for an ordinary line. */
export function sectionMarker(line: string): SectionMarker | null {
  const match = MARKER.exec(line);
  if (!match) return null;
  return {
    kind: match[1] as SectionMarker['kind'],
    unixSeconds: Number(match[2]),
    name: match[3] as string,
    collapsed: (match[4] ?? '').split(/, ?/).includes('collapsed=true'),
    header: match[5] as string,
  };
}

/** Every marker in a log, in order. */
export function sectionMarkers(log: string): SectionMarker[] {
  return log.split('\n').flatMap((line) => sectionMarker(line) ?? []);
}
