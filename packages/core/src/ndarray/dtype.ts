import { DTypeError } from '../errors/dtype-error.js';

/**
 * Element types. float32 is the default, as in MXNet; float64 exists only where a backend
 * declares it in its capabilities.
 */
export type DType = 'float32' | 'float64' | 'int32';

/** The host-side typed array that holds values of each dtype. */
export type HostArray = Float32Array | Float64Array | Int32Array;

/** All dtypes MXTS knows. */
export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32'];

/** Bytes per element of a dtype. */
export function dtypeBytes(dtype: DType): number {
  return dtype === 'float64' ? 8 : 4;
}

/** Allocates a zeroed host array for `n` elements of `dtype`. */
export function hostArray(dtype: DType, n: number): HostArray {
  if (dtype === 'float32') return new Float32Array(n);
  if (dtype === 'float64') return new Float64Array(n);
  if (dtype === 'int32') return new Int32Array(n);
  throw new DTypeError(
    'hostArray',
    `unknown dtype '${String(dtype)}'; use one of ${DTYPES.join(', ')}`,
  );
}

/** Copies `values` into a new host array of `dtype` (int32 truncates toward zero). */
export function toHostArray(values: ArrayLike<number>, dtype: DType): HostArray {
  const out = hostArray(dtype, values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

/** Throws a typed error when `dtype` is not a known dtype name. */
export function checkDType(op: string, dtype: string): DType {
  if ((DTYPES as readonly string[]).includes(dtype)) return dtype as DType;
  throw new DTypeError(op, `unknown dtype '${dtype}'; use one of ${DTYPES.join(', ')}`);
}
