import { InvalidArgumentError } from '@mxts/core';
import { finiteNumber, integer, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Options of {@link CosineScheduler}. */
export interface CosineSchedulerOptions extends LRSchedulerOptions {
  /** The learning rate reached at `maxUpdate`; default 0. */
  finalLr?: number;
}

/**
 * MXNet `mx.lr_scheduler.CosineScheduler(max_update, base_lr=0.01, final_lr=0,
 * warmup_steps=0, warmup_begin_lr=0, warmup_mode='linear')`: after warm-up,
 * `finalLr + (baseLrOrig - finalLr) * (1 + cos(pi * (numUpdate - warmupSteps) / maxSteps)) / 2`
 * with `maxSteps = maxUpdate - warmupSteps`; past `maxUpdate` the last value is kept.
 *
 * @example
 * const s = new CosineScheduler(10, { baseLr: 1 });
 * s.call(5); // 0.5
 */
export class CosineScheduler extends LRScheduler {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'CosineScheduler';
  /** MXNet `base_lr_orig`: `baseLr` at construction. */
  readonly baseLrOrig: number;
  /** MXNet `max_update`. */
  readonly maxUpdate: number;
  /** MXNet `final_lr`. */
  readonly finalLr: number;
  /** MXNet `max_steps`: `maxUpdate - warmupSteps`. */
  readonly maxSteps: number;

  constructor(maxUpdate: number, options: CosineSchedulerOptions = {}) {
    super(options);
    const op = 'CosineScheduler';
    integer(op, 'maxUpdate', maxUpdate);
    if (maxUpdate < 1) {
      throw new InvalidArgumentError(
        op,
        `maximum number of updates must be strictly positive, got maxUpdate=${maxUpdate}`,
      );
    }
    this.baseLrOrig = this.baseLr;
    this.maxUpdate = maxUpdate;
    this.finalLr = finiteNumber(op, 'finalLr', options.finalLr ?? 0);
    this.maxSteps = this.maxUpdate - this.warmupSteps;
  }

  /** MXNet `__call__(num_update)`; see {@link LRScheduler.call}. @example s.call(10) */
  call(numUpdate: number): number {
    if (numUpdate < this.warmupSteps) return this.getWarmupLr(numUpdate);
    if (numUpdate <= this.maxUpdate) {
      this.baseLr =
        this.finalLr +
        ((this.baseLrOrig - this.finalLr) *
          (1 + Math.cos((Math.PI * (numUpdate - this.warmupSteps)) / this.maxSteps))) /
          2;
    }
    return this.baseLr;
  }
}
