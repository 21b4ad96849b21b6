/**
 * The iris pipeline through the bundle's CLI, once per runtime of
 * test/support/runtimes.ts (Node 20 and 24), in a copy of examples/iris:
 * setup-env builds a small uv env, data-pull brings the dataset from the
 * example's DVC folder remote, train-in-container runs two trainings on the
 * host with that env's python, the gate picks the better one and
 * promote-model registers it on the local registry with the lineage the
 * earlier steps recorded. Each step's debug log says which Node ran it.
 *
 * The env is two small pure-Python packages (the setup-env tests' uv project)
 * instead of the example's scikit-learn, and the "training" writes fixed metrics: the subject
 * is the bundle on each runtime, not the model (test/demo runs the real one).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { ROOT, runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';
import { FIXTURES, requireTools, toolEnv } from '../setup-env/support.js';

// setup-env and two trainings: seconds, more on a busy machine.
jest.setTimeout(180_000);

/** Writes metrics for the model named in argv, and a model file, into MLOPS_OUTPUT_DIR. */
const TRAIN_PY = `import json, os, sys
import dateutil
model, accuracy = sys.argv[1], float(sys.argv[2])
rows = sum(1 for _ in open(os.path.join(os.environ["MLOPS_DATA_DIR"], "iris.csv"))) - 1
out = os.environ["MLOPS_OUTPUT_DIR"]
json.dump({"model": model, "accuracy": accuracy, "f1": {"macro": accuracy}, "rows": rows}, open(os.path.join(out, "metrics.json"), "w"))
open(os.path.join(out, "model.txt"), "w").write(model + "\\n")
`;

interface Chain {
  readonly dir: string;
  readonly env: Record<string, string>;
  readonly run: (args: readonly string[]) => Promise<BundleRun & { outputs: Record<string, string> }>;
}

/** A copy of examples/iris without what a run leaves, with small requirements and the stand-in training. */
function irisCopy(): string {
  const dir = tempDir('iris-chain-');
  cpSync(path.join(ROOT, 'examples', 'iris'), dir, {
    recursive: true,
    filter: (source) => !['.venv', '.mlops-ci', 'out', 'iris.csv'].includes(path.basename(source)),
  });
  // The setup-env tests' uv project (python-dateutil and six): uv installs it from the tests' shared cache in a second.
  rmSync(path.join(dir, 'requirements.txt'));
  cpSync(path.join(FIXTURES, 'uv'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'train_stand_in.py'), TRAIN_PY);
  return dir;
}

function explain(run: BundleRun): string {
  return `exit ${run.code}\n--- stderr ---\n${run.stderr}\n--- stdout ---\n${run.stdout}`;
}

describe.each(RUNTIMES)('the iris chain through the CLI on $name', (runtime) => {
  const scratch: string[] = [];
  let chain: Chain;

  beforeAll(() => {
    requireTools();
    const dir = irisCopy();
    const caches = tempDir('iris-chain-caches-');
    scratch.push(dir, caches);
    // Fresh caches: every step does its work on this runtime, none is served by the other's run.
    // One MLOPS_CI_RUN_ID makes the steps one run, as a script chaining them in a terminal does.
    const env = toolEnv({
      MLOPS_CI_DEBUG: '1',
      MLOPS_CI_RUN_ID: `iris-chain-${runtime.major}`,
      MLOPS_CI_CACHE_DIR: path.join(caches, 'env'),
      RUNNER_TOOL_CACHE: path.join(caches, 'tools'),
    });
    chain = {
      dir,
      env,
      run: async (args) => {
        const result = await runBundle(args, { cwd: dir, env, runtime });
        if (result.code !== 0) throw new Error(`${args.join(' ')}: ${explain(result)}`);
        expect(result.stderr).toContain(`runs ${args[0]} on Node ${versionOf(runtime)}\n`);
        return { ...result, outputs: JSON.parse(result.stdout) as Record<string, string> };
      },
    };
  });

  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  test('setup-env, data-pull, two trainings, the gate and promote-model: version 1 with its lineage', async () => {
    const setupEnv = await chain.run(['setup-env']);
    expect(setupEnv.outputs).toMatchObject({ manager: 'uv', 'cache-hit': 'false' });

    const dataPull = await chain.run(['data-pull', '--dvc', 'data/iris.csv.dvc']);
    expect(dataPull.outputs).toMatchObject({ files: '1', transferred: '1' });
    expect(readFileSync(path.join(chain.dir, 'data', 'iris.csv'), 'utf8')).toMatch(/^sepal_length,/);

    for (const [model, accuracy] of [['rf', '0.96'], ['gb', '0.93']] as const) {
      const command = JSON.stringify([setupEnv.outputs['python'], 'train_stand_in.py', model, accuracy]);
      const train = await chain.run(['train-in-container', '--runtime', 'host', '--command', command, '--data', 'data', '--outputs', `out/${model}`]);
      expect(train.outputs).toMatchObject({ 'exit-code': '0', metrics: path.join(chain.dir, 'out', model, 'metrics.json') });
    }

    const gate = await chain.run(['evaluate-and-gate', '--metrics', 'rf=out/rf/metrics.json\ngb=out/gb/metrics.json', '--rules', 'accuracy >= 0.9', '--select', 'max:accuracy', '--comment', 'off', '--results-file', 'out/gate-results.json']);
    expect(gate.outputs).toMatchObject({ passed: 'true', best: 'rf' });

    const promote = await chain.run(['promote-model', '--model', 'iris', '--path', 'out/rf', '--metrics', 'out/rf/metrics.json', '--gate-results', 'out/gate-results.json', '--alias', 'production']);
    expect(promote.outputs).toMatchObject({ version: '1', 'previous-version': '' });

    const described = await chain.run(['promote-model', '--describe', 'iris@production']);
    expect(described.outputs['version']).toBe('1');
    const lineage = JSON.parse(readFileSync(described.outputs['lineage']!, 'utf8')) as {
      data: { digest: string };
      env: { fingerprint: string };
      gate: { passed: boolean; best: string };
      metrics: Record<string, number>;
      files: Array<{ path: string }>;
    };
    // What the earlier steps of this run recorded in .mlops-ci/, read back by promote-model.
    expect(lineage.data.digest).toBe(dataPull.outputs['digest']);
    expect(lineage.env.fingerprint).toBe(setupEnv.outputs['fingerprint']);
    expect(lineage.gate).toMatchObject({ passed: true, best: 'rf' });
    expect(lineage.metrics).toMatchObject({ accuracy: 0.96 });
    expect(lineage.files.map((file) => file.path).sort()).toEqual(['metrics.json', 'model.txt']);
  });
});
