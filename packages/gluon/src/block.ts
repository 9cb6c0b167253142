import {
  type Context,
  type DType,
  InvalidArgumentError,
  NDArray,
  nd,
  np,
  npx,
  scope,
} from '@mxts/core';
import { BlockScope } from './block-scope.js';
import { AbstractMethodError } from './errors/abstract-method-error.js';
import { mxnetName } from './mxnet-name.js';
import type { InitLike } from './parameter.js';
import { Parameter } from './parameter.js';
import { ParameterDict, type ParameterDictInitOptions } from './parameter-dict.js';

/** Options of every block constructor (MXNet's `prefix=None, params=None`). */
export interface BlockOptions {
  /** The name prefix; `<classname><n>_` from the enclosing scope when omitted. */
  prefix?: string;
  /** Share these parameters (MXNet's `params=`): `get` finds them instead of creating new ones. */
  params?: ParameterDict;
}

/** Options of {@link Block.loadParameters}. */
export interface LoadParametersOptions {
  /** The context of the loaded arrays; the current one when omitted. */
  ctx?: Context;
  /** Leave parameters missing from the file as they are. */
  allowMissing?: boolean;
  /** Ignore names in the file that the block does not have. */
  ignoreExtra?: boolean;
}

/** Options of {@link Block.hybridize}. */
export interface HybridizeOptions {
  /** Accepted for MXNet compatibility; MXTS runs imperatively either way. */
  staticAlloc?: boolean;
  /** Accepted for MXNet compatibility; MXTS runs imperatively either way. */
  staticShape?: boolean;
}

/** A forward pre-hook: `hook(block, inputs)`. */
export type ForwardPreHook = (block: Block, inputs: unknown[]) => void;
/** A forward hook: `hook(block, inputs, output)`. */
export type ForwardHook = (block: Block, inputs: unknown[], output: unknown) => void;

/** What `register*Hook` returns: `detach()` removes the hook (MXNet's HookHandle). */
export interface HookHandle {
  /** Removes the hook; a second call does nothing. */
  detach(): void;
}

function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return s
    .split('\n')
    .map((l, i) => (i === 0 ? l : pad + l))
    .join('\n');
}

/** Python's `str` of a shape tuple: `(1, 32)`, `(2,)`. */
function tupleStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** MXNet summary's `_get_shape_str`: shapes of (nested lists of) arrays, as Python prints them. */
function shapeStr(args: unknown): string {
  const one = (a: unknown): string => {
    if (a instanceof NDArray) return tupleStr(a.shape);
    if (Array.isArray(a)) return `[${a.map(one).join(', ')}]`;
    return String(a);
  };
  return Array.isArray(args) ? args.map(one).join(', ') : one(args);
}

function disposeArrays(v: unknown): void {
  if (v instanceof NDArray) v.dispose();
  else if (Array.isArray(v)) for (const x of v) disposeArrays(x);
}

function typeName(v: unknown): string {
  return (v as { constructor?: { name?: string } })?.constructor?.name ?? typeof v;
}

// Python's Block.__setattr__: assigning a Block or Parameter to an attribute registers it.
const registering: ProxyHandler<Block> = {
  set(target, key, value) {
    if (typeof key === 'string') target._onSetAttr(key, value);
    return Reflect.set(target, key, value);
  },
  defineProperty(target, key, desc) {
    if (typeof key === 'string' && 'value' in desc) target._onSetAttr(key, desc.value);
    return Reflect.defineProperty(target, key, desc);
  },
};

/**
 * MXNet `gluon.Block(prefix=None, params=None)`: the base class of layers and models.
 * Subclass it, create children and parameters in the constructor inside `this.nameScope`,
 * and override `forward`:
 *
 * - Assigning a Block or a Parameter to a property registers it, as Python's `__setattr__`
 *   does (the constructor returns a Proxy for that), so `this.dense0 = new nn.Dense(10)`
 *   makes `dense0` a child, and `collectParams()` finds its parameters.
 * - `net.forward(x)` is Python's `net(x)`: pre-hooks, your `forward`, then hooks. Your
 *   override is wrapped at construction, so calling it directly runs the hooks too.
 * - Each call runs in an `mx.scope`: arrays made inside and not returned are freed when
 *   it returns (`mx.keep` what a forward stores on the block).
 *
 * Prefixes follow MXNet's `_BlockScope`: `<class name lowercased><n>_`, counted per class
 * name inside the enclosing `nameScope` (globally through `mx.name.NameManager` outside
 * every scope), so parameter names equal MXNet's (`model0_dense0_weight`).
 *
 * @example
 * class Model extends gluon.Block {
 *   dense0: gluon.nn.Dense; dense1: gluon.nn.Dense;
 *   constructor() {
 *     super();
 *     [this.dense0, this.dense1] = this.nameScope(() => [new gluon.nn.Dense(20), new gluon.nn.Dense(20)]);
 *   }
 *   override forward(x: mx.NDArray) { return this.dense1.forward(mx.nd.relu(this.dense0.forward(x))); }
 * }
 * const model = new Model(); model.initialize(); model.forward(mx.nd.zeros([10, 10]));
 */
export class Block {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'Block';
  /** @internal MXNet `_empty_prefix`. */
  readonly _emptyPrefix: boolean;
  /** @internal */
  readonly _prefix: string;
  /** @internal */
  readonly _params: ParameterDict;
  /** @internal */
  readonly _name: string;
  /** @internal */
  readonly _scope: BlockScope;
  /** @internal Children by attribute name (or position, for containers). */
  readonly _children = new Map<string, Block>();
  /** @internal Parameters assigned to attributes, by attribute name. */
  readonly _regParams = new Map<string, Parameter>();
  private readonly _forwardHooks = new Map<number, ForwardHook>();
  private readonly _forwardPreHooks = new Map<number, ForwardPreHook>();
  private _hookId = 0;

  /**
   * MXNet `Block.__init__(prefix=None, params=None)`. `hint` replaces the class-name hint of
   * automatic prefixes (MXNet subclasses override `_alias()`; `Activation` uses its type).
   */
  constructor(options: BlockOptions = {}, hint?: string) {
    const { prefix, params } = options;
    if (prefix !== undefined && typeof prefix !== 'string') {
      throw new InvalidArgumentError(mxnetName(new.target), 'prefix must be a string');
    }
    if (params !== undefined && !(params instanceof ParameterDict)) {
      throw new InvalidArgumentError(mxnetName(new.target), 'params must be a gluon.ParameterDict');
    }
    this._emptyPrefix = prefix === '';
    [this._prefix, this._params] = BlockScope.create(prefix, params, hint ?? this._alias());
    this._name = this._prefix.endsWith('_') ? this._prefix.slice(0, -1) : this._prefix;
    this._scope = new BlockScope(this);
    const self = new Proxy(this, registering);
    const userForward = this.forward;
    Reflect.defineProperty(this, 'forward', {
      value: (...args: unknown[]) => self._callWithHooks(userForward, args),
      writable: true,
      configurable: true,
      enumerable: false,
    });
    // biome-ignore lint/correctness/noConstructorReturn: Python's __setattr__ registration needs a Proxy.
    return self;
  }

  /** MXNet `_alias()`: the class name lowercased, the hint for automatic prefixes. */
  _alias(): string {
    return mxnetName(this).toLowerCase();
  }

  /** @internal Python's `__setattr__` checks and registration. */
  _onSetAttr(name: string, value: unknown): void {
    if (name === 'forward') return;
    const existing = (this as unknown as Record<string, unknown>)[name];
    if (
      (existing instanceof Parameter || existing instanceof Block) &&
      !(value instanceof (existing.constructor as new (...a: never[]) => unknown))
    ) {
      throw new InvalidArgumentError(
        mxnetName(this),
        `Changing attribute type for ${name} from ${typeName(existing)} to ${typeName(value)} is not allowed.`,
      );
    }
    if (value instanceof Block) this.registerChild(value, name);
    else if (value instanceof Parameter) {
      if (this._regParams.has(name) && this._regParams.get(name) !== value) {
        throw new InvalidArgumentError(
          mxnetName(this),
          `Overriding Parameter attribute ${name} is not allowed. If you want to share parameters between blocks, please set 'params' at Block construction instead.`,
        );
      }
      this._regParams.set(name, value);
    }
  }

  /** MXNet `prefix`: e.g. `dense0_`. */
  get prefix(): string {
    return this._prefix;
  }

  /** MXNet `name`: the prefix without its trailing `_`. */
  get name(): string {
    return this._name;
  }

  /**
   * MXNet `params`: this block's own parameters (and shared ones), not its children's;
   * use `collectParams()` for all of them.
   */
  get params(): ParameterDict {
    return this._params;
  }

  /**
   * MXNet `with self.name_scope():`: runs `fn` so that blocks it creates are named under
   * this block's prefix. Returns what `fn` returns.
   * @example this.dense = this.nameScope(() => new gluon.nn.Dense(10)); // prefix 'model0_dense0_'
   */
  nameScope<T>(fn: () => T): T {
    return this._scope.run(fn);
  }

  /**
   * MXNet `register_child(block, name=None)`: makes `block` a child (its parameters join
   * `collectParams`), named by position when no name is given. Returns the block.
   * @example this.registerChild(new gluon.nn.Dense(2), 'out');
   */
  registerChild<B extends Block>(block: B, name?: string): B {
    if (!(block instanceof Block)) {
      throw new InvalidArgumentError(
        `${mxnetName(this)}.registerChild`,
        `expected a gluon.Block, got ${typeName(block)}`,
      );
    }
    this._children.set(name ?? String(this._children.size), block);
    return block;
  }

  /**
   * MXNet `register_forward_pre_hook(hook)`: `hook(block, inputs)` runs before forward.
   * @example const h = net.registerForwardPreHook((b, inputs) => console.log(b.name)); h.detach();
   */
  registerForwardPreHook(hook: ForwardPreHook): HookHandle {
    const id = this._hookId++;
    this._forwardPreHooks.set(id, hook);
    return { detach: () => void this._forwardPreHooks.delete(id) };
  }

  /**
   * MXNet `register_forward_hook(hook)`: `hook(block, inputs, output)` runs after forward.
   * @example net.registerForwardHook((b, inputs, out) => console.log(b.name));
   */
  registerForwardHook(hook: ForwardHook): HookHandle {
    const id = this._hookId++;
    this._forwardHooks.set(id, hook);
    return { detach: () => void this._forwardHooks.delete(id) };
  }

  /**
   * @internal Python's `Block.__call__`. The call runs in an `mx.scope`, so the
   * temporaries of the computation are freed when it returns (MXNet frees them by reference
   * counting); what it returns survives, and a recorded graph keeps what backward needs.
   */
  _callWithHooks(forward: (...args: unknown[]) => unknown, args: unknown[]): unknown {
    return scope(() => {
      for (const h of this._forwardPreHooks.values()) h(this, args);
      const raw = forward.apply(this, args);
      // After npx.setNp() blocks give np arrays, as MXNet's (the same memory and graph).
      const out = npx.isNp() ? asNpOutputs(raw) : raw;
      for (const h of this._forwardHooks.values()) h(this, args, out);
      return out;
    });
  }

  /**
   * MXNet `collect_params(select=None)`: this block's and its descendants' parameters;
   * `select` is a regular expression matched at the start of each full name (Python's
   * `re.match`), e.g. `'.*weight|.*bias'`.
   * @example trainer = new gluon.Trainer(net.collectParams(), 'sgd');
   */
  collectParams(select?: string | RegExp): ParameterDict {
    const ret = new ParameterDict(this._params.prefix);
    if (!select) ret.update(this._params);
    else {
      const source = typeof select === 'string' ? select : select.source;
      let re: RegExp;
      try {
        re = new RegExp(source, 'y');
      } catch (e) {
        throw new InvalidArgumentError(
          `${mxnetName(this)}.collectParams`,
          `select '${source}' is not a valid regular expression (${(e as Error).message})`,
        );
      }
      const picked: [string, Parameter][] = [];
      for (const [k, v] of this._params) {
        re.lastIndex = 0;
        if (re.test(k)) picked.push([k, v]);
      }
      ret.update(picked);
    }
    for (const child of this._children.values()) ret.update(child.collectParams(select));
    return ret;
  }

  /**
   * MXNet `_collect_params_with_prefix(prefix='')`: parameters by structural name
   * (`0.weight`, `features.1.bias`), the names `saveParameters` writes.
   * @internal
   */
  _collectParamsWithPrefix(prefix = ''): Map<string, Parameter> {
    const p = prefix ? `${prefix}.` : '';
    const ret = new Map<string, Parameter>();
    for (const [k, v] of this._regParams) ret.set(p + k, v);
    for (const [name, child] of this._children) {
      for (const [k, v] of child._collectParamsWithPrefix(p + name)) ret.set(k, v);
    }
    return ret;
  }

  /**
   * MXNet `initialize(init=Uniform(), ctx=None, verbose=False, force_reinit=False)`:
   * initializes every parameter of the block and its children (deferred ones at the first
   * forward).
   * @example net.initialize(new mx.init.Xavier({ magnitude: 2.24 }));
   */
  initialize(init?: InitLike | null, options: ParameterDictInitOptions = {}): void {
    this.collectParams().initialize(init, options);
  }

  /**
   * MXNet `hybridize(active=True)`: sets the flag on every HybridBlock below. MXTS runs
   * imperatively either way (no graph cache), with the same numbers.
   * @example net.hybridize();
   */
  hybridize(active = true, options: HybridizeOptions = {}): void {
    for (const child of this._children.values()) child.hybridize(active, options);
  }

  /**
   * MXNet `apply(fn)`: calls `fn` on every descendant, then on this block.
   * @example net.apply((b) => console.log(b.name));
   */
  apply(fn: (block: Block) => void): this {
    for (const child of this._children.values()) child.apply(fn);
    fn(this);
    return this;
  }

  /**
   * MXNet `summary(*inputs)`: runs a forward and prints each layer's output shape and
   * parameter count (MXNet's table, character for character); returns the text too. The
   * block must be initialized and not hybridized.
   * @example net.summary(mx.nd.ones([1, 2]));
   */
  summary(...inputs: unknown[]): string {
    interface Row {
      shape: string;
      n: number;
      trainable: number;
      shared: number;
    }
    const rows = new Map<string, Row>();
    const seen = new Set<Parameter>();
    const hooks: HookHandle[] = [];
    rows.set('Input', { shape: shapeStr(inputs), n: 0, trainable: 0, shared: 0 });
    try {
      this.apply((block) => {
        if ((block as { _active?: boolean })._active) {
          throw new InvalidArgumentError(
            `${mxnetName(this)}.summary`,
            `"${block.name}" must not be hybridized to print summary.`,
          );
        }
        if (block._isContainer()) return;
        hooks.push(
          block.registerForwardHook((b, _in, out) => {
            const row: Row = { shape: shapeStr(out), n: 0, trainable: 0, shared: 0 };
            for (const p of b.params.values()) {
              const size = p.data().size;
              row.n += size;
              if (p.gradReq !== 'null') row.trainable += size;
              if (seen.has(p)) row.shared += size;
              else seen.add(p);
            }
            rows.set(`${mxnetName(b)}-${rows.size}`, row);
          }),
        );
      });
      disposeArrays(this.forward(...inputs));
    } finally {
      for (const h of hooks) h.detach();
    }
    const fmt = (a: string, b: string, c: string) =>
      `${a.padStart(20)}  ${b.padStart(42)} ${c.padStart(15)}`;
    const lines = ['-'.repeat(80), fmt('Layer (type)', 'Output Shape', 'Param #'), '='.repeat(80)];
    let total = 0;
    let trainable = 0;
    let shared = 0;
    for (const [name, r] of rows) {
      lines.push(fmt(name, r.shape, String(r.n)));
      total += r.n;
      trainable += r.trainable;
      shared += r.shared;
    }
    lines.push(
      '='.repeat(80),
      'Parameters in forward computation graph, duplicate included',
      `   Total params: ${total}`,
      `   Trainable params: ${trainable}`,
      `   Non-trainable params: ${total - trainable}`,
      `Shared params in forward computation graph: ${shared}`,
      `Unique parameters in model: ${total - shared}`,
      '-'.repeat(80),
    );
    const text = lines.join('\n');
    console.log(text);
    return text;
  }

  /** @internal Sequential containers get no summary row, as in MXNet. */
  _isContainer(): boolean {
    return false;
  }

  /**
   * MXNet `cast(dtype)`: casts every parameter of this block and its children.
   * @example net.cast('float64');
   */
  cast(dtype: DType): void {
    for (const child of this._children.values()) child.cast(dtype);
    for (const p of this._params.values()) p.cast(dtype);
  }

  /**
   * MXNet `forward(*args)`: the computation; override it. Calling `net.forward(x)` is
   * Python's `net(x)` (hooks run around your override).
   */
  forward(..._args: any[]): any {
    throw new AbstractMethodError(
      `${mxnetName(this)}.forward`,
      'override forward(...) in your Block subclass (or hybridForward in a HybridBlock)',
    );
  }

  /**
   * MXNet `save_parameters(filename)`: the parameters by structural name (`0.weight`,
   * `1.bias`) in MXNet's `.params` format, which MXNet's `load_parameters` reads.
   * @example await net.saveParameters('net.params');
   */
  async saveParameters(filename: string): Promise<void> {
    await nd.save(filename, this._structuralDict());
  }

  /** @internal What `saveParameters` writes. */
  _structuralDict(): Record<string, NDArray> {
    const out: Record<string, NDArray> = {};
    for (const [k, p] of this._collectParamsWithPrefix()) out[k] = p.data();
    return out;
  }

  /**
   * MXNet `load_parameters(filename, ctx=None, allow_missing=False, ignore_extra=False)`:
   * reads a file `saveParameters` (or MXNet's `save_parameters`) wrote; a file of full
   * names (MXNet's older `collect_params().save`) is read relative to this block's prefix.
   * @example await net.loadParameters('net.params', { ctx: mx.cpu() });
   */
  async loadParameters(filename: string, options: LoadParametersOptions = {}): Promise<void> {
    const loaded = await nd.load(filename, options.ctx ? { ctx: options.ctx } : {});
    try {
      this._loadStructural(loaded, options, filename);
    } finally {
      for (const a of Object.values(loaded)) a.dispose();
    }
  }

  /** @internal `load_parameters` on arrays already read. */
  _loadStructural(
    loaded: Record<string, NDArray> | NDArray[],
    options: LoadParametersOptions,
    filename: string,
  ): void {
    const op = `${mxnetName(this)}.loadParameters`;
    if (Array.isArray(loaded)) {
      throw new InvalidArgumentError(
        op,
        `'${filename}' holds an unnamed list of arrays, not parameters`,
      );
    }
    const params = this._collectParamsWithPrefix();
    const names = Object.keys(loaded);
    if (names.length === 0 && params.size === 0) return;
    if (!names.some((n) => n.includes('.'))) {
      this.collectParams().loadDict(loaded, {
        ...options,
        restorePrefix: this.prefix,
        filename,
      });
      return;
    }
    if (!options.allowMissing) {
      const aliases = new Map<Parameter, string[]>();
      for (const [k, v] of params) aliases.set(v, [...(aliases.get(v) ?? []), k]);
      for (const [name, p] of params) {
        if (!aliases.get(p)!.some((a) => a in loaded)) {
          throw new InvalidArgumentError(
            op,
            `Parameter '${name}' is missing in file '${filename}', which contains parameters: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''}. Set allowMissing: true to ignore missing parameters.`,
          );
        }
      }
    }
    for (const name of names) {
      const p = params.get(name);
      if (p === undefined) {
        if (!options.ignoreExtra) {
          throw new InvalidArgumentError(
            op,
            `Parameter '${name}' loaded from file '${filename}' is not present in ParameterDict, which contains parameters ${[...params.keys()].slice(0, 3).join(', ')}. Set ignoreExtra: true to ignore.`,
          );
        }
        continue;
      }
      p._loadInit(loaded[name], options.ctx);
    }
  }

  /** MXNet `repr(block)`: the class and its children, indented. */
  toString(): string {
    const rows = [...this._children].map(([k, b]) => `  (${k}): ${indent(b.toString(), 2)}`);
    return `${mxnetName(this)}(\n${rows.join('\n')}\n)`;
  }
}

/** A forward's result with every NDArray in it (itself, or in a list) as an np array. */
function asNpOutputs(out: unknown): unknown {
  if (out instanceof NDArray) return np.fromNd(out);
  if (Array.isArray(out)) return out.map(asNpOutputs);
  return out;
}
