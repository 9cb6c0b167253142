import type { DType } from '../ndarray/dtype.js';

/** MXNet's dtype names for the mshadow type flags a file can hold. */
export type MXNetDTypeName =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'uint8'
  | 'int32'
  | 'int8'
  | 'int64'
  | 'bool'
  | 'int16'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'bfloat16';

/** One mshadow type flag: its number in the file, MXNet's name, its element size. */
export interface TypeFlagInfo {
  readonly flag: number;
  readonly name: MXNetDTypeName;
  /** `mshadow::mshadow_sizeof(flag)`. */
  readonly bytes: number;
  /** The MXTS dtype `mx.nd.load` converts it to. */
  readonly target: DType;
}

/**
 * mshadow's `enum TypeFlag` (3rdparty/mshadow/mshadow/base.h in MXNet 1.9.1), indexed by
 * flag. MXNet 1.9.1 itself reads and writes flags 0-7 and 12 (`MSHADOW_TYPE_SWITCH_WITH_BOOL`);
 * 8-11 (int16, uint16, uint32, uint64) are what later MXNet writes, and are read here too.
 *
 * Conversions: float16 and bfloat16 widen exactly to float32; uint8, int8, bool, int16 and
 * uint16 widen exactly to int32; int64, uint32 and uint64 narrow to int32 with a range check.
 */
export const TYPE_FLAGS: readonly TypeFlagInfo[] = [
  { flag: 0, name: 'float32', bytes: 4, target: 'float32' },
  { flag: 1, name: 'float64', bytes: 8, target: 'float64' },
  { flag: 2, name: 'float16', bytes: 2, target: 'float32' },
  { flag: 3, name: 'uint8', bytes: 1, target: 'int32' },
  { flag: 4, name: 'int32', bytes: 4, target: 'int32' },
  { flag: 5, name: 'int8', bytes: 1, target: 'int32' },
  { flag: 6, name: 'int64', bytes: 8, target: 'int32' },
  { flag: 7, name: 'bool', bytes: 1, target: 'int32' },
  { flag: 8, name: 'int16', bytes: 2, target: 'int32' },
  { flag: 9, name: 'uint16', bytes: 2, target: 'int32' },
  { flag: 10, name: 'uint32', bytes: 4, target: 'int32' },
  { flag: 11, name: 'uint64', bytes: 8, target: 'int32' },
  { flag: 12, name: 'bfloat16', bytes: 2, target: 'float32' },
];

/** The flag's entry, or undefined for a number mshadow does not define. */
export function typeFlagInfo(flag: number): TypeFlagInfo | undefined {
  return Number.isInteger(flag) && flag >= 0 ? TYPE_FLAGS[flag] : undefined;
}

/** The flag MXNet writes for an MXTS dtype: float32 0, float64 1, int32 4. */
export function typeFlagOf(dtype: DType): number {
  return dtype === 'float32' ? 0 : dtype === 'float64' ? 1 : 4;
}
