import { InvalidArgumentError } from '@mxts/core';
import { mxnetName } from '../mxnet-name.js';

/** How the learning rate rises during warm-up: MXNet's `warmup_mode`. */
export type WarmupMode = 'linear' | 'constant';

/** The keyword arguments of every scheduler (MXNet's `LRScheduler.__init__`). */
export interface LRSchedulerOptions {
  /** The learning rate after warm-up; default 0.01. An optimizer given `learningRate` overwrites it. */
  baseLr?: number;
  /** Updates spent warming up before the schedule starts; a non-negative integer, default 0. */
  warmupSteps?: number;
  /** The learning rate warm-up starts from; default 0, at most `baseLr`. */
  warmupBeginLr?: number;
  /** 'linear' (equal increments up to `baseLr`) or 'constant' (`warmupBeginLr` throughout); default 'linear'. */
  warmupMode?: WarmupMode;
}

/** @internal Throws unless `v` is a finite number. */
export function finiteNumber(op: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new InvalidArgumentError(op, `${name} must be a finite number, got ${String(v)}`);
  }
  return v;
}

/** @internal Throws unless `v` is an integer (MXNet asserts `isinstance(v, int)`). */
export function integer(op: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new InvalidArgumentError(op, `${name} must be an integer, got ${String(v)}`);
  }
  return v;
}

/**
 * MXNet `mx.lr_scheduler.LRScheduler`: the base class of learning-rate schedules, a function
 * of the number of updates done. Python's `scheduler(num_update)` is {@link LRScheduler.call}.
 * Schedulers are stateful as in MXNet: `baseLr` (and a factor scheduler's `count`) change as
 * they are called, so call them with non-decreasing update counts.
 *
 * @example
 * class Halving extends LRScheduler {
 *   call(numUpdate: number) { return numUpdate < this.warmupSteps ? this.getWarmupLr(numUpdate) : this.baseLr / 2; }
 * }
 */
export abstract class LRScheduler {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'LRScheduler';
  /** MXNet `base_lr`: the current learning rate after warm-up. */
  baseLr: number;
  /** MXNet `warmup_steps`. */
  readonly warmupSteps: number;
  /** MXNet `warmup_final_lr`: `baseLr` at construction, where linear warm-up ends. */
  readonly warmupFinalLr: number;
  /** MXNet `warmup_begin_lr`. */
  readonly warmupBeginLr: number;
  /** MXNet `warmup_mode`. */
  readonly warmupMode: WarmupMode;

  constructor(options: LRSchedulerOptions = {}) {
    const op = mxnetName(new.target);
    const baseLr = finiteNumber(op, 'baseLr', options.baseLr ?? 0.01);
    const warmupSteps = integer(op, 'warmupSteps', options.warmupSteps ?? 0);
    const warmupBeginLr = finiteNumber(op, 'warmupBeginLr', options.warmupBeginLr ?? 0);
    const warmupMode = options.warmupMode ?? 'linear';
    if (warmupBeginLr > baseLr) {
      throw new InvalidArgumentError(
        op,
        `Base lr has to be higher than warmup_begin_lr: baseLr=${baseLr} < warmupBeginLr=${warmupBeginLr}`,
      );
    }
    if (warmupSteps < 0) {
      throw new InvalidArgumentError(
        op,
        `Warmup steps has to be positive or 0, got ${warmupSteps}`,
      );
    }
    if (warmupMode !== 'linear' && warmupMode !== 'constant') {
      throw new InvalidArgumentError(
        op,
        `Supports only linear and constant modes of warmup, got warmupMode=${String(warmupMode)}`,
      );
    }
    this.baseLr = baseLr;
    this.warmupSteps = warmupSteps;
    this.warmupFinalLr = baseLr;
    this.warmupBeginLr = warmupBeginLr;
    this.warmupMode = warmupMode;
  }

  /**
   * MXNet `get_warmup_lr(num_update)`: the learning rate during warm-up (`numUpdate <
   * warmupSteps`): `warmupBeginLr + (warmupFinalLr - warmupBeginLr) * numUpdate / warmupSteps`
   * in linear mode, `warmupBeginLr` in constant mode.
   *
   * @example
   * new FactorScheduler(10, { warmupSteps: 4, baseLr: 1 }).getWarmupLr(2); // 0.5
   */
  getWarmupLr(numUpdate: number): number {
    if (!(numUpdate < this.warmupSteps)) {
      throw new InvalidArgumentError(
        `${mxnetName(this)}.getWarmupLr`,
        `numUpdate=${numUpdate} must be below warmupSteps=${this.warmupSteps}`,
      );
    }
    if (this.warmupMode === 'linear') {
      const increase = ((this.warmupFinalLr - this.warmupBeginLr) * numUpdate) / this.warmupSteps;
      return this.warmupBeginLr + increase;
    }
    return this.warmupBeginLr;
  }

  /**
   * MXNet `scheduler(num_update)` (`__call__`): the learning rate after `numUpdate` updates,
   * the largest update count of any weight. May change the scheduler's state.
   *
   * @example
   * const lr = scheduler.call(optimizer.numUpdate);
   */
  abstract call(numUpdate: number): number;
}
