#!/usr/bin/env node
// promote-model benchmark against the peer tools, each run as a user would run it
// (one process per promotion, start-up included):
//   - git tags: `mlops-ci promote-model --registry git-tags` vs `gto register` + `gto assign`,
//     each version on its own commit;
//   - MLflow: `mlops-ci promote-model --registry mlflow+http://…` vs a Python script using
//     the mlflow client (log the model file as a run artifact, register_model, set alias),
//     against the same real `mlflow server` (sqlite, local artifacts).
// Reported as ratios (ours / theirs; below 1.0 is faster). Needs the test venv
// (bash scripts/provision/python-venv.sh) and a built dist/.
// Usage: node bench/promote-model/promote-bench.mjs [versions=5]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const versions = Number(process.argv[2] ?? 5);
const venv = path.join(root, '.cache', 'venv', 'bin');
const bundle = path.join(root, 'dist', 'mlops-ci.js');
const identity = { GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.invalid' };
// No telemetry from the mlflow client: this machine has no internet, and it would time the network.
const env = { ...process.env, ...identity, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: '1' };

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  return result.stdout;
}

function repo() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promote-bench-'));
  run('git', ['init', '-q'], dir);
  writeFileSync(path.join(dir, 'model.pkl'), 'v0');
  run('git', ['add', '-A'], dir);
  run('git', ['commit', '-qm', 'v0'], dir);
  return dir;
}

/** Runs `promote(i, dir)` for each version on a fresh commit; the time of the promotions only. */
function timeGit(promote) {
  const dir = repo();
  let total = 0;
  for (let i = 1; i <= versions; i++) {
    writeFileSync(path.join(dir, 'model.pkl'), `v${i}`);
    run('git', ['commit', '-qam', `v${i}`], dir);
    const start = performance.now();
    promote(i, dir);
    total += performance.now() - start;
  }
  return total;
}

const oursGit = timeGit((_, dir) => run(process.execPath, [bundle, 'promote-model', '--registry', 'git-tags', '--model', 'iris', '--path', 'model.pkl', '--alias', 'prod', '--require-gate', 'false'], dir));
const gto = timeGit((i, dir) => {
  run(path.join(venv, 'gto'), ['register', 'iris', '--version', `v0.0.${i}`], dir);
  run(path.join(venv, 'gto'), ['assign', 'iris', '--version', `v0.0.${i}`, '--stage', 'prod'], dir);
});

const { url, stop } = await startMlflow();
try {
  const dir = repo();
  const time = (fn) => {
    const start = performance.now();
    for (let i = 1; i <= versions; i++) fn(i);
    return performance.now() - start;
  };
  const oursMlflow = time(() => run(process.execPath, [bundle, 'promote-model', '--registry', `mlflow+${url}`, '--model', 'ours', '--path', 'model.pkl', '--alias', 'prod', '--require-gate', 'false'], dir));
  // The same calls mlops-ci makes: files into a run's artifacts, a version from that source, an alias.
  const script = [
    'import mlflow, sys',
    'from mlflow import MlflowClient',
    'mlflow.set_tracking_uri(sys.argv[1])',
    'client = MlflowClient()',
    'with mlflow.start_run() as run:',
    "    mlflow.log_artifact('model.pkl', 'model')",
    'try:',
    "    client.create_registered_model('theirs')",
    'except mlflow.exceptions.MlflowException:',
    '    pass',
    "version = client.create_model_version('theirs', f'{run.info.artifact_uri}/model', run_id=run.info.run_id)",
    "client.set_registered_model_alias('theirs', 'prod', version.version)",
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'promote.py'), script);
  const client = time(() => run(path.join(venv, 'python'), ['promote.py', url], dir));
  report(oursGit, gto, oursMlflow, client);
} finally {
  await stop();
}

function report(oursGitMs, gtoMs, oursMlflowMs, clientMs) {
  const per = (ms) => `${(ms / versions).toFixed(0)} ms/promotion`;
  console.log(`promote-model bench, ${versions} promotions each (register + move alias), one process per promotion`);
  console.log(`  git tags: mlops-ci ${per(oursGitMs)}, gto register+assign ${per(gtoMs)}: ratio ${(oursGitMs / gtoMs).toFixed(2)}`);
  console.log(`  MLflow:   mlops-ci ${per(oursMlflowMs)}, mlflow client script ${per(clientMs)}: ratio ${(oursMlflowMs / clientMs).toFixed(2)}`);
}

async function startMlflow() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promote-bench-mlflow-'));
  const port = await new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
  const child = spawn(path.join(venv, 'mlflow'), ['server', '--host', '127.0.0.1', '--port', String(port), '--workers', '1', '--backend-store-uri', `sqlite:///${dir}/db.sqlite`, '--artifacts-destination', path.join(dir, 'artifacts')], { cwd: dir, stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { url: base, stop: async () => process.kill(-child.pid, 'SIGTERM') };
}
