/**
 * A small JSON reader that also accepts the bare `NaN`, `Infinity` and
 * `-Infinity` Python's `json.dump` writes by default. `JSON.parse` rejects
 * those, and its error messages give no line or column, which a user needs to
 * find the problem in a metrics file. Everything else follows RFC 8259.
 */
import { excerpt } from './excerpt.js';

/** A syntax error in JSON text, with the 1-based line and column where it was found. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

/**
 * Parses JSON text, plus bare NaN / Infinity / -Infinity as numbers.
 * Objects come back with a null prototype, so keys such as `__proto__` are
 * ordinary keys. A leading byte-order mark is ignored.
 * @throws JsonSyntaxError naming the line and column of the first problem.
 */
export function parseJsonAllowingNonFinite(text: string): unknown {
  const reader = new JsonReader(text.startsWith('\uFEFF') ? text.slice(1) : text);
  return reader.readDocument();
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /-?[A-Za-z_][A-Za-z0-9_]*/y;
const LITERALS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
]);

class JsonReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  readDocument(): unknown {
    this.skipWhitespace();
    const value = this.readValue('a JSON value');
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('expected end of file after the JSON value');
    return value;
  }

  private readValue(expected: string): unknown {
    const ch = this.text[this.pos];
    if (ch === '{') return this.readObject();
    if (ch === '[') return this.readArray();
    if (ch === '"') return this.readString();
    if (ch !== undefined && (ch === '-' || (ch >= '0' && ch <= '9'))) {
      const number = this.readNumber();
      if (number !== undefined) return number;
    }
    const word = this.match(WORD);
    if (word !== undefined && LITERALS.has(word)) {
      this.pos += word.length;
      return LITERALS.get(word);
    }
    return this.fail(`expected ${expected}`);
  }

  private readObject(): Record<string, unknown> {
    const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.pos++; // '{'
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return object;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('expected a string key in double quotes');
      const key = this.readString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the key "${excerpt(key)}"`);
      this.pos++;
      this.skipWhitespace();
      object[key] = this.readValue(`a value for the key "${excerpt(key)}"`);
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === '}') {
        this.pos++;
        return object;
      }
      if (next !== ',') this.fail(`expected ',' or '}' after the value of "${excerpt(key)}"`);
      this.pos++;
      this.skipWhitespace();
    }
  }

  private readArray(): unknown[] {
    const array: unknown[] = [];
    this.pos++; // '['
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.readValue('a value in the list'));
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ']') {
        this.pos++;
        return array;
      }
      if (next !== ',') this.fail("expected ',' or ']' after a list item");
      this.pos++;
      this.skipWhitespace();
    }
  }

  private readString(): string {
    const start = this.pos;
    this.pos++; // opening quote
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '\n') {
        this.pos = start;
        this.fail('unterminated string');
      }
      if (ch === '\\') this.pos += 2;
      else if (ch === '"') break;
      else this.pos++;
    }
    this.pos++; // closing quote
    // The escapes are JSON's own, so JSON.parse decodes the literal exactly;
    // it only fails on a bad escape or a raw control character.
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      this.pos = start;
      return this.fail('invalid string (bad escape or control character)');
    }
  }

  /** Reads a number, or returns undefined (position unchanged) when there is none here. */
  private readNumber(): number | undefined {
    const literal = this.match(NUMBER);
    if (literal === undefined) return undefined; // e.g. '-Infinity', read as a literal by the caller
    this.pos += literal.length;
    return Number(literal);
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.text)?.[0];
  }

  private skipWhitespace(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return;
      this.pos++;
    }
  }

  /** Throws a syntax error at the current position, naming what was found there. */
  private fail(expected: string): never {
    const { line, column } = lineAndColumn(this.text, this.pos);
    throw new JsonSyntaxError(`${expected}, found ${this.describeFound()}`, line, column);
  }

  private describeFound(): string {
    if (this.pos >= this.text.length) return 'end of file';
    const word = this.match(/[A-Za-z0-9_.+-]+/y);
    // The file may be anything a path leads to (a symlinked secret): quote a short, masked excerpt.
    return `'${excerpt(word ?? this.text[this.pos] ?? '')}'`;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
