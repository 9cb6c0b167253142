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

/** Options of `adamUpdate`. */
export interface AdamUpdateOptions extends UpdateOptions {
  /** Decay of the first moment; default 0.9. */
  beta1?: number;
  /** Decay of the second moment; default 0.999. */
  beta2?: number;
  /** Added to the root of the second moment; default 1e-8. */
  epsilon?: number;
}

/**
 * MXNet `nd.adam_update(weight, grad, mean, var, lr, beta1=0.9, beta2=0.999, epsilon=1e-8,
 * wd=0, rescale_grad=1, clip_gradient=-1, out=None)`, MXNet 1.9.1's `AdamUpdateKernel`,
 * operation for operation:
 * `g = grad*rescaleGrad + weight*wd` (then clipped when clipGradient >= 0),
 * `mean = beta1*mean + (1-beta1)*g`, `var = beta2*var + ((1-beta2)*g)*g`,
 * `out = weight - (lr*mean) / (sqrt(var) + epsilon)`. Like MXNet's operator it does no bias
 * correction (MXNet's Adam optimizer folds that into `lr`). `mean` and `var_` are updated in
 * place; with `out: weight` so is the weight, leaving no temporary.
 *
 * @example
 * mx.nd.adamUpdate(w, w.grad!, mean, var_, { lr: 0.001, out: w });
 */
export function adamUpdate(
  weight: NDArray,
  grad: NDArray,
  mean: NDArray,
  var_: NDArray,
  options: AdamUpdateOptions,
): NDArray {
  checkNDArray('adamUpdate', 'weight', weight);
  checkNDArray('adamUpdate', 'grad', grad);
  checkNDArray('adamUpdate', 'mean', mean);
  checkNDArray('adamUpdate', 'var_', var_);
  checkRequiredOptions('adamUpdate', options);
  const op = 'adamUpdate';
  checkUpdateArrays(op, weight, { grad, mean, var_, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const beta1 = f(numberOption(op, 'beta1', options.beta1, 0.9));
  const beta2 = f(numberOption(op, 'beta2', options.beta2, 0.999));
  const epsilon = f(numberOption(op, 'epsilon', options.epsilon, 1e-8));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  return runUpdate(options.out, [mean, var_], () => {
    const g = clipIf(add(scale(grad, rescale), multiply(weight, wd)), bound);
    const newMean = add(scale(mean, beta1), multiply(g, f(1 - beta1)));
    const newVar = add(scale(var_, beta2), multiply(multiply(g, f(1 - beta2)), g));
    const step = divide(multiply(newMean, lr), add(sqrt(newVar), epsilon));
    return [subtract(weight, step), newMean, newVar];
  });
}
