/**
 * promote-model through the built bundle, on the default registry (a folder in
 * the workspace): register with lineage, move and roll back an alias, move it
 * to a chosen version, describe, and refuse bad input with nothing written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';
import { filesUnder, outputsOf, project, readJson } from './fixtures.js';

const REGISTRY = path.join('.mlops-ci', 'registry');

async function promote(dir: string, args: string[], env: Record<string, string> = {}) {
  return runBundle(['promote-model', ...args], { cwd: dir, env });
}

const register = (dir: string, alias = 'staging') =>
  promote(dir, ['--model', 'iris', '--path', 'out/rf/model', '--alias', alias, '--metrics', 'out/rf/metrics.json', '--gate-results', 'results.json']);

describe('promote-model on the local registry', () => {
  test('registers version 1 with its files and full lineage, and points the alias at it', async () => {
    const dir = project();
    const run = await promote(dir, ['--model', 'iris', '--path', 'out/rf/model', '--alias', 'staging', '--metrics', 'out/rf/metrics.json', '--gate-results', 'results.json', '--lineage', 'dataset=iris-v3\nowner=ml-team', '--data-digest', 'md5:abc', '--env-fingerprint', 'sha256:env', '--image-digest', 'sha256:img'], { GITHUB_ACTOR: 'octocat' });
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const root = path.join(dir, REGISTRY, 'iris');
    expect(outputsOf(run.stdout)).toEqual({
      version: '1',
      uri: `${path.join(root, 'versions', '1')}/`,
      'previous-version': '',
      lineage: path.join(root, 'versions', '1', 'version.json'),
    });
    expect(filesUnder(path.join(root, 'versions'))).toEqual(['1/config.json', '1/version.json', '1/weights.bin']);
    expect(readFileSync(path.join(root, 'versions', '1', 'weights.bin'))).toEqual(Buffer.alloc(4096, 7));

    const lineage = readJson(path.join(root, 'versions', '1', 'version.json'));
    expect(lineage).toMatchObject({
      status: 'ready',
      schema: 1,
      model: 'iris',
      version: '1',
      actor: 'octocat',
      metrics: { accuracy: 0.95, 'f1.macro': 0.94 },
      gate: { passed: true, best: 'rf', rules: [{ candidate: 'rf', rule: 'accuracy >= 0.9', verdict: 'passed', value: 0.95 }] },
      run: { host: 'local', url: null },
      data: { digest: 'md5:abc' },
      env: { fingerprint: 'sha256:env' },
      image: { digest: 'sha256:img' },
      extra: { dataset: 'iris-v3', owner: 'ml-team' },
    });
    const weightsSha = createHash('sha256').update(Buffer.alloc(4096, 7)).digest('hex');
    expect(lineage['files']).toEqual([
      { path: 'config.json', size: 15, sha256: createHash('sha256').update('{"trees": 100}\n').digest('hex') },
      { path: 'weights.bin', size: 4096, sha256: weightsSha },
    ]);
    expect(readJson(path.join(root, 'aliases', 'staging.json'))).toMatchObject({ model: 'iris', alias: 'staging', version: '1', previous: null, movedBy: 'octocat', host: 'local' });
    const events = filesUnder(path.join(root, 'events')).map((file) => readJson(path.join(root, 'events', file)));
    expect(events.map((event) => event['event'])).toEqual(['registered', 'alias-set']);
  });

  test('a second registration moves the alias; rollback moves it back; to-version moves it anywhere', async () => {
    const dir = project();
    expect((await register(dir)).code).toBe(0);
    const second = await register(dir);
    expect(outputsOf(second.stdout)).toMatchObject({ version: '2', 'previous-version': '1' });

    const rolledBack = await promote(dir, ['--model', 'iris', '--alias', 'staging', '--rollback']);
    expect(rolledBack.code).toBe(0);
    expect(outputsOf(rolledBack.stdout)).toMatchObject({ version: '1', 'previous-version': '2' });
    expect(readJson(path.join(dir, REGISTRY, 'iris', 'aliases', 'staging.json'))).toMatchObject({ version: '1', previous: '2' });

    const moved = await promote(dir, ['--model', 'iris', '--alias', 'production', '--to-version', '2']);
    expect(moved.code).toBe(0);
    expect(outputsOf(moved.stdout)).toMatchObject({ version: '2', 'previous-version': '' });

    const events = filesUnder(path.join(dir, REGISTRY, 'iris', 'events')).map((file) => readJson(path.join(dir, REGISTRY, 'iris', 'events', file))['event']);
    expect(events).toEqual(['registered', 'alias-set', 'registered', 'alias-set', 'rolled-back', 'alias-set']);
  });

  test('remove-alias removes it (describe then finds nothing); a rollback restores it', async () => {
    const dir = project();
    await register(dir);
    const removed = await promote(dir, ['--model', 'iris', '--alias', 'staging', '--remove-alias']);
    expect(removed.code).toBe(0);
    expect(outputsOf(removed.stdout)).toMatchObject({ version: '', 'previous-version': '1' });
    expect((await promote(dir, ['--describe', 'iris@staging'])).code).toBe(2);
    const again = await promote(dir, ['--model', 'iris', '--alias', 'staging', '--remove-alias']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('nothing to remove');
    const restored = await promote(dir, ['--model', 'iris', '--alias', 'staging', '--rollback']);
    expect(outputsOf(restored.stdout)).toMatchObject({ version: '1', 'previous-version': '' });
    const events = filesUnder(path.join(dir, REGISTRY, 'iris', 'events')).map((file) => readJson(path.join(dir, REGISTRY, 'iris', 'events', file))['event']);
    expect(events).toEqual(['registered', 'alias-set', 'alias-removed', 'rolled-back']);
  });

  test('records an older mlops-ci left (no run named in them) are not lineage: each is named in a warning', async () => {
    const dir = project();
    mkdirSync(path.join(dir, '.mlops-ci'));
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ files: [{ path: 'iris.csv', md5: 'abc' }] }));
    writeFileSync(path.join(dir, '.mlops-ci', 'data-pull.json'), JSON.stringify({ digest: 'sha256:data', manifest: 'manifest.json' }));
    writeFileSync(path.join(dir, '.mlops-ci', 'setup-env.json'), JSON.stringify({ fingerprint: 'sha256:env' }));
    writeFileSync(path.join(dir, '.mlops-ci', 'train-in-container.json'), JSON.stringify({ 'image-digest': 'sha256:img', 'exit-code': '0' }));
    const run = await register(dir);
    expect(run.code).toBe(0);
    expect(readJson(outputsOf(run.stdout)['lineage'] as string)).toMatchObject({
      data: { digest: null, manifest: null },
      env: { fingerprint: null },
      image: { digest: null },
    });
    for (const step of ['data-pull', 'setup-env']) {
      expect(run.stderr).toContain(`warning: Ignored .mlops-ci/${step}.json: it was written by an older mlops-ci, which did not record the run.`);
    }
    expect(run.stderr).toContain('unless MLOPS_CI_RUN_ID is set');
  });

  test('--describe model@alias prints the lineage and writes nothing', async () => {
    const dir = project();
    await register(dir);
    const before = filesUnder(path.join(dir, REGISTRY));
    const described = await promote(dir, ['--describe', 'iris@staging']);
    expect(described.code).toBe(0);
    expect(described.stderr).toContain('iris version 1');
    expect(described.stderr).toMatch(/file {7}weights\.bin {2}4096 bytes {2}sha256:[0-9a-f]{64}/);
    expect(described.stderr).toContain('"f1.macro": 0.94');
    expect(described.stderr).toContain('### ✅ mlops-ci promote-model — iris 1 described');
    expect(outputsOf(described.stdout)).toMatchObject({ version: '1', lineage: path.join(dir, REGISTRY, 'iris', 'versions', '1', 'version.json') });
    expect(filesUnder(path.join(dir, REGISTRY))).toEqual(before);
    expect((await promote(dir, ['--describe', 'iris@1'])).code).toBe(0);
    expect(outputsOf(described.stdout)['found']).toBe('true');
  });

  test('--describe with --allow-missing: a missing alias is found=false and exit 0; without it, exit 2', async () => {
    const dir = project();
    await register(dir);
    const missing = await promote(dir, ['--describe', 'iris@production', '--allow-missing']);
    expect(missing.code).toBe(0);
    expect(outputsOf(missing.stdout)).toEqual({ version: '', uri: '', 'previous-version': '', lineage: '', found: 'false' });
    expect(missing.stderr).toContain('iris@production does not exist');
    expect(missing.stderr).toMatch(/### ✅ mlops-ci promote-model — iris@production does not exist in .* \(allow-missing\)/);
    const present = await promote(dir, ['--describe', 'iris@staging', '--allow-missing']);
    expect(outputsOf(present.stdout)).toMatchObject({ version: '1', found: 'true' });
    expect((await promote(dir, ['--describe', 'iris@production'])).code).toBe(2);
    // Bad input is still bad input with allow-missing.
    expect((await promote(dir, ['--describe', 'iris', '--allow-missing'])).code).toBe(2);
  });

  test('a single model file, registration without an alias, and require-gate false without a gate', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'model.pkl'), 'pickle');
    const run = await promote(dir, ['--model', 'team-iris', '--path', 'model.pkl', '--require-gate', 'false']);
    expect(run.code).toBe(0);
    expect(outputsOf(run.stdout)).toMatchObject({ version: '1', 'previous-version': '' });
    expect(filesUnder(path.join(dir, REGISTRY, 'team-iris'))).toEqual(['events/' + filesUnder(path.join(dir, REGISTRY, 'team-iris', 'events'))[0], 'versions/1/model.pkl', 'versions/1/version.json']);
    expect(readJson(path.join(dir, REGISTRY, 'team-iris', 'versions', '1', 'version.json'))['gate']).toBeNull();
  });

  test('the gate results may be the JSON itself (the results output)', async () => {
    const dir = project();
    const run = await promote(dir, ['--model', 'iris', '--path', 'out/rf/model', '--gate-results', readFileSync(path.join(dir, 'results.json'), 'utf8')]);
    expect(run.code).toBe(0);
  });

  test("evaluate-and-gate's baseline registry:iris@production is the metrics promoted with that version", async () => {
    const dir = project();
    expect((await register(dir, 'production')).code).toBe(0);
    writeFileSync(path.join(dir, 'candidate.json'), JSON.stringify({ accuracy: 0.93 }));
    const gate = await runBundle(['evaluate-and-gate', '--metrics', 'candidate.json', '--rules', 'accuracy >= baseline.accuracy', '--baseline', 'registry:iris@production'], { cwd: dir });
    expect(gate.code).toBe(3); // 0.93 < 0.95, the accuracy registered with version 1
    expect(gate.stderr).toContain('accuracy >= baseline.accuracy');
    const first = await runBundle(['evaluate-and-gate', '--metrics', 'candidate.json', '--rules', 'accuracy >= baseline.accuracy', '--baseline', 'registry:fresh@production'], { cwd: dir });
    expect(first.code).toBe(0); // no version of fresh yet: the baseline rule is skipped (on-missing-baseline: pass)
    expect(first.stderr).toContain('fresh has no version yet');
  });

  // Each bad input: exit 2, one message naming the input, nothing written to the registry.
  test.each([
    ['a model name with ..', ['--model', 'iris/../x', '--path', 'out/rf/model', '--gate-results', 'results.json'], "input 'model'", 'one name part'],
    ['a model name into another model\'s versions', ['--model', 'iris/versions/1', '--path', 'out/rf/model', '--gate-results', 'results.json'], "input 'model'", 'one name part'],
    ['a model name onto another model\'s alias file', ['--model', 'iris/aliases/production.json', '--path', 'out/rf/model', '--gate-results', 'results.json'], "input 'model'", 'one name part'],
    ['a model name ..', ['--model', '..', '--path', 'out/rf/model', '--gate-results', 'results.json'], "input 'model'", 'lowercase letters, digits and -'],
    ['a model name with spaces', ['--model', 'my model', '--path', 'out/rf/model', '--gate-results', 'results.json'], "input 'model'", 'lowercase letters, digits and -'],
    ['a describe of a model name that is a path', ['--describe', 'iris/versions/1@production'], "input 'describe'", 'one name part'],
    ['a path that does not exist', ['--model', 'iris', '--path', 'out/nope', '--gate-results', 'results.json'], "input 'path'", 'does not exist'],
    ['an alias that is not a plain word', ['--model', 'iris', '--path', 'out/rf/model', '--alias', 'prod;rm -rf /', '--gate-results', 'results.json'], "input 'alias'", 'plain word'],
    ['a registry URL of an unknown scheme', ['--model', 'iris', '--path', 'out/rf/model', '--registry', 'hdfs://namenode/x', '--gate-results', 'results.json'], "input 'registry'", "unknown scheme 'hdfs://'"],
    ['a folder registry that is a file', ['--model', 'iris', '--path', 'out/rf/model', '--registry', 'out/rf/model/config.json', '--gate-results', 'results.json'], "input 'registry'", 'which is not a folder'],
    ['a folder registry under a file', ['--model', 'iris', '--path', 'out/rf/model', '--registry', 'out/rf/model/config.json/registry', '--gate-results', 'results.json'], "input 'registry'", 'config.json\' is a file, not a folder'],
    ['a gate that did not pass', ['--model', 'iris', '--path', 'out/rf/model', '--gate-results', 'failed.json'], "input 'gate-results'", 'failed rules: rf: accuracy >= 0.9 (accuracy = 0.85)'],
    ['no gate while require-gate is true', ['--model', 'iris', '--path', 'out/rf/model'], "input 'gate-results'", 'require-gate'],
    ['gate results that are not JSON', ['--model', 'iris', '--path', 'out/rf/model', '--gate-results', 'out/rf/model/config.json'], "input 'gate-results'", 'no top-level boolean "passed"'],
    ['to-version that does not exist', ['--model', 'iris', '--alias', 'staging', '--to-version', '9'], "input 'to-version'", 'version 9 of iris does not exist'],
    ['rollback of an alias never set', ['--model', 'iris', '--alias', 'prod', '--rollback'], "input 'rollback'", 'not set'],
    ['rollback without an alias', ['--model', 'iris', '--rollback'], "input 'rollback'", "needs 'alias' as well"],
    ['rollback together with to-version', ['--model', 'iris', '--alias', 'prod', '--rollback', '--to-version', '2'], "input 'to-version'", "given together with 'rollback'"],
    ['remove-alias of an alias never set', ['--model', 'iris', '--alias', 'prod', '--remove-alias'], "input 'remove-alias'", 'nothing to remove'],
    ['an unreadable metrics file', ['--model', 'iris', '--path', 'out/rf/model', '--metrics', 'nope.json', '--gate-results', 'results.json'], "input 'metrics'", 'no such file'],
    ['malformed lineage JSON', ['--model', 'iris', '--path', 'out/rf/model', '--lineage', '{"a":', '--gate-results', 'results.json'], "input 'lineage'", 'not valid JSON'],
    ['describe without an alias', ['--describe', 'iris'], "input 'describe'", 'expected <model>@<alias>'],
    ['allow-missing without describe', ['--model', 'iris', '--path', 'out/rf/model', '--gate-results', 'results.json', '--allow-missing'], "input 'allow-missing'", "needs 'describe' as well"],
  ])('%s: exit 2, nothing written', async (_name, args, input, message) => {
    const dir = project();
    const run = await promote(dir, args);
    expect(run.stderr).toContain(input);
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(filesUnder(path.join(dir, '.mlops-ci'))).toEqual([]);
  });

  test('a planted versions symlink leading outside the registry: exit 1 naming it, nothing written outside', async () => {
    const dir = project();
    const outside = tempDir('outside-');
    mkdirSync(path.join(dir, REGISTRY, 'iris'), { recursive: true });
    symlinkSync(outside, path.join(dir, REGISTRY, 'iris', 'versions'));
    const run = await promote(dir, ['--model', 'iris', '--path', 'out/rf/model', '--gate-results', 'results.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`registry path iris/versions leads outside the registry ${path.join(dir, REGISTRY)}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(filesUnder(outside)).toEqual([]);
  });

  test.each([
    ['alias', path.join('iris', 'aliases', 'staging.json'), ['--model', 'iris', '--alias', 'staging', '--to-version', '1'], 'alias staging of iris'],
    ['version.json', path.join('iris', 'versions', '1', 'version.json'), ['--describe', 'iris@1'], 'iris version 1'],
  ])('a damaged %s: exit 1 naming the file and what is wrong, no parser message', async (_what, file, args, what) => {
    const dir = project();
    expect((await register(dir)).code).toBe(0);
    writeFileSync(path.join(dir, REGISTRY, file), '{"version": "1", "movedBy": PWSECRET');
    const run = await promote(dir, args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`registry file ${path.join(dir, REGISTRY, file)} (${what}) is damaged: it is not valid JSON (36 bytes)`);
    expect(run.stderr).not.toContain('PWSECRET');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('to-version refused on an existing registry leaves it exactly as it was', async () => {
    const dir = project();
    await register(dir);
    const before = filesUnder(path.join(dir, REGISTRY)).map((file) => [file, readFileSync(path.join(dir, REGISTRY, file), 'utf8')]);
    const run = await promote(dir, ['--model', 'iris', '--alias', 'staging', '--to-version', '5']);
    expect(run.code).toBe(2);
    expect(filesUnder(path.join(dir, REGISTRY)).map((file) => [file, readFileSync(path.join(dir, REGISTRY, file), 'utf8')])).toEqual(before);
  });

  test('a folder holding a version.json is refused: it would clash with the lineage file', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'bad'));
    writeFileSync(path.join(dir, 'bad', 'version.json'), '{}');
    const run = await promote(dir, ['--model', 'iris', '--path', 'bad', '--require-gate', 'false']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("input 'path'");
    expect(existsSync(path.join(dir, '.mlops-ci'))).toBe(false);
  });
});
