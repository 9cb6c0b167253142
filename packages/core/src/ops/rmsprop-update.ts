import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { divide } from './divide.js';
import { multiply } from './multiply.js';
import { sqrt } from './sqrt.js';
import { subtract } from './subtract.js';
import {
  checkUpdateArrays,
  clipIf,
  decayScaleClip,
  numberOption,
  runUpdate,
  scalarCast,
  scale,
  type UpdateOptions,
} from './update.js';

/** Options of `rmspropUpdate`. */
export interface RmspropUpdateOptions extends UpdateOptions {
  /** Decay of the mean square; default 0.95 (MXNet's operator default). */
  gamma1?: number;
  /** Added under the square root; default 1e-8. */
  epsilon?: number;
  /** Clip the new weight to [-c, c] when c >= 0; default -1 (off). */
  clipWeights?: number;
}

/**
 * MXNet `nd.rmsprop_update(weight, grad, n, lr, gamma1=0.95, epsilon=1e-8, wd=0,
 * rescale_grad=1, clip_gradient=-1, clip_weights=-1, out=None)` (Tieleman & Hinton), MXNet
 * 1.9.1's `RMSPropUpdateKernel`, operation for operation:
 * `g = rescaleGrad*grad + wd*weight` (then clipped when clipGradient >= 0),
 * `n = (1 - gamma1)*(g*g) + gamma1*n`, `out = weight - lr*(g / sqrt(n + epsilon))` (then
 * clipped to [-clipWeights, clipWeights] when clipWeights >= 0). `n` is updated in place;
 * with `out: weight` so is the weight, leaving no temporary.
 *
 * @example
 * mx.nd.rmspropUpdate(w, w.grad!, n, { lr: 0.001, gamma1: 0.9, out: w });
 */
export function rmspropUpdate(
  weight: NDArray,
  grad: NDArray,
  n: NDArray,
  options: RmspropUpdateOptions,
): NDArray {
  checkNDArray('rmspropUpdate', 'weight', weight);
  checkNDArray('rmspropUpdate', 'grad', grad);
  checkNDArray('rmspropUpdate', 'n', n);
  checkRequiredOptions('rmspropUpdate', options);
  const op = 'rmspropUpdate';
  checkUpdateArrays(op, weight, { grad, n, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const gamma1 = f(numberOption(op, 'gamma1', options.gamma1, 0.95));
  const epsilon = f(numberOption(op, 'epsilon', options.epsilon, 1e-8));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  const clipWeights = f(numberOption(op, 'clipWeights', options.clipWeights, -1));
  return runUpdate(options.out, [n], () => {
    const g = clipIf(add(scale(grad, rescale), multiply(weight, wd)), bound);
    const newN = add(multiply(multiply(g, g), f(1 - gamma1)), scale(n, gamma1));
    const step = multiply(divide(g, sqrt(add(newN, epsilon))), lr);
    return [clipIf(subtract(weight, step), clipWeights), newN];
  });
}
