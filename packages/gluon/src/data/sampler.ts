import { InvalidArgumentError } from '@mxts/core';
import { AbstractMethodError } from '../errors/abstract-method-error.js';
import { mxnetName } from '../mxnet-name.js';
import { numpyRandom } from './numpy-random.js';

/** MXNet `gluon.data.Sampler`: an iterable of indices (or of batches) with a length. */
export class Sampler<T = number> implements Iterable<T> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'Sampler';
  /** What this sampler yields, in order: indices, or batches of them (MXNet's `__iter__`). */
  [Symbol.iterator](): Iterator<T> {
    throw new AbstractMethodError(
      `${mxnetName(this)}[Symbol.iterator]`,
      'implement iteration in your Sampler',
    );
  }

  /** How many items one pass yields (MXNet's `__len__`). */
  get length(): number {
    throw new AbstractMethodError(`${mxnetName(this)}.length`, 'implement length in your Sampler');
  }
}

function checkLength(op: string, n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(op, `length must be an integer >= 0, got ${n}`);
}

/**
 * MXNet `gluon.data.SequentialSampler(length, start=0)`: start, start+1, ...
 * @example [...new gluon.data.SequentialSampler(3)]; // [0, 1, 2]
 */
export class SequentialSampler extends Sampler<number> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'SequentialSampler';
  constructor(
    private readonly n: number,
    private readonly start = 0,
  ) {
    super();
    checkLength('SequentialSampler', n);
  }

  /** What this sampler yields, in order: indices, or batches of them (MXNet's `__iter__`). */
  override *[Symbol.iterator](): Iterator<number> {
    for (let i = this.start; i < this.start + this.n; i++) yield i;
  }

  /** How many items one pass yields (MXNet's `__len__`). */
  override get length(): number {
    return this.n;
  }
}

/**
 * MXNet `gluon.data.RandomSampler(length)`: a fresh permutation per pass, from numpy's
 * legacy generator as MXNet 1.9.1 (`np.random.shuffle`); seed it with
 * `gluon.data.numpyRandom.seed(s)` to get Python's order after `np.random.seed(s)`.
 * @example gluon.data.numpyRandom.seed(0); [...new gluon.data.RandomSampler(10)]; // [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]
 */
export class RandomSampler extends Sampler<number> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'RandomSampler';
  constructor(private readonly n: number) {
    super();
    checkLength('RandomSampler', n);
  }

  /** What this sampler yields, in order: indices, or batches of them (MXNet's `__iter__`). */
  override *[Symbol.iterator](): Iterator<number> {
    yield* numpyRandom.permutation(this.n);
  }

  /** How many items one pass yields (MXNet's `__len__`). */
  override get length(): number {
    return this.n;
  }
}

/** What to do with a last, incomplete batch. */
export type LastBatch = 'keep' | 'discard' | 'rollover';

/**
 * MXNet `gluon.data.BatchSampler(sampler, batch_size, last_batch='keep')`: groups indices
 * into batches; 'rollover' carries the incomplete batch into the next pass.
 * @example [...new gluon.data.BatchSampler(new gluon.data.SequentialSampler(5), 2)]; // [[0,1],[2,3],[4]]
 */
export class BatchSampler extends Sampler<number[]> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'BatchSampler';
  private prev: number[] = [];

  constructor(
    private readonly sampler: Sampler<number> | (Iterable<number> & { length: number }),
    private readonly batchSize: number,
    private readonly lastBatch: LastBatch = 'keep',
  ) {
    super();
    if (!Number.isInteger(batchSize) || batchSize <= 0) {
      throw new InvalidArgumentError(
        'BatchSampler',
        `batchSize must be a positive integer, got ${batchSize}`,
      );
    }
    if (lastBatch !== 'keep' && lastBatch !== 'discard' && lastBatch !== 'rollover') {
      throw new InvalidArgumentError(
        'BatchSampler',
        `last_batch must be one of 'keep', 'discard', or 'rollover', but got ${String(lastBatch)}`,
      );
    }
  }

  /** What this sampler yields, in order: indices, or batches of them (MXNet's `__iter__`). */
  override *[Symbol.iterator](): Iterator<number[]> {
    let batch = this.prev;
    this.prev = [];
    for (const i of this.sampler) {
      batch.push(i);
      if (batch.length === this.batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) {
      if (this.lastBatch === 'keep') yield batch;
      else if (this.lastBatch === 'rollover') this.prev = batch;
    }
  }

  /** How many items one pass yields (MXNet's `__len__`). */
  override get length(): number {
    const n = this.sampler.length;
    if (this.lastBatch === 'keep') return Math.ceil(n / this.batchSize);
    if (this.lastBatch === 'discard') return Math.floor(n / this.batchSize);
    return Math.floor((this.prev.length + n) / this.batchSize);
  }
}
