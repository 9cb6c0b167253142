import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { SyncReadUnavailableError } from '../errors/sync-read-unavailable-error.js';
import { array } from '../ndarray/creation.js';
import type { HostArray } from '../ndarray/dtype.js';
import { NDArray } from '../ndarray/ndarray.js';
import { NumpyArray } from '../ndarray/numpy-array.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readArgs } from './options.js';
import { describe, PyFloat, type PyNumber, pyNumber, toNumber } from './py-float.js';

/** A (nested) list of numbers, as MXNet's Constant accepts a Python list. */
export type NestedValues = readonly (PyNumber | NestedValues)[];

/**
 * What `mx.init.Constant` accepts: a scalar, an NDArray, the NumpyArray of `asnumpy()`, or a
 * nested list; arrays are broadcast to the parameter's shape.
 * @example const v: mx.init.ConstantValue = mx.nd.ones([2, 2]);
 */
export type ConstantValue = PyNumber | NDArray | NumpyArray | NestedValues;

/** Options of {@link Constant}. */
export interface ConstantOptions {
  /** The value to set. */
  value: ConstantValue;
}

const isScalar = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;

// MXNet's Constant fails later, inside the weight's fill, on a value numpy cannot take;
// here it fails at construction, naming the value.
function checkConstantValue(v: unknown): void {
  if (isScalar(v) || v instanceof NDArray || v instanceof NumpyArray) return;
  const leavesOk = (x: unknown): boolean => (Array.isArray(x) ? x.every(leavesOk) : isScalar(x));
  if (Array.isArray(v) && leavesOk(v)) return;
  throw new InvalidArgumentError(
    'Constant',
    `value must be a number, an NDArray, a NumpyArray or a nested list of numbers, got ${v === undefined ? 'nothing (value is required)' : describe(v)}`,
  );
}

function nestedNumbers(v: NestedValues): unknown[] {
  return v.map((x) => (Array.isArray(x) ? nestedNumbers(x) : toNumber(x)));
}

/** numpy's `tolist()`: nested lists, float dtypes as Python floats. */
function toList(data: HostArray, shape: readonly number[], dtype: string): unknown {
  const floats = dtype.startsWith('float');
  const list = new NumpyArray(data, shape, dtype as NumpyArray['dtype']).tolist();
  const wrap = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(wrap) : floats ? new PyFloat(x as number) : x;
  return wrap(list);
}

/**
 * MXNet `mx.init.Constant(value)`: weights are set to `value` (a scalar, or an array
 * broadcast to the weight's shape). Only `_initWeight` is overridden, so on a name ending in
 * `bias` it still gives 0; as a Variable's `init` (the `__init__` attribute) it applies to
 * any name.
 *
 * `dumps()` turns an array value into a nested list, permanently, as MXNet does
 * (`value.asnumpy().tolist()`), so float32 data prints widened: 0.1 -> `0.10000000149011612`.
 *
 * @example
 * new mx.init.Constant(1).dumps();   // '["constant", {"value": 1}]'
 * new mx.init.Constant(0.5).apply(new mx.init.InitDesc('fc_weight'), w); // w = 0.5
 * new mx.init.Constant(mx.nd.ones([2, 2])).dumps();
 * // '["constant", {"value": [[1.0, 1.0], [1.0, 1.0]]}]'
 */
export class Constant extends Initializer {
  static override readonly mxnetName: string = 'Constant';

  /** The value as given (MXNet's `self.value`). */
  readonly value: ConstantValue;

  constructor(options: ConstantOptions);
  constructor(value: ConstantValue);
  constructor(...args: unknown[]) {
    const v = readArgs('Constant', args, ['value']).value;
    checkConstantValue(v);
    const stored =
      typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat
        ? pyNumber('Constant', 'value', v, 'int')
        : v;
    super({ value: stored });
    this.value = v as ConstantValue;
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    const v = this.value;
    if (v instanceof NDArray) {
      arr.set(v);
      return;
    }
    if (typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat) {
      arr.set(toNumber(v));
      return;
    }
    const tmp =
      v instanceof NumpyArray
        ? array(v.data, { shape: v.shape, dtype: arr.dtype, ctx: arr.context })
        : array(nestedNumbers(v) as never, { dtype: arr.dtype, ctx: arr.context });
    try {
      arr.set(tmp);
    } finally {
      tmp.dispose();
    }
  }

  /** MXNet's `Constant.dumps`: an array value is replaced by its nested list first. */
  override dumps(): string {
    const v = this._kwargs['value'];
    if (v instanceof NDArray) {
      if (!v._backend.capabilities.syncRead) {
        throw new SyncReadUnavailableError('Constant.dumps', v.context.toString());
      }
      this._kwargs['value'] = toList(v.dataSync(), v.shape, v.dtype);
    } else if (v instanceof NumpyArray) {
      this._kwargs['value'] = toList(v.data, v.shape, v.dtype);
    }
    return super.dumps();
  }

  override async dumpsAsync(): Promise<string> {
    const v = this._kwargs['value'];
    if (v instanceof NDArray) this._kwargs['value'] = toList(await v.data(), v.shape, v.dtype);
    return this.dumps();
  }
}
