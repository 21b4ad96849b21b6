/**
 * Test-only stand-in for actions/download-artifact@v4.
 *
 * Our workflows hand files between jobs with actions/upload-artifact and
 * download-artifact, but act cannot fetch remote actions here (no github.com).
 * runAct bundles this file with ncc and maps `actions/download-artifact@v4` to it
 * (act --local-repository), so the workflow talks to act's real artifact server
 * through the official client, @actions/artifact, as the real action does.
 * It downloads from the current run only: `github-token` (another run or
 * repository) and `artifact-ids` fail with a message saying so.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import artifact, { type Artifact } from '@actions/artifact';
import picomatch from 'picomatch';
import { runStep } from '../shared/run-step.js';

const UNSUPPORTED_INPUTS = ['artifact-ids', 'github-token'];

interface DownloadInputs {
  name: string;
  pattern: string;
  /** Absolute destination folder. */
  path: string;
  mergeMultiple: boolean;
}

function getInputs(): DownloadInputs {
  for (const name of UNSUPPORTED_INPUTS) {
    if (core.getInput(name)) {
      throw new Error(`${name}: not supported by the test stand-in of actions/download-artifact (it downloads from the current run, by name or pattern)`);
    }
  }
  const destination = core.getInput('path') || process.env['GITHUB_WORKSPACE'] || process.cwd();
  return {
    name: core.getInput('name'),
    pattern: core.getInput('pattern'),
    path: path.resolve(destination.replace(/^~(?=$|\/)/, os.homedir())),
    mergeMultiple: core.getBooleanInput('merge-multiple'),
  };
}

/** The named artifact, or the run's artifacts whose names match the pattern (all when none is given). */
async function findArtifacts(inputs: DownloadInputs): Promise<Artifact[]> {
  if (inputs.name) return [(await artifact.getArtifact(inputs.name)).artifact];
  const { artifacts } = await artifact.listArtifacts({ latest: true });
  if (!inputs.pattern) return artifacts;
  // The real action matches with minimatch; picomatch agrees on artifact names.
  const matches = picomatch(inputs.pattern);
  return artifacts.filter((a) => matches(a.name));
}

/** A named download lands in path itself; several land in path/<artifact name> unless merged. */
function destinationOf(a: Artifact, inputs: DownloadInputs): string {
  return inputs.name || inputs.mergeMultiple ? inputs.path : path.join(inputs.path, a.name);
}

async function run(): Promise<void> {
  const inputs = getInputs();
  const artifacts = await findArtifacts(inputs);
  core.info(`Downloading ${artifacts.length} artifact(s): ${artifacts.map((a) => a.name).join(', ')}`);
  await Promise.all(artifacts.map((a) => artifact.downloadArtifact(a.id, { path: destinationOf(a, inputs) })));
  core.setOutput('download-path', inputs.path);
}

runStep(run, 'Unable to download artifact(s): ');
