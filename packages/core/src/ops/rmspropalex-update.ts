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

/** Options of `rmspropalexUpdate`. */
export interface RmspropalexUpdateOptions extends UpdateOptions {
  /** Decay of the mean and mean square of the gradient; default 0.95 (MXNet's default). */
  gamma1?: number;
  /** Decay of the step ("momentum"); default 0.9. */
  gamma2?: number;
  /** Added under the square root; default 1e-8. */
  epsilon?: number;
  /** Clip the new weight to [-c, c] when c >= 0; default -1 (off). */
  clipWeights?: number;
}

/**
 * MXNet `nd.rmspropalex_update(weight, grad, n, g, delta, lr, gamma1=0.95, gamma2=0.9,
 * epsilon=1e-8, wd=0, rescale_grad=1, clip_gradient=-1, clip_weights=-1, out=None)`, the
 * centered RMSProp of Graves (2013), MXNet 1.9.1's `RMSPropAlexUpdateKernel`, operation for
 * operation: `r = rescaleGrad*grad + wd*weight` (then clipped when clipGradient >= 0),
 * `n = (1 - gamma1)*r*r + gamma1*n`, `g = (1 - gamma1)*r + gamma1*g`,
 * `delta = gamma2*delta - lr*r / sqrt(n - g*g + epsilon)`, `out = weight + delta` (then
 * clipped to [-clipWeights, clipWeights] when clipWeights >= 0). `n`, `g` and `delta` are
 * updated in place; with `out: weight` so is the weight, leaving no temporary.
 *
 * @example
 * mx.nd.rmspropalexUpdate(w, w.grad!, n, g, delta, { lr: 0.001, gamma1: 0.9, out: w });
 */
export function rmspropalexUpdate(
  weight: NDArray,
  grad: NDArray,
  n: NDArray,
  g: NDArray,
  delta: NDArray,
  options: RmspropalexUpdateOptions,
): NDArray {
  checkNDArray('rmspropalexUpdate', 'weight', weight);
  checkNDArray('rmspropalexUpdate', 'grad', grad);
  checkNDArray('rmspropalexUpdate', 'n', n);
  checkNDArray('rmspropalexUpdate', 'g', g);
  checkNDArray('rmspropalexUpdate', 'delta', delta);
  checkRequiredOptions('rmspropalexUpdate', options);
  const op = 'rmspropalexUpdate';
  checkUpdateArrays(op, weight, { grad, n, g, delta, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const gamma1 = f(numberOption(op, 'gamma1', options.gamma1, 0.95));
  const gamma2 = f(numberOption(op, 'gamma2', options.gamma2, 0.9));
  const epsilon = f(numberOption(op, 'epsilon', options.epsilon, 1e-8));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  const clipWeights = f(numberOption(op, 'clipWeights', options.clipWeights, -1));
  const keep = f(1 - gamma1);
  return runUpdate(options.out, [n, g, delta], () => {
    const r = clipIf(add(scale(grad, rescale), multiply(weight, wd)), bound);
    const newN = add(multiply(multiply(r, keep), r), scale(n, gamma1));
    const newG = add(multiply(r, keep), scale(g, gamma1));
    const spread = add(subtract(newN, multiply(newG, newG)), epsilon);
    const newDelta = subtract(scale(delta, gamma2), divide(multiply(r, lr), sqrt(spread)));
    return [clipIf(add(weight, newDelta), clipWeights), newN, newG, newDelta];
  });
}
