import type { Context } from '../backend/context.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ScalarConversionError } from '../errors/scalar-conversion-error.js';
import { npMethods } from '../installed.js';
import type { DType } from '../ndarray/dtype.js';
import { NDArray } from '../ndarray/ndarray.js';
import { npRepr, npStr } from './np-format.js';
import type { NpIndex } from './np-index.js';
import type { NpReduceOptions, NpStdOptions } from './np-reductions.js';

/** An operand of an np binary op: an np array or a number. */
export type NpOperand = NDArray | number;

/** A nested list of numbers, as `tolist()` returns it (a number for a 0-d array). */
export type NestedList = number | NestedList[];

/**
 * MXNet `mx.np.ndarray`: an n-dimensional array with NumPy's semantics (0-d arrays, `()`
 * shapes, reductions that return 0-d arrays, NumPy broadcasting and dtype promotion with
 * float32 as the default). It is an `NDArray` on the same storage and tape, so autograd
 * (`attachGrad`, `backward`, `grad`, `detach`, higher order, `getSymbol`), scopes and every
 * function taking an NDArray work on it unchanged; its methods return np arrays.
 *
 * @example
 * const x = mx.np.arange(4); x.attachGrad();
 * const y = mx.autograd.record(() => mx.np.dot(x, x).mul(2));
 * y.backward();
 * x.grad.toString(); // '[ 0.  4.  8. 12.]'
 */
export class NpArray extends NDArray {
  /** MXNet's `x.grad`, as an np array (the buffer itself, sharing memory). */
  override get grad(): NpArray | null {
    const g = super.grad;
    return g === null ? null : asNpInPlace(g);
  }

  /** MXNet `x.detach()`: an np array on the same memory, cut from the graph. */
  override detach(): NpArray {
    return asNpInPlace(super.detach());
  }

  /** MXNet `x.as_nd_ndarray()`: the same memory and graph entry as a classic NDArray. */
  asNd(): NDArray {
    const h = super.detach();
    h._entry = this._entry;
    return h;
  }

  /** MXNet `x.item()`: the single element (or the one at a flat index) as a number. */
  async item(index?: number): Promise<number> {
    return itemOf(this, await this.data(), index);
  }

  /** Synchronous `item()`, where the backend reads synchronously. */
  itemSync(index?: number): number {
    return itemOf(this, this.dataSync(), index);
  }

  /** MXNet `x.tolist()`: the values as nested lists (a number for a 0-d array). */
  async tolist(): Promise<NestedList> {
    return nest(await this.data(), this.shape);
  }

  /** Synchronous `tolist()`. */
  tolistSync(): NestedList {
    return nest(this.dataSync(), this.shape);
  }

  /** MXNet `repr(x)`: `array([0., 1.])`, with the dtype unless float32 and the context unless CPU. */
  async repr(): Promise<string> {
    return npRepr(await this.asnumpy(), this.dtype, this.context.toString());
  }

  /** Synchronous `repr()`. */
  reprSync(): string {
    return npRepr(this.asnumpySync(), this.dtype, this.context.toString());
  }

  /** MXNet `str(x)` (what `print(x)` shows), where the backend reads synchronously. */
  override toString(): string {
    if (this.isDisposed) return '<ndarray disposed>';
    return npStr(this.asnumpySync(), this.ndim, this.context.toString());
  }

  /** MXNet `x[key]` in NumPy's notation: `x.get('1:3')`, `x.get('..., 0')`, `x.get(idx)`. */
  get(key: NpIndex): NpArray {
    return npMethods().getItem(this, key);
  }

  /**
   * MXNet `x[key] = value`: `x.set('1, 2', 9)`, `x.set('0:2, :', 12)`; with one argument,
   * `x[:] = value`. Raises as MXNet does for arrays in a recorded graph.
   */
  override set(key: NpIndex | NpOperand | ArrayLike<number>, value?: NpOperand): this {
    if (value === undefined) {
      if (typeof key === 'string') {
        throw new InvalidArgumentError(
          'set',
          `x.set('${key}') needs a value: x.set('${key}', value)`,
        );
      }
      return super.set(key as NpOperand);
    }
    return super.set(npMethods().setItemValue(this, key as NpIndex, value));
  }

  override copy(): NpArray {
    return asNpInPlace(super.copy());
  }
  /** MXNet `x.copyto(ctx)`: an np copy on another context; into an array, that array. */
  override copyTo(target: Context): NpArray;
  override copyTo<T extends NDArray>(target: T): T;
  override copyTo(target: Context | NDArray): NDArray;
  override copyTo(target: Context | NDArray): NDArray {
    const out = super.copyTo(target);
    // A copy into the caller's array keeps that array's class.
    return target instanceof NDArray ? out : asNpInPlace(out);
  }
  override asInContext(ctx: Context): NpArray {
    return ctx.equals(this.context) ? this : this.copyTo(ctx);
  }
  override astype(dtype: DType): NpArray {
    return npMethods().astype(this, dtype);
  }
  override add(v: NpOperand): NpArray {
    return npMethods().add(this, v);
  }
  override sub(v: NpOperand): NpArray {
    return npMethods().subtract(this, v);
  }
  override mul(v: NpOperand): NpArray {
    return npMethods().multiply(this, v);
  }
  override div(v: NpOperand): NpArray {
    return npMethods().trueDivide(this, v);
  }
  override pow(v: NpOperand): NpArray {
    return npMethods().power(this, v);
  }
  override neg(): NpArray {
    return npMethods().negative(this);
  }
  override equal(v: NpOperand): NpArray {
    return npMethods().equal(this, v);
  }
  override greater(v: NpOperand): NpArray {
    return npMethods().greater(this, v);
  }
  override lesser(v: NpOperand): NpArray {
    return npMethods().less(this, v);
  }
  override exp(): NpArray {
    return npMethods().exp(this);
  }
  override log(): NpArray {
    return npMethods().log(this);
  }
  override sqrt(): NpArray {
    return npMethods().sqrt(this);
  }
  override square(): NpArray {
    return npMethods().square(this);
  }
  override abs(): NpArray {
    return npMethods().abs(this);
  }
  override sin(): NpArray {
    return npMethods().sin(this);
  }
  override cos(): NpArray {
    return npMethods().cos(this);
  }
  override tanh(): NpArray {
    return npMethods().tanh(this);
  }
  override sigmoid(): NpArray {
    return npMethods().sigmoid(this);
  }
  override relu(): NpArray {
    return npMethods().relu(this);
  }
  override sum(options?: NpReduceOptions): NpArray {
    return npMethods().sum(this, options);
  }
  override mean(options?: NpReduceOptions): NpArray {
    return npMethods().mean(this, options);
  }
  override max(options?: NpReduceOptions): NpArray {
    return npMethods().max(this, options);
  }
  override min(options?: NpReduceOptions): NpArray {
    return npMethods().min(this, options);
  }
  override prod(options?: NpReduceOptions): NpArray {
    return npMethods().prod(this, options);
  }
  /** MXNet `x.std(axis=None, ddof=0, keepdims=False)`. */
  std(options?: NpStdOptions): NpArray {
    return npMethods().std(this, options);
  }
  /** MXNet `x.var(axis=None, ddof=0, keepdims=False)`. */
  var(options?: NpStdOptions): NpArray {
    return npMethods().var(this, options);
  }
  /** MXNet `x.argmax(axis=None)`. */
  argmax(options?: { axis?: number }): NpArray {
    return npMethods().argmax(this, options);
  }
  /** MXNet `x.argmin(axis=None)`. */
  argmin(options?: { axis?: number }): NpArray {
    return npMethods().argmin(this, options);
  }
  override reshape(shape: readonly number[]): NpArray {
    return npMethods().reshape(this, shape);
  }
  override transpose(axes?: readonly number[]): NpArray {
    return npMethods().transpose(this, axes);
  }
  /** MXNet `x.T`: the axes reversed (any number of dimensions, as NumPy). */
  override get T(): NpArray {
    return npMethods().transpose(this);
  }
  override expandDims(axis: number): NpArray {
    return npMethods().expandDims(this, axis);
  }
  override squeeze(axis?: number | readonly number[]): NpArray {
    return npMethods().squeeze(this, axis === undefined ? {} : { axis });
  }
  /** MXNet `x.flatten()`: a 1-d copy (NumPy's flatten, not nd's batch flatten). */
  override flatten(): NpArray {
    return npMethods().reshape(this, [-1]);
  }
  override clip(aMin: number, aMax: number): NpArray {
    return npMethods().clip(this, aMin, aMax);
  }
  override dot(other: NDArray): NpArray {
    return npMethods().dot(this, other);
  }
}

/**
 * Makes a freshly computed array an np array in place. Keeping the object (rather than
 * wrapping it in a new handle) keeps everything that already tracks it: its tape entry,
 * the scope or record callback that will free or own it, its finalizer.
 * @internal
 */
export function asNpInPlace(x: NDArray): NpArray {
  if (!(x instanceof NpArray)) Object.setPrototypeOf(x, NpArray.prototype);
  return x as NpArray;
}

/**
 * MXNet `x.as_np_ndarray()`: an np handle on the same memory and the same graph entry
 * (no copy), so a gradient through either reaches the same variable.
 * @internal
 */
export function shareAsNp(x: NDArray): NpArray {
  if (x instanceof NpArray) return x;
  const h = x.detach();
  h._entry = x._entry;
  return asNpInPlace(h);
}

function itemOf(x: NDArray, data: ArrayLike<number>, index?: number): number {
  if (index === undefined) {
    if (x.size !== 1) {
      throw new ScalarConversionError();
    }
    return data[0];
  }
  const i = index < 0 ? index + x.size : index;
  if (!Number.isInteger(i) || i < 0 || i >= x.size) {
    throw new InvalidArgumentError('item', `index ${index} is out of bounds for size ${x.size}`);
  }
  return data[i];
}

function nest(data: ArrayLike<number>, shape: readonly number[]): NestedList {
  if (shape.length === 0) return data[0];
  let pos = 0;
  const build = (d: number): NestedList[] => {
    const out: NestedList[] = [];
    for (let i = 0; i < shape[d]; i++)
      out.push(d + 1 === shape.length ? data[pos++] : build(d + 1));
    return out;
  };
  return build(0);
}
