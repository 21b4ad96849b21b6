/**
 * train-in-container through the built CLI bundle against the real Docker
 * engine (provisioned by scripts/provision/docker.sh: dockerd, and the
 * mlops-ci-python:bookworm image with scikit-learn and pandas).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, ROOT, runBundle, tempDir } from '../support/bundle.js';

const IMAGE = 'mlops-ci-python:bookworm';
const FIXTURES = path.join(ROOT, 'test', 'train-in-container', 'fixtures');
const TIMEOUT_MS = 120_000;
/** An ordinary user in the group that owns the docker socket (Debian's docker.io creates it). */
const CALLER_UID = 1000;
const dockerGid = (): number => statSync('/var/run/docker.sock').gid;

beforeAll(() => {
  try {
    execFileSync('docker', ['image', 'inspect', IMAGE], { stdio: 'ignore' });
  } catch {
    throw new Error(`docker does not answer or has no ${IMAGE}: run bash scripts/provision/docker.sh`);
  }
});

/** A project folder: the training script and the iris data. */
function project(): string {
  const dir = tempDir('train-cli-');
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

function outputsOf(stdout: string): Record<string, string> {
  return JSON.parse(stdout) as Record<string, string>;
}

/** Containers this step left behind (every container it starts carries this label). */
function leftoverContainers(): string[] {
  return execFileSync('docker', ['ps', '-a', '--filter', 'label=io.mlops-ci.step=train-in-container', '--format', '{{.Names}}'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}

function containerNameIn(stderr: string): string {
  const match = /container (mlops-train-[A-Za-z0-9_.-]+)\)/.exec(stderr);
  if (!match) throw new Error(`no container name in the log:\n${stderr}`);
  return match[1] as string;
}

test('trains a real scikit-learn model: model and metrics in outputs, owned by the caller (uid 1000)', async () => {
  const dir = project();
  // The caller is an ordinary user in the docker group, so "owned by the caller" means something.
  const gid = dockerGid();
  execFileSync('chown', ['-R', `${CALLER_UID}:${gid}`, dir]);
  chmodSync(dir, 0o755);
  const home = tempDir('train-home-');
  chownSync(home, CALLER_UID, gid);
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, 'train-in-container', '--image', IMAGE, '--command', 'python3 train.py rf', '--data', 'data', '--outputs', 'out/rf'], {
      cwd: dir,
      uid: CALLER_UID,
      gid,
      env: { PATH: process.env['PATH'] ?? '', HOME: home },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  if (run.code !== 0) console.log(run.stderr);
  expect(run.code).toBe(0);
  const outputs = outputsOf(run.stdout);
  expect(outputs).toMatchObject({ 'exit-code': '0', outputs: path.join(dir, 'out', 'rf'), metrics: path.join(dir, 'out', 'rf', 'metrics.json') });
  expect(outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(outputs['image-digest']).toBe(outputs['image-id']);
  expect(Number(outputs['duration-seconds'])).toBeGreaterThan(0);
  const metrics = JSON.parse(readFileSync(outputs['metrics']!, 'utf8')) as { accuracy: number };
  expect(metrics.accuracy).toBeGreaterThan(0.8);
  for (const file of ['model.pkl', 'metrics.json', '.']) expect(statSync(path.join(dir, 'out', 'rf', file)).uid).toBe(CALLER_UID);
  // The log streamed inside the group, and the record promote-model reads was written.
  expect(run.stderr).toMatch(/── Train \(docker, container mlops-train-local-[0-9a-f]{8}\) ──\ntraining rf on 105 rows\naccuracy=/);
  const records = readdirSync(path.join(dir, '.mlops-ci', 'train-in-container'));
  expect(records).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.json$/)]);
  expect(JSON.parse(readFileSync(path.join(dir, '.mlops-ci', 'train-in-container', records[0]!), 'utf8'))).toMatchObject({ step: 'train-in-container', outputs });
  // The summary names what ran and how it ended (the plain host prints it in the log).
  expect(run.stderr).toMatch(/### ✅ mlops-ci train-in-container — exited 0 after [\d.]+ s\n\n\| Detail \| Value \|\n\|---\|---\|\n\| runtime \| docker /);
  expect(run.stderr).toContain(`| image | ${IMAGE} |`);
  expect(run.stderr).toContain(`| image digest | \`${outputs['image-digest']}\` |`);
  expect(run.stderr).toContain('| command | `python3 train.py rf` |');
  expect(run.stderr).toContain('| exit code | 0 |');
  expect(run.stderr).toContain(`| outputs | \`${path.join(dir, 'out', 'rf')}\` |`);
  expect(leftoverContainers()).toEqual([]);
}, TIMEOUT_MS);

test('a failing command: exit 1, its exit code as an output, the last log lines in the error', async () => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--image', IMAGE, '--command', 'for i in 1 2 3 4 5; do echo "epoch $i"; done; echo "loss is NaN"; exit 3'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(outputsOf(run.stdout)['exit-code']).toBe('3');
  expect(run.stderr).toMatch(/error: the command exited with 3 after [\d.]+ s\nLast 6 lines of the log:\nepoch 1\n(.|\n)*epoch 5\nloss is NaN/);
  expect(run.stderr).toMatch(/### ❌ mlops-ci train-in-container — exited 3 after [\d.]+ s\n/);
  expect(run.stderr).toContain('| exit code | 3 |');
  expect(leftoverContainers()).toEqual([]);
}, TIMEOUT_MS);

test('a timeout stops the container, fails saying so, and leaves no container', async () => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--image', IMAGE, '--command', '["sh", "-c", "echo started; sleep 600"]', '--timeout', '2s'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('error: the command hit the timeout of 2 s: it was stopped');
  expect(run.stderr).toContain('Last 1 lines of the log:\nstarted');
  expect(leftoverContainers()).toEqual([]);
}, TIMEOUT_MS);

test('SIGTERM to the node process (a cancelled job) stops and removes the container', async () => {
  const dir = project();
  const child = spawn(process.execPath, [BUNDLE, 'train-in-container', '--image', IMAGE, '--command', 'echo started; sleep 600'], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: tempDir('train-home-') },
  });
  let stderr = '';
  const started = new Promise<void>((resolve) =>
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('\nstarted\n')) resolve();
    }),
  );
  const closed = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  await started;
  const name = containerNameIn(stderr);
  expect(leftoverContainers()).toEqual([name]);
  child.kill('SIGTERM');
  expect(await closed).toBe(1);
  expect(stderr).toContain('error: the step was cancelled (SIGTERM): the command was stopped and its container removed');
  expect(leftoverContainers()).toEqual([]);
}, TIMEOUT_MS);

test('network none: a connection attempt inside fails', async () => {
  const dir = project();
  const probe = 'import socket\ntry:\n    socket.create_connection(("192.0.2.1", 80), timeout=5)\n    print("connected")\nexcept OSError as e:\n    print("no connection:", e)';
  const run = await runBundle(['train-in-container', '--image', IMAGE, '--network', 'none', '--command', JSON.stringify(['python3', '-c', probe])], { cwd: dir });
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('no connection: [Errno 101] Network is unreachable');
}, TIMEOUT_MS);

test('env, env-file and secrets reach the command; the secret value appears nowhere in the log', async () => {
  const dir = project();
  const secret = 'tok-9f8e7d6c5b4a-secret';
  writeFileSync(path.join(dir, 'train.env'), '# settings\nEPOCHS=3\nLR=0.1\n');
  const run = await runBundle(
    ['train-in-container', '--image', IMAGE, '--env', 'LR=0.01\nMODEL=rf', '--env-file', 'train.env', '--secrets', 'WANDB_API_KEY', '--command', 'echo "model=$MODEL epochs=$EPOCHS lr=$LR key=$WANDB_API_KEY"; test "$WANDB_API_KEY" = "tok-9f8e7d6c5b4a-secret" && echo "key ok"'],
    { cwd: dir, env: { WANDB_API_KEY: secret } },
  );
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('model=rf epochs=3 lr=0.01 key=***');
  expect(run.stderr).toContain('key ok');
  expect(run.stderr + run.stdout).not.toContain(secret);
}, TIMEOUT_MS);

test('a dockerfile build: built once, skipped on the second run (same build inputs), rebuilt when the context changes', async () => {
  const dir = project();
  const tag = `v${Date.now()}`;
  writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${IMAGE}\nARG TAG\nRUN echo "built $TAG" > /built.txt\nCOPY train.py /opt/train.py\n`);
  writeFileSync(path.join(dir, '.dockerignore'), 'out\ndata\n');
  const args = ['train-in-container', '--dockerfile', 'Dockerfile', '--build-args', `TAG=${tag}`, '--command', 'cat /built.txt'];
  const first = await runBundle(args, { cwd: dir });
  expect(first.code).toBe(0);
  expect(first.stderr).toMatch(/Building Dockerfile as mlops-ci-train:[0-9a-f]{32}/);
  expect(first.stderr).toContain(`built ${tag}`);
  // Outputs and data are ignored by .dockerignore: writing there changes nothing.
  writeFileSync(path.join(dir, 'data', 'more.csv'), 'x\n');
  const second = await runBundle(args, { cwd: dir });
  expect(second.code).toBe(0);
  expect(second.stderr).toMatch(/Build skipped: mlops-ci-train:[0-9a-f]{32} already holds this Dockerfile/);
  expect(outputsOf(second.stdout)['image-id']).toBe(outputsOf(first.stdout)['image-id']);
  writeFileSync(path.join(dir, 'train.py'), '# changed\n');
  const third = await runBundle(args, { cwd: dir });
  expect(third.code).toBe(0);
  expect(third.stderr).toContain('Building Dockerfile');
  // The engine's layer cache serves the unchanged RUN layer.
  expect(third.stderr).toMatch(/Using cache|CACHED/);
  expect(outputsOf(third.stdout)['image-id']).not.toBe(outputsOf(first.stdout)['image-id']);
}, TIMEOUT_MS);

test('gpus on a machine without an NVIDIA runtime fails early and clearly, before any container', async () => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--image', IMAGE, '--gpus', 'all', '--command', 'nvidia-smi'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("error: gpus: 'all' asks for GPUs, but this Docker has no NVIDIA runtime");
  expect(run.stderr).not.toContain('── Train');
}, TIMEOUT_MS);

test('runtime host runs the command directly and says so loudly', async () => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--runtime', 'host', '--command', 'echo "on the host in $PWD, out=$MLOPS_OUTPUT_DIR"', '--outputs', 'out'], { cwd: dir });
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('warning: runtime: host — the command runs DIRECTLY ON THIS RUNNER');
  expect(run.stderr).toContain(`on the host in ${dir}, out=${path.join(dir, 'out')}`);
  expect(outputsOf(run.stdout)).toMatchObject({ 'exit-code': '0', 'image-id': '', outputs: path.join(dir, 'out') });
}, TIMEOUT_MS);

// Each bad input: exit 2, one message naming the input, nothing created.
test.each([
  ['an image reference that is not valid', ['--image', 'Not A/Valid:image', '--command', 'true'], "input 'image': got 'Not A/Valid:image', expected an image reference"],
  ['a mount that is not a:b[:ro]', ['--image', IMAGE, '--command', 'true', '--mounts', 'data'], "input 'mounts': got 'data', expected host:container"],
  ['a mount with a bad mode', ['--image', IMAGE, '--command', 'true', '--mounts', 'data:/data:rx'], "input 'mounts': got 'data:/data:rx'"],
  ['a relative container path', ['--image', IMAGE, '--command', 'true', '--mounts', 'data:data:ro'], "the container path 'data' must be absolute"],
  ['a memory size that does not parse', ['--image', IMAGE, '--command', 'true', '--memory', 'lots'], "input 'memory': got 'lots', expected a size such as 512m"],
  ['an empty command', ['--image', IMAGE, '--command', '  '], "input 'command': is required"],
  ['an empty argv command', ['--image', IMAGE, '--command', '[]'], "input 'command': got '[]', expected a non-empty list"],
  ['a timeout that does not parse', ['--image', IMAGE, '--command', 'true', '--timeout', 'soon'], "input 'timeout': got 'soon'"],
  ['gpus that do not parse', ['--image', IMAGE, '--command', 'true', '--gpus', 'many'], "input 'gpus': got 'many'"],
  ['a secret that is not set', ['--image', IMAGE, '--command', 'true', '--secrets', 'NOT_SET_ANYWHERE'], "input 'secrets': names NOT_SET_ANYWHERE, which is not set"],
  ['both image and dockerfile', ['--image', IMAGE, '--dockerfile', 'Dockerfile', '--command', 'true'], "input 'image': was given together with 'dockerfile': give 'dockerfile' or 'image', not both"],
  ['data that does not exist', ['--image', IMAGE, '--command', 'true', '--data', 'nope'], "input 'data': got"],
])('bad input: %s → exit 2 naming the input, nothing created', async (_name, args, message) => {
  const dir = project();
  const run = await runBundle(['train-in-container', ...args, '--outputs', 'out/new'], { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
  expect(existsSync(path.join(dir, 'out'))).toBe(false);
  expect(run.stderr).not.toContain('── Check the runtime');
});
