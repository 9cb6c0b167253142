import { InvalidArgumentError } from '@mxts/core';

/** An idx file (the MNIST format): its dimensions and its uint8 elements. */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

/**
 * Parses an idx file of unsigned bytes (`0x00 0x00 0x08 ndim`, big-endian dimensions, then
 * the elements), as MXNet's MNIST reader does with `struct.unpack('>II'...)`.
 * @internal
 */
export function parseIdx(bytes: Uint8Array, file: string, op: string): IdxArray {
  const bad = (why: string) => new InvalidArgumentError(op, `'${file}': ${why}`);
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0)
    throw bad('not an idx file (bad magic number)');
  if (bytes[2] !== 0x08)
    throw bad(`idx element type 0x${bytes[2].toString(16)} is not unsigned byte (0x08)`);
  const ndim = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 + 4 * ndim) throw bad('truncated idx header');
  const shape = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = shape.reduce((a, b) => a * b, 1);
  const start = 4 + 4 * ndim;
  if (bytes.length - start < size) {
    throw bad(`idx data holds ${bytes.length - start} bytes, the header says ${size}`);
  }
  return { shape, data: bytes.subarray(start, start + size) };
}
