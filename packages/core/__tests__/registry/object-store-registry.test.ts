import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalBlobStore, fileDigests, hashFile } from '../../src/registry/local-blob-store.js';
import { ObjectStoreRegistry } from '../../src/registry/object-store-registry.js';
import { RegistryRefusal, type LocalModelFile, type PendingLineage } from '../../src/registry/types.js';
import { loadBaseline } from '../../src/steps/evaluate-and-gate/baseline.js';

const MOVER = { actor: 'tester', runUrl: null, host: 'local' };

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'registry-unit-'));
}

function lineage(metrics: Record<string, number> | null = { accuracy: 0.9 }): PendingLineage {
  return {
    schema: 1,
    model: 'iris',
    registeredAt: '2026-01-01T00:00:00.000Z',
    actor: 'tester',
    files: [],
    metrics,
    gate: null,
    git: { commit: null, repository: null },
    run: { url: null, host: 'local' },
    data: { digest: null, manifest: null },
    env: { fingerprint: null },
    image: { digest: null },
    extra: {},
  };
}

async function modelFile(dir: string, content = 'weights'): Promise<LocalModelFile> {
  const file = path.join(dir, 'model.pkl');
  writeFileSync(file, content);
  return { path: 'model.pkl', absolutePath: file, size: Buffer.byteLength(content), sha256: await hashFile(file) };
}

describe('LocalBlobStore', () => {
  test('create-only refuses an existing key; compare-and-swap refuses a stale tag', async () => {
    const store = new LocalBlobStore(tempDir());
    expect(await store.createOnly('a/b.json', '1')).toBe(true);
    expect(await store.createOnly('a/b.json', '2')).toBe(false);
    const first = await store.get('a/b.json');
    expect(first?.body.toString()).toBe('1');
    expect(await store.replaceIf('a/b.json', '3', first!.etag)).toBe(true);
    expect(await store.replaceIf('a/b.json', '4', first!.etag)).toBe(false);
    expect((await store.get('a/b.json'))?.body.toString()).toBe('3');
    expect(await store.list('a/')).toEqual(['a/b.json']);
  });

  test('a lock left by a process that no longer exists is broken, and leaves no scratch file behind', async () => {
    const root = tempDir();
    const store = new LocalBlobStore(root);
    await store.createOnly('alias.json', 'v1');
    // pid 2^22 + 1 is above Linux's pid_max: certainly not running.
    writeFileSync(path.join(root, 'alias.json.lock'), `${os.hostname()} 4194305 dead-owner`);
    const current = await store.get('alias.json');
    expect(await store.replaceIf('alias.json', 'v2', current!.etag)).toBe(true);
    expect(readFileSync(path.join(root, 'alias.json'), 'utf8')).toBe('v2');
    expect(await readdir(root)).toEqual(['alias.json']);
  });

  test('an old lock whose PID is alive but not its owner (PID reuse) is taken over, and the log says so', async () => {
    const root = tempDir();
    const heard: string[] = [];
    const store = new LocalBlobStore(root, (message) => heard.push(message));
    await store.createOnly('alias.json', 'v1');
    // pid 1 is always alive, and never the process that took this lock.
    const lock = path.join(root, 'alias.json.lock');
    writeFileSync(lock, `${os.hostname()} 1 reused-pid-owner`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const current = await store.get('alias.json');
    expect(await store.replaceIf('alias.json', 'v2', current!.etag)).toBe(true);
    expect(readFileSync(path.join(root, 'alias.json'), 'utf8')).toBe('v2');
    expect(await readdir(root)).toEqual(['alias.json']);
    expect(heard).toEqual([expect.stringMatching(new RegExp(`^Took over the lock ${root}/alias.json.lock of pid 1 on ${os.hostname()}: older than 30 s \\(held \\d+ s\\)$`))]);
  });

  test('a lock from another host (a shared folder) is broken only once it is old', async () => {
    const root = tempDir();
    const store = new LocalBlobStore(root);
    await store.createOnly('alias.json', 'v1');
    const lock = path.join(root, 'alias.json.lock');
    writeFileSync(lock, 'other-host 12345 owner');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const current = await store.get('alias.json');
    expect(await store.replaceIf('alias.json', 'v2', current!.etag)).toBe(true);
    expect(await readdir(root)).toEqual(['alias.json']);
  });

  test('an upload whose copy does not match the expected sha256 fails and leaves nothing', async () => {
    const root = tempDir();
    const store = new LocalBlobStore(root);
    const file = await modelFile(tempDir());
    await expect(store.upload('v/model.pkl', file.absolutePath, '0'.repeat(64), file.size)).rejects.toThrow(/does not match its sha256/);
    expect(await store.list('')).toEqual([]);
  });
});

describe('ObjectStoreRegistry on a folder', () => {
  test('a version whose upload never finished is invisible: not described, not aliasable, its number skipped', async () => {
    const root = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(root));
    // A writer killed after claiming version 1.
    await new LocalBlobStore(root).createOnly('iris/versions/1/version.json', JSON.stringify({ status: 'uploading', version: '1' }));
    expect(await registry.describe('iris', { version: '1' })).toBeNull();
    await expect(registry.setAlias('iris', 'prod', '1', MOVER)).rejects.toBeInstanceOf(RegistryRefusal);
    const registered = await registry.register('iris', [await modelFile(tempDir())], lineage(), MOVER);
    expect(registered.version).toBe('2');
    expect(await registry.versions('iris')).toEqual([2]);
  });

  test('rollback needs an alias that has moved', async () => {
    const registry = new ObjectStoreRegistry(new LocalBlobStore(tempDir()));
    await expect(registry.rollback('iris', 'prod', MOVER)).rejects.toThrow(/not set/);
    const { version } = await registry.register('iris', [await modelFile(tempDir())], lineage(), MOVER);
    await registry.setAlias('iris', 'prod', version, MOVER);
    await expect(registry.rollback('iris', 'prod', MOVER)).rejects.toThrow(/no version to go back to/);
  });
});

describe('ObjectStoreRegistry.refusalOf', () => {
  test('says ahead, reading only, what each change would be refused for, in the words the change itself uses', async () => {
    const root = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(root));
    const refusalOf = registry.refusalOf.bind(registry);
    expect(await refusalOf({ kind: 'register', model: 'iris' })).toBeNull();
    expect(await refusalOf({ kind: 'register', model: '../iris' })).toMatch(/^model name /);
    expect(await refusalOf({ kind: 'set-alias', model: 'iris', alias: 'prod', version: '1' })).toBe(`version 1 of iris does not exist in ${root}`);
    expect(await refusalOf({ kind: 'remove-alias', model: 'iris', alias: 'prod' })).toMatch(/^alias prod of iris is not set in .*: nothing to remove$/);
    expect(await refusalOf({ kind: 'rollback', model: 'iris', alias: 'prod' })).toMatch(/: nothing to roll back$/);
    expect(await readdir(root)).toEqual([]);

    const { version } = await registry.register('iris', [await modelFile(tempDir())], lineage(), MOVER);
    await registry.setAlias('iris', 'prod', version, MOVER);
    expect(await refusalOf({ kind: 'set-alias', model: 'iris', alias: 'prod', version })).toBeNull();
    expect(await refusalOf({ kind: 'remove-alias', model: 'iris', alias: 'prod' })).toBeNull();
    expect(await refusalOf({ kind: 'rollback', model: 'iris', alias: 'prod' })).toMatch(/has no version to go back to/);
    await registry.removeAlias('iris', 'prod', MOVER);
    // A removed alias can be rolled back (restored), not removed again.
    expect(await refusalOf({ kind: 'rollback', model: 'iris', alias: 'prod' })).toBeNull();
    const refusal = await refusalOf({ kind: 'remove-alias', model: 'iris', alias: 'prod' });
    expect(refusal).toMatch(/nothing to remove$/);
    await expect(registry.removeAlias('iris', 'prod', MOVER)).rejects.toThrow(refusal as string);
  });
});

describe('garbage collection of abandoned uploads', () => {
  test('an upload the collector abandons while its writer is still uploading: the writer fails cleanly, never a ready version with missing files', async () => {
    const root = tempDir();
    const collector = new ObjectStoreRegistry(new LocalBlobStore(root));
    // A store whose upload lets a collector with a zero threshold run first, as if the writer had stalled past it.
    class StallingStore extends LocalBlobStore {
      override async upload(key: string, file: string, sha256: string, size: number): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 5)); // the claim is now strictly older than "0 ms ago"
        expect((await collector.collectGarbage('iris', 0)).versions.map((v) => v.version)).toEqual(['1']);
        await super.upload(key, file, sha256, size);
      }
    }
    const writer = new ObjectStoreRegistry(new StallingStore(root));
    await expect(writer.register('iris', [await modelFile(tempDir())], lineage(), MOVER)).rejects.toThrow(/changed while its files uploaded/);
    expect(JSON.parse(readFileSync(path.join(root, 'iris', 'versions', '1', 'version.json'), 'utf8'))).toMatchObject({ status: 'abandoned' });
    expect(await collector.describe('iris', { version: '1' })).toBeNull();
    // The next registration skips the tombstoned number.
    expect((await collector.register('iris', [await modelFile(tempDir())], lineage(), MOVER)).version).toBe('2');
  });

  test('a ready version is never collected, however old', async () => {
    const root = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(root));
    await registry.register('iris', [await modelFile(tempDir())], lineage(), MOVER);
    expect(await registry.collectGarbage(null, 1)).toEqual({ versions: [], leftovers: [] });
    expect(await registry.versions('iris')).toEqual([1]);
    expect((await registry.readFile('iris', '1', 'model.pkl'))?.toString()).toBe('weights');
  });
});

describe('damaged registry files are named, with what is wrong', () => {
  async function registryWithProduction() {
    const root = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(root));
    const { version } = await registry.register('iris', [await modelFile(tempDir())], lineage(), MOVER);
    await registry.setAlias('iris', 'production', version, MOVER);
    return { root, registry };
  }

  test.each([
    ['not JSON', '{"status": "ready", PWSECRET', 'is not valid JSON (28 bytes)'],
    ['not an object', '[1, 2]', 'is not a JSON object'],
    ['an unknown status', '{"status": "done"}', 'has status "done", expected "uploading", "ready" or "abandoned"'],
    ['another version inside', JSON.stringify({ status: 'ready', model: 'iris', version: '7', files: [] }), 'says it is iris version 7'],
    ['no file list', JSON.stringify({ status: 'ready', model: 'iris', version: '1' }), 'has no "files" list'],
  ])('a version.json that is %s', async (_what, body, problem) => {
    const { root, registry } = await registryWithProduction();
    const file = path.join(root, 'iris', 'versions', '1', 'version.json');
    writeFileSync(file, body);
    const expected = `registry file ${file} (iris version 1) is damaged: it ${problem}`;
    await expect(registry.describe('iris', { version: '1' })).rejects.toThrow(expected);
    await expect(registry.describe('iris', { alias: 'production' })).rejects.toThrow(expected);
    await expect(registry.setAlias('iris', 'staging', '1', MOVER)).rejects.toThrow(expected);
    await expect(registry.describe('iris', { version: '1' })).rejects.not.toThrow(/PWSECRET/);
  });

  test.each([
    ['not JSON', '{"version": ', 'is not valid JSON (12 bytes)'],
    ['without a version', JSON.stringify({ model: 'iris', alias: 'production', previous: null }), 'has no "version" (a version number, or null once removed)'],
    ['with a previous that is not a version', JSON.stringify({ model: 'iris', alias: 'production', version: '1', previous: 5 }), 'has no "previous" (a version number, or null when new)'],
  ])('an alias file that is %s', async (_what, body, problem) => {
    const { root, registry } = await registryWithProduction();
    const file = path.join(root, 'iris', 'aliases', 'production.json');
    writeFileSync(file, body);
    const expected = `registry file ${file} (alias production of iris) is damaged: it ${problem}`;
    await expect(registry.describe('iris', { alias: 'production' })).rejects.toThrow(expected);
    await expect(registry.setAlias('iris', 'production', '1', MOVER)).rejects.toThrow(expected);
    await expect(registry.rollback('iris', 'production', MOVER)).rejects.toThrow(expected);
  });
});

describe('nothing is read or written outside the registry', () => {
  test('a model name that is a path into another model is refused before anything is written', async () => {
    const root = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(root));
    const { version } = await registry.register('iris', [await modelFile(tempDir())], lineage(), MOVER);
    await registry.setAlias('iris', 'production', version, MOVER);
    const before = await new LocalBlobStore(root).list('');
    for (const name of ['iris/versions/1', 'iris/aliases/production.json', '../outside']) {
      await expect(registry.register(name, [await modelFile(tempDir())], lineage(), MOVER)).rejects.toThrow(/model name/);
      await expect(registry.setAlias(name, 'production', '1', MOVER)).rejects.toThrow(/model name/);
    }
    expect(await new LocalBlobStore(root).list('')).toEqual(before);
  });

  test('a planted versions symlink that leads outside the registry is refused, and nothing is written there', async () => {
    const root = tempDir();
    const outside = tempDir();
    mkdirSync(path.join(root, 'iris'));
    symlinkSync(outside, path.join(root, 'iris', 'versions'));
    const registry = new ObjectStoreRegistry(new LocalBlobStore(root));
    await expect(registry.register('iris', [await modelFile(tempDir())], lineage(), MOVER)).rejects.toThrow(
      `registry path iris/versions leads outside the registry ${root} (to ${outside}): refusing to read or write through it`,
    );
    expect(await readdir(outside)).toEqual([]);
  });

  test('a version.json that is a symlink to a file outside is not read', async () => {
    const root = tempDir();
    const secret = path.join(tempDir(), 'secret.json');
    writeFileSync(secret, JSON.stringify({ status: 'ready', token: 'PWSECRET' }));
    mkdirSync(path.join(root, 'iris', 'versions', '1'), { recursive: true });
    symlinkSync(secret, path.join(root, 'iris', 'versions', '1', 'version.json'));
    const registry = new ObjectStoreRegistry(new LocalBlobStore(root));
    await expect(registry.describe('iris', { version: '1' })).rejects.toThrow(/iris\/versions\/1\/version.json leads outside the registry/);
  });

  test('a dangling symlink inside the registry is refused too', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'iris'));
    symlinkSync(path.join(tempDir(), 'gone', 'deeper'), path.join(root, 'iris', 'aliases'));
    const store = new LocalBlobStore(root);
    await expect(store.createOnly('iris/aliases/production.json', '{}')).rejects.toThrow(/iris\/aliases is a symlink to nowhere/);
  });
});

describe("evaluate-and-gate's registry:<model>@<alias> baseline", () => {
  test('resolves to the metrics stored with the version the alias points to', async () => {
    const workspace = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(path.join(workspace, '.mlops-ci', 'registry')));
    const files = [await modelFile(tempDir())];
    await registry.register('iris', files, lineage({ accuracy: 0.91, 'f1.macro': 0.9 }), MOVER);
    const second = await registry.register('iris', files, lineage({ accuracy: 0.95 }), MOVER);
    await registry.setAlias('iris', 'production', second.version, MOVER);

    const baseline = await loadBaseline('registry:iris@production', { cwd: workspace, env: process.env });
    expect(baseline).toEqual({
      kind: 'found',
      source: 'registry:iris@production (version 2)',
      metrics: { accuracy: 0.95 },
      files: { kind: 'version', read: expect.any(Function) },
    });
    // The version's own files, for samples: baseline=registry:<file>.
    if (baseline.kind !== 'found' || baseline.files?.kind !== 'version') throw new Error('expected a registry version');
    expect((await baseline.files.read('model.pkl')).toString()).toBe('weights');
    await expect(baseline.files.read('nope.json')).rejects.toThrow("input 'samples': baseline=registry:nope.json: iris version 2 (iris@production) has no file nope.json; its files: none"); // this test's lineage lists no files
    expect(await registry.readFile('iris', '2', '../1/version.json')).toBeNull();
    expect(await registry.readFile('iris', '2', 'version.json')).toBeNull();
  });

  test('another registry by URL; a model with no version yet is a missing baseline (the first promotion)', async () => {
    const elsewhere = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(elsewhere));
    const { version } = await registry.register('iris', [await modelFile(tempDir())], lineage({ accuracy: 0.8 }), MOVER);
    await registry.setAlias('iris', 'staging', version, MOVER);
    expect(await loadBaseline(`registry:iris@staging:file://${elsewhere}`, { cwd: tempDir(), env: process.env })).toMatchObject({ kind: 'found', metrics: { accuracy: 0.8 } });
    expect(await loadBaseline(`registry:fresh@production:${elsewhere}`, { cwd: tempDir(), env: process.env })).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('fresh has no version yet'),
      files: { kind: 'no-version' },
    });
  });

  test('an alias never set on a model that has versions is bad input listing the aliases it has', async () => {
    const elsewhere = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(elsewhere));
    const { version } = await registry.register('iris', [await modelFile(tempDir())], lineage({ accuracy: 0.8 }), MOVER);
    await expect(loadBaseline(`registry:iris@production:${elsewhere}`, { cwd: tempDir(), env: process.env })).rejects.toThrow(/no alias 'production' \(it has no alias at all\)/);
    await registry.setAlias('iris', 'staging', version, MOVER);
    await registry.setAlias('iris', 'canary', version, MOVER);
    await registry.removeAlias('iris', 'canary', MOVER);
    expect(await registry.overview('iris')).toEqual({ hasVersions: true, aliases: ['staging'] });
    await expect(loadBaseline(`registry:iris@prodution:${elsewhere}`, { cwd: tempDir(), env: process.env })).rejects.toThrow(/^input 'baseline': .*no alias 'prodution' \(its aliases: staging\)/);
  });

  test('a version registered without metrics is bad input naming baseline, not a skipped rule', async () => {
    const elsewhere = tempDir();
    const registry = new ObjectStoreRegistry(new LocalBlobStore(elsewhere));
    const { version } = await registry.register('iris', [await modelFile(tempDir())], lineage(null), MOVER);
    await registry.setAlias('iris', 'production', version, MOVER);
    await expect(loadBaseline(`registry:iris@production:${elsewhere}`, { cwd: tempDir(), env: process.env })).rejects.toThrow(/^input 'baseline': iris version 1 \(iris@production\) .* has no metrics recorded/);
  });

  test('a malformed reference or an unknown registry scheme is bad input', async () => {
    await expect(loadBaseline('registry:iris', { cwd: tempDir(), env: process.env })).rejects.toThrow(/^input 'baseline': .*registry:<model>@<alias>/);
    await expect(loadBaseline('registry:iris@prod:hdfs://b/x', { cwd: tempDir(), env: process.env })).rejects.toThrow(/^input 'baseline': .*unknown scheme 'hdfs:\/\/'/);
  });
});

describe('fileDigests', () => {
  test('every digest asked for from one read, and of a byte range alone', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'digests-')), 'f.bin');
    const body = Buffer.from('0123456789abcdef'.repeat(5000));
    writeFileSync(file, body);
    const seen: number[] = [];
    const both = await fileDigests(file, ['sha256', 'md5'], { onProgress: (bytes) => seen.push(bytes) });
    expect(both.sha256.toString('hex')).toBe(createHash('sha256').update(body).digest('hex'));
    expect(both.md5.toString('hex')).toBe(createHash('md5').update(body).digest('hex'));
    expect(seen.at(-1)).toBe(body.length);
    const part = await fileDigests(file, ['md5'], { range: { start: 16, end: 31 } });
    expect(part.md5.toString('hex')).toBe(createHash('md5').update(body.subarray(16, 32)).digest('hex'));
    expect(await hashFile(file)).toBe(both.sha256.toString('hex'));
  });
});
