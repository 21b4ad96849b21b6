/**
 * A project folder as a training job leaves it (a model, its metrics, the
 * gate's results), and readers of what promote-model writes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { metricsDigest } from '../../packages/core/src/metrics/digest.js';
import { BUNDLE, tempDir } from '../support/bundle.js';

/** out/rf/metrics.json of project(), and the same flattened, as the gate records them. */
export const RF_METRICS = { accuracy: 0.95, f1: { macro: 0.94 } };
const RF_FLAT = { accuracy: 0.95, 'f1.macro': 0.94 };

/** The results of a gate that passed rf, with the digest promote-model checks out/rf/metrics.json against. */
export const PASSED_GATE = {
  passed: true,
  best: 'rf',
  candidates: {
    rf: {
      passed: true,
      metricsFile: 'out/rf/metrics.json',
      metrics: RF_FLAT,
      metricsDigest: metricsDigest(RF_FLAT),
      rules: [{ rule: 'accuracy >= 0.9', metric: 'accuracy', value: 0.95, passed: true, verdict: 'passed' }],
    },
  },
};

export const FAILED_GATE = {
  passed: false,
  best: null,
  candidates: {
    rf: {
      passed: false,
      metricsFile: 'out/rf/metrics.json',
      metrics: { accuracy: 0.85 },
      rules: [
        { rule: 'accuracy >= 0.9', metric: 'accuracy', value: 0.85, passed: false, verdict: 'failed' },
        { rule: 'f1 >= 0.8', metric: 'f1', value: 0.82, passed: true, verdict: 'passed' },
      ],
    },
  },
};

/** out/rf/{model/weights.bin, model/config.json, metrics.json}, results.json of a passed gate, a git repo. */
export function project(prefix = 'promote-'): string {
  const dir = tempDir(prefix);
  mkdirSync(path.join(dir, 'out', 'rf', 'model'), { recursive: true });
  writeFileSync(path.join(dir, 'out', 'rf', 'model', 'weights.bin'), Buffer.alloc(4096, 7));
  writeFileSync(path.join(dir, 'out', 'rf', 'model', 'config.json'), '{"trees": 100}\n');
  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify(RF_METRICS));
  writeFileSync(path.join(dir, 'results.json'), JSON.stringify(PASSED_GATE));
  writeFileSync(path.join(dir, 'failed.json'), JSON.stringify(FAILED_GATE));
  return dir;
}

export function outputsOf(stdout: string): Record<string, string> {
  return JSON.parse(stdout) as Record<string, string>;
}

/** Every file under `dir`, relative, sorted; [] when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/**
 * Runs the bundle like runBundle does; when `killAfterMs` is set, SIGKILLs it
 * then if it is still running. `killed` says whether the kill landed.
 */
export function runAndMaybeKill(args: string[], cwd: string, killAfterMs: number | null, env: Record<string, string> = {}): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: cwd, ...env }, stdio: 'ignore' });
    let killed = false;
    const timer = killAfterMs === null ? null : setTimeout(() => (killed = child.kill('SIGKILL')), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed: killed && signal === 'SIGKILL' });
    });
  });
}
