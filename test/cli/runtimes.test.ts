/**
 * The runtimes the bundle's tests run on (test/support/runtimes.ts): the Node
 * running the tests and Node 24, and a missing Node 24 is a failure that says
 * how to provision it, never a silent skip.
 */
import path from 'node:path';
import { spawnCollect } from '../support/bundle.js';
import { CURRENT, NODE24, nodeOf, pathFor, RUNTIMES, versionOf } from '../support/runtimes.js';

test('the bundle is tested on the Node running the tests and on Node 24', () => {
  expect(RUNTIMES.map((runtime) => runtime.name)).toEqual(CURRENT.major === 24 ? ['node 24.x'] : [`node ${CURRENT.major}.x`, 'node 24.x']);
  expect(versionOf(CURRENT)).toBe(process.version);
  expect(versionOf(NODE24)).toMatch(/^v24\.\d+\.\d+$/);
});

test.each(RUNTIMES)('pathFor($name) puts that runtime first: `node` from PATH is it', async (runtime) => {
  const result = await spawnCollect('sh', ['-c', 'node --version'], { env: { PATH: pathFor(runtime) } });
  expect(result).toMatchObject({ code: 0, stdout: `${versionOf(runtime)}\n` });
});

test('a Node 24 that was never provisioned fails, naming the provisioning script', () => {
  const missing = { ...NODE24, binary: path.join('/nonexistent', 'node24', 'bin', 'node') };
  expect(() => nodeOf(missing)).toThrow('Node 24 is not installed at /nonexistent/node24/bin/node: run `bash scripts/provision/node24.sh`');
  expect(() => pathFor(missing)).toThrow(/bash scripts\/provision\/node24\.sh/);
});

test('a binary of another major version is refused, not taken for the one asked for', () => {
  const other = { ...NODE24, major: CURRENT.major === 24 ? 20 : 24, binary: process.execPath };
  expect(() => nodeOf(other)).toThrow(`${process.execPath} is Node ${process.version}, not ${other.major}.x`);
});
