import { DTYPES, type DType, DTypeError, InvalidArgumentError, type NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import type { InitLike, Parameter } from '../parameter.js';

/** Options of {@link Embedding} (MXNet's keyword arguments, camelCase). */
export interface EmbeddingOptions extends BlockOptions {
  /** The weight's dtype; default float32. */
  dtype?: DType;
  /** The weight's own initializer; the one `initialize` gets when omitted. */
  weightInitializer?: InitLike | null;
}

/**
 * MXNet `gluon.nn.Embedding(input_dim, output_dim, dtype='float32',
 * weight_initializer=None)`: row `x[i]` of the (inputDim, outputDim) weight for each index
 * in `x`, giving shape x.shape + (outputDim,), through `mx.nd.Embedding`. The weight's
 * gradient is dense (MXNet's `sparse_grad=False`).
 *
 * @example
 * const emb = new gluon.nn.Embedding(10, 4);
 * emb.initialize();
 * emb.forward(mx.nd.array([[1, 2], [9, 0]])).shape; // [2, 2, 4]
 */
export class Embedding extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Embedding';
  /** The table, shape (inputDim, outputDim). */
  weight: Parameter;
  /** @internal */
  readonly _inputDim: number;
  /** @internal */
  readonly _outputDim: number;

  constructor(inputDim: number, outputDim: number, options: EmbeddingOptions = {}) {
    const { dtype = 'float32', weightInitializer = null, ...blockOptions } = options;
    const op = 'nn.Embedding';
    for (const [name, v] of [
      ['inputDim', inputDim],
      ['outputDim', outputDim],
    ] as const) {
      if (!Number.isInteger(v) || v < 1) {
        throw new InvalidArgumentError(op, `${name} must be a positive integer, got ${v}`);
      }
    }
    if (!(DTYPES as readonly string[]).includes(dtype)) {
      throw new DTypeError(op, `unknown dtype '${String(dtype)}'`);
    }
    super(blockOptions);
    this._inputDim = inputDim;
    this._outputDim = outputDim;
    this.weight = this.params.get('weight', {
      shape: [inputDim, outputDim],
      init: weightInitializer,
      dtype,
      allowDeferredInit: true,
    });
  }

  override hybridForward(F: F, x: NDArray, p: { weight: NDArray }): NDArray {
    return F.Embedding(x, p.weight, { inputDim: this._inputDim, outputDim: this._outputDim });
  }

  /** MXNet's `repr`: `Embedding(10 -> 4, float32)`. */
  override toString(): string {
    return `${mxnetName(this)}(${this._inputDim} -> ${this._outputDim}, ${this.weight.dtype})`;
  }
}
