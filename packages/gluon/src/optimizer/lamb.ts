import * as mx from '@mxts/core';
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

/** Options of {@link LAMB}. */
export interface LAMBOptions extends OptimizerOptions {
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-6. */
  epsilon?: number;
  /** Floor of the weight norm in the trust ratio; default null (off, as 0). */
  lowerBound?: number | null;
  /** Ceiling of the weight norm in the trust ratio; default null (off, as 0). */
  upperBound?: number | null;
  /** Divide the moments by `1 - beta^t`; default true. */
  biasCorrection?: boolean;
}

/**
 * MXNet `mx.optimizer.LAMB(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-6,
 * lower_bound=None, upper_bound=None, bias_correction=True, **kwargs)` (You et al. 2019),
 * MXNet 1.9.1's single-weight path: `g = nd.lambUpdatePhase1(...)`, then
 * `nd.lambUpdatePhase2(weight, g, norm(weight), norm(g))`: Adam's step scaled by the trust
 * ratio `|weight| / |g|`. (MXNet's Updater batches weights into `multi_lamb_update`, the same
 * formulas with float32 bias-correction divisors and `lr * (r1/r2)`, so results may differ
 * from that path by float32 rounding.)
 *
 * @example
 * const opt = new LAMB({ learningRate: 0.01, wd: 0.01 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class LAMB extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'LAMB';
  /** MXNet `beta1`. */
  beta1: number;
  /** MXNet `beta2`. */
  beta2: number;
  /** MXNet `epsilon`. */
  epsilon: number;
  /** MXNet `lower_bound`. */
  lowerBound: number | null;
  /** MXNet `upper_bound`. */
  upperBound: number | null;
  /** MXNet `bias_correction`. */
  biasCorrection: boolean;

  constructor(options: LAMBOptions = {}) {
    super(
      options,
      ['beta1', 'beta2', 'epsilon', 'lowerBound', 'upperBound', 'biasCorrection'],
      0.001,
    );
    const op = 'LAMB';
    this.beta1 = numberArg(op, 'beta1', options.beta1 ?? 0.9);
    this.beta2 = numberArg(op, 'beta2', options.beta2 ?? 0.999);
    this.epsilon = numberArg(op, 'epsilon', options.epsilon ?? 1e-6);
    const lb = options.lowerBound ?? null;
    const ub = options.upperBound ?? null;
    this.lowerBound = lb === null ? null : numberArg(op, 'lowerBound', lb);
    this.upperBound = ub === null ? null : numberArg(op, 'upperBound', ub);
    this.biasCorrection = Boolean(options.biasCorrection ?? true);
  }

  /** MXNet `create_state`: zero mean and variance. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return zeroStates(weight, 2);
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'LAMB.update';
    checkUpdateArgs(op, weight, grad);
    const [mean, variance] = stateArrays(op, state, 2);
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const t = this.indexUpdateCount.get(index) as number;
    mx.autograd.pause(() =>
      mx.scope(() => {
        const g = nd.lambUpdatePhase1(weight, grad, mean, variance, {
          t,
          beta1: this.beta1,
          beta2: this.beta2,
          epsilon: this.epsilon,
          biasCorrection: this.biasCorrection,
          wd,
          rescaleGrad: this.rescaleGrad,
          clipGradient: this.clipGradient ? this.clipGradient : undefined,
        });
        nd.lambUpdatePhase2(weight, g, nd.norm(weight), nd.norm(g), {
          lr,
          lowerBound: this.lowerBound ? this.lowerBound : undefined,
          upperBound: this.upperBound ? this.upperBound : undefined,
          out: weight,
        });
      }),
    );
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      lowerBound: this.lowerBound,
      upperBound: this.upperBound,
      biasCorrection: this.biasCorrection,
    };
  }
}
