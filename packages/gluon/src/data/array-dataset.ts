import { autograd, InvalidArgumentError, NDArray, nd } from '@mxts/core';
import { Dataset } from './dataset.js';

/** One field source of an ArrayDataset: an NDArray (rows along axis 0) or a JS/typed array. */
export type ArraySource = NDArray | ArrayLike<unknown>;

/**
 * MXNet `gluon.data.ArrayDataset(*args)`: zips arrays of equal length; `get(i)` is the i-th
 * row of one source, or a tuple (JS array) of rows for several. Rows of an NDArray with
 * more than one axis are NDArrays; of a 1-D NDArray, numbers (MXNet converts those to
 * numpy). The DataLoader gathers whole batches of NDArray sources with one `take` per
 * field instead of row by row.
 *
 * @example
 * const ds = new gluon.data.ArrayDataset(mx.nd.ones([100, 2]), labels);
 * const [x0, y0] = ds.get(0) as [mx.NDArray, number];
 */
export class ArrayDataset extends Dataset<unknown> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'ArrayDataset';
  /** @internal The sources. */
  readonly _sources: readonly ArraySource[];
  private readonly _length: number;
  private readonly _host = new Map<number, ArrayLike<number>>();

  constructor(...sources: ArraySource[]) {
    super();
    if (sources.length === 0) {
      throw new InvalidArgumentError('ArrayDataset', 'Needs at least 1 arrays');
    }
    const len = (s: ArraySource): number => {
      if (s instanceof NDArray) {
        if (s.ndim === 0)
          throw new InvalidArgumentError('ArrayDataset', 'an NDArray source needs at least 1 axis');
        return s.shape[0];
      }
      if (
        s === null ||
        typeof s !== 'object' ||
        typeof (s as ArrayLike<unknown>).length !== 'number'
      ) {
        throw new InvalidArgumentError(
          'ArrayDataset',
          `a source must be an NDArray or an array, got ${typeof s}`,
        );
      }
      return (s as ArrayLike<unknown>).length;
    };
    this._length = len(sources[0]);
    sources.forEach((s, i) => {
      const n = len(s);
      if (n !== this._length) {
        throw new InvalidArgumentError(
          'ArrayDataset',
          `All arrays must have the same length; array[0] has length ${this._length} while array[${i}] has ${n}.`,
        );
      }
    });
    this._sources = sources;
  }

  override get length(): number {
    return this._length;
  }

  /** @internal Row `idx` of source `k`. */
  _row(k: number, idx: number): unknown {
    const s = this._sources[k];
    if (!(s instanceof NDArray)) return (s as ArrayLike<unknown>)[idx];
    if (s.ndim === 1) {
      let host = this._host.get(k);
      if (host === undefined) {
        host = s.dataSync() as ArrayLike<number>;
        this._host.set(k, host);
      }
      return host[idx];
    }
    return autograd.pause(() => {
      const i = nd.array([idx], { dtype: 'int32', ctx: s.ctx });
      const row = nd.take(s, i);
      i.dispose();
      const out = row.reshape(s.shape.slice(1));
      row.dispose();
      return out;
    });
  }

  override get(idx: number): unknown {
    if (!Number.isInteger(idx) || idx < -this._length || idx >= this._length) {
      throw new InvalidArgumentError(
        'ArrayDataset.get',
        `index ${idx} out of range for length ${this._length}`,
      );
    }
    const i = idx < 0 ? idx + this._length : idx;
    if (this._sources.length === 1) return this._row(0, i);
    return this._sources.map((_, k) => this._row(k, i));
  }
}
