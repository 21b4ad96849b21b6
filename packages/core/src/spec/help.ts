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
    lines.push(...wrap(input.description, 6));
    if (input.choices) lines.push(`      One of: ${input.choices.join(', ')}.`);
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
