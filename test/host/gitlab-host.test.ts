/**
 * The GitLab host on its own: inputs in the contract's order, the log's
 * collapsed sections as GitLab's parser reads them, masked values, and the
 * dotenv report checked against GitLab's documented rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { EXIT, exitCodeOf } from '../../packages/core/src/errors.js';
import { DOTENV_LIMITS } from '../../packages/core/src/host/dotenv.js';
import { GitLabHost, sectionName } from '../../packages/core/src/host/gitlab.js';
import { tempDir } from '../support/bundle.js';
import { sectionMarker } from '../support/gitlab-log.js';


/** What the host printed on stderr and stdout while `fn` ran. */
async function captured(fn: () => Promise<void> | void): Promise<{ stderr: string[]; stdout: string }> {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(...String(chunk).replace(/\n$/, '').split('\n'));
    return true;
  });
  const outSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    errSpy.mockRestore();
    outSpy.mockRestore();
  }
  return { stderr, stdout: stdout.join('') };
}

function host(env: Record<string, string> = {}, cliInputs: Record<string, unknown> = {}, step = 'data-pull'): { host: GitLabHost; cwd: string } {
  const cwd = tempDir('gitlab-host-');
  return { host: GitLabHost.create(step, { env: { GITLAB_CI: 'true', ...env }, cwd }, cliInputs), cwd };
}

describe('inputs: --name, then MLOPS_CI_INPUT_<NAME>, then MLOPS_CI_INPUTS', () => {
  test('each layer wins over the ones below it', () => {
    const { host: gitlab } = host(
      {
        MLOPS_CI_INPUT_PYTHON_VERSION: '3.12',
        MLOPS_CI_INPUT_MANAGER: 'uv',
        MLOPS_CI_INPUTS: JSON.stringify({ 'python-version': '3.10', manager: 'venv', 'cache-dir': '.c' }),
      },
      { 'python-version': '3.11' },
    );
    expect(gitlab.inputs.get('python-version')).toBe('3.11');
    expect(gitlab.inputs.get('manager')).toBe('uv');
    expect(gitlab.inputs.get('cache-dir')).toBe('.c');
    expect(gitlab.inputs.get('requirements')).toBeUndefined();
  });

  test('a blank value is not given: the layer below speaks', () => {
    const { host: gitlab } = host({ MLOPS_CI_INPUT_MANAGER: '  ', MLOPS_CI_INPUTS: JSON.stringify({ manager: 'venv' }) }, { 'python-version': '' });
    expect(gitlab.inputs.get('manager')).toBe('venv');
    expect(gitlab.inputs.get('python-version')).toBeUndefined();
  });

  test('CLI and JSON names are checked for typos; job variables are looked up by the spec, since a pipeline-wide one reaches every job', () => {
    const { host: gitlab } = host({ MLOPS_CI_INPUT_NOT_AN_INPUT: 'x', MLOPS_CI_INPUTS: JSON.stringify({ typo: 'y', blank: '' }) }, { other: 'z' });
    expect([...gitlab.inputs.givenNames()].sort()).toEqual(['other', 'typo']);
  });

  test('MLOPS_CI_INPUTS that is not a JSON object is bad input naming it', () => {
    let thrown: unknown;
    try {
      host({ MLOPS_CI_INPUTS: '[1]' });
    } catch (err) {
      thrown = err;
    }
    expect(exitCodeOf(thrown)).toBe(EXIT.badInput);
    expect(String(thrown)).toContain('MLOPS_CI_INPUTS');
  });
});

describe('log sections', () => {
  test('a group is a collapsed GitLab section: start and end markers with one name, the header after the marker', async () => {
    const { host: gitlab } = host();
    const { stderr } = await captured(() => gitlab.group('Plan the pull', async () => gitlab.info('inside')));
    expect(stderr).toHaveLength(3);
    const [start, inside, end] = stderr.map(sectionMarker);
    expect(inside).toBeNull();
    expect(stderr[1]).toBe('inside');
    expect(start).toEqual({ kind: 'start', unixSeconds: expect.any(Number), name: 'mlops_ci_1_Plan_the_pull', collapsed: true, header: 'Plan the pull' });
    expect(end).toEqual({ kind: 'end', unixSeconds: expect.any(Number), name: 'mlops_ci_1_Plan_the_pull', collapsed: false, header: '' });
    const esc = String.fromCharCode(27);
    expect(stderr[0]).toBe(`${esc}[0Ksection_start:${start?.unixSeconds}:mlops_ci_1_Plan_the_pull[collapsed=true]\r${esc}[0KPlan the pull`);
    expect(String(start?.unixSeconds)).toMatch(/^\d{10}$/);
    expect(end?.unixSeconds).toBeGreaterThanOrEqual(start?.unixSeconds ?? Infinity);
  });

  test('the section ends when its work throws, and nested sections get names of their own', async () => {
    const { host: gitlab } = host();
    const { stderr } = await captured(async () => {
      await expect(gitlab.group('Train (docker, container x)', () => gitlab.group('Train (docker, container x)', () => Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    });
    const markers = stderr.map(sectionMarker).map((marker) => marker && `${marker.kind}:${marker.name}`);
    expect(markers).toEqual(['start:mlops_ci_1_Train_docker_container_x', 'start:mlops_ci_2_Train_docker_container_x', 'end:mlops_ci_2_Train_docker_container_x', 'end:mlops_ci_1_Train_docker_container_x']);
  });

  test.each([
    ['Register iris in s3://bucket/models/', 'mlops_ci_3_Register_iris_in_s3_bucket_models'],
    ['', 'mlops_ci_3'],
    ['ünïcödé ✓', 'mlops_ci_3_n_c_d'],
    ['✓✓', 'mlops_ci_3'],
    ['x'.repeat(200), `mlops_ci_3_${'x'.repeat(49)}`],
  ])('section name of %p is %p: only [a-zA-Z0-9_.-], bounded', (name, expected) => {
    expect(sectionName(name, 3)).toBe(expected);
    expect(sectionName(name, 3)).toMatch(/^[a-zA-Z0-9_.-]{1,60}$/);
  });

  test('a header with a line break or a secret stays one line, the secret hidden', async () => {
    const { host: gitlab } = host({ GITLAB_TOKEN: 'glpat-SECRET123' });
    const { stderr } = await captured(() => gitlab.group('pull\nfrom https://u:pw@h/ with glpat-SECRET123', async () => undefined));
    expect(stderr).toHaveLength(2);
    expect(sectionMarker(stderr[0] as string)?.header).toBe('pull from https://***@h/ with ***');
  });
});

describe('masked values', () => {
  test.each(['GITLAB_TOKEN', 'CI_JOB_TOKEN', 'CI_REGISTRY_PASSWORD'])('%s never reaches the log, debug lines included', async (variable) => {
    const secret = `s3cr3t-${variable}-value`;
    const { host: gitlab } = host({ [variable]: secret, MLOPS_CI_DEBUG: '1' });
    const { stderr } = await captured(async () => {
      gitlab.debug(`calling with ${secret}`);
      gitlab.warning(`refused ${secret}`);
      await gitlab.finish({ exitCode: 1, error: { message: `failed: ${secret}`, category: 'failure' } });
    });
    const log = stderr.join('\n');
    expect(log).toContain('[debug] calling with ***');
    expect(log).toContain('error: failed: ***');
    expect(log).not.toContain(secret);
  });
});

describe('outputs as a dotenv report', () => {
  test('MLOPS_CI_DOTENV (relative to the step folder) gets one line per output, named MLOPS_CI_<STEP>_<OUTPUT>; stdout keeps the JSON', async () => {
    const { host: gitlab, cwd } = host({ MLOPS_CI_DOTENV: 'out/pull.env' });
    const { stdout } = await captured(async () => {
      gitlab.setOutput('digest', 'sha256:abc');
      gitlab.setOutput('cache-hit', 'false', 'boolean');
      gitlab.setOutput('path', '/data/iris with space');
      await gitlab.finish({ exitCode: 0 });
    });
    expect(readFileSync(path.join(cwd, 'out', 'pull.env'), 'utf8')).toBe('MLOPS_CI_DATA_PULL_DIGEST=sha256:abc\nMLOPS_CI_DATA_PULL_CACHE_HIT=false\nMLOPS_CI_DATA_PULL_PATH=/data/iris with space\n');
    expect(JSON.parse(stdout)).toEqual({ digest: 'sha256:abc', 'cache-hit': 'false', path: '/data/iris with space' });
  });

  test('MLOPS_CI_DOTENV_PREFIX names them; an output set twice is one line; a failed gate still hands its outputs on', async () => {
    const { host: gitlab, cwd } = host({ MLOPS_CI_DOTENV: path.join('gate.env'), MLOPS_CI_DOTENV_PREFIX: 'GATE_' }, {}, 'evaluate-and-gate');
    await captured(async () => {
      gitlab.setOutput('passed', 'true');
      gitlab.setOutput('passed', 'false');
      await gitlab.finish({ exitCode: 3, error: { message: 'the gate did not pass', category: 'gate' } });
    });
    expect(readFileSync(path.join(cwd, 'gate.env'), 'utf8')).toBe('GATE_PASSED=false\n');
  });

  test('without MLOPS_CI_DOTENV nothing but stdout; a step that threw before its outputs writes no report', async () => {
    const { host: plain, cwd } = host();
    await captured(async () => {
      plain.setOutput('digest', 'x');
      await plain.finish({ exitCode: 0 });
    });
    const { host: failed, cwd: failedCwd } = host({ MLOPS_CI_DOTENV: 'pull.env' });
    const { stdout } = await captured(() => failed.finish({ exitCode: 1, error: { message: 'no source', category: 'failure' } }));
    expect(existsSync(path.join(cwd, 'pull.env'))).toBe(false);
    expect(existsSync(path.join(failedCwd, 'pull.env'))).toBe(false);
    expect(JSON.parse(stdout)).toEqual({});
  });

  test.each<[string, (set: (name: string, value: string) => void) => void, RegExp]>([
    ['whitespace at an end, which GitLab strips', (set) => set('digest', ' abc'), /output 'digest' .*whitespace/],
    ['text with no UTF-8 form', (set) => set('digest', 'a\uD800'), /output 'digest' .*UTF-8/],
    ['a report of 5 KB', (set) => set('manifest', 'x'.repeat(DOTENV_LIMITS.fileBytes)), /output 'manifest' .*would be \d+ bytes, and GitLab takes less than 5120/],
    [
      'more than 20 variables',
      (set) => {
        // `files` is already one of them.
        for (let i = 1; i <= DOTENV_LIMITS.variables; i++) set(`out-${i}`, 'v');
      },
      /output 'out-20' .*at most 20 variables/,
    ],
  ])('%s is refused naming the output: the step fails, nothing is handed on', async (_name, setAll, message) => {
    const { host: gitlab, cwd } = host({ MLOPS_CI_DOTENV: 'pull.env' });
    gitlab.setOutput('files', '3');
    expect(() => setAll((name, value) => gitlab.setOutput(name, value))).toThrow(message);
    const { stdout } = await captured(() => gitlab.finish({ exitCode: 1, error: { message: 'refused', category: 'failure' } }));
    expect(existsSync(path.join(cwd, 'pull.env'))).toBe(false);
    expect(JSON.parse(stdout)).toEqual({});
  });

  test('an output of several lines (a list) goes in as the JSON array of its lines, on one line', async () => {
    const { host: gitlab, cwd } = host({ MLOPS_CI_DOTENV: 'pull.env' });
    gitlab.setOutput('path', 'data/a\ndata/b');
    gitlab.setOutput('removed', 'v1\r\nv2');
    gitlab.setOutput('files', '3');
    await captured(() => gitlab.finish({ exitCode: 0 }));
    const lines = readFileSync(path.join(cwd, 'pull.env'), 'utf8').split('\n');
    expect(lines).toEqual(['MLOPS_CI_DATA_PULL_PATH=["data/a","data/b"]', 'MLOPS_CI_DATA_PULL_REMOVED=["v1","v2"]', 'MLOPS_CI_DATA_PULL_FILES=3', '']);
    expect(JSON.parse(lines[0]?.split('=', 2)[1] ?? '')).toEqual(['data/a', 'data/b']);
  });

  test('just under 5 KB is written whole', async () => {
    const { host: gitlab, cwd } = host({ MLOPS_CI_DOTENV: 'pull.env', MLOPS_CI_DOTENV_PREFIX: 'P_' });
    const value = 'x'.repeat(DOTENV_LIMITS.fileBytes - 'P_M=\n'.length - 1);
    await captured(async () => {
      gitlab.setOutput('m', value);
      await gitlab.finish({ exitCode: 0 });
    });
    expect(readFileSync(path.join(cwd, 'pull.env')).length).toBe(DOTENV_LIMITS.fileBytes - 1);
  });

  test.each(['1ABC_', 'MY-PREFIX', 'A B'])('MLOPS_CI_DOTENV_PREFIX %p, not a GitLab key, is bad input naming it', (prefix) => {
    let thrown: unknown;
    try {
      host({ MLOPS_CI_DOTENV: 'x.env', MLOPS_CI_DOTENV_PREFIX: prefix });
    } catch (err) {
      thrown = err;
    }
    expect(exitCodeOf(thrown)).toBe(EXIT.badInput);
    expect(String(thrown)).toContain("input 'MLOPS_CI_DOTENV_PREFIX'");
  });

  test('a report that cannot be written fails the step once, with nothing handed on', async () => {
    const { host: gitlab, cwd } = host({ MLOPS_CI_DOTENV: 'blocked/pull.env' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(cwd, 'blocked'), 'a file where the folder should be');
    gitlab.setOutput('digest', 'x');
    const { stdout } = await captured(async () => {
      await expect(gitlab.finish({ exitCode: 0 })).rejects.toThrow();
      // runStep's error path calls finish again: it must not try to write the report twice.
      await gitlab.finish({ exitCode: 1, error: { message: 'could not write', category: 'failure' } });
    });
    expect(JSON.parse(stdout)).toEqual({});
  });
});
