/**
 * 50 promote-model processes at once against one local registry, each
 * registering a version of one model and moving one alias: the numbers are
 * handed out exactly once, the alias ends on a version that exists, the audit
 * log has every event. Then the same with processes SIGKILLed at random
 * moments: whatever survives reads back consistent.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle } from '../support/bundle.js';
import { isScratch as isScratchName } from '../../packages/core/src/registry/local-blob-store.js';
import { filesUnder, outputsOf, project, readJson, runAndMaybeKill } from './fixtures.js';

const WRITERS = 50;
const ROOT = path.join('.mlops-ci', 'registry', 'iris');

const argsFor = (writer: number) => ['promote-model', '--model', 'iris', '--path', 'out/rf/model', '--alias', 'production', '--gate-results', 'results.json', '--lineage', `writer=${writer}`];

interface VersionJson {
  status: string;
  version: string;
  files: { path: string; sha256: string }[];
  extra: { writer: string };
}

/**
 * A killed writer can leave its temp file (`.mlops-ci-tmp-…`, written before
 * the link or rename that publishes it) or its lock; readers skip both, as the
 * registry's own listing does.
 */
const isScratch = (file: string) => isScratchName(path.basename(file));

/** Reads the registry back the way a reader would, and checks it is consistent. */
function readRegistry(dir: string) {
  const root = path.join(dir, ROOT);
  const objectsUnder = (folder: string) => filesUnder(path.join(root, folder)).filter((file) => !isScratch(file));
  const versionFiles = objectsUnder('versions').filter((file) => file.endsWith('/version.json'));
  // Every version.json parses: none is ever visible half-written.
  const versions = versionFiles.map((file) => readJson<VersionJson>(path.join(root, 'versions', file)));
  const ready = versions.filter((version) => version.status === 'ready');
  for (const version of ready) {
    for (const file of version.files) {
      const bytes = readFileSync(path.join(root, 'versions', version.version, file.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }
  }
  const aliasFile = path.join(root, 'aliases', 'production.json');
  const alias = existsSync(aliasFile) ? readJson<{ version: string; previous: string | null }>(aliasFile) : null;
  if (alias) expect(ready.map((version) => version.version)).toContain(alias.version);
  const events = objectsUnder('events').map((file) => readJson<{ event: string; version: string }>(path.join(root, 'events', file)));
  return { versions, ready, alias, events };
}



test(`${WRITERS} concurrent processes: versions 1..${WRITERS} each exactly once, alias on one of them, ${WRITERS * 2} events`, async () => {
  const dir = project('promote-race-');
  const runs = await Promise.all(Array.from({ length: WRITERS }, (_, writer) => runBundle(argsFor(writer), { cwd: dir })));
  for (const run of runs) expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  const handedOut = runs.map((run) => Number(outputsOf(run.stdout)['version'])).sort((a, b) => a - b);
  expect(handedOut).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));

  const { versions, ready, alias, events } = readRegistry(dir);
  expect(versions).toHaveLength(WRITERS);
  expect(ready).toHaveLength(WRITERS);
  expect(new Set(ready.map((version) => version.extra.writer)).size).toBe(WRITERS);
  expect(alias).not.toBeNull();
  expect(events.filter((event) => event.event === 'registered')).toHaveLength(WRITERS);
  expect(events.filter((event) => event.event === 'alias-set')).toHaveLength(WRITERS);
  // Writers that finish clean up after themselves: no temp file or lock stays.
  expect(filesUnder(path.join(dir, ROOT)).filter(isScratch)).toEqual([]);
  // The alias moves form one chain: each move's `previous` was the alias's value when it won.
  const previous = runs.map((run) => outputsOf(run.stdout)['previous-version']);
  expect(previous.filter((value) => value === '')).toHaveLength(1);
  expect(new Set(previous).size).toBe(WRITERS);
}, 180_000);

test(`${WRITERS} concurrent processes, some SIGKILLed at random moments: the registry reads back consistent`, async () => {
  const dir = project('promote-kill-');
  // A fixed seed per run would hide interleavings; the moments are random, the checks hold for any.
  const runs = Array.from({ length: WRITERS }, (_, writer) => runAndMaybeKill(argsFor(writer), dir, writer % 2 === 0 ? Math.random() * 1500 : null));
  const results = await Promise.all(runs);
  const killed = results.filter((result) => result.killed).length;
  expect(killed).toBeGreaterThan(0);
  for (const result of results.filter((r) => !r.killed)) expect(result.code).toBe(0);

  const before = readRegistry(dir);
  expect(before.ready.length).toBeGreaterThanOrEqual(results.filter((r) => !r.killed).length);

  // Whatever the killed ones left (claimed numbers, stale locks), the registry keeps working.
  const after = await runBundle(argsFor(999), { cwd: dir });
  expect(after.stderr).not.toContain('error');
  expect(after.code).toBe(0);
  const final = readRegistry(dir);
  expect(final.alias?.version).toBe(outputsOf(after.stdout)['version']);
  const numbers = final.versions.map((version) => Number(version.version));
  expect(new Set(numbers).size).toBe(numbers.length);
}, 180_000);
