/**
 * The GitLab CI/CD components (templates/<step>.yml, generated from the specs):
 * each is one job whose inputs are the spec's, reaching the job only as
 * MLOPS_CI_INPUT_<NAME> variables (named by inputEnvName, which the gitlab
 * host reads them with, so the generator is checked against the host) and never as
 * script text; secrets are no inputs; outputs come back as a dotenv report.
 * test/gitlab/ runs them under gitlab-ci-local.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { inputEnvName } from '../../src/spec/inputs.js';
import { STEPS } from '../../src/steps/registry.js';
import { VERSION } from '../../src/version.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const OWN_INPUTS = ['as', 'stage', 'node-image', 'cli', 'output-prefix'];

interface Template {
  spec: { inputs: Record<string, { description: string; default?: string; options?: string[]; type?: string }> };
  job: {
    stage: string;
    image: string;
    variables: Record<string, string>;
    script: string[];
    artifacts: { when?: string; paths?: string[]; reports: Record<string, string> };
  };
  jobName: string;
}

function readTemplate(step: string): Template {
  const documents = YAML.parseAllDocuments(readFileSync(path.join(ROOT, 'templates', `${step}.yml`), 'utf8'));
  expect(documents).toHaveLength(2);
  const [header, body] = documents.map((document) => document.toJS() as Record<string, unknown>);
  const jobs = Object.entries(body!);
  expect(jobs).toHaveLength(1);
  const [jobName, job] = jobs[0]!;
  return { spec: (header as { spec: Template['spec'] }).spec, job: job as Template['job'], jobName };
}

describe.each(STEPS.map((step) => [step.spec.name, step.spec] as const))('templates/%s.yml', (name, spec) => {
  const template = readTemplate(name);
  const left = (input: (typeof spec.inputs)[number]): boolean => ('secret' in input && input.secret === true) || ('githubOnly' in input && input.githubOnly === true);
  const stepInputs = spec.inputs.filter((input) => !left(input));

  test('its inputs are the component’s own and every input of the spec but the secrets and GitHub’s own, all strings', () => {
    expect(Object.keys(template.spec.inputs)).toEqual([...OWN_INPUTS, ...stepInputs.map((input) => input.name)]);
    for (const [input, entry] of Object.entries(template.spec.inputs)) {
      // A job variable must be a string: no input may interpolate as a boolean or a float.
      expect([input, entry.type ?? 'string']).toEqual([input, 'string']);
      expect(entry.description).not.toBe('');
      if (entry.options && entry.default !== undefined) expect(entry.options).toContain(entry.default);
    }
    for (const input of spec.inputs.filter((entry) => 'required' in entry && entry.required)) expect(template.spec.inputs[input.name]).not.toHaveProperty('default');
  });

  test('one job, named by `as`, each input passed as its MLOPS_CI_INPUT_ variable and never in the script', () => {
    expect(template.jobName).toBe('$[[ inputs.as ]]');
    expect(template.spec.inputs['as']?.default).toBe(`mlops-ci-${name}`);
    expect(template.job.stage).toBe('$[[ inputs.stage ]]');
    expect(template.job.image).toBe('$[[ inputs.node-image ]]');
    for (const input of stepInputs) expect(template.job.variables[inputEnvName(input.name)]).toBe(`$[[ inputs.${input.name} ]]`);
    expect(template.job.script).toEqual(['set -f', `$MLOPS_CI_CLI ${name}`]);
    expect(template.job.variables['MLOPS_CI_CLI']).toBe('$[[ inputs.cli ]]');
    expect(template.spec.inputs['cli']?.default).toBe(`npx --yes mlops-ci@${VERSION}`);
  });

  test('the outputs go to later jobs as a dotenv report under the output prefix', () => {
    expect(template.job.variables['MLOPS_CI_DOTENV']).toBe(template.job.artifacts.reports['dotenv']);
    expect(template.job.variables['MLOPS_CI_DOTENV_PREFIX']).toBe('$[[ inputs.output-prefix ]]');
    expect(template.spec.inputs['output-prefix']?.default).toBe(`MLOPS_CI_${name.toUpperCase().replace(/-/g, '_')}_`);
  });

  test('secrets are no inputs: the header says which CI/CD variables hold them', () => {
    const text = readFileSync(path.join(ROOT, 'templates', `${name}.yml`), 'utf8');
    for (const input of spec.inputs.filter((entry) => 'secret' in entry && entry.secret)) {
      expect(template.spec.inputs).not.toHaveProperty(input.name);
      // The job token may not set statuses or write notes: the header must not offer it as the fallback.
      expect(text).toMatch(/^# GITLAB_TOKEN \(a masked project access token with `api` scope\) is needed/m);
      expect(text).toMatch(/CI_JOB_TOKEN cannot set commit statuses/);
    }
    const credentials: readonly string[] = ('envCredentials' in spec ? spec.envCredentials : undefined) ?? [];
    if (credentials.includes('aws')) expect(text).toMatch(/^# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: masked CI\/CD variables/m);
  });
});

test('the gate component leaves out what only GitHub reads: its token, API URL and check runs', () => {
  const gate = STEPS.find((step) => step.spec.name === 'evaluate-and-gate')!.spec;
  const githubOnly = gate.inputs.filter((input) => 'githubOnly' in input && input.githubOnly).map((input) => input.name);
  expect(githubOnly).toEqual(['github-token', 'github-api-url', 'check-run']);
  const { spec, job } = readTemplate('evaluate-and-gate');
  for (const name of githubOnly) {
    expect(spec.inputs).not.toHaveProperty(name);
    expect(job.variables).not.toHaveProperty(inputEnvName(name));
  }
  // What it does keep names GitLab's side too.
  expect(spec.inputs['comment']?.description).toMatch(/merge request/);
});

test('train-in-container says what its default runtime, docker, needs of a job whose default image has no Docker', () => {
  const text = readFileSync(path.join(ROOT, 'templates', 'train-in-container.yml'), 'utf8');
  const header = text.split('\n').filter((line) => line.startsWith('#')).join(' ');
  const image = readTemplate('train-in-container').spec.inputs['node-image']!.description;
  for (const words of [header, image]) {
    expect(words).toMatch(/`runtime: docker` needs the Docker CLI in/);
    expect(words).toMatch(/Docker-in-Docker service .*DOCKER_HOST/);
    expect(words).toMatch(/else use `runtime: host`.* or `(runtime: )?kubernetes`/);
  }
});

test('the gate keeps its JUnit report for GitLab and its report files whatever the verdict', () => {
  const { job, spec } = readTemplate('evaluate-and-gate');
  expect(job.artifacts.when).toBe('always');
  expect(job.artifacts.reports['junit']).toBe('$[[ inputs.junit ]]');
  expect(job.artifacts.paths).toEqual(['$[[ inputs.report ]]', '$[[ inputs.report-html ]]', '$[[ inputs.results-file ]]', '$[[ inputs.junit ]]']);
  // Paths in the project folder: an artifact cannot come from a temp folder outside it.
  for (const input of ['report', 'report-html', 'results-file', 'junit']) expect(spec.inputs[input]?.default).toMatch(/^gate-[a-z-]+\.[a-z]+$/);
});
