import {
  autograd,
  type Context,
  currentContext,
  DTYPES,
  type DType,
  DTypeError,
  InvalidArgumentError,
  init as initializer,
  keep,
  type NDArray,
  nd,
  np,
  npx,
  ShapeError,
  scope,
} from '@mxts/core';
import { DeferredInitializationError } from './errors/deferred-initialization-error.js';
import { ParameterNotInitializedError } from './errors/parameter-not-initialized-error.js';
import { warn } from './warn.js';

/** MXNet's `grad_req`: overwrite, accumulate, or no gradient. */
export type GradReq = 'write' | 'add' | 'null';

/** What a parameter initializes with: an initializer, or a name/JSON `mx.init.create` reads. */
export type InitLike = initializer.Initializer | string;

/** Options of {@link Parameter} (MXNet's keyword arguments, camelCase). */
export interface ParameterOptions {
  /** Default 'write'. */
  gradReq?: GradReq;
  /** Dimensions of 0 are unknown until the first forward (deferred initialization). */
  shape?: readonly number[] | number | null;
  /** Default float32. */
  dtype?: DType;
  /** Multiplier of the learning rate; default 1. */
  lrMult?: number;
  /** Multiplier of the weight decay; default 1. */
  wdMult?: number;
  /** This parameter's own initializer; wins over the one `initialize` gets. */
  init?: InitLike | null;
  /** Allow initialization to wait for the first forward when the shape is not known. */
  allowDeferredInit?: boolean;
  /** False: never a gradient (gradReq is then 'null'); default true. */
  differentiable?: boolean;
}

/** Options of {@link Parameter.initialize}. */
export interface ParameterInitOptions {
  /** The context to hold the data; the current context when omitted. */
  ctx?: Context;
  /** The initializer used when neither `init` nor the parameter's own is given; default `Uniform()`. */
  defaultInit?: InitLike;
  /** Initialize again even if already initialized; default false (then a warning, nothing done). */
  forceReinit?: boolean;
}

interface DeferredInit {
  init: InitLike;
  ctx: Context;
  defaultInit: InitLike;
  data: NDArray | null;
}

function normShape(op: string, shape: readonly number[] | number | null | undefined) {
  if (shape === null || shape === undefined) return null;
  const s = typeof shape === 'number' ? [shape] : [...shape];
  for (const d of s) {
    if (!Number.isInteger(d) || d < 0) {
      throw new InvalidArgumentError(op, `shape (${s.join(', ')}) must hold integers >= 0`);
    }
  }
  return s;
}

/** True when every dimension is known (MXNet's `shape_is_known`, legacy 0 = unknown). */
export function shapeIsKnown(shape: readonly number[] | null): shape is readonly number[] {
  return shape?.every((d) => d > 0) === true;
}

/**
 * MXNet `gluon.Parameter(name, grad_req='write', shape=None, dtype='float32', lr_mult=1.0,
 * wd_mult=1.0, init=None, allow_deferred_init=False, differentiable=True)`: one weight of a
 * block, its gradient buffer and what the optimizer reads (`lrMult`, `wdMult`). It holds one
 * array on one context (MXTS runs no data parallelism), which `data()` returns.
 *
 * Initialization follows MXNet's `_finish_deferred_init`: zeros of the shape on the context,
 * then `defaultInit(InitDesc(name, { __init__: init }), data)`, so the initializer's
 * `_initWeight` fills every parameter that has no own `init` (MXNet's rule: inside Gluon the
 * name does not pick zeros for a bias; Dense's bias is zero because its `init` is 'zeros').
 *
 * @example
 * const p = new gluon.Parameter('fc_weight', { shape: [2, 3] });
 * p.initialize(new mx.init.Xavier());
 * p.data().shape; // [2, 3]
 */
export class Parameter {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'Parameter';
  /** The full name, e.g. `dense0_weight`. */
  readonly name: string;
  /** Multiplier of the learning rate. */
  lrMult: number;
  /** Multiplier of the weight decay. */
  wdMult: number;
  /** The parameter's own initializer (MXNet's `init`). */
  init: InitLike | null;
  /** Whether initialization may wait for the first forward. */
  allowDeferredInit: boolean;
  /** The element type. */
  dtype: DType;
  private _shape: number[] | null;
  private _gradReq: GradReq;
  private readonly _differentiable: boolean;
  protected _data: NDArray | null = null;
  private _deferredInit: DeferredInit | null = null;

  constructor(name: string, options: ParameterOptions = {}) {
    if (typeof name !== 'string' || name === '') {
      throw new InvalidArgumentError('Parameter', 'name must be a non-empty string');
    }
    const dtype = options.dtype ?? 'float32';
    if (!(DTYPES as readonly string[]).includes(dtype)) {
      throw new DTypeError('Parameter', `unknown dtype '${dtype}' for '${name}'`);
    }
    this.name = name;
    this._shape = normShape('Parameter', options.shape);
    this.dtype = dtype;
    this.lrMult = options.lrMult ?? 1;
    this.wdMult = options.wdMult ?? 1;
    this.init = options.init ?? null;
    this.allowDeferredInit = options.allowDeferredInit ?? false;
    this._differentiable = options.differentiable ?? true;
    this._gradReq = 'write';
    this.gradReq = options.gradReq ?? 'write';
  }

  /** MXNet `repr(param)`. */
  toString(): string {
    const s =
      this._shape === null
        ? 'None'
        : `(${this._shape.join(', ')}${this._shape.length === 1 ? ',' : ''})`;
    return `Parameter ${this.name} (shape=${s}, dtype=${this.dtype})`;
  }

  /** The shape; 0 marks a dimension not known yet. */
  get shape(): readonly number[] | null {
    return this._shape;
  }

  /**
   * MXNet's shape setter: a new shape must agree with every known dimension.
   * @example p.shape = [10, 4]; // fills the unknown in-dimension of (10, 0)
   */
  set shape(newShape: readonly number[] | null) {
    const s = normShape('Parameter.shape', newShape);
    if (this._shape === null || s === null) {
      this._shape = s;
      return;
    }
    const old = this._shape;
    if (old.length !== s.length || !s.every((d, i) => old[i] === 0 || old[i] === d || d === 0)) {
      throw new ShapeError(
        `Parameter '${this.name}'`,
        [s, old],
        `Expected shape (${s.join(', ')}) is incompatible with given shape (${old.join(', ')})`,
      );
    }
    this._shape = s;
  }

  /** MXNet `grad_req`: 'write', 'add' or 'null'. */
  get gradReq(): GradReq {
    return this._gradReq;
  }

  /**
   * MXNet's `grad_req` setter: 'null' drops the gradient buffer; another value on an
   * initialized parameter makes a fresh zero one.
   * @example net.collectParams().setattr('gradReq', 'null'); // freeze
   */
  set gradReq(req: GradReq) {
    if (req !== 'write' && req !== 'add' && req !== 'null') {
      throw new InvalidArgumentError(
        `Parameter '${this.name}'`,
        `gradReq must be 'write', 'add' or 'null', but got '${String(req)}'`,
      );
    }
    const r: GradReq = this._differentiable ? req : 'null';
    if (this._gradReq === r) return;
    this._gradReq = r;
    if (this._data === null) return;
    if (r === 'null') {
      // A detached handle on the same memory, as MXNet; the old handle and its gradient go.
      const old = this._data;
      const g = old.grad;
      this._data = keep(old.detach());
      g?.dispose();
      old.dispose();
    } else this._initGrad();
  }

  /** Whether the data exists (not waiting for deferred initialization). */
  get isInitialized(): boolean {
    return this._data !== null;
  }

  /** @internal Whether initialization waits for the first forward. */
  get _isDeferred(): boolean {
    return this._deferredInit !== null;
  }

  /**
   * MXNet `initialize(init=None, ctx=None, default_init=Uniform(), force_reinit=False)`:
   * creates and fills the data now, or, when the shape still has unknown dimensions and
   * deferred initialization is allowed, at the first forward.
   *
   * @example
   * p.initialize(mx.init.create('xavier'), { ctx: mx.cpu() });
   */
  initialize(init?: InitLike | null, options: ParameterInitOptions = {}): void {
    const defaultInit = options.defaultInit ?? new initializer.Uniform();
    if (this._data !== null && !options.forceReinit) {
      warn(
        `Parameter '${this.name}' is already initialized, ignoring. Set forceReinit: true to re-initialize.`,
      );
      return;
    }
    this._release();
    const ctx = options.ctx ?? currentContext();
    const chosen = init ?? this.init ?? defaultInit;
    this._deferredInit = { init: chosen, ctx, defaultInit, data: null };
    if (!shapeIsKnown(this._shape)) {
      if (this.allowDeferredInit) return;
      this._deferredInit = null;
      throw new ShapeError(
        `Parameter '${this.name}'`,
        [this._shape ?? []],
        'Cannot initialize because it has an invalid shape (unknown dimensions and ' +
          'allowDeferredInit false); give the full shape',
      );
    }
    this._finishDeferredInit();
  }

  /** @internal MXNet `_finish_deferred_init`: runs the waiting initialization. */
  _finishDeferredInit(): void {
    const d = this._deferredInit;
    if (d === null) return;
    if (!shapeIsKnown(this._shape)) {
      throw new ShapeError(
        `Parameter '${this.name}'`,
        [this._shape ?? []],
        'Cannot initialize because its shape is still unknown after the forward; set the ' +
          'missing dimensions (e.g. inUnits) or implement inferShape on the block',
      );
    }
    this._deferredInit = null;
    const shape = this._shape;
    const data = autograd.pause(() => {
      if (d.data !== null) return d.data;
      const arr = nd.zeros(shape, { dtype: this.dtype, ctx: d.ctx });
      try {
        initializer
          .create(d.defaultInit)
          .apply(new initializer.InitDesc(this.name, { __init__: d.init }), arr);
      } catch (e) {
        arr.dispose();
        throw e;
      }
      return arr;
    });
    this._initImpl(data, d.ctx);
  }

  private _initImpl(data: NDArray, ctx: Context): void {
    let arr = data;
    if (!arr.ctx.equals(ctx)) arr = autograd.pause(() => data.copyTo(ctx));
    else if (arr.dtype !== this.dtype)
      arr = autograd.pause(() => nd.cast(data, { dtype: this.dtype }));
    // Parameters outlive every mx.scope and record callback that happens to create them.
    this._data = keep(arr);
    this._initGrad();
  }

  private _initGrad(): void {
    if (this._data === null || this._gradReq === 'null') return;
    this._data.attachGrad(this._gradReq);
  }

  private _release(): void {
    if (this._data !== null) {
      this._data.grad?.dispose();
      this._data.dispose();
    }
    this._data = null;
    this._deferredInit = null;
  }

  private _check(): NDArray {
    if (this._data !== null) return this._data;
    if (this._deferredInit !== null) throw new DeferredInitializationError(this.name);
    throw new ParameterNotInitializedError(this.name);
  }

  /**
   * MXNet `data(ctx=None)`: the array. Raises {@link DeferredInitializationError} before
   * the first forward of a deferred parameter, ParameterNotInitializedError before
   * `initialize`.
   * @example net.weight.data().shape;
   */
  data(_ctx?: Context): NDArray {
    const arr = this._check();
    // After npx.setNp() a parameter reads as an np array on the same memory, as in MXNet.
    return npx.isNp() ? np.fromNd(arr) : arr;
  }

  /** MXNet `list_data()`: the arrays on every context (one here). @example p.listData()[0] */
  listData(): NDArray[] {
    return [this._check()];
  }

  /**
   * MXNet `grad(ctx=None)`: the gradient buffer.
   * @example p.grad().shape; // as p.data()
   */
  grad(_ctx?: Context): NDArray {
    const data = this._check();
    const g = data.grad;
    if (g === null) {
      throw new InvalidArgumentError(
        `Parameter '${this.name}'`,
        "Cannot get gradient array because gradReq='null'",
      );
    }
    return g;
  }

  /** MXNet `list_grad()`. @example p.listGrad()[0] */
  listGrad(): NDArray[] {
    return [this.grad()];
  }

  /** MXNet `list_ctx()`: the context of the data (or the one deferred init will use). */
  listCtx(): Context[] {
    if (this._data !== null) return [this._data.ctx];
    if (this._deferredInit !== null) return [this._deferredInit.ctx];
    throw new ParameterNotInitializedError(this.name);
  }

  /**
   * MXNet `set_data(data)`: copies `data` into the parameter (in place), or, while
   * initialization is deferred, makes it the initial value.
   * @example p.setData(mx.nd.ones(p.shape!));
   */
  setData(data: NDArray): void {
    this.shape = data.shape;
    if (this._data === null) {
      if (this._deferredInit === null) throw new ParameterNotInitializedError(this.name);
      this._deferredInit = { ...this._deferredInit, data: keep(data) };
      return;
    }
    if (!sameShape(this._data.shape, data.shape)) {
      throw new ShapeError(
        `Parameter '${this.name}'.setData`,
        [this._data.shape, data.shape],
        'shapes differ',
      );
    }
    autograd.pause(() => this._data!.set(data));
  }

  /**
   * MXNet `zero_grad()`: sets the gradient buffer to 0 (for gradReq 'add').
   * @example p.zeroGrad();
   */
  zeroGrad(): void {
    const g = this._data?.grad;
    if (g) autograd.pause(() => g.set(0));
  }

  /**
   * MXNet `cast(dtype)`: the data (and gradient) converted to `dtype`.
   * @example p.cast('float64');
   */
  cast(dtype: DType): void {
    if (!(DTYPES as readonly string[]).includes(dtype)) {
      throw new DTypeError(`Parameter '${this.name}'.cast`, `unknown dtype '${dtype}'`);
    }
    this.dtype = dtype;
    const old = this._data;
    if (old === null || old.dtype === dtype) return;
    const g = old.grad;
    const data = autograd.pause(() => nd.cast(old, { dtype }));
    this._data = keep(data);
    if (g !== null) {
      data.attachGrad(this._gradReq);
      autograd.pause(() => scope(() => data.grad!.set(nd.cast(g, { dtype }))));
      g.dispose();
    }
    old.dispose();
  }

  /**
   * MXNet `_load_init(data, ctx)`: takes a loaded array as the value, checking it against
   * the known dimensions and the dtype.
   * @internal
   */
  _loadInit(data: NDArray, ctx?: Context): void {
    const s = this._shape;
    if (s !== null && s.length > 0) {
      if (s.length !== data.shape.length || !s.every((d, i) => d === 0 || d === data.shape[i])) {
        throw new ShapeError(
          `Parameter '${this.name}'`,
          [s, data.shape],
          `Failed loading Parameter '${this.name}' from saved params: shape incompatible expected (${s.join(', ')}) vs saved (${data.shape.join(', ')})`,
        );
      }
      this._shape = s.map((d, i) => (d === 0 ? data.shape[i] : d));
    }
    if (data.dtype !== this.dtype) {
      throw new DTypeError(
        `Parameter '${this.name}'`,
        `Failed loading Parameter '${this.name}' from saved params: dtype incompatible expected ${this.dtype} vs saved ${data.dtype}`,
      );
    }
    if (this._data === null) {
      const c = this._deferredInit?.ctx ?? ctx ?? currentContext();
      this._deferredInit = null;
      this._initImpl(
        autograd.pause(() => nd.copy(data)),
        c,
      );
    } else {
      this.setData(data);
    }
  }

  /**
   * Frees the data and gradient now (MXTS: MXNet frees by reference counting). The
   * parameter is then uninitialized.
   * @example p.dispose();
   */
  dispose(): void {
    this._release();
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * MXNet `gluon.Constant(name, value)`: a parameter that never gets a gradient (gradReq
 * 'null'), initialized to `value`.
 *
 * @example
 * const c = new gluon.Constant('const', mx.nd.array([1, 2]));
 * c.initialize(); c.data(); // [1, 2]
 */
export class Constant extends Parameter {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Constant';
  /** The constant's value. */
  readonly value: NDArray;

  constructor(name: string, value: NDArray) {
    super(name, {
      gradReq: 'null',
      shape: value.shape,
      dtype: value.dtype,
      init: new initializer.Constant(value),
      differentiable: false,
    });
    this.value = keep(value);
  }

  override set gradReq(req: GradReq) {
    if (req !== 'null') {
      warn(
        `Constant parameter '${this.name}' does not support gradReq other than 'null'; ignored.`,
      );
    }
    super.gradReq = 'null';
  }

  override get gradReq(): GradReq {
    return 'null';
  }
}
