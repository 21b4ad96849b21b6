import { describeLine, InputError, quote } from '../errors.js';
import { closestName } from './suggest.js';
import type { CommandLine, InputRelation, InputSpec, RawInputs, StepSpec } from './types.js';

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);
/**
 * The longest value a `string` input or a list item may hold: no path
 * (PATH_MAX), name, URL or version is longer, and a longer one would reach
 * the file system only to fail there as ENAMETOOLONG, a fault instead of bad input.
 */
export const MAX_STRING_LENGTH = 4096;

type SpecInput<S extends StepSpec> = S['inputs'][number];
/** The names of a step's inputs, as a union: reading an input the spec lacks is a compile error. */
export type InputName<S extends StepSpec> = SpecInput<S>['name'];
type InputNamed<S extends StepSpec, N> = Extract<SpecInput<S>, { readonly name: N }>;

/** What an input of each type reads as. */
type ValueOf<I extends InputSpec> = I['type'] extends 'boolean'
  ? boolean
  : I['type'] extends 'number'
    ? number
    : I['type'] extends 'choice'
      ? I extends { readonly choices: readonly (infer C)[] }
        ? C
        : string
      : I['type'] extends 'list'
        ? readonly string[]
        : I['type'] extends 'map'
          ? ReadonlyMap<string, string>
          : I['type'] extends 'argv'
            ? CommandLine
            : string;

/**
 * Inputs that always read as a value: those with a default or marked required,
 * and the types whose absence is a value of its own (false, no items, no pairs).
 */
type AlwaysHasValue<I extends InputSpec> = I extends { readonly default: string } | { readonly required: true } | { readonly type: 'boolean' | 'list' | 'map' } ? true : false;

/** What `reader.get(name)` returns: the input's typed value, `undefined` only when it can be absent. */
export type InputValue<S extends StepSpec, N extends InputName<S>> =
  AlwaysHasValue<InputNamed<S, N>> extends true ? ValueOf<InputNamed<S, N>> : ValueOf<InputNamed<S, N>> | undefined;

/** What `reader.oneOf(a, b, …)` returns: which of the names was given, and its value typed by that name. */
export type OneGiven<S extends StepSpec, N extends readonly InputName<S>[]> = { [K in keyof N]: { readonly name: N[K]; readonly value: NonNullable<InputValue<S, N[K]>> } }[number];

/**
 * Reads a step's inputs through its spec, the one place where input text
 * becomes values: strings are trimmed and a blank one is absent, the spec's
 * default is applied (so an input with a default is never undefined), types,
 * ranges, choices, required inputs and the spec's relations are checked, and
 * every problem is an InputError (exit 2) naming the input, what was given and
 * what is accepted. Unknown input names and the relations are checked when the
 * reader is made, before a step reads anything.
 */
export class InputReader<S extends StepSpec = StepSpec> {
  private readonly byName: ReadonlyMap<string, InputSpec>;

  constructor(
    private readonly spec: S,
    private readonly raw: RawInputs,
  ) {
    this.byName = new Map(spec.inputs.map((input) => [input.name, input]));
    this.rejectUnknownNames();
    this.requireRequired();
    for (const relation of spec.relations ?? []) this.checkRelation(relation);
  }

  /** The input's value, typed from the spec. */
  get<N extends InputName<S>>(name: N): InputValue<S, N> {
    const input = this.specOf(name);
    const present = isPresent(this.raw.get(name));
    if (!present && input.default === undefined) return absentValue(input) as InputValue<S, N>;
    const value = present ? this.raw.get(name) : input.default;
    return this.parse(input, value) as InputValue<S, N>;
  }

  /**
   * The one input of an exclusive group that was given, with its value: for a
   * step whose spec says "give exactly one of these" (`exclusive`, `required`),
   * so the step handles each case without an impossible "neither" branch.
   * None given is the same error the relation gives.
   */
  oneOf<const N extends readonly [InputName<S>, ...InputName<S>[]]>(...names: N): OneGiven<S, N> {
    const name = names.find((candidate) => this.given(candidate));
    if (name === undefined) throw new InputError(names[0], `is required: give ${oneOf(names)}`);
    return { name, value: this.get(name) } as OneGiven<S, N>;
  }

  /**
   * Whether the user gave the input: a non-blank value other than the
   * input's default. GitHub passes every input's default as if given, so a
   * value equal to the default is what "left alone" looks like there; for
   * the same reason a switch (a boolean input) counts only when on. This is
   * what relations and `oneOf` go by.
   */
  given(name: InputName<S>): boolean {
    const value = this.raw.get(name);
    if (!isPresent(value)) return false;
    const input = this.specOf(name);
    if (input.type === 'boolean') return !FALSE_WORDS.has(String(value).trim().toLowerCase());
    return input.default === undefined || typeof value !== 'string' || value.trim() !== input.default;
  }

  private parse(input: InputSpec, value: unknown): unknown {
    switch (input.type) {
      case 'string':
        return this.checkLength(input.name, this.text(input.name, value).trim(), 'the value of');
      case 'text':
        return this.text(input.name, value);
      case 'boolean':
        return this.booleanOf(input.name, this.text(input.name, value));
      case 'number':
        return this.numberOf(input, this.text(input.name, value).trim());
      case 'choice':
        return this.choiceOf(input, this.text(input.name, value).trim());
      case 'list':
        return this.listOf(input.name, value);
      case 'map':
        return this.mapOf(input.name, value);
      case 'argv':
        return this.commandOf(input.name, value);
    }
  }

  private booleanOf(name: string, text: string): boolean {
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    throw new InputError(name, `got ${quote(text)}, expected true or false`);
  }

  private numberOf(input: InputSpec, text: string): number {
    const parsed = Number(text);
    const kind = input.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(parsed) || (input.integer && !Number.isInteger(parsed))) throw new InputError(input.name, `got ${quote(text)}, expected ${kind}`);
    if ((input.min !== undefined && parsed < input.min) || (input.max !== undefined && parsed > input.max)) {
      throw new InputError(input.name, `got ${parsed}, expected ${kind} from ${input.min ?? '-∞'} to ${input.max ?? '∞'}`);
    }
    return parsed;
  }

  private choiceOf(input: InputSpec, text: string): string {
    const choices = input.choices ?? [];
    if (!choices.includes(text)) throw new InputError(input.name, `got ${quote(text)}, expected one of: ${choices.join(', ')}`);
    return text;
  }

  /** Newline-separated text, or an array (Jenkins). Blank and `#` lines are dropped. */
  private listOf(name: string, value: unknown): string[] {
    const items = Array.isArray(value)
      ? value.map((item) => this.scalarText(name, item).trim()).filter((item) => item !== '')
      : this.scalarText(name, value)
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== '' && !line.startsWith('#'));
    for (const item of items) this.checkLength(name, item, 'an item of');
    return items;
  }

  /**
   * `KEY=VALUE` lines, or an object (Jenkins). An error names the line and the
   * text before `=`, never the value: it may be a secret.
   */
  private mapOf(name: string, value: unknown): Map<string, string> {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return new Map(Object.entries(value).map(([key, item]) => [key, this.scalarText(name, item)]));
    }
    const pairs = new Map<string, string>();
    const lines = Array.isArray(value) ? value.map((item) => this.scalarText(name, item)) : this.scalarText(name, value).split(/\r?\n/);
    lines.forEach((line, index) => {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const eq = trimmed.indexOf('=');
      const key = trimmed.slice(0, Math.max(eq, 0));
      if (eq <= 0 || key.trim() !== key) throw new InputError(name, `${describeLine(trimmed, index)} is not KEY=VALUE`);
      pairs.set(key, trimmed.slice(eq + 1));
    });
    return pairs;
  }

  /** An array (Jenkins list, or JSON array text) is argv; any other text is a shell script. */
  private commandOf(name: string, value: unknown): CommandLine {
    if (Array.isArray(value)) return this.argvOf(name, value);
    const text = this.text(name, value).trim();
    if (text.startsWith('[')) {
      const parsed = parseJsonArray(text);
      if (parsed) return this.argvOf(name, parsed);
    }
    return { kind: 'shell', script: text };
  }

  private argvOf(name: string, items: readonly unknown[]): CommandLine {
    const valid = items.length > 0 && items.every((item) => typeof item === 'string') && (items[0] as string).trim() !== '';
    if (!valid) throw new InputError(name, `got ${quote(JSON.stringify(items))}, expected a non-empty list of strings such as ["python", "train.py"]`);
    return { kind: 'argv', argv: items as string[] };
  }

  /** The value as text: a Jenkins list of scalars joins into lines. */
  private text(name: string, value: unknown): string {
    return Array.isArray(value) ? value.map((item) => this.scalarText(name, item)).join('\n') : this.scalarText(name, value);
  }

  private scalarText(name: string, value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new InputError(name, `got ${quote(JSON.stringify(value) ?? String(value))}, expected text, a number or true/false`);
  }

  private checkLength(name: string, text: string, what: string): string {
    if (text.length > MAX_STRING_LENGTH) {
      throw new InputError(name, `got ${text.length} characters; ${what} this input holds at most ${MAX_STRING_LENGTH} (no path, name or URL is longer)`);
    }
    return text;
  }

  private specOf(name: string): InputSpec {
    const spec = this.byName.get(name);
    // Only an untyped caller can get here; the spec and its step disagree, a programming error.
    if (!spec) throw new Error(`step ${this.spec.name} reads undeclared input '${name}'`);
    return spec;
  }

  private rejectUnknownNames(): void {
    const unknown = this.raw.givenNames().filter((name) => !this.byName.has(name));
    if (unknown.length === 0) return;
    const first = unknown[0] as string;
    const known = [...this.byName.keys()];
    const meant = closestName(first, known);
    const hint = meant ? `did you mean ${quote(meant)}?` : `its inputs are: ${known.join(', ')}`;
    throw new InputError(first, `is not an input of ${this.spec.name}; ${hint}`);
  }

  private requireRequired(): void {
    for (const input of this.spec.inputs) {
      if (input.required && input.default === undefined && !isPresent(this.raw.get(input.name))) {
        throw new InputError(input.name, `is required: ${input.description}`);
      }
    }
  }

  private checkRelation(relation: InputRelation): void {
    for (const name of relationNames(relation)) this.specOf(name);
    if ('exclusive' in relation) {
      const given = relation.exclusive.filter((name) => this.given(name));
      const [first, second] = given;
      if (first !== undefined && second !== undefined) {
        const choice = relation.exclusive.length === 2 ? `${oneOf(relation.exclusive)}, not both` : `only one of ${oneOf(relation.exclusive)}`;
        throw new InputError(second, `was given together with '${first}': give ${choice}`);
      }
      if (relation.required && first === undefined) throw new InputError(relation.exclusive[0], `is required: give ${oneOf(relation.exclusive)}`);
      return;
    }
    if (!this.given(relation.input)) return;
    const missing = relation.requires.find((name) => !this.given(name));
    if (missing !== undefined) throw new InputError(relation.input, `needs '${missing}' as well`);
  }
}

/** A value the user wrote: not absent, not blank, not an empty list or map. */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The value of an input that was not given and has no default. */
function absentValue(input: InputSpec): unknown {
  switch (input.type) {
    case 'boolean':
      return false;
    case 'list':
      return [];
    case 'map':
      return new Map();
    default:
      return undefined;
  }
}

function parseJsonArray(text: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function relationNames(relation: InputRelation): readonly string[] {
  return 'exclusive' in relation ? relation.exclusive : [relation.input, ...relation.requires];
}

/** `'a' or 'b'`, `'a', 'b' or 'c'`. */
function oneOf(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  return quoted.length === 1 ? (quoted[0] as string) : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
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

/** Environment variable an input is read from on GitLab (a component's job `variables:`): `python-version` → MLOPS_CI_INPUT_PYTHON_VERSION. */
export function inputEnvName(input: string): string {
  return `MLOPS_CI_INPUT_${envSuffix(input)}`;
}

/** Environment variable a secret input is read from on Jenkins: `github-token` → MLOPS_CI_SECRET_GITHUB_TOKEN. */
export function secretEnvName(input: string): string {
  return `MLOPS_CI_SECRET_${envSuffix(input)}`;
}

/** Environment variable a `credentialFile` input's path is read from on Jenkins: `kubeconfig` → MLOPS_CI_FILE_KUBECONFIG. */
export function credentialFileEnvName(input: string): string {
  return `MLOPS_CI_FILE_${envSuffix(input)}`;
}

function envSuffix(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
