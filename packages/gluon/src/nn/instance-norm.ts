import { InvalidArgumentError, type NDArray, ShapeError } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import type { InitLike, Parameter } from '../parameter.js';
import { channelAxis } from './norm-shape.js';
import { pyFloat } from './tuple.js';

/** Options of {@link InstanceNorm} (MXNet's keyword arguments, camelCase). */
export interface InstanceNormOptions extends BlockOptions {
  /** The channel axis; default 1. */
  axis?: number;
  /** Added to the variance; default 1e-5. */
  epsilon?: number;
  /** Learn `beta`; default true. */
  center?: boolean;
  /** Learn `gamma`; default false (gamma stays at its initial ones, as MXNet). */
  scale?: boolean;
  /** Default 'zeros'. */
  betaInitializer?: InitLike;
  /** Default 'ones'. */
  gammaInitializer?: InitLike;
  /** Channels; 0 (default) infers them from the first input. */
  inChannels?: number;
}

/**
 * MXNet `gluon.nn.InstanceNorm(axis=1, epsilon=1e-5, center=True, scale=False,
 * beta_initializer='zeros', gamma_initializer='ones', in_channels=0)`: MXNet's
 * `InstanceNorm` op, (x - mean) / sqrt(var + epsilon) * gamma + beta with the mean and
 * biased variance over the spatial axes of each sample and channel, gamma and beta per
 * channel. MXTS composes it from reductions and arithmetic, so it differentiates to any
 * order. Needs at least 3-D input, as MXNet.
 *
 * @example
 * const inorm = new gluon.nn.InstanceNorm();
 * inorm.initialize();
 * inorm.forward(mx.nd.array([[[1, 3]]])); // ≈ [[[-1, 1]]]
 */
export class InstanceNorm extends HybridBlock {
  /** The scale, shape (C,). */
  gamma: Parameter;
  /** The shift, shape (C,). */
  beta: Parameter;
  /** @internal */
  readonly _axis: number;
  /** @internal */
  readonly _epsilon: number;
  /** @internal */
  readonly _center: boolean;
  /** @internal */
  readonly _scale: boolean;

  constructor(options: InstanceNormOptions = {}) {
    const {
      axis = 1,
      epsilon = 1e-5,
      center = true,
      scale = false,
      betaInitializer = 'zeros',
      gammaInitializer = 'ones',
      inChannels = 0,
      ...blockOptions
    } = options;
    const op = 'nn.InstanceNorm';
    if (!Number.isInteger(axis)) {
      throw new InvalidArgumentError(op, `axis must be an integer, got ${axis}`);
    }
    if (typeof epsilon !== 'number' || !(epsilon >= 0)) {
      throw new InvalidArgumentError(op, `epsilon=${epsilon} must be a number >= 0`);
    }
    if (!Number.isInteger(inChannels) || inChannels < 0) {
      throw new InvalidArgumentError(op, `inChannels must be an integer >= 0, got ${inChannels}`);
    }
    super(blockOptions);
    this._axis = axis;
    this._epsilon = epsilon;
    this._center = center;
    this._scale = scale;
    this.gamma = this.params.get('gamma', {
      gradReq: scale ? 'write' : 'null',
      shape: [inChannels],
      init: gammaInitializer,
      allowDeferredInit: true,
    });
    this.beta = this.params.get('beta', {
      gradReq: center ? 'write' : 'null',
      shape: [inChannels],
      init: betaInitializer,
      allowDeferredInit: true,
    });
  }

  /** Sets the channel count from the first input's `axis`. */
  override inferShape(x: NDArray): void {
    const c = x.shape[channelAxis(`${this.constructor.name}.forward`, x, this._axis)];
    this.gamma.shape = [c];
    this.beta.shape = [c];
  }

  override hybridForward(F: F, x: NDArray, p: { gamma: NDArray; beta: NDArray }): NDArray {
    const op = `${this.constructor.name}.forward`;
    if (x.ndim < 3) {
      throw new ShapeError(op, [x.shape], 'input must have a batch, a channel and a spatial axis');
    }
    const axis = channelAxis(op, x, this._axis);
    // MXNet swaps the channel axis to 1, normalizes, and swaps back.
    const swap = x.shape.map((_, i) => (i === 1 ? axis : i === axis ? 1 : i));
    const a = axis === 1 ? x : F.transpose(x, { axes: swap });
    const spatial = a.shape.map((_, i) => i).slice(2);
    const along = a.shape.map((d, i) => (i === 1 ? d : 1));
    const mu = F.mean(a, { axis: spatial, keepdims: true });
    const centered = F.subtract(a, mu);
    const variance = F.mean(F.square(centered), { axis: spatial, keepdims: true });
    const normed = F.multiply(centered, F.rsqrt(F.add(variance, this._epsilon)));
    const y = F.add(
      F.multiply(normed, F.reshape(p.gamma, { shape: along })),
      F.reshape(p.beta, { shape: along }),
    );
    return axis === 1 ? y : F.transpose(y, { axes: swap });
  }

  /** MXNet's `repr`: `InstanceNorm(eps=1e-05, axis=1, center=True, scale=False, in_channels=3)`. */
  override toString(): string {
    const py = (b: boolean) => (b ? 'True' : 'False');
    return `${this.constructor.name}(eps=${pyFloat(this._epsilon)}, axis=${this._axis}, center=${py(this._center)}, scale=${py(this._scale)}, in_channels=${this.gamma.shape?.[0] ?? 0})`;
  }
}
