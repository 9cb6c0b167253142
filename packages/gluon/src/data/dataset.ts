import { AbstractMethodError } from '../errors/abstract-method-error.js';
import { mxnetName } from '../mxnet-name.js';

/** A block (or anything with `forward`) used as a transform, as Python calls a Block. */
export interface Forwardable<U> {
  /** Applies the block or transform to one sample's fields. */
  forward(...args: any[]): U;
}

/**
 * MXNet `gluon.data.Dataset`: indexed samples. Subclasses implement `get(idx)` (Python's
 * `__getitem__`) and `length` (`__len__`). A sample with several fields (data, label) is
 * a JS array, Python's tuple.
 *
 * @example
 * class Squares extends gluon.data.Dataset<number> {
 *   get length() { return 10; }
 *   get(i: number) { return i * i; }
 * }
 */
export class Dataset<T = unknown> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'Dataset';
  /** MXNet `__getitem__(idx)`. */
  get(_idx: number): T {
    throw new AbstractMethodError(`${mxnetName(this)}.get`, 'override get(idx) in your Dataset');
  }

  /** MXNet `__len__()`. */
  get length(): number {
    throw new AbstractMethodError(
      `${mxnetName(this)}.length`,
      'override the length getter in your Dataset',
    );
  }

  /**
   * MXNet `transform(fn, lazy=True)`: a dataset of `fn(...sample)` (a tuple sample is
   * spread into the arguments). Not lazy: computed now into a SimpleDataset.
   * @example ds.transform((x, y) => [x.div(255), y]);
   */
  transform<U>(fn: ((...fields: any[]) => U) | Forwardable<U>, lazy = true): Dataset<U> {
    const f = typeof fn === 'function' ? fn : (...a: any[]) => fn.forward(...a);
    const t = new LazyTransformDataset<T, U>(this, f);
    if (lazy) return t;
    return new SimpleDataset(Array.from({ length: t.length }, (_, i) => t.get(i)));
  }

  /**
   * MXNet `transform_first(fn, lazy=True)`: applies `fn` (a function or a Block such as
   * `transforms.ToTensor`) to the first field only.
   * @example ds.transformFirst((x) => x.div(255));
   */
  transformFirst(
    fn: ((first: any) => unknown) | Forwardable<unknown>,
    lazy = true,
  ): Dataset<unknown> {
    const f = typeof fn === 'function' ? fn : (a: unknown) => fn.forward(a);
    return this.transform((...fields: unknown[]) => {
      if (fields.length <= 1) return f(fields[0]);
      return [f(fields[0]), ...fields.slice(1)];
    }, lazy);
  }

  /** Python's `iter(dataset)`. */
  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }
}

/**
 * MXNet `gluon.data.SimpleDataset(data)`: a dataset over an array (or anything with
 * `length` and index access).
 * @example const ds = new gluon.data.SimpleDataset([1, 2, 3]); ds.get(1); // 2
 */
export class SimpleDataset<T> extends Dataset<T> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'SimpleDataset';
  constructor(private readonly data: ArrayLike<T>) {
    super();
  }

  override get length(): number {
    return this.data.length;
  }

  override get(idx: number): T {
    return this.data[idx];
  }
}

/** MXNet `_LazyTransformDataset`. */
class LazyTransformDataset<T, U> extends Dataset<U> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'LazyTransformDataset';
  constructor(
    private readonly base: Dataset<T>,
    private readonly fn: (...fields: any[]) => U,
  ) {
    super();
  }

  override get length(): number {
    return this.base.length;
  }

  override get(idx: number): U {
    const item = this.base.get(idx);
    return Array.isArray(item) ? this.fn(...item) : this.fn(item);
  }
}
