/**
 * The `rules` input: one rule a line, read by a small tokenizer and a
 * recursive-descent parser so that every mistake can be reported with its
 * line, column, what was expected and what was found.
 *
 * Grammar (one line; `#` starts a comment, blank lines are skipped):
 *
 *   rule       := metric comparator right [ '@' confidence ]
 *   comparator := '>=' | '>' | '<=' | '<' | '==' | '!='
 *   right      := number
 *               | 'baseline.' metric [ ('+' | '-') number ]
 *   number     := [ '+' | '-' ] digits [ '.' digits ] [ ('e' | 'E') [ '+' | '-' ] digits ]   (also `.5`)
 *   confidence := number '%'          (0 < n < 100, e.g. `95%`, `99.5%`)
 *               | number              (a fraction 0 < n < 1, e.g. `0.95`)
 *   metric     := bare name | quoted name
 *
 * A bare name starts with a letter or `_` and continues with letters, digits,
 * `_`, `.` and `/`; a `-` belongs to the name only when a letter or `_` follows
 * (`f1-score` is a name, `f1-0.01` is not). Anything else (spaces, say) goes in
 * quotes: `"macro avg.f1-score" >= 0.8`, `baseline."macro avg.f1-score"`.
 *
 * A statistical rule (`@ 95%`) must compare a metric with its own baseline
 * (`accuracy >= baseline.accuracy - 0.01 @ 95%`) using >=, >, <= or <, and all
 * statistical rules must be about the same metric, because `samples` holds one
 * per-example score per model.
 */
import { InputError, type SourceLocation } from '../errors.js';
import type { Comparator, Operand, Rule } from '../types/gate.js';
import { excerpt } from './excerpt.js';
import { compareNames } from './names.js';

const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<', '==', '!='];
const BASELINE_PREFIX = 'baseline.';

type TokenKind = 'name' | 'number' | 'comparator' | 'symbol' | 'end';

interface Token {
  readonly kind: TokenKind;
  /** The text as written (for a quoted name: including the quotes). */
  readonly text: string;
  /** For names: the name without quotes; for numbers: unused. */
  readonly value: string;
  /** 0-based offsets in the line. */
  readonly start: number;
  readonly end: number;
}

/** Where rules came from, for messages: the `rules` input itself, or the file `rules-file` names. */
export type RulesOrigin = { readonly input: 'rules' } | { readonly input: 'rules-file'; readonly file: string };

const INLINE_RULES: RulesOrigin = { input: 'rules' };

/**
 * Parses rules: the `rules` input, or the text of the file `origin` names.
 * Blank lines and `#` comments (whole-line or trailing) are ignored;
 * `Rule.text` is the rule without its comment.
 * @throws InputError(origin.input) naming the line and column of the first
 *   mistake, or when there is no rule at all.
 */
export function parseRules(text: string, origin: RulesOrigin = INLINE_RULES): Rule[] {
  const rules: Rule[] = [];
  const lines = text.split(/\r?\n/);
  try {
    lines.forEach((lineText, index) => {
      const rule = parseRuleLine(lineText, index + 1);
      if (rule !== undefined) rules.push(rule);
    });
    if (rules.length === 0) {
      throw new InputError(origin.input, inFile(origin, "no rules given: give one or more rules, one a line, e.g. 'accuracy >= 0.9'"));
    }
    checkStatisticalRulesShareOneMetric(rules, lines);
  } catch (err) {
    if (err instanceof RuleSyntaxError) {
      throw new InputError(origin.input, `${lineRef(origin, err.line)}, column ${err.column}: ${err.message}`, { cause: err, ...placeIn(origin, err.line, err.column) });
    }
    throw err;
  }
  return rules;
}

/** "rules line 3" for the input itself, "gate.rules: line 3" for a file. */
function lineRef(origin: RulesOrigin, line: number): string {
  return origin.input === 'rules' ? `rules line ${line}` : `${origin.file}: line ${line}`;
}

/**
 * The place of a rule for an annotation on its line: only in a rules file
 * (the `rules` input is no file to point into).
 */
export function placeIn(origin: RulesOrigin, line: number, col?: number): { at?: SourceLocation } {
  if (origin.input !== 'rules-file') return {};
  return { at: { file: origin.file, line, ...(col !== undefined ? { col } : {}) } };
}

function inFile(origin: RulesOrigin, message: string): string {
  return origin.input === 'rules' ? message : `${origin.file}: ${message}`;
}

/** Parses one line; undefined for a blank or comment-only line. */
function parseRuleLine(lineText: string, line: number): Rule | undefined {
  const tokens = tokenize(lineText, line);
  const first = tokens[0];
  if (first === undefined || first.kind === 'end') return undefined;
  return new LineParser(lineText, line, tokens).parseRule();
}

// ---------------------------------------------------------------- tokenizer

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const BARE_NAME = /[A-Za-z_][A-Za-z0-9_./]*(?:-[A-Za-z_][A-Za-z0-9_./]*)*/y;
/** A run of characters that can't be split further, to show in "found '…'" messages. */
const WORD = /[A-Za-z0-9_./]+/y;

function tokenize(lineText: string, line: number): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const at = (regex: RegExp): string | undefined => {
    regex.lastIndex = pos;
    return regex.exec(lineText)?.[0];
  };
  const push = (kind: TokenKind, text: string, value = text): void => {
    tokens.push({ kind, text, value, start: pos, end: pos + text.length });
    pos += text.length;
  };

  while (pos < lineText.length) {
    const ch = lineText[pos] ?? '';
    if (ch === ' ' || ch === '\t') {
      pos++;
    } else if (ch === '#') {
      break; // comment to the end of the line
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(lineText[pos + 1] ?? ''))) {
      const number = at(NUMBER) ?? '';
      const word = at(WORD) ?? number;
      // `0.9abc` or `1.2.3`: keep it whole so the error shows what was written.
      push(word.length > number.length ? 'symbol' : 'number', word.length > number.length ? word : number);
    } else if (/[A-Za-z_]/.test(ch)) {
      const name = at(BARE_NAME) ?? ch;
      const quote = lineText[pos + name.length];
      if (name.endsWith('.') && (quote === '"' || quote === "'")) {
        // `baseline."macro avg.f1"`: the quoted part continues the name.
        const quoted = readQuoted(lineText, pos + name.length, line);
        push('name', name + quoted.text, name + quoted.value);
      } else {
        push('name', name);
      }
    } else if (ch === '"' || ch === "'") {
      const quoted = readQuoted(lineText, pos, line);
      push('name', quoted.text, quoted.value);
    } else {
      const two = lineText.slice(pos, pos + 2);
      if ((COMPARATORS as readonly string[]).includes(two)) push('comparator', two);
      else if (ch === '>' || ch === '<') push('comparator', ch);
      else push('symbol', ch);
    }
  }
  tokens.push({ kind: 'end', text: '', value: '', start: pos, end: pos });
  return tokens;
}

function readQuoted(lineText: string, start: number, line: number): { text: string; value: string } {
  const quote = lineText[start] ?? '"';
  const close = lineText.indexOf(quote, start + 1);
  if (close < 0) {
    throw rulesError(line, lineText.length + 1, `expected a closing ${quote} for the name that starts at column ${start + 1}, found end of line`);
  }
  const value = lineText.slice(start + 1, close);
  if (value === '') throw rulesError(line, start + 1, 'expected a metric name between the quotes, found an empty name');
  return { text: lineText.slice(start, close + 1), value };
}

// ---------------------------------------------------------------- parser

class LineParser {
  private index = 0;

  constructor(
    private readonly lineText: string,
    private readonly line: number,
    private readonly tokens: readonly Token[],
  ) {}

  parseRule(): Rule {
    const metricToken = this.peek();
    const metric = this.parseLeftMetric();
    const comparatorToken = this.peek();
    const comparator = this.parseComparator(metricToken);
    const rightToken = this.peek();
    const right = this.parseRight(comparatorToken);
    const confidence = this.parseOptionalConfidence();
    const last = this.expectEnd();
    const text = this.lineText.slice(metricToken.start, last.end).trim();
    if (confidence !== undefined) this.checkStatistical(metric, comparatorToken, rightToken, right);
    const rule: Rule = { text, line: this.line, metric, comparator, right };
    return confidence === undefined ? rule : { ...rule, confidence: confidence.level };
  }

  private parseLeftMetric(): string {
    const token = this.peek();
    if (token.kind !== 'name') this.fail(token, 'expected a metric name');
    if (token.value.startsWith(BASELINE_PREFIX) && !token.text.startsWith('"') && !token.text.startsWith("'")) {
      this.fail(token, `expected a candidate metric on the left (baseline.<metric> goes on the right)`);
    }
    this.index++;
    return token.value;
  }

  private parseComparator(after: Token): Comparator {
    const token = this.peek();
    if (token.kind !== 'comparator') {
      const hint = token.text === '=' ? " (use '==' for equality)" : '';
      this.fail(token, `expected a comparison (>=, >, <=, <, == or !=) after '${excerpt(after.text)}'`, hint);
    }
    this.index++;
    return token.text as Comparator;
  }

  private parseRight(after: Token): Operand {
    const token = this.peek();
    const expected = `expected a number or baseline.<metric> after '${excerpt(after.text)}'`;
    if (token.kind === 'number' || token.text === '-' || token.text === '+') {
      return { kind: 'number', value: this.parseSignedNumber(expected) };
    }
    if (token.kind !== 'name' || !token.value.startsWith(BASELINE_PREFIX) || token.value === BASELINE_PREFIX) {
      this.fail(token, expected);
    }
    this.index++;
    const metric = token.value.slice(BASELINE_PREFIX.length);
    return { kind: 'baseline', metric, offset: this.parseOptionalOffset(token) };
  }

  /** `+ 0.01` / `- 0.01` after a baseline metric; 0 when there is none. */
  private parseOptionalOffset(after: Token): number {
    const token = this.peek();
    if (token.text !== '+' && token.text !== '-') {
      if (token.kind !== 'end' && token.text !== '@') {
        this.fail(token, `expected '+', '-', '@' or end of line after '${excerpt(after.text)}'`);
      }
      return 0;
    }
    this.index++;
    const number = this.peek();
    if (number.kind !== 'number') this.fail(number, `expected a number after '${excerpt(token.text)}'`);
    this.index++;
    const magnitude = Number(number.text);
    return token.text === '-' ? -magnitude : magnitude;
  }

  /** A number with an optional sign; `expected` describes what may stand here. */
  private parseSignedNumber(expected: string): number {
    let sign = 1;
    let expectation = expected;
    const first = this.peek();
    if (first.text === '-' || first.text === '+') {
      sign = first.text === '-' ? -1 : 1;
      expectation = `expected a number after '${excerpt(first.text)}'`;
      this.index++;
    }
    const number = this.peek();
    if (number.kind !== 'number') this.fail(number, expectation);
    this.index++;
    return sign * Number(number.text);
  }

  /** `@ 95%`, `@95%`, `@ 0.95`; undefined when there is no `@`. */
  private parseOptionalConfidence(): { level: number } | undefined {
    const at = this.peek();
    if (at.text !== '@') return undefined;
    this.index++;
    const number = this.peek();
    const expected = "expected a confidence level like 95% or 0.95 after '@'";
    if (number.kind !== 'number') this.fail(number, expected);
    this.index++;
    const value = Number(number.text);
    if (this.peek().text === '%') {
      const percent = this.peek();
      this.index++;
      if (!(value > 0 && value < 100)) {
        this.fail(number, 'expected a confidence level between 0% and 100%', '', `'${number.text}${percent.text}'`);
      }
      return { level: value / 100 };
    }
    if (!(value > 0 && value < 1)) {
      // `@ 95` is most likely a forgotten '%'; say so rather than guess.
      this.fail(number, `${expected} (a percentage needs '%', a fraction is between 0 and 1)`);
    }
    return { level: value };
  }

  private expectEnd(): Token {
    const token = this.peek();
    const previous = this.tokens[this.index - 1];
    if (token.kind !== 'end') this.fail(token, `expected end of line after '${excerpt(previous?.text ?? '')}'`);
    return previous ?? token;
  }

  /** A statistical rule compares a metric with its own baseline, in a direction. */
  private checkStatistical(metric: string, comparatorToken: Token, rightToken: Token, right: Operand): void {
    if (comparatorToken.text === '==' || comparatorToken.text === '!=') {
      this.fail(comparatorToken, "a statistical rule ('@') needs >=, >, <= or <");
    }
    if (right.kind !== 'baseline' || right.metric !== metric) {
      this.fail(rightToken, `a statistical rule ('@') compares a metric with its own baseline: expected baseline.${metric}`);
    }
  }

  private peek(): Token {
    // The token list always ends with an 'end' token, and the parser never moves past it.
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as Token;
  }

  /** Throws a syntax error at line L, column C: "<expected>, found '<token>'<hint>"; `found` overrides the token's text. */
  private fail(token: Token, expected: string, hint = '', found: string = describe(token)): never {
    throw rulesError(this.line, token.start + 1, `${expected}, found ${found}${hint}`);
  }
}

/** A token as quoted in errors: a short, masked excerpt, since rules-file may lead to any file. */
function describe(token: Token): string {
  return token.kind === 'end' ? 'end of line' : `'${excerpt(token.text)}'`;
}

/** A mistake at a place in the rules text; parseRules turns it into an InputError naming where the text came from. */
class RuleSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

function rulesError(line: number, column: number, message: string): RuleSyntaxError {
  return new RuleSyntaxError(line, column, message);
}

/**
 * `samples` holds one series of per-example scores per model, so statistical
 * rules on two different metrics would compare both with the same series.
 */
function checkStatisticalRulesShareOneMetric(rules: readonly Rule[], lines: readonly string[]): void {
  const statistical = rules.filter((rule) => rule.confidence !== undefined);
  const first = statistical[0];
  if (first === undefined) return;
  const other = statistical.find((rule) => rule.metric !== first.metric);
  if (other === undefined) return;
  const column = (lines[other.line - 1] ?? '').indexOf(other.text) + 1;
  throw rulesError(
    other.line,
    Math.max(column, 1),
    `statistical rules ('@') must all be about one metric, because 'samples' holds one per-example score per model: ` +
      `line ${first.line} uses '${first.metric}', this one '${other.metric}'`,
  );
}

/** The metric names a candidate has: a Set, or any iterable of names. */
export type MetricKeys = ReadonlySet<string> | Iterable<string>;

/**
 * Checks that every metric the rules name exists somewhere, so a typo is a bad
 * input rather than a silent pass or a failure blamed on the candidates:
 * - a left-hand metric must exist in at least one candidate;
 * - a `baseline.<metric>` must exist in the baseline (when `baselineKeys` is
 *   given) or in at least one candidate. A metric only the candidates have is
 *   fine: the baseline predates it, and those rules are skipped like a missing baseline.
 *
 * Candidates lacking a metric some other candidate has are not an error here:
 * those candidates fail the rule with a note.
 * @throws InputError(origin.input) naming the rule's line, the metric and the metrics available.
 */
export function checkRuleMetrics(
  rules: readonly Rule[],
  candidateKeys: Readonly<Record<string, MetricKeys>>,
  baselineKeys?: MetricKeys,
  origin: RulesOrigin = INLINE_RULES,
): void {
  const known = new Set<string>();
  for (const keys of Object.values(candidateKeys)) for (const key of keys) known.add(key);
  const baseline = baselineKeys === undefined ? undefined : new Set(baselineKeys);
  const names = Object.keys(candidateKeys);

  for (const rule of rules) {
    if (!known.has(rule.metric)) {
      throw new InputError(
        origin.input,
        `${lineRef(origin, rule.line)}: '${rule.metric}' is not a metric of any candidate (${names.join(', ')}); ` +
          `${availableMetrics(known)}`,
        placeIn(origin, rule.line),
      );
    }
    const right = rule.right;
    if (right.kind !== 'baseline') continue;
    if (!known.has(right.metric) && !(baseline?.has(right.metric) ?? false)) {
      throw new InputError(
        origin.input,
        `${lineRef(origin, rule.line)}: 'baseline.${right.metric}' names a metric neither the baseline nor any candidate has; ` +
          `${availableMetrics(new Set([...known, ...(baseline ?? [])]))}`,
        placeIn(origin, rule.line),
      );
    }
  }
}

function availableMetrics(keys: ReadonlySet<string>): string {
  if (keys.size === 0) return 'the metric files hold no numeric metrics';
  const sorted = [...keys].sort(compareNames);
  // Metric names come from files a path may lead anywhere (a symlinked secret): masked excerpts.
  const shown = sorted.slice(0, 20).map((name) => excerpt(name)).join(', ');
  return `metrics found: ${shown}${sorted.length > 20 ? `, … (${sorted.length} in all)` : ''}`;
}
