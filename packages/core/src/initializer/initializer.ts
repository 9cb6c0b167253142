import { isLive } from '../autograd/node.js';
import { pause } from '../autograd/scopes.js';
import { isRecording } from '../autograd/state.js';
import { AbstractInitializerError } from '../errors/abstract-initializer-error.js';
import { AssignInGraphError } from '../errors/assign-in-graph-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { UnknownInitPatternError } from '../errors/unknown-init-pattern-error.js';
import { scalarStr } from '../format/scalar-repr.js';
import { installed } from '../installed.js';
import { NDArray } from '../ndarray/ndarray.js';
import { divide } from '../ops/divide.js';
import { norm } from '../ops/norm.js';
import { defaultGenerator } from '../random/index.js';
import { bilinearKernel } from './bilinear-kernel.js';
import { InitDesc } from './init-desc.js';
import { emit } from './log.js';
import { PyFloat } from './py-float.js';
import { pyJsonDumps } from './py-json.js';
import { writeValues } from './write-values.js';

/**
 * MXNet writes an initializer's result with ordinary ops, so under `record()` an array that
 * is a variable or already in a graph refuses the write (RecordOp's check); MXTS raises the
 * same error before writing. Gluon initializes under `pause()`, as MXNet does. @internal
 */
export function checkNotInGraph(op: string, arr: NDArray): void {
  if (isRecording() && arr instanceof NDArray && isLive(arr._entry)) {
    throw new AssignInGraphError(op);
  }
}

/**
 * Anything that initializes a named array in place: every {@link Initializer}, and
 * `mx.init.Mixed` / `mx.init.Load` (which in MXNet are callables, not Initializer subclasses).
 * @example const init: mx.init.InitializerLike = new mx.init.Mixed(['.*'], [new mx.init.Zero()]);
 */
export interface InitializerLike {
  /** Initializes `arr` in place; MXNet's `init(desc, arr)`. */
  apply(desc: InitDesc | string, arr: NDArray): void;
}

/**
 * Computes the statistic a verbose initializer logs; MXNet's `print_func`.
 * @example const stat: mx.init.PrintFunc = (x) => `${x.shape}`;
 */
export type PrintFunc = (x: NDArray) => string | Promise<string>;

/** The class name MXNet would print: a class's own `mxnetName`, else its JS name. */
function className(ctor: Function): string {
  return Object.hasOwn(ctor, 'mxnetName')
    ? (ctor as unknown as { mxnetName: string }).mxnetName
    : ctor.name;
}

/**
 * MXNet's default statistic, `str((mx.nd.norm(x) / math.sqrt(x.size)).asscalar())`: the RMS
 * of the array printed as a numpy float32.
 */
function rmsStat(x: NDArray): string | Promise<string> {
  const n = norm(x);
  const r = divide(n, Math.sqrt(x.size));
  n.dispose();
  const fmt = (v: number): string => scalarStr(v, 'float32');
  if (r._backend.capabilities.syncRead) {
    try {
      return fmt(r.dataSync()[0]);
    } finally {
      r.dispose();
    }
  }
  return r.data().then(
    (d) => {
      r.dispose();
      return fmt(d[0]);
    },
    (e: unknown) => {
      r.dispose();
      throw e;
    },
  );
}

/** Python's `str(x)` for a `__init__` attribute value in a log line. */
function initText(init: unknown): string {
  if (init instanceof Initializer) {
    return `<mxnet.initializer.${className(init.constructor)} object>`;
  }
  return String(init);
}

/**
 * MXNet's `mx.init.Initializer`: the base class of every initializer. `apply(desc, arr)`
 * fills `arr` in place (recording paused) by the parameter's name: names ending in `weight`
 * go to `_initWeight` (what subclasses override), `bias` and `beta` become 0, `gamma` 1,
 * `min` 0 and `max` 1; an `__init__` attribute on an {@link InitDesc} overrides the name.
 * A plain string name takes MXNet's deprecated legacy path, which also knows
 * `moving_mean`/`moving_var`, `upsampling*` and `stn_loc*`.
 *
 * Subclass it as in MXNet: pass the constructor arguments to `super` (they become `dumps()`),
 * override `_initWeight` (and optionally `_initBias`, ...), and `mx.init.register` it.
 *
 * @example
 * class Half extends mx.init.Initializer {
 *   override _initWeight(_desc: mx.init.InitDesc | string | null, arr: mx.NDArray) { arr.set(0.5); }
 * }
 * mx.init.register(Half);
 * mx.init.create('half').apply(new mx.init.InitDesc('fc_weight'), w); // w is 0.5 everywhere
 */
export class Initializer implements InitializerLike {
  /** The Python class name (what `dumps()` lowercases); a subclass without one uses its JS name. */
  static readonly mxnetName: string = 'Initializer';

  /**
   * MXNet's `_kwargs`: the constructor arguments, in order, by their Python names; ints are
   * `bigint`, floats {@link PyFloat}. `dumps()` serializes them.
   */
  _kwargs: Record<string, unknown>;
  /** MXNet's `_verbose`. */
  _verbose = false;
  /** MXNet's `_print_func`. */
  _printFunc: PrintFunc | null = null;

  /**
   * MXNet's `Initializer(**kwargs)`.
   * @example new mx.init.Initializer({ my_arg: 1n }).dumps(); // '["initializer", {"my_arg": 1}]'
   */
  constructor(kwargs: Record<string, unknown> = {}) {
    this._kwargs = kwargs;
  }

  /** The Python class name, e.g. `Xavier`. */
  get className(): string {
    return className(this.constructor);
  }

  /**
   * MXNet `set_verbosity(verbose=False, print_func=None)`: when verbose, every
   * initialization through an {@link InitDesc} logs `Initialized <name> as <pattern>: <stat>`
   * at INFO level (see `mx.init.setLogHandler`). The default statistic is the RMS
   * (`norm(x)/sqrt(size)`, printed as a float32). Returns this initializer.
   *
   * @example
   * const init = new mx.init.Xavier().setVerbosity(true);
   * init.setVerbosity(true, (x) => `shape ${x.shape}`);
   */
  setVerbosity(verbose = false, printFunc: PrintFunc | null = null): this {
    this._verbose = verbose;
    this._printFunc = printFunc ?? rmsStat;
    return this;
  }

  /** MXNet `_verbose_print(desc, init, arr)`. */
  _verbosePrint(desc: InitDesc | string, init: unknown, arr: NDArray): void {
    if (!this._verbose || !this._printFunc) return;
    const stat = this._printFunc(arr);
    const line = (s: string): string => `Initialized ${String(desc)} as ${initText(init)}: ${s}`;
    emit('INFO', typeof stat === 'string' ? line(stat) : stat.then(line));
  }

  /**
   * MXNet `dumps()`: `json.dumps([class name lowercased, kwargs])`, exactly as Python prints
   * it (`", "`/`": "` separators, `1e-05`, `1.0`, ints kept as ints). `create()` revives it.
   *
   * @example
   * new mx.init.Xavier().dumps();
   * // '["xavier", {"rnd_type": "uniform", "factor_type": "avg", "magnitude": 3}]'
   */
  dumps(): string {
    return pyJsonDumps([this.className.toLowerCase(), this._kwargs]);
  }

  /**
   * `dumps()` for backends that read asynchronously (it matters only for a
   * `Constant` holding an NDArray, whose values must be read).
   * @example await new mx.init.Constant(w).dumpsAsync();
   */
  async dumpsAsync(): Promise<string> {
    return this.dumps();
  }

  /**
   * MXNet `__eq__`: the same class and equal kwargs (ints and floats compare by value, as in
   * Python).
   * @example new mx.init.Normal(0.8).equals(new mx.init.Normal(0.8)); // true
   */
  equals(other: unknown): boolean {
    return (
      other instanceof Initializer &&
      other.constructor === this.constructor &&
      kwargsEqual(this._kwargs, other._kwargs)
    );
  }

  /**
   * MXNet `init(desc, arr)`: initializes `arr` in place, with recording paused. An
   * {@link InitDesc} goes through the current dispatch (the `__init__` attribute, then the
   * name's suffix); a plain string through MXNet's deprecated legacy rules (a
   * DeprecationWarning is logged).
   *
   * @example
   * const w = mx.nd.zeros([2, 3]);
   * new mx.init.Uniform(0.1).apply(new mx.init.InitDesc('fc_weight'), w);
   * new mx.init.One().apply('bn_moving_var', v); // legacy path: 1
   */
  apply(desc: InitDesc | string, arr: NDArray): void {
    checkNotInGraph(this.className, arr);
    pause(() => this._call(desc, arr));
  }

  private _call(desc: InitDesc | string, arr: NDArray): void {
    if (!(desc instanceof InitDesc)) {
      this._legacyInit(desc, arr);
      return;
    }
    if (desc.globalInit === null) desc.globalInit = this;
    const init = desc.attrs['__init__'] ?? '';
    if (init) {
      installed().createInitializer(init)._initWeight(desc, arr);
      this._verbosePrint(desc, init, arr);
      return;
    }
    const rules: [string, (d: InitDesc, a: NDArray) => void][] = [
      ['weight', (d, a) => this._initWeight(d, a)],
      ['bias', (d, a) => this._initBias(d, a)],
      ['gamma', (d, a) => this._initGamma(d, a)],
      ['beta', (d, a) => this._initBeta(d, a)],
      ['min', (d, a) => this._initZero(d, a)],
      ['max', (d, a) => this._initOne(d, a)],
      ['weight_quantize', (d, a) => this._initQuantizedWeight(d, a)],
      ['bias_quantize', (d, a) => this._initQuantizedBias(d, a)],
    ];
    for (const [suffix, fn] of rules) {
      if (desc.endsWith(suffix)) {
        fn(desc, arr);
        this._verbosePrint(desc, suffix, arr);
        return;
      }
    }
    this._initDefault(desc, arr);
  }

  /** MXNet `_legacy_init(name, arr)`: the rules for a plain string name. */
  _legacyInit(name: unknown, arr: unknown): void {
    emit(
      'WARNING',
      '\x1b[91mCalling initializer with init(str, NDArray) has been deprecated.please use init(mx.init.InitDesc(...), NDArray) instead.\x1b[0m',
      'DeprecationWarning',
    );
    if (typeof name !== 'string') {
      throw new InvalidArgumentError(
        this.className,
        `name must be string (got ${typeof name}; pass the parameter name or an mx.init.InitDesc)`,
      );
    }
    if (!(arr instanceof NDArray)) {
      throw new InvalidArgumentError(this.className, 'arr must be NDArray');
    }
    const starts = (p: string): boolean => name.startsWith(p);
    const ends = (s: string): boolean => name.endsWith(s);
    if (starts('upsampling')) this._initBilinear(name, arr);
    else if (starts('stn_loc') && ends('weight')) this._initZero(name, arr);
    else if (starts('stn_loc') && ends('bias')) this._initLocBias(name, arr);
    else if (ends('bias')) this._initBias(name, arr);
    else if (ends('gamma')) this._initGamma(name, arr);
    else if (ends('beta')) this._initBeta(name, arr);
    else if (ends('weight')) this._initWeight(name, arr);
    else if (ends('moving_mean')) this._initZero(name, arr);
    else if (ends('moving_var')) this._initOne(name, arr);
    else if (ends('moving_inv_var')) this._initZero(name, arr);
    else if (ends('moving_avg')) this._initZero(name, arr);
    else if (ends('min')) this._initZero(name, arr);
    else if (ends('max')) this._initOne(name, arr);
    else this._initDefault(name, arr);
  }

  /** MXNet `_init_bilinear`: the bilinear upsampling kernel (see `mx.init.Bilinear`). */
  _initBilinear(_desc: InitDesc | string | null, arr: NDArray): void {
    writeValues(arr, bilinearKernel(this.className, arr.shape));
  }

  /** MXNet `_init_loc_bias`: `[1, 0, 0, 0, 1, 0]`, the identity affine transform. */
  _initLocBias(_desc: InitDesc | string | null, arr: NDArray): void {
    if (arr.shape[0] !== 6) {
      throw new InvalidArgumentError(
        this.className,
        `stn_loc bias must have shape[0] == 6 (an affine transform), got shape (${arr.shape.join(', ')})`,
      );
    }
    arr.set([1.0, 0, 0, 0, 1.0, 0]);
  }

  /** MXNet `_init_zero`: 0. */
  _initZero(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(0.0);
  }

  /** MXNet `_init_one`: 1. */
  _initOne(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(1.0);
  }

  /** MXNet `_init_bias`: 0. Override for another bias rule. */
  _initBias(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(0.0);
  }

  /** MXNet `_init_quantized_bias`: 0. */
  _initQuantizedBias(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(0);
  }

  /** MXNet `_init_gamma`: 1. */
  _initGamma(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(1.0);
  }

  /** MXNet `_init_beta`: 0. */
  _initBeta(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(0.0);
  }

  /** MXNet `_init_weight`: abstract; subclasses override it. */
  _initWeight(desc: InitDesc | string | null, _arr: NDArray): void {
    throw new AbstractInitializerError(this.className, String(desc));
  }

  /**
   * MXNet `_init_quantized_weight`: one `randint(-127, 127)` draw (engine 0), cast to int8
   * and broadcast to the whole array. The randint arithmetic follows MXNet's kernel
   * (`low + rand() % (high - low)` on the engine's raw draw); it is not covered by the
   * bit-exact RNG spec.
   */
  _initQuantizedWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    const low = -127;
    const high = 127;
    const r = defaultGenerator.engine(0).nextU32() | 0;
    const v = low + (r % (high - low));
    const int8 = ((((v + 128) % 256) + 256) % 256) - 128;
    arr.set(int8);
  }

  /** MXNet `_init_default`: the name matched no rule. */
  _initDefault(desc: InitDesc | string | null, arr: NDArray): void {
    throw new UnknownInitPatternError(String(desc), this.className, arr.shape);
  }
}

function numeric(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyFloat) return v.value;
  return null;
}

function valueEqual(a: unknown, b: unknown): boolean {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null || nb !== null) return na === nb;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => valueEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !(a instanceof NDArray)) {
    return kwargsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
  }
  return a === b;
}

function kwargsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && valueEqual(a[k], b[k]));
}
