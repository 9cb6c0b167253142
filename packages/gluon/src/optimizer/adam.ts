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

/** Options of {@link Adam}. */
export interface AdamOptions extends OptimizerOptions {
  /** Decay of the first moment; default 0.9. */
  beta1?: number;
  /** Decay of the second moment; default 0.999. */
  beta2?: number;
  /** Added to the root of the second moment; default 1e-8. */
  epsilon?: number;
  /** MXNet's `lazy_update`, for row_sparse gradients only; changes nothing in MXTS. Default true. */
  lazyUpdate?: boolean;
}

/**
 * MXNet `mx.optimizer.Adam(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
 * lazy_update=True, **kwargs)` (Kingma & Ba), through `nd.adamUpdate` as MXNet 1.9.1: the
 * bias correction is folded into the learning rate, `lr *= sqrt(1 - beta2^t) / (1 - beta1^t)`
 * with `t` the update count of the index, then
 * `g = clip(rescaleGrad*grad + wd*weight)`, `mean = beta1*mean + (1-beta1)*g`,
 * `var = beta2*var + (1-beta2)*g*g`, `weight -= lr*mean / (sqrt(var) + epsilon)`.
 *
 * @example
 * const opt = new Adam({ learningRate: 0.01 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class Adam extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Adam';
  /** MXNet `beta1`. */
  beta1: number;
  /** MXNet `beta2`. */
  beta2: number;
  /** MXNet `epsilon`. */
  epsilon: number;
  /** MXNet `lazy_update`. */
  lazyUpdate: boolean;

  constructor(options: AdamOptions = {}) {
    super(options, ['beta1', 'beta2', 'epsilon', 'lazyUpdate'], 0.001);
    this.beta1 = numberArg('Adam', 'beta1', options.beta1 ?? 0.9);
    this.beta2 = numberArg('Adam', 'beta2', options.beta2 ?? 0.999);
    this.epsilon = numberArg('Adam', 'epsilon', options.epsilon ?? 1e-8);
    this.lazyUpdate = Boolean(options.lazyUpdate ?? true);
  }

  /** MXNet `create_state`: zero mean and variance. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, 2);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'Adam.update';
    checkUpdateArgs(op, weight, grad);
    const [mean, variance] = stateArrays(op, state, 2);
    this.updateCount(index);
    let lr = this.getLr(index);
    const wd = this.getWd(index);
    const t = this.indexUpdateCount.get(index) as number;
    const coef1 = 1 - this.beta1 ** t;
    const coef2 = 1 - this.beta2 ** t;
    lr *= Math.sqrt(coef2) / coef1;
    nd.adamUpdate(weight, grad, mean, variance, {
      lr,
      wd,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      rescaleGrad: this.rescaleGrad,
      clipGradient: this.clipGradient ? this.clipGradient : undefined,
      out: weight,
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      lazyUpdate: this.lazyUpdate,
    };
  }
}
