import { parsePointer } from '../../src/data/lfs/pointer.js';

const OID = '4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393';
const text = (s: string): Buffer => Buffer.from(s, 'latin1');
const POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 12345\n`;

describe('parsePointer', () => {
  test('reads the three lines git-lfs writes', () => {
    expect(parsePointer(text(POINTER))).toEqual({ oid: OID, size: 12345 });
    expect(parsePointer(text(POINTER.replace('12345', '0')))).toEqual({ oid: OID, size: 0 });
  });

  test.each([
    ['CRLF line ends', POINTER.replace(/\n/g, '\r\n')],
    ['no final newline', POINTER.slice(0, -1)],
    ['a trailing line', `${POINTER}\n`],
    ['an extension line', POINTER.replace('oid ', 'ext-0-foo sha256:00\noid ')],
    ['keys out of order', `version https://git-lfs.github.com/spec/v1\nsize 12345\noid sha256:${OID}\n`],
    ['another spec version', POINTER.replace('spec/v1', 'spec/v2')],
    ['an old hawser pointer', POINTER.replace('git-lfs.github.com', 'hawser.github.com')],
    ['an uppercase oid', POINTER.replace(OID, OID.toUpperCase())],
    ['a short oid', POINTER.replace(OID, OID.slice(1))],
    ['another hash', POINTER.replace('sha256:', 'sha512:')],
    ['a negative size', POINTER.replace('12345', '-1')],
    ['a size with a leading zero', POINTER.replace('12345', '012345')],
    ['a size past 2^53', POINTER.replace('12345', '9999999999999999')],
    ['a leading space', ` ${POINTER}`],
    ['empty content', ''],
  ])('refuses %s: that is content, never a pointer', (_name, content) => {
    expect(parsePointer(text(content))).toBeUndefined();
  });

  test('refuses anything longer than a pointer can be', () => {
    expect(parsePointer(Buffer.concat([text(POINTER), Buffer.alloc(2000)]))).toBeUndefined();
  });
});
