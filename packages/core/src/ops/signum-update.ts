import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { sign } from './sign.js';
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

/** Options of `signumUpdate`. */
export interface SignumUpdateOptions extends UpdateOptions {
  /** Decay of the momentum; default 0. */
  momentum?: number;
  /** Decoupled weight decay (Loshchilov & Hutter), applied to the weight only; default 0. */
  wdLh?: number;
}

/**
 * MXNet `nd.signum_update(weight, grad, mom, lr, momentum=0, wd=0, rescale_grad=1,
 * clip_gradient=-1, wd_lh=0, out=None)`, MXNet 1.9.1's `SignumKernel`, operation for
 * operation: `mom = momentum*mom - (1-momentum)*wd*weight - (1-momentum)*clip(rescaleGrad*grad)`
 * (without clipping the last term is `(1-momentum)*rescaleGrad*grad`), then
 * `out = (1 - lr*wdLh)*weight + lr*sign(mom)`. `mom` is updated in place; with
 * `out: weight` so is the weight.
 *
 * @example
 * mx.nd.signumUpdate(w, w.grad!, mom, { lr: 0.01, momentum: 0.9, out: w });
 */
export function signumUpdate(
  weight: NDArray,
  grad: NDArray,
  mom: NDArray,
  options: SignumUpdateOptions,
): NDArray {
  checkNDArray('signumUpdate', 'weight', weight);
  checkNDArray('signumUpdate', 'grad', grad);
  checkNDArray('signumUpdate', 'mom', mom);
  checkRequiredOptions('signumUpdate', options);
  const op = 'signumUpdate';
  checkUpdateArrays(op, weight, { grad, mom, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const momentum = f(numberOption(op, 'momentum', options.momentum, 0));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  const wdLh = f(numberOption(op, 'wdLh', options.wdLh, 0));
  const keep = f(1 - momentum);
  return runUpdate(options.out, [mom], () => {
    const decayed = subtract(scale(mom, momentum), scale(weight, f(keep * wd)));
    const step =
      bound >= 0
        ? scale(clipIf(scale(grad, rescale), bound), keep)
        : scale(grad, f(keep * rescale));
    const newMom = subtract(decayed, step);
    const out = add(scale(weight, f(1 - f(lr * wdLh))), scale(sign(newMom), lr));
    return [out, newMom];
  });
}
