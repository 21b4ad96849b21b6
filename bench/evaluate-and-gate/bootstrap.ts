// The statistical gate's paired bootstrap (10,000 resamples of 150 per-example
// scores) side by side with the same computation in numpy, the way a Python
// ML team would write it. Medians over runs, as a ratio.
// Usage: npx tsx bench/evaluate-and-gate/bootstrap.ts [runs=20]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { mulberry32, pairedBootstrap } from '../../packages/core/src/metrics/bootstrap.js';

const runs = Number(process.argv[2] ?? 20);
const random = mulberry32(9);
const candidate = Array.from({ length: 150 }, () => (random() < 0.9 ? 1 : 0));
const baseline = Array.from({ length: 150 }, () => (random() < 0.85 ? 1 : 0));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

pairedBootstrap(candidate, baseline, { level: 0.95 }); // warm up the JIT, as a gate run does once
const ours: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  pairedBootstrap(candidate, baseline, { level: 0.95 });
  ours.push(performance.now() - start);
}

// numpy, timed inside Python so interpreter start-up is not counted against it.
const python = path.resolve('.cache/venv/bin/python');
const numpyScript = `
import json, sys, time
import numpy as np
c = np.array(json.loads(sys.argv[1]), dtype=float); b = np.array(json.loads(sys.argv[2]), dtype=float)
d = c - b; rng = np.random.default_rng(42); times = []
for _ in range(int(sys.argv[3])):
    t = time.perf_counter()
    idx = rng.integers(0, len(d), size=(10000, len(d)))
    means = d[idx].mean(axis=1)
    np.percentile(means, [2.5, 97.5])
    times.append((time.perf_counter() - t) * 1000)
print(json.dumps(times))
`;
const theirs = existsSync(python)
  ? (JSON.parse(execFileSync(python, ['-c', numpyScript, JSON.stringify(candidate), JSON.stringify(baseline), String(runs)], { encoding: 'utf8' })) as number[])
  : null;

console.log(`\nPaired bootstrap, 10,000 resamples × 150 scores, median of ${runs} runs\n`);
console.log('| implementation | median ms | × mlops-ci |');
console.log('|---|---:|---:|');
console.log(`| mlops-ci (TypeScript, mulberry32) | ${median(ours).toFixed(1)} | 1.00 |`);
if (theirs) console.log(`| numpy (vectorized, default_rng) | ${median(theirs).toFixed(1)} | ${(median(theirs) / median(ours)).toFixed(2)} |`);
else console.log('| numpy | not run: no .cache/venv (bash scripts/provision/python-venv.sh) | |');
