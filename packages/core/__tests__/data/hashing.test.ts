import { createHash } from 'node:crypto';
import { isPlainMd5, isTextBlock, StreamingHasher } from '../../src/data/hashing.js';

const md5 = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');

function hashInChunks(data: Buffer, chunkSize: number, name: 'md5' | 'md5-dos2unix'): ReturnType<StreamingHasher['digest']> {
  const hasher = new StreamingHasher(name);
  for (let at = 0; at < data.length; at += chunkSize) hasher.update(data.subarray(at, at + chunkSize));
  return hasher.digest();
}

describe('md5-dos2unix (DVC 2.x)', () => {
  const crlf = Buffer.from('a,b\r\n1,2\r\n'.repeat(200));

  test('hashes text with CRLF turned into LF, however the stream is chunked', () => {
    const expected = md5(crlf.toString().replace(/\r\n/g, '\n'));
    // Chunk sizes that split CRLF pairs and the 512-byte text sample.
    for (const size of [1, 2, 3, 7, 511, 512, 513, 4096]) {
      const { hash, md5: raw, size: length } = hashInChunks(crlf, size, 'md5-dos2unix');
      expect([size, hash]).toEqual([size, expected]);
      expect(raw).toBe(md5(crlf));
      expect(length).toBe(crlf.length);
    }
  });

  test('matches the value real DVC 2.x recorded for a CRLF csv', () => {
    // `a,b\r\n1,2\r\n` was pushed by DVC's md5-dos2unix as e5ebd4c0... (checked with dvc 3.67 legacy hashing).
    expect(hashInChunks(Buffer.from('a,b\r\n1,2\r\n'), 3, 'md5-dos2unix').hash).toBe('e5ebd4c02cefbe7955977c67ada242b7');
  });

  test('keeps a lone CR, and a CR at the very end', () => {
    const data = Buffer.from('x\ry\r');
    expect(hashInChunks(data, 1, 'md5-dos2unix').hash).toBe(md5(data));
  });

  test('binary files (a NUL in the first 512 bytes) hash raw', () => {
    const data = Buffer.concat([Buffer.from([0]), Buffer.from('\r\n'.repeat(300))]);
    expect(hashInChunks(data, 100, 'md5-dos2unix').hash).toBe(md5(data));
  });

  test('an empty file is text and hashes as empty', () => {
    expect(hashInChunks(Buffer.alloc(0), 1, 'md5-dos2unix').hash).toBe(md5(''));
  });

  test('plain md5 leaves CRLF alone', () => {
    expect(hashInChunks(crlf, 100, 'md5').hash).toBe(md5(crlf));
  });
});

test('the text test follows DVC: NUL is binary, more than 30% non-text bytes is binary', () => {
  expect(isTextBlock(Buffer.from('hello\n'))).toBe(true);
  expect(isTextBlock(Buffer.alloc(0))).toBe(true);
  expect(isTextBlock(Buffer.from([104, 0, 105]))).toBe(false);
  expect(isTextBlock(Buffer.from([200, 201, 97, 98, 99, 100, 101]))).toBe(true); // 2/7 non-text
  expect(isTextBlock(Buffer.from([200, 201, 202, 97, 98, 99]))).toBe(false); // 3/6
});

test('only single-part ETags are md5s', () => {
  expect(isPlainMd5('d41d8cd98f00b204e9800998ecf8427e')).toBe(true);
  expect(isPlainMd5('d41d8cd98f00b204e9800998ecf8427e-3')).toBe(false);
  expect(isPlainMd5(undefined)).toBe(false);
});
