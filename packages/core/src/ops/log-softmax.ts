import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { divide } from './divide.js';
import type { SoftmaxOptions } from './softmax.js';

/**
 * MXNet `nd.log_softmax(data, axis=-1, temperature=None)`: log(softmax(x)), computed as
 * z - log(sum(exp(z))) with z = x - max(x), one primitive whose gradient is MXNet's
 * `g - exp(y) * sum(g)` (a loss's backward then runs 4 kernels, not the 9 of its parts).
 *
 * @example
 * mx.nd.logSoftmax(mx.nd.array([0, 0])); // [-0.6931472 -0.6931472]
 */
export function logSoftmax(x: NDArray, options: SoftmaxOptions = {}): NDArray {
  checkNDArray('logSoftmax', 'x', x);
  checkOptions('logSoftmax', options);
  const axis = normalizeAxis('logSoftmax', options.axis ?? -1, x.ndim);
  const t = options.temperature ?? 1;
  if (t === 1) return applyOp('logSoftmax', [x], { axis });
  return disposeCreated(() => applyOp('logSoftmax', [divide(x, t)], { axis }));
}
