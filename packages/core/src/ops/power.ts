import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.power(a, b)`: a ** b, elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_power_scalar`).
 *
 * @example
 * mx.nd.power(mx.nd.array([1, 2]), 2); // [1. 4.]
 */
export function power(a: Operand, b: Operand): NDArray {
  return binary(
    'power',
    { array: 'broadcastPower', scalar: 'powerScalar', rscalar: 'rpowerScalar' },
    a,
    b,
  );
}

/**
 * MXNet `nd.broadcast_power(a, b)`: a ** b of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastPower(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastPower(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastPower', 'a', a);
  checkNDArray('broadcastPower', 'b', b);
  checkBinary('broadcastPower', a, b);
  return applyOp('broadcastPower', [a, b], {});
}
