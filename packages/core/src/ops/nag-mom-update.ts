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

/** Options of `nagMomUpdate`. */
export interface NagMomUpdateOptions extends UpdateOptions {
  /** Decay of the momentum; default 0. */
  momentum?: number;
}

/**
 * MXNet `nd.nag_mom_update(weight, grad, mom, lr, momentum=0, wd=0, rescale_grad=1,
 * clip_gradient=-1, out=None)`, MXNet 1.9.1's `NAGMomKernel`, operation for operation:
 * `mom = momentum*mom`, `step = lr*(clip(rescaleGrad*grad, clipGradient) + wd*weight)`,
 * `out = (weight - mom) + (momentum + 1)*(mom - step)`, then `mom = mom - step`. `mom` is
 * updated in place; with `out: weight` so is the weight, leaving no temporary.
 *
 * @example
 * mx.nd.nagMomUpdate(w, w.grad!, mom, { lr: 0.1, momentum: 0.9, out: w });
 */
export function nagMomUpdate(
  weight: NDArray,
  grad: NDArray,
  mom: NDArray,
  options: NagMomUpdateOptions,
): NDArray {
  checkNDArray('nagMomUpdate', 'weight', weight);
  checkNDArray('nagMomUpdate', 'grad', grad);
  checkNDArray('nagMomUpdate', 'mom', mom);
  checkRequiredOptions('nagMomUpdate', options);
  const op = 'nagMomUpdate';
  checkUpdateArrays(op, weight, { grad, mom, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const momentum = f(numberOption(op, 'momentum', options.momentum, 0));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  return runUpdate(options.out, [mom], () => {
    const decayed = scale(mom, momentum);
    const g = add(clipIf(scale(grad, rescale), bound), scale(weight, wd));
    const step = scale(g, lr);
    const ahead = scale(subtract(decayed, step), f(momentum + 1));
    return [add(subtract(weight, decayed), ahead), subtract(decayed, step)];
  });
}
