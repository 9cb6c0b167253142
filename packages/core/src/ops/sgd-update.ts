import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
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

/**
 * MXNet `nd.sgd_update(weight, grad, lr, wd=0, rescale_grad=1, clip_gradient=-1, out=None)`,
 * MXNet 1.9.1's `SGDKernel` (src/operator/optimizer_op-inl.h), operation for operation:
 * `out = (1 - lr*wd)*weight - lr*clip(rescaleGrad*grad, clipGradient)`, or without
 * clipping `(1 - lr*wd)*weight - (lr*rescaleGrad)*grad`; scalars are rounded to the
 * weight's dtype first. With `out: weight` it updates in place and leaves no temporary.
 *
 * @example
 * for (const p of params) mx.nd.sgdUpdate(p, p.grad!, { lr: 0.1, wd: 1e-4, out: p });
 */
export function sgdUpdate(weight: NDArray, grad: NDArray, options: UpdateOptions): NDArray {
  checkNDArray('sgdUpdate', 'weight', weight);
  checkNDArray('sgdUpdate', 'grad', grad);
  checkRequiredOptions('sgdUpdate', options);
  const op = 'sgdUpdate';
  checkUpdateArrays(op, weight, { grad, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  const decay = f(1 - f(lr * wd));
  return runUpdate(options.out, [], () => {
    // Unclipped (the usual case): one kernel, as MXNet's SGDKernel.
    if (bound < 0) return [applyOp('sgdUpdate', [weight, grad], { decay, step: f(lr * rescale) })];
    // Clipped: MXNet clips rescale*grad first, then scales it by lr.
    return [subtract(scale(weight, decay), scale(clipIf(scale(grad, rescale), bound), lr))];
  });
}
