import { InvalidArgumentError, Symbol as MxSymbol, NDArray, nd, sym } from '@mxts/core';
import { Block, type BlockOptions, type HybridizeOptions } from './block.js';
import { AbstractMethodError } from './errors/abstract-method-error.js';
import { DeferredInitializationError } from './errors/deferred-initialization-error.js';
import { mxnetName } from './mxnet-name.js';
import { pyFloat } from './nn/tuple.js';
import { shapeIsKnown } from './parameter.js';
import { symbolF } from './symbol-f.js';

/** MXNet's `F` in `hybrid_forward`: `mx.nd` when running on arrays. */
export type F = typeof nd;

/** The registered parameters' arrays (or symbols) by attribute name, `hybridForward`'s last argument. */
export type HybridParams = Record<string, any>;

/**
 * MXNet `gluon.HybridBlock(prefix=None, params=None)`: a block written once for arrays and
 * symbols. Override `hybridForward(F, x, ...args, params)`, MXNet's
 * `hybrid_forward(F, x, *args, **params)`: `F` is `mx.nd` (or a symbolic stand-in during
 * `export`), and the last argument holds the arrays of the parameters assigned to
 * attributes, by attribute name (Python's keyword arguments).
 *
 * Deferred initialization: at the first forward, a parameter with unknown dimensions makes
 * the block call `inferShape(x, ...args)` (override it to set the shapes, as MXNet 2's
 * `infer_shape`), then initialize its parameters in order. `hybridize()` only sets a flag:
 * MXTS runs the imperative path, which gives the same numbers.
 *
 * @example
 * class Scale extends gluon.HybridBlock {
 *   scale: gluon.Parameter;
 *   constructor() { super(); this.scale = this.params.get('scale', { shape: [1] }); }
 *   override hybridForward(F: gluon.F, x: mx.NDArray, p: { scale: mx.NDArray }) {
 *     return F.broadcastMul(x, p.scale);
 *   }
 * }
 */
export class HybridBlock extends Block {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'HybridBlock';
  /** @internal MXNet `_active`: set by `hybridize`. */
  _active = false;

  /** MXNet `HybridBlock.__init__(prefix=None, params=None)`; `hint` as in Block. */
  constructor(options: BlockOptions = {}, hint?: string) {
    super(options, hint);
  }

  /** MXNet `register_child`: a HybridBlock's children must be HybridBlocks. */
  override registerChild<B extends Block>(block: B, name?: string): B {
    if (!(block instanceof HybridBlock)) {
      throw new InvalidArgumentError(
        `${mxnetName(this)}.registerChild`,
        `Children of HybridBlock must also be HybridBlock, but ${String(block?.constructor?.name)} has type ${typeof block}. If you are using Sequential, please try HybridSequential instead.`,
      );
    }
    return super.registerChild(block, name);
  }

  /** MXNet `hybridize(active=True)`. @example net.hybridize(); */
  override hybridize(active = true, options: HybridizeOptions = {}): void {
    this._active = active;
    super.hybridize(active, options);
  }

  /**
   * Sets the unknown dimensions of this block's parameters from the inputs of the first
   * forward (MXNet 2's `infer_shape`; MXNet 1.x infers them from the symbolic graph).
   * Layers with deferred dimensions override it.
   */
  inferShape(..._args: unknown[]): void {
    const unknown = [...this.params.values()]
      .filter((p) => !shapeIsKnown(p.shape))
      .map((p) => p.name);
    throw new InvalidArgumentError(
      `${mxnetName(this)}.inferShape`,
      `parameters ${unknown.join(', ')} have unknown dimensions; give their full shapes or override inferShape(x, ...args) to set them from the first input`,
    );
  }

  /** MXNet `hybrid_forward(F, x, *args, **params)`: override it. */
  hybridForward(_F: F, ..._args: any[]): any {
    throw new AbstractMethodError(
      `${mxnetName(this)}.hybridForward`,
      'override hybridForward(F, x, ...args, params) in your HybridBlock subclass',
    );
  }

  /**
   * MXNet `HybridBlock.forward(x, *args)` (what `net(x)` runs): finishes deferred
   * initialization, then `hybridForward(mx.nd, x, ...args, params)`.
   * @example const y = new gluon.nn.Dense(2).forward(x);
   */
  override forward(x: any, ...args: any[]): any {
    if (x instanceof MxSymbol) return this._symbolicForward(x, args);
    if (!(x instanceof NDArray)) {
      throw new InvalidArgumentError(
        `${mxnetName(this)}.forward`,
        `expected an NDArray (or a Symbol) as input, got ${x === null ? 'null' : typeof x}`,
      );
    }
    let params: HybridParams;
    try {
      params = this._paramData();
    } catch (e) {
      if (!(e instanceof DeferredInitializationError)) throw e;
      this.inferShape(x, ...args);
      for (const p of this.params.values()) p._finishDeferredInit();
      params = this._paramData();
    }
    return this.hybridForward(nd, x, ...args, params);
  }

  private _paramData(): HybridParams {
    const out: HybridParams = {};
    for (const [k, p] of this._regParams) out[k] = p.data();
    return out;
  }

  private _symbolicForward(x: MxSymbol, args: unknown[]): unknown {
    const params: HybridParams = {};
    for (const [k, p] of this._regParams) {
      // MXNet's Parameter.var(): lr_mult/wd_mult are Python floats ("1.0"), stype 'default'.
      const opts: Parameters<typeof sym.Variable>[1] = {
        attr: { __lr_mult__: pyFloat(p.lrMult), __wd_mult__: pyFloat(p.wdMult) },
        dtype: p.dtype as 'float32',
        stype: 'default',
      };
      if (p.shape !== null) opts.shape = p.shape;
      if (p.init !== null) opts.init = p.init;
      params[k] = sym.Variable(p.name, opts);
    }
    return this.nameScope(() => this.hybridForward(symbolF, x, ...args, params));
  }

  /**
   * The symbol of this block on one input named `data` (MXNet's `_get_graph` output),
   * what `export` writes.
   * @example net.toSymbol().listArguments(); // ['data', 'dense0_weight', 'dense0_bias', ...]
   */
  toSymbol(): MxSymbol {
    const out = this.forward(sym.Variable('data'));
    if (!(out instanceof MxSymbol)) {
      throw new InvalidArgumentError(
        `${mxnetName(this)}.export`,
        'hybridForward must return one Symbol when given a Symbol',
      );
    }
    return out;
  }

  /**
   * MXNet `export(path, epoch=0)`: writes `path-symbol.json` (the graph) and
   * `path-%04d.params` (`arg:`/`aux:` names), which `mx.mod.Module` and MXNet's
   * `SymbolBlock.imports` load. Returns both file names.
   * @example await net.export('model', 0); // model-symbol.json, model-0000.params
   */
  async export(path: string, epoch = 0): Promise<[string, string]> {
    const s = this.toSymbol();
    const symFile = `${path}-symbol.json`;
    const paramsFile = `${path}-${String(epoch).padStart(4, '0')}.params`;
    const args = new Set(s.listArguments());
    const aux = new Set(s.listAuxiliaryStates());
    const dict: Record<string, NDArray> = {};
    for (const [name, p] of this.collectParams()) {
      if (args.has(name)) dict[`arg:${name}`] = p.data();
      else if (aux.has(name)) dict[`aux:${name}`] = p.data();
    }
    const fs = await import('node:fs/promises');
    await fs.writeFile(symFile, s.toJSON());
    await nd.save(paramsFile, dict);
    return [symFile, paramsFile];
  }
}
