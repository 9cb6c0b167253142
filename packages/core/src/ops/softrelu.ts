import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.softrelu(x)`: log(1 + e^x) (softplus), elementwise.
 *
 * @example
 * mx.nd.softrelu(mx.nd.array([0])); // [0.6931472]
 */
export function softrelu(x: NDArray): NDArray {
  checkNDArray('softrelu', 'x', x);
  return applyOp('softrelu', [x], {});
}
