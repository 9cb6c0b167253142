/**
 * The element types numpy prints for MXNet arrays: the dtype names of `numpy.dtype.name`.
 *
 * @example
 * const dtype: PrintDtype = 'float32';
 */
export type PrintDtype = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool';

/**
 * The binary float formats numpy's Dragon4 (`np.format_float_positional`) can decode here:
 * IEEE binary32 (`np.float32`) and binary64 (`np.float64`, Python `float`).
 *
 * @example
 * const dtype: FloatDtype = 'float64';
 */
export type FloatDtype = 'float32' | 'float64';

/**
 * Whether `dtype` is a floating-point type, so that numpy formats it with `FloatingFormat`.
 *
 * Mirrors `issubclass(dtype.type, numpy.floating)`.
 *
 * @example
 * isFloatDtype('float32'); // true
 * isFloatDtype('int32'); // false
 */
export function isFloatDtype(dtype: PrintDtype): dtype is FloatDtype {
  return dtype === 'float32' || dtype === 'float64';
}

/**
 * Whether `repr` leaves the dtype out, mirroring `numpy.core.arrayprint.dtype_is_implied`.
 *
 * On Linux `int_` is int64, so `float64`, `int64` and `bool` are the dtypes a reader would
 * infer from the printed values alone.
 *
 * @example
 * isImpliedDtype('float64'); // true: array([1.5])
 * isImpliedDtype('float32'); // false: array([1.5], dtype=float32)
 */
export function isImpliedDtype(dtype: PrintDtype): boolean {
  return dtype === 'float64' || dtype === 'int64' || dtype === 'bool';
}
