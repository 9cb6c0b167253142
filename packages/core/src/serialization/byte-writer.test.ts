import { expect, test } from 'vitest';
import { ByteWriter } from './byte-writer.js';

test('writes little-endian fields in order', () => {
  const w = new ByteWriter();
  w.u32(0xf993fac9);
  w.i32(-1);
  w.u64(0x112n);
  w.i64(-2n);
  w.bytes(new Uint8Array([7]));
  expect(Array.from(w.finish())).toEqual([
    0xc9, 0xfa, 0x93, 0xf9, 0xff, 0xff, 0xff, 0xff, 0x12, 1, 0, 0, 0, 0, 0, 0, 0xfe, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 7,
  ]);
});
