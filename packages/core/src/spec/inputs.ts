import { InputError, quote } from '../errors.js';
import type { InputSpec, RawInputs, StepSpec } from './types.js';

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);
/**
 * The longest value a `string` input or a list item may hold: no path
 * (PATH_MAX), name, URL or version is longer, and a longer one would reach
 * the file system only to fail there as ENAMETOOLONG, a fault instead of bad input.
 */
export const MAX_STRING_LENGTH = 4096;

/**
 * Reads a step's inputs through the spec: applies defaults, checks types and
 * required inputs, and throws an InputError (exit 2) that names the input,
 * what was given and what is accepted. Steps call it from their getInputs().
 */
export class InputReader {
  private readonly byName: ReadonlyMap<string, InputSpec>;

  constructor(
    private readonly spec: StepSpec,
    private readonly raw: RawInputs,
  ) {
    this.byName = new Map(spec.inputs.map((input) => [input.name, input]));
    this.rejectUnknownNames();
  }

  /** Free text; '' when absent and without default. */
  string(name: string): string {
    return this.text(name) ?? '';
  }

  /** Free text that must be present (required inputs, or ones a mode needs). */
  requiredString(name: string): string {
    const value = this.text(name);
    if (value === undefined || value.trim() === '') {
      throw new InputError(name, `is required: ${this.describe(name)}`);
    }
    return value;
  }

  boolean(name: string): boolean {
    const value = this.text(name)?.trim().toLowerCase() ?? '';
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value) || value === '') return false;
    throw new InputError(name, `got ${quote(value)}, expected true or false`);
  }

  number(name: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const value = this.text(name)?.trim();
    if (value === undefined || value === '') return undefined;
    const parsed = Number(value);
    const kind = range.integer ? 'a whole number' : 'a number';
    const valid = Number.isFinite(parsed) && (!range.integer || Number.isInteger(parsed));
    if (!valid) throw new InputError(name, `got ${quote(value)}, expected ${kind}`);
    if ((range.min !== undefined && parsed < range.min) || (range.max !== undefined && parsed > range.max)) {
      throw new InputError(name, `got ${parsed}, expected ${kind} from ${range.min ?? '-∞'} to ${range.max ?? '∞'}`);
    }
    return parsed;
  }

  choice<T extends string>(name: string): T {
    const choices = this.specOf(name).choices ?? [];
    const value = this.text(name)?.trim() ?? '';
    if (!choices.includes(value)) {
      throw new InputError(name, `got ${quote(value)}, expected one of: ${choices.join(', ')}`);
    }
    return value as T;
  }

  /** A list: newline-separated text, or a JSON array (Jenkins). Blank and `#` lines are dropped. */
  list(name: string): string[] {
    const value = this.raw.get(name) ?? this.specOf(name).default;
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value)
      ? value.map((item) => this.scalarText(name, item)).filter((item) => item !== '')
      : this.scalarText(name, value)
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== '' && !line.startsWith('#'));
    for (const item of items) this.checkLength(name, item, 'an item of');
    return items;
  }

  /** The input's text as given, or its default; undefined when neither. */
  private text(name: string): string | undefined {
    const value = this.raw.get(name);
    if (value === undefined || value === null || value === '') return this.specOf(name).default;
    const text = Array.isArray(value) ? value.map((item) => this.scalarText(name, item)).join('\n') : this.scalarText(name, value);
    if (this.specOf(name).type === 'string') this.checkLength(name, text, 'the value of');
    return text;
  }

  private checkLength(name: string, text: string, what: string): void {
    if (text.length > MAX_STRING_LENGTH) {
      throw new InputError(name, `got ${text.length} characters; ${what} this input holds at most ${MAX_STRING_LENGTH} (no path, name or URL is longer)`);
    }
  }

  private scalarText(name: string, value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new InputError(name, `got ${quote(JSON.stringify(value) ?? String(value))}, expected text, a number or true/false`);
  }

  private specOf(name: string): InputSpec {
    const spec = this.byName.get(name);
    // A step asking for an input its own spec lacks is a programming error, not bad input.
    if (!spec) throw new Error(`step ${this.spec.name} reads undeclared input '${name}'`);
    return spec;
  }

  private describe(name: string): string {
    return this.specOf(name).description;
  }

  private rejectUnknownNames(): void {
    const unknown = this.raw.givenNames().filter((name) => !this.byName.has(name));
    if (unknown.length === 0) return;
    const first = unknown[0] as string;
    const known = [...this.byName.keys()].join(', ');
    throw new InputError(first, `is not an input of ${this.spec.name}; its inputs are: ${known}`);
  }
}

/** `MLOPS_CI_INPUTS` as sent by the Jenkins shim (and accepted by the CLI): one JSON object. */
export function parseInputsJson(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InputError('MLOPS_CI_INPUTS', `is not valid JSON (${(err as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError('MLOPS_CI_INPUTS', 'must be a JSON object of input names to values');
  }
  return parsed as Record<string, unknown>;
}

/** Environment variable a secret input is read from on Jenkins: `github-token` → MLOPS_CI_SECRET_GITHUB_TOKEN. */
export function secretEnvName(input: string): string {
  return `MLOPS_CI_SECRET_${input.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
