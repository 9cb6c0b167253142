import type { FloatDtype } from './print-dtype.js';

/**
 * A finite float written as decimal digits: `(negative ? -1 : 1) * d.ddd × 10^exponent`, the
 * digit buffer and `pOutExponent` that numpy's C `Dragon4()` produces.
 *
 * @example
 * const d: DecimalDigits = { negative: false, digits: '37182817', exponent: 0 }; // 3.7182817
 */
export interface DecimalDigits {
  readonly negative: boolean;
  /** The digits, the first one non-zero, except `'0'` for zero (and for a value rounded to 0). */
  readonly digits: string;
  /** The power of ten of the first digit. */
  readonly exponent: number;
}

/**
 * The cutoff arguments of numpy's C `Dragon4()` in "unique" digit mode (`cutoff_mode`,
 * `cutoff_max`, `cutoff_min`). A negative or missing count means "no limit".
 *
 * @example
 * const eightDecimals: Dragon4Options = { cutoffMode: 'fraction', cutoffMax: 8 };
 */
export interface Dragon4Options {
  /** What `cutoffMax`/`cutoffMin` count: significant digits (`'total'`) or digits after the point. */
  readonly cutoffMode?: 'total' | 'fraction';
  /** Stop after this many digits, rounding the exact value half-to-even. */
  readonly cutoffMax?: number;
  /** Print at least this many digits, even past the shortest unique ones. */
  readonly cutoffMin?: number;
}

/**
 * The `trim` argument of `numpy.format_float_positional` / `format_float_scientific`:
 * `'k'` keeps trailing zeros, `'.'` trims them but keeps the point, `'0'` trims them but keeps
 * one zero after the point, `'-'` trims the zeros and the point.
 *
 * @example
 * formatFloatPositional(1, { trim: '0' }); // '1.0'
 * formatFloatPositional(1, { trim: '-' }); // '1'
 */
export type TrimMode = 'k' | '.' | '0' | '-';

/**
 * The keyword arguments of `numpy.format_float_positional` (`pad_left` → `padLeft`, …), plus
 * the value's `dtype` (default `'float32'`). Missing numbers mean numpy's `None`.
 *
 * @example
 * const arrayElement: PositionalOptions = { precision: 8, trim: '.', padLeft: 1, padRight: 8 };
 */
export interface PositionalOptions {
  readonly dtype?: FloatDtype;
  readonly precision?: number;
  readonly fractional?: boolean;
  readonly trim?: TrimMode;
  readonly sign?: boolean;
  readonly padLeft?: number;
  readonly padRight?: number;
  readonly minDigits?: number;
}

/**
 * The keyword arguments of `numpy.format_float_scientific` (`exp_digits` → `expDigits`, …),
 * plus the value's `dtype` (default `'float32'`). Missing numbers mean numpy's `None`.
 *
 * @example
 * const arrayElement: ScientificOptions = { precision: 4, minDigits: 4, trim: 'k', expDigits: 2 };
 */
export interface ScientificOptions {
  readonly dtype?: FloatDtype;
  readonly precision?: number;
  readonly trim?: TrimMode;
  readonly sign?: boolean;
  readonly padLeft?: number;
  readonly expDigits?: number;
  readonly minDigits?: number;
}

interface Decomposed {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly exponent: number;
  /** At an exact power of two the gap below is half the gap above. */
  readonly unequalMargins: boolean;
}

const bitView = new DataView(new ArrayBuffer(8));

function decompose(x: number, dtype: FloatDtype): Decomposed {
  if (dtype === 'float32') {
    // setFloat32 rounds to float32 exactly like Math.fround, so any number is accepted.
    bitView.setFloat32(0, x);
    const bits = bitView.getUint32(0);
    const negative = bits >>> 31 === 1;
    const biased = (bits >>> 23) & 0xff;
    const fraction = bits & 0x7fffff;
    if (biased === 0) {
      return { negative, mantissa: BigInt(fraction), exponent: -149, unequalMargins: false };
    }
    return {
      negative,
      mantissa: BigInt(fraction | 0x800000),
      exponent: biased - 150,
      // numpy's test: the smallest normal has the subnormal spacing below it, so equal margins.
      unequalMargins: biased !== 1 && fraction === 0,
    };
  }
  bitView.setFloat64(0, x);
  const hi = bitView.getUint32(0);
  const lo = bitView.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) {
    return { negative, mantissa: fraction, exponent: -1074, unequalMargins: false };
  }
  return {
    negative,
    mantissa: fraction | (1n << 52n),
    exponent: biased - 1075,
    unequalMargins: biased !== 1 && fraction === 0n,
  };
}

const pow10Cache: bigint[] = [1n];

function pow10(n: number): bigint {
  for (let i = pow10Cache.length; i <= n; i++) pow10Cache.push(pow10Cache[i - 1] * 10n);
  return pow10Cache[n];
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The decimal digits numpy's Dragon4 (`numpy/core/src/multiarray/dragon4.c`) prints for a
 * float, in "unique" digit mode: the shortest digits that read back as the same float, optionally
 * cut off (rounding the exact binary value half-to-even) or extended to a minimum count.
 *
 * Exact BigInt arithmetic throughout, because the rounding decisions are made on the exact
 * binary value, which a double-based `toFixed` cannot see.
 *
 * @example
 * dragon4(0.1, 'float32'); // { negative: false, digits: '1', exponent: -1 }
 * dragon4(1 / 512, 'float32', { cutoffMode: 'fraction', cutoffMax: 8 });
 * // { negative: false, digits: '195312', exponent: -3 }: 0.001953125 rounds to even
 */
export function dragon4(x: number, dtype: FloatDtype, options: Dragon4Options = {}): DecimalDigits {
  // A double beyond the float32 range becomes an infinity, which has no digits.
  if (!Number.isFinite(dtype === 'float32' ? Math.fround(x) : x)) {
    throw new RangeError(`dragon4 needs a finite ${dtype} value, got ${x}`);
  }
  const { negative, mantissa, exponent, unequalMargins } = decompose(x, dtype);
  if (mantissa === 0n) return { negative, digits: '0', exponent: 0 };
  const fraction = options.cutoffMode === 'fraction';
  const cutoffMax = options.cutoffMax ?? -1;
  const cutoffMin = options.cutoffMin ?? -1;

  // value = num / den; the margins (half the gaps to the neighbouring floats) are
  // marginLow / den and marginHigh / den. The factor 4 keeps the quarter-gap margin integral.
  const shift = BigInt(Math.max(exponent, 0));
  let num = (mantissa * 4n) << shift;
  let marginHigh = 2n << shift;
  let marginLow = (unequalMargins ? 1n : 2n) << shift;
  let den = 4n << BigInt(Math.max(-exponent, 0));

  // floor(log10(value)); the float estimate can be off by one next to a power of ten.
  const cmpPow10 = (k: number) =>
    k >= 0 ? compare(num, den * pow10(k)) : compare(num * pow10(-k), den);
  let first = Math.floor(Math.log10(Math.abs(dtype === 'float32' ? Math.fround(x) : x)));
  while (cmpPow10(first + 1) >= 0) first++;
  while (cmpPow10(first) < 0) first--;
  // numpy never starts printing right of the fractional cutoff; the leading digit may be a 0.
  if (fraction && cutoffMax >= 0 && first < -cutoffMax) first = -cutoffMax;

  const digitExponent = first + 1;
  let maxPosition = Number.NEGATIVE_INFINITY;
  if (cutoffMax >= 0) maxPosition = fraction ? -cutoffMax : digitExponent - cutoffMax;
  let minPosition = digitExponent;
  if (cutoffMin >= 0) {
    minPosition = Math.min(digitExponent, fraction ? -cutoffMin : digitExponent - cutoffMin);
  }

  if (first >= 0) {
    den *= pow10(first);
  } else {
    const scale = pow10(-first);
    num *= scale;
    marginLow *= scale;
    marginHigh *= scale;
  }

  // IEEE round-half-even reading: a decimal exactly halfway to a neighbour still reads back as
  // this float when its mantissa is even, so the interval ends count as inside.
  const isEven = (mantissa & 1n) === 0n;
  const out: number[] = [];
  let position = digitExponent;
  let digit = 0;
  let low = false;
  let high = false;
  for (;;) {
    position--;
    digit = Number(num / den);
    num %= den;
    const lowCmp = compare(num, marginLow);
    low = isEven ? lowCmp <= 0 : lowCmp < 0;
    const highCmp = compare(num + marginHigh, den);
    high = isEven ? highCmp >= 0 : highCmp > 0;
    if (((low || high) && position <= minPosition) || position <= maxPosition) break;
    out.push(digit);
    num *= 10n;
    marginLow *= 10n;
    marginHigh *= 10n;
  }

  // Only one direction stays inside the interval unless both or neither do; then nearest wins,
  // ties to the even digit.
  let roundDown = low;
  if (low === high) {
    const c = compare(num * 2n, den);
    roundDown = c < 0 || (c === 0 && digit % 2 === 0);
  }
  let firstExponent = first;
  if (roundDown) {
    out.push(digit);
  } else if (digit === 9) {
    while (out.length > 0 && out[out.length - 1] === 9) out.pop();
    if (out.length === 0) {
      out.push(1);
      firstExponent++;
    } else {
      out[out.length - 1]++;
    }
  } else {
    out.push(digit + 1);
  }
  return { negative, digits: out.join(''), exponent: firstExponent };
}

/**
 * The shortest decimal digits that read back as the same float (Dragon4 "unique" mode, as
 * numpy's `np.format_float_positional(x, unique=True)` picks them): the same digits as
 * `repr(np.float32(x))`.
 *
 * @example
 * shortestDigits(0.1, 'float32'); // { negative: false, digits: '1', exponent: -1 }
 * shortestDigits(0.1, 'float64'); // { negative: false, digits: '1', exponent: -1 }
 */
export function shortestDigits(x: number, dtype: FloatDtype = 'float32'): DecimalDigits {
  return dragon4(x, dtype);
}

function jsNumberText(d: DecimalDigits): string {
  const sign = d.negative ? '-' : '';
  if (d.digits === '0') return `${sign}0`;
  const k = d.digits.length;
  const n = d.exponent + 1;
  // The same layout rules as ECMAScript Number::toString, so parsing with Number() is direct.
  if (k <= n && n <= 21) return sign + d.digits + '0'.repeat(n - k);
  if (0 < n && n <= 21) return `${sign}${d.digits.slice(0, n)}.${d.digits.slice(n)}`;
  if (-6 < n && n <= 0) return `${sign}0.${'0'.repeat(-n)}${d.digits}`;
  const e = n - 1;
  const mantissa = k === 1 ? d.digits : `${d.digits[0]}.${d.digits.slice(1)}`;
  return `${sign}${mantissa}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

function nonFiniteJsText(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/**
 * The shortest decimal text that reads back (through `Math.fround(Number(s))`) as the float32
 * nearest `x`, laid out like JavaScript's `Number.prototype.toString`. Its digits are those of
 * numpy's `repr(np.float32(x))`; `-0` keeps its sign so that it round-trips.
 *
 * @example
 * float32Repr(0.1); // '0.1' (the float32 0.100000001490116…)
 * float32Repr(Math.exp(1) + 1); // '3.7182817'
 * float32Repr(1e-7); // '1e-7'
 */
export function float32Repr(x: number): string {
  const v = Math.fround(x);
  if (!Number.isFinite(v)) return nonFiniteJsText(v);
  return jsNumberText(dragon4(v, 'float32'));
}

/**
 * The float64 counterpart of {@link float32Repr}: the shortest round-trip decimal of a double,
 * i.e. Python's `repr(float)` digits, laid out like `Number.prototype.toString` (which it equals
 * except that `-0` gives `'-0'`).
 *
 * @example
 * float64Repr(0.1); // '0.1'
 * float64Repr(1 / 3); // '0.3333333333333333'
 */
export function float64Repr(x: number): string {
  if (!Number.isFinite(x)) return nonFiniteJsText(x);
  return jsNumberText(dragon4(x, 'float64'));
}

function nonFiniteText(negative: boolean, isNan: boolean, sign: boolean): string {
  // numpy never signs a nan, only an inf.
  if (isNan) return 'nan';
  return `${negative ? '-' : sign ? '+' : ''}inf`;
}

/**
 * numpy's `np.format_float_positional(x, unique=True, ...)` (digit mode "unique" only), including
 * the `pad_left`/`pad_right`/`min_digits` used inside array printing.
 *
 * @example
 * formatFloatPositional(1 / 512, { precision: 8, trim: '.' }); // '0.00195312'
 * formatFloatPositional(0.5, { trim: '0' }); // '0.5'
 * formatFloatPositional(2, { trim: '.', padLeft: 3, padRight: 2 }); // '  2.  '
 */
export function formatFloatPositional(x: number, options: PositionalOptions = {}): string {
  const dtype = options.dtype ?? 'float32';
  const trim = options.trim ?? 'k';
  const precision = options.precision ?? -1;
  const minDigits = options.minDigits ?? -1;
  const padLeft = options.padLeft ?? -1;
  const padRight = options.padRight ?? -1;
  const fractional = options.fractional ?? true;
  const value = dtype === 'float32' ? Math.fround(x) : x;
  if (!Number.isFinite(value)) {
    return nonFiniteText(value < 0, Number.isNaN(value), options.sign === true);
  }
  const d = dragon4(value, dtype, {
    cutoffMode: fractional ? 'fraction' : 'total',
    cutoffMax: precision,
    cutoffMin: minDigits,
  });
  const signText = d.negative ? '-' : options.sign ? '+' : '';

  let whole: string;
  let frac: string;
  if (d.exponent >= 0) {
    const wholeDigits = d.exponent + 1;
    whole = d.digits.slice(0, wholeDigits).padEnd(wholeDigits, '0');
    frac = d.digits.slice(wholeDigits);
  } else {
    whole = '0';
    frac = '0'.repeat(-(d.exponent + 1)) + d.digits;
  }

  let body = frac.length > 0 ? `${whole}.${frac}` : whole;
  let fracCount = frac.length;
  if (trim !== '-' && fracCount === 0) body += '.';
  const addDigits = Math.max(minDigits, 0);
  const desired = fractional ? addDigits : minDigits - whole.length;
  if (trim === '0') {
    if (fracCount === 0) {
      body += '0';
      fracCount = 1;
    }
  } else if (trim === 'k' && desired > fracCount) {
    body += '0'.repeat(desired - fracCount);
    fracCount = desired;
  }
  if (trim !== 'k' && fracCount > 0) {
    while (body.endsWith('0')) {
      body = body.slice(0, -1);
      fracCount--;
    }
    if (body.endsWith('.')) {
      if (trim === '0') {
        body += '0';
        fracCount = 1;
      } else if (trim === '-') {
        body = body.slice(0, -1);
      }
    }
  }
  if (padRight >= fracCount) {
    // A trimmed point still takes its column, so that padded columns line up.
    if (trim === '-' && fracCount === 0) body += ' ';
    body += ' '.repeat(padRight - fracCount);
  }
  const text = signText + body;
  const leftUsed = whole.length + signText.length;
  return padLeft > leftUsed ? ' '.repeat(padLeft - leftUsed) + text : text;
}

/**
 * numpy's `np.format_float_scientific(x, unique=True, ...)` (digit mode "unique" only),
 * including the `pad_left`/`exp_digits`/`min_digits` used inside array printing.
 *
 * @example
 * formatFloatScientific(1e-5, { trim: '-' }); // '1e-05'
 * formatFloatScientific(123456789, { trim: '.' }); // '1.2345679e+08'
 * formatFloatScientific(1, { trim: 'k', minDigits: 6 }); // '1.000000e+00'
 */
export function formatFloatScientific(x: number, options: ScientificOptions = {}): string {
  const dtype = options.dtype ?? 'float32';
  const trim = options.trim ?? 'k';
  const precision = options.precision ?? -1;
  const minDigits = options.minDigits ?? -1;
  const padLeft = options.padLeft ?? -1;
  const value = dtype === 'float32' ? Math.fround(x) : x;
  if (!Number.isFinite(value)) {
    return nonFiniteText(value < 0, Number.isNaN(value), options.sign === true);
  }
  const d = dragon4(value, dtype, {
    cutoffMode: 'total',
    cutoffMax: precision < 0 ? -1 : precision + 1,
    cutoffMin: minDigits < 0 ? -1 : minDigits + 1,
  });
  const signText = d.negative ? '-' : options.sign ? '+' : '';
  const leftChars = 1 + signText.length;
  let text = (padLeft > leftChars ? ' '.repeat(padLeft - leftChars) : '') + signText;

  let fracCount = d.digits.length - 1;
  let mantissa = fracCount > 0 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  if (trim !== '-' && fracCount === 0) mantissa += '.';
  const addDigits = Math.max(minDigits, 0);
  if (trim === '0') {
    if (fracCount === 0) {
      mantissa += '0';
      fracCount = 1;
    }
  } else if (trim === 'k' && addDigits > fracCount) {
    mantissa += '0'.repeat(addDigits - fracCount);
    fracCount = addDigits;
  }
  if (trim !== 'k' && fracCount > 0) {
    while (mantissa.endsWith('0')) {
      mantissa = mantissa.slice(0, -1);
      fracCount--;
    }
    if (trim === '0' && mantissa.endsWith('.')) mantissa += '0';
  }
  text += mantissa;

  const requested = options.expDigits ?? -1;
  const expDigits = requested < 0 ? 2 : Math.min(requested, 5);
  const magnitude = Math.abs(d.exponent);
  // numpy strips leading exponent zeros down to exp_digits, which may leave no digit at all.
  const expText =
    magnitude === 0 && expDigits === 0 ? '' : String(magnitude).padStart(expDigits, '0');
  return `${text}e${d.exponent < 0 ? '-' : '+'}${expText}`;
}
