/**
 * Scalar functions with MXNet 1.9.1's exact semantics (src/operator/mshadow_op.h), where
 * they differ from JavaScript's Math or from numpy. Results are float64; callers compare
 * with float32 tolerances.
 */

/** `relu`: NaN passes, -0 becomes +0 (`IsNan(a) || a > 0 ? a : 0`). */
export function relu(x: number): number {
  return Number.isNaN(x) || x > 0 ? x : 0;
}

/** `sign`: 0 for NaN and for ±0 (comparisons only). */
export function sign(x: number): number {
  if (x < 0) return -1;
  if (x > 0) return 1;
  return 0;
}

/** C's `roundf`: halves away from zero, keeping the sign of zero. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  // Exact in float64 for every float32 x, so no double rounding.
  const r = Math.floor(Math.abs(x) + 0.5);
  return x < 0 || Object.is(x, -0) ? -r : r;
}

/** C's `powf`: pow(1, y) = 1 and pow(x, ±0) = 1 even for NaN; pow(-1, ±inf) = 1. */
export function pow(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && !Number.isFinite(b) && !Number.isNaN(b)) return 1;
  return a ** b;
}

/** `maximum`: NaN in either operand gives NaN (`IsNan(a) ? a : a > b ? a : b`). */
export function maximum(a: number, b: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max orders -0 below 0; MXNet does not.
  return Number.isNaN(a) ? a : a > b ? a : b;
}

/** `minimum`, likewise. */
export function minimum(a: number, b: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.min orders -0 below 0; MXNet does not.
  return Number.isNaN(a) ? a : a < b ? a : b;
}

/** `sigmoid`: 1 / (1 + e^-x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** `softrelu` (softplus): x above 20, else log1p(e^x), as MXNet. */
export function softrelu(x: number): number {
  return x > 20 ? x : Math.log1p(Math.exp(x));
}

/** `clip`: NaN passes (`x > hi ? hi : x < lo ? lo : x`). */
export function clip(x: number, lo: number, hi: number): number {
  // biome-ignore lint/complexity/useMathMinMax: keeps MXNet's comparisons (-0 at lo = 0 stays -0).
  return x > hi ? hi : x < lo ? lo : x;
}

/** C's conversion of a float to int32: truncation toward zero. */
export function toInt32(x: number): number {
  return Math.trunc(x) | 0;
}
