import { headGone } from '../autograd/graph-group.js';
import {
  type Entry,
  type GradReq,
  isLive,
  type Node,
  type VariableInfo,
} from '../autograd/node.js';
import { isRecording } from '../autograd/state.js';
import type { Backend, TensorRecord } from '../backend/backend.js';
import type { Context } from '../backend/context.js';
import { AssignInGraphError } from '../errors/assign-in-graph-error.js';
import { DisposedArrayError } from '../errors/disposed-array-error.js';
import { FreedByScopeError } from '../errors/freed-by-scope-error.js';
import { FreedWithGraphError } from '../errors/freed-with-graph-error.js';
import { InplaceRecordingError } from '../errors/inplace-recording-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NotAVariableError } from '../errors/not-a-variable-error.js';
import { ScalarConversionError } from '../errors/scalar-conversion-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { SyncReadUnavailableError } from '../errors/sync-read-unavailable-error.js';
import { ndarrayRepr } from '../format/ndarray-repr.js';
import { installed } from '../installed.js';
import { noteCreated } from '../memory/frames.js';
import type { NpArray } from '../np/np-array.js';
import type * as ops from '../ops/index.js';
import type { DType, HostArray } from './dtype.js';
import { NumpyArray } from './numpy-array.js';
import { sameShape, sizeOf } from './shape.js';
import { Storage, storageFinalizer } from './storage.js';

type Operand = NDArray | number;

/** What freed an array's memory, so a later use can say why. */
type FreedBy = 'dispose' | 'scope' | 'graph';

// Creation order; backward moves (rather than copies) results it made itself.
let serial = 0;

/** @internal The serial the next array gets: arrays with a larger one were made after. */
export function nextArraySerial(): number {
  return serial;
}

/** Options of `backward`. */
export interface NDArrayBackwardOptions {
  /** Keep the graph for another backward; MXNet's `retain_graph`. */
  retainGraph?: boolean;
  /** Run the backward in training mode; MXNet's `train_mode` (default true). */
  trainMode?: boolean;
}

// A context is duck-typed here: ndarray/ imports backend/ only as types.
function checkContextArg(op: string, arg: string, ctx: unknown): void {
  const c = ctx as Partial<Context> | null | undefined;
  if (typeof c?.equals !== 'function' || typeof c.deviceType !== 'string') {
    throw new InvalidArgumentError(
      op,
      `${arg} must be a Context such as mx.cpu() or mx.gpu(0), got ${ctx === null ? 'null' : typeof ctx}`,
    );
  }
}

/**
 * An array after `attachGrad()`: its `grad` is known to be an NDArray, not null.
 *
 * @example
 * const w: mx.WithGrad<mx.NDArray> = mx.nd.zeros([2, 1]).attachGrad();
 * w.grad.shape; // [2, 1]
 */
export type WithGrad<T extends NDArray = NDArray> = T & { readonly grad: NDArray };

/**
 * MXNet's `mx.nd.NDArray`: an n-dimensional array on a context, with autograd state.
 * Create arrays with `mx.nd.array`, `mx.nd.zeros`, ...; read them with `await x.data()`.
 * Dropped arrays are freed by a finalizer; `dispose()` frees at once.
 *
 * @example
 * const x = mx.nd.array([[1, 2], [3, 4]]);
 * x.attachGrad();
 * const y = mx.autograd.record(() => x.mul(x).mul(2));
 * y.backward();
 * console.log(await mx.repr(x.grad)); // [[ 4.  8.] [12. 16.]] <NDArray 2x2 @cpu(0)>
 */
export class NDArray {
  /** @internal Where this array sits in the autograd graph. */
  _entry: Entry | null = null;
  /** @internal Set by `mx.keep`: no scope or graph frees this array. */
  _kept = false;
  /** @internal The graph node this handle is a head of (see autograd/record-graph.ts). */
  _headNode: Node | null = null;
  /** @internal Creation order. */
  readonly _serial = serial++;
  private storage: Storage | null;
  private readonly owned: boolean;
  private freedBy: FreedBy | null = null;
  /** The gradient buffer `attachGrad` made; freed with this array. */
  private ownGrad: NDArray | null = null;

  /** @internal Use the creation functions of `mx.nd`. */
  constructor(
    storage: Storage,
    /** The device the array lives on; MXNet's `x.context`. */
    readonly context: Context,
    owned = true,
  ) {
    this.storage = storage;
    this.owned = owned;
    if (!owned) return;
    storage.retain();
    if (!noteCreated(this)) this._watch();
  }

  /** @internal Frees the memory when the program drops this handle. */
  _watch(): void {
    if (this.storage !== null) storageFinalizer.register(this, this.storage, this);
  }

  /** @internal Wraps a record a backend returned. */
  static _wrap(backend: Backend, context: Context, rec: TensorRecord): NDArray {
    return new NDArray(new Storage(backend, rec), context);
  }

  /**
   * @internal A handle on memory someone else keeps alive (a graph node), for the length
   * of a backward pass; it holds no reference and dispose() does nothing.
   */
  static _view(storage: Storage, context: Context, entry: Entry): NDArray {
    const v = new NDArray(storage, context, false);
    v._entry = entry;
    return v;
  }

  /** @internal True for a backward pass's view of a graph's saved value. */
  get _isView(): boolean {
    return !this.owned;
  }

  /** @internal One more reference to this array's memory, for a graph node to keep. */
  _retainStorage(): Storage {
    if (this.storage === null) throw this.freedError('NDArray');
    return this.storage.retain();
  }

  /** @internal The backend record; throws when disposed. */
  _rec(op = 'NDArray'): TensorRecord {
    const rec = this.storage?.rec;
    if (rec == null) throw this.freedError(op);
    return rec;
  }

  private freedError(op: string): DisposedArrayError {
    if (this.freedBy === 'graph') return new FreedWithGraphError(op);
    if (this.freedBy === 'scope') return new FreedByScopeError(op);
    return new DisposedArrayError(op);
  }

  /** @internal The backend holding the data. */
  get _backend(): Backend {
    if (this.storage === null) throw this.freedError('NDArray');
    return this.storage.backend;
  }

  /**
   * @internal Overwrites the values in place (every handle on this memory sees them). With
   * `consume`, `src` is a temporary the caller made: its memory is moved in when nothing
   * else holds it, instead of copied, and `src` is freed either way.
   */
  _assign(src: NDArray, consume = false): void {
    const rec = this._rec('assign');
    const srcRec = src._rec('assign');
    if (!sameShape(rec.shape, srcRec.shape)) {
      throw new ShapeError(
        'assign',
        [srcRec.shape, rec.shape],
        'the value must have the shape of the target',
      );
    }
    const storage = this.storage as Storage;
    if (consume && src.owned && srcRec.dtype === rec.dtype && src.storage !== storage) {
      const taken = (src.storage as Storage).take();
      if (taken !== null) {
        src.forget('dispose');
        storage.replace(taken);
        return;
      }
    }
    const backend = this._backend;
    let out = backend.run('copy', [srcRec], {})[0];
    if (out.dtype !== rec.dtype) {
      const cast = backend.run('cast', [out], { dtype: rec.dtype })[0];
      backend.dispose(out);
      out = cast;
    }
    storage.replace(out);
    if (consume) src.dispose();
  }

  /** Dimensions; MXNet's `x.shape`. @example mx.nd.ones([2, 3]).shape // [2, 3] */
  get shape(): readonly number[] {
    return this._rec('shape').shape;
  }

  /** Element type; MXNet's `x.dtype`. @example mx.nd.ones([2]).dtype // 'float32' */
  get dtype(): DType {
    return this._rec('dtype').dtype;
  }

  /** Number of elements; MXNet's `x.size`. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** Number of dimensions; MXNet's `x.ndim`. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Alias of `context`, as MXNet's `x.ctx`. */
  get ctx(): Context {
    return this.context;
  }

  /** True once `dispose()` ran. */
  get isDisposed(): boolean {
    return this.storage?.rec == null;
  }

  /**
   * MXNet `x.attach_grad(grad_req='write')`: makes this array a variable with a zeroed
   * gradient buffer. `'add'` accumulates over backwards; `'null'` records but never writes.
   *
   * Returns this array typed {@link WithGrad}, so its `grad` needs no `!` (MXNet returns None).
   *
   * @example
   * const x = mx.nd.array([1, 2]).attachGrad();
   * mx.autograd.record(() => x.square()).backward();
   * x.grad.dataSync(); // [2, 4], typed NDArray, not NDArray | null
   */
  attachGrad(gradReq: GradReq = 'write'): WithGrad<this> {
    const t = installed();
    const req = t.checkGradReq('attachGrad', gradReq);
    const grad = t.creation.zerosLike(this);
    // The buffer belongs to this array, not to the scope it was made in.
    grad._kept = true;
    this.ownGrad?.dispose();
    this.ownGrad = grad;
    t.markVariable(this, grad, req);
    return this as WithGrad<this>;
  }

  /**
   * MXNet `x.grad`: the gradient buffer (shares memory with it), or null when this array
   * is not a variable.
   *
   * @example
   * x.attachGrad(); x.grad; // zeros
   */
  get grad(): NDArray | null {
    const e = this._entry;
    if (!isLive(e) || e.node.info?.kind !== 'variable') return null;
    return e.node.info.grad;
  }

  /**
   * MXNet `x._fresh_grad`: true after a backward wrote this variable's gradient. Settable
   * on any array with autograd state: a variable, or a constant leaf of a live graph (MXNet
   * keeps the flag there too).
   */
  get freshGrad(): boolean {
    const e = this._entry;
    return isLive(e) && e.node.info?.kind === 'variable' && e.node.info.fresh;
  }

  /** Sets MXNet's `x._fresh_grad`; throws `NotAVariableError` on a non-variable. */
  set freshGrad(value: boolean) {
    const e = this._entry;
    if (!isLive(e) || e.node.info?.kind !== 'variable') {
      throw new NotAVariableError();
    }
    (e.node.info as VariableInfo).fresh = value;
  }

  /**
   * MXNet `x.backward(out_grad=None, retain_graph=False, train_mode=True)`.
   *
   * @example
   * const y = mx.autograd.record(() => x.mul(x)); y.backward(); x.grad; // 2x
   * y.backward({ retainGraph: true }); // options alone: no head gradient
   */
  backward(
    outGrad?: NDArray | null | NDArrayBackwardOptions,
    options: NDArrayBackwardOptions = {},
  ): void {
    // Python passes `retain_graph=True` by keyword; the TS spelling is an options object,
    // which must not be taken for a head gradient.
    if (outGrad != null && !(outGrad instanceof NDArray) && outGrad.constructor === Object) {
      options = outGrad as NDArrayBackwardOptions;
      outGrad = null;
    }
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError(
        'backward',
        'options must be an object such as { retainGraph: true }',
      );
    }
    installed().runBackward([this], outGrad ? [outGrad as NDArray] : null, null, {
      retainGraph: options.retainGraph ?? false,
      createGraph: false,
      trainMode: options.trainMode ?? true,
    });
  }

  /**
   * MXNet `x.detach()`: a new handle on the same memory, cut from the graph.
   * @example const c = x.detach(); // gradients do not flow through c
   */
  detach(): NDArray {
    if (this.storage === null) throw this.freedError('detach');
    return new NDArray(this.storage, this.context);
  }

  /** Reads the values (row-major); MXNet's `x.asnumpy()` as a typed array. */
  async data(): Promise<HostArray> {
    return this._backend.read(this._rec('data'));
  }

  /**
   * Reads the values synchronously, where the backend can (`cpu`, `wasm`, `tfjs-node`).
   *
   * @throws {SyncReadUnavailableError} on a backend that reads asynchronously (WebGPU): the
   * message names `await x.data()`. `backend.capabilities.syncRead` tells in advance.
   * @example
   * mx.nd.array([1, 2]).dataSync(); // Float32Array [1, 2]
   */
  dataSync(): HostArray {
    const backend = this._backend;
    if (!backend.capabilities.syncRead) {
      throw new SyncReadUnavailableError('dataSync', this.context.toString());
    }
    return backend.readSync(this._rec('dataSync'));
  }

  /**
   * MXNet `x.asnumpy()`: the values as a NumpyArray, which prints like numpy
   * (`String(a)` is numpy's str, `a.repr()` numpy's repr).
   *
   * @example
   * (await x.asnumpy()).repr(); // 'array([1., 2.], dtype=float32)'
   */
  async asnumpy(): Promise<NumpyArray> {
    return new NumpyArray(await this.data(), this.shape, this.dtype);
  }

  /**
   * Synchronous `asnumpy()`, where the backend reads synchronously.
   * @throws {SyncReadUnavailableError} on an asynchronous backend; use `await x.asnumpy()`.
   */
  asnumpySync(): NumpyArray {
    return new NumpyArray(this.dataSync(), this.shape, this.dtype);
  }

  /** MXNet `x.asscalar()`: the single value of a size-1 array. */
  async asscalar(): Promise<number> {
    if (this.size !== 1) throw new ScalarConversionError();
    return (await this.data())[0];
  }

  /**
   * Synchronous `asscalar()`, where the backend reads synchronously.
   * @throws {SyncReadUnavailableError} on an asynchronous backend; use `await x.asscalar()`.
   */
  asscalarSync(): number {
    if (this.size !== 1) throw new ScalarConversionError();
    return this.dataSync()[0];
  }

  /** What Python's `print(x)` shows, where the backend reads synchronously. */
  toString(): string {
    if (this.isDisposed) return '<NDArray disposed>';
    return ndarrayRepr({
      data: this.dataSync(),
      shape: this.shape,
      dtype: this.dtype,
      context: this.context.toString(),
    });
  }

  /** Frees the memory now. Other handles on the same memory (grad, detach) keep it alive. */
  dispose(): void {
    this._free('dispose');
  }

  /** @internal Frees the memory, remembering who did (a scope, the graph) for later errors. */
  _free(by: FreedBy): void {
    if (this.storage === null || !this.owned) return;
    this.storage.release();
    this.forget(by);
    this.ownGrad?._free(by);
    this.ownGrad = null;
  }

  /** Drops this handle's hold on its storage (already released or moved elsewhere). */
  private forget(by: FreedBy): void {
    storageFinalizer.unregister(this);
    this.storage = null;
    this.freedBy = by;
    if (this._headNode !== null) {
      headGone(this._headNode);
      this._headNode = null;
    }
  }

  /**
   * MXNet `x.copyto(ctx)`: a copy on another context (or into another array).
   * @example const g = x.copyTo(mx.gpu(0));
   */
  copyTo(target: Context | NDArray): NDArray {
    if (!(target instanceof NDArray)) checkContextArg('copyTo', 'target', target);
    if (target instanceof NDArray) {
      target._assign(this.copyTo(target.context), true);
      return target;
    }
    if (target.equals(this.context)) return installed().ops.copy(this);
    return installed().creation.fromHost(this.dataSync(), this.shape, target);
  }

  /** Async `copyTo` that works from backends with async reads. */
  async copyToAsync(target: Context): Promise<NDArray> {
    checkContextArg('copyToAsync', 'target', target);
    return installed().creation.fromHost(await this.data(), this.shape, target);
  }

  /** MXNet `x.as_in_context(ctx)`: this array when already there, else a copy. */
  asInContext(ctx: Context): NDArray {
    checkContextArg('asInContext', 'ctx', ctx);
    return ctx.equals(this.context) ? this : this.copyTo(ctx);
  }

  /** MXNet `x.copy()`: a copy on the same context. */
  copy(): NDArray {
    return installed().ops.copy(this);
  }

  /**
   * MXNet `x.as_np_ndarray()`: an `mx.np` array on the same memory and graph entry (no copy).
   * @example const a = mx.nd.arange(4).asNp(); // array([0., 1., 2., 3.])
   */
  asNp(): NpArray {
    return installed().shareAsNp(this);
  }

  /** MXNet `x.astype(dtype)`. */
  astype(dtype: DType): NDArray {
    return installed().ops.cast(this, { dtype });
  }

  // In-place writes: MXNet's `x[:] = v`, `x += v`, ... They run at once; under record()
  // they raise MXNet's errors for arrays in a graph (after the write, as MXNet does).
  private inplace(op: string, value: Operand, compute: (v: Operand) => NDArray): this {
    const recording = isRecording();
    const wasInGraph = recording && isLive(this._entry);
    const first = serial;
    const out = compute(value);
    const recorded = isLive(out._entry);
    // `set(v)` may hand back the caller's own `v`; only a temporary made here is consumed.
    this._assign(out, out._serial >= first);
    if (wasInGraph) throw new AssignInGraphError(op);
    if (recorded) throw new InplaceRecordingError(op);
    return this;
  }

  /** MXNet `x[:] = value`: overwrite every element (broadcasting a scalar or array). */
  set(value: Operand | ArrayLike<number>): this {
    return this.inplace('set', value as Operand, (v) =>
      typeof v === 'number'
        ? installed().creation.full(this.shape, v, { dtype: this.dtype, ctx: this.context })
        : installed().broadcastToShape(
            v instanceof NDArray
              ? v
              : installed().creation.array(v, { ctx: this.context, dtype: this.dtype }),
            this.shape,
          ),
    );
  }

  /** MXNet `x += v`. */
  iadd(v: Operand): this {
    return this.inplace('iadd', v, (u) => installed().ops.add(this, u));
  }

  /** MXNet `x -= v`. */
  isub(v: Operand): this {
    return this.inplace('isub', v, (u) => installed().ops.subtract(this, u));
  }

  /** MXNet `x *= v`. */
  imul(v: Operand): this {
    return this.inplace('imul', v, (u) => installed().ops.multiply(this, u));
  }

  /** MXNet `x /= v`. */
  idiv(v: Operand): this {
    return this.inplace('idiv', v, (u) => installed().ops.divide(this, u));
  }

  // Method forms of common ops (MXNet's NDArray methods and operators).
  /** `x + v` */
  add(v: Operand): NDArray {
    return installed().ops.add(this, v);
  }
  /** `x - v` */
  sub(v: Operand): NDArray {
    return installed().ops.subtract(this, v);
  }
  /** `x * v` */
  mul(v: Operand): NDArray {
    return installed().ops.multiply(this, v);
  }
  /** `x / v` */
  div(v: Operand): NDArray {
    return installed().ops.divide(this, v);
  }
  /** `x ** v` */
  pow(v: Operand): NDArray {
    return installed().ops.power(this, v);
  }
  /** `-x` (MXNet records `_mul_scalar` with -1). */
  neg(): NDArray {
    return installed().ops.multiply(this, -1);
  }
  /** `x == v` (1 where equal, else 0, in x's dtype). */
  equal(v: Operand): NDArray {
    return installed().ops.equal(this, v);
  }
  /** `x > v` */
  greater(v: Operand): NDArray {
    return installed().ops.greater(this, v);
  }
  /** `x < v` */
  lesser(v: Operand): NDArray {
    return installed().ops.lesser(this, v);
  }
  /** MXNet `x.exp(...)`: the method form of `mx.nd.exp(x, ...)`. */
  exp(): NDArray {
    return installed().ops.exp(this);
  }
  /** MXNet `x.log(...)`: the method form of `mx.nd.log(x, ...)`. */
  log(): NDArray {
    return installed().ops.log(this);
  }
  /** MXNet `x.sqrt(...)`: the method form of `mx.nd.sqrt(x, ...)`. */
  sqrt(): NDArray {
    return installed().ops.sqrt(this);
  }
  /** MXNet `x.square(...)`: the method form of `mx.nd.square(x, ...)`. */
  square(): NDArray {
    return installed().ops.square(this);
  }
  /** MXNet `x.abs(...)`: the method form of `mx.nd.abs(x, ...)`. */
  abs(): NDArray {
    return installed().ops.abs(this);
  }
  /** MXNet `x.sin(...)`: the method form of `mx.nd.sin(x, ...)`. */
  sin(): NDArray {
    return installed().ops.sin(this);
  }
  /** MXNet `x.cos(...)`: the method form of `mx.nd.cos(x, ...)`. */
  cos(): NDArray {
    return installed().ops.cos(this);
  }
  /** MXNet `x.tanh(...)`: the method form of `mx.nd.tanh(x, ...)`. */
  tanh(): NDArray {
    return installed().ops.tanh(this);
  }
  /** MXNet `x.sigmoid(...)`: the method form of `mx.nd.sigmoid(x, ...)`. */
  sigmoid(): NDArray {
    return installed().ops.sigmoid(this);
  }
  /** MXNet `x.relu(...)`: the method form of `mx.nd.relu(x, ...)`. */
  relu(): NDArray {
    return installed().ops.relu(this);
  }
  /** MXNet `x.sum(...)`: the method form of `mx.nd.sum(x, ...)`. */
  sum(options?: ops.ReduceOptions): NDArray {
    return installed().ops.sum(this, options);
  }
  /** MXNet `x.mean(...)`: the method form of `mx.nd.mean(x, ...)`. */
  mean(options?: ops.ReduceOptions): NDArray {
    return installed().ops.mean(this, options);
  }
  /** MXNet `x.max(...)`: the method form of `mx.nd.max(x, ...)`. */
  max(options?: ops.ReduceOptions): NDArray {
    return installed().ops.max(this, options);
  }
  /** MXNet `x.min(...)`: the method form of `mx.nd.min(x, ...)`. */
  min(options?: ops.ReduceOptions): NDArray {
    return installed().ops.min(this, options);
  }
  /** MXNet `x.prod(...)`: the method form of `mx.nd.prod(x, ...)`. */
  prod(options?: ops.ReduceOptions): NDArray {
    return installed().ops.prod(this, options);
  }
  /** MXNet `x.norm(...)`: the method form of `mx.nd.norm(x, ...)`. */
  norm(options?: ops.NormOptions): NDArray {
    return installed().ops.norm(this, options);
  }
  /** MXNet `x.reshape(...)`: the method form of `mx.nd.reshape(x, ...)`. */
  reshape(shape: readonly number[], options?: ops.ReshapeOptions): NDArray {
    return installed().ops.reshape(this, { ...options, shape });
  }
  /** MXNet `x.transpose(...)`: the method form of `mx.nd.transpose(x, ...)`. */
  transpose(axes?: readonly number[]): NDArray {
    return installed().ops.transpose(this, axes ? { axes } : {});
  }
  /** MXNet `x.T` (2-D transpose). */
  get T(): NDArray {
    return installed().ops.transpose(this);
  }
  /** MXNet `x.expand_dims(...)`: the method form of `mx.nd.expandDims(x, ...)`. */
  expandDims(axis: number): NDArray {
    return installed().ops.expandDims(this, { axis });
  }
  /** MXNet `x.squeeze(...)`: the method form of `mx.nd.squeeze(x, ...)`. */
  squeeze(axis?: number | readonly number[]): NDArray {
    return installed().ops.squeeze(this, axis === undefined ? {} : { axis });
  }
  /** MXNet `x.flatten(...)`: the method form of `mx.nd.flatten(x, ...)`. */
  flatten(): NDArray {
    return installed().ops.flatten(this);
  }
  /** MXNet `x.slice(...)`: the method form of `mx.nd.slice(x, ...)`. */
  slice(options: ops.SliceOptions): NDArray {
    return installed().ops.slice(this, options);
  }
  /** MXNet `x.slice_axis(...)`: the method form of `mx.nd.sliceAxis(x, ...)`. */
  sliceAxis(options: ops.SliceAxisOptions): NDArray {
    return installed().ops.sliceAxis(this, options);
  }
  /** MXNet `x.tile(...)`: the method form of `mx.nd.tile(x, ...)`. */
  tile(reps: readonly number[]): NDArray {
    return installed().ops.tile(this, { reps });
  }
  /** MXNet `x.repeat(...)`: the method form of `mx.nd.repeat(x, ...)`. */
  repeat(options: ops.RepeatOptions): NDArray {
    return installed().ops.repeat(this, options);
  }
  /** MXNet `x.clip(...)`: the method form of `mx.nd.clip(x, ...)`. */
  clip(aMin: number, aMax: number): NDArray {
    return installed().ops.clip(this, aMin, aMax);
  }
  /** MXNet `x.dot(...)`: the method form of `mx.nd.dot(x, ...)`. */
  dot(other: NDArray, options?: ops.DotOptions): NDArray {
    return installed().ops.dot(this, other, options);
  }
  /** MXNet `x.softmax(...)`: the method form of `mx.nd.softmax(x, ...)`. */
  softmax(options?: ops.SoftmaxOptions): NDArray {
    return installed().ops.softmax(this, options);
  }
  /** MXNet `x.log_softmax(...)`: the method form of `mx.nd.logSoftmax(x, ...)`. */
  logSoftmax(options?: ops.SoftmaxOptions): NDArray {
    return installed().ops.logSoftmax(this, options);
  }
  /** MXNet `x.pick(...)`: the method form of `mx.nd.pick(x, ...)`. */
  pick(index: NDArray, options?: ops.PickOptions): NDArray {
    return installed().ops.pick(this, index, options);
  }
  /** MXNet `x.take(...)`: the method form of `mx.nd.take(x, ...)`. */
  take(indices: NDArray, options?: ops.TakeOptions): NDArray {
    return installed().ops.take(this, indices, options);
  }
  /** MXNet `x.one_hot(...)`: the method form of `mx.nd.oneHot(x, ...)`. */
  oneHot(depth: number, options?: Omit<ops.OneHotOptions, 'depth'>): NDArray {
    return installed().ops.oneHot(this, { ...options, depth });
  }
}
