/**
 * Writes everything a user reads about the steps from their specs
 * (each step declares its inputs once, in its spec): actions/<step>/action.yml,
 * the GitLab CI/CD components templates/<step>.yml,
 * jenkins-lib/vars/<var>.txt, the README input tables, the action
 * entrypoints dist/<step>.js, the Groovy shim's argument defaults
 * (jenkins-lib/src/io/mlopsci/ShimDefaults.groovy), output names and types
 * (jenkins-lib/src/io/mlopsci/ShimOutputs.groovy) and credentials-id parameters
 * (jenkins-lib/src/io/mlopsci/ShimCredentials.groovy), and the README's Kubernetes Role from the
 * rules the runtime uses. With --check, writes nothing and exits 1 listing the files that are stale.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import YAML from 'yaml';
import { REQUIRED_RBAC_RULES } from '../packages/core/src/container/kubernetes/target.js';
import { inputDescription } from '../packages/core/src/spec/help.js';
import { inputEnvName } from '../packages/core/src/spec/inputs.js';
import { STEPS } from '../packages/core/src/steps/registry.js';
import { ENV_CREDENTIALS } from '../packages/core/src/spec/env-credentials.js';
import type { InputSpec, JenkinsArg, OutputSpec, OutputType, StepSpec } from '../packages/core/src/spec/types.js';
import { VERSION } from '../packages/core/src/version.js';

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


/**
 * The inputs every GitLab component has besides its step's: the job's name and
 * stage, the image it runs in, the command that runs mlops-ci, and the prefix
 * of its dotenv outputs. None may share a name with a step input.
 */
const COMPONENT_INPUTS = (spec: StepSpec): Record<string, GitLabInput> => ({
  as: { description: 'Name of the job. Give each use of the component in one pipeline its own.', default: `mlops-ci-${spec.name}` },
  stage: { description: 'Stage of the job.', default: 'test' },
  'node-image': {
    description: `Image the job runs in: Node.js 20 or newer and git${IMAGE_NEEDS[spec.name] ?? '. `node:24-bookworm` has git and Python 3.'}`,
    default: 'node:24-bookworm',
  },
  cli: {
    description: `The command that runs mlops-ci, split into words at spaces (no quoting, globbing or other shell processing). The default fetches the version this component was released with from npm; give e.g. \`node vendor/mlops-ci.js\` for a copy of the bundle in the repository, or an npx from a mirror.`,
    default: `npx --yes mlops-ci@${VERSION}`,
  },
  'output-prefix': {
    description: 'Prefix of the dotenv variables the outputs become, upper case, e.g. `MLOPS_CI_TRAIN_RF_` so two uses of this component in one pipeline do not overwrite each other\'s.',
    default: `MLOPS_CI_${spec.name.toUpperCase().replace(/-/g, '_')}_`,
  },
});

/** What a step needs of the job's image beyond Node.js and git, ending the `node-image` description. */
const IMAGE_NEEDS: Partial<Record<string, string>> = {
  'setup-env':
    ', and the Python the env is built with (with its venv module for `manager: venv`: Debian keeps it in python3-venv, which `node:24-bookworm` lacks). `node:24-bookworm` has git and Python 3.',
  // The step's default runtime is docker, which the default image does not have: say so where the image is chosen.
  'train-in-container':
    '. `node:24-bookworm` has git and Python 3 but no Docker: `runtime: docker` needs the Docker CLI in this image plus a Docker-in-Docker service (`services: [docker:dind]`, with DOCKER_HOST naming it), else use `runtime: host` (the command runs in this image) or `kubernetes`.',
};

/** The same, in the header of train-in-container's component, where a reader starts. */
const DOCKER_HEADER = [
  '',
  'The default `runtime: docker` needs the Docker CLI in `node-image` (node:24-bookworm has none)',
  'plus a Docker-in-Docker service (`services: [docker:dind]`, with DOCKER_HOST naming it);',
  'else use `runtime: host` (the command runs in the job\'s image) or `runtime: kubernetes`.',
];

/** One entry of a component's `spec:inputs`: always a string (see gitlabInput). */
interface GitLabInput {
  readonly description: string;
  readonly default?: string;
  readonly options?: readonly string[];
}

/**
 * A step input as a component input. Every input is a GitLab `string`: the
 * template hands each one to the job as a variable, and a variable must be a
 * string (GitLab refuses a boolean, and a whole-value `$[[ inputs.x ]]` keeps
 * the input's type). Choices and switches keep their check as `options`;
 * an optional input without a default gets an empty one, which the CLI reads as
 * not given. Lists, text and maps are multi-line strings, as on GitHub.
 */
function gitlabInput(spec: StepSpec, input: InputSpec): GitLabInput {
  const fallback = input.gitlabDefault ?? input.default;
  const options = input.type === 'choice' ? input.choices : input.type === 'boolean' ? ['true', 'false'] : undefined;
  // The spec's words may name the other default (a temp folder): say which one the component uses.
  const where = input.gitlabDefault === undefined ? '' : ' In this component the default is in the project folder, so the job keeps it as an artifact.';
  return {
    description: `${inputDescription(spec, input)}${where}`,
    ...(input.required ? {} : { default: fallback ?? '' }),
    ...(options ? { options } : {}),
  };
}

/** What the component says about the credentials it never takes as inputs. */
function gitlabCredentials(spec: StepSpec): string[] {
  const lines: string[] = [];
  if (spec.inputs.some((input) => input.secret)) {
    // CI_JOB_TOKEN may call neither endpoint (GitLab's job token docs list what it may), so it is no fallback here.
    lines.push(
      'GITLAB_TOKEN (a masked project access token with `api` scope) is needed for the gate to report',
      'to the merge request (commit status, one sticky note): CI_JOB_TOKEN cannot set commit statuses',
      'or write MR notes. Without it the gate warns that it is not reporting, and the verdict still',
      'decides the job.',
    );
  }
  for (const name of spec.envCredentials ?? []) {
    const credential = ENV_CREDENTIALS[name];
    lines.push(`${credential.usernameVariable} and ${credential.passwordVariable}: masked CI/CD variables, read by the ${name.toUpperCase()} SDK.`);
  }
  return lines.length === 0 ? [] : ['', 'Credentials are never inputs: set them as CI/CD variables of the project.', ...lines];
}

/**
 * templates/<step>.yml: a GitLab CI/CD component with one job running the
 * step. Inputs reach the job only as variables (MLOPS_CI_INPUT_<NAME>), which
 * the gitlab host reads; none is written into the script, so no value is ever
 * shell code. Outputs come back as a dotenv report.
 */
function gitlabTemplate(spec: StepSpec): string {
  const own = COMPONENT_INPUTS(spec);
  for (const input of spec.inputs) {
    if (input.name in own) throw new Error(`${spec.name}: the input ${input.name} would hide the component's own input of that name`);
  }
  // Secrets are CI/CD variables, not inputs; GitHub's own settings would do nothing here.
  const stepInputs = spec.inputs.filter((input) => !input.secret && !input.githubOnly);
  const inputs = { ...own, ...Object.fromEntries(stepInputs.map((input) => [input.name, gitlabInput(spec, input)])) };
  const dotenv = '$[[ inputs.as ]].env';
  const variables = {
    MLOPS_CI_CLI: '$[[ inputs.cli ]]',
    MLOPS_CI_DOTENV: dotenv,
    MLOPS_CI_DOTENV_PREFIX: '$[[ inputs.output-prefix ]]',
    ...Object.fromEntries(stepInputs.map((input) => [inputEnvName(input.name), `$[[ inputs.${input.name} ]]`])),
  };
  const job = {
    stage: '$[[ inputs.stage ]]',
    image: '$[[ inputs.node-image ]]',
    variables,
    // Unquoted on purpose: the shell splits the command into words; with globbing off, that is all it does with it.
    script: ['set -f', `$MLOPS_CI_CLI ${spec.name}`],
    artifacts: gitlabArtifacts(spec, dotenv),
  };
  const header = [
    SOURCE_NOTE(spec),
    '',
    `GitLab CI/CD component: ${spec.description}`,
    `One job running \`mlops-ci ${spec.name}\`. Every input reaches it as a variable`,
    'MLOPS_CI_INPUT_<NAME>, never as part of its script. GitLab expands $VARIABLES in them when',
    'the job starts, so an earlier job\'s dotenv output can be an input; write $$ for a literal $.',
    'Each output becomes the dotenv variable <output-prefix><OUTPUT> for later jobs.',
    ...(spec.name === 'train-in-container' ? DOCKER_HEADER : []),
    ...gitlabCredentials(spec),
  ];
  const body = `${YAML.stringify({ spec: { inputs } }, { lineWidth: 0 })}---\n${YAML.stringify({ '$[[ inputs.as ]]': job }, { lineWidth: 0 })}`;
  return `${header.map((line) => `# ${line}`.trimEnd()).join('\n')}\n${body}`;
}

/** The dotenv report of every step; the gate also keeps its report files, whatever its verdict. */
function gitlabArtifacts(spec: StepSpec, dotenv: string): Record<string, unknown> {
  const reports: Record<string, string> = { dotenv };
  if (spec.name !== 'evaluate-and-gate') return { reports };
  reports['junit'] = '$[[ inputs.junit ]]';
  return {
    when: 'always',
    paths: ['report', 'report-html', 'results-file', 'junit'].map((name) => `$[[ inputs.${name} ]]`),
    reports,
  };
}

/** Jenkins shows vars/<var>.txt as HTML in the Global Variables Reference. */
function jenkinsHelp(spec: StepSpec): string {
  const names = new Set([...spec.inputs, ...spec.outputs].map((entry) => entry.name));
  const rows = spec.inputs.map((input) => {
    const key = camelCase(input.name);
    const facts = [
      input.required ? 'required' : 'optional',
      input.default !== undefined ? `default: <code>${html(input.default)}</code>` : '',
      input.secret ? `secret: give a credentials id with <code>${secretParameter(input.name)}</code>` : '',
      input.credentialFile ? `or a Secret file credential with <code>${secretParameter(input.name)}</code>` : '',
    ]
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
    '</dl>',
    '<p>Credentials, by their id in Jenkins\' credentials store; bound with <code>withCredentials</code> around the step only, never part of a shell command or the log:</p>',
    '<dl>',
    ...credentialParameters(spec).map(
      (parameter) => `  <dt><code>${parameter.name}</code> (optional; ${CREDENTIAL_KIND[parameter.kind]})</dt>\n  <dd>${htmlWithCode(parameter.description, names)}</dd>`,
    ),
    `  <dt><code>credentials</code> (optional)</dt>\n  <dd>The general form, for any credential: a list of bindings, e.g. <code>[[type: 'string', credentialsId: 'mlflow', variable: 'MLFLOW_TRACKING_TOKEN']]</code> or <code>[[type: 'usernamePassword', credentialsId: 'aws', usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY']]</code>; a secret input as <code>[credentialsId: 'gh', input: 'github-token']</code>. A call wrapped in <code>withCredentials([...]) { }</code> works too: the step sees the variables bound there.</dd>`,
    '</dl>',
    '<p>Agent and build:</p>',
    '<dl>',
    ...AGENT_ARGS.map((arg) => `  <dt><code>${arg.name}</code> (optional)</dt>\n  <dd>${htmlWithCode(arg.description)}</dd>`),
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
    ...(spec.jenkinsNote ? [`<p>${htmlWithCode(spec.jenkinsNote.text, names)}</p>`, `<pre>\n${html(spec.jenkinsNote.groovy)}\n</pre>`] : []),
    '',
  ].join('\n');
}

/** The shim's agent arguments, the same for every var (StepRunner reads them). */
const AGENT_ARGS: readonly { readonly name: string; readonly description: string }[] = [
  {
    name: 'nodeTool',
    description:
      'For an agent without Node.js on its PATH: the name of a Node.js installation of the NodeJS plugin (Manage Jenkins → Tools), e.g. `node24`; the step runs inside `nodejs(nodeJSInstallationName: …) { }`.',
  },
  {
    name: 'nodeImage',
    description:
      'Or: a Docker image with Node.js 20 or newer, e.g. `node:24-bookworm`; the step runs inside `docker.image(…).inside { }` (Docker Pipeline plugin, a Docker agent). Give `nodeTool` or `nodeImage`, not both.',
  },
];

/** A var parameter that takes the id of a Jenkins credential and binds it for the step. */
type CredentialParameter = {
  /** camelCase, as a Jenkinsfile writes it: `githubTokenCredentialsId`. */
  readonly name: string;
  readonly description: string;
} & (
  | { readonly kind: 'string'; readonly input: string }
  | { readonly kind: 'file'; readonly input: string }
  | { readonly kind: 'usernamePassword'; readonly usernameVariable: string; readonly passwordVariable: string }
);

/** The kind of Jenkins credential each parameter takes, as the credentials page names it. */
const CREDENTIAL_KIND: Readonly<Record<CredentialParameter['kind'], string>> = { string: 'Secret text', file: 'Secret file', usernamePassword: 'Username with password' };

/** `github-token` → `githubTokenCredentialsId`: the Piper convention for a secret's parameter. */
function secretParameter(input: string): string {
  return `${camelCase(input)}CredentialsId`;
}

/**
 * The credentials-id parameters of a step's var: one per secret input (bound to
 * the variable the bundle reads that input from), one per credential-file input
 * (the file bound, its path read as the input), then one per credential the
 * spec says its libraries read from the environment (`envCredentials`).
 */
function credentialParameters(spec: StepSpec): CredentialParameter[] {
  const secrets = spec.inputs
    .filter((input) => input.secret)
    .map((input): CredentialParameter => ({
      name: secretParameter(input.name),
      kind: 'string',
      input: input.name,
      description: `A Secret text credential passed to the step as \`${input.name}\`. Not together with \`${input.name}\` itself.`,
    }));
  const files = spec.inputs
    .filter((input) => input.credentialFile)
    .map((input): CredentialParameter => ({
      name: secretParameter(input.name),
      kind: 'file',
      input: input.name,
      description: `A Secret file credential: the step gets the path of the file Jenkins writes it to as \`${input.name}\` (never its content). Not together with \`${input.name}\` itself.`,
    }));
  const fromEnvironment = (spec.envCredentials ?? []).map((name): CredentialParameter => ({ name: `${name}CredentialsId`, ...ENV_CREDENTIALS[name] }));
  const parameters = [...secrets, ...files, ...fromEnvironment];
  const taken = new Set(spec.inputs.map((input) => input.name));
  for (const parameter of parameters) {
    if (taken.has(kebabCase(parameter.name))) throw new Error(`${spec.name}: the Jenkins parameter ${parameter.name} would hide the input ${kebabCase(parameter.name)}`);
  }
  return parameters;
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
    `<p>Every other var of this library calls it; use it when the step's name is in a variable. Parameters are the step's inputs in camelCase (kebab-case works too), plus the shim's own (see each var's help): credentials ids such as <code>githubTokenCredentialsId</code> and <code>awsCredentialsId</code>, the general <code>credentials</code> list, <code>nodeTool</code> or <code>nodeImage</code>, <code>onGateFail</code> and <code>description</code>. ${RETURNS}</p>`,
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
    ...readmeCredentialRows(spec),
  ];
  return lines.join('\n');
}

/** The Jenkins var's credentials-id parameters, when the step has any. */
function readmeCredentialRows(spec: StepSpec): string[] {
  const parameters = credentialParameters(spec);
  if (parameters.length === 0) return [];
  return [
    '',
    `| Jenkins (\`${spec.jenkinsVar}\`) | Credential | Bound to |`,
    '|---|---|---|',
    ...parameters.map((parameter) => {
      const target =
        parameter.kind === 'usernamePassword'
          ? `\`${parameter.usernameVariable}\`, \`${parameter.passwordVariable}\``
          : parameter.kind === 'file'
            ? `the \`${parameter.input}\` input (the file’s path)`
            : `the \`${parameter.input}\` input`;
      return `| \`${parameter.name}\` | ${CREDENTIAL_KIND[parameter.kind]} | ${target} |`;
    }),
  ];
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
  const defaults = new Map<string, JenkinsArg>();
  for (const arg of specs.flatMap((spec) => spec.jenkinsArgs ?? [])) {
    const earlier = defaults.get(arg.name);
    if (earlier !== undefined && (earlier.default !== arg.default || earlier.type !== arg.type)) {
      throw new Error(`jenkinsArgs '${arg.name}' is declared twice, differently: '${earlier.default}' and '${arg.default}'`);
    }
    defaults.set(arg.name, arg);
  }
  const constants = [...defaults.values()].map((arg) =>
    arg.type === 'boolean' ? `    static final boolean ${screamingCase(arg.name)} = ${arg.default}` : `    static final String ${screamingCase(arg.name)} = ${groovyString(arg.default)}`,
  );
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

/**
 * The credentials-id parameters of every var: each parameter once, by the
 * kebab-case name StepArgs turns a key into (`githubTokenCredentialsId` →
 * `github-token-credentials-id`), with what StepRunner binds; then each step's
 * list of them. Generated, so a new secret input gets its parameter without a
 * line of Groovy.
 */
function shimCredentials(specs: readonly StepSpec[]): string {
  const parameters = new Map<string, string>();
  const steps = specs.map((spec) => {
    const keys = credentialParameters(spec).map((parameter) => {
      const key = kebabCase(parameter.name);
      const binding =
        parameter.kind === 'usernamePassword'
          ? [parameter.name, parameter.kind, parameter.usernameVariable, parameter.passwordVariable]
          : [parameter.name, parameter.kind, parameter.input];
      const line = `        '${key}': [${binding.map((text) => `'${text}'`).join(', ')}],`;
      const earlier = parameters.get(key);
      if (earlier !== undefined && earlier !== line) throw new Error(`the Jenkins parameter ${parameter.name} binds two things: ${earlier.trim()} and ${line.trim()}`);
      parameters.set(key, line);
      return `'${key}'`;
    });
    return `        '${spec.name}': [${keys.join(', ')}],`;
  });
  return [
    'package io.mlopsci',
    '',
    '/**',
    ' * The credentials-id parameters of the vars, from the secret inputs and the envCredentials of',
    ' * packages/core/src/steps/<step>/spec.ts. Generated by `npm run generate`. Do not edit.',
    ' */',
    'class ShimCredentials {',
    '',
    '    /**',
    "     * Each parameter by the kebab-case name StepArgs reads a key as: [its camelCase name, 'string', the",
    "     * secret input it gives], [its camelCase name, 'file', the input given the file's path] or",
    "     * [its camelCase name, 'usernamePassword', username variable, password variable].",
    '     */',
    '    static final Map<String, List<String>> PARAMETERS = [',
    ...parameters.values(),
    '    ].asImmutable()',
    '',
    "    /** The parameters each step's var takes. */",
    '    static final Map<String, List<String>> BY_STEP = [',
    ...steps,
    '    ].asImmutable()',
    '',
    '}',
    '',
  ].join('\n');
}

/**
 * The Role `runtime: kubernetes` needs, from the very rules the runtime's
 * tests bind their token to: the README cannot ask for more or less than the
 * code uses.
 */
function kubernetesRole(): string {
  // Flow-style lists, as Role examples are usually written; JSON strings are valid YAML.
  const flow = (items: readonly string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
  const rules = REQUIRED_RBAC_RULES.flatMap((rule) => [`  - apiGroups: ${flow(rule.apiGroups)}`, `    resources: ${flow(rule.resources)}`, `    verbs: ${flow(rule.verbs)}`]);
  return ['```yaml', 'apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', '  name: mlops-ci-train', '  namespace: ml-training', 'rules:', ...rules, '```'].join('\n');
}

function replaceBetweenMarkers(text: string, name: string, body: string): string {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/**
 * The README's table of contents: one line per `##` section, its `###`
 * subsections after it. Anchors are made the way GitHub makes them
 * (github-slugger: its algorithm, with `-1`, `-2` for repeated headings), so
 * every heading is counted in order, whatever its level.
 */
function readmeToc(readme: string): string {
  const slugger = new GithubSlugger();
  const lines: string[] = [];
  let fenced = false;
  for (const line of readme.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6}) (.+)$/.exec(line);
    if (!heading) continue;
    const text = headingText(heading[2]!);
    const link = `[${text}](#${slugger.slug(text)})`;
    const level = heading[1]!.length;
    if (level === 2) lines.push(`- ${link}`);
    else if (level === 3 && lines.length > 0) lines[lines.length - 1] += `${lines[lines.length - 1]!.includes(': ') ? ' ·' : ':'} ${link}`;
  }
  return lines.join('\n');
}

/** A heading's text as GitHub renders it: no code marks, links or emphasis. */
function headingText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim();
}

function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
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
    files.set(`templates/${spec.name}.yml`, gitlabTemplate(spec));
  }
  files.set('jenkins-lib/vars/mlopsStep.txt', jenkinsStepHelp(specs));
  files.set('jenkins-lib/src/io/mlopsci/ShimDefaults.groovy', shimDefaults(specs));
  files.set('jenkins-lib/src/io/mlopsci/ShimOutputs.groovy', shimOutputs(specs));
  files.set('jenkins-lib/src/io/mlopsci/ShimCredentials.groovy', shimCredentials(specs));
  let readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const spec of specs) readme = replaceBetweenMarkers(readme, `inputs:${spec.name}`, readmeTable(spec));
  readme = replaceBetweenMarkers(readme, 'kubernetes-role', kubernetesRole());
  readme = replaceBetweenMarkers(readme, 'toc', readmeToc(readme));
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
