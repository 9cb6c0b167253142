import { type NDArray, nd } from '@mxts/core';
import {
  checkUpdateArgs,
  numberArg,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  stateArrays,
} from './optimizer.js';

/** Options of {@link NAG}. */
export interface NAGOptions extends OptimizerOptions {
  /** The momentum; default 0 (no state, plain SGD steps). */
  momentum?: number;
}

/**
 * MXNet `mx.optimizer.NAG(momentum=0, **kwargs)`: Nesterov accelerated gradient through
 * `nd.nagMomUpdate` (`nd.sgdUpdate` without momentum), as MXNet 1.9.1:
 * `mom = momentum*mom`, `step = lr*(clip(rescaleGrad*grad) + wd*weight)`,
 * `weight += (momentum + 1)*(mom - step) - mom`, `mom -= step`. Default learning rate 0.01.
 *
 * @example
 * const opt = new NAG({ learningRate: 0.1, momentum: 0.9 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class NAG extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'NAG';
  /** MXNet `momentum`. */
  momentum: number;

  constructor(options: NAGOptions = {}) {
    super(options, ['momentum']);
    this.momentum = numberArg('NAG', 'momentum', options.momentum ?? 0);
  }

  /** MXNet `create_state`: a zero momentum, or null without momentum. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    if (this.momentum === 0) return null;
    return nd.zeros(weight.shape, { ctx: weight.context, dtype: weight.dtype });
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'NAG.update';
    checkUpdateArgs(op, weight, grad);
    const mom = state === null ? null : stateArrays(op, state, 1)[0];
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const clipGradient = this.clipGradient ? this.clipGradient : undefined;
    const common = { lr, wd, rescaleGrad: this.rescaleGrad, clipGradient, out: weight };
    if (mom !== null) {
      nd.nagMomUpdate(weight, grad, mom, {
        ...common,
        momentum: Math.max(this.momentum, 0),
      });
    } else {
      nd.sgdUpdate(weight, grad, common);
    }
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), momentum: this.momentum };
  }
}
