import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { divide } from './divide.js';
import { multiply } from './multiply.js';
import { sqrt } from './sqrt.js';
import {
  checkUpdateArrays,
  clipIf,
  decayScaleClip,
  numberOption,
  runUpdate,
  scalarCast,
  scale,
} from './update.js';

/** Options of `lambUpdatePhase1`. */
export interface LambUpdatePhase1Options {
  /** The update number, from 1 (required). */
  t: number;
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-6. */
  epsilon?: number;
  /** Divide the moments by `1 - beta^t`; default true. */
  biasCorrection?: boolean;
  /** Weight decay; default 0. */
  wd?: number;
  /** The gradient is multiplied by this first; default 1. */
  rescaleGrad?: number;
  /** Clip the rescaled gradient to [-c, c] when c >= 0; default -1 (off). */
  clipGradient?: number;
}

/**
 * MXNet `nd.lamb_update_phase1(weight, grad, mean, var, t, beta1=0.9, beta2=0.999,
 * epsilon=1e-6, bias_correction=True, wd=0, rescale_grad=1, clip_gradient=-1)`, MXNet
 * 1.9.1's `LambUpdatePhaseOneKernel`: `g = clip(grad*rescaleGrad)`,
 * `mean = beta1*mean + (1-beta1)*g`, `var = beta2*var + (1-beta2)*g*g`, and returns
 * `mean' / (sqrt(var') + epsilon) + wd*weight` with `mean' = mean / (1 - beta1^t)` and
 * `var' = var / (1 - beta2^t)` under bias correction (the moments themselves otherwise).
 * MXNet divides the mean by `1 - beta1^t` in double precision; here that divisor is a
 * float32 (a rounding difference of at most an ulp or so). `mean` and `var` are updated in
 * place; the result is a new array (`nd.lambUpdatePhase2` takes it).
 *
 * @example
 * const g = mx.nd.lambUpdatePhase1(w, w.grad!, mean, var_, { t: 1, wd: 0.01 });
 */
export function lambUpdatePhase1(
  weight: NDArray,
  grad: NDArray,
  mean: NDArray,
  var_: NDArray,
  options: LambUpdatePhase1Options,
): NDArray {
  checkNDArray('lambUpdatePhase1', 'weight', weight);
  checkNDArray('lambUpdatePhase1', 'grad', grad);
  checkNDArray('lambUpdatePhase1', 'mean', mean);
  checkNDArray('lambUpdatePhase1', 'var_', var_);
  checkRequiredOptions('lambUpdatePhase1', options);
  const op = 'lambUpdatePhase1';
  checkUpdateArrays(op, weight, { grad, mean, var_ });
  const f = scalarCast(weight);
  const t = numberOption(op, 't', options?.t);
  if (!Number.isInteger(t)) throw new InvalidArgumentError(op, `t must be an integer, got ${t}`);
  const beta1 = f(numberOption(op, 'beta1', options.beta1, 0.9));
  const beta2 = f(numberOption(op, 'beta2', options.beta2, 0.999));
  const epsilon = f(numberOption(op, 'epsilon', options.epsilon, 1e-6));
  const { wd, rescale, bound } = decayScaleClip(op, options, f);
  const biasCorrection = options.biasCorrection ?? true;
  // std::pow(float, int) is a double, stored as the dtype.
  const beta1T = f(beta1 ** t);
  const beta2T = f(beta2 ** t);
  return runUpdate(undefined, [mean, var_], () => {
    const g = clipIf(scale(grad, rescale), bound);
    const newMean = add(scale(mean, beta1), multiply(g, f(1 - beta1)));
    const newVar = add(scale(var_, beta2), multiply(multiply(g, f(1 - beta2)), g));
    const m = biasCorrection ? divide(newMean, f(1 - beta1T)) : newMean;
    const v = biasCorrection ? divide(newVar, f(1 - beta2T)) : newVar;
    const out = add(divide(m, add(sqrt(v), epsilon)), scale(weight, wd));
    return [out, newMean, newVar];
  });
}
