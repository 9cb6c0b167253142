import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
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

/** Options of `sgdMomUpdate`. */
export interface SgdMomUpdateOptions extends UpdateOptions {
  /** Decay of the momentum; default 0. */
  momentum?: number;
}

/**
 * MXNet `nd.sgd_mom_update(weight, grad, mom, lr, momentum=0, wd=0, rescale_grad=1,
 * clip_gradient=-1, out=None)`, MXNet 1.9.1's `SGDMomKernel`, operation for operation:
 * `mom = momentum*mom - (lr*wd)*weight - lr*clip(rescaleGrad*grad, clipGradient)` (without
 * clipping the last term is `(lr*rescaleGrad)*grad`), then `out = weight + mom`. `mom` is
 * updated in place; with `out: weight` so is the weight, leaving no temporary.
 *
 * @example
 * mx.nd.sgdMomUpdate(w, w.grad!, mom, { lr: 0.1, momentum: 0.9, out: w });
 */
export function sgdMomUpdate(
  weight: NDArray,
  grad: NDArray,
  mom: NDArray,
  options: SgdMomUpdateOptions,
): NDArray {
  checkNDArray('sgdMomUpdate', 'weight', weight);
  checkNDArray('sgdMomUpdate', 'grad', grad);
  checkNDArray('sgdMomUpdate', 'mom', mom);
  checkRequiredOptions('sgdMomUpdate', options);
  const op = 'sgdMomUpdate';
  checkUpdateArrays(op, weight, { grad, mom, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const momentum = f(numberOption(op, 'momentum', options.momentum, 0));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  return runUpdate(options.out, [mom], () => {
    const kept = subtract(scale(mom, momentum), scale(weight, f(lr * wd)));
    const step =
      bound >= 0 ? scale(clipIf(scale(grad, rescale), bound), lr) : scale(grad, f(lr * rescale));
    const newMom = subtract(kept, step);
    return [add(weight, newMom), newMom];
  });
}
