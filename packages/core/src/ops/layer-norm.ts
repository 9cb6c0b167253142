import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { applyOp } from './apply-op.js';
import { checkChannelArray } from './batch-norm.js';
import { mean } from './mean.js';
import { multiply } from './multiply.js';
import { rsqrt } from './rsqrt.js';
import { square } from './square.js';
import { subtract } from './subtract.js';

/** Options of `LayerNorm` (MXNet's keyword arguments). */
export interface LayerNormOptions {
  /** The normalized axis; default -1. */
  axis?: number;
  /** Added to the variance; default 1e-5. */
  eps?: number;
}

/**
 * MXNet `nd.LayerNorm(data, gamma, beta, axis=-1, eps=1e-5)`: normalizes along one axis,
 * (x - mean) / sqrt(var + eps) * gamma + beta, with the biased variance and gamma, beta of
 * that axis's length. Composed of reductions and arithmetic, so it differentiates.
 *
 * @example
 * mx.nd.LayerNorm(mx.nd.array([[1, 3]]), mx.nd.ones([2]), mx.nd.zeros([2])); // ≈ [[-1, 1]]
 */
export function LayerNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  options: LayerNormOptions = {},
): NDArray {
  checkNDArray('LayerNorm', 'data', data);
  checkNDArray('LayerNorm', 'gamma', gamma);
  checkNDArray('LayerNorm', 'beta', beta);
  checkOptions('LayerNorm', options);
  const op = 'LayerNorm';
  const eps = options.eps ?? 1e-5;
  if (data.ndim < 1) throw new ShapeError(op, [data.shape], 'data must have at least 1 axis');
  const axis = normalizeAxis(op, options.axis ?? -1, data.ndim);
  if (!(eps >= 0)) throw new InvalidArgumentError(op, `eps=${eps} must be >= 0`);
  const n = data.shape[axis];
  checkChannelArray(op, 'gamma', gamma, data, n);
  checkChannelArray(op, 'beta', beta, data, n);
  const along = data.shape.map((d, i) => (i === axis ? d : 1));
  return disposeCreated(() => {
    const mu = mean(data, { axis: [axis], keepdims: true });
    const centered = subtract(data, mu);
    const variance = mean(square(centered), { axis: [axis], keepdims: true });
    const y = multiply(centered, rsqrt(add(variance, eps)));
    const g = applyOp('reshape', [gamma], { shape: along });
    return add(multiply(y, g), applyOp('reshape', [beta], { shape: along }));
  });
}
