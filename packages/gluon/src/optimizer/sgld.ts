import * as mx from '@mxts/core';
import { DTypeError, type NDArray, nd } from '@mxts/core';
import { checkClip } from './ada-grad.js';
import {
  checkUpdateArgs,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
} from './optimizer.js';

/**
 * MXNet `mx.optimizer.SGLD(**kwargs)`, stochastic gradient Langevin dynamics (Welling & Teh
 * 2011), MXNet 1.9.1's NDArray composition: `g = clip(grad*rescaleGrad)`,
 * `weight += -lr/2 * (g + wd*weight)`, then `weight += normal(0, sqrt(lr))`, drawn from
 * MXTS's MXNet-exact random stream (`mx.random.seed` makes it reproducible). No state.
 * Default learning rate 0.01.
 *
 * @example
 * mx.random.seed(0);
 * const opt = new SGLD({ learningRate: 1e-3 });
 * opt.update(0, w, w.grad!, null);
 */
export class SGLD extends Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'SGLD';
  constructor(options: OptimizerOptions = {}) {
    super(options);
  }

  /** MXNet `create_state`: none. @example opt.createState(0, w) // null */
  override createState(_index: number, _weight: NDArray): OptimizerState {
    return null;
  }

  /** MXNet `update`; see {@link Optimizer.update}. @example opt.update(0, w, g, null) */
  update(index: number, weight: NDArray, grad: NDArray, _state: OptimizerState): void {
    const op = 'SGLD.update';
    checkUpdateArgs(op, weight, grad);
    checkClip(op, this.clipGradient);
    const dtype = weight.dtype;
    if (dtype !== 'float32' && dtype !== 'float64') {
      throw new DTypeError(op, `weight has dtype ${dtype}; SGLD needs float32 or float64`);
    }
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const clip = this.clipGradient;
    mx.autograd.pause(() =>
      mx.scope(() => {
        let g = grad.mul(this.rescaleGrad);
        if (clip !== null) g = nd.clip(g, -clip, clip);
        weight.iadd(g.add(weight.mul(wd)).mul(-lr / 2));
        weight.iadd(
          nd.random.normal({
            loc: 0,
            scale: Math.sqrt(lr),
            shape: weight.shape,
            dtype,
            ctx: weight.context,
          }),
        );
      }),
    );
  }
}
