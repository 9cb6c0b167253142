import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { type SoftmaxOptions, shiftedLogits } from './softmax.js';
import { subtract } from './subtract.js';
import { sum } from './sum.js';

/**
 * MXNet `nd.log_softmax(data, axis=-1, temperature=None)`: log(softmax(x)), computed as
 * z - log(sum(exp(z))) with z the shifted input.
 *
 * @example
 * mx.nd.logSoftmax(mx.nd.array([0, 0])); // [-0.6931472 -0.6931472]
 */
export function logSoftmax(x: NDArray, options: SoftmaxOptions = {}): NDArray {
  checkNDArray('logSoftmax', 'x', x);
  checkOptions('logSoftmax', options);
  return disposeCreated(() => {
    const { z, axis } = shiftedLogits(x, options);
    return subtract(z, log(sum(exp(z), { axis, keepdims: true })));
  });
}
