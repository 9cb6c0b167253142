import { InvalidArgumentError, NDArray, ShapeError } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import { pyTuple, spatialTuple } from './tuple.js';

/** Options of the max pooling layers (MXNet's keyword arguments, camelCase). */
export interface PoolOptions extends BlockOptions {
  /** The window's step; `null` (default) means the pool size, as MXNet. */
  strides?: number | readonly number[] | null;
  /** Padding on both sides of each spatial axis; default 0. */
  padding?: number | readonly number[];
  /** Output sizes with ceil instead of floor; default false. */
  ceilMode?: boolean;
  /** 'NCW' (1-D) or 'NCHW' (2-D), the only layouts MXTS has. */
  layout?: 'NCW' | 'NCHW';
}

/** Options of the average pooling layers. */
export interface AvgPoolOptions extends PoolOptions {
  /** Count the padding in each window's divisor; default true. */
  countIncludePad?: boolean;
}

/** Options of the global pooling layers. */
export interface GlobalPoolOptions extends BlockOptions {
  /** 'NCW' (1-D) or 'NCHW' (2-D), the only layouts MXTS has. */
  layout?: 'NCW' | 'NCHW';
}

/** @internal What a pooling layer passes to `mx.nd.Pooling`. */
export interface PoolSpec {
  poolSize: number | readonly number[];
  strides: number | readonly number[] | null;
  padding: number | readonly number[];
  ceilMode: boolean;
  globalPool: boolean;
  poolType: 'max' | 'avg';
  layout: string;
  countIncludePad?: boolean;
}

/**
 * MXNet's `_Pooling` (the base of the public pooling layers, not exported by the index): every pooling layer is `mx.nd.Pooling` with fixed arguments;
 * the prefix is `pool<n>_` as MXNet's `_alias`.
 */
export class Pooling extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Pooling';
  /** @internal */
  readonly _kernel: number[];
  /** @internal */
  readonly _strides: number[];
  /** @internal */
  readonly _padding: number[];
  /** @internal */
  readonly _ceilMode: boolean;
  /** @internal */
  readonly _globalPool: boolean;
  /** @internal */
  readonly _poolType: 'max' | 'avg';
  /** @internal */
  readonly _layout: 'NCW' | 'NCHW';
  /** @internal */
  readonly _countIncludePad: boolean | undefined;

  constructor(op: string, nDims: 1 | 2, spec: PoolSpec, blockOptions: BlockOptions) {
    const layoutWanted = nDims === 1 ? 'NCW' : 'NCHW';
    const kernel = spatialTuple(op, 'poolSize', spec.poolSize, nDims, 1);
    const strides = spatialTuple(op, 'strides', spec.strides ?? kernel, nDims, 1);
    const padding = spatialTuple(op, 'padding', spec.padding, nDims, 0);
    if (spec.layout !== layoutWanted) {
      throw new InvalidArgumentError(
        op,
        `layout '${String(spec.layout)}' is not supported; MXTS pools ${layoutWanted} data only (transpose channels-last data first)`,
      );
    }
    super(blockOptions);
    this._kernel = kernel;
    this._strides = strides;
    this._padding = padding;
    this._ceilMode = spec.ceilMode;
    this._globalPool = spec.globalPool;
    this._poolType = spec.poolType;
    this._layout = layoutWanted;
    this._countIncludePad = spec.countIncludePad;
  }

  /** MXNet `_alias()`: pooling layers are named `pool<n>_`. */
  override _alias(): string {
    return 'pool';
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    const nd = this._kernel.length + 2;
    if (x instanceof NDArray && x.ndim !== nd) {
      throw new ShapeError(
        `${mxnetName(this)}.forward`,
        [x.shape],
        `input must be ${nd}-D (${this._layout}), got ${x.ndim}-D`,
      );
    }
    const options: Parameters<F['Pooling']>[1] = {
      kernel: this._kernel,
      stride: this._strides,
      pad: this._padding,
      globalPool: this._globalPool,
      poolType: this._poolType,
      layout: this._layout,
      poolingConvention: this._ceilMode ? 'full' : 'valid',
    };
    if (this._countIncludePad !== undefined) options.countIncludePad = this._countIncludePad;
    return F.Pooling(x, options);
  }

  /** MXNet's `repr`: `MaxPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, ...)`. */
  override toString(): string {
    const py = (b: boolean) => (b ? 'True' : 'False');
    return `${mxnetName(this)}(size=${pyTuple(this._kernel)}, stride=${pyTuple(this._strides)}, padding=${pyTuple(this._padding)}, ceil_mode=${py(this._ceilMode)}, global_pool=${py(this._globalPool)}, pool_type=${this._poolType}, layout=${this._layout})`;
  }
}
