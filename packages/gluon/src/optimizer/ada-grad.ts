import * as mx from '@mxts/core';
import { InvalidArgumentError, type NDArray, nd } from '@mxts/core';
import {
  checkUpdateArgs,
  numberArg,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  stateArrays,
} from './optimizer.js';

/** Options of {@link AdaGrad}. */
export interface AdaGradOptions extends OptimizerOptions {
  /** Added to the history under the square root; default 1e-7 (MXNet's `eps`). */
  eps?: number;
}

/** @internal Refuses a negative clip bound before anything runs (MXNet would clip to an empty box). */
export function checkClip(op: string, clip: number | null): void {
  if (clip !== null && clip < 0) {
    throw new InvalidArgumentError(op, `clipGradient must be >= 0 or null, got ${clip}`);
  }
}

/**
 * MXNet `mx.optimizer.AdaGrad(eps=1e-7, **kwargs)` (Duchi et al.), MXNet 1.9.1's dense path
 * (MXNet has no dense AdaGrad operator; it composes NDArray ops, as here):
 * `g = clip(grad*rescaleGrad)`, `history += g*g`, `div = g / sqrt(history + eps)`,
 * `weight += (div + weight*wd) * -lr`. Default learning rate 0.01.
 *
 * @example
 * const opt = new AdaGrad({ learningRate: 0.1 });
 * const state = opt.createState(0, w);
 * opt.update(0, w, w.grad!, state);
 */
export class AdaGrad extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'AdaGrad';
  /** MXNet `float_stable_eps`. */
  floatStableEps: number;

  constructor(options: AdaGradOptions = {}) {
    super(options, ['eps']);
    this.floatStableEps = numberArg('AdaGrad', 'eps', options.eps ?? 1e-7);
  }

  /** MXNet `create_state`: the zero history. @example opt.createState(0, w) */
  override createState(_index: number, weight: NDArray): OptimizerState {
    return nd.zeros(weight.shape, { ctx: weight.context, dtype: weight.dtype });
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, state) */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const op = 'AdaGrad.update';
    checkUpdateArgs(op, weight, grad);
    const [history] = stateArrays(op, state, 1);
    checkClip(op, this.clipGradient);
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const clip = this.clipGradient;
    mx.autograd.pause(() =>
      mx.scope(() => {
        let g = grad.mul(this.rescaleGrad);
        if (clip !== null) g = nd.clip(g, -clip, clip);
        history.iadd(nd.square(g));
        const div = g.div(nd.sqrt(history.add(this.floatStableEps)));
        weight.iadd(div.add(weight.mul(wd)).mul(-lr));
      }),
    );
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), eps: this.floatStableEps };
  }
}
