import { describe, expect, test } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Jenkins shared library (jenkins-lib/): its Groovy tests, run by Debian's groovy under the
 * harness in test/jenkins/harness (a small JenkinsPipelineUnit), and npm-groovy-lint over it.
 * Both tools are provisioned outside the project's dependencies by scripts/provision/groovy.sh.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROVISION = 'bash scripts/provision/groovy.sh';
const LINTER = path.join(ROOT, '.cache', 'tools', 'npm-groovy-lint', 'node_modules', '.bin', 'npm-groovy-lint');
const TIMEOUT_MS = 300_000;

function run(command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

function outputOf(result: SpawnSyncReturns<string>): string {
  return `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$0"', command]).status === 0;
}

describe('the Jenkins shared library', () => {
  test('its Groovy tests pass under the pipeline harness', () => {
    if (!onPath('groovy')) throw new Error(`groovy is not on PATH; run: ${PROVISION}`);
    const result = run('bash', [path.join('test', 'jenkins', 'run.sh')]);
    const output = outputOf(result);
    if (result.status !== 0) throw new Error(`The Groovy tests of jenkins-lib failed (exit ${result.status}):\n${output}`);
    const skipped = output.split('\n').filter((line) => line.startsWith('SKIP'));
    if (skipped.length > 0) console.warn(`Groovy tests skipped:\n${skipped.join('\n')}`);
    expect(output).toMatch(/^\d+ passed, 0 failed/m);
  }, TIMEOUT_MS);

  test('npm-groovy-lint finds no error and no warning in jenkins-lib/', () => {
    if (!existsSync(LINTER)) throw new Error(`npm-groovy-lint is not installed at ${LINTER}; run: ${PROVISION}`);
    // --noserver: no CodeNarc server is left running after the test.
    const result = run(LINTER, ['--noserver', '--config', ROOT, '--failon', 'warning', '--output', 'txt', 'jenkins-lib']);
    if (result.status !== 0) {
      throw new Error(`npm-groovy-lint found problems in jenkins-lib/ (exit ${result.status}):\n${outputOf(result)}`);
    }
  }, TIMEOUT_MS);
});
