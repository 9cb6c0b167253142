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

/** Options of {@link RMSProp}. */
export interface RMSPropOptions extends OptimizerOptions {
  /** Decay of the moving average of the squared gradient; default 0.9. */
  gamma1?: number;
  /** The "momentum" of the centered version; default 0.9 (used only when `centered`). */
  gamma2?: number;
  /** Added under the square root; default 1e-8. */
  epsilon?: number;
  /** Graves's centered version (true) or Tieleman & Hinton's (false, the default). */
  centered?: boolean;
  /** Clip the weights to `[-c, c]` after each step; default null (off, as 0). */
  clipWeights?: number | null;
}

/**
 * MXNet `mx.optimizer.RMSProp(learning_rate=0.001, gamma1=0.9, gamma2=0.9, epsilon=1e-8,
 * centered=False, clip_weights=None, **kwargs)`: `nd.rmspropUpdate` (Tieleman & Hinton) or,
 * with `centered`, `nd.rmspropalexUpdate` (Graves 2013), as MXNet 1.9.1. The state is `[n]`,
 * or `[n, g, delta]` when centered.
 *
 * @example
 * const opt = new RMSProp({ learningRate: 0.01, centered: true });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class RMSProp extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'RMSProp';
  /** MXNet `gamma1`. */
  gamma1: number;
  /** MXNet `gamma2`. */
  gamma2: number;
  /** MXNet `epsilon`. */
  epsilon: number;
  /** MXNet `centered`. */
  centered: boolean;
  /** MXNet `clip_weights`. */
  clipWeights: number | null;

  constructor(options: RMSPropOptions = {}) {
    super(options, ['gamma1', 'gamma2', 'epsilon', 'centered', 'clipWeights'], 0.001);
    const op = 'RMSProp';
    this.gamma1 = numberArg(op, 'gamma1', options.gamma1 ?? 0.9);
    this.gamma2 = numberArg(op, 'gamma2', options.gamma2 ?? 0.9);
    this.epsilon = numberArg(op, 'epsilon', options.epsilon ?? 1e-8);
    this.centered = Boolean(options.centered ?? false);
    const cw = options.clipWeights ?? null;
    this.clipWeights = cw === null ? null : numberArg(op, 'clipWeights', cw);
  }

  /** MXNet `create_state`: `[n]`, or `[n, g, delta]` when centered, all zeros. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, this.centered ? 3 : 1);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'RMSProp.update';
    checkUpdateArgs(op, weight, grad);
    const s = stateArrays(op, state, this.centered ? 3 : 1);
    this.updateCount(index);
    const options = {
      lr: this.getLr(index),
      wd: this.getWd(index),
      gamma1: this.gamma1,
      epsilon: this.epsilon,
      rescaleGrad: this.rescaleGrad,
      // MXNet passes both clips only when truthy; the operators' default -1 is off.
      clipGradient: this.clipGradient ? this.clipGradient : undefined,
      clipWeights: this.clipWeights ? this.clipWeights : undefined,
      out: weight,
    };
    if (!this.centered) {
      nd.rmspropUpdate(weight, grad, s[0], options);
    } else {
      nd.rmspropalexUpdate(weight, grad, s[0], s[1], s[2], { ...options, gamma2: this.gamma2 });
    }
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      gamma1: this.gamma1,
      gamma2: this.gamma2,
      epsilon: this.epsilon,
      centered: this.centered,
      clipWeights: this.clipWeights,
    };
  }
}
