import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.softrelu(x)`: log(1 + e^x) (softplus), elementwise.
 *
 * @example
 * mx.nd.softrelu(mx.nd.array([0])); // [0.6931472]
 */
export function softrelu(x: NDArray): NDArray {
  return applyOp('softrelu', [x], {});
}
