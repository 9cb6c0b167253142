import * as mx from '@mxts/core';
import { type NDArray, nd } from '@mxts/core';
import { checkClip } from './ada-grad.js';
import {
  checkUpdateArgs,
  numberArg,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  stateArrays,
  zeroStates,
} from './optimizer.js';

/** Options of {@link Adamax}. */
export interface AdamaxOptions extends OptimizerOptions {
  /** Decay of the first moment; default 0.9. */
  beta1?: number;
  /** Decay of the infinity norm; default 0.999. */
  beta2?: number;
}

/**
 * MXNet `mx.optimizer.Adamax(learning_rate=0.002, beta1=0.9, beta2=0.999, **kwargs)`, Adam
 * with the infinity norm (Kingma & Ba, section 7), MXNet 1.9.1's NDArray composition:
 * `g = clip(grad*rescaleGrad + wd*weight)`, `m = beta1*m + (1-beta1)*g`,
 * `u = maximum(beta2*u, |g|)`, `weight -= lr / (1 - beta1^t) * m / u`.
 *
 * @example
 * const opt = new Adamax({ learningRate: 0.01 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class Adamax extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Adamax';
  /** MXNet `beta1`. */
  beta1: number;
  /** MXNet `beta2`. */
  beta2: number;

  constructor(options: AdamaxOptions = {}) {
    super(options, ['beta1', 'beta2'], 0.002);
    this.beta1 = numberArg('Adamax', 'beta1', options.beta1 ?? 0.9);
    this.beta2 = numberArg('Adamax', 'beta2', options.beta2 ?? 0.999);
  }

  /** MXNet `create_state`: zero mean and infinity norm. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, 2);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'Adamax.update';
    checkUpdateArgs(op, weight, grad);
    const [m, u] = stateArrays(op, state, 2);
    checkClip(op, this.clipGradient);
    this.updateCount(index);
    let lr = this.getLr(index);
    const wd = this.getWd(index);
    const t = this.indexUpdateCount.get(index) as number;
    lr /= 1 - this.beta1 ** t;
    const clip = this.clipGradient;
    const { beta1, beta2 } = this;
    mx.autograd.pause(() =>
      mx.scope(() => {
        let g = grad.mul(this.rescaleGrad).add(weight.mul(wd));
        if (clip !== null) g = nd.clip(g, -clip, clip);
        m.imul(beta1);
        m.iadd(g.mul(1 - beta1));
        u.set(nd.maximum(u.mul(beta2), nd.abs(g)));
        weight.isub(m.mul(lr).div(u));
      }),
    );
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2 };
  }
}
