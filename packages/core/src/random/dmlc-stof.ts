/**
 * dmlc-core's locale-independent float parser (`include/dmlc/strtonum.h` at `5df8305f`, the
 * submodule commit of MXNet 1.9.1), as used for every `float` field of an operator's
 * parameter struct. It is not correctly rounded, which is why parameters must be parsed
 * this way rather than with `Math.fround(Number(text))`.
 */

const fround = Math.fround;

/** `static_cast<float>(3.402823466)`: largest significand accepted with exponent +38. */
const MAX_SIGNIFICAND_FOR_MAX_EXPONENT = Math.fround(3.402823466);
/** `static_cast<float>(1.175494351)`: smallest significand accepted with exponent -38. */
const MAX_SIGNIFICAND_FOR_NEG_MAX_EXPONENT = Math.fround(1.175494351);
/** `kMaxExponent` for float. */
const MAX_EXPONENT = 38;
/** `kStrtofMaxDigits`: fractional digits beyond this are ignored. */
const MAX_FRACTION_DIGITS = 19;

const TWO_POW_53 = 2n ** 53n;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12;
}

function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * `static_cast<float>(uint64_t)`: one round-to-nearest-even step. Going through a double
 * first would round twice and can be off by one ulp above 2^53.
 */
function uint64ToFloat32(v: bigint): number {
  if (v < TWO_POW_53) return fround(Number(v));
  const shift = v.toString(2).length - 24;
  const big = BigInt(shift);
  let q = v >> big;
  const rem = v & ((1n << big) - 1n);
  const half = 1n << (big - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  return fround(Number(q) * 2 ** shift);
}

/**
 * Result of {@link dmlcStrtof}: the float32 value and how many characters were consumed.
 *
 * MXNet equivalent: the return value, `*endptr` and `errno == ERANGE` of `dmlc::strtof_check_range`.
 * @example const { value, end } = dmlcStrtof('1.5x'); // 1.5, 3
 */
export interface DmlcStrtofResult {
  /** The parsed float32 value (Infinity when `rangeError` is set). */
  readonly value: number;
  /** Index one past the last character used (`endptr - nptr`). */
  readonly end: number;
  /** Set when `CheckRange` would have set `errno = ERANGE` (exponent out of range). */
  readonly rangeError: boolean;
}

/**
 * `dmlc::strtof_check_range(text, &endptr)`, i.e. `ParseFloat<float, true>`: optional
 * whitespace and sign, `inf`/`infinity`/`nan[(...)]` (any case), an integer part
 * accumulated in uint64 and converted to float, at most 19 fractional digits added as
 * `float(double(val2) / double(10^k))`, an exponent applied by repeated float
 * multiplications (1e8f, then 10f), and an optional `f` suffix. Stops at the first
 * character it cannot use, like C's `strtof`.
 *
 * MXNet equivalent: `dmlc::strtof_check_range` (dmlc-core `strtonum.h`).
 * @example dmlcStrtof('5.3e-05').value; // 5.3000003e-5 (0x385e4c52); Math.fround gives 0x385e4c51
 */
export function dmlcStrtof(text: string): DmlcStrtofResult {
  let p = 0;
  const at = (i: number): number => (i < text.length ? text.charCodeAt(i) : 0);
  while (isSpace(at(p))) p++;
  let sign = true;
  if (at(p) === 45) {
    sign = false;
    p++;
  } else if (at(p) === 43) {
    p++;
  }

  // `(c | 32)` folds ASCII letters to lower case, as the C code does.
  let i = 0;
  while (i < 8 && (at(p) | 32) === 'infinity'.charCodeAt(i)) {
    i++;
    p++;
  }
  if (i === 3 || i === 8) {
    const inf = sign ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    return { value: inf, end: p, rangeError: false };
  }
  p -= i;
  i = 0;
  while (i < 3 && (at(p) | 32) === 'nan'.charCodeAt(i)) {
    i++;
    p++;
  }
  if (i === 3) {
    if (at(p) === 40) {
      p++;
      while (isDigit(at(p)) || isAlpha(at(p)) || at(p) === 95) p++;
      // dmlc: CHECK_EQ(*p, ')') << "Invalid NAN literal"
      if (at(p) !== 41) throw new Error('Invalid NAN literal');
      p++;
    }
    return { value: Number.NaN, end: p, rangeError: false };
  }
  p -= i;

  let predec = 0n;
  while (isDigit(at(p))) {
    predec = BigInt.asUintN(64, predec * 10n + BigInt(at(p) - 48));
    p++;
  }
  let value = uint64ToFloat32(predec);

  if (at(p) === 46) {
    p++;
    let val2 = 0n;
    let pow10 = 1n;
    let count = 0;
    while (isDigit(at(p))) {
      if (count < MAX_FRACTION_DIGITS) {
        val2 = val2 * 10n + BigInt(at(p) - 48);
        pow10 *= 10n;
      }
      p++;
      count++;
    }
    // Number(bigint) rounds once to double, like static_cast<double>(uint64_t); 10^k <= 10^19
    // is exact in double. The quotient is rounded to float, then added in float.
    value = fround(value + fround(Number(val2) / Number(pow10)));
  }

  if (at(p) === 101 || at(p) === 69) {
    p++;
    let frac = false;
    if (at(p) === 45) {
      frac = true;
      p++;
    } else if (at(p) === 43) {
      p++;
    }
    let expon = 0;
    while (isDigit(at(p))) {
      expon = (expon * 10 + (at(p) - 48)) >>> 0; // `unsigned` arithmetic wraps
      p++;
    }
    if (expon > MAX_EXPONENT) {
      return { value: Number.POSITIVE_INFINITY, end: p, rangeError: true };
    }
    if (
      expon === MAX_EXPONENT &&
      ((!frac && value > MAX_SIGNIFICAND_FOR_MAX_EXPONENT) ||
        (frac && value < MAX_SIGNIFICAND_FOR_NEG_MAX_EXPONENT))
    ) {
      return { value: Number.POSITIVE_INFINITY, end: p, rangeError: true };
    }
    let scale = 1;
    while (expon >= 8) {
      scale = fround(scale * 1e8);
      expon -= 8;
    }
    while (expon > 0) {
      scale = fround(scale * 10);
      expon -= 1;
    }
    value = frac ? fround(value / scale) : fround(value * scale);
  }
  if (at(p) === 102 || at(p) === 70) p++;
  return { value: sign ? value : -value, end: p, rangeError: false };
}

/**
 * Parses an operator's float parameter the way MXNet does: `dmlc::stof` (range-checked
 * {@link dmlcStrtof}) followed by `FieldEntry<float>::Set`'s checks. Throws `RangeError`
 * with dmlc's `ParamError` text for out-of-range exponents (e.g. `'1e-39'`, which dmlc
 * rejects rather than flushing to zero), and `SyntaxError` for text with nothing to parse
 * or with trailing characters.
 *
 * MXNet equivalent: `dmlc::parameter::FieldEntry<float>::Set` (dmlc-core `parameter.h`).
 * @example dmlcStof('0.07'); // 0.07000000029802322 (float32)
 */
export function dmlcStof(text: string, key = 'value'): number {
  const { value, end, rangeError } = dmlcStrtof(text);
  if (rangeError) {
    throw new RangeError(`Out of range value for ${key}, value='${text}'`);
  }
  if (end === 0) {
    throw new SyntaxError(`Invalid Parameter format for ${key} expect float but value='${text}'`);
  }
  if (end < text.length) {
    throw new SyntaxError(`Some trailing characters could not be parsed: '${text.slice(end)}'`);
  }
  return value;
}
