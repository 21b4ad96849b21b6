// Overhead of `mlops-ci train-in-container` over a bare `docker run --rm IMAGE true`
// with the same mounts (workdir, data read-only, outputs): median of repeated runs,
// as a ratio and as added milliseconds. Target: under 300 ms added.
//   node bench/train-in-container/overhead.mjs [runs]   (needs scripts/provision/docker.sh)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const IMAGE = 'mlops-ci-python:bookworm';
const RUNS = Number(process.argv[2] ?? 9);

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-train-'));
cpSync(path.join(ROOT, 'test', 'train-in-container', 'fixtures'), dir, { recursive: true });
mkdirSync(path.join(dir, 'out'), { recursive: true });
const user = `${process.getuid()}:${process.getgid()}`;

const bare = ['docker', ['run', '--rm', '--user', user, '--workdir', dir, '-v', `${dir}:${dir}:rw`, '-v', `${dir}/data:${dir}/data:ro`, '-v', `${dir}/out:${dir}/out:rw`, IMAGE, 'true']];
const step = [process.execPath, [path.join(ROOT, 'dist', 'mlops-ci.js'), 'train-in-container', '--image', IMAGE, '--command', '["true"]', '--data', 'data', '--outputs', 'out']];

function time([command, args]) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return performance.now() - started;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

execFileSync('docker', ['image', 'inspect', IMAGE], { stdio: 'ignore' });
time(bare);
time(step); // warm both paths once
const bareTimes = [];
const stepTimes = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so a slow moment of the machine hits both alike.
  bareTimes.push(time(bare));
  stepTimes.push(time(step));
}
const b = median(bareTimes);
const s = median(stepTimes);
console.log(`bare docker run: median ${b.toFixed(0)} ms over ${RUNS} runs`);
console.log(`train-in-container: median ${s.toFixed(0)} ms`);
console.log(`overhead: ${(s / b).toFixed(2)}x, +${(s - b).toFixed(0)} ms (target: < 300 ms added)`);
