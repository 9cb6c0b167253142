import { expect, test } from 'vitest';
import { HOST_LITTLE_ENDIAN, hostOrderCopy, littleEndianBytes } from './byte-order.js';

test('little-endian bytes of host arrays, and back', () => {
  expect(HOST_LITTLE_ENDIAN).toBe(true);
  expect(Array.from(littleEndianBytes(new Float32Array([1])))).toEqual([0, 0, 0x80, 0x3f]);
  expect(Array.from(littleEndianBytes(new Int32Array([-2])))).toEqual([0xfe, 0xff, 0xff, 0xff]);
  const raw = new Uint8Array([9, 0, 0, 0, 0, 0, 0xf0, 0x3f]).subarray(6);
  const copy = hostOrderCopy(raw, 2);
  expect(copy.byteOffset).toBe(0);
  expect(copy.buffer).not.toBe(raw.buffer);
  expect(new Uint16Array(copy.buffer)[0]).toBe(0x3ff0);
});
