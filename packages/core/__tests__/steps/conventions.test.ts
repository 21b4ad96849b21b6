/**
 * One meta-test over every step (as SAP's CommonStepsTest does): the shared
 * conventions hold, and what users read is generated from the spec.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { InputError } from '../../src/errors.js';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import { InputReader, relationNames } from '../../src/spec/inputs.js';
import type { StepSpec } from '../../src/spec/types.js';
import { STEPS } from '../../src/steps/registry.js';
import { VERSION } from '../../src/version.js';

/**
 * The fewest inputs a run must give: the required ones, the first of each
 * required exclusive group, and whatever those need in turn.
 */
function requiredNames(spec: StepSpec): string[] {
  const names = new Set(spec.inputs.filter((input) => input.required).map((input) => input.name));
  const relations = spec.relations ?? [];
  for (const relation of relations) if ('exclusive' in relation && relation.required) names.add(relation.exclusive[0]);
  for (let size = 0; size !== names.size; ) {
    size = names.size;
    for (const relation of relations) if ('requires' in relation && names.has(relation.input)) relation.requires.forEach((name) => names.add(name));
  }
  return [...names];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe.each(STEPS.map((step) => [step.spec.name, step.spec] as const))('step %s', (name, spec) => {
  test('names are kebab-case, unique, and every input and output is described', () => {
    expect(name).toMatch(KEBAB);
    const names = spec.inputs.map((input) => input.name);
    expect(new Set(names).size).toBe(names.length);
    for (const input of spec.inputs) {
      expect(input.name).toMatch(KEBAB);
      expect(input.description.length).toBeGreaterThan(10);
      if (input.type === 'choice') expect(input.choices?.length).toBeGreaterThan(1);
      if (input.choices && input.default !== undefined) expect(input.choices).toContain(input.default);
      if (input.required) expect(input.default).toBeUndefined();
    }
    for (const output of spec.outputs) expect(output.name).toMatch(KEBAB);
  });

  test('relations name inputs of the step, and defaults satisfy what the reader checks', () => {
    const names = new Set(spec.inputs.map((input) => input.name));
    for (const relation of spec.relations ?? []) for (const name of relationNames(relation)) expect(names).toContain(name);
    // A switch counts as given when on; one that defaults to on would be "given" on GitHub, which passes every default.
    const switchesOnByDefault = spec.inputs.filter((i) => i.type === 'boolean' && i.default === 'true').map((i) => i.name);
    for (const relation of spec.relations ?? []) expect(relationNames(relation).filter((name) => switchesOnByDefault.includes(name))).toEqual([]);
    // The reader would refuse the step's own defaults: every run without the input would fail.
    const onlyRequired = jsonInputs(Object.fromEntries(requiredNames(spec).map((name) => [name, 'x'])));
    for (const input of spec.inputs.filter((i) => i.default !== undefined)) {
      expect(() => new InputReader(spec, onlyRequired).get(input.name)).not.toThrow(InputError);
    }
  });

  // The Jenkins vars convert by type: an untyped true/false output would be the string 'false', which Groovy takes for true.
  test('an output described as `true` when … is typed boolean', () => {
    for (const output of spec.outputs.filter((o) => o.description.includes('`true` when'))) expect([output.name, output.type]).toEqual([output.name, 'boolean']);
  });

  // The Jenkins var binds `awsCredentialsId` only for steps that say they use it: one that names S3 must.
  // (The gate lists it too: a `registry:` baseline may live on S3, in words its spec does not spell s3://.)
  test('a step whose inputs take s3:// lists the aws environment credential', () => {
    const takesS3 = spec.inputs.some((input) => input.description.includes('s3://'));
    if (takesS3) expect([name, spec.envCredentials ?? []]).toEqual([name, expect.arrayContaining(['aws'])]);
  });

  test('secret inputs have no default a log could show', () => {
    for (const input of spec.inputs.filter((i) => i.secret)) expect(input.default).toBeUndefined();
  });

  // The Jenkins var binds a Secret file credential to the input's path: a plain path input, which nothing else fills.
  test('a credential-file input is a path: a string with no default, not a secret, no env fallback', () => {
    for (const input of spec.inputs.filter((i) => i.credentialFile)) {
      expect([input.name, input.type, input.default, input.secret, input.envFallback]).toEqual([input.name, 'string', undefined, undefined, undefined]);
    }
  });

  test('the Jenkins var is camelCase and its help exists', () => {
    expect(spec.jenkinsVar).toMatch(/^mlops[A-Z][A-Za-z]+$/);
    expect(readFileSync(path.join(ROOT, 'jenkins-lib', 'vars', `${spec.jenkinsVar}.txt`), 'utf8')).toContain(`<strong>${spec.jenkinsVar}</strong>`);
    expect(readFileSync(path.join(ROOT, 'jenkins-lib', 'vars', `${spec.jenkinsVar}.groovy`), 'utf8')).toContain(`'${name}'`);
  });

  test('action.yml is a node24 JavaScript action whose inputs are the spec’s', () => {
    const action = YAML.parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: Record<string, { required: boolean }>;
      outputs: Record<string, unknown>;
    };
    expect(action.runs).toEqual({ using: 'node24', main: `../../dist/${name}.js` });
    expect(Object.keys(action.inputs)).toEqual(spec.inputs.map((input) => input.name));
    expect(Object.keys(action.outputs)).toEqual(spec.outputs.map((output) => output.name));
    expect(readFileSync(path.join(ROOT, 'dist', `${name}.js`), 'utf8')).toContain(`runAction('${name}')`);
  });
});

test('the CLI version is the package version', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
});
