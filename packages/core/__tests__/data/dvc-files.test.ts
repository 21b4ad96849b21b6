import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { findDvcRoot, resolveDvcRemote } from '../../src/data/dvc-config.js';
import { dvcObjectKey, parseDirManifest } from '../../src/data/dvc-dir.js';
import { readDvcOuts } from '../../src/data/dvc-files.js';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dvc-unit-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('.dvc and dvc.lock files', () => {
  test('a 3.x directory out and a 2.x file out', async () => {
    const dir = repo({
      'data.dvc': 'outs:\n- md5: a4abffcfc145e1acf4b1c024d1921ba3.dir\n  size: 3022\n  nfiles: 5\n  hash: md5\n  path: data\n',
      'model.dvc': 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  path: model.pkl\n',
    });
    expect(await readDvcOuts('data.dvc', dir)).toEqual([
      { origin: 'data.dvc:2', path: path.join(dir, 'data'), md5: 'a4abffcfc145e1acf4b1c024d1921ba3', isDir: true, hashName: 'md5', size: 3022, nfiles: 5 },
    ]);
    expect(await readDvcOuts('model.dvc', dir)).toMatchObject([{ isDir: false, hashName: 'md5-dos2unix', path: path.join(dir, 'model.pkl') }]);
  });

  test('dvc.lock: every stage, or the stages named after a colon', async () => {
    const lock = [
      "schema: '2.0'",
      'stages:',
      '  prepare:',
      '    cmd: python prepare.py',
      '    outs:',
      '    - path: prepared',
      '      hash: md5',
      '      md5: 11111111111111111111111111111111.dir',
      '  train:',
      '    cmd: python train.py',
      '    outs:',
      '    - path: model.pkl',
      '      hash: md5',
      '      md5: 22222222222222222222222222222222', // all digits: YAML would read a number
      '',
    ].join('\n');
    const dir = repo({ 'dvc.lock': lock });
    expect((await readDvcOuts('dvc.lock', dir)).map((out) => out.md5)).toEqual(['11111111111111111111111111111111', '22222222222222222222222222222222']);
    expect((await readDvcOuts('dvc.lock:train', dir)).map((out) => out.origin)).toEqual(['dvc.lock:12']);
    expect((await errorOf(readDvcOuts('dvc.lock:eval', dir))).message).toContain("no stage 'eval' (stages: prepare, train)");
  });

  test.each([
    ['not YAML', 'outs:\n  - md5: "abc\n', /^input 'dvc': x\.dvc:\d+: not valid YAML/],
    ['no outs', 'deps: []\n', /x\.dvc:1: a \.dvc file needs an `outs:` list/],
    ['an out without path', 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n', /x\.dvc:2: an out needs a `path:`/],
    ['an absolute out path', 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  path: /etc/passwd\n', /x\.dvc:2: out '\/etc\/passwd' is not a workspace path/],
    ['another hash', 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  hash: sha256\n  path: d\n', /x\.dvc:2: out 'd': hash 'sha256' is not supported/],
    ['a duplicate key', 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  path: d\n  path: e\n', /x\.dvc:\d+: not valid YAML/],
  ])('%s is a bad input naming the file and line', async (_name, text, message) => {
    const dir = repo({ 'x.dvc': text });
    expect((await errorOf(readDvcOuts('x.dvc', dir))).message).toMatch(message);
  });

  test('a missing file is a bad input', async () => {
    expect((await errorOf(readDvcOuts('nope.dvc', os.tmpdir()))).message).toBe("input 'dvc': cannot read nope.dvc: ENOENT");
  });
});

describe('every out stays inside its DVC repository', () => {
  const OUT = (outPath: string) => `outs:\n- md5: 0123456789abcdef0123456789abcdef.dir\n  hash: md5\n  path: ${outPath}\n`;

  test.each([
    ['a .dvc out climbing out of the repository', 'sub/x.dvc', '../../escaped'],
    ['a .dvc out naming the repository root itself', 'x.dvc', '.'],
    ['a dvc.lock out into a sibling repository', 'dvc.lock', '../sibling/prepared'],
  ])('%s is a bad input naming the file, line and out', async (_name, file, outPath) => {
    const text = file === 'dvc.lock' ? `schema: '2.0'\nstages:\n  prepare:\n    cmd: x\n    ${OUT(outPath).replace(/\n(?=.)/g, '\n    ')}` : OUT(outPath);
    const dir = repo({ '.dvc/config': '', [file]: text });
    const message = (await errorOf(readDvcOuts(file, dir))).message;
    expect(message).toMatch(new RegExp(`^input 'dvc': ${file.replace('.', '\\.')}:\\d+: out '${outPath.replace(/\./g, '\\.')}'`));
    expect(message).toContain(`outside the DVC repository ${dir}`);
  });

  test('an out whose parent folder is a symlink leading out of the repository is a bad input', async () => {
    const dir = repo({ '.dvc/config': '', 'x.dvc': OUT('linked/data') });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'dvc-outside-'));
    symlinkSync(outside, path.join(dir, 'linked'));
    const message = (await errorOf(readDvcOuts('x.dvc', dir))).message;
    expect(message).toContain(`x.dvc:2: out 'linked/data' resolves to ${path.join(outside, 'data')}`);
    expect(existsSync(path.join(outside, 'data'))).toBe(false);
  });

  test('outs carry the repository of their DVC file, found from the file, not from the out', async () => {
    // A nested repository (a DVC subrepo) under the out's folder must not lend the out its config.
    const dir = repo({ '.dvc/config': '', 'data.dvc': OUT('nested/data'), 'nested/.dvc/config': '' });
    expect(await readDvcOuts('data.dvc', dir)).toMatchObject([{ path: path.join(dir, 'nested', 'data'), repoRoot: dir }]);
    const loose = repo({ 'a/x.dvc': OUT('data') });
    expect(await readDvcOuts('a/x.dvc', loose)).toMatchObject([{ path: path.join(loose, 'a', 'data'), repoRoot: undefined }]);
    // Outside any DVC repository, the DVC file's own folder is the bound.
    const up = repo({ 'a/y.dvc': OUT('../up') });
    expect((await errorOf(readDvcOuts('a/y.dvc', up))).message).toContain(`outside ${path.join(up, 'a')}, the folder of the DVC file (no .dvc/config above it)`);
  });
});

describe('.dvc/config remotes', () => {
  const config = [
    '[core]',
    '    remote = store',
    "['remote \"store\"']",
    '    url = s3://bucket/project',
    '    endpointurl = http://127.0.0.1:9000',
    "['remote \"my.local\"']",
    '    url = ../../remote',
    '',
  ].join('\n');

  test('the default remote, its endpoint, and config.local keys (which win)', async () => {
    const dir = repo({ '.dvc/config': config, '.dvc/config.local': "['remote \"store\"']\n    access_key_id = AK\n    secret_access_key = SK\n    region = eu-west-1\n", 'sub/x.dvc': '' });
    expect(findDvcRoot(path.join(dir, 'sub'))).toBe(dir);
    expect(await resolveDvcRemote(dir, '', undefined)).toEqual({
      name: 'store',
      location: { kind: 's3', bucket: 'bucket', prefix: 'project/', url: 's3://bucket/project/' },
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
    });
  });

  test('a named remote with a dot; a relative url is relative to .dvc/; a URL overrides the config', async () => {
    const dir = repo({ '.dvc/config': config });
    expect(await resolveDvcRemote(dir, 'my.local', undefined)).toEqual({ name: 'my.local', location: { kind: 'folder', path: path.resolve(dir, '.dvc', '../../remote') } });
    expect(await resolveDvcRemote(dir, 's3://other/p', undefined)).toEqual({ name: 's3://other/p', location: { kind: 's3', bucket: 'other', prefix: 'p/', url: 's3://other/p/' } });
    expect(await resolveDvcRemote(dir, 'file:///srv/dvc%20store/', undefined)).toEqual({ name: 'file:///srv/dvc%20store/', location: { kind: 'folder', path: '/srv/dvc store' } });
  });

  test("a gs:// remote's credentialpath (from the repository's root, where DVC runs), projectname and endpointurl", async () => {
    const dir = repo({
      '.dvc/config': "[core]\n    remote = gcs\n['remote \"gcs\"']\n    url = gs://bucket/dvc\n    projectname = ml-team\n    endpointurl = http://127.0.0.1:4443\n",
      '.dvc/config.local': "['remote \"gcs\"']\n    credentialpath = keys/sa.json\n",
    });
    expect(await resolveDvcRemote(dir, '', undefined)).toEqual({
      name: 'gcs',
      location: { kind: 'gcs', bucket: 'bucket', prefix: 'dvc/', url: 'gs://bucket/dvc/' },
      endpoint: 'http://127.0.0.1:4443',
      gcs: { keyFile: path.join(dir, 'keys', 'sa.json'), projectId: 'ml-team', endpoint: 'http://127.0.0.1:4443' },
    });
    // An S3 remote never gets them, whatever its section holds.
    const s3 = repo({ '.dvc/config': "['remote \"s\"']\n    url = s3://bucket/dvc\n    projectname = ignored\n" });
    expect(await resolveDvcRemote(s3, 's', undefined)).not.toHaveProperty('gcs');
  });

  test("an azure:// remote's account and secrets as DVC names them; a connection string keeps its ';' (DVC's reader ends a value only at '#')", async () => {
    const connection = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net';
    const dir = repo({
      '.dvc/config': "['remote \"az\"']\n    url = azure://dvc-store/project\n    account_name = acct\n",
      '.dvc/config.local': `['remote "az"']\n    connection_string = ${connection}\n    account_key = a2V5\n    sas_token = sv=2024&sig=x  # a comment\n`,
    });
    expect(await resolveDvcRemote(dir, 'az', undefined)).toEqual({
      name: 'az',
      location: { kind: 'azure', bucket: 'dvc-store', prefix: 'project/', url: 'azure://dvc-store/project/' },
      azure: { accountName: 'acct', connectionString: connection, accountKey: 'a2V5', sasToken: 'sv=2024&sig=x' },
    });
    // An S3 remote takes no Azure settings, whatever its section holds.
    const s3 = repo({ '.dvc/config': "['remote \"s\"']\n    url = s3://bkt/p\n    account_name = acct\n" });
    expect(await resolveDvcRemote(s3, 's', undefined)).toEqual({ name: 's', location: { kind: 's3', bucket: 'bkt', prefix: 'p/', url: 's3://bkt/p/' } });
  });

  test('an unknown remote or a remote kind we cannot read is a bad input', async () => {
    const dir = repo({ '.dvc/config': `${config}['remote "gdrive"']\n    url = gdrive://abc\n` });
    expect((await errorOf(resolveDvcRemote(dir, 'nope', undefined))).message).toContain("no remote 'nope' with a url in .dvc/config(.local) (remotes: store, gdrive, my.local)");
    expect((await errorOf(resolveDvcRemote(dir, 'gdrive', undefined))).message).toBe(
      "input 'remote': remote 'gdrive': got 'gdrive://abc': unknown scheme 'gdrive://'; expected a folder path, file:///abs/dir, s3://bucket/prefix/, gs://bucket/prefix/ or azure://container/prefix/",
    );
    expect((await errorOf(resolveDvcRemote(dir, 'hdfs://namenode/dvc', undefined))).message).toBe(
      "input 'remote': got 'hdfs://namenode/dvc': unknown scheme 'hdfs://'; expected a folder path, file:///abs/dir, s3://bucket/prefix/, gs://bucket/prefix/ or azure://container/prefix/",
    );
  });
});

describe('.dir manifests', () => {
  test('parses DVC JSON, non-ASCII escaped', () => {
    const bytes = Buffer.from('[{"md5": "d41d8cd98f00b204e9800998ecf8427e", "relpath": "caf\\u00e9/a.txt"}]');
    expect(parseDirManifest(bytes, 'x.dir')).toEqual([{ md5: 'd41d8cd98f00b204e9800998ecf8427e', relpath: 'café/a.txt' }]);
  });

  test.each([
    ['bad JSON on line 2', '[\n{"md5": }]', /x\.dir:2: the \.dir manifest is not valid JSON/],
    ['not an array', '{}', /x\.dir:1: a \.dir manifest must be a JSON array/],
    ['a relpath with ..', '[{"md5": "d41d8cd98f00b204e9800998ecf8427e", "relpath": "a/../../b"}]', /climbs out with '\.\.'/],
    ['an absolute relpath', '[{"md5": "d41d8cd98f00b204e9800998ecf8427e", "relpath": "/etc/x"}]', /is absolute/],
    ['no md5', '[{"relpath": "a"}]', /entry 1 has no md5/],
  ])('%s is refused', (_name, text, message) => {
    expect(() => parseDirManifest(Buffer.from(text), 'x.dir')).toThrow(message);
  });

  test('object keys: 3.x under files/md5/, 2.x at the root, below the remote prefix', () => {
    expect(dvcObjectKey('project', 'a4abffcfc145e1acf4b1c024d1921ba3', false)).toBe('project/files/md5/a4/abffcfc145e1acf4b1c024d1921ba3');
    expect(dvcObjectKey('', 'a4abffcfc145e1acf4b1c024d1921ba3', true)).toBe('a4/abffcfc145e1acf4b1c024d1921ba3');
  });
});
