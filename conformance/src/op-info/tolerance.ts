import type { Tolerance } from '../assertions.js';

/**
 * Every tolerance of the op checks, in one place. A value passes when
 * |actual - expected| <= atol + rtol * |expected|.
 *
 * Forward, against the float64 reference: one float32 rounding per op costs 2^-24
 * relative; composed ops (softmax, norm, ...) round a few times. So elementwise results get
 * rtol 1e-5 (about 80 roundings' worth). A result that accumulates n terms (sums, means,
 * dot products) picks up error that grows like √n for random data, so rtol and atol scale:
 * rtol = 1e-5·√n and atol = 1e-6·n (the absolute part covers sums that cancel to near 0).
 *
 * Gradients, against central differences in float32: the numeric derivative of a
 * float32 function at step eps carries roundoff ~ 2^-24·|f|/eps plus truncation
 * ~ eps²·|f'''|/6; with eps = 1e-2 both stay under 1e-3 for the sampled domains, so
 * rtol = 1e-2 and atol = 1e-3 (MXNet's check_numeric_gradient uses rtol 1e-2 too).
 * Second derivatives differentiate a computed gradient (more roundings): twice that.
 */
export function forwardTolerance(terms = 1): Required<Tolerance> {
  const n = Math.max(1, terms);
  return { rtol: 1e-5 * Math.sqrt(n), atol: 1e-6 * n };
}

/** Step of the central differences, unless an op sets its own. */
export const GRAD_EPS = 1e-2;

/** First-order gradients against central differences. */
export const GRAD1_TOLERANCE: Required<Tolerance> = { rtol: 1e-2, atol: 1e-3 };

/** Second-order gradients against central differences of the first-order gradient. */
export const GRAD2_TOLERANCE: Required<Tolerance> = { rtol: 2e-2, atol: 2e-3 };
