import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { divide } from './divide.js';
import { exp } from './exp.js';
import { max } from './max.js';
import { stopGradient } from './stop-gradient.js';
import { subtract } from './subtract.js';
import { sum } from './sum.js';

/** Options of `softmax` and `logSoftmax`. */
export interface SoftmaxOptions {
  /** Default -1. */
  axis?: number;
  /** Divides the input first; MXNet's `temperature` (default 1). */
  temperature?: number;
}

/** x / temperature minus its (constant) maximum: the stable softmax input. */
export function shiftedLogits(x: NDArray, options: SoftmaxOptions): { z: NDArray; axis: number } {
  const axis = normalizeAxis('softmax', options.axis ?? -1, x.ndim);
  const t = options.temperature ?? 1;
  const scaled = t === 1 ? x : divide(x, t);
  // Softmax is shift-invariant, so the max is held constant: fewer ops, same gradient.
  return { z: subtract(scaled, stopGradient(max(scaled, { axis, keepdims: true }))), axis };
}

/**
 * MXNet `nd.softmax(data, axis=-1, temperature=None)`: exp(x) / sum(exp(x)) along an axis,
 * computed stably and composed of primitives.
 *
 * @example
 * mx.nd.softmax(mx.nd.array([0, 0])); // [0.5 0.5]
 */
export function softmax(x: NDArray, options: SoftmaxOptions = {}): NDArray {
  checkNDArray('softmax', 'x', x);
  checkOptions('softmax', options);
  return disposeCreated(() => {
    const { z, axis } = shiftedLogits(x, options);
    const e = exp(z);
    return divide(e, sum(e, { axis, keepdims: true }));
  });
}
