import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { abs } from './abs.js';
import { add } from './add.js';
import { divide } from './divide.js';
import { greater } from './greater.js';
import { multiply } from './multiply.js';
import { sign } from './sign.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
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

/** Options of `ftrlUpdate`. */
export interface FtrlUpdateOptions extends UpdateOptions {
  /** The L1 regularization coefficient; default 0.01. */
  lamda1?: number;
  /** The per-coordinate learning-rate beta; default 1. */
  beta?: number;
}

/**
 * MXNet `nd.ftrl_update(weight, grad, z, n, lr, lamda1=0.01, beta=1, wd=0, rescale_grad=1,
 * clip_gradient=-1, out=None)` (McMahan et al. 2013), MXNet 1.9.1's `FtrlUpdateKernel`,
 * operation for operation: `g = clip(grad*rescaleGrad)`,
 * `z += g - (sqrt(n + g^2) - sqrt(n))*weight/lr`, `n += g^2`,
 * `out = (sign(z)*lamda1 - z) / ((beta + sqrt(n))/lr + wd) * (|z| > lamda1)`.
 * `z` and `n` are updated in place; with `out: weight` so is the weight.
 *
 * @example
 * mx.nd.ftrlUpdate(w, w.grad!, z, n, { lr: 0.1, out: w });
 */
export function ftrlUpdate(
  weight: NDArray,
  grad: NDArray,
  z: NDArray,
  n: NDArray,
  options: FtrlUpdateOptions,
): NDArray {
  checkNDArray('ftrlUpdate', 'weight', weight);
  checkNDArray('ftrlUpdate', 'grad', grad);
  checkNDArray('ftrlUpdate', 'z', z);
  checkNDArray('ftrlUpdate', 'n', n);
  checkRequiredOptions('ftrlUpdate', options);
  const op = 'ftrlUpdate';
  checkUpdateArrays(op, weight, { grad, z, n, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const lamda1 = f(numberOption(op, 'lamda1', options.lamda1, 0.01));
  const beta = f(numberOption(op, 'beta', options.beta, 1));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  return runUpdate(options.out, [z, n], () => {
    const g = clipIf(scale(grad, rescale), bound);
    const g2 = square(g);
    const grown = subtract(sqrt(add(n, g2)), sqrt(n));
    const newZ = add(z, subtract(g, divide(multiply(grown, weight), lr)));
    const newN = add(n, g2);
    const shrunk = subtract(scale(sign(newZ), lamda1), newZ);
    const denom = add(divide(add(sqrt(newN), beta), lr), wd);
    const out = multiply(divide(shrunk, denom), greater(abs(newZ), lamda1));
    return [out, newZ, newN];
  });
}
