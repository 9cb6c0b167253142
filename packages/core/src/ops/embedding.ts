import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions, checkSize } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `Embedding` (MXNet's keyword arguments). */
export interface EmbeddingOptions {
  /** Vocabulary size: rows of the weight. Required. */
  inputDim: number;
  /** Embedding size: columns of the weight. Required. */
  outputDim: number;
}

/**
 * MXNet `nd.Embedding(data, weight, input_dim, output_dim)`: row `data[i]` of the
 * (inputDim, outputDim) weight for each index, giving shape data.shape + (outputDim,).
 * Indices are truncated and clipped into range, as MXNet's take; the weight's gradient sums
 * the head gradients of the rows each index picked, the indices get none.
 *
 * @example
 * const w = mx.nd.array([[0, 1], [2, 3], [4, 5]]);
 * mx.nd.Embedding(mx.nd.array([2, 0]), w, { inputDim: 3, outputDim: 2 }); // [[4 5] [0 1]]
 */
export function Embedding(data: NDArray, weight: NDArray, options: EmbeddingOptions): NDArray {
  checkNDArray('Embedding', 'data', data);
  checkNDArray('Embedding', 'weight', weight);
  checkRequiredOptions('Embedding', options);
  const op = 'Embedding';
  const { inputDim, outputDim } = options;
  for (const [name, v] of [
    ['inputDim', inputDim],
    ['outputDim', outputDim],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new InvalidArgumentError(op, `${name} must be a positive integer, got ${v}`);
    }
  }
  if (weight.ndim !== 2 || weight.shape[0] !== inputDim || weight.shape[1] !== outputDim) {
    throw new ShapeError(
      op,
      [data.shape, weight.shape],
      `weight must have shape (inputDim=${inputDim}, outputDim=${outputDim})`,
    );
  }
  checkSize(op, [...data.shape, outputDim], weight.dtype);
  return applyOp('take', [weight, data], { axis: 0, mode: 'clip' });
}
