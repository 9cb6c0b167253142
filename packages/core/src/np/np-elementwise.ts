import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import * as nd from '../ops/index.js';
import { asNpInPlace, type NpArray, type NpOperand } from './np-array.js';
import { full } from './np-creation.js';
import { castTo, floatType, promoteTypes, resultType } from './np-dtype.js';

type Binary = (a: nd.Operand, b: nd.Operand) => NDArray;

/** `a ∘ b` with NumPy broadcasting and MXNet's np dtype promotion. */
function binary(op: string, fn: Binary, a: NpOperand, b: NpOperand, float = false): NpArray {
  const t = resultType(op, a, b);
  const dtype = float ? floatType(t) : t;
  return asNpInPlace(disposeCreated(() => fn(castTo(a, dtype), castTo(b, dtype))));
}

/** `f(x)`, computing integers in float32 when `float` (exp, log, ...). */
function unary(fn: (x: NDArray) => NDArray, x: NDArray, float = true): NpArray {
  return asNpInPlace(disposeCreated(() => fn(float ? castTo(x, floatType(x.dtype)) : x)));
}

/** MXNet `np.add(x1, x2)`. @example mx.np.add(mx.np.ones([2, 1]), mx.np.arange(3)) // 2x3 */
export const add = (a: NpOperand, b: NpOperand): NpArray => binary('add', nd.add, a, b);
/** MXNet `np.subtract(x1, x2)`. @example mx.np.subtract(x, 1) */
export const subtract = (a: NpOperand, b: NpOperand): NpArray =>
  binary('subtract', nd.subtract, a, b);
/** MXNet `np.multiply(x1, x2)`. @example mx.np.multiply(x, x) */
export const multiply = (a: NpOperand, b: NpOperand): NpArray =>
  binary('multiply', nd.multiply, a, b);
/** MXNet `np.true_divide(x1, x2)` (`/`): integers divide in float32. @example mx.np.trueDivide(x, 2) */
export const trueDivide = (a: NpOperand, b: NpOperand): NpArray =>
  binary('trueDivide', nd.divide, a, b, true);
/** MXNet `np.divide(x1, x2)`, the same as `trueDivide`. @example mx.np.divide(x, 2) */
export const divide = trueDivide;
/** MXNet `np.power(x1, x2)`. @example mx.np.power(x, 2) */
export const power = (a: NpOperand, b: NpOperand): NpArray => binary('power', nd.power, a, b);
/** MXNet `np.maximum(x1, x2)`. @example mx.np.maximum(x, 0) */
export const maximum = (a: NpOperand, b: NpOperand): NpArray => binary('maximum', nd.maximum, a, b);
/** MXNet `np.minimum(x1, x2)`. @example mx.np.minimum(x, 0) */
export const minimum = (a: NpOperand, b: NpOperand): NpArray => binary('minimum', nd.minimum, a, b);
/** MXNet `np.equal(x1, x2)`: 1 where equal, else 0 (in the promoted dtype; MXTS has no bool). @example mx.np.equal(x, y) */
export const equal = (a: NpOperand, b: NpOperand): NpArray => binary('equal', nd.equal, a, b);
/** MXNet `np.not_equal(x1, x2)`. @example mx.np.notEqual(x, y) */
export const notEqual = (a: NpOperand, b: NpOperand): NpArray =>
  binary('notEqual', nd.notEqual, a, b);
/** MXNet `np.greater(x1, x2)`. @example mx.np.greater(x, 0) */
export const greater = (a: NpOperand, b: NpOperand): NpArray => binary('greater', nd.greater, a, b);
/** MXNet `np.greater_equal(x1, x2)`. @example mx.np.greaterEqual(x, 0) */
export const greaterEqual = (a: NpOperand, b: NpOperand): NpArray =>
  binary('greaterEqual', nd.greaterEqual, a, b);
/** MXNet `np.less(x1, x2)`. @example mx.np.less(x, 0) */
export const less = (a: NpOperand, b: NpOperand): NpArray => binary('less', nd.lesser, a, b);
/** MXNet `np.less_equal(x1, x2)`. @example mx.np.lessEqual(x, 0) */
export const lessEqual = (a: NpOperand, b: NpOperand): NpArray =>
  binary('lessEqual', nd.lesserEqual, a, b);

/** MXNet `np.exp(x)`. @example mx.np.exp(x) */
export const exp = (x: NDArray): NpArray => unary(nd.exp, x);
/** MXNet `np.expm1(x)`. @example mx.np.expm1(x) */
export const expm1 = (x: NDArray): NpArray => unary(nd.expm1, x);
/** MXNet `np.log(x)`. @example mx.np.log(x) */
export const log = (x: NDArray): NpArray => unary(nd.log, x);
/** MXNet `np.log1p(x)`. @example mx.np.log1p(x) */
export const log1p = (x: NDArray): NpArray => unary(nd.log1p, x);
/** MXNet `np.sqrt(x)`. @example mx.np.sqrt(x) */
export const sqrt = (x: NDArray): NpArray => unary(nd.sqrt, x);
/** MXNet `np.square(x)`. @example mx.np.square(x) */
export const square = (x: NDArray): NpArray => unary(nd.square, x, false);
/** MXNet `np.abs(x)` (`np.absolute`). @example mx.np.abs(x) */
export const abs = (x: NDArray): NpArray => unary(nd.abs, x, false);
/** MXNet `np.absolute(x)`. @example mx.np.absolute(x) */
export const absolute = abs;
/** MXNet `np.negative(x)`. @example mx.np.negative(x) */
export const negative = (x: NDArray): NpArray => unary(nd.negative, x, false);
/** MXNet `np.sign(x)`. @example mx.np.sign(x) */
export const sign = (x: NDArray): NpArray => unary(nd.sign, x, false);
/** MXNet `np.reciprocal(x)`. @example mx.np.reciprocal(x) */
export const reciprocal = (x: NDArray): NpArray => unary(nd.reciprocal, x);
/** MXNet `np.sin(x)`. @example mx.np.sin(x) */
export const sin = (x: NDArray): NpArray => unary(nd.sin, x);
/** MXNet `np.cos(x)`. @example mx.np.cos(x) */
export const cos = (x: NDArray): NpArray => unary(nd.cos, x);
/** MXNet `np.tan(x)`. @example mx.np.tan(x) */
export const tan = (x: NDArray): NpArray => unary(nd.tan, x);
/** MXNet `np.arcsin(x)`. @example mx.np.arcsin(x) */
export const arcsin = (x: NDArray): NpArray => unary(nd.arcsin, x);
/** MXNet `np.arccos(x)`. @example mx.np.arccos(x) */
export const arccos = (x: NDArray): NpArray => unary(nd.arccos, x);
/** MXNet `np.arctan(x)`. @example mx.np.arctan(x) */
export const arctan = (x: NDArray): NpArray => unary(nd.arctan, x);
/** MXNet `np.sinh(x)`. @example mx.np.sinh(x) */
export const sinh = (x: NDArray): NpArray => unary(nd.sinh, x);
/** MXNet `np.cosh(x)`. @example mx.np.cosh(x) */
export const cosh = (x: NDArray): NpArray => unary(nd.cosh, x);
/** MXNet `np.tanh(x)`. @example mx.np.tanh(x) */
export const tanh = (x: NDArray): NpArray => unary(nd.tanh, x);
/** MXNet `np.arcsinh(x)`. @example mx.np.arcsinh(x) */
export const arcsinh = (x: NDArray): NpArray => unary(nd.arcsinh, x);
/** MXNet `np.arccosh(x)`. @example mx.np.arccosh(x) */
export const arccosh = (x: NDArray): NpArray => unary(nd.arccosh, x);
/** MXNet `np.arctanh(x)`. @example mx.np.arctanh(x) */
export const arctanh = (x: NDArray): NpArray => unary(nd.arctanh, x);
/** MXNet `np.floor(x)`. @example mx.np.floor(x) */
export const floor = (x: NDArray): NpArray => unary(nd.floor, x, false);
/** MXNet `np.ceil(x)`. @example mx.np.ceil(x) */
export const ceil = (x: NDArray): NpArray => unary(nd.ceil, x, false);

/**
 * MXNet `np.round(x)` (`np.around`, decimals=0): to the nearest integer, ties to even as
 * NumPy (nd's `round` takes ties away from zero). Its gradient is zero.
 *
 * @example
 * mx.np.round(mx.np.array([0.5, 1.5, -2.5])); // array([ 0.,  2., -2.])
 */
export function round(x: NDArray): NpArray {
  if (x.dtype === 'int32') return asNpInPlace(x.copy());
  return asNpInPlace(
    disposeCreated(() => {
      const r = nd.floor(nd.add(x, 0.5));
      const tie = nd.equal(nd.subtract(r, x), 0.5);
      const odd = nd.subtract(r, nd.multiply(nd.floor(nd.divide(r, 2)), 2));
      return nd.subtract(r, nd.multiply(tie, odd));
    }),
  );
}

/** MXNet `np.around(x)`, the same as `round`. @example mx.np.around(x) */
export const around = round;
/** MXNet `np.rint(x)`: the nearest integer, ties to even. @example mx.np.rint(x) */
export const rint = round;

const LN2 = Math.LN2;
const LN10 = Math.LN10;

/** MXNet `np.log2(x)`. @example mx.np.log2(mx.np.array([8])) // array([3.]) */
export const log2 = (x: NDArray): NpArray => unary((v) => nd.divide(nd.log(v), LN2), x);
/** MXNet `np.log10(x)`. @example mx.np.log10(mx.np.array([100])) // array([2.]) */
export const log10 = (x: NDArray): NpArray => unary((v) => nd.divide(nd.log(v), LN10), x);
/** MXNet `np.cbrt(x)`: the real cube root (negative for negative x). @example mx.np.cbrt(mx.np.array([-8])) // array([-2.]) */
export const cbrt = (x: NDArray): NpArray =>
  unary((v) => nd.multiply(nd.sign(v), nd.power(nd.abs(v), 1 / 3)), x);
/** MXNet `np.fabs(x)`: the absolute value as a float. @example mx.np.fabs(x) */
export const fabs = (x: NDArray): NpArray => unary(nd.abs, x);
/** MXNet `np.degrees(x)` (`rad2deg`). @example mx.np.degrees(x) */
export const degrees = (x: NDArray): NpArray => unary((v) => nd.multiply(v, 180 / Math.PI), x);
/** MXNet `np.rad2deg(x)`. @example mx.np.rad2deg(x) */
export const rad2deg = degrees;
/** MXNet `np.radians(x)` (`deg2rad`). @example mx.np.radians(x) */
export const radians = (x: NDArray): NpArray => unary((v) => nd.multiply(v, Math.PI / 180), x);
/** MXNet `np.deg2rad(x)`. @example mx.np.deg2rad(x) */
export const deg2rad = radians;
/** MXNet `np.trunc(x)` (`fix`): rounds toward zero. @example mx.np.trunc(mx.np.array([-1.7])) // array([-1.]) */
export const trunc = (x: NDArray): NpArray =>
  unary((v) => nd.multiply(nd.sign(v), nd.floor(nd.abs(v))), x, false);
/** MXNet `np.fix(x)`. @example mx.np.fix(x) */
export const fix = trunc;

/** MXNet `np.hypot(x1, x2)`: sqrt(x1² + x2²). @example mx.np.hypot(3, mx.np.array([4])) // array([5.]) */
export const hypot = (a: NpOperand, b: NpOperand): NpArray =>
  binary('hypot', (p, q) => nd.sqrt(nd.add(sq(p), sq(q))), a, b, true);
const sq = (v: nd.Operand): nd.Operand => (typeof v === 'number' ? v * v : nd.square(v));

/**
 * MXNet `np.mod(x1, x2)` (`remainder`): Python's modulo, with the sign of the divisor
 * (`x1 - floor(x1 / x2) * x2`).
 *
 * @example
 * mx.np.mod(mx.np.array([-3, 3]), 2); // array([1., 1.])
 */
export const mod = (a: NpOperand, b: NpOperand): NpArray =>
  binary(
    'mod',
    (p, q) => nd.subtract(p, nd.multiply(nd.floor(nd.divide(p, q) as NDArray), q)),
    a,
    b,
  );
/** MXNet `np.remainder(x1, x2)`. @example mx.np.remainder(x, 3) */
export const remainder = mod;

/** MXNet `np.copysign(x1, x2)`: |x1| with the sign of x2 (x2 = 0 counts as positive). @example mx.np.copysign(x, -1) */
export const copysign = (a: NpOperand, b: NpOperand): NpArray =>
  binary(
    'copysign',
    (p, q) => {
      const s =
        typeof q === 'number'
          ? q < 0 || Object.is(q, -0)
            ? -1
            : 1
          : nd.subtract(1, nd.multiply(nd.lesser(q, 0), 2));
      return nd.multiply(typeof p === 'number' ? Math.abs(p) : nd.abs(p), s);
    },
    a,
    b,
    true,
  );

/** MXNet `np.isnan(x)`: 1 where NaN (MXTS has no bool dtype). @example mx.np.isnan(x) */
export const isnan = (x: NDArray): NpArray => unary((v) => nd.notEqual(v, v), x, false);
/** MXNet `np.isinf(x)`: 1 where ±Inf. @example mx.np.isinf(x) */
export const isinf = (x: NDArray): NpArray => unary((v) => nd.equal(nd.abs(v), Infinity), x, false);
/** MXNet `np.isposinf(x)`. @example mx.np.isposinf(x) */
export const isposinf = (x: NDArray): NpArray => unary((v) => nd.equal(v, Infinity), x, false);
/** MXNet `np.isneginf(x)`. @example mx.np.isneginf(x) */
export const isneginf = (x: NDArray): NpArray => unary((v) => nd.equal(v, -Infinity), x, false);
/** MXNet `np.isfinite(x)`: 1 where neither NaN nor ±Inf (x - x is 0 only there). @example mx.np.isfinite(x) */
export const isfinite = (x: NDArray): NpArray =>
  unary((v) => nd.equal(nd.subtract(v, v), 0), x, false);

/** MXNet `np.logical_not(x)`: 1 where x is 0, else 0 (MXTS has no bool dtype). @example mx.np.logicalNot(x) */
export const logicalNot = (x: NDArray): NpArray => unary((v) => nd.equal(v, 0), x, false);

/** The largest finite value of a dtype, as NumPy's `nan_to_num` uses. */
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * MXNet `np.nan_to_num(x, nan=0.0, posinf=None, neginf=None)`: NaN and ±Inf replaced by
 * finite numbers (by default 0 and the dtype's largest magnitudes).
 *
 * @example
 * mx.np.nanToNum(mx.np.array([NaN, Infinity, 1])); // array([0.0000000e+00, 3.4028235e+38, 1.0000000e+00])
 */
export function nanToNum(
  x: NDArray,
  options: { nan?: number; posinf?: number; neginf?: number } = {},
): NpArray {
  if (x.dtype === 'int32') return asNpInPlace(x.copy());
  const big = x.dtype === 'float64' ? Number.MAX_VALUE : FLOAT32_MAX;
  const { nan = 0, posinf = big, neginf = -big } = options;
  return asNpInPlace(
    disposeCreated(() => {
      const like = (v: number) => full(x.shape, v, { dtype: x.dtype, ctx: x.context });
      let y = nd.where(nd.notEqual(x, x), like(nan), x);
      y = nd.where(nd.equal(x, Infinity), like(posinf), y);
      return nd.where(nd.equal(x, -Infinity), like(neginf), y);
    }),
  );
}

/**
 * MXNet `np.polyval(p, x)`: the polynomial with coefficients `p` (highest power first) at x,
 * by Horner's rule (so it differentiates in both).
 *
 * @example
 * mx.np.polyval(mx.np.array([3, 0, 1]), mx.np.array([5])); // array([76.])
 */
export function polyval(p: NDArray, x: NDArray): NpArray {
  if (p.ndim !== 1)
    throw new InvalidArgumentError('polyval', `p must be 1-d (got ${p.ndim} dimensions)`);
  return asNpInPlace(
    disposeCreated(() => {
      const t = promoteTypes(p.dtype, x.dtype);
      const xs = castTo(x, t);
      const coef = (i: number) =>
        nd.reshape(nd.slice(castTo(p, t), { begin: [i], end: [i + 1] }), { shape: [] });
      let y: NDArray = full(xs.shape, 0, { dtype: t, ctx: xs.context });
      for (let i = 0; i < p.shape[0]; i++) y = nd.add(nd.multiply(y, xs), coef(i));
      return y;
    }),
  );
}
