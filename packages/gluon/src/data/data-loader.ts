import { autograd, InvalidArgumentError, NDArray, nd } from '@mxts/core';
import { ArrayDataset } from './array-dataset.js';
import { defaultBatchify } from './batchify.js';
import type { Dataset } from './dataset.js';
import {
  BatchSampler,
  type LastBatch,
  RandomSampler,
  type Sampler,
  SequentialSampler,
} from './sampler.js';

/** Options of {@link DataLoader} (MXNet's keyword arguments, camelCase). */
export interface DataLoaderOptions {
  /** Samples per batch; required unless `batchSampler` is given. */
  batchSize?: number;
  /** A new random order each pass (numpy's generator, see RandomSampler). */
  shuffle?: boolean;
  /** The order of samples; excludes `shuffle`. */
  sampler?: Sampler<number> | (Iterable<number> & { length: number });
  /** 'keep' (default), 'discard' or 'rollover'. */
  lastBatch?: LastBatch;
  /** Gives whole batches of indices; excludes batchSize, shuffle, sampler and lastBatch. */
  batchSampler?: Sampler<number[]> | (Iterable<number[]> & { length: number });
  /** Combines a list of samples into a batch; `defaultBatchify` by default. */
  batchify?: (samples: unknown[]) => unknown;
  /** Accepted for MXNet compatibility; 0 only (batches are made in this thread). */
  numWorkers?: number;
}

/**
 * MXNet `gluon.data.DataLoader(dataset, batch_size=None, shuffle=False, sampler=None,
 * last_batch=None, batch_sampler=None, batchify_fn=None)`: iterates over batches, with
 * `for (const [x, y] of loader)` (or `for await`). Each batch's arrays belong to the caller
 * (free them, or run each step in `mx.scope`).
 *
 * @example
 * const loader = new gluon.data.DataLoader(new gluon.data.ArrayDataset(X, y), { batchSize: 32, shuffle: true });
 * for (const [data, label] of loader) { ... }
 */
export class DataLoader implements Iterable<any>, AsyncIterable<any> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'DataLoader';
  private readonly dataset: Dataset<unknown>;
  private readonly batchSampler: Iterable<number[]> & { length: number };
  private readonly batchify: ((samples: unknown[]) => unknown) | null;

  constructor(dataset: Dataset<unknown>, options: DataLoaderOptions = {}) {
    const op = 'DataLoader';
    if (
      dataset === null ||
      typeof dataset !== 'object' ||
      typeof (dataset as Dataset).get !== 'function'
    ) {
      throw new InvalidArgumentError(op, 'dataset must be a gluon.data.Dataset');
    }
    const {
      batchSize,
      shuffle = false,
      sampler,
      lastBatch,
      batchSampler,
      batchify,
      numWorkers = 0,
    } = options;
    if (numWorkers !== 0) {
      throw new InvalidArgumentError(op, 'numWorkers: MXTS makes batches in this thread; use 0');
    }
    if (batchSampler === undefined) {
      if (batchSize === undefined) {
        throw new InvalidArgumentError(
          op,
          'batch_size must be specified unless batch_sampler is specified',
        );
      }
      let s = sampler;
      if (s === undefined)
        s = shuffle ? new RandomSampler(dataset.length) : new SequentialSampler(dataset.length);
      else if (shuffle)
        throw new InvalidArgumentError(op, 'shuffle must not be specified if sampler is specified');
      this.batchSampler = new BatchSampler(s, batchSize, lastBatch ?? 'keep');
    } else {
      if (batchSize !== undefined || shuffle || sampler !== undefined || lastBatch !== undefined) {
        throw new InvalidArgumentError(
          op,
          'batch_size, shuffle, sampler and last_batch must not be specified if batch_sampler is specified.',
        );
      }
      this.batchSampler = batchSampler;
    }
    this.dataset = dataset;
    this.batchify = batchify ?? null;
  }

  /** MXNet `len(loader)`: the number of batches per pass. */
  get length(): number {
    return this.batchSampler.length;
  }

  private makeBatch(indices: number[]): unknown {
    const ds = this.dataset;
    if (this.batchify === null) {
      const gathered = (ds as { _gather?: (i: number[]) => unknown })._gather?.(indices);
      if (gathered !== undefined && gathered !== null) return gathered;
    }
    if (this.batchify === null && ds instanceof ArrayDataset) {
      const fields = ds._sources.map((src, k) => {
        if (src instanceof NDArray) {
          return autograd.pause(() => {
            const idx = nd.array(indices, { dtype: 'int32', ctx: src.ctx });
            const out = nd.take(src, idx);
            idx.dispose();
            return out;
          });
        }
        return defaultBatchify(indices.map((i) => ds._row(k, i)));
      });
      return fields.length === 1 ? fields[0] : fields;
    }
    const samples = indices.map((i) => ds.get(i));
    return (this.batchify ?? defaultBatchify)(samples);
  }

  /** The batches, synchronously (MXNet's `for batch in loader`). */
  *[Symbol.iterator](): Iterator<any> {
    for (const batch of this.batchSampler) yield this.makeBatch(batch);
  }

  /** The batches, for `for await` (datasets that read asynchronously). */
  async *[Symbol.asyncIterator](): AsyncIterator<any> {
    for (const batch of this.batchSampler) yield this.makeBatch(batch);
  }
}
