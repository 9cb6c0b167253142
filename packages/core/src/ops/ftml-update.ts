import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { divide } from './divide.js';
import { multiply } from './multiply.js';
import { negative } from './negative.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { subtract } from './subtract.js';
import {
  checkUpdateArrays,
  clipIf,
  numberOption,
  runUpdate,
  scalarCast,
  scale,
  type UpdateOptions,
} from './update.js';

/** Options of `ftmlUpdate`. */
export interface FtmlUpdateOptions extends Omit<UpdateOptions, 'clipGradient'> {
  /** The update number, from 1 (required). */
  t: number;
  /** Default 0.6. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-8. */
  epsilon?: number;
  /** Clip `rescaleGrad*grad + wd*weight` to [-c, c] when c >= 0; default -1 (off). MXNet's `clip_grad`. */
  clipGrad?: number;
}

/**
 * MXNet `nd.ftml_update(weight, grad, d, v, z, lr, t, beta1=0.6, beta2=0.999, epsilon=1e-8,
 * wd=0, rescale_grad=1, clip_grad=-1, out=None)` (Follow the Moving Leader, Zheng & Kwok
 * 2017), MXNet 1.9.1's `FTMLKernel`, operation for operation:
 * `g = clip(rescaleGrad*grad + wd*weight)`, `v = beta2*v + (1-beta2)*g^2`,
 * `dT = (1 - beta1^t)/lr * (sqrt(v / (1 - beta2^t)) + epsilon)`,
 * `z = beta1*z + (1-beta1)*g - (dT - beta1*d)*weight`, `d = dT`, `out = -z / dT`.
 * `d`, `v` and `z` are updated in place; with `out: weight` so is the weight.
 *
 * @example
 * mx.nd.ftmlUpdate(w, w.grad!, d, v, z, { lr: 0.0025, t: 1, out: w });
 */
export function ftmlUpdate(
  weight: NDArray,
  grad: NDArray,
  d: NDArray,
  v: NDArray,
  z: NDArray,
  options: FtmlUpdateOptions,
): NDArray {
  checkNDArray('ftmlUpdate', 'weight', weight);
  checkNDArray('ftmlUpdate', 'grad', grad);
  checkNDArray('ftmlUpdate', 'd', d);
  checkNDArray('ftmlUpdate', 'v', v);
  checkNDArray('ftmlUpdate', 'z', z);
  checkRequiredOptions('ftmlUpdate', options);
  const op = 'ftmlUpdate';
  checkUpdateArrays(op, weight, { grad, d, v, z, out: options?.out });
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const t = numberOption(op, 't', options.t);
  if (!Number.isInteger(t)) throw new InvalidArgumentError(op, `t must be an integer, got ${t}`);
  const beta1 = f(numberOption(op, 'beta1', options.beta1, 0.6));
  const beta2 = f(numberOption(op, 'beta2', options.beta2, 0.999));
  const epsilon = f(numberOption(op, 'epsilon', options.epsilon, 1e-8));
  const wd = f(numberOption(op, 'wd', options.wd, 0));
  const rescale = f(numberOption(op, 'rescaleGrad', options.rescaleGrad, 1));
  const bound = f(numberOption(op, 'clipGrad', options.clipGrad, -1));
  // The kernel's power::Map(beta, t) on the weight's dtype, the same for every element.
  const coef = f(f(1 - f(beta1 ** t)) / lr);
  const bias2 = f(1 - f(beta2 ** t));
  return runUpdate(options.out, [d, v, z], () => {
    const g = clipIf(add(scale(grad, rescale), scale(weight, wd)), bound);
    const newV = add(scale(v, beta2), scale(square(g), f(1 - beta2)));
    const dT = scale(add(sqrt(divide(newV, bias2)), epsilon), coef);
    const kept = add(scale(z, beta1), scale(g, f(1 - beta1)));
    const newZ = subtract(kept, multiply(subtract(dT, scale(d, beta1)), weight));
    return [negative(divide(newZ, dT)), dT, newV, newZ];
  });
}
