import { InvalidArgumentError, type NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import type { InitLike, Parameter } from '../parameter.js';
import { channelAxis } from './norm-shape.js';
import { pyFloat } from './tuple.js';

/** The keyword arguments `LayerNorm` and `InstanceNorm` share (MXNet's, camelCase). */
export interface AxisNormOptions extends BlockOptions {
  /** The axis the (C,) parameters follow. */
  axis?: number;
  /** Added to the variance; default 1e-5. */
  epsilon?: number;
  /** Learn `beta`; false leaves it at its initial value (gradReq 'null'). Default true. */
  center?: boolean;
  /** Learn `gamma`; false leaves it at its initial value (gradReq 'null'). */
  scale?: boolean;
  /** Default 'zeros'. */
  betaInitializer?: InitLike;
  /** Default 'ones'. */
  gammaInitializer?: InitLike;
  /** Length of `axis`; 0 (default) infers it from the first input. */
  inChannels?: number;
}

/**
 * The base of `LayerNorm` and `InstanceNorm` (not exported by the index): what they share, a `gamma` and a `beta` of shape (C,)
 * along one axis, inferred from the first input, their checks and MXNet's `repr`.
 * Subclasses give their defaults and the computation (`hybridForward`).
 */
export abstract class AxisNorm extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'AxisNorm';
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

  constructor(op: string, options: AxisNormOptions, defaults: { axis: number; scale: boolean }) {
    const {
      axis = defaults.axis,
      epsilon = 1e-5,
      center = true,
      scale = defaults.scale,
      betaInitializer = 'zeros',
      gammaInitializer = 'ones',
      inChannels = 0,
      ...blockOptions
    } = options;
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

  /** Sets the length of `axis` from the first input. */
  override inferShape(x: NDArray): void {
    const c = x.shape[channelAxis(`${mxnetName(this)}.forward`, x, this._axis)];
    this.gamma.shape = [c];
    this.beta.shape = [c];
  }

  /** MXNet's `repr`, e.g. `LayerNorm(eps=1e-05, axis=-1, center=True, scale=True, in_channels=4)`. */
  override toString(): string {
    const py = (b: boolean) => (b ? 'True' : 'False');
    return `${mxnetName(this)}(eps=${pyFloat(this._epsilon)}, axis=${this._axis}, center=${py(this._center)}, scale=${py(this._scale)}, in_channels=${this.gamma.shape?.[0] ?? 0})`;
  }
}
