/**
 * `python-version` values and how an interpreter's version is matched
 * against them. Accepted forms (the ones setup-python users and PEP 440
 * write): `3`, `3.11`, `3.11.7`, `3.11.x`, and comma-separated clauses
 * `>=3.10,<3.13`, `==3.11.*`, `~=3.10`, `!=3.12.0`.
 */

type Operator = '==' | '!=' | '>=' | '<=' | '>' | '<' | '~=' | 'prefix';

interface Clause {
  readonly op: Operator;
  readonly version: readonly number[];
}

export interface VersionSpec {
  /** As the user wrote it, for messages. */
  readonly text: string;
  readonly clauses: readonly Clause[];
}

export const ACCEPTED_FORMS = '3.11, 3.11.7, 3.x, >=3.10,<3.13, ==3.11.*, ~=3.10';

/** Parses a version spec; returns null when the text is not one (the caller names the input). */
export function parseVersionSpec(text: string): VersionSpec | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const clauses: Clause[] = [];
  for (const part of trimmed.split(',').map((piece) => piece.trim())) {
    const clause = parseClause(part);
    if (!clause) return null;
    clauses.push(clause);
  }
  return { text: trimmed, clauses };
}

function parseClause(text: string): Clause | null {
  const bare = /^(\d+(?:\.\d+){0,2})(?:\.[x*])?$/.exec(text);
  if (bare?.[1]) return { op: 'prefix', version: numbers(bare[1]) };
  const match = /^(==|!=|>=|<=|~=|>|<)\s*(\d+(?:\.\d+){0,2})(\.\*)?$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const op = match[1] as Operator;
  if (match[3]) return op === '==' ? { op: 'prefix', version: numbers(match[2]) } : null;
  if (op === '~=' && numbers(match[2]).length < 2) return null; // PEP 440: ~=3 means nothing
  return { op, version: numbers(match[2]) };
}

/** `3.11.7` or `3.13.0rc1` → [3, 11, 7] / [3, 13, 0]. */
export function numbers(version: string): number[] {
  return version
    .split('.')
    .slice(0, 3)
    .map((part) => Number.parseInt(part, 10))
    .filter((part) => Number.isFinite(part));
}

export function satisfies(version: string, spec: VersionSpec): boolean {
  const have = numbers(version);
  return spec.clauses.every((clause) => satisfiesClause(have, clause));
}

function satisfiesClause(have: readonly number[], clause: Clause): boolean {
  const order = compare(have, clause.version);
  switch (clause.op) {
    case 'prefix':
      return clause.version.every((part, index) => have[index] === part);
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '~=': {
      // ~=3.10 means >=3.10 and ==3.*; ~=3.10.2 means >=3.10.2 and ==3.10.*
      const prefix = clause.version.slice(0, -1);
      return order >= 0 && prefix.every((part, index) => have[index] === part);
    }
  }
}

/** Compares version tuples, a missing part counting as 0. */
export function compare(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const diff = (a[index] ?? 0) - (b[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
