import { DTypeError, InvalidArgumentError, NDArray, nd, ShapeError } from '@mxts/core';
import { LRScheduler } from '../lr-scheduler/lr-scheduler.js';
import { mxnetName } from '../mxnet-name.js';

/**
 * What an optimizer keeps per weight (MXNet's `create_state` result): an NDArray, `null`
 * (MXNet's `None`), or a tuple of states.
 */
export type OptimizerState = NDArray | null | readonly OptimizerState[];

/** What an optimizer reads of a parameter (`gluon.Parameter` satisfies it): MXNet's `param_dict` values. */
export interface OptimizerParam {
  readonly name: string;
  readonly lrMult: number;
  readonly wdMult: number;
}

/** The keyword arguments of every optimizer (MXNet's `Optimizer.__init__`), camelCase. */
export interface OptimizerOptions {
  /** Multiplies the gradient first, often `1 / batchSize`; default 1. */
  rescaleGrad?: number;
  /** Index -> parameter name, for name-keyed `lrMult`/`wdMult` and the default `wdMult` of 0 for names not ending in `_weight`/`_gamma`. */
  paramIdx2Name?: Record<number, string>;
  /** Weight decay (L2) coefficient; default 0. */
  wd?: number;
  /** Clip the rescaled gradient to `[-c, c]`; default null (off). */
  clipGradient?: number | null;
  /** The learning rate; default the optimizer's own (SGD 0.01, Adam 0.001, ...). */
  learningRate?: number | null;
  /** A learning-rate schedule; its `baseLr` is overwritten by an explicit `learningRate`. */
  lrScheduler?: LRScheduler | null;
  /** The update count to start from; default 0. */
  beginNumUpdate?: number;
  /** Keep a float32 master copy of float16 weights; MXTS has no float16, so it changes nothing. */
  multiPrecision?: boolean;
  /** Index -> parameter, whose `lrMult`/`wdMult` take precedence (the Trainer passes `{i: param}`). */
  paramDict?: Record<number, OptimizerParam>;
}

/** Keys `setLrMult`/`setWdMult` accept: a parameter name, or (in a Map) an index. */
export type MultKey = string | number;

const BASE_KEYS = [
  'rescaleGrad',
  'paramIdx2Name',
  'wd',
  'clipGradient',
  'learningRate',
  'lrScheduler',
  'beginNumUpdate',
  'multiPrecision',
  'paramDict',
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @internal Throws unless `v` is a finite number. */
export function numberArg(op: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new InvalidArgumentError(op, `${name} must be a finite number, got ${String(v)}`);
  }
  return v;
}

/** @internal Throws unless `v` is an NDArray. */
export function checkNDArray(op: string, name: string, v: unknown): NDArray {
  if (!(v instanceof NDArray)) {
    throw new InvalidArgumentError(op, `${name} must be an NDArray, got ${typeof v}`);
  }
  return v;
}

/**
 * @internal Checks the weight and gradient of an update before anything changes (the
 * update count included): NDArrays of one shape and dtype.
 */
export function checkUpdateArgs(op: string, weight: unknown, grad: unknown): void {
  const w = checkNDArray(op, 'weight', weight);
  const g = checkNDArray(op, 'grad', grad);
  if (w.shape.length !== g.shape.length || w.shape.some((d, i) => d !== g.shape[i])) {
    throw new ShapeError(op, [w.shape, g.shape], 'grad must have the shape of the weight');
  }
  if (w.dtype !== g.dtype) {
    throw new DTypeError(op, `grad has dtype ${g.dtype}, the weight ${w.dtype}`);
  }
}

/** `n` zero arrays shaped, typed and placed like `weight`: most optimizers' initial state. */
export function zeroStates(weight: NDArray, n: number): NDArray[] {
  const opts = { ctx: weight.context, dtype: weight.dtype };
  return Array.from({ length: n }, () => nd.zeros(weight.shape, opts));
}

/** @internal Throws unless `state` holds `n` NDArrays (MXNet unpacks the tuple). */
export function stateArrays(op: string, state: OptimizerState, n: number): NDArray[] {
  const list = state instanceof NDArray ? [state] : state;
  if (!Array.isArray(list) || list.length !== n || !list.every((s) => s instanceof NDArray)) {
    throw new InvalidArgumentError(
      op,
      `state must be the ${n} NDArray(s) createState gave for this weight`,
    );
  }
  return list as NDArray[];
}

function toMultMap(op: string, m: unknown): Map<MultKey, number> {
  const out = new Map<MultKey, number>();
  const entries: [unknown, unknown][] =
    m instanceof Map ? [...m.entries()] : isRecord(m) ? Object.entries(m) : [];
  if (!(m instanceof Map) && !isRecord(m)) {
    throw new InvalidArgumentError(op, `expects an object of name -> multiplier or a Map`);
  }
  for (const [k, v] of entries) {
    if (typeof k !== 'string' && typeof k !== 'number') {
      throw new InvalidArgumentError(op, `keys must be names or indices, got ${typeof k}`);
    }
    out.set(k, numberArg(op, `the multiplier of '${String(k)}'`, v));
  }
  return out;
}

/**
 * MXNet `mx.optimizer.Optimizer`: the base of every optimizer. It keeps the hyper-parameters,
 * the update count per weight index (`numUpdate` is the largest), and the learning rate and
 * weight decay per index: `paramDict[i].lrMult` first, then `lrMult` by index, then by the
 * name `paramIdx2Name` gives. Subclasses implement `createState` and `update`, which updates
 * the weight (and the state) in place and leaves no array behind.
 *
 * Options are validated at construction; an unknown option raises `InvalidArgumentError`
 * listing the accepted ones (Python's TypeError for an unexpected keyword).
 *
 * @example
 * class MySGD extends Optimizer {
 *   update(index: number, weight: NDArray, grad: NDArray) {
 *     this.updateCount(index);
 *     mx.nd.sgdUpdate(weight, grad, { lr: this.getLr(index), wd: this.getWd(index), out: weight });
 *   }
 * }
 * registerOptimizer('mysgd', MySGD);
 */
export abstract class Optimizer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'Optimizer';
  /** MXNet `rescale_grad`; the Trainer sets it to `scale / batchSize` each step. */
  rescaleGrad: number;
  /** MXNet `lr`: null when only the scheduler gives the rate. */
  lr: number | null;
  /** MXNet `lr_scheduler`. */
  lrScheduler: LRScheduler | null;
  /** MXNet `wd`. */
  wd: number;
  /** MXNet `clip_gradient`: null is off (for SGD, NAG, Adam and RMSProp 0 is off too, as MXNet tests truthiness). */
  clipGradient: number | null;
  /** MXNet `multi_precision`. */
  multiPrecision: boolean;
  /** MXNet `begin_num_update`. */
  beginNumUpdate: number;
  /** MXNet `num_update`: the largest update count of any index. */
  numUpdate: number;
  /** MXNet `idx2name` (a copy of `paramIdx2Name`). */
  idx2name: Record<number, string>;
  /** MXNet `param_dict`: index -> parameter; the Trainer may replace it. */
  paramDict: Record<number, OptimizerParam>;
  /** MXNet `lr_mult`, set by {@link Optimizer.setLrMult}. */
  lrMult: Map<MultKey, number> = new Map();
  /** MXNet `wd_mult`, set by {@link Optimizer.setWdMult}. */
  wdMult: Map<MultKey, number> = new Map();
  private allIndexUpdateCounts = new Map<number, Map<number, number>>([[0, new Map()]]);
  private currentUpdateCounts = this.allIndexUpdateCounts.get(0) as Map<number, number>;

  /**
   * @param options the common options ({@link OptimizerOptions}) and the subclass's own.
   * @param ownKeys the names of the subclass's own options, for the unknown-option check.
   * @param defaultLearningRate the subclass's `learning_rate` default (MXNet's SGD has
   *   none: 0.01 without a scheduler; Adam and RMSProp 0.001).
   */
  constructor(
    options: OptimizerOptions = {},
    ownKeys: readonly string[] = [],
    defaultLearningRate: number | null = null,
  ) {
    const op = mxnetName(new.target);
    if (!isRecord(options as unknown)) {
      throw new InvalidArgumentError(op, `options must be an object, got ${String(options)}`);
    }
    const known = [...BASE_KEYS, ...ownKeys];
    for (const k of Object.keys(options)) {
      if (!known.includes(k)) {
        throw new InvalidArgumentError(
          op,
          `unknown option '${k}'; the options are ${known.join(', ')}`,
        );
      }
    }
    this.rescaleGrad = numberArg(op, 'rescaleGrad', options.rescaleGrad ?? 1);
    this.wd = numberArg(op, 'wd', options.wd ?? 0);
    const clip = options.clipGradient ?? null;
    this.clipGradient = clip === null ? null : numberArg(op, 'clipGradient', clip);
    const scheduler = options.lrScheduler ?? null;
    if (scheduler !== null && !(scheduler instanceof LRScheduler)) {
      throw new InvalidArgumentError(op, `lrScheduler must be an LRScheduler or null`);
    }
    let lr = options.learningRate ?? defaultLearningRate;
    if (lr !== null) lr = numberArg(op, 'learningRate', lr);
    if (scheduler === null && lr === null) lr = 0.01;
    // MXNet: an explicit learning rate wins over the scheduler's base_lr.
    if (scheduler !== null && lr !== null && scheduler.baseLr !== lr) scheduler.baseLr = lr;
    this.lr = lr;
    this.lrScheduler = scheduler;
    const begin = options.beginNumUpdate ?? 0;
    if (!Number.isInteger(begin) || begin < 0) {
      throw new InvalidArgumentError(op, `beginNumUpdate must be an integer >= 0, got ${begin}`);
    }
    this.beginNumUpdate = begin;
    this.numUpdate = begin;
    this.multiPrecision = Boolean(options.multiPrecision ?? false);
    const idx2name = options.paramIdx2Name ?? {};
    if (!isRecord(idx2name as unknown)) {
      throw new InvalidArgumentError(
        op,
        'param_idx2name should be a dict of param indexes to names.',
      );
    }
    this.idx2name = { ...idx2name };
    const paramDict = options.paramDict ?? {};
    if (!isRecord(paramDict as unknown)) {
      throw new InvalidArgumentError(op, 'paramDict must be an object of index -> parameter');
    }
    this.paramDict = paramDict;
    this.setLrMult({});
    this.setWdMult({});
  }

  /** MXNet `learning_rate`: the scheduler's rate at `numUpdate`, or `lr`. @example opt.learningRate */
  get learningRate(): number {
    if (this.lrScheduler !== null) return this.lrScheduler.call(this.numUpdate);
    return this.lr as number;
  }

  /**
   * MXNet `set_learning_rate(lr)`. Raises as MXNet when a scheduler is set (change the
   * scheduler's `baseLr` instead).
   *
   * @example
   * opt.setLearningRate(0.05);
   */
  setLearningRate(lr: number): void {
    const op = `${mxnetName(this)}.setLearningRate`;
    if (this.lrScheduler !== null) {
      throw new InvalidArgumentError(
        op,
        'LRScheduler of the optimizer has already been defined. Note that set_learning_rate can ' +
          'mutate the value of the learning rate of the optimizer only when the LRScheduler of ' +
          'the optimizer is undefined.',
      );
    }
    this.lr = numberArg(op, 'lr', lr);
  }

  /**
   * MXNet `create_state(index, weight)`: the auxiliary state of one weight (momentum...),
   * created once per weight. The base class keeps none.
   *
   * @example
   * const state = opt.createState(0, w);
   */
  createState(_index: number, _weight: NDArray): OptimizerState {
    return null;
  }

  /**
   * MXNet `create_state_multi_precision(index, weight)`. MXNet adds a float32 master copy for
   * float16 weights with `multiPrecision`; MXTS has no float16, so this is `createState`.
   *
   * @example
   * const state = opt.createStateMultiPrecision(0, w);
   */
  createStateMultiPrecision(index: number, weight: NDArray): OptimizerState {
    return this.createState(index, weight);
  }

  /**
   * MXNet `update(index, weight, grad, state)`: one step on `weight`, in place, with the
   * state `createState` gave; counts the update for `index`.
   *
   * @example
   * opt.update(0, w, w.grad!, state);
   */
  abstract update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void;

  /**
   * MXNet `update_multi_precision(index, weight, grad, state)`; without float16 in MXTS it is
   * `update`.
   *
   * @example
   * opt.updateMultiPrecision(0, w, w.grad!, state);
   */
  updateMultiPrecision(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    this.update(index, weight, grad, state);
  }

  /**
   * MXNet `set_lr_mult(args_lr_mult)`: learning-rate multipliers by parameter name (object
   * keys) or, in a Map, by name or index. Replaces the previous ones.
   *
   * @example
   * opt.setLrMult({ dense0_bias: 2 });
   */
  setLrMult(argsLrMult: Record<string, number> | ReadonlyMap<MultKey, number>): void {
    this.lrMult = toMultMap(`${mxnetName(this)}.setLrMult`, argsLrMult);
  }

  /**
   * MXNet `set_wd_mult(args_wd_mult)`: weight-decay multipliers as `setLrMult`. Names from
   * `paramIdx2Name` that do not end in `_weight` or `_gamma` get 0 first, as MXNet.
   *
   * @example
   * opt.setWdMult({ dense0_weight: 0.5 });
   */
  setWdMult(argsWdMult: Record<string, number> | ReadonlyMap<MultKey, number>): void {
    const given = toMultMap(`${mxnetName(this)}.setWdMult`, argsWdMult);
    this.wdMult = new Map();
    for (const n of Object.values(this.idx2name)) {
      if (!(n.endsWith('_weight') || n.endsWith('_gamma'))) this.wdMult.set(n, 0);
    }
    for (const [k, v] of given) this.wdMult.set(k, v);
  }

  /**
   * MXNet `_set_current_context(device_id)`: update counts are kept per device, as MXNet
   * does for multi-device training; the Updater selects the weight's device.
   *
   * @example
   * opt.setCurrentContext(0);
   */
  setCurrentContext(deviceId: number): void {
    let counts = this.allIndexUpdateCounts.get(deviceId);
    if (counts === undefined) {
      counts = new Map();
      this.allIndexUpdateCounts.set(deviceId, counts);
    }
    this.currentUpdateCounts = counts;
  }

  /** MXNet `_index_update_count`: updates done per index on the current device. @example opt.indexUpdateCount.get(0) */
  get indexUpdateCount(): ReadonlyMap<number, number> {
    return this.currentUpdateCounts;
  }

  /**
   * MXNet `_update_count(index)`: counts one update of each index (starting from
   * `beginNumUpdate`) and raises `numUpdate` to the largest count.
   *
   * @example
   * this.updateCount(index); // first thing in update()
   */
  protected updateCount(index: number | readonly number[]): void {
    const indices = typeof index === 'number' ? [index] : index;
    for (const i of indices) {
      const c = (this.currentUpdateCounts.get(i) ?? this.beginNumUpdate) + 1;
      this.currentUpdateCounts.set(i, c);
      this.numUpdate = Math.max(c, this.numUpdate);
    }
  }

  /** MXNet `_get_lrs(indices)`. @example this.getLrs([0, 1]) */
  protected getLrs(indices: readonly number[]): number[] {
    const lr =
      this.lrScheduler !== null ? this.lrScheduler.call(this.numUpdate) : (this.lr as number);
    return indices.map((i) => lr * this.multOf(i, this.lrMult, 'lrMult'));
  }

  /** MXNet `_get_lr(index)`: the learning rate of one index. @example this.getLr(index) */
  protected getLr(index: number): number {
    return this.getLrs([index])[0];
  }

  /** MXNet `_get_wds(indices)`. @example this.getWds([0, 1]) */
  protected getWds(indices: readonly number[]): number[] {
    return indices.map((i) => this.wd * this.multOf(i, this.wdMult, 'wdMult'));
  }

  /** MXNet `_get_wd(index)`: the weight decay of one index. @example this.getWd(index) */
  protected getWd(index: number): number {
    return this.getWds([index])[0];
  }

  private multOf(index: number, mults: Map<MultKey, number>, key: 'lrMult' | 'wdMult'): number {
    const p = this.paramDict[index];
    if (p !== undefined) return p[key];
    const byIndex = mults.get(index);
    if (byIndex !== undefined) return byIndex;
    const name = this.idx2name[index];
    if (name !== undefined) return mults.get(name) ?? 1;
    return 1;
  }

  /**
   * The optimizer's own options (its constructor's camelCase keywords) with their current
   * values, for `Updater.getStates(true)`; the scheduler and `paramDict` are not included
   * (MXNet does not pickle `param_dict` either).
   *
   * @example
   * createOptimizer('sgd', new SGD({ momentum: 0.9 }).getConfig());
   */
  getConfig(): Record<string, unknown> {
    return {
      rescaleGrad: this.rescaleGrad,
      paramIdx2Name: { ...this.idx2name },
      wd: this.wd,
      clipGradient: this.clipGradient,
      learningRate: this.lr,
      beginNumUpdate: this.beginNumUpdate,
      multiPrecision: this.multiPrecision,
    };
  }

  /** @internal Optimizer-level state beyond the options and counts (Nadam's mSchedule), for `Updater.getStates(true)`. */
  _extraState(): Record<string, unknown> {
    return {};
  }

  /** @internal Restores what `_extraState` gave. */
  _setExtraState(_extra: Record<string, unknown>): void {}

  /** @internal The update counts, for `Updater.getStates(true)`. */
  _counters(): { numUpdate: number; counts: [number, [number, number][]][] } {
    return {
      numUpdate: this.numUpdate,
      counts: [...this.allIndexUpdateCounts].map(([d, m]) => [d, [...m]]),
    };
  }

  /** @internal Restores what `_counters` gave. */
  _setCounters(c: { numUpdate: number; counts: [number, [number, number][]][] }): void {
    this.numUpdate = c.numUpdate;
    this.allIndexUpdateCounts = new Map(c.counts.map(([d, m]) => [d, new Map(m)]));
    if (!this.allIndexUpdateCounts.has(0)) this.allIndexUpdateCounts.set(0, new Map());
    this.currentUpdateCounts = this.allIndexUpdateCounts.get(0) as Map<number, number>;
  }
}
