import { floatingFormat } from './floating-format.js';
import { isFloatDtype, type PrintDtype } from './print-dtype.js';

/**
 * One array element as plain data, standing for the numpy scalar `arr[i]`: a number, a bigint
 * for 64-bit integers beyond 2^53, or a boolean for a bool array.
 *
 * @example
 * const values: ElementValue[] = [1, 2n ** 62n];
 */
export type ElementValue = number | bigint | boolean;

function integerText(v: ElementValue): string {
  // Through BigInt so that large int64 values print as digits, never as '1e+21'.
  return (typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)))).toString();
}

/**
 * The per-array element formatter numpy picks in `numpy.core.arrayprint._get_format_function`:
 * `FloatingFormat` for floats, `IntegerFormat` (right-aligned to the widest of min and max) for
 * integers, `BoolFormat` (`' True'`/`'False'`, so both are 5 wide) for booleans.
 *
 * `values` are the elements that will be shown; `zeroDim` is true for a 0-d array, where
 * `BoolFormat` drops the alignment space.
 *
 * @example
 * elementFormatter([1, 2, 30], 'int64')(1); // ' 1'
 * elementFormatter([1, 0], 'bool')(1); // ' True'
 */
export function elementFormatter(
  values: readonly ElementValue[],
  dtype: PrintDtype,
  zeroDim = false,
): (x: ElementValue) => string {
  if (isFloatDtype(dtype)) {
    const fmt = floatingFormat(
      values.map((v) => Number(v)),
      dtype,
    );
    return (x) => fmt(Number(x));
  }
  if (dtype === 'bool') {
    const trueText = zeroDim ? 'True' : ' True';
    return (x) => (x ? trueText : 'False');
  }
  let width = 0;
  if (values.length > 0) {
    let max = values[0];
    let min = values[0];
    for (const v of values) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    width = Math.max(integerText(max).length, integerText(min).length);
  }
  return (x) => integerText(x).padStart(width, ' ');
}
