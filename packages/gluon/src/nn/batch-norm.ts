import { InvalidArgumentError, type NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import type { InitLike, Parameter } from '../parameter.js';
import { channelAxis } from './norm-shape.js';
import { pyFloat } from './tuple.js';

/** Options of {@link BatchNorm} (MXNet's keyword arguments, camelCase). */
export interface BatchNormOptions extends BlockOptions {
  /** The channel axis, normalized per entry; default 1 (NCHW after a Conv2D). */
  axis?: number;
  /** Weight of the old running statistics in their update; default 0.9. */
  momentum?: number;
  /** Added to the variance; default 1e-5. */
  epsilon?: number;
  /** Add `beta` (learned); false keeps beta at its initial value, without gradient. Default true. */
  center?: boolean;
  /** Multiply by `gamma` (learned); false treats gamma as 1. Default true. */
  scale?: boolean;
  /** Normalize with the running statistics in training too; default false. */
  useGlobalStats?: boolean;
  /** Default 'zeros'. */
  betaInitializer?: InitLike;
  /** Default 'ones'. */
  gammaInitializer?: InitLike;
  /** Default 'zeros'. */
  runningMeanInitializer?: InitLike;
  /** Default 'ones'. */
  runningVarianceInitializer?: InitLike;
  /** Channels; 0 (default) infers them from the first input. */
  inChannels?: number;
}

/**
 * MXNet `gluon.nn.BatchNorm(axis=1, momentum=0.9, epsilon=1e-5, center=True, scale=True,
 * use_global_stats=False, beta_initializer='zeros', gamma_initializer='ones',
 * running_mean_initializer='zeros', running_variance_initializer='ones', in_channels=0)`:
 * `mx.nd.BatchNorm` with parameters `gamma`, `beta`, `running_mean` and `running_var` of
 * shape (inChannels,). In training (`autograd.record()`, train mode) each channel is
 * normalized with the batch's mean and biased variance, and the running statistics move
 * in place: running = running * momentum + batch * (1 - momentum). In prediction (outside
 * `record`, or `useGlobalStats`) the running statistics normalize. The running statistics
 * have `gradReq` 'null': the Trainer leaves them alone.
 *
 * @example
 * const bn = new gluon.nn.BatchNorm();
 * bn.initialize();
 * const y = mx.autograd.record(() => bn.forward(x)); // x: (N, C, H, W); updates running_mean
 * bn.runningMean.name; // 'batchnorm0_running_mean'
 */
export class BatchNorm extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'BatchNorm';
  /** The scale, shape (C,). */
  gamma: Parameter;
  /** The shift, shape (C,). */
  beta: Parameter;
  /** @internal */
  readonly _axis: number;
  /** @internal */
  readonly _momentum: number;
  /** @internal */
  readonly _epsilon: number;
  /** @internal */
  readonly _scale: boolean;
  /** @internal */
  readonly _useGlobalStats: boolean;

  constructor(options: BatchNormOptions = {}) {
    const {
      axis = 1,
      momentum = 0.9,
      epsilon = 1e-5,
      center = true,
      scale = true,
      useGlobalStats = false,
      betaInitializer = 'zeros',
      gammaInitializer = 'ones',
      runningMeanInitializer = 'zeros',
      runningVarianceInitializer = 'ones',
      inChannels = 0,
      ...blockOptions
    } = options;
    const op = 'nn.BatchNorm';
    if (!Number.isInteger(axis)) {
      throw new InvalidArgumentError(op, `axis must be an integer, got ${axis}`);
    }
    if (typeof momentum !== 'number' || !(momentum >= 0 && momentum <= 1)) {
      throw new InvalidArgumentError(op, `momentum=${momentum} must lie in [0, 1]`);
    }
    if (typeof epsilon !== 'number' || !(epsilon >= 0)) {
      throw new InvalidArgumentError(op, `epsilon=${epsilon} must be a number >= 0`);
    }
    if (!Number.isInteger(inChannels) || inChannels < 0) {
      throw new InvalidArgumentError(op, `inChannels must be an integer >= 0, got ${inChannels}`);
    }
    super(blockOptions);
    this._axis = axis;
    this._momentum = momentum;
    this._epsilon = epsilon;
    this._scale = scale;
    this._useGlobalStats = useGlobalStats;
    const shape = [inChannels];
    this.gamma = this.params.get('gamma', {
      gradReq: scale ? 'write' : 'null',
      shape,
      init: gammaInitializer,
      allowDeferredInit: true,
      differentiable: scale,
    });
    this.beta = this.params.get('beta', {
      gradReq: center ? 'write' : 'null',
      shape,
      init: betaInitializer,
      allowDeferredInit: true,
      differentiable: center,
    });
    // Registered as `running_mean`/`running_var`, MXNet's attribute names, so that
    // saveParameters writes MXNet's structural names (`1.running_mean`).
    this._regParams.set(
      'running_mean',
      this.params.get('running_mean', {
        gradReq: 'null',
        shape,
        init: runningMeanInitializer,
        allowDeferredInit: true,
        differentiable: false,
      }),
    );
    this._regParams.set(
      'running_var',
      this.params.get('running_var', {
        gradReq: 'null',
        shape,
        init: runningVarianceInitializer,
        allowDeferredInit: true,
        differentiable: false,
      }),
    );
  }

  /** MXNet `running_mean`, shape (C,), gradReq 'null'. */
  get runningMean(): Parameter {
    return this._regParams.get('running_mean')!;
  }

  /** MXNet `running_var`, shape (C,), gradReq 'null'. */
  get runningVar(): Parameter {
    return this._regParams.get('running_var')!;
  }

  /** Sets the channel count from the first input's `axis`. */
  override inferShape(x: NDArray): void {
    const c = x.shape[channelAxis(`${mxnetName(this)}.forward`, x, this._axis)];
    for (const p of [this.gamma, this.beta, this.runningMean, this.runningVar]) p.shape = [c];
  }

  override hybridForward(
    F: F,
    x: NDArray,
    p: { gamma: NDArray; beta: NDArray; running_mean: NDArray; running_var: NDArray },
  ): NDArray {
    return F.BatchNorm(x, p.gamma, p.beta, p.running_mean, p.running_var, {
      axis: this._axis,
      eps: this._epsilon,
      momentum: this._momentum,
      fixGamma: !this._scale,
      useGlobalStats: this._useGlobalStats,
    });
  }

  /** MXNet's `repr`: `BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, ...)`. */
  override toString(): string {
    const c = this.gamma.shape?.[0] ?? 0;
    const py = (b: boolean) => (b ? 'True' : 'False');
    return `${mxnetName(this)}(axis=${this._axis}, eps=${pyFloat(this._epsilon)}, momentum=${pyFloat(this._momentum)}, fix_gamma=${py(!this._scale)}, use_global_stats=${py(this._useGlobalStats)}, in_channels=${c || 'None'})`;
  }
}
