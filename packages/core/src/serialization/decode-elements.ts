import { DTypeOverflowError } from '../errors/dtype-overflow-error.js';
import type { HostArray } from '../ndarray/dtype.js';
import { hostOrderCopy } from './byte-order.js';
import type { TypeFlagInfo } from './mshadow-type-flag.js';

/**
 * The float32 bit pattern of an IEEE 754 half (binary16) bit pattern: exact, with
 * subnormals, infinities, -0 and NaN payloads kept.
 *
 * @example
 * new Float32Array(new Uint32Array([float16ToFloat32Bits(0x3c00)]).buffer)[0]; // 1
 */
export function float16ToFloat32Bits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exp = (h >> 10) & 0x1f;
  let man = h & 0x3ff;
  if (exp === 0x1f) return (sign | 0x7f800000 | (man << 13)) >>> 0;
  if (exp !== 0) return (sign | ((exp + 112) << 23) | (man << 13)) >>> 0;
  if (man === 0) return sign >>> 0;
  // A subnormal half is a normal float32: shift the mantissa up to its leading one.
  let e = 113;
  while ((man & 0x400) === 0) {
    man <<= 1;
    e--;
  }
  return (sign | (e << 23) | ((man & 0x3ff) << 13)) >>> 0;
}

function overflow(
  op: string,
  label: string,
  info: TypeFlagInfo,
  index: number,
  value: bigint | number,
): never {
  throw new DTypeOverflowError(op, label, info.name, 'int32', index, String(value));
}

/**
 * Converts `count` little-endian elements of an mshadow type to the MXTS host array of its
 * target dtype (see TYPE_FLAGS): float32/float64/int32 as they are, float16/bfloat16 to
 * float32, small integers and bool to int32, and int64/uint32/uint64 to int32 with a range
 * check. `bytes` must hold exactly `count * info.bytes` bytes.
 *
 * @example
 * decodeElements(raw, TYPE_FLAGS[6], 3, 'load', "array 0 ('ids')"); // Int32Array, or DTypeOverflowError
 */
export function decodeElements(
  bytes: Uint8Array,
  info: TypeFlagInfo,
  count: number,
  op: string,
  label: string,
): HostArray {
  const raw = hostOrderCopy(bytes, info.bytes);
  const buf = raw.buffer;
  switch (info.name) {
    case 'float32':
      return new Float32Array(buf, 0, count);
    case 'float64':
      return new Float64Array(buf, 0, count);
    case 'int32':
      return new Int32Array(buf, 0, count);
    case 'uint8':
      return Int32Array.from(raw);
    case 'int8':
      return Int32Array.from(new Int8Array(buf, 0, count));
    case 'int16':
      return Int32Array.from(new Int16Array(buf, 0, count));
    case 'uint16':
      return Int32Array.from(new Uint16Array(buf, 0, count));
    case 'bool':
      return Int32Array.from(raw, (b) => (b !== 0 ? 1 : 0));
    case 'float16': {
      const half = new Uint16Array(buf, 0, count);
      const out = new Float32Array(count);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < count; i++) bits[i] = float16ToFloat32Bits(half[i]);
      return out;
    }
    case 'bfloat16': {
      // bfloat16 is the top half of a float32.
      const half = new Uint16Array(buf, 0, count);
      const out = new Float32Array(count);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < count; i++) bits[i] = half[i] << 16;
      return out;
    }
    case 'uint32': {
      const u = new Uint32Array(buf, 0, count);
      for (let i = 0; i < count; i++) if (u[i] > 0x7fffffff) overflow(op, label, info, i, u[i]);
      return new Int32Array(buf, 0, count);
    }
    case 'int64':
    case 'uint64': {
      // Each element is (low, high) int32 words; it fits int32 when high is the sign of low.
      const w = new Int32Array(buf, 0, count * 2);
      const out = new Int32Array(count);
      const signed = info.name === 'int64';
      for (let i = 0; i < count; i++) {
        const lo = w[2 * i];
        const hi = w[2 * i + 1];
        if (hi !== (signed ? lo >> 31 : 0) || (!signed && lo < 0)) {
          const v = (BigInt(hi) << 32n) | BigInt(lo >>> 0);
          overflow(op, label, info, i, signed ? v : BigInt.asUintN(64, v));
        }
        out[i] = lo;
      }
      return out;
    }
  }
}
