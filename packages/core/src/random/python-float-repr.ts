/**
 * Python's `repr(float)` / `str(float)` text for a JS number. MXNet's Python layer sends
 * every operator parameter to C++ as `str(value)`, and that text, not the number, is what
 * dmlc parses, so reproducing it exactly matters for bit-exact parameters.
 */

/**
 * Formats `x` as Python 3's `repr(x)` for a `float` (also numpy.float64's `str`): shortest
 * round-trip digits, scientific notation when the decimal exponent is < -4 or >= 16 with a
 * signed exponent of at least two digits, and a trailing `.0` on integral values.
 *
 * MXNet equivalent: `str(value)` in `python/mxnet/_ctypes/ndarray.py` (`c_str_array`).
 * @example pythonFloatRepr(5.3e-5); // '5.3e-05'
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  // ECMAScript's Number::toString picks the same digits as Python's repr (shortest string
  // that round-trips, nearest to x on ties); only the layout differs, so re-lay it out.
  const text = String(Math.abs(x));
  const ePos = text.indexOf('e');
  const mantissa = ePos < 0 ? text : text.slice(0, ePos);
  const exp10 = ePos < 0 ? 0 : Number(text.slice(ePos + 1));
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fracPart = dot < 0 ? '' : mantissa.slice(dot + 1);
  let digits = intPart + fracPart;
  // decpt: value = 0.DIGITS * 10^decpt, as in CPython's format_float_short.
  let decpt = intPart.length + exp10;
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  decpt -= lead;
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const mant = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const eAbs = String(Math.abs(e)).padStart(2, '0');
    return `${sign}${mant}e${e < 0 ? '-' : '+'}${eAbs}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/**
 * Python's `str(value)` for an operator parameter: a `number` is treated as a Python
 * `float` (see {@link pythonFloatRepr}); a `bigint` stands for a Python `int` and prints
 * its decimal digits. The two differ only in layout (`'3'` vs `'3.0'`, digits vs `1e+16`).
 *
 * MXNet equivalent: `str(s)` applied to each keyword argument before `MXImperativeInvoke`.
 * @example pythonStr(3n); // '3'
 */
export function pythonStr(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : pythonFloatRepr(value);
}
