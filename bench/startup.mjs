#!/usr/bin/env node
// Start-up benchmark: the bundle's --version and a trivial gate, side by side
// with bare node and with the hand-written check the gate replaces
// (a python "if accuracy < 0.9: exit 1" script). Medians over N runs, reported
// as ratios to bare node. Usage: node bench/startup.mjs [runs=30]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 30);
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
const metrics = path.join(dir, 'metrics.json');
writeFileSync(metrics, JSON.stringify({ accuracy: 0.95, f1: 0.94 }));
const bundle = path.join(root, 'dist', 'mlops-ci.js');
// A clean environment: no CI variables, so every run is the local host.
const env = { PATH: process.env.PATH, HOME: dir, TMPDIR: dir };

const cases = [
  ['bare node (node -e 0)', 'node', ['-e', '0']],
  ['mlops-ci --version', 'node', [bundle, '--version']],
  ['mlops-ci evaluate-and-gate (1 file, 1 rule)', 'node', [bundle, 'evaluate-and-gate', '--metrics', metrics, '--rules', 'accuracy >= 0.9']],
  ['peer: python3 hand-written gate', 'python3', ['-c', `import json,sys\nm=json.load(open(${JSON.stringify(metrics)}))\nsys.exit(0 if m["accuracy"]>=0.9 else 1)`]],
];

function timeOnce(cmd, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const samples = cases.map(() => []);
for (let i = 0; i < runs; i++) {
  // Interleave the cases so drift on the machine hits them alike.
  cases.forEach(([, cmd, args], j) => samples[j].push(timeOnce(cmd, args)));
  if ((i + 1) % 10 === 0) process.stderr.write(`  ${i + 1}/${runs} rounds\n`);
}
const base = median(samples[0]);
const sizes = readdirSync(path.join(root, 'dist'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => [f, statSync(path.join(root, 'dist', f)).size]);

console.log(`\nStart-up, median of ${runs} runs (node ${process.version}, ${os.cpus().length} cores)\n`);
console.log('| command | median ms | × bare node |');
console.log('|---|---:|---:|');
cases.forEach(([name], j) => {
  const m = median(samples[j]);
  console.log(`| ${name} | ${m.toFixed(1)} | ${(m / base).toFixed(2)} |`);
});
console.log(`\nBundle: ${sizes.map(([f, s]) => `${f} ${(s / 1024).toFixed(0)} KiB`).join(', ')}`);
rmSync(dir, { recursive: true, force: true });
