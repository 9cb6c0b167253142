import { expect, test } from 'vitest';
import { CorruptFileError } from '../errors/corrupt-file-error.js';
import { ByteReader } from './byte-reader.js';

test('reads little-endian fields and advances', () => {
  const r = new ByteReader(
    new Uint8Array([1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 0, 0, 0x80, 9]),
  );
  expect(r.u32('a')).toBe(1);
  expect(r.i32('b')).toBe(-1);
  expect(r.u64('c')).toBe(2n ** 63n + 2n);
  expect(r.remaining).toBe(1);
  expect(Array.from(r.take(1, 'd'))).toEqual([9]);
  expect(r.offset).toBe(17);
});

test('a short read names the field, its offset and the end', () => {
  const r = new ByteReader(new Uint8Array(6));
  r.u32('first');
  expect(() => r.u32('the second field')).toThrow(CorruptFileError);
  expect(() => r.u32('the second field')).toThrow(
    'expected the second field (4 bytes) at byte 4, but the file ends at byte 6 (2 bytes left): it is truncated',
  );
  expect(() => r.take(2n ** 64n - 1n, 'x')).toThrow('18446744073709551615 bytes');
  expect(r.offset).toBe(4);
});
