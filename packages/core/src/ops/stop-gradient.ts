import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.stop_gradient(data)` (`BlockGrad`): the same values, but no gradient flows back.
 *
 * @example
 * const y = mx.autograd.record(() => mx.nd.stopGradient(x).mul(x)); // dy/dx = stopped x
 */
export function stopGradient(x: NDArray): NDArray {
  checkNDArray('stopGradient', 'x', x);
  return applyOp('stopGradient', [x], {});
}

/** MXNet `nd.BlockGrad`, an alias of `stopGradient`. */
export const BlockGrad = stopGradient;
