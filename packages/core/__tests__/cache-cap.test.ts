import { parseByteSize } from '../src/cache-cap.js';

test.each([
  ['10GiB', 10 * 1024 ** 3],
  ['10 gib', 10 * 1024 ** 3],
  ['500MB', 500 * 1000 ** 2],
  ['750M', 750 * 1024 ** 2],
  ['1.5KiB', 1536],
  ['1048576', 1048576],
  ['0', 0],
  [' 2TB ', 2 * 1000 ** 4],
])('%s is %d bytes', (text, bytes) => {
  expect(parseByteSize(text)).toBe(bytes);
});

test.each(['', 'GiB', '-1GiB', '10 gigs', '1e9', '10GiB;rm -rf /', '0x10'])('%p is not a size', (text) => {
  expect(parseByteSize(text)).toBeUndefined();
});
