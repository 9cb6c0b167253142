import {
  type Context,
  InvalidArgumentError,
  init as initializer,
  type NDArray,
  nd,
  ShapeError,
} from '@mxts/core';
import {
  Constant,
  type InitLike,
  Parameter,
  type ParameterInitOptions,
  type ParameterOptions,
} from './parameter.js';

/** Options of {@link ParameterDict.initialize} and `Block.initialize`. */
export interface ParameterDictInitOptions {
  /** The context; the current one when omitted. */
  ctx?: Context;
  /** Log each initialization (the initializer's `setVerbosity`). */
  verbose?: boolean;
  /** Initialize again parameters that already are. */
  forceReinit?: boolean;
}

/** Options of {@link ParameterDict.load} / `loadDict`. */
export interface ParameterDictLoadOptions {
  /** Where to put the arrays; the current context when omitted. */
  ctx?: Context;
  /** Leave parameters missing from the file as they are (initialize them yourself). */
  allowMissing?: boolean;
  /** Ignore names in the file that are not in this dict. */
  ignoreExtra?: boolean;
  /** Prepended to every name in the file before matching. */
  restorePrefix?: string;
}

/** The attributes `setattr` may set on every parameter. */
export type ParameterAttr =
  | 'gradReq'
  | 'lrMult'
  | 'wdMult'
  | 'init'
  | 'allowDeferredInit'
  | 'dtype';

function briefList(names: Iterable<string>, limit = 3): string {
  const all = [...names];
  const shown = all.length > limit ? [...all.slice(0, limit), '...'] : all;
  return shown.map((s) => (s === '...' ? s : `'${s}'`)).join(', ');
}

/**
 * MXNet `gluon.ParameterDict(prefix='', shared=None)`: parameters by full name, in insertion
 * order. `get(name)` creates `prefix + name` or returns the existing (or shared) one.
 *
 * @example
 * const params = new gluon.ParameterDict('net_');
 * const w = params.get('weight', { shape: [2, 3] }); // named 'net_weight'
 * [...params.keys()]; // ['net_weight']
 */
export class ParameterDict implements Iterable<[string, Parameter]> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'ParameterDict';
  private readonly _params = new Map<string, Parameter>();

  constructor(
    /** Prepended to every name `get` creates. */
    readonly prefix = '',
    private readonly _shared: ParameterDict | null = null,
  ) {}

  /** The parameter with this full name, or undefined. @example params.getFull('dense0_weight') */
  getFull(name: string): Parameter | undefined {
    return this._params.get(name);
  }

  /** @internal The dict that `get` falls back to (MXNet's `_shared`). */
  get _sharedDict(): ParameterDict | null {
    return this._shared;
  }

  /** Number of parameters. */
  get size(): number {
    return this._params.size;
  }

  /** Whether a full name is present (MXNet's `in`). @example params.has('dense0_bias') */
  has(name: string): boolean {
    return this._params.has(name);
  }

  /** Full names in insertion order. */
  keys(): IterableIterator<string> {
    return this._params.keys();
  }

  /** Parameters in insertion order. */
  values(): IterableIterator<Parameter> {
    return this._params.values();
  }

  /** `[name, parameter]` pairs in insertion order (MXNet's `items()`). */
  items(): IterableIterator<[string, Parameter]> {
    return this._params.entries();
  }

  /** Iterates `[name, parameter]` pairs in insertion order (Python's `items()`). */
  [Symbol.iterator](): IterableIterator<[string, Parameter]> {
    return this._params.entries();
  }

  /** MXNet `repr`. */
  toString(): string {
    const body = [...this.values()].map((p) => `  ${p}`).join('\n');
    return `${this.prefix} (\n${body}\n)`;
  }

  private _getImpl(name: string): Parameter | undefined {
    const own = this._params.get(name);
    if (own !== undefined) return own;
    const shared = this._shared?._params.get(name);
    if (shared !== undefined) this._params.set(name, shared);
    return shared;
  }

  /**
   * MXNet `get(name, **kwargs)`: the parameter `prefix + name`, created with `options` if
   * absent. An existing one must agree with the options (unknown dimensions 0 are filled).
   *
   * @example
   * const w = this.params.get('weight', { shape: [units, 0], allowDeferredInit: true });
   */
  get(name: string, options: ParameterOptions = {}): Parameter {
    const full = this.prefix + name;
    const existing = this._getImpl(full);
    if (existing === undefined) {
      const p = new Parameter(full, options);
      this._params.set(full, p);
      return p;
    }
    for (const [k, v] of Object.entries(options)) {
      if (v === undefined) continue;
      const cur = (existing as unknown as Record<string, unknown>)[k];
      if (cur === null || cur === undefined) {
        (existing as unknown as Record<string, unknown>)[k] = v;
        continue;
      }
      if (k === 'shape') {
        const want = typeof v === 'number' ? [v] : (v as number[]);
        const have = cur as number[];
        if (want.length === have.length) {
          let matched = true;
          const inferred = want.map((d1, i) => {
            const d2 = have[i];
            if (d1 !== d2 && d1 > 0 && d2 > 0) matched = false;
            return d1 === 0 ? d2 : d1;
          });
          if (matched) {
            existing.shape = inferred;
            continue;
          }
        }
        throw new ShapeError(
          'ParameterDict.get',
          [want, have],
          `Cannot retrieve Parameter '${full}' because desired attribute does not match with stored for attribute 'shape'`,
        );
      }
      const same =
        typeof (cur as { equals?: unknown }).equals === 'function'
          ? (cur as { equals(o: unknown): boolean }).equals(v)
          : v === cur;
      if (!same) {
        throw new InvalidArgumentError(
          'ParameterDict.get',
          `Cannot retrieve Parameter '${full}' because desired attribute does not match with stored for attribute '${k}': desired '${String(v)}' vs stored '${String(cur)}'`,
        );
      }
    }
    return existing;
  }

  /**
   * MXNet `get_constant(name, value=None)`: the constant `prefix + name`, created from
   * `value` if absent.
   * @example const c = this.params.getConstant('scale', mx.nd.array([2]));
   */
  getConstant(name: string, value?: NDArray): Constant {
    const full = this.prefix + name;
    const existing = this._getImpl(full);
    if (existing === undefined) {
      if (value === undefined) {
        throw new InvalidArgumentError(
          'ParameterDict.getConstant',
          `No constant named '${full}'. Please specify value if you want to create a new constant.`,
        );
      }
      const c = new Constant(full, value);
      this._params.set(full, c);
      return c;
    }
    if (!(existing instanceof Constant)) {
      throw new InvalidArgumentError(
        'ParameterDict.getConstant',
        `Parameter '${full}' already exists but it is not a constant.`,
      );
    }
    return existing;
  }

  /**
   * MXNet `update(other)`: adds the parameters of `other`; the same name must be the same
   * parameter.
   * @example all.update(net.collectParams());
   */
  update(other: ParameterDict | Iterable<[string, Parameter]>): void {
    const entries = [...other];
    for (const [k, v] of entries) {
      const mine = this._params.get(k);
      if (mine !== undefined && mine !== v) {
        throw new InvalidArgumentError(
          'ParameterDict.update',
          `Cannot update self with other because they have different Parameters with the same name '${k}'`,
        );
      }
    }
    for (const [k, v] of entries) this._params.set(k, v);
  }

  /**
   * MXNet `initialize(init=Uniform(), ctx=None, verbose=False, force_reinit=False)`: each
   * parameter's `initialize(null, { defaultInit: init })`, in order.
   * @example net.collectParams().initialize(new mx.init.Xavier());
   */
  initialize(init?: InitLike | null, options: ParameterDictInitOptions = {}): void {
    const defaultInit = initializer.create(init ?? new initializer.Uniform());
    if (options.verbose) defaultInit.setVerbosity(true);
    const opts: ParameterInitOptions = { defaultInit };
    if (options.ctx !== undefined) opts.ctx = options.ctx;
    if (options.forceReinit !== undefined) opts.forceReinit = options.forceReinit;
    for (const p of this.values()) p.initialize(null, opts);
  }

  /** MXNet `zero_grad()`. @example params.zeroGrad(); */
  zeroGrad(): void {
    for (const p of this.values()) p.zeroGrad();
  }

  /**
   * MXNet `setattr(name, value)`: sets one attribute on every parameter.
   * @example net.collectParams('.*bias').setattr('lrMult', 2);
   */
  setattr(name: ParameterAttr, value: unknown): void {
    for (const p of this.values()) (p as unknown as Record<string, unknown>)[name] = value;
  }

  /**
   * MXNet `save(filename, strip_prefix='')`: the parameters by full name (minus
   * `stripPrefix`) in MXNet's `.params` format.
   * @example await net.collectParams().save('net.params', 'net0_');
   */
  async save(filename: string, stripPrefix = ''): Promise<void> {
    await nd.save(filename, this._toSaveDict(stripPrefix));
  }

  /** @internal The dict that `save` writes. */
  _toSaveDict(stripPrefix = ''): Record<string, NDArray> {
    const out: Record<string, NDArray> = {};
    for (const p of this.values()) {
      if (!p.name.startsWith(stripPrefix)) {
        throw new InvalidArgumentError(
          'ParameterDict.save',
          `Prefix '${stripPrefix}' is to be striped before saving, but Parameter's name '${p.name}' does not start with '${stripPrefix}'.`,
        );
      }
      out[p.name.slice(stripPrefix.length)] = p.data();
    }
    return out;
  }

  /**
   * MXNet `load(filename, ctx=None, allow_missing=False, ignore_extra=False, restore_prefix='')`.
   * @example await net.collectParams().load('net.params', { restorePrefix: 'net0_' });
   */
  async load(filename: string, options: ParameterDictLoadOptions = {}): Promise<void> {
    const restore = options.restorePrefix ?? '';
    if (restore) {
      for (const name of this.keys()) {
        if (!name.startsWith(restore)) {
          throw new InvalidArgumentError(
            'ParameterDict.load',
            `restore_prefix is '${restore}' but Parameters name '${name}' does not start with '${restore}'`,
          );
        }
      }
    }
    const loaded = await nd.load(filename);
    try {
      this.loadDict(loaded, { ...options, filename });
    } finally {
      for (const a of Object.values(loaded)) a.dispose();
    }
  }

  /**
   * MXNet `load_dict(param_dict, ...)`: loads from name -> array (`arg:`/`aux:` prefixes
   * dropped). The arrays are copied.
   * @example params.loadDict({ 'dense0_weight': w }, { allowMissing: true });
   */
  loadDict(
    paramDict: Record<string, NDArray> | NDArray[],
    options: ParameterDictLoadOptions & { filename?: string } = {},
  ): void {
    if (Array.isArray(paramDict)) {
      throw new InvalidArgumentError(
        'ParameterDict.loadDict',
        'the file holds an unnamed list of arrays; parameters load from a name -> array dict',
      );
    }
    const restore = options.restorePrefix ?? '';
    const where = options.filename ? `file: ${options.filename}` : 'param_dict';
    const argDict = new Map<string, NDArray>();
    for (const [k, v] of Object.entries(paramDict)) {
      const key = k.startsWith('arg:') || k.startsWith('aux:') ? k.slice(4) : k;
      argDict.set(restore + key, v);
    }
    if (!options.allowMissing) {
      for (const name of this.keys()) {
        if (!argDict.has(name)) {
          throw new InvalidArgumentError(
            'ParameterDict.load',
            `Parameter '${name.slice(restore.length)}' is missing in ${where}, which contains parameters: ${briefList(argDict.keys())}. Please make sure source and target networks have the same prefix (or pass allowMissing: true).`,
          );
        }
      }
    }
    for (const [name, arr] of argDict) {
      const p = this._params.get(name);
      if (p === undefined) {
        if (!options.ignoreExtra) {
          throw new InvalidArgumentError(
            'ParameterDict.load',
            `Parameter '${name.slice(restore.length)}' loaded from ${where} is not present in ParameterDict, choices are: ${briefList(this.keys())}. Set ignoreExtra: true to ignore. Please make sure source and target networks have the same prefix.`,
          );
        }
        continue;
      }
      p._loadInit(arr, options.ctx);
    }
  }
}
