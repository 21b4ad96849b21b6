/**
 * A step's spec: everything a user reads about a step comes from here —
 * `actions/<step>/action.yml`, `jenkins-lib/vars/<var>.txt`, the README tables
 * and `mlops-ci <step> --help` are generated from it, and a check fails when one drifts.
 * Specs are plain data so the CLI can print help without loading any step code.
 */

import type { EnvCredential } from './env-credentials.js';

/** How an input's text is read and validated. */
export type InputType =
  /** Free text. */
  | 'string'
  /** true/false (also yes/no, 1/0, on/off). */
  | 'boolean'
  /** A decimal number. */
  | 'number'
  /** One of `choices`. */
  | 'choice'
  /** Newline-separated text, or a JSON array from Jenkins. Blank lines and `#` lines are dropped. */
  | 'list'
  /** Multi-line text kept as it is (rules, scripts). */
  | 'text'
  /**
   * A command: a list of arguments (a JSON array of strings, or a list from
   * Jenkins), run without a shell; any other text is a shell script.
   */
  | 'argv'
  /** `KEY=VALUE` lines (blank and `#` lines dropped), or a map from Jenkins. */
  | 'map';

/** What an `argv` input holds: arguments run as they are, or a script for a shell. */
export type CommandLine = { readonly kind: 'argv'; readonly argv: readonly string[] } | { readonly kind: 'shell'; readonly script: string };

export interface InputSpec {
  /** kebab-case, as in action.yml and `--name` on the CLI. */
  readonly name: string;
  readonly description: string;
  readonly type: InputType;
  readonly required?: boolean;
  /** Default applied on every host when the input is absent (as text, the way action.yml holds it). */
  readonly default?: string;
  /**
   * Default written into action.yml only, for values GitHub expressions provide
   * (`${{ github.token }}`). Other hosts fall back to `default`, then to `envFallback`.
   */
  readonly githubDefault?: string;
  /**
   * Default written into the GitLab CI/CD component (templates/<step>.yml) only,
   * where the template needs a value GitLab can use: a path the job keeps as an
   * artifact must be in the project folder, not in a temp folder that goes with the job.
   */
  readonly gitlabDefault?: string;
  /** Environment variable read when the input is absent outside GitHub (e.g. GITHUB_TOKEN). */
  readonly envFallback?: string;
  /** Allowed values of a `choice` input. */
  readonly choices?: readonly string[];
  /** Bounds of a `number` input, inclusive; checked by the reader and printed in the docs. */
  readonly min?: number;
  readonly max?: number;
  /** A `number` input that must be a whole number. */
  readonly integer?: boolean;
  /** Masked in logs; on Jenkins read from `MLOPS_CI_SECRET_<NAME>` (set by withCredentials). */
  readonly secret?: boolean;
  /**
   * A path to a file that holds credentials (a kubeconfig): on Jenkins the var
   * also takes `<name>CredentialsId`, binds that Secret file credential with
   * withCredentials, and the bundle reads the file's path from
   * `MLOPS_CI_FILE_<NAME>` when the input is absent. The file's content never
   * travels in the inputs.
   */
  readonly credentialFile?: boolean;
  /**
   * The input configures reporting to GitHub (its token, API URL, check runs):
   * read wherever the step reports to GitHub (an action, Jenkins, the
   * terminal), left out of the GitLab CI/CD components, where it would do
   * nothing (`check-run: true` is even bad input there).
   */
  readonly githubOnly?: boolean;
  /** A short example value for the generated docs. */
  readonly example?: string;
}

/**
 * How inputs depend on each other. The reader checks every relation before a
 * step reads any input, and every generated doc prints them, so a rule like
 * "give X or Y, not both" is written once.
 * - `exclusive`: at most one of the inputs may be given; with `required`, exactly one.
 * - `requires`: when `input` is given, every input in `requires` must be too.
 * "Given" means a non-blank value from the user other than the input's
 * default (GitHub passes every default as if given), and a switch (a boolean
 * input) counts only when on.
 */
export type InputRelation =
  | { readonly exclusive: readonly [string, string, ...string[]]; readonly required?: boolean }
  | { readonly input: string; readonly requires: readonly [string, ...string[]] };

/**
 * What an output's text holds. Outputs are passed as text (GitHub outputs are
 * strings); the Jenkins shim turns them into Groovy values by this type, so
 * `if (gate.passed)` tests a Boolean, not the always-true string 'false'.
 * `json` is a JSON document: the CLI's stdout JSON holds it as a value (an
 * object, not a string to parse twice); GitHub and the Jenkins shim keep its
 * text, which promote-model's `gate-results` takes back.
 */
export type OutputType = 'string' | 'boolean' | 'number' | 'json';

export interface OutputSpec {
  readonly name: string;
  readonly description: string;
  /**
   * Default `string`. An empty value is null on Jenkins for `boolean` and `number` ("not set").
   * A `json` output (the gate's `results`) stays a string on Jenkins: promote-model's
   * `gate-results` takes that text back, and a text input refuses a parsed Map.
   */
  readonly type?: OutputType;
}

export interface StepSpec {
  /** kebab-case step name: `mlops-ci <name>`, `actions/<name>`. */
  readonly name: string;
  /** The Jenkins var that runs it (`mlopsGate`). */
  readonly jenkinsVar: string;
  /** One line, shown in `mlops-ci --help` and as the action's description. */
  readonly description: string;
  readonly inputs: readonly InputSpec[];
  /** Relations between inputs (exclusive, requires), checked once by the reader. */
  readonly relations?: readonly InputRelation[];
  readonly outputs: readonly OutputSpec[];
  /**
   * Credentials the step's libraries read from the environment themselves
   * (`aws`: S3 through the AWS SDK), for the Jenkins var's `<name>CredentialsId`
   * parameter. Secret inputs need no entry: each gets its own parameter.
   */
  readonly envCredentials?: readonly EnvCredential[];
  /** An example of use in a workflow step's `with:` block, for the docs. */
  readonly example: Readonly<Record<string, string>>;
  /** Arguments only the Jenkins var takes (how it maps the exit code to a build result, ...). */
  readonly jenkinsArgs?: readonly JenkinsArg[];
  /**
   * What to do with the results in Jenkins, under the example in the var's help:
   * markdown text, and Groovy shown as a second example.
   */
  readonly jenkinsNote?: { readonly text: string; readonly groovy: string };
  /** Icon and colour of the action on the Marketplace. */
  readonly branding: { readonly icon: string; readonly color: string };
}

/**
 * An argument only the Jenkins var takes. Its default is written here only:
 * the generator makes it a constant of ShimDefaults.groovy, a Boolean for a
 * `boolean` one (default `true` or `false`), else a String.
 */
export type JenkinsArg = {
  readonly name: string;
  readonly description: string;
} & ({ readonly type?: 'string'; readonly default: string } | { readonly type: 'boolean'; readonly default: 'true' | 'false' });

/** Where the raw input values come from: one per host. */
export interface RawInputs {
  /** The raw value, or undefined when the input was not given. */
  get(name: string): unknown;
  /** Names given that a spec may not know (to reject typos); empty when the host can't tell. */
  givenNames(): readonly string[];
}
