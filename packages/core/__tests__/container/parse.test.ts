import { isValidImageReference, parseByteSize, parseDuration, parseEnvLines, parseMount } from '../../src/container/parse.js';
import { engineRunArgs, gpuArgs } from '../../src/container/run-args.js';

test.each([
  ['45s', 45],
  ['90m', 5400],
  ['2h', 7200],
  ['1h30m', 5400],
  ['1.5h', 5400],
  ['30', 30],
  ['soon', null],
  ['', null],
  ['5 m', null],
])('parseDuration(%p) = %p', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

test.each([
  ['512m', 512 * 1024 ** 2],
  ['4g', 4 * 1024 ** 3],
  ['1.5GiB', 1.5 * 1024 ** 3],
  ['1048576', 1048576],
  ['2 GB', 2 * 1024 ** 3],
  ['lots', null],
  ['0', null],
  ['-1g', null],
  ['3x', null],
])('parseByteSize(%p) = %p', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

test.each([
  ['python:3.12-slim', true],
  ['mlops-ci-python:bookworm', true],
  ['registry.example.com:5000/team/train:v1', true],
  [`train@sha256:${'a'.repeat(64)}`, true],
  [`sha256:${'b'.repeat(64)}`, true],
  ['Not A/Valid:image', false],
  ['UPPER/case', false],
  ['name:', false],
  ['-leading', false],
  ['a;rm -rf /', false],
])('isValidImageReference(%p) = %p', (ref, valid) => expect(isValidImageReference(ref)).toBe(valid));

test('parseMount reads host:container[:ro|:rw] and needs an absolute container path', () => {
  expect(parseMount('data:/data:ro', '/work')).toEqual({ source: '/work/data', target: '/data', readOnly: true });
  expect(parseMount('/abs:/x', '/work')).toEqual({ source: '/abs', target: '/x', readOnly: false });
  expect(() => parseMount('data', '/work')).toThrow('expected host:container');
  expect(() => parseMount('a:/b:rx', '/work')).toThrow('expected host:container');
  expect(() => parseMount('a:b', '/work')).toThrow("the container path 'b' must be absolute");
});

test('parseEnvLines reads Docker env-file lines; a bare name takes its value from the environment', () => {
  const env = parseEnvLines(['# comment', '', 'A=1', 'B=x=y', 'FROM_ENV', 'UNSET'], { FROM_ENV: 'v' });
  expect([...env]).toEqual([['A', '1'], ['B', 'x=y'], ['FROM_ENV', 'v']]);
  expect(() => parseEnvLines(['1BAD=x'], {})).toThrow('line 1 is not KEY=VALUE or a variable name');
});

test('engineRunArgs: every value its own argument, env values never on argv', () => {
  const args = engineRunArgs('docker', {
    name: 'mlops-train-x',
    image: 'sha256:abc',
    command: { kind: 'shell', script: 'python train.py; echo $(whoami)' },
    workdir: '/w',
    mounts: [{ source: '/w/data', target: '/w/data', readOnly: true }],
    env: new Map([['TOKEN', 'secret-value']]),
    resources: { network: 'none', memoryBytes: 1024, shmBytes: 2048, cpus: 1.5, gpus: 'device=0,1' },
    user: '1000:1000',
    labels: { 'io.mlops-ci.step': 'train-in-container' },
  });
  expect(args).toEqual([
    'run', '--rm', '--name', 'mlops-train-x', '--init', '--label', 'io.mlops-ci.step=train-in-container',
    '--user', '1000:1000', '--workdir', '/w', '--volume', '/w/data:/w/data:ro', '--env', 'TOKEN',
    '--network', 'none', '--cpus', '1.5', '--memory', '1024b', '--shm-size', '2048b', '--gpus', '"device=0,1"',
    'sha256:abc', '/bin/sh', '-c', 'python train.py; echo $(whoami)',
  ]);
  expect(args.join(' ')).not.toContain('secret-value');
});

test('gpuArgs: docker --gpus, podman CDI devices (no count form)', () => {
  expect(gpuArgs('docker', 'all')).toEqual(['--gpus', 'all']);
  expect(gpuArgs('docker', '2')).toEqual(['--gpus', '2']);
  expect(gpuArgs('podman', 'device=0,1')).toEqual(['--device', 'nvidia.com/gpu=0', '--device', 'nvidia.com/gpu=1']);
  expect(() => gpuArgs('podman', '2')).toThrow('podman cannot take a GPU count');
});
