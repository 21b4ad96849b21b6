import type { RawInputs, StepSpec } from '../spec/types.js';
import { credentialFileEnvName, secretEnvName } from '../spec/inputs.js';

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
 * Fills absent inputs from the environment: secrets from MLOPS_CI_SECRET_<NAME>
 * and credential files' paths from MLOPS_CI_FILE_<NAME> (where the Jenkins
 * shim's withCredentials puts them), then the input's `envFallback` (GITHUB_TOKEN, ...).
 */
export function withEnvFallbacks(raw: RawInputs, spec: StepSpec, env: NodeJS.ProcessEnv): RawInputs {
  const byName = new Map(spec.inputs.map((input) => [input.name, input]));
  return {
    get: (name) => {
      const given = raw.get(name);
      if (given !== undefined && given !== null && !(typeof given === 'string' && given.trim() === '')) return given;
      const input = byName.get(name);
      if (input?.secret && env[secretEnvName(name)]) return env[secretEnvName(name)];
      if (input?.credentialFile && env[credentialFileEnvName(name)]) return env[credentialFileEnvName(name)];
      if (input?.envFallback && env[input.envFallback]) return env[input.envFallback];
      return given;
    },
    givenNames: () => raw.givenNames(),
  };
}
