/**
 * The float32 value an MXNet operator actually receives for a Python scalar parameter.
 */

import { dmlcStof } from './dmlc-stof.js';
import { pythonStr } from './python-float-repr.js';

/**
 * A Python scalar as MXNet's op wrapper sees it: a `number` stands for a Python `float`,
 * a `bigint` for a Python `int` (they print differently, see {@link pythonStr}).
 *
 * MXNet equivalent: a Python scalar keyword argument of an operator (`low=`, `scale=`, `p=`).
 * @example const scale: FloatParamValue = 0.07;
 */
export type FloatParamValue = number | bigint;

/**
 * Converts a scalar operator parameter to the float32 MXNet's C++ side uses: Python's
 * `str(x)` (a `number` is a Python float, a `bigint` a Python int), then dmlc's parser.
 * For plain decimals with |x| < 1 this equals `Math.fround(x)`; for larger values with a
 * fraction, or values printed with an exponent, it is often 1 ulp away.
 * Throws what {@link dmlcStof} throws (e.g. `RangeError` for |x| < 1e-38 written as `1e-39`).
 *
 * MXNet equivalent: `str(value)` in the ctypes op wrapper followed by
 * `FieldEntry<float>::Set` (`dmlc::stof`), e.g. for `low`, `high`, `loc`, `scale`, `p`.
 * @example parseFloatParam(1.0954451150103321); // 1.0954452 (float32 0x3f8c378c)
 */
export function parseFloatParam(x: FloatParamValue, key = 'value'): number {
  return dmlcStof(pythonStr(x), key);
}
