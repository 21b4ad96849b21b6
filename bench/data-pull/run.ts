/**
 * data-pull against its peers on the same versitygw on loopback, in one run:
 *   npx tsx bench/data-pull/run.ts [--reps 3] [--only a,b,c,d,scale]
 * Peers are used when found: aws (awscli, PATH or .cache/bench-venv), rclone,
 * s5cmd (.cache/tools/bin or PATH), dvc (.cache/venv). Each timing is a whole
 * process run (start-up included), cold (empty destination and caches) unless
 * the case is a re-pull; the table shows medians and ratios to data-pull,
 * and, with GNU time (Debian's `time`), each tool's CPU seconds (steadier than
 * wall time on a busy machine) and peak memory. On a shared machine run it as
 * `nice -n -20 npx tsx ...` (root): the tools and versitygw inherit the
 * priority, and other work waits.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE, ROOT } from '../../test/support/bundle.js';
import { median, upload } from './support.js';
import { startS3Server, type S3Server } from '../../test/support/s3-server.js';

const args = process.argv.slice(2);
const REPS = Number(args[args.indexOf('--reps') + 1] || 3) || 3;
const ONLY = (args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : 'a,b,c,d,scale').split(',');
const WORK = mkdtempSync(path.join(os.tmpdir(), 'bench-data-pull-'));

interface Tool {
  readonly name: string;
  /** argv to pull s3://bucket/prefix/ into dest (dest must end up holding the files). */
  readonly argv: (bucket: string, prefix: string, dest: string, scratch: string) => string[];
}

function which(name: string, ...extra: string[]): string | undefined {
  for (const candidate of [...extra, ...(process.env['PATH'] ?? '').split(':').map((dir) => path.join(dir, name))]) if (existsSync(candidate)) return candidate;
  return undefined;
}

const aws = which('aws', path.join(ROOT, '.cache', 'bench-venv', 'bin', 'aws'));
const rclone = which('rclone');
const s5cmd = which('s5cmd', path.join(ROOT, '.cache', 'bench-venv', 'bin', 's5cmd'), path.join(ROOT, '.cache', 'tools', 'bin', 's5cmd'));
const dvcBin = which('dvc', path.join(ROOT, '.cache', 'venv', 'bin', 'dvc'));

function tools(server: S3Server): Tool[] {
  const list: Tool[] = [
    { name: 'data-pull', argv: (b, p, dest, scratch) => [process.execPath, BUNDLE, 'data-pull', '--source', `s3://${b}/${p}`, '--path', dest, '--cache', 'false', '--cache-dir', path.join(scratch, 'dp-cache')] },
  ];
  if (aws) list.push({ name: 'aws s3 sync', argv: (b, p, dest) => [aws, 's3', 'sync', '--only-show-errors', '--endpoint-url', server.endpoint, `s3://${b}/${p}`, dest] });
  if (rclone) list.push({ name: 'rclone copy', argv: (b, p, dest) => [rclone, 'copy', '--config', '/dev/null', '--s3-provider', 'Other', '--s3-endpoint', server.endpoint, '--s3-access-key-id', server.accessKey, '--s3-secret-access-key', server.secretKey, '--s3-force-path-style', '--transfers', '32', '--checkers', '32', `:s3:${b}/${p}`, dest] });
  if (s5cmd) list.push({ name: 's5cmd cp', argv: (b, p, dest) => [s5cmd, '--endpoint-url', server.endpoint, 'cp', '-n', '-s', '-u', `s3://${b}/${p}*`, `${dest}/`] });
  return list;
}

/** GNU time (Debian's `time` package) reports a run's peak memory; without it the column stays empty. */
const GNU_TIME = which('time', '/usr/bin/time');

interface Timing {
  readonly seconds: number;
  /** Peak resident memory of the tool's process (the largest of its processes), MiB. */
  readonly peakMiB?: number;
  /** CPU seconds (user + system) of the tool and the children it waited for. */
  readonly cpu?: number;
}

function timeRun(argv: string[], env: NodeJS.ProcessEnv, cwd = WORK): Timing {
  const command = GNU_TIME ? [GNU_TIME, '-f', 'PEAK-KIB %M CPU %U %S', ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0] as string, command.slice(1), { env, cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${argv.slice(0, 3).join(' ')} failed (${result.status}): ${result.stderr?.toString().slice(-2000)}`);
  const measured = /PEAK-KIB (\d+) CPU (\S+) (\S+)/.exec(result.stderr?.toString() ?? '');
  if (!measured) return { seconds };
  return { seconds, peakMiB: Number(measured[1]) / 1024, cpu: Number(measured[2]) + Number(measured[3]) };
}

/** A DVC repo over the same objects: `dvc add` + `dvc push` to the versitygw remote, for the dvc pull comparison. */
function dvcRepo(server: S3Server, name: string, count: number, size: number): string {
  const repo = path.join(WORK, `dvc-${name}`);
  mkdirSync(path.join(repo, 'data'), { recursive: true });
  const env = { ...process.env, ...server.env, DVC_NO_ANALYTICS: '1' };
  const dvc = (...argv: string[]): void => void execFileSync(dvcBin as string, argv, { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'] });
  dvc('init', '--no-scm', '-q');
  for (let i = 0; i < count; i++) {
    const dir = path.join(repo, 'data', `d${String(i % 100).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `f${String(i).padStart(6, '0')}.bin`), randomBytes(size));
  }
  dvc('add', '-q', 'data');
  dvc('remote', 'add', '-d', 's3', `s3://dvc-${name}/store`);
  dvc('remote', 'modify', 's3', 'endpointurl', server.endpoint);
  dvc('push', '-q', '-j', '32');
  return repo;
}

/** A fresh clone of the DVC repo: config and .dvc file only. */
function dvcCheckout(repo: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, '.dvc'), { recursive: true });
  execFileSync('cp', [path.join(repo, '.dvc', 'config'), path.join(dir, '.dvc', 'config')]);
  execFileSync('cp', [path.join(repo, 'data.dvc'), path.join(dir, 'data.dvc')]);
  writeFileSync(path.join(dir, '.dvc', '.gitignore'), '');
}

type Row = { case: string; tool: string; seconds: number[]; peakMiB: number | undefined; cpu: number | undefined };

async function main(): Promise<void> {
  const server = await startS3Server();
  // Loopback HTTP needs no CA bundle, and rclone refuses to start with AWS_CA_BUNDLE set.
  const { AWS_CA_BUNDLE: _unused, ...inherited } = process.env;
  const env = { ...inherited, ...server.env };
  const rows: Row[] = [];
  const record = (name: string, tool: string, timings: Timing[]): void => {
    const seconds = timings.map((timing) => timing.seconds);
    const peaks = timings.flatMap((timing) => (timing.peakMiB === undefined ? [] : [timing.peakMiB]));
    const peakMiB = peaks.length > 0 ? Math.max(...peaks) : undefined;
    const cpus = timings.flatMap((timing) => (timing.cpu === undefined ? [] : [timing.cpu]));
    const cpu = cpus.length > 0 ? median(cpus) : undefined;
    rows.push({ case: name, tool, seconds, peakMiB, cpu });
    process.stderr.write(`${name} | ${tool} | median ${median(seconds).toFixed(3)} s (${seconds.map((s) => s.toFixed(2)).join(', ')})${peakMiB === undefined ? '' : `, peak ${peakMiB.toFixed(0)} MiB`}${cpu === undefined ? '' : `, cpu ${cpu.toFixed(2)} s`}\n`);
  };
  const cases = [
    { id: 'a', name: '(a) 10,000 × 4 KiB', count: 10_000, size: 4096 },
    { id: 'b', name: '(b) 200 × 5 MiB', count: 200, size: 5 * 1024 * 1024 },
    { id: 'c', name: '(c) 4 × 256 MiB', count: 4, size: 256 * 1024 * 1024 },
  ];
  try {
    for (const spec of cases) {
      if (!ONLY.includes(spec.id) && !(spec.id === 'a' && ONLY.includes('d'))) continue;
      const bucket = `bench-${spec.id}`;
      await server.createBucket(bucket);
      process.stderr.write(`uploading ${spec.name}...\n`);
      await upload(server, bucket, 'ds/', spec.count, spec.size);
      const dvcRemoteBucket = `dvc-${spec.id}`;
      let repo: string | undefined;
      if (dvcBin) {
        await server.createBucket(dvcRemoteBucket);
        process.stderr.write(`dvc add + push ${spec.name}...\n`);
        repo = dvcRepo(server, spec.id, spec.count, spec.size);
      }
      for (const tool of tools(server)) {
        const dest = path.join(WORK, 'dest');
        const scratch = path.join(WORK, 'scratch');
        const seconds: Timing[] = [];
        for (let rep = 0; rep < REPS; rep++) {
          rmSync(dest, { recursive: true, force: true });
          rmSync(scratch, { recursive: true, force: true });
          mkdirSync(scratch, { recursive: true });
          seconds.push(timeRun(tool.argv(bucket, 'ds/', dest, scratch), env));
        }
        if (ONLY.includes(spec.id)) record(spec.name, tool.name, seconds);
        if (spec.id === 'a' && ONLY.includes('d')) {
          // (d) the same tool again over its own complete pull: nothing changed.
          const again: Timing[] = [];
          for (let rep = 0; rep < REPS; rep++) again.push(timeRun(tool.argv(bucket, 'ds/', dest, scratch), env));
          record('(d) re-pull of (a), unchanged', tool.name, again);
        }
      }
      if (repo) {
        const clone = path.join(WORK, 'dvc-clone');
        const pullDvc = [dvcBin as string, 'pull', '-q', '-j', '32'];
        const ours = [process.execPath, BUNDLE, 'data-pull', '--dvc', 'data.dvc', '--cache', 'false', '--cache-dir', path.join(WORK, 'dp-dvc-cache')];
        for (const [tool, argv] of [['dvc pull', pullDvc], ['data-pull --dvc', ours]] as const) {
          const cold: Timing[] = [];
          const warm: Timing[] = [];
          for (let rep = 0; rep < REPS; rep++) {
            dvcCheckout(repo, clone);
            rmSync(path.join(WORK, 'dp-dvc-cache'), { recursive: true, force: true });
            cold.push(timeRun([...argv], env, clone));
          }
          for (let rep = 0; rep < REPS; rep++) warm.push(timeRun([...argv], env, clone));
          if (ONLY.includes(spec.id)) record(spec.name, tool, cold);
          if (spec.id === 'a' && ONLY.includes('d')) record('(d) re-pull of (a), unchanged', tool, warm);
        }
      }
      rmSync(path.join(server.dataDir, bucket), { recursive: true, force: true }); // free the disk for the next case
    }
    if (ONLY.includes('scale')) {
      for (const count of [1_000, 10_000, 50_000]) {
        const bucket = `scale-${count}`;
        await server.createBucket(bucket);
        process.stderr.write(`uploading ${count} small files...\n`);
        await upload(server, bucket, 'ds/', count, 4096);
        const [tool] = tools(server);
        const cold: Timing[] = [];
        const warm: Timing[] = [];
        const dest = path.join(WORK, 'dest');
        const scratch = path.join(WORK, 'scratch');
        for (let rep = 0; rep < REPS; rep++) {
          rmSync(dest, { recursive: true, force: true });
          rmSync(scratch, { recursive: true, force: true });
          cold.push(timeRun((tool as Tool).argv(bucket, 'ds/', dest, scratch), env));
        }
        for (let rep = 0; rep < REPS; rep++) warm.push(timeRun((tool as Tool).argv(bucket, 'ds/', dest, scratch), env));
        record(`scale: ${count.toLocaleString('en')} × 4 KiB, cold`, 'data-pull', cold);
        record(`scale: ${count.toLocaleString('en')} × 4 KiB, re-pull`, 'data-pull', warm);
        rmSync(path.join(server.dataDir, bucket), { recursive: true, force: true });
      }
    }
  } finally {
    await server.stop();
    rmSync(WORK, { recursive: true, force: true });
  }
  printTable(rows);
}

function printTable(rows: Row[]): void {
  const lines = ['| case | tool | median (s) | runs (s) | time vs data-pull | CPU (s) | peak memory (MiB) |', '|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const baseName = row.tool.startsWith('dvc pull') || row.tool === 'data-pull --dvc' ? 'data-pull --dvc' : 'data-pull';
    const base = rows.find((other) => other.case === row.case && other.tool === baseName);
    const ratio = base ? `${(median(row.seconds) / median(base.seconds)).toFixed(2)}×` : '';
    lines.push(`| ${row.case} | ${row.tool} | ${median(row.seconds).toFixed(3)} | ${row.seconds.map((s) => s.toFixed(2)).join(', ')} | ${ratio} | ${row.cpu === undefined ? '' : row.cpu.toFixed(2)} | ${row.peakMiB === undefined ? '' : row.peakMiB.toFixed(0)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n\nmachine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}, node ${process.version}, reps ${REPS}\n`);
}

await main();
