import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkInt, checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { broadcastAdd } from './add.js';
import { applyOp } from './apply-op.js';
import { dot } from './dot.js';

/** Options of `FullyConnected`. */
export interface FullyConnectedOptions {
  numHidden: number;
  /** No bias term; then pass `null` as bias. */
  noBias?: boolean;
  /** Collapse all axes but the first before the product (default true), as MXNet. */
  flatten?: boolean;
}

/**
 * MXNet `nd.FullyConnected(data, weight, bias, num_hidden, no_bias=False, flatten=True)`:
 * `data · weightᵀ + bias`, with weight of shape (numHidden, inputSize). Composed of dot and
 * add, so it differentiates to any order.
 *
 * @example
 * mx.nd.FullyConnected(x, w, b, { numHidden: 1 }); // x: (1, 3), w: (1, 3), b: (1,)
 */
export function FullyConnected(
  data: NDArray,
  weight: NDArray,
  bias: NDArray | null,
  options: FullyConnectedOptions,
): NDArray {
  checkNDArray('FullyConnected', 'data', data);
  checkNDArray('FullyConnected', 'weight', weight);
  if (bias !== null) checkNDArray('FullyConnected', 'bias', bias);
  checkRequiredOptions('FullyConnected', options);
  checkInt('FullyConnected', 'numHidden', options.numHidden, { min: 1 });
  return disposeCreated(() => {
    const { numHidden, noBias = false, flatten = true } = options;
    const x =
      flatten && data.ndim !== 2
        ? applyOp('reshape', [data], { shape: [data.shape[0], data.size / data.shape[0]] })
        : data;
    const k = x.shape[x.ndim - 1];
    if (weight.ndim !== 2 || weight.shape[0] !== numHidden || weight.shape[1] !== k) {
      throw new ShapeError(
        'FullyConnected',
        [data.shape, weight.shape],
        `weight must have shape (numHidden=${numHidden}, ${k})`,
      );
    }
    const lead = x.shape.slice(0, -1);
    const x2 = x.ndim === 2 ? x : applyOp('reshape', [x], { shape: [x.size / k, k] });
    let out = dot(x2, weight, { transposeB: true });
    if (!noBias) {
      if (bias === null)
        throw new InvalidArgumentError(
          'FullyConnected',
          'bias is null; pass noBias: true to go without',
        );
      if (bias.size !== numHidden) {
        throw new ShapeError(
          'FullyConnected',
          [bias.shape],
          `bias must have shape (${numHidden},)`,
        );
      }
      out = broadcastAdd(
        out,
        bias.ndim === 1 ? bias : applyOp('reshape', [bias], { shape: [numHidden] }),
      );
    }
    return x.ndim === 2 ? out : applyOp('reshape', [out], { shape: [...lead, numHidden] });
  });
}
