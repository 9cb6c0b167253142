import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArrayList, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { type MultiSgdUpdateOptions, updateGroups } from './multi-sgd-update.js';
import { subtract } from './subtract.js';
import { clipIf, numberOption, runUpdate, scalarCast, scale } from './update.js';

/** Options of `multiSgdMomUpdate`. */
export interface MultiSgdMomUpdateOptions extends MultiSgdUpdateOptions {
  /** Decay of the momentum; default 0. */
  momentum?: number;
}

/**
 * MXNet `nd.multi_sgd_mom_update(*data, lrs, wds, momentum=0, rescale_grad=1,
 * clip_gradient=-1, num_weights=1, out=None)`, the update MXNet 1.9.1's SGD optimizer runs
 * for dense arrays with momentum: `data` is `[weight0, grad0, mom0, weight1, ...]` and each
 * weight goes through `MultiSGDKernel`, operation for operation:
 * `mom = momentum*mom - (lr*wd)*weight - lr*clip(rescaleGrad*grad, clipGradient)` (without
 * clipping the last term is `(lr*rescaleGrad)*grad`), `out = weight + mom`: the arithmetic
 * of `sgdMomUpdate`. Each `mom` is updated in place; with `out: weights` so are the weights.
 * Returns the new weights.
 *
 * @example
 * mx.nd.multiSgdMomUpdate([w, g, mom], { lrs: [0.1], wds: [0], momentum: 0.9, out: [w] });
 */
export function multiSgdMomUpdate(
  data: readonly NDArray[],
  options: MultiSgdMomUpdateOptions,
): NDArray[] {
  checkNDArrayList('multiSgdMomUpdate', 'data', data, 1);
  checkRequiredOptions('multiSgdMomUpdate', options);
  const op = 'multiSgdMomUpdate';
  const groups = updateGroups(op, data, 3, options, ['weight', 'grad', 'mom']);
  const momentumRaw = numberOption(op, 'momentum', options.momentum, 0);
  const rescaleRaw = numberOption(op, 'rescaleGrad', options.rescaleGrad, 1);
  const boundRaw = numberOption(op, 'clipGradient', options.clipGradient, -1);
  return groups.map(([weight, grad, mom], i) => {
    const f = scalarCast(weight);
    const [lr, wd, momentum, rescale, bound] = [
      options.lrs[i],
      options.wds[i],
      momentumRaw,
      rescaleRaw,
      boundRaw,
    ].map(f);
    return runUpdate(options.out?.[i], [mom], () => {
      const kept = subtract(scale(mom, momentum), scale(weight, f(lr * wd)));
      const step =
        bound >= 0 ? scale(clipIf(scale(grad, rescale), bound), lr) : scale(grad, f(lr * rescale));
      const newMom = subtract(kept, step);
      return [add(weight, newMom), newMom];
    });
  });
}
