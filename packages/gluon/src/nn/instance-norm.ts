import { type NDArray, ShapeError } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import { AxisNorm, type AxisNormOptions } from './axis-norm.js';
import { channelAxis } from './norm-shape.js';

/** Options of {@link InstanceNorm} (MXNet's keyword arguments, camelCase). */
export interface InstanceNormOptions extends AxisNormOptions {
  /** The channel axis; default 1. */
  axis?: number;
  /** Learn `gamma`; default false (gamma stays at its initial ones, as MXNet). */
  scale?: boolean;
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
export class InstanceNorm extends AxisNorm {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'InstanceNorm';
  constructor(options: InstanceNormOptions = {}) {
    super('nn.InstanceNorm', options, { axis: 1, scale: false });
  }

  override hybridForward(F: F, x: NDArray, p: { gamma: NDArray; beta: NDArray }): NDArray {
    const op = `${mxnetName(this)}.forward`;
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
}
