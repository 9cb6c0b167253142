// temporary: replaced by the optimizer branch at merge. A minimal, working implementation
// of docs' optimizer contract (SGD only) so that the Trainer builds and is tested now.
import { InvalidArgumentError, type NDArray } from '@mxts/core';

/** An optimizer state: an array, none, or a nest of them. */
export type OptimizerState = NDArray | null | readonly OptimizerState[];

/** What an optimizer reads of a parameter (gluon.Parameter satisfies it). */
export interface OptimizerParam {
  readonly name: string;
  readonly lrMult: number;
  readonly wdMult: number;
}

/** The learning-rate schedule an optimizer calls with its update count. */
export interface LRScheduler {
  baseLr: number;
  call(numUpdate: number): number;
}

/** MXNet `Optimizer(**kwargs)` options, camelCase. */
export interface OptimizerOptions {
  rescaleGrad?: number;
  paramIdx2Name?: Record<number, string>;
  wd?: number;
  clipGradient?: number | null;
  learningRate?: number;
  lrScheduler?: LRScheduler | null;
  beginNumUpdate?: number;
  multiPrecision?: boolean;
  paramDict?: Record<number, OptimizerParam>;
}

/**
 * MXNet `mx.optimizer.Optimizer`: learning rate (or schedule), weight decay, per-index
 * multipliers and update counts; subclasses implement `createState` and `update`.
 * @example const opt = createOptimizer('sgd', { learningRate: 0.1 });
 */
export abstract class Optimizer {
  rescaleGrad: number;
  lr: number;
  lrScheduler: LRScheduler | null;
  wd: number;
  clipGradient: number | null;
  beginNumUpdate: number;
  numUpdate: number;
  multiPrecision: boolean;
  idx2name: Record<number, string>;
  readonly paramDict: Record<number, OptimizerParam>;
  lrMult: Record<string | number, number> = {};
  wdMult: Record<string | number, number> = {};
  /** @internal MXNet `_index_update_count`. */
  indexUpdateCount: Map<number, number> = new Map();

  constructor(options: OptimizerOptions = {}, defaultLr = 0.01) {
    this.rescaleGrad = options.rescaleGrad ?? 1;
    this.lrScheduler = options.lrScheduler ?? null;
    this.lr = options.learningRate ?? defaultLr;
    if (this.lrScheduler !== null && options.learningRate !== undefined) {
      this.lrScheduler.baseLr = options.learningRate;
    }
    this.wd = options.wd ?? 0;
    this.clipGradient = options.clipGradient ?? null;
    this.beginNumUpdate = options.beginNumUpdate ?? 0;
    this.numUpdate = this.beginNumUpdate;
    this.multiPrecision = options.multiPrecision ?? false;
    this.idx2name = { ...(options.paramIdx2Name ?? {}) };
    this.paramDict = options.paramDict ?? {};
    this.setLrMult({});
    this.setWdMult({});
  }

  /** MXNet `learning_rate`. */
  get learningRate(): number {
    return this.lrScheduler !== null ? this.lrScheduler.call(this.numUpdate) : this.lr;
  }

  /** MXNet `set_learning_rate(lr)`: raises when a scheduler is set. */
  setLearningRate(lr: number): void {
    if (this.lrScheduler !== null) {
      throw new InvalidArgumentError(
        'Optimizer.setLearningRate',
        'LRScheduler of the optimizer has already been defined. Note that set_learning_rate can mutate the value of the learning rate of the optimizer only when the LRScheduler of the optimizer is undefined.',
      );
    }
    this.lr = lr;
  }

  /** MXNet `set_lr_mult(args_lr_mult)`. */
  setLrMult(m: Record<string, number>): void {
    this.lrMult = { ...m };
  }

  /** MXNet `set_wd_mult(args_wd_mult)`: no decay on names not ending in _weight/_gamma. */
  setWdMult(m: Record<string, number>): void {
    this.wdMult = {};
    for (const n of Object.values(this.idx2name)) {
      if (!(n.endsWith('_weight') || n.endsWith('_gamma'))) this.wdMult[n] = 0;
    }
    Object.assign(this.wdMult, m);
  }

  /** MXNet `_update_count(index)`. */
  protected updateCount(index: number): void {
    const c = (this.indexUpdateCount.get(index) ?? this.beginNumUpdate) + 1;
    this.indexUpdateCount.set(index, c);
    this.numUpdate = Math.max(c, this.numUpdate);
  }

  /** MXNet `_get_lr(index)`. */
  protected getLr(index: number): number {
    let lr = this.learningRate;
    if (index in this.paramDict) lr *= this.paramDict[index].lrMult;
    else if (index in this.lrMult) lr *= this.lrMult[index];
    else if (index in this.idx2name) lr *= this.lrMult[this.idx2name[index]] ?? 1;
    return lr;
  }

  /** MXNet `_get_wd(index)`. */
  protected getWd(index: number): number {
    let wd = this.wd;
    if (index in this.paramDict) wd *= this.paramDict[index].wdMult;
    else if (index in this.wdMult) wd *= this.wdMult[index];
    else if (index in this.idx2name) wd *= this.wdMult[this.idx2name[index]] ?? 1;
    return wd;
  }

  abstract createState(index: number, weight: NDArray): OptimizerState;

  createStateMultiPrecision(index: number, weight: NDArray): OptimizerState {
    return this.createState(index, weight);
  }

  abstract update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void;

  updateMultiPrecision(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    this.update(index, weight, grad, state);
  }
}
