import { InvalidArgumentError, type NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import type { InitLike, Parameter } from '../parameter.js';
import { channelAxis } from './norm-shape.js';
import { pyFloat } from './tuple.js';

/** Options of {@link LayerNorm} (MXNet's keyword arguments, camelCase). */
export interface LayerNormOptions extends BlockOptions {
  /** The normalized axis; default -1. */
  axis?: number;
  /** Added to the variance; default 1e-5. */
  epsilon?: number;
  /** Learn `beta`; false leaves it at its initial value (gradReq 'null'). Default true. */
  center?: boolean;
  /** Learn `gamma`; false leaves it at its initial value (gradReq 'null'). Default true. */
  scale?: boolean;
  /** Default 'zeros'. */
  betaInitializer?: InitLike;
  /** Default 'ones'. */
  gammaInitializer?: InitLike;
  /** Length of the normalized axis; 0 (default) infers it from the first input. */
  inChannels?: number;
}

/**
 * MXNet `gluon.nn.LayerNorm(axis=-1, epsilon=1e-5, center=True, scale=True,
 * beta_initializer='zeros', gamma_initializer='ones', in_channels=0)`: `mx.nd.LayerNorm`,
 * (x - mean) / sqrt(var + epsilon) * gamma + beta along `axis` for each sample, the same in
 * training and prediction. As MXNet, `center`/`scale` false only freeze beta/gamma.
 *
 * @example
 * const ln = new gluon.nn.LayerNorm();
 * ln.initialize();
 * ln.forward(mx.nd.array([[1, 3]])); // ≈ [[-1, 1]]
 */
export class LayerNorm extends HybridBlock {
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

  constructor(options: LayerNormOptions = {}) {
    const {
      axis = -1,
      epsilon = 1e-5,
      center = true,
      scale = true,
      betaInitializer = 'zeros',
      gammaInitializer = 'ones',
      inChannels = 0,
      ...blockOptions
    } = options;
    const op = 'nn.LayerNorm';
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

  /** Sets the length of the normalized axis from the first input. */
  override inferShape(x: NDArray): void {
    const c = x.shape[channelAxis(`${this.constructor.name}.forward`, x, this._axis)];
    this.gamma.shape = [c];
    this.beta.shape = [c];
  }

  override hybridForward(F: F, x: NDArray, p: { gamma: NDArray; beta: NDArray }): NDArray {
    return F.LayerNorm(x, p.gamma, p.beta, { axis: this._axis, eps: this._epsilon });
  }

  /** MXNet's `repr`: `LayerNorm(eps=1e-05, axis=-1, center=True, scale=True, in_channels=4)`. */
  override toString(): string {
    const py = (b: boolean) => (b ? 'True' : 'False');
    return `${this.constructor.name}(eps=${pyFloat(this._epsilon)}, axis=${this._axis}, center=${py(this._center)}, scale=${py(this._scale)}, in_channels=${this.gamma.shape?.[0] ?? 0})`;
  }
}
