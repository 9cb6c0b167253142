import { InvalidArgumentError } from '@mxts/core';
import { finiteNumber, integer, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Options of {@link PolyScheduler}. */
export interface PolySchedulerOptions extends LRSchedulerOptions {
  /** The power of the decay; default 2. */
  pwr?: number;
  /** The learning rate reached at `maxUpdate`; default 0. */
  finalLr?: number;
}

/**
 * MXNet `mx.lr_scheduler.PolyScheduler(max_update, base_lr=0.01, pwr=2, final_lr=0,
 * warmup_steps=0, warmup_begin_lr=0, warmup_mode='linear')`: after warm-up,
 * `finalLr + (baseLrOrig - finalLr) * (1 - (numUpdate - warmupSteps) / maxSteps)^pwr` with
 * `maxSteps = maxUpdate - warmupSteps`; past `maxUpdate` the last value is kept (`baseLr`).
 *
 * @example
 * const s = new PolyScheduler(10, { baseLr: 1, pwr: 2 });
 * s.call(5); // 0.25
 */
export class PolyScheduler extends LRScheduler {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'PolyScheduler';
  /** MXNet `power`. */
  readonly power: number;
  /** MXNet `base_lr_orig`: `baseLr` at construction. */
  readonly baseLrOrig: number;
  /** MXNet `max_update`. */
  readonly maxUpdate: number;
  /** MXNet `final_lr`. */
  readonly finalLr: number;
  /** MXNet `max_steps`: `maxUpdate - warmupSteps`. */
  readonly maxSteps: number;

  constructor(maxUpdate: number, options: PolySchedulerOptions = {}) {
    super(options);
    const op = 'PolyScheduler';
    integer(op, 'maxUpdate', maxUpdate);
    if (maxUpdate < 1) {
      throw new InvalidArgumentError(
        op,
        `maximum number of updates must be strictly positive, got maxUpdate=${maxUpdate}`,
      );
    }
    this.power = finiteNumber(op, 'pwr', options.pwr ?? 2);
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
        (this.baseLrOrig - this.finalLr) *
          (1 - (numUpdate - this.warmupSteps) / this.maxSteps) ** this.power;
    }
    return this.baseLr;
  }
}
