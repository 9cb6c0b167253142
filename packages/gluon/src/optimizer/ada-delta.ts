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

/** Options of {@link AdaDelta}. */
export interface AdaDeltaOptions extends OptimizerOptions {
  /** Decay of both accumulators; default 0.9. */
  rho?: number;
  /** Added under both square roots; default 1e-5. */
  epsilon?: number;
}

/**
 * MXNet `mx.optimizer.AdaDelta(rho=0.9, epsilon=1e-5, **kwargs)` (Zeiler 2012), MXNet
 * 1.9.1's NDArray composition: `grad *= rescaleGrad` (in place on the gradient, as MXNet),
 * `g = clip(grad)`, `accG = rho*accG + (1-rho)*g*g`,
 * `delta = sqrt(accDelta + epsilon) / sqrt(accG + epsilon) * g`,
 * `accDelta = rho*accDelta + (1-rho)*delta*delta`, `weight -= delta + wd*weight`.
 * Like MXNet's, it uses no learning rate (nor lrMult or a scheduler).
 *
 * @example
 * const opt = new AdaDelta({ rho: 0.95 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class AdaDelta extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'AdaDelta';
  /** MXNet `rho`. */
  rho: number;
  /** MXNet `epsilon`. */
  epsilon: number;

  constructor(options: AdaDeltaOptions = {}) {
    super(options, ['rho', 'epsilon']);
    this.rho = numberArg('AdaDelta', 'rho', options.rho ?? 0.9);
    this.epsilon = numberArg('AdaDelta', 'epsilon', options.epsilon ?? 1e-5);
  }

  /** MXNet `create_state`: the zero accumulated gradient and delta. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, 2);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'AdaDelta.update';
    checkUpdateArgs(op, weight, grad);
    const [accG, accDelta] = stateArrays(op, state, 2);
    checkClip(op, this.clipGradient);
    const wd = this.getWd(index);
    this.updateCount(index);
    const clip = this.clipGradient;
    const { rho, epsilon } = this;
    mx.autograd.pause(() =>
      mx.scope(() => {
        let g = grad.imul(this.rescaleGrad);
        if (clip !== null) g = nd.clip(g, -clip, clip);
        accG.imul(rho);
        accG.iadd(g.mul(1 - rho).mul(g));
        const delta = nd
          .sqrt(accDelta.add(epsilon))
          .div(nd.sqrt(accG.add(epsilon)))
          .mul(g);
        accDelta.imul(rho);
        accDelta.iadd(delta.mul(1 - rho).mul(delta));
        weight.isub(delta.add(weight.mul(wd)));
      }),
    );
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rho: this.rho, epsilon: this.epsilon };
  }
}
