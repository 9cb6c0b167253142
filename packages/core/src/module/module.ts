import { backward as autogradBackward } from '../autograd/backward-api.js';
import { markVariables } from '../autograd/mark-variables.js';
import { withoutNames } from '../autograd/tape.js';
import type { Context } from '../backend/context.js';
import { currentContext } from '../backend/registry.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { MissingParamError } from '../errors/missing-param-error.js';
import { ModuleStateError } from '../errors/module-state-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { UnsupportedOperatorError } from '../errors/unsupported-operator-error.js';
import {
  create,
  InitDesc,
  type InitializerLike,
  type ParamDict,
  Uniform,
} from '../initializer/index.js';
import { emit } from '../initializer/log.js';
import { zeros } from '../ndarray/creation.js';
import { NDArray } from '../ndarray/ndarray.js';
import { evaluateRecorded, evaluateSymbol } from '../symbol/evaluate.js';
import { getOpDef } from '../symbol/op-registry.js';
import type { Symbol } from '../symbol/symbol.js';
import {
  checkOptions,
  checkRequiredOptions,
  checkShapeArg,
  checkSize,
  describe as describeValue,
} from '../validate/check-args.js';
import { type SGDParams, SGDUpdater } from './sgd-updater.js';

/** Input shapes by name: MXNet's list of `(name, shape)` pairs, or a record. */
export type DataShapes =
  | readonly (readonly [string, readonly number[]])[]
  | Readonly<Record<string, readonly number[]>>;

/** Options of the {@link Module} constructor. */
export interface ModuleOptions {
  /** Names of the data inputs; default `['data']`. */
  dataNames?: readonly string[];
  /** Names of the label inputs; default `['softmax_label']`; null for none. */
  labelNames?: readonly string[] | null;
  /** The device (one; MXTS runs no data parallelism); the current default context when omitted. */
  context?: Context | readonly Context[];
}

/** Options of {@link Module.bind}. */
export interface BindOptions {
  /** Shapes of the data inputs, e.g. `[['data', [1, 3]]]`. */
  dataShapes: DataShapes;
  /** Shapes of the label inputs. */
  labelShapes?: DataShapes | null;
  /** Bind for training (default true): forward defaults to training mode. */
  forTraining?: boolean;
  /** MXNet's `inputs_need_grad`; only valid with forTraining. */
  inputsNeedGrad?: boolean;
  /** Rebind even when already bound. */
  forceRebind?: boolean;
}

/** Options of {@link Module.initParams}. */
export interface InitParamsOptions {
  /** Arrays to copy argument parameters from, by name. */
  argParams?: ParamDict | null;
  /** Arrays to copy auxiliary states from, by name. */
  auxParams?: ParamDict | null;
  /** Initialize parameters missing from argParams/auxParams with the initializer. */
  allowMissing?: boolean;
  /** Initialize again even when already initialized. */
  forceInit?: boolean;
  /** Accept names in argParams/auxParams that the module does not have. */
  allowExtra?: boolean;
}

/** Options of {@link Module.setParams}. */
export interface SetParamsOptions {
  /** Leave parameters missing from the dicts as they are (default false: they are an error). */
  allowMissing?: boolean;
  /** Set them even when already initialized; default true. */
  forceInit?: boolean;
  /** Accept names the module does not have; default false. */
  allowExtra?: boolean;
}

/** A batch for {@link Module.forward}: arrays in `dataNames` / `labelNames` order. */
export interface DataBatch {
  readonly data: readonly NDArray[];
  readonly label?: readonly NDArray[] | null;
}

/** Options of {@link Module.forward}. */
export interface ForwardOptions {
  /** Training mode; defaults to the `forTraining` of `bind`. */
  isTrain?: boolean;
}

/** Options of {@link Module.initOptimizer}. */
export interface InitOptimizerOptions {
  /** The optimizer: MXTS's Module has MXNet's `'sgd'` (the default). */
  optimizer?: 'sgd';
  /** The optimizer's parameters; default `{ learningRate: 0.01 }`, `rescaleGrad` 1/batch size. */
  optimizerParams?: SGDParams;
  /** Initialize again even when already initialized. */
  forceInit?: boolean;
}

/** Options of {@link Module.fit}. */
export interface FitOptions {
  /** MXNet `num_epoch` (required). */
  numEpoch: number;
  /** MXNet `begin_epoch`; default 0. */
  beginEpoch?: number;
  /** The optimizer; default `'sgd'`. */
  optimizer?: 'sgd';
  /** Default `{ learningRate: 0.01 }`. */
  optimizerParams?: SGDParams;
  /** Default `Uniform(0.01)`. */
  initializer?: InitializerLike | string | null;
  /** Initial parameter values by name. */
  argParams?: ParamDict | null;
  /** Initial auxiliary states by name. */
  auxParams?: ParamDict | null;
  /** Initialize missing parameters with the initializer. */
  allowMissing?: boolean;
  /** Rebind even when bound. */
  forceRebind?: boolean;
  /** Initialize the parameters again even when initialized. */
  forceInit?: boolean;
}

// Operators whose backward ignores the head gradient (MXNet's loss layers): backward may
// omit outGrads for their outputs.
const LOSS_OPS: ReadonlySet<string> = new Set([
  'SoftmaxOutput',
  'LinearRegressionOutput',
  'LogisticRegressionOutput',
  'MAERegressionOutput',
  'SVMOutput',
  'MakeLoss',
]);

function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function pyList(names: readonly string[]): string {
  return `[${names.map((n) => `'${n}'`).join(', ')}]`;
}

function shapePairs(shapes: DataShapes, arg = 'dataShapes'): [string, number[]][] {
  const op = 'Module.bind';
  if (Array.isArray(shapes)) {
    return (shapes as readonly unknown[]).map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InvalidArgumentError(
          op,
          `${arg}[${i}] must be a [name, shape] pair such as ['data', [1, 3]], got ${describeValue(pair)}`,
        );
      }
      return [String(pair[0]), checkShapeArg(op, `${arg} '${String(pair[0])}'`, pair[1])];
    });
  }
  if (shapes === null || typeof shapes !== 'object') {
    throw new InvalidArgumentError(
      op,
      `${arg} must be a list of [name, shape] pairs or a {name: shape} object, got ${describeValue(shapes)}`,
    );
  }
  return Object.entries(shapes as Readonly<Record<string, unknown>>).map(([n, s]) => [
    n,
    checkShapeArg(op, `${arg} '${n}'`, s),
  ]);
}

function getParam(dict: ParamDict, name: string): NDArray | undefined {
  return dict instanceof Map ? dict.get(name) : (dict as Record<string, NDArray>)[name];
}

function paramEntries(dict: ParamDict): [string, NDArray][] {
  return dict instanceof Map ? [...dict] : Object.entries(dict as Record<string, NDArray>);
}

/** `src.copyto(dst)`: same shape required. */
function copyInto(src: NDArray, dst: NDArray, name: string): void {
  if (src === dst) return;
  const same =
    src.shape.length === dst.shape.length && src.shape.every((d, i) => d === dst.shape[i]);
  if (!same) {
    throw new ShapeError(
      'Module',
      [src.shape, dst.shape],
      `cannot copy ${name}: the given array has shape ${pyShape(src.shape)}, the module's ${pyShape(dst.shape)}`,
    );
  }
  dst.set(src);
}

/**
 * MXNet's `mx.mod.Module(symbol, data_names=('data',), label_names=('softmax_label',),
 * context=cpu())`: binds a symbol to arrays, initializes its parameters and runs it forward.
 * MXTS runs one device and evaluates the graph with `mx.nd` ops; bound `forTraining`, a
 * training forward records the graph so `backward()` fills the parameters' gradients and
 * `update()` applies the optimizer (MXNet's SGD), and `fit()` runs epochs of both.
 *
 * Arrays belong to the module: `getParams()` returns the module's own dicts (as MXNet), and
 * `dispose()` frees everything.
 *
 * @example
 * const data = mx.sym.Variable('data');
 * const net = mx.sym.FullyConnected(data, { numHidden: 1 });
 * const mod = new mx.mod.Module(net, { labelNames: null });
 * mod.bind({ dataShapes: [['data', [1, 3]]] });
 * mod.initParams(new mx.init.Mixed(['bias', '.*'], [new mx.init.Zero(), new mx.init.Uniform(0.1)]));
 * const [argParams] = mod.getParams();
 * mod.forward({ data: [mx.nd.ones([1, 3])] }, { isTrain: false });
 * const [y] = mod.getOutputs();
 * mod.dispose();
 */
export class Module {
  /** The symbol. */
  readonly symbol: Symbol;
  /** The device arrays live on. */
  readonly context: Context;
  /** MXNet's `data_names`. */
  readonly dataNames: readonly string[];
  /** MXNet's `label_names`. */
  readonly labelNames: readonly string[];
  /** MXNet's `output_names`: `symbol.listOutputs()`. */
  readonly outputNames: readonly string[];
  /** MXNet's `_param_names`: the arguments that are neither data nor labels. */
  readonly paramNames: readonly string[];
  /** MXNet's `_aux_names`: `symbol.listAuxiliaryStates()`. */
  readonly auxNames: readonly string[];

  /** MXNet's `binded`. */
  binded = false;
  /** MXNet's `params_initialized`. */
  paramsInitialized = false;
  /** MXNet's `for_training`. */
  forTraining = false;
  /** MXNet's `inputs_need_grad`. */
  inputsNeedGrad = false;
  /** MXNet's `optimizer_initialized`. */
  optimizerInitialized = false;

  private dataShapesBound: [string, number[]][] | null = null;
  private labelShapesBound: [string, number[]][] | null = null;
  private argParams: Record<string, NDArray> | null = null;
  private auxParams: Record<string, NDArray> | null = null;
  private execArgs: Map<string, NDArray> | null = null;
  private execAux: Map<string, NDArray> | null = null;
  private outputs: NDArray[] | null = null;
  private paramsDirty = false;
  /** Gradient buffers of the parameters (bound forTraining), MXNet's `grad_arrays`. */
  private execGrads: Map<string, NDArray> | null = null;
  /** The recorded outputs of the last training forward, until its backward. */
  private recorded: NDArray[] | null = null;
  private updater: SGDUpdater | null = null;
  /** With inputsNeedGrad: the module's copies of the data and their gradients. */
  private inputCopies: NDArray[] | null = null;
  private inputGrads: NDArray[] | null = null;

  constructor(symbol: Symbol, options: ModuleOptions = {}) {
    if (typeof (symbol as Partial<Symbol> | null)?.listArguments !== 'function') {
      throw new InvalidArgumentError(
        'Module',
        `symbol must be a Symbol such as mx.sym.Variable('data'), got ${describeValue(symbol)}`,
      );
    }
    checkOptions('Module', options);
    this.symbol = symbol;
    const ctx = options.context;
    if (Array.isArray(ctx)) {
      if (ctx.length !== 1) {
        throw new InvalidArgumentError(
          'Module',
          `MXTS binds one device, got ${ctx.length} contexts (pass a single context)`,
        );
      }
      this.context = ctx[0];
    } else this.context = (ctx as Context | undefined) ?? currentContext();
    this.dataNames = [...(options.dataNames ?? ['data'])];
    this.labelNames =
      options.labelNames === null ? [] : [...(options.labelNames ?? ['softmax_label'])];
    const args = symbol.listArguments();
    this.checkInputNames(args, this.dataNames, 'data', true);
    this.checkInputNames(args, this.labelNames, 'label', false);
    const inputs = new Set([...this.dataNames, ...this.labelNames]);
    this.paramNames = args.filter((a) => !inputs.has(a));
    this.auxNames = symbol.listAuxiliaryStates();
    this.outputNames = symbol.listOutputs();
  }

  private checkInputNames(
    args: readonly string[],
    names: readonly string[],
    typename: string,
    fatal: boolean,
  ): void {
    for (const name of names) {
      if (args.includes(name)) continue;
      const candidates = args.filter(
        (a) =>
          !a.endsWith('_weight') &&
          !a.endsWith('_bias') &&
          !a.endsWith('_gamma') &&
          !a.endsWith('_beta'),
      );
      const msg = `\x1b[91mYou created Module with Module(..., ${typename}_names=${pyList(names)}) but input with name '${name}' is not found in symbol.list_arguments(). Did you mean one of:\n\t${candidates.join('\n\t')}\x1b[0m`;
      if (fatal) throw new InvalidArgumentError('Module', msg);
      emit('WARNING', msg, 'UserWarning');
    }
  }

  /** MXNet `data_shapes`: the bound `(name, shape)` pairs. */
  get dataShapes(): [string, number[]][] {
    this.require('dataShapes', false);
    return this.dataShapesBound!.map(([n, s]) => [n, [...s]]);
  }

  /** MXNet `label_shapes`: the bound label pairs, or null. */
  get labelShapes(): [string, number[]][] | null {
    this.require('labelShapes', false);
    return this.labelShapesBound?.map(([n, s]) => [n, [...s]]) ?? null;
  }

  /** MXNet `output_shapes`: `(name, shape)` of each output. */
  get outputShapes(): [string, number[]][] {
    this.require('outputShapes', false);
    return this.outputs!.map((o, i) => [this.outputNames[i], [...o.shape]]);
  }

  private require(method: string, params: boolean): void {
    if (!this.binded) {
      throw new ModuleStateError(
        method,
        'the module is not bound: call bind({ dataShapes }) first',
      );
    }
    if (params && !this.paramsInitialized) {
      throw new ModuleStateError(
        method,
        'the parameters are not initialized: call initParams() or setParams() first',
      );
    }
  }

  private inferAll(shapes: Record<string, readonly number[]>) {
    const [args, outs, aux] = this.symbol.inferShapePartial(shapes);
    const argNames = this.symbol.listArguments();
    const unknown = [
      ...argNames.filter((_, i) => args[i].length === 0),
      ...this.auxNames.filter((_, i) => aux[i].length === 0),
    ];
    if (unknown.length > 0 || outs.some((s) => s.length === 0)) {
      throw new ShapeError(
        'Module.bind',
        Object.values(shapes),
        `cannot infer the shapes of ${unknown.join(', ') || 'the outputs'} from ${Object.entries(
          shapes,
        )
          .map(([n, s]) => `${n}: ${pyShape(s)}`)
          .join(', ')}; give those variables a shape or bind more inputs`,
      );
    }
    return {
      arg: new Map(argNames.map((n, i) => [n, args[i]])),
      aux: new Map(this.auxNames.map((n, i) => [n, aux[i]])),
      outs,
    };
  }

  /**
   * MXNet `bind(data_shapes, label_shapes=None, for_training=True, inputs_need_grad=False,
   * force_rebind=False)`: infers every shape and allocates the parameter arrays (zeros).
   *
   * @example mod.bind({ dataShapes: [['data', [1, 3]]], forTraining: false });
   */
  bind(options: BindOptions): void {
    checkRequiredOptions('Module.bind', options);
    if (options.forceRebind) this.resetBind();
    if (this.binded) {
      emit('WARNING', 'Already bound, ignoring bind()');
      return;
    }
    const forTraining = options.forTraining ?? true;
    const inputsNeedGrad = options.inputsNeedGrad ?? false;
    if (!forTraining && inputsNeedGrad) {
      throw new InvalidArgumentError('Module.bind', 'inputsNeedGrad needs forTraining: true');
    }
    const data = shapePairs(options.dataShapes);
    const label =
      options.labelShapes === undefined || options.labelShapes === null
        ? null
        : shapePairs(options.labelShapes, 'labelShapes');
    const describe = (pairs: [string, number[]][]) =>
      `[${pairs.map(([n, s]) => `DataDesc[${n},${pyShape(s)},<class 'numpy.float32'>,NCHW]`).join(', ')}]`;
    const sortedEq = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
    if (
      !sortedEq(
        this.dataNames,
        data.map(([n]) => n),
      )
    ) {
      throw new InvalidArgumentError(
        'Module.bind',
        `Data provided by data_shapes don't match names specified by data_names (${describe(data)} vs. ${pyList(this.dataNames)})`,
      );
    }
    if (
      label !== null &&
      !sortedEq(
        this.labelNames,
        label.map(([n]) => n),
      )
    ) {
      emit(
        'WARNING',
        `Data provided by label_shapes don't match names specified by label_names (${describe(label)} vs. ${pyList(this.labelNames)})`,
        'UserWarning',
      );
    }
    const shapes: Record<string, readonly number[]> = {};
    for (const [n, s] of [...data, ...(label ?? [])]) {
      if (this.symbol.listInputs().includes(n)) shapes[n] = s;
    }
    // Shape inference would stop at an operator MXTS lacks; name it instead.
    for (const n of this.symbol.topoNodes()) {
      if (n.op !== 'null' && getOpDef(n.op) === undefined) {
        throw new UnsupportedOperatorError('Module.bind', n.op, n.name);
      }
    }
    const inferred = this.inferAll(shapes);
    this.forTraining = forTraining;
    this.inputsNeedGrad = inputsNeedGrad;
    this.dataShapesBound = data;
    this.labelShapesBound = label;
    // Every array is sized before the first is allocated, so a refused bind allocates nothing.
    for (const s of [...inferred.arg.values(), ...inferred.aux.values(), ...inferred.outs]) {
      checkSize('Module.bind', s);
    }
    const ctx = { ctx: this.context };
    this.execArgs = new Map(this.paramNames.map((n) => [n, zeros(inferred.arg.get(n)!, ctx)]));
    this.execAux = new Map(this.auxNames.map((n) => [n, zeros(inferred.aux.get(n)!, ctx)]));
    this.outputs = inferred.outs.map((s) => zeros(s, ctx));
    this.execGrads = forTraining
      ? new Map(this.paramNames.map((n) => [n, zeros(inferred.arg.get(n)!, ctx)]))
      : null;
    this.binded = true;
    if (this.paramsInitialized) {
      this.execSetParams(this.argParams!, this.auxParams!, false);
    } else {
      this.disposeParams();
      this.argParams = Object.fromEntries(
        this.paramNames.map((n) => [n, zeros(inferred.arg.get(n)!, ctx)]),
      );
      this.auxParams = Object.fromEntries(
        this.auxNames.map((n) => [n, zeros(inferred.aux.get(n)!, ctx)]),
      );
    }
  }

  private resetBind(): void {
    for (const a of [...(this.execArgs?.values() ?? []), ...(this.execAux?.values() ?? [])]) {
      a.dispose();
    }
    for (const o of this.outputs ?? []) o.dispose();
    for (const g of this.execGrads?.values() ?? []) g.dispose();
    this.dropRecorded();
    this.disposeInputCopies();
    this.execGrads = null;
    this.execArgs = null;
    this.execAux = null;
    this.outputs = null;
    this.binded = false;
    this.dataShapesBound = null;
    this.labelShapesBound = null;
  }

  private copyInputs(data: readonly NDArray[]): void {
    const fits = this.inputCopies?.every(
      (c, i) =>
        c.shape.length === data[i].shape.length && c.shape.every((d, j) => d === data[i].shape[j]),
    );
    if (!fits) {
      this.disposeInputCopies();
      this.inputCopies = data.map((x) => zeros(x.shape, { ctx: this.context }));
      this.inputGrads = data.map((x) => zeros(x.shape, { ctx: this.context }));
    }
    this.inputCopies!.forEach((c, i) => {
      c.set(data[i]);
    });
  }

  private disposeInputCopies(): void {
    for (const a of [...(this.inputCopies ?? []), ...(this.inputGrads ?? [])]) a.dispose();
    this.inputCopies = null;
    this.inputGrads = null;
  }

  /**
   * MXNet `get_input_grads()`: the gradients of the data inputs (in `dataNames` order) from
   * the last backward; the module's own arrays. Needs `bind({ ..., inputsNeedGrad: true })`.
   * @example mod.forwardBackward(batch); const [dx] = mod.getInputGrads();
   */
  getInputGrads(): NDArray[] {
    this.require('getInputGrads', true);
    if (!this.inputsNeedGrad) {
      throw new ModuleStateError(
        'getInputGrads',
        'bind with inputsNeedGrad: true (and forTraining: true) to get input gradients',
      );
    }
    if (this.inputGrads === null) {
      throw new ModuleStateError(
        'getInputGrads',
        'run forward(batch, { isTrain: true }) and backward first',
      );
    }
    return [...this.inputGrads];
  }

  private dropRecorded(): void {
    for (const h of this.recorded ?? []) h.dispose();
    this.recorded = null;
  }

  private disposeParams(): void {
    for (const a of [
      ...Object.values(this.argParams ?? {}),
      ...Object.values(this.auxParams ?? {}),
    ]) {
      a.dispose();
    }
    this.argParams = null;
    this.auxParams = null;
  }

  /** The executor's `copy_params_from`: copies the given arrays into the bound arrays. */
  private execSetParams(arg: ParamDict, aux: ParamDict | null, allowExtra: boolean): void {
    for (const [name, a] of paramEntries(arg)) {
      const dst = this.execArgs!.get(name);
      if (dst !== undefined) copyInto(a, dst, name);
      else if (!allowExtra) {
        throw new InvalidArgumentError(
          'Module',
          `Find name "${name}" that is not in the arguments (pass allowExtra: true to ignore it)`,
        );
      }
    }
    if (aux === null) return;
    for (const [name, a] of paramEntries(aux)) {
      const dst = this.execAux!.get(name);
      if (dst !== undefined) copyInto(a, dst, name);
      else if (!allowExtra) {
        throw new InvalidArgumentError(
          'Module',
          `Find name ${name} that is not in the auxiliary states (pass allowExtra: true to ignore it)`,
        );
      }
    }
  }

  /**
   * MXNet `init_params(initializer=Uniform(0.01), arg_params=None, aux_params=None,
   * allow_missing=False, force_init=False, allow_extra=False)`: initializes every parameter
   * and auxiliary state in **alphabetical order** of names (which fixes the random stream's
   * consumption), each through an InitDesc carrying its variable's attributes, so
   * operator-set `__init__` attributes (BatchNorm's moving stats, PReLU's gamma) and
   * `Variable(init=...)` win over the initializer.
   *
   * @example
   * mod.initParams();                                   // Uniform(0.01)
   * mod.initParams(new mx.init.Xavier());
   * mod.initParams(null, { argParams: saved, allowMissing: true });
   */
  initParams(
    initializer: InitializerLike | string | null = new Uniform(0.01),
    options: InitParamsOptions = {},
  ): void {
    checkOptions('Module.initParams', options);
    if (
      initializer !== null &&
      typeof initializer !== 'string' &&
      typeof (initializer as Partial<InitializerLike>)?.apply !== 'function'
    ) {
      throw new InvalidArgumentError(
        'Module.initParams',
        `initializer must be an Initializer, a registered name or null, got ${describeValue(initializer)}`,
      );
    }
    const { argParams = null, auxParams = null, allowMissing = false, forceInit = false } = options;
    if (this.paramsInitialized && !forceInit) {
      emit(
        'WARNING',
        'Parameters already initialized and force_init=False. init_params call ignored.',
        'UserWarning',
      );
      return;
    }
    if (!this.binded) {
      throw new ModuleStateError('initParams', 'call bind before initializing the parameters');
    }
    const init = typeof initializer === 'string' ? create(initializer) : initializer;
    const attrs = this.symbol.attrDict();
    const impl = (desc: InitDesc, arr: NDArray, cache: ParamDict | null): void => {
      if (cache !== null) {
        const cached = getParam(cache, desc.name);
        if (cached !== undefined) {
          copyInto(cached, arr, desc.name);
          return;
        }
        if (!allowMissing) throw new MissingParamError(desc.name);
        if (init !== null) init.apply(desc, arr);
        return;
      }
      if (init === null) {
        throw new InvalidArgumentError(
          'Module.initParams',
          `no initializer for ${desc.name}: pass an initializer, or argParams/auxParams`,
        );
      }
      init.apply(desc, arr);
    };
    const sorted = (d: Record<string, NDArray>) =>
      Object.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, arr] of sorted(this.argParams!)) {
      impl(new InitDesc(name, attrs[name] ?? null), arr, argParams);
    }
    for (const [name, arr] of sorted(this.auxParams!)) {
      impl(new InitDesc(name, attrs[name] ?? null), arr, auxParams);
    }
    this.paramsInitialized = true;
    this.paramsDirty = false;
    this.execSetParams(this.argParams!, this.auxParams!, options.allowExtra ?? false);
  }

  /**
   * MXNet `set_params(arg_params, aux_params, allow_missing=False, force_init=True,
   * allow_extra=False)`: assigns parameter values (copies).
   * @example mod.setParams({ fullyconnected0_weight: w, fullyconnected0_bias: b }, {});
   */
  setParams(
    argParams: ParamDict,
    auxParams: ParamDict | null,
    options: SetParamsOptions = {},
  ): void {
    const { allowMissing = false, forceInit = true, allowExtra = false } = options;
    if (!allowMissing) {
      this.initParams(null, { argParams, auxParams, allowMissing, forceInit, allowExtra });
      return;
    }
    if (this.paramsInitialized && !forceInit) {
      emit(
        'WARNING',
        'Parameters already initialized and force_init=False. set_params call ignored.',
        'UserWarning',
      );
      return;
    }
    this.require('setParams', false);
    this.execSetParams(argParams, auxParams, allowExtra);
    this.paramsDirty = true;
    this.paramsInitialized = true;
  }

  /**
   * MXNet `get_params()`: `[argParams, auxParams]`, the module's own dicts (name -> NDArray,
   * in `paramNames` / `auxNames` order), not copies.
   * @example const [args, aux] = mod.getParams(); for (const k in args) console.log(k);
   */
  getParams(): [Record<string, NDArray>, Record<string, NDArray>] {
    this.require('getParams', true);
    if (this.paramsDirty) {
      for (const [n, a] of this.execArgs!) copyInto(a, this.argParams![n], n);
      for (const [n, a] of this.execAux!) copyInto(a, this.auxParams![n], n);
      this.paramsDirty = false;
    }
    return [this.argParams!, this.auxParams!];
  }

  /**
   * MXNet `forward(data_batch, is_train=None)`: evaluates the graph on the batch (data in
   * `dataNames` order; labels optional, zeros when absent).
   * @example mod.forward({ data: [x] }, { isTrain: false }); const [y] = mod.getOutputs();
   */
  forward(batch: DataBatch, options: ForwardOptions = {}): void {
    checkOptions('Module.forward', options);
    if (!Array.isArray((batch as Partial<DataBatch> | null)?.data)) {
      throw new InvalidArgumentError(
        'Module.forward',
        `batch must be an object such as { data: [x] }, got ${describeValue(batch)}`,
      );
    }
    this.require('forward', true);
    const isTrain = options.isTrain ?? this.forTraining;
    if (batch.data.length !== this.dataNames.length) {
      throw new InvalidArgumentError(
        'Module.forward',
        `got ${batch.data.length} data arrays for data names ${pyList(this.dataNames)}`,
      );
    }
    const values = new Map<string, NDArray>([...this.execArgs!, ...this.execAux!]);
    const inputNames = this.symbol.listInputs();
    const recording = isTrain && this.forTraining;
    // MXNet's executor copies the batch into its own arrays; MXTS does so only when the
    // data needs a gradient, so the caller's arrays never join the graph.
    const wantInputGrads = recording && this.inputsNeedGrad;
    if (wantInputGrads) this.copyInputs(batch.data);
    this.dataNames.forEach((n, i) => {
      values.set(n, wantInputGrads ? this.inputCopies![i] : batch.data[i]);
    });
    const labels = batch.label ?? [];
    this.labelNames.forEach((n, i) => {
      if (labels[i] !== undefined && inputNames.includes(n)) values.set(n, labels[i]);
    });
    const temps: NDArray[] = [];
    try {
      const missing = inputNames.filter((n) => !values.has(n));
      if (missing.length > 0) {
        const shapes: Record<string, readonly number[]> = {};
        for (const [n, a] of values) shapes[n] = a.shape;
        const inferred = this.inferAll(shapes);
        for (const n of missing) {
          const t = zeros(inferred.arg.get(n) ?? inferred.aux.get(n)!, { ctx: this.context });
          temps.push(t);
          values.set(n, t);
        }
      }
      this.dropRecorded();
      // MXNet's executor records a training forward so that backward can follow.
      if (recording) {
        withoutNames(() =>
          markVariables(
            [
              ...this.paramNames.map((n) => this.execArgs!.get(n)!),
              ...(wantInputGrads ? this.inputCopies! : []),
            ],
            [
              ...this.paramNames.map((n) => this.execGrads!.get(n)!),
              ...(wantInputGrads ? this.inputGrads! : []),
            ],
            'write',
          ),
        );
      }
      const outs = recording
        ? withoutNames(() => evaluateRecorded(this.symbol, values, true))
        : evaluateSymbol(this.symbol, values, { isTrain });
      const inputsSet = new Set(values.values());
      outs.forEach((o, i) => {
        const cur = this.outputs![i];
        const same =
          cur.shape.length === o.shape.length && cur.shape.every((d, j) => d === o.shape[j]);
        const keep = recording || inputsSet.has(o);
        if (same) {
          cur.set(o);
          if (!keep) o.dispose();
        } else {
          cur.dispose();
          this.outputs![i] = keep ? o.copy() : o;
        }
      });
      if (recording) this.recorded = outs;
    } finally {
      for (const t of temps) t.dispose();
    }
  }

  /**
   * MXNet `backward(out_grads=None)`: gradients of the last training forward's outputs into
   * the parameters' gradient buffers (`grad_req` 'write'). Outputs of loss operators
   * (SoftmaxOutput) need no head gradient; any other output needs its entry in `outGrads`.
   * The recorded graph is freed, so each backward needs its own training forward.
   * @example mod.forward(batch, { isTrain: true }); mod.backward(); mod.update();
   */
  backward(outGrads?: NDArray | readonly NDArray[] | null): void {
    this.require('backward', true);
    if (!this.forTraining) {
      throw new ModuleStateError('backward', 're-bind with forTraining: true to run backward');
    }
    const given: readonly (NDArray | null | undefined)[] =
      outGrads === undefined || outGrads === null
        ? []
        : outGrads instanceof NDArray
          ? [outGrads]
          : outGrads;
    if (!Array.isArray(given)) {
      throw new InvalidArgumentError(
        'Module.backward',
        `outGrads must be an NDArray or a list of NDArrays, got ${describeValue(outGrads)}`,
      );
    }
    const heads = this.recorded;
    if (heads === null) {
      throw new ModuleStateError(
        'backward',
        'no recorded forward: call forward(batch, { isTrain: true }) before each backward',
      );
    }
    const headGrads = heads.map((h, i) => {
      const g = given[i];
      if (g !== undefined && g !== null) {
        if (!(g instanceof NDArray)) {
          throw new InvalidArgumentError(
            'Module.backward',
            `outGrads[${i}] must be an NDArray, got ${describeValue(g)}`,
          );
        }
        if (g.shape.length !== h.shape.length || g.shape.some((d, j) => d !== h.shape[j])) {
          throw new ShapeError(
            'Module.backward',
            [g.shape, h.shape],
            `outGrads[${i}] has shape ${pyShape(g.shape)}, output ${this.outputNames[i]} has ${pyShape(h.shape)}`,
          );
        }
        return g;
      }
      const op = this.symbol.outputs[i].node.op;
      if (!LOSS_OPS.has(op)) {
        throw new InvalidArgumentError(
          'Module.backward',
          `Because the last operator is not Loss function, head_gradient is required when calling backward: output ${this.outputNames[i]} comes from ${op}; pass outGrads, or end the graph with a loss such as SoftmaxOutput`,
        );
      }
      return null;
    });
    try {
      autogradBackward(heads, headGrads);
    } finally {
      this.dropRecorded();
    }
  }

  /**
   * MXNet `forward_backward(data_batch)`: a training forward, then backward.
   * @example mod.forwardBackward({ data: [x], label: [y] }); mod.update();
   */
  forwardBackward(batch: DataBatch): void {
    this.forward(batch, { isTrain: true });
    this.backward();
  }

  /**
   * MXNet `init_optimizer(kvstore='local', optimizer='sgd', optimizer_params=(('learning_rate',
   * 0.01),), force_init=False)`: MXNet's SGD with `rescale_grad` 1/batch size unless given.
   * @example mod.initOptimizer({ optimizerParams: { learningRate: 0.1, momentum: 0.9 } });
   */
  initOptimizer(options: InitOptimizerOptions = {}): void {
    checkOptions('Module.initOptimizer', options);
    this.require('initOptimizer', true);
    if (this.optimizerInitialized && !options.forceInit) {
      emit('WARNING', 'optimizer already initialized, ignoring...');
      return;
    }
    const name = options.optimizer ?? 'sgd';
    if (name !== 'sgd') {
      throw new InvalidArgumentError(
        'Module.initOptimizer',
        `optimizer '${String(name)}' is not available in MXTS's Module; use 'sgd'`,
      );
    }
    const batchSize = this.dataShapesBound![0]?.[1][0] ?? 1;
    const updater = new SGDUpdater(
      options.optimizerParams ?? { learningRate: 0.01 },
      1 / batchSize,
      this.paramNames,
      this.paramNames.map((n) => this.execArgs!.get(n)!),
      this.symbol.attrDict(),
    );
    this.updater?.dispose();
    this.updater = updater;
    this.optimizerInitialized = true;
  }

  /**
   * MXNet `update()`: one optimizer step on every parameter from the gradients of the last
   * backward, in place.
   * @example mod.forwardBackward(batch); mod.update();
   */
  update(): void {
    this.require('update', true);
    if (!this.optimizerInitialized || this.execGrads === null) {
      throw new ModuleStateError(
        'update',
        'call initOptimizer() (after bind with forTraining: true) before update',
      );
    }
    this.paramNames.forEach((n, i) => {
      this.updater!.update(i, this.execArgs!.get(n)!, this.execGrads!.get(n)!);
    });
    this.paramsDirty = true;
  }

  /**
   * MXNet `fit(train_data, num_epoch=..., optimizer='sgd', optimizer_params=..., initializer=
   * Uniform(0.01), ...)`: binds to the first batch's shapes for training, initializes the
   * parameters and the optimizer, then for each epoch runs forward, backward and update on
   * every batch. `trainData` is re-iterated each epoch (an array of batches, or MXTS's data
   * iterators). No metric is computed; read `getOutputs()` or run `forward` to evaluate.
   * @example mod.fit(batches, { numEpoch: 10, optimizerParams: { learningRate: 0.1 } });
   */
  fit(trainData: Iterable<DataBatch>, options: FitOptions): void {
    checkRequiredOptions('Module.fit', options);
    checkOptions('Module.fit', options);
    const { numEpoch, beginEpoch = 0 } = options;
    if (!Number.isInteger(numEpoch) || numEpoch < 0 || !Number.isInteger(beginEpoch)) {
      throw new InvalidArgumentError(
        'Module.fit',
        `numEpoch and beginEpoch must be non-negative integers, got ${numEpoch} and ${beginEpoch}`,
      );
    }
    if (
      typeof (trainData as Partial<Iterable<DataBatch>>)?.[globalThis.Symbol.iterator] !==
      'function'
    ) {
      throw new InvalidArgumentError(
        'Module.fit',
        `trainData must be an iterable of batches such as [{ data: [x], label: [y] }], got ${describeValue(trainData)}`,
      );
    }
    const first = trainData[globalThis.Symbol.iterator]().next();
    if (first.done) throw new InvalidArgumentError('Module.fit', 'trainData has no batch');
    const b0 = first.value;
    this.bind({
      dataShapes: this.dataNames.map((n, i) => [n, b0.data[i]?.shape ?? []] as const),
      labelShapes:
        this.labelNames.length > 0 && b0.label
          ? this.labelNames.map((n, i) => [n, b0.label![i]?.shape ?? []] as const)
          : null,
      forTraining: true,
      forceRebind: options.forceRebind ?? false,
    });
    this.initParams(options.initializer === undefined ? new Uniform(0.01) : options.initializer, {
      argParams: options.argParams ?? null,
      auxParams: options.auxParams ?? null,
      allowMissing: options.allowMissing ?? false,
      forceInit: options.forceInit ?? false,
    });
    this.initOptimizer({
      optimizer: options.optimizer ?? 'sgd',
      optimizerParams: options.optimizerParams ?? { learningRate: 0.01 },
    });
    for (let epoch = beginEpoch; epoch < numEpoch; epoch++) {
      const tic = Date.now();
      for (const batch of trainData) {
        this.forwardBackward(batch);
        this.update();
      }
      emit('INFO', `Epoch[${epoch}] Time cost=${((Date.now() - tic) / 1000).toFixed(3)}`);
    }
  }

  /**
   * MXNet `get_outputs()`: the outputs of the last forward (the same arrays each time,
   * overwritten by the next forward, as in MXNet).
   * @example const [probs] = mod.getOutputs();
   */
  getOutputs(): NDArray[] {
    this.require('getOutputs', true);
    return [...this.outputs!];
  }

  /**
   * Frees every array the module holds (parameters, including those `getParams()` returned,
   * bound arrays and outputs) and returns it to the unbound state.
   * @example mod.dispose();
   */
  dispose(): void {
    this.resetBind();
    this.updater?.dispose();
    this.updater = null;
    this.optimizerInitialized = false;
    this.disposeParams();
    this.paramsInitialized = false;
    this.paramsDirty = false;
  }
}
