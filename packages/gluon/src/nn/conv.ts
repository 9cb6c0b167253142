import { InvalidArgumentError, type NDArray, type nd, ShapeError } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import type { InitLike, Parameter } from '../parameter.js';
import { Activation, checkActType } from './activation.js';
import { pyTuple, spatialTuple } from './tuple.js';

type ActType = nd.ActType;

/** Options of {@link Conv1D} and {@link Conv2D} (MXNet's keyword arguments, camelCase). */
export interface ConvOptions extends BlockOptions {
  /** Stride per spatial axis (one number for all); default 1. */
  strides?: number | readonly number[];
  /** Zero padding on both sides of each spatial axis; default 0. */
  padding?: number | readonly number[];
  /** Kernel dilation per spatial axis; default 1. */
  dilation?: number | readonly number[];
  /** Groups of input channels, each convolved with its own channels/groups filters; default 1. */
  groups?: number;
  /** 'NCW' (Conv1D) or 'NCHW' (Conv2D), the only layouts MXTS has. */
  layout?: 'NCW' | 'NCHW';
  /** Applied after the convolution; none (linear) by default. */
  activation?: ActType | null;
  /** Default true. */
  useBias?: boolean;
  /** The weight's own initializer; the one `initialize` gets when omitted. */
  weightInitializer?: InitLike | null;
  /** Default 'zeros'. */
  biasInitializer?: InitLike;
  /** Input channels; 0 (default) infers them from the first input. */
  inChannels?: number;
}

/**
 * MXNet's `_Conv` (the base of the public conv layers, not exported by the index): the convolution layers' common part. The weight has shape
 * (channels, inChannels/groups, ...kernel), 0 for the in-dimension until the first forward
 * when `inChannels` is not given; the prefix is `conv<n>_` as MXNet's `_alias`.
 */
export class Conv extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Conv';
  /** The filters, shape (channels, inChannels/groups, ...kernelSize). */
  weight: Parameter;
  /** The bias, shape (channels,), or null without one. */
  bias: Parameter | null;
  /** The activation child, or null for linear. */
  act: Activation | null;
  /** @internal */
  readonly _channels: number;
  /** @internal */
  readonly _kernel: number[];
  /** @internal */
  readonly _strides: number[];
  /** @internal */
  readonly _padding: number[];
  /** @internal */
  readonly _dilation: number[];
  /** @internal */
  readonly _groups: number;
  /** @internal */
  readonly _layout: 'NCW' | 'NCHW';

  constructor(
    op: string,
    nDims: 1 | 2,
    channels: number,
    kernelSize: number | readonly number[],
    options: ConvOptions,
  ) {
    const layoutWanted = nDims === 1 ? 'NCW' : 'NCHW';
    const {
      strides = 1,
      padding = 0,
      dilation = 1,
      groups = 1,
      layout = layoutWanted,
      activation = null,
      useBias = true,
      weightInitializer = null,
      biasInitializer = 'zeros',
      inChannels = 0,
      ...blockOptions
    } = options;
    if (!Number.isInteger(channels) || channels <= 0) {
      throw new InvalidArgumentError(op, `channels must be a positive integer, got ${channels}`);
    }
    const kernel = spatialTuple(op, 'kernelSize', kernelSize, nDims, 1);
    const stride = spatialTuple(op, 'strides', strides, nDims, 1);
    const pad = spatialTuple(op, 'padding', padding, nDims, 0);
    const dilate = spatialTuple(op, 'dilation', dilation, nDims, 1);
    if (layout !== layoutWanted) {
      throw new InvalidArgumentError(
        op,
        `layout '${String(layout)}' is not supported; MXTS convolves ${layoutWanted} data only (transpose channels-last data first)`,
      );
    }
    if (!Number.isInteger(groups) || groups < 1 || channels % groups !== 0) {
      throw new InvalidArgumentError(
        op,
        `groups=${groups} must be a positive integer dividing channels=${channels}`,
      );
    }
    if (!Number.isInteger(inChannels) || inChannels < 0 || inChannels % groups !== 0) {
      throw new InvalidArgumentError(
        op,
        `inChannels=${inChannels} must be 0 (inferred) or a positive multiple of groups=${groups}`,
      );
    }
    if (activation !== null) checkActType(op, activation);
    super(blockOptions);
    this._channels = channels;
    this._kernel = kernel;
    this._strides = stride;
    this._padding = pad;
    this._dilation = dilate;
    this._groups = groups;
    this._layout = layoutWanted;
    const [weight, bias, act] = this.nameScope(() => {
      const w = this.params.get('weight', {
        shape: [channels, inChannels / groups, ...kernel],
        init: weightInitializer,
        allowDeferredInit: true,
      });
      const b = useBias
        ? this.params.get('bias', {
            shape: [channels],
            init: biasInitializer,
            allowDeferredInit: true,
          })
        : null;
      const a =
        activation !== null ? new Activation(activation, { prefix: `${activation}_` }) : null;
      return [w, b, a] as const;
    });
    this.weight = weight;
    this.bias = bias;
    this.act = act;
  }

  /** MXNet `_alias()`: convolution layers are named `conv<n>_`. */
  override _alias(): string {
    return 'conv';
  }

  /** Sets the weight's in-channel dimension from the first input. */
  override inferShape(x: NDArray): void {
    const op = `${mxnetName(this)}.forward`;
    const nd = this._kernel.length + 2;
    if (x.ndim !== nd) {
      throw new ShapeError(
        op,
        [x.shape],
        `input must be ${nd}-D (${this._layout}), got ${x.ndim}-D`,
      );
    }
    const c = x.shape[1];
    if (c % this._groups !== 0) {
      throw new ShapeError(
        op,
        [x.shape],
        `input channels (${c}) must be a multiple of groups=${this._groups}`,
      );
    }
    this.weight.shape = [this._channels, c / this._groups, ...this._kernel];
  }

  override hybridForward(F: F, x: NDArray, params: { weight: NDArray; bias?: NDArray }): NDArray {
    const y = F.Convolution(x, params.weight, params.bias ?? null, {
      kernel: this._kernel,
      numFilter: this._channels,
      stride: this._strides,
      dilate: this._dilation,
      pad: this._padding,
      numGroup: this._groups,
      noBias: params.bias === undefined,
      layout: this._layout,
    });
    return this.act === null ? y : this.act.forward(y);
  }

  /** MXNet's `repr`: `Conv2D(1 -> 6, kernel_size=(5, 5), stride=(1, 1), Activation(relu))`. */
  override toString(): string {
    const shape = this.weight.shape ?? [this._channels, 0];
    let s = `${mxnetName(this)}(${shape[1] ? shape[1] : 'None'} -> ${shape[0]}, kernel_size=${pyTuple(this._kernel)}, stride=${pyTuple(this._strides)}`;
    if (this._padding.some((p) => p !== 0)) s += `, padding=${pyTuple(this._padding)}`;
    if (this._dilation.some((d) => d !== 1)) s += `, dilation=${pyTuple(this._dilation)}`;
    if (this._groups !== 1) s += `, groups=${this._groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.act !== null) s += `, ${this.act.toString()}`;
    return `${s})`;
  }
}
