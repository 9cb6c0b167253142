import { expect, test } from 'vitest';
import { DTypeOverflowError } from '../errors/dtype-overflow-error.js';
import { decodeElements, float16ToFloat32Bits } from './decode-elements.js';
import { TYPE_FLAGS } from './mshadow-type-flag.js';

const asFloat = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0];

test('float16 bit patterns widen exactly', () => {
  expect(asFloat(float16ToFloat32Bits(0x3c00))).toBe(1);
  expect(asFloat(float16ToFloat32Bits(0xc000))).toBe(-2);
  expect(asFloat(float16ToFloat32Bits(0x7bff))).toBe(65504);
  expect(asFloat(float16ToFloat32Bits(0x0001))).toBe(2 ** -24);
  expect(asFloat(float16ToFloat32Bits(0x8001))).toBe(-(2 ** -24));
  expect(asFloat(float16ToFloat32Bits(0x0200))).toBe(2 ** -15);
  expect(asFloat(float16ToFloat32Bits(0x7c00))).toBe(Infinity);
  expect(float16ToFloat32Bits(0x7e01)).toBe(0x7fc02000); // NaN payload kept
  // Every finite half matches the formula (-1)^s * 2^(e-15) * (1 + m/1024).
  for (let h = 0; h < 0x10000; h++) {
    const e = (h >> 10) & 0x1f;
    if (e === 0x1f) continue;
    const m = h & 0x3ff;
    const v = (e === 0 ? m * 2 ** -24 : 2 ** (e - 15) * (1 + m / 1024)) * (h & 0x8000 ? -1 : 1);
    expect(asFloat(float16ToFloat32Bits(h))).toBe(v);
  }
});

test('decodeElements reads from an unaligned view without touching it', () => {
  const bytes = new Uint8Array([0xaa, 0, 0, 0x80, 0x3f]).subarray(1);
  const out = decodeElements(bytes, TYPE_FLAGS[0], 1, 'load', 'array 0');
  expect(Array.from(out)).toEqual([1]);
  expect(out.buffer).not.toBe(bytes.buffer);
});

test('an out-of-range uint64 names the array and element', () => {
  const bytes = new Uint8Array(8).fill(0xff);
  expect(() => decodeElements(bytes, TYPE_FLAGS[11], 1, 'load', "array 3 ('ids')")).toThrow(
    DTypeOverflowError,
  );
  expect(() => decodeElements(bytes, TYPE_FLAGS[11], 1, 'load', "array 3 ('ids')")).toThrow(
    "load: array 3 ('ids') holds uint64 values; MXTS converts them to int32, but element 0 is 18446744073709551615",
  );
});
