import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.divide(a, b)`: a / b, elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_div_scalar`).
 *
 * @example
 * mx.nd.divide(mx.nd.array([1, 2]), 10); // [0.1 0.2]
 */
export function divide(a: Operand, b: Operand): NDArray {
  return binary(
    'divide',
    { array: 'broadcastDiv', scalar: 'divScalar', rscalar: 'rdivScalar' },
    a,
    b,
  );
}

/**
 * MXNet `nd.broadcast_div(a, b)`: a / b of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastDiv(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastDiv(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastDiv', 'a', a);
  checkNDArray('broadcastDiv', 'b', b);
  checkBinary('broadcastDiv', a, b);
  return applyOp('broadcastDiv', [a, b], {});
}
