import { formatFloatPositional, formatFloatScientific } from './float32-repr.js';
import type { FloatDtype } from './print-dtype.js';

/** numpy's default `precision` print option: at most 8 digits after the point. */
const PRECISION = 8;

/** The smallest magnitude numpy 1.x prints positionally inside an array. */
const MIN_POSITIONAL = 0.0001;

/** numpy 1.x switches to scientific notation at 1e8 for every float type. */
const MAX_POSITIONAL = 1e8;

function longest(texts: readonly string[]): number {
  let n = 0;
  for (const t of texts) if (t.length > n) n = t.length;
  return n;
}

/**
 * The per-array float formatter numpy builds in `numpy.core.arrayprint.FloatingFormat`
 * (default options: `floatmode='maxprec'`, `precision=8`, `suppress=False`, `sign='-'`),
 * as numpy 1.14–1.26 does it. It returns a function that formats one element so that every
 * element of the array gets the same width.
 *
 * `values` are the elements that will be shown (the edge items of a summarized array).
 *
 * @example
 * const fmt = floatingFormat([0.0097627, 0.01856892, 0.04303787].map(Math.fround), 'float32');
 * fmt(Math.fround(0.0097627)); // '0.0097627 '
 * floatingFormat([1e8, 1], 'float32')(1); // '1.e+00'
 */
export function floatingFormat(
  values: ArrayLike<number>,
  dtype: FloatDtype,
): (x: number) => string {
  const all = Array.from(values, (v) => (dtype === 'float32' ? Math.fround(v) : v));
  const finite = all.filter((v) => Number.isFinite(v));

  let expFormat = false;
  const absNonZero = finite.filter((v) => v !== 0).map((v) => Math.abs(v));
  if (absNonZero.length > 0) {
    let max = absNonZero[0];
    let min = absNonZero[0];
    for (const v of absNonZero) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    // numpy 1.x compares the float32 values widened to double, but divides in float32.
    const ratio = dtype === 'float32' ? Math.fround(max / min) : max / min;
    expFormat = max >= MAX_POSITIONAL || min < MIN_POSITIONAL || ratio > 1000;
  }

  let padLeft = 0;
  let padRight = 0;
  let precision = PRECISION;
  let expSize = -1;
  if (finite.length > 0 && expFormat) {
    const parts = finite.map((v) => {
      const s = formatFloatScientific(v, { dtype, precision: PRECISION, trim: '.' });
      const e = s.indexOf('e');
      const [intPart, fracPart = ''] = s.slice(0, e).split('.');
      return { intPart, fracPart, expPart: s.slice(e + 1) };
    });
    expSize = longest(parts.map((p) => p.expPart)) - 1;
    precision = longest(parts.map((p) => p.fracPart));
    padLeft = longest(parts.map((p) => p.intPart));
    // Only needed to size nan/inf, which take the whole width of a number.
    padRight = expSize + 2 + precision;
  } else if (finite.length > 0) {
    const parts = finite.map((v) => {
      const [intPart, fracPart = ''] = formatFloatPositional(v, {
        dtype,
        precision: PRECISION,
        trim: '.',
      }).split('.');
      return { intPart, fracPart };
    });
    padLeft = longest(parts.map((p) => p.intPart));
    padRight = longest(parts.map((p) => p.fracPart));
  }

  if (finite.length !== all.length) {
    const negInf = all.some((v) => v === Number.NEGATIVE_INFINITY) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + negInf - offset);
  }

  const width = padLeft + padRight + 1;
  return (x: number): string => {
    const v = dtype === 'float32' ? Math.fround(x) : x;
    if (!Number.isFinite(v)) {
      const text = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
      return text.padStart(width, ' ');
    }
    if (expFormat) {
      return formatFloatScientific(v, {
        dtype,
        precision,
        minDigits: precision,
        trim: 'k',
        padLeft,
        expDigits: expSize,
      });
    }
    return formatFloatPositional(v, {
      dtype,
      precision: PRECISION,
      minDigits: 0,
      trim: '.',
      padLeft,
      padRight,
    });
  };
}
