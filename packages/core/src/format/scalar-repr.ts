import type { ElementValue } from './element-formatter.js';
import { formatFloatPositional, formatFloatScientific } from './float32-repr.js';
import { isFloatDtype, type PrintDtype } from './print-dtype.js';

/**
 * numpy 1.x `repr()` of a numpy scalar (`np.float32`, `np.float64`, `np.int32`, …, `np.bool_`),
 * which in numpy 1.x is also its `str()`. Floats use the shortest round-trip digits of their own
 * precision: positional with at least one fractional digit when `1e-4 <= |x| < 1e16` (the
 * float32 value widened to double), else scientific without a trailing `.0`. This is also
 * Python's `repr(float)` for `'float64'`.
 *
 * @example
 * scalarRepr(Math.fround(0.2), 'float32'); // '0.2'
 * scalarRepr(2048, 'float32'); // '2048.0'
 * scalarRepr(Math.fround(1e-5), 'float32'); // '1e-05'
 * scalarRepr(Math.fround(0.0001), 'float32'); // '1e-04' (9.99999974737875e-05 < 1e-4)
 * scalarRepr(7, 'int32'); // '7'
 * scalarRepr(1, 'bool'); // 'True'
 */
export function scalarRepr(value: ElementValue, dtype: PrintDtype): string {
  if (dtype === 'bool') return value ? 'True' : 'False';
  if (!isFloatDtype(dtype)) {
    const v = typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
    return v.toString();
  }
  const x = dtype === 'float32' ? Math.fround(Number(value)) : Number(value);
  if (Number.isNaN(x)) return 'nan';
  const abs = Math.abs(x);
  if (x === 0 || (abs >= 1e-4 && abs < 1e16)) {
    return formatFloatPositional(x, { dtype, trim: '0' });
  }
  // inf takes this branch too and comes out as 'inf' / '-inf'.
  return formatFloatScientific(x, { dtype, trim: '-' });
}

/**
 * numpy 1.x `str()` of a numpy scalar: identical to {@link scalarRepr} (numpy 2 changed only
 * `repr`, to `np.float32(0.2)`).
 *
 * @example
 * scalarStr(Math.fround(3.7182817), 'float32'); // '3.7182817'
 */
export const scalarStr: (value: ElementValue, dtype: PrintDtype) => string = scalarRepr;
