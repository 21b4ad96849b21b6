/**
 * Where data-pull's time goes on the large-object cases, measured rather
 * than guessed:
 *   npx tsx bench/data-pull/profile.ts [--cases b,c] [--reps 3] [--cpu-prof DIR]
 *     [--bundle dist/mlops-ci.js[,other/mlops-ci.js]] [--env 'A=1;B=1 C=2'] [--args '--concurrency 8']
 * One versitygw, each case uploaded once; then data-pull runs cold (empty
 * destination and cache-dir) `reps` times per case and variant: each bundle
 * given, under each environment given (`;` between variants), the reps
 * interleaved so that a change in the machine's load hits every variant. Each run reports its wall
 * time, the CPU it used (user + system, from GNU time), its peak memory, and
 * the CPU versitygw spent serving it (from /proc), with MLOPS_CI_DEBUG on so
 * the step's own per-phase timings are in the log it keeps. CPU seconds are
 * steadier than wall time on a shared 2-core machine; both are printed.
 * With --cpu-prof, Node writes a .cpuprofile per thread (main and the md5
 * workers) into DIR, and the heaviest functions by self time are listed.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE } from '../../test/support/bundle.js';
import { startS3Server, type S3Server } from '../../test/support/s3-server.js';
import { median, upload } from './support.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const REPS = Number(option('--reps') ?? 3) || 3;
const CASES = (option('--cases') ?? 'b,c').split(',');
const PROFILE_DIR = option('--cpu-prof');
const BUNDLES = (option('--bundle') ?? BUNDLE).split(',').map((file) => path.resolve(file));
const ENVS = (option('--env') ?? '').split(';').map((variant) =>
  Object.fromEntries(variant.split(' ').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string])),
);
const VARIANTS = BUNDLES.flatMap((entry) => ENVS.map((env) => ({ entry, env, label: [BUNDLES.length > 1 ? path.relative(process.cwd(), entry) : '', ...Object.entries(env).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(' ') || 'as built' })));
const EXTRA = (option('--args') ?? '').split(' ').filter(Boolean);
const WORK = mkdtempSync(path.join(os.tmpdir(), 'profile-data-pull-'));

const CASE_SPECS: Record<string, { name: string; count: number; size: number; dvc?: true }> = {
  d: { name: '(d) DVC re-pull of 10,000 × 4 KiB, unchanged', count: 10_000, size: 4096, dvc: true },
  a: { name: '(a) 10,000 × 4 KiB', count: 10_000, size: 4096 },
  b: { name: '(b) 200 × 5 MiB', count: 200, size: 5 * 1024 * 1024 },
  c: { name: '(c) 4 × 256 MiB', count: 4, size: 256 * 1024 * 1024 },
};

interface Measure {
  readonly wall: number;
  readonly cpu: number;
  readonly peakMiB: number;
  readonly serverCpu: number;
  readonly phases: string;
}

/** `median (run, run, ...)`. */
function summary(values: number[], digits = 2): string {
  return `${median(values).toFixed(digits)} (${values.map((v) => v.toFixed(digits)).join(', ')})`;
}

/**
 * A DVC 3.x repository by hand (no dvc needed): one directory out of `count`
 * files, its objects and .dir manifest uploaded to `bucket` in DVC's remote
 * layout (`files/md5/ab/cdef...`).
 */
async function dvcRepo(server: S3Server, bucket: string, count: number, size: number): Promise<string> {
  const repo = path.join(WORK, `dvc-${bucket}`);
  mkdirSync(path.join(repo, '.dvc'), { recursive: true });
  writeFileSync(path.join(repo, '.dvc', 'config'), `[core]\n    remote = store\n['remote "store"']\n    url = s3://${bucket}/store\n    endpointurl = ${server.endpoint}\n`);
  const put = (md5: string, body: Buffer) => server.client.send(new PutObjectCommand({ Bucket: bucket, Key: `store/files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`, Body: body }));
  const entries: { md5: string; relpath: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const body = randomBytes(size);
      const md5 = createHash('md5').update(body).digest('hex');
      entries[i] = { md5, relpath: `d${String(i % 100).padStart(2, '0')}/f${String(i).padStart(6, '0')}.bin` };
      await put(md5, body);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  entries.sort((a, b) => (a.relpath < b.relpath ? -1 : 1));
  const manifest = Buffer.from(JSON.stringify(entries));
  const dirMd5 = `${createHash('md5').update(manifest).digest('hex')}.dir`;
  await put(dirMd5, manifest);
  writeFileSync(path.join(repo, 'data.dvc'), `outs:\n- md5: ${dirMd5}\n  size: ${count * size}\n  nfiles: ${count}\n  hash: md5\n  path: data\n`);
  return repo;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100; // USER_HZ is 100 on Linux
}

function pullOnce(server: S3Server & { pid: number }, bucket: string, rep: number, variant: (typeof VARIANTS)[number], repo?: string): Measure {
  const dest = path.join(WORK, 'dest');
  const scratch = path.join(WORK, 'scratch');
  if (!repo) {
    rmSync(dest, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  mkdirSync(scratch, { recursive: true });
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROFILE_DIR, `${bucket}-${VARIANTS.indexOf(variant)}-${rep}`)] : [];
  const what = repo ? ['--dvc', 'data.dvc'] : ['--source', `s3://${bucket}/ds/`, '--path', dest];
  const argv = [...profile, variant.entry, 'data-pull', ...what, '--cache', 'false', '--cache-dir', path.join(scratch, 'cache'), ...EXTRA];
  const { AWS_CA_BUNDLE: _unused, ...inherited } = process.env;
  const serverBefore = cpuOf(server.pid);
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', process.execPath, ...argv], {
    cwd: repo ?? WORK,
    env: { ...inherited, ...server.env, MLOPS_CI_DEBUG: '1', ...variant.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`data-pull failed (${result.status}): ${result.stderr.slice(-2000)}`);
  const [, user, system, kib] = /TIME (\S+) (\S+) (\d+)/.exec(result.stderr) ?? [];
  const phases = result.stderr
    .split('\n')
    .filter((line) => /timing:/.test(line))
    .map((line) => line.replace(/^.*timing:\s*/, ''))
    .join('; ');
  return { wall, cpu: Number(user) + Number(system), peakMiB: Number(kib) / 1024, serverCpu: cpuOf(server.pid) - serverBefore, phases };
}

/** The functions with the most self time across the profiles in `dir` (every thread). */
function heaviest(dir: string, top = 15): string[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)?.callFrame;
      const name = frame ? `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}` : '?';
      const micros = profile.timeDeltas[index] ?? 0;
      self.set(name, (self.get(name) ?? 0) + micros);
      total += micros;
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => `${(micros / 1e6).toFixed(3)} s  ${((100 * micros) / total).toFixed(1)}%  ${name}`);
}

async function main(): Promise<void> {
  const started = await startS3Server();
  const pid = Number(spawnSync('pgrep', ['-n', '-f', `versitygw.*${new URL(started.endpoint).port}`], { encoding: 'utf8' }).stdout.trim());
  const server = Object.assign(started, { pid });
  try {
    for (const id of CASES) {
      const spec = CASE_SPECS[id];
      if (!spec) throw new Error(`unknown case ${id}`);
      const bucket = `profile-${id}`;
      await server.createBucket(bucket);
      // The re-pull case: one cold pull puts the files in place, then every measured run finds them unchanged.
      const repo = spec.dvc ? await dvcRepo(server, bucket, spec.count, spec.size) : undefined;
      if (!repo) await upload(server, bucket, 'ds/', spec.count, spec.size);
      else pullOnce(server, bucket, 0, { entry: VARIANTS[0]?.entry ?? BUNDLE, env: {}, label: 'cold' }, repo);
      const runs = VARIANTS.map(() => [] as Measure[]);
      for (let rep = 0; rep < REPS; rep++) VARIANTS.forEach((variant, index) => runs[index]?.push(pullOnce(server, bucket, rep, variant, repo)));
      VARIANTS.forEach((variant, index) => {
        const measures = runs[index] ?? [];
        process.stdout.write(`${spec.name}, ${variant.label}: wall ${summary(measures.map((m) => m.wall))} s, data-pull cpu ${summary(measures.map((m) => m.cpu))} s, peak ${summary(measures.map((m) => m.peakMiB), 0)} MiB, versitygw cpu ${summary(measures.map((m) => m.serverCpu))} s\n`);
        for (const measure of measures) if (measure.phases) process.stdout.write(`  ${measure.phases}\n`);
        if (PROFILE_DIR) {
          process.stdout.write(`  heaviest self time, run 1, all threads:\n`);
          for (const line of heaviest(path.resolve(PROFILE_DIR, `${bucket}-${index}-0`))) process.stdout.write(`    ${line}\n`);
        }
      });
      rmSync(path.join(server.dataDir, bucket), { recursive: true, force: true });
    }
  } finally {
    await server.stop();
    rmSync(WORK, { recursive: true, force: true });
  }
}

await main();
