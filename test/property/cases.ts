/**
 * The bad-input catalogue, derived from the step specs: for every input of
 * every step, values of each kind a careless or hostile user could give —
 * wrong types, empty, whitespace, 100 KiB, non-UTF-8 bytes, shell
 * metacharacters, `../` and absolute paths, arbitrary Unicode — and unknown
 * input names. A new input or step in a spec gets its cases with no test
 * change. fast-check draws the values from a fixed seed, so a run is
 * repeatable and a known gap keeps its identity from run to run.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { InputSpec, StepSpec } from '../../packages/core/src/spec/types.js';

export type HostName = 'cli' | 'jenkins' | 'github';
export const HOSTS: readonly HostName[] = ['cli', 'jenkins', 'github'];

/** How a value reaches the tool: text any host can carry, raw bytes (made by printf in a shell), or a typed JSON value (Jenkins only). */
export type Value =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly printf: string }
  | { readonly kind: 'json'; readonly json: unknown };

export type Category =
  | 'empty'
  | 'whitespace'
  | 'huge'
  | 'non-utf8'
  | 'shell'
  | 'relative-escape'
  | 'absolute'
  | 'unicode'
  | 'wrong-type'
  | 'typed-json'
  | 'unknown-name';

export interface Case {
  readonly step: string;
  /** The input the case changes (for unknown-name: the made-up name). */
  readonly input: string;
  readonly category: Category;
  readonly host: HostName;
  readonly value: Value;
}

/** Where a case may write or run something: filled in per run (the marker path is absolute and per case). */
export interface Places {
  /** A file a shell injection would create. */
  readonly marker: string;
  /** An absolute path outside the workspace, inside the case's own root. */
  readonly outside: string;
}

/**
 * Linux refuses to exec with one argument or environment string over
 * 128 KiB (MAX_ARG_STRLEN), so no host can hand the tool a 1 MB value; the
 * largest value any host can carry is what is tried.
 */
export const HUGE_LENGTH = 100 * 1024;

const SHELL_PAYLOADS = ['$(touch MARKER)', '`touch MARKER`', 'x; touch MARKER', 'x && touch MARKER #', 'x | touch MARKER', "x'; touch MARKER; '", 'x\ntouch MARKER'];
const NON_UTF8 = ['\\xff\\xfe', 'a\\xc3\\x28b', '\\xed\\xa0\\x80', 'ok\\x80'];
const WRONG_TYPE: Partial<Record<InputSpec['type'], readonly string[]>> = {
  boolean: ['maybe', '2', 'truee'],
  number: ['NaN', '12abc', '1e999', '-1', '0x10'],
  choice: ['nope', 'AUTO '],
};
const TYPED_JSON: readonly unknown[] = [42, true, { a: 1 }, [1, { b: 2 }], [[]], -0.5];

/**
 * Every case of every step. Each case's value and host are drawn from a seed
 * made of `seed` and the case's own name, so adding an input or a step leaves
 * every other case as it was.
 */
export function catalogue(specs: readonly StepSpec[], seed: number): Case[] {
  const cases: Case[] = [];
  for (const spec of specs) {
    for (const input of spec.inputs) {
      const add = (category: Category, value: (draw: Draw) => Value, onlyHost?: HostName): void => {
        const draw = drawFor(seed, `${spec.name} ${input.name} ${category}`);
        cases.push({ step: spec.name, input: input.name, category, host: onlyHost ?? draw.pick(fc.constantFrom(...HOSTS)), value: value(draw) });
      };
      const text = (t: string): Value => ({ kind: 'text', text: t });
      add('empty', () => text(''));
      add('whitespace', (d) => text(d.pick(fc.constantFrom(' ', '\t', ' \n ', '\u00a0'))));
      add('huge', () => text('x'.repeat(HUGE_LENGTH)));
      add('non-utf8', (d) => ({ kind: 'bytes', printf: d.pick(fc.constantFrom(...NON_UTF8)) }));
      add('shell', (d) => text(d.pick(fc.constantFrom(...SHELL_PAYLOADS))));
      add('relative-escape', (d) => text(d.pick(fc.constantFrom('../outside', '../../outside/x', 'a/../../outside'))));
      add('absolute', () => text('OUTSIDE'));
      add('unicode', (d) => text(d.pick(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }))));
      const wrong = WRONG_TYPE[input.type];
      if (wrong) add('wrong-type', (d) => text(d.pick(fc.constantFrom(...wrong))));
      add('typed-json', (d) => ({ kind: 'json', json: d.pick(fc.constantFrom(...TYPED_JSON)) }), 'jenkins');
    }
    for (const host of HOSTS) {
      const name = drawFor(seed, `${spec.name} unknown ${host}`).pick(fc.stringMatching(/^[a-z]{3,8}-[a-z]{3,8}$/));
      cases.push({ step: spec.name, input: `no-${name}`, category: 'unknown-name', host, value: { kind: 'text', text: 'x' } });
    }
  }
  return cases;
}

interface Draw {
  pick<T>(arbitrary: fc.Arbitrary<T>): T;
}

/** Successive draws from one seed derived from `seed` and `name`. */
function drawFor(seed: number, name: string): Draw {
  let next = createHash('sha256').update(`${seed} ${name}`).digest().readUInt32BE(0);
  return { pick: (arbitrary) => fc.sample(arbitrary, { seed: next++, numRuns: 1 })[0] as never };
}

/** The case's value with its placeholders (MARKER, OUTSIDE) made real for one run. */
export function concrete(value: Value, places: Places): Value {
  if (value.kind !== 'text') return value;
  return { kind: 'text', text: value.text.replaceAll('MARKER', places.marker).replace(/^OUTSIDE$/, places.outside) };
}

/** One line that names a case, stable across runs (the key of known gaps). */
export function caseKey(c: Case): string {
  return `${c.step} ${c.input} ${c.category} ${c.host}`;
}
