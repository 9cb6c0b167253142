import { InvalidArgumentError } from '@mxts/core';
import { finiteNumber, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Options of {@link FactorScheduler}. */
export interface FactorSchedulerOptions extends LRSchedulerOptions {
  /** The factor the learning rate is multiplied by every `step` updates; at most 1, default 1. */
  factor?: number;
  /** The learning rate stops falling at this value; default 1e-8. */
  stopFactorLr?: number;
}

/**
 * MXNet `mx.lr_scheduler.FactorScheduler(step, factor=1, stop_factor_lr=1e-8, base_lr=0.01,
 * warmup_steps=0, warmup_begin_lr=0, warmup_mode='linear')`: multiplies the learning rate by
 * `factor` every `step` updates, giving `baseLr * factor^floor((numUpdate - 1) / step)`,
 * never below `stopFactorLr`. Stateful as MXNet's: each call that passes `count + step`
 * advances `count` and multiplies `baseLr`.
 *
 * @example
 * const s = new FactorScheduler(2, { factor: 0.5, baseLr: 1 });
 * [1, 2, 3, 4, 5].map((n) => s.call(n)); // [1, 1, 0.5, 0.5, 0.25]
 */
export class FactorScheduler extends LRScheduler {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'FactorScheduler';
  /** MXNet `step`: updates between two changes. */
  readonly step: number;
  /** MXNet `factor`. */
  readonly factor: number;
  /** MXNet `stop_factor_lr`. */
  readonly stopFactorLr: number;
  /** MXNet `count`: the update count of the last change. */
  count = 0;

  constructor(step: number, options: FactorSchedulerOptions = {}) {
    super(options);
    const op = 'FactorScheduler';
    finiteNumber(op, 'step', step);
    const factor = finiteNumber(op, 'factor', options.factor ?? 1);
    if (step < 1) {
      throw new InvalidArgumentError(
        op,
        `Schedule step must be greater or equal than 1 round, got step=${step}`,
      );
    }
    if (factor > 1) {
      throw new InvalidArgumentError(
        op,
        `Factor must be no more than 1 to make lr reduce, got factor=${factor}`,
      );
    }
    this.step = step;
    this.factor = factor;
    this.stopFactorLr = finiteNumber(op, 'stopFactorLr', options.stopFactorLr ?? 1e-8);
  }

  /** MXNet `__call__(num_update)`; see {@link LRScheduler.call}. @example s.call(10) */
  call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    // A loop rather than one step, as MXNet, for resuming at a later update count.
    while (numUpdate > this.count + this.step) {
      this.count += this.step;
      this.baseLr *= this.factor;
      if (this.baseLr < this.stopFactorLr) this.baseLr = this.stopFactorLr;
    }
    return this.baseLr;
  }
}
