/**
 * A promote-model process SIGKILLed mid-upload leaves a version `uploading`
 * (and temp files, or an open multipart upload on S3). `--gc` removes such
 * uploads once they are older than `gc-older-than`, never a ready version, and
 * every registration does the same for its model. The kill is real: the
 * process is killed once its claim (folder) or its multipart upload (S3,
 * slowed by toxiproxy) is seen, while its files are still on the way.
 */
import { GetObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, runBundle } from '../support/bundle.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { startFaultProxy, type FaultProxy } from '../data-pull/toxiproxy.js';
import { filesUnder, outputsOf, project, readJson } from './fixtures.js';

const REGISTRY = path.join('.mlops-ci', 'registry');
const DAY_AND_AN_HOUR_AGO = () => new Date(Date.now() - 25 * 3600_000);

/** Big files, so a writer is still copying when the test sees its claim. */
function bigModel(dir: string, files: number, mebibytes: number): string {
  const folder = path.join(dir, 'out', 'big');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(path.join(folder, `part-${i}.bin`), Buffer.alloc(mebibytes * 1024 * 1024, i + 1));
  return 'out/big';
}

/** Runs promote-model and SIGKILLs it as soon as `seen()` is true; fails if the process ends first. */
async function killWhen(args: string[], cwd: string, env: Record<string, string>, seen: () => Promise<boolean>): Promise<void> {
  const child = spawn(process.execPath, ['--', BUNDLE, 'promote-model', ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: cwd, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  while (!exited && !(await seen())) await new Promise((resolve) => setTimeout(resolve, 2));
  if (exited) throw new Error(`the writer ended before the test saw it mid-upload; it said:\n${stderr.slice(-2000)}`);
  child.kill('SIGKILL');
  await exit;
}

describe('on a folder registry', () => {
  const register = (dir: string, modelPath = 'out/rf/model', extra: string[] = []) =>
    runBundle(['promote-model', '--model', 'iris', '--path', modelPath, '--alias', 'production', '--gate-results', 'results.json', ...extra], { cwd: dir });
  const versionsDir = (dir: string) => path.join(dir, REGISTRY, 'iris', 'versions');

  /** Version 1 ready; version 2 claimed by a writer killed after its first file landed, while it copied the other two. */
  async function registryWithAKilledUpload(): Promise<string> {
    const dir = project('promote-gc-');
    expect((await register(dir)).code).toBe(0);
    const big = bigModel(dir, 3, 48);
    const firstFile = path.join(versionsDir(dir), '2', 'part-0.bin');
    // The big model went through no gate: the gate results prove another candidate's metrics.
    await killWhen(['--model', 'iris', '--path', big, '--alias', 'production', '--require-gate', 'false'], dir, {}, async () => existsSync(firstFile));
    expect(readJson(path.join(versionsDir(dir), '2', 'version.json'))['status']).toBe('uploading');
    return dir;
  }

  function backdateClaim(dir: string, version: string): void {
    const claim = path.join(versionsDir(dir), version, 'version.json');
    writeFileSync(claim, JSON.stringify({ ...readJson(claim), claimedAt: DAY_AND_AN_HOUR_AGO().toISOString() }));
  }

  test('--gc removes an upload abandoned longer than gc-older-than, and temp files; never a ready version, never a young upload', async () => {
    const dir = await registryWithAKilledUpload();
    const readyBefore = filesUnder(path.join(versionsDir(dir), '1')).map((file) => [file, readFileSync(path.join(versionsDir(dir), '1', file), 'utf8')]);

    // Claimed a moment ago: its writer may still be uploading, so it stays as it is.
    const killedUpload = filesUnder(path.join(versionsDir(dir), '2'));
    expect(killedUpload).toContain('part-0.bin');
    const young = await runBundle(['promote-model', '--gc', '--model', 'iris'], { cwd: dir });
    expect(young.code).toBe(0);
    expect(outputsOf(young.stdout)['removed']).toBe('');
    expect(young.stderr).toContain('No abandoned uploads older than 24h');
    expect(filesUnder(path.join(versionsDir(dir), '2'))).toEqual(killedUpload);
    expect(readJson(path.join(versionsDir(dir), '2', 'version.json'))['status']).toBe('uploading');

    // A temp file a writer killed a day ago left beside an alias, and one a running writer has now.
    const aliases = path.join(dir, REGISTRY, 'iris', 'aliases');
    const oldTemp = path.join(aliases, '.mlops-ci-tmp-production.json-killed');
    const youngTemp = path.join(aliases, '.mlops-ci-tmp-production.json-running');
    writeFileSync(oldTemp, '{}');
    utimesSync(oldTemp, DAY_AND_AN_HOUR_AGO(), DAY_AND_AN_HOUR_AGO());
    writeFileSync(youngTemp, '{}');

    backdateClaim(dir, '2');
    const run = await runBundle(['promote-model', '--gc'], { cwd: dir });
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(outputsOf(run.stdout)['removed']).toBe('iris@2');
    expect(run.stderr).toContain('Removed 1 abandoned upload(s) older than 24h');
    expect(run.stderr).toContain(oldTemp);
    // Only the tombstone is left of version 2; version 1 is exactly as it was.
    expect(filesUnder(path.join(versionsDir(dir), '2'))).toEqual(['version.json']);
    expect(readJson(path.join(versionsDir(dir), '2', 'version.json'))).toMatchObject({ status: 'abandoned', version: '2' });
    expect(filesUnder(path.join(versionsDir(dir), '1')).map((file) => [file, readFileSync(path.join(versionsDir(dir), '1', file), 'utf8')])).toEqual(readyBefore);
    expect(existsSync(oldTemp)).toBe(false);
    expect(existsSync(youngTemp)).toBe(true);

    // A second run finds nothing; the next registration does not reuse the number.
    expect(outputsOf((await runBundle(['promote-model', '--gc'], { cwd: dir })).stdout)['removed']).toBe('');
    const next = await register(dir);
    expect(outputsOf(next.stdout)).toMatchObject({ version: '3', 'previous-version': '1' });
    expect(outputsOf((await runBundle(['promote-model', '--describe', 'iris@production'], { cwd: dir })).stdout)['version']).toBe('3');
  }, 120_000);

  test('a registration removes its model\'s abandoned uploads older than gc-older-than', async () => {
    const dir = await registryWithAKilledUpload();
    backdateClaim(dir, '2');
    const run = await register(dir);
    expect(run.code).toBe(0);
    expect(outputsOf(run.stdout)).toMatchObject({ version: '3', 'previous-version': '1' });
    expect(run.stderr).toContain('Removed 1 abandoned upload(s) older than 24h');
    expect(run.stderr).toContain('iris@2 (claimed ');
    expect(filesUnder(path.join(versionsDir(dir), '2'))).toEqual(['version.json']);
  }, 120_000);

  test.each([
    [['--gc', '--gc-older-than', 'soon'], "input 'gc-older-than'", 'expected a duration'],
    [['--gc', '--gc-older-than', '0s'], "input 'gc-older-than'", 'expected a duration'],
    [['--gc', '--path', 'out/rf/model'], "input 'gc'", "together with 'path'"],
    [['--gc', '--registry', 'mlflow+http://127.0.0.1:9'], "input 'gc'", 'applies to registries in a folder or an object store'],
    [['--gc', '--model', 'iris/versions'], "input 'model'", 'one name part'],
  ])('%j is bad input: exit 2, nothing removed', async (args, input, message) => {
    const dir = project('promote-gc-bad-');
    const run = await runBundle(['promote-model', ...args], { cwd: dir });
    expect(run.stderr).toContain(input);
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
  });
});

describe('on S3 (versitygw), the writer slowed by toxiproxy', () => {
  const BUCKET = 'models';
  let s3: S3Server;
  let proxy: FaultProxy;
  beforeAll(async () => {
    s3 = await startS3Server();
    await s3.createBucket(BUCKET);
    proxy = await startFaultProxy(s3.endpoint);
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await s3?.stop();
  });

  const keys = async (prefix: string) => ((await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((item) => item.Key as string).sort();
  const openUploads = async (prefix: string) => (await s3.client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }))).Uploads ?? [];
  const json = async (key: string) => JSON.parse(await (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString()) as Record<string, unknown>;
  const promote = (dir: string, args: string[], endpoint = s3.endpoint) =>
    runBundle(['promote-model', '--registry', `s3://${BUCKET}/gc`, '--model', 'iris', ...args], { cwd: dir, env: { ...s3.env, AWS_ENDPOINT_URL: endpoint } });

  test('--gc removes the killed upload\'s parts, files and open multipart upload; version 1 stays ready', async () => {
    const dir = project('promote-gc-s3-');
    expect((await promote(dir, ['--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json'])).code).toBe(0);
    const big = bigModel(dir, 1, 24);

    // 256 KB/s per connection: the three 8 MiB parts take half a minute, the claim is instant.
    await proxy.addToxic({ name: 'slow-upload', type: 'bandwidth', stream: 'upstream', attributes: { rate: 256 } });
    try {
      const args = ['--registry', `s3://${BUCKET}/gc`, '--model', 'iris', '--path', big, '--require-gate', 'false'];
      await killWhen(args, dir, { ...s3.env, AWS_ENDPOINT_URL: proxy.endpoint }, async () => (await openUploads('gc/iris/versions/2/')).length > 0);
    } finally {
      await proxy.removeToxic('slow-upload');
    }
    expect(await json('gc/iris/versions/2/version.json')).toMatchObject({ status: 'uploading' });
    expect(await openUploads('gc/iris/versions/2/')).toHaveLength(1);

    const young = await promote(dir, ['--gc']);
    expect(young.code).toBe(0);
    expect(outputsOf(young.stdout)['removed']).toBe('');
    expect(await openUploads('gc/iris/versions/2/')).toHaveLength(1);

    const claim = await json('gc/iris/versions/2/version.json');
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'gc/iris/versions/2/version.json', Body: JSON.stringify({ ...claim, claimedAt: DAY_AND_AN_HOUR_AGO().toISOString() }) }));
    const run = await promote(dir, ['--gc']);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(outputsOf(run.stdout)['removed']).toBe('iris@2');
    expect(run.stderr).toContain('(incomplete multipart upload)');
    expect(await openUploads('gc/iris/')).toEqual([]);
    expect(await keys('gc/iris/versions/2/')).toEqual(['gc/iris/versions/2/version.json']);
    expect(await json('gc/iris/versions/2/version.json')).toMatchObject({ status: 'abandoned' });
    expect(await json('gc/iris/versions/1/version.json')).toMatchObject({ status: 'ready' });
    expect(outputsOf((await promote(dir, ['--describe', 'iris@production'])).stdout)['version']).toBe('1');
  }, 180_000);
});
