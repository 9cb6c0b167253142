import { InvalidArgumentError } from '@mxts/core';
import { finiteNumber, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Options of {@link MultiFactorScheduler}. */
export interface MultiFactorSchedulerOptions extends LRSchedulerOptions {
  /** The factor the learning rate is multiplied by at each step; at most 1, default 1. */
  factor?: number;
}

/**
 * MXNet `mx.lr_scheduler.MultiFactorScheduler(step, factor=1, base_lr=0.01, warmup_steps=0,
 * warmup_begin_lr=0, warmup_mode='linear')`: multiplies the learning rate by `factor` each
 * time the update count passes one of the increasing `step` values, giving
 * `baseLr * factor^(k+1)` once `numUpdate > step[k]`. Stateful as MXNet's (`curStepInd`,
 * `count`, `baseLr` advance as it is called).
 *
 * @example
 * const s = new MultiFactorScheduler([2, 4], { factor: 0.1, baseLr: 1 });
 * [2, 3, 5].map((n) => s.call(n)); // [1, 0.1, 0.01] (up to rounding)
 */
export class MultiFactorScheduler extends LRScheduler {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'MultiFactorScheduler';
  /** MXNet `step`: the increasing update counts after which the rate changes. */
  readonly step: readonly number[];
  /** MXNet `factor`. */
  readonly factor: number;
  /** MXNet `cur_step_ind`: the next entry of `step`. */
  curStepInd = 0;
  /** MXNet `count`: the step of the last change. */
  count = 0;

  constructor(step: readonly number[], options: MultiFactorSchedulerOptions = {}) {
    super(options);
    const op = 'MultiFactorScheduler';
    if (!Array.isArray(step) || step.length < 1) {
      throw new InvalidArgumentError(op, `step must be a non-empty list of update counts`);
    }
    step.forEach((s, i) => {
      finiteNumber(op, `step[${i}]`, s);
      if (i !== 0 && step[i] <= step[i - 1]) {
        throw new InvalidArgumentError(
          op,
          `Schedule step must be an increasing integer list, got [${step.join(', ')}]`,
        );
      }
      if (s < 1) {
        throw new InvalidArgumentError(
          op,
          `Schedule step must be greater or equal than 1 round, got ${s}`,
        );
      }
    });
    const factor = finiteNumber(op, 'factor', options.factor ?? 1);
    if (factor > 1) {
      throw new InvalidArgumentError(
        op,
        `Factor must be no more than 1 to make lr reduce, got factor=${factor}`,
      );
    }
    this.step = [...step];
    this.factor = factor;
  }

  /** MXNet `__call__(num_update)`; see {@link LRScheduler.call}. @example s.call(10) */
  call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    while (this.curStepInd <= this.step.length - 1) {
      if (numUpdate > this.step[this.curStepInd]) {
        this.count = this.step[this.curStepInd];
        this.curStepInd += 1;
        this.baseLr *= this.factor;
      } else {
        return this.baseLr;
      }
    }
    return this.baseLr;
  }
}
