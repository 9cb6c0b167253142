import type { HostArray } from '../ndarray/dtype.js';

/** True on little-endian hosts (every current JavaScript engine's usual platforms). */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function swapEach(bytes: Uint8Array, elementBytes: number): void {
  for (let at = 0; at < bytes.length; at += elementBytes) {
    bytes.subarray(at, at + elementBytes).reverse();
  }
}

/**
 * A copy of little-endian `bytes` in host byte order, in a fresh aligned buffer, ready for
 * a typed-array view. MXNet files are little-endian (dmlc::Stream writes native order on
 * x86 and ARM), so only a big-endian host swaps.
 *
 * @example
 * const f = new Float32Array(hostOrderCopy(raw, 4).buffer);
 */
export function hostOrderCopy(bytes: Uint8Array, elementBytes: number): Uint8Array {
  const copy = bytes.slice();
  if (!HOST_LITTLE_ENDIAN && elementBytes > 1) swapEach(copy, elementBytes);
  return copy;
}

/**
 * The little-endian bytes of a host array: a view on little-endian hosts (no copy), a
 * swapped copy elsewhere.
 *
 * @example
 * littleEndianBytes(new Float32Array([1])); // Uint8Array [0, 0, 128, 63]
 */
export function littleEndianBytes(data: HostArray): Uint8Array {
  const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (HOST_LITTLE_ENDIAN) return view;
  const copy = view.slice();
  swapEach(copy, data.BYTES_PER_ELEMENT);
  return copy;
}
