import { type NDArray, nd } from '@mxts/core';
import {
  checkUpdateArgs,
  numberArg,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  stateArrays,
} from './optimizer.js';

/** Options of {@link Signum}. */
export interface SignumOptions extends OptimizerOptions {
  /** The momentum; default 0.9 (0: signSGD, no state). */
  momentum?: number;
  /** Decoupled weight decay (Loshchilov & Hutter); default 0. */
  wdLh?: number;
}

/**
 * MXNet `mx.optimizer.Signum(learning_rate=0.01, momentum=0.9, wd_lh=0.0, **kwargs)`
 * (Bernstein et al. 2018): steps by the sign of the momentum through `nd.signumUpdate`, or
 * by the sign of the gradient through `nd.signsgdUpdate` without momentum, as MXNet 1.9.1.
 *
 * @example
 * const opt = new Signum({ learningRate: 0.01 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class Signum extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Signum';
  /** MXNet `momentum`. */
  momentum: number;
  /** MXNet `wd_lh`. */
  wdLh: number;

  constructor(options: SignumOptions = {}) {
    super(options, ['momentum', 'wdLh'], 0.01);
    this.momentum = numberArg('Signum', 'momentum', options.momentum ?? 0.9);
    this.wdLh = numberArg('Signum', 'wdLh', options.wdLh ?? 0);
  }

  /** MXNet `create_state`: a zero momentum, or null without momentum. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    if (this.momentum === 0) return null;
    return nd.zeros(weight.shape, { ctx: weight.context, dtype: weight.dtype });
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'Signum.update';
    checkUpdateArgs(op, weight, grad);
    const mom = state === null ? null : stateArrays(op, state, 1)[0];
    this.updateCount(index);
    const common = {
      lr: this.getLr(index),
      wd: this.getWd(index),
      rescaleGrad: this.rescaleGrad,
      clipGradient: this.clipGradient ? this.clipGradient : undefined,
      out: weight,
    };
    if (mom !== null) {
      nd.signumUpdate(weight, grad, mom, {
        ...common,
        momentum: Math.max(this.momentum, 0),
        wdLh: this.wdLh,
      });
    } else {
      nd.signsgdUpdate(weight, grad, common);
    }
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), momentum: this.momentum, wdLh: this.wdLh };
  }
}
