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

/** Options of {@link Ftrl}. */
export interface FtrlOptions extends OptimizerOptions {
  /** The L1 regularization coefficient; default 0.01. */
  lamda1?: number;
  /** The per-coordinate learning-rate beta; default 1. */
  beta?: number;
}

/**
 * MXNet `mx.optimizer.Ftrl(lamda1=0.01, learning_rate=0.1, beta=1, **kwargs)` (McMahan et
 * al. 2013) through `nd.ftrlUpdate`, as MXNet 1.9.1. The state is `[z, n]`. As MXNet's, the
 * learning rate (default 0.1) is set after the base constructor, so it never overwrites a
 * scheduler's `baseLr`.
 *
 * @example
 * const opt = new Ftrl({ lamda1: 0.01 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class Ftrl extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Ftrl';
  /** MXNet `lamda1`. */
  lamda1: number;
  /** MXNet `beta`. */
  beta: number;

  constructor(options: FtrlOptions = {}) {
    super({ ...options, learningRate: undefined }, ['lamda1', 'beta']);
    this.lamda1 = numberArg('Ftrl', 'lamda1', options.lamda1 ?? 0.01);
    this.beta = numberArg('Ftrl', 'beta', options.beta ?? 1);
    this.lr = numberArg('Ftrl', 'learningRate', options.learningRate ?? 0.1);
  }

  /** MXNet `create_state`: zero `z` and `n`. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, 2);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'Ftrl.update';
    checkUpdateArgs(op, weight, grad);
    const [z, n] = stateArrays(op, state, 2);
    this.updateCount(index);
    const wd = this.getWd(index);
    const lr = this.getLr(index);
    nd.ftrlUpdate(weight, grad, z, n, {
      lr,
      wd,
      lamda1: this.lamda1,
      beta: this.beta,
      rescaleGrad: this.rescaleGrad,
      clipGradient: this.clipGradient ? this.clipGradient : undefined,
      out: weight,
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), lamda1: this.lamda1, beta: this.beta };
  }
}
