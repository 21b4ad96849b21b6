/**
 * Notices, warnings and errors that point into a user's file: a workflow
 * command with file, line and col on GitHub (properties escaped as the
 * runner requires), `level: file:line:col: message` on the other hosts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { annotationFile, locationText } from '../../src/host/annotation.js';
import { GitHubHost } from '../../src/host/github.js';
import { PlainHost } from '../../src/host/plain-host.js';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import type { RunContext, StepEnding } from '../../src/host/types.js';
import { quietHost } from '../support/quiet-host.js';

const WORKSPACE = '/home/runner/work/iris/iris';

describe('the file, as the host shows it', () => {
  const context = { cwd: `${WORKSPACE}/ml`, workspace: WORKSPACE };

  test('relative to the workspace, whatever folder the step ran in, so GitHub links it', () => {
    expect(annotationFile({ file: 'gate/rules.txt', line: 1 }, context)).toBe('ml/gate/rules.txt');
    expect(annotationFile({ file: `${WORKSPACE}/rules.txt`, line: 1 }, context)).toBe('rules.txt');
  });

  test('outside the workspace: absolute', () => {
    expect(annotationFile({ file: '../../../elsewhere/rules.txt', line: 1 }, context)).toBe('/home/runner/work/elsewhere/rules.txt');
  });

  test('file:line:col, or file:line without a column', () => {
    expect(locationText({ file: 'rules.txt', line: 3, col: 7 }, context)).toBe('ml/rules.txt:3:7');
    expect(locationText({ file: 'rules.txt', line: 3 }, context)).toBe('ml/rules.txt:3');
  });
});

describe('on GitHub', () => {
  function printedBy(act: (host: GitHubHost) => void | Promise<void>): Promise<string> {
    const host = new GitHubHost({ GITHUB_WORKSPACE: WORKSPACE, GITHUB_REPOSITORY: 'acme/iris' }, WORKSPACE);
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    return Promise.resolve(act(host))
      .then(() => written.join(''))
      .finally(() => spy.mockRestore());
  }

  test('an error with file, line and col is one workflow command', async () => {
    expect(await printedBy((host) => host.error('bad rule', { file: 'gate/rules.txt', line: 3, col: 12 }))).toBe('::error file=gate/rules.txt,line=3,col=12::bad rule\n');
  });

  test('warning and notice carry them too, with a title and an end line', async () => {
    expect(await printedBy((host) => host.warning('w', { file: 'r.txt', line: 2, col: 1, endLine: 2, title: 'mlops-ci gate' }))).toBe(
      '::warning title=mlops-ci gate,file=r.txt,line=2,endLine=2,col=1::w\n',
    );
    expect(await printedBy((host) => host.notice('n', { file: 'r.txt', line: 2 }))).toBe('::notice file=r.txt,line=2::n\n');
  });

  test('%, CR, LF, : and , in properties are escaped; the message keeps : and , and escapes line breaks', async () => {
    const printed = await printedBy((host) => host.error('a: b, c\nd 100%', { file: 'odd,name:%\r\n.txt', line: 1, title: 'x: y, z' }));
    expect(printed).toBe('::error title=x%3A y%2C z,file=odd%2Cname%3A%25%0D%0A.txt,line=1::a: b, c%0Ad 100%25\n');
  });

  test('a span over several lines keeps its lines and drops the column, which GitHub refuses there', async () => {
    expect(await printedBy((host) => host.error('e', { file: 'r.txt', line: 2, endLine: 4, col: 5 }))).toBe('::error file=r.txt,line=2,endLine=4::e\n');
  });

  test('a step that ends on an error in a file fails with the annotation', async () => {
    const ending: StepEnding = { exitCode: 2, error: { message: 'bad rule', category: 'input', at: { file: 'rules.txt', line: 3, col: 1 } } };
    expect(await printedBy((host) => host.finish(ending))).toBe('::error file=rules.txt,line=3,col=1::bad rule\n');
  });

  test('without a place: a plain error, as before', async () => {
    expect(await printedBy((host) => host.error('plain'))).toBe('::error::plain\n');
  });
});

describe('on the plain hosts (Jenkins, a terminal)', () => {
  class RecordingHost extends PlainHost {
    readonly kind = 'local' as const;
    constructor(context: RunContext, lines: string[]) {
      super(jsonInputs({}), context, 'evaluate-and-gate', {}, (line) => lines.push(line));
    }
    async finish(outcome: StepEnding): Promise<void> {
      if (outcome.error) this.error(outcome.error.message, outcome.error.at);
    }
  }

  function host(lines: string[]): RecordingHost {
    const cwd = mkdtempSync(path.join(tmpdir(), 'annotation-'));
    return new RecordingHost(quietHost({ cwd, workspace: path.dirname(cwd) }).context, lines);
  }

  test('level: file:line:col: message, the file relative to the workspace', () => {
    const lines: string[] = [];
    const plain = host(lines);
    const folder = path.basename(plain.context.cwd);
    plain.error('bad rule', { file: 'rules.txt', line: 3, col: 12 });
    plain.warning('failed', { file: 'rules.txt', line: 4, title: 'mlops-ci gate' });
    plain.notice('plain notice');
    expect(lines).toEqual([`error: ${folder}/rules.txt:3:12: bad rule`, `warning: ${folder}/rules.txt:4: mlops-ci gate: failed`, 'notice: plain notice']);
  });

  test('the error a step ends with carries its place', async () => {
    const lines: string[] = [];
    const plain = host(lines);
    await plain.finish({ exitCode: 2, error: { message: 'not JSON', category: 'input', at: { file: path.join(plain.context.cwd, 'm.json'), line: 1, col: 2 } } });
    expect(lines).toEqual([`error: ${path.basename(plain.context.cwd)}/m.json:1:2: not JSON`]);
  });
});
