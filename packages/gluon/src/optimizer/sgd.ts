// temporary: replaced by the optimizer branch at merge.
import { keep, type NDArray, nd } from '@mxts/core';
import { Optimizer, type OptimizerOptions, type OptimizerState } from './optimizer.js';

/** Options of {@link SGD}. */
export interface SGDOptions extends OptimizerOptions {
  /** Default 0 (no state). */
  momentum?: number;
  lazyUpdate?: boolean;
}

/**
 * MXNet `mx.optimizer.SGD(momentum=0.0, lazy_update=True, **kwargs)`: `nd.sgdUpdate`, or
 * `nd.sgdMomUpdate` with a momentum state, in place.
 * @example const opt = new SGD({ learningRate: 0.1, momentum: 0.9 });
 */
export class SGD extends Optimizer {
  momentum: number;

  constructor(options: SGDOptions = {}) {
    super(options, 0.01);
    this.momentum = options.momentum ?? 0;
  }

  override createState(_index: number, weight: NDArray): OptimizerState {
    if (this.momentum === 0) return null;
    // States outlive the step (and any mx.scope) that creates them.
    return keep(nd.zeros(weight.shape, { dtype: weight.dtype, ctx: weight.ctx }));
  }

  override update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const opts = {
      lr,
      wd,
      rescaleGrad: this.rescaleGrad,
      ...(this.clipGradient ? { clipGradient: this.clipGradient } : {}),
      out: weight,
    };
    if (state !== null && !Array.isArray(state)) {
      nd.sgdMomUpdate(weight, grad, state as NDArray, { ...opts, momentum: this.momentum });
    } else {
      nd.sgdUpdate(weight, grad, opts);
    }
  }
}
