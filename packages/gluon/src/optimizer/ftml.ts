import { type NDArray, nd } from '@mxts/core';
import {
  checkUpdateArgs,
  numberArg,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  stateArrays,
  zeroStates,
} from './optimizer.js';

/** Options of {@link FTML}. */
export interface FTMLOptions extends OptimizerOptions {
  /** Default 0.6. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-8. */
  epsilon?: number;
}

/**
 * MXNet `mx.optimizer.FTML(beta1=0.6, beta2=0.999, epsilon=1e-8, **kwargs)` (Follow the
 * Moving Leader, Zheng & Kwok 2017) through `nd.ftmlUpdate` with `t` the update count of the
 * index, as MXNet 1.9.1. The state is `[d, v, z]`. Default learning rate 0.01.
 *
 * @example
 * const opt = new FTML({ learningRate: 0.0025 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class FTML extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'FTML';
  /** MXNet `beta1`. */
  beta1: number;
  /** MXNet `beta2`. */
  beta2: number;
  /** MXNet `epsilon`. */
  epsilon: number;

  constructor(options: FTMLOptions = {}) {
    super(options, ['beta1', 'beta2', 'epsilon']);
    this.beta1 = numberArg('FTML', 'beta1', options.beta1 ?? 0.6);
    this.beta2 = numberArg('FTML', 'beta2', options.beta2 ?? 0.999);
    this.epsilon = numberArg('FTML', 'epsilon', options.epsilon ?? 1e-8);
  }

  /** MXNet `create_state`: zero `d`, `v` and `z`. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, 3);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'FTML.update';
    checkUpdateArgs(op, weight, grad);
    const [d, v, z] = stateArrays(op, state, 3);
    this.updateCount(index);
    nd.ftmlUpdate(weight, grad, d, v, z, {
      lr: this.getLr(index),
      wd: this.getWd(index),
      t: this.indexUpdateCount.get(index) as number,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      rescaleGrad: this.rescaleGrad,
      clipGrad: this.clipGradient ? this.clipGradient : undefined,
      out: weight,
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
