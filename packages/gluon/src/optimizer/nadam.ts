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

/** Options of {@link Nadam}. */
export interface NadamOptions extends OptimizerOptions {
  /** Decay of the first moment; default 0.9. */
  beta1?: number;
  /** Decay of the second moment; default 0.999. */
  beta2?: number;
  /** Added to the root of the second moment; default 1e-8. */
  epsilon?: number;
  /** Decay of the momentum schedule; default 0.004. */
  scheduleDecay?: number;
}

/**
 * MXNet `mx.optimizer.Nadam(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
 * schedule_decay=0.004, **kwargs)`, Adam with Nesterov momentum (Dozat 2015), MXNet 1.9.1's
 * NDArray composition. As MXNet's, the momentum schedule `mSchedule` is one value for the
 * whole optimizer, multiplied at every update of any weight.
 *
 * @example
 * const opt = new Nadam({ learningRate: 0.01 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class Nadam extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Nadam';
  /** MXNet `beta1`. */
  beta1: number;
  /** MXNet `beta2`. */
  beta2: number;
  /** MXNet `epsilon`. */
  epsilon: number;
  /** MXNet `schedule_decay`. */
  scheduleDecay: number;
  /** MXNet `m_schedule`: the product of the momentum schedule so far. */
  mSchedule = 1;

  constructor(options: NadamOptions = {}) {
    super(options, ['beta1', 'beta2', 'epsilon', 'scheduleDecay'], 0.001);
    const op = 'Nadam';
    this.beta1 = numberArg(op, 'beta1', options.beta1 ?? 0.9);
    this.beta2 = numberArg(op, 'beta2', options.beta2 ?? 0.999);
    this.epsilon = numberArg(op, 'epsilon', options.epsilon ?? 1e-8);
    this.scheduleDecay = numberArg(op, 'scheduleDecay', options.scheduleDecay ?? 0.004);
  }

  /** MXNet `create_state`: zero mean and variance. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, 2);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'Nadam.update';
    checkUpdateArgs(op, weight, grad);
    const [m, v] = stateArrays(op, state, 2);
    checkClip(op, this.clipGradient);
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const t = this.indexUpdateCount.get(index) as number;
    const { beta1, beta2, epsilon } = this;
    const momentumT = beta1 * (1 - 0.5 * 0.96 ** (t * this.scheduleDecay));
    const momentumT1 = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * this.scheduleDecay));
    this.mSchedule = this.mSchedule * momentumT;
    const mScheduleNext = this.mSchedule * momentumT1;
    const mSchedule = this.mSchedule;
    const clip = this.clipGradient;
    mx.autograd.pause(() =>
      mx.scope(() => {
        let g = grad.mul(this.rescaleGrad).add(weight.mul(wd));
        if (clip !== null) g = nd.clip(g, -clip, clip);
        m.imul(beta1);
        m.iadd(g.mul(1 - beta1));
        v.imul(beta2);
        v.iadd(g.mul(1 - beta2).mul(g));
        const gPrime = g.div(1 - mSchedule);
        const mPrime = m.div(1 - mScheduleNext);
        const vPrime = v.div(1 - beta2 ** t);
        const mBar = gPrime.mul(1 - momentumT).add(mPrime.mul(momentumT1));
        weight.isub(mBar.mul(lr).div(nd.sqrt(vPrime).add(epsilon)));
      }),
    );
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      scheduleDecay: this.scheduleDecay,
    };
  }

  override _extraState(): Record<string, unknown> {
    return { mSchedule: this.mSchedule };
  }

  override _setExtraState(extra: Record<string, unknown>): void {
    if (typeof extra.mSchedule === 'number') this.mSchedule = extra.mSchedule;
  }
}
