import { type NDArray, nd } from '@mxts/core';
import {
  checkUpdateArgs,
  numberArg,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  stateArrays,
} from './optimizer.js';

/** Options of {@link SGD}. */
export interface SGDOptions extends OptimizerOptions {
  /** The momentum; default 0 (no state). */
  momentum?: number;
  /** MXNet's `lazy_update`, for row_sparse gradients only; MXTS arrays are dense, so it changes nothing. Default true. */
  lazyUpdate?: boolean;
}

/**
 * MXNet `mx.optimizer.SGD(momentum=0, lazy_update=True, **kwargs)`: stochastic gradient
 * descent with momentum and weight decay, through `nd.multiSgdUpdate` /
 * `nd.multiSgdMomUpdate` as MXNet 1.9.1 does for dense arrays:
 * `state = momentum*state - lr*wd*weight - lr*clip(rescaleGrad*grad)`, `weight += state`
 * (without momentum the state is 0 each step). Default learning rate 0.01.
 *
 * @example
 * const opt = new SGD({ learningRate: 0.1, momentum: 0.9, wd: 1e-4 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class SGD extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'SGD';
  /** MXNet `momentum`. */
  momentum: number;
  /** MXNet `lazy_update`. */
  lazyUpdate: boolean;

  constructor(options: SGDOptions = {}) {
    super(options, ['momentum', 'lazyUpdate']);
    this.momentum = numberArg('SGD', 'momentum', options.momentum ?? 0);
    this.lazyUpdate = Boolean(options.lazyUpdate ?? true);
  }

  /** MXNet `create_state`: a zero momentum of the weight's shape, or null without momentum. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    if (this.momentum === 0) return null;
    return nd.zeros(weight.shape, { ctx: weight.context, dtype: weight.dtype });
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'SGD.update';
    checkUpdateArgs(op, weight, grad);
    const mom = state === null ? null : stateArrays(op, state, 1)[0];
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    // MXNet passes momentum only when > 0 and clip_gradient only when truthy.
    const clipGradient = this.clipGradient ? this.clipGradient : undefined;
    // MXNet 1.9.1 runs the multi-weight kernels for dense arrays (aggregate=True), whose
    // rounding differs from sgd_update's; sgd_update/sgd_mom_update serve sparse ones only.
    const common = {
      lrs: [lr],
      wds: [wd],
      rescaleGrad: this.rescaleGrad,
      clipGradient,
      numWeights: 1,
      out: [weight],
    };
    if (mom !== null) {
      nd.multiSgdMomUpdate([weight, grad, mom], {
        ...common,
        momentum: Math.max(this.momentum, 0),
      });
    } else {
      nd.multiSgdUpdate([weight, grad], common);
    }
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), momentum: this.momentum, lazyUpdate: this.lazyUpdate };
  }
}
