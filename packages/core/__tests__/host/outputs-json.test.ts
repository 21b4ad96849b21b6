/**
 * The outputs the CLI prints on stdout are one JSON document: each output's
 * text, as GitHub has it, except a `json` output (the gate's `results`),
 * which is its value. The Jenkins shim's outputs file keeps every output's
 * text: promote-model's `gate-results` takes the results text back.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { JenkinsHost } from '../../src/host/jenkins.js';
import { LocalHost } from '../../src/host/local.js';
import type { Host } from '../../src/host/types.js';

const RESULTS = '{"passed":false,"best":null,"candidates":{}}';

function publish(host: Host): void {
  host.setOutput('passed', 'false', 'boolean');
  host.setOutput('best', '', 'string');
  host.setOutput('results', RESULTS, 'json');
  host.setOutput('report', 'gate-report.md');
}

async function stdoutOf(finish: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await finish();
  } finally {
    spy.mockRestore();
  }
  return written.join('');
}

test('the CLI prints a json output as its value, every other output as its text', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'outputs-json-'));
  const host = await LocalHost.create('evaluate-and-gate', { env: {}, cwd }, {});
  publish(host);
  const printed = JSON.parse(await stdoutOf(() => host.finish({ exitCode: 0 }))) as Record<string, unknown>;
  expect(printed).toEqual({ passed: 'false', best: '', results: { passed: false, best: null, candidates: {} }, report: 'gate-report.md' });
});

test('a json output that is empty (or not JSON) is printed as its text, not lost', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'outputs-json-'));
  const host = await LocalHost.create('evaluate-and-gate', { env: {}, cwd }, {});
  host.setOutput('results', '', 'json');
  expect(JSON.parse(await stdoutOf(() => host.finish({ exitCode: 0 })))).toEqual({ results: '' });
});

test("the Jenkins shim's outputs file keeps the text of every output", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'outputs-json-'));
  const file = path.join(cwd, 'outputs.json');
  const host = await JenkinsHost.create('evaluate-and-gate', { env: { JENKINS_URL: 'https://jenkins.example/', WORKSPACE: cwd, MLOPS_CI_OUTPUTS: file }, cwd });
  publish(host);
  await host.finish({ exitCode: 0 });
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ passed: 'false', best: '', results: RESULTS, report: 'gate-report.md' });
});

test('a Jenkins agent without the shim (the CLI in sh) prints like the CLI', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'outputs-json-'));
  const host = await JenkinsHost.create('evaluate-and-gate', { env: { JENKINS_URL: 'https://jenkins.example/', WORKSPACE: cwd }, cwd });
  publish(host);
  const printed = JSON.parse(await stdoutOf(() => host.finish({ exitCode: 0 }))) as { results: { passed: boolean } };
  expect(printed.results.passed).toBe(false);
});
