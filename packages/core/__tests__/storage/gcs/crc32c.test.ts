/**
 * A composite Cloud Storage object has a crc32c and no md5: a whole read is
 * checked against that crc32c. fake-gcs-server gives every object an md5
 * (composed ones too), so no real server can serve such an object: a small
 * HTTP server on 127.0.0.1 answers the media download as Cloud Storage does
 * for one (`x-goog-hash: crc32c=…` alone).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CRC32C } from '@google-cloud/storage';
import { createGcsClient } from '../../../src/storage/gcs/client.js';
import { GcsStore } from '../../../src/storage/gcs/object-store.js';

const STORED = Buffer.from('composed of two parts\n');

let server: Server;
let served: { body: Buffer; hash: string };

beforeAll(async () => {
  server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': served.body.length, 'x-goog-hash': served.hash });
    response.end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function store(): GcsStore {
  const { port } = server.address() as AddressInfo;
  return new GcsStore(createGcsClient({ env: { STORAGE_EMULATOR_HOST: `127.0.0.1:${port}` } }), 'bkt');
}

async function readAll(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store().read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const crc32cOf = (bytes: Buffer): string => {
  const crc = new CRC32C();
  crc.update(bytes);
  return crc.toString();
};

test('a whole object with only a crc32c is read when its bytes match it', async () => {
  served = { body: STORED, hash: `crc32c=${crc32cOf(STORED)}` };
  expect(await readAll('composite.bin')).toEqual(STORED);
});

test('a whole object with only a crc32c whose bytes changed is refused, naming it', async () => {
  served = { body: Buffer.from(STORED.toString().toUpperCase()), hash: `crc32c=${crc32cOf(STORED)}` };
  await expect(readAll('composite.bin')).rejects.toThrow(`gs://bkt/composite.bin: content does not match its recorded crc32c (expected ${crc32cOf(STORED)}`);
});

test('an object with an md5 is left to data-pull, which checks that', async () => {
  const other = Buffer.from('other bytes\n');
  served = { body: other, hash: `crc32c=${crc32cOf(STORED)},md5=AAAAAAAAAAAAAAAAAAAAAA==` };
  expect(await readAll('plain.bin')).toEqual(other);
});
