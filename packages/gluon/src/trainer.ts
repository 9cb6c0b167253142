import { InvalidArgumentError, type NDArray } from '@mxts/core';
import {
  createOptimizer,
  getUpdater,
  Optimizer,
  type OptimizerParam,
  type Updater,
} from './optimizer/index.js';
import { Parameter } from './parameter.js';
import { ParameterDict } from './parameter-dict.js';

/** Options of {@link Trainer} (MXNet's `kvstore`, `compression_params`, `update_on_kvstore`). */
export interface TrainerOptions {
  /** Accepted for MXNet compatibility: MXTS trains on one context, without a kvstore. */
  kvstore?: string | null;
  /** MXTS has no kvstore; true raises. */
  updateOnKvstore?: boolean | null;
}

/** Options of {@link Trainer.step} and {@link Trainer.update}. */
export interface StepOptions {
  /** Skip (rather than raise on) parameters whose gradient no backward refreshed. */
  ignoreStaleGrad?: boolean;
}

/**
 * MXNet `gluon.Trainer(params, optimizer, optimizer_params=None, kvstore='device')`:
 * applies an optimizer to a set of parameters. Parameters are indexed in sorted name order
 * when given as a ParameterDict, as MXNet does; `step(batchSize)` rescales gradients by
 * `1/batchSize` and updates every parameter in place.
 *
 * @example
 * const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1, momentum: 0.9 });
 * const loss = mx.autograd.record(() => lossFn.forward(net.forward(x), y));
 * loss.backward();
 * trainer.step(x.shape[0]);
 */
export class Trainer {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'Trainer';
  private readonly _params: Parameter[];
  private _optimizer: Optimizer;
  private _updater: Updater;
  private readonly _scale: number;

  constructor(
    params:
      | ParameterDict
      | Map<string, Parameter>
      | Record<string, Parameter>
      | readonly Parameter[],
    optimizer: string | Optimizer,
    optimizerParams?: Record<string, unknown> | null,
    options: TrainerOptions = {},
  ) {
    const op = 'Trainer';
    let list: unknown[];
    if (params instanceof ParameterDict || params instanceof Map) {
      const m = new Map<string, Parameter>(params instanceof Map ? params : [...params.items()]);
      list = [...m.keys()].sort().map((k) => m.get(k));
    } else if (Array.isArray(params)) list = [...params];
    else if (params !== null && typeof params === 'object') {
      const rec = params as Record<string, Parameter>;
      list = Object.keys(rec)
        .sort()
        .map((k) => rec[k]);
    } else {
      throw new InvalidArgumentError(
        op,
        `First argument must be a list or dict of Parameters, got ${typeof params}.`,
      );
    }
    list.forEach((p, i) => {
      if (!(p instanceof Parameter)) {
        throw new InvalidArgumentError(
          op,
          `First argument must be a list or dict of Parameters, got list of ${typeof p} (at ${i}).`,
        );
      }
    });
    if (options.updateOnKvstore) {
      throw new InvalidArgumentError(op, 'updateOnKvstore: MXTS has no kvstore; leave it unset');
    }
    this._params = list as Parameter[];
    const paramDict: Record<number, OptimizerParam> = {};
    this._params.forEach((p, i) => {
      paramDict[i] = p;
    });
    if (optimizer instanceof Optimizer) {
      if (optimizerParams && Object.keys(optimizerParams).length > 0) {
        throw new InvalidArgumentError(
          op,
          'optimizer_params must be None if optimizer is an instance of Optimizer instead of str',
        );
      }
      this._optimizer = optimizer;
      setParamDict(optimizer, paramDict);
    } else if (typeof optimizer === 'string') {
      this._optimizer = createOptimizer(optimizer, { ...(optimizerParams ?? {}), paramDict });
    } else {
      throw new InvalidArgumentError(op, 'optimizer must be a name (e.g. "sgd") or an Optimizer');
    }
    this._updater = getUpdater(this._optimizer);
    this._scale = this._optimizer.rescaleGrad;
  }

  /** The optimizer (MXNet's `trainer._optimizer`). */
  get optimizer(): Optimizer {
    return this._optimizer;
  }

  /** MXNet `learning_rate`: the optimizer's current learning rate. */
  get learningRate(): number {
    return this._optimizer.learningRate;
  }

  /**
   * MXNet `set_learning_rate(lr)`.
   * @example trainer.setLearningRate(trainer.learningRate * 0.1);
   */
  setLearningRate(lr: number): void {
    if (typeof lr !== 'number' || !Number.isFinite(lr)) {
      throw new InvalidArgumentError(
        'Trainer.setLearningRate',
        `lr must be a finite number, got ${lr}`,
      );
    }
    this._optimizer.setLearningRate(lr);
  }

  /**
   * MXNet `step(batch_size, ignore_stale_grad=False)`: `allreduceGrads()` then
   * `update(batchSize)`; gradients are scaled by `1/batchSize` (times the optimizer's
   * initial `rescaleGrad`).
   * @example trainer.step(64);
   */
  step(batchSize: number, options: StepOptions = {}): void {
    checkBatchSize('Trainer.step', batchSize);
    this._optimizer.rescaleGrad = this._scale / batchSize;
    this.allreduceGrads();
    this._update(options.ignoreStaleGrad ?? false);
  }

  /**
   * MXNet `allreduce_grads()`: sums gradients across contexts. MXTS trains on one context,
   * so there is nothing to sum; it checks that the parameters are initialized.
   * @example trainer.allreduceGrads(); clip(grads); trainer.update(64);
   */
  allreduceGrads(): void {
    for (const p of this._params) if (p.gradReq !== 'null') p.data();
  }

  /**
   * MXNet `update(batch_size, ignore_stale_grad=False)`: the optimizer step alone (after
   * `allreduceGrads`), with gradients scaled by `1/batchSize`.
   * @example trainer.allreduceGrads(); trainer.update(64);
   */
  update(batchSize: number, options: StepOptions = {}): void {
    checkBatchSize('Trainer.update', batchSize);
    this._optimizer.rescaleGrad = this._scale / batchSize;
    this._update(options.ignoreStaleGrad ?? false);
  }

  private _update(ignoreStaleGrad: boolean): void {
    const updates: [number, NDArray, NDArray][] = [];
    this._params.forEach((param, i) => {
      if (param.gradReq === 'null') return;
      const data = param.data();
      if (!ignoreStaleGrad && !data.freshGrad) {
        throw new InvalidArgumentError(
          'Trainer.step',
          `Gradient of Parameter \`${param.name}\` on context ${data.ctx} has not been updated by backward since last \`step\`. This could mean a bug in your model that made it only use a subset of the Parameters (Blocks) for this iteration. If you are intentionally only using a subset, call step with ignoreStaleGrad: true to suppress this warning and skip updating of Parameters with stale gradient`,
        );
      }
      if (!ignoreStaleGrad || data.freshGrad) {
        updates.push([i, param.grad(), data]);
        data.freshGrad = false;
      }
    });
    for (const [i, g, w] of updates) this._updater.call(i, g, w);
  }

  /**
   * MXNet `save_states(fname)`: the optimizer states (momentum, ...) and update counts, in
   * the Updater's `getStates(true)` bytes (read asynchronously, so WebGPU works too).
   * @example await trainer.saveStates('trainer.states');
   */
  async saveStates(fname: string): Promise<void> {
    const fs = await import('node:fs/promises');
    await fs.writeFile(fname, await this._updater.getStatesAsync(true));
  }

  /**
   * MXNet `load_states(fname)`: restores what `saveStates` wrote.
   * @example await trainer.loadStates('trainer.states');
   */
  async loadStates(fname: string): Promise<void> {
    const fs = await import('node:fs/promises');
    const bytes = new Uint8Array(await fs.readFile(fname));
    this._updater.setStates(bytes);
    this._optimizer = this._updater.optimizer;
    const paramDict: Record<number, OptimizerParam> = {};
    this._params.forEach((p, i) => {
      paramDict[i] = p;
    });
    setParamDict(this._optimizer, paramDict);
  }

  /** Frees the optimizer states now (MXTS; MXNet frees them with the Trainer). */
  dispose(): void {
    this._updater.dispose();
  }
}

function checkBatchSize(op: string, batchSize: number): void {
  if (typeof batchSize !== 'number' || !(batchSize > 0) || !Number.isFinite(batchSize)) {
    throw new InvalidArgumentError(op, `batchSize must be a positive number, got ${batchSize}`);
  }
}

// MXNet assigns `optimizer.param_dict = {i: param}` (not a copy, so later lrMult changes
// count); the contract's paramDict is a readonly property, so its entries are replaced.
function setParamDict(optimizer: Optimizer, dict: Record<number, OptimizerParam>): void {
  const target = optimizer.paramDict as Record<number, OptimizerParam>;
  for (const k of Object.keys(target)) delete target[Number(k)];
  Object.assign(target, dict);
}
