/**
 * The S3 store's lean whole-object GET (storage/s3-direct-get.ts) against
 * versitygw: it signs keys S3 must see encoded exactly once, pins versions,
 * and hands everything that is not a 200 to the SDK, whose errors the store
 * reports as before. Ranged reads stay with the SDK.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { DIRECT_GET_USER_AGENT, DirectGet } from '../../packages/core/src/storage/s3-direct-get.js';
import { S3Store } from '../../packages/core/src/storage/s3.js';
import { NotFoundError } from '../../packages/core/src/storage/types.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';

let server: S3Server;
const saved: Record<string, string> = {};

// Every character class S3 key encoding must get right once: space, +, =, &, %, !'()*, non-ASCII, nested folders.
const KEYS = ['plain.txt', 'with space/a+b=c&d.csv', "odd!'()*%20.bin", 'naïve/猫 🐈.json', 'deep/er/still.txt'];

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket('direct');
  await server.createBucket('direct-versions', { versioning: true });
  for (const key of KEYS) {
    saved[key] = `content of ${key}\n`;
    await server.client.send(new PutObjectCommand({ Bucket: 'direct', Key: key, Body: saved[key] }));
  }
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

function store(bucket: string, credentials = { accessKeyId: server.accessKey, secretAccessKey: server.secretKey }): S3Store {
  return new S3Store({ env: process.env, bucket, endpoint: server.endpoint, region: 'us-east-1', credentials });
}

async function text(stream: Readable): Promise<string> {
  let body = '';
  for await (const chunk of stream) body += (chunk as Buffer).toString();
  return body;
}

/** The user agent the request behind a response stream was sent with (a response keeps its request as `req`). */
const userAgentOf = (stream: Readable) => String((stream as unknown as { req?: { getHeader(name: string): unknown } }).req?.getHeader('user-agent'));

test.each(KEYS)('%j is read whole through the direct GET, byte for byte', async (key) => {
  const body = await store('direct').read(key);
  expect(userAgentOf(body)).toBe(DIRECT_GET_USER_AGENT);
  expect(await text(body)).toBe(saved[key]);
});

test('a pinned version is read as it was, through the direct GET', async () => {
  const first = await server.client.send(new PutObjectCommand({ Bucket: 'direct-versions', Key: 'v.txt', Body: 'first\n' }));
  await server.client.send(new PutObjectCommand({ Bucket: 'direct-versions', Key: 'v.txt', Body: 'second\n' }));
  const old = await store('direct-versions').read('v.txt', { versionId: first.VersionId as string });
  expect(userAgentOf(old)).toBe(DIRECT_GET_USER_AGENT);
  expect(await text(old)).toBe('first\n');
  expect(await text(await store('direct-versions').read('v.txt'))).toBe('second\n');
});

test('a missing key is a NotFoundError, as from the SDK', async () => {
  await expect(store('direct').read('no/such/key')).rejects.toThrow(NotFoundError);
});

test('refused credentials fail with the SDK\'s error, not a direct-GET one', async () => {
  const refused = store('direct', { accessKeyId: server.accessKey, secretAccessKey: 'not-the-secret' });
  await expect(refused.read('plain.txt')).rejects.toThrow(/signature|denied|forbidden/i);
});

test('AWS_ENDPOINT_URL_S3 alone points both the SDK (listing) and the direct GET at the store, path-style', async () => {
  const before = { s3: process.env['AWS_ENDPOINT_URL_S3'], general: process.env['AWS_ENDPOINT_URL'] };
  process.env['AWS_ENDPOINT_URL_S3'] = server.endpoint;
  delete process.env['AWS_ENDPOINT_URL'];
  try {
    const viaEnv = new S3Store({ env: process.env, bucket: 'direct', region: 'us-east-1', credentials: { accessKeyId: server.accessKey, secretAccessKey: server.secretKey } });
    const listed: string[] = [];
    for await (const object of viaEnv.list('deep/')) listed.push(object.key);
    expect(listed).toEqual(['deep/er/still.txt']);
    const body = await viaEnv.read('deep/er/still.txt');
    expect(userAgentOf(body)).toBe(DIRECT_GET_USER_AGENT);
    expect(await text(body)).toBe(saved['deep/er/still.txt']);
  } finally {
    for (const [name, value] of [['AWS_ENDPOINT_URL_S3', before.s3], ['AWS_ENDPOINT_URL', before.general]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

test('a ranged read goes through the SDK', async () => {
  const part = await store('direct').read('plain.txt', { range: { start: 0, end: 6 } });
  expect(userAgentOf(part)).not.toContain(DIRECT_GET_USER_AGENT);
  expect(await text(part)).toBe('content');
});

test("the direct GET takes AWS's endpoint and signing scope from the SDK's rules, and stands aside where they ask for more than SigV4", async () => {
  const aws = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  expect((await DirectGet.for(aws, 'my-bucket', 4))?.base.href).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com/');
  // A dotted name cannot be a TLS host name: path style.
  expect((await DirectGet.for(aws, 'my.bucket', 4))?.base.href).toBe('https://s3.eu-west-1.amazonaws.com/my.bucket');
  // An S3 Express directory bucket signs with its own session scheme: the SDK keeps it.
  expect(await DirectGet.for(aws, 'my-bucket--euw1-az1--x-s3', 4)).toBeUndefined();
  aws.destroy();
});

test('a store that refuses the direct GET costs one extra request per run, not one per object', async () => {
  // A proxy in front of versitygw that turns away requests with the direct GET's user agent, as a
  // gateway with its own rules might; it counts them.
  let refused = 0;
  const proxy = createServer((incoming, outgoing) => {
    if (incoming.headers['user-agent'] === DIRECT_GET_USER_AGENT) {
      refused++;
      outgoing.writeHead(403).end();
      return;
    }
    const target = new URL(server.endpoint);
    const forwarded = httpRequest({ hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const port = (proxy.address() as AddressInfo).port;
    const behindProxy = new S3Store({ env: process.env, bucket: 'direct', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: server.accessKey, secretAccessKey: server.secretKey } });
    for (const key of KEYS) expect(await text(await behindProxy.read(key))).toBe(saved[key]);
    expect(refused).toBe(1);
  } finally {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
});
