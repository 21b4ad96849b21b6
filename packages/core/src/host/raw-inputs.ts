import type { RawInputs, StepSpec } from '../spec/types.js';
import { credentialFileEnvName, inputEnvName, secretEnvName } from '../spec/inputs.js';

/** Inputs given as one object (Jenkins JSON, CLI arguments). */
export function jsonInputs(values: Record<string, unknown>): RawInputs {
  return {
    get: (name) => values[name],
    givenNames: () => Object.keys(values),
  };
}

/**
 * GitHub: the runner sets INPUT_<NAME> (upper-cased, hyphens kept) for a
 * JavaScript action. Values are handed on as written: the reader trims and
 * treats blank as absent, the same for every host.
 */
export function envInputs(env: NodeJS.ProcessEnv): RawInputs {
  return {
    get: (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`],
    givenNames: () => [],
  };
}

/**
 * GitLab, highest first: the CLI's `--name value`, then MLOPS_CI_INPUT_<NAME>
 * (how a component passes an input: as a job variable, never as text in
 * `script:`), then the MLOPS_CI_INPUTS object. A blank value is not given, so
 * a component's empty default lets a lower layer speak.
 *
 * Only the CLI and JSON names count as given names (typos are rejected): an
 * MLOPS_CI_INPUT_* variable is looked up by the spec's names, because a
 * pipeline-wide variable meant for another step reaches this job too.
 */
export function gitlabInputs(env: NodeJS.ProcessEnv, cliInputs: Record<string, unknown>, fromJson: Record<string, unknown>): RawInputs {
  const layers = [(name: string) => cliInputs[name], (name: string) => env[inputEnvName(name)], (name: string) => fromJson[name]];
  return {
    get: (name) => layers.map((layer) => layer(name)).find(isGiven),
    givenNames: () => [...new Set([...Object.keys(cliInputs), ...Object.keys(fromJson)])].filter((name) => isGiven(cliInputs[name]) || isGiven(fromJson[name])),
  };
}

/** Anything but nothing, null or blank text. */
function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/**
 * Fills absent inputs from the environment: secrets from MLOPS_CI_SECRET_<NAME>
 * and credential files' paths from MLOPS_CI_FILE_<NAME> (where the Jenkins
 * shim's withCredentials puts them), then the input's `envFallback` (GITHUB_TOKEN, ...).
 */
export function withEnvFallbacks(raw: RawInputs, spec: StepSpec, env: NodeJS.ProcessEnv): RawInputs {
  const byName = new Map(spec.inputs.map((input) => [input.name, input]));
  return {
    get: (name) => {
      const given = raw.get(name);
      if (isGiven(given)) return given;
      const input = byName.get(name);
      if (input?.secret && env[secretEnvName(name)]) return env[secretEnvName(name)];
      if (input?.credentialFile && env[credentialFileEnvName(name)]) return env[credentialFileEnvName(name)];
      if (input?.envFallback && env[input.envFallback]) return env[input.envFallback];
      return given;
    },
    givenNames: () => raw.givenNames(),
  };
}
