import { relationNames } from './inputs.js';
import type { InputSpec, StepSpec } from './types.js';

/** `mlops-ci --help`: the steps, one line each. */
export function renderUsage(specs: readonly StepSpec[], version: string): string {
  const width = Math.max(...specs.map((spec) => spec.name.length));
  return [
    `mlops-ci ${version} — CI/CD steps for ML projects`,
    '',
    'Usage: mlops-ci <step> [--<input> <value>]...',
    '       mlops-ci <step> --help',
    '       mlops-ci --version',
    '',
    'Steps:',
    ...specs.map((spec) => `  ${spec.name.padEnd(width)}  ${spec.description}`),
    '',
    'Inputs may also come as one JSON object in MLOPS_CI_INPUTS. Logs go to stderr;',
    'the outputs are printed as JSON on stdout. Exit codes: 0 done, 1 failed,',
    '2 bad input, 3 the gate did not pass.',
  ].join('\n');
}

/** `mlops-ci <step> --help`: the step's inputs and outputs. */
export function renderStepHelp(spec: StepSpec): string {
  const lines = [`mlops-ci ${spec.name} — ${spec.description}`, '', 'Inputs:'];
  for (const input of spec.inputs) {
    lines.push(`  --${input.name} ${placeholder(input)}${input.required ? '  (required)' : ''}`);
    lines.push(...wrap(inputDescription(spec, input), 6));
    if (input.default !== undefined) lines.push(`      Default: ${input.default}`);
  }
  lines.push('', 'Outputs (JSON on stdout):');
  for (const output of spec.outputs) {
    lines.push(`  ${output.name}`);
    lines.push(...wrap(output.description, 6));
  }
  lines.push('', `Jenkins: ${spec.jenkinsVar}(...)   GitHub: uses: <owner>/mlops-ci/actions/${spec.name}@v0`);
  return lines.join('\n');
}

/**
 * An input's description as every generated doc prints it (action.yml, the
 * Jenkins help, the README tables, `--help`): the spec's words, then what the
 * reader checks — choices, range, relations — so no description repeats them.
 */
export function inputDescription(spec: StepSpec, input: InputSpec): string {
  return [input.description, ...inputFacts(spec, input)].join(' ');
}

function inputFacts(spec: StepSpec, input: InputSpec): string[] {
  const facts: string[] = [];
  if (input.choices) facts.push(`One of: ${input.choices.join(', ')}.`);
  const range = rangeOf(input);
  if (range) facts.push(range);
  const notWith: string[] = [];
  for (const relation of spec.relations ?? []) {
    if (!relationNames(relation).includes(input.name)) continue;
    if ('exclusive' in relation) {
      const others = relation.exclusive.filter((name) => name !== input.name).map(code);
      if (relation.required) facts.push(`Give this or ${orList(others)} (one of them is required), not both.`);
      else notWith.push(...others);
    } else if (relation.input === input.name) {
      facts.push(`Needs ${andList(relation.requires.map(code))} as well.`);
    }
  }
  // One sentence for every input this one excludes, however many relations say so.
  if (notWith.length > 0) facts.push(`Not together with ${orList(notWith)}.`);
  return facts;
}

function rangeOf(input: InputSpec): string | null {
  if (input.type !== 'number' || (input.min === undefined && input.max === undefined && !input.integer)) return null;
  const kind = input.integer ? 'A whole number' : 'A number';
  if (input.min !== undefined && input.max !== undefined) return `${kind} from ${input.min} to ${input.max}.`;
  if (input.min !== undefined) return `${kind}, at least ${input.min}.`;
  if (input.max !== undefined) return `${kind}, at most ${input.max}.`;
  return `${kind}.`;
}

const code = (name: string): string => `\`${name}\``;
const orList = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const andList = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function placeholder(input: InputSpec): string {
  switch (input.type) {
    case 'boolean':
      return '<true|false>';
    case 'number':
      return '<number>';
    case 'choice':
      return `<${(input.choices ?? []).join('|')}>`;
    case 'list':
      return '<value> (repeat for more)';
    case 'map':
      return '<KEY=VALUE> (repeat for more)';
    case 'argv':
      return '<command | JSON array of arguments>';
    default:
      return '<value>';
  }
}

function wrap(text: string, indent: number, width = 88): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(' '.repeat(indent) + line);
  return lines;
}
