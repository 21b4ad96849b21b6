/**
 * train-in-container's `push` and digest pinning, through the built CLI
 * bundle, against the real Docker engine and a real OCI registry on
 * 127.0.0.1 (test/support/registry-server.ts). Each build here is one small
 * layer on mlops-ci-python:bookworm; the images the tests made are removed
 * at the end, nothing else.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, spawnCollect, tempDir } from '../support/bundle.js';
import { startRegistry, type RegistryServer } from '../support/registry-server.js';

const BASE = 'mlops-ci-python:bookworm';
const REPOSITORY = 'team/train';
const TIMEOUT_MS = 180_000;

let registry: RegistryServer;
/** Image references this file made, removed at the end. */
const made = new Set<string>();

beforeAll(async () => {
  try {
    execFileSync('docker', ['image', 'inspect', BASE], { stdio: 'ignore' });
  } catch {
    throw new Error(`docker does not answer or has no ${BASE}: run bash scripts/provision/docker.sh`);
  }
  registry = await startRegistry();
});

afterAll(async () => {
  // Some are already gone (the test removes tags on the way): spawnSync does not mind.
  for (const ref of made) spawnSync('docker', ['rmi', ref], { stdio: 'ignore' });
  await registry?.stop();
});

/** A project whose Dockerfile adds one layer, unique to this test run, to the base image. */
function project(): string {
  const dir = tempDir('train-push-');
  writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${BASE}\nRUN echo "built for ${path.basename(dir)}" > /built.txt\n`);
  return dir;
}

function outputsOf(stdout: string): Record<string, string> {
  return JSON.parse(stdout) as Record<string, string>;
}

/** What changes the registry (blob uploads, manifests): POST, PATCH and PUT. */
function writesTo(server: RegistryServer): number {
  const counts = server.counts();
  return (counts['POST'] ?? 0) + (counts['PATCH'] ?? 0) + (counts['PUT'] ?? 0);
}

test('push: the registry digest is the output, a re-run pushes nothing, the digest pulls the same image, and a tag resolves to it', async () => {
  const dir = project();
  const args = ['train-in-container', '--dockerfile', 'Dockerfile', '--push', `${registry.host}/${REPOSITORY}`, '--command', 'cat /built.txt'];

  const first = await runBundle(args, { cwd: dir });
  if (first.code !== 0) console.log(first.stderr);
  expect(first.code).toBe(0);
  const tag = /Pushing \S+:([0-9a-f]{32})\n/.exec(first.stderr)?.[1];
  expect(tag).toBeDefined();
  made.add(`${registry.host}/${REPOSITORY}:${tag}`).add(`mlops-ci-train:${tag}`);
  const built = outputsOf(first.stdout);
  // The local tag and the registry tag are the same build-inputs digest prefix.
  expect(first.stderr).toContain(`Building Dockerfile as mlops-ci-train:${tag}`);
  const held = await registry.manifestDigest(REPOSITORY, tag!);
  expect(held).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(built['image-digest']).toBe(`${registry.host}/${REPOSITORY}@${held}`);
  expect(writesTo(registry)).toBeGreaterThan(0);
  // The summary and the record promote-model takes the lineage from carry the registry digest too.
  expect(first.stderr).toContain(`| image digest | \`${built['image-digest']}\` |`);
  const records = path.join(dir, '.mlops-ci', 'train-in-container');
  const record = JSON.parse(readFileSync(path.join(records, readdirSync(records)[0]!), 'utf8')) as { outputs: Record<string, string> };
  expect(record.outputs['image-digest']).toBe(built['image-digest']);

  // Unchanged inputs: no build, no upload, the same digest.
  registry.resetCounts();
  const second = await runBundle(args, { cwd: dir });
  expect(second.code).toBe(0);
  expect(second.stderr).toContain(`Push skipped: ${registry.host}/${REPOSITORY}:${tag} already holds this image (${held})`);
  expect(writesTo(registry)).toBe(0);
  expect(outputsOf(second.stdout)['image-digest']).toBe(built['image-digest']);

  // Anyone can pull the recorded digest and gets the very image that was built.
  execFileSync('docker', ['rmi', `${registry.host}/${REPOSITORY}:${tag}`, `mlops-ci-train:${tag}`], { stdio: 'ignore' });
  // Not execFileSync: the registry's counting proxy runs in this process and must keep answering.
  const pull = await spawnCollect('docker', ['pull', built['image-digest']!], {});
  expect({ code: pull.code, stderr: pull.stderr }).toEqual({ code: 0, stderr: '' });
  made.add(built['image-digest']!);
  const pulledId = execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', built['image-digest']!], { encoding: 'utf8' }).trim();
  expect(pulledId).toBe(built['image-id']);

  // image: given by tag runs the image it names and records its registry digest.
  const byTag = await runBundle(['train-in-container', '--image', `${registry.host}/${REPOSITORY}:${tag}`, '--command', 'cat /built.txt'], { cwd: dir });
  expect(byTag.code).toBe(0);
  expect(byTag.stderr).toContain(`built for ${path.basename(dir)}`);
  expect(outputsOf(byTag.stdout)).toMatchObject({ 'image-id': built['image-id'], 'image-digest': built['image-digest'] });

  // image: given by digest is recorded as given.
  const byDigest = await runBundle(['train-in-container', '--image', built['image-digest']!, '--command', 'true'], { cwd: dir });
  expect(byDigest.code).toBe(0);
  expect(outputsOf(byDigest.stdout)['image-digest']).toBe(built['image-digest']);
}, TIMEOUT_MS);

test('an image only this machine has keeps its image ID as the digest, and the log says why', async () => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--image', BASE, '--command', 'true'], { cwd: dir });
  expect(run.code).toBe(0);
  const outputs = outputsOf(run.stdout);
  expect(outputs['image-digest']).toBe(outputs['image-id']);
  expect(run.stderr).toContain(`${BASE} has no registry digest (it was never pulled from or pushed to a registry)`);
}, TIMEOUT_MS);

// Each: exit 2 naming the inputs, before any engine is asked anything.
test.each([
  ['push with runtime host', ['--dockerfile', 'Dockerfile', '--push', 'localhost:5000/team/train', '--runtime', 'host'], "input 'push': cannot be used with runtime: host"],
  ['push with runtime podman', ['--dockerfile', 'Dockerfile', '--push', 'localhost:5000/team/train', '--runtime', 'podman'], "input 'push': is supported with runtime: docker only, not with runtime: podman"],
  ['push with image', ['--image', BASE, '--push', 'localhost:5000/team/train'], "input 'push': needs 'dockerfile' as well"],
  ['push with a tag', ['--dockerfile', 'Dockerfile', '--push', 'localhost:5000/team/train:v1'], "input 'push': got 'localhost:5000/team/train:v1', expected <registry>/<repository> with no tag or digest"],
  ['push with no registry host', ['--dockerfile', 'Dockerfile', '--push', 'team/train'], "input 'push': got 'team/train', expected <registry>/<repository> starting with a registry host"],
])('%s → exit 2', async (_name, args, message) => {
  const dir = project();
  const run = await runBundle(['train-in-container', '--command', 'true', ...args], { cwd: dir });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(message) });
  expect(run.stderr).not.toContain('── Check the runtime');
});
