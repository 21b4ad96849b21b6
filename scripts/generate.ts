/**
 * Writes everything a user reads about the steps from their specs
 * (each step declares its inputs once, in its spec): actions/<step>/action.yml,
 * jenkins-lib/vars/<var>.txt, the README input tables, the action
 * entrypoints dist/<step>.js, the Groovy shim's argument defaults
 * (jenkins-lib/src/io/mlopsci/ShimDefaults.groovy) and output names and types
 * (jenkins-lib/src/io/mlopsci/ShimOutputs.groovy). With --check, writes nothing and exits 1
 * listing the files that are stale.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { inputDescription } from '../packages/core/src/spec/help.js';
import { STEPS } from '../packages/core/src/steps/registry.js';
import type { OutputSpec, OutputType, StepSpec } from '../packages/core/src/spec/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_NOTE = (spec: StepSpec) => `Generated from packages/core/src/steps/${spec.name}/spec.ts by \`npm run generate\`. Do not edit.`;

function actionYaml(spec: StepSpec): string {
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const input of spec.inputs) {
    const entry: Record<string, unknown> = { description: inputDescription(spec, input), required: Boolean(input.required) };
    const fallback = input.githubDefault ?? input.default;
    if (fallback !== undefined) entry['default'] = fallback;
    inputs[input.name] = entry;
  }
  const outputs = Object.fromEntries(spec.outputs.map((output) => [output.name, { description: output.description }]));
  const doc = {
    name: `mlops-ci ${spec.name}`,
    description: spec.description,
    author: 'mlops-ci',
    branding: spec.branding,
    inputs,
    outputs,
    runs: { using: 'node24', main: `../../dist/${spec.name}.js` },
  };
  return `# ${SOURCE_NOTE(spec)}\n${YAML.stringify(doc, { lineWidth: 0 })}`;
}


/** Jenkins shows vars/<var>.txt as HTML in the Global Variables Reference. */
function jenkinsHelp(spec: StepSpec): string {
  const names = new Set([...spec.inputs, ...spec.outputs].map((entry) => entry.name));
  const rows = spec.inputs.map((input) => {
    const key = camelCase(input.name);
    const facts = [input.required ? 'required' : 'optional', input.default !== undefined ? `default: <code>${html(input.default)}</code>` : '', input.secret ? 'secret: pass it with <code>credentials</code>' : '']
      .filter(Boolean)
      .join('; ');
    return `  <dt><code>${key}</code> (${facts})</dt>\n  <dd>${htmlWithCode(inputDescription(spec, input), names)}</dd>`;
  });
  const outputs = spec.outputs.map(
    (output) => `  <dt><code>${camelCase(output.name)}</code> (${GROOVY_TYPE[outputType(output)]})</dt>\n  <dd>${htmlWithCode(output.description, names)}</dd>`,
  );
  const example = Object.entries(spec.example)
    .map(([name, value]) => `  ${camelCase(name)}: ${groovyString(value)}`)
    .join(',\n');
  return [
    `<!-- ${SOURCE_NOTE(spec)} -->`,
    `<p><strong>${spec.jenkinsVar}</strong>: ${htmlWithCode(spec.description)}</p>`,
    `<p>Runs <code>mlops-ci ${spec.name}</code> from the bundle shipped in this library. Parameters are the step's inputs in camelCase (kebab-case works too). ${RETURNS}</p>`,
    '<dl>',
    ...rows,
    `  <dt><code>credentials</code> (optional)</dt>\n  <dd>List of credentials to bind, e.g. <code>[[type: 'string', credentialsId: 'gh-token', input: 'github-token']]</code>; values never reach a shell command.</dd>`,
    ...(spec.jenkinsArgs ?? []).map(
      (arg) => `  <dt><code>${arg.name}</code> (optional; default: <code>${html(arg.default)}</code>)</dt>\n  <dd>${htmlWithCode(arg.description)}</dd>`,
    ),
    '</dl>',
    '<p>Outputs:</p>',
    '<dl>',
    ...outputs,
    '</dl>',
    '<p>Example:</p>',
    `<pre>\ndef result = ${spec.jenkinsVar}(\n${html(example)}\n)\n</pre>`,
    '',
  ].join('\n');
}

/** How the vars return outputs: the same sentence on every help page. */
const RETURNS =
  'Returns a Map of the outputs keyed in camelCase (<code>resultsFile</code>), each of the type listed: a Boolean is a real Boolean, so <code>if (gate.passed)</code> means what it says; an empty Boolean or Number output is <code>null</code>.';

/** What an output is once the shim has read it, in the words of a Groovy reader. */
const GROOVY_TYPE: Readonly<Record<OutputType, string>> = { string: 'String', boolean: 'Boolean', number: 'Number', json: 'String, JSON text' };

function outputType(output: OutputSpec): OutputType {
  return output.type ?? 'string';
}

/**
 * The type StepRunner converts an output to. A `json` output stays its text on
 * Jenkins: promote-model's `gate-results` takes that text back, and a text
 * input refuses a parsed Map (pipelines that want the Map call readJSON).
 */
function shimType(output: OutputSpec): Exclude<OutputType, 'json'> {
  const type = outputType(output);
  return type === 'json' ? 'string' : type;
}

/** vars/mlopsStep.txt: the var behind every other one, which runs a step by its name. */
function jenkinsStepHelp(specs: readonly StepSpec[]): string {
  const steps = specs.map((spec) => `  <dt><code>${spec.name}</code> (also <code>${spec.jenkinsVar}</code>)</dt>\n  <dd>${htmlWithCode(spec.description)}</dd>`);
  return [
    '<!-- Generated from packages/core/src/steps/*/spec.ts by `npm run generate`. Do not edit. -->',
    '<p><strong>mlopsStep</strong>: runs any mlops-ci step by its name, with the parameters of that step.</p>',
    `<p>Every other var of this library calls it; use it when the step's name is in a variable. Parameters are the step's inputs in camelCase (kebab-case works too), plus <code>credentials</code> and <code>onGateFail</code> (see each var's help). ${RETURNS}</p>`,
    '<p>Steps:</p>',
    '<dl>',
    ...steps,
    '</dl>',
    '<p>Example:</p>',
    `<pre>\ndef pulled = mlopsStep('data-pull', dvc: 'data/raw.dvc')\necho "\${pulled.files} files, digest \${pulled.digest}"\n</pre>`,
    '',
  ].join('\n');
}

function readmeTable(spec: StepSpec): string {
  const lines = [
    `| Input | Required | Default | Description |`,
    `|---|---|---|---|`,
    ...spec.inputs.map((input) => {
      const def = input.githubDefault ?? input.default;
      return `| \`${input.name}\` | ${input.required ? 'yes' : 'no'} | ${def !== undefined ? `\`${def}\`` : ''} | ${cell(inputDescription(spec, input))} |`;
    }),
    '',
    '| Output | Description |',
    '|---|---|',
    ...spec.outputs.map((output) => `| \`${output.name}\` | ${cell(output.description)} |`),
  ];
  return lines.join('\n');
}

/** The action's entrypoint: the same bundle, told which step it serves. */
function actionEntrypoint(spec: StepSpec): string {
  return [
    `// ${SOURCE_NOTE(spec)}`,
    `// The GitHub action entrypoint of ${spec.name}: the shared bundle, told which step to run.`,
    `import { runAction } from './mlops-ci.js';`,
    `await runAction('${spec.name}');`,
    '',
  ].join('\n');
}

/**
 * The defaults of the shim's own arguments (`jenkinsArgs`: onGateFail), as
 * constants StepArgs applies: the spec is the one place they are written.
 * Every var goes through the one shim, so an argument two steps declare must
 * have one default.
 */
function shimDefaults(specs: readonly StepSpec[]): string {
  const defaults = new Map<string, string>();
  for (const arg of specs.flatMap((spec) => spec.jenkinsArgs ?? [])) {
    const earlier = defaults.get(arg.name);
    if (earlier !== undefined && earlier !== arg.default) throw new Error(`jenkinsArgs '${arg.name}' has two defaults: '${earlier}' and '${arg.default}'`);
    defaults.set(arg.name, arg.default);
  }
  const constants = [...defaults].map(([name, value]) => `    static final String ${screamingCase(name)} = ${groovyString(value)}`);
  return [
    'package io.mlopsci',
    '',
    '/**',
    " * Defaults of the shim's own arguments, from the jenkinsArgs of packages/core/src/steps/<step>/spec.ts.",
    ' * Generated by `npm run generate`. Do not edit.',
    ' */',
    'class ShimDefaults {',
    '',
    ...constants,
    '',
    '}',
    '',
  ].join('\n');
}

/**
 * The outputs of every step as the shim returns them: the camelCase key and the
 * type StepRunner converts the bundle's text to (GitHub outputs are strings, so
 * the bundle writes strings everywhere; only Jenkins gets Groovy values).
 */
function shimOutputs(specs: readonly StepSpec[]): string {
  const steps = specs.map((spec) => {
    const outputs = spec.outputs.map((output) => `            '${output.name}': ['${camelCase(output.name)}', '${shimType(output)}'],`);
    return [`        '${spec.name}': [`, ...outputs, '        ],'].join('\n');
  });
  return [
    'package io.mlopsci',
    '',
    '/**',
    " * The outputs of each step, by the kebab-case name the bundle writes: [the var's Map key, its type].",
    ' * From the outputs of packages/core/src/steps/<step>/spec.ts.',
    ' * Generated by `npm run generate`. Do not edit.',
    ' */',
    'class ShimOutputs {',
    '',
    '    static final Map<String, Map<String, List<String>>> BY_STEP = [',
    ...steps,
    '    ].asImmutable()',
    '',
    '}',
    '',
  ].join('\n');
}

function replaceBetweenMarkers(text: string, name: string, body: string): string {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
function screamingCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * Help text is written in markdown: escape it for HTML, then show `code` as code.
 * A Jenkins reader passes inputs and reads outputs in camelCase, so a code span
 * that is exactly one of `names` (the step's own inputs and outputs) is shown so.
 */
function htmlWithCode(text: string, names: ReadonlySet<string> = new Set()): string {
  return html(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${names.has(code) ? camelCase(code) : code}</code>`);
}
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function groovyString(value: string): string {
  return value.includes('\n') ? `'''${value.replace(/\\/g, '\\\\')}'''` : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Every generated file with its expected content. */
function generatedFiles(specs: readonly StepSpec[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of specs) {
    files.set(`actions/${spec.name}/action.yml`, actionYaml(spec));
    files.set(`jenkins-lib/vars/${spec.jenkinsVar}.txt`, jenkinsHelp(spec));
    files.set(`dist/${spec.name}.js`, actionEntrypoint(spec));
  }
  files.set('jenkins-lib/vars/mlopsStep.txt', jenkinsStepHelp(specs));
  files.set('jenkins-lib/src/io/mlopsci/ShimDefaults.groovy', shimDefaults(specs));
  files.set('jenkins-lib/src/io/mlopsci/ShimOutputs.groovy', shimOutputs(specs));
  let readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const spec of specs) readme = replaceBetweenMarkers(readme, `inputs:${spec.name}`, readmeTable(spec));
  files.set('README.md', readme);
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [file, content] of generatedFiles(STEPS.map((step) => step.spec))) {
    const target = path.join(ROOT, file);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (current === content) continue;
    stale.push(file);
    if (!check) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  if (check && stale.length > 0) {
    console.error(`Generated files are stale (run \`npm run generate\`):\n${stale.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.error(check ? 'Generated files are up to date.' : stale.length ? `Wrote ${stale.join(', ')}` : 'Generated files are up to date.');
}

main();
