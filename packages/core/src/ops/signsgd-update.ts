import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { sign } from './sign.js';
import { subtract } from './subtract.js';
import {
  checkUpdateArrays,
  numberOption,
  runUpdate,
  scalarCast,
  scale,
  type UpdateOptions,
} from './update.js';

/**
 * MXNet `nd.signsgd_update(weight, grad, lr, wd=0, rescale_grad=1, clip_gradient=-1,
 * out=None)`, MXNet 1.9.1's `SignSGDKernel`: `out = (1 - lr*wd)*weight - lr*sign(grad)`.
 * As MXNet's kernel, `rescaleGrad` and `clipGradient` are accepted and change nothing (the
 * sign of the gradient is the step). With `out: weight` it updates in place.
 *
 * @example
 * mx.nd.signsgdUpdate(w, w.grad!, { lr: 0.01, out: w });
 */
export function signsgdUpdate(weight: NDArray, grad: NDArray, options: UpdateOptions): NDArray {
  checkNDArray('signsgdUpdate', 'weight', weight);
  checkNDArray('signsgdUpdate', 'grad', grad);
  checkRequiredOptions('signsgdUpdate', options);
  const op = 'signsgdUpdate';
  checkUpdateArrays(op, weight, { grad, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const wd = f(numberOption(op, 'wd', options.wd, 0));
  numberOption(op, 'rescaleGrad', options.rescaleGrad, 1);
  numberOption(op, 'clipGradient', options.clipGradient, -1);
  return runUpdate(options.out, [], () => [
    subtract(scale(weight, f(1 - f(lr * wd))), scale(sign(grad), lr)),
  ]);
}
