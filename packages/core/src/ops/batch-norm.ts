import { pause } from '../autograd/scopes.js';
import { isTraining } from '../autograd/state.js';
import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { applyOp } from './apply-op.js';
import { mean } from './mean.js';
import { multiply } from './multiply.js';
import { rsqrt } from './rsqrt.js';
import { square } from './square.js';
import { stopGradient } from './stop-gradient.js';
import { subtract } from './subtract.js';

/** Options of `BatchNorm` (MXNet's keyword arguments). */
export interface BatchNormOptions {
  /** Added to the variance; default 1e-3. */
  eps?: number;
  /** Weight of the old moving statistics in their update; default 0.9. */
  momentum?: number;
  /** Treat gamma as 1 (no scale, gamma gets no gradient); default true, as MXNet. */
  fixGamma?: boolean;
  /** Normalize with the moving statistics even in training; default false. */
  useGlobalStats?: boolean;
  /** Also return the mean and the inverse standard deviation used; default false. */
  outputMeanVar?: boolean;
  /** The channel axis; default 1. */
  axis?: number;
}

/** Checks a per-channel array of BatchNorm (or LayerNorm). */
export function checkChannelArray(
  op: string,
  name: string,
  a: NDArray,
  data: NDArray,
  channels: number,
): void {
  if (a.ndim !== 1 || a.shape[0] !== channels) {
    throw new ShapeError(
      op,
      [data.shape, a.shape],
      `${name} must have shape (${channels},), the length of the normalized axis`,
    );
  }
  if (a.dtype !== data.dtype) {
    throw new DTypeError(op, `data has dtype ${data.dtype}, ${name} ${a.dtype}; cast one`);
  }
}

/**
 * MXNet `nd.BatchNorm(data, gamma, beta, moving_mean, moving_var, eps=1e-3, momentum=0.9,
 * fix_gamma=True, use_global_stats=False, output_mean_var=False, axis=1)`: normalizes each
 * channel, (x - mean) / sqrt(var + eps) * gamma + beta. In training (`autograd.record()` in
 * train mode, without `useGlobalStats`) mean and var are the batch's (the biased variance,
 * as MXNet), and the moving statistics are updated in place, during the forward pass as
 * MXNet's oneDNN CPU build does: moving = moving * momentum + batch * (1 - momentum).
 * Otherwise the moving statistics normalize. Composed of reductions and arithmetic, so its
 * gradient comes from its parts; the moving statistics get none.
 *
 * @example
 * const c = mx.nd.ones([2]);
 * const y = mx.nd.BatchNorm(x, c, mx.nd.zeros([2]), mx.nd.zeros([2]), c); // x: (N, 2, ...)
 */
export function BatchNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  movingMean: NDArray,
  movingVar: NDArray,
  options: BatchNormOptions & { outputMeanVar: true },
): NDArray[];
export function BatchNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  movingMean: NDArray,
  movingVar: NDArray,
  options?: BatchNormOptions,
): NDArray;
export function BatchNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  movingMean: NDArray,
  movingVar: NDArray,
  options: BatchNormOptions = {},
): NDArray | NDArray[] {
  checkNDArray('BatchNorm', 'data', data);
  checkNDArray('BatchNorm', 'gamma', gamma);
  checkNDArray('BatchNorm', 'beta', beta);
  checkNDArray('BatchNorm', 'movingMean', movingMean);
  checkNDArray('BatchNorm', 'movingVar', movingVar);
  checkOptions('BatchNorm', options);
  const op = 'BatchNorm';
  const {
    eps = 1e-3,
    momentum = 0.9,
    fixGamma = true,
    useGlobalStats = false,
    outputMeanVar = false,
  } = options;
  if (data.ndim < 2) {
    throw new ShapeError(op, [data.shape], 'data must have a batch axis and a channel axis');
  }
  const axis = normalizeAxis(op, options.axis ?? 1, data.ndim);
  if (!(eps >= 0)) throw new InvalidArgumentError(op, `eps=${eps} must be >= 0`);
  if (!(momentum >= 0 && momentum <= 1)) {
    throw new InvalidArgumentError(op, `momentum=${momentum} must lie in [0, 1]`);
  }
  const c = data.shape[axis];
  const arrays = { gamma, beta, movingMean, movingVar };
  for (const [name, a] of Object.entries(arrays)) checkChannelArray(op, name, a, data, c);
  const reduce = data.shape.map((_, i) => i).filter((i) => i !== axis);
  const along = data.shape.map((d, i) => (i === axis ? d : 1));
  const batch = isTraining() && !useGlobalStats;
  const results = disposeCreated(() => {
    const perChannel = (a: NDArray) => applyOp('reshape', [a], { shape: along });
    let mu: NDArray;
    let invstd: NDArray;
    let variance: NDArray | null = null;
    if (batch) {
      mu = mean(data, { axis: reduce, keepdims: true });
      variance = mean(square(subtract(data, mu)), { axis: reduce, keepdims: true });
      invstd = rsqrt(add(variance, eps));
    } else {
      mu = perChannel(stopGradient(movingMean));
      invstd = rsqrt(add(perChannel(stopGradient(movingVar)), eps));
    }
    let y = multiply(subtract(data, mu), invstd);
    if (!fixGamma) y = multiply(y, perChannel(gamma));
    y = add(y, perChannel(beta));
    const flat = (a: NDArray) => applyOp('reshape', [a], { shape: [c] });
    const out = outputMeanVar ? [y, flat(mu), flat(invstd)] : [y];
    if (batch) {
      // MXNet's aux-state update: not part of the graph.
      const [m, v] = [flat(mu), flat(variance!)];
      const next = pause(() =>
        disposeCreated(() => [
          add(multiply(movingMean, momentum), multiply(m, 1 - momentum)),
          add(multiply(movingVar, momentum), multiply(v, 1 - momentum)),
        ]),
      );
      out.push(...next);
    }
    return out;
  });
  if (batch) {
    movingVar._assign(results.pop()!, true);
    movingMean._assign(results.pop()!, true);
  }
  return outputMeanVar ? results : results[0];
}
